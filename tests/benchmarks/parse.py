"""Parse speed: schedgen beside PyMuPDF's bare extraction and pdfplumber's table finder.

Run: `uv run python tests/benchmarks/parse.py [--repeat N]`. Prints, for each fixture and for
generated 10- and 100-page lecture PDFs, the median time of

- schedgen's whole parse (`parse_pdf`, from bytes to rows),
- PyMuPDF's bare words + drawings extraction of the same file (the floor any parser pays),
- pdfplumber's `extract_tables` on every page (a general table finder),

and the ratios schedgen / bare (target <= 2) and pdfplumber / schedgen (target >= 40), then the
per-page time at 10 and 100 pages (linear when they agree).
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

import pdfplumber
import pymupdf

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.benchmarks.timing import median_ms

from schedgen_core.pdf import parse_pdf
from schedgen_core.pdf.writer import render_timetable_pdf
from schedgen_core.samples import many_page_lectures

FIXTURES = Path(__file__).resolve().parents[3] / "shared" / "fixtures" / "pdfs"


def bare_extraction(data: bytes) -> None:
    with pymupdf.open(stream=data, filetype="pdf") as document:
        for page in document:
            page.get_text("words")
            page.get_drawings()


def pdfplumber_tables(data: bytes) -> None:
    with pdfplumber.open(io.BytesIO(data)) as document:
        for page in document.pages:
            page.extract_tables()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15, help="timed runs per measurement")
    parser.add_argument("--plumber-repeat", type=int, default=3, help="runs for pdfplumber")
    args = parser.parse_args()

    inputs = [(p.name, p.read_bytes()) for p in sorted(FIXTURES.glob("*.pdf"))]
    inputs = [(name, data) for name, data in inputs if not name.startswith("invalid")]
    generated = {n: render_timetable_pdf(many_page_lectures(n)) for n in (10, 100)}
    inputs += [(f"generated-{n}-pages.pdf", data) for n, data in generated.items()]

    print(
        f"{'file':32} {'pages':>5} {'schedgen':>10} {'bare':>9} {'pdfplumber':>11}"
        f" {'sg/bare':>8} {'plumb/sg':>9}"
    )
    worst_bare_ratio, worst_plumber_ratio = 0.0, float("inf")
    per_page: dict[int, float] = {}
    for name, data in inputs:
        with pymupdf.open(stream=data, filetype="pdf") as document:
            pages = document.page_count
        ours = median_ms(lambda data=data, name=name: parse_pdf(data, name=name), args.repeat)
        bare = median_ms(lambda data=data: bare_extraction(data), args.repeat)
        plumber = median_ms(lambda data=data: pdfplumber_tables(data), args.plumber_repeat)
        worst_bare_ratio = max(worst_bare_ratio, ours / bare)
        worst_plumber_ratio = min(worst_plumber_ratio, plumber / ours)
        if name.startswith("generated"):
            per_page[pages] = ours / pages
        print(
            f"{name:32} {pages:5d} {ours:8.2f}ms {bare:7.2f}ms {plumber:9.1f}ms"
            f" {ours / bare:8.2f} {plumber / ours:9.1f}"
        )
    print()
    print(f"worst schedgen/bare ratio:       {worst_bare_ratio:.2f}  (target <= 2)")
    print(f"worst pdfplumber/schedgen ratio: {worst_plumber_ratio:.1f}  (target >= 40)")
    for pages, ms in sorted(per_page.items()):
        print(f"per page at {pages:3d} pages:           {ms:.2f} ms")
    if len(per_page) == 2:
        low, high = (per_page[k] for k in sorted(per_page))
        print(f"per-page growth 10 -> 100 pages:  {high / low:.2f}x  (1.0 = linear)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

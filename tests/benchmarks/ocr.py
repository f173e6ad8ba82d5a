"""OCR speed and accuracy on scans made from the fixtures.

Run: `uv run python tests/benchmarks/ocr.py [--dpi N] [--scan-dpi N]`. Each fixture is rendered to a
picture-only PDF (`--scan-dpi`, default 300), then for each one this prints

- the OCR time per page (`ocr_page_content` at `--dpi`, wall clock and process CPU time),
- the word accuracy of the OCR words against the text layer's visible words (matched by position),
- the whole parse (`parse_pdf(..., ocr=True)`) time and its field accuracy against the expected
  JSON,

and the totals. The machine's load average is printed too: OCR is CPU-bound, and other work on the
machine slows it in proportion.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

import pymupdf

from schedgen_core.errors import ScheduleError
from schedgen_core.pdf import ocr, parse_pdf

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.ocr_support import (
    field_accuracy,
    image_only_pdf,
    visible_words,
    word_accuracy,
)

FIXTURES = Path(
    os.environ.get("SCHEDGEN_FIXTURES", Path(__file__).resolve().parents[3] / "shared" / "fixtures")
)


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--dpi", type=int, default=ocr.DEFAULT_DPI, help="OCR resolution")
    options.add_argument("--scan-dpi", type=int, default=300, help="resolution of the scans")
    args = options.parse_args()
    if not ocr.tesseract_available():
        print("Tesseract language data not found: apt-get install tesseract-ocr tesseract-ocr-eng")
        return 1

    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores; OCR at {args.dpi} dpi")
    header = (
        f"{'fixture':<18} {'pages':>5} {'ocr s/page':>10} {'cpu s/page':>10} "
        f"{'words':>13} {'parse s':>8} {'fields':>15}"
    )
    print(header)
    print("-" * len(header))
    totals = {"pages": 0, "wall": 0.0, "cpu": 0.0, "right": 0, "words": 0, "equal": 0, "fields": 0}
    for pdf in sorted((FIXTURES / "pdfs").glob("*.pdf")):
        scan = image_only_pdf(pdf, dpi=args.scan_dpi)
        with pymupdf.open(pdf) as original, pymupdf.open(stream=scan, filetype="pdf") as scanned:
            wall = cpu = 0.0
            right = words = 0
            for page, picture in zip(original, scanned, strict=True):
                started, started_cpu = time.perf_counter(), time.process_time()
                content = ocr.ocr_page_content(picture, dpi=args.dpi)
                wall += time.perf_counter() - started
                cpu += time.process_time() - started_cpu
                printed = visible_words(page)
                right += word_accuracy(printed, content.words)[0]
                words += len(printed)
            pages = original.page_count

        expected = json.loads((FIXTURES / "expected" / f"{pdf.stem}.json").read_text())
        started = time.perf_counter()
        try:
            parsed = parse_pdf(scan, name=pdf.name, ocr=True).to_dict()
        except ScheduleError as error:
            parsed = {"error": str(error)}
        parse_time = time.perf_counter() - started
        if "error" in expected:
            ok = str(parsed.get("error", "")).startswith(expected["error"])
            fields_text = "error as expected" if ok else "WRONG"
        else:
            equal, fields = field_accuracy(expected, parsed)
            totals["equal"] += equal
            totals["fields"] += fields
            fields_text = f"{equal}/{fields} {equal / fields:.3f}"
        totals["pages"] += pages
        totals["wall"] += wall
        totals["cpu"] += cpu
        totals["right"] += right
        totals["words"] += words
        print(
            f"{pdf.stem:<18} {pages:>5} {wall / pages:>10.2f} {cpu / pages:>10.2f} "
            f"{f'{right}/{words}':>7} {right / words:.3f} {parse_time:>8.2f} {fields_text:>15}"
        )
    print("-" * len(header))
    print(
        f"{'all':<18} {totals['pages']:>5} {totals['wall'] / totals['pages']:>10.2f} "
        f"{totals['cpu'] / totals['pages']:>10.2f} "
        f"{totals['right'] / totals['words']:>13.4f} {'':>8} "
        f"{totals['equal'] / totals['fields']:>15.4f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

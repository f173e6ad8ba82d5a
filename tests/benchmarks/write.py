"""Writer speed: sample PDFs in the UP layout, and why the writer emits its own content stream.

Run: `uv run python tests/benchmarks/write.py [--repeat N]`. Prints the median time to write
generated lecture timetables of 1, 10 and 100 pages (text PDF and image-only at 150 dpi), and
beside it the same words and rules placed through PyMuPDF's `insert_text` / `draw_rect` calls,
which re-read the page for every call and grow quadratically with the text on a page.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pymupdf

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.benchmarks.timing import median_ms

from schedgen_core.pdf.writer import render_timetable_pdf
from schedgen_core.samples import many_page_lectures


def through_insert_text(pdf: bytes) -> bytes:
    """The same words and rules, placed one PyMuPDF call at a time."""
    source = pymupdf.open(stream=pdf, filetype="pdf")
    out = pymupdf.open()
    for page in source:
        target = out.new_page(width=page.rect.width, height=page.rect.height)
        for span in (
            s
            for b in page.get_text("dict")["blocks"]
            for line in b.get("lines", [])
            for s in line["spans"]
        ):
            target.insert_text(span["origin"], span["text"], fontname="helv", fontsize=span["size"])
        for drawing in page.get_drawings():
            target.draw_rect(drawing["rect"], color=None, fill=(0, 0, 0), width=0)
    return out.tobytes(deflate=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    print(
        f"{'pages':>5} {'rows':>6} {'write':>10} {'per page':>9} {'image 150dpi':>13} "
        f"{'insert_text':>12} {'ratio':>7}"
    )
    for pages in (1, 10, 100):
        timetable = many_page_lectures(pages)
        pdf = render_timetable_pdf(timetable)
        write = median_ms(lambda t=timetable: render_timetable_pdf(t), args.repeat, warm_up=False)
        image = median_ms(
            lambda t=timetable: render_timetable_pdf(t, image_only=True, dpi=150),
            1 if pages > 10 else args.repeat,
        )
        if pages <= 10:
            slow = median_ms(lambda p=pdf: through_insert_text(p), 1)
            slow_text, ratio = f"{slow:10.0f}ms", f"{slow / write:6.0f}x"
        else:
            slow_text, ratio = f"{'(skipped)':>12}", f"{'':>7}"
        print(
            f"{pages:>5} {len(timetable.rows):>6} {write:8.1f}ms {write / pages:7.2f}ms "
            f"{image:11.0f}ms {slow_text} {ratio}"
        )


if __name__ == "__main__":
    main()

"""Open a PDF safely, read its table, return the timetable.

Every way a file can be wrong ends in a :class:`~schedgen_core.errors.ScheduleError` with a
message for a person, checked in the order a person would want to hear about it: size, format,
damage, password, page count, text layer, and only then whether it is a UP schedule at all.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pymupdf

from schedgen_core.errors import (
    CorruptPdfError,
    EmptyFileError,
    EncryptedPdfError,
    FileTooLargeError,
    NotAPdfError,
    NotAScheduleError,
    OcrRequiredError,
    ParseTimeoutError,
    TooManyPagesError,
)
from schedgen_core.model import Timetable
from schedgen_core.pdf import extract
from schedgen_core.pdf.content import PageContent
from schedgen_core.pdf.layouts import LAYOUTS, Layout, kind_from_title
from schedgen_core.pdf.readers import read_rows
from schedgen_core.pdf.table import read_table

PDF_MAGIC = b"%PDF-"

pymupdf.TOOLS.mupdf_display_errors(False)
pymupdf.TOOLS.mupdf_display_warnings(False)


@dataclass(frozen=True, slots=True)
class ParseLimits:
    """Bounds on the work one parse may do (DESIGN §5)."""

    max_bytes: int = 10 * 1024 * 1024
    """Largest accepted file, in bytes."""
    max_pages: int = 100
    """Most pages accepted in one PDF."""
    max_seconds: float = 60.0
    """Longest a parse may run; checked between pages."""


DEFAULT_LIMITS = ParseLimits()


def parse_pdf(
    source: bytes | str | os.PathLike[str],
    *,
    name: str | None = None,
    limits: ParseLimits = DEFAULT_LIMITS,
    ocr: bool = False,
) -> Timetable:
    """Parse a UP timetable PDF given as bytes or a path.

    ``name`` is the file name reported as ``source`` (defaults to the path's name). ``ocr`` allows
    the OCR path for pages without a text layer; without it such a PDF raises OcrRequiredError.
    """
    if name is None:
        name = "" if isinstance(source, bytes | bytearray | memoryview) else Path(source).name
    data = _read_source(source, limits)
    with _open(data, limits) as document:
        deadline = time.monotonic() + limits.max_seconds
        table = read_table(_page_contents(document, ocr, deadline), _layout_for_title)
    kind = table.layout.kind
    return Timetable(source=name, kind=kind, rows=tuple(read_rows(kind, table.blocks)))


def check_pdf(
    source: bytes | str | os.PathLike[str], *, limits: ParseLimits = DEFAULT_LIMITS
) -> int:
    """The file-level checks of :func:`parse_pdf` without reading any page.

    Size, signature, damage, password and page count, with the same typed errors and messages.
    Returns the page count. Cheap enough to run on every upload before queueing it.
    """
    with _open(_read_source(source, limits), limits) as document:
        return int(document.page_count)


def _layout_for_title(title: str) -> Layout:
    kind = kind_from_title(title)
    if kind is None:
        shown = f" (its title reads '{title[:60]}')" if title else ""
        raise NotAScheduleError(
            "not a UP schedule: page 1 is not titled Lectures, Semester Tests or Exams" + shown
        )
    return LAYOUTS[kind]


def _read_source(source: bytes | str | os.PathLike[str], limits: ParseLimits) -> bytes:
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
    else:
        path = Path(source)
        size = path.stat().st_size
        if size > limits.max_bytes:
            raise FileTooLargeError(_too_large_message(size, limits))
        data = path.read_bytes()
    if not data:
        raise EmptyFileError("the file is empty")
    if len(data) > limits.max_bytes:
        raise FileTooLargeError(_too_large_message(len(data), limits))
    if not data[:1024].lstrip(b"\x00\t\n\f\r ").startswith(PDF_MAGIC):
        raise NotAPdfError("not a PDF file (it does not start with %PDF-)")
    return data


def _too_large_message(size: int, limits: ParseLimits) -> str:
    limit = limits.max_bytes / 1_048_576
    return f"the file is {size / 1_048_576:.1f} MB; the limit is {limit:g} MB"


def _open(data: bytes, limits: ParseLimits) -> pymupdf.Document:
    try:
        document = pymupdf.open(stream=data, filetype="pdf")
    except Exception as exc:  # MuPDF raises several types for damaged files
        raise CorruptPdfError(
            f"the PDF is damaged or truncated and cannot be opened ({exc})"
        ) from exc
    if document.needs_pass and not document.authenticate(""):
        document.close()
        raise EncryptedPdfError("the PDF is password-protected; save an unprotected copy first")
    if document.page_count == 0:
        document.close()
        raise CorruptPdfError("the PDF is damaged or truncated: it has no pages")
    if document.page_count > limits.max_pages:
        count = document.page_count
        document.close()
        raise TooManyPagesError(f"the PDF has {count} pages; the limit is {limits.max_pages}")
    return document


SCAN_MAX_WORDS = 5
"""A page with pictures, no rules and at most this many words (a stamp, a page number) is a scan."""


def _looks_scanned(content: PageContent) -> bool:
    return len(content.words) <= SCAN_MAX_WORDS and not content.h_rules


def _page_contents(document: pymupdf.Document, ocr: bool, deadline: float) -> Iterator[PageContent]:
    for index in range(document.page_count):
        if time.monotonic() > deadline:
            raise ParseTimeoutError("reading the PDF took too long; it is too large or complex")
        try:
            page = document.load_page(index)
            content = extract.page_content(page)
            scanned = _looks_scanned(content) and bool(page.get_images(full=False))
        except Exception as exc:  # MuPDF raises several types for a damaged page
            raise CorruptPdfError(
                f"the PDF is damaged: page {index + 1} cannot be read ({exc})"
            ) from exc
        if not scanned:
            yield content
        elif not ocr:
            raise OcrRequiredError(
                f"page {index + 1} is an image without a text layer (a scan); reading it "
                "needs OCR: use `schedgen parse --ocr` or upload it to the schedgen server"
            )
        else:
            from schedgen_core.pdf.ocr import ocr_page_content

            yield ocr_page_content(page)

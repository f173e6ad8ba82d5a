"""Cheap checks on an upload before it is queued: is it a readable PDF within the limits?

Used when PDFs go to the workers (``text_parse=worker``), so that a bad file is refused with a
4xx at once instead of becoming a failed job. Inline parsing runs the whole core parse instead.
"""

from __future__ import annotations

import pymupdf

from schedgen_core.errors import (
    CorruptPdfError,
    EmptyFileError,
    EncryptedPdfError,
    FileTooLargeError,
    NotAPdfError,
    TooManyPagesError,
)
from schedgen_core.pdf import ParseLimits

PDF_MAGIC = b"%PDF-"


def preflight(data: bytes, limits: ParseLimits) -> None:
    if not data:
        raise EmptyFileError("the file is empty")
    if len(data) > limits.max_bytes:
        raise FileTooLargeError(
            f"the file is {len(data) / 1_048_576:.1f} MB; "
            f"the limit is {limits.max_bytes / 1_048_576:.0f} MB"
        )
    if not data.lstrip(b"\x00\t\n\f\r ")[:1024].startswith(PDF_MAGIC):
        raise NotAPdfError("not a PDF file (it does not start with %PDF-)")
    try:
        document = pymupdf.open(stream=data, filetype="pdf")
    except Exception:
        raise CorruptPdfError("the PDF is damaged and cannot be read") from None
    with document:
        if document.needs_pass:
            raise EncryptedPdfError("the PDF is password-protected; upload an unlocked copy")
        if document.page_count > limits.max_pages:
            raise TooManyPagesError(
                f"the PDF has {document.page_count} pages; the limit is {limits.max_pages}"
            )

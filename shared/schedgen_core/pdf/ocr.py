"""OCR for pages without a text layer (placeholder until the OCR reader lands)."""

from __future__ import annotations

import pymupdf

from schedgen_core.errors import OcrUnavailableError
from schedgen_core.pdf.content import PageContent


def ocr_page_content(page: pymupdf.Page) -> PageContent:
    raise OcrUnavailableError("OCR is not available in this build")

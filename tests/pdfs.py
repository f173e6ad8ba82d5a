"""Small PDFs made by the tests themselves (never copies of the fixtures)."""

from __future__ import annotations

import pymupdf


def blank_pdf(pages: int = 1, text: str = "") -> bytes:
    document = pymupdf.open()
    for _ in range(pages):
        page = document.new_page()
        if text:
            page.insert_text((72, 72), text, fontsize=14)
    return document.tobytes()


def encrypted_copy(data: bytes, user_password: str = "secret") -> bytes:
    document = pymupdf.open(stream=data, filetype="pdf")
    return document.tobytes(
        encryption=pymupdf.PDF_ENCRYPT_AES_256,
        owner_pw="owner-" + user_password,
        user_pw=user_password,
    )


def image_only_copy(data: bytes, dpi: int = 100) -> bytes:
    """Each page rendered to a picture and put on a page of its own: a scan with no text layer."""
    source = pymupdf.open(stream=data, filetype="pdf")
    scanned = pymupdf.open()
    for page in source:
        picture = page.get_pixmap(dpi=dpi)
        target = scanned.new_page(width=page.rect.width, height=page.rect.height)
        target.insert_image(target.rect, pixmap=picture)
    return scanned.tobytes()

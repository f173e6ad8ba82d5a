"""Open a PDF safely, pick the reader for its kind, return the timetable."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from schedgen_core.errors import (
    EmptyFileError,
    FileTooLargeError,
    NotAPdfError,
)
from schedgen_core.model import Timetable

PDF_MAGIC = b"%PDF-"


@dataclass(frozen=True, slots=True)
class ParseLimits:
    """Bounds on the work one parse may do (DESIGN §5)."""

    max_bytes: int = 10 * 1024 * 1024
    """Largest accepted file, in bytes."""
    max_pages: int = 100
    """Most pages accepted in one PDF."""


DEFAULT_LIMITS = ParseLimits()


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
    if not data.lstrip(b"\x00\t\n\f\r ")[:1024].startswith(PDF_MAGIC):
        raise NotAPdfError("not a PDF file (it does not start with %PDF-)")
    return data


def _too_large_message(size: int, limits: ParseLimits) -> str:
    return (
        f"the file is {size / 1_048_576:.1f} MB; the limit is {limits.max_bytes / 1_048_576:.0f} MB"
    )


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
    raise NotImplementedError

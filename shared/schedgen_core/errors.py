"""Typed errors for everything a user can feed the core.

Every error carries a stable ``code`` (for the HTTP API and the desktop app) and a message written
for a person. Callers show ``str(error)``; they never need a traceback.
"""

from __future__ import annotations


class ScheduleError(Exception):
    """Base of every error the core raises on bad input."""

    code = "schedule_error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotAPdfError(ScheduleError):
    """The bytes do not start with the PDF signature."""

    code = "not_a_pdf"


class EmptyFileError(ScheduleError):
    """The file has no bytes at all."""

    code = "empty_file"


class CorruptPdfError(ScheduleError):
    """A PDF signature, but the file is truncated or damaged beyond reading."""

    code = "corrupt_pdf"


class EncryptedPdfError(ScheduleError):
    """The PDF needs a password to open."""

    code = "encrypted_pdf"


class FileTooLargeError(ScheduleError):
    """The file is larger than the configured limit."""

    code = "file_too_large"


class TooManyPagesError(ScheduleError):
    """The PDF has more pages than the configured limit."""

    code = "too_many_pages"


class NotAScheduleError(ScheduleError):
    """A readable PDF, but not a UP lecture, test or exam schedule."""

    code = "not_a_schedule"


class OcrRequiredError(ScheduleError):
    """The PDF has no text layer (a scan); reading it needs OCR."""

    code = "ocr_required"


class OcrUnavailableError(ScheduleError):
    """OCR was asked for, but no OCR engine (Tesseract) is installed here."""

    code = "ocr_unavailable"


class ParseTimeoutError(ScheduleError):
    """The parse took longer than the configured time limit."""

    code = "parse_timeout"


class UnreadableCellError(ScheduleError):
    """A cell that must hold a date or a time holds something else."""

    code = "unreadable_cell"

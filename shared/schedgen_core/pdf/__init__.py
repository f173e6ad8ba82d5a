"""Reading UP timetable PDFs.

``parse_pdf`` is the one entry point: bytes or a path in, a :class:`~schedgen_core.model.Timetable`
out, or a :class:`~schedgen_core.errors.ScheduleError` subclass with a message for a person.
"""

from schedgen_core.pdf.parser import DEFAULT_LIMITS, ParseLimits, check_pdf, parse_pdf

__all__ = ["DEFAULT_LIMITS", "ParseLimits", "check_pdf", "parse_pdf"]

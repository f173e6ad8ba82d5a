"""Errors the calendar code raises on input a person has to fix."""

from __future__ import annotations

from schedgen_core.errors import ScheduleError


class TermDatesMissingError(ScheduleError):
    """A weekly session's term has no known start and end dates, and none were given."""

    code = "term_dates_missing"


class CalendarOptionsError(ScheduleError):
    """Calendar options (group choices, dates, durations) are malformed or contradictory."""

    code = "bad_calendar_options"


class TermDataError(ScheduleError):
    """A term-dates data file cannot be read or does not have the expected shape."""

    code = "bad_term_data"


class TimetableDataError(ScheduleError):
    """A timetable row has a day, date or time that cannot be read."""

    code = "bad_timetable_data"


class CalendarFileError(ScheduleError):
    """An existing iCalendar file (the previous export) cannot be read."""

    code = "bad_calendar_file"


class UndatedEventsError(TermDatesMissingError):
    """`to_ics` was given undated classes (a preview built with ``allow_undated``).

    A `TermDatesMissingError`, with the same code: the fix is the same, give the term dates.
    """

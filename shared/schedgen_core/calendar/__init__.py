"""Calendar building: from parsed timetables to events a student can trust, and iCalendar.

See docs/calendar.md for the API summary. Everything here is plain data and pure functions, used
alike by the desktop app, the server and the ``schedgen ics``/``schedgen diff`` commands.
"""

from __future__ import annotations

from schedgen_core.calendar.colours import PALETTE, Colour, assign_colours, module_colour
from schedgen_core.calendar.diff import SessionChange, TimetableDiff, diff_timetables
from schedgen_core.calendar.errors import (
    CalendarFileError,
    CalendarOptionsError,
    TermDataError,
    TermDatesMissingError,
    TimetableDataError,
    UndatedEventsError,
)
from schedgen_core.calendar.events import (
    TIMEZONE,
    CalendarBuild,
    Choice,
    Clash,
    Event,
    EventCategory,
    Exclusion,
    build_events,
    find_clashes,
    public_holidays,
)
from schedgen_core.calendar.ics import read_previous, to_ics
from schedgen_core.calendar.options import DEFAULT_EXAM_MINUTES, CalendarOptions
from schedgen_core.calendar.sessions import Session, sessions_from_timetables
from schedgen_core.calendar.terms import (
    TERM_CODES,
    DateRange,
    TermCalendar,
    TermDates,
    YearCalendar,
    load_term_calendar,
    term_calendar_from_mapping,
    terms_share_weeks,
)

__all__ = [
    "DEFAULT_EXAM_MINUTES",
    "PALETTE",
    "TERM_CODES",
    "TIMEZONE",
    "CalendarBuild",
    "CalendarFileError",
    "CalendarOptions",
    "CalendarOptionsError",
    "Choice",
    "Clash",
    "Colour",
    "DateRange",
    "Event",
    "EventCategory",
    "Exclusion",
    "Session",
    "SessionChange",
    "TermCalendar",
    "TermDataError",
    "TermDates",
    "TermDatesMissingError",
    "TimetableDataError",
    "TimetableDiff",
    "UndatedEventsError",
    "YearCalendar",
    "assign_colours",
    "build_events",
    "diff_timetables",
    "find_clashes",
    "load_term_calendar",
    "module_colour",
    "public_holidays",
    "read_previous",
    "sessions_from_timetables",
    "term_calendar_from_mapping",
    "terms_share_weeks",
    "to_ics",
]

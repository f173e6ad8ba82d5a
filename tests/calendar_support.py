"""Shared helpers for the calendar tests: fixture timetables and given (not official) term dates."""

from __future__ import annotations

import json
from datetime import date, datetime
from zoneinfo import ZoneInfo

import recurring_ical_events
from icalendar import Calendar

from schedgen_core.calendar import DateRange, TermCalendar, TermDates, YearCalendar
from schedgen_core.model import Timetable
from tests.conftest import FIXTURE_EXPECTED

SAST = ZoneInfo("Africa/Johannesburg")

# Test inputs, chosen for the assertions below; they are not claimed to be UP's dates.
S1 = TermDates(date(2025, 2, 3), date(2025, 5, 30), "test input")
S2 = TermDates(date(2025, 7, 21), date(2025, 10, 24), "test input")
SPRING_BREAK = DateRange(date(2025, 9, 1), date(2025, 9, 5), "Spring recess (test input)")
TERMS = TermCalendar({2025: YearCalendar(2025, {"S1": S1, "S2": S2}, (SPRING_BREAK,))})


def fixture_timetable(name: str) -> Timetable:
    return Timetable.from_dict(json.loads((FIXTURE_EXPECTED / f"{name}.json").read_text()))


def expand(ics: bytes) -> dict[str, list[tuple[datetime, datetime]]]:
    """UID -> every (start, end) occurrence, expanded the way calendar apps do."""
    calendar = Calendar.from_ical(ics)
    occurrences: dict[str, list[tuple[datetime, datetime]]] = {}
    for event in recurring_ical_events.of(calendar).between(date(2000, 1, 1), date(2100, 1, 1)):
        start, end = event["DTSTART"].dt, event["DTEND"].dt
        occurrences.setdefault(str(event["UID"]), []).append((start, end))
    return {uid: sorted(times) for uid, times in occurrences.items()}


def at(day: str, clock: str) -> datetime:
    return datetime.fromisoformat(f"{day}T{clock}").replace(tzinfo=SAST)

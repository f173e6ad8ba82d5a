"""From parsed rows to sessions: one per real-world meeting, before any dates are applied.

A practical split over several labs is listed once per venue; identical lines repeat. Both collapse
into one `Session` whose venues keep document order. `diff_timetables` compares sessions, and
`build_events` turns them into dated events.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, time

from schedgen_core.calendar.colours import normalise_module
from schedgen_core.model import LectureRow, Row, SemesterTestRow, Timetable

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
ACTIVITY_NAMES = {
    "L": "Lecture",
    "P": "Practical",
    "T": "Tutorial",
    "S": "Seminar",
    "D": "Discussion class",
    "W": "Workshop",
    "E": "Excursion",
}
_ACTIVITY_CODE = re.compile(r"^\s*([A-Za-z]+)\s*\d*\s*$")


def activity_type(activity: str) -> str:
    """``"P1"`` -> ``"P"``, ``"L12"`` -> ``"L"``; anything else is its own upper-cased type."""
    match = _ACTIVITY_CODE.match(activity)
    return (match.group(1) if match else activity.strip()).upper()


def parse_time(value: str) -> time:
    hours, _, minutes = value.strip().partition(":")
    return time(int(hours), int(minutes))


def weekday_index(day: str) -> int:
    """``"Monday"`` (any case, or a three-letter prefix) -> 0."""
    key = day.strip().lower()
    for index, name in enumerate(WEEKDAYS):
        if len(key) >= 3 and name.lower().startswith(key):
            return index
    raise ValueError(f"{day!r} is not a weekday")


@dataclass(frozen=True, slots=True)
class Session:
    """One meeting in the timetable: a weekly class, a test or an exam, with all its venues.

    ``day`` is the weekday (weekly classes) and ``date`` the calendar day (tests, exams); ``end`` is
    None for exams, whose end time the PDF does not give.
    """

    category: str  # "class" | "test" | "exam"
    module: str
    activity: str
    group: str
    term: str
    day: str
    date: date | None
    start: time
    end: time | None
    venues: tuple[str, ...]
    campus: str
    lang: str = ""
    notes: tuple[str, ...] = ()

    @property
    def activity_type(self) -> str:
        return activity_type(self.activity) if self.category == "class" else ""

    @property
    def identity(self) -> tuple[str, ...]:
        """What the session *is*, apart from when and where: matched across timetable versions."""
        return (self.category, normalise_module(self.module), self.activity.upper(), self.group)

    @property
    def slot(self) -> tuple[str, ...]:
        """When it happens."""
        when = self.date.isoformat() if self.date else self.day
        end = self.end.strftime("%H:%M") if self.end else ""
        return (self.term, when, self.start.strftime("%H:%M"), end)

    def describe(self) -> str:
        """``COS 212 P1 (P01) Tuesday 10:30-13:20 @ Lab A, Lab B``."""
        when = self.date.isoformat() if self.date else self.day
        end = f"-{self.end:%H:%M}" if self.end else ""
        group = f" ({self.group})" if self.group else ""
        term = f" {self.term}" if self.term else ""
        venues = ", ".join(self.venues) or "no venue"
        return (
            f"{self.module} {self.activity}{group}{term} {when} {self.start:%H:%M}{end} @ {venues}"
        )


def _session_from_row(row: Row) -> Session:
    if isinstance(row, LectureRow):
        return Session(
            category="class",
            module=row.module,
            activity=row.activity,
            group=row.group,
            term=row.offered.strip().upper(),
            day=WEEKDAYS[weekday_index(row.day)],
            date=None,
            start=parse_time(row.start),
            end=parse_time(row.end),
            venues=(row.venue,) if row.venue else (),
            campus=row.campus,
            lang=row.lang,
        )
    if isinstance(row, SemesterTestRow):
        day = date.fromisoformat(row.date)
        return Session(
            category="test",
            module=row.module,
            activity=row.test,
            group="",
            term="",
            day=WEEKDAYS[day.weekday()],
            date=day,
            start=parse_time(row.start),
            end=parse_time(row.end),
            venues=tuple(v for v in row.venues if v),
            campus=row.campus,
        )
    day = date.fromisoformat(row.date)
    notes = tuple(
        text
        for text in (
            f"Paper {row.paper}" if row.paper else "",
            f"Status: {row.status}" if row.status else "",
            row.comments,
        )
        if text
    )
    return Session(
        category="exam",
        module=row.module,
        activity=row.activity or "Exam",
        group=f"Paper {row.paper}" if row.paper else "",
        term="",
        day=WEEKDAYS[day.weekday()],
        date=day,
        start=parse_time(row.start),
        end=None,
        venues=(row.venue,) if row.venue else (),
        campus=row.exam_campus or row.module_campus,
        notes=notes,
    )


def _merge_key(session: Session) -> tuple[object, ...]:
    return (*session.identity, session.term, session.day, session.date, session.start, session.end)


def sessions_from_rows(rows: Iterable[Row]) -> list[Session]:
    """Merge rows of the same session (same module, activity, group, term, day/date and times).

    Venues are unioned in document order, so no venue is ever lost; exact duplicate lines vanish.
    Raises ValueError for a row whose day, date or time cannot be read.
    """
    merged: dict[tuple[object, ...], Session] = {}
    for row in rows:
        session = _session_from_row(row)
        key = _merge_key(session)
        existing = merged.get(key)
        if existing is None:
            merged[key] = session
            continue
        venues = existing.venues + tuple(v for v in session.venues if v not in existing.venues)
        campuses = [c for c in (existing.campus, session.campus) if c]
        campus = " / ".join(dict.fromkeys(campuses))
        notes = existing.notes + tuple(n for n in session.notes if n not in existing.notes)
        merged[key] = Session(
            **{
                **{name: getattr(existing, name) for name in Session.__slots__},
                "venues": venues,
                "campus": campus,
                "notes": notes,
            }
        )
    return list(merged.values())


def sessions_from_timetables(timetables: Sequence[Timetable]) -> list[Session]:
    """All sessions of several timetables (lectures, tests, exams may be mixed)."""
    return sessions_from_rows(row for timetable in timetables for row in timetable.rows)


__all__ = [
    "ACTIVITY_NAMES",
    "WEEKDAYS",
    "Session",
    "activity_type",
    "sessions_from_rows",
    "sessions_from_timetables",
]

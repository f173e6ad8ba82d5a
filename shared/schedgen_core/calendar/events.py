"""Dated calendar events from sessions: group choice, term dates, holidays, recess, exclusions.

Weekly classes become one recurring event each, from the first to the last teaching day of their
term on their weekday; public holidays (ZA), recess weeks and the student's own excluded ranges
are EXDATEs of that one series. Tests and exams are single events on their date.

With ``allow_undated=True`` a term without known dates does not stop the build: its classes become
undated events (weekday and times only) for a preview, clashes among them are found by weekday
and time, and `to_ics` refuses them until the term dates are given.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from functools import cache

import holidays

from schedgen_core.calendar.colours import (
    PALETTE,
    Colour,
    assign_colours,
    colour_named,
    normalise_module,
)
from schedgen_core.calendar.errors import TermDatesMissingError, TimetableDataError
from schedgen_core.calendar.options import CalendarOptions
from schedgen_core.calendar.sessions import (
    ACTIVITY_NAMES,
    WEEKDAYS,
    Session,
    sessions_from_timetables,
)
from schedgen_core.calendar.terms import (
    TERM_CODES,
    TERM_NAMES,
    DateRange,
    TermCalendar,
    TermDates,
    load_term_calendar,
    resolve_term,
    terms_share_weeks,
)
from schedgen_core.model import Timetable

TIMEZONE = "Africa/Johannesburg"


class EventCategory(StrEnum):
    CLASS = "class"
    TEST = "test"
    EXAM = "exam"


class Choice(StrEnum):
    """Whether the student attends this group: the only one, the chosen one, or not chosen yet."""

    FIXED = "fixed"
    CHOSEN = "chosen"
    NOT_CHOSEN = "not_chosen"


@dataclass(frozen=True, slots=True)
class Exclusion:
    """A day a weekly class does not meet, and why."""

    day: date
    reason: str


@dataclass(frozen=True, slots=True)
class Event:
    """One calendar entry: a weekly series (``weekly``) or a single meeting."""

    uid: str
    module: str
    category: EventCategory
    activity: str
    activity_type: str
    group: str
    term: str
    title: str
    venues: tuple[str, ...]
    campus: str
    start: time
    end: time
    first_date: date | None
    """None for an undated weekly class (its term has no known dates yet)."""
    last_date: date | None
    weekly: bool
    exclusions: tuple[Exclusion, ...] = ()
    choice: Choice = Choice.FIXED
    alternatives: tuple[str, ...] = ()
    end_estimated: bool = False
    colour: Colour = PALETTE[0]
    description: str = ""
    day: str = ""
    """The weekday name (set for every event; undated classes have nothing else)."""
    included: bool = True
    """False when the student left the event out (`CalendarOptions.excluded_events`)."""

    @property
    def excluded_dates(self) -> tuple[date, ...]:
        return tuple(exclusion.day for exclusion in self.exclusions)

    @property
    def dated(self) -> bool:
        """False for a weekly class whose term dates are not known yet (preview only)."""
        return self.first_date is not None

    @property
    def weekday(self) -> str:
        if self.day:
            return self.day
        assert self.first_date is not None
        return WEEKDAYS[self.first_date.weekday()]

    @property
    def key(self) -> str:
        """What the event is, without the year: ``class|COS 214|P1|P02|Wednesday|14:30``.

        Category, module, activity, group, weekday (classes) or date (tests, exams) and start.
        It is the same before and after term dates are set, and from one year's timetable to
        the next, so `CalendarOptions.excluded_events` can hold it.
        """
        when = self.weekday if self.weekly or self.first_date is None else self.first_date
        when_text = when if isinstance(when, str) else when.isoformat()
        parts = [self.category.value, self.module, self.activity, self.group, when_text]
        return "|".join([*parts, f"{self.start:%H:%M}"])

    @property
    def attended(self) -> bool:
        """False for a group not chosen yet or an event left out (shown, not counted)."""
        return self.included and self.choice is not Choice.NOT_CHOSEN

    def occurrences(self) -> list[date]:
        """Every date the event takes place, exclusions removed (none while undated)."""
        if self.first_date is None or self.last_date is None:
            return []
        if not self.weekly:
            return [self.first_date]
        skipped = set(self.excluded_dates)
        days = []
        day = self.first_date
        while day <= self.last_date:
            if day not in skipped:
                days.append(day)
            day += timedelta(days=7)
        return days

    def to_dict(self) -> dict[str, object]:
        """A JSON-safe view for the HTTP API and the apps."""
        return {
            "uid": self.uid,
            "module": self.module,
            "category": self.category.value,
            "activity": self.activity,
            "activity_type": self.activity_type,
            "group": self.group,
            "term": self.term,
            "title": self.title,
            "venues": list(self.venues),
            "campus": self.campus,
            "start": f"{self.start:%H:%M}",
            "end": f"{self.end:%H:%M}",
            "first_date": _iso(self.first_date),
            "last_date": _iso(self.last_date),
            "weekly": self.weekly,
            "weekday": self.weekday,
            "dated": self.dated,
            "key": self.key,
            "included": self.included,
            "exclusions": [
                {"date": e.day.isoformat(), "reason": e.reason} for e in self.exclusions
            ],
            "choice": self.choice.value,
            "alternatives": list(self.alternatives),
            "end_estimated": self.end_estimated,
            "colour": {"name": self.colour.name, "hex": self.colour.hex},
            "description": self.description,
        }

    def fingerprint(self) -> str:
        """A hash of everything a calendar shows; it changes exactly when the event does."""
        parts = [
            self.title,
            "|".join(self.venues),
            self.campus,
            self.start.isoformat(),
            self.end.isoformat(),
            _iso(self.first_date) or "undated",
            _iso(self.last_date) or "undated",
            str(self.weekly),
            "|".join(d.isoformat() for d in self.excluded_dates),
            self.choice.value,
            self.colour.name,
            self.description,
        ]
        return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


@dataclass(frozen=True, slots=True)
class Clash:
    """Two attended events that overlap in time on at least one day.

    ``dates`` is empty for weekly classes whose term dates are not known yet: they clash by
    weekday and time, every week of the terms they share.
    """

    first: Event
    second: Event
    dates: tuple[date, ...]
    allowed: bool = False

    @property
    def key(self) -> str:
        """Identity of the pair from the events' keys (no year), for `allowed_clashes`.

        An accepted clash stays accepted when term dates are set or the next year's timetable
        is opened; keys of the older form (the two uids) are still honoured.
        """
        return clash_key(self.first, self.second)

    def describe(self) -> str:
        def side(event: Event) -> str:
            return f"{event.title} {event.start:%H:%M}-{event.end:%H:%M}"

        if not self.dates:
            when = f"on {self.first.weekday}s (every week; term dates not set yet)"
        elif self.first.weekly and self.second.weekly:
            when = f"on {self.first.weekday}s ({len(self.dates)} times"
            when += f", {self.dates[0].isoformat()} to {self.dates[-1].isoformat()})"
        elif len(self.dates) == 1:
            when = f"on {WEEKDAYS[self.dates[0].weekday()]} {self.dates[0].isoformat()}"
        else:
            when = "on " + ", ".join(d.isoformat() for d in self.dates)
        return f"{side(self.first)} overlaps {side(self.second)} {when}"

    def to_dict(self) -> dict[str, object]:
        return {
            "key": self.key,
            "allowed": self.allowed,
            "first": _event_summary(self.first),
            "second": _event_summary(self.second),
            "dates": [d.isoformat() for d in self.dates],
            "message": self.describe(),
        }


def _event_summary(event: Event) -> dict[str, object]:
    return {
        "uid": event.uid,
        "module": event.module,
        "title": event.title,
        "day": event.weekday if event.weekly else _iso(event.first_date),
        "start": f"{event.start:%H:%M}",
        "end": f"{event.end:%H:%M}",
    }


def clash_key(first: Event, second: Event) -> str:
    return " & ".join(sorted((first.key, second.key)))


def _clash_allowed(first: Event, second: Event, allowed: frozenset[str]) -> bool:
    uid_key = "|".join(sorted((first.uid, second.uid)))  # the form before event keys
    return clash_key(first, second) in allowed or uid_key in allowed


ResolvedTerm = tuple[TermDates, tuple[DateRange, ...], tuple[DateRange, ...]]
"""A term's dates, the ranges inside it without teaching, and the recess weeks it contains."""


@dataclass(frozen=True, slots=True)
class CalendarBuild:
    """What `build_events` produces for the apps: events, clashes and what to tell the student."""

    events: tuple[Event, ...]
    clashes: tuple[Clash, ...]
    notices: tuple[str, ...]
    group_options: Mapping[str, Mapping[str, tuple[str, ...]]]
    year: int | None
    undated_reason: str | None = None
    """Why some classes are undated (``allow_undated`` builds only): the message that
    `TermDatesMissingError` would carry, naming the term dates to give. None when all are dated."""
    undated_terms: tuple[str, ...] = ()
    """Term codes whose classes are undated."""

    @property
    def dated(self) -> bool:
        """True when every event has its dates, so `to_ics` can write the calendar."""
        return self.undated_reason is None

    @property
    def active_clashes(self) -> tuple[Clash, ...]:
        """Clashes the student has not accepted."""
        return tuple(clash for clash in self.clashes if not clash.allowed)

    @property
    def warnings(self) -> tuple[str, ...]:
        """Everything to tell the student: notices, then each clash not accepted."""
        return self.notices + tuple(f"clash: {c.describe()}" for c in self.active_clashes)

    def to_dict(self) -> dict[str, object]:
        """A JSON-safe view: events, clashes, warnings and the groups to choose from."""
        return {
            "year": self.year,
            "dated": self.dated,
            "undated_reason": self.undated_reason,
            "undated_terms": list(self.undated_terms),
            "events": [event.to_dict() for event in self.events],
            "clashes": [clash.to_dict() for clash in self.clashes],
            "warnings": list(self.warnings),
            "group_options": {
                module: {kind: list(groups) for kind, groups in types.items()}
                for module, types in self.group_options.items()
            },
        }


@cache
def _shipped_terms() -> TermCalendar:
    return load_term_calendar()


@cache
def public_holidays(year: int) -> dict[date, str]:
    """South African public holidays of a year (Sunday holidays move to Monday, as the law says)."""
    return dict(holidays.country_holidays("ZA", years=year))


_SLUG = re.compile(r"[^a-z0-9]+")


def _slug(text: str) -> str:
    return _SLUG.sub("", text.lower()) or "x"


def _event_year(sessions: Sequence[Session], options: CalendarOptions) -> int | None:
    if options.year is not None:
        return options.year
    dated = {s.date.year for s in sessions if s.date is not None}
    if len(dated) == 1:
        return dated.pop()
    given = {t.start.year for t in options.terms.values()}
    if len(given) == 1:
        return given.pop()
    return None


def build_events(
    timetables: Sequence[Timetable],
    options: CalendarOptions | None = None,
    term_calendar: TermCalendar | None = None,
    *,
    allow_undated: bool = False,
) -> CalendarBuild:
    """Turn parsed timetables into calendar events (see the module docstring).

    Raises `TermDatesMissingError` when a weekly class's term has no known dates (the message
    names the terms to give), `TimetableDataError` for a row with an unreadable day or time.
    With ``allow_undated`` the classes of such terms are undated events instead (a preview);
    ``undated_reason`` of the result then holds the message.
    """
    options = options or CalendarOptions()
    term_calendar = term_calendar if term_calendar is not None else _shipped_terms()
    try:
        sessions = sessions_from_timetables(timetables)
    except ValueError as exc:
        raise TimetableDataError(f"cannot read a timetable row: {exc}") from None
    warnings: list[str] = []

    group_options = _group_options(sessions)
    warnings += _check_choices(options, group_options)
    year = _event_year(sessions, options)

    classes = [s for s in sessions if s.category == "class"]
    terms, undated_reason = _resolve_terms(classes, year, options, term_calendar, allow_undated)
    colours = assign_colours([s.module for s in sessions], options.colours)

    events: list[Event] = []
    for session in sessions:
        colour = colour_named(colours[session.module])
        if session.category == "class":
            if _not_this_group(session, options, group_options):
                continue
            event = _weekly_event(session, year, terms, options, group_options, colour)
            if event is None:
                warnings.append(f"{session.describe()}: no teaching day left in its term")
                continue
        else:
            event = _single_event(session, year, options, colour)
        events.append(event)

    events = [
        replace(event, included=False) if event.key in options.excluded_events else event
        for event in events
    ]
    events = _unique_uids(sorted(events, key=_event_order))
    warnings += _not_chosen_warnings(events)
    clashes = find_clashes(events, options.allowed_clashes)
    undated_terms = tuple(code for code, dates in terms.items() if dates is None)
    return CalendarBuild(
        tuple(events),
        tuple(clashes),
        tuple(warnings),
        group_options,
        year,
        undated_reason,
        undated_terms,
    )


def _group_options(sessions: Sequence[Session]) -> dict[str, dict[str, tuple[str, ...]]]:
    found: dict[str, dict[str, dict[str, None]]] = {}
    for session in sessions:
        if session.category == "class":
            by_type = found.setdefault(session.module, {})
            by_type.setdefault(session.activity_type, {})[session.group] = None
    return {
        module: {kind: tuple(groups) for kind, groups in by_type.items()}
        for module, by_type in found.items()
    }


def _check_choices(
    options: CalendarOptions, group_options: Mapping[str, Mapping[str, tuple[str, ...]]]
) -> list[str]:
    known = {normalise_module(m): (m, types) for m, types in group_options.items()}
    warnings = []
    for module_name, choice in sorted(options.groups.items()):
        if normalise_module(module_name) not in known:
            warnings.append(f"group choice for {module_name}: module not in the timetable")
            continue
        module, types = known[normalise_module(module_name)]
        for kind, group in sorted(choice.items()):
            if kind not in types:
                warnings.append(f"group choice for {module} {kind}: no such activity type")
            elif group not in types[kind]:
                available = ", ".join(types[kind])
                warnings.append(
                    f"group choice for {module} {kind}: {group} does not exist "
                    f"(choose one of {available}); every group is shown"
                )
    return warnings


def _resolve_terms(
    classes: Sequence[Session],
    year: int | None,
    options: CalendarOptions,
    term_calendar: TermCalendar,
    allow_undated: bool,
) -> tuple[dict[str, ResolvedTerm | None], str | None]:
    """Each needed term's dates, gaps and recess; None (undated) or an error when not known."""
    needed = sorted({s.term for s in classes}, key=lambda t: (t not in TERM_CODES, t))
    if not needed:
        return {}, None
    unknown = [t for t in needed if t not in TERM_CODES]
    if unknown:
        examples = ", ".join(
            sorted({f"{s.module} ({s.term or 'empty'})" for s in classes if s.term in unknown})
        )
        raise TermDatesMissingError(
            f"unknown term code(s) {', '.join(repr(t) for t in unknown)} for {examples}; "
            f"expected one of {', '.join(TERM_CODES)}"
        )
    if year is None:
        message = "the lecture timetable has no dates: give the year, or the term dates of " + (
            ", ".join(needed)
        )
        if not allow_undated:
            raise TermDatesMissingError(message)
        return dict.fromkeys(needed), message
    year_data = term_calendar.year(year)
    resolved: dict[str, ResolvedTerm | None] = {}
    missing = []
    for code in needed:
        found = resolve_term(code, year_data, options.terms)
        if found is None:
            missing.append(code)
            resolved[code] = None
            continue
        term, gaps = found
        recess = tuple(r for r in year_data.recess if r.start <= term.end and r.end >= term.start)
        resolved[code] = (term, gaps, recess)
    if missing:
        names = ", ".join(f"{code} ({TERM_NAMES[code]})" for code in missing)
        message = (
            f"no {year} term dates known for {names}: give the first and last teaching day "
            "of each (schedgen does not guess term dates)"
        )
        if not allow_undated:
            raise TermDatesMissingError(message)
        return resolved, message
    return resolved, None


def _weekly_event(
    session: Session,
    year: int | None,
    terms: Mapping[str, ResolvedTerm | None],
    options: CalendarOptions,
    group_options: Mapping[str, Mapping[str, tuple[str, ...]]],
    colour: Colour,
) -> Event | None:
    resolved = terms[session.term]
    first_day: date | None = None
    last_day: date | None = None
    exclusions: tuple[Exclusion, ...] = ()
    if resolved is not None:
        term, gaps, recess = resolved
        weekday = WEEKDAYS.index(session.day)
        first = term.start + timedelta(days=(weekday - term.start.weekday()) % 7)
        days = []
        while first <= term.end:
            days.append(first)
            first += timedelta(days=7)

        def reason(day: date) -> str | None:
            for source in (options.excluded, gaps, recess):
                for excluded_range in source:
                    if day in excluded_range:
                        return excluded_range.reason or "Excluded"
            return public_holidays(day.year).get(day)

        reasons = {day: reason(day) for day in days}
        meeting = [day for day in days if reasons[day] is None]
        if not meeting:
            return None
        exclusions = tuple(
            Exclusion(day, reasons[day] or "")
            for day in days
            if meeting[0] < day < meeting[-1] and reasons[day] is not None
        )
        first_day, last_day = meeting[0], meeting[-1]

    groups = group_options[session.module][session.activity_type]
    chosen = options.chosen_group(session.module, session.activity_type)
    if chosen in groups:
        choice = Choice.CHOSEN
    else:
        choice = Choice.FIXED if len(groups) == 1 else Choice.NOT_CHOSEN
    alternatives = tuple(g for g in groups if g != session.group)
    kind_name = ACTIVITY_NAMES.get(session.activity_type, session.activity_type)
    group_part = f", {session.group}" if len(groups) > 1 else ""
    title = f"{session.module} {kind_name} ({session.activity}{group_part})"
    lines = [f"{kind_name} {session.activity}, group {session.group}"]
    if choice is Choice.NOT_CHOSEN:
        lines.append(
            "Group not chosen yet: pick one of " + ", ".join(groups) + " (all are shown until then)"
        )
    lines += _venue_lines(session)
    if resolved is None:
        lines.append(f"Term: {session.term} ({TERM_NAMES[session.term]}), dates not set yet")
    else:
        lines.append(
            f"Term: {session.term} ({TERM_NAMES[session.term]}) {year}, "
            f"{resolved[0].start.isoformat()} to {resolved[0].end.isoformat()}"
        )
    if exclusions:
        lines.append(
            "No class on: " + "; ".join(f"{e.day.isoformat()} ({e.reason})" for e in exclusions)
        )
    uid = "-".join(
        [
            _uid_year(year, first_day),
            _slug(session.term),
            _slug(session.module),
            _slug(session.activity),
            _slug(session.group),
            session.day[:3].lower(),
            f"{session.start:%H%M}",
        ]
    )
    assert session.end is not None
    return Event(
        uid=f"{uid}@schedgen",
        module=session.module,
        category=EventCategory.CLASS,
        activity=session.activity,
        activity_type=session.activity_type,
        group=session.group,
        term=session.term,
        title=title,
        venues=session.venues,
        campus=session.campus,
        start=session.start,
        end=session.end,
        first_date=first_day,
        last_date=last_day,
        weekly=True,
        exclusions=exclusions,
        choice=choice,
        alternatives=alternatives,
        colour=colour,
        description="\n".join(lines),
        day=session.day,
    )


def _uid_year(year: int | None, first: date | None) -> str:
    if year is not None:
        return str(year)
    return str(first.year) if first is not None else "undated"


def _not_this_group(
    session: Session,
    options: CalendarOptions,
    group_options: Mapping[str, Mapping[str, tuple[str, ...]]],
) -> bool:
    chosen = options.chosen_group(session.module, session.activity_type)
    groups = group_options[session.module][session.activity_type]
    return chosen in groups and chosen != session.group


def _venue_lines(session: Session) -> list[str]:
    lines = []
    if session.venues:
        label = "Venue" if len(session.venues) == 1 else "Venues"
        lines.append(f"{label}: " + "; ".join(session.venues))
    if session.campus:
        lines.append(f"Campus: {session.campus}")
    return lines


def _single_event(
    session: Session, year: int | None, options: CalendarOptions, colour: Colour
) -> Event:
    assert session.date is not None
    end = session.end
    lines = [session.activity]
    estimated = end is None
    if end is None:
        minutes = options.exam_duration_minutes
        finish = datetime.combine(session.date, session.start) + timedelta(minutes=minutes)
        end = finish.time() if finish.date() == session.date else time(23, 59)
        hours = f"{minutes // 60} h" + (f" {minutes % 60} min" if minutes % 60 else "")
        lines.append(
            f"End time estimated: the exam schedule gives only the start time; {hours} assumed."
        )
    lines += list(session.notes)
    lines += _venue_lines(session)
    if session.category == "exam":
        paper = f" ({session.group})" if session.group else ""
        title = f"{session.module} Exam{paper}"
        category = EventCategory.EXAM
    else:
        title = f"{session.module} {session.activity}"
        category = EventCategory.TEST
    uid = "-".join(
        [
            str(session.date.year),
            _slug(session.module),
            _slug(session.activity),
            *([_slug(session.group)] if session.group else []),
            f"{session.date:%Y%m%d}",
            f"{session.start:%H%M}",
        ]
    )
    return Event(
        uid=f"{uid}@schedgen",
        module=session.module,
        category=category,
        activity=session.activity,
        activity_type="",
        group=session.group,
        term="",
        title=title,
        venues=session.venues,
        campus=session.campus,
        start=session.start,
        end=end,
        first_date=session.date,
        last_date=session.date,
        weekly=False,
        end_estimated=estimated,
        colour=colour,
        description="\n".join(lines),
        day=session.day,
    )


def _event_order(event: Event) -> tuple[object, ...]:
    """By date (undated classes first, by weekday), start, module."""
    return (
        event.first_date or date.min,
        WEEKDAYS.index(event.weekday),
        event.start,
        normalise_module(event.module),
        event.uid,
    )


def _unique_uids(events: list[Event]) -> list[Event]:
    """Two events with the same identity (rare; a timetable error) still get distinct UIDs."""
    seen: dict[str, int] = {}
    unique = []
    for event in events:
        count = seen.get(event.uid, 0)
        seen[event.uid] = count + 1
        if count:
            local, _, domain = event.uid.partition("@")
            event = _replace_uid(event, f"{local}-{count + 1}@{domain}")
        unique.append(event)
    return unique


def _replace_uid(event: Event, uid: str) -> Event:
    return replace(event, uid=uid)


def _not_chosen_warnings(events: Sequence[Event]) -> list[str]:
    pending: dict[tuple[str, str], list[str]] = {}
    for event in events:
        if event.choice is Choice.NOT_CHOSEN and event.included:
            groups = pending.setdefault((event.module, event.activity_type), [])
            if event.group not in groups:
                groups.append(event.group)
    return [
        f"{module} {kind}: group not chosen yet ({', '.join(sorted(groups))}); all are shown "
        "and left out of the clash check"
        for (module, kind), groups in sorted(pending.items())
    ]


def _minutes(moment: time) -> int:
    return moment.hour * 60 + moment.minute


def _overlap(first: Event, second: Event) -> bool:
    return _minutes(first.start) < _minutes(second.end) and _minutes(second.start) < _minutes(
        first.end
    )


def find_clashes(events: Sequence[Event], allowed: frozenset[str] = frozenset()) -> list[Clash]:
    """Every pair of attended events that overlap in time on a common day.

    Groups not chosen yet and events left out are not attended: alternatives, not commitments.
    An undated weekly class clashes with another weekly class on the same weekday at an
    overlapping time in a term that shares its weeks (the clash has no dates); it cannot be
    compared with tests and exams until its term dates are known.
    """
    attended = [event for event in events if event.attended]
    by_day: dict[date, list[Event]] = {}
    for event in attended:
        for day in event.occurrences():
            by_day.setdefault(day, []).append(event)
    overlaps: dict[tuple[str, str], tuple[Event, Event, list[date]]] = {}

    def record(first: Event, second: Event, day: date | None) -> None:
        pair = (first, second) if _event_order(first) <= _event_order(second) else (second, first)
        found = overlaps.setdefault((pair[0].uid, pair[1].uid), (pair[0], pair[1], []))
        if day is not None:
            found[2].append(day)

    for day in sorted(by_day):
        todays = by_day[day]
        for index, first in enumerate(todays):
            for second in todays[index + 1 :]:
                if _overlap(first, second):
                    record(first, second, day)
    weekly = [event for event in attended if event.weekly]
    for index, first in enumerate(weekly):
        for second in weekly[index + 1 :]:
            if (
                not (first.dated and second.dated)
                and first.weekday == second.weekday
                and terms_share_weeks(first.term, second.term)
                and _overlap(first, second)
            ):
                record(first, second, None)
    clashes = [
        Clash(first, second, tuple(days), _clash_allowed(first, second, allowed))
        for first, second, days in overlaps.values()
    ]
    return sorted(
        clashes,
        key=lambda c: (c.dates[0] if c.dates else date.min, _event_order(c.first), c.second.uid),
    )

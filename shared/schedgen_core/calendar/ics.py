"""RFC 5545 output with the `icalendar` library.

Weekly classes are one VEVENT each with ``RRULE:FREQ=WEEKLY;UNTIL=…`` and EXDATEs; times carry
``TZID=Africa/Johannesburg`` with its VTIMEZONE. UIDs come from the event's identity, so a
re-import updates events instead of duplicating them. Given the previous export, an unchanged
event keeps its SEQUENCE and DTSTAMP (the file is then byte-identical); a changed one gets
SEQUENCE + 1, which is what tells calendar apps to take the update.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from functools import cache
from zoneinfo import ZoneInfo

from icalendar import Calendar, Timezone
from icalendar import Event as VEvent

from schedgen_core.calendar.errors import CalendarFileError, UndatedEventsError
from schedgen_core.calendar.events import TIMEZONE, Choice, Event, EventCategory
from schedgen_core.calendar.sessions import ACTIVITY_NAMES

PRODID = "-//schedgen//UP Schedule Generator//EN"
FINGERPRINT = "X-SCHEDGEN-FINGERPRINT"
ZONE = ZoneInfo(TIMEZONE)
CATEGORY_NAMES = {
    EventCategory.CLASS: "Class",
    EventCategory.TEST: "Test",
    EventCategory.EXAM: "Exam",
}


@dataclass(frozen=True, slots=True)
class PreviousEvent:
    """What the previous export said about one UID."""

    sequence: int
    fingerprint: str
    dtstamp: datetime


def read_previous(ics: bytes) -> dict[str, PreviousEvent]:
    """UID -> sequence, fingerprint and stamp of the events in an earlier export."""
    try:
        calendar = Calendar.from_ical(ics)
    except (ValueError, IndexError, KeyError) as exc:
        raise CalendarFileError(
            f"the previous calendar file is not valid iCalendar: {exc}"
        ) from None
    previous = {}
    for component in calendar.walk("VEVENT"):
        uid = str(component.get("UID", ""))
        if not uid:
            continue
        stamp = component.get("DTSTAMP")
        stamp_value = stamp.dt if stamp is not None else None
        previous[uid] = PreviousEvent(
            sequence=int(component.get("SEQUENCE", 0)),
            fingerprint=str(component.get(FINGERPRINT, "")),
            dtstamp=stamp_value if isinstance(stamp_value, datetime) else datetime.now(UTC),
        )
    return previous


@cache
def _vtimezone() -> Timezone:
    """Africa/Johannesburg as a VTIMEZONE (built once: it is the slow part of an export)."""
    return Timezone.from_tzid(TIMEZONE)


def _at(day: date, moment: time) -> datetime:
    return datetime.combine(day, moment, tzinfo=ZONE)


def _location(event: Event) -> str:
    venues = "; ".join(event.venues)
    if event.campus and venues:
        return f"{venues} ({event.campus})"
    return venues or event.campus


def _categories(event: Event) -> list[str]:
    names = [event.module, CATEGORY_NAMES[event.category]]
    if event.category is EventCategory.CLASS:
        names.append(ACTIVITY_NAMES.get(event.activity_type, event.activity_type))
    return names


def _vevent(event: Event, sequence: int, stamp: datetime) -> VEvent:
    assert event.first_date is not None
    assert event.last_date is not None
    component = VEvent()
    component.add("uid", event.uid)
    component.add("dtstamp", stamp.astimezone(UTC).replace(microsecond=0))
    component.add("sequence", sequence)
    component.add("summary", event.title)
    component.add("dtstart", _at(event.first_date, event.start))
    component.add("dtend", _at(event.first_date, event.end))
    if event.weekly:
        # UNTIL is inclusive and, with a TZID start, must be UTC: the end of the last class day.
        until = datetime.combine(event.last_date, time(23, 59, 59), tzinfo=ZONE).astimezone(UTC)
        component.add("rrule", {"freq": "weekly", "until": until})
        if event.excluded_dates:
            component.add("exdate", [_at(day, event.start) for day in event.excluded_dates])
    location = _location(event)
    if location:
        component.add("location", location)
    component.add("description", event.description)
    component.add("categories", _categories(event))
    component.add("color", event.colour.name)
    component.add("status", "TENTATIVE" if event.choice is Choice.NOT_CHOSEN else "CONFIRMED")
    component.add("transp", "OPAQUE")
    component.add(FINGERPRINT, event.fingerprint())
    return component


def to_ics(
    events: Sequence[Event],
    *,
    previous: bytes | Mapping[str, PreviousEvent] | None = None,
    now: datetime | None = None,
    name: str = "UP timetable",
) -> bytes:
    """The iCalendar file for ``events`` (in the order given), leaving out those not included.

    ``previous`` is the earlier export (bytes) or its `read_previous` result; ``now`` stamps new
    and changed events (default: the current time). Raises `UndatedEventsError` (a
    `TermDatesMissingError`) when an included event has no dates yet.
    """
    events = [event for event in events if event.included]
    undated = [event for event in events if not event.dated]
    if undated:
        terms = ", ".join(sorted({event.term for event in undated}))
        count = len(undated)
        raise UndatedEventsError(
            f"set the term dates first: {count} weekly class{'es' if count != 1 else ''} "
            f"of {terms} {'have' if count != 1 else 'has'} no dates yet (e.g. "
            f"{undated[0].title} on {undated[0].weekday}s)"
        )
    stamp = now or datetime.now(UTC)
    known = read_previous(previous) if isinstance(previous, bytes) else dict(previous or {})
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", TIMEZONE)
    calendar.add_component(_vtimezone())
    for event in events:
        before = known.get(event.uid)
        if before is None:
            sequence, event_stamp = 0, stamp
        elif before.fingerprint == event.fingerprint():
            sequence, event_stamp = before.sequence, before.dtstamp
        else:
            sequence, event_stamp = before.sequence + 1, stamp
        calendar.add_component(_vevent(event, sequence, event_stamp))
    return bytes(calendar.to_ical())


__all__ = ["PreviousEvent", "read_previous", "to_ics"]

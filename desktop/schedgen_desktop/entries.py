"""What the views show: one display record per event, whatever the core's event type.

The views (table, week grid, tests and exams list) draw :class:`Entry` objects; the controller
builds them from the core's calendar events. No decision is made here: groups, clashes and colours
arrive already decided.
"""

from __future__ import annotations

from dataclasses import dataclass

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True, slots=True)
class Entry:
    key: str
    """Stable identity (the calendar event's uid)."""
    category: str
    """``class`` (weekly), ``test`` or ``exam``."""
    module: str
    activity: str
    group: str
    day: str
    """Weekday name for weekly classes; the weekday of ``date`` for tests and exams."""
    date: str
    """``YYYY-MM-DD`` for tests and exams (first date for a dated class); ``""`` otherwise."""
    start: str
    end: str
    venues: tuple[str, ...]
    source: str
    colour: str = "#4169E1"
    """``#rrggbb`` from the core's colour choice."""
    colour_name: str = ""
    attending: bool = True
    """False for a group not chosen yet or an event the student deselected."""
    deselected: bool = False
    """The student unticked this event: it stays out of the week view and the .ics."""
    clash: bool = False
    """True when it overlaps another attended event (a clash not accepted)."""
    clash_every_week: bool = False
    """The clash is with another weekly class (not just a test or exam on one date)."""
    clash_notes: tuple[str, ...] = ()
    """What it clashes with, for tooltips."""
    end_estimated: bool = False
    term: str = ""

    @property
    def weekday_index(self) -> int:
        return WEEKDAYS.index(self.day) if self.day in WEEKDAYS else 7

    @property
    def when(self) -> str:
        return f"{self.day} {self.date}".strip()

    @property
    def time_range(self) -> str:
        if not self.end:
            return self.start
        estimated = " (est.)" if self.end_estimated else ""
        return f"{self.start}\N{EN DASH}{self.end}{estimated}"

    @property
    def venue_text(self) -> str:
        return ", ".join(self.venues)

"""What changed between two versions of a timetable.

Sessions (rows with venues merged) are matched by identity: module, activity and group (the exam
paper; the test's name). A match whose day, date, term or times differ has *moved*; one whose
venues or campus differ has *changed*; the rest were *added* or *removed*. No term dates are
needed: this compares the timetables themselves.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from schedgen_core.calendar.errors import TimetableDataError
from schedgen_core.calendar.sessions import Session, sessions_from_timetables
from schedgen_core.model import Timetable


@dataclass(frozen=True, slots=True)
class SessionChange:
    before: Session
    after: Session

    @property
    def fields(self) -> tuple[str, ...]:
        """Which of when/where differ: ``term``, ``day``, ``date``, ``start``, ``end``, …"""

        def value(session: Session, name: str) -> object:
            # Venues listed in another order are the same venues.
            return sorted(session.venues) if name == "venues" else getattr(session, name)

        names = ("term", "day", "date", "start", "end", "venues", "campus")
        return tuple(n for n in names if value(self.before, n) != value(self.after, n))

    def to_dict(self) -> dict[str, Any]:
        return {
            "before": session_to_dict(self.before),
            "after": session_to_dict(self.after),
            "fields": list(self.fields),
        }


def session_to_dict(session: Session) -> dict[str, Any]:
    return {
        "category": session.category,
        "module": session.module,
        "activity": session.activity,
        "group": session.group,
        "term": session.term,
        "day": session.day,
        "date": session.date.isoformat() if session.date else "",
        "start": f"{session.start:%H:%M}",
        "end": f"{session.end:%H:%M}" if session.end else "",
        "venues": list(session.venues),
        "campus": session.campus,
    }


@dataclass(frozen=True, slots=True)
class TimetableDiff:
    old_sources: tuple[str, ...]
    new_sources: tuple[str, ...]
    added: tuple[Session, ...]
    removed: tuple[Session, ...]
    moved: tuple[SessionChange, ...]
    changed: tuple[SessionChange, ...]

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.moved or self.changed)

    def to_dict(self) -> dict[str, Any]:
        return {
            "old": list(self.old_sources),
            "new": list(self.new_sources),
            "summary": {
                "added": len(self.added),
                "removed": len(self.removed),
                "moved": len(self.moved),
                "changed": len(self.changed),
            },
            "added": [session_to_dict(s) for s in self.added],
            "removed": [session_to_dict(s) for s in self.removed],
            "moved": [c.to_dict() for c in self.moved],
            "changed": [c.to_dict() for c in self.changed],
        }

    def to_text(self) -> str:
        """A report for a person: one line per difference, grouped by kind."""
        lines = [
            f"{', '.join(self.old_sources)} -> {', '.join(self.new_sources)}: "
            f"{len(self.added)} added, {len(self.removed)} removed, "
            f"{len(self.moved)} moved, {len(self.changed)} changed"
        ]
        lines += [f"+ added    {s.describe()}" for s in self.added]
        lines += [f"- removed  {s.describe()}" for s in self.removed]
        for label, changes in (("moved", self.moved), ("changed", self.changed)):
            for change in changes:
                lines.append(f"~ {label:<8} {change.before.describe()}")
                lines.append(f"  {'now':<8} {change.after.describe()}")
        if self.empty:
            lines.append("no differences")
        return "\n".join(lines) + "\n"


def _content(session: Session) -> tuple[object, ...]:
    """What a person sees; venues listed in another order are the same venues."""
    return (*session.identity, *session.slot, tuple(sorted(session.venues)), session.campus)


def _order(session: Session) -> tuple[object, ...]:
    return (*session.identity, *session.slot)


def diff_timetables(
    old: Timetable | Sequence[Timetable], new: Timetable | Sequence[Timetable]
) -> TimetableDiff:
    """Compare two versions of a timetable (each one PDF or several)."""
    olds = [old] if isinstance(old, Timetable) else list(old)
    news = [new] if isinstance(new, Timetable) else list(new)
    try:
        before = sessions_from_timetables(olds)
        after = sessions_from_timetables(news)
    except ValueError as exc:
        raise TimetableDataError(f"cannot read a timetable row: {exc}") from None

    # Sessions the same in every visible respect cancel out.
    remaining_after = list(after)
    remaining_before = []
    for session in before:
        same = next((s for s in remaining_after if _content(s) == _content(session)), None)
        if same is not None:
            remaining_after.remove(same)
        else:
            remaining_before.append(session)

    moved: list[SessionChange] = []
    changed: list[SessionChange] = []
    removed: list[Session] = []
    for session in remaining_before:
        candidates = [s for s in remaining_after if s.identity == session.identity]
        if not candidates:
            removed.append(session)
            continue
        same_slot = [s for s in candidates if s.slot == session.slot]
        match = (same_slot or candidates)[0]
        remaining_after.remove(match)
        (changed if same_slot else moved).append(SessionChange(session, match))

    return TimetableDiff(
        old_sources=tuple(t.source for t in olds),
        new_sources=tuple(t.source for t in news),
        added=tuple(sorted(remaining_after, key=_order)),
        removed=tuple(sorted(removed, key=_order)),
        moved=tuple(sorted(moved, key=lambda c: _order(c.before))),
        changed=tuple(sorted(changed, key=lambda c: _order(c.before))),
    )

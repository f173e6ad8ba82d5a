"""The schedule controller: what the student opened and chose, and what the core made of it.

It owns the open timetables and the calendar options, asks a :class:`Runner` to parse files off
the GUI thread, rebuilds the entries after every change and keeps the schedule file up to date.
No Qt widgets here, and no calendar decisions: those come from ``schedgen_core``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from schedgen_core.errors import ScheduleError
from schedgen_core.model import ExamRow, SemesterTestRow, Timetable
from schedgen_desktop import schedule_file
from schedgen_desktop.entries import Entry
from schedgen_desktop.schedule_file import ScheduleDocument, ScheduleFileError, Source
from schedgen_desktop.workers import (
    ParseFunction,
    ParseOutcome,
    Runner,
    SynchronousRunner,
    default_parse,
    parse_file,
)

if TYPE_CHECKING:
    from types import ModuleType

    from schedgen_core.calendar import CalendarBuild, CalendarOptions, Clash, Event, TermDates


def _calendar() -> ModuleType:
    # The calendar core (and the holiday tables it loads) is imported on first use, so the window
    # shows before it is loaded; `warm_up` loads it on the worker thread right after start.
    import schedgen_core.calendar

    return schedgen_core.calendar


def warm_up() -> None:
    """Load the PDF engine and the calendar core (run on the worker thread after start)."""
    import schedgen_core.pdf  # noqa: F401

    _calendar().public_holidays(date.today().year)


class ScheduleController(QObject):
    changed = Signal()
    """The entries, clashes or options changed; views re-read them."""
    file_failed = Signal(str, str)
    """A file could not be opened: (path, message for the student)."""
    file_opened = Signal(str)
    busy_changed = Signal(bool)

    def __init__(
        self,
        runner: Runner | None = None,
        parse: ParseFunction = default_parse,
        store_path: str | os.PathLike[str] | None = None,
    ) -> None:
        super().__init__()
        self._runner = runner or SynchronousRunner()
        self._parse = parse
        self._store_path = Path(store_path) if store_path else None
        self._sources: list[Source] = []
        self._options: CalendarOptions | None = None
        self._build: CalendarBuild | None = None
        self._entries: list[Entry] = []
        self._build_problem: str | None = None
        self._in_flight = 0
        self.last_outcomes: list[ParseOutcome] = []

    # Starting ------------------------------------------------------------------------------

    def start(self, restore: bool = True, delay_ms: int = 0) -> None:
        """Load the engines on the worker thread, then reopen the stored schedule (if asked).

        With ``delay_ms`` the work begins that much later (the controller counts as busy from
        now), so the window can paint before the engines compete with it for the interpreter.
        """
        store = self._store_path if restore else None

        def job() -> ScheduleDocument | str | None:
            warm_up()
            if store is None or not store.is_file():
                return None
            try:
                return schedule_file.load(store)
            except ScheduleFileError as exc:
                return exc.message

        self._begin()
        if delay_ms > 0:
            QTimer.singleShot(delay_ms, lambda: self._runner.submit(job, self._on_started))
        else:
            self._runner.submit(job, self._on_started)

    def _on_started(self, loaded: ScheduleDocument | str | None) -> None:
        if isinstance(loaded, ScheduleDocument) and not self._sources:
            try:
                self.load_document(loaded)
            except ScheduleFileError as exc:
                self.file_failed.emit(str(self._store_path), exc.message)
        elif isinstance(loaded, str):
            self.file_failed.emit(str(self._store_path), loaded)
        self._end()

    def _begin(self) -> None:
        self._in_flight += 1
        if self._in_flight == 1:
            self.busy_changed.emit(True)

    def _end(self) -> None:
        self._in_flight -= 1
        if self._in_flight == 0:
            self.busy_changed.emit(False)

    # Opening -------------------------------------------------------------------------------

    def open_paths(self, paths: Iterable[str | os.PathLike[str]]) -> None:
        """Parse each file on the runner; results arrive in :meth:`_on_parsed`."""
        parse = self._parse
        for path in paths:
            file = Path(path)
            self._begin()
            self._runner.submit(lambda f=file: parse_file(f, parse), self._on_parsed)

    @property
    def busy(self) -> bool:
        return self._in_flight > 0

    def _on_parsed(self, outcome: ParseOutcome) -> None:
        self.last_outcomes.append(outcome)
        if outcome.timetable is None:
            self.file_failed.emit(str(outcome.path), outcome.error or "unknown error")
        else:
            path = str(outcome.path.resolve())
            source = Source(path=path, timetable=outcome.timetable)
            self._sources = [s for s in self._sources if s.path != path] + [source]
            self._rebuild()
            self.file_opened.emit(path)
        self._end()

    def remove_source(self, path: str) -> None:
        self._sources = [s for s in self._sources if s.path != path]
        self._rebuild()

    def clear(self) -> None:
        self._sources = []
        self._options = None
        self._rebuild()

    # State ---------------------------------------------------------------------------------

    @property
    def sources(self) -> list[Source]:
        return list(self._sources)

    @property
    def timetables(self) -> list[Timetable]:
        return [s.timetable for s in self._sources]

    @property
    def options(self) -> CalendarOptions:
        if self._options is None:
            self._options = _calendar().CalendarOptions()
        return self._options

    @property
    def exam_duration_minutes(self) -> int:
        if self._options is None:
            return 180
        return self._options.exam_duration_minutes

    @property
    def entries(self) -> list[Entry]:
        return list(self._entries)

    @property
    def events(self) -> list[Event]:
        return list(self._build.events) if self._build else []

    @property
    def clashes(self) -> tuple[Clash, ...]:
        """Clashes among the events the student attends (accepted ones included)."""
        return self._build.clashes if self._build else ()

    @property
    def active_clashes(self) -> tuple[Clash, ...]:
        return self._build.active_clashes if self._build else ()

    @property
    def group_options(self) -> dict[str, dict[str, tuple[str, ...]]]:
        if self._build is None:
            return {}
        return {m: dict(types) for m, types in self._build.group_options.items()}

    @property
    def notices(self) -> list[str]:
        notices = list(self._build.notices) if self._build else []
        if self._build_problem:
            notices.insert(0, self._build_problem)
        return notices

    @property
    def warnings(self) -> list[str]:
        """Everything to tell the student: notices, then every clash not accepted."""
        return self.notices + [f"clash: {c.describe()}" for c in self.active_clashes]

    @property
    def term_problem(self) -> str | None:
        """Why an .ics cannot be made yet (term dates missing), in the core's words."""
        return self._build.undated_reason if self._build else None

    @property
    def deselected(self) -> frozenset[str]:
        """`Event.key` of each event the student unticked (kept in the calendar options)."""
        return self._options.excluded_events if self._options is not None else frozenset()

    def needed_terms(self) -> list[str]:
        """Term codes of the weekly classes opened (the ones whose dates matter)."""
        if not self._sources:
            return []
        try:
            sessions = _calendar().sessions_from_timetables(self.timetables)
        except ValueError:
            return []
        used = {s.term for s in sessions if s.category == "class"}
        return [code for code in _calendar().TERM_CODES if code in used]

    def year(self) -> int:
        """The academic year: the student's choice, else the core's, else from dated rows."""
        if self._options is not None and self._options.year is not None:
            return self._options.year
        if self._build is not None and self._build.year is not None:
            return self._build.year
        return _dated_year(self.timetables) or date.today().year

    def known_term_dates(self, code: str) -> TermDates | None:
        """The dates in effect for a term: the student's, else the built-in UP data."""
        if code in self.options.terms:
            return self.options.terms[code]
        known: TermDates | None = _calendar().load_term_calendar().year(self.year()).terms.get(code)
        return known

    # Shaping -------------------------------------------------------------------------------

    def set_options(self, options: CalendarOptions) -> None:
        self._options = options
        self._rebuild()

    def choose_group(self, module: str, activity_type: str, group: str | None) -> None:
        self.set_options(self.options.with_group(module, activity_type, group))

    def set_colour(self, module: str, colour_name: str | None) -> None:
        colours = dict(self.options.colours)
        if colour_name:
            colours[module] = colour_name
        else:
            colours.pop(module, None)
        self.set_options(replace(self.options, colours=colours))

    def set_term_dates(self, code: str, start: date, end: date) -> None:
        terms = dict(self.options.terms)
        terms[code] = _calendar().TermDates(start, end, "set by you")
        self.set_options(replace(self.options, terms=terms))

    def set_exam_duration(self, minutes: int) -> None:
        self.set_options(replace(self.options, exam_duration_minutes=minutes))

    def set_attending(self, uid: str, attending: bool) -> None:
        """Untick (or tick again) the event with this uid; the options remember it by its key."""
        event = next((e for e in self.events if e.uid == uid), None)
        if event is None:
            return
        self.set_options(self.options.with_event_excluded(event.key, not attending))

    def accept_clash(self, key: str, accepted: bool = True) -> None:
        self.set_options(self.options.with_clash_allowed(key, accepted))

    # Exporting -----------------------------------------------------------------------------

    def ics_bytes(self, previous: bytes | None = None) -> bytes:
        """The .ics for what the student attends; raises the core's ScheduleError if not ready
        (`TermDatesMissingError` while the week is an undated preview)."""
        calendar = _calendar()
        build = self._build or calendar.build_events(self.timetables, self.options)
        ics: bytes = calendar.to_ics(build.events, previous=previous)
        return ics

    # Persistence ---------------------------------------------------------------------------

    def document(self) -> ScheduleDocument:
        return ScheduleDocument(
            sources=tuple(self._sources),
            options=self._options.to_dict() if self._options is not None else {},
        )

    def load_document(self, document: ScheduleDocument) -> None:
        calendar = _calendar()
        try:
            options = (
                calendar.CalendarOptions.from_dict(document.options) if document.options else None
            )
        except calendar.CalendarOptionsError as exc:
            raise ScheduleFileError(f"the schedule file's options are damaged: {exc}") from exc
        self._sources = list(document.sources)
        self._options = options
        self._rebuild()

    def save_to(self, path: str | os.PathLike[str]) -> None:
        schedule_file.save(self.document(), path)

    # Rebuilding ----------------------------------------------------------------------------

    def _rebuild(self, save: bool = True) -> None:
        self._build, self._build_problem = self._build_calendar()
        events = self._build.events if self._build else ()
        notes: dict[str, list[str]] = {}
        weekly_clash: set[str] = set()
        for clash in self.active_clashes:
            for event, other in ((clash.first, clash.second), (clash.second, clash.first)):
                notes.setdefault(event.uid, []).append(_clash_note(other, clash.dates))
                if clash.first.weekly and clash.second.weekly:
                    weekly_clash.add(event.uid)
        self._entries = [
            replace(
                _entry(e, self._source_of(e), e.uid in notes),
                clash_every_week=e.uid in weekly_clash,
                clash_notes=tuple(notes.get(e.uid, ())),
            )
            for e in events
        ]
        if save and self._store_path is not None:
            try:
                schedule_file.save(self.document(), self._store_path)
            except OSError as exc:
                self._build_problem = f"could not save your schedule: {exc.strerror or exc}"
        self.changed.emit()

    def _build_calendar(self) -> tuple[CalendarBuild | None, str | None]:
        """The core's build of what is open; while term dates are missing, an undated preview."""
        if not self._sources:
            return None, None
        calendar = _calendar()
        try:
            build = calendar.build_events(self.timetables, self.options, allow_undated=True)
        except ScheduleError as exc:
            return None, exc.message
        return build, None

    def _source_of(self, event: Event) -> str:
        wanted = "class" if event.category == "class" else event.category
        kinds = {"class": "lecture", "test": "test", "exam": "exam"}
        names = [
            Path(s.path).name for s in self._sources if s.timetable.kind.value == kinds[wanted]
        ]
        return ", ".join(names)


def _dated_year(timetables: Sequence[Timetable]) -> int | None:
    for timetable in timetables:
        for row in timetable.rows:
            if isinstance(row, SemesterTestRow | ExamRow) and row.date[:4].isdigit():
                return int(row.date[:4])
    return None


def _clash_note(other: Event, dates: Sequence[date]) -> str:
    when = f"every {other.weekday}" if other.weekly else ", ".join(d.isoformat() for d in dates)
    return f"clashes with {other.title} ({when})"


def _entry(event: Event, source: str, clash: bool) -> Entry:
    return Entry(
        key=event.uid,
        category=event.category.value,
        module=event.module,
        activity=event.activity,
        group=event.group,
        day=event.weekday,
        date="" if event.weekly else event.first_date.isoformat(),
        start=f"{event.start:%H:%M}",
        end=f"{event.end:%H:%M}",
        venues=event.venues,
        source=source,
        colour=event.colour.hex,
        colour_name=event.colour.name,
        attending=event.attended,
        deselected=not event.included,
        clash=clash,
        end_estimated=event.end_estimated,
        term=event.term,
    )


__all__ = ["ScheduleController"]

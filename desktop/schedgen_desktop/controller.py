"""The schedule controller: what the student opened and chose, and what the core made of it.

It owns the open timetables and the calendar options, asks a :class:`Runner` to parse files off
the GUI thread, rebuilds the entries after every change and keeps the schedule file up to date.
No Qt widgets here, and no calendar decisions: those come from ``schedgen_core``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from schedgen_core.model import ExamRow, LectureRow, SemesterTestRow, Timetable
from schedgen_desktop import schedule_file
from schedgen_desktop.entries import WEEKDAYS, Entry
from schedgen_desktop.schedule_file import ScheduleDocument, ScheduleFileError, Source
from schedgen_desktop.workers import (
    ParseFunction,
    ParseOutcome,
    Runner,
    SynchronousRunner,
    default_parse,
    parse_file,
)


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
        self._options: dict[str, Any] = {}
        self._entries: list[Entry] = []
        self._warnings: list[str] = []
        self._in_flight = 0
        self.last_outcomes: list[ParseOutcome] = []

    # Opening -------------------------------------------------------------------------------

    def open_paths(self, paths: Iterable[str | os.PathLike[str]]) -> None:
        """Parse each file on the runner; results arrive in :meth:`_on_parsed`."""
        parse = self._parse
        for path in paths:
            file = Path(path)
            self._in_flight += 1
            if self._in_flight == 1:
                self.busy_changed.emit(True)
            self._runner.submit(lambda f=file: parse_file(f, parse), self._on_parsed)

    @property
    def busy(self) -> bool:
        return self._in_flight > 0

    def _on_parsed(self, outcome: ParseOutcome) -> None:
        self._in_flight -= 1
        self.last_outcomes.append(outcome)
        if outcome.timetable is None:
            self.file_failed.emit(str(outcome.path), outcome.error or "unknown error")
        else:
            path = str(outcome.path.resolve())
            source = Source(path=path, timetable=outcome.timetable)
            self._sources = [s for s in self._sources if s.path != path] + [source]
            self._rebuild()
            self.file_opened.emit(path)
        if self._in_flight == 0:
            self.busy_changed.emit(False)

    def remove_source(self, path: str) -> None:
        self._sources = [s for s in self._sources if s.path != path]
        self._rebuild()

    def clear(self) -> None:
        self._sources = []
        self._options = {}
        self._rebuild()

    # State ---------------------------------------------------------------------------------

    @property
    def sources(self) -> list[Source]:
        return list(self._sources)

    @property
    def timetables(self) -> list[Timetable]:
        return [s.timetable for s in self._sources]

    @property
    def entries(self) -> list[Entry]:
        return list(self._entries)

    @property
    def warnings(self) -> list[str]:
        return list(self._warnings)

    def document(self) -> ScheduleDocument:
        return ScheduleDocument(sources=tuple(self._sources), options=dict(self._options))

    def load_document(self, document: ScheduleDocument) -> None:
        self._sources = list(document.sources)
        self._options = dict(document.options)
        self._rebuild(save=False)

    def restore(self) -> bool:
        """Reload the stored schedule; False when there is none or it cannot be read."""
        if self._store_path is None or not self._store_path.is_file():
            return False
        try:
            self.load_document(schedule_file.load(self._store_path))
        except ScheduleFileError:
            return False
        return True

    def save_to(self, path: str | os.PathLike[str]) -> None:
        schedule_file.save(self.document(), path)

    # Rebuilding ----------------------------------------------------------------------------

    def _rebuild(self, save: bool = True) -> None:
        self._entries = _entries_from_rows(self._sources)
        self._warnings = []
        if save and self._store_path is not None:
            schedule_file.save(self.document(), self._store_path)
        self.changed.emit()


def _entries_from_rows(sources: Sequence[Source]) -> list[Entry]:
    entries: list[Entry] = []
    for source in sources:
        name = Path(source.path).name
        for n, row in enumerate(source.timetable.rows):
            key = f"{name}#{n}"
            if isinstance(row, LectureRow):
                entries.append(
                    Entry(
                        key,
                        "class",
                        row.module,
                        row.activity,
                        row.group,
                        row.day,
                        "",
                        row.start,
                        row.end,
                        (row.venue,),
                        name,
                    )
                )
            elif isinstance(row, SemesterTestRow):
                entries.append(
                    Entry(
                        key,
                        "test",
                        row.module,
                        row.test,
                        "",
                        row.day,
                        row.date,
                        row.start,
                        row.end,
                        row.venues,
                        name,
                    )
                )
            elif isinstance(row, ExamRow):
                entries.append(
                    Entry(
                        key,
                        "exam",
                        row.module,
                        row.activity,
                        f"Paper {row.paper}",
                        "",
                        row.date,
                        row.start,
                        "",
                        (row.venue,),
                        name,
                    )
                )
    return entries


__all__ = ["WEEKDAYS", "ScheduleController"]

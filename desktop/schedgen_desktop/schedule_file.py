"""The student's schedule on disk: a versioned JSON document of our own.

One file holds everything needed to rebuild the student's calendar without the PDFs: each source
file's parsed timetable (the ``schedgen parse --json`` object) and the calendar options the student
chose (groups, unticked events, colours, term dates, exam duration). The sync client sends the
same document to the server, so its shape is versioned and upgraded on load.

    {"format": "schedgen-schedule", "version": 2,
     "sources": [{"path": "/home/me/UP_MOD_XLS.pdf", "timetable": {...}}, ...],
     "options": {...CalendarOptions.to_dict()...}}

Version 1 kept the unticked events in a list of its own (``deselected``); they now live in the
calendar options (``excluded_events``, the same keys), and version 1 files are upgraded on load.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from schedgen_core.errors import ScheduleError
from schedgen_core.model import Timetable

FORMAT_NAME = "schedgen-schedule"
FORMAT_VERSION = 2
SUFFIX = ".schedgen.json"


class ScheduleFileError(ScheduleError):
    """A schedule file that cannot be read (not ours, damaged, or from a newer schedgen)."""

    code = "bad_schedule_file"


@dataclass(frozen=True, slots=True)
class Source:
    """One opened timetable and the file it came from."""

    path: str
    timetable: Timetable


@dataclass(frozen=True, slots=True)
class ScheduleDocument:
    """Everything the student has opened and chosen."""

    sources: tuple[Source, ...] = ()
    options: Mapping[str, Any] = field(default_factory=dict)
    """``CalendarOptions.to_dict()``: groups, colours, term dates, exam duration, clashes, and
    the unticked events; empty when the student has chosen nothing."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT_NAME,
            "version": FORMAT_VERSION,
            "sources": [{"path": s.path, "timetable": s.timetable.to_dict()} for s in self.sources],
            "options": dict(self.options),
        }

    @classmethod
    def from_dict(cls, data: Any) -> ScheduleDocument:
        if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
            raise ScheduleFileError("not a schedgen schedule file")
        version = data.get("version")
        if not isinstance(version, int) or version < 1:
            raise ScheduleFileError("the schedule file has no valid version")
        if version > FORMAT_VERSION:
            raise ScheduleFileError(
                f"the schedule file is version {version}; this schedgen reads up to "
                f"{FORMAT_VERSION} (update schedgen)"
            )
        while version in UPGRADES:
            data = UPGRADES[version](data)
            version += 1
        try:
            sources = tuple(
                Source(path=str(item["path"]), timetable=Timetable.from_dict(item["timetable"]))
                for item in data["sources"]
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ScheduleFileError(f"the schedule file is damaged: {exc}") from exc
        options = data.get("options", {})
        if not isinstance(options, dict):
            raise ScheduleFileError("the schedule file is damaged: options must be an object")
        return cls(sources=sources, options=options)


def _from_version_1(data: dict[str, Any]) -> dict[str, Any]:
    """Version 1 -> 2: the ``deselected`` list moves into the options' ``excluded_events``.

    The keys are the same (``Event.key``); options of any version the core reads are kept as they
    are, plus the unticked events.
    """
    upgraded = {key: value for key, value in data.items() if key != "deselected"}
    upgraded["version"] = 2
    deselected = data.get("deselected", [])
    if not isinstance(deselected, list) or not all(isinstance(d, str) for d in deselected):
        raise ScheduleFileError("the schedule file is damaged: deselected must list strings")
    if not deselected:
        return upgraded
    from schedgen_core.calendar import CalendarOptions, CalendarOptionsError

    stored = data.get("options") or {}
    try:
        options = CalendarOptions.from_dict(stored)
    except CalendarOptionsError as exc:
        raise ScheduleFileError(f"the schedule file's options are damaged: {exc}") from exc
    for key in deselected:
        options = options.with_event_excluded(key)
    upgraded["options"] = options.to_dict()
    return upgraded


# version N -> N+1 upgrade steps, applied in turn on load.
UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _from_version_1}


def save(document: ScheduleDocument, path: str | os.PathLike[str]) -> None:
    """Write atomically: a crash mid-write never leaves half a schedule behind."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".tmp")
    tmp.write_text(json.dumps(document.to_dict(), indent=1, ensure_ascii=False), encoding="utf-8")
    tmp.replace(target)


def load(path: str | os.PathLike[str]) -> ScheduleDocument:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise ScheduleFileError(f"cannot read {path}: {exc.strerror or exc}") from exc
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise ScheduleFileError(f"{Path(path).name} is not valid JSON") from exc
    return ScheduleDocument.from_dict(data)

"""The timetable as read from a UP PDF: one row type per kind of schedule.

Field names and order are the `schedgen parse --json` contract (DESIGN §4): dates are
``YYYY-MM-DD``, times ``HH:MM``, an empty cell is ``""`` and a wrapped cell is joined with one
space.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, ClassVar, TypeAlias


class Kind(StrEnum):
    """Which of the three UP schedules a PDF is."""

    LECTURE = "lecture"
    TEST = "test"
    EXAM = "exam"


@dataclass(frozen=True, slots=True)
class LectureRow:
    """One weekly session line of the lecture timetable."""

    kind: ClassVar[Kind] = Kind.LECTURE

    module: str
    offered: str
    group: str
    lang: str
    activity: str
    day: str
    start: str
    end: str
    venue: str
    campus: str


@dataclass(frozen=True, slots=True)
class SemesterTestRow:
    """One block of the semester-test schedule: a test sitting in one or more venues."""

    kind: ClassVar[Kind] = Kind.TEST

    module: str
    test: str
    day: str
    date: str
    start: str
    end: str
    campus: str
    venues: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ExamRow:
    """One block of the exam schedule. Exams have a start time but no end time."""

    kind: ClassVar[Kind] = Kind.EXAM

    status: str
    module: str
    paper: str
    activity: str
    date: str
    start: str
    module_campus: str
    exam_campus: str
    venue: str
    comments: str


Row: TypeAlias = LectureRow | SemesterTestRow | ExamRow

ROW_TYPES: Mapping[Kind, type[LectureRow] | type[SemesterTestRow] | type[ExamRow]] = {
    Kind.LECTURE: LectureRow,
    Kind.TEST: SemesterTestRow,
    Kind.EXAM: ExamRow,
}


def row_to_dict(row: Row) -> dict[str, Any]:
    """The contract's JSON object for one row (keys in contract order)."""
    out: dict[str, Any] = {}
    for field in dataclasses.fields(row):
        value = getattr(row, field.name)
        out[field.name] = list(value) if isinstance(value, tuple) else value
    return out


def row_from_dict(kind: Kind, data: Mapping[str, Any]) -> Row:
    """Build a row of ``kind`` from its contract JSON object; raises ValueError on a bad shape."""
    row_type = ROW_TYPES[kind]
    names = [field.name for field in dataclasses.fields(row_type)]
    missing = [name for name in names if name not in data]
    if missing:
        raise ValueError(f"{kind.value} row is missing {', '.join(missing)}")
    values: dict[str, Any] = {}
    for name in names:
        value = data[name]
        if name == "venues":
            if not isinstance(value, Sequence) or isinstance(value, str):
                raise ValueError("venues must be a list of strings")
            value = tuple(str(v) for v in value)
        elif not isinstance(value, str):
            raise ValueError(f"{name} must be a string")
        values[name] = value
    return row_type(**values)


@dataclass(frozen=True, slots=True)
class Timetable:
    """What one PDF holds: its file name, its kind and its rows in document order."""

    source: str
    kind: Kind
    rows: tuple[Row, ...]

    def to_dict(self) -> dict[str, Any]:
        """The `schedgen parse --json` object."""
        return {
            "source": self.source,
            "kind": self.kind.value,
            "rows": [row_to_dict(row) for row in self.rows],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Timetable:
        """Read a `schedgen parse --json` object back; raises ValueError on a bad shape."""
        try:
            kind = Kind(data["kind"])
            source = str(data["source"])
            raw_rows = data["rows"]
        except (KeyError, ValueError, TypeError) as exc:
            raise ValueError(f"not a schedgen timetable object: {exc}") from exc
        if not isinstance(raw_rows, list):
            raise ValueError("rows must be a list")
        return cls(source=source, kind=kind, rows=tuple(row_from_dict(kind, r) for r in raw_rows))

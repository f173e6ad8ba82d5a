"""The columns of each kind of UP schedule, as named in its header row.

Columns are found by their header text, never by position: each field lists the header spellings
it answers to, and fields appear in this order from left to right.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from schedgen_core.model import Kind


@dataclass(frozen=True, slots=True)
class Field:
    """A column the reader needs, with the header texts that name it (letters only, lowercase)."""

    name: str
    headers: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Layout:
    """The header fields of one kind of schedule, left to right, and which ones must be present."""

    kind: Kind
    fields: tuple[Field, ...]
    required: frozenset[str]


LECTURE = Layout(
    Kind.LECTURE,
    (
        Field("module", ("module", "modulecode")),
        Field("offered", ("offered",)),
        Field("group", ("group",)),
        Field("lang", ("lang", "language")),
        Field("activity", ("activity",)),
        Field("day", ("day",)),
        Field("time", ("time",)),
        Field("venue", ("venue",)),
        Field("campus", ("campus",)),
    ),
    frozenset({"module", "day", "time"}),
)

SEMESTER_TEST = Layout(
    Kind.TEST,
    (
        Field("module", ("module", "modulecode")),
        Field("test", ("test",)),
        Field("day", ("day",)),
        Field("date", ("date",)),
        Field("time", ("time",)),
        Field("campus", ("campus",)),
        Field("venue", ("venue", "venues")),
    ),
    frozenset({"module", "date"}),
)

EXAM = Layout(
    Kind.EXAM,
    (
        Field("status", ("status",)),
        Field("module", ("module", "modulecode")),
        Field("paper", ("paper",)),
        Field("activity", ("activity",)),
        Field("date", ("date",)),
        Field("start", ("starttime", "start")),
        Field("module_campus", ("modulecampus",)),
        Field("exam_campus", ("examcampus",)),
        Field("venue", ("venue",)),
        Field("comments", ("examcomments", "comments")),
    ),
    frozenset({"module", "date"}),
)

LAYOUTS = {layout.kind: layout for layout in (LECTURE, SEMESTER_TEST, EXAM)}

_TITLES: tuple[tuple[Kind, re.Pattern[str]], ...] = (
    (Kind.TEST, re.compile(r"\b(semester\s*tests?|tests?|semestertoetse|toetse)\b", re.I)),
    (Kind.EXAM, re.compile(r"\b(exams?|examinations?|eksamens?)\b", re.I)),
    (Kind.LECTURE, re.compile(r"\b(lectures?|lesings?)\b", re.I)),
)


def kind_from_title(title: str) -> Kind | None:
    """The kind a page-1 title names ("Lectures", "Semester Tests", "Exams"), or None."""
    found = [(match.start(), kind) for kind, rx in _TITLES if (match := rx.search(title))]
    return min(found)[1] if found else None

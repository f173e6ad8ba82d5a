"""Turn the table's blocks into rows of the contract, one reader per kind of schedule."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Sequence

from schedgen_core.errors import UnreadableCellError
from schedgen_core.model import ExamRow, Kind, LectureRow, Row, SemesterTestRow
from schedgen_core.pdf.table import Block, Line

_TIME = r"(\d{1,2})\s*[:hH.]\s*(\d{2})"
TIME_RANGE = re.compile(rf"^{_TIME}\s*[-\u2013\u2014]+\s*{_TIME}$")
SINGLE_TIME = re.compile(rf"^{_TIME}$")
MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "maa": 3, "apr": 4, "may": 5, "mei": 5, "jun": 6, "jul": 7,
    "aug": 8, "sep": 9, "oct": 10, "okt": 10, "nov": 11, "dec": 12, "des": 12,
}  # fmt: skip
DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})[\s\-/.]*([A-Za-z]{3,})[\s\-/.,]*(\d{4})$")
ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
NUMERIC_DATE = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$")

# Lecture columns printed once per block (module, group, ...) versus once per session line.
LECTURE_BLOCK_FIELDS = ("module", "offered", "group", "lang", "campus")


def merge_continuations(blocks: Sequence[Block]) -> list[Block]:
    """Join each block whose Module cell is empty onto the block before it.

    That is how a block continues on the next page (its left cells are left empty there).
    """
    merged: list[Block] = []
    for block in blocks:
        if merged and not block.text("module"):
            merged[-1].lines.extend(block.lines)
        else:
            merged.append(Block(page=block.page, lines=list(block.lines)))
    return merged


def read_rows(kind: Kind, blocks: Sequence[Block]) -> list[Row]:
    """The rows of a schedule of ``kind`` from its (continuation-merged) blocks."""
    reader = _READERS[kind]
    rows: list[Row] = []
    for block in merge_continuations(blocks):
        rows.extend(reader(block))
    return rows


# --- lectures ---------------------------------------------------------------------------------


def _lecture_rows(block: Block) -> list[Row]:
    sessions = _split_sessions(block.lines)
    block_values = {name: _block_field(block, sessions, name) for name in LECTURE_BLOCK_FIELDS}
    rows: list[Row] = []
    for index, lines in enumerate(sessions):
        start, end = _time_range(_join(lines, "time"), block.page)
        values = {name: per_session[index] for name, per_session in block_values.items()}
        rows.append(
            LectureRow(
                module=values["module"],
                offered=values["offered"],
                group=values["group"],
                lang=values["lang"],
                activity=_join(lines, "activity"),
                day=_join(lines, "day"),
                start=start,
                end=end,
                venue=_join(lines, "venue"),
                campus=values["campus"],
            )
        )
    return rows


def _split_sessions(lines: Sequence[Line]) -> list[list[Line]]:
    """Group a block's lines into sessions: each line with a time starts one.

    Lines above the first timed line (a module code centred in a tall cell) belong to the first
    session; a block with no time at all is one session.
    """
    sessions: list[list[Line]] = []
    leading: list[Line] = []
    for line in lines:
        if line.cells.get("time"):
            sessions.append([*leading, line])
            leading = []
        elif sessions:
            sessions[-1].append(line)
        else:
            leading.append(line)
    return sessions or [leading]


def _block_field(block: Block, sessions: Sequence[Sequence[Line]], name: str) -> list[str]:
    """A block-level column's value for each session.

    Printed once (on the first line, or centred in the merged cell, possibly wrapped): one value
    for every session. Printed on several session lines: each session its own, filled down.
    """
    starts = [lines[0].cells.get(name, "") for lines in sessions]
    if sum(1 for value in starts if value) < 2:
        value = block.text(name)
        return [value] * len(sessions)
    values: list[str] = []
    for lines in sessions:
        values.append(_join(lines, name) or (values[-1] if values else ""))
    return values


# --- semester tests and exams -----------------------------------------------------------------


def _test_rows(block: Block) -> list[Row]:
    start, end = _time_range(block.text("time"), block.page)
    return [
        SemesterTestRow(
            module=block.text("module"),
            test=block.text("test"),
            day=block.text("day"),
            date=_date(block.text("date"), block.page),
            start=start,
            end=end,
            campus=block.text("campus"),
            venues=tuple(v for line in block.lines if (v := line.cells.get("venue"))),
        )
    ]


def _exam_rows(block: Block) -> list[Row]:
    return [
        ExamRow(
            status=block.text("status"),
            module=block.text("module"),
            paper=block.text("paper"),
            activity=block.text("activity"),
            date=_date(block.text("date"), block.page),
            start=_single_time(block.text("start"), block.page),
            module_campus=block.text("module_campus"),
            exam_campus=block.text("exam_campus"),
            venue=block.text("venue"),
            comments=block.text("comments"),
        )
    ]


_READERS: dict[Kind, Callable[[Block], list[Row]]] = {
    Kind.LECTURE: _lecture_rows,
    Kind.TEST: _test_rows,
    Kind.EXAM: _exam_rows,
}


# --- cell values ------------------------------------------------------------------------------


def _join(lines: Sequence[Line], name: str) -> str:
    return " ".join(v for line in lines if (v := line.cells.get(name, "")))


def _hhmm(hours: str, minutes: str, text: str, page: int) -> str:
    if int(hours) > 23 or int(minutes) > 59:
        raise UnreadableCellError(f"page {page}: '{text}' is not a time of day")
    return f"{int(hours):02d}:{minutes}"


def _time_range(text: str, page: int) -> tuple[str, str]:
    if not text:
        return "", ""
    match = TIME_RANGE.match(text)
    if not match:
        raise UnreadableCellError(
            f"page {page}: cannot read the time '{text}' (want HH:MM - HH:MM)"
        )
    h0, m0, h1, m1 = match.groups()
    return _hhmm(h0, m0, text, page), _hhmm(h1, m1, text, page)


def _single_time(text: str, page: int) -> str:
    if not text:
        return ""
    match = SINGLE_TIME.match(text)
    if not match:
        raise UnreadableCellError(f"page {page}: cannot read the time '{text}' (want HH:MM)")
    hours, minutes = match.groups()
    return _hhmm(hours, minutes, text, page)


def _date(text: str, page: int) -> str:
    if not text:
        return ""
    if match := DAY_MONTH_YEAR.match(text):
        day, month_name, year = match.groups()
        month = MONTHS.get(month_name[:3].lower(), 0)
    elif match := ISO_DATE.match(text):
        year, month_text, day = match.groups()
        month = int(month_text)
    elif match := NUMERIC_DATE.match(text):
        day, month_text, year = match.groups()
        month = int(month_text)
    else:
        raise UnreadableCellError(f"page {page}: cannot read the date '{text}'")
    try:
        return datetime.date(int(year), month, int(day)).isoformat()
    except ValueError:
        raise UnreadableCellError(f"page {page}: cannot read the date '{text}'") from None

"""Find the ruled table on each page and cut it into blocks of lines of cells.

The geometry comes from the page alone: columns are the gaps between vertical rules, rows (blocks)
the gaps between horizontal rules, and each column is named by matching its header text against
the kind's :mod:`~schedgen_core.pdf.layouts`. A page without a header row reuses the previous
page's column names, matched by position.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from schedgen_core.errors import NotAScheduleError
from schedgen_core.pdf.content import HRule, PageContent, Word
from schedgen_core.pdf.layouts import Layout

MERGE_TOLERANCE = 1.5
"""Rules closer than this (points) are one rule drawn twice or thick."""
CELL_SLACK = 2.0
"""Text may start this far left of its column's rule and still belong to it."""
MIN_HEADER_SCORE = 0.6
"""How alike a header text and a field's name must be to pair them (0..1)."""
LINE_GAP_RATIO = 0.45
"""Runs whose centres differ by less than this share of the text height sit on one line."""


@dataclass(frozen=True, slots=True)
class Column:
    x0: float
    x1: float
    field: str | None


@dataclass(slots=True)
class Line:
    """One printed line inside a block: the text of each named column on that line."""

    y: float
    cells: dict[str, str]


@dataclass(slots=True)
class Block:
    """The lines between two horizontal rules, in reading order."""

    page: int
    lines: list[Line] = field(default_factory=list)

    def text(self, name: str) -> str:
        """A column's text over the whole block, lines joined with one space."""
        return " ".join(v for line in self.lines if (v := line.cells.get(name, "")))


@dataclass(slots=True)
class Table:
    """The page-1 title text, the layout it names, and every block of the table in order."""

    title: str
    layout: Layout
    blocks: list[Block]


def read_table(pages: Iterable[PageContent], layout_for_title: Callable[[str], Layout]) -> Table:
    """Read the blocks of a UP schedule's table across all pages.

    ``layout_for_title`` picks the layout from the page-1 title (raising NotAScheduleError when
    the title names no UP schedule).
    """
    title = ""
    layout: Layout | None = None
    columns: list[Column] | None = None
    blocks: list[Block] = []
    for number, page in enumerate(pages, start=1):
        grid = _page_grid(page)
        if number == 1:
            title = _title_text(page, grid)
            layout = layout_for_title(title)
        if grid is None:
            continue
        assert layout is not None
        xs, ys = grid
        header = _header_texts(page, xs, ys[0], ys[1])
        if _looks_like_header(header, layout):
            columns = _name_columns(xs, header, layout)
            body_top = 1
        elif columns is None:
            raise NotAScheduleError(
                f"not a UP schedule: page {number} has a table without a header row"
            )
        else:
            columns = _reuse_names(xs, columns)
            body_top = 0
        placed = _PlacedWords(page.words)
        for top, bottom in itertools.pairwise(ys[body_top:]):
            block = _read_block(placed.between(top, bottom), columns, number)
            if block.lines:
                blocks.append(block)
    if layout is None:
        raise NotAScheduleError("not a UP schedule: the PDF has no pages")
    if columns is None:
        raise NotAScheduleError("not a UP schedule: no ruled timetable found")
    return Table(title=title, layout=layout, blocks=blocks)


# --- geometry ---------------------------------------------------------------------------------


def _merge_positions(values: Iterable[float]) -> list[float]:
    merged: list[list[float]] = []
    for value in sorted(values):
        if merged and value - merged[-1][-1] <= MERGE_TOLERANCE:
            merged[-1].append(value)
        else:
            merged.append([value])
    return [sum(group) / len(group) for group in merged]


def _page_grid(page: PageContent) -> tuple[list[float], list[float]] | None:
    """Column edges (x) and row edges (y) of the page's table, or None without one."""
    if len(page.v_rules) < 2 or len(page.h_rules) < 2:
        return None
    tallest = max(r.y1 - r.y0 for r in page.v_rules)
    verticals = [r for r in page.v_rules if r.y1 - r.y0 >= 0.5 * tallest]
    xs = _merge_positions(r.x for r in verticals)
    if len(xs) < 2:
        return None
    left, right = xs[0], xs[-1]
    top = min(r.y0 for r in verticals) - MERGE_TOLERANCE
    bottom = max(r.y1 for r in verticals) + MERGE_TOLERANCE
    spanning = [
        r
        for r in page.h_rules
        if top <= r.y <= bottom and _overlap(r, left, right) >= 0.5 * (right - left)
    ]
    ys = _merge_positions(r.y for r in spanning)
    if len(ys) < 2:
        return None
    return xs, ys


def _overlap(rule: HRule, left: float, right: float) -> float:
    return max(0.0, min(rule.x1, right) - max(rule.x0, left))


def _title_text(page: PageContent, grid: tuple[list[float], list[float]] | None) -> str:
    top = grid[1][0] if grid else page.height
    above = sorted((w for w in page.words if w.cy < top), key=lambda w: (round(w.cy), w.x0))
    return " ".join(w.text for w in above)


# --- header -----------------------------------------------------------------------------------


def _letters(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.lower())


def _header_texts(page: PageContent, xs: Sequence[float], top: float, bottom: float) -> list[str]:
    """The header text of each column; a run that overflows into the next cell is split."""
    parts: list[list[tuple[float, float, str]]] = [[] for _ in xs[:-1]]
    for word in page.words:
        if not top < word.cy < bottom:
            continue
        for index, (x0, x1) in enumerate(itertools.pairwise(xs)):
            piece = _clip_text(word, x0, x1)
            if piece:
                parts[index].append((word.cy, word.x0, piece))
    return [" ".join(p[2] for p in sorted(cell)) for cell in parts]


def _clip_text(word: Word, x0: float, x1: float) -> str:
    """The characters of a run that fall between x0 and x1, estimated by even spacing."""
    if word.x1 <= x0 or word.x0 >= x1:
        return ""
    if word.x0 >= x0 - CELL_SLACK and word.x1 <= x1 + CELL_SLACK:
        return word.text
    step = (word.x1 - word.x0) / len(word.text)
    start = max(0, round((x0 - word.x0) / step))
    end = min(len(word.text), round((x1 - word.x0) / step))
    return word.text[start:end].strip()


@functools.lru_cache(maxsize=1024)
def _similarity(header: str, names: tuple[str, ...]) -> float:
    text = _letters(header)
    best = 0.0
    for name in names:
        if text == name:
            return 1.0
        matcher = SequenceMatcher(None, text, name)
        if matcher.real_quick_ratio() > best and matcher.quick_ratio() > best:
            best = max(best, matcher.ratio())
    return best


def _looks_like_header(header: Sequence[str], layout: Layout) -> bool:
    """A header row names the module column and at least two others."""
    module = next(f for f in layout.fields if f.name == "module")
    if not any(_similarity(text, module.headers) >= 0.8 for text in header):
        return False
    hits = sum(
        1 for text in header if any(_similarity(text, f.headers) >= 0.8 for f in layout.fields)
    )
    return hits >= 3


def _name_columns(xs: Sequence[float], header: Sequence[str], layout: Layout) -> list[Column]:
    """Pair columns with fields in left-to-right order, maximising header likeness."""
    fields = layout.fields
    n, m = len(header), len(fields)
    score = [[_similarity(header[i], fields[j].headers) for j in range(m)] for i in range(n)]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            paired = score[i - 1][j - 1]
            options = [best[i - 1][j], best[i][j - 1]]
            if paired >= MIN_HEADER_SCORE:
                options.append(best[i - 1][j - 1] + paired)
            best[i][j] = max(options)
    names: list[str | None] = [None] * n
    i, j = n, m
    while i > 0 and j > 0:
        paired = score[i - 1][j - 1]
        if paired >= MIN_HEADER_SCORE and best[i][j] == best[i - 1][j - 1] + paired:
            names[i - 1] = fields[j - 1].name
            i, j = i - 1, j - 1
        elif best[i][j] == best[i - 1][j]:
            i -= 1
        else:
            j -= 1
    missing = sorted(layout.required - set(names))
    if missing:
        raise NotAScheduleError(f"not a UP schedule: the table has no {', '.join(missing)} column")
    return [Column(x0, x1, name) for x0, x1, name in zip(xs, xs[1:], names, strict=False)]


def _reuse_names(xs: Sequence[float], previous: Sequence[Column]) -> list[Column]:
    """Columns of a page without a header, named after the previous page's by position."""
    columns = []
    for x0, x1 in itertools.pairwise(xs):
        match = min(previous, key=lambda c: abs(c.x0 - x0) + abs(c.x1 - x1))
        near = abs(match.x0 - x0) + abs(match.x1 - x1) <= 4 * MERGE_TOLERANCE
        columns.append(Column(x0, x1, match.field if near else None))
    return columns


# --- body -------------------------------------------------------------------------------------


class _PlacedWords:
    """A page's words sorted by their vertical centre, for cutting into horizontal bands."""

    def __init__(self, words: Iterable[Word]) -> None:
        placed = sorted(((w.cy, w) for w in words), key=lambda item: item[0])
        self._centres = [cy for cy, _ in placed]
        self._words = [w for _, w in placed]

    def between(self, top: float, bottom: float) -> list[tuple[float, Word]]:
        """(centre, word) pairs whose centre lies strictly between top and bottom."""
        lo = bisect.bisect_right(self._centres, top)
        hi = bisect.bisect_left(self._centres, bottom)
        return list(zip(self._centres[lo:hi], self._words[lo:hi], strict=True))


def _read_block(
    placed: Sequence[tuple[float, Word]], columns: Sequence[Column], number: int
) -> Block:
    starts = [column.x0 - CELL_SLACK for column in columns]
    right = columns[-1].x1 - CELL_SLACK
    block = Block(page=number)
    line_centre = 0.0
    line_height = 0.0
    current: list[tuple[float, Word]] = []
    for cy, word in placed:
        if not starts[0] <= word.x0 < right:
            continue
        if current and cy - line_centre > LINE_GAP_RATIO * line_height:
            _append_line(block, current, starts, columns)
            current = []
        if not current:
            line_centre, line_height = cy, word.y1 - word.y0
        current.append((cy, word))
    if current:
        _append_line(block, current, starts, columns)
    return block


def _append_line(
    block: Block,
    placed: Sequence[tuple[float, Word]],
    starts: Sequence[float],
    columns: Sequence[Column],
) -> None:
    """Add the printed line made of ``placed`` words, each in the column where it starts."""
    cells: dict[str, list[str]] = {}
    for _, word in sorted(placed, key=lambda item: item[1].x0):
        name = columns[bisect.bisect_right(starts, word.x0) - 1].field
        if name is not None:
            cells.setdefault(name, []).append(word.text)
    if cells:
        y = sum(cy for cy, _ in placed) / len(placed)
        block.lines.append(Line(y=y, cells={k: " ".join(v) for k, v in cells.items()}))

"""Write a timetable as a PDF laid out like the University's own timetable PDFs.

The UP's PDFs come out of a report generator with a fixed look, measured here from real files:
A4 landscape, a bold 20 pt title, one header row, and a ruled table drawn as thin filled black
rectangles. Each bordered block holds one group of sessions (lectures), one test sitting (tests)
or one exam; block-level cells are printed on the block's first line only; cells wider than their
column wrap onto further lines of the block; a block that does not fit at the bottom of a page
continues at the top of the next one with its block-level cells empty, and neither the title nor
the header row repeats there.

Only Helvetica (base-14, WinAnsi) is used, and the page content is written as a PDF content
stream directly: that is both what the real files contain and hundreds of times faster than
PyMuPDF's per-call text insertion on long documents.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from itertools import groupby
from typing import Any

import pymupdf

from schedgen_core.model import ExamRow, Kind, LectureRow, SemesterTestRow, Timetable

PAGE_WIDTH = 841.9
PAGE_HEIGHT = 595.3
MARGIN = 36.0
PAGE_BOTTOM = PAGE_HEIGHT - MARGIN
"""Nothing of the table is drawn below this line."""
FIRST_TABLE_TOP = 73.37
"""Top of the header row on page 1 (under the title)."""
RULE = 0.5
"""Thickness of every ruling rectangle."""
PAD_LEFT = 5.65
"""From a column's left rule to its text."""
PAD_RIGHT = 5.15
"""From a column's text to the next column's rule."""
TITLE_SIZE = 20.0
TITLE_BASELINE = 55.42
BODY_PITCH = 1.156
"""Line pitch of body text, per point of font size."""
BODY_ASCENT = 0.937
"""From the top of a block's rule area to its first baseline, per point of font size."""
HEADER_PITCH = 1.19
HEADER_ASCENT = 0.971
MIN_DPI, MAX_DPI = 36, 600

REGULAR, BOLD = "F2", "F1"
"""Resource names of the two fonts, as in the real files."""
_FONT_FOR_METRICS = {REGULAR: "helv", BOLD: "hebo"}

_open_document: Callable[..., Any] = pymupdf.open
"""PyMuPDF's documents are untyped; they are handled as ``Any`` from here on."""

_MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True, slots=True)
class _Column:
    x: float
    """Left edge of the column's left rule."""
    header: tuple[str, ...]
    """Header text, one entry per header line."""
    header_size: float
    body_size: float | None = None
    """Font size of this column's body text when it differs from the table's."""


@dataclass(frozen=True, slots=True)
class _Style:
    title: str
    columns: tuple[_Column, ...]
    right: float
    """Left edge of the table's rightmost rule."""
    body_size: float
    min_block_height: float
    """Least height of a block's content (the real files pad short blocks)."""
    splittable: bool
    """Whether a block may break between its lines at a page end."""

    @property
    def pitch(self) -> float:
        return self.body_size * BODY_PITCH

    @property
    def header_height(self) -> float:
        lines = max(len(c.header) for c in self.columns)
        size = max(c.header_size for c in self.columns)
        return lines * size * HEADER_PITCH

    def col_size(self, index: int) -> float:
        size = self.columns[index].body_size
        return self.body_size if size is None else size

    def col_width(self, index: int) -> float:
        """The width text may take in column ``index`` before it wraps."""
        right = self.columns[index + 1].x if index + 1 < len(self.columns) else self.right
        return right - self.columns[index].x - PAD_LEFT - PAD_RIGHT


# Column positions and header sizes as measured on the UP's own PDFs.
LECTURE_STYLE = _Style(
    title="Lectures",
    columns=(
        _Column(35.75, ("Module",), 10),
        _Column(92.45, ("Offered",), 8),
        _Column(135.0, ("Group",), 10),
        _Column(177.5, ("Lang",), 10),
        _Column(212.95, ("Activity",), 9),
        _Column(262.55, ("Day",), 10),
        _Column(326.35, ("Time",), 10),
        _Column(397.25, ("Venue",), 10),
        _Column(553.15, ("Campus",), 10),
        _Column(638.2, ("Study Prog",), 10),
    ),
    right=744.5,
    body_size=10,
    min_block_height=20.81,
    splittable=True,
)
TEST_STYLE = _Style(
    title="Semester Tests",
    columns=(
        _Column(35.75, ("Module",), 11, body_size=10),
        _Column(92.45, ("Test",), 11),
        _Column(135.0, ("Day",), 11),
        _Column(213.0, ("Date",), 11),
        _Column(291.0, ("Time",), 11),
        _Column(368.95, ("Campus",), 11),
        _Column(461.1, ("Venue",), 11),
    ),
    right=652.4,
    body_size=11,
    min_block_height=0.0,
    splittable=True,
)
EXAM_STYLE = _Style(
    title="Exams",
    columns=(
        _Column(35.75, ("Status",), 10),
        _Column(85.25, ("Module",), 11),
        _Column(143.75, ("Paper",), 10),
        _Column(184.25, ("Activity",), 11),
        _Column(238.25, ("Date",), 11),
        _Column(314.75, ("Start", "Time"), 11),
        _Column(361.8, ("Module", "Campus"), 11),
        _Column(453.95, ("Exam Campus",), 11),
        _Column(546.1, ("Venue",), 11),
        _Column(673.65, ("Exam", "Comments"), 11),
    ),
    right=765.8,
    body_size=10,
    min_block_height=37.9,
    splittable=False,
)
STYLES = {Kind.LECTURE: LECTURE_STYLE, Kind.TEST: TEST_STYLE, Kind.EXAM: EXAM_STYLE}


@dataclass(frozen=True, slots=True)
class _Cell:
    text: str
    hidden: str = ""
    """White text printed right after ``text`` (the real lecture PDFs carry one such letter)."""


@dataclass(frozen=True, slots=True)
class _Block:
    cells: dict[int, _Cell]
    """Block-level cells by column index, printed on the block's first line."""
    lines: tuple[dict[int, _Cell], ...]
    """The block's own lines (sessions or venues), each a row of cells by column index."""


@dataclass(slots=True)
class _Page:
    top: float
    texts: list[tuple[float, float, str, float, str, bool]] = field(default_factory=list)
    """(x, baseline, font, size, text, white)."""
    h_rules: list[float] = field(default_factory=list)
    """Top edges of the horizontal rules, top to bottom; the vertical rules span them all."""

    @property
    def bottom(self) -> float:
        return self.h_rules[-1]


# ---------------------------------------------------------------------------------------------
# From rows to blocks


def _time_range(start: str, end: str) -> str:
    return f"{start} - {end}" if start or end else ""


def _check_date(value: str) -> date | None:
    if not value:
        return None
    if not _ISO_DATE.fullmatch(value):
        raise ValueError(f"date {value!r} is not YYYY-MM-DD")
    return date.fromisoformat(value)


def _exam_date(value: str) -> str:
    day = _check_date(value)
    return "" if day is None else f"{day.day:02d} {_MONTHS[day.month - 1]} {day.year}"


def _test_date(value: str) -> str:
    day = _check_date(value)
    return "" if day is None else f"{day.day:02d} {_MONTHS[day.month - 1].title()} {day.year}"


def _activity_letter(activity: str) -> str:
    """The activity type (L, P, T, ...) the real files hide in white after the language."""
    return activity[:1].upper() if activity[:1].isalpha() else ""


def _lecture_blocks(rows: Sequence[LectureRow]) -> list[_Block]:
    # The real files start a new block when the activity type changes even within one group
    # (a G01 block of lectures, then a G01 block of practicals), so the type is part of the key.
    def key(row: LectureRow) -> tuple[str, ...]:
        letter = _activity_letter(row.activity)
        return (row.module, row.offered, row.group, row.lang, row.campus, letter)

    blocks = []
    for (module, offered, group, lang, campus, letter), members in groupby(rows, key=key):
        sessions = list(members)
        cells = {
            0: _Cell(module),
            1: _Cell(offered),
            2: _Cell(group),
            3: _Cell(lang, hidden=letter if lang else ""),
            8: _Cell(campus),
        }
        lines = tuple(
            {
                4: _Cell(s.activity),
                5: _Cell(s.day),
                6: _Cell(_time_range(s.start, s.end)),
                7: _Cell(s.venue),
            }
            for s in sessions
        )
        blocks.append(_Block(cells, lines))
    return blocks


def _test_blocks(rows: Sequence[SemesterTestRow]) -> list[_Block]:
    return [
        _Block(
            cells={
                0: _Cell(r.module),
                1: _Cell(r.test),
                2: _Cell(r.day),
                3: _Cell(_test_date(r.date)),
                4: _Cell(_time_range(r.start, r.end)),
                5: _Cell(r.campus),
            },
            lines=tuple({6: _Cell(venue)} for venue in r.venues),
        )
        for r in rows
    ]


def _exam_blocks(rows: Sequence[ExamRow]) -> list[_Block]:
    return [
        _Block(
            cells={
                0: _Cell(r.status),
                1: _Cell(r.module),
                2: _Cell(r.paper),
                3: _Cell(r.activity),
                4: _Cell(_exam_date(r.date)),
                5: _Cell(r.start),
                6: _Cell(r.module_campus),
                7: _Cell(r.exam_campus),
                8: _Cell(r.venue),
                9: _Cell(r.comments),
            },
            lines=(),
        )
        for r in rows
    ]


def _blocks(timetable: Timetable) -> list[_Block]:
    rows = timetable.rows
    kind = timetable.kind
    if not all(row.kind is kind for row in rows):
        raise ValueError(f"a {kind.value} timetable holds rows of another kind")
    if kind is Kind.LECTURE:
        return _lecture_blocks([r for r in rows if isinstance(r, LectureRow)])
    if kind is Kind.TEST:
        return _test_blocks([r for r in rows if isinstance(r, SemesterTestRow)])
    return _exam_blocks([r for r in rows if isinstance(r, ExamRow)])


# ---------------------------------------------------------------------------------------------
# Text measuring and wrapping


@lru_cache(maxsize=65536)
def _text_width(text: str, font: str, size: float) -> float:
    return float(pymupdf.get_text_length(text, fontname=_FONT_FOR_METRICS[font], fontsize=size))


MIN_SHRUNK_SIZE = 5.0


@dataclass(frozen=True, slots=True)
class _Wrapped:
    """A cell's text broken into lines, at the size it is printed."""

    lines: tuple[str, ...]
    size: float
    hidden: str = ""


@lru_cache(maxsize=65536)
def _wrap(text: str, width: float, size: float) -> tuple[tuple[str, ...], float]:
    """Break ``text`` at spaces into lines no wider than ``width``.

    A single word wider than the column is never broken (that would change the value): the cell's
    font shrinks until the word fits instead.
    """
    words = text.split()
    if not words:
        return (), size
    widest = max(_text_width(word, REGULAR, size) for word in words)
    if widest > width:
        size = max(MIN_SHRUNK_SIZE, int(size * width / widest * 10) / 10)
    lines = [words[0]]
    for word in words[1:]:
        candidate = f"{lines[-1]} {word}"
        if _text_width(candidate, REGULAR, size) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    return tuple(lines), size


# ---------------------------------------------------------------------------------------------
# Pagination


@dataclass(frozen=True, slots=True)
class _Placed:
    """A cell's wrapped lines with the text-line offset they start at within a block piece."""

    column: int
    first_line: int
    text: _Wrapped


class _Paginator:
    def __init__(self, style: _Style) -> None:
        self.style = style
        self.pages: list[_Page] = []
        self._first_page()

    def _first_page(self) -> None:
        style = self.style
        page = _Page(top=FIRST_TABLE_TOP, h_rules=[FIRST_TABLE_TOP])
        page.texts.append((MARGIN, TITLE_BASELINE, BOLD, TITLE_SIZE, style.title, False))
        for column in style.columns:
            size = column.header_size
            for index, text in enumerate(column.header):
                baseline = (
                    FIRST_TABLE_TOP
                    + RULE
                    + HEADER_ASCENT * size
                    + index * HEADER_PITCH * max(c.header_size for c in style.columns)
                )
                page.texts.append((column.x + PAD_LEFT, baseline, BOLD, size, text, False))
        page.h_rules.append(FIRST_TABLE_TOP + RULE + style.header_height)
        self.pages.append(page)

    def _next_page(self) -> _Page:
        page = _Page(top=MARGIN, h_rules=[MARGIN])
        self.pages.append(page)
        return page

    def _wrapped(self, cells: dict[int, _Cell]) -> dict[int, _Wrapped]:
        style = self.style
        wrapped = {}
        for index, cell in cells.items():
            lines, size = _wrap(cell.text, style.col_width(index), style.col_size(index))
            wrapped[index] = _Wrapped(lines, size, cell.hidden)
        return wrapped

    def add(self, block: _Block) -> None:
        style = self.style
        head = self._wrapped(block.cells)
        head_lines = max((len(cell.lines) for cell in head.values()), default=0)
        rows = [self._wrapped(line) for line in block.lines]
        row_lines = [max([1, *(len(cell.lines) for cell in row.values())]) for row in rows]

        start = 0  # the first of the block's own lines not placed yet
        first_piece = True
        while True:
            page = self.pages[-1]
            fresh_page = page.bottom == page.top
            piece_head = head if first_piece else {}
            piece_head_lines = head_lines if first_piece else 0
            rest = row_lines[start:]
            content = max(piece_head_lines, sum(rest)) * style.pitch
            if first_piece:
                content = max(content, style.min_block_height)
            if self._fits(page, content) or (
                fresh_page and (not style.splittable or len(rest) <= 1)
            ):
                self._place(page, piece_head, rows[start:], rest, content)
                return
            taken = 0
            if style.splittable:
                taken = next(
                    (
                        count
                        for count in range(len(rest) - 1, 0, -1)
                        if self._fits(page, max(piece_head_lines, sum(rest[:count])) * style.pitch)
                    ),
                    1 if fresh_page else 0,  # a line taller than a page: place it anyway
                )
            if taken:
                content = max(piece_head_lines, sum(rest[:taken])) * style.pitch
                self._place(page, piece_head, rows[start : start + taken], rest[:taken], content)
                start += taken
                first_piece = False
            self._next_page()

    @staticmethod
    def _fits(page: _Page, content: float) -> bool:
        return page.bottom + RULE + content + RULE <= PAGE_BOTTOM + 1e-6

    def _place(
        self,
        page: _Page,
        head: dict[int, _Wrapped],
        rows: Sequence[dict[int, _Wrapped]],
        row_lines: Sequence[int],
        content: float,
    ) -> None:
        """Write one block piece under the page's last rule and rule it off ``content`` below."""
        style = self.style
        first_baseline = page.bottom + RULE + BODY_ASCENT * style.body_size
        placed = [_Placed(index, 0, text) for index, text in head.items()]
        offset = 0
        for row, height in zip(rows, row_lines, strict=True):
            placed += [_Placed(index, offset, text) for index, text in row.items()]
            offset += height
        for cell in placed:
            x = style.columns[cell.column].x + PAD_LEFT
            lines, size, hidden = cell.text.lines, cell.text.size, cell.text.hidden
            for number, line in enumerate(lines):
                baseline = first_baseline + (cell.first_line + number) * style.pitch
                if hidden and number == len(lines) - 1:
                    line += " "  # the real files print "E " and then the white letter
                page.texts.append((x, baseline, REGULAR, size, line, False))
            if hidden and lines:
                hidden_x = x + _text_width(f"{lines[-1]} ", REGULAR, size)
                baseline = first_baseline + (cell.first_line + len(lines) - 1) * style.pitch
                page.texts.append((hidden_x, baseline, REGULAR, size, hidden, True))
        page.h_rules.append(page.bottom + RULE + content)


# ---------------------------------------------------------------------------------------------
# PDF output


def _number(value: float) -> str:
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def _pdf_string(text: str) -> bytes:
    try:
        raw = text.encode("cp1252")
    except UnicodeEncodeError as exc:
        raise ValueError(
            f"{text!r} has characters Helvetica (WinAnsi encoding) cannot show"
        ) from exc
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _content_stream(page: _Page, style: _Style) -> bytes:
    out: list[bytes] = [b"0 0 0 RG 0 0 0 rg\nBT"]
    font: tuple[str, float] | None = None
    white = False
    for x, baseline, font_name, size, text, is_white in page.texts:
        if is_white != white:
            out.append(b"1 1 1 rg" if is_white else b"0 0 0 rg")
            white = is_white
        out.append(f"1 0 0 1 {_number(x)} {_number(PAGE_HEIGHT - baseline)} Tm".encode())
        if font != (font_name, size):
            out.append(f"/{font_name} {_number(size)} Tf".encode())
            font = (font_name, size)
        out.append(_pdf_string(text) + b"Tj")
    out.append(b"ET")
    if white:
        out.append(b"0 0 0 rg")
    left = style.columns[0].x
    width = style.right + RULE - left
    bottom = page.bottom + RULE
    for column_x in (*(c.x for c in style.columns), style.right):
        out.append(_rect(column_x, page.top, RULE, bottom - page.top))
    out.extend(_rect(left, y, width, RULE) for y in page.h_rules)
    return b"\n".join(out) + b"\n"


def _rect(x: float, top: float, width: float, height: float) -> bytes:
    y = PAGE_HEIGHT - top - height
    return f"{_number(x)} {_number(y)} {_number(width)} {_number(height)} re f".encode()


def _write_pdf(pages: Iterable[_Page], style: _Style) -> bytes:
    doc = _open_document()
    try:
        fonts = {}
        for name, base in ((BOLD, "Helvetica-Bold"), (REGULAR, "Helvetica")):
            xref = doc.get_new_xref()
            doc.update_object(
                xref,
                f"<< /Type /Font /Subtype /Type1 /BaseFont /{base} /Encoding /WinAnsiEncoding >>",
            )
            fonts[name] = xref
        font_dict = " ".join(f"/{name} {xref} 0 R" for name, xref in fonts.items())
        resources = f"<< /ProcSet [/PDF /Text] /Font << {font_dict} >> >>"
        for layout in pages:
            page = doc.new_page(width=PAGE_WIDTH, height=PAGE_HEIGHT)
            contents = doc.get_new_xref()
            doc.update_object(contents, "<< >>")
            doc.update_stream(contents, _content_stream(layout, style))
            doc.xref_set_key(page.xref, "Resources", resources)
            doc.xref_set_key(page.xref, "Contents", f"{contents} 0 R")
        doc.set_metadata({"producer": "schedgen", "creator": "schedgen"})
        return bytes(doc.tobytes(garbage=1, deflate=True))
    finally:
        doc.close()


def _rasterise(pdf: bytes, dpi: int) -> bytes:
    """The same pages as greyscale images only, like a scan: no text layer at all."""
    source = _open_document(stream=pdf, filetype="pdf")
    out = _open_document()
    try:
        for page in source:
            pixmap = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY, alpha=False)
            scan = out.new_page(width=page.rect.width, height=page.rect.height)
            scan.insert_image(scan.rect, pixmap=pixmap)
        out.set_metadata({"producer": "schedgen", "creator": "schedgen"})
        return bytes(out.tobytes(garbage=1, deflate=True))
    finally:
        out.close()
        source.close()


def render_timetable_pdf(
    timetable: Timetable,
    *,
    image_only: bool = False,
    dpi: int = 200,
    hidden_letters: bool = True,
) -> bytes:
    """The PDF of ``timetable`` in the layout of the UP's own timetable PDFs.

    ``image_only`` renders every page to a greyscale image at ``dpi`` and returns a PDF holding
    only those images (what a scanned timetable looks like). ``hidden_letters`` writes the white
    activity-type letter the real lecture PDFs carry after the language code (invisible, but
    present in the text layer). Raises ValueError for values the layout cannot show: a date that
    is not ``YYYY-MM-DD``, characters outside Helvetica's WinAnsi set, rows of another kind.
    """
    if not MIN_DPI <= dpi <= MAX_DPI:
        raise ValueError(f"dpi must be between {MIN_DPI} and {MAX_DPI}, not {dpi}")
    style = STYLES[timetable.kind]
    blocks = _blocks(timetable)
    if not hidden_letters:
        blocks = [_without_hidden(block) for block in blocks]
    paginator = _Paginator(style)
    for block in blocks:
        paginator.add(block)
    pdf = _write_pdf(paginator.pages, style)
    return _rasterise(pdf, dpi) if image_only else pdf


def _without_hidden(block: _Block) -> _Block:
    def strip(cells: dict[int, _Cell]) -> dict[int, _Cell]:
        return {index: _Cell(cell.text) for index, cell in cells.items()}

    return _Block(strip(block.cells), tuple(strip(line) for line in block.lines))


__all__ = ["PAGE_HEIGHT", "PAGE_WIDTH", "STYLES", "render_timetable_pdf"]

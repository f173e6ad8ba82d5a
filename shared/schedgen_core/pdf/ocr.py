"""Read a page that has no text layer (a scan, or a photo printed to PDF) with Tesseract.

The result is the same :class:`~schedgen_core.pdf.content.PageContent` the text-layer path builds,
so one table reader serves both. The steps, all on one grey-scale rendering of the page:

1. Measure the paper and ink levels from the grey-level histogram.
2. Find the ruling lines: runs of dark pixels at least :data:`MIN_RULE_LENGTH_PT` long, row by
   row (horizontal) and column by column (vertical); adjacent pixel rows of one thick line are
   merged, bands too thick to be a line (filled header rows) are dropped.
3. Clean the image for recognition: stretch the levels so faint tints (and letters printed in
   the colour of their background) turn white, turn light-on-dark header rows dark-on-white,
   paint the ruling lines over with the colour beside them (so Tesseract does not read a rule
   as ``|`` or glue it to a word), then make it black-and-white with strokes a pixel wider.
4. Recognise the table one column at a time (see :func:`_strips`) with the Tesseract engine
   built into PyMuPDF (it only needs the language data, ``eng.traineddata``), split words
   joined across a visible space, and undo the usual slips in tokens whose shape a timetable
   fixes (times, weekdays, months, codes).

Everything is in the displayed page's frame: points, origin top-left, the size of ``page.rect``.
Only PyMuPDF is used: pixel work is done with ``bytes.translate``, slicing, ``bytes.find`` and
big-integer AND, which run in C.
"""

from __future__ import annotations

import bisect
import difflib
import functools
import itertools
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pymupdf

from schedgen_core.errors import OcrUnavailableError
from schedgen_core.pdf.content import HRule, PageContent, VRule, Word

if TYPE_CHECKING:
    from collections.abc import Iterator

LANGUAGE = "eng"
"""Tesseract language used for UP timetables (English)."""

DEFAULT_DPI = 300
"""Rendering resolution: Tesseract reads 8-10 pt table text best at about 300 dpi."""

MIN_RULE_LENGTH_PT = 24.0
"""Shortest dark run taken for a ruling line; longer than any stroke of table-sized text."""

MAX_RULE_THICKNESS_PT = 3.0
"""Thickest dark band still taken for a line; filled header rows and blocks are thicker."""

RULE_JOIN_GAP_PT = 3.0
"""Collinear pieces of one rule (broken by scanning noise) closer than this are joined."""

_INSTALL_HINT = (
    "OCR needs the Tesseract English language data (eng.traineddata). Install it with "
    "'apt-get install tesseract-ocr tesseract-ocr-eng' (Debian/Ubuntu), "
    "'brew install tesseract' (macOS) or the Tesseract installer for Windows, "
    "or point the TESSDATA_PREFIX environment variable at the folder holding eng.traineddata."
)

_TESSDATA_GLOBS = (
    "/usr/share/tesseract-ocr/*/tessdata",
    "/usr/share/tesseract-ocr/tessdata",
    "/usr/share/tessdata",
    "/usr/local/share/tesseract-ocr/*/tessdata",
    "/usr/local/share/tessdata",
    "/opt/homebrew/share/tessdata",
    "/opt/local/share/tessdata",
    "C:/Program Files/Tesseract-OCR/tessdata",
    "C:/Program Files (x86)/Tesseract-OCR/tessdata",
)


# --- finding Tesseract --------------------------------------------------------------------------


def _glob(pattern: str) -> list[str]:
    """Absolute-path glob (``Path.glob`` takes relative patterns only)."""
    anchor = Path(pattern).anchor
    return [str(path) for path in Path(anchor).glob(pattern[len(anchor) :])]


def _has_language(folder: str | os.PathLike[str]) -> bool:
    return (Path(folder) / f"{LANGUAGE}.traineddata").is_file()


@functools.cache
def find_tessdata() -> str | None:
    """The folder holding Tesseract's ``eng.traineddata``, or None when there is none.

    Looks at ``TESSDATA_PREFIX`` first (the folder itself or its ``tessdata`` child), then the
    usual install locations on Linux, macOS and Windows, then asks PyMuPDF (which runs
    ``tesseract --list-langs``).
    """
    candidates: list[str] = []
    prefix = os.environ.get("TESSDATA_PREFIX")
    if prefix:
        candidates += [prefix, str(Path(prefix) / "tessdata")]
    for pattern in _TESSDATA_GLOBS:
        candidates += sorted(_glob(pattern), reverse=True)  # newest version first
    if sys.platform == "win32" and (local := os.environ.get("LOCALAPPDATA")):
        candidates.append(str(Path(local) / "Programs" / "Tesseract-OCR" / "tessdata"))
    for folder in candidates:
        if _has_language(folder):
            return folder
    try:
        found = pymupdf.get_tessdata()
    except (RuntimeError, OSError):
        return None
    return str(found) if found and _has_language(found) else None


def tesseract_available() -> bool:
    """Whether OCR can run here (PyMuPDF's built-in Tesseract plus English language data)."""
    return find_tessdata() is not None


def _require_tessdata() -> str:
    folder = find_tessdata()
    if folder is None:
        raise OcrUnavailableError(f"OCR is not available: {_INSTALL_HINT}")
    return folder


# --- the raster ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Levels:
    """Grey levels of the page: ``paper`` (the background) and ``ink`` (the darkest marks)."""

    paper: int
    ink: int

    @classmethod
    def measure(cls, gray: bytes) -> _Levels:
        sample = gray[::29]
        histogram = [sample.count(value) for value in range(256)]
        paper = max(range(256), key=histogram.__getitem__)
        darker = sum(histogram[:paper])
        ink, seen = 0, 0
        for value in range(paper):  # the 2nd percentile of everything darker than the paper
            seen += histogram[value]
            if seen * 50 >= darker:
                ink = value
                break
        return cls(paper=paper, ink=min(ink, paper))

    @property
    def contrast(self) -> int:
        return self.paper - self.ink

    def dark_table(self) -> bytes:
        """``bytes.translate`` table: 0 for line-dark pixels, 255 for the rest."""
        limit = self.ink + 0.4 * self.contrast
        return bytes(0 if value < limit else 255 for value in range(256))

    def clean_table(self) -> bytes:
        """``bytes.translate`` table stretching ink..near-paper to 0..255 (tints become white)."""
        white = self.ink + 0.88 * self.contrast
        span = max(white - self.ink, 1.0)
        return bytes(
            max(0, min(255, round((value - self.ink) * 255 / span))) for value in range(256)
        )


@dataclass(frozen=True, slots=True)
class _Line:
    """A ruling line in pixels: ``across`` is the first..last pixel row (or column) it covers,
    ``start``..``end`` its extent along its length (end exclusive)."""

    across0: int
    across1: int
    start: int
    end: int

    @property
    def centre(self) -> float:
        return (self.across0 + self.across1 + 1) / 2

    @property
    def thickness(self) -> int:
        return self.across1 - self.across0 + 1


def _dark_runs(dark: bytes, row_length: int, min_length: int) -> Iterator[tuple[int, int, int]]:
    """Runs of at least ``min_length`` dark (0) bytes in each row: (row, start, end)."""
    needle, size = b"\x00" * min_length, len(dark)
    begin = dark.find(needle)
    while begin != -1:
        finish = dark.find(b"\xff", begin + min_length)
        finish = size if finish == -1 else finish
        row = begin // row_length
        while begin < finish:  # a run may continue from one row end into the next row start
            row_end = min(finish, (row + 1) * row_length)
            if row_end - begin >= min_length:
                yield row, begin - row * row_length, row_end - row * row_length
            begin, row = row_end, row + 1
        begin = dark.find(needle, finish)


def _find_lines(
    dark: bytes, row_length: int, *, min_length: int, max_thickness: int, join_gap: int
) -> list[_Line]:
    """Ruling lines along the rows of ``dark`` (transpose the raster for vertical ones)."""
    finished: list[_Line] = []
    open_lines: list[_Line] = []
    for row, start, end in _dark_runs(dark, row_length, min_length):
        still_open: list[_Line] = []
        merged = _Line(row, row, start, end)
        for line in open_lines:
            if line.across1 < row - 1:
                finished.append(line)
            elif line.start < merged.end and merged.start < line.end:
                merged = _Line(
                    min(line.across0, merged.across0),
                    row,
                    min(line.start, merged.start),
                    max(line.end, merged.end),
                )
            else:
                still_open.append(line)
        still_open.append(merged)
        open_lines = still_open
    finished += open_lines
    lines = [line for line in finished if line.thickness <= max_thickness]
    return _join_collinear(lines, join_gap)


def _join_collinear(lines: list[_Line], join_gap: int) -> list[_Line]:
    lines = sorted(lines, key=lambda line: (line.centre, line.start))
    joined: list[_Line] = []
    for line in lines:
        for index, other in enumerate(joined):
            same_track = abs(other.centre - line.centre) <= max(other.thickness, line.thickness)
            if same_track and line.start - other.end <= join_gap and other.start - line.end <= 0:
                joined[index] = _Line(
                    min(other.across0, line.across0),
                    max(other.across1, line.across1),
                    min(other.start, line.start),
                    max(other.end, line.end),
                )
                break
        else:
            joined.append(line)
    return sorted(joined, key=lambda line: (line.centre, line.start))


def _page_edge_borders(
    width: int, v_lines: list[_Line], h_lines: list[_Line], min_length: int
) -> list[_Line]:
    """Borders of a table cut off by the page edge, at the edge itself.

    When the table's rows run out of the page, its outer column has no visible left (or right)
    rule; the page edge stands in for it, so that column is still a column.
    """
    tall = _tall_lines(v_lines)
    if not tall:
        return []
    top, bottom = min(line.start for line in tall), max(line.end for line in tall)
    rows = [line for line in h_lines if top - 2 <= line.centre <= bottom + 2]
    edges: list[_Line] = []
    if any(line.start <= 1 and tall[0].centre - line.start >= min_length for line in rows):
        edges.append(_Line(0, 0, top, bottom))
    if any(line.end >= width - 1 and line.end - tall[-1].centre >= min_length for line in rows):
        edges.append(_Line(width - 1, width - 1, top, bottom))
    return edges


def _embolden(image: bytes) -> bytes:
    """Black-and-white, each stroke one pixel wider to the right.

    Tesseract drops or misreads the hairline sans-serif ``1`` of the UP tables (``Test1`` read
    as ``Test``, a lone ``1`` as nothing); one pixel more stroke makes it a glyph it reads. The
    widening is a bitwise AND of the image with itself shifted by one byte (0 = ink).
    """
    binary = image.translate(_BINARY)
    shifted = b"\xff" + binary[:-1]
    return (int.from_bytes(binary, "big") & int.from_bytes(shifted, "big")).to_bytes(
        len(binary), "big"
    )


_BINARY = bytes(0 if value < 200 else 255 for value in range(256))


def _transpose(data: bytes, width: int) -> bytes:
    """Columns become rows: byte (x, y) moves to (y, x)."""
    return b"".join(data[x::width] for x in range(width))


def _clean_dark_bands(
    gray: bytes,
    clean: bytearray,
    width: int,
    levels: _Levels,
    columns: tuple[int, int],
    min_height: int,
) -> None:
    """Rewrite rows printed light-on-dark (a shaded header row) as dark text on white.

    A band is at least ``min_height`` consecutive rows whose ``columns`` part is mostly darker
    than mid-grey (thinner runs of such rows are ruling lines). Its pixels are inverted, then
    stretched with the band's own levels, so its background turns white like the paper's.
    """
    left, right = columns
    mid = levels.ink + 0.7 * levels.contrast
    shaded = gray.translate(bytes(0 if value < mid else 255 for value in range(256)))
    span = right - left
    rows = [
        row
        for row in range(len(gray) // width)
        if shaded.count(0, row * width + left, row * width + right) * 10 > span * 6
    ]
    invert = bytes(range(255, -1, -1))
    for _, band in itertools.groupby(enumerate(rows), key=lambda item: item[1] - item[0]):
        band_rows = [row for _, row in band]
        if len(band_rows) < min_height:
            continue
        start, end = band_rows[0] * width, (band_rows[-1] + 1) * width
        inverted = gray[start:end].translate(invert)
        table = _Levels.measure(inverted).clean_table()
        for row in band_rows:
            first = row * width + left
            clean[first : first + span] = (
                gray[first : first + span].translate(invert).translate(table)
            )


def _erase_lines(
    image: bytearray, width: int, height: int, h_lines: list[_Line], v_lines: list[_Line]
) -> None:
    """Paint each ruling line (and one pixel of its soft edge) with the colour just beside it."""
    for line in h_lines:
        top, bottom = max(line.across0 - 1, 0), min(line.across1 + 1, height - 1)
        source = top - 1 if top > 0 else bottom + 1
        if not 0 <= source < height:
            continue
        fill = image[source * width + line.start : source * width + line.end]
        for row in range(top, bottom + 1):
            image[row * width + line.start : row * width + line.end] = fill
    for line in v_lines:
        left, right = max(line.across0 - 1, 0), min(line.across1 + 1, width - 1)
        source = left - 1 if left > 0 else right + 1
        if not 0 <= source < width:
            continue
        first, last = line.start * width, line.end * width
        fill = image[source + first : source + last : width]
        for column in range(left, right + 1):
            image[column + first : column + last : width] = fill


# --- recognition --------------------------------------------------------------------------------

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_DIGIT_LOOKALIKES = str.maketrans({"O": "0", "o": "0", "Q": "0", "D": "0", "l": "1", "I": "1",
                                   "|": "1", "i": "1", "!": "1", "S": "5", "s": "5", "B": "8",
                                   "Z": "2", "z": "2", "g": "9", "q": "9", "G": "6", "T": "7",
                                   ".": ":", ";": ":", ",": ":"})  # fmt: skip
_TIME_LIKE = re.compile(r"^[0-9OoQDlI|i!SsBZzgqGT]{1,2}[:.;,][0-9OoQDlI|i!SsBZzgqGT]{2}$")
_CODE_LIKE = re.compile(r"^([A-Z]{0,2}[A-NPR-Z])([0-9OoQIl]+)$")
_TRAILING_ONE = re.compile(r"^([A-Za-z]*[a-z])[!|]$")
_BRACKETS = frozenset("{}[]")
_ROMAN_LIKE = re.compile(r"^[IVXl]{2,4}$")
_DASHES = frozenset("-\u2013\u2014~=")  # hyphen, en dash, em dash ...
_TIME_RANGE_LIKE = re.compile("^(\\S{4,5})[-\u2013\u2014~](\\S{4,5})$")


def _normalise_time(token: str) -> str | None:
    if not _TIME_LIKE.match(token):
        return None
    hours, minutes = token.translate(_DIGIT_LOOKALIKES).split(":")
    if int(hours) > 23 or int(minutes) > 59:
        return None
    return f"{int(hours):02d}:{minutes}"


def _snap(token: str, vocabulary: tuple[str, ...], cutoff: float) -> str | None:
    """The vocabulary word ``token`` is a misreading of (case kept as printed), or None.

    Only words within one letter of the token's length are candidates (``Study`` is no
    ``Saturday``).
    """
    lowered = {word.lower(): word for word in vocabulary if abs(len(word) - len(token)) <= 1}
    match = difflib.get_close_matches(token.lower(), lowered, n=1, cutoff=cutoff)
    if not match:
        return None
    word = lowered[match[0]]
    if token.isupper():
        return word.upper()
    return word


def _correct_code(token: str) -> str:
    """Codes such as ``S1``, ``P01``, ``T02``: the digit part cannot hold letters."""
    if token in _BRACKETS:  # a lone sans-serif "1" is often read as a bracket
        return "1"
    if (parts := _TRAILING_ONE.match(token)) is not None:  # "Test!" is "Test1"
        return parts[1] + "1"
    if token.startswith("$") and token[1:].isdigit():
        return "S" + token[1:]
    if (parts := _CODE_LIKE.match(token)) is not None and any(c.isdigit() for c in parts[2]):
        return parts[1] + parts[2].translate(_DIGIT_LOOKALIKES)
    if _ROMAN_LIKE.match(token) and "l" in token and not token.islower():
        return token.replace("l", "I")  # "Ill" in a venue name is "III"
    return token


_SPECKS = "\"'`_~=|\u2018\u2019\u201c\u201d"
"""Marks that scanning noise leaves at a word's edge (quotes, underscores, bars)."""


def _strip_specks(token: str) -> str:
    """``"13:30`` or ``_27`` (noise glued to a word) lose the noise; a mark alone is kept."""
    stripped = token.strip(_SPECKS)
    if stripped.startswith("-") and stripped[1:2].isalpha():
        stripped = stripped[1:]
    return stripped if any(c.isalnum() for c in stripped) else token


def _correct_token(token: str) -> str:
    token = _strip_specks(token)
    if (time := _normalise_time(token)) is not None:
        return time
    if token.isalpha() and len(token) >= 5 and (day := _snap(token, _WEEKDAYS, 0.75)):
        return day
    return _correct_code(token)


def _split_time_range(token: str) -> list[str]:
    """``10:00-11:30`` (read as one word) becomes ``10:00``, ``-``, ``11:30`` as printed."""
    if (parts := _TIME_RANGE_LIKE.match(token)) is not None:
        start, end = _normalise_time(parts[1]), _normalise_time(parts[2])
        if start and end:
            return [start, "-", end]
    return [token]


def _is_day(token: str) -> bool:
    return token.isdigit() and len(token) <= 2


def _is_year(token: str) -> bool:
    return token.isdigit() and len(token) == 4


def correct_tokens(tokens: list[str]) -> list[list[str]]:
    """Undo the usual OCR slips in tokens whose shape a timetable fixes; one list per token.

    Times become ``HH:MM`` (``O``→``0``, ``l``→``1`` ...); a time range read as one word is split
    into start, ``-`` and end; weekday names (5+ letters) snap to the nearest spelling, and so
    does a three-letter month between a day number and a year. Dash-like marks become ``-``.
    Everything else is kept as read. ``tokens`` is one line of text in reading order.
    """
    corrected = [_correct_token(token) for token in tokens]
    for index in range(1, len(corrected) - 1):
        before, token, after = corrected[index - 1 : index + 2]
        letters = token.replace("0", "O")
        if _is_day(before) and _is_year(after) and len(letters) == 3 and letters.isalpha():
            corrected[index] = _snap(letters, _MONTHS, 0.6) or token
    return [
        ["-"] if token and set(token) <= _DASHES else _split_time_range(token)
        for token in corrected
    ]


_OcrWord = tuple[float, float, float, float, str, int, int]
"""x0, y0, x1, y1 (pixels of the page raster), text, block number, line number."""


@dataclass(frozen=True, slots=True)
class _Strip:
    """A rectangle of the page raster (pixels, end exclusive) recognised on its own."""

    x0: int
    y0: int
    x1: int
    y1: int


def _tall_lines(v_lines: list[_Line]) -> list[_Line]:
    """The vertical rules at least half as long as the longest: a table's column borders."""
    longest = max((line.end - line.start for line in v_lines), default=0)
    return sorted(
        (line for line in v_lines if line.end - line.start >= longest / 2),
        key=lambda line: line.centre,
    )


def _strips(width: int, height: int, tall: list[_Line]) -> list[_Strip]:
    """Cut the page at the table's column borders ``tall``: the part above the table, each
    column of it, and the part below.

    Tesseract reading a whole page of a wide, sparse table joins a row's cells into one text line
    and reads codes like ``S1`` or ``P01`` as words; one column at a time it reads them as printed
    (and spends no time on the empty space between columns).
    """
    if len(tall) < 2:
        return [_Strip(0, 0, width, height)]
    top, bottom = min(line.start for line in tall), max(line.end for line in tall)
    cuts = [0, *(round(line.centre) for line in tall), width]
    strips = [_Strip(0, 0, width, top)]
    strips += [_Strip(left, top, right, bottom) for left, right in itertools.pairwise(cuts)]
    strips.append(_Strip(0, bottom, width, height))
    return [strip for strip in strips if strip.x1 - strip.x0 > 4 and strip.y1 - strip.y0 > 4]


def _crop_to_ink(image: bytes, width: int, strip: _Strip, pad: int) -> _Strip | None:
    """The part of ``strip`` holding ink (0 bytes), ``pad`` pixels around it; None if blank."""
    top = bottom = -1
    left, right = strip.x1, strip.x0
    for row in range(strip.y0, strip.y1):
        start = row * width
        first = image.find(0, start + strip.x0, start + strip.x1)
        if first == -1:
            continue
        last = image.rfind(0, start + strip.x0, start + strip.x1)
        top = row if top == -1 else top
        bottom = row
        left, right = min(left, first - start), max(right, last - start + 1)
    if top == -1:
        return None
    return _Strip(
        max(left - pad, strip.x0),
        max(top - pad, strip.y0),
        min(right + pad, strip.x1),
        min(bottom + 1 + pad, strip.y1),
    )


_MAX_SHEET_HEIGHT = 16_000
"""Tallest image handed to Tesseract at once (its limit is 32,767 pixels a side)."""


def _recognise(
    clean: bytes, width: int, strips: list[_Strip], dpi: int, tessdata: str
) -> list[_OcrWord]:
    """Tesseract's words in ``strips`` of the clean page raster, boxes in page-raster pixels.

    Each strip is cropped to its ink (``clean`` is black-and-white, ink 0); the strips are then
    stacked one under another, a blank gap between them, on as few sheets as fit in
    :data:`_MAX_SHEET_HEIGHT`; each sheet is one Tesseract run. Cropping keeps the sheets narrow:
    Tesseract's time grows with the area it is given, blank or not.
    """
    gap = dpi // 3
    sheets: list[list[_Strip]] = [[]]
    used = 0
    for strip in filter(None, (_crop_to_ink(clean, width, strip, dpi // 30) for strip in strips)):
        if sheets[-1] and used + strip.y1 - strip.y0 + gap > _MAX_SHEET_HEIGHT:
            sheets.append([])
            used = 0
        sheets[-1].append(strip)
        used += strip.y1 - strip.y0 + gap
    words: list[_OcrWord] = []
    for number, sheet in enumerate(sheets):
        words += _recognise_sheet(clean, width, sheet, dpi, tessdata, number * 10_000)
    return words


def _recognise_sheet(
    clean: bytes, width: int, strips: list[_Strip], dpi: int, tessdata: str, block_base: int
) -> list[_OcrWord]:
    margin = gap = dpi // 3
    sheet_width = max(strip.x1 - strip.x0 for strip in strips) + 2 * margin
    offsets: list[int] = []
    y = gap
    for strip in strips:
        offsets.append(y)
        y += strip.y1 - strip.y0 + gap
    sheet_height = y
    sheet = bytearray(b"\xff" * (sheet_width * sheet_height))
    for strip, top in zip(strips, offsets, strict=True):
        span = strip.x1 - strip.x0
        for row in range(strip.y1 - strip.y0):
            source = (strip.y0 + row) * width + strip.x0
            target = (top + row) * sheet_width + margin
            sheet[target : target + span] = clean[source : source + span]

    words: list[_OcrWord] = []
    for x0, y0, x1, y1, text, block, line in _tesseract(
        bytes(sheet), sheet_width, sheet_height, dpi, tessdata
    ):
        centre = (y0 + y1) / 2
        index = max(bisect.bisect_right(offsets, centre) - 1, 0)
        strip, top = strips[index], offsets[index]
        dx, dy = strip.x0 - margin, strip.y0 - top
        words.append((x0 + dx, y0 + dy, x1 + dx, y1 + dy, text, block_base + block, line))
    return words


def _tesseract(image: bytes, width: int, height: int, dpi: int, tessdata: str) -> list[_OcrWord]:
    """Tesseract's words on one grey image, in reading order, boxes in its pixels."""
    gray = pymupdf.Pixmap(pymupdf.csGRAY, width, height, image, 0)
    # MuPDF hands Tesseract RGB images only.
    rgb = pymupdf.Pixmap(pymupdf.csRGB, gray)
    rgb.set_dpi(dpi, dpi)
    ocr_pdf = rgb.pdfocr_tobytes(compress=False, language=LANGUAGE, tessdata=tessdata)
    with pymupdf.open("pdf", ocr_pdf) as document:
        page = document[0]
        to_pixels = width / page.rect.width
        return [
            (x0 * to_pixels, y0 * to_pixels, x1 * to_pixels, y1 * to_pixels, text, block, line)
            for x0, y0, x1, y1, text, block, line, _ in page.get_text("words", sort=False)
        ]


SPACE_GAP_RATIO = 0.45
"""A blank gap this wide (share of the word's height) inside a read word is a space."""


def _split_at_spaces(recognised: list[_OcrWord], clean: bytes, width: int) -> list[_OcrWord]:
    """Split words Tesseract joined across a visible space (``E L`` read as ``EL``).

    Only words of letters are looked at: digits such as ``11`` are narrow glyphs with wide
    gaps between them. The pieces are the inked column runs of the word's box.
    """
    result: list[_OcrWord] = []
    for word in recognised:
        x0, y0, x1, y1, text, block, line = word
        left, top, right, bottom = int(x0), int(y0), int(x1 + 0.999), int(y1 + 0.999)
        if not text.isalpha() or len(text) < 2 or bottom <= top or right - left < 2:
            result.append(word)
            continue
        min_gap = SPACE_GAP_RATIO * (bottom - top)
        inked = [
            min(clean[x + top * width : x + bottom * width : width]) < 128
            for x in range(left, right)
        ]
        pieces: list[tuple[int, int]] = []
        for is_inked, run in itertools.groupby(enumerate(inked), key=lambda item: item[1]):
            columns = [left + index for index, _ in run]
            if is_inked:
                if pieces and columns[0] - pieces[-1][1] < min_gap:
                    pieces[-1] = (pieces[-1][0], columns[-1] + 1)
                else:
                    pieces.append((columns[0], columns[-1] + 1))
        if len(pieces) < 2 or len(pieces) > len(text):
            result.append(word)
            continue
        share = (right - left) / len(text)
        owners = [
            min(
                range(len(pieces)),
                key=lambda p: abs((pieces[p][0] + pieces[p][1]) / 2 - (left + (i + 0.5) * share)),
            )
            for i in range(len(text))
        ]
        parts = ["".join(c for c, owner in zip(text, owners, strict=True) if owner == p)
                 for p in range(len(pieces))]  # fmt: skip
        if not all(parts) or "".join(parts) != text:
            result.append(word)
            continue
        result += [
            (start, y0, end, y1, part, block, line)
            for (start, end), part in zip(pieces, parts, strict=True)
        ]
    return result


def _to_words(recognised: list[_OcrWord], points_per_pixel: float) -> list[Word]:
    """Corrected words in points; a word split in parts shares its box by character count."""
    lines: dict[tuple[int, int], list[_OcrWord]] = {}
    for item in recognised:
        lines.setdefault((item[5], item[6]), []).append(item)
    words: list[Word] = []
    for line in lines.values():
        for (x0, y0, x1, y1, _, _, _), parts in zip(
            line, correct_tokens([item[4] for item in line]), strict=True
        ):
            kept = [part for part in parts if part == "-" or any(c.isalnum() for c in part)]
            total = sum(len(part) for part in kept) + len(kept) - 1
            left, per_character = x0, (x1 - x0) / max(total, 1)
            for part in kept:
                right = left + len(part) * per_character if len(kept) > 1 else x1
                words.append(
                    Word(
                        left * points_per_pixel,
                        y0 * points_per_pixel,
                        right * points_per_pixel,
                        y1 * points_per_pixel,
                        part,
                    )
                )
                left = right + per_character
    return words


# --- the page -----------------------------------------------------------------------------------


def ocr_page_content(page: pymupdf.Page, *, dpi: int = DEFAULT_DPI) -> PageContent:
    """Words and ruling lines of an image-only page, read with OCR.

    Raises :class:`~schedgen_core.errors.OcrUnavailableError` when Tesseract's language data is
    not installed.
    """
    tessdata = _require_tessdata()
    pixmap = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY, alpha=False)
    width, height = pixmap.width, pixmap.height
    gray = bytes(pixmap.samples)
    if pixmap.stride != width:  # rows are padded: pack them
        stride = pixmap.stride
        gray = b"".join(gray[row * stride : row * stride + width] for row in range(height))
    points_per_pixel = page.rect.width / width

    levels = _Levels.measure(gray)
    dark = gray.translate(levels.dark_table())
    sizes = {
        "min_length": max(round(MIN_RULE_LENGTH_PT / points_per_pixel), 8),
        "max_thickness": max(round(MAX_RULE_THICKNESS_PT / points_per_pixel), 2),
        "join_gap": round(RULE_JOIN_GAP_PT / points_per_pixel),
    }
    h_lines = _find_lines(dark, width, **sizes)
    v_lines = _find_lines(_transpose(dark, width), height, **sizes)

    v_lines += _page_edge_borders(width, v_lines, h_lines, sizes["min_length"])
    clean = bytearray(gray.translate(levels.clean_table()))
    tall = _tall_lines(v_lines)
    if len(tall) >= 2:
        columns = (round(tall[0].centre), round(tall[-1].centre))
        _clean_dark_bands(gray, clean, width, levels, columns, sizes["max_thickness"] + 1)
    _erase_lines(clean, width, height, h_lines, v_lines)
    strips = _strips(width, height, tall)

    recognised = _split_at_spaces(
        _recognise(_embolden(bytes(clean)), width, strips, dpi, tessdata), bytes(clean), width
    )
    words = tuple(_to_words(recognised, points_per_pixel))
    h_rules = tuple(
        HRule(
            line.centre * points_per_pixel,
            line.start * points_per_pixel,
            line.end * points_per_pixel,
        )
        for line in h_lines
    )
    v_rules = tuple(
        VRule(
            line.centre * points_per_pixel,
            line.start * points_per_pixel,
            line.end * points_per_pixel,
        )
        for line in sorted(v_lines, key=lambda line: (line.centre, line.start))
    )
    return PageContent(
        width=page.rect.width,
        height=page.rect.height,
        words=words,
        h_rules=h_rules,
        v_rules=v_rules,
    )

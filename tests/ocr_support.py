"""Scans made from the fixtures, and the measures that compare OCR with the text layer.

Shared by tests/unit/test_ocr.py and tests/benchmarks/ocr.py.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pymupdf

from schedgen_core.pdf.content import Word

SCAN_DPI = 300
"""Resolution of the made-up scans: a common office-scanner setting."""

RULE_TOLERANCE = 1.5
"""A rule found in the picture matches the drawn one when this close (points)."""


def image_only_pdf(source: Path | bytes, dpi: int = SCAN_DPI) -> bytes:
    """Each page rendered to a PNG and placed on a page of the same size: no text, no vectors."""
    with pymupdf.open(stream=_read(source), filetype="pdf") as original:
        scanned = pymupdf.open()
        for page in original:
            picture = page.get_pixmap(dpi=dpi)
            target = scanned.new_page(width=page.rect.width, height=page.rect.height)
            target.insert_image(target.rect, stream=picture.tobytes("png"))
        return scanned.tobytes(deflate=True)


def _read(source: Path | bytes) -> bytes:
    return source if isinstance(source, bytes) else source.read_bytes()


# --- rules ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DrawnRule:
    """A ruling line of the text-layer page: ``at`` across it, ``start``..``end`` along it."""

    vertical: bool
    at: float
    start: float
    end: float


def drawn_rules(page: pymupdf.Page, max_thickness: float = 2.5) -> list[DrawnRule]:
    """Visible ruling lines of a page with vectors: thin filled rectangles and straight strokes,
    clipped to the page (a rule wholly off the page is not visible, so not listed)."""
    width, height = page.rect.width, page.rect.height
    rules: list[DrawnRule] = []
    for path in page.get_drawings():
        for item in path["items"]:
            if item[0] == "re" and path.get("fill") is not None:
                rect = item[1]
                if rect.height <= max_thickness < rect.width:
                    rules.append(DrawnRule(False, (rect.y0 + rect.y1) / 2, rect.x0, rect.x1))
                elif rect.width <= max_thickness < rect.height:
                    rules.append(DrawnRule(True, (rect.x0 + rect.x1) / 2, rect.y0, rect.y1))
            elif item[0] == "l" and path.get("color") is not None:
                a, b = item[1], item[2]
                if abs(a.y - b.y) < 0.1:
                    rules.append(DrawnRule(False, a.y, min(a.x, b.x), max(a.x, b.x)))
                elif abs(a.x - b.x) < 0.1:
                    rules.append(DrawnRule(True, a.x, min(a.y, b.y), max(a.y, b.y)))
    visible = []
    for rule in rules:
        across, along = (width, height) if rule.vertical else (height, width)
        if 0 <= rule.at <= across and rule.end > 0 and rule.start < along:
            visible.append(
                DrawnRule(rule.vertical, rule.at, max(rule.start, 0), min(rule.end, along))
            )
    return visible


# --- words ----------------------------------------------------------------------------------------


def visible_words(page: pymupdf.Page, min_contrast: int = 60) -> list[Word]:
    """The text layer's words a reader can see whole.

    Left out: a word whose box renders without contrast (white letters on white, like the hidden
    letter after the language code), a word cut by the page edge, and words printed over each
    other (an overflowing header cell).
    """
    boxes = [pymupdf.Rect(w[:4]) for w in page.get_text("words")]
    words = []
    for index, (x0, y0, x1, y1, text, *_) in enumerate(page.get_text("words")):
        box = boxes[index]
        if not box in page.rect:  # noqa: E713 - Rect containment
            continue
        if any(i != index and _covers(box, other) for i, other in enumerate(boxes)):
            continue
        middle = pymupdf.Rect(x0, y0 + (y1 - y0) / 4, x1, y1 - (y1 - y0) / 4)  # clear of rules
        samples = page.get_pixmap(dpi=144, clip=middle, colorspace=pymupdf.csGRAY).samples
        if samples and max(samples) - min(samples) >= min_contrast:
            words.append(Word(x0, y0, x1, y1, text))
    return words


def _covers(box: pymupdf.Rect, other: pymupdf.Rect) -> bool:
    """Printed over each other (boxes of neighbouring lines touch a little; that is not it)."""
    return (box & other).get_area() > 0.2 * min(box.get_area(), other.get_area())


def _overlap(a: Word, b: Word) -> bool:
    overlap_x = min(a.x1, b.x1) - max(a.x0, b.x0)
    height = min(a.y1 - a.y0, b.y1 - b.y0)
    return overlap_x > 0 and abs(a.cy - b.cy) < height / 2


def word_accuracy(expected: Sequence[Word], read: Sequence[Word]) -> tuple[int, list[str]]:
    """How many ``expected`` words OCR read right, matched by position, and the misses.

    Words overlapping on the page form groups (one OCR word may cover ``10:00-11:30``, three
    text-layer words); a group is right when its letters, read left to right without spaces,
    are the same on both sides.
    """
    parent = list(range(len(expected) + len(read)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(expected):
        for j, b in enumerate(read):
            if _overlap(a, b):
                parent[root(i)] = root(len(expected) + j)
    groups: dict[int, tuple[list[Word], list[Word]]] = {}
    for i, word in enumerate(expected):
        groups.setdefault(root(i), ([], []))[0].append(word)
    for j, word in enumerate(read):
        groups.setdefault(root(len(expected) + j), ([], []))[1].append(word)
    right, misses = 0, []
    for printed, recognised in groups.values():
        if not printed:
            continue
        if _joined(printed) == _joined(recognised):
            right += len(printed)
        else:
            misses.append(f"{_spaced(printed)!r} read as {_spaced(recognised)!r}")
    return right, misses


def _ordered(words: Iterable[Word]) -> list[Word]:
    return sorted(words, key=lambda word: (round(word.cy / 4), word.x0))


def _joined(words: Iterable[Word]) -> str:
    return "".join(word.text for word in _ordered(words))


def _spaced(words: Iterable[Word]) -> str:
    return " ".join(word.text for word in _ordered(words))


# --- fields ---------------------------------------------------------------------------------------


def field_accuracy(expected: dict[str, object], parsed: dict[str, object]) -> tuple[int, int]:
    """Equal fields and all fields of the expected rows (rows compared in document order)."""
    expected_rows = expected.get("rows", [])
    parsed_rows = parsed.get("rows", [])
    assert isinstance(expected_rows, list)
    assert isinstance(parsed_rows, list)
    equal = total = 0
    for index, row in enumerate(expected_rows):
        other = parsed_rows[index] if index < len(parsed_rows) else {}
        for key, value in row.items():
            total += 1
            equal += other.get(key) == value
    return equal, total

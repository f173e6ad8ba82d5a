"""Reduce a text-layer PDF page to :class:`PageContent`: visible text runs and ruling lines.

Text comes from PyMuPDF's span dictionary (one extraction gives text, boxes and colours); rules come
from the page's vector drawings: thin filled rectangles (Oracle's reports), stroked line segments
(ReportLab and most generators) and the edges of stroked rectangles.
"""

from __future__ import annotations

from typing import Any

import pymupdf

from schedgen_core.pdf.content import HRule, PageContent, VRule, Word

RULE_MAX_THICKNESS = 2.5
"""A filled rectangle thinner than this (points) is a ruling line, not a background."""
INVISIBLE_COLOUR_DISTANCE = 0.12
"""Text whose colour is this close to the fill behind it (0..1 per channel) cannot be seen."""
MIN_VISIBLE_FONT_SIZE = 1.0

Colour = tuple[float, float, float]
WHITE: Colour = (1.0, 1.0, 1.0)


def page_content(page: pymupdf.Page) -> PageContent:
    """The visible text runs and ruling lines of a page with a text layer."""
    drawings: list[dict[str, Any]] = page.get_cdrawings()
    h_rules, v_rules, backgrounds = _rules_and_backgrounds(drawings)
    words = _visible_runs(page.get_text("dict", flags=0)["blocks"], backgrounds)
    rect = page.rect
    return PageContent(
        width=float(rect.width),
        height=float(rect.height),
        words=tuple(words),
        h_rules=tuple(h_rules),
        v_rules=tuple(v_rules),
    )


def _visible_runs(
    blocks: list[dict[str, Any]], backgrounds: list[tuple[tuple[float, ...], Colour]]
) -> list[Word]:
    runs: list[Word] = []
    for block in blocks:
        for line in block.get("lines", ()):
            if line["dir"][1] != 0:  # rotated text is never table content here
                continue
            for span in line["spans"]:
                text = " ".join(span["text"].split())
                if not text or span["size"] < MIN_VISIBLE_FONT_SIZE or span["alpha"] == 0:
                    continue
                x0, y0, x1, y1 = span["bbox"]
                colour = span["color"]
                if colour != 0 and _is_invisible(colour, (x0 + x1) / 2, (y0 + y1) / 2, backgrounds):
                    continue
                runs.append(Word(x0, y0, x1, y1, text))
    return runs


def _is_invisible(
    srgb: int, cx: float, cy: float, backgrounds: list[tuple[tuple[float, ...], Colour]]
) -> bool:
    colour = ((srgb >> 16 & 255) / 255, (srgb >> 8 & 255) / 255, (srgb & 255) / 255)
    behind = WHITE
    for (bx0, by0, bx1, by1), fill in backgrounds:  # drawing order: the last one is on top
        if bx0 <= cx <= bx1 and by0 <= cy <= by1:
            behind = fill
    return max(abs(a - b) for a, b in zip(colour, behind, strict=True)) < INVISIBLE_COLOUR_DISTANCE


def _rules_and_backgrounds(
    drawings: list[dict[str, Any]],
) -> tuple[list[HRule], list[VRule], list[tuple[tuple[float, ...], Colour]]]:
    h_rules: list[HRule] = []
    v_rules: list[VRule] = []
    backgrounds: list[tuple[tuple[float, ...], Colour]] = []
    for path in drawings:
        kind = path.get("type", "")
        filled = "f" in kind and path.get("fill") is not None
        stroked = "s" in kind and path.get("color") is not None
        for item in path["items"]:
            op = item[0]
            if op == "re":
                x0, y0, x1, y1 = item[1]
                x0, x1 = min(x0, x1), max(x0, x1)
                y0, y1 = min(y0, y1), max(y0, y1)
                if filled and _add_thin_rect(x0, y0, x1, y1, h_rules, v_rules):
                    continue
                if filled:
                    backgrounds.append(((x0, y0, x1, y1), _rgb(path["fill"])))
                if stroked:
                    h_rules += [HRule(y0, x0, x1), HRule(y1, x0, x1)]
                    v_rules += [VRule(x0, y0, y1), VRule(x1, y0, y1)]
            elif op == "l" and stroked:
                (ax, ay), (bx, by) = item[1], item[2]
                if abs(ay - by) <= RULE_MAX_THICKNESS and abs(ax - bx) > RULE_MAX_THICKNESS:
                    h_rules.append(HRule((ay + by) / 2, min(ax, bx), max(ax, bx)))
                elif abs(ax - bx) <= RULE_MAX_THICKNESS and abs(ay - by) > RULE_MAX_THICKNESS:
                    v_rules.append(VRule((ax + bx) / 2, min(ay, by), max(ay, by)))
    return h_rules, v_rules, backgrounds


def _add_thin_rect(
    x0: float, y0: float, x1: float, y1: float, h_rules: list[HRule], v_rules: list[VRule]
) -> bool:
    width, height = x1 - x0, y1 - y0
    if height <= RULE_MAX_THICKNESS < width:
        h_rules.append(HRule((y0 + y1) / 2, x0, x1))
        return True
    if width <= RULE_MAX_THICKNESS < height:
        v_rules.append(VRule((x0 + x1) / 2, y0, y1))
        return True
    return False


def _rgb(colour: Any) -> Colour:
    if isinstance(colour, list | tuple) and len(colour) == 3:
        return (float(colour[0]), float(colour[1]), float(colour[2]))
    if isinstance(colour, list | tuple) and len(colour) == 1:  # grey
        grey = float(colour[0])
        return (grey, grey, grey)
    return WHITE

"""What the table reader sees of a page: positioned words and ruling lines.

Both the text-layer path (PyMuPDF words and vector drawings) and the OCR path (recognised words and
lines found in the page image) produce a :class:`PageContent`, so one reader serves both.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Word:
    """One visible word with its box in page coordinates (points, origin top-left)."""

    x0: float
    y0: float
    x1: float
    y1: float
    text: str

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2


@dataclass(frozen=True, slots=True)
class HRule:
    """A horizontal ruling line at height ``y`` spanning ``x0``..``x1``."""

    y: float
    x0: float
    x1: float


@dataclass(frozen=True, slots=True)
class VRule:
    """A vertical ruling line at ``x`` spanning ``y0``..``y1``."""

    x: float
    y0: float
    y1: float


@dataclass(frozen=True, slots=True)
class PageContent:
    """A page reduced to what matters for reading a ruled table."""

    width: float
    height: float
    words: tuple[Word, ...]
    h_rules: tuple[HRule, ...]
    v_rules: tuple[VRule, ...]

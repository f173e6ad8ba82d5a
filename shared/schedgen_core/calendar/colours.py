"""One colour per module, the same on every run and every device.

Colours are CSS3 colour names, because that is what RFC 7986 ``COLOR`` carries; each also has its
hex value for the apps' own drawing. Every palette colour keeps white text readable (WCAG contrast
of at least 4.5:1), and neighbouring entries differ in hue.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Colour:
    """A CSS3 colour name and its ``#rrggbb`` value."""

    name: str
    hex: str


PALETTE: tuple[Colour, ...] = (
    Colour("mediumblue", "#0000CD"),
    Colour("firebrick", "#B22222"),
    Colour("darkgreen", "#006400"),
    Colour("darkmagenta", "#8B008B"),
    Colour("teal", "#008080"),
    Colour("saddlebrown", "#8B4513"),
    Colour("darkslateblue", "#483D8B"),
    Colour("mediumvioletred", "#C71585"),
    Colour("darkolivegreen", "#556B2F"),
    Colour("royalblue", "#4169E1"),
    Colour("sienna", "#A0522D"),
    Colour("indigo", "#4B0082"),
    Colour("crimson", "#DC143C"),
    Colour("darkslategray", "#2F4F4F"),
    Colour("purple", "#800080"),
    Colour("navy", "#000080"),
)

CSS_COLOURS: dict[str, str] = {colour.name: colour.hex for colour in PALETTE} | {
    "black": "#000000",
    "blue": "#0000FF",
    "brown": "#A52A2A",
    "darkblue": "#00008B",
    "darkcyan": "#008B8B",
    "darkred": "#8B0000",
    "dimgray": "#696969",
    "green": "#008000",
    "maroon": "#800000",
    "olive": "#808000",
    "seagreen": "#2E8B57",
    "slateblue": "#6A5ACD",
    "steelblue": "#4682B4",
    "orange": "#FFA500",
    "red": "#FF0000",
    "gray": "#808080",
}


def normalise_module(code: str) -> str:
    """``"cos212"``, ``"COS 212"`` and ``" COS  212 "`` are the same module."""
    return "".join(code.split()).upper()


def module_colour(code: str) -> Colour:
    """The palette colour for a module code: a hash of the code, never Python's salted ``hash``."""
    digest = hashlib.sha256(normalise_module(code).encode("utf-8")).digest()
    return PALETTE[int.from_bytes(digest[:4], "big") % len(PALETTE)]


def colour_named(name: str) -> Colour:
    """A colour chosen by name (an override); raises KeyError for a name not known here."""
    key = name.strip().lower()
    return Colour(key, CSS_COLOURS[key])


def contrast_with_white(hex_value: str) -> float:
    """WCAG 2 contrast ratio of white text on this background."""
    channels = [int(hex_value[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return 1.05 / (luminance + 0.05)

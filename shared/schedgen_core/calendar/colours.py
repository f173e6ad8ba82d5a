"""One colour per module, the same on every run and every device.

Colours are CSS3 colour names, because that is what RFC 7986 ``COLOR`` carries; each also has its
hex value for the apps' own drawing. Every palette colour keeps white text readable (WCAG contrast
of at least 4.5:1). `module_colour` hashes a module code into the palette; `assign_colours` gives
the modules of one schedule distinct colours (while there are at most as many as the palette has).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Colour:
    """A CSS3 colour name and its ``#rrggbb`` value."""

    name: str
    hex: str


PALETTE: tuple[Colour, ...] = (
    Colour("mediumblue", "#0000CD"),
    Colour("saddlebrown", "#8B4513"),
    Colour("darkslategray", "#2F4F4F"),
    Colour("darkviolet", "#9400D3"),
    Colour("darkolivegreen", "#556B2F"),
    Colour("mediumvioletred", "#C71585"),
    Colour("darkgreen", "#006400"),
    Colour("purple", "#800080"),
    Colour("crimson", "#DC143C"),
    Colour("royalblue", "#4169E1"),
    Colour("firebrick", "#B22222"),
    Colour("teal", "#008080"),
    Colour("maroon", "#800000"),
    Colour("dimgray", "#696969"),
    Colour("navy", "#000080"),
    Colour("sienna", "#A0522D"),
)
"""Chosen so that neighbours (where `assign_colours` probes next) differ by a CIEDE2000 distance
of at least 23 for normal vision and with simulated protanopia, deuteranopia and tritanopia
(Machado et al. 2009), and every colour keeps white text at a contrast of at least 4.7:1."""

CSS_COLOURS: dict[str, str] = {colour.name: colour.hex for colour in PALETTE} | {
    "black": "#000000",
    "darkmagenta": "#8B008B",
    "darkslateblue": "#483D8B",
    "indigo": "#4B0082",
    "blue": "#0000FF",
    "brown": "#A52A2A",
    "darkblue": "#00008B",
    "darkcyan": "#008B8B",
    "darkred": "#8B0000",
    "green": "#008000",
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
    return PALETTE[_slot(normalise_module(code))]


def _slot(normalised_code: str) -> int:
    digest = hashlib.sha256(normalised_code.encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") % len(PALETTE)


def assign_colours(
    module_codes: Iterable[str], overrides: Mapping[str, str] | None = None
) -> dict[str, str]:
    """A distinct palette colour name for each module of one schedule, stable for the same set.

    In sorted order (of the normalised codes), each module takes its hashed slot, or the next
    palette colour not taken yet; colours repeat only beyond ``len(PALETTE)`` modules. A module in
    ``overrides`` (module -> colour name, the student's choice) keeps that colour, and the palette
    colours chosen that way are not given to other modules. Keys are the codes as given.
    """
    chosen = {normalise_module(m): c.strip().lower() for m, c in (overrides or {}).items()}
    by_module: dict[str, list[str]] = {}
    for code in module_codes:
        by_module.setdefault(normalise_module(code), []).append(code)
    slots = {colour.name: index for index, colour in enumerate(PALETTE)}
    taken = {slots[c] for c in chosen.values() if c in slots}
    assigned: dict[str, str] = {}
    for module in sorted(by_module):
        if module in chosen:
            name = chosen[module]
        else:
            if len(taken) == len(PALETTE):
                taken.clear()  # every colour is in use: a new round starts
            slot = _slot(module)
            while slot in taken:
                slot = (slot + 1) % len(PALETTE)
            taken.add(slot)
            name = PALETTE[slot].name
        for code in by_module[module]:
            assigned[code] = name
    return assigned


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

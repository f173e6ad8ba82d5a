"""Module colours: a distinct palette colour per module of a schedule, stable, overridable."""

from __future__ import annotations

from itertools import pairwise

from schedgen_core.calendar import (
    PALETTE,
    CalendarOptions,
    assign_colours,
    build_events,
    module_colour,
)
from schedgen_core.calendar.colours import contrast_with_white
from tests.calendar_support import TERMS, fixture_timetable

CODES = [f"MOD {100 + n}" for n in range(40)]


def _lab(hex_value: str) -> tuple[float, float, float]:
    channels = [int(hex_value[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def test_the_palette_is_readable_and_neighbours_differ_clearly():
    assert len(PALETTE) == 16
    assert len({c.name for c in PALETTE}) == 16
    assert all(contrast_with_white(c.hex) >= 4.5 for c in PALETTE)
    for first, second in pairwise((*PALETTE, PALETTE[0])):
        distance = (
            sum((a - b) ** 2 for a, b in zip(_lab(first.hex), _lab(second.hex), strict=True)) ** 0.5
        )
        assert distance > 25, (first.name, second.name)


def test_up_to_sixteen_modules_get_distinct_colours():
    for count in range(1, 17):
        colours = assign_colours(CODES[:count])
        assert len(set(colours.values())) == count


def test_the_first_module_keeps_its_hashed_colour_and_clashes_probe_onwards():
    colours = assign_colours(CODES[:16])
    first = sorted(CODES[:16])[0]
    assert colours[first] == module_colour(first).name
    names = [c.name for c in PALETTE]
    taken: set[str] = set()
    for code in sorted(CODES[:16]):
        slot = names.index(module_colour(code).name)
        while names[slot] in taken:
            slot = (slot + 1) % len(names)
        assert colours[code] == names[slot]
        taken.add(names[slot])


def test_the_same_modules_get_the_same_colours_in_any_order_or_spelling():
    forward = assign_colours(CODES[:10])
    backward = assign_colours(list(reversed(CODES[:10])))
    assert forward == backward
    spelt = assign_colours(["cos212", "COS 212", "STK 220"])
    assert spelt["cos212"] == spelt["COS 212"] != spelt["STK 220"]


def test_beyond_sixteen_modules_every_colour_is_used_before_any_repeats():
    colours = assign_colours(CODES[:20])
    ordered = [colours[code] for code in sorted(CODES[:20])]
    assert len(set(ordered[:16])) == 16
    assert len(set(ordered)) == 16


def test_a_students_choice_wins_and_its_colour_is_not_given_away():
    automatic = assign_colours(["COS 226", "STK 220"])
    overrides = {"COS 226": automatic["STK 220"]}
    chosen = assign_colours(["COS 226", "STK 220"], overrides)
    assert chosen["COS 226"] == automatic["STK 220"]
    assert chosen["STK 220"] != chosen["COS 226"]
    assert assign_colours(["COS 226"], {"cos226": "Black"}) == {"COS 226": "black"}


def test_a_built_schedule_has_one_distinct_colour_per_module():
    timetables = [fixture_timetable(n) for n in ("UP_MOD_XLS", "UP_TST_PDF", "UP_EXAM_SS")]
    build = build_events(timetables, CalendarOptions(year=2025), TERMS)
    by_module: dict[str, set[str]] = {}
    for event in build.events:
        by_module.setdefault(event.module, set()).add(event.colour.name)
    assert all(len(names) == 1 for names in by_module.values())
    assert len({next(iter(names)) for names in by_module.values()}) == len(by_module)
    assert by_module["COS 226"] != by_module["STK 220"]
    assert by_module == {m: {c} for m, c in assign_colours(by_module).items()}
    teal = build_events(timetables, CalendarOptions(year=2025, colours={"STK 220": "teal"}), TERMS)
    assert {e.colour.name for e in teal.events if e.module == "STK 220"} == {"teal"}
    assert all(e.colour.name != "teal" for e in teal.events if e.module != "STK 220")

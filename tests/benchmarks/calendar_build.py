"""How long building a calendar takes: rows -> events -> .ics, on the fixture timetables.

Run: uv run python -m tests.benchmarks.calendar_build
Prints the median of several runs for each step and the share of the end-to-end time.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from datetime import date

from tests.calendar_support import fixture_timetable

from schedgen_core.calendar import CalendarOptions, TermDates, build_events, to_ics
from schedgen_core.calendar.terms import TermCalendar

RUNS = 20


def median_ms(step: Callable[[], object]) -> float:
    times = []
    for _ in range(RUNS):
        began = time.perf_counter()
        step()
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times)


def main() -> None:
    timetables = [
        fixture_timetable(name)
        for name in ("UP_MOD_XLS-Both", "UP_TST_PDF-Both", "UP_EXAM_SS-Both")
    ]
    options = CalendarOptions(
        terms={
            "S1": TermDates(date(2025, 2, 3), date(2025, 5, 30)),
            "S2": TermDates(date(2025, 7, 21), date(2025, 10, 24)),
        }
    )
    terms = TermCalendar()
    build = build_events(timetables, options, terms)
    ics = to_ics(build.events)
    rows = sum(len(t.rows) for t in timetables)
    build_ms = median_ms(lambda: build_events(timetables, options, terms))
    ics_ms = median_ms(lambda: to_ics(build.events))
    previous_ms = median_ms(lambda: to_ics(build.events, previous=ics))
    total = build_ms + ics_ms
    print(
        f"{rows} rows -> {len(build.events)} events, {len(build.clashes)} clashes, {len(ics)} bytes"
    )
    print(f"build_events         {build_ms:8.2f} ms  ({build_ms / total:5.1%} of build+ics)")
    print(f"to_ics               {ics_ms:8.2f} ms  ({ics_ms / total:5.1%})")
    print(
        f"to_ics with previous {previous_ms:8.2f} ms  ({previous_ms / ics_ms:4.2f}x plain to_ics)"
    )
    print(f"per event, end to end {total / len(build.events) * 1000:7.1f} us")


if __name__ == "__main__":
    main()

"""Events the student leaves out: a year-free key, kept in the options, out of clashes and .ics."""

from __future__ import annotations

from dataclasses import replace

import pytest

from schedgen_core.calendar import (
    CalendarOptions,
    CalendarOptionsError,
    TermCalendar,
    build_events,
    to_ics,
)
from tests.calendar_support import S2, TERMS, fixture_timetable

CHOSEN = CalendarOptions(year=2025, groups={"STK 220": {"P": "P01"}})
ALL_THREE = ("UP_MOD_XLS", "UP_TST_PDF", "UP_EXAM_SS")


def _build(options: CalendarOptions, *names: str):
    return build_events([fixture_timetable(n) for n in names or ALL_THREE], options, TERMS)


def test_event_keys_name_the_event_without_the_year():
    build = _build(CHOSEN)
    keys = [e.key for e in build.events]
    assert len(set(keys)) == len(keys)
    lecture = next(e for e in build.events if e.module == "COS 214" and e.activity == "L1")
    assert lecture.key == "class|COS 214|L1|G01|Monday|08:30"
    test = next(e for e in build.events if e.category == "test")
    assert test.key == f"test|{test.module}|{test.activity}||{test.first_date}|{test.start:%H:%M}"
    assert all("2025-" not in e.key for e in build.events if e.category == "class")
    undated = build_events(
        [fixture_timetable("UP_MOD_XLS")],
        replace(CHOSEN, year=None),
        TermCalendar({}),
        allow_undated=True,
    )
    assert {e.key for e in undated.events} == {e.key for e in build.events if e.weekly}


def test_an_excluded_event_is_shown_but_leaves_clashes_and_the_calendar():
    (clash,) = _build(CHOSEN, "UP_MOD_XLS").clashes
    practical = clash.second if clash.second.module == "STK 220" else clash.first
    options = CHOSEN.with_event_excluded(practical.key)
    build = _build(options, "UP_MOD_XLS")
    (left_out,) = [e for e in build.events if not e.included]
    assert left_out.key == practical.key
    assert not left_out.attended
    assert build.clashes == ()
    ics = to_ics(build.events)
    assert left_out.uid.encode() not in ics
    assert ics.count(b"BEGIN:VEVENT") == len(build.events) - 1
    again = options.with_event_excluded(practical.key, excluded=False)
    assert len(_build(again, "UP_MOD_XLS").clashes) == 1


def test_excluding_a_not_chosen_group_stops_its_warning_and_an_exam_leaves_the_ics():
    build = _build(CalendarOptions(year=2025))
    waiting = [e for e in build.events if e.module == "COS 214" and e.activity == "P1"]
    assert any("COS 214 P: group not chosen yet" in w for w in build.warnings)
    options = CalendarOptions(year=2025, excluded_events=frozenset(e.key for e in waiting))
    assert not any("COS 214 P:" in w for w in _build(options).warnings)
    exam = next(e for e in build.events if e.category == "exam")
    without_exam = _build(CalendarOptions(year=2025, excluded_events=frozenset({exam.key})))
    assert exam.uid.encode() not in to_ics(without_exam.events)
    assert exam.uid in {e.uid for e in without_exam.events}


def test_excluded_events_in_a_preview_leave_the_rest_exportable():
    timetables = [fixture_timetable(n) for n in ALL_THREE]
    preview = build_events(timetables, CalendarOptions(), TermCalendar({}), allow_undated=True)
    classes = frozenset(e.key for e in preview.events if e.category == "class")
    options = CalendarOptions(excluded_events=classes)
    build = build_events(timetables, options, TermCalendar({}), allow_undated=True)
    ics = to_ics(build.events)
    assert ics.count(b"BEGIN:VEVENT") == len([e for e in build.events if e.category != "class"])


def test_options_version_2_round_trips_excluded_events():
    options = CalendarOptions(
        groups={"COS 214": {"P": "P02"}},
        terms={"S2": S2},
        excluded_events=frozenset({"class|COS 214|L1|G01|Monday|08:30"}),
    )
    data = options.to_dict()
    assert data["version"] == 2
    assert data["excluded_events"] == ["class|COS 214|L1|G01|Monday|08:30"]
    assert CalendarOptions.from_dict(data).to_dict() == data
    assert CalendarOptions.from_dict(data).excluded_events == options.excluded_events


def test_version_1_options_still_load():
    version_1 = {
        "version": 1,
        "year": 2025,
        "groups": {"COS 214": {"P": "P02"}},
        "terms": {"S2": {"start": "2025-07-21", "end": "2025-10-24"}},
        "excluded": [{"start": "2025-08-04", "end": "2025-08-08", "reason": "Field trip"}],
        "exam_duration_minutes": 120,
        "allowed_clashes": ["a|b"],
        "colours": {"COS 214": "teal"},
    }
    options = CalendarOptions.from_dict(version_1)
    assert options.excluded_events == frozenset()
    upgraded = options.to_dict()
    assert upgraded == {**version_1, "version": 2, "excluded_events": []}


@pytest.mark.parametrize(
    "data",
    [
        {"excluded_events": [1]},
        {"excluded_events": {"a": 1}},
        {"version": 0},
        {"version": True},
        {"version": [1]},
    ],
)
def test_bad_excluded_events_or_versions_are_a_typed_error(data):
    with pytest.raises(CalendarOptionsError):
        CalendarOptions.from_dict(data)

"""Previews without term dates: undated weekly classes, weekday clashes, to_ics refusing them."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from schedgen_core.calendar import (
    CalendarOptions,
    TermCalendar,
    TermDatesMissingError,
    UndatedEventsError,
    build_events,
    sessions_from_timetables,
    terms_share_weeks,
    to_ics,
)
from schedgen_core.model import Kind, LectureRow, Timetable
from tests.calendar_support import S1, S2, TERMS, fixture_timetable

NO_TERMS = TermCalendar({})
CHOSEN = CalendarOptions(groups={"STK 220": {"P": "P01"}})


def lecture(**overrides: str) -> LectureRow:
    fields = {
        "module": "COS 212",
        "offered": "S1",
        "group": "G01",
        "lang": "E",
        "activity": "L1",
        "day": "Monday",
        "start": "08:30",
        "end": "09:20",
        "venue": "IT 4-1",
        "campus": "HATFIELD",
    }
    fields.update(overrides)
    return LectureRow(**fields)


def undated(*rows: LectureRow, **options: object):
    table = Timetable("t.pdf", Kind.LECTURE, rows)
    return build_events([table], CalendarOptions(**options), NO_TERMS, allow_undated=True)  # type: ignore[arg-type]


def test_without_term_dates_the_build_still_refuses_unless_undated_is_allowed():
    with pytest.raises(TermDatesMissingError, match="S2"):
        build_events([fixture_timetable("UP_MOD_XLS")], CHOSEN, NO_TERMS)
    build = build_events([fixture_timetable("UP_MOD_XLS")], CHOSEN, NO_TERMS, allow_undated=True)
    assert not build.dated
    assert build.undated_terms == ("S2",)
    assert build.undated_reason is not None
    assert "S2" in build.undated_reason
    assert build.year is None
    assert all(e.weekly and not e.dated for e in build.events)
    assert all(e.first_date is None and e.last_date is None for e in build.events)
    assert all(e.occurrences() == [] for e in build.events)
    assert all(e.uid.startswith("undated-s2-") for e in build.events)


def test_undated_events_keep_weekday_times_venues_and_groups_of_the_sessions():
    timetable = fixture_timetable("UP_MOD_XLS")
    build = build_events([timetable], CalendarOptions(), NO_TERMS, allow_undated=True)
    sessions = sessions_from_timetables([timetable])
    expected = {(s.module, s.activity, s.group, s.day, s.start, s.end, s.venues) for s in sessions}
    shown = {
        (e.module, e.activity, e.group, e.weekday, e.start, e.end, e.venues) for e in build.events
    }
    assert shown == expected
    monday = next(e for e in build.events if e.module == "COS 214" and e.activity == "L1")
    assert monday.weekday == "Monday"
    assert "dates not set yet" in monday.description


def test_weekly_clashes_are_the_same_with_and_without_term_dates():
    preview = build_events([fixture_timetable("UP_MOD_XLS")], CHOSEN, NO_TERMS, allow_undated=True)
    dated = build_events([fixture_timetable("UP_MOD_XLS")], replace(CHOSEN, year=2025), TERMS)
    assert dated.dated
    assert [c.key for c in preview.clashes] == [c.key for c in dated.clashes]
    (clash,) = preview.clashes
    assert {clash.first.module, clash.second.module} == {"COS 226", "STK 220"}
    assert clash.dates == ()
    assert clash.describe().endswith("on Tuesdays (every week; term dates not set yet)")
    assert preview.warnings[-1].startswith("clash: COS 226 Lecture (L2)")
    assert json.loads(json.dumps(preview.to_dict()))["clashes"][0]["dates"] == []


@pytest.mark.parametrize(
    ("first", "second", "clash"),
    [
        ("S1", "S1", True),
        ("S1", "S2", False),
        ("Y", "S2", True),
        ("Y", "Q3", True),
        ("S1", "Q2", True),
        ("S2", "Q1", False),
        ("Q1", "Q2", False),
    ],
)
def test_undated_classes_clash_only_within_terms_that_share_weeks(first, second, clash):
    assert terms_share_weeks(first, second) is clash
    assert terms_share_weeks(second, first) is clash
    build = undated(lecture(offered=first), lecture(module="STK 220", offered=second))
    assert len(build.clashes) == int(clash)


def test_undated_classes_clash_by_weekday_and_time_only():
    build = undated(
        lecture(),
        lecture(module="STK 220", start="09:00", end="09:50"),  # overlaps
        lecture(module="WTW 285", start="09:20", end="10:20"),  # starts as COS 212 ends
        lecture(module="COS 284", day="Tuesday"),  # another day
    )
    assert [(c.first.module, c.second.module) for c in build.clashes] == [
        ("COS 212", "STK 220"),
        ("STK 220", "WTW 285"),
    ]


def test_the_fixture_semesters_never_clash_in_a_preview():
    build = build_events(
        [fixture_timetable("UP_MOD_XLS-Both")], CalendarOptions(), NO_TERMS, allow_undated=True
    )
    assert build.undated_terms == ("S1", "S2")
    assert {e.term for e in build.events} == {"S1", "S2"}
    assert not [c for c in build.clashes if c.first.term != c.second.term]


def test_tests_and_exams_stay_dated_and_meet_classes_only_once_term_dates_are_known():
    timetables = [
        fixture_timetable("UP_MOD_XLS"),
        fixture_timetable("UP_TST_PDF"),
        fixture_timetable("UP_EXAM_SS"),
    ]
    preview = build_events(timetables, CalendarOptions(), NO_TERMS, allow_undated=True)
    assert preview.year == 2025
    assert preview.undated_reason is not None
    assert "no 2025 term dates known for S2" in preview.undated_reason
    dated = [e for e in preview.events if e.category != "class"]
    assert dated
    assert all(e.dated and e.first_date is not None for e in dated)
    undated_classes = [e for e in preview.events if e.category == "class"]
    assert all(not e.dated and e.uid.startswith("2025-s2-") for e in undated_classes)
    assert all(c.first.category == c.second.category for c in preview.clashes)

    with_dates = build_events(timetables, CalendarOptions(terms={"S2": S2}), NO_TERMS)
    mixed = [c for c in with_dates.clashes if c.first.category != c.second.category]
    assert mixed  # e.g. the STK 220 lecture and the WTW 285 test on 2025-08-25
    assert {e.uid for e in with_dates.events if e.category == "class"} == {
        e.uid for e in undated_classes
    }


def test_only_the_terms_without_dates_are_undated():
    build = build_events(
        [fixture_timetable("UP_MOD_XLS-Both")],
        CalendarOptions(terms={"S1": S1}),
        NO_TERMS,
        allow_undated=True,
    )
    assert build.undated_terms == ("S2",)
    assert {e.term for e in build.events if e.dated} == {"S1"}
    assert {e.term for e in build.events if not e.dated} == {"S2"}


def test_to_ics_refuses_undated_events_with_a_typed_error():
    build = build_events([fixture_timetable("UP_MOD_XLS")], CHOSEN, NO_TERMS, allow_undated=True)
    with pytest.raises(UndatedEventsError, match=r"^set the term dates first: 28 weekly") as info:
        to_ics(build.events)
    assert isinstance(info.value, TermDatesMissingError)
    assert info.value.code == "term_dates_missing"
    assert "S2" in info.value.message


def test_the_preview_to_dict_is_json_safe_and_says_what_is_undated():
    build = build_events([fixture_timetable("UP_MOD_XLS")], CHOSEN, NO_TERMS, allow_undated=True)
    data = json.loads(json.dumps(build.to_dict()))
    assert data["dated"] is False
    assert data["undated_terms"] == ["S2"]
    event = data["events"][0]
    assert event["first_date"] is None
    assert event["dated"] is False
    assert event["weekday"] == "Monday"
    assert event["key"] == "class|COS 214|L1|G01|Monday|08:30"


def test_an_accepted_clash_stays_accepted_once_term_dates_are_set():
    preview = build_events([fixture_timetable("UP_MOD_XLS")], CHOSEN, NO_TERMS, allow_undated=True)
    (clash,) = preview.clashes
    accepted = CHOSEN.with_clash_allowed(clash.key)
    (later,) = build_events(
        [fixture_timetable("UP_MOD_XLS")], accepted, NO_TERMS, allow_undated=True
    ).clashes
    assert later.allowed
    (dated,) = build_events(
        [fixture_timetable("UP_MOD_XLS")], replace(accepted, terms={"S2": S2}), NO_TERMS
    ).clashes
    assert dated.allowed
    assert dated.dates[0] == date(2025, 7, 22)


def test_clash_keys_of_the_older_uid_form_are_still_honoured():
    chosen = replace(CHOSEN, year=2025)
    (clash,) = build_events([fixture_timetable("UP_MOD_XLS")], chosen, TERMS).clashes
    uid_key = "|".join(sorted((clash.first.uid, clash.second.uid)))
    options = chosen.with_clash_allowed(uid_key)
    (again,) = build_events([fixture_timetable("UP_MOD_XLS")], options, TERMS).clashes
    assert again.allowed

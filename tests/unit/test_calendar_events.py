"""Events from parsed rows: merged venues, group choice, term dates, holidays, exclusions, exams."""

from __future__ import annotations

from datetime import date, time

import pytest

from schedgen_core.calendar import (
    CalendarOptions,
    CalendarOptionsError,
    Choice,
    DateRange,
    EventCategory,
    TermCalendar,
    TermDates,
    TermDatesMissingError,
    TimetableDataError,
    build_events,
    module_colour,
)
from schedgen_core.calendar.colours import PALETTE, contrast_with_white
from schedgen_core.model import Kind, LectureRow, Timetable
from tests.calendar_support import S2, SPRING_BREAK, TERMS, fixture_timetable


def lecture(**overrides: str) -> LectureRow:
    fields = {
        "module": "COS 212",
        "offered": "S2",
        "group": "P01",
        "lang": "E",
        "activity": "P1",
        "day": "Tuesday",
        "start": "10:30",
        "end": "13:20",
        "venue": "Lab A",
        "campus": "HATFIELD",
    }
    fields.update(overrides)
    return LectureRow(**fields)


def table(*rows: LectureRow) -> Timetable:
    return Timetable("t.pdf", Kind.LECTURE, rows)


def build(*rows: LectureRow, **options: object):
    opts = CalendarOptions(year=2025, **options)  # type: ignore[arg-type]
    return build_events([table(*rows)], opts, TERMS)


def test_a_session_listed_once_per_venue_is_one_event_with_every_venue():
    result = build(lecture(venue="Lab A"), lecture(venue="Lab B"), lecture(venue="Lab A"))
    (event,) = result.events
    assert event.venues == ("Lab A", "Lab B")


def test_fixture_practicals_merge_into_one_event_per_group():
    result = build_events([fixture_timetable("UP_MOD_XLS")], CalendarOptions(year=2025), TERMS)
    practicals = [e for e in result.events if e.module == "COS 284" and e.activity == "P1"]
    assert [(e.group, e.venues) for e in practicals] == [
        (
            "P01",
            (
                "Informatorium Brown Lab",
                "Informatorium Green Lab",
                "Informatorium Grey Lab",
                "Informatorium Purple Lab",
            ),
        ),
        ("P02", ("Informatorium Blue Lab 2", "Informatorium Blue Lab 3")),
    ]
    assert len(result.events) == 30  # 46 rows, 30 sessions once venues merge


def test_groups_default_to_all_not_chosen_and_a_choice_keeps_one():
    rows = (lecture(group="P01"), lecture(group="P02", day="Wednesday"))
    unchosen = build(*rows)
    assert [(e.group, e.choice) for e in unchosen.events] == [
        ("P01", Choice.NOT_CHOSEN),
        ("P02", Choice.NOT_CHOSEN),
    ]
    assert any("group not chosen yet (P01, P02)" in w for w in unchosen.warnings)
    assert unchosen.group_options == {"COS 212": {"P": ("P01", "P02")}}

    chosen = build(*rows, groups={"cos212": {"p": "p02"}})
    assert [(e.group, e.choice) for e in chosen.events] == [("P02", Choice.CHOSEN)]
    assert not any("not chosen" in w for w in chosen.warnings)


def test_a_choice_of_a_missing_group_warns_and_keeps_every_group():
    result = build(lecture(group="P01"), lecture(group="P02"), groups={"COS 212": {"P": "P09"}})
    assert len(result.events) == 2
    assert any("P09 does not exist" in w for w in result.warnings)


def test_a_single_group_is_fixed():
    (event,) = build(lecture(activity="L1", group="G01")).events
    assert event.choice is Choice.FIXED
    assert event.title == "COS 212 Lecture (L1)"


def test_weekly_dates_cover_the_term_and_skip_holidays_and_recess():
    (event,) = build(lecture(day="Wednesday", start="12:30", end="13:20")).events
    assert event.first_date == date(2025, 7, 23)
    assert event.last_date == date(2025, 10, 22)
    assert {e.day: e.reason for e in event.exclusions} == {
        date(2025, 9, 3): "Spring recess (test input)",
        date(2025, 9, 24): "Heritage Day",
    }
    assert len(event.occurrences()) == 12
    assert "No class on: 2025-09-03 (Spring recess (test input)); 2025-09-24" in event.description


def test_the_students_own_ranges_are_excluded():
    field_trip = DateRange(date(2025, 8, 4), date(2025, 8, 8), "Field trip")
    (event,) = build(lecture(day="Monday"), excluded=(field_trip,)).events
    assert date(2025, 8, 4) in event.excluded_dates
    assert date(2025, 8, 4) not in event.occurrences()


def test_a_holiday_on_the_first_week_moves_the_series_start():
    terms = {"S1": TermDates(date(2025, 3, 21), date(2025, 5, 30))}  # a Friday, Human Rights Day
    (event,) = build(lecture(offered="S1", day="Friday"), terms=terms).events
    assert event.first_date == date(2025, 3, 28)
    assert date(2025, 3, 21) not in event.excluded_dates


def test_missing_term_dates_are_an_error_naming_the_term():
    with pytest.raises(TermDatesMissingError, match=r"S1 \(first semester\)"):
        build_events([table(lecture(offered="S1"))], CalendarOptions(year=2026), TERMS)
    with pytest.raises(TermDatesMissingError, match="give the year"):
        build_events([table(lecture())], CalendarOptions(), TERMS)
    with pytest.raises(TermDatesMissingError, match="unknown term code"):
        build_events([table(lecture(offered="Z9"))], CalendarOptions(year=2025), TERMS)


def test_a_year_module_runs_from_s1_start_to_s2_end_without_the_break():
    (event,) = build(lecture(offered="Y", day="Monday")).events
    assert event.first_date == date(2025, 2, 3)
    assert event.last_date == date(2025, 10, 20)
    assert date(2025, 6, 30) in event.excluded_dates  # between the semesters
    assert date(2025, 6, 30) not in event.occurrences()


def test_the_shipped_term_data_never_invents_dates():
    with pytest.raises(TermDatesMissingError):
        build_events([table(lecture())], CalendarOptions(year=2025))  # shipped data


def test_overrides_beat_the_term_data():
    terms = {"S2": TermDates(date(2025, 8, 4), date(2025, 8, 29))}
    (event,) = build(lecture(day="Monday"), terms=terms).events
    assert (event.first_date, event.last_date) == (date(2025, 8, 4), date(2025, 8, 25))


def test_tests_and_exams_are_single_events_and_exam_ends_are_estimated():
    result = build_events(
        [fixture_timetable("UP_TST_PDF"), fixture_timetable("UP_EXAM_SS")],
        CalendarOptions(exam_duration_minutes=150),
        TermCalendar(),
    )
    tests = [e for e in result.events if e.category is EventCategory.TEST]
    exams = [e for e in result.events if e.category is EventCategory.EXAM]
    assert len(tests) == 12
    assert len(exams) == 5
    assert all(not e.weekly for e in result.events)
    exam = next(e for e in exams if e.module == "COS 284")
    assert (exam.first_date, exam.start, exam.end) == (date(2025, 11, 12), time(7, 30), time(10))
    assert exam.end_estimated
    assert "End time estimated" in exam.description
    assert "2 h 30 min" in exam.description
    test = next(e for e in tests if e.module == "COS 284" and e.activity == "Test1")
    assert test.venues[:2] == ("Informatorium Blue Lab 1", "Informatorium Blue Lab 2")
    assert not test.end_estimated


def test_default_exam_duration_is_three_hours():
    result = build_events([fixture_timetable("UP_EXAM_SS")], CalendarOptions(), TermCalendar())
    assert all(e.end.hour - e.start.hour == 3 for e in result.events)


def test_clashes_are_reported_once_per_pair_and_can_be_allowed():
    rows = (
        lecture(
            module="COS 212", activity="L1", group="G01", day="Monday", start="08:30", end="09:20"
        ),
        lecture(
            module="STK 220", activity="L1", group="G01", day="Monday", start="09:00", end="09:50"
        ),
        lecture(
            module="WTW 285", activity="L1", group="G01", day="Monday", start="09:50", end="10:40"
        ),
    )
    result = build(*rows)
    (clash,) = result.clashes
    assert {clash.first.module, clash.second.module} == {"COS 212", "STK 220"}
    assert clash.first.weekday == "Monday"
    assert len(clash.dates) == 13  # every Monday the two meet
    assert "on Mondays" in clash.describe()
    assert any(w.startswith("clash: ") for w in result.warnings)

    allowed = build(*rows, allowed_clashes=frozenset({clash.key}))
    assert allowed.clashes[0].allowed
    assert not allowed.active_clashes
    assert not any(w.startswith("clash: ") for w in allowed.warnings)


def test_groups_not_chosen_yet_do_not_clash():
    rows = (
        lecture(group="P01", day="Monday", start="08:30", end="09:20"),
        lecture(group="P02", day="Monday", start="08:30", end="09:20"),
        lecture(module="STK 220", activity="L1", group="G01", day="Monday", start="08:30"),
    )
    assert build(*rows).clashes == ()
    assert len(build(*rows, groups={"COS 212": {"P": "P02"}}).clashes) == 1


def test_a_test_during_a_lecture_is_a_clash_on_that_date():
    result = build_events(
        [fixture_timetable("UP_MOD_XLS"), fixture_timetable("UP_TST_PDF")],
        CalendarOptions(),
        TERMS,
    )
    keys = {(c.first.module, c.second.module, c.dates) for c in result.clashes}
    assert ("STK 220", "WTW 285", (date(2025, 8, 25),)) in {
        (*tuple(sorted((a, b))), d) for a, b, d in keys
    }


def test_module_colours_are_stable_readable_and_overridable():
    assert module_colour("COS 212") == module_colour("cos212")
    assert module_colour("COS 212").name == "mediumblue"  # pinned: must never drift
    assert all(contrast_with_white(c.hex) >= 4.5 for c in PALETTE)
    assert len({c.name for c in PALETTE}) == len(PALETTE)
    (event,) = build(lecture(), colours={"COS 212": "Navy"}).events
    assert event.colour.name == "navy"
    with pytest.raises(CalendarOptionsError, match="colour"):
        CalendarOptions(colours={"COS 212": "not-a-colour"})


def test_options_round_trip_through_a_plain_dict():
    options = CalendarOptions(
        year=2025,
        groups={"COS 212": {"P": "P02"}, "WTW 285": {"T": "T01"}},
        terms={"S2": S2},
        excluded=(SPRING_BREAK,),
        exam_duration_minutes=120,
        allowed_clashes=frozenset({"a|b"}),
        colours={"COS 212": "teal"},
    )
    data = options.to_dict()
    assert data["version"] == 2
    assert data["groups"] == {"COS 212": {"P": "P02"}, "WTW 285": {"T": "T01"}}
    restored = CalendarOptions.from_dict(data)
    assert restored.to_dict() == data
    assert restored.terms["S2"].start == S2.start
    assert CalendarOptions.from_dict({}) == CalendarOptions()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"version": 3}, "version"),
        ({"version": "1"}, "version"),
        ({"version": 1, "excluded_events": []}, "version 1"),
        ({"excluded_events": "class|COS 212"}, "expected a list"),
        ({"groups": []}, "expected an object"),
        ({"terms": {"S1": {"start": "2025-13-01", "end": "2025-02-01"}}}, "bad calendar"),
        ({"terms": {"S1": {"start": "2025-03-01", "end": "2025-02-01"}}}, "before it starts"),
        ({"exam_duration_minutes": "3h"}, "whole number"),
        ({"exam_duration_minutes": 0}, "between"),
        ({"colour": {}}, "unknown calendar option"),
        ({"terms": {"S7": {"start": "2025-01-01", "end": "2025-02-01"}}}, "unknown term"),
    ],
)
def test_bad_options_are_a_typed_error(data, message):
    with pytest.raises(CalendarOptionsError, match=message):
        CalendarOptions.from_dict(data)


def test_an_unreadable_row_is_a_typed_error():
    with pytest.raises(TimetableDataError, match="weekday"):
        build(lecture(day="Someday"))
    with pytest.raises(TimetableDataError):
        build(lecture(start="half past"))


def test_options_helpers_choose_groups_and_accept_clashes():
    options = CalendarOptions().with_group("COS 212", "p", "P02")
    assert options.chosen_group("cos212", "P") == "P02"
    options = options.with_group("COS212", "T", "T01").with_group("COS 212", "P", None)
    assert options.to_dict()["groups"] == {"COS 212": {"T": "T01"}}
    options = options.with_clash_allowed("a|b")
    assert options.allowed_clashes == frozenset({"a|b"})
    assert options.with_clash_allowed("a|b", allowed=False).allowed_clashes == frozenset()

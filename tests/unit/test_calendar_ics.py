"""The .ics file, expanded the way calendar apps do: exact dates and times, stable UIDs."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from icalendar import Calendar

from schedgen_core.calendar import (
    CalendarFileError,
    CalendarOptions,
    assign_colours,
    build_events,
    read_previous,
    to_ics,
)
from schedgen_core.model import LectureRow
from tests.calendar_support import TERMS, at, expand, fixture_timetable

NOW = datetime(2025, 7, 1, 12, 0, tzinfo=UTC)
LATER = NOW + timedelta(days=3)

SECOND_SEMESTER = CalendarOptions(
    groups={"COS 214": {"P": "P02"}, "COS 226": {"P": "P03"}, "WTW 285": {"T": "T01"}}
)


def s2_build(options: CalendarOptions = SECOND_SEMESTER, timetables=None):
    timetables = timetables or [
        fixture_timetable("UP_MOD_XLS"),
        fixture_timetable("UP_TST_PDF"),
        fixture_timetable("UP_EXAM_SS"),
    ]
    return build_events(timetables, options, TERMS)


@pytest.fixture(scope="module")
def s2_ics() -> bytes:
    return to_ics(s2_build().events, now=NOW)


def test_monday_lecture_occurs_every_monday_of_the_term_except_the_recess(s2_ics):
    times = expand(s2_ics)["2025-s2-cos214-l1-g01-mon-0830@schedgen"]
    mondays = ["07-21", "07-28", "08-04", "08-11", "08-18", "08-25"]
    mondays += ["09-08", "09-15", "09-22", "09-29", "10-06", "10-13", "10-20"]  # 09-01: recess
    assert times == [(at(f"2025-{d}", "08:30"), at(f"2025-{d}", "09:20")) for d in mondays]
    assert all(start.utcoffset() == timedelta(hours=2) for start, _ in times)


def test_wednesday_skips_recess_and_heritage_day(s2_ics):
    times = expand(s2_ics)["2025-s2-cos226-l3-g01-wed-1230@schedgen"]
    days = [start.date().isoformat() for start, _ in times]
    assert days == [
        "2025-07-23",
        "2025-07-30",
        "2025-08-06",
        "2025-08-13",
        "2025-08-20",
        "2025-08-27",
        "2025-09-10",
        "2025-09-17",
        "2025-10-01",
        "2025-10-08",
        "2025-10-15",
        "2025-10-22",
    ]
    assert {(s.time().isoformat(), e.time().isoformat()) for s, e in times} == {
        ("12:30:00", "13:20:00")
    }


def test_the_last_day_of_term_is_included(s2_ics):
    # The term ends on Friday 2025-10-24: UNTIL is inclusive, so that Friday has its class.
    times = expand(s2_ics)["2025-s2-cos214-l4-g01-fri-1230@schedgen"]
    assert times[0][0] == at("2025-07-25", "12:30")
    assert times[-1] == (at("2025-10-24", "12:30"), at("2025-10-24", "13:20"))
    assert len(times) == 13  # 14 Fridays less the recess Friday 2025-09-05


def test_only_chosen_groups_and_single_tests_and_exams(s2_ics):
    occurrences = expand(s2_ics)
    assert "2025-s2-cos214-p1-p02-wed-1430@schedgen" in occurrences
    assert "2025-s2-cos214-p1-p01-tue-1130@schedgen" not in occurrences
    assert occurrences["2025-cos284-test1-20250823-1000@schedgen"] == [
        (at("2025-08-23", "10:00"), at("2025-08-23", "11:30"))
    ]
    assert occurrences["2025-cos214-examwritten-paper1-20251113-1500@schedgen"] == [
        (at("2025-11-13", "15:00"), at("2025-11-13", "18:00"))
    ]


def test_the_file_carries_the_rfc_properties(s2_ics):
    calendar = Calendar.from_ical(s2_ics)
    (timezone,) = calendar.walk("VTIMEZONE")
    assert str(timezone["TZID"]) == "Africa/Johannesburg"
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    practical = events["2025-s2-cos226-p1-p03-thu-1330@schedgen"]
    assert str(practical["LOCATION"]) == (
        "Informatorium Blue Lab 1; Informatorium Blue Lab 2; Informatorium Blue Lab 3 (HATFIELD)"
    )
    assert "Practical P1, group P03" in str(practical["DESCRIPTION"])
    assert practical["CATEGORIES"].cats == ["COS 226", "Class", "Practical"]
    assert (
        str(practical["COLOR"]) == assign_colours({e.module for e in s2_build().events})["COS 226"]
    )
    assert str(practical["STATUS"]) == "CONFIRMED"
    assert practical["SEQUENCE"] == 0
    assert practical["DTSTAMP"].dt == NOW
    assert practical["RRULE"]["UNTIL"][0] == datetime(2025, 10, 23, 21, 59, 59, tzinfo=UTC)
    text = s2_ics.decode()
    assert "EXDATE;TZID=Africa/Johannesburg:20250904T133000" in text
    exam = events["2025-wtw285-examwritten-paper1-20251117-0730@schedgen"]
    assert "End time estimated" in str(exam["DESCRIPTION"])


def test_unchosen_groups_are_tentative():
    ics = to_ics(s2_build(CalendarOptions()).events, now=NOW)
    events = {str(e["UID"]): e for e in Calendar.from_ical(ics).walk("VEVENT")}
    assert str(events["2025-s2-cos214-p1-p01-tue-1130@schedgen"]["STATUS"]) == "TENTATIVE"
    assert "not chosen yet" in str(events["2025-s2-cos214-p1-p01-tue-1130@schedgen"]["DESCRIPTION"])


def _without_dtstamp(ics: bytes) -> bytes:
    return re.sub(rb"DTSTAMP:[0-9TZ]+\r\n", b"", ics)


def test_regeneration_is_byte_stable_apart_from_dtstamp(s2_ics):
    again = to_ics(s2_build().events, now=LATER)
    assert again != s2_ics
    assert _without_dtstamp(again) == _without_dtstamp(s2_ics)


def test_with_the_previous_export_an_unchanged_file_is_identical(s2_ics):
    assert to_ics(s2_build().events, previous=s2_ics, now=LATER) == s2_ics


def test_uids_and_sequence_survive_an_unrelated_change(s2_ics):
    lectures = fixture_timetable("UP_MOD_XLS")
    moved_rows = tuple(
        replace(row, venue="IT 4-1")
        if isinstance(row, LectureRow) and row.module == "STK 220" and row.activity == "L1"
        else row
        for row in lectures.rows
    )
    changed = s2_build(
        timetables=[
            replace(lectures, rows=moved_rows),
            fixture_timetable("UP_TST_PDF"),
            fixture_timetable("UP_EXAM_SS"),
        ]
    )
    updated = to_ics(changed.events, previous=s2_ics, now=LATER)
    before = {str(e["UID"]): e for e in Calendar.from_ical(s2_ics).walk("VEVENT")}
    after = {str(e["UID"]): e for e in Calendar.from_ical(updated).walk("VEVENT")}
    assert before.keys() == after.keys()
    changed_uid = "2025-s2-stk220-l1-g01-tue-0830@schedgen"
    assert after[changed_uid]["SEQUENCE"] == 1
    assert after[changed_uid]["DTSTAMP"].dt == LATER
    assert str(after[changed_uid]["LOCATION"]) == "IT 4-1 (HATFIELD)"
    for uid in before.keys() - {changed_uid}:
        assert after[uid]["SEQUENCE"] == before[uid]["SEQUENCE"]
        assert after[uid].to_ical() == before[uid].to_ical()


def test_an_unreadable_previous_export_is_a_typed_error():
    with pytest.raises(CalendarFileError):
        read_previous(b"this is not a calendar")

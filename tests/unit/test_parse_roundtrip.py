"""Writing a timetable in the UP layout and parsing it back gives the same timetable."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings

from schedgen_core.model import Kind, LectureRow, SemesterTestRow, Timetable
from schedgen_core.pdf import parse_pdf
from schedgen_core.pdf.writer import render_timetable_pdf
from schedgen_core.samples import many_page_lectures, sample_timetable
from tests.conftest import FIXTURE_EXPECTED
from tests.strategies import exam_timetables, lecture_timetables, semester_test_timetables

ROUND_TRIP = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def round_trip(timetable: Timetable) -> Timetable:
    return parse_pdf(render_timetable_pdf(timetable), name=timetable.source)


@ROUND_TRIP
@given(lecture_timetables())
def test_random_lecture_timetables_round_trip(timetable):
    assert round_trip(timetable) == timetable


@ROUND_TRIP
@given(semester_test_timetables(max_venues=12))
def test_random_semester_test_timetables_round_trip(timetable):
    assert round_trip(timetable) == timetable


@ROUND_TRIP
@given(exam_timetables())
def test_random_exam_timetables_round_trip(timetable):
    assert round_trip(timetable) == timetable


@pytest.mark.parametrize("kind", list(Kind))
def test_samples_round_trip(kind):
    timetable = sample_timetable(kind)
    assert round_trip(timetable) == timetable


@pytest.mark.parametrize(
    "name", ["UP_MOD_XLS", "UP_MOD_XLS-Both", "UP_TST_PDF", "UP_TST_PDF-Both", "UP_EXAM_SS-Both"]
)
def test_real_timetables_round_trip(name):
    timetable = Timetable.from_dict(json.loads((FIXTURE_EXPECTED / f"{name}.json").read_text()))
    assert round_trip(timetable) == timetable


def test_a_block_continued_over_three_pages_round_trips():
    sessions = tuple(
        LectureRow(
            "COS 132", "S1", "P01", "E", "P1", "Tuesday", "14:30", "17:20", f"IT 4-{n}", "HATFIELD"
        )
        for n in range(1, 121)
    )
    tail = (
        LectureRow(
            "WTW 114", "S1", "G50", "A", "L1", "Monday", "08:30", "09:20", "Thuto 1-6", "HATFIELD"
        ),
    )
    timetable = Timetable("long-block.pdf", Kind.LECTURE, sessions + tail)
    assert round_trip(timetable) == timetable


def test_a_test_sitting_continued_over_three_pages_round_trips():
    venues = tuple(f"Informatorium Lab {n}" for n in range(1, 100))
    row = SemesterTestRow(
        "COS 132", "PTest 1", "Saturday", "2026-03-21", "10:00", "11:30", "HATFIELD", venues
    )
    timetable = Timetable("long-test.pdf", Kind.TEST, (row, row))
    assert round_trip(timetable) == timetable


@pytest.mark.slow
def test_a_hundred_page_lecture_timetable_round_trips():
    timetable = many_page_lectures(100)
    assert round_trip(timetable) == timetable

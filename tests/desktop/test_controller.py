"""The controller alone: synchronous runner, real parser and calendar core, no window."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from schedgen_core.calendar import (
    TermDatesMissingError,
    UndatedEventsError,
    assign_colours,
    build_events,
)
from schedgen_core.pdf import parse_pdf
from schedgen_desktop import schedule_file
from schedgen_desktop.controller import ScheduleController
from schedgen_desktop.workers import SynchronousRunner
from tests.conftest import FIXTURE_PDFS


def _controller(tmp_path: Path, *names: str) -> ScheduleController:
    controller = ScheduleController(SynchronousRunner(), store_path=tmp_path / "current.json")
    controller.open_paths([FIXTURE_PDFS / f"{n}.pdf" for n in names])
    return controller


def test_entries_are_the_core_events(tmp_path: Path) -> None:
    controller = _controller(tmp_path, "UP_TST_PDF", "UP_EXAM_SS")
    expected = build_events(
        [parse_pdf(FIXTURE_PDFS / "UP_TST_PDF.pdf"), parse_pdf(FIXTURE_PDFS / "UP_EXAM_SS.pdf")]
    )
    assert [e.key for e in controller.entries] == [e.uid for e in expected.events]
    assert [e.colour for e in controller.entries] == [e.colour.hex for e in expected.events]
    assert controller.term_problem is None
    assert not controller.busy


def test_lectures_preview_before_term_dates_but_export_waits_for_them(tmp_path: Path) -> None:
    controller = _controller(tmp_path, "UP_MOD_XLS")
    assert controller.entries
    assert {e.day for e in controller.entries} <= {
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
    }
    assert controller.term_problem is not None
    assert "S2" in controller.term_problem
    assert controller.needed_terms() == ["S2"]
    # The core's undated preview: weekday and times, no invented dates.
    assert all(not e.dated and e.first_date is None for e in controller.events)
    assert all(e.date == "" for e in controller.entries)
    with pytest.raises(TermDatesMissingError) as info:
        controller.ics_bytes()
    assert isinstance(info.value, UndatedEventsError)
    assert info.value.message.startswith("set the term dates first")
    controller.set_term_dates("S2", date(2025, 7, 21), date(2025, 10, 24))
    assert controller.term_problem is None
    assert all(e.dated for e in controller.events)
    assert controller.ics_bytes().startswith(b"BEGIN:VCALENDAR")


def test_weekdays_and_times_match_the_rows(tmp_path: Path) -> None:
    controller = _controller(tmp_path, "lecture-schedule")
    timetable = parse_pdf(FIXTURE_PDFS / "lecture-schedule.pdf")
    from_rows = {(r.module, r.activity, r.day, r.start, r.end) for r in timetable.rows}
    shown = {(e.module, e.activity, e.day, e.start, e.end) for e in controller.entries}
    assert shown == from_rows


def test_deselected_event_leaves_clashes_and_ics(tmp_path: Path) -> None:
    controller = _controller(tmp_path, "UP_MOD_XLS")
    controller.set_term_dates("S2", date(2025, 7, 21), date(2025, 10, 24))
    controller.choose_group("STK 220", "P", "P01")
    [clash] = controller.active_clashes
    controller.set_attending(clash.second.uid, False)
    assert controller.options.excluded_events == {clash.second.key}
    assert controller.active_clashes == ()
    assert clash.second.uid.encode() not in controller.ics_bytes()
    stored = schedule_file.load(tmp_path / "current.json")
    assert stored.options["excluded_events"] == [clash.second.key]
    controller.set_attending(clash.second.uid, True)
    assert controller.options.excluded_events == frozenset()
    assert len(controller.active_clashes) == 1


def test_preview_clashes_come_from_the_core_by_weekday(tmp_path: Path) -> None:
    controller = _controller(tmp_path, "UP_MOD_XLS")
    controller.choose_group("STK 220", "P", "P01")
    assert controller.term_problem is not None
    [clash] = controller.active_clashes
    assert clash.dates == ()
    assert clash.describe().endswith("on Tuesdays (every week; term dates not set yet)")
    controller.accept_clash(clash.key)
    controller.set_term_dates("S2", date(2025, 7, 21), date(2025, 10, 24))
    [dated] = controller.clashes
    assert dated.dates
    assert dated.allowed  # accepted in the preview, still accepted with dates


def test_each_module_has_its_own_colour(tmp_path: Path) -> None:
    controller = _controller(tmp_path, "UP_MOD_XLS", "UP_TST_PDF")
    colours = {e.module: e.colour_name for e in controller.entries}
    assert len(set(colours.values())) == len(colours)
    assert colours["COS 226"] != colours["STK 220"]
    assert colours == assign_colours(colours)
    controller.set_colour("COS 214", colours["COS 226"])
    after = {e.module: e.colour_name for e in controller.entries}
    assert after["COS 214"] == colours["COS 226"]
    assert len(set(after.values())) == len(after)


def test_every_change_is_stored(tmp_path: Path) -> None:
    controller = _controller(tmp_path, "UP_MOD_XLS")
    controller.set_colour("COS 214", "teal")
    stored = schedule_file.load(tmp_path / "current.json")
    assert stored.options["colours"] == {"COS 214": "teal"}
    assert [Path(s.path).name for s in stored.sources] == ["UP_MOD_XLS.pdf"]


def test_start_restores_the_stored_schedule(tmp_path: Path) -> None:
    first = _controller(tmp_path, "UP_MOD_XLS")
    first.choose_group("COS 214", "P", "P02")
    second = ScheduleController(SynchronousRunner(), store_path=tmp_path / "current.json")
    second.start(restore=True)
    assert second.entries == first.entries
    fresh = ScheduleController(SynchronousRunner(), store_path=tmp_path / "current.json")
    fresh.start(restore=False)
    assert fresh.entries == []


def test_preview_never_makes_classes_of_different_semesters_clash(tmp_path: Path) -> None:
    controller = _controller(tmp_path, "UP_MOD_XLS-Both")
    assert controller.term_problem is not None
    terms = {e.term for e in controller.entries}
    assert {"S1", "S2"} <= terms
    mixed = [c for c in controller.clashes if {c.first.term, c.second.term} == {"S1", "S2"}]
    assert mixed == []


def test_an_unticked_class_stays_unticked_when_term_dates_change_the_year(tmp_path: Path) -> None:
    controller = _controller(tmp_path, "UP_MOD_XLS")
    assert controller.term_problem is not None
    target = next(e for e in controller.events if e.module == "COS 214" and e.activity == "L1")
    controller.set_attending(target.uid, False)
    controller.set_term_dates("S2", date(2019, 7, 22), date(2019, 10, 25))
    after = next(e for e in controller.entries if e.module == "COS 214" and e.activity == "L1")
    assert after.key != target.uid  # the uid carries the year
    assert after.deselected
    assert after.key.encode() not in controller.ics_bytes()

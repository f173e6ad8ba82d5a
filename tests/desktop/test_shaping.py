"""Shaping the calendar through the real window: groups, clashes, deselecting, colours, dates."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import icalendar
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from schedgen_core.calendar.colours import CSS_COLOURS
from schedgen_desktop.views.week_view import describe
from tests.conftest import FIXTURE_PDFS
from tests.desktop.conftest import wait_until_idle


def _lectures(qtbot: QtBot, make_window):  # type: ignore[no-untyped-def]
    window = make_window()
    window.open_paths([FIXTURE_PDFS / "UP_MOD_XLS.pdf"])
    wait_until_idle(qtbot, window)
    return window


def _choose(window, module: str, activity_type: str, group: str) -> None:  # type: ignore[no-untyped-def]
    combo = window.shape_panel.group_combos[(module, activity_type)]
    combo.setCurrentIndex(combo.findData(group))
    combo.activated.emit(combo.currentIndex())


def _clash_texts(window) -> list[str]:  # type: ignore[no-untyped-def]
    return [window.clash_list.item(i).text() for i in range(window.clash_list.count())]


def _table_groups(window, module: str) -> set[str]:  # type: ignore[no-untyped-def]
    model = window.table_model
    return {
        model.index(r, 2).data()
        for r in range(model.rowCount())
        if model.index(r, 0).data() == module and model.index(r, 1).data().startswith("P")
    }


def test_group_choice_updates_table_week_and_clash_list(qtbot: QtBot, make_window) -> None:  # type: ignore[no-untyped-def]
    window = _lectures(qtbot, make_window)
    assert _clash_texts(window) == ["No clashes"]
    assert _table_groups(window, "STK 220") == {"P01", "P02", "P03"}

    _choose(window, "STK 220", "P", "P01")

    assert window.controller.options.chosen_group("STK 220", "P") == "P01"
    assert _table_groups(window, "STK 220") == {"P01"}
    [clash] = _clash_texts(window)
    assert "COS 226" in clash
    assert "STK 220" in clash
    assert "overlaps" in clash
    clashing = {b.entry.module for b in window.week_view.blocks() if b.entry.clash}
    assert clashing == {"COS 226", "STK 220"}
    stk = next(
        b.entry for b in window.week_view.blocks() if b.entry.clash and b.entry.module == "STK 220"
    )
    assert stk.clash_every_week
    assert "Clashes with COS 226 Lecture" in describe(stk)
    assert "clash" in window.tabs.tabText(0)

    _choose(window, "STK 220", "P", "P03")
    assert _clash_texts(window) == ["No clashes"]
    assert not any(b.entry.clash for b in window.week_view.blocks())


def test_accepting_a_clash_stops_the_warning(qtbot: QtBot, make_window) -> None:  # type: ignore[no-untyped-def]
    window = _lectures(qtbot, make_window)
    _choose(window, "STK 220", "P", "P01")
    window.clash_list.setCurrentRow(0)
    window.shape_panel.accept_button.click()
    assert window.controller.active_clashes == ()
    assert _clash_texts(window)[0].startswith("accepted: ")
    assert not any(b.entry.clash for b in window.week_view.blocks())


def test_unticking_an_event_removes_it_from_week_and_clashes(qtbot: QtBot, make_window) -> None:  # type: ignore[no-untyped-def]
    window = _lectures(qtbot, make_window)
    _choose(window, "STK 220", "P", "P01")
    model = window.table_model
    row = next(
        r
        for r in range(model.rowCount())
        if model.index(r, 0).data() == "STK 220" and model.index(r, 2).data() == "P01"
    )
    uid = model.index(row, 0).data(Qt.ItemDataRole.UserRole + 2).key
    assert model.setData(
        model.index(row, 0), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole
    )
    assert next(e for e in window.controller.entries if e.key == uid).deselected
    assert uid not in {b.entry.key for b in window.week_view.blocks()}
    assert _clash_texts(window) == ["No clashes"]
    unticked = next(e for e in model.entries() if e.key == uid)
    assert (
        model.index(model.entries().index(unticked), 0).data(Qt.ItemDataRole.CheckStateRole)
        == Qt.CheckState.Unchecked
    )


def test_colour_choice_reaches_table_and_week(qtbot: QtBot, make_window) -> None:  # type: ignore[no-untyped-def]
    window = _lectures(qtbot, make_window)
    menu = window.shape_panel.colour_buttons["COS 214"].menu()
    [teal] = [a for a in menu.actions() if a.text() == "teal"]
    teal.trigger()
    blocks = [b for b in window.week_view.blocks() if b.entry.module == "COS 214"]
    assert blocks
    assert {b.entry.colour.upper() for b in blocks} == {CSS_COLOURS["teal"].upper()}
    [automatic] = [a for a in menu.actions() if a.text() == "Automatic"]
    automatic.trigger()
    assert window.controller.options.colours == {}


def test_ics_needs_term_dates_then_exports_what_the_student_attends(
    qtbot: QtBot, make_window, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window = _lectures(qtbot, make_window)
    target = tmp_path / "me.ics"
    assert not window.export_ics(str(target))
    assert not target.exists()
    assert any("term dates" in m or "S2" in m for m in window.banner.messages())

    start, end, status = window.shape_panel.term_rows["S2"]
    assert "Needed before export" in status.text()
    window.activateWindow()
    window.choose_ics_path()  # asks for the dates first, no file dialog
    assert start.hasFocus()
    start.setDate(date(2025, 7, 21))
    end.setDate(date(2025, 10, 24))
    window.shape_panel.terms_layout.itemAtPosition(1, 3).widget().click()  # S2's Set button
    assert window.controller.term_problem is None
    assert "set by you" in status.text()

    _choose(window, "STK 220", "P", "P03")
    assert window.export_ics(str(target))
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    vevents = list(calendar.walk("VEVENT"))
    attended = [e for e in window.controller.entries if not e.deselected]
    assert sorted(str(v["UID"]) for v in vevents) == sorted(e.key for e in attended)
    stk_practicals = [v for v in vevents if str(v["SUMMARY"]).startswith("STK 220 Practical")]
    assert len(stk_practicals) == 1
    first = min(v.decoded("DTSTART") for v in vevents)
    assert first.date() >= date(2025, 7, 21)
    assert all("RRULE" in v for v in vevents)


def test_exam_duration_sets_exam_ends(qtbot: QtBot, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.open_paths([FIXTURE_PDFS / "UP_EXAM_SS.pdf"])
    wait_until_idle(qtbot, window)
    window.shape_panel.exam_minutes.setValue(120)
    window.shape_panel.exam_minutes.editingFinished.emit()
    assert window.controller.options.exam_duration_minutes == 120
    for event in window.controller.events:
        start = timedelta(hours=event.start.hour, minutes=event.start.minute)
        end = timedelta(hours=event.end.hour, minutes=event.end.minute)
        assert end - start == timedelta(minutes=120)


def test_choices_survive_a_restart(qtbot: QtBot, make_window) -> None:  # type: ignore[no-untyped-def]
    first = _lectures(qtbot, make_window)
    _choose(first, "STK 220", "P", "P02")
    first.controller.set_colour("COS 214", "teal")
    first.close()
    second = make_window()
    wait_until_idle(qtbot, second)
    assert second.controller.options.chosen_group("STK 220", "P") == "P02"
    assert second.controller.options.colour_for("COS 214") == "teal"
    combo = second.shape_panel.group_combos[("STK 220", "P")]
    assert combo.currentData() == "P02"


def test_preview_clash_list_names_the_weekday_until_term_dates_are_set(
    qtbot: QtBot, make_window
) -> None:  # type: ignore[no-untyped-def]
    window = _lectures(qtbot, make_window)
    _choose(window, "STK 220", "P", "P01")
    [clash] = _clash_texts(window)
    assert clash.endswith("on Tuesdays (every week; term dates not set yet)")
    assert all(not e.dated for e in window.controller.events)
    window.clash_list.setCurrentRow(0)
    window.shape_panel.accept_button.click()
    window.controller.set_term_dates("S2", date(2025, 7, 21), date(2025, 10, 24))
    [accepted] = _clash_texts(window)
    assert accepted.startswith("accepted: ")
    assert "2025-07-22" in accepted


def test_modules_in_the_week_have_distinct_colours(qtbot: QtBot, make_window) -> None:  # type: ignore[no-untyped-def]
    window = _lectures(qtbot, make_window)
    by_module: dict[str, set[str]] = {}
    for block in window.week_view.blocks():
        by_module.setdefault(block.entry.module, set()).add(block.entry.colour.upper())
    assert all(len(colours) == 1 for colours in by_module.values())
    assert len({min(c) for c in by_module.values()}) == len(by_module) == 5
    assert by_module["COS 226"] != by_module["STK 220"]
    swatches = {
        m: b.icon().pixmap(16, 16).toImage().pixelColor(8, 8).name().upper()
        for m, b in window.shape_panel.colour_buttons.items()
    }
    assert {m: {c} for m, c in swatches.items()} == by_module


def test_an_unticked_event_is_kept_in_the_options_across_a_restart(
    qtbot: QtBot, make_window
) -> None:  # type: ignore[no-untyped-def]
    first = _lectures(qtbot, make_window)
    model = first.table_model
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "COS 284")
    entry = model.index(row, 0).data(Qt.ItemDataRole.UserRole + 2)
    assert model.setData(
        model.index(row, 0), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole
    )
    key = next(e.key for e in first.controller.events if e.uid == entry.key)
    assert first.controller.options.excluded_events == {key}
    first.close()
    second = make_window()
    wait_until_idle(qtbot, second)
    assert second.controller.options.excluded_events == {key}
    assert next(e for e in second.controller.entries if e.key == entry.key).deselected
    assert entry.key not in {b.entry.key for b in second.week_view.blocks()}

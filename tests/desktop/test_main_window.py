from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent, QImage
from pytestqt.qtbot import QtBot

from schedgen_desktop.models.events import COLUMNS
from tests.conftest import FIXTURE_EXPECTED, FIXTURE_PDFS
from tests.desktop.conftest import wait_until_idle

GOOD = sorted(
    p.stem
    for p in FIXTURE_EXPECTED.glob("*.json")
    if json.loads(p.read_text()).get("kind") is not None
)


def _open(qtbot: QtBot, window, *names: str) -> None:  # type: ignore[no-untyped-def]
    window.open_paths([FIXTURE_PDFS / f"{name}.pdf" for name in names])
    wait_until_idle(qtbot, window)


def test_window_title_names_schedgen_and_starts_with_the_drop_hint(make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    assert "schedgen" in window.windowTitle()
    assert window.stack.currentWidget() is window.drop_hint
    assert not window.export_ics_action.isEnabled()


@pytest.mark.parametrize("name", GOOD)
def test_each_fixture_fills_table_and_week_view(qtbot: QtBot, make_window, name: str) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    _open(qtbot, window, name)
    assert window.banner.messages() == []
    entries = window.controller.entries
    assert entries
    assert window.table_model.rowCount() == len(entries)
    assert window.table_proxy.rowCount() == len(entries)
    assert window.table_model.columnCount() == len(COLUMNS)
    # Every table row shows one of the core's events, module first.
    shown = sorted(
        window.table_model.index(r, 0).data() for r in range(window.table_model.rowCount())
    )
    assert shown == sorted(e.module for e in entries)
    weekly = [e for e in entries if e.category == "class" and not e.deselected]
    assert sorted(b.entry.key for b in window.week_view.blocks()) == sorted(e.key for e in weekly)
    dated = [e for e in entries if e.category != "class"]
    assert window.dated_model.rowCount() == len(dated)
    assert window.stack.currentWidget() is window.tabs


def test_lectures_tests_and_exams_open_together(qtbot: QtBot, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    _open(qtbot, window, "UP_MOD_XLS", "UP_TST_PDF", "UP_EXAM_SS")
    kinds = sorted(s.timetable.kind.value for s in window.controller.sources)
    assert kinds == ["exam", "lecture", "test"]
    assert window.files_list.count() == 3
    categories = {e.category for e in window.controller.entries}
    assert categories == {"class", "test", "exam"}


def test_dropping_files_opens_them(qtbot: QtBot, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(FIXTURE_PDFS / "UP_TST_PDF.pdf"))])
    event = QDropEvent(
        QPoint(10, 10).toPointF(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    wait_until_idle(qtbot, window)
    assert [Path(s.path).name for s in window.controller.sources] == ["UP_TST_PDF.pdf"]
    assert window.settings.recent_files() == [str((FIXTURE_PDFS / "UP_TST_PDF.pdf").resolve())]


def test_invalid_schedule_shows_the_core_message(qtbot: QtBot, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    _open(qtbot, window, "invalid-format")
    assert window.banner.isVisible()
    [message] = window.banner.messages()
    assert message.startswith("invalid-format.pdf: ")
    assert "Traceback" not in message
    assert window.controller.sources == []


def test_filter_and_sort(qtbot: QtBot, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    _open(qtbot, window, "UP_MOD_XLS")
    window.filter_edit.setText("stk 220")
    modules = {window.table_proxy.index(r, 0).data() for r in range(window.table_proxy.rowCount())}
    assert modules == {"STK 220"}
    window.filter_edit.clear()
    window.table_view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    column = [window.table_proxy.index(r, 0).data() for r in range(window.table_proxy.rowCount())]
    assert column == sorted(column, key=str.casefold, reverse=True)


def test_png_export_is_full_size_and_not_blank(qtbot: QtBot, make_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    _open(qtbot, window, "UP_MOD_XLS")
    path = tmp_path / "week.png"
    assert window.export_png(str(path))
    image = QImage(str(path))
    assert (image.width(), image.height()) == (2800, 1800)
    colours = {image.pixel(x, y) for x in range(0, 2800, 37) for y in range(0, 1800, 23)}
    assert len(colours) > 20
    block_colour = window.week_view.blocks()[0].entry.colour
    assert any(f"#{c & 0xFFFFFF:06x}".upper() == block_colour.upper() for c in colours)


def test_pdf_export_writes_a_pdf(qtbot: QtBot, make_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    _open(qtbot, window, "UP_MOD_XLS")
    path = tmp_path / "week.pdf"
    assert window.export_pdf(str(path))
    assert path.read_bytes().startswith(b"%PDF-")
    assert path.stat().st_size > 2000


def test_schedule_is_restored_on_next_start(qtbot: QtBot, make_window) -> None:  # type: ignore[no-untyped-def]
    first = make_window()
    _open(qtbot, first, "UP_MOD_XLS", "UP_EXAM_SS")
    before = first.controller.entries
    first.close()
    second = make_window()
    wait_until_idle(qtbot, second)
    assert second.controller.entries == before
    assert second.table_model.rowCount() == len(before)


def test_every_action_has_a_shortcut(make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    unbound = [
        a.text()
        for a in window.actions()
        if a.shortcut().isEmpty() and a is not window.about_action
    ]
    assert unbound == []


def test_week_view_follows_a_dark_palette(qtbot: QtBot, make_window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QColor, QPalette

    window = make_window()
    _open(qtbot, window, "lecture-schedule")
    light = window.week_view.render_image(QSize(600, 400), scale=1)
    dark = QPalette()
    dark.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#e0e0e0"))
    window.week_view.setPalette(dark)
    shaded = window.week_view.render_image(QSize(600, 400), scale=1)
    corner = (3, 3)
    assert QColor(light.pixel(*corner)).lightness() > 200
    assert QColor(shaded.pixel(*corner)).lightness() < 60


def test_save_and_open_a_schedule_file(qtbot: QtBot, make_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    _open(qtbot, window, "UP_MOD_XLS", "UP_TST_PDF")
    window.controller.choose_group("STK 220", "P", "P02")
    before = window.controller.entries
    saved = tmp_path / "mine.schedgen.json"
    window.controller.save_to(saved)
    window.controller.clear()
    assert window.table_model.rowCount() == 0
    assert window.open_schedule(str(saved))
    assert window.controller.entries == before
    assert window.controller.options.chosen_group("STK 220", "P") == "P02"
    broken = tmp_path / "broken.schedgen.json"
    broken.write_text('{"format": "schedgen-schedule", "version": 7, "sources": []}')
    assert not window.open_schedule(str(broken))
    assert "version 7" in window.banner.messages()[-1]
    assert window.controller.entries == before


def test_keyboard_switches_tabs_and_focuses_the_filter(qtbot: QtBot, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    _open(qtbot, window, "UP_TST_PDF")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 2
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 0
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 1
    assert window.filter_edit.hasFocus()
    qtbot.keyClicks(window.filter_edit, "wtw")
    assert {
        window.table_proxy.index(r, 0).data() for r in range(window.table_proxy.rowCount())
    } == {"WTW 285"}


def test_month_strip_marks_every_test_and_exam_day(qtbot: QtBot, make_window) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from schedgen_desktop.views.month_strip import months_spanned

    window = make_window()
    _open(qtbot, window, "UP_TST_PDF", "UP_EXAM_SS")
    dated = [e for e in window.controller.entries if e.category != "class"]
    marked = window.month_strip.marked_days()
    assert set(marked) == {date.fromisoformat(e.date) for e in dated}
    assert sum(len(v) for v in marked.values()) == len(dated)
    assert months_spanned(dated) == [(2025, 8), (2025, 9), (2025, 10), (2025, 11)]
    window.tabs.setCurrentIndex(2)
    image = window.month_strip.grab().toImage()
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)
    }
    assert len(colours) > 10


def test_window_size_and_tab_come_back(qtbot: QtBot, make_window) -> None:  # type: ignore[no-untyped-def]
    first = make_window()
    first.resize(800, 575)  # the offscreen screen is 800 x 600; the default height is 560
    first.tabs.setCurrentIndex(2)
    first.close()
    second = make_window()
    assert (second.width(), second.height()) == (800, 575)
    assert second.tabs.currentIndex() == 2
    assert second.settings.get("window_state")


def test_week_shows_one_term_at_a_time_when_asked(qtbot: QtBot, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    _open(qtbot, window, "UP_MOD_XLS-Both")
    assert window.term_bar.isVisibleTo(window)
    terms = [window.term_filter.itemData(i) for i in range(window.term_filter.count())]
    assert terms[0] is None
    assert {"S1", "S2"} <= set(terms)
    every = {b.entry.term for b in window.week_view.blocks()}
    assert {"S1", "S2"} <= every
    window.term_filter.setCurrentIndex(terms.index("S1"))
    assert {b.entry.term for b in window.week_view.blocks()} == {"S1"}
    window.controller.choose_group("COS 212", "P", "P01")  # a refresh keeps the choice
    assert window.term_filter.currentData() == "S1"
    assert {b.entry.term for b in window.week_view.blocks()} == {"S1"}


def test_term_picker_hidden_with_one_term(qtbot: QtBot, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    _open(qtbot, window, "UP_MOD_XLS")
    assert not window.term_bar.isVisibleTo(window)


def test_a_narrow_clash_block_keeps_its_whole_module_code(qtbot: QtBot, make_window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QFont, QPainter

    from schedgen_desktop.entries import Entry
    from schedgen_desktop.views.week_view import _fit_title

    window = make_window()
    entry = Entry("k", "class", "COS 226", "L2", "G01", "Tuesday", "", "09:30", "10:20", (), "")
    image = QImage(200, 100, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    bold = QFont(window.font())
    bold.setBold(True)
    painter.setFont(bold)
    whole = painter.fontMetrics().horizontalAdvance("⚠ COS 226")
    bare = painter.fontMetrics().horizontalAdvance("COS 226")
    wide = _fit_title(painter, bold, replace(entry, clash=True), whole + 1)
    smaller = _fit_title(painter, bold, replace(entry, clash=True), whole * 0.95)
    narrow = _fit_title(painter, bold, replace(entry, clash=True), bare * 0.78)
    painter.end()
    assert wide == (bold, "⚠ COS 226")
    assert smaller[1] == "⚠ COS 226"
    assert smaller[0].pointSizeF() < bold.pointSizeF()
    assert narrow[1] == "COS 226"

"""Bad files show the core's message in the window: no traceback, no hang, nothing half-opened."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest
from pytestqt.qtbot import QtBot

from tests.conftest import FIXTURE_PDFS
from tests.desktop.conftest import wait_until_idle


def _encrypted(directory: Path) -> Path:
    path = directory / "locked.pdf"
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "Lectures")
    doc.save(path, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="secret", owner_pw="secret")
    return path


def _image_only(directory: Path) -> Path:
    path = directory / "scan.pdf"
    source = pymupdf.open(FIXTURE_PDFS / "UP_MOD_XLS.pdf")
    pixmap = source[0].get_pixmap(dpi=60)
    doc = pymupdf.open()
    page = doc.new_page(width=source[0].rect.width, height=source[0].rect.height)
    page.insert_image(page.rect, pixmap=pixmap)
    doc.save(path)
    return path


def _not_a_pdf(directory: Path) -> Path:
    path = directory / "timetable.pdf"
    path.write_text("Module,Day,Time\nCOS 214,Monday,08:30\n")
    return path


def _truncated(directory: Path) -> Path:
    path = directory / "cut.pdf"
    path.write_bytes((FIXTURE_PDFS / "UP_MOD_XLS.pdf").read_bytes()[:500])
    return path


def _empty(directory: Path) -> Path:
    path = directory / "empty.pdf"
    path.write_bytes(b"")
    return path


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (_not_a_pdf, "not a PDF"),
        (_encrypted, "password"),
        (_image_only, "OCR"),
        (_truncated, "truncated"),
        (_empty, "empty"),
        (lambda d: d / "missing.pdf", "does not exist"),
        (lambda d: d, "folder"),
    ],
)
def test_bad_input_shows_the_message(
    qtbot: QtBot, make_window, tmp_path: Path, make, expected: str
) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    path = make(tmp_path)
    window.open_paths([path])
    wait_until_idle(qtbot, window)
    [message] = window.banner.messages()
    assert message.startswith(f"{path.name}: ")
    assert expected in message
    assert "Traceback" not in message
    assert window.banner.isVisible()
    assert window.controller.sources == []
    assert window.stack.currentWidget() is window.drop_hint


def test_image_only_pdf_says_server_reading_comes_with_sync(
    qtbot: QtBot, make_window, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.open_paths([_image_only(tmp_path)])
    wait_until_idle(qtbot, window)
    [message] = window.banner.messages()
    assert "comes with sync" in message


def test_a_bad_file_does_not_stop_the_good_ones(qtbot: QtBot, make_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.open_paths([_not_a_pdf(tmp_path), FIXTURE_PDFS / "UP_TST_PDF.pdf"])
    wait_until_idle(qtbot, window)
    assert len(window.banner.messages()) == 1
    assert [Path(s.path).name for s in window.controller.sources] == ["UP_TST_PDF.pdf"]
    window.dismiss_action.trigger()
    assert not window.banner.isVisible()

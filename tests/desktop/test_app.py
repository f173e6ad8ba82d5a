from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from schedgen_core.cli import build_parser
from schedgen_desktop import app
from tests.conftest import FIXTURE_PDFS


def test_schedgen_has_a_desktop_subcommand_taking_pdfs() -> None:
    args = build_parser().parse_args(["desktop", "a.pdf", "b.pdf"])
    assert args.pdfs == ["a.pdf", "b.pdf"]
    assert args.handler is app._handle


def test_run_shows_the_window_and_opens_the_pdfs_given(qapp: QApplication) -> None:
    seen: dict[str, Any] = {}

    def shown(window: Any) -> None:
        seen["title"] = window.windowTitle()
        seen["visible"] = window.isVisible()

        def poll() -> None:
            if not window.controller.busy:
                seen["sources"] = [s.timetable.kind.value for s in window.controller.sources]
                window.close()
                QApplication.quit()
            else:
                QTimer.singleShot(10, poll)

        poll()

    pdfs = [str(FIXTURE_PDFS / "UP_MOD_XLS.pdf"), str(FIXTURE_PDFS / "UP_EXAM_SS.pdf")]
    assert app.run(pdfs, on_shown=shown) == 0
    assert "schedgen" in seen["title"]
    assert seen["visible"] is True
    assert sorted(seen["sources"]) == ["exam", "lecture"]

from __future__ import annotations

import threading
from pathlib import Path

from pytestqt.qtbot import QtBot

from schedgen_core.errors import NotAPdfError
from schedgen_core.model import Timetable
from schedgen_desktop.workers import SynchronousRunner, ThreadPoolRunner, parse_file


def _boom(path: Path) -> Timetable:
    raise NotAPdfError("not a PDF file (it does not start with %PDF-)")


def _bug(path: Path) -> Timetable:
    raise RuntimeError("reader bug")


def test_parse_file_turns_core_errors_into_messages(tmp_path: Path) -> None:
    outcome = parse_file(tmp_path / "x.pdf", _boom)
    assert not outcome.ok
    assert outcome.error_code == "not_a_pdf"
    assert outcome.error is not None
    assert "%PDF-" in outcome.error


def test_parse_file_never_raises_even_on_a_bug(tmp_path: Path) -> None:
    outcome = parse_file(tmp_path / "x.pdf", _bug)
    assert not outcome.ok
    assert outcome.error is not None
    assert "reader bug" in outcome.error


def test_synchronous_runner_calls_back_at_once() -> None:
    results: list[int] = []
    SynchronousRunner().submit(lambda: 41 + 1, results.append)
    assert results == [42]


def test_thread_pool_runner_works_off_the_gui_thread_and_answers_on_it(qtbot: QtBot) -> None:
    gui_thread = threading.get_ident()
    seen: dict[str, int] = {}

    def job() -> str:
        seen["job"] = threading.get_ident()
        return "done"

    def done(result: str) -> None:
        seen["done"] = threading.get_ident()
        seen["result_ok"] = int(result == "done")

    runner = ThreadPoolRunner()
    runner.submit(job, done)
    qtbot.waitUntil(lambda: "done" in seen, timeout=5000)
    assert seen["job"] != gui_thread
    assert seen["done"] == gui_thread
    assert seen["result_ok"] == 1
    assert runner.pending() == 0


def test_garbage_collection_pauses_while_a_job_runs(qtbot: QtBot) -> None:
    import gc

    seen: dict[str, bool] = {}
    runner = ThreadPoolRunner()
    assert gc.isenabled()
    runner.submit(lambda: gc.isenabled(), lambda enabled: seen.setdefault("during", enabled))
    qtbot.waitUntil(lambda: "during" in seen, timeout=5000)
    assert seen["during"] is False
    assert gc.isenabled()

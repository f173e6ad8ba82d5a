from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from schedgen_core.cli import build_parser
from schedgen_desktop import app
from tests.conftest import FIXTURE_PDFS

LAUNCHER = Path(__file__).with_name("launch_app.py")
CLI = "import sys; from schedgen_core.cli import main; sys.exit(main())"


def test_schedgen_has_a_desktop_subcommand_taking_pdfs() -> None:
    args = build_parser().parse_args(["desktop", "a.pdf", "b.pdf"])
    assert args.pdfs == ["a.pdf", "b.pdf"]
    assert args.handler is app._handle


def test_the_app_starts_shows_its_window_and_opens_the_pdfs_given(config_dir: Path) -> None:
    pdfs = [str(FIXTURE_PDFS / "UP_MOD_XLS.pdf"), str(FIXTURE_PDFS / "UP_EXAM_SS.pdf")]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SCHEDGEN_CONFIG_DIR": str(config_dir)}
    done = subprocess.run(
        [sys.executable, str(LAUNCHER), *pdfs],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["exit_code"] == 0
    assert "schedgen" in report["title"]
    assert report["visible"] is True
    assert report["kinds"] == ["exam", "lecture"]
    assert report["rows"] > 0
    assert report["errors"] == []
    assert report["shown_at"] <= report["filled_at"]
    assert "Traceback" not in done.stderr


def test_no_display_is_one_line_error_not_a_qt_abort() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    done = subprocess.run(
        [sys.executable, "-c", CLI, "desktop"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.startswith("error: no display found")
    assert "Traceback" not in done.stderr


SHOW_ONLY = """
import sys
from schedgen_desktop.app import build_window, make_application
app = make_application()
window = build_window(restore=False)
window.show()
app.processEvents()
print(sorted(m for m in ("pymupdf", "schedgen_core.calendar", "holidays") if m in sys.modules))
"""


def test_window_shows_before_the_pdf_engine_and_calendar_load(config_dir: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SCHEDGEN_CONFIG_DIR": str(config_dir)}
    done = subprocess.run(
        [sys.executable, "-c", SHOW_ONLY],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert done.stdout.strip() == "[]"

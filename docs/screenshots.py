"""Render the desktop app with real timetables and save the screenshots the README shows.

    uv run python docs/screenshots.py [--fixtures DIR] [--out docs]

Runs on Qt's offscreen platform (no display needed) with a throwaway config directory. Set
``QT_QPA_PLATFORM=xcb`` under Xvfb to render through a real X server instead.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--fixtures", type=Path, default=REPO.parent / "shared" / "fixtures" / "pdfs"
    )
    parser.add_argument("--out", type=Path, default=REPO / "docs")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["SCHEDGEN_CONFIG_DIR"] = tempfile.mkdtemp(prefix="schedgen-shots-")

    from PySide6.QtCore import QSize
    from PySide6.QtWidgets import QApplication

    from schedgen_desktop.app import build_window, make_application

    app = make_application()
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)

    def settle(window: object) -> None:
        while window.controller.busy:  # type: ignore[attr-defined]
            app.processEvents()
        for _ in range(5):
            app.processEvents()

    empty = build_window(restore=False)
    empty.resize(1100, 700)
    empty.show()
    settle(empty)
    empty.grab().save(str(out / "screenshot-start.png"))
    empty.close()

    pdfs = [args.fixtures / f"{name}.pdf" for name in ("UP_MOD_XLS", "UP_TST_PDF", "UP_EXAM_SS")]
    window = build_window([str(p) for p in pdfs], restore=False)
    window.resize(1360, 860)
    window.show()
    settle(window)
    controller = window.controller
    # A student halfway through: some groups chosen (one of them clashing), term dates set.
    controller.choose_group("COS 214", "P", "P02")
    controller.choose_group("COS 226", "P", "P04")
    controller.choose_group("COS 284", "P", "P01")
    controller.choose_group("STK 220", "P", "P01")
    controller.set_term_dates("S2", date(2025, 7, 21), date(2025, 10, 24))
    window.tabs.setCurrentIndex(0)
    settle(window)
    window.grab().save(str(out / "screenshot-week.png"))
    window.tabs.setCurrentIndex(1)
    settle(window)
    window.grab().save(str(out / "screenshot-table.png"))
    window.tabs.setCurrentIndex(2)
    settle(window)
    window.grab().save(str(out / "screenshot-tests-exams.png"))
    window.export_png(str(out / "week-export.png"), QSize(1200, 760))
    window.close()
    QApplication.processEvents()
    print(f"screenshots written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

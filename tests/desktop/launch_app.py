"""Start the real app in this process, report when the window shows and the PDFs are in, quit.

    python tests/desktop/launch_app.py [PDF ...]

Prints one JSON object: when (``time.monotonic()``, the same clock in every process on Linux and
macOS) the window showed and the preview was filled, the window title, the timetables opened.
Used by the desktop tests and the start-up benchmark (both run it as a subprocess, the way a
student starts the app).
"""

from __future__ import annotations

import json
import sys
import time
from typing import Any


def main() -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from schedgen_desktop.app import run

    report: dict[str, Any] = {}
    paths = sys.argv[1:]

    def shown(window: Any) -> None:
        report["shown_at"] = time.monotonic()
        report["title"] = window.windowTitle()
        report["visible"] = window.isVisible()

        def poll() -> None:
            if window.controller.busy:
                QTimer.singleShot(1, poll)
                return
            report["filled_at"] = time.monotonic()
            report["kinds"] = sorted(s.timetable.kind.value for s in window.controller.sources)
            report["rows"] = window.table_model.rowCount()
            report["errors"] = window.banner.messages()
            QApplication.quit()

        poll()

    report["exit_code"] = run(paths, on_shown=shown)
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Start the desktop app: ``schedgen desktop [PDF ...]`` or ``schedgen-desktop [PDF ...]``."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import Any

APP_NAME = "schedgen"
STARTUP_DELAY_MS = 150


def build_window(
    paths: Sequence[str] = (),
    *,
    restore: bool = True,
    runner: Any = None,
    parse: Any = None,
) -> Any:
    """Create the controller and main window (a QApplication must exist) and open ``paths``."""
    from schedgen_desktop.controller import ScheduleController
    from schedgen_desktop.settings import Settings, config_dir
    from schedgen_desktop.views.main_window import MainWindow
    from schedgen_desktop.workers import ThreadPoolRunner, default_parse

    settings = Settings()
    controller = ScheduleController(
        runner=runner or ThreadPoolRunner(),
        parse=parse or default_parse,
        store_path=config_dir() / "current.schedgen.json",
    )
    window = MainWindow(controller, settings)
    # The engines load and the last schedule comes back on the worker thread once the window
    # has painted: loading them alongside would slow the window itself down.
    restoring = restore and bool(settings.get("restore_schedule")) and not paths
    controller.start(restore=restoring, delay_ms=STARTUP_DELAY_MS)
    if paths:
        window.open_paths(list(paths))
    return window


def make_application(argv: Sequence[str] = ()) -> Any:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    existing = QApplication.instance()
    if existing is not None:
        return existing
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication([sys.argv[0] if sys.argv else APP_NAME, *argv])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("schedgen")
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName("schedgen")
    # Fusion follows the system's light or dark colour scheme on every platform.
    app.setStyle("Fusion")
    from schedgen_desktop.views.icon import app_icon

    app.setWindowIcon(app_icon())
    return app


def run(paths: Sequence[str] = (), on_shown: Callable[[Any], None] | None = None) -> int:
    app = make_application()
    window = build_window(paths)
    window.show()
    if on_shown is not None:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, lambda: on_shown(window))
    return int(app.exec())


def _arguments(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser.add_argument("pdfs", nargs="*", metavar="PDF", help="timetable PDFs to open at start")
    return parser


class NoDisplayError(Exception):
    """There is no screen to show the window on."""


def check_display(environ: Mapping[str, str] = os.environ, platform: str = sys.platform) -> None:
    """Fail with a sentence, not Qt's abort, when a Linux session has no display."""
    if not platform.startswith("linux") or environ.get("QT_QPA_PLATFORM"):
        return
    if not (environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY")):
        raise NoDisplayError(
            "no display found (neither DISPLAY nor WAYLAND_DISPLAY is set); run it in a desktop "
            "session, or set QT_QPA_PLATFORM=offscreen"
        )


def _handle(args: argparse.Namespace) -> int:
    try:
        check_display()
    except NoDisplayError as exc:
        from schedgen_core.cli import CommandError

        raise CommandError(str(exc)) from None
    return run(args.pdfs)


def register(subparsers: Any) -> None:
    """The ``schedgen desktop`` subcommand (entry point group ``schedgen.commands``)."""
    parser = subparsers.add_parser(
        "desktop",
        help="open the desktop app",
        description="Open the schedgen desktop app, optionally with timetable PDFs.",
    )
    _arguments(parser).set_defaults(handler=_handle)


def main(argv: Sequence[str] | None = None) -> int:
    """The ``schedgen-desktop`` console script."""
    parser = _arguments(
        argparse.ArgumentParser(prog="schedgen-desktop", description="The schedgen desktop app.")
    )
    args = parser.parse_args(argv)
    try:
        check_display()
    except NoDisplayError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return run(args.pdfs)


if __name__ == "__main__":
    raise SystemExit(main())

"""Desktop tests drive real Qt widgets on the offscreen platform with a throwaway config dir."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    directory = tmp_path / "config"
    monkeypatch.setenv("SCHEDGEN_CONFIG_DIR", str(directory))
    return directory


@pytest.fixture
def make_window(qtbot):  # type: ignore[no-untyped-def]
    """Build the real main window (thread-pool runner, real parser) the way the app does."""
    from schedgen_desktop.app import build_window

    def make(paths=(), **kwargs):  # type: ignore[no-untyped-def]
        window = build_window(paths, **kwargs)
        qtbot.addWidget(window)
        window.show()
        return window

    return make


def wait_until_idle(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not window.controller.busy, timeout=10_000)

"""The app's own settings: every setting declared once with its default, stored as versioned JSON.

Settings live in ``settings.json`` in the platform's config directory (``platformdirs``), or in
``$SCHEDGEN_CONFIG_DIR`` when that is set (tests and portable installs). A file written by an older
version is upgraded step by step on load; an unreadable file is set aside, never fatal.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs

CONFIG_DIR_ENV = "SCHEDGEN_CONFIG_DIR"
SETTINGS_VERSION = 2
MAX_RECENT_FILES = 10


def config_dir() -> Path:
    """Where schedgen keeps its settings and the student's current schedule."""
    override = os.environ.get(CONFIG_DIR_ENV)
    if override:
        return Path(override)
    return Path(platformdirs.user_config_dir("schedgen", appauthor=False))


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: Any
    doc: str


DECLARED: tuple[Setting, ...] = (
    Setting("recent_files", [], "PDFs opened lately, newest first"),
    Setting("last_directory", "", "folder the last open/save dialog was in"),
    Setting("window_geometry", "", "main window geometry (Qt's saveGeometry, hex)"),
    Setting("window_state", "", "main window dock/toolbar state (Qt's saveState, hex)"),
    Setting("current_tab", 0, "the preview tab shown last (table, week, tests and exams)"),
    Setting("restore_schedule", True, "reopen the last schedule at start"),
)
DEFAULTS: dict[str, Any] = {s.name: s.default for s in DECLARED}


def _v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    # Version 1 called the recent list "recent" and stored it oldest first.
    recent = data.pop("recent", [])
    data["recent_files"] = list(reversed(recent)) if isinstance(recent, list) else []
    return data


UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _v1_to_v2}


class Settings:
    """Typed access to the declared settings, saved on every change."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or config_dir() / "settings.json"
        self._values: dict[str, Any] = dict(DEFAULTS)
        self._load()

    def _load(self) -> None:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return
        except (OSError, ValueError):
            self._set_aside()
            return
        if not isinstance(raw, dict):
            self._set_aside()
            return
        version = raw.pop("version", 1)
        while isinstance(version, int) and version in UPGRADES:
            raw = UPGRADES[version](raw)
            version += 1
        for setting in DECLARED:
            value = raw.get(setting.name, setting.default)
            if type(value) is type(setting.default):
                self._values[setting.name] = value

    def _set_aside(self) -> None:
        with contextlib.suppress(OSError):
            self.path.replace(self.path.with_suffix(".broken.json"))

    def get(self, name: str) -> Any:
        return self._values[name]

    def set(self, name: str, value: Any) -> None:
        if name not in DEFAULTS:
            raise KeyError(f"unknown setting {name!r}")
        self._values[name] = value
        self.save()

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = {"version": SETTINGS_VERSION, **self._values}
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, indent=2), encoding="utf-8")
        tmp.replace(self.path)

    # Recent files -------------------------------------------------------------------------

    def recent_files(self) -> list[str]:
        return list(self._values["recent_files"])

    def add_recent_file(self, path: str | os.PathLike[str]) -> None:
        entry = str(Path(path).resolve())
        recent = [p for p in self.recent_files() if p != entry]
        self.set("recent_files", [entry, *recent][:MAX_RECENT_FILES])

    def clear_recent_files(self) -> None:
        self.set("recent_files", [])

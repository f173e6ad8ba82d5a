from __future__ import annotations

import json
from pathlib import Path

from schedgen_desktop.settings import DEFAULTS, MAX_RECENT_FILES, SETTINGS_VERSION, Settings


def test_defaults_then_persisted_across_instances(config_dir: Path) -> None:
    settings = Settings()
    assert settings.path == config_dir / "settings.json"
    assert settings.get("recent_files") == DEFAULTS["recent_files"] == []
    settings.set("current_tab", 2)
    stored = json.loads(settings.path.read_text())
    assert stored["version"] == SETTINGS_VERSION
    assert Settings().get("current_tab") == 2


def test_recent_files_newest_first_without_duplicates_and_bounded(tmp_path: Path) -> None:
    settings = Settings()
    for n in range(MAX_RECENT_FILES + 3):
        settings.add_recent_file(tmp_path / f"f{n}.pdf")
    settings.add_recent_file(tmp_path / "f5.pdf")
    recent = Settings().recent_files()
    assert len(recent) == MAX_RECENT_FILES
    assert recent[0] == str(tmp_path / "f5.pdf")
    assert recent[1] == str(tmp_path / f"f{MAX_RECENT_FILES + 2}.pdf")
    assert recent.count(str(tmp_path / "f5.pdf")) == 1


def test_version_1_file_is_upgraded(config_dir: Path) -> None:
    config_dir.mkdir(parents=True)
    (config_dir / "settings.json").write_text(
        json.dumps({"version": 1, "recent": ["/old.pdf", "/new.pdf"], "current_tab": 1})
    )
    settings = Settings()
    assert settings.recent_files() == ["/new.pdf", "/old.pdf"]
    assert settings.get("current_tab") == 1


def test_broken_file_is_set_aside_and_defaults_used(config_dir: Path) -> None:
    config_dir.mkdir(parents=True)
    (config_dir / "settings.json").write_text("{not json")
    settings = Settings()
    assert settings.get("current_tab") == 0
    assert (config_dir / "settings.broken.json").exists()


def test_wrongly_typed_value_falls_back_to_default(config_dir: Path) -> None:
    config_dir.mkdir(parents=True)
    (config_dir / "settings.json").write_text(json.dumps({"version": 2, "current_tab": "x"}))
    assert Settings().get("current_tab") == 0

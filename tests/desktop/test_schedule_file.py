from __future__ import annotations

import json
from pathlib import Path

import pytest

from schedgen_core.model import Timetable
from schedgen_desktop import schedule_file
from schedgen_desktop.schedule_file import (
    FORMAT_VERSION,
    ScheduleDocument,
    ScheduleFileError,
    Source,
)
from tests.conftest import FIXTURE_EXPECTED


def _timetable(name: str) -> Timetable:
    return Timetable.from_dict(json.loads((FIXTURE_EXPECTED / f"{name}.json").read_text()))


def test_round_trip_keeps_timetables_and_options(tmp_path: Path) -> None:
    document = ScheduleDocument(
        sources=(
            Source("/x/UP_MOD_XLS.pdf", _timetable("UP_MOD_XLS")),
            Source("/x/UP_EXAM_SS.pdf", _timetable("UP_EXAM_SS")),
        ),
        options={"version": 1, "groups": {"COS 214": {"P": "P02"}}},
    )
    path = tmp_path / "mine.schedgen.json"
    schedule_file.save(document, path)
    raw = json.loads(path.read_text())
    assert raw["format"] == "schedgen-schedule"
    assert raw["version"] == FORMAT_VERSION
    assert schedule_file.load(path) == document


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[]", "not a schedgen schedule file"),
        ('{"format": "schedgen-schedule", "version": 99, "sources": []}', "version 99"),
        ('{"format": "schedgen-schedule", "version": 1, "sources": [{"path": "a"}]}', "damaged"),
        ("{oops", "not valid JSON"),
    ],
)
def test_bad_files_raise_a_typed_error(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.schedgen.json"
    path.write_text(content)
    with pytest.raises(ScheduleFileError, match=message) as info:
        schedule_file.load(path)
    assert info.value.code == "bad_schedule_file"


def test_missing_file_is_a_typed_error(tmp_path: Path) -> None:
    with pytest.raises(ScheduleFileError, match="cannot read"):
        schedule_file.load(tmp_path / "nope.json")

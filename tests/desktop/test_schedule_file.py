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


def _version_1(options: dict[str, object], deselected: object) -> dict[str, object]:
    return {
        "format": "schedgen-schedule",
        "version": 1,
        "sources": [{"path": "/x/UP_MOD_XLS.pdf", "timetable": _timetable("UP_MOD_XLS").to_dict()}],
        "options": options,
        "deselected": deselected,
    }


def test_a_version_1_file_moves_its_unticked_events_into_the_options(tmp_path: Path) -> None:
    keys = ["class|COS 214|P1|P02|Wednesday|14:30", "class|COS 226|L2|G01|Tuesday|09:30"]
    version_1_options = {"version": 1, "groups": {"COS 214": {"P": "P02"}}, "colours": {}}
    path = tmp_path / "old.schedgen.json"
    path.write_text(json.dumps(_version_1(version_1_options, keys)))
    document = schedule_file.load(path)
    assert document.options["version"] == 2
    assert document.options["excluded_events"] == sorted(keys)
    assert document.options["groups"] == {"COS 214": {"P": "P02"}}
    assert [s.path for s in document.sources] == ["/x/UP_MOD_XLS.pdf"]
    assert "deselected" not in document.to_dict()
    schedule_file.save(document, path)
    assert schedule_file.load(path) == document


def test_a_version_1_file_without_choices_keeps_empty_options(tmp_path: Path) -> None:
    path = tmp_path / "old.schedgen.json"
    path.write_text(json.dumps(_version_1({}, [])))
    assert schedule_file.load(path).options == {}
    path.write_text(json.dumps(_version_1({}, ["test|STK 220|Test1||2025-08-25|17:30"])))
    options = schedule_file.load(path).options
    assert options["excluded_events"] == ["test|STK 220|Test1||2025-08-25|17:30"]


@pytest.mark.parametrize(
    ("options", "deselected", "message"),
    [
        ({}, "class|x", "deselected must list strings"),
        ({}, [1], "deselected must list strings"),
        ({"version": 7}, ["class|x"], "options are damaged"),
    ],
)
def test_a_damaged_version_1_file_is_a_typed_error(
    tmp_path: Path, options: dict[str, object], deselected: object, message: str
) -> None:
    path = tmp_path / "old.schedgen.json"
    path.write_text(json.dumps(_version_1(options, deselected)))
    with pytest.raises(ScheduleFileError, match=message):
        schedule_file.load(path)


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

"""What changed between two versions of a timetable."""

from __future__ import annotations

import json
from dataclasses import replace

from schedgen_core.calendar import diff_timetables
from schedgen_core.model import LectureRow
from tests.calendar_support import fixture_timetable


def test_the_same_timetable_has_no_differences():
    lectures = fixture_timetable("UP_MOD_XLS-Both")
    diff = diff_timetables(lectures, lectures)
    assert diff.empty
    assert "no differences" in diff.to_text()


def test_added_removed_moved_and_changed_sessions():
    old = fixture_timetable("UP_MOD_XLS")
    rows = []
    for row in old.rows:
        assert isinstance(row, LectureRow)
        if row.module == "COS 214" and row.activity == "L1":
            row = replace(row, day="Tuesday", start="13:30", end="14:20")  # moved
        elif row.module == "STK 220" and row.activity == "L3":
            row = replace(row, venue="IT 4-1")  # changed room
        elif row.module == "WTW 285" and row.group == "T03":
            continue  # removed
        rows.append(row)
    rows.append(replace(rows[0], group="P09", activity="P1", day="Friday", venue="Lab X"))
    diff = diff_timetables(old, replace(old, source="UP_MOD_XLS-v2.pdf", rows=tuple(rows)))

    assert [s.describe() for s in diff.added] == ["COS 214 P1 (P09) S2 Friday 13:30-14:20 @ Lab X"]
    assert [s.describe() for s in diff.removed] == [
        "WTW 285 T1 (T03) S2 Thursday 15:30-16:50 @ HB 4-3"
    ]
    (moved,) = diff.moved
    assert moved.fields == ("day", "start", "end")
    assert moved.after.describe() == "COS 214 L1 (G01) S2 Tuesday 13:30-14:20 @ Centenary 6"
    (changed,) = diff.changed
    assert changed.fields == ("venues",)
    assert changed.after.venues == ("IT 4-1",)

    data = json.loads(json.dumps(diff.to_dict()))
    assert data["summary"] == {"added": 1, "removed": 1, "moved": 1, "changed": 1}
    assert data["moved"][0]["before"]["day"] == "Monday"
    assert data["moved"][0]["after"]["day"] == "Tuesday"
    text = diff.to_text()
    assert text.splitlines()[0] == (
        "UP_MOD_XLS.pdf -> UP_MOD_XLS-v2.pdf: 1 added, 1 removed, 1 moved, 1 changed"
    )
    assert "~ moved    COS 214 L1 (G01) S2 Monday 08:30-09:20 @ Centenary 6" in text


def test_a_test_on_another_date_has_moved():
    old = fixture_timetable("UP_TST_PDF")
    moved_test = replace(old.rows[0], date="2025-08-29", day="Friday")
    diff = diff_timetables(old, replace(old, rows=(moved_test, *old.rows[1:])))
    (moved,) = diff.moved
    assert moved.fields == ("day", "date")
    assert not diff.added
    assert not diff.removed

"""Term-date data: the shipped file, a user's file, and its errors."""

from __future__ import annotations

import json
from datetime import date

import pytest

from schedgen_core.calendar import (
    CalendarOptions,
    TermDataError,
    build_events,
    load_term_calendar,
)
from schedgen_core.cli import main
from tests.calendar_support import at, expand, fixture_timetable
from tests.conftest import FIXTURE_EXPECTED

GOOD = """
[2025.terms.S2]
start = 2025-07-21
end = 2025-10-24
source = "test input"

[[2025.recess]]
start = 2025-09-01
end = 2025-09-05
name = "Spring recess"
source = "test input"
"""


def test_the_shipped_data_loads_and_every_entry_names_its_source():
    calendar = load_term_calendar()
    for year in calendar.years.values():
        assert all(term.source for term in year.terms.values())


def test_a_term_file_gives_dates_and_recess(tmp_path):
    path = tmp_path / "terms.toml"
    path.write_text(GOOD)
    calendar = load_term_calendar(path)
    assert calendar.year(2025).terms["S2"].start == date(2025, 7, 21)
    build = build_events([fixture_timetable("UP_MOD_XLS")], CalendarOptions(year=2025), calendar)
    monday = next(e for e in build.events if e.uid == "2025-s2-cos214-l1-g01-mon-0830@schedgen")
    assert [(e.day, e.reason) for e in monday.exclusions] == [(date(2025, 9, 1), "Spring recess")]
    assert json.loads(json.dumps(build.to_dict()))["events"][0]["uid"] == build.events[0].uid


def test_the_cli_reads_a_term_file(tmp_path):
    path = tmp_path / "terms.toml"
    path.write_text(GOOD)
    out = tmp_path / "me.ics"
    lectures = str(FIXTURE_EXPECTED / "UP_MOD_XLS.json")
    assert main(["ics", lectures, "--year", "2025", "--terms-file", str(path), "-o", str(out)]) == 0
    starts = [s for s, _ in expand(out.read_bytes())["2025-s2-cos214-l1-g01-mon-0830@schedgen"]]
    assert at("2025-09-01", "08:30") not in starts
    assert starts[-1] == at("2025-10-20", "08:30")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[2025.terms.S2]\nstart = 2025-07-21\nend = 2025-10-24\n", "source"),
        ('[2025.terms.S9]\nstart = 2025-07-21\nend = 2025-10-24\nsource = "x"\n', "unknown term"),
        ('[2025.terms.S2]\nstart = "soon"\nend = 2025-10-24\nsource = "x"\n', "expected a date"),
        ('[2025.terms.S2]\nstart = 2025-11-21\nend = 2025-10-24\nsource = "x"\n', "before"),
        ("[[2025.recess]]\nstart = 2025-07-21\nend = 2025-07-24\n", "source"),
        ("[twenty]\n", "not a year"),
        ("this is = not toml [", "not valid TOML"),
    ],
)
def test_bad_term_files_are_a_typed_error(tmp_path, text, message):
    path = tmp_path / "terms.toml"
    path.write_text(text)
    with pytest.raises(TermDataError, match=message):
        load_term_calendar(path)


def test_a_missing_term_file_is_a_typed_error(tmp_path):
    with pytest.raises(TermDataError, match="cannot read"):
        load_term_calendar(tmp_path / "absent.toml")

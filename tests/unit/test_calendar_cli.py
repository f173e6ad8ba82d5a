"""`schedgen ics` and `schedgen diff` on the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from icalendar import Calendar

from schedgen_core.cli import main
from tests.calendar_support import at, expand
from tests.conftest import FIXTURE_EXPECTED

LECTURES = str(FIXTURE_EXPECTED / "UP_MOD_XLS.json")
TESTS = str(FIXTURE_EXPECTED / "UP_TST_PDF.json")
EXAMS = str(FIXTURE_EXPECTED / "UP_EXAM_SS.json")
S2 = ["--start", "2025-07-21", "--end", "2025-10-24"]


def uids(path: Path) -> set[str]:
    return {str(e["UID"]) for e in Calendar.from_ical(path.read_bytes()).walk("VEVENT")}


def test_ics_writes_lectures_tests_and_exams_into_one_calendar(tmp_path, capsys):
    out = tmp_path / "me.ics"
    code = main(
        [
            "ics",
            LECTURES,
            TESTS,
            EXAMS,
            *S2,
            "--choose",
            "COS 214=P02",
            "--exam-hours",
            "2",
            "--exclude",
            "2025-08-04:2025-08-08=Field trip",
            "-o",
            str(out),
        ]
    )
    assert code == 0
    err = capsys.readouterr().err
    assert "46 events (29 weekly classes, 12 tests, 5 exams)" in err
    assert "warning: COS 226 P: group not chosen yet" in err
    occurrences = expand(out.read_bytes())
    monday = occurrences["2025-s2-cos214-l1-g01-mon-0830@schedgen"]
    assert at("2025-08-04", "08:30") not in [s for s, _ in monday]  # field trip
    assert len(monday) == 13
    assert occurrences["2025-cos214-examwritten-paper1-20251113-1500@schedgen"] == [
        (at("2025-11-13", "15:00"), at("2025-11-13", "17:00"))
    ]
    assert "2025-s2-cos214-p1-p01-tue-1130@schedgen" not in occurrences


def test_clashes_are_printed_and_can_be_allowed(tmp_path, capsys):
    out = str(tmp_path / "me.ics")
    assert main(["ics", LECTURES, TESTS, *S2, "--choose", "STK 220=P02", "-o", out]) == 0
    err = capsys.readouterr().err
    line = next(x for x in err.splitlines() if "COS 284 Lecture (L1)" in x and "clash" in x)
    assert "STK 220 Practical (P1, P02) 10:30-11:20 on Tuesdays" in line
    key = err.split("--allow-clash '")[1].split("'")[0]
    assert (
        main(
            [
                "ics",
                LECTURES,
                TESTS,
                *S2,
                "--choose",
                "STK 220=P02",
                "--allow-clash",
                key,
                "-o",
                out,
            ]
        )
        == 0
    )
    assert key not in capsys.readouterr().err


def test_rerunning_keeps_the_file_identical(tmp_path):
    out = tmp_path / "me.ics"
    assert main(["ics", LECTURES, *S2, "-o", str(out)]) == 0
    first = out.read_bytes()
    assert main(["ics", LECTURES, *S2, "-o", str(out)]) == 0
    assert out.read_bytes() == first
    assert len(uids(out)) == 30


def test_options_file_is_the_stored_calendar_options(tmp_path):
    options = tmp_path / "options.json"
    options.write_text(
        json.dumps(
            {
                "version": 1,
                "terms": {"S2": {"start": "2025-07-21", "end": "2025-10-24"}},
                "groups": {"COS 226": {"P": "P04"}},
            }
        )
    )
    out = tmp_path / "me.ics"
    assert main(["ics", LECTURES, "--year", "2025", "--options", str(options), "-o", str(out)]) == 0
    assert {u for u in uids(out) if "cos226-p1" in u} == {"2025-s2-cos226-p1-p04-fri-1330@schedgen"}


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ([LECTURES], "give the year"),
        ([LECTURES, "--year", "2025"], "no 2025 term dates known for S2"),
        ([LECTURES, "--start", "2025-07-21"], "--start and --end go together"),
        ([LECTURES, "--start", "2025-07-21", "--end", "21/10/2025"], "not a date"),
        ([LECTURES, *S2, "--choose", "COS 214=P07"], "not in the timetable"),
        ([LECTURES, *S2, "--choose", "nonsense"], "MODULE=GROUP"),
        ([LECTURES, *S2, "--exclude", "2025-08-08:2025-08-01"], "ends before"),
        ([LECTURES, "--term", "S2=2025-07-21"], "CODE=YYYY-MM-DD:YYYY-MM-DD"),
        ([str(FIXTURE_EXPECTED / "UP_MOD_XLS-Both.json"), *S2], "--term CODE=START:END"),
        (["/no/such.pdf"], "no such file"),
        ([str(FIXTURE_EXPECTED / "invalid-format.json")], "not a schedgen timetable"),
    ],
)
def test_bad_input_is_one_line_error(argv, message, capsys):
    assert main(["ics", *argv]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ")
    assert message in err
    assert "Traceback" not in err


def test_diff_reports_people_text_and_json(capsys):
    other = str(FIXTURE_EXPECTED / "lecture-schedule.json")
    assert main(["diff", LECTURES, LECTURES]) == 0
    assert "no differences" in capsys.readouterr().out
    assert main(["diff", LECTURES, other]) == 1
    text = capsys.readouterr().out
    assert "+ added    COS 301 L1 (G01) S1 Monday 08:30-09:20 @ IT 4-4" in text
    assert main(["diff", LECTURES, other, "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["summary"]["moved"] == 2
    assert {m["after"]["day"] for m in data["moved"]} == {"Wednesday", "Friday"}


PDFS = FIXTURE_EXPECTED.parent / "pdfs"


def test_ics_from_the_fixture_pdfs_equals_the_ics_from_their_verified_rows(tmp_path, capsys):
    from_pdf, from_json = tmp_path / "pdf.ics", tmp_path / "json.ics"
    choose = ["--choose", "COS 214=P02", "--choose", "WTW 285=T01"]
    names = ["UP_MOD_XLS", "UP_TST_PDF", "UP_EXAM_SS"]
    pdfs = [str(PDFS / f"{n}.pdf") for n in names]
    jsons = [str(FIXTURE_EXPECTED / f"{n}.json") for n in names]
    assert main(["ics", *pdfs, *S2, *choose, "-o", str(from_pdf)]) == 0
    assert (
        main(["ics", *jsons, *S2, *choose, "--previous", str(from_pdf), "-o", str(from_json)]) == 0
    )
    assert from_pdf.read_bytes() == from_json.read_bytes()
    occurrences = expand(from_pdf.read_bytes())
    assert len(occurrences) == 44  # 46 less the two WTW 285 tutorial groups not chosen
    assert occurrences["2025-s2-wtw285-t1-t01-wed-0730@schedgen"][0] == (
        at("2025-07-23", "07:30"),
        at("2025-07-23", "08:50"),
    )


def test_ics_on_both_semesters_needs_each_terms_dates(tmp_path, capsys):
    lectures = str(PDFS / "UP_MOD_XLS-Both.pdf")
    out = tmp_path / "year.ics"
    assert main(["ics", lectures, *S2, "-o", str(out)]) == 2
    assert "sessions in S1, S2" in capsys.readouterr().err
    terms = ["--term", "S1=2025-02-03:2025-05-30", "--term", "S2=2025-07-21:2025-10-24"]
    assert main(["ics", lectures, str(PDFS / "UP_EXAM_SS-Both.pdf"), *terms, "-o", str(out)]) == 0
    occurrences = expand(out.read_bytes())
    first = occurrences["2025-s1-cos212-l1-g01-mon-1630@schedgen"]
    assert first[0][0] == at("2025-02-03", "16:30")
    assert at("2025-04-21", "16:30") not in [s for s, _ in first]  # Family Day
    assert at("2025-04-28", "16:30") not in [s for s, _ in first]  # Freedom Day observed
    assert first[-1][0] == at("2025-05-26", "16:30")


def test_diff_on_the_fixture_pdfs(capsys):
    assert main(["diff", str(PDFS / "UP_MOD_XLS.pdf"), str(PDFS / "lecture-schedule.pdf")]) == 1
    out = capsys.readouterr().out
    assert out.startswith("UP_MOD_XLS.pdf -> lecture-schedule.pdf: 1 added, 24 removed, 2 moved")


def test_a_pdf_that_is_not_a_timetable_is_a_one_line_error(capsys):
    assert main(["ics", str(PDFS / "invalid-format.pdf")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: not a UP schedule")
    assert err.count("\n") == 1

"""The `schedgen parse` contract, run as a real process."""

import json
import subprocess
import sys

import pytest

from tests.conftest import FIXTURE_EXPECTED, FIXTURE_PDFS, fixture_pdfs


def run_cli(*args, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "schedgen_core", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
    )


@pytest.mark.parametrize("pdf", fixture_pdfs(), ids=lambda p: p.stem)
def test_parse_json_prints_the_contract_object(pdf):
    expected = json.loads((FIXTURE_EXPECTED / f"{pdf.stem}.json").read_text())
    result = run_cli("parse", pdf, "--json")
    if "error" in expected:
        assert result.returncode != 0
        assert result.stdout == ""
        assert result.stderr.startswith(f"error: {expected['error']}")
        assert len(result.stderr.strip().splitlines()) == 1
    else:
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout) == expected


def test_parse_without_json_prints_a_readable_table():
    result = run_cli("parse", FIXTURE_PDFS / "UP_TST_PDF.pdf")
    assert result.returncode == 0
    first, header, rule, *rows = result.stdout.splitlines()
    assert first.startswith("UP_TST_PDF.pdf: test schedule,")
    assert header.split()[:3] == ["MODULE", "TEST", "DAY"]
    assert set(rule.replace(" ", "")) == {"-"}
    assert any("Informatorium Blue Lab 1" in row for row in rows)


def test_missing_file_is_one_line_error(tmp_path):
    result = run_cli("parse", tmp_path / "nope.pdf", "--json")
    assert result.returncode == 2
    assert result.stderr == f"error: {tmp_path / 'nope.pdf'}: no such file\n"

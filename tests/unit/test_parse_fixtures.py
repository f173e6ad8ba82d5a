"""Every fixture PDF parses exactly to its hand-verified expected JSON (DESIGN §4 contract)."""

import json

import pytest

from schedgen_core.errors import ScheduleError
from schedgen_core.pdf import parse_pdf
from tests.conftest import FIXTURE_EXPECTED, fixture_pdfs


def _expected(pdf):
    return json.loads((FIXTURE_EXPECTED / f"{pdf.stem}.json").read_text())


@pytest.mark.parametrize("pdf", fixture_pdfs(), ids=lambda p: p.stem)
def test_fixture_parses_exactly(pdf):
    expected = _expected(pdf)
    if "error" in expected:
        with pytest.raises(ScheduleError) as caught:
            parse_pdf(pdf)
        assert str(caught.value).startswith(expected["error"])
    else:
        assert parse_pdf(pdf).to_dict() == expected


@pytest.mark.parametrize("pdf", fixture_pdfs(), ids=lambda p: p.stem)
def test_bytes_and_path_give_the_same_result(pdf):
    if "error" in _expected(pdf):
        return
    assert parse_pdf(pdf.read_bytes(), name=pdf.name) == parse_pdf(pdf)


def test_every_fixture_has_an_expected_file():
    pdfs = fixture_pdfs()
    assert pdfs, "no fixture PDFs found"
    assert all((FIXTURE_EXPECTED / f"{p.stem}.json").is_file() for p in pdfs)

"""Every kind of bad input ends in its typed error with a message for a person."""

import subprocess
import sys

import pytest

from schedgen_core import errors
from schedgen_core.pdf import ParseLimits, check_pdf, parse_pdf
from tests.conftest import FIXTURE_PDFS
from tests.pdfs import blank_pdf, encrypted_copy, image_only_copy

LECTURES = FIXTURE_PDFS / "UP_MOD_XLS.pdf"


def _cases():
    lectures = LECTURES.read_bytes()
    return {
        "not-a-pdf": (b"Module,Day,Time\nCOS 132,Monday,08:30\n", errors.NotAPdfError, "not a PDF"),
        "html": (b"<!doctype html><html></html>", errors.NotAPdfError, "not a PDF"),
        "empty": (b"", errors.EmptyFileError, "empty"),
        "truncated": (lectures[: len(lectures) // 3], errors.CorruptPdfError, "damaged"),
        "header-only": (b"%PDF-1.7\n", errors.CorruptPdfError, "damaged"),
        "encrypted": (encrypted_copy(lectures), errors.EncryptedPdfError, "password"),
        "too-many-pages": (blank_pdf(101), errors.TooManyPagesError, "101 pages"),
        "blank": (blank_pdf(1), errors.NotAScheduleError, "not a UP schedule"),
        "letter": (blank_pdf(1, "Dear student"), errors.NotAScheduleError, "not a UP schedule"),
        "title-no-table": (blank_pdf(1, "Lectures"), errors.NotAScheduleError, "no ruled"),
        "image-only": (image_only_copy(lectures), errors.OcrRequiredError, "needs OCR"),
    }


CASES = _cases()


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_raises_its_typed_error(case):
    data, error_type, words = CASES[case]
    with pytest.raises(error_type) as caught:
        parse_pdf(data, name=f"{case}.pdf")
    assert words in str(caught.value)
    assert caught.value.code == error_type.code


def test_file_over_the_size_limit_is_refused_before_reading(tmp_path):
    big = tmp_path / "big.pdf"
    with big.open("wb") as handle:
        handle.write(b"%PDF-1.7\n")
        handle.truncate(10 * 1024 * 1024 + 1)
    with pytest.raises(errors.FileTooLargeError, match="limit is 10 MB"):
        parse_pdf(big)
    with pytest.raises(errors.FileTooLargeError):
        parse_pdf(big.read_bytes())


def test_limits_are_configurable():
    with pytest.raises(errors.TooManyPagesError, match="limit is 1"):
        parse_pdf(blank_pdf(2), limits=ParseLimits(max_pages=1))
    with pytest.raises(errors.FileTooLargeError):
        parse_pdf(LECTURES, limits=ParseLimits(max_bytes=1000))


def test_an_empty_user_password_is_not_an_error():
    lectures = LECTURES.read_bytes()
    opened_without_password = parse_pdf(encrypted_copy(lectures, user_password=""), name="x.pdf")
    assert opened_without_password.rows == parse_pdf(lectures, name="x.pdf").rows


def test_real_pdf_with_empty_user_password_parses():
    assert parse_pdf(FIXTURE_PDFS / "UP_EXAM_SS.pdf").rows


@pytest.mark.parametrize("case", sorted(CASES))
def test_cli_reports_bad_input_in_one_line(case, tmp_path):
    data, _, words = CASES[case]
    path = tmp_path / f"{case}.pdf"
    path.write_bytes(data)
    result = subprocess.run(
        [sys.executable, "-m", "schedgen_core", "parse", str(path), "--json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith("error: ")
    assert words in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("case", ["not-a-pdf", "empty", "truncated", "encrypted", "too-many-pages"])
def test_check_pdf_raises_what_parse_pdf_raises_without_reading_pages(case):
    data, error_type, words = CASES[case]
    with pytest.raises(error_type, match=words):
        check_pdf(data)


def test_check_pdf_returns_the_page_count():
    assert check_pdf(blank_pdf(3)) == 3
    assert check_pdf(LECTURES) == 2

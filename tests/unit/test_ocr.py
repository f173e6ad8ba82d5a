"""The OCR path: image-only copies of the fixtures read back like their text layers.

Each fixture is rendered to a 300 dpi picture on a page of its own (a scan with no text layer);
``ocr_page_content`` must find the same ruling lines as the drawn ones, read the same words as
the text layer, and the whole parse with ``ocr=True`` must give the expected fields.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pymupdf
import pytest

from schedgen_core.errors import OcrUnavailableError, ScheduleError
from schedgen_core.pdf import ocr, parse_pdf
from schedgen_core.pdf.content import PageContent
from tests.conftest import FIXTURE_EXPECTED, fixture_pdfs
from tests.ocr_support import (
    RULE_TOLERANCE,
    drawn_rules,
    field_accuracy,
    image_only_pdf,
    visible_words,
    word_accuracy,
)

MIN_PAGE_WORD_ACCURACY = 0.75
MIN_WORD_ACCURACY = 0.97
MIN_FIELD_ACCURACY = 0.97


@functools.cache
def _scan(pdf: Path) -> bytes:
    return image_only_pdf(pdf)


@functools.cache
def _read_pages(pdf: Path) -> tuple[PageContent, ...]:
    with pymupdf.open(stream=_scan(pdf), filetype="pdf") as scanned:
        return tuple(ocr.ocr_page_content(page) for page in scanned)


def _expected(pdf: Path) -> dict[str, object]:
    result: dict[str, object] = json.loads((FIXTURE_EXPECTED / f"{pdf.stem}.json").read_text())
    return result


def test_tesseract_is_installed_here():
    assert ocr.tesseract_available()
    assert (Path(ocr.find_tessdata() or "") / "eng.traineddata").is_file()


def test_missing_language_data_is_a_typed_error_that_says_how_to_install(monkeypatch, tmp_path):
    def no_tesseract(*_args: object) -> str:
        raise RuntimeError("No tessdata specified and Tesseract is not installed")

    monkeypatch.setenv("TESSDATA_PREFIX", str(tmp_path))
    monkeypatch.setattr(ocr, "_TESSDATA_GLOBS", ())
    monkeypatch.setattr(ocr.pymupdf, "get_tessdata", no_tesseract)
    ocr.find_tessdata.cache_clear()
    try:
        assert not ocr.tesseract_available()
        with (
            pymupdf.open(stream=_scan(fixture_pdfs()[0]), filetype="pdf") as scanned,
            pytest.raises(OcrUnavailableError) as caught,
        ):
            ocr.ocr_page_content(scanned[0])
        assert caught.value.code == "ocr_unavailable"
        assert "apt-get install tesseract-ocr tesseract-ocr-eng" in str(caught.value)
        assert "TESSDATA_PREFIX" in str(caught.value)
    finally:
        ocr.find_tessdata.cache_clear()


def test_tessdata_prefix_is_honoured(monkeypatch, tmp_path):
    installed = ocr.find_tessdata()
    assert installed is not None
    (tmp_path / "eng.traineddata").symlink_to(Path(installed) / "eng.traineddata")
    monkeypatch.setenv("TESSDATA_PREFIX", str(tmp_path))
    ocr.find_tessdata.cache_clear()
    try:
        assert ocr.find_tessdata() == str(tmp_path)
    finally:
        ocr.find_tessdata.cache_clear()


@pytest.mark.parametrize("pdf", fixture_pdfs(), ids=lambda p: p.stem)
def test_every_drawn_rule_is_found_in_the_picture(pdf):
    pages = _read_pages(pdf)
    with pymupdf.open(pdf) as original:
        assert len(pages) == original.page_count
        for number, (page, content) in enumerate(zip(original, pages, strict=True), start=1):
            assert (content.width, content.height) == (page.rect.width, page.rect.height)
            drawn = drawn_rules(page)
            assert drawn, f"page {number} has no drawn rules to compare"
            for rule in drawn:
                candidates = (
                    [(r.x, r.y0, r.y1) for r in content.v_rules]
                    if rule.vertical
                    else [(r.y, r.x0, r.x1) for r in content.h_rules]
                )
                found = [
                    (start, end)
                    for at, start, end in candidates
                    if abs(at - rule.at) <= RULE_TOLERANCE and start < rule.end and rule.start < end
                ]
                assert found, f"page {number}: {rule} not found"
                start, end = max(found, key=lambda extent: extent[1] - extent[0])
                assert start <= rule.start + 3, f"{rule} found as {start}..{end}"
                assert end >= rule.end - 3, f"{rule} found as {start}..{end}"


@pytest.mark.parametrize("pdf", fixture_pdfs(), ids=lambda p: p.stem)
def test_no_rule_is_made_up(pdf):
    """Every rule found is a drawn one, or the page edge standing in for a border cut off by it."""
    with pymupdf.open(pdf) as original:
        for page, content in zip(original, _read_pages(pdf), strict=True):
            drawn = drawn_rules(page)
            for rule in content.h_rules:
                assert any(
                    not d.vertical and abs(d.at - rule.y) <= RULE_TOLERANCE for d in drawn
                ), rule
            for rule in content.v_rules:
                at_edge = rule.x < 1 or rule.x > content.width - 1
                assert at_edge or any(
                    d.vertical and abs(d.at - rule.x) <= RULE_TOLERANCE for d in drawn
                ), rule


def test_words_read_like_the_text_layer(capsys):
    right = total = 0
    report = []
    for pdf in fixture_pdfs():
        with pymupdf.open(pdf) as original:
            for number, (page, content) in enumerate(
                zip(original, _read_pages(pdf), strict=True), start=1
            ):
                printed = visible_words(page)
                page_right, misses = word_accuracy(printed, content.words)
                right, total = right + page_right, total + len(printed)
                share = page_right / len(printed)
                report.append(f"{pdf.stem} p{number}: {page_right}/{len(printed)} = {share:.3f}")
                assert share >= MIN_PAGE_WORD_ACCURACY, (pdf.stem, number, misses)
    with capsys.disabled():
        print("\nOCR word accuracy by page:\n  " + "\n  ".join(report))
        print(f"OCR word accuracy overall: {right}/{total} = {right / total:.4f}")
    assert right / total >= MIN_WORD_ACCURACY


def test_hidden_letters_are_not_read():
    """The lecture PDFs print a white letter after the language code; a reader cannot see it."""
    pdf = next(p for p in fixture_pdfs() if p.stem == "UP_MOD_XLS")
    content = _read_pages(pdf)[0]
    with pymupdf.open(pdf) as original:
        hidden = len(original[0].get_text("words")) - len(visible_words(original[0]))
    assert hidden > 0
    lang_column = [w.text for w in content.words if 183 <= w.x0 <= 200 and w.y0 > 84]
    assert lang_column
    assert set(lang_column) == {"E"}


def test_parse_of_scans_matches_the_expected_fields(capsys):
    equal = total = 0
    report = []
    for pdf in fixture_pdfs():
        expected = _expected(pdf)
        if "error" in expected:
            with pytest.raises(ScheduleError) as caught:
                parse_pdf(_scan(pdf), name=pdf.name, ocr=True)
            assert str(caught.value).startswith(str(expected["error"]))
            continue
        parsed = parse_pdf(_scan(pdf), name=pdf.name, ocr=True).to_dict()
        assert parsed["kind"] == expected["kind"]
        assert len(parsed["rows"]) == len(expected["rows"])  # type: ignore[arg-type]
        fixture_equal, fixture_total = field_accuracy(expected, parsed)
        equal, total = equal + fixture_equal, total + fixture_total
        report.append(f"{pdf.stem}: {fixture_equal}/{fixture_total}")
    with capsys.disabled():
        print("\nOCR parse field accuracy by fixture:\n  " + "\n  ".join(report))
        print(f"OCR parse field accuracy overall: {equal}/{total} = {equal / total:.4f}")
    assert equal / total >= MIN_FIELD_ACCURACY


def test_scan_without_ocr_is_refused_with_a_hint():
    with pytest.raises(ScheduleError) as caught:
        parse_pdf(_scan(fixture_pdfs()[0]))
    assert caught.value.code == "ocr_required"


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        (["O8:3O"], [["08:30"]]),
        (["8:30"], [["08:30"]]),
        (["l0.00"], [["10:00"]]),
        (["10:00-11:30"], [["10:00", "-", "11:30"]]),
        (["—"], [["-"]]),
        (["Wednesdav"], [["Wednesday"]]),
        (["Thursdey"], [["Thursday"]]),
        (["Study"], [["Study"]]),
        (["12", "N0V", "2025"], [["12"], ["NOV"], ["2025"]]),
        (["23", "Auq", "2025"], [["23"], ["Aug"], ["2025"]]),
        (["MAT", "111"], [["MAT"], ["111"]]),
        (["$2"], [["S2"]]),
        (["PO1"], [["P01"]]),
        (["COS", "214"], [["COS"], ["214"]]),
        (["{"], [["1"]]),
        (["Ill"], [["III"]]),
        (["ill"], [["ill"]]),
        (["Informatorium"], [["Informatorium"]]),
        (["25:00"], [["25:00"]]),
        (['"13:30'], [["13:30"]]),
        (["_27", "Aug", "2025_"], [["27"], ["Aug"], ["2025"]]),
        (["4-4"], [["4-4"]]),
        (["1,2,3"], [["1,2,3"]]),
    ],
)
def test_token_corrections(tokens, expected):
    assert ocr.correct_tokens(tokens) == expected

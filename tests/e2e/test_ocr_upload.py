"""An image-only version of a fixture (rendered here) comes back through the worker's OCR."""

from __future__ import annotations

import json
from pathlib import Path

import pymupdf

from tests.conftest import FIXTURE_EXPECTED, FIXTURE_PDFS
from tests.servers import Api, SchedgenProcess, serve_process, worker_process

OCR_FIXTURES = ["UP_EXAM_SS.pdf", "UP_TST_PDF.pdf", "UP_MOD_XLS.pdf"]
ACCURACY_TARGET = 0.97  # DESIGN §6


def image_only(pdf: Path, dpi: int = 200) -> bytes:
    """Every page replaced by a greyscale picture of itself: no text layer left."""
    source = pymupdf.open(pdf)
    scan = pymupdf.open()
    for page in source:
        picture = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY)
        scanned = scan.new_page(width=page.rect.width, height=page.rect.height)
        scanned.insert_image(scanned.rect, pixmap=picture)
    data = bytes(scan.tobytes(garbage=3, deflate=True))
    assert not pymupdf.open(stream=data).load_page(0).get_text().strip()
    return data


def field_accuracy(expected: list[dict[str, object]], actual: list[dict[str, object]]) -> float:
    total = sum(len(row) for row in expected)
    right = sum(
        1
        for want, got in zip(expected, actual, strict=False)
        for key, value in want.items()
        if got.get(key) == value
    )
    return right / total if total else 1.0


def check_ocr(api: Api) -> None:
    jobs = {}
    for name in OCR_FIXTURES:
        response = api.upload(image_only(FIXTURE_PDFS / name), name)
        assert response.status_code == 202, response.text
        assert response.json()["status"] == "pending"  # a scan always goes to a worker
        jobs[response.json()["job_id"]] = name
    scores = []
    for job_id, name in jobs.items():
        status = api.wait(job_id, timeout=240)
        assert status["status"] == "completed", status
        result = api.result(job_id).json()
        expected = json.loads((FIXTURE_EXPECTED / name.replace(".pdf", ".json")).read_text())
        assert result["kind"] == expected["kind"]
        assert result["source"] == name
        assert len(result["rows"]) == len(expected["rows"])
        accuracy = field_accuracy(expected["rows"], result["rows"])
        scores.append(accuracy)
        print(
            f"OCR {name}: {len(result['rows'])}/{len(expected['rows'])} rows, "
            f"field accuracy {accuracy:.1%}"
        )
    overall = sum(scores) / len(scores)
    print(
        f"OCR field accuracy over {len(scores)} scans: {overall:.1%} (target {ACCURACY_TARGET:.0%})"
    )
    assert overall >= ACCURACY_TARGET


def test_scan_through_embedded_worker(embedded: SchedgenProcess) -> None:
    check_ocr(Api(embedded.base_url))


def test_scan_through_separate_worker(production_env: dict[str, str], tmp_path: Path) -> None:
    server = serve_process(production_env, tmp_path)
    worker = worker_process(production_env, tmp_path)
    server.start()
    worker.start()
    try:
        check_ocr(Api(server.base_url))
    finally:
        server.stop()
        worker.stop()

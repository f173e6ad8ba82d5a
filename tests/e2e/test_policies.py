"""Production policies over HTTP: the queue cap, no retry for a bad PDF, ids that say nothing."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import FIXTURE_PDFS, fixture_pdfs
from tests.servers import Api, serve_process, worker_process


def test_queue_cap_then_drain_and_bad_pdf_fails_without_retry(
    production_env: dict[str, str], tmp_path: Path
) -> None:
    env = {**production_env, "SCHEDGEN_TEXT_PARSE": "worker", "SCHEDGEN_QUEUE_CAP": "2"}
    server = serve_process(env, tmp_path)
    worker = worker_process(env, tmp_path)
    server.start()
    try:
        api = Api(server.base_url)
        pdf = fixture_pdfs()[0]
        queued = [api.upload_ok(pdf.read_bytes(), pdf.name) for _ in range(2)]
        full = api.upload(pdf.read_bytes(), pdf.name)
        assert full.status_code == 503
        assert full.json()["code"] == "queue_full"
        assert int(full.headers["Retry-After"]) > 0

        worker.start()
        for job_id in queued:
            assert api.wait(job_id)["status"] == "completed"

        bad = api.upload_ok((FIXTURE_PDFS / "invalid-format.pdf").read_bytes(), "invalid.pdf")
        status = api.wait(bad)
        assert status["status"] == "failed"
        assert status["error_code"] == "not_a_schedule"
        assert str(status["error"]).startswith("not a UP schedule")
        result = api.result(bad)
        assert result.status_code == 422
        assert result.json()["code"] == "not_a_schedule"
        assert "Retrying message" not in worker.log()
    finally:
        server.stop()
        worker.stop()


def test_job_ids_are_random_and_unrelated(production_env: dict[str, str], tmp_path: Path) -> None:
    server = serve_process(production_env, tmp_path)
    server.start()
    try:
        api = Api(server.base_url)
        pdf = fixture_pdfs()[0]
        ids = {api.upload_ok(pdf.read_bytes(), pdf.name) for _ in range(20)}
        assert len(ids) == 20
        assert all(len(job_id) >= 22 for job_id in ids)
        prefixes = {job_id[:4] for job_id in ids}
        assert len(prefixes) > 15
    finally:
        server.stop()

"""Upload every fixture over HTTP to a real ``schedgen serve`` (Granian) and get its rows back.

Production mode: PostgreSQL, Redis and a separate ``schedgen worker`` process, with every PDF
parsed by the worker (``text_parse=worker``) and again with inline parsing. Embedded default:
``schedgen serve`` alone.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import FIXTURE_EXPECTED, fixture_pdfs
from tests.servers import Api, SchedgenProcess, base_env, serve_process, worker_process


def expected_for(pdf: Path) -> dict[str, object]:
    return json.loads((FIXTURE_EXPECTED / f"{pdf.stem}.json").read_text())


def check_every_fixture(api: Api) -> None:
    jobs: dict[str, Path] = {}
    for pdf in fixture_pdfs():
        expected = expected_for(pdf)
        response = api.upload(pdf.read_bytes(), pdf.name)
        if expected.get("error"):
            # A readable PDF that is not a UP schedule: refused at once, or failed by the worker.
            if response.status_code == 202:
                status = api.wait(response.json()["job_id"])
                assert status["status"] == "failed"
                assert status["error_code"] == "not_a_schedule"
                assert str(expected["error"]) in str(status["error"])
            else:
                assert response.status_code == 422, response.text
                assert response.json()["code"] == "not_a_schedule"
                assert str(expected["error"]) in response.json()["detail"]
            continue
        assert response.status_code == 202, response.text
        jobs[response.json()["job_id"]] = pdf
    assert jobs, "no fixture produced a job"
    for job_id, pdf in jobs.items():
        status = api.wait(job_id)
        assert status == {
            "job_id": job_id,
            "status": "completed",
            "error": None,
            "error_code": None,
        }
        result = api.result(job_id)
        assert result.status_code == 200
        assert result.json() == expected_for(pdf), pdf.name


def test_embedded_default_parses_every_fixture(embedded: SchedgenProcess) -> None:
    api = Api(embedded.base_url)
    check_every_fixture(api)
    metrics = api.http.get("/metrics")
    assert metrics.status_code == 200
    parsed = len(fixture_pdfs()) - 1  # invalid-format.pdf is refused
    assert f'schedgen_uploads_total{{route="inline"}} {parsed}.0' in metrics.text


def test_embedded_default_with_worker_parsing(tmp_path: Path) -> None:
    env = base_env(data_dir=str(tmp_path / "data"), text_parse="worker")
    server = serve_process(env, tmp_path)
    server.start()
    try:
        check_every_fixture(Api(server.base_url))
    finally:
        server.stop()


@pytest.mark.parametrize("text_parse", ["worker", "inline"])
def test_production_stack_parses_every_fixture(
    production_env: dict[str, str], tmp_path: Path, text_parse: str
) -> None:
    env = {**production_env, "SCHEDGEN_TEXT_PARSE": text_parse}
    server = serve_process(env, tmp_path, "--workers", "2")
    worker = worker_process(env, tmp_path)
    server.start()
    worker.start()
    try:
        check_every_fixture(Api(server.base_url))
    finally:
        server.stop()
        worker.stop()


def test_another_client_cannot_see_a_job(embedded: SchedgenProcess) -> None:
    owner = Api(embedded.base_url)
    job_id = owner.upload_ok(next(iter(fixture_pdfs())).read_bytes())
    owner.wait(job_id)
    stranger = Api(embedded.base_url, token="x" * 43)
    assert stranger.status(job_id).status_code == 404
    assert stranger.result(job_id).status_code == 404
    anonymous = Api(embedded.base_url)
    assert anonymous.status(job_id).status_code == 401
    assert owner.status(job_id).status_code == 200


def test_openapi_schema_is_served(embedded: SchedgenProcess) -> None:
    api = Api(embedded.base_url)
    schema = api.http.get("/schema/openapi.json").json()
    assert "/api/v1/uploads" in schema["paths"]
    assert "/api/v1/jobs/{job_id}/result" in schema["paths"]


def test_serve_shuts_down_cleanly_on_sigterm(tmp_path: Path) -> None:
    server = serve_process(base_env(data_dir=str(tmp_path / "data")), tmp_path, "--workers", "2")
    server.start()
    api = Api(server.base_url)
    job_id = api.upload_ok(fixture_pdfs()[0].read_bytes())
    assert api.wait(job_id)["status"] == "completed"
    api.close()
    assert server.stop() == 0
    log = server.log()
    assert "Traceback" not in log, log

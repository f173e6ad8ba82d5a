"""Faults on the production stack: a worker killed mid-job, Redis restarted with jobs queued,
PostgreSQL stopped under the server. Real processes throughout; nothing may be lost."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import FIXTURE_EXPECTED, fixture_pdfs
from tests.servers import (
    Api,
    PostgresServer,
    RedisServer,
    make_production_env,
    postgres_server,
    serve_process,
    wait_until,
    worker_process,
)


def schedule_pdfs() -> list[Path]:
    return [pdf for pdf in fixture_pdfs() if "error" not in _expected(pdf)]


def _expected(pdf: Path) -> dict[str, object]:
    return json.loads((FIXTURE_EXPECTED / f"{pdf.stem}.json").read_text())


def assert_all_completed(api: Api, jobs: dict[str, Path], timeout: float = 90) -> None:
    for job_id, pdf in jobs.items():
        status = api.wait(job_id, timeout=timeout)
        assert status["status"] == "completed", status
        assert api.result(job_id).json() == _expected(pdf)


def test_killed_worker_job_is_redelivered(
    postgres: PostgresServer, redis: RedisServer, tmp_path: Path
) -> None:
    # One job per second: the worker holds claimed jobs while it waits for a slot.
    env = make_production_env(postgres, redis, text_parse="worker", job_rate_per_s="1")
    server = serve_process(env, tmp_path)
    first = worker_process(env, tmp_path)
    second = worker_process(env, tmp_path)
    server.start()
    first.start()
    try:
        api = Api(server.base_url)
        jobs = {api.upload_ok(pdf.read_bytes(), pdf.name): pdf for pdf in schedule_pdfs()}

        def some_done_some_in_flight() -> bool:
            states = [api.status(job_id).json()["status"] for job_id in jobs]
            return "completed" in states and "processing" in states

        wait_until(some_done_some_in_flight, timeout=60, what="a worker mid-way through jobs")
        first.kill()
        in_flight = [j for j in jobs if api.status(j).json()["status"] != "completed"]
        assert in_flight, "every job finished before the kill"
        second.start()
        assert_all_completed(api, jobs)
    finally:
        server.stop()
        first.kill()
        second.stop()


def test_jobs_queued_across_a_redis_restart_complete(
    postgres: PostgresServer, redis: RedisServer, tmp_path: Path
) -> None:
    env = make_production_env(postgres, redis, text_parse="worker")
    server = serve_process(env, tmp_path)
    worker = worker_process(env, tmp_path)
    server.start()
    try:
        api = Api(server.base_url)
        jobs = {api.upload_ok(pdf.read_bytes(), pdf.name): pdf for pdf in schedule_pdfs()}
        assert {api.status(j).json()["status"] for j in jobs} == {"pending"}
        redis.stop()
        down = api.upload(schedule_pdfs()[0].read_bytes())
        assert down.status_code == 503
        assert down.headers["Retry-After"]
        redis.start()
        worker.start()
        assert_all_completed(api, jobs)
    finally:
        server.stop()
        worker.stop()


@pytest.fixture
def own_postgres() -> Iterator[PostgresServer]:
    with postgres_server() as server:
        yield server


def test_postgres_outage_answers_503_then_recovers(
    own_postgres: PostgresServer, redis: RedisServer, tmp_path: Path
) -> None:
    env = make_production_env(own_postgres, redis, text_parse="worker")
    server = serve_process(env, tmp_path, "--workers", "2")
    worker = worker_process(env, tmp_path)
    server.start()
    worker.start()
    pdf = schedule_pdfs()[0]
    try:
        api = Api(server.base_url)
        before = api.upload_ok(pdf.read_bytes(), pdf.name)
        assert api.wait(before)["status"] == "completed"
        own_postgres.stop()
        for _ in range(4):
            response = api.upload(pdf.read_bytes(), pdf.name)
            assert response.status_code == 503, response.text
            assert response.headers["Retry-After"]
            assert response.json()["code"] == "service_unavailable"
        ready = api.http.get("/health/ready")
        assert ready.status_code == 503
        assert ready.json()["checks"]["database"].startswith("failed")
        assert api.http.get("/health/live").status_code == 200
        own_postgres.start()

        def accepts_uploads() -> bool:
            try:
                return api.upload(pdf.read_bytes(), pdf.name).status_code == 202
            except httpx.HTTPError:
                return False

        started = time.monotonic()
        wait_until(accepts_uploads, timeout=60, what="the server to recover", interval=0.5)
        assert time.monotonic() - started < 60
        after = api.upload_ok(pdf.read_bytes(), pdf.name)
        assert api.wait(after)["status"] == "completed"
        assert api.http.get("/health/ready").status_code == 200
        assert "unexpected error" not in server.log()
    finally:
        server.stop()
        worker.stop()


def test_worker_retries_through_a_short_database_outage(
    own_postgres: PostgresServer, redis: RedisServer, tmp_path: Path
) -> None:
    # One job per second keeps jobs queued while the database goes away under the worker.
    env = make_production_env(
        own_postgres,
        redis,
        text_parse="worker",
        job_rate_per_s="1",
        job_min_backoff_ms="1000",
        job_max_backoff_ms="8000",
    )
    server = serve_process(env, tmp_path)
    worker = worker_process(env, tmp_path)
    server.start()
    worker.start()
    try:
        api = Api(server.base_url)
        jobs = {api.upload_ok(pdf.read_bytes(), pdf.name): pdf for pdf in schedule_pdfs()}
        own_postgres.stop()
        time.sleep(3.0)
        own_postgres.start()
        assert_all_completed(api, jobs)
        assert "Retrying message" in worker.log()
    finally:
        server.stop()
        worker.stop()

"""Migrations, the unmigrated-database refusal and the purge of expired records, on real
PostgreSQL and on the embedded SQLite file."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.servers import (
    PostgresServer,
    RedisServer,
    base_env,
    make_production_env,
    schedgen_command,
)

PURGE_PROBE = textwrap.dedent(
    """
    import asyncio, json
    from datetime import timedelta
    from schedgen_server.settings import get_settings
    from schedgen_server.domain.jobs import services as jobs
    from schedgen_server.db.tables import Job, Upload

    async def main():
        settings = get_settings()
        now = jobs.utcnow()
        await jobs.create_job(job_id="done", owner_hash="o", filename="a.pdf", content=None,
                              ocr=False, result={"source": "a.pdf", "kind": "exam", "rows": []})
        await jobs.create_job(job_id="bad", owner_hash="o", filename="b.pdf", content=b"%PDF-x",
                              ocr=False)
        await jobs.fail_job("bad", "not_a_schedule", "not a UP schedule")
        await jobs.create_job(job_id="waiting", owner_hash="o", filename="c.pdf",
                              content=b"%PDF-y", ocr=True)
        await jobs.create_job(job_id="parsed", owner_hash="o", filename="d.pdf",
                              content=b"%PDF-z", ocr=False)
        await jobs.complete_job("parsed", {"source": "d.pdf", "kind": "exam", "rows": []})
        report = {}
        for label, hours in (("now", 0), ("after 2 h", 2), ("after 25 h", 25)):
            purged = await jobs.purge_expired(settings, now + timedelta(hours=hours))
            ids = sorted(
                f"{row['id']}:{row['status']}"
                for row in await Job.select(Job.id, Job.status).run()
            )
            uploads = await Upload.count().run()
            report[label] = {"purged_jobs": purged.jobs, "jobs": ids, "uploads": uploads}
        print(json.dumps(report))

    asyncio.run(main())
    """
)


def run_purge_probe(env: dict[str, str]) -> dict[str, dict[str, object]]:
    completed = subprocess.run(
        [sys.executable, "-c", PURGE_PROBE], env=env, capture_output=True, text=True, timeout=60
    )
    assert completed.returncode == 0, completed.stderr
    report: dict[str, dict[str, object]] = json.loads(completed.stdout.strip().splitlines()[-1])
    return report


EXPECTED_PURGES = {
    # a finished job's bytes are gone at once; only the waiting job's remain
    "now": {
        "purged_jobs": 0,
        "jobs": ["bad:failed", "done:completed", "parsed:completed", "waiting:pending"],
        "uploads": 1,
    },
    # completed kept 1 h, failed 24 h; the waiting job's bytes stay for 24 h
    "after 2 h": {"purged_jobs": 2, "jobs": ["bad:failed", "waiting:pending"], "uploads": 1},
    # the job that never ran is failed when its bytes expire, then kept 24 h like any failure
    "after 25 h": {"purged_jobs": 1, "jobs": ["waiting:failed"], "uploads": 0},
}


def test_purge_on_postgresql(postgres: PostgresServer, redis: RedisServer) -> None:
    env = make_production_env(postgres, redis)
    assert run_purge_probe(env) == EXPECTED_PURGES


def test_purge_on_sqlite(tmp_path: Path) -> None:
    env = base_env(data_dir=str(tmp_path))
    migrate = subprocess.run(schedgen_command("migrate"), env=env, capture_output=True, text=True)
    assert migrate.returncode == 0, migrate.stderr
    assert "applied 1 migration" in migrate.stdout
    assert run_purge_probe(env) == EXPECTED_PURGES


def test_migrate_is_idempotent(postgres: PostgresServer, redis: RedisServer) -> None:
    env = make_production_env(postgres, redis)  # already migrated once
    again = subprocess.run(schedgen_command("migrate"), env=env, capture_output=True, text=True)
    assert again.returncode == 0, again.stderr
    assert "up to date" in again.stdout


@pytest.mark.parametrize("command", ["serve", "worker"])
def test_refuses_an_unmigrated_database(
    postgres: PostgresServer, redis: RedisServer, command: str
) -> None:
    database_url = postgres.create_database(f"unmigrated_{command}")
    env = base_env(database_url=database_url, redis_url=redis.url)
    completed = subprocess.run(
        schedgen_command(command), env=env, capture_output=True, text=True, timeout=60
    )
    assert completed.returncode == 2
    assert "the database is not migrated" in completed.stderr
    assert "run 'schedgen migrate' first" in completed.stderr
    assert "Traceback" not in completed.stderr


def test_half_configured_production_mode_is_refused(tmp_path: Path) -> None:
    env = base_env(redis_url="redis://127.0.0.1:1/0", data_dir=str(tmp_path))
    completed = subprocess.run(schedgen_command("serve"), env=env, capture_output=True, text=True)
    assert completed.returncode == 2
    assert "set both SCHEDGEN_DATABASE_URL and SCHEDGEN_REDIS_URL" in completed.stderr

"""Job records: create, read, move through their states, purge when they expire.

Used by the server (async) and by the workers (through ``asyncio.run``), so everything here is
plain Piccolo queries that work on PostgreSQL and SQLite alike.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cached_property
from typing import Any

import msgspec

from schedgen_server.db.tables import Job, JobStatus, Upload
from schedgen_server.settings import Settings


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class JobView:
    """What the status endpoint needs to answer (also the cached form)."""

    job_id: str
    owner_hash: str
    status: str
    error_code: str
    error: str

    @cached_property
    def public_json(self) -> bytes:
        """The status endpoint's body, encoded once."""
        return msgspec.json.encode(self.public())

    def public(self) -> dict[str, Any]:
        return {
            "job_id": self.job_id,
            "status": self.status,
            "error": self.error or None,
            "error_code": self.error_code or None,
        }

    def to_cache(self) -> dict[str, Any]:
        return {
            "job_id": self.job_id,
            "owner_hash": self.owner_hash,
            "status": self.status,
            "error_code": self.error_code,
            "error": self.error,
        }

    @classmethod
    def from_cache(cls, entry: dict[str, Any]) -> JobView:
        return cls(**entry)


async def create_job(
    *,
    job_id: str,
    owner_hash: str,
    filename: str,
    content: bytes | None,
    ocr: bool,
    result: dict[str, Any] | None = None,
) -> None:
    """Store a new job: pending with its upload's bytes, or already completed with a result."""
    now = utcnow()
    completed = result is not None
    job = Job(
        id=job_id,
        owner_hash=owner_hash,
        filename=filename,
        status=JobStatus.COMPLETED if completed else JobStatus.PENDING,
        ocr=ocr,
        result=result,
        created_at=now,
        updated_at=now,
        finished_at=now if completed else None,
    )
    await Job.insert(job).run()
    if content is not None:
        await Upload.insert(
            Upload(
                id=uuid.uuid4(),
                job_id=job_id,
                size=len(content),
                content=content,
                created_at=now,
            )
        ).run()


async def delete_job(job_id: str) -> None:
    await Upload.delete().where(Upload.job_id == job_id).run()
    await Job.delete().where(Job.id == job_id).run()


async def get_job_view(job_id: str) -> JobView | None:
    row = (
        await Job.select(Job.id, Job.owner_hash, Job.status, Job.error_code, Job.error)
        .where(Job.id == job_id)
        .first()
        .run()
    )
    if row is None:
        return None
    return JobView(
        job_id=row["id"],
        owner_hash=row["owner_hash"],
        status=row["status"],
        error_code=row["error_code"],
        error=row["error"],
    )


async def get_result(job_id: str) -> dict[str, Any] | None:
    row = await Job.select(Job.result).where(Job.id == job_id).first().run()
    if row is None or row["result"] is None:
        return None
    result = row["result"]
    if isinstance(result, str):
        import json

        result = json.loads(result)
    return dict(result)


async def count_pending() -> int:
    return int(await Job.count().where(Job.status == JobStatus.PENDING).run())


async def unfinished_job_ids() -> list[str]:
    rows = (
        await Job.select(Job.id)
        .where(Job.status.is_in([JobStatus.PENDING, JobStatus.PROCESSING]))
        .order_by(Job.created_at)
        .run()
    )
    return [row["id"] for row in rows]


@dataclass(frozen=True, slots=True)
class ClaimedJob:
    job_id: str
    filename: str
    ocr: bool
    content: bytes | None


async def claim_job(job_id: str) -> ClaimedJob | None:
    """Mark a job processing and hand back its bytes; None if it is gone or already finished."""
    row = (
        await Job.select(Job.status, Job.filename, Job.ocr, Job.attempts)
        .where(Job.id == job_id)
        .first()
        .run()
    )
    if row is None or row["status"] in JobStatus.FINISHED:
        return None
    await (
        Job.update(
            {
                Job.status: JobStatus.PROCESSING,
                Job.attempts: row["attempts"] + 1,
                Job.updated_at: utcnow(),
            }
        )
        .where(Job.id == job_id)
        .run()
    )
    upload = await Upload.select(Upload.content).where(Upload.job_id == job_id).first().run()
    content = None if upload is None else upload["content"]
    return ClaimedJob(
        job_id=job_id,
        filename=row["filename"],
        ocr=bool(row["ocr"]),
        content=None if content is None else bytes(content),
    )


async def complete_job(job_id: str, result: dict[str, Any]) -> None:
    now = utcnow()
    await (
        Job.update(
            {
                Job.status: JobStatus.COMPLETED,
                Job.result: result,
                Job.updated_at: now,
                Job.finished_at: now,
            }
        )
        .where(Job.id == job_id)
        .run()
    )
    await _drop_upload(job_id)


async def fail_job(job_id: str, code: str, message: str) -> None:
    now = utcnow()
    await (
        Job.update(
            {
                Job.status: JobStatus.FAILED,
                Job.error_code: code,
                Job.error: message,
                Job.updated_at: now,
                Job.finished_at: now,
            }
        )
        .where(Job.id == job_id)
        .run()
    )
    await _drop_upload(job_id)


async def _drop_upload(job_id: str) -> None:
    await Upload.delete().where(Upload.job_id == job_id).run()


@dataclass(frozen=True, slots=True)
class PurgeReport:
    jobs: int
    uploads: int


async def purge_expired(settings: Settings, now: datetime | None = None) -> PurgeReport:
    """Delete completed jobs after ``completed_job_ttl_s``, failed ones after
    ``failed_job_ttl_s`` and any uploaded bytes after ``upload_ttl_s``; fail jobs left unfinished
    that long."""
    now = now or utcnow()
    completed_before = now - timedelta(seconds=settings.completed_job_ttl_s)
    failed_before = now - timedelta(seconds=settings.failed_job_ttl_s)
    uploads_before = now - timedelta(seconds=settings.upload_ttl_s)
    expired = ((Job.status == JobStatus.COMPLETED) & (Job.finished_at < completed_before)) | (
        (Job.status == JobStatus.FAILED) & (Job.finished_at < failed_before)
    )
    expired_ids = [row["id"] for row in await Job.select(Job.id).where(expired).run()]
    # A job still unfinished when its bytes expire never will finish (say its last retry failed
    # while the database was down): it fails now and is purged like any failed job.
    await (
        Job.update(
            {
                Job.status: JobStatus.FAILED,
                Job.error_code: "abandoned",
                Job.error: "the job did not finish in time; upload the PDF again",
                Job.updated_at: now,
                Job.finished_at: now,
            }
        )
        .where(
            Job.status.is_in([JobStatus.PENDING, JobStatus.PROCESSING])
            & (Job.updated_at < uploads_before)
        )
        .run()
    )
    uploads = await Upload.select(Upload.id).where(Upload.created_at < uploads_before).run()
    if expired_ids:
        await Upload.delete().where(Upload.job_id.is_in(expired_ids)).run()
        await Job.delete().where(Job.id.is_in(expired_ids)).run()
    if uploads:
        await Upload.delete().where(Upload.created_at < uploads_before).run()
    return PurgeReport(jobs=len(expired_ids), uploads=len(uploads))

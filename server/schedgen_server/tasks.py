"""The Dramatiq broker and the parse actor.

Production mode: a Redis broker shared by the server (which enqueues) and any number of
``schedgen worker`` processes. Embedded default: a StubBroker drained by a worker thread inside
the server process. Importing this module sets the global broker from the settings.

A job runs at most ``job_time_limit_s``; the parse inside it runs in a killable child process
(schedgen_server.parsing). A bad PDF fails the job at once with the core's message; anything else
(database or Redis down, the parse process killed) is retried ``job_max_retries`` times with
exponential backoff, then the job fails.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import dramatiq
import redis
import structlog
from dramatiq.brokers.redis import RedisBroker
from dramatiq.brokers.stub import StubBroker
from dramatiq.middleware import CurrentMessage
from dramatiq.rate_limits import RateLimiter, WindowRateLimiter
from dramatiq.rate_limits.backends import RedisBackend, StubBackend

from schedgen_core.errors import ScheduleError
from schedgen_server.db.tables import JobStatus
from schedgen_server.domain.jobs import services as jobs
from schedgen_server.parsing import configure_pool, parse_bounded
from schedgen_server.settings import Settings, get_settings
from schedgen_server.status_cache import publish_sync

QUEUE_NAME = "schedgen-parse"
log = structlog.get_logger(__name__)


def build_broker(settings: Settings) -> dramatiq.Broker:
    broker: dramatiq.Broker
    if settings.redis_url:
        broker = RedisBroker(
            url=settings.redis_url,
            heartbeat_timeout=settings.worker_heartbeat_timeout_ms,
            maintenance_chance=settings.worker_maintenance_chance,
        )
    else:
        broker = StubBroker()
        broker.emit_after("process_boot")
    broker.add_middleware(CurrentMessage())
    return broker


def build_rate_limiter(settings: Settings) -> RateLimiter:
    backend: Any
    if settings.redis_url:
        backend = RedisBackend(client=redis.Redis.from_url(settings.redis_url))
    else:
        backend = StubBackend()
    return WindowRateLimiter(
        backend, "schedgen-parse-jobs", limit=settings.job_rate_per_s, window=1
    )


settings = get_settings()
configure_pool(settings.parse_processes)
broker = build_broker(settings)
dramatiq.set_broker(broker)
rate_limiter = build_rate_limiter(settings)
cache_client = redis.Redis.from_url(settings.redis_url) if settings.redis_url else None


@contextmanager
def _rate_limited(deadline_s: float) -> Iterator[None]:
    """Wait for a slot under the jobs-per-second limit shared by every worker."""
    deadline = time.monotonic() + deadline_s
    while True:
        with rate_limiter.acquire(raise_on_failure=False) as acquired:
            if acquired:
                yield
                return
        if time.monotonic() > deadline:
            raise dramatiq.RateLimitExceeded("no processing slot free")
        time.sleep(0.05)


def _run(coroutine_factory: Callable[[], Any]) -> Any:
    return asyncio.run(coroutine_factory())


def _publish(job_id: str) -> None:
    """Put the job's new status in the status cache."""
    if cache_client is None:
        return
    view = _run(lambda: jobs.get_job_view(job_id))
    publish_sync(cache_client, job_id, None if view is None else view.to_cache(), settings)


def process_job(job_id: str, settings: Settings = settings) -> str:
    """Parse one job's upload and record the outcome; return the job's final status.

    Raises on a transient fault so that Dramatiq retries the message."""
    claimed = _run(lambda: jobs.claim_job(job_id))
    _publish(job_id)
    if claimed is None:
        return "gone"
    if claimed.content is None:
        _run(lambda: jobs.fail_job(job_id, "upload_expired", "the uploaded file has expired"))
        _publish(job_id)
        return JobStatus.FAILED
    time_limit = min(settings.parse_time_limit_s, settings.job_time_limit_s - 5)
    limits = settings.parse_limits(time_limit)
    try:
        with _rate_limited(deadline_s=settings.job_time_limit_s / 2):
            result = parse_bounded(
                claimed.content,
                name=claimed.filename,
                ocr=True,
                limits=limits,
                time_limit_s=time_limit,
            )
    except ScheduleError as exc:
        code, message = exc.code, str(exc)
        _run(lambda: jobs.fail_job(job_id, code, message))
        _publish(job_id)
        log.info("job failed", job_id=job_id, code=code)
        return JobStatus.FAILED
    _run(lambda: jobs.complete_job(job_id, result))
    _publish(job_id)
    log.info("job completed", job_id=job_id, rows=len(result.get("rows", [])))
    return JobStatus.COMPLETED


@dramatiq.actor(
    actor_name="parse_upload",
    queue_name=QUEUE_NAME,
    max_retries=settings.job_max_retries,
    min_backoff=settings.job_min_backoff_ms,
    max_backoff=settings.job_max_backoff_ms,
    time_limit=int(settings.job_time_limit_s * 1000),
)
def parse_upload(job_id: str) -> None:
    try:
        process_job(job_id)
    except Exception as exc:
        message = CurrentMessage.get_current_message()
        retries = 0 if message is None else message.options.get("retries", 0)
        if retries < settings.job_max_retries:
            log.warning("job hit a transient fault; retrying", job_id=job_id, error=str(exc))
            raise
        log.error("job failed after retries", job_id=job_id, error=str(exc))
        try:
            _run(
                lambda: jobs.fail_job(
                    job_id,
                    "internal_error",
                    f"the job failed {retries + 1} times on a temporary fault; upload it again",
                )
            )
            _publish(job_id)
        except Exception:
            raise exc from None


def enqueue(job_id: str) -> None:
    parse_upload.send(job_id)

"""What the app needs while it runs, started and stopped with it (Litestar lifespan).

- the database engine (PostgreSQL pool, or the embedded SQLite file); it must be migrated;
- in production, a Redis client for the status cache;
- in the embedded default, a Dramatiq worker thread in this process, and the jobs a previous run
  left unfinished put back on its queue;
- a loop that purges expired jobs and uploads.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import anyio
import dramatiq
import redis.asyncio
import structlog
from litestar import Litestar
from piccolo.engine import engine_finder

from schedgen_server.db.engine import close_pool, start_pool
from schedgen_server.db.migrate import ensure_migrated
from schedgen_server.domain.jobs import services as jobs
from schedgen_server.local_cache import LocalCache
from schedgen_server.parsing import configure_pool
from schedgen_server.settings import Settings
from schedgen_server.status_cache import StatusCache

log = structlog.get_logger(__name__)


@dataclass
class Resources:
    settings: Settings
    status_cache: StatusCache | None = None
    redis_client: redis.asyncio.Redis | None = None
    inline_limiter: anyio.CapacityLimiter = field(default_factory=lambda: anyio.CapacityLimiter(4))
    embedded_worker: dramatiq.Worker | None = None
    finished_statuses: LocalCache = field(default_factory=lambda: LocalCache(60))


def resources(app: Litestar) -> Resources:
    res: Resources = app.state.resources
    return res


async def _purge_forever(settings: Settings) -> None:
    while True:
        await asyncio.sleep(settings.purge_interval_s)
        try:
            report = await jobs.purge_expired(settings)
            if report.jobs or report.uploads:
                log.info("purged expired records", jobs=report.jobs, uploads=report.uploads)
        except Exception as exc:
            log.warning("purge failed; will try again", error=repr(exc))


@contextlib.asynccontextmanager
async def lifespan(app: Litestar) -> AsyncIterator[None]:
    res = resources(app)
    settings = res.settings
    engine: Any = engine_finder()
    # `schedgen serve` migrates the embedded SQLite file before Granian starts its workers.
    await ensure_migrated()
    await start_pool(engine, settings)
    parse_pool = configure_pool(settings.parse_processes)
    # In the background: a shutdown during start-up must not wait for it.
    threading.Thread(target=parse_pool.warm_up, name="parse-pool-warm-up", daemon=True).start()
    from schedgen_server import tasks

    if settings.redis_url:
        res.redis_client = redis.asyncio.Redis.from_url(
            settings.redis_url, socket_timeout=2, socket_connect_timeout=2
        )
        res.status_cache = StatusCache(res.redis_client, settings)
    else:
        res.embedded_worker = dramatiq.Worker(
            tasks.broker, worker_threads=settings.embedded_worker_threads, worker_timeout=100
        )
        res.embedded_worker.start()
        for job_id in await jobs.unfinished_job_ids():
            tasks.enqueue(job_id)
    purge_task = asyncio.create_task(_purge_forever(settings))
    try:
        yield
    finally:
        purge_task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await purge_task
        if res.embedded_worker is not None:
            await anyio.to_thread.run_sync(res.embedded_worker.stop)
        if res.redis_client is not None:
            await res.redis_client.aclose()
        await close_pool(engine)
        await anyio.to_thread.run_sync(parse_pool.close)

"""The job-status cache in Redis (production mode only).

Polling clients hit the cache, not the database: a finished job's status is kept for
``status_cache_completed_s``, a pending one for ``status_cache_pending_s``. The worker that
changes a job overwrites its entry with the new status; the server only fills a missing entry
(``SET NX``), so a status it read just before the change can never replace the newer one. A Redis
fault never fails a request: the cache is skipped and the database answers.
"""

from __future__ import annotations

import json
from typing import Any

import redis
import redis.asyncio
import structlog

from schedgen_server.settings import Settings

KEY_PREFIX = "schedgen:job-status:"
log = structlog.get_logger(__name__)


def cache_key(job_id: str) -> str:
    return KEY_PREFIX + job_id


class StatusCache:
    """Async cache used by the server."""

    def __init__(self, client: redis.asyncio.Redis, settings: Settings) -> None:
        self._client = client
        self._settings = settings

    async def get(self, job_id: str) -> dict[str, Any] | None:
        try:
            raw = await self._client.get(cache_key(job_id))
        except redis.RedisError as exc:
            log.warning("status cache unavailable", error=str(exc))
            return None
        return None if raw is None else json.loads(raw)

    async def fill(self, job_id: str, entry: dict[str, Any]) -> None:
        """Cache a status read from the database unless a newer one is already there."""
        try:
            await self._client.set(
                cache_key(job_id), json.dumps(entry), ex=ttl_for(entry, self._settings), nx=True
            )
        except redis.RedisError as exc:
            log.warning("status cache unavailable", error=str(exc))

    async def invalidate(self, job_id: str) -> None:
        try:
            await self._client.delete(cache_key(job_id))
        except redis.RedisError as exc:
            log.warning("status cache unavailable", error=str(exc))


def ttl_for(entry: dict[str, Any], settings: Settings) -> int:
    if entry["status"] in ("completed", "failed"):
        return settings.status_cache_completed_s
    return settings.status_cache_pending_s


def publish_sync(
    client: redis.Redis | None, job_id: str, entry: dict[str, Any] | None, settings: Settings
) -> None:
    """From a worker: replace a job's cached status with its new one (or drop it)."""
    if client is None:
        return
    try:
        if entry is None:
            client.delete(cache_key(job_id))
        else:
            client.set(cache_key(job_id), json.dumps(entry), ex=ttl_for(entry, settings))
    except redis.RedisError as exc:
        log.warning("status cache unavailable", error=str(exc))

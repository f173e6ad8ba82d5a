"""Every server setting, read from the environment in one place.

Each field is one ``SCHEDGEN_<FIELD NAME IN CAPITALS>`` variable. With neither
``SCHEDGEN_DATABASE_URL`` nor ``SCHEDGEN_REDIS_URL`` set the server runs the embedded default: a
SQLite file under ``SCHEDGEN_DATA_DIR`` and an in-process Dramatiq worker. Both set is production
mode: PostgreSQL, a Redis broker and separate ``schedgen worker`` processes.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field, fields
from functools import cache
from pathlib import Path
from typing import Any, Literal

from schedgen_core.pdf import ParseLimits

ENV_PREFIX = "SCHEDGEN_"


def _default_data_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "schedgen"


class SettingsError(ValueError):
    """An environment variable holds a value the server cannot use."""


@dataclass(frozen=True, slots=True)
class Settings:
    """The server's configuration (DESIGN §2 and §5)."""

    database_url: str | None = None
    """``postgresql://user:pass@host:port/db``; unset means a SQLite file in ``data_dir``."""
    redis_url: str | None = None
    """``redis://host:port/db`` for the queue and the status cache; unset means in-process."""
    data_dir: Path = field(default_factory=_default_data_dir)
    """Where the embedded default keeps its SQLite database."""

    max_upload_bytes: int = 10 * 1024 * 1024
    """Largest accepted PDF, enforced while the request body streams in."""
    max_pages: int = 100
    """Most pages accepted in one PDF."""
    parse_time_limit_s: float = 60.0
    """Longest one parse may run before it is killed."""
    text_parse: Literal["inline", "worker"] = "inline"
    """Where PDFs with a text layer are parsed: in the upload request or by a worker.

    Image-only PDFs (OCR) always go to a worker."""
    parse_processes: int = 2
    """Parse child processes per server or worker process (most parses it runs at a time)."""

    job_time_limit_s: float = 300.0
    """Longest one job may run in a worker (Dramatiq time limit)."""
    job_max_retries: int = 3
    """Retries of a job after a transient fault; a bad PDF is never retried."""
    job_min_backoff_ms: int = 1_000
    """First retry delay; it doubles each time (exponential backoff)."""
    job_max_backoff_ms: int = 60_000
    """Longest retry delay."""
    queue_cap: int = 500
    """Most pending jobs; further uploads get 503 with Retry-After."""
    queue_full_retry_after_s: int = 30
    """The Retry-After sent with a 503 when the queue is full."""
    job_rate_per_s: int = 10
    """Most jobs started per second across all workers (Dramatiq rate limiter)."""

    completed_job_ttl_s: int = 3_600
    """How long a completed job and its result are kept."""
    failed_job_ttl_s: int = 86_400
    """How long a failed job is kept."""
    upload_ttl_s: int = 86_400
    """Uploaded bytes are deleted after the parse, or after this long at the latest."""
    purge_interval_s: float = 60.0
    """How often the server deletes expired jobs and uploads."""

    db_pool_size: int = 50
    """Most PostgreSQL connections per server process."""
    db_acquire_timeout_s: float = 30.0
    """Longest wait for a pooled connection before the request fails with 503."""
    db_statement_timeout_s: float = 10.0
    """PostgreSQL ``statement_timeout`` for every connection."""

    status_cache_completed_s: int = 3_600
    """How long a finished job's status stays in the Redis cache."""
    status_cache_pending_s: int = 60
    """How long a pending or processing job's status stays in the Redis cache."""
    local_status_cache_s: int = 60
    """How long a server process remembers a finished job's status itself (finished statuses
    never change; a purged job may still read as finished this long)."""

    embedded_worker_threads: int = 2
    """Worker threads of the in-process worker (embedded default only)."""
    worker_heartbeat_timeout_ms: int = 60_000
    """After this long without a heartbeat a worker counts as dead and its jobs are redelivered."""
    worker_maintenance_chance: int = 1_000
    """Per million broker calls: how often a worker looks for dead workers' messages."""

    @property
    def production(self) -> bool:
        """PostgreSQL and Redis configured: separate worker processes."""
        return self.database_url is not None and self.redis_url is not None

    def parse_limits(self, time_limit_s: float | None = None) -> ParseLimits:
        """The core's limits for one parse under these settings."""
        return ParseLimits(
            max_bytes=self.max_upload_bytes,
            max_pages=self.max_pages,
            max_seconds=self.parse_time_limit_s if time_limit_s is None else time_limit_s,
        )

    @property
    def sqlite_path(self) -> Path:
        """The embedded default's database file."""
        return self.data_dir / "schedgen.sqlite3"

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Settings:
        """Build the settings from ``SCHEDGEN_*`` variables; unset ones keep their defaults."""
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for spec in fields(cls):
            raw = env.get(ENV_PREFIX + spec.name.upper())
            if raw is None or raw == "":
                continue
            values[spec.name] = _convert(spec, raw)
        settings = cls(**values)
        if (settings.database_url is None) != (settings.redis_url is None):
            raise SettingsError(
                "set both SCHEDGEN_DATABASE_URL and SCHEDGEN_REDIS_URL (production mode) "
                "or neither (embedded default)"
            )
        return settings

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **changes)


def _convert(spec: dataclasses.Field[Any], raw: str) -> Any:
    name = ENV_PREFIX + spec.name.upper()
    kind = str(spec.type)
    try:
        if kind.startswith("int"):
            return int(raw)
        if kind.startswith("float"):
            return float(raw)
        if kind.startswith("Path"):
            return Path(raw).expanduser()
        if kind.startswith("Literal"):
            allowed = [part.strip(" '\"") for part in kind[8:-1].split(",")]
            if raw not in allowed:
                raise ValueError(f"expected one of {', '.join(allowed)}")
            return raw
    except ValueError as exc:
        raise SettingsError(f"{name}={raw!r}: {exc}") from None
    return raw


@cache
def get_settings() -> Settings:
    """The process's settings, read once."""
    return Settings.from_env()

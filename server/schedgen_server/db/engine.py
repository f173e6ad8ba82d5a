"""Build the Piccolo engine the settings ask for.

PostgreSQL gets a bounded pool: ``db_pool_size`` connections, a ``db_acquire_timeout_s`` wait for
a free one and a server-side ``statement_timeout``. SQLite (the embedded default) waits up to 30 s
for a lock and runs in WAL mode so the in-process worker and the server do not block each other.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from piccolo.engine.base import Engine
from piccolo.engine.postgres import PostgresEngine
from piccolo.engine.sqlite import SQLiteEngine

from schedgen_server.settings import Settings


class PooledPostgresEngine(PostgresEngine):
    """A PostgresEngine whose pool acquisition gives up after a timeout."""

    acquire_timeout_s: float = 30.0

    async def _run_in_pool(self, query: str, args: Sequence[Any] | None = None) -> Any:
        if not self.pool:
            raise ValueError("A pool isn't currently running.")
        async with self.pool.acquire(timeout=self.acquire_timeout_s) as connection:
            return await connection.fetch(query, *(args or []))


def build_engine(settings: Settings) -> Engine[Any]:
    if settings.database_url:
        statement_timeout_ms = int(settings.db_statement_timeout_s * 1000)
        engine = PooledPostgresEngine(
            config={
                "dsn": settings.database_url,
                "timeout": 10,
                "server_settings": {"statement_timeout": str(statement_timeout_ms)},
            }
        )
        engine.acquire_timeout_s = settings.db_acquire_timeout_s
        return engine
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    return SQLiteEngine(path=str(settings.sqlite_path), timeout=30)


async def start_pool(engine: Engine[Any], settings: Settings) -> None:
    """Open the connection pool (PostgreSQL only; SQLite has none)."""
    if isinstance(engine, PostgresEngine):
        await engine.start_connection_pool(min_size=0, max_size=settings.db_pool_size)


async def close_pool(engine: Engine[Any]) -> None:
    if isinstance(engine, PostgresEngine) and engine.pool is not None:
        await engine.close_connection_pool()

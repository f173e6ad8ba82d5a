"""Apply the server's Piccolo migrations, or tell whether any are missing."""

from __future__ import annotations

import contextlib
import io

from piccolo.apps.migrations.commands.check import CheckMigrationManager
from piccolo.apps.migrations.commands.forwards import run_forwards
from piccolo.engine import engine_finder
from piccolo.engine.sqlite import SQLiteEngine

from schedgen_server.db.piccolo_app import APP_NAME


class DatabaseNotMigratedError(RuntimeError):
    """The database lacks migrations this version of the server needs."""


async def apply_migrations() -> list[str]:
    """Run every pending migration; return the ids that were applied."""
    before = set(await pending_migrations())
    engine = engine_finder()
    if isinstance(engine, SQLiteEngine):
        # WAL lets the embedded worker thread write while the server reads.
        await engine.run_ddl("PRAGMA journal_mode=WAL")
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        result = await run_forwards(app_name=APP_NAME, migration_id="all")
    if not result.success:
        raise RuntimeError(f"migration failed: {result.message}\n{output.getvalue()}")
    return sorted(before)


async def pending_migrations() -> list[str]:
    """Ids of migrations the database has not run yet."""
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        manager = CheckMigrationManager(app_name=APP_NAME)
        statuses = await manager.get_migration_statuses()
    return [status.migration_id for status in statuses if not status.has_ran]


async def ensure_migrated() -> None:
    """Raise DatabaseNotMigratedError with a clear message when migrations are missing."""
    missing = await pending_migrations()
    if missing:
        raise DatabaseNotMigratedError(
            f"the database is not migrated ({len(missing)} migration(s) missing: "
            f"{', '.join(missing)}); run 'schedgen migrate' first"
        )

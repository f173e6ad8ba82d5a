"""``schedgen serve``, ``schedgen worker`` and ``schedgen migrate`` (``schedgen.commands``)."""

from __future__ import annotations

import argparse
import asyncio
from typing import Any

from schedgen_core.cli import CommandError


def _settings() -> Any:
    from schedgen_server.settings import SettingsError, get_settings

    try:
        return get_settings()
    except SettingsError as exc:
        raise CommandError(str(exc)) from None


def _database_call(coroutine: Any) -> Any:
    from schedgen_server.db.migrate import DatabaseNotMigratedError

    try:
        return asyncio.run(coroutine)
    except DatabaseNotMigratedError as exc:
        raise CommandError(str(exc)) from None
    except OSError as exc:
        raise CommandError(f"cannot reach the database: {exc}") from None


def _where(settings: Any) -> str:
    if settings.production:
        return "production mode (PostgreSQL + Redis, separate workers)"
    return f"embedded default (SQLite at {settings.sqlite_path}, in-process worker)"


def _serve(args: argparse.Namespace) -> int:
    from granian import Granian
    from granian.constants import Interfaces

    settings = _settings()
    from schedgen_server.db.migrate import apply_migrations, ensure_migrated

    _database_call(ensure_migrated() if settings.production else apply_migrations())
    print(f"schedgen serve: {_where(settings)} on http://{args.host}:{args.port}", flush=True)
    Granian(
        "schedgen_server.app:create_app",
        address=args.host,
        port=args.port,
        workers=args.workers,
        interface=Interfaces.ASGI,
        factory=True,
        log_access=False,
    ).serve()
    return 0


def _worker(args: argparse.Namespace) -> int:
    settings = _settings()
    if not settings.production:
        raise CommandError(
            "schedgen worker needs SCHEDGEN_DATABASE_URL and SCHEDGEN_REDIS_URL; "
            "on the embedded default 'schedgen serve' runs its own worker"
        )
    from schedgen_server.db.migrate import ensure_migrated

    _database_call(ensure_migrated())
    from dramatiq.cli import main as dramatiq_main
    from dramatiq.cli import make_argument_parser

    from schedgen_server.tasks import QUEUE_NAME

    dramatiq_args = make_argument_parser().parse_args(
        [
            "schedgen_server.tasks",
            "--processes",
            str(args.processes),
            "--threads",
            str(args.threads),
            "--queues",
            QUEUE_NAME,
        ]
    )
    return int(dramatiq_main(dramatiq_args) or 0)


def _migrate(_: argparse.Namespace) -> int:
    settings = _settings()
    from schedgen_server.db.migrate import apply_migrations

    applied = _database_call(apply_migrations())
    where = "PostgreSQL" if settings.database_url else str(settings.sqlite_path)
    if applied:
        print(f"applied {len(applied)} migration(s) to {where}: {', '.join(applied)}")
    else:
        print(f"{where} is up to date")
    return 0


def register_serve(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="run the HTTP server (embedded default unless configured)",
        description="Serve the schedgen API with Granian until SIGTERM/SIGINT. Without "
        "SCHEDGEN_DATABASE_URL/SCHEDGEN_REDIS_URL it runs the embedded default: a SQLite file "
        "and an in-process worker.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port to bind (8000)")
    parser.add_argument("--workers", type=int, default=1, help="server processes (1)")
    parser.set_defaults(handler=_serve)


def register_worker(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "worker",
        help="run Dramatiq workers that parse queued uploads (production mode)",
        description="Consume parse jobs from Redis; run any number on any machine.",
    )
    parser.add_argument("--processes", type=int, default=2, help="worker processes (2)")
    parser.add_argument("--threads", type=int, default=4, help="threads per process (4)")
    parser.set_defaults(handler=_worker)


def register_migrate(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "migrate",
        help="create or update the server's database tables",
        description="Apply the server's Piccolo migrations to the configured database.",
    )
    parser.set_defaults(handler=_migrate)

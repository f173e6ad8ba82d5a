"""Throwaway PostgreSQL and Redis servers, and schedgen server/worker processes, for tests.

Each server listens on 127.0.0.1 on a free port, keeps its data in a temporary directory and can
be stopped and started again on the same port and data (for fault tests). PostgreSQL refuses to
run as root, so as root its commands run as the ``postgres`` user.

Without the server binaries a test skips, except under ``CI=true`` where it fails.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

POSTGRES_BIN_DIRS = sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def require_binary(name: str, candidates: list[Path] | None = None) -> str:
    """Path of a server binary; skip the test (fail under CI=true) when it is missing."""
    for directory in candidates or []:
        if (directory / name).exists():
            return str(directory / name)
    found = shutil.which(name)
    if found:
        return found
    message = f"{name} is not installed (see scripts/test-debs.txt)"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def _as_postgres_user(command: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


@dataclass
class PostgresServer:
    data_dir: Path
    port: int
    bin_dir: Path
    log_file: Path

    @property
    def dsn_base(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}"

    def url(self, database: str = "postgres") -> str:
        return f"{self.dsn_base}/{database}"

    def _pg_ctl(self, *args: str) -> None:
        subprocess.run(
            _as_postgres_user([str(self.bin_dir / "pg_ctl"), "-D", str(self.data_dir), *args]),
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=60,
        )

    def start(self) -> None:
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.data_dir} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
            "-c max_connections=300"
        )
        self._pg_ctl("-o", options, "-l", str(self.log_file), "-w", "-t", "30", "start")

    def stop(self) -> None:
        self._pg_ctl("-m", "fast", "-w", "stop")

    def create_database(self, name: str) -> str:
        subprocess.run(
            [
                str(self.bin_dir / "psql"),
                "-h",
                "127.0.0.1",
                "-p",
                str(self.port),
                "-U",
                "postgres",
                "-q",
                "-c",
                f'CREATE DATABASE "{name}"',
            ],
            check=True,
            stdout=subprocess.DEVNULL,
            timeout=30,
        )
        return self.url(name)


@contextlib.contextmanager
def postgres_server() -> Iterator[PostgresServer]:
    initdb = Path(require_binary("initdb", POSTGRES_BIN_DIRS))
    bin_dir = initdb.parent
    base = Path(tempfile.mkdtemp(prefix="schedgen-pg-"))
    data_dir = base / "data"
    data_dir.mkdir()
    if os.geteuid() == 0:
        shutil.chown(base, "postgres")
        shutil.chown(data_dir, "postgres")
    subprocess.run(
        _as_postgres_user(
            [str(initdb), "-D", str(data_dir), "-U", "postgres", "--auth=trust", "-E", "UTF8"]
        ),
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        timeout=120,
    )
    server = PostgresServer(data_dir, free_port(), bin_dir, base / "postgres.log")
    server.start()
    try:
        yield server
    finally:
        with contextlib.suppress(Exception):
            server.stop()
        shutil.rmtree(base, ignore_errors=True)


@dataclass
class RedisServer:
    data_dir: Path
    port: int
    binary: str
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                self.binary,
                "--bind",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--dir",
                str(self.data_dir),
                "--appendonly",
                "yes",
                "--appendfsync",
                "everysec",
                "--save",
                "",
                "--maxmemory-policy",
                "volatile-lru",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_until(self._answers, timeout=20, what=f"redis on port {self.port}")

    def _answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=1) as sock:
                sock.sendall(b"PING\r\n")
                return sock.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def stop(self) -> None:
        """A clean SHUTDOWN (the AOF is flushed)."""
        if self.process is None:
            return
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=30)
        self.process = None


@contextlib.contextmanager
def redis_server() -> Iterator[RedisServer]:
    binary = require_binary("redis-server")
    data_dir = Path(tempfile.mkdtemp(prefix="schedgen-redis-"))
    server = RedisServer(data_dir, free_port(), binary)
    server.start()
    try:
        yield server
    finally:
        with contextlib.suppress(Exception):
            server.stop()
        shutil.rmtree(data_dir, ignore_errors=True)


def wait_until(predicate: object, *, timeout: float, what: str, interval: float = 0.1) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():  # type: ignore[operator]
            return
        time.sleep(interval)
    raise TimeoutError(f"gave up waiting for {what} after {timeout:g} s")


def schedgen_command(*args: str) -> list[str]:
    return [str(Path(sys.executable).parent / "schedgen"), *args]


@dataclass
class SchedgenProcess:
    """A ``schedgen serve`` or ``schedgen worker`` child process with its own log file."""

    args: list[str]
    env: dict[str, str]
    log_path: Path
    process: subprocess.Popen[bytes] | None = None
    port: int | None = None
    ready_line: str | None = None
    _log: object = field(default=None, repr=False)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        log = self.log_path.open("ab")
        self._log = log
        self.process = subprocess.Popen(
            schedgen_command(*self.args),
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        if self.port is not None:
            wait_until(self._ready, timeout=60, what=f"schedgen {self.args[0]} to answer")
        if self.ready_line is not None:
            wait_until(self._logged_ready, timeout=60, what=f"schedgen {self.args[0]} to be ready")

    def _logged_ready(self) -> bool:
        assert self.process is not None
        assert self.ready_line is not None
        if self.process.poll() is not None:
            raise RuntimeError(f"schedgen exited early:\n{self.log()}")
        return self.ready_line in self.log()

    def _ready(self) -> bool:
        assert self.process is not None
        if self.process.poll() is not None:
            raise RuntimeError(f"schedgen exited early:\n{self.log()}")
        try:
            return httpx.get(f"{self.base_url}/health/live", timeout=1).status_code == 200
        except httpx.HTTPError:
            return False

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")[-5000:]

    def kill(self) -> None:
        """SIGKILL the whole process group (a crash, no clean shutdown)."""
        if self.process is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)
        self.process = None

    def stop(self) -> int | None:
        """SIGTERM, then wait; the exit code (None if it had to be killed)."""
        if self.process is None:
            return None
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGTERM)
        try:
            code: int | None = self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.kill()
            code = None
        self.process = None
        return code


def serve_process(env: dict[str, str], log_dir: Path, *extra: str) -> SchedgenProcess:
    port = free_port()
    return SchedgenProcess(
        ["serve", "--port", str(port), *extra],
        env,
        log_dir / f"serve-{port}.log",
        port=port,
    )


def worker_process(
    env: dict[str, str], log_dir: Path, processes: int = 1, threads: int = 2
) -> SchedgenProcess:
    name = f"worker-{time.monotonic_ns()}"
    return SchedgenProcess(
        ["worker", "--processes", str(processes), "--threads", str(threads)],
        env,
        log_dir / f"{name}.log",
        ready_line="Worker process is ready for action",
    )


def base_env(**settings: str) -> dict[str, str]:
    """The current environment minus any SCHEDGEN_* variable, plus the given settings."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("SCHEDGEN_")}
    env["SCHEDGEN_FIXTURES"] = os.environ.get("SCHEDGEN_FIXTURES", "")
    if not env["SCHEDGEN_FIXTURES"]:
        del env["SCHEDGEN_FIXTURES"]
    env.pop("PICCOLO_CONF", None)
    env.update({f"SCHEDGEN_{key.upper()}": value for key, value in settings.items()})
    return env


class Api:
    """A client of the schedgen HTTP API holding one client token."""

    def __init__(self, base_url: str, token: str | None = None) -> None:
        self.base_url = base_url
        self.token = token
        self.http = httpx.Client(base_url=base_url, timeout=60)

    def _auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"} if self.token else {}

    def upload(self, content: bytes, filename: str = "upload.pdf") -> httpx.Response:
        response = self.http.post(
            "/api/v1/uploads",
            files={"file": (filename, content, "application/pdf")},
            headers=self._auth(),
        )
        if response.status_code == 202 and response.json().get("client_token"):
            self.token = response.json()["client_token"]
        return response

    def upload_ok(self, content: bytes, filename: str = "upload.pdf") -> str:
        response = self.upload(content, filename)
        assert response.status_code == 202, response.text
        return str(response.json()["job_id"])

    def status(self, job_id: str) -> httpx.Response:
        return self.http.get(f"/api/v1/jobs/{job_id}", headers=self._auth())

    def result(self, job_id: str) -> httpx.Response:
        return self.http.get(f"/api/v1/jobs/{job_id}/result", headers=self._auth())

    def wait(self, job_id: str, timeout: float = 60) -> dict[str, object]:
        """Poll until the job is completed or failed; return its status object."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            response = self.status(job_id)
            assert response.status_code == 200, response.text
            body: dict[str, object] = response.json()
            if body["status"] in ("completed", "failed"):
                return body
            time.sleep(0.1)
        raise TimeoutError(f"job {job_id} did not finish in {timeout:g} s")

    def close(self) -> None:
        self.http.close()


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    with postgres_server() as server:
        yield server


@pytest.fixture(scope="session")
def redis() -> Iterator[RedisServer]:
    with redis_server() as server:
        yield server


_redis_databases = iter(range(1, 16))
_database_names = (f"schedgen_{n}" for n in range(1_000_000))


def make_production_env(
    postgres: PostgresServer, redis: RedisServer, redis_db: int | None = None, **settings: str
) -> dict[str, str]:
    """A fresh, migrated PostgreSQL database and a Redis database for one stack."""
    database_url = postgres.create_database(next(_database_names))
    db = next(_redis_databases) if redis_db is None else redis_db
    defaults = {
        "worker_heartbeat_timeout_ms": "3000",
        "worker_maintenance_chance": "1000000",
        "job_min_backoff_ms": "200",
        "job_max_backoff_ms": "1000",
    }
    env = base_env(
        database_url=database_url,
        redis_url=f"redis://127.0.0.1:{redis.port}/{db}",
        **{**defaults, **settings},
    )
    subprocess.run(schedgen_command("migrate"), env=env, check=True, capture_output=True)
    return env


@pytest.fixture
def production_env(postgres: PostgresServer, redis: RedisServer) -> dict[str, str]:
    return make_production_env(postgres, redis)

"""Real PostgreSQL and Redis servers, and `schedgen serve` on the embedded default."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.servers import (  # noqa: F401  (fixtures)
    SchedgenProcess,
    base_env,
    postgres,
    production_env,
    redis,
    serve_process,
)


@pytest.fixture
def embedded(tmp_path: Path) -> Iterator[SchedgenProcess]:
    """`schedgen serve` with no configuration: SQLite and an in-process worker."""
    server = serve_process(base_env(data_dir=str(tmp_path / "data")), tmp_path)
    server.start()
    yield server
    server.stop()

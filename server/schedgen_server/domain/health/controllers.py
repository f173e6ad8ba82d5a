"""Liveness, readiness and Prometheus metrics (simple for now)."""

from __future__ import annotations

import asyncio
from typing import Any

from litestar import Controller, MediaType, Request, Response, get
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from schedgen_server.db.tables import Job
from schedgen_server.plugins import resources

CHECK_TIMEOUT_S = 2.0


async def _check_database() -> None:
    await Job.raw("SELECT 1").run()


class HealthController(Controller):
    tags = ["health"]  # noqa: RUF012

    @get("/health/live", summary="The process serves")
    async def live(self) -> dict[str, str]:
        return {"status": "ok"}

    @get("/health/ready", summary="Database, Redis and queue reachable")
    async def ready(self, request: Request[Any, Any, Any]) -> Response[dict[str, Any]]:
        res = resources(request.app)
        checks: dict[str, str] = {}
        try:
            await asyncio.wait_for(_check_database(), CHECK_TIMEOUT_S)
            checks["database"] = "ok"
        except Exception as exc:
            checks["database"] = f"failed: {type(exc).__name__}"
        if res.redis_client is not None:
            try:
                await asyncio.wait_for(res.redis_client.ping(), CHECK_TIMEOUT_S)
                checks["redis"] = checks["queue"] = "ok"
            except Exception as exc:
                checks["redis"] = checks["queue"] = f"failed: {type(exc).__name__}"
        else:
            worker = res.embedded_worker
            checks["queue"] = "ok" if worker is not None else "failed: no worker"
        ready = all(value == "ok" for value in checks.values())
        return Response(
            {"status": "ok" if ready else "unavailable", "checks": checks},
            status_code=200 if ready else 503,
        )

    @get("/metrics", summary="Prometheus metrics", media_type=MediaType.TEXT)
    async def metrics(self) -> Response[bytes]:
        return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)

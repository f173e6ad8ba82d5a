"""Server benchmark on the local production-like stack (PostgreSQL, Redis, Granian, workers).

    uv run python tests/benchmarks/server_bench.py [--duration 10] [--skip-latency]

1. Upload -> result latency (p50/p95) for 1, 10 and 100 concurrent uploaders, each uploading a
   fixture, polling its job until completed and fetching the result; once with text PDFs parsed
   inline (the default) and once with every PDF parsed by the worker.
2. Requests/s of ``GET /api/v1/jobs/{id}`` (a completed job) beside a bare Granian ASGI app
   answering the same-sized JSON, and the app's cheapest route (``/health/live``) for the
   framework's own floor, all measured with wrk (2 threads, 64 connections), same workers, same
   run.

Uploaders poll every 50 ms. Rounds per level: 40 x 1, 6 x 10, 2 x 100 uploads.

Load generator and servers share the machine's cores; the ratio is what to read.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from tests.conftest import fixture_pdfs  # noqa: E402
from tests.servers import (  # noqa: E402
    Api,
    free_port,
    make_production_env,
    postgres_server,
    redis_server,
    serve_process,
    wait_until,
    worker_process,
)

SCHEDULES = [pdf for pdf in fixture_pdfs() if "invalid" not in pdf.name]
POLL_INTERVAL_S = 0.05
# (concurrent uploaders, rounds): enough uploads per level for a p95 worth reading
LEVELS = ((1, 40), (10, 6), (100, 2))


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


async def one_upload(client: httpx.AsyncClient, pdf: Path) -> float:
    started = time.perf_counter()
    response = await client.post("/api/v1/uploads", files={"file": (pdf.name, pdf.read_bytes())})
    response.raise_for_status()
    body = response.json()
    headers = {"Authorization": f"Bearer {body['client_token']}"}
    job_id = body["job_id"]
    while body["status"] not in ("completed", "failed"):
        await asyncio.sleep(POLL_INTERVAL_S)
        status = await client.get(f"/api/v1/jobs/{job_id}", headers=headers)
        status.raise_for_status()
        body = status.json()
    assert body["status"] == "completed", body
    result = await client.get(f"/api/v1/jobs/{job_id}/result", headers=headers)
    result.raise_for_status()
    return time.perf_counter() - started


async def latency_round(base_url: str, concurrency: int) -> list[float]:
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base_url, timeout=120, limits=limits) as client:
        tasks = [one_upload(client, SCHEDULES[i % len(SCHEDULES)]) for i in range(concurrency)]
        return list(await asyncio.gather(*tasks))


def wrk(url: str, duration: int, headers: dict[str, str]) -> float:
    command = ["wrk", "-t2", "-c64", f"-d{duration}s", url]
    for name, value in headers.items():
        command[1:1] = ["-H", f"{name}: {value}"]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if non_2xx:
        raise RuntimeError(f"{url}: {non_2xx.group(1)} error responses\n{output}")
    match = re.search(r"Requests/sec:\s+([\d.]+)", output)
    assert match, output
    return float(match.group(1))


def bare_granian(workers: int) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    process = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "granian"),
            "--interface",
            "asgi",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            str(workers),
            "--no-log",
            "tests.benchmarks.bare_asgi:app",
        ],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/"

    def answers() -> bool:
        try:
            return httpx.get(url, timeout=1).status_code == 200
        except httpx.HTTPError:
            return False

    wait_until(answers, timeout=30, what="bare granian")
    return process, url


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run")
    parser.add_argument("--server-workers", type=int, default=2)
    parser.add_argument("--skip-latency", action="store_true")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        print("wrk is not installed (apt-get install wrk)", file=sys.stderr)
        return 2
    print(
        f"machine: {os.cpu_count()} cores; server: {args.server_workers} Granian workers; "
        "worker: 2 processes x 4 threads"
    )
    logs = Path(tempfile.mkdtemp(prefix="schedgen-bench-"))
    with postgres_server() as postgres, redis_server() as redis:
        status_url = ""
        status_headers: dict[str, str] = {}
        for text_parse in ("inline", "worker"):
            env = make_production_env(postgres, redis, text_parse=text_parse, job_rate_per_s="1000")
            server = serve_process(env, logs, "--workers", str(args.server_workers))
            worker = worker_process(env, logs, processes=2, threads=4)
            server.start()
            worker.start()
            try:
                api = Api(server.base_url)
                warm = api.upload_ok(SCHEDULES[0].read_bytes(), SCHEDULES[0].name)
                api.wait(warm)
                if not args.skip_latency:
                    for concurrency, rounds in LEVELS:
                        latencies = []
                        for _ in range(rounds):
                            latencies += asyncio.run(latency_round(server.base_url, concurrency))
                        print(
                            f"upload->result  text_parse={text_parse:<6} "
                            f"{concurrency:>3} concurrent: "
                            f"p50 {statistics.median(latencies) * 1000:7.0f} ms   "
                            f"p95 {percentile(latencies, 0.95) * 1000:7.0f} ms   "
                            f"max {max(latencies) * 1000:7.0f} ms"
                        )
                if text_parse == "inline":
                    api.status(warm)  # fill the status cache
                    status_url = f"{server.base_url}/api/v1/jobs/{warm}"
                    status_headers = {"Authorization": f"Bearer {api.token}"}
                    status_rps = wrk(status_url, args.duration, status_headers)
                    live_rps = wrk(f"{server.base_url}/health/live", args.duration, {})
            finally:
                server.stop()
                worker.stop()
        bare, bare_url = bare_granian(args.server_workers)
        try:
            bare_rps = wrk(bare_url, args.duration, {})
        finally:
            bare.terminate()
            bare.wait()
    print(f"GET /api/v1/jobs/{{id}} (cached): {status_rps:9.0f} req/s")
    print(f"GET /health/live (Litestar floor): {live_rps:8.0f} req/s")
    print(f"bare Granian ASGI app:            {bare_rps:9.0f} req/s")
    print(f"ratio: {status_rps / bare_rps:.0%} of bare (target >= 50 %)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

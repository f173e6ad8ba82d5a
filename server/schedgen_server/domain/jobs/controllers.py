"""``GET /api/v1/jobs/{job_id}`` (status) and ``.../result`` (the ``schedgen parse --json``
object). A job is visible only with the bearer token it was uploaded with; for anyone else it
does not exist (404)."""

from __future__ import annotations

from typing import Any

from litestar import Controller, MediaType, Request, Response, get
from litestar.exceptions import NotAuthorizedException, NotFoundException
from litestar.openapi import ResponseSpec

from schedgen_server.db.tables import JobStatus
from schedgen_server.domain.jobs import services as jobs
from schedgen_server.domain.jobs.schemas import JobStatusBody
from schedgen_server.errors import error_response
from schedgen_server.plugins import resources
from schedgen_server.tokens import bearer_token, hash_token

NOT_FOUND = "no such job (unknown, expired, or uploaded with another client token)"


def owner_hash_of(request: Request[Any, Any, Any]) -> str:
    token = bearer_token(request.headers.get("authorization"))
    if token is None:
        raise NotAuthorizedException(
            "send the client token from the upload response as 'Authorization: Bearer <token>'"
        )
    return hash_token(token)


async def owned_job_view(request: Request[Any, Any, Any], job_id: str) -> jobs.JobView:
    owner_hash = owner_hash_of(request)
    res = resources(request.app)
    cache = res.status_cache
    view: jobs.JobView | None = res.finished_statuses.get(job_id)
    if view is None and cache is not None:
        entry = await cache.get(job_id)
        view = None if entry is None else jobs.JobView.from_cache(entry)
    if view is None:
        view = await jobs.get_job_view(job_id)
        if view is not None and cache is not None:
            await cache.fill(job_id, view.to_cache())
    if view is None or view.owner_hash != owner_hash:
        raise NotFoundException(NOT_FOUND)
    if view.status in JobStatus.FINISHED:
        res.finished_statuses.put(job_id, view)
    return view


async def owned_result(
    request: Request[Any, Any, Any], job_id: str
) -> dict[str, Any] | Response[Any]:
    """A completed job's result object, or the error response that says why there is none."""
    view = await owned_job_view(request, job_id)
    if view.status == JobStatus.FAILED:
        return error_response(422, view.error_code or "failed", view.error)
    if view.status != JobStatus.COMPLETED:
        return error_response(
            409, "not_ready", f"the job is {view.status}; poll its status until completed"
        )
    result = await jobs.get_result(job_id)
    if result is None:
        raise NotFoundException(NOT_FOUND)
    return result


class JobController(Controller):
    path = "/api/v1/jobs"
    tags = ["jobs"]  # noqa: RUF012

    @get(
        "/{job_id:str}",
        summary="A job's status",
        responses={200: ResponseSpec(JobStatusBody, description="The job's status")},
    )
    async def status(self, request: Request[Any, Any, Any], job_id: str) -> Response[bytes]:
        view = await owned_job_view(request, job_id)
        return Response(view.public_json, media_type=MediaType.JSON)

    @get(
        "/{job_id:str}/result",
        summary="A completed job's rows: the same object as `schedgen parse --json`",
    )
    async def result(self, request: Request[Any, Any, Any], job_id: str) -> Response[Any]:
        result = await owned_result(request, job_id)
        return result if isinstance(result, Response) else Response(result)

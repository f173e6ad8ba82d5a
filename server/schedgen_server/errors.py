"""Turning failures into HTTP answers: the core's errors become 4xx with the core's message,
an unreachable database, Redis or queue becomes 503 with Retry-After. Never a traceback.

Every error body is ``{"status_code", "code", "detail"}``.
"""

from __future__ import annotations

import sqlite3
from typing import Any

import asyncpg
import redis
import structlog
from litestar import MediaType, Request, Response
from litestar.exceptions import HTTPException

from schedgen_core import errors as core_errors

log = structlog.get_logger(__name__)

STATUS_BY_CODE: dict[str, int] = {
    core_errors.EmptyFileError.code: 400,
    core_errors.NotAPdfError.code: 415,
    core_errors.FileTooLargeError.code: 413,
    core_errors.TooManyPagesError.code: 422,
    core_errors.EncryptedPdfError.code: 422,
    core_errors.CorruptPdfError.code: 422,
    core_errors.NotAScheduleError.code: 422,
    core_errors.OcrRequiredError.code: 422,
    core_errors.OcrUnavailableError.code: 503,
    core_errors.ParseTimeoutError.code: 422,
}

UNAVAILABLE_RETRY_AFTER_S = 5

# Faults of the services behind the server: the request cannot be served right now.
UNAVAILABLE_ERRORS: tuple[type[BaseException], ...] = (
    OSError,
    TimeoutError,
    sqlite3.OperationalError,
    asyncpg.exceptions.PostgresConnectionError,
    asyncpg.exceptions.InterfaceError,
    asyncpg.exceptions.OperatorInterventionError,
    asyncpg.exceptions.QueryCanceledError,
    asyncpg.exceptions.InsufficientResourcesError,
    redis.exceptions.ConnectionError,
    redis.exceptions.TimeoutError,
)


def error_response(
    status_code: int, code: str, detail: str, headers: dict[str, str] | None = None
) -> Response[dict[str, Any]]:
    return Response(
        {"status_code": status_code, "code": code, "detail": detail},
        status_code=status_code,
        media_type=MediaType.JSON,
        headers=headers,
    )


def schedule_error_response(exc: core_errors.ScheduleError) -> Response[dict[str, Any]]:
    status = STATUS_BY_CODE.get(exc.code, 422)
    return error_response(status, exc.code, str(exc))


def _on_schedule_error(_: Request[Any, Any, Any], exc: Exception) -> Response[dict[str, Any]]:
    assert isinstance(exc, core_errors.ScheduleError)
    return schedule_error_response(exc)


def _on_unavailable(request: Request[Any, Any, Any], exc: Exception) -> Response[dict[str, Any]]:
    log.warning("backing service unavailable", path=request.url.path, error=repr(exc))
    return error_response(
        503,
        "service_unavailable",
        "a service the server needs (database or queue) is unavailable; try again shortly",
        headers={"Retry-After": str(UNAVAILABLE_RETRY_AFTER_S)},
    )


def _on_http_exception(request: Request[Any, Any, Any], exc: Exception) -> Response[dict[str, Any]]:
    assert isinstance(exc, HTTPException)
    code = {
        400: "bad_request",
        401: "unauthorized",
        404: "not_found",
        405: "method_not_allowed",
        413: "file_too_large",
        429: "too_many_requests",
    }.get(exc.status_code, "error")
    detail = exc.detail
    if exc.status_code == 413:
        limit_mb = request.app.state.settings.max_upload_bytes / 1_048_576
        detail = f"the file is larger than the limit of {limit_mb:.0f} MB"
    return error_response(exc.status_code, code, detail, headers=exc.headers)


def _on_unexpected(request: Request[Any, Any, Any], exc: Exception) -> Response[dict[str, Any]]:
    log.exception("unexpected error", path=request.url.path)
    return error_response(500, "internal_error", "the server hit an unexpected error")


def exception_handlers() -> dict[type[Exception], Any]:
    handlers: dict[type[Exception], Any] = {
        core_errors.ScheduleError: _on_schedule_error,
        HTTPException: _on_http_exception,
        Exception: _on_unexpected,
    }
    for error_type in UNAVAILABLE_ERRORS:
        if issubclass(error_type, Exception):
            handlers[error_type] = _on_unavailable
    return handlers

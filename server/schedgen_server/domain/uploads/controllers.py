"""``POST /api/v1/uploads``: take a PDF, answer 202 with a job id.

Text PDFs are parsed right here (``text_parse=inline``, in a killable child process) and the job
is born completed; image-only PDFs, and every PDF with ``text_parse=worker``, are stored and
queued for a worker. A bad PDF is refused at once with the core's message.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

import anyio
from litestar import Controller, Request, Response, post
from litestar.datastructures import UploadFile
from litestar.exceptions import ClientException

from schedgen_core.errors import OcrRequiredError
from schedgen_core.pdf import check_pdf
from schedgen_server import tasks
from schedgen_server.domain.jobs import services as jobs
from schedgen_server.domain.uploads.schemas import UploadAccepted
from schedgen_server.errors import error_response
from schedgen_server.metrics import UPLOADS
from schedgen_server.parsing import ParseCrashedError, parse_bounded
from schedgen_server.plugins import resources
from schedgen_server.tokens import bearer_token, hash_token, new_client_token, new_job_id

FORM_FIELD = "file"


def _safe_filename(name: str | None) -> str:
    base = PurePath((name or "").replace("\\", "/")).name.strip()
    return (base or "upload.pdf")[:255]


class UploadController(Controller):
    path = "/api/v1/uploads"
    tags = ["uploads"]  # noqa: RUF012

    @post(
        "/",
        status_code=202,
        summary="Upload a timetable PDF",
        description=(
            "Multipart form with the PDF in field `file`. Send `Authorization: Bearer <token>` "
            "with the client token a previous upload returned to keep all your jobs under one "
            "token; without it a new token is issued in `client_token`."
        ),
    )
    async def upload(self, request: Request[Any, Any, Any]) -> Response[Any]:
        res = resources(request.app)
        settings = res.settings
        client_token = bearer_token(request.headers.get("authorization"))
        issued = client_token is None
        if client_token is None:
            client_token = new_client_token()
        form = await request.form()
        upload = form.get(FORM_FIELD)
        if not isinstance(upload, UploadFile):
            raise ClientException(
                f"send the PDF as a multipart/form-data file in the field '{FORM_FIELD}'"
            )
        data = await upload.read()
        filename = _safe_filename(upload.filename)
        limits = settings.parse_limits()

        result: dict[str, Any] | None = None
        needs_ocr = False
        if settings.text_parse == "inline":
            # The parse runs the core's checks itself; a bad file raises here.
            try:
                result = await anyio.to_thread.run_sync(
                    lambda: parse_bounded(
                        data,
                        name=filename,
                        ocr=False,
                        limits=limits,
                        time_limit_s=settings.parse_time_limit_s,
                    ),
                    limiter=res.inline_limiter,
                )
            except OcrRequiredError:
                needs_ocr = True
            except ParseCrashedError:
                # A worker retries it where a crash costs nothing; the cheap checks first.
                await anyio.to_thread.run_sync(lambda: check_pdf(data, limits=limits))
        else:
            await anyio.to_thread.run_sync(lambda: check_pdf(data, limits=limits))

        job_id = new_job_id()
        owner_hash = hash_token(client_token)
        if result is not None:
            await jobs.create_job(
                job_id=job_id,
                owner_hash=owner_hash,
                filename=filename,
                content=None,
                ocr=False,
                result=result,
            )
            status = "completed"
            UPLOADS.labels(route="inline").inc()
        else:
            if await jobs.count_pending() >= settings.queue_cap:
                return error_response(
                    503,
                    "queue_full",
                    "too many jobs are waiting; try again later",
                    headers={"Retry-After": str(settings.queue_full_retry_after_s)},
                )
            await jobs.create_job(
                job_id=job_id,
                owner_hash=owner_hash,
                filename=filename,
                content=data,
                ocr=needs_ocr,
            )
            try:
                await anyio.to_thread.run_sync(tasks.enqueue, job_id)
            except BaseException:
                await jobs.delete_job(job_id)
                raise
            status = "pending"
            UPLOADS.labels(route="ocr" if needs_ocr else "worker").inc()
        body = UploadAccepted(
            job_id=job_id, status=status, client_token=client_token if issued else None
        )
        return Response(body, status_code=202)

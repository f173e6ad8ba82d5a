"""The Litestar application factory (``schedgen_server.app:create_app``, served by Granian)."""

from __future__ import annotations

from litestar import Litestar
from litestar.datastructures import State
from litestar.openapi import OpenAPIConfig
from litestar.openapi.plugins import ScalarRenderPlugin

from schedgen_server import __doc__ as server_doc
from schedgen_server.domain.calendars.controllers import CalendarController
from schedgen_server.domain.health.controllers import HealthController
from schedgen_server.domain.jobs.controllers import JobController
from schedgen_server.domain.uploads.controllers import UploadController
from schedgen_server.errors import exception_handlers
from schedgen_server.local_cache import LocalCache
from schedgen_server.plugins import Resources, lifespan
from schedgen_server.settings import Settings, get_settings

# Multipart framing around the file: boundaries and part headers.
MULTIPART_OVERHEAD_BYTES = 64 * 1024


def create_app(settings: Settings | None = None) -> Litestar:
    settings = settings or get_settings()
    resources = Resources(settings=settings)
    resources.inline_limiter.total_tokens = settings.parse_processes
    resources.finished_statuses = LocalCache(settings.local_status_cache_s)
    return Litestar(
        route_handlers=[UploadController, JobController, CalendarController, HealthController],
        lifespan=[lifespan],
        state=State({"resources": resources, "settings": settings}),
        exception_handlers=exception_handlers(),
        request_max_body_size=settings.max_upload_bytes + MULTIPART_OVERHEAD_BYTES,
        openapi_config=OpenAPIConfig(
            title="schedgen server",
            version="1",
            description=server_doc,
            path="/schema",
            render_plugins=[ScalarRenderPlugin()],
        ),
    )

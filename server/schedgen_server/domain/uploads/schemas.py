"""Wire types of the uploads endpoints."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class UploadAccepted:
    job_id: str
    """Poll ``GET /api/v1/jobs/{job_id}`` with it."""
    status: str
    """``pending`` (queued for a worker) or ``completed`` (parsed during the upload)."""
    client_token: str | None = None
    """Issued when the upload carried no bearer token: send it as ``Authorization: Bearer`` to
    read this job (and with later uploads to keep them under the same token)."""

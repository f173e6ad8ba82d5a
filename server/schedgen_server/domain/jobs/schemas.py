"""Wire types of the jobs endpoints."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class JobStatusBody:
    job_id: str
    status: str
    """``pending``, ``processing``, ``completed`` or ``failed``."""
    error: str | None = None
    """Why the job failed (the core's message), else null."""
    error_code: str | None = None
    """The core's error code when the job failed, else null."""

"""The server's tables. Columns are the same on PostgreSQL and SQLite.

A job is one parse of one uploaded PDF. The uploaded bytes live in ``Upload.content`` in the
database until the parse is done (then they are cleared) or ``upload_ttl_s`` passes: the database
is the one store that server and workers on different machines always share (docs/server.md).
"""

from __future__ import annotations

import os

os.environ.setdefault("PICCOLO_CONF", "schedgen_server.db.piccolo_conf")

from piccolo.columns import (
    JSON,
    UUID,
    Boolean,
    Bytea,
    Integer,
    Text,
    Timestamptz,
    Varchar,
)
from piccolo.table import Table


class JobStatus:
    PENDING = "pending"
    PROCESSING = "processing"
    COMPLETED = "completed"
    FAILED = "failed"

    FINISHED = (COMPLETED, FAILED)


class Job(Table, tablename="schedgen_jobs"):
    """One parse job. ``id`` is the unguessable job id the API hands out."""

    id = Varchar(length=32, primary_key=True)
    owner_hash = Varchar(length=64, index=True)
    filename = Varchar(length=255)
    status = Varchar(length=16, index=True, default=JobStatus.PENDING)
    ocr = Boolean(default=False)
    error_code = Varchar(length=32, default="")
    error = Text(default="")
    result = JSON(null=True, default=None)
    attempts = Integer(default=0)
    created_at = Timestamptz()
    updated_at = Timestamptz()
    finished_at = Timestamptz(null=True, default=None, index=True)


class Upload(Table, tablename="schedgen_uploads"):
    """The bytes of an uploaded PDF, kept only until its job has read them."""

    id = UUID(primary_key=True)
    job_id = Varchar(length=32, index=True)
    size = Integer()
    content = Bytea(null=True, default=None)
    created_at = Timestamptz(index=True)

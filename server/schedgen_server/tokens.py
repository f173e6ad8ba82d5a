"""Client tokens: who uploaded a job. Random, handed out once, stored only as a hash.

Accounts arrive later; until then a client proves it owns a job with the bearer token the first
upload gave it. The tokens are 256-bit random strings, so a plain SHA-256 is the right hash
(a slow password hash buys nothing against a key this long).
"""

from __future__ import annotations

import hashlib
import secrets

TOKEN_BYTES = 32
MIN_TOKEN_LENGTH = 32


def new_client_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def new_job_id() -> str:
    """An unguessable job id (128 random bits)."""
    return secrets.token_urlsafe(16)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def bearer_token(authorization: str | None) -> str | None:
    """The token of an ``Authorization: Bearer <token>`` header, if it is well formed."""
    if not authorization:
        return None
    scheme, _, token = authorization.partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or len(token) < MIN_TOKEN_LENGTH or len(token) > 256:
        return None
    return token

"""Test-wide settings: where the ground-truth fixtures live."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(os.environ.get("SCHEDGEN_FIXTURES", REPO_ROOT.parent / "shared" / "fixtures"))
FIXTURE_PDFS = FIXTURES / "pdfs"
FIXTURE_EXPECTED = FIXTURES / "expected"


def fixture_pdfs() -> list[Path]:
    """Every fixture PDF, sorted; an empty list when the fixtures are not beside the clone."""
    return sorted(FIXTURE_PDFS.glob("*.pdf")) if FIXTURE_PDFS.is_dir() else []


def pytest_sessionstart(session: pytest.Session) -> None:
    if not FIXTURE_PDFS.is_dir():
        raise pytest.UsageError(
            f"fixtures not found at {FIXTURES}: clone next to shared/ or set SCHEDGEN_FIXTURES"
        )

"""Server pieces without servers: settings, tokens, the bounded parse."""

from __future__ import annotations

import pytest

from schedgen_core.errors import NotAScheduleError, ParseTimeoutError
from schedgen_server.parsing import parse_bounded
from schedgen_server.settings import Settings, SettingsError
from schedgen_server.tokens import bearer_token, hash_token, new_client_token, new_job_id
from tests.conftest import FIXTURE_PDFS


def test_settings_defaults_are_the_design_policies() -> None:
    settings = Settings.from_env({})
    assert not settings.production
    assert settings.max_upload_bytes == 10 * 1024 * 1024
    assert settings.max_pages == 100
    assert settings.job_time_limit_s == 300
    assert settings.job_max_retries == 3
    assert settings.queue_cap == 500
    assert settings.job_rate_per_s == 10
    assert (settings.completed_job_ttl_s, settings.failed_job_ttl_s) == (3600, 86400)
    assert settings.upload_ttl_s == 86400
    assert (settings.db_pool_size, settings.db_acquire_timeout_s) == (50, 30)
    assert settings.db_statement_timeout_s == 10
    assert (settings.status_cache_completed_s, settings.status_cache_pending_s) == (3600, 60)


def test_settings_from_environment() -> None:
    settings = Settings.from_env(
        {
            "SCHEDGEN_DATABASE_URL": "postgresql://db/x",
            "SCHEDGEN_REDIS_URL": "redis://r/0",
            "SCHEDGEN_QUEUE_CAP": "7",
            "SCHEDGEN_PARSE_TIME_LIMIT_S": "2.5",
            "SCHEDGEN_TEXT_PARSE": "worker",
        }
    )
    assert settings.production
    assert settings.queue_cap == 7
    assert settings.parse_time_limit_s == 2.5
    assert settings.text_parse == "worker"


@pytest.mark.parametrize(
    ("env", "words"),
    [
        ({"SCHEDGEN_QUEUE_CAP": "many"}, "SCHEDGEN_QUEUE_CAP='many'"),
        ({"SCHEDGEN_TEXT_PARSE": "somewhere"}, "expected one of inline, worker"),
        ({"SCHEDGEN_REDIS_URL": "redis://r/0"}, "set both"),
    ],
)
def test_bad_settings_are_named(env: dict[str, str], words: str) -> None:
    with pytest.raises(SettingsError, match=words):
        Settings.from_env(env)


def test_tokens_are_random_and_stored_hashed() -> None:
    tokens = {new_client_token() for _ in range(100)}
    assert len(tokens) == 100
    token = tokens.pop()
    assert hash_token(token) != token
    assert len(hash_token(token)) == 64
    assert bearer_token(f"Bearer {token}") == token
    assert bearer_token("Bearer short") is None
    assert bearer_token(f"Basic {token}") is None
    assert bearer_token(None) is None
    assert len({new_job_id() for _ in range(100)}) == 100


def test_bounded_parse_returns_the_contract_object() -> None:
    data = (FIXTURE_PDFS / "UP_EXAM_SS.pdf").read_bytes()
    result = parse_bounded(
        data, name="UP_EXAM_SS.pdf", ocr=False, limits=Settings().parse_limits(), time_limit_s=30
    )
    assert result["source"] == "UP_EXAM_SS.pdf"
    assert result["kind"] == "exam"


def test_bounded_parse_raises_the_core_error() -> None:
    data = (FIXTURE_PDFS / "invalid-format.pdf").read_bytes()
    with pytest.raises(NotAScheduleError, match="not a UP schedule"):
        parse_bounded(
            data, name="x.pdf", ocr=False, limits=Settings().parse_limits(), time_limit_s=30
        )


def test_bounded_parse_is_killed_at_its_time_limit() -> None:
    data = (FIXTURE_PDFS / "UP_MOD_XLS-Both.pdf").read_bytes()
    with pytest.raises(ParseTimeoutError, match="abandoned"):
        parse_bounded(
            data, name="x.pdf", ocr=False, limits=Settings().parse_limits(), time_limit_s=0.0001
        )

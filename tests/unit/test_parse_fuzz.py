"""Damaged input never escapes as anything but a ScheduleError, and never hangs.

Hangs are caught by pytest-timeout; a parse either succeeds or raises the typed error.
"""

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from schedgen_core.errors import ScheduleError
from schedgen_core.model import Timetable
from schedgen_core.pdf import parse_pdf
from tests.conftest import fixture_pdfs

SOURCES = {p.stem: p.read_bytes() for p in fixture_pdfs()}
FUZZ = settings(
    max_examples=int(os.environ.get("SCHEDGEN_FUZZ_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    database=None,
)


def parse_or_typed_error(data: bytes) -> Timetable | ScheduleError:
    try:
        return parse_pdf(data, name="fuzz.pdf")
    except ScheduleError as exc:
        error = exc
    assert str(error), "a ScheduleError must carry a message"
    assert error.code != ScheduleError.code, "raise a specific subclass"
    return error


@FUZZ
@given(name=st.sampled_from(sorted(SOURCES)), cut=st.floats(0.0, 1.0))
def test_truncated_pdfs(name, cut):
    data = SOURCES[name]
    parse_or_typed_error(data[: int(len(data) * cut)])


@FUZZ
@given(
    name=st.sampled_from(sorted(SOURCES)),
    flips=st.lists(st.tuples(st.floats(0.0, 1.0), st.integers(0, 7)), min_size=1, max_size=20),
)
def test_bit_flipped_pdfs(name, flips):
    data = bytearray(SOURCES[name])
    for where, bit in flips:
        data[min(int(where * len(data)), len(data) - 1)] ^= 1 << bit
    parse_or_typed_error(bytes(data))


@FUZZ
@given(data=st.binary(max_size=4096))
def test_random_bytes(data):
    parse_or_typed_error(data)


@FUZZ
@given(body=st.binary(max_size=4096))
def test_random_bytes_behind_a_pdf_header(body):
    parse_or_typed_error(b"%PDF-1.7\n" + body)


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_every_fixture_survives_a_middle_cut(name):
    data = SOURCES[name]
    result = parse_or_typed_error(data[: len(data) // 2] + data[len(data) // 2 + 64 :])
    assert isinstance(result, Timetable | ScheduleError)

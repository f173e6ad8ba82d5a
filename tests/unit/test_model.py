import json

import pytest

from schedgen_core.model import Kind, Timetable
from tests.conftest import FIXTURE_EXPECTED


@pytest.mark.parametrize(
    "path",
    [p for p in sorted(FIXTURE_EXPECTED.glob("*.json")) if "rows" in json.loads(p.read_text())],
    ids=lambda p: p.stem,
)
def test_expected_json_round_trips_through_the_model(path):
    data = json.loads(path.read_text())
    timetable = Timetable.from_dict(data)
    assert timetable.kind in set(Kind)
    assert timetable.to_dict() == data


def test_from_dict_rejects_a_row_with_missing_keys():
    with pytest.raises(ValueError, match="missing"):
        Timetable.from_dict({"source": "x.pdf", "kind": "exam", "rows": [{"module": "COS 1"}]})


def test_from_dict_rejects_an_unknown_kind():
    with pytest.raises(ValueError, match="not a schedgen timetable"):
        Timetable.from_dict({"source": "x.pdf", "kind": "poem", "rows": []})

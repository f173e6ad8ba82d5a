"""A completed job as an .ics download, with query options and with full CalendarOptions."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import icalendar
import pytest

from tests.conftest import FIXTURE_PDFS
from tests.servers import Api, SchedgenProcess, base_env, serve_process


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    tmp = tmp_path_factory.mktemp("calendar")
    server: SchedgenProcess = serve_process(base_env(data_dir=str(tmp / "data")), tmp)
    server.start()
    client = Api(server.base_url)
    yield client
    client.close()
    server.stop()


def completed_job(api: Api, name: str) -> str:
    job_id = api.upload_ok((FIXTURE_PDFS / name).read_bytes(), name)
    assert api.wait(job_id)["status"] == "completed"
    return job_id


def events_of(body: bytes) -> list[icalendar.cal.Component]:
    return list(icalendar.Calendar.from_ical(body).walk("VEVENT"))


def test_exam_timetable_as_ics(api: Api) -> None:
    job_id = completed_job(api, "UP_EXAM_SS.pdf")
    response = api.http.get(f"/api/v1/jobs/{job_id}/calendar.ics", headers=api._auth())
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/calendar")
    assert 'filename="UP_EXAM_SS.ics"' in response.headers["content-disposition"]
    rows = api.result(job_id).json()["rows"]
    events = events_of(response.content)
    assert len(events) == len(rows) == int(response.headers["schedgen-event-count"])


def test_lectures_need_term_dates_then_repeat_weekly(api: Api) -> None:
    job_id = completed_job(api, "UP_MOD_XLS.pdf")
    url = f"/api/v1/jobs/{job_id}/calendar.ics"
    missing = api.http.get(url, headers=api._auth())
    assert missing.status_code == 422
    assert missing.json()["code"] == "term_dates_missing"
    response = api.http.get(
        url, params={"start": "2025-07-21", "end": "2025-10-24"}, headers=api._auth()
    )
    assert response.status_code == 200, response.text
    events = events_of(response.content)
    assert events
    assert all("RRULE" in event for event in events)


def test_full_options_by_post(api: Api) -> None:
    job_id = completed_job(api, "UP_MOD_XLS.pdf")
    url = f"/api/v1/jobs/{job_id}/calendar.ics"
    options = {
        "version": 1,
        "terms": {"S2": {"start": "2025-07-21", "end": "2025-10-24"}},
        "excluded": [{"start": "2025-08-04", "end": "2025-08-08", "reason": "Field trip"}],
    }
    response = api.http.post(url, json=options, headers=api._auth())
    assert response.status_code == 200, response.text
    assert b"EXDATE" in response.content
    bad = api.http.post(url, json={"terms": {"S9": {}}}, headers=api._auth())
    assert bad.status_code == 422
    assert bad.json()["code"] == "bad_calendar_options"


def test_calendar_of_someone_elses_job_is_not_found(api: Api) -> None:
    job_id = completed_job(api, "UP_EXAM_SS.pdf")
    stranger = Api(api.base_url, token="s" * 43)
    assert (
        stranger.http.get(
            f"/api/v1/jobs/{job_id}/calendar.ics", headers=stranger._auth()
        ).status_code
        == 404
    )


def test_calendar_endpoint_in_schema(api: Api, tmp_path: Path) -> None:
    paths = api.http.get("/schema/openapi.json").json()["paths"]
    assert set(paths["/api/v1/jobs/{job_id}/calendar.ics"]) == {"get", "post"}

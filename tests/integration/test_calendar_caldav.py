"""Import the generated calendar into a real CalDAV server (Radicale) and read it back."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from xml.etree import ElementTree

import httpx
import pytest
from icalendar import Calendar

from schedgen_core.calendar import CalendarOptions, build_events, to_ics
from tests.calendar_support import TERMS, expand, fixture_timetable

USER = "student"
NOW = datetime(2025, 7, 1, tzinfo=UTC)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def radicale(tmp_path: Path) -> Iterator[str]:
    """A Radicale server on a random 127.0.0.1 port, no authentication, temp storage."""
    port = _free_port()
    log = (tmp_path / "radicale.log").open("w")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "radicale",
            "--server-hosts",
            f"127.0.0.1:{port}",
            "--auth-type",
            "none",
            "--rights-type",
            "owner_only",
            "--storage-filesystem-folder",
            str(tmp_path / "collections"),
            "--config",
            "",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while True:
            if process.poll() is not None:
                pytest.fail(f"radicale exited: {(tmp_path / 'radicale.log').read_text()}")
            try:
                httpx.get(url, timeout=1)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    pytest.fail("radicale did not start within 20 s")
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def _split(ics: bytes) -> dict[str, bytes]:
    """One calendar object per UID, each with the VTIMEZONE, as CalDAV clients store them."""
    calendar = Calendar.from_ical(ics)
    timezones = calendar.walk("VTIMEZONE")
    objects = {}
    for event in calendar.walk("VEVENT"):
        single = Calendar()
        single.add("prodid", calendar["PRODID"])
        single.add("version", "2.0")
        for timezone in timezones:
            single.add_component(timezone)
        single.add_component(event)
        objects[str(event["UID"])] = single.to_ical()
    return objects


QUERY = b"""<?xml version="1.0" encoding="utf-8"?>
<C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
  <D:prop><C:calendar-data/></D:prop>
  <C:filter>
    <C:comp-filter name="VCALENDAR"><C:comp-filter name="VEVENT"/></C:comp-filter>
  </C:filter>
</C:calendar-query>"""


def _read_back(client: httpx.Client, collection: str) -> dict[str, bytes]:
    response = client.request(
        "REPORT",
        collection,
        content=QUERY,
        headers={"Depth": "1", "Content-Type": "application/xml"},
    )
    assert response.status_code == 207, response.text
    namespaces = {"D": "DAV:", "C": "urn:ietf:params:xml:ns:caldav"}
    stored = {}
    for node in ElementTree.fromstring(response.content).iterfind(".//C:calendar-data", namespaces):
        calendar = Calendar.from_ical(node.text or "")
        (event,) = calendar.walk("VEVENT")
        stored[str(event["UID"])] = calendar.to_ical()
    return stored


def test_the_calendar_round_trips_through_a_caldav_server(radicale):
    timetables = [fixture_timetable("UP_MOD_XLS"), fixture_timetable("UP_TST_PDF")]
    options = CalendarOptions(groups={"COS 214": {"P": "P02"}})
    ics = to_ics(build_events(timetables, options, TERMS).events, now=NOW)
    objects = _split(ics)
    collection = f"/{USER}/timetable/"

    with httpx.Client(base_url=radicale, auth=(USER, "any"), timeout=10) as client:
        assert client.request("MKCALENDAR", collection).status_code == 201
        for uid, body in objects.items():
            response = client.put(
                f"{collection}{uid}.ics",
                content=body,
                headers={"Content-Type": "text/calendar", "If-None-Match": "*"},
            )
            assert response.status_code == 201, response.text
        stored = _read_back(client, collection)

        assert stored.keys() == objects.keys()
        # The server's copy expands to exactly the same occurrences as the file.
        expected = expand(ics)
        for uid, body in stored.items():
            assert expand(body) == {uid: expected[uid]}
        assert len(expected["2025-s2-cos214-l1-g01-mon-0830@schedgen"]) == 13

        # Re-importing an updated event replaces it under the same UID (no duplicate).
        updated = (
            objects["2025-s2-cos214-l1-g01-mon-0830@schedgen"]
            .replace(b"SEQUENCE:0", b"SEQUENCE:1")
            .replace(b"Centenary 6", b"Centenary 5")
        )
        response = client.put(
            f"{collection}2025-s2-cos214-l1-g01-mon-0830@schedgen.ics",
            content=updated,
            headers={"Content-Type": "text/calendar"},
        )
        assert response.status_code in (201, 204)
        again = _read_back(client, collection)
        assert again.keys() == objects.keys()
        assert b"Centenary 5" in again["2025-s2-cos214-l1-g01-mon-0830@schedgen"]

"""``/api/v1/jobs/{job_id}/calendar.ics``: a completed job's rows as an iCalendar download.

``GET`` takes the common choices as query parameters (one term's dates for a lecture timetable,
the year, the exam length); ``POST`` takes the full calendar options as JSON, in the shape of
``CalendarOptions.to_dict()`` (groups, terms, excluded days, accepted clashes, colours; see
docs/calendar.md). Both build the events with the same core code as ``schedgen ics``.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import PurePath
from typing import Annotated, Any

import anyio
from litestar import Controller, Request, Response, get, post
from litestar.params import Parameter

from schedgen_core.calendar import (
    CalendarOptions,
    CalendarOptionsError,
    TermDates,
    build_events,
    to_ics,
)
from schedgen_core.model import LectureRow, Timetable
from schedgen_server.domain.jobs.controllers import owned_result

ICS_MEDIA_TYPE = "text/calendar"
START_HELP = "first teaching day of the lectures' term (YYYY-MM-DD)"
END_HELP = "last teaching day of the lectures' term (YYYY-MM-DD)"


def _with_query_options(
    options: CalendarOptions,
    timetable: Timetable,
    start: date | None,
    end: date | None,
    year: int | None,
    exam_hours: float | None,
) -> CalendarOptions:
    if (start is None) != (end is None):
        raise CalendarOptionsError("start and end go together (first and last teaching day)")
    terms = dict(options.terms)
    if start is not None and end is not None:
        if end < start:
            raise CalendarOptionsError("end is before start")
        codes = sorted(
            {r.offered.strip().upper() for r in timetable.rows if isinstance(r, LectureRow)}
        )
        if len(codes) > 1:
            raise CalendarOptionsError(
                f"the lecture timetable has sessions in {', '.join(codes)}: POST the options "
                "with each term's dates instead of start/end"
            )
        for code in codes or ["S1"]:
            terms[code] = TermDates(start, end, "request")
    try:
        return dataclasses.replace(
            options,
            terms=terms,
            year=year if year is not None else options.year,
            exam_duration_minutes=(
                round(exam_hours * 60) if exam_hours is not None else options.exam_duration_minutes
            ),
        )
    except ValueError as exc:
        raise CalendarOptionsError(str(exc)) from None


async def _calendar_response(
    request: Request[Any, Any, Any], job_id: str, options: CalendarOptions, **query: Any
) -> Response[Any]:
    result = await owned_result(request, job_id)
    if isinstance(result, Response):
        return result
    timetable = Timetable.from_dict(result)
    options = _with_query_options(options, timetable, **query)

    def build() -> tuple[bytes, int]:
        calendar = build_events([timetable], options)
        return to_ics(calendar.events), len(calendar.events)

    data, count = await anyio.to_thread.run_sync(build)
    filename = f"{PurePath(timetable.source).stem or 'timetable'}.ics"
    return Response(
        data,
        media_type=ICS_MEDIA_TYPE,
        headers={
            "Content-Disposition": f'attachment; filename="{filename}"',
            "Schedgen-Event-Count": str(count),
        },
    )


class CalendarController(Controller):
    path = "/api/v1/jobs/{job_id:str}/calendar.ics"
    tags = ["calendars"]  # noqa: RUF012

    @get(summary="Download a completed job as iCalendar (query options)")
    async def download(
        self,
        request: Request[Any, Any, Any],
        job_id: str,
        start: Annotated[date | None, Parameter(description=START_HELP)] = None,
        end: Annotated[date | None, Parameter(description=END_HELP)] = None,
        year: Annotated[int | None, Parameter(description="the academic year")] = None,
        exam_hours: Annotated[
            float | None, Parameter(description="assumed exam length in hours (default 3)")
        ] = None,
    ) -> Response[Any]:
        return await _calendar_response(
            request,
            job_id,
            CalendarOptions(),
            start=start,
            end=end,
            year=year,
            exam_hours=exam_hours,
        )

    @post(
        summary="Download a completed job as iCalendar (full CalendarOptions as JSON)",
        status_code=200,
    )
    async def download_with_options(
        self, request: Request[Any, Any, Any], job_id: str, data: dict[str, Any]
    ) -> Response[Any]:
        options = CalendarOptions.from_dict(data)
        return await _calendar_response(
            request, job_id, options, start=None, end=None, year=None, exam_hours=None
        )

"""Property tests: for random timetables, every occurrence is where and when it must be."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from schedgen_core.calendar import (
    CalendarOptions,
    DateRange,
    TermCalendar,
    TermDates,
    YearCalendar,
    build_events,
    public_holidays,
    to_ics,
)
from schedgen_core.calendar.sessions import WEEKDAYS
from schedgen_core.model import Kind, LectureRow, Timetable
from tests.calendar_support import expand

MODULES = ["COS 212", "STK 220", "WTW 285", "COS 284"]
VENUES = ["Lab A", "Lab B", "Lab C", "IT 4-4", "Centenary 6"]


@st.composite
def lecture_rows(draw: st.DrawFn) -> LectureRow:
    start_hour = draw(st.integers(7, 17))
    length = draw(st.sampled_from([50, 80, 110, 170]))
    end_minutes = start_hour * 60 + 30 + length
    kind = draw(st.sampled_from("LPT"))
    return LectureRow(
        module=draw(st.sampled_from(MODULES)),
        offered="S1",
        group=f"{'G' if kind == 'L' else kind}0{draw(st.integers(1, 3))}",
        lang="E",
        activity=f"{kind}{draw(st.integers(1, 2))}",
        day=draw(st.sampled_from(WEEKDAYS[:5])),
        start=f"{start_hour:02d}:30",
        end=f"{end_minutes // 60:02d}:{end_minutes % 60:02d}",
        venue=draw(st.sampled_from(VENUES)),
        campus="HATFIELD",
    )


@st.composite
def date_ranges(draw: st.DrawFn, first: date, last: date) -> DateRange:
    start = draw(st.dates(first, last))
    return DateRange(start, start + timedelta(days=draw(st.integers(0, 9))), "random")


TERM_START, TERM_END = date(2025, 2, 3), date(2025, 6, 6)


@settings(max_examples=60, deadline=None)
@given(
    rows=st.lists(lecture_rows(), min_size=1, max_size=25),
    start_shift=st.integers(0, 20),
    length=st.integers(0, 120),
    recess=st.lists(date_ranges(TERM_START, TERM_END), max_size=2),
    excluded=st.lists(date_ranges(TERM_START, TERM_END), max_size=2),
)
def test_every_occurrence_is_in_term_on_its_weekday_and_not_excluded(
    rows, start_shift, length, recess, excluded
):
    start = TERM_START + timedelta(days=start_shift)
    term = TermDates(start, start + timedelta(days=length), "random")
    terms = TermCalendar({2025: YearCalendar(2025, {"S1": term}, tuple(recess))})
    options = CalendarOptions(year=2025, excluded=tuple(excluded))
    build = build_events([Timetable("r.pdf", Kind.LECTURE, tuple(rows))], options, terms)

    blocked = {d for r in [*recess, *excluded] for d in r.days()} | set(public_holidays(2025))
    sessions = {(r.module, r.activity, r.group, r.day, r.start, r.end) for r in rows}
    expanded = expand(to_ics(build.events)) if build.events else {}
    seen = set()
    for event in build.events:
        key = (event.module, event.activity, event.group, event.weekday)
        key += (f"{event.start:%H:%M}", f"{event.end:%H:%M}")
        assert key in sessions
        seen.add(key)
        weekday = WEEKDAYS.index(event.weekday)
        days = [s.date() for s, _ in expanded[event.uid]]
        assert days == event.occurrences()
        for day in days:
            assert term.start <= day <= term.end
            assert day.weekday() == weekday
            assert day not in blocked
        # Nothing that should meet is missing: every free such weekday of the term is there.
        term_days = [
            term.start + timedelta(days=n) for n in range((term.end - term.start).days + 1)
        ]
        assert days == [d for d in term_days if d.weekday() == weekday and d not in blocked]
    # A session is left out only when its term has no free day on its weekday.
    for missing in sessions - seen:
        weekday = WEEKDAYS.index(missing[3])
        assert not [
            d
            for n in range((term.end - term.start).days + 1)
            if (d := term.start + timedelta(days=n)).weekday() == weekday and d not in blocked
        ]
        assert any("no teaching day left" in w for w in build.warnings)


@settings(max_examples=60, deadline=None)
@given(rows=st.lists(lecture_rows(), min_size=1, max_size=30))
def test_merged_events_never_lose_a_venue(rows):
    term = TermDates(TERM_START, TERM_END)
    terms = TermCalendar({2025: YearCalendar(2025, {"S1": term})})
    build = build_events(
        [Timetable("r.pdf", Kind.LECTURE, tuple(rows))], CalendarOptions(year=2025), terms
    )
    for row in rows:
        matching = [
            e
            for e in build.events
            if (e.module, e.activity, e.group, e.weekday, f"{e.start:%H:%M}", f"{e.end:%H:%M}")
            == (row.module, row.activity, row.group, row.day, row.start, row.end)
        ]
        assert len(matching) == 1
        assert row.venue in matching[0].venues
    for event in build.events:
        assert len(set(event.venues)) == len(event.venues)


@settings(max_examples=40, deadline=None)
@given(rows=st.lists(lecture_rows(), min_size=1, max_size=25), data=st.data())
def test_diff_finds_exactly_the_sessions_taken_away(rows, data):
    from schedgen_core.calendar import diff_timetables, sessions_from_timetables

    old = Timetable("old.pdf", Kind.LECTURE, tuple(rows))
    sessions = sessions_from_timetables([old])
    gone = data.draw(st.sets(st.sampled_from(sessions)))
    kept = tuple(
        r
        for r in rows
        if not any(
            (s.module, s.activity, s.group, s.day, f"{s.start:%H:%M}")
            == (r.module, r.activity, r.group, r.day, r.start)
            for s in gone
        )
    )
    shuffled = tuple(data.draw(st.permutations(kept)))
    diff = diff_timetables(old, Timetable("new.pdf", Kind.LECTURE, shuffled))
    assert not diff.added
    taken = set(diff.removed) | {c.before for c in diff.moved} | {c.before for c in diff.changed}
    assert len(taken) == len(diff.removed) + len(diff.moved) + len(diff.changed)
    assert diff_timetables(old, Timetable("same.pdf", Kind.LECTURE, tuple(reversed(rows)))).empty

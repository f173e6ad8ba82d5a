"""Term dates and recess weeks: the shipped UP data, a user's own file, and explicit overrides.

Nothing here guesses: a term is known only if the data names its dates (with a source) or the
user gives them; otherwise `TermDatesMissingError` says which dates to pass.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from importlib.resources import files
from pathlib import Path
from typing import Any

from schedgen_core.calendar.errors import TermDataError

TERM_CODES = ("S1", "S2", "Y", "Q1", "Q2", "Q3", "Q4")
TERM_NAMES = {
    "S1": "first semester",
    "S2": "second semester",
    "Y": "year module",
    "Q1": "first quarter",
    "Q2": "second quarter",
    "Q3": "third quarter",
    "Q4": "fourth quarter",
}


@dataclass(frozen=True, slots=True)
class DateRange:
    """An inclusive range of days with a reason (a recess, a field trip, a strike)."""

    start: date
    end: date
    reason: str = ""

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"range ends ({self.end}) before it starts ({self.start})")

    def days(self) -> list[date]:
        return [self.start + timedelta(days=n) for n in range((self.end - self.start).days + 1)]

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end


@dataclass(frozen=True, slots=True)
class TermDates:
    """The first and last teaching day of a term (inclusive), and where the dates come from."""

    start: date
    end: date
    source: str = ""

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"term ends ({self.end}) before it starts ({self.start})")


@dataclass(frozen=True, slots=True)
class YearCalendar:
    """One academic year: the terms whose dates are known and its recess weeks."""

    year: int
    terms: Mapping[str, TermDates] = field(default_factory=dict)
    recess: tuple[DateRange, ...] = ()


@dataclass(frozen=True, slots=True)
class TermCalendar:
    """Term data for any number of years (the shipped UP file, or a user's file)."""

    years: Mapping[int, YearCalendar] = field(default_factory=dict)

    def year(self, year: int) -> YearCalendar:
        return self.years.get(year, YearCalendar(year))


def _date(value: Any, where: str) -> date:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise TermDataError(f"{where}: expected a date YYYY-MM-DD, got {value!r}")


def term_calendar_from_mapping(data: Mapping[str, Any], origin: str = "term data") -> TermCalendar:
    """Read the TOML shape described in ``data/up_terms.toml``."""
    years: dict[int, YearCalendar] = {}
    for year_key, year_data in data.items():
        try:
            year = int(year_key)
        except ValueError:
            raise TermDataError(f"{origin}: {year_key!r} is not a year") from None
        if not isinstance(year_data, Mapping):
            raise TermDataError(f"{origin}: [{year_key}] must be a table")
        terms: dict[str, TermDates] = {}
        for code, term in dict(year_data.get("terms", {})).items():
            where = f"{origin}: {year}.terms.{code}"
            if code not in TERM_CODES:
                raise TermDataError(f"{where}: unknown term code (use {', '.join(TERM_CODES)})")
            if not isinstance(term, Mapping) or not str(term.get("source", "")).strip():
                raise TermDataError(f"{where}: needs start, end and a source")
            try:
                terms[code] = TermDates(
                    _date(term.get("start"), where), _date(term.get("end"), where), term["source"]
                )
            except ValueError as exc:
                raise TermDataError(f"{where}: {exc}") from None
        recess: list[DateRange] = []
        for index, item in enumerate(year_data.get("recess", [])):
            where = f"{origin}: {year}.recess[{index}]"
            if not isinstance(item, Mapping) or not str(item.get("source", "")).strip():
                raise TermDataError(f"{where}: needs start, end, name and a source")
            try:
                recess.append(
                    DateRange(
                        _date(item.get("start"), where),
                        _date(item.get("end"), where),
                        str(item.get("name", "Recess")),
                    )
                )
            except ValueError as exc:
                raise TermDataError(f"{where}: {exc}") from None
        years[year] = YearCalendar(year, terms, tuple(recess))
    return TermCalendar(years)


def load_term_calendar(path: str | Path | None = None) -> TermCalendar:
    """The shipped UP data, or the TOML file at ``path``."""
    if path is None:
        text = files("schedgen_core.calendar").joinpath("data/up_terms.toml").read_text("utf-8")
        origin = "up_terms.toml"
    else:
        try:
            text = Path(path).read_text("utf-8")
        except OSError as exc:
            raise TermDataError(f"{path}: cannot read term data ({exc.strerror})") from None
        origin = str(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise TermDataError(f"{origin}: not valid TOML ({exc})") from None
    return term_calendar_from_mapping(data, origin)


_QUARTERS = {"S1": ("Q1", "Q2"), "S2": ("Q3", "Q4")}


def terms_share_weeks(first: str, second: str) -> bool:
    """Whether two terms teach in the same weeks, judged by their codes (no dates needed).

    The year (Y) spans every term, a semester spans its two quarters, and different semesters
    or quarters never meet.
    """
    if first == second or "Y" in (first, second):
        return True
    return second in _QUARTERS.get(first, ()) or first in _QUARTERS.get(second, ())


def resolve_term(
    code: str, year: YearCalendar, overrides: Mapping[str, TermDates]
) -> tuple[TermDates, tuple[DateRange, ...]] | None:
    """A term's dates and the ranges inside it with no teaching, or None when unknown.

    A year module (Y) without dates of its own runs from the start of S1 to the end of S2, with
    the weeks between the semesters (exams and the winter recess) excluded.
    """
    known = {**year.terms, **overrides}
    if code in known:
        return known[code], ()
    if code == "Y" and "S1" in known and "S2" in known:
        first, second = known["S1"], known["S2"]
        term = TermDates(first.start, second.end, f"S1 start ({first.source}) to S2 end")
        gap_start, gap_end = first.end + timedelta(days=1), second.start - timedelta(days=1)
        gap = (DateRange(gap_start, gap_end, "Between semesters"),) if gap_start <= gap_end else ()
        return term, gap
    return None

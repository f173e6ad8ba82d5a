"""What a student decides about their calendar, as plain data.

`CalendarOptions` is stored in the schedule file and synced between devices, so it converts to and
from a JSON-safe dict with a version number; `from_dict` rejects anything it does not understand
with a `CalendarOptionsError` instead of silently dropping it. Dicts of an older version are
upgraded on load (version 1 had no ``excluded_events``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from types import MappingProxyType
from typing import Any

from schedgen_core.calendar.colours import CSS_COLOURS, normalise_module
from schedgen_core.calendar.errors import CalendarOptionsError
from schedgen_core.calendar.terms import TERM_CODES, DateRange, TermDates

OPTIONS_VERSION = 2
DEFAULT_EXAM_MINUTES = 180


def _frozen(mapping: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(mapping))


@dataclass(frozen=True)
class CalendarOptions:
    """Group choices, term dates, excluded days, exam duration, accepted clashes, colours.

    ``groups`` maps a module code to {activity type: group}, e.g. ``{"COS 212": {"P": "P02"}}``;
    module codes are matched without regard to spacing or case.
    """

    year: int | None = None
    groups: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    terms: Mapping[str, TermDates] = field(default_factory=dict)
    excluded: tuple[DateRange, ...] = ()
    exam_duration_minutes: int = DEFAULT_EXAM_MINUTES
    allowed_clashes: frozenset[str] = frozenset()
    colours: Mapping[str, str] = field(default_factory=dict)
    excluded_events: frozenset[str] = frozenset()
    """`Event.key` of each event the student left out: shown, but not in clashes or the .ics."""

    def __post_init__(self) -> None:
        if self.year is not None and not 1900 <= self.year <= 2999:
            raise CalendarOptionsError(f"year {self.year} is out of range")
        if not 1 <= self.exam_duration_minutes <= 24 * 60:
            raise CalendarOptionsError("exam duration must be between 1 minute and 24 hours")
        for code in self.terms:
            if code not in TERM_CODES:
                raise CalendarOptionsError(f"unknown term {code!r} (use {', '.join(TERM_CODES)})")
        for module, colour in self.colours.items():
            if colour.strip().lower() not in CSS_COLOURS:
                raise CalendarOptionsError(
                    f"colour {colour!r} for {module} is not one of: {', '.join(CSS_COLOURS)}"
                )
        groups = {
            module.strip(): _frozen(
                {k.strip().upper(): v.strip().upper() for k, v in choice.items()}
            )
            for module, choice in self.groups.items()
        }
        object.__setattr__(self, "groups", _frozen(groups))
        object.__setattr__(self, "terms", _frozen(self.terms))
        colours = {m.strip(): c.strip().lower() for m, c in self.colours.items()}
        object.__setattr__(self, "colours", _frozen(colours))
        object.__setattr__(self, "excluded", tuple(self.excluded))
        object.__setattr__(self, "allowed_clashes", frozenset(self.allowed_clashes))
        object.__setattr__(self, "excluded_events", frozenset(self.excluded_events))

    def chosen_group(self, module: str, activity_type: str) -> str | None:
        """The group chosen for a module's activity type (module codes match loosely)."""
        key = normalise_module(module)
        for name, choice in self.groups.items():
            if normalise_module(name) == key:
                return choice.get(activity_type.upper())
        return None

    def colour_for(self, module: str) -> str | None:
        """The colour name chosen for a module, if any."""
        key = normalise_module(module)
        return next((c for m, c in self.colours.items() if normalise_module(m) == key), None)

    def with_group(self, module: str, activity_type: str, group: str | None) -> CalendarOptions:
        """A copy with the group for a module's activity type chosen (None: not chosen)."""
        key = normalise_module(module)
        groups = {m: dict(c) for m, c in self.groups.items() if normalise_module(m) != key}
        current = dict(self.groups.get(self._module_name(module) or "", {}))
        if group is None:
            current.pop(activity_type.upper(), None)
        else:
            current[activity_type.upper()] = group
        if current:
            groups[self._module_name(module) or module] = current
        return replace(self, groups=groups)

    def with_clash_allowed(self, key: str, allowed: bool = True) -> CalendarOptions:
        """A copy in which the clash with this key is accepted (or warns again)."""
        keys = self.allowed_clashes | {key} if allowed else self.allowed_clashes - {key}
        return replace(self, allowed_clashes=keys)

    def with_event_excluded(self, key: str, excluded: bool = True) -> CalendarOptions:
        """A copy in which the event with this `Event.key` is left out (or included again)."""
        keys = self.excluded_events | {key} if excluded else self.excluded_events - {key}
        return replace(self, excluded_events=keys)

    def _module_name(self, module: str) -> str | None:
        key = normalise_module(module)
        return next((m for m in self.groups if normalise_module(m) == key), None)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe dict, keys sorted so equal options serialise identically."""
        return {
            "version": OPTIONS_VERSION,
            "year": self.year,
            "groups": {m: dict(sorted(c.items())) for m, c in sorted(self.groups.items())},
            "terms": {
                code: {"start": t.start.isoformat(), "end": t.end.isoformat()}
                for code, t in sorted(self.terms.items())
            },
            "excluded": [
                {"start": r.start.isoformat(), "end": r.end.isoformat(), "reason": r.reason}
                for r in self.excluded
            ],
            "exam_duration_minutes": self.exam_duration_minutes,
            "allowed_clashes": sorted(self.allowed_clashes),
            "colours": dict(sorted(self.colours.items())),
            "excluded_events": sorted(self.excluded_events),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CalendarOptions:
        """Read `to_dict` output back; raises CalendarOptionsError on any bad shape."""
        if not isinstance(data, Mapping):
            raise CalendarOptionsError("calendar options must be an object")
        version = data.get("version", OPTIONS_VERSION)
        if (
            isinstance(version, bool)
            or not isinstance(version, int)
            or not 1 <= version <= OPTIONS_VERSION
        ):
            raise CalendarOptionsError(
                f"calendar options version {version!r} is not supported (this schedgen reads "
                f"versions 1 to {OPTIONS_VERSION})"
            )
        while version in _UPGRADES:
            data = _UPGRADES[version](data)
            version = data["version"]
        unknown = set(data) - {
            "version",
            "year",
            "groups",
            "terms",
            "excluded",
            "exam_duration_minutes",
            "allowed_clashes",
            "colours",
            "excluded_events",
        }
        if unknown:
            raise CalendarOptionsError(f"unknown calendar option(s): {', '.join(sorted(unknown))}")
        try:
            year = data.get("year")
            if year is not None and (not isinstance(year, int) or isinstance(year, bool)):
                raise TypeError("year must be a whole number or null")
            groups = {
                str(module): {str(k): _text(v, "group") for k, v in _mapping(choice).items()}
                for module, choice in _mapping(data.get("groups", {})).items()
            }
            terms = {
                str(code): TermDates(_day(t, "start"), _day(t, "end"))
                for code, t in _mapping(data.get("terms", {})).items()
            }
            excluded = tuple(
                DateRange(_day(r, "start"), _day(r, "end"), _text(r.get("reason", ""), "reason"))
                for r in _list(data.get("excluded", []))
            )
            minutes = data.get("exam_duration_minutes", DEFAULT_EXAM_MINUTES)
            if not isinstance(minutes, int) or isinstance(minutes, bool):
                raise TypeError("exam_duration_minutes must be a whole number")
            allowed = frozenset(
                _text(k, "clash key") for k in _list(data.get("allowed_clashes", []))
            )
            colours = {
                str(m): _text(c, "colour") for m, c in _mapping(data.get("colours", {})).items()
            }
            excluded_events = frozenset(
                _text(k, "event key") for k in _list(data.get("excluded_events", []))
            )
        except (TypeError, ValueError, KeyError) as exc:
            raise CalendarOptionsError(f"bad calendar options: {exc}") from None
        return cls(
            year=year,
            groups=groups,
            terms=terms,
            excluded=excluded,
            exam_duration_minutes=minutes,
            allowed_clashes=allowed,
            colours=colours,
            excluded_events=excluded_events,
        )


def _from_version_1(data: Mapping[str, Any]) -> Mapping[str, Any]:
    if "excluded_events" in data:
        raise CalendarOptionsError("calendar options version 1 have no excluded_events")
    return {**data, "version": 2, "excluded_events": []}


_UPGRADES: dict[int, Callable[[Mapping[str, Any]], Mapping[str, Any]]] = {1: _from_version_1}
"""Version N -> the dict of the next version; `from_dict` applies them in turn."""


def _mapping(value: Any) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise TypeError(f"expected an object, got {type(value).__name__}")
    return value


def _list(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise TypeError(f"expected a list, got {type(value).__name__}")
    return value


def _text(value: Any, what: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{what} must be a string")
    return value


def _day(value: Any, key: str) -> date:
    return date.fromisoformat(_text(_mapping(value)[key], key))

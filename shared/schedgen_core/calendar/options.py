"""What a student decides about their calendar, as plain data.

`CalendarOptions` is stored in the schedule file and synced between devices, so it converts to and
from a JSON-safe dict with a version number; `from_dict` rejects anything it does not understand
with a `CalendarOptionsError` instead of silently dropping it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from types import MappingProxyType
from typing import Any

from schedgen_core.calendar.colours import CSS_COLOURS, normalise_module
from schedgen_core.calendar.errors import CalendarOptionsError
from schedgen_core.calendar.terms import TERM_CODES, DateRange, TermDates

OPTIONS_VERSION = 1
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
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CalendarOptions:
        """Read `to_dict` output back; raises CalendarOptionsError on any bad shape."""
        if not isinstance(data, Mapping):
            raise CalendarOptionsError("calendar options must be an object")
        version = data.get("version", OPTIONS_VERSION)
        if version != OPTIONS_VERSION:
            raise CalendarOptionsError(
                f"calendar options version {version!r} is not supported (expected "
                f"{OPTIONS_VERSION})"
            )
        unknown = set(data) - {
            "version",
            "year",
            "groups",
            "terms",
            "excluded",
            "exam_duration_minutes",
            "allowed_clashes",
            "colours",
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
        )


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

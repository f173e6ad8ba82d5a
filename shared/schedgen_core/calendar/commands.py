"""``schedgen ics`` and ``schedgen diff``: the calendar core on the command line."""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from schedgen_core.calendar.diff import diff_timetables
from schedgen_core.calendar.errors import CalendarOptionsError, TermDatesMissingError
from schedgen_core.calendar.events import EventCategory, build_events
from schedgen_core.calendar.ics import to_ics
from schedgen_core.calendar.options import CalendarOptions
from schedgen_core.calendar.sessions import activity_type
from schedgen_core.calendar.terms import DateRange, TermCalendar, TermDates, load_term_calendar
from schedgen_core.errors import ScheduleError
from schedgen_core.model import LectureRow, Timetable
from schedgen_core.pdf import parse_pdf


class CalendarUsageError(ScheduleError):
    """A command-line value the calendar commands cannot use."""

    code = "usage"


def load_timetable(path_text: str, ocr: bool = False) -> Timetable:
    """A timetable from a PDF, or from a saved ``schedgen parse --json`` object (``.json``)."""
    path = Path(path_text)
    if not path.is_file():
        raise CalendarUsageError(f"{path}: no such file")
    if path.suffix.lower() == ".json":
        try:
            return Timetable.from_dict(json.loads(path.read_text("utf-8")))
        except (ValueError, UnicodeDecodeError) as exc:
            raise CalendarUsageError(
                f"{path}: not a schedgen timetable JSON file ({exc})"
            ) from None
    return parse_pdf(path, ocr=ocr)


def _day(text: str, what: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise CalendarUsageError(f"{what}: {text!r} is not a date YYYY-MM-DD") from None


def _term_option(text: str) -> tuple[str, TermDates]:
    code, sep, dates = text.partition("=")
    start, sep2, end = dates.partition(":")
    if not (sep and sep2):
        raise CalendarUsageError(f"--term {text!r}: expected CODE=YYYY-MM-DD:YYYY-MM-DD")
    first, last = _day(start, "--term"), _day(end, "--term")
    if last < first:
        raise CalendarUsageError(f"--term {text!r}: the term ends before it starts")
    return code.strip().upper(), TermDates(first, last, "command line")


def _exclude_option(text: str) -> DateRange:
    dates, _, reason = text.partition("=")
    start, _, end = dates.partition(":")
    first = _day(start, "--exclude")
    last = _day(end, "--exclude") if end else first
    if last < first:
        raise CalendarUsageError(f"--exclude {text!r}: the range ends before it starts")
    return DateRange(first, last, reason.strip() or "Excluded")


_CHOICE = re.compile(r"^(?P<module>[^/=]+?)\s*(?:/\s*(?P<kind>[A-Za-z]+))?\s*=\s*(?P<group>\S+)$")


def _choice_option(text: str, timetables: Sequence[Timetable]) -> tuple[str, str, str]:
    """``"COS 212=P02"`` or ``"COS 212/P=P02"`` -> (module, activity type, group)."""
    match = _CHOICE.match(text.strip())
    if not match:
        raise CalendarUsageError(
            f"--choose {text!r}: expected 'MODULE=GROUP' or 'MODULE/TYPE=GROUP'"
        )
    module, group = match["module"].strip(), match["group"].upper()
    if match["kind"]:
        return module, match["kind"].upper(), group
    key = "".join(module.split()).upper()
    kinds = sorted(
        {
            activity_type(row.activity)
            for t in timetables
            for row in t.rows
            if isinstance(row, LectureRow)
            and "".join(row.module.split()).upper() == key
            and row.group.upper() == group
        }
    )
    if len(kinds) != 1:
        problem = "is not in the timetable" if not kinds else "is ambiguous"
        raise CalendarUsageError(
            f"--choose {text!r}: group {group} of {module} {problem}; "
            "write MODULE/TYPE=GROUP (e.g. 'COS 212/P=P02')"
        )
    return module, kinds[0], group


def _options(args: argparse.Namespace, timetables: Sequence[Timetable]) -> CalendarOptions:
    options = CalendarOptions()
    if args.options:
        try:
            data = json.loads(Path(args.options).read_text("utf-8"))
        except (OSError, ValueError) as exc:
            raise CalendarUsageError(f"--options {args.options}: cannot read ({exc})") from None
        options = CalendarOptions.from_dict(data)
    terms = dict(options.terms)
    if (args.start is None) != (args.end is None):
        raise CalendarUsageError("--start and --end go together")
    if args.start is not None:
        first, last = _day(args.start, "--start"), _day(args.end, "--end")
        if last < first:
            raise CalendarUsageError("--end is before --start")
        codes = sorted(
            {
                r.offered.strip().upper()
                for t in timetables
                for r in t.rows
                if isinstance(r, LectureRow)
            }
        )
        if len(codes) > 1:
            raise CalendarUsageError(
                f"the lecture timetable has sessions in {', '.join(codes)}: give each term's "
                "dates with --term CODE=START:END instead of --start/--end"
            )
        for code in codes or ["S1"]:
            terms[code] = TermDates(first, last, "command line")
    terms.update(_term_option(text) for text in args.term)
    groups: dict[str, dict[str, str]] = {m: dict(c) for m, c in options.groups.items()}
    for text in args.choose:
        module, kind, group = _choice_option(text, timetables)
        groups.setdefault(module, {})[kind] = group
    try:
        return replace(
            options,
            year=args.year if args.year is not None else options.year,
            terms=terms,
            groups=groups,
            excluded=options.excluded + tuple(_exclude_option(t) for t in args.exclude),
            exam_duration_minutes=(
                round(args.exam_hours * 60)
                if args.exam_hours is not None
                else options.exam_duration_minutes
            ),
            allowed_clashes=options.allowed_clashes | frozenset(args.allow_clash),
        )
    except ValueError as exc:
        raise CalendarOptionsError(str(exc)) from None


def _cmd_ics(args: argparse.Namespace) -> int:
    timetables = [load_timetable(path, ocr=args.ocr) for path in args.files]
    options = _options(args, timetables)
    term_calendar: TermCalendar | None = (
        load_term_calendar(args.terms_file) if args.terms_file else None
    )
    try:
        build = build_events(timetables, options, term_calendar)
    except TermDatesMissingError as exc:
        raise TermDatesMissingError(
            f"{exc}; pass --start/--end (one term) or --term CODE=YYYY-MM-DD:YYYY-MM-DD"
        ) from None
    output = Path(args.output) if args.output != "-" else None
    previous = None
    if args.previous:
        previous = Path(args.previous).read_bytes()
    elif output is not None and output.is_file() and not args.fresh:
        previous = output.read_bytes()
    data = to_ics(build.events, previous=previous, name=args.name)
    if output is None:
        sys.stdout.buffer.write(data)
    else:
        output.write_bytes(data)
    for notice in build.notices:
        print(f"warning: {notice}", file=sys.stderr)
    for clash in build.active_clashes:
        print(f"warning: clash: {clash.describe()}", file=sys.stderr)
        print(f"  (to accept it: --allow-clash '{clash.key}')", file=sys.stderr)
    counts = dict.fromkeys(EventCategory, 0)
    for event in build.events:
        counts[event.category] += 1
    where = args.output if output is not None else "standard output"
    print(
        f"{len(build.events)} events ({counts[EventCategory.CLASS]} weekly classes, "
        f"{counts[EventCategory.TEST]} tests, {counts[EventCategory.EXAM]} exams), "
        f"{len(build.active_clashes)} clashes -> {where}",
        file=sys.stderr,
    )
    return 0


def _cmd_diff(args: argparse.Namespace) -> int:
    old = load_timetable(args.old, ocr=args.ocr)
    new = load_timetable(args.new, ocr=args.ocr)
    diff = diff_timetables(old, new)
    if args.json:
        json.dump(diff.to_dict(), sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(diff.to_text())
    return 0 if diff.empty else 1


def register(subparsers: Any) -> None:
    """Add ``ics`` and ``diff`` to the ``schedgen`` command line."""
    ics = subparsers.add_parser(
        "ics",
        help="write an iCalendar file from timetable PDFs",
        description=(
            "Build a calendar from UP lecture, semester-test and exam PDFs (or their "
            "'schedgen parse --json' files) and write it as iCalendar. Weekly classes repeat "
            "over their term, skipping South African public holidays, recess weeks and the "
            "ranges you exclude. Clashes are printed as warnings."
        ),
    )
    ics.add_argument("files", nargs="+", metavar="FILE", help="timetable PDF or JSON files")
    ics.add_argument("-o", "--output", default="-", help="the .ics file to write (default: stdout)")
    ics.add_argument("--year", type=int, help="the academic year (default: from test/exam dates)")
    ics.add_argument("--start", metavar="YYYY-MM-DD", help="first teaching day of the term")
    ics.add_argument("--end", metavar="YYYY-MM-DD", help="last teaching day of the term")
    ics.add_argument(
        "--term",
        action="append",
        default=[],
        metavar="CODE=START:END",
        help="dates of one term (S1, S2, Y, Q1-Q4), e.g. S2=2025-07-21:2025-10-24; repeatable",
    )
    ics.add_argument("--terms-file", metavar="TOML", help="term dates and recess weeks file")
    ics.add_argument(
        "--choose",
        action="append",
        default=[],
        metavar="MODULE=GROUP",
        help="your group, e.g. 'COS 212=P02' or 'COS 212/P=P02'; repeatable",
    )
    ics.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="START[:END][=REASON]",
        help="days without classes, e.g. '2025-08-04:2025-08-08=Field trip'; repeatable",
    )
    ics.add_argument("--exam-hours", type=float, help="assumed exam length in hours (default 3)")
    ics.add_argument(
        "--allow-clash", action="append", default=[], metavar="KEY", help="accept a clash"
    )
    ics.add_argument("--options", metavar="JSON", help="calendar options file (CalendarOptions)")
    ics.add_argument("--previous", metavar="ICS", help="earlier export, to keep SEQUENCE right")
    ics.add_argument(
        "--fresh", action="store_true", help="ignore the existing output file (SEQUENCE from 0)"
    )
    ics.add_argument("--name", default="UP timetable", help="the calendar's name")
    ics.add_argument("--ocr", action="store_true", help="allow OCR for image-only PDFs")
    ics.set_defaults(handler=_cmd_ics)

    diff = subparsers.add_parser(
        "diff",
        help="show what changed between two versions of a timetable",
        description=(
            "Compare two versions of a timetable: sessions added, removed, moved (day, date or "
            "time) or changed (venue). Exit status 0 when they match, 1 when they differ."
        ),
    )
    diff.add_argument("old", help="the earlier PDF (or JSON)")
    diff.add_argument("new", help="the later PDF (or JSON)")
    diff.add_argument("--json", action="store_true", help="print the differences as JSON")
    diff.add_argument("--ocr", action="store_true", help="allow OCR for image-only PDFs")
    diff.set_defaults(handler=_cmd_diff)

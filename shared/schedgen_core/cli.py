"""The ``schedgen`` command line.

The core's own subcommands live here; the desktop app and the server contribute theirs through the
``schedgen.commands`` entry-point group (each entry point is a ``register(subparsers)`` callable),
so the core never imports them and a core-only install simply lacks those commands.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

from schedgen_core import __version__
from schedgen_core.calendar.commands import register as register_calendar_commands
from schedgen_core.errors import ScheduleError
from schedgen_core.model import Timetable
from schedgen_core.pdf import parse_pdf
from schedgen_core.render import timetable_table

Handler = Callable[[argparse.Namespace], int]


class CommandError(Exception):
    """A usage problem the CLI reports as one line (bad option values, missing files)."""


def _cmd_parse(args: argparse.Namespace) -> int:
    path = Path(args.pdf)
    if not path.is_file():
        raise CommandError(f"{path}: no such file")
    timetable = parse_pdf(path, ocr=args.ocr)
    if args.json:
        json.dump(timetable.to_dict(), sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(timetable_table(timetable))
    return 0


def _cmd_sample(args: argparse.Namespace) -> int:
    from schedgen_core.model import Kind
    from schedgen_core.pdf.writer import render_timetable_pdf
    from schedgen_core.samples import many_page_lectures, sample_timetable

    kind = Kind(args.kind)
    if args.pages is not None:
        if kind is not Kind.LECTURE:
            raise CommandError("--pages is only available for lecture samples")
        if not 1 <= args.pages <= 1000:
            raise CommandError("--pages must be between 1 and 1000")
        timetable = many_page_lectures(args.pages)
    else:
        timetable = sample_timetable(kind)
    try:
        pdf = render_timetable_pdf(timetable, image_only=args.image_only, dpi=args.dpi)
    except ValueError as exc:
        raise CommandError(str(exc)) from exc
    path = Path(args.output)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pdf)
    noun = "row" if len(timetable.rows) == 1 else "rows"
    print(f"wrote {path} ({kind.value} sample, {len(timetable.rows)} {noun})", file=sys.stderr)
    return 0


def _register_core(subparsers: Any) -> None:
    parse = subparsers.add_parser(
        "parse",
        help="read a UP timetable PDF and print its rows",
        description="Read a UP lecture, semester-test or exam PDF and print its rows.",
    )
    parse.add_argument("pdf", help="the timetable PDF")
    parse.add_argument("--json", action="store_true", help="print the contract JSON object")
    parse.add_argument(
        "--ocr", action="store_true", help="allow OCR (Tesseract) for image-only PDFs"
    )
    parse.set_defaults(handler=_cmd_parse)
    register_calendar_commands(subparsers)

    sample = subparsers.add_parser(
        "sample",
        help="write an invented timetable PDF in the UP layout",
        description="Write a sample lecture, test or exam PDF laid out like the UP's own PDFs.",
    )
    sample.add_argument("kind", choices=["lecture", "test", "exam"], help="which schedule")
    sample.add_argument("-o", "--output", required=True, help="the PDF file to write")
    sample.add_argument(
        "--pages", type=int, help="fill about this many pages (lecture samples only)"
    )
    sample.add_argument(
        "--image-only", action="store_true", help="pages as images only, like a scan (no text)"
    )
    sample.add_argument("--dpi", type=int, default=200, help="image resolution for --image-only")
    sample.set_defaults(handler=_cmd_sample)


def _register_plugins(subparsers: Any) -> None:
    for entry in sorted(entry_points(group="schedgen.commands"), key=lambda e: e.name):
        try:
            register = entry.load()
        except ImportError as exc:
            # An extra that is not installed (e.g. the server on a desktop-only install).
            stub = subparsers.add_parser(entry.name, help=f"(unavailable: {exc.name} missing)")
            stub.set_defaults(handler=_unavailable(entry.name, exc))
            continue
        register(subparsers)


def _unavailable(name: str, exc: ImportError) -> Handler:
    def handler(_: argparse.Namespace) -> int:
        raise CommandError(
            f"'schedgen {name}' needs {exc.name}, which is not installed "
            "(install schedgen with the matching extra)"
        )

    return handler


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="schedgen", description="UP Schedule Generator: timetable PDFs to calendars."
    )
    parser.add_argument("--version", action="version", version=f"schedgen {__version__}")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _register_core(subparsers)
    _register_plugins(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handler: Handler = args.handler
    try:
        return handler(args)
    except (ScheduleError, CommandError) as exc:
        print("error: " + " ".join(str(exc).split()), file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


__all__ = ["CommandError", "Timetable", "build_parser", "main"]

"""Run one parse where it can be killed: a child process forked from a clean forkserver.

A time limit cannot interrupt a long C call inside PyMuPDF or Tesseract, so the parse runs in a
child that is killed when the limit passes. The forkserver preloads the core, so starting a child
costs a fork, not an import. The child sends back either the contract JSON object or the core's
error (code and message); a child that dies without answering is a transient fault.
"""

from __future__ import annotations

import multiprocessing
from multiprocessing.connection import Connection
from typing import Any

from schedgen_core import errors
from schedgen_core.pdf import ParseLimits

_CONTEXT = multiprocessing.get_context("forkserver")
_CONTEXT.set_forkserver_preload(["schedgen_core.pdf", "schedgen_core.errors"])

_ERRORS_BY_CODE: dict[str, type[errors.ScheduleError]] = {
    cls.code: cls
    for cls in vars(errors).values()
    if isinstance(cls, type) and issubclass(cls, errors.ScheduleError)
}


class ParseCrashedError(RuntimeError):
    """The parse process died without an answer (killed, out of memory): worth a retry."""


def _parse_in_child(
    channel: Connection, data: bytes, name: str, ocr: bool, limits: ParseLimits
) -> None:
    from schedgen_core.pdf import parse_pdf

    try:
        timetable = parse_pdf(data, name=name, limits=limits, ocr=ocr)
        channel.send(("ok", timetable.to_dict()))
    except errors.ScheduleError as exc:
        channel.send(("error", exc.code, str(exc)))
    except Exception as exc:
        channel.send(("crash", f"{type(exc).__name__}: {exc}"))
    finally:
        channel.close()


def parse_bounded(
    data: bytes, *, name: str, ocr: bool, limits: ParseLimits, time_limit_s: float
) -> dict[str, Any]:
    """Parse in a child process; raise the core's error, ParseTimeoutError or ParseCrashedError."""
    receiver, sender = _CONTEXT.Pipe(duplex=False)
    process = _CONTEXT.Process(
        target=_parse_in_child, args=(sender, data, name, ocr, limits), daemon=True
    )
    process.start()
    sender.close()
    try:
        if not receiver.poll(time_limit_s):
            raise errors.ParseTimeoutError(
                f"the PDF took longer than {time_limit_s:g} s to read and was abandoned"
            )
        outcome = receiver.recv()
    except EOFError:
        raise ParseCrashedError(f"the parse process exited with code {process.exitcode}") from None
    finally:
        receiver.close()
        if process.is_alive():
            process.kill()
        process.join()
    if outcome[0] == "ok":
        result: dict[str, Any] = outcome[1]
        return result
    if outcome[0] == "error":
        error_class = _ERRORS_BY_CODE.get(outcome[1], errors.ScheduleError)
        raise error_class(outcome[2])
    raise ParseCrashedError(outcome[1])

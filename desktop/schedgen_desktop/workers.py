"""Long work off the GUI thread.

Controllers never start threads themselves: they hand a job (a plain callable) and a ``done``
callback to a :class:`Runner`. :class:`ThreadPoolRunner` runs the job on Qt's global thread pool
and calls ``done`` back on the GUI thread; :class:`SynchronousRunner` runs both at once, so
controller logic can be tested without an event loop.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from schedgen_core.errors import ScheduleError
from schedgen_core.model import Timetable

ParseFunction = Callable[[Path], Timetable]


@dataclass(frozen=True, slots=True)
class ParseOutcome:
    """What became of one file: a timetable, or a message for the student."""

    path: Path
    timetable: Timetable | None = None
    error: str | None = None
    error_code: str | None = None
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.timetable is not None


def default_parse(path: Path) -> Timetable:
    # Imported here so the PDF engine loads on a worker thread, not before the window shows.
    from schedgen_core.pdf import parse_pdf

    return parse_pdf(path)


def parse_file(path: str | os.PathLike[str], parse: ParseFunction = default_parse) -> ParseOutcome:
    """Parse one file; every failure a student can cause becomes a message, never an exception."""
    file = Path(path)
    started = time.perf_counter()
    try:
        timetable = parse(file)
    except ScheduleError as exc:
        return ParseOutcome(file, error=exc.message, error_code=exc.code)
    except IsADirectoryError:
        return ParseOutcome(file, error="this is a folder, not a PDF", error_code="not_a_pdf")
    except FileNotFoundError:
        return ParseOutcome(file, error="the file does not exist", error_code="not_found")
    except OSError as exc:
        return ParseOutcome(file, error=f"cannot read the file: {exc.strerror or exc}")
    except Exception as exc:  # a reader bug must not take the window down or hang the preview
        return ParseOutcome(file, error=f"schedgen could not read this file ({exc!r})")
    return ParseOutcome(file, timetable=timetable, seconds=time.perf_counter() - started)


class Runner(Protocol):
    def submit(self, job: Callable[[], Any], done: Callable[[Any], None]) -> None: ...

    def pending(self) -> int: ...


class SynchronousRunner:
    """Runs each job and its callback immediately, on the caller's thread."""

    def submit(self, job: Callable[[], Any], done: Callable[[Any], None]) -> None:
        done(job())

    def pending(self) -> int:
        return 0


class _Relay(QObject):
    """Lives on the GUI thread; a signal emitted by the worker is queued to it."""

    finished = Signal(object)

    def __init__(self, done: Callable[[Any], None], on_delivered: Callable[[_Relay], None]):
        super().__init__()
        self._done = done
        self._on_delivered = on_delivered
        self.finished.connect(self.deliver)

    @Slot(object)
    def deliver(self, result: Any) -> None:
        self._on_delivered(self)
        self._done(result)


class _Job(QRunnable):
    def __init__(self, job: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._job = job
        self._relay = relay

    def run(self) -> None:
        self._relay.finished.emit(self._job())


class ThreadPoolRunner:
    """Runs jobs on ``QThreadPool.globalInstance()``; ``done`` runs on the GUI thread."""

    def __init__(self, pool: QThreadPool | None = None) -> None:
        self._pool = pool or QThreadPool.globalInstance()
        self._relays: set[_Relay] = set()

    def submit(self, job: Callable[[], Any], done: Callable[[Any], None]) -> None:
        relay = _Relay(done, self._relays.discard)
        self._relays.add(relay)
        self._pool.start(_Job(job, relay))

    def pending(self) -> int:
        return len(self._relays)

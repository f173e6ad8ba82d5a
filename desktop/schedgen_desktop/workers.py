"""Long work off the GUI thread.

Controllers never start threads themselves: they hand a job (a plain callable) and a ``done``
callback to a :class:`Runner`. :class:`ThreadPoolRunner` runs the job on Qt's global thread pool
and calls ``done`` back on the GUI thread; :class:`SynchronousRunner` runs both at once, so
controller logic can be tested without an event loop.
"""

from __future__ import annotations

import gc
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
        # Python owns the runnable (kept by the runner until delivered), never Qt's pool.
        self.setAutoDelete(False)
        self._job = job
        self._relay = relay

    def run(self) -> None:
        self._relay.finished.emit(self._job())


class ThreadPoolRunner:
    """Runs jobs one at a time on a worker thread; ``done`` runs on the GUI thread.

    One thread, because the PDF engine (MuPDF) must not be used from two threads at once. And
    Python's cyclic garbage collector is paused while a job runs: a collection triggered on the
    worker would finalise Qt widgets off the GUI thread, and one on the GUI thread could free
    PDF-engine objects mid-parse; both crash. Jobs take milliseconds; collection resumes after.
    """

    def __init__(self, pool: QThreadPool | None = None) -> None:
        if pool is None:
            pool = QThreadPool()
            pool.setMaxThreadCount(1)
        self._pool = pool
        self._running: dict[_Relay, _Job] = {}
        self._gc_was_enabled = True

    def submit(self, job: Callable[[], Any], done: Callable[[Any], None]) -> None:
        relay = _Relay(done, self._delivered)
        runnable = _Job(job, relay)
        if not self._running:
            self._gc_was_enabled = gc.isenabled()
            gc.disable()
        self._running[relay] = runnable
        self._pool.start(runnable)

    def _delivered(self, relay: _Relay) -> None:
        self._running.pop(relay, None)
        if not self._running and self._gc_was_enabled:
            gc.enable()

    def pending(self) -> int:
        return len(self._running)

    def wait(self, msecs: int = -1) -> bool:
        """Block until every job has run (their callbacks still arrive through the event loop)."""
        return bool(self._pool.waitForDone(msecs))

"""Run parses where they can be killed: a pool of child processes forked from a clean forkserver.

A time limit cannot interrupt a long C call inside PyMuPDF or Tesseract, so each parse runs in a
child process, and a parse that outlives its limit takes its pool down with it (the children are
killed; the next parse starts a fresh pool). The forkserver preloads the core and the children
are reused, so a parse costs a round trip to a warm process, not a fork and an import. A child
that dies without answering is a transient fault (ParseCrashedError); a bad PDF comes back as the
core's own error.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeoutError
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from schedgen_core import errors
from schedgen_core.pdf import ParseLimits

_CONTEXT = multiprocessing.get_context("forkserver")
# "__main__" first: children then skip re-running the main module when they start.
_CONTEXT.set_forkserver_preload(["__main__", "schedgen_core.pdf", "schedgen_core.errors"])

_ERRORS_BY_CODE: dict[str, type[errors.ScheduleError]] = {
    cls.code: cls
    for cls in vars(errors).values()
    if isinstance(cls, type) and issubclass(cls, errors.ScheduleError)
}

CHILD_TASKS_BEFORE_RESTART = 500


class ParseCrashedError(RuntimeError):
    """The parse process died without an answer (killed, out of memory): worth a retry."""


def _child_setup() -> None:
    """A pool child ignores a terminal's Ctrl-C (its parent shuts the pool down) and exits by
    itself if its parent (the forkserver, which follows the server process) goes away."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = os.getppid()

    def exit_when_orphaned() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=exit_when_orphaned, daemon=True).start()


def _parse_in_child(data: bytes, name: str, ocr: bool, limits: ParseLimits) -> tuple[str, Any, str]:
    from schedgen_core.pdf import parse_pdf

    try:
        return ("ok", parse_pdf(data, name=name, limits=limits, ocr=ocr).to_dict(), "")
    except errors.ScheduleError as exc:
        return ("error", exc.code, str(exc))
    except Exception as exc:
        return ("crash", f"{type(exc).__name__}: {exc}", "")


class ParsePool:
    """At most ``size`` parses at a time, each in a killable child process."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._lock = threading.Lock()
        self._executor: ProcessPoolExecutor | None = None

    def _current(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._executor is None:
                self._executor = ProcessPoolExecutor(
                    self.size,
                    mp_context=_CONTEXT,
                    initializer=_child_setup,
                    max_tasks_per_child=CHILD_TASKS_BEFORE_RESTART,
                )
            return self._executor

    def _discard(self, executor: ProcessPoolExecutor) -> None:
        with self._lock:
            if self._executor is executor:
                self._executor = None
        for process in list(getattr(executor, "_processes", {}).values()):
            process.kill()
        executor.shutdown(wait=False, cancel_futures=True)

    def warm_up(self) -> None:
        """Start the forkserver and one child now rather than on the first upload (best effort:
        a failure here only means the first parse starts them)."""
        executor = self._current()
        try:
            executor.submit(int).result()
        except (BrokenProcessPool, EOFError, OSError, RuntimeError):
            # Also what a shutdown racing the warm-up looks like: the forkserver is gone, or
            # the pool no longer takes work.
            self._discard(executor)

    def parse(
        self, data: bytes, *, name: str, ocr: bool, limits: ParseLimits, time_limit_s: float
    ) -> dict[str, Any]:
        """The contract JSON object, or the core's error, ParseTimeoutError, ParseCrashedError."""
        executor = self._current()
        try:
            future = executor.submit(_parse_in_child, data, name, ocr, limits)
            outcome = future.result(timeout=time_limit_s)
        except FutureTimeoutError:
            self._discard(executor)
            raise errors.ParseTimeoutError(
                f"the PDF took longer than {time_limit_s:g} s to read and was abandoned"
            ) from None
        except (BrokenProcessPool, EOFError, OSError) as exc:  # a child or the forkserver died
            self._discard(executor)
            raise ParseCrashedError(f"the parse process died: {exc}") from None
        if outcome[0] == "ok":
            result: dict[str, Any] = outcome[1]
            return result
        if outcome[0] == "error":
            raise _ERRORS_BY_CODE.get(outcome[1], errors.ScheduleError)(outcome[2])
        raise ParseCrashedError(outcome[1])

    def close(self) -> None:
        with self._lock:
            executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)


_default_pool: ParsePool | None = None


def parse_bounded(
    data: bytes, *, name: str, ocr: bool, limits: ParseLimits, time_limit_s: float
) -> dict[str, Any]:
    """Parse in this process's shared pool (sized on first use by ``configure_pool``)."""
    return default_pool().parse(data, name=name, ocr=ocr, limits=limits, time_limit_s=time_limit_s)


def configure_pool(size: int) -> ParsePool:
    global _default_pool
    if _default_pool is None or _default_pool.size != size:
        if _default_pool is not None:
            _default_pool.close()
        _default_pool = ParsePool(size)
    return _default_pool


def default_pool() -> ParsePool:
    return _default_pool or configure_pool(2)

"""Work in forked processes: one piece split over them, so that a shard alone on a machine with
more cores (one kabupaten, or one changed kabupaten of a larger portal) uses them all; or one
piece done beside this process's own (`Forked`). A forked process ends with the one that forked
it: a killed build leaves nothing running."""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import pickle
import signal
import traceback
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import Generic, TypeVar

T = TypeVar("T")


def cpu_time() -> float:
    """CPU seconds (user and kernel) of this process and of the children it has waited for:
    the parts `in_processes` forked count for the stage that forked them."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


class ChildError(Exception):
    """A forked part failed with an error that could not be sent back as itself."""


#: Fewest items (pages, files) worth a process of their own: forking a build's process and
#: sending its result back costs about as much as 50 small pages (a changed value is built
#: by one process).
MIN_ITEMS = 50


def in_processes(work: Callable[[int, int], T], processes: int, items: int | None = None) -> list[T]:
    """`work(part, parts)` for every part, part 0 in this process and each other in a forked
    one (sharing everything this process holds, copied on write); their results in part order.
    `items`: how many items the work has, at least MIN_ITEMS per part (None: `processes` parts).
    The first error of any part is raised here, after every part has ended."""
    if items is not None:
        processes = min(processes, items // MIN_ITEMS)
    if processes <= 1:
        return [work(0, 1)]
    children = [_fork(work, part, processes) for part in range(1, processes)]
    outcomes: list[tuple[bool, object]] = []
    try:
        outcomes.append((True, work(0, processes)))
    except BaseException as exc:
        outcomes.append((False, exc))
    outcomes += [_collect(pid, reader) for pid, reader in children]
    for ok, value in outcomes:
        if not ok:
            raise value  # type: ignore[misc]
    return [value for _, value in outcomes]  # type: ignore[misc]


class Forked(Generic[T]):
    """`work()` in a forked process (sharing what this process holds, copied on write) while
    this one goes on; `wait` returns its result or raises its error."""

    def __init__(self, work: Callable[[], T]) -> None:
        self.pid, self._reader = _fork(lambda _, __: work(), 0, 1)

    def wait(self) -> T:
        ok, value = _collect(self.pid, self._reader)
        if not ok:
            raise value  # type: ignore[misc]
        return value  # type: ignore[return-value]


@contextmanager
def worker_pool(processes: int) -> Iterator[ProcessPoolExecutor]:
    """`processes` forked worker processes that end with this one. A worker that dies (killed,
    out of memory) breaks the pool: its work raises BrokenProcessPool instead of never ending.
    Leaving on an error cancels the work not started and kills the workers at once, so a failed
    build stops without finishing the rest (the workers: the multiprocessing children this
    process did not have before)."""
    others = set(multiprocessing.active_children())
    pool = ProcessPoolExecutor(
        processes, multiprocessing.get_context("fork"), initializer=_end_with_parent, initargs=(os.getpid(),)
    )
    try:
        yield pool
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        for worker in set(multiprocessing.active_children()) - others:
            worker.kill()
            worker.join()
        raise
    pool.shutdown()


#: Linux's prctl option that sends the calling process a signal when its parent ends.
PR_SET_PDEATHSIG = 1
_PRCTL = getattr(ctypes.CDLL(None), "prctl", None)


def _end_with_parent(parent: int) -> None:
    """Have this forked process killed when `parent` ends (where the kernel offers it), and end
    it now if `parent` already has."""
    if _PRCTL is not None:
        _PRCTL(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:
        os._exit(1)


def _fork(work: Callable[[int, int], T], part: int, processes: int) -> tuple[int, int]:
    reader, writer = os.pipe()
    parent = os.getpid()
    pid = os.fork()
    if pid:
        os.close(writer)
        return pid, reader
    os.close(reader)
    code = 0
    try:
        try:
            _end_with_parent(parent)
            message = pickle.dumps((True, work(part, processes)))
        except Exception as exc:
            try:
                message = pickle.dumps((False, exc))
            except Exception:  # an exception that cannot be pickled: its text
                message = pickle.dumps((False, ChildError("".join(traceback.format_exception(exc)))))
        with os.fdopen(writer, "wb") as pipe:
            pipe.write(message)
    except BaseException:
        code = 1
    finally:
        os._exit(code)  # never back into the parent's code (no atexit, no finally of the caller)


def _collect(pid: int, reader: int) -> tuple[bool, object]:
    with os.fdopen(reader, "rb") as pipe:
        data = pipe.read()
    _, status = os.waitpid(pid, 0)
    if not data:
        return False, ChildError(f"proses bagian {pid} berhenti tanpa hasil (status {status})")
    outcome: tuple[bool, object] = pickle.loads(data)
    return outcome

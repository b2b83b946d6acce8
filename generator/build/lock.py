"""One build at a time per work folder and per published site: an exclusive lock (flock) on a
file, held for the whole build and released by the kernel when the process ends, however it
ends: a killed build never leaves a stale lock."""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path

from generator.build.mkdocs_run import BuildError

#: The lock file's name, in the work folder and in the site's versions folder.
LOCK = "kunci"

_held: set[int] = set()


def _release_in_child() -> None:
    """A forked shard worker does not keep its parent's locks: orphaned by a killed build, it
    would otherwise hold the site locked until it ended."""
    for fd in _held:
        with contextlib.suppress(OSError):
            os.close(fd)
    _held.clear()


os.register_at_fork(after_in_child=_release_in_child)


@contextlib.contextmanager
def exclusive(folder: Path, what: str) -> Iterator[None]:
    """Hold `folder`'s lock; a BuildError naming `what` and the holder when another build has it.
    A folder made for the lock alone is removed again (a build refused early leaves nothing)."""
    made = not folder.exists()
    folder.mkdir(parents=True, exist_ok=True)
    fd = os.open(folder / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = os.read(fd, 20).decode(errors="replace").strip() or "?"
        os.close(fd)
        raise BuildError(
            f"{what} sedang dipakai oleh pembangunan lain (proses {holder}); tunggu sampai selesai, lalu ulangi"
        ) from None
    _held.add(fd)
    try:
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        yield
    finally:
        _held.discard(fd)
        if made and os.listdir(folder) == [LOCK]:
            (folder / LOCK).unlink()
            folder.rmdir()
        os.close(fd)

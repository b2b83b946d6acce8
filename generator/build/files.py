"""Folder operations of the build: copy a tree (or link it), bring a tree up to date with
another, replace a folder with two renames, remove a tree.

Removing a file is slow here in wall time, not CPU: on this machine's disk, `shutil.rmtree` of a
shard's 12.000 output files took 10 to 32 s for 0,7 s of CPU, the same files removed by 16 threads
2,3 to 2,5 s (bench/results/build-scale.md). The build therefore removes trees with `remove_tree`,
and a shard's replaced output (`replace_folder` with `trash`) by a thread of the main process
while the other shards build (`TrashRemover`)."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from generator.parallel import in_processes

#: How one file is copied: (source, target).
Copy = Callable[[str, str], object]


def copy_tree(source: Path, target: Path, skip: tuple[str, ...] = (), copy: Copy = shutil.copy2) -> None:
    """Copy a tree into `target` (merged with what is there), file by file with `copy`."""
    ignore = shutil.ignore_patterns(*skip) if skip else None
    shutil.copytree(source, target, copy_function=copy, ignore=ignore, dirs_exist_ok=True)


def sync_tree(
    source: Path,
    target: Path,
    copy: Copy,
    skip: tuple[str, ...] = (),
    keep: frozenset[str] = frozenset(),
    processes: int = 1,
    journal: Journal | None = None,
) -> None:
    """Make `target` hold the files of `source` (but the names `skip`, at any depth), the cost
    following what differs: a file already there that `copied_unchanged` finds the same stays,
    another is unlinked and made again by `copy` (never written into: other trees may share it as
    a hard link), and what `source` lacks is removed, except the names `keep` directly in `target`.
    The files to make are made last, by `processes` processes. With a `journal`, what is removed
    is moved into it instead and what is made is noted, so that `undo_journal` can put the tree
    back as it was."""
    ignore = shutil.ignore_patterns(*skip)
    made: list[tuple[str, str]] = []
    remove = _remove_entry if journal is None else journal.remove

    def walk(src: str, dst: str, kept: frozenset[str], new: bool) -> None:
        with os.scandir(src) as it:
            entries = {e.name: e for e in it}
        ignored = ignore(src, list(entries)) if skip else set()
        try:
            with os.scandir(dst) as it:
                there = {e.name: e for e in it}
        except FileNotFoundError:
            if journal is not None and not new:
                journal.made(dst)
            os.mkdir(dst)
            shutil.copymode(src, dst)  # readable by the web server whatever the umask, as its source
            there, new = {}, True
        for name, entry in entries.items():
            if name in ignored:
                continue
            s, d, old = entry.path, os.path.join(dst, name), there.get(name)
            if entry.is_dir():
                if old is not None and not old.is_dir(follow_symlinks=False):
                    remove(d, False)
                walk(s, d, frozenset(), new)
                continue
            if old is not None:
                folder = old.is_dir(follow_symlinks=False)
                if not folder and copied_unchanged(s, d):
                    continue
                remove(d, folder)
            elif journal is not None and not new:
                journal.made(d)
            made.append((s, d))
        for name, old in there.items():
            if (name not in entries or name in ignored) and name not in kept:
                remove(old.path, old.is_dir(follow_symlinks=False))

    walk(str(source), str(target), keep, False)

    def make(part: int, parts: int) -> None:
        for s, d in made[part::parts]:
            copy(s, d)

    in_processes(make, processes, len(made))


def _remove_entry(path: str, folder: bool) -> None:
    """Remove a file or a `folder`."""
    shutil.rmtree(path) if folder else os.unlink(path)


def _is_folder(path: str) -> bool:
    return os.path.isdir(path) and not os.path.islink(path)


class Journal:
    """What `sync_tree` changes in the tree `root`, so that a change not published can be undone
    (`undo_journal`), also after the process making it was killed: each entry is written to the
    file `log` before its change (a change not made after all is skipped when undoing), by any
    process holding the journal (forked ones too: the file is open for appending). An entry it
    removes is renamed into `folder` (the same place below it); an entry it makes where there was
    none is noted (one made inside a folder it made is not: removing the folder removes it).
    Moving costs one rename where removing cost one unlink; `folder` is removed, with what it
    holds, once the change is published."""

    def __init__(self, root: Path, folder: Path, log: Path, about: object) -> None:
        """Start the journal `log` with the tree, the folder and `about` (what its caller needs
        to finish an undo, returned by `undo_journal`)."""
        self.root, self.folder = str(root), str(folder)
        self._folders: set[str] = set()
        self._log = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_APPEND, 0o600)
        self._write({"root": self.root, "folder": self.folder, "about": about})

    def _write(self, entry: object) -> None:
        os.write(self._log, (json.dumps(entry) + "\n").encode())

    def made(self, path: str) -> None:
        """Note that `path`, which does not exist, is about to be made."""
        self._write([True, path])

    def remove(self, path: str, folder: bool = False) -> None:
        """Move `path` (a file or a `folder`: the same rename) out of the tree, into the journal's
        folder; when the journal keeps the one that was there first already, the one made since
        is removed (undoing puts the first one back)."""
        kept = _kept(self.root, self.folder, path)
        if os.path.lexists(kept):
            _remove_entry(path, folder)
            return
        parent = os.path.dirname(kept)
        if parent not in self._folders:
            os.makedirs(parent, exist_ok=True)
            self._folders.add(parent)
        self._write([False, path])
        os.rename(path, kept)

    def renew(self, path: str) -> None:
        """`path` is about to be written anew (a new file): what is there moved aside, the new one noted."""
        if os.path.lexists(path):
            self.remove(path, _is_folder(path))
        self.made(path)

    def close(self) -> None:
        os.close(self._log)


def undo_journal(log: Path) -> Any:
    """Put the tree of the journal `log` back as it was, last change first, its files the same
    inodes; the `about` it was started with. The log is removed first: a process killed while
    undoing leaves a tree to be removed, never one undone twice. Raises OSError or ValueError
    when it cannot."""
    lines = log.read_text(encoding="utf-8").splitlines()
    log.unlink()
    if not lines:
        raise ValueError(f"{log}: empty")
    head = json.loads(lines[0])
    root, folder = head["root"], head["folder"]
    for line in reversed(lines[1:]):
        made, path = json.loads(line)
        kept = _kept(root, folder, path)  # never anything outside the tree
        if made:
            if os.path.lexists(path):
                _remove_entry(path, _is_folder(path))
            continue
        if not os.path.lexists(kept):  # not moved after all
            continue
        if os.path.lexists(path) and (_is_folder(path) or _is_folder(kept)):
            _remove_entry(path, _is_folder(path))
        os.replace(kept, path)  # over a file made in its place
    return head["about"]


def _kept(root: str, folder: str, path: str) -> str:
    """Where a journal keeps `path` of the tree `root` (the same place below `folder`)."""
    if not path.startswith(root + os.sep):
        raise ValueError(f"{path} is not below {root}")
    return folder + path[len(root) :]


def keep_unchanged(new: Path, old: Path, copy_suffix: str = ".gz") -> None:
    """Where `new` has a file with the bytes of the one at the same place in `old`, make it a
    hard link to that one (with its precompressed copy, when `old` has one): what did not change
    keeps its identity (inode, time), so the later steps (precompressed copies, search records,
    publishing) know it unchanged without reading or writing it again."""
    for dirpath, _, names in os.walk(new):
        for name in names:
            path = os.path.join(dirpath, name)
            was = os.path.join(old, os.path.relpath(path, new))
            if name.endswith(copy_suffix):
                continue
            if not _same_file(path, was):  # the same file already: only its copy to take over
                if not same_bytes(path, was):
                    continue
                os.unlink(path)
                hard_link(was, path)
            if os.path.exists(was + copy_suffix) and not os.path.exists(path + copy_suffix):
                hard_link(was + copy_suffix, path + copy_suffix)


def prune(folder: Path, wanted: set[str], copy_suffix: str = ".gz") -> None:
    """Remove every file under `folder` that is not in `wanted` (relative POSIX names) nor the
    precompressed copy of one."""
    for dirpath, _, names in os.walk(folder):
        prefix = os.path.relpath(dirpath, folder).replace(os.sep, "/") + "/"
        for name in names:
            relative = (name if prefix == "./" else prefix + name).removesuffix(copy_suffix)
            if relative not in wanted:
                os.unlink(os.path.join(dirpath, name))


def hard_link(source: str, target: str) -> None:
    """A file as a hard link (a copy where the file system cannot link), never over a file that
    is there (FileExistsError: it may be published, and a copy would write into it)."""
    try:
        os.link(source, target)
    except FileExistsError:
        raise
    except OSError:
        shutil.copy2(source, target)


def copy_file(source: str, target: str) -> None:
    """`target`, which must not exist, as a new file with the bytes, permission bits and
    modification time of `source`: what `shutil.copy2` keeps that a web server and the next
    build need, for 55 to 65 % of its CPU time on this machine's small files (no extended
    attributes, times and mode set on the open file); publishing copies thousands per shard."""
    with open(source, "rb") as f:
        data, info = f.read(), os.fstat(f.fileno())
    with open(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as out:
        os.fchmod(out.fileno(), info.st_mode & 0o7777)  # whatever the umask, as its source
        out.write(data)
        out.flush()
        os.utime(out.fileno(), ns=(info.st_atime_ns, info.st_mtime_ns))


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def link_anew(source: str, target: str, folders: set[str]) -> None:
    """`target` as a new hard link to `source` (a copy across file systems), whatever was there
    unlinked first, never written into; its folder made unless in `folders` (filled in here:
    making a folder that exists costs as much as making it)."""
    folder = os.path.dirname(target)
    if folder not in folders:
        os.makedirs(folder, exist_ok=True)
        folders.add(folder)
    if os.path.lexists(target):
        os.unlink(target)
    hard_link(source, target)


def same_bytes(a: str | Path, b: str | Path) -> bool:
    """Whether two files hold the same bytes (False when either is missing or no file)."""
    try:
        if os.stat(a).st_size != os.stat(b).st_size:
            return False
        with open(a, "rb") as first, open(b, "rb") as second:
            return first.read() == second.read()
    except OSError:
        return False


def copied_unchanged(source: str | Path, copy: str | Path) -> bool:
    """Whether `copy` holds the bytes of `source`: a copy made with its modification time
    (`shutil.copy2`) from a source that has not changed since has the same size and time. Only
    a time with sub-second digits is trusted (a file system that keeps whole seconds could give
    two versions the same time); otherwise the bytes are compared."""
    try:
        a, b = os.stat(source), os.stat(copy)
    except OSError:
        return False
    if a.st_size != b.st_size:
        return False
    if a.st_mtime_ns == b.st_mtime_ns and a.st_mtime_ns % 1_000_000_000:
        return True
    return same_bytes(source, copy)


#: Threads removing files at once: removing is bound by the disk's latency, not the CPU.
REMOVERS = 16


def remove_tree(folder: Path) -> None:
    """Remove `folder` and everything in it (nothing when it does not exist), files by several
    threads at once."""
    if not folder.exists():
        return
    files, folders = [], []
    for dirpath, _, names in os.walk(folder):
        folders.append(dirpath)
        files += [os.path.join(dirpath, name) for name in names]
    with ThreadPoolExecutor(REMOVERS) as pool:
        list(pool.map(os.unlink, files, chunksize=64))
    for dirpath in reversed(folders):  # os.walk lists a folder before its sub-folders
        os.rmdir(dirpath)


def replace_folder(new: Path, target: Path, trash: Path | None = None) -> None:
    """Put `new` in place of `target` with two renames; restore the old one on failure. The old
    one is removed, or moved into the folder `trash` for the caller to remove later."""
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.lama-", dir=target.parent))
        old.rmdir()
        target.rename(old)
    try:
        new.rename(target)
    except OSError:
        if old is not None:
            old.rename(target)
        raise
    if old is not None and trash is not None:
        trash.mkdir(parents=True, exist_ok=True)
        old.rename(trash / f"{REPLACED}{target.parent.name}{old.name}")  # one rename: whole, or not there
    elif old is not None:
        remove_tree(old)


#: How `replace_folder` names a replaced folder in the trash (nothing else there is named so).
REPLACED = "diganti-"


class TrashRemover:
    """Removes the folders `replace_folder` moves into `trash` while a build goes on: a thread
    of the main process, which mostly waits for the shard workers, so removing (bound by the
    disk's latency) overlaps with building. `stop` removes what is left and waits."""

    def __init__(self, trash: Path, every: float = 0.5) -> None:
        self.trash, self.every = trash, every
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="hapus-lama", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while True:
            stopping = self._stop.wait(self.every)
            try:
                for entry in os.scandir(self.trash):
                    if entry.name.startswith(REPLACED):
                        remove_tree(Path(entry.path))
            except OSError:
                pass  # no trash yet, or a file already gone: removed after publishing
            if stopping:
                return

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

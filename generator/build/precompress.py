"""Precompressed copies and permissions of the published files.

A web server sends text compressed; nginx (`gzip_static`) and the Apache rules in `deploy/`
send `<file>.gz` when it exists instead of compressing on every request. `precompress` writes
one beside every HTML, CSS, JS, JSON, CSV, SVG and XML file of a shard's output, in the work
folder, right after the shard's MkDocs build, so that an unchanged shard reuses them and an
incremental build compresses only what changed: a record in the shard's work folder keeps, per
file, the identity (inode, size, modification time) of the file its `.gz` was made from and of
the `.gz` itself. An output the build did not touch is a hard link to the same inode and keeps
its `.gz`; any other file gets a new one. Every `.gz` is written as a new file (published copies
are hard links, never modified in place), deterministically (gzip level 6, no file name, time 0
in the header). Level 6 is what nginx and Apache use on the fly; level 9 made files 2 to 3 %
smaller for twice the CPU (about 1,6 ms more per page, bench/results/precompress.md). The copies
are made by zlib-ng, a faster implementation of zlib: at level 6 a kabupaten's files compress to
the same size in 58 % of the CPU of the standard library's zlib.

The same walk makes the output world-readable whatever the umask (files 0644, folders 0755): a
web server runs as its own user and would answer 403 otherwise.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TypeGuard

from zlib_ng import zlib_ng

from generator.build.files import hard_link
from generator.parallel import in_processes

#: Files a server sends compressed, from this size on: a smaller response fits in one network
#: packet anyway (most CSV and JSON files of single tables; bench/results/precompress.md).
COMPRESSED = (".html", ".css", ".js", ".json", ".csv", ".svg", ".xml")
MIN_SIZE = 1024
FILE_MODE, FOLDER_MODE = 0o644, 0o755

Stamp = list[int]  # inode, size and modification time (ns) of a file, then the inode of its .gz


def gzip_bytes(data: bytes) -> bytes:
    """Deterministic gzip: the same bytes always give the same file."""
    return zlib_ng.compress(data, 6, wbits=31)  # a gzip member, no name, time 0


def write_new(path: Path, data: bytes) -> int:
    """Write `data` to `path` as a new file (any old one unlinked first: published copies are
    hard links to it), readable by everyone; its inode."""
    path.unlink(missing_ok=True)
    with open(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE), "wb") as f:
        os.fchmod(f.fileno(), FILE_MODE)  # whatever the umask
        f.write(data)
        return os.fstat(f.fileno()).st_ino


def write_with_gzip(path: Path, data: bytes) -> None:
    """A published file and its `.gz`, both new files (used for files assembled at publishing)."""
    write_new(path, data)
    write_new(path.with_name(path.name + ".gz"), gzip_bytes(data))


def _load(record: Path) -> dict[str, Stamp]:
    try:
        known = json.loads(record.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return known if isinstance(known, dict) else {}


def precompress(site: Path, record: Path, processes: int = 1, previous: Path | None = None) -> dict[str, Stamp]:
    """Give every compressible file of `site` an up-to-date `.gz` (none below MIN_SIZE), remove
    `.gz` files whose source is gone, make everything world-readable; the new record (for `save`).
    `processes`: the new `.gz` files are made in that many processes. `previous`: the output the
    record is of, when `site` is a new folder to replace it (a full build): a file `site` holds
    as the one that output's `.gz` was made from (the same inode: a table, chart or theme file
    linked again) gets that `.gz` as a link instead of being compressed again."""
    known, stamps = _load(record), {}
    todo: list[tuple[str, Stamp]] = []  # files that need a new .gz
    start = len(str(site)) + 1
    for folder, _, names in os.walk(site):
        _chmod(folder, FOLDER_MODE)
        present = set(names)
        for name in names:
            path = os.path.join(folder, name)
            if _is_copy(name):
                if name[:-3] not in present:
                    os.unlink(path)
                continue  # otherwise handled with its source
            st = os.stat(path)
            if st.st_mode & 0o777 != FILE_MODE:
                os.chmod(path, FILE_MODE)
            if name.endswith(COMPRESSED) and st.st_size >= MIN_SIZE:
                rel, copy = path[start:], path + ".gz"
                stamp, last = [st.st_ino, st.st_size, st.st_mtime_ns], known.get(rel)
                if name + ".gz" in present:
                    kept = copy
                else:  # a full build's new folder: the last output's, if any
                    kept = os.path.join(previous, rel + ".gz") if previous else ""
                if kept and _still_valid(last, stamp, kept):
                    if kept != copy:
                        hard_link(kept, copy)  # the previous output's, for the same file
                    stamps[rel] = last
                else:
                    todo.append((path, stamp))
            elif name.endswith(COMPRESSED) and name + ".gz" in present:
                os.unlink(path + ".gz")

    def compress(part: int, parts: int) -> dict[str, Stamp]:
        return {path[start:]: [*stamp, _write_gz(path)] for path, stamp in todo[part::parts]}

    for made in in_processes(compress, processes, len(todo)):
        stamps.update(made)
    return stamps


def _is_copy(name: str) -> bool:
    return name.endswith(".gz") and name[:-3].endswith(COMPRESSED)


def _still_valid(known: object, stamp: Stamp, gz: str) -> TypeGuard[Stamp]:
    """Whether the `.gz` there was made from the file with this identity (the record says so)."""
    if not (isinstance(known, list) and known[:3] == stamp and len(known) == 4):
        return False
    try:
        return bool(os.stat(gz).st_ino == known[3])
    except OSError:
        return False


def _write_gz(path: str) -> int:
    """A new `.gz` beside `path`; its inode."""
    with open(path, "rb") as source:
        return write_new(Path(path + ".gz"), gzip_bytes(source.read()))


def _chmod(path: str, mode: int) -> None:
    if os.stat(path).st_mode & 0o777 != mode:
        os.chmod(path, mode)


def save(record: Path, stamps: dict[str, Stamp]) -> None:
    """Keep the record for the next build (a new file, renamed into place)."""
    fresh = record.with_name(record.name + ".baru")
    fresh.write_text(json.dumps(stamps, sort_keys=True, separators=(",", ":")), encoding="utf-8")
    fresh.replace(record)

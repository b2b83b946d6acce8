"""Folder operations of the build: copy a tree (or link it), replace a folder with two renames."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

#: How one file is copied: (source, target).
Copy = Callable[[str, str], object]


def copy_tree(source: Path, target: Path, skip: tuple[str, ...] = (), copy: Copy = shutil.copy2) -> None:
    """Copy a tree into `target` (merged with what is there), file by file with `copy`."""
    ignore = shutil.ignore_patterns(*skip) if skip else None
    shutil.copytree(source, target, copy_function=copy, ignore=ignore, dirs_exist_ok=True)


def hard_link(source: str, target: str) -> None:
    """A file as a hard link (a copy where the file system cannot link)."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def same_bytes(a: str | Path, b: str | Path) -> bool:
    """Whether two files hold the same bytes (False when either is missing or no file)."""
    try:
        if os.stat(a).st_size != os.stat(b).st_size:
            return False
        with open(a, "rb") as first, open(b, "rb") as second:
            return first.read() == second.read()
    except OSError:
        return False


def replace_folder(new: Path, target: Path) -> None:
    """Put `new` in place of `target` with two renames; restore the old one on failure."""
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
    if old is not None:
        shutil.rmtree(old)

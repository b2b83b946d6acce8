"""Folder operations of the build: copy a tree as hard links, replace a folder with two renames."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


def link_tree(source: Path, target: Path, skip: tuple[str, ...] = ()) -> None:
    """Copy a tree as hard links (a copy when linking is not possible)."""

    def copy(src: str, dst: str) -> None:
        try:
            os.link(src, dst)
        except OSError:
            shutil.copy2(src, dst)

    shutil.copytree(
        source, target, copy_function=copy, ignore=shutil.ignore_patterns(*skip) if skip else None, dirs_exist_ok=True
    )


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

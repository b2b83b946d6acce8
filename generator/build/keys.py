"""What a shard's output depends on, as hashes: the generator's code, every content file (hashes
kept between builds), the portal outline, and each kecamatan's places in its rankings."""

from __future__ import annotations

import hashlib
import json
import os
import platform
from importlib.metadata import version
from pathlib import Path

from pydantic import ValidationError

from generator import model as m
from generator.build.mkdocs_run import BASE_CONFIG, ROOT
from generator.load import is_place_folder, read_yaml
from generator.render import Outline

Files = dict[str, tuple[str, int]]  # content file (relative path) -> (hash of its bytes, change date)


def code_digest() -> str:
    """Hash of everything besides content that shapes the output: the generator's code and
    templates, mkdocs.yml, and the versions of Python and the site libraries."""
    h = hashlib.sha256()
    for path in sorted([*(ROOT / "generator").rglob("*.py"), *(ROOT / "site_templates").rglob("*"), BASE_CONFIG]):
        if path.is_file():
            h.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    for package in (
        "mkdocs",
        "mkdocs-material",
        "markdown",
        "jinja2",
        "pydantic",
        "nh3",
        "pymdown-extensions",
        "pysastrawi",
        "segno",
        "zlib-ng",
    ):
        h.update(f"{package}={version(package)}\0".encode())
    h.update(platform.python_version().encode())
    return h.hexdigest()


def digest(parts: object) -> str:
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


class ContentHashes:
    """Every content file by relative path: a hash of its bytes and its change date; and the
    name each kabupaten.yml and kecamatan.yml gives (for the shared navigation).

    Hashes and names are kept in the work folder between builds: a file whose size, inode and
    change times are the same as last time is not read again, so a build of an unchanged
    province reads no content file."""

    def __init__(self, root: Path, files: dict[str, os.stat_result], diubah: dict[str, int], record: Path) -> None:
        try:
            known = json.loads(record.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            known = {}
        if not isinstance(known, dict) or not all(isinstance(known.get(k, {}), dict) for k in ("files", "names")):
            known = {}  # a damaged record: every file is read again
        self.root, self.record = root, record
        self._seen: dict[str, list[int | str]] = {}  # file -> size, inode, mtime, ctime (ns) and digest
        self._names: dict[str, str] = {}
        self.digests: Files = {}
        self.per_folder: dict[str, Files] = {}  # the same per kabupaten folder ("": portal.yml)
        start = len(str(root)) + 1
        before = known.get("files", {})
        for path, st in files.items():  # in any order: every use of these is by key or sorted
            rel = path[start:]
            stamp = [st.st_size, st.st_ino, st.st_mtime_ns, st.st_ctime_ns]
            entry = before.get(rel)
            cached = isinstance(entry, list) and len(entry) == 5 and entry[:4] == stamp and isinstance(entry[4], str)
            digest = entry[4] if cached else _file_digest(path)
            self._seen[rel] = [*stamp, digest]
            self.digests[rel] = known_file = (digest, diubah[path])
            folder, slash, _ = rel.partition("/")
            self.per_folder.setdefault(folder if slash else "", {})[rel] = known_file
        names = known.get("names", {})
        self._known_names: dict[str, str] = {k: v for k, v in names.items() if isinstance(v, str)}
        self.changed = known.get("files") != self._seen

    def name(self, path: Path, slug: str) -> str:
        """The `nama` a profile gives, once the whole profile validates (the slug otherwise:
        validating that shard reports why)."""
        rel = str(path)[len(str(self.root)) + 1 :]
        if rel not in self.digests:
            return slug
        digest = self.digests[rel][0]
        if digest not in self._known_names:
            schema = m.Kabupaten if path.name == "kabupaten.yml" else m.Kecamatan
            data = read_yaml(path, [])
            try:
                self._known_names[digest] = schema.model_validate(data.data).nama if data is not None else ""
            except ValidationError:
                self._known_names[digest] = ""
            self.changed = True
        self._names[digest] = self._known_names[digest]
        return self._names[digest] or slug

    def save(self) -> None:
        """Keep what this build learned (only the files and names of this content)."""
        if self.changed:
            self.record.parent.mkdir(parents=True, exist_ok=True)
            self.record.write_text(
                json.dumps({"files": self._seen, "names": self._names}, sort_keys=True), encoding="utf-8"
            )


def _file_digest(path: str) -> str:
    """A hash of a file's bytes; an unreadable file is not hashed (loading it reports why)."""
    try:
        with open(path, "rb") as f:
            return hashlib.sha256(f.read()).hexdigest()
    except OSError:
        return "unreadable"


def read_outline(root: Path, hashes: ContentHashes) -> Outline:
    """Every kabupaten and kecamatan folder with the name its profile gives."""
    kabupaten = []
    for folder in _place_folders(root):
        kecamatan = tuple((k.name, hashes.name(k / "kecamatan.yml", k.name)) for k in _place_folders(folder))
        kabupaten.append((folder.name, hashes.name(folder / "kabupaten.yml", folder.name), kecamatan))
    return Outline(tuple(kabupaten))


def _place_folders(folder: Path) -> list[Path]:
    """The kabupaten (or kecamatan) folders load reads; the others are its problems to report."""
    try:
        return sorted(p for p in folder.iterdir() if is_place_folder(p))
    except OSError:
        return []

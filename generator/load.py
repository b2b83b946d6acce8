"""Stage 1, load: read the `content/` tree into raw documents, keeping file and line info.

Layout (FORMAT.md):

    content/portal.yml
    content/<kabupaten>/kabupaten.yml
    content/<kabupaten>/nilai-kecamatan.csv              (optional: shared indicators of every kecamatan)
    content/<kabupaten>/<kecamatan>/kecamatan.yml
    content/<kabupaten>/<kecamatan>/riwayat.csv          (optional: earlier years)
    content/<kabupaten>/<kecamatan>/pembanding.csv       (optional: benchmarks)
    content/<kabupaten>/<kecamatan>/renstra.yml          (optional: Renstra targets)
    content/<kabupaten>/<kecamatan>/<tahun>/kinerja.yml   (required in a year folder)
    content/<kabupaten>/<kecamatan>/<tahun>/program.yml   (optional)
    content/<kabupaten>/<kecamatan>/<tahun>/realisasi.csv (optional)
    content/<kabupaten>/<kecamatan>/<tahun>/skm.yml       (optional: the satisfaction survey)
    content/<kabupaten>/<kecamatan>/<tahun>/skm-<periode>.csv (optional: raw responses)
    content/<kabupaten>/<kecamatan>/<tahun>/individu-tw<N>.yml (optional: reports per jabatan)

Nothing is interpreted here beyond syntax: YAML and CSV errors, duplicate keys and
unexpected files become problems; shapes and values are checked by `validate`.
"""

from __future__ import annotations

import csv
import os
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
YEAR = re.compile(r"^\d{4}$")
YEAR_FILES = {"kinerja.yml", "program.yml", "realisasi.csv", "skm.yml", "sumber-daya.yml", "indeks.yml", "narasi.yml"}
#: Raw survey responses, one file per period: `skm-<periode>.csv` (never published).
SURVEY_FILE = re.compile(r"^skm-[a-z0-9-]+\.csv$")
#: Individual (per jabatan) quarterly performance reports: `individu-tw2.yml`.
INDIVIDUAL_FILE = re.compile(r"^individu-tw([1-4])\.yml$")


@dataclass
class Document:
    """One parsed file. `node` maps YAML paths to lines; `lines` are CSV row line numbers."""

    path: Path
    data: Any
    node: yaml.Node | None = None
    lines: list[int] = field(default_factory=list)

    def line_of(self, loc: tuple[str | int, ...]) -> int | None:
        """The line of the deepest YAML node on `loc` (1-based)."""
        node = self.node
        if node is None:
            return None
        line = node.start_mark.line + 1
        for step in loc:
            child = _child(node, step)
            if child is None:
                break
            node = child
            line = node.start_mark.line + 1
        return line


def _child(node: yaml.Node, step: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == step:
                return value
    if isinstance(node, yaml.SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
        return node.value[step]
    return None


@dataclass
class RawTahun:
    tahun: int
    folder: Path
    kinerja: Document | None = None
    program: Document | None = None
    realisasi: Document | None = None
    skm: Document | None = None
    sumber_daya: Document | None = None
    indeks: Document | None = None
    narasi: Document | None = None
    responden: dict[str, Document] = field(default_factory=dict)
    individu: dict[int, Document] = field(default_factory=dict)   # triwulan -> report


@dataclass
class RawKecamatan:
    slug: str
    folder: Path
    profil: Document | None = None
    tahun: list[RawTahun] = field(default_factory=list)
    riwayat: Document | None = None
    pembanding: Document | None = None
    renstra: Document | None = None


@dataclass
class RawKabupaten:
    slug: str
    folder: Path
    profil: Document | None = None
    kecamatan: list[RawKecamatan] = field(default_factory=list)
    nilai_kecamatan: Document | None = None


@dataclass
class RawContent:
    root: Path
    portal: Document | None = None
    kabupaten: list[RawKabupaten] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    diubah: dict[Path, int] = field(default_factory=dict)


class DuplicateKeyError(yaml.constructor.ConstructorError):
    """A mapping key written twice."""


class _UniqueKeyLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """SafeLoader (libyaml when available) that rejects a key written twice in one mapping
    (a silent overwrite otherwise)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen: dict[object, yaml.Node] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise DuplicateKeyError(
                    None, None, f"kunci '{key}' ditulis dua kali (duplicate key)", key_node.start_mark
                )
            seen[key] = key_node
        return super().construct_mapping(node, deep)


def read_yaml(path: Path, problems: list[Problem]) -> Document | None:
    """Parse a YAML file; a syntax error becomes a problem naming its line."""
    try:
        text = path.read_text(encoding="utf-8")
        loader = _UniqueKeyLoader(text)
        try:  # one parse: the nodes (for line numbers) and the data built from them
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except UnicodeDecodeError:
        problems.append(Problem(path, "", "berkas bukan teks UTF-8", "encoding"))
        return None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        reason = " ".join(filter(None, [exc.context, exc.problem]))
        line = mark.line + 1 if mark else None
        if isinstance(exc, DuplicateKeyError):
            problems.append(Problem(path, "", reason, "duplicate_key", line=line))
        else:
            problems.append(Problem(path, "", f"sintaks YAML salah: {reason}", "yaml_syntax", line=line))
        return None
    return Document(path, {} if data is None else data, node)


def read_csv(path: Path, problems: list[Problem]) -> Document | None:
    """Parse a CSV file (comma or semicolon, as spreadsheets export it) into row dicts."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        problems.append(Problem(path, "", "berkas bukan teks UTF-8", "encoding"))
        return None
    header = text.splitlines()[0] if text.strip() else ""
    delimiter = ";" if header.count(";") > header.count(",") else ","
    reader = csv.DictReader(text.splitlines(keepends=True), delimiter=delimiter)
    rows, lines = [], []
    try:
        for row in reader:
            if not any((v or "").strip() for v in row.values() if isinstance(v, str)):
                continue
            if None in row:
                problems.append(
                    Problem(path, "", "baris berisi lebih banyak kolom dari judul kolom", "csv_columns", line=reader.line_num)
                )
                continue
            rows.append(row)
            lines.append(reader.line_num)
    except csv.Error as exc:
        problems.append(Problem(path, "", f"CSV tidak dapat dibaca: {exc}", "csv_syntax", line=reader.line_num))
        return None
    return Document(path, {"kolom": reader.fieldnames or [], "baris": rows}, lines=lines)


def _unexpected(path: Path, problems: list[Problem], expected: str) -> None:
    problems.append(Problem(path, "", f"berkas atau folder tidak dikenal di sini; yang diharapkan: {expected}", "unknown_file"))


def _entries(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if not p.name.startswith("."))


def _load_tahun(folder: Path, problems: list[Problem]) -> RawTahun:
    raw = RawTahun(int(folder.name), folder)
    for path in _entries(folder):
        if SURVEY_FILE.match(path.name) and path.is_file():
            doc = read_csv(path, problems)
            if doc is not None:
                raw.responden[path.name] = doc
        elif (individual := INDIVIDUAL_FILE.match(path.name)) and path.is_file():
            doc = read_yaml(path, problems)
            if doc is not None:
                raw.individu[int(individual[1])] = doc
        elif path.name not in YEAR_FILES or not path.is_file():
            _unexpected(path, problems, ", ".join(sorted(YEAR_FILES)) + ", skm-<periode>.csv, individu-tw<1-4>.yml")
        elif path.suffix == ".csv":
            raw.realisasi = read_csv(path, problems)
        else:
            setattr(raw, path.stem.replace("-", "_"), read_yaml(path, problems))
    if not (folder / "kinerja.yml").exists() and not raw.individu:
        problems.append(Problem(folder / "kinerja.yml", "", "berkas wajib tidak ada (folder tahun tanpa kinerja.yml "
                                "hanya boleh berisi laporan individu-tw<N>.yml)", "missing_file"))
    return raw


def _load_kecamatan(folder: Path, problems: list[Problem]) -> RawKecamatan:
    raw = RawKecamatan(folder.name, folder)
    for path in _entries(folder):
        if path.name == "kecamatan.yml":
            raw.profil = read_yaml(path, problems)
        elif path.name in ("riwayat.csv", "pembanding.csv"):
            setattr(raw, path.stem, read_csv(path, problems))
        elif path.name == "renstra.yml":
            raw.renstra = read_yaml(path, problems)
        elif path.is_dir() and YEAR.match(path.name):
            raw.tahun.append(_load_tahun(path, problems))
        else:
            _unexpected(path, problems, "kecamatan.yml, riwayat.csv, pembanding.csv, renstra.yml dan folder tahun "
                        "(mis. 2024/)")
    if not (folder / "kecamatan.yml").exists():
        problems.append(Problem(folder / "kecamatan.yml", "", "berkas wajib tidak ada", "missing_file"))
    return raw


def _load_kabupaten(folder: Path, problems: list[Problem], skip: frozenset[str] = frozenset()) -> RawKabupaten:
    raw = RawKabupaten(folder.name, folder)
    for path in _entries(folder):
        if path.name == "kabupaten.yml":
            raw.profil = read_yaml(path, problems)
        elif path.name == "nilai-kecamatan.csv":
            raw.nilai_kecamatan = read_csv(path, problems)
        elif path.is_dir() and SLUG.match(path.name):
            # A kecamatan in `skip` is validated already (its files unchanged): not read.
            raw.kecamatan.append(RawKecamatan(path.name, path) if path.name in skip else _load_kecamatan(path, problems))
        else:
            _unexpected(path, problems, "kabupaten.yml, nilai-kecamatan.csv dan folder kecamatan (huruf kecil, "
                        "mis. kedungjajang/)")
    if not (folder / "kabupaten.yml").exists():
        problems.append(Problem(folder / "kabupaten.yml", "", "berkas wajib tidak ada", "missing_file"))
    return raw


def load_content(root: Path, kabupaten: str | None = None, diubah: dict[Path, int] | None = None,
                 skip: frozenset[str] = frozenset()) -> RawContent:
    """Read every content file under `root` (or only portal.yml and the folder of one
    `kabupaten`); never raises for bad content. `diubah`: change dates already known; `skip`:
    kecamatan of that kabupaten not to read (their validated data is known, see `validate`)."""
    root = root.resolve()
    content = RawContent(root)
    if not root.is_dir():
        content.problems.append(Problem(root, "", "folder konten tidak ditemukan", "missing_file"))
        return content
    for path in _entries(root):
        if path.name == "portal.yml":
            content.portal = read_yaml(path, content.problems)
        elif path.is_dir() and SLUG.match(path.name):
            if kabupaten in (None, path.name):
                content.kabupaten.append(_load_kabupaten(path, content.problems, skip if kabupaten else frozenset()))
        elif path.name not in {"README.md"}:
            _unexpected(path, content.problems, "portal.yml dan folder kabupaten (huruf kecil, mis. lumajang/)")
    if not (root / "portal.yml").exists():
        content.problems.append(Problem(root / "portal.yml", "", "berkas wajib tidak ada", "missing_file"))
    content.diubah = change_dates(root) if diubah is None else diubah
    return content


def _git(root: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True, timeout=60).stdout


def content_files(root: Path) -> dict[Path, os.stat_result]:
    """Every file under `root` (outside `.git`) with its `stat`, in one walk of the tree."""
    found: dict[Path, os.stat_result] = {}
    folders = [str(root)]
    while folders:
        with os.scandir(folders.pop()) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    if entry.name != ".git":
                        folders.append(entry.path)
                elif entry.is_file():
                    found[Path(entry.path)] = entry.stat()
    return found


def change_dates(root: Path, files: dict[Path, os.stat_result] | None = None) -> dict[Path, int]:
    """When each content file (`files`: from `content_files`) last changed, in seconds since
    epoch: its last git commit when it is committed and unmodified (the same for every clone),
    else its modification time. SOURCE_DATE_EPOCH, when set, caps every date (reproducible builds)."""
    files = content_files(root) if files is None else files
    dates = {p: int(st.st_mtime) for p, st in files.items()}
    try:
        dirty = {line[3:] for line in _git(root, "status", "--porcelain", "--untracked-files=all",
                                           "--no-renames", "--", ".").splitlines()}
        top = Path(_git(root, "rev-parse", "--show-toplevel").strip())
        committed: dict[Path, int] = {}
        when = 0
        for line in _git(root, "log", "--format=%x00%ct", "--name-only", "--no-renames", "--", ".").splitlines():
            if line.startswith("\0"):
                when = int(line[1:])
            elif line:
                committed.setdefault((top / line).resolve(), when)
        dirty_paths = {(top / d).resolve() for d in dirty}
        dates.update({p: committed[p] for p in files if p in committed and p not in dirty_paths})
    except (OSError, subprocess.SubprocessError, ValueError):
        pass
    cap = os.environ.get("SOURCE_DATE_EPOCH")
    if cap is not None:
        dates = {p: min(d, int(cap)) for p, d in dates.items()}
    return dates

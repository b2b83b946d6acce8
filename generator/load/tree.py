"""Stage 1, load: read the `content/` tree into raw documents, keeping file and line info.

Layout (FORMAT.md):

    content/portal.yml
    content/<kabupaten>/kabupaten.yml
    content/<kabupaten>/nilai-kecamatan.csv              (optional: shared indicators of every kecamatan)
    content/<kabupaten>/<kecamatan>/kecamatan.yml
    content/<kabupaten>/<kecamatan>/riwayat.csv          (optional: earlier years)
    content/<kabupaten>/<kecamatan>/riwayat-anggaran.csv (optional: budget totals of earlier years)
    content/<kabupaten>/<kecamatan>/pembanding.csv       (optional: benchmarks)
    content/<kabupaten>/<kecamatan>/renstra.yml          (optional: Renstra targets)
    content/<kabupaten>/<kecamatan>/<tahun>/kinerja.yml   (required in a year folder)
    content/<kabupaten>/<kecamatan>/<tahun>/program.yml   (optional)
    content/<kabupaten>/<kecamatan>/<tahun>/realisasi.csv (optional)
    content/<kabupaten>/<kecamatan>/<tahun>/skm.yml       (optional: the satisfaction survey)
    content/<kabupaten>/<kecamatan>/<tahun>/skm-<periode>.csv (optional: raw responses)
    content/<kabupaten>/<kecamatan>/<tahun>/individu-tw<N>.yml (optional: reports per jabatan)
    content/<kabupaten>/<kecamatan>/<tahun>/dilaporkan.csv (optional: figures as printed, audited)

Nothing is interpreted here beyond syntax: YAML and CSV errors, duplicate keys and
unexpected files become problems; shapes and values are checked by `validate`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.load.files import change_dates
from generator.load.readers import Document, read_csv, read_yaml
from generator.load.safety import entries, folder_name_problem, is_place_folder
from generator.problems import Problem, Problems

YEAR = re.compile(r"^\d{4}$")


YEAR_FILES = {
    "kinerja.yml",
    "program.yml",
    "realisasi.csv",
    "skm.yml",
    "sumber-daya.yml",
    "indeks.yml",
    "narasi.yml",
    "dilaporkan.csv",
}


#: Raw survey responses, one file per period: `skm-<periode>.csv` (never published).
SURVEY_FILE = re.compile(r"^skm-[a-z0-9-]+\.csv$")


#: Individual (per jabatan) quarterly performance reports: `individu-tw2.yml`.
INDIVIDUAL_FILE = re.compile(r"^individu-tw([1-4])\.yml$")


@dataclass
class RawYear:
    tahun: int
    folder: Path
    kinerja: Document | None = None
    program: Document | None = None
    realisasi: Document | None = None
    skm: Document | None = None
    sumber_daya: Document | None = None
    indeks: Document | None = None
    narasi: Document | None = None
    dilaporkan: Document | None = None
    responden: dict[str, Document] = field(default_factory=dict)
    individu: dict[int, Document] = field(default_factory=dict)  # triwulan -> report


@dataclass
class RawKecamatan:
    slug: str
    folder: Path
    profil: Document | None = None
    tahun: list[RawYear] = field(default_factory=list)
    riwayat: Document | None = None
    riwayat_anggaran: Document | None = None
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
    problems: Problems = field(default_factory=Problems)
    diubah: dict[str, int] = field(default_factory=dict)


def _unexpected(path: Path, problems: list[Problem], expected: str, places: bool = False) -> None:
    """An entry load does not read; `places`: the folder holds kabupaten or kecamatan folders."""
    reason = folder_name_problem(path.name) if places and path.is_dir() else None
    if reason is not None:
        problems.append(Problem(path, "", reason, "folder_name"))
        return
    problems.append(
        Problem(path, "", f"berkas atau folder tidak dikenal di sini; yang diharapkan: {expected}", "unknown_file")
    )


def _load_tahun(folder: Path, problems: list[Problem]) -> RawYear:
    raw = RawYear(int(folder.name), folder)
    for path in entries(folder, problems):
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
            setattr(raw, path.stem, read_csv(path, problems))
        else:
            setattr(raw, path.stem.replace("-", "_"), read_yaml(path, problems))
    if not (folder / "kinerja.yml").exists() and not raw.individu:
        problems.append(
            Problem(
                folder / "kinerja.yml",
                "",
                "berkas wajib tidak ada (folder tahun tanpa kinerja.yml hanya boleh berisi laporan individu-tw<N>.yml "
                "dan dilaporkan.csv)",
                "missing_file",
            )
        )
    return raw


def load_kecamatan(folder: Path, problems: list[Problem]) -> RawKecamatan:
    """Read the files of one kecamatan folder (problems added to `problems`)."""
    raw = RawKecamatan(folder.name, folder)
    for path in entries(folder, problems):
        if path.name == "kecamatan.yml":
            raw.profil = read_yaml(path, problems)
        elif path.name in ("riwayat.csv", "riwayat-anggaran.csv", "pembanding.csv"):
            setattr(raw, path.stem.replace("-", "_"), read_csv(path, problems))
        elif path.name == "renstra.yml":
            raw.renstra = read_yaml(path, problems)
        elif path.is_dir() and YEAR.match(path.name):
            raw.tahun.append(_load_tahun(path, problems))
        else:
            _unexpected(
                path,
                problems,
                "kecamatan.yml, riwayat.csv, riwayat-anggaran.csv, pembanding.csv, renstra.yml dan folder tahun "
                "(mis. 2024/)",
            )
    if not (folder / "kecamatan.yml").exists():
        problems.append(Problem(folder / "kecamatan.yml", "", "berkas wajib tidak ada", "missing_file"))
    return raw


def _load_kabupaten(folder: Path, problems: list[Problem], skip: frozenset[str] = frozenset()) -> RawKabupaten:
    raw = RawKabupaten(folder.name, folder)
    for path in entries(folder, problems):
        if path.name == "kabupaten.yml":
            raw.profil = read_yaml(path, problems)
        elif path.name == "nilai-kecamatan.csv":
            raw.nilai_kecamatan = read_csv(path, problems)
        elif is_place_folder(path):
            # A kecamatan in `skip` is validated already (its files unchanged): not read.
            raw.kecamatan.append(RawKecamatan(path.name, path) if path.name in skip else load_kecamatan(path, problems))
        else:
            _unexpected(
                path,
                problems,
                "kabupaten.yml, nilai-kecamatan.csv dan folder kecamatan (huruf kecil, mis. kedungjajang/)",
                places=True,
            )
    if not (folder / "kabupaten.yml").exists():
        problems.append(Problem(folder / "kabupaten.yml", "", "berkas wajib tidak ada", "missing_file"))
    return raw


def load_content(
    root: Path, kabupaten: str | None = None, diubah: dict[str, int] | None = None, skip: frozenset[str] = frozenset()
) -> RawContent:
    """Read every content file under `root` (or only portal.yml and the folder of one
    `kabupaten`); never raises for bad content. `diubah`: change dates already known; `skip`:
    kecamatan of that kabupaten not to read (their validated data is known, see `validate`)."""
    root = root.resolve()
    content = RawContent(root)
    if not root.is_dir():
        content.problems.append(Problem(root, "", "folder konten tidak ditemukan", "missing_file"))
        return content
    for path in entries(root, content.problems):
        if path.name == "portal.yml":
            content.portal = read_yaml(path, content.problems)
        elif is_place_folder(path):
            if kabupaten in (None, path.name):
                content.kabupaten.append(_load_kabupaten(path, content.problems, skip if kabupaten else frozenset()))
        elif path.name not in {"README.md"}:
            _unexpected(
                path, content.problems, "portal.yml dan folder kabupaten (huruf kecil, mis. lumajang/)", places=True
            )
    if not (root / "portal.yml").exists():
        content.problems.append(Problem(root / "portal.yml", "", "berkas wajib tidak ada", "missing_file"))
    content.diubah = change_dates(root) if diubah is None else diubah
    return content

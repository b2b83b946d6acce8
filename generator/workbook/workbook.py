"""`kinerja ekspor | templat | impor`: one kecamatan-year as a workbook, and back.

Import writes the workbook's files into a temporary copy of the kecamatan (with the portal and
kabupaten settings), runs the real load and validate stages on it, and maps every problem back
to the sheet cell it came from. Only when nothing is wrong are the files written, and files of
the kecamatan-year that the workbook no longer holds removed (raw survey answers excepted: they
come from form exports, `kinerja impor-skm`).
"""

from __future__ import annotations

import re
import shutil
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from openpyxl.utils import column_index_from_string

from generator import model as m
from generator.compute.audit import audit_problems
from generator.compute.portal import PortalResult, compute
from generator.load import load_content, read_csv, read_yaml
from generator.problems import ContentError, Problem
from generator.validate import validate
from generator.workbook import spec as s
from generator.workbook.tables import UMUM, Built, Importer, Row, SheetProblem, Tables, root_paths, to_rows
from generator.workbook.text import Comments, Path_, read_comments, render_csv, render_yaml
from generator.workbook.xlsx import Identity, read_workbook, ref, split_ref, write_workbook

#: What a template keeps of last year: the structure (ids, names, units, links), not the values.
STRUCTURE: dict[str, tuple[str, ...]] = {
    "Tujuan": ("id", "nama"),
    "Sasaran": ("tujuan", "id", "nama"),
    "Indikator": (
        "induk",
        "id",
        "nama",
        "satuan",
        "polaritas",
        "agregasi",
        "jenis_nilai",
        "bersama",
        "formula",
        "sumber_data",
        "penanggung_jawab",
        "skala",
        "nilai_negatif",
    ),
    "Realisasi": ("indikator",),
    "Program": ("induk", "id", "kode", "nama", "mendukung", "anggaran.sumber_dana"),
    "SKM layanan": ("id", "nama"),
    "SKM periode": ("id", "nama", "berkas"),
    "Pegawai": ("dimensi", "kelompok", "kategori"),
    "Aset barang": ("nama", "satuan"),
    "Aset nilai": ("golongan",),
    "Indeks": ("id", "nama", "cara", "maksimum", "indikator", "skala"),
    "Indeks aspek": ("indeks", "nama", "bobot"),
    "Narasi sasaran": ("sasaran",),
}
STRUCTURE_KEYS = {"kecamatan", "tahun", "indikator", "ikm_unit", "publikasi_saran", "anggaran.sumber_dana"}
TITLE = "Buku kerja Portal Kinerja"
#: The column of printed figures' addresses: a drop-down of the kecamatan-year's register.
DILAPORKAN = ("Dilaporkan", "alamat")


def target(kabupaten_kecamatan: str) -> tuple[str, str]:
    """`lumajang/kedungjajang` -> ("lumajang", "kedungjajang")."""
    kab, _, kec = kabupaten_kecamatan.strip("/").partition("/")
    if not kab or not kec or "/" in kec:
        raise ValueError(f"'{kabupaten_kecamatan}': tulis <kabupaten>/<kecamatan>, mis. lumajang/kedungjajang")
    return kab, kec


def read_files(root: Path, identity: Identity) -> dict[str, tuple[Any, Comments]]:
    """The content files of a kecamatan-year (data as the loader reads it, and YAML comments)."""
    folder = root / identity.kabupaten / identity.kecamatan
    files: dict[str, tuple[Any, Comments]] = {}
    for where, scope in ((folder, "kecamatan"), (folder / str(identity.tahun), "tahun")):
        for path in sorted(where.iterdir()) if where.is_dir() else ():
            found = s.file_spec(path.name)
            if not path.is_file() or found is None or found[0].scope != scope:
                continue
            problems: list[Problem] = []
            doc = (read_csv if found[0].csv else read_yaml)(path, problems)
            if doc is None:
                raise ContentError(problems)
            files[path.name] = (doc.data, {} if found[0].csv else read_comments(path.read_text(encoding="utf-8")))
    return files


def _with_placeholders(files: dict[str, tuple[Any, Comments]], identity: Identity) -> dict[str, tuple[Any, Comments]]:
    """Every single file kind, empty when the kecamatan-year has none, so `Umum` lists its keys."""
    result = dict(files)
    for spec in s.FILES:
        if "{}" not in spec.name and not spec.csv and spec.name not in result:
            ident = {"kecamatan": identity.kecamatan, "tahun": identity.tahun} if spec.scope == "tahun" else {}
            result[spec.name] = (ident, {})
    return result


def _computed(root: Path, kabupaten: str) -> tuple[m.Content, PortalResult]:
    """A kabupaten loaded, validated and computed as `kinerja validate` does (raises ContentError)."""
    content = validate(load_content(root, kabupaten=kabupaten, diubah={}))
    return content, compute(content)


def _addresses(root: Path, identity: Identity) -> tuple[str, ...]:
    """The figure addresses of a kecamatan-year (the drop-down of the Dilaporkan sheet); raises
    ContentError when the content does not pass `kinerja validate`: only valid content is exported."""
    hasil = _computed(root, identity.kabupaten)[1]
    where = (identity.kecamatan, identity.tahun)
    return tuple(f.alamat for r in hasil.register if (r.kecamatan.slug, r.tahun) == where for f in r.angka)


def _exists(path: Path, what: str) -> None:
    """Raise ContentError when `path` is not there."""
    if not path.exists():
        raise ContentError([Problem(path, "", f"{what} tidak ada di folder konten", "missing_file")])


def export(root: Path, identity: Identity, out: Path) -> Tables:
    """`kinerja ekspor`: the kecamatan-year's content as a workbook."""
    _exists(root / identity.kabupaten / identity.kecamatan / str(identity.tahun), "kecamatan-tahun ini")
    addresses = _addresses(root, identity)
    tables = to_rows(_with_placeholders(read_files(root, identity), identity))
    tables.choices[DILAPORKAN] = addresses
    write_workbook(tables, identity, out, f"{TITLE}: {identity.kabupaten}/{identity.kecamatan} {identity.tahun}")
    return tables


def template(root: Path, identity: Identity, out: Path) -> int | None:
    """`kinerja templat`: an empty workbook for a kecamatan-year, with the structure of the newest
    earlier year (its indicators, programs, layanan, ...) when there is one. Returns that year."""
    _exists(root / identity.kabupaten / "kabupaten.yml", "kabupaten ini")
    folder = root / identity.kabupaten / identity.kecamatan
    years = sorted(
        int(p.parent.name)
        for p in folder.glob("[0-9][0-9][0-9][0-9]/kinerja.yml")
        if int(p.parent.name) < identity.tahun
    )
    source = years[-1] if years else None
    addresses = _addresses(root, replace(identity, tahun=source or identity.tahun)) if folder.is_dir() else ()
    files = read_files(root, replace(identity, tahun=source)) if source else read_files(root, identity)
    files = {n: f for n, f in files.items() if s.spec_of(n)[0].scope == "kecamatan" or source}
    files = {n: f for n, f in files.items() if not n.startswith("individu-")}
    tables = to_rows(_with_placeholders(files, identity))
    _skeleton(tables, identity)
    tables.choices[DILAPORKAN] = addresses  # last year's: a guide, new addresses may be typed
    write_workbook(tables, identity, out, f"{TITLE}: {identity.kabupaten}/{identity.kecamatan} {identity.tahun}")
    return source


def _skeleton(tables: Tables, identity: Identity) -> None:
    """Keep the structure of the year's sheets, clear their values and notes."""
    year_sheets = {level.sheet for spec in s.FILES if spec.scope == "tahun" for level in spec.levels()}
    for sheet in list(tables.rows):
        generic = next((n for n in year_sheets if "{}" in n and sheet.startswith(n.partition("{}")[0])), sheet)
        if sheet == UMUM or generic not in year_sheets:
            continue
        keep = STRUCTURE.get(sheet)
        tables.rows[sheet] = [{c: row.get(c) for c in keep} for row in tables.rows[sheet]] if keep else []
    for berkas in [str(r["berkas"]) for r in tables.rows.get("SKM periode", []) if r.get("berkas")]:
        tables.columns.setdefault(f"Jawaban {berkas[4:-4]}", m.KOLOM_RESPONDEN)
        tables.rows.setdefault(f"Jawaban {berkas[4:-4]}", [])
    for row in tables.rows[UMUM]:
        if s.spec_of(row["berkas"])[0].scope == "tahun":
            row.pop("catatan", None)
            if row["kunci"] not in STRUCTURE_KEYS:
                row["nilai"] = None
            if row["kunci"] == "tahun":
                row["nilai"] = identity.tahun
    tables.rows[UMUM] = [
        r for r in tables.rows[UMUM] if r.get("catatan") or dict(root_paths(s.spec_of(r["berkas"])[0]))[r["kunci"]]
    ]


# ---------------------------------------------------------------- import


@dataclass
class Imported:
    """The outcome of an import: problems (rendered), and what was (or would be) written."""

    identity: Identity | None
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    deleted: list[Path] = field(default_factory=list)


@dataclass
class _Text:
    built: Built
    text: str
    lines: Any  # YAML: path -> line; CSV: the line of each row


def import_workbook(root: Path, path: Path, write: bool = True) -> Imported:
    """`kinerja impor`: check the workbook with the rules of `kinerja validate` and, when it has no
    error and `write`, write its content files."""
    read = read_workbook(path)
    result = Imported(read.identity)
    if read.identity is None:
        result.errors = [p.render() for p in read.problems]
        return result
    identity = read.identity
    importer = Importer(read.rows, read.headers, identity.kecamatan, identity.tahun)
    built = importer.build()
    texts = {name: _render(b) for name, b in built.items()}
    result.errors = [p.render() for p in [*read.problems, *importer.problems]]
    if not (root / identity.kabupaten / "kabupaten.yml").is_file():
        result.errors.append(f"GALAT {root / identity.kabupaten}: kabupaten tidak ada di folder konten [missing_file]")
        return result
    with tempfile.TemporaryDirectory(prefix="kinerja-impor-") as tmp:
        trial = Path(tmp) / "content"
        _trial_tree(root, trial, identity, texts)
        where = {_target(trial, identity, name): t for name, t in texts.items()}
        try:
            warnings = _checked(trial, identity.kabupaten)
            result.warnings = [_render_problem(p, where, trial, root, read.headers) for p in warnings]
        except ContentError as exc:
            result.errors += [_render_problem(p, where, trial, root, read.headers) for p in exc.problems]
    if not result.errors and write:
        _write(root, identity, texts, result)
    return result


def _checked(root: Path, kabupaten: str) -> list[Problem]:
    """The checks of `kinerja validate` on a kabupaten: load, validate and the audit of printed
    figures (raises ContentError on an error); the warnings."""
    content, hasil = _computed(root, kabupaten)
    return [*content.warnings, *audit_problems(hasil.register)]


def _render(built: Built) -> _Text:
    if built.spec.csv:
        return _Text(built, *render_csv(built.data["kolom"], built.data["baris"]))
    return _Text(built, *render_yaml(built.data, built.comments))


def _target(root: Path, identity: Identity, name: str) -> Path:
    folder = root / identity.kabupaten / identity.kecamatan
    return folder / name if s.spec_of(name)[0].scope == "kecamatan" else folder / str(identity.tahun) / name


def _covered(root: Path, identity: Identity) -> list[Path]:
    """Existing files the workbook replaces: the kecamatan's own files and the year's (not raw answers)."""
    folder = root / identity.kabupaten / identity.kecamatan
    found = []
    for where, scope in ((folder, "kecamatan"), (folder / str(identity.tahun), "tahun")):
        for path in sorted(where.iterdir()) if where.is_dir() else ():
            spec = s.file_spec(path.name)
            if path.is_file() and spec and spec[0].scope == scope and spec[0].part != "sheet":
                found.append(path)
    return found


def _trial_tree(root: Path, trial: Path, identity: Identity, texts: dict[str, _Text]) -> None:
    """portal.yml, the kabupaten's own files and the kecamatan folder with the workbook's files in it."""
    kab = trial / identity.kabupaten
    kab.mkdir(parents=True)
    shutil.copy2(root / "portal.yml", trial / "portal.yml")
    for name in ("kabupaten.yml", "nilai-kecamatan.csv"):
        if (root / identity.kabupaten / name).is_file():
            shutil.copy2(root / identity.kabupaten / name, kab / name)
    source = root / identity.kabupaten / identity.kecamatan
    if source.is_dir():
        shutil.copytree(source, kab / identity.kecamatan)
    for path in _covered(trial, identity):
        path.unlink()
    for name, t in texts.items():
        path = _target(trial, identity, name)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(t.text, encoding="utf-8")


def canonical(files: dict[str, tuple[Any, Comments]], identity: Identity) -> dict[str, Built]:
    """`files` (data and comments) as `kinerja impor` builds them from their own workbook rows: the
    data and comments of their canonical text (which is a function of these alone)."""
    tables = to_rows(files)
    rows = {
        sheet: [Row(sheet, {k: v for k, v in row.items() if v not in (None, "")}) for row in items]
        for sheet, items in tables.rows.items()
    }
    return Importer(rows, tables.columns, identity.kecamatan, identity.tahun).build()


def _existing(root: Path, identity: Identity) -> dict[str, Built]:
    """The kecamatan-year's files as they are, built canonically (none when one cannot be read)."""
    try:
        return canonical(read_files(root, identity), identity)
    except (ContentError, ValueError):
        return {}


def _write(root: Path, identity: Identity, texts: dict[str, _Text], result: Imported) -> None:
    """Write the files whose content changed; a file whose data and comments are the same as the
    workbook's keeps its bytes (its own layout and number style), so a round trip changes nothing."""
    keep = set()
    existing = _existing(root, identity)
    for name, t in texts.items():
        path = _target(root, identity, name)
        keep.add(path)
        same = existing.get(name)
        unchanged = same is not None and (same.data, same.comments) == (t.built.data, t.built.comments)
        if path.is_file() and (unchanged or path.read_text(encoding="utf-8") == t.text):
            result.unchanged.append(path)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(t.text, encoding="utf-8")
        result.written.append(path)
    for path in _covered(root, identity):
        if path not in keep:
            path.unlink()
            result.deleted.append(path)


# ---------------------------------------------------------------- problems back to cells


def readable(data: Any, path: Path_) -> str:
    """The field path `kinerja validate` prints (FORMAT.md): list items by `id`, else `#n`."""
    parts: list[str] = []
    for step in path:
        if isinstance(step, int):
            item = data[step] if isinstance(data, list) and step < len(data) else None
            ident = item.get("id") if isinstance(item, dict) else None
            label = ident if isinstance(ident, str) else f"#{step + 1}"
            parts[-1:] = [f"{parts[-1] if parts else ''}[{label}]"]
            data = item
        else:
            parts.append(step)
            data = data.get(step) if isinstance(data, dict) else None
    return ".".join(parts)


_LAST = re.compile(r"(\.[^.\[]+|\[[^\]]*\])$")


def _render_problem(
    problem: Problem, where: dict[Path, _Text], trial: Path, root: Path, headers: dict[str, tuple[str, ...]]
) -> str:
    """A validation problem at its sheet cell; problems of files outside the workbook as usual."""
    t = where.get(problem.file)
    if t is None:
        return replace(problem, file=root / problem.file.relative_to(trial)).render(root.resolve())
    cell, column = _cell(problem, t, headers)
    return SheetProblem(
        cell, column or problem.path, problem.message, problem.key, problem.value, problem.severity
    ).render()


def _cell(problem: Problem, t: _Text, headers: dict[str, tuple[str, ...]]) -> tuple[str, str | None]:
    """The cell a problem points at, and its column when it is one column's cell."""
    cell = _find(problem, t, headers)
    sheet, letters, row = split_ref(cell)
    columns = headers.get(sheet, ())
    index = column_index_from_string(letters) - 1 if letters else -1
    named = columns[index] if 0 <= index < len(columns) and row > 1 and sheet != UMUM else None
    return cell, named


def _find(problem: Problem, t: _Text, headers: dict[str, tuple[str, ...]]) -> str:
    cells = t.built.cells
    if t.built.spec.csv:
        sheet = split_ref(next(iter(cells.values()), "A!A1"))[0]
        if problem.line in t.lines:
            i = t.lines.index(problem.line)
            return cells.get(("baris", i, problem.path), cells["baris", i])
        columns = headers.get(sheet, ())
        return ref(sheet, columns.index(problem.path) + 1 if problem.path in columns else 1, 1)
    by_path = {readable(t.built.data, p): p for p in cells}
    wanted = problem.path
    while wanted:
        if wanted in by_path:
            rest = problem.path[len(wanted) :].lstrip(".")
            found = cells[by_path[wanted]]
            return _column_cell(found, rest, headers) if rest and "[" not in rest and "." not in rest else found
        wanted = _LAST.sub("", wanted) if _LAST.search(wanted) else ""
    if problem.line is not None:
        lines = {line: p for p, line in sorted(t.lines.items(), key=lambda x: len(x[0]))}
        p = lines.get(problem.line, ())
        while p and p not in cells:
            p = p[:-1]
        if p:
            return cells[p]
    same = [
        c
        for p, c in cells.items()
        if p and str(p[-1]) == problem.path.rpartition(".")[2] and _value(t.built.data, p) == problem.value
    ]
    return same[0] if same else next(iter(cells.values()), UMUM)


def _column_cell(cell: str, column: str, headers: dict[str, tuple[str, ...]]) -> str:
    """The cell of `column` in the row of `cell` (a record's first cell)."""
    sheet, _, row = split_ref(cell)
    columns = headers.get(sheet, ())
    return ref(sheet, columns.index(column) + 1, row) if column in columns else cell


def _value(data: Any, path: Path_) -> Any:
    for step in path:
        try:
            data = data[step] if isinstance(step, int) or not isinstance(data, dict) else data.get(step)
        except (IndexError, TypeError, KeyError):
            return None
    return data

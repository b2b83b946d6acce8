"""Content files <-> sheet rows, following `spec`.

Export turns each file's data and comments into rows: one row per record of a level, root keys as
rows of `Umum`. A comment goes to the catatan of the record it stands in: before the record
itself as plain lines, before one of its keys as `[key] text` (`[target.renstra] ...`).
Import builds each file's data, comments and the sheet cell of every value back from the rows.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from generator import model as m
from generator.numbers import format_plain, parse_number
from generator.workbook import spec as s
from generator.workbook.text import Comments, Path_, canonical_number

UMUM = "Umum"
UMUM_COLUMNS = ("berkas", "kunci", "nilai", "catatan")
NOTE = "catatan"
_TAG = re.compile(r"^\[([^\]\s]+)\] ?(.*)$")


@dataclass(frozen=True)
class SheetProblem:
    """A problem found in a workbook, at a cell (`Sheet!B5`)."""

    cell: str
    field: str
    message: str
    key: str
    value: object = None
    severity: str = "error"

    def render(self) -> str:
        level = "GALAT" if self.severity == "error" else "PERINGATAN"
        value = "" if self.value is None else f" (nilai: {self.value!r})"
        field_ = f" {self.field}:" if self.field else ""
        return f"{level} {self.cell}:{field_} {self.message}{value} [{self.key}]"


@dataclass
class Row:
    """One sheet row: its values by column (as read from the cells) and where each cell is."""

    sheet: str
    values: dict[str, Any]
    cells: dict[str, str] = field(default_factory=dict)
    ref: str = ""

    def cell(self, column: str) -> str:
        return self.cells.get(column, self.ref)


@dataclass
class Built:
    """One content file built from a workbook: its data, comments, and the cell of each value."""

    name: str
    spec: s.FileSpec
    data: Any
    comments: Comments
    cells: dict[Path_, str]


# ---------------------------------------------------------------- values


def cell_value(column: s.Column, value: Any) -> Any:
    """A content value as a cell shows it."""
    if value is None or value == "":
        return None
    if column.kind in ("number", "count", "value"):
        if column.kind == "value" and isinstance(value, str) and value.strip().upper() in m.GRADES:
            return value.strip().upper()
        number = parse_number(value)
        return int(number) if number.is_integer() and abs(number) < 1e15 else number
    if column.kind == "int":
        return int(value)
    if column.kind == "bool":
        return "ya" if value else "tidak"
    if column.kind == "ids":
        return ", ".join(str(v) for v in value)
    if column.kind == "lines":
        return "\n".join(str(v) for v in value)
    return str(value)


def content_value(column: s.Column, value: Any) -> Any:
    """What a cell means as a content value; what cannot be read is kept as text, for the
    validator to report with the same rules as `kinerja validate`."""
    if isinstance(value, str):
        value = value.strip()
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        value = value.date() if value.time() == datetime.min.time() else value
    if isinstance(value, (date, datetime)):
        value = value.isoformat()
    if column.kind in ("number", "count", "value"):
        if isinstance(value, str) and column.kind == "value" and value.upper() in m.GRADES:
            return value.upper()
        return canonical_number(value) if not isinstance(value, bool) else str(value)
    if column.kind == "int":
        if isinstance(value, (int, float)) and not isinstance(value, bool) and float(value).is_integer():
            return int(value)
        return int(value) if isinstance(value, str) and value.isdigit() else _text(value)
    if column.printed and isinstance(value, (int, float)) and not isinstance(value, bool):
        return format_plain(value)
    if column.kind == "bool":
        word = _text(value).lower()
        return {"ya": True, "true": True, "1": True, "tidak": False, "false": False, "0": False}.get(word, word)
    if column.kind == "ids":
        return [v.strip() for v in re.split(r"[,;\n]", _text(value)) if v.strip()]
    if column.kind == "lines":
        return [v.strip() for v in _text(value).splitlines() if v.strip()]
    return _text(value)


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _get(data: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        data = data.get(key) if isinstance(data, dict) else None
    return data


def _put(data: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    for key in path[:-1]:
        data = data.setdefault(key, {})
    data[path[-1]] = value


def _entries(level: s.Level, container: Any) -> Iterator[tuple[tuple[Any, ...], Any]]:
    """(keys, record) of every record in a level's list or dict (keys: list index or dict keys)."""
    if not level.keys:
        yield from (((i,), item) for i, item in enumerate(container or ()))
        return

    def walk(data: Any, keys: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], Any]]:
        if len(keys) == len(level.keys):
            yield keys, data
            return
        for key, value in (data or {}).items():
            yield from walk(value, (*keys, key))

    yield from walk(container, ())


def root_paths(spec: s.FileSpec) -> list[tuple[str, bool]]:
    """Dotted paths of the file root in file order: (path, whether it holds a value)."""
    found: dict[str, bool] = {}
    for f in spec.fields:
        parts = f.split(".") if isinstance(f, str) else list(f.path)
        for i in range(1, len(parts)):
            found.setdefault(".".join(parts[:i]), False)
        found[".".join(parts)] = isinstance(f, str)
    return list(found.items())


# ---------------------------------------------------------------- export: files -> rows


@dataclass
class Tables:
    """Rows of every sheet (`Umum` too), the columns of each (Jawaban sheets: the file's own) and
    values a column suggests beyond the schema's closed lists (a drop-down that warns)."""

    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    columns: dict[str, tuple[str, ...]] = field(default_factory=dict)
    choices: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)  # suggested values of a column

    def add(self, sheet: str, row: dict[str, Any]) -> dict[str, Any]:
        self.rows.setdefault(sheet, []).append(row)
        return row


def to_rows(files: dict[str, tuple[Any, Comments]], tables: Tables | None = None) -> Tables:
    """The rows of the given files (name -> data and comments); every sheet is present."""
    tables = tables or Tables()
    for sheet in s.sheets():
        if "{}" not in sheet:
            tables.rows.setdefault(sheet, [])
            tables.columns[sheet] = s.sheet_columns(sheet)
    tables.rows.setdefault(UMUM, [])
    tables.columns[UMUM] = UMUM_COLUMNS
    for name, (data, comments) in files.items():
        spec, part = s.spec_of(name)
        owners: dict[Path_, dict[str, Any]] = {}
        if spec.csv:
            level = spec.levels()[0]
            sheet = level.sheet.format(part) if spec.part == "sheet" else level.sheet
            tables.columns.setdefault(sheet, tuple(data["kolom"]) if spec.part == "sheet" else s.sheet_columns(sheet))
            tables.rows.setdefault(sheet, [])
            for row in data["baris"]:
                tables.add(sheet, {c: cell_value(s.column(spec, level, c), row.get(c)) for c in data["kolom"]})
            continue
        _export_levels(spec, part, spec.fields, data, (), None, tables, owners)
        root = _export_root(spec, name, data)
        _export_comments(comments, owners, root)
        for row in root.values():
            if row.pop("_leaf") or row.get(NOTE):
                tables.add(UMUM, row)
    return tables


def _export_levels(
    spec: s.FileSpec,
    part: Any,
    fields: tuple[str | s.Level, ...],
    record: Any,
    path: Path_,
    ident: Any,
    tables: Tables,
    owners: dict[Path_, dict[str, Any]],
) -> None:
    for level in (f for f in fields if isinstance(f, s.Level) and not f.inline):
        for keys, entry in _entries(level, _get(record, level.path)):
            epath = (*path, *level.path, *(k if isinstance(k, int) and not level.keys else str(k) for k in keys))
            values: dict[str, Any] = {}
            if spec.part not in (None, "sheet"):
                values[spec.part] = int(part)
            if level.link:
                values[level.link] = ident
            values |= {k: cell_value(s.column(spec, level, k), v) for k, v in zip(level.keys, keys)}
            if level.value:
                values[level.value] = cell_value(s.column(spec, level, level.value), entry)
            for key in (f for f in level.fields if isinstance(f, str)):
                values[key] = cell_value(s.column(spec, level, key), _get(entry, tuple(key.split("."))))
            inline = next((c for c in level.children if c.inline), None)
            groups = [values]
            if inline and inline.value:
                kind = s.column(spec, inline, inline.value)
                groups = [
                    {**values, inline.keys[0]: k[0], inline.value: cell_value(kind, v)}
                    for k, v in _entries(inline, _get(entry, inline.path))
                ]
            for row in groups or [values]:
                tables.add(level.sheet, row)
            owners[epath] = (groups or [values])[0]
            child_ident = entry.get(level.ident) if isinstance(entry, dict) else None
            _export_levels(spec, part, level.fields, entry, epath, child_ident, tables, owners)


def _export_root(spec: s.FileSpec, name: str, data: dict[str, Any]) -> dict[Path_, dict[str, Any]]:
    """An `Umum` row for every root path, in file order (only those holding a value are kept
    unless a comment lands on them)."""
    rows: dict[Path_, dict[str, Any]] = {}
    for dotted, leaf in root_paths(spec):
        path = tuple(dotted.split("."))
        value = cell_value(s.column(spec, None, dotted), _get(data, path)) if leaf else None
        rows[path] = {"berkas": name, "kunci": dotted, "nilai": value, "_leaf": leaf}
    return rows


def _export_comments(
    comments: Comments, owners: dict[Path_, dict[str, Any]], root: dict[Path_, dict[str, Any]]
) -> None:
    """Each comment to the catatan of the record it stands in (with the key as a tag), root
    comments to their `Umum` row."""
    notes: dict[int, tuple[dict[str, Any], list[str]]] = {}
    for path, lines in comments.items():
        own = next((path[:i] for i in range(len(path), 0, -1) if path[:i] in owners), None)
        if own is not None:
            rest = path[len(own) :]
            rest = rest[: next((i for i, p in enumerate(rest) if isinstance(p, int)), len(rest))]
            row, tag = owners[own], ".".join(str(p) for p in rest)
        else:
            known = next(path[:i] for i in range(len(path), 0, -1) if path[:i] in root)
            row, tag = root[known], ".".join(str(p) for p in path[len(known) :])
        text = notes.setdefault(id(row), (row, []))[1]
        text += [f"[{tag}] {lines[0]}".rstrip(), *lines[1:]] if tag else lines
    for row, text in notes.values():
        row[NOTE] = "\n".join(text)


# ---------------------------------------------------------------- import: rows -> files


@dataclass(eq=False)
class _Record:
    row: Row
    part: Any = None
    spec: s.FileSpec | None = None
    level: s.Level | None = None
    parent: _Record | None = None
    file: str | None = None
    entries: list[Row] = field(default_factory=list)  # rows of an inline child
    failed: bool = False


def _placements() -> dict[str, list[tuple[s.FileSpec, s.Level | None, s.Level]]]:
    """Per sheet: every (file, parent level, level) the sheet's rows can be."""
    found: dict[str, list[tuple[s.FileSpec, s.Level | None, s.Level]]] = {}

    def walk(spec: s.FileSpec, parent: s.Level | None, fields: tuple[str | s.Level, ...]) -> None:
        for level in (f for f in fields if isinstance(f, s.Level) and not f.inline):
            found.setdefault(level.sheet, []).append((spec, parent, level))
            walk(spec, level, level.fields)

    for spec in s.FILES:
        walk(spec, None, spec.fields)
    return found


PLACEMENTS = _placements()
Children = dict[Any, dict[int, list[_Record]]]  # records by parent (a record or a file name) and level
RootValues = dict[str, tuple[Any, str]]  # dotted root key -> (value, cell)
RootNotes = dict[str, tuple[list[str], str]]  # dotted root key -> (comment lines, cell)
Root = tuple[RootValues, RootNotes]
Pending = list[tuple[Path_, Any, list[tuple[str, list[str], str]]]]  # comments placed once the data is built


class Importer:
    """Builds the content files of one kecamatan-year from the rows of its workbook."""

    def __init__(self, rows: dict[str, list[Row]], headers: dict[str, tuple[str, ...]], kecamatan: str, tahun: int):
        self.rows, self.headers = rows, headers
        self.kecamatan, self.tahun = kecamatan, tahun
        self.problems: list[SheetProblem] = []
        self.records: dict[str, list[_Record]] = {}
        self.index: dict[tuple[str, str, str], list[_Record]] = {}

    def problem(self, cell: str, column: str, message: str, key: str, value: object = None) -> None:
        self.problems.append(SheetProblem(cell, column, message, key, value))

    def build(self) -> dict[str, Built]:
        """Every content file the workbook holds (name -> built file)."""
        roots = self._umum()
        for sheet, rows in self.rows.items():
            if sheet != UMUM:
                self._records(sheet, rows)
        for records in self.records.values():
            for record in records:
                self._resolve(record, [])
        built: dict[str, Built | None] = {}
        names = {r.file for rs in self.records.values() for r in rs if r.file and not r.failed} | set(roots)
        children = self._children()
        for name in sorted(names):
            spec, part = s.spec_of(name)
            if spec.csv:
                built[name] = self._csv(name, spec)
            else:
                built[name] = self._yaml(name, spec, part, *roots.get(name, ({}, {})), children)
        return {n: b for n, b in built.items() if b is not None}

    # ------------------------------------------------------------ Umum

    def _umum(self) -> dict[str, tuple[dict[str, tuple[Any, str]], dict[str, tuple[list[str], str]]]]:
        """Root values and comments per file: dotted key -> (value, cell) and (lines, cell)."""
        roots: dict[str, Root] = {}
        seen: dict[tuple[str, str], str] = {}
        for row in self.rows.get(UMUM, []):
            name, key = _text(row.values.get("berkas") or ""), _text(row.values.get("kunci") or "")
            found = s.file_spec(name)
            if found is None:
                self.problem(
                    row.cell("berkas"),
                    "berkas",
                    "berkas tidak dikenal; lihat daftar berkas di lembar Petunjuk",
                    "unknown_file",
                    name or None,
                )
                continue
            spec = found[0]
            paths = dict(root_paths(spec))
            if key not in paths:
                known = [p for p, leaf in paths.items() if leaf]
                self.problem(
                    row.cell("kunci"),
                    "kunci",
                    f"kunci tidak dikenal untuk {name}; kunci yang dikenal: {', '.join(known)}",
                    "unknown_key",
                    key or None,
                )
                continue
            if (name, key) in seen:
                self.problem(
                    row.cell("kunci"), "kunci", f"kunci ini sudah ada di {seen[name, key]}", "duplicate_key", key
                )
                continue
            seen[name, key] = row.cell("kunci")
            values, notes = roots.setdefault(name, ({}, {}))
            value = row.values.get("nilai")
            if paths[key]:
                converted = content_value(s.column(spec, None, key), value)
                if converted is not None:
                    values[key] = (converted, row.cell("nilai"))
            elif value not in (None, ""):
                self.problem(
                    row.cell("nilai"),
                    key,
                    "kunci ini tidak berisi nilai di lembar Umum (isinya di lembar "
                    "lain); kosongkan, catatan boleh diisi",
                    "not_a_value",
                    value,
                )
            note = row.values.get(NOTE)
            if note not in (None, ""):
                notes[key] = (_lines(note), row.cell(NOTE))
        return roots

    # ------------------------------------------------------------ records and their parents

    def _records(self, sheet: str, rows: list[Row]) -> None:
        placements = _placements_of(sheet)
        spec, _, first = placements[0]
        inline = next((c for c in first.children if c.inline), None)
        own = [c for c in first.columns if not inline or c not in inline.columns]
        records: list[_Record] = []
        for row in rows:
            if inline and records and all(row.values.get(c) in (None, "") for c in own):
                records[-1].entries.append(row)
                continue
            if inline and records and all(row.values.get(c) == records[-1].row.values.get(c) for c in own):
                records[-1].entries.append(row)
                continue
            record = _Record(row, entries=[row] if inline else [])
            if spec.part == "sheet":
                record.part = sheet[len(first.sheet.partition("{}")[0]) :]
            elif spec.part:
                record.part = content_value(s.column(spec, None, spec.part), row.values.get(spec.part))
            records.append(record)
            ident = row.values.get(first.ident)
            if ident not in (None, ""):
                key = (sheet, str(record.part) if spec.part and spec.part != "sheet" else "", _text(ident))
                self.index.setdefault(key, []).append(record)
        self.records[sheet] = records

    def _resolve(self, record: _Record, stack: list[_Record]) -> None:
        if record.level is not None or record.failed:
            return
        sheet = record.row.sheet
        placements = _placements_of(sheet)
        link = next((lv.link for _, _, lv in placements if lv.link), None)
        value = _text(record.row.values.get(link) or "") if link else ""
        top = [(sp, lv) for sp, parent, lv in placements if parent is None]
        if not value and top:
            record.spec, record.level = top[0]
            record.file = self._file_name(record)
            record.failed = record.file is None
            return
        assert link is not None, f"sheet {sheet} has rows below other rows but no link column"
        if not value:
            self.problem(record.row.cell(link), link, "wajib diisi: sebut induk baris ini", "required")
            record.failed = True
            return
        parents = [
            p
            for _, parent, _ in placements
            if parent
            for p in self.index.get((parent.sheet, self._part_key(record), value), [])
        ]
        if not parents:
            sheets_ = sorted({parent.sheet for _, parent, _ in placements if parent})
            self.problem(
                record.row.cell(link),
                link,
                f"'{value}' tidak ada di lembar {' / '.join(sheets_)}",
                "unknown_reference",
                value,
            )
            record.failed = True
            return
        parent = parents[0]
        if parent in stack:
            self.problem(
                record.row.cell(link), link, "induk melingkar: baris ini menjadi induk dirinya sendiri", "cycle", value
            )
            record.failed = True
            return
        self._resolve(parent, [*stack, record])
        level = next(((sp, lv) for sp, p, lv in placements if p is parent.level), None)
        if parent.failed or level is None:
            if level is None and not parent.failed:
                self.problem(
                    record.row.cell(link),
                    link,
                    f"'{value}' tidak dapat menjadi induk baris lembar {sheet}",
                    "wrong_parent",
                    value,
                )
            record.failed = True
            return
        record.spec, record.level = level
        record.parent, record.file, record.part = parent, parent.file, parent.part

    def _part_key(self, record: _Record) -> str:
        spec = _placements_of(record.row.sheet)[0][0]
        return str(record.part) if spec.part and spec.part != "sheet" else ""

    def _file_name(self, record: _Record) -> str | None:
        spec = record.spec
        assert spec is not None
        if spec.part is None:
            return spec.name
        if spec.part != "sheet" and record.part not in (1, 2, 3, 4):
            self.problem(record.row.cell(spec.part), spec.part, "wajib diisi: 1, 2, 3 atau 4", "required", record.part)
            return None
        return spec.file_name(record.part)

    # ------------------------------------------------------------ assembling files

    def _children(self) -> Children:
        """Records by parent (a record, or the file name for top-level ones) and level."""
        found: Children = {}
        for records in self.records.values():
            for r in records:
                if not r.failed and r.level is not None:
                    found.setdefault(r.parent or r.file, {}).setdefault(id(r.level), []).append(r)
        return found

    def _yaml(
        self, name: str, spec: s.FileSpec, part: Any, values: RootValues, notes: RootNotes, children: Children
    ) -> Built | None:
        cells: dict[Path_, str] = {}
        comments: Comments = {}
        pending: Pending = []
        data: dict[str, Any] = {}
        identity = {"kecamatan": self.kecamatan, "tahun": self.tahun, "triwulan": int(part) if part else None}
        for f in spec.fields:
            if isinstance(f, str):
                if f in values:
                    _put(data, tuple(f.split(".")), values[f][0])
                    cells[tuple(f.split("."))] = values[f][1]
                elif f in s.IDENTITY and spec.scope == "tahun":
                    _put(data, (f,), identity[f])
            else:
                records = children.get(name, {}).get(id(f), [])
                container = self._container(spec, f, records, (), children, cells, pending)
                if container:
                    _put(data, f.path, container)
        if not any(k not in s.IDENTITY for k in values) and not any(
            children.get(name, {}).get(id(f)) for f in spec.fields if isinstance(f, s.Level)
        ):
            return None
        for path, record, tagged in pending:
            for tag, lines, cell in tagged:
                where = _locate(record, path, tag)
                comments.setdefault(where, []).extend(lines)
                cells.setdefault(where, cell)
        for key, (lines, cell) in notes.items():
            where = _locate(data, (), key) or (next(iter(data)),)
            comments.setdefault(where, []).extend(lines)
            cells.setdefault(where, cell)
        return Built(name, spec, data, comments, cells)

    def _container(
        self,
        spec: s.FileSpec,
        level: s.Level,
        records: list[_Record],
        path: Path_,
        children: Children,
        cells: dict[Path_, str],
        pending: Pending,
    ) -> Any:
        """The list or dict of `level` under `path`, from its records."""
        base = (*path, *level.path)
        if not level.keys:
            items = []
            for i, record in enumerate(records):
                items.append(self._record(spec, level, record, (*base, i), children, cells, pending))
            return items
        result: dict[Any, Any] = {}
        for record in records:
            rows = record.entries or [record.row]
            for row in rows:
                keys = [content_value(s.column(spec, level, k), row.values.get(k)) for k in level.keys]
                if any(k is None for k in keys):
                    missing = level.keys[[k is None for k in keys].index(True)]
                    self.problem(row.cell(missing), missing, "wajib diisi", "required")
                    continue
                target = result
                for key in keys[:-1]:
                    target = target.setdefault(key, {})
                if keys[-1] in target:
                    self.problem(
                        row.cell(level.keys[-1]),
                        level.keys[-1],
                        "kunci ini sudah ada di baris lain dengan induk yang sama",
                        "duplicate_key",
                        keys[-1],
                    )
                    continue
                epath = (*base, *(str(k) for k in keys))
                if level.value:
                    value = content_value(s.column(spec, level, level.value), row.values.get(level.value))
                    target[keys[-1]] = value
                    cells[epath] = row.cell(level.value)
                    if not level.inline:
                        pending.append((epath, {}, _tags(row)))
                else:
                    target[keys[-1]] = self._record(spec, level, record, epath, children, cells, pending)
        return result

    def _record(
        self,
        spec: s.FileSpec,
        level: s.Level,
        record: _Record,
        path: Path_,
        children: Children,
        cells: dict[Path_, str],
        pending: Pending,
    ) -> dict[str, Any]:
        row = record.row
        cells[path] = row.ref
        data: dict[str, Any] = {}
        skip = {level.link, *level.keys, level.value, spec.part, NOTE}
        mine = set()
        for f in level.fields:
            if isinstance(f, str):
                mine.add(f)
                value = content_value(s.column(spec, level, f), row.values.get(f))
                if value is not None:
                    _put(data, tuple(f.split(".")), value)
                    cells[(*path, *f.split("."))] = row.cell(f)
            else:
                mine.update(f.columns)
                kids = children.get(record, {}).get(id(f), []) if not f.inline else [record]
                container = self._container(spec, f, kids, path, children, cells, pending)
                if container or _required(spec, level, f):
                    _put(data, f.path, container)
        for column, value in row.values.items():
            if column not in mine and column not in skip and value not in (None, ""):
                data[column] = _text(value)
                cells[(*path, column)] = row.cell(column)
        pending.append((path, data, [t for r in record.entries or [row] for t in _tags(r)]))
        return data

    def _csv(self, name: str, spec: s.FileSpec) -> Built | None:
        level = spec.levels()[0]
        sheet = level.sheet.format(s.spec_of(name)[1]) if spec.part == "sheet" else level.sheet
        columns = list(self.headers.get(sheet, ())) if spec.part == "sheet" else list(level.columns)
        cells: dict[Path_, str] = {}
        rows = []
        for i, record in enumerate(r for r in self.records.get(sheet, []) if not r.failed):
            rows.append({c: content_value(s.column(spec, level, c), record.row.values.get(c)) for c in columns})
            cells[("baris", i)] = record.row.ref
            cells.update({("baris", i, c): record.row.cell(c) for c in columns})
        if not rows:
            return None
        return Built(name, spec, {"kolom": columns, "baris": rows}, {}, cells)


def _placements_of(sheet: str) -> list[tuple[s.FileSpec, s.Level | None, s.Level]]:
    return PLACEMENTS.get(sheet) or PLACEMENTS[_generic(sheet)]


def _generic(sheet: str) -> str:
    """`Jawaban s1` -> `Jawaban {}`."""
    return next((name for name in PLACEMENTS if "{}" in name and sheet.startswith(name.partition("{}")[0])), sheet)


def _required(spec: s.FileSpec, level: s.Level, child: s.Level) -> bool:
    model = s.model_of(spec, level)
    info = getattr(model, "model_fields", {}).get(child.path[0])
    return bool(info and info.is_required() and len(child.path) == 1)


def _lines(note: Any) -> list[str]:
    return [line.rstrip() for line in str(note).rstrip().split("\n")]


def _tags(row: Row) -> list[tuple[str, list[str], str]]:
    """A catatan as (tag, lines, cell): plain lines first (tag ""), then `[key] text` blocks."""
    note = row.values.get(NOTE)
    if note in (None, ""):
        return []
    blocks: list[tuple[str, list[str], str]] = [("", [], row.cell(NOTE))]
    for line in _lines(note):
        tagged = _TAG.match(line)
        if tagged:
            blocks.append((tagged[1], [tagged[2]], row.cell(NOTE)))
        else:
            blocks[-1][1].append(line)
    return [b for b in blocks if b[1]]


def _locate(data: Any, path: Path_, tag: str) -> Path_:
    """The path of `tag` (`target.renstra`) inside the record at `path`, as far as the record has it."""
    where = path
    rest = tag
    while rest and isinstance(data, dict):
        key = max(
            (k for k in data if rest == str(k) or rest.startswith(f"{k}.")), key=lambda k: len(str(k)), default=None
        )
        if key is None:
            break
        where, data, rest = (*where, str(key)), data[key], rest[len(str(key)) + 1 :]
    return where

"""The workbook file: rows to a styled xlsx (drop-downs, number formats, frozen headers) and back.

Written and read with openpyxl (pandas' reader drops the number format, and a cell formatted as
a percentage holding 0.85 means 85). Headers are the content keys; `Petunjuk` explains the sheets,
`Daftar` holds the closed lists the drop-downs offer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any
from zipfile import BadZipFile

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from generator.workbook import spec as s
from generator.workbook.help import INSTRUCTIONS, SHEET_HELP
from generator.workbook.tables import UMUM, UMUM_COLUMNS, Row, SheetProblem, Tables, root_paths

RUPIAH = '"Rp "#,##0'
PERCENT = 'General" %"'
TEXT = "@"
DAFTAR = "Daftar"
PETUNJUK_SHEET = "Petunjuk"
#: Rows a drop-down and a number format cover below the data (room for new rows).
ROOM = 500
_HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")
_QUOTED = re.compile(r'"[^"]*"|\\.')


@dataclass(frozen=True)
class Identity:
    """The kecamatan-year a workbook belongs to."""

    kabupaten: str
    kecamatan: str
    tahun: int


def ref(sheet: str, column: int | str, row: int) -> str:
    """`Sheet!B5` as Excel writes it (`'SKM periode'!B5`)."""
    letter = get_column_letter(column) if isinstance(column, int) else column
    return f"{quote(sheet)}!{letter}{row}"


def quote(sheet: str) -> str:
    """A sheet name as a formula names it: quoted when it holds more than letters and digits."""
    return sheet if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", sheet) else quote_sheetname(sheet)


def split_ref(cell: str) -> tuple[str, str, int]:
    """`'SKM periode'!B5` -> ("SKM periode", "B", 5)."""
    sheet, _, where = cell.rpartition("!")
    letters = where.rstrip("0123456789")
    sheet = sheet[1:-1].replace("''", "'") if sheet.startswith("'") else sheet
    return sheet, letters, int(where[len(letters) :] or 0)


# ---------------------------------------------------------------- writing


def write_workbook(tables: Tables, identity: Identity, path: Path, judul: str) -> None:
    """The workbook of `tables` for `identity`, saved to `path`."""
    book = Workbook()
    _petunjuk(book.active, identity, judul)
    lists = _Lists(book)
    percent_ids = {r.get("id") for r in tables.rows.get("Indikator", []) if r.get("satuan") == "%"}
    _umum(book.create_sheet(UMUM), tables.rows.get(UMUM, []), lists)
    for sheet in _sheet_order(tables):
        columns = tables.columns[sheet]
        ws = book.create_sheet(sheet)
        _header(ws, columns)
        kinds = _kinds(sheet)
        for r, row in enumerate(tables.rows.get(sheet, []), start=2):
            for c, column in enumerate(columns, start=1):
                _write(ws.cell(r, c), row.get(column))
        for c, column in enumerate(columns, start=1):
            kind = kinds.get(column, s.Column("text"))
            _format_column(ws, c, kind, len(tables.rows.get(sheet, [])))
            _validation(ws, sheet, column, c, kind, lists, tables.choices.get((sheet, column), ()))
        _percent_rows(ws, sheet, columns, tables.rows.get(sheet, []), percent_ids)
    lists.finish()
    book.save(path)


def _sheet_order(tables: Tables) -> list[str]:
    names = []
    for sheet in s.ORDER:
        if "{}" in sheet:
            names += sorted(n for n in tables.columns if n.startswith(sheet.partition("{}")[0]))
        else:
            names.append(sheet)
    return names


def _kinds(sheet: str) -> dict[str, s.Column]:
    """The kind of each column of a sheet (the first level that has the column decides)."""
    generic = next(n for n in s.sheets() if n == sheet or ("{}" in n and sheet.startswith(n.partition("{}")[0])))
    kinds: dict[str, s.Column] = {}
    for spec, level in s.sheets()[generic]:
        for column in (*((spec.part,) if spec.part not in (None, "sheet") else ()), *level.columns):
            kinds.setdefault(column, s.column(spec, level, column))
    return kinds


def _header(ws: Worksheet, columns: tuple[str, ...]) -> None:
    for c, column in enumerate(columns, start=1):
        cell = ws.cell(1, c, column)
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        ws.column_dimensions[get_column_letter(c)].width = max(12, min(40, len(column) + 4))
    ws.freeze_panes = "A2"


def _write(cell: Any, value: Any) -> None:
    if value is None:
        return
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"  # a text starting with '=' is text, not a formula
        if "\n" in value or len(value) > 40:
            cell.alignment = Alignment(wrap_text=True, vertical="top")


def _number_format(kind: s.Column) -> str:
    if kind.rupiah:
        return RUPIAH
    if kind.percent:
        return PERCENT
    return TEXT if kind.kind in ("text", "ids", "lines") else "General"


def _format_column(ws: Worksheet, c: int, kind: s.Column, rows: int) -> None:
    """The column's number format, for its cells and (as the column's style) for rows typed later."""
    fmt = _number_format(kind)
    column = ws.column_dimensions[get_column_letter(c)]
    column.number_format = fmt
    for r in range(2, rows + 2):
        ws.cell(r, c).number_format = fmt
    if kind.kind in ("text", "lines") and not kind.choices:
        column.width = 40


def _percent_rows(
    ws: Worksheet, sheet: str, columns: tuple[str, ...], rows: list[dict[str, Any]], percent_ids: set[Any]
) -> None:
    """Values of indicators measured in % are shown as percentages."""
    key = "id" if sheet == "Indikator" else "indikator"
    if key not in columns:
        return
    kinds = _kinds(sheet)
    targets = [c for c, column in enumerate(columns, start=1) if column in kinds and kinds[column].kind == "value"]
    for r, row in enumerate(rows, start=2):
        if row.get(key) in percent_ids:
            for c in targets:
                ws.cell(r, c).number_format = PERCENT


class _Lists:
    """The closed lists of the drop-downs, one column each in the `Daftar` sheet."""

    def __init__(self, book: Workbook):
        self.book = book
        self.columns: dict[tuple[str, ...], str] = {}

    def range(self, choices: tuple[str, ...]) -> str:
        if choices not in self.columns:
            self.columns[choices] = get_column_letter(len(self.columns) + 1)
        letter = self.columns[choices]
        return f"{DAFTAR}!${letter}$1:${letter}${len(choices)}"

    def finish(self) -> None:
        ws = self.book.create_sheet(DAFTAR)
        for choices, letter in self.columns.items():
            for r, choice in enumerate(choices, start=1):
                ws[f"{letter}{r}"] = choice


def _validation(
    ws: Worksheet, sheet: str, column: str, c: int, kind: s.Column, lists: _Lists, suggested: tuple[str, ...]
) -> None:
    """A drop-down: a closed list (stop), or the ids of another sheet or suggested values (warning)."""
    generic = next((n for n in s.sheets() if "{}" in n and sheet.startswith(n.partition("{}")[0])), sheet)
    target = s.REFERENCES.get((generic, column)) or _parent_reference(generic, column)
    if kind.choices:
        formula, style = lists.range(kind.choices), "stop"
    elif suggested:
        formula, style = lists.range(suggested), "warning"
    elif target:
        letter = get_column_letter(s.sheet_columns(target[0]).index(target[1]) + 1)
        formula, style = f"{quote_sheetname(target[0])}!${letter}$2:${letter}${2 + 5 * ROOM}", "warning"
    else:
        return
    dv = DataValidation(
        type="list",
        formula1=formula,
        allow_blank=True,
        errorStyle=style,
        showErrorMessage=True,
        error="Pilih dari daftar.",
        errorTitle="Nilai tidak dikenal",
    )
    letter = get_column_letter(c)
    dv.add(f"{letter}2:{letter}{ws.max_row + ROOM}")
    ws.add_data_validation(dv)


def _parent_reference(sheet: str, column: str) -> tuple[str, str] | None:
    """A link column whose parents all live in one sheet: a drop-down of that sheet's idents."""
    parents = {
        (p.sheet, p.ident)
        for spec in s.FILES
        for p in spec.levels()
        for child in p.children
        if child.sheet == sheet and child.link == column
    }
    return next(iter(parents)) if len(parents) == 1 else None


def _umum(ws: Worksheet, rows: list[dict[str, Any]], lists: _Lists) -> None:
    _header(ws, UMUM_COLUMNS)
    ws.column_dimensions["B"].width = 34
    ws.column_dimensions["C"].width = 60
    ws.column_dimensions["D"].width = 60
    for r, row in enumerate(rows, start=2):
        spec, _ = s.spec_of(row["berkas"])
        leaf = dict(root_paths(spec)).get(row["kunci"])
        kind = s.column(spec, None, row["kunci"]) if leaf else s.Column("text")
        for c, column in enumerate(UMUM_COLUMNS, start=1):
            _write(ws.cell(r, c), row.get(column))
        ws.cell(r, 3).number_format = _number_format(kind)
        if kind.choices:
            dv = DataValidation(
                type="list",
                formula1=lists.range(kind.choices),
                allow_blank=True,
                showErrorMessage=True,
                error="Pilih dari daftar.",
            )
            dv.add(f"C{r}")
            ws.add_data_validation(dv)


def _petunjuk(ws: Worksheet, identity: Identity, judul: str) -> None:
    ws.title = PETUNJUK_SHEET
    ws["A1"] = judul
    ws["A1"].font = Font(bold=True, size=14)
    for r, (label, value) in enumerate(
        (("kabupaten", identity.kabupaten), ("kecamatan", identity.kecamatan), ("tahun", identity.tahun)), start=2
    ):
        ws.cell(r, 1, label).font = Font(bold=True)
        ws.cell(r, 2, value)
    r = 6
    for line in INSTRUCTIONS:
        ws.cell(r, 1, line).alignment = Alignment(wrap_text=False)
        r += 1
    r += 1
    ws.cell(r, 1, "Lembar").font = Font(bold=True)
    ws.cell(r, 2, "Isinya").font = Font(bold=True)
    for sheet, text in SHEET_HELP.items():
        r += 1
        ws.cell(r, 1, sheet)
        ws.cell(r, 2, text)
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 110


# ---------------------------------------------------------------- reading


@dataclass
class Read:
    """What a workbook file holds."""

    identity: Identity | None
    rows: dict[str, list[Row]] = field(default_factory=dict)
    headers: dict[str, tuple[str, ...]] = field(default_factory=dict)
    problems: list[SheetProblem] = field(default_factory=list)


def is_percent(number_format: str | None) -> bool:
    """Whether a number format scales by 100 (`0.00%`), not only shows a `%` sign (`0" %"`)."""
    return "%" in _QUOTED.sub("", number_format or "")


def cell_content(value: Any, number_format: str | None) -> Any:
    """A cell's value as the clerk meant it: 0.85 formatted as a percentage is 85."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and is_percent(number_format):
        scaled = Decimal(repr(value)) * 100
        return int(scaled) if scaled == scaled.to_integral_value() else float(scaled)
    return value


def read_workbook(path: Path) -> Read:
    """Every sheet's rows (empty rows skipped), its headers, and problems of the workbook's shape."""
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (OSError, BadZipFile, InvalidFileException, KeyError) as exc:
        reason = f"bukan buku kerja .xlsx yang dapat dibaca ({type(exc).__name__})"
        return Read(None, problems=[SheetProblem(str(path), "", reason, "unreadable_file")])
    try:
        result = Read(_identity(book))
        if result.identity is None:
            result.problems.append(
                SheetProblem(
                    ref(PETUNJUK_SHEET, "B", 2),
                    "",
                    "kabupaten, kecamatan dan tahun tidak terbaca di lembar Petunjuk (sel B2:B4)",
                    "identity",
                )
            )
        known = set(s.sheets())
        for ws in book.worksheets:
            generic = next((n for n in known if "{}" in n and ws.title.startswith(n.partition("{}")[0])), ws.title)
            if ws.title in (PETUNJUK_SHEET, DAFTAR):
                continue
            if ws.title != UMUM and generic not in known:
                result.problems.append(
                    SheetProblem(
                        ref(ws.title, "A", 1),
                        "",
                        f"lembar tidak dikenal; lembar yang dikenal: {', '.join(SHEET_HELP)}",
                        "unknown_sheet",
                    )
                )
                continue
            _read_sheet(ws, generic, result)
        for sheet in [UMUM, *(n for n in known if "{}" not in n)]:
            if sheet not in result.headers:
                result.problems.append(
                    SheetProblem(
                        sheet,
                        "",
                        "lembar tidak ada: jangan hapus lembar, kosongkan barisnya bila tidak dipakai",
                        "missing_sheet",
                    )
                )
        return result
    finally:
        book.close()


def _identity(book: Any) -> Identity | None:
    if PETUNJUK_SHEET not in book.sheetnames:
        return None
    values: dict[str, Any] = {}
    for row in book[PETUNJUK_SHEET].iter_rows(min_row=1, max_row=10, max_col=2, values_only=True):
        if row and isinstance(row[0], str):
            values[row[0].strip().lower()] = row[1] if len(row) > 1 else None
    try:
        return Identity(str(values["kabupaten"]).strip(), str(values["kecamatan"]).strip(), int(values["tahun"]))
    except (KeyError, TypeError, ValueError):
        return None


def _read_sheet(ws: Any, generic: str, result: Read) -> None:
    allowed = UMUM_COLUMNS if ws.title == UMUM else s.sheet_columns(generic)
    rows = ws.iter_rows()
    header = next(rows, ())
    columns: dict[int, str] = {}
    for i, cell in enumerate(header):
        name = str(cell.value).strip() if cell.value is not None else ""
        if not name:
            continue
        if name not in allowed or name in columns.values():
            reason = (
                "kolom ganda"
                if name in columns.values()
                else f"kolom tidak dikenal; kolom lembar ini: {', '.join(allowed)}"
            )
            result.problems.append(SheetProblem(ref(ws.title, i + 1, 1), name, reason, "unknown_column"))
            continue
        columns[i] = name
    result.headers[ws.title] = tuple(columns.values())
    found = []
    for number, cells in enumerate(rows, start=2):
        values = {}
        for i, name in columns.items():
            if i < len(cells) and cells[i].value is not None and cells[i].value != "":
                values[name] = cell_content(cells[i].value, getattr(cells[i], "number_format", None))
        if values:
            found.append(
                Row(
                    ws.title,
                    values,
                    {n: ref(ws.title, i + 1, number) for i, n in columns.items()},
                    ref(ws.title, 1, number),
                )
            )
    result.rows[ws.title] = found

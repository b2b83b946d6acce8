"""Datasets: tables as data: one definition per table serves the page, its CSV and JSON downloads and
the Frictionless data package, so what a citizen reads and what a journalist downloads
can never disagree.

A `Tabel` holds typed columns and rows of plain values (numbers stay unrounded until they
are written); templates format it through `_macros.md.j2`, this module writes the files.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import posixpath
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from generator.numbers import round_half_up

#: Column kinds: how the page formats a value and which Table Schema type the data gets.
SCHEMA_TYPES = {
    "teks": "string",
    "bilangan": "integer",  # counts
    "angka": "number",  # targets, realisasi, indices (at most 2 decimals on the page)
    "persen": "number",  # capaian, serapan (2 decimals and a % sign on the page)
    "indeks": "number",  # IKM, NRR (always 2 decimals on the page)
    "rupiah": "number",  # money (no decimals on the page)
    "tahun": "integer",
    "predikat": "string",  # a scale interval or mutu: a badge on the page, "kode label" in the data
}
DECIMALS = 2


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    kind: str = "teks"
    description: str = ""
    formula: str | None = None  # anchor of the formula on the Metodologi page
    shown: bool = True  # False: in the downloads only (ids, codes)
    group: bool = False  # row header printed once per run of equal values
    decimals: int = DECIMALS  # decimals of numbers in the downloads

    def __post_init__(self) -> None:
        if self.kind not in SCHEMA_TYPES:
            raise ValueError(f"unknown column kind {self.kind!r}")


@dataclass(frozen=True)
class Cell:
    """A cell whose page text or link differs from its data value."""

    value: Any
    text: str | None = None  # shown instead of the formatted value
    link: str | None = None  # source path of the page the cell links to


@dataclass
class Table:
    path: str  # source-relative path without extension: `kab/kec/2024/capaian-iku`
    title: str  # caption, also the dataset title
    description: str
    columns: tuple[Column, ...]
    rows: list[tuple[Any, ...]] = field(default_factory=list)  # values of their columns' kinds (see `data_value`)
    row_classes: list[str] = field(default_factory=list)
    row_ids: list[str] = field(default_factory=list)  # anchors other pages link to ("" for none)
    source: str = ""
    css_class: str = ""
    footer: tuple[Any, ...] | None = None  # a totals row shown under the table, not part of the data
    resource: str | None = None  # its data-package line, once described (`write_pages`); kept when rows are dropped
    formats: tuple[str, ...] = ("csv", "json")  # its download files; the CSV is the data package's resource
    _columns: list[list[Any]] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def name(self) -> str:
        """Data-package resource name: lower case, dots for folders."""
        return self.path.replace("/", ".").lower()

    @property
    def shown(self) -> list[int]:
        return [i for i, k in enumerate(self.columns) if k.shown]

    def add_row(self, *values: Any, css_class: str = "", row_id: str = "") -> None:
        if len(values) != len(self.columns):
            raise ValueError(f"{self.path}: {len(values)} values for {len(self.columns)} columns")
        self.rows.append(values)
        self.row_classes.append(css_class)
        self.row_ids.append(row_id)
        self._columns = None

    def starts_group(self, r: int, c: int) -> bool:
        """Whether row r starts a new run of equal values in grouping column c."""
        return r == 0 or (values := plain_columns(self)[c])[r] != values[r - 1]

    def downloads(self, folder: str) -> dict[str, str]:
        """Relative links from a page published in `folder` (`.` for the root) to this table's
        download files, by extension."""
        rel = posixpath.relpath(self.path, folder)
        return {ext: f"{rel}.{ext}" for ext in self.formats}


def data_value(value: Any, kolom: Column) -> Any:
    """The plain value written to CSV and JSON: numbers rounded to 2 decimals (half-up),
    a predikat as its label, `None` for no data."""
    return _converter(kolom.kind, kolom.decimals)(value)


@functools.cache
def _converter(kind: str, decimals: int) -> Callable[[Any], Any]:
    """`data_value` for the columns of one kind (chosen once per column, not per cell)."""
    plain: Callable[[Any], Any] = str
    if kind == "predikat":
        plain = _label
    elif kind in ("bilangan", "tahun"):
        plain = int
    elif kind in ("angka", "persen", "indeks", "rupiah"):
        plain = functools.partial(_number, decimals=decimals)

    def convert(value: Any) -> Any:
        if isinstance(value, Cell):
            value = value.value
        return None if value is None else plain(value)

    return convert


def _label(value: Any) -> str:
    """A scale interval or a mutu letter: "kode label"."""
    return " ".join(p for p in (getattr(value, "kode", None), value.label) if p)


def _number(value: Any, decimals: int) -> Any:
    """A number rounded half-up (an int when whole); a grade (`BB`) in a number column as text."""
    return _rounded(float(value), decimals) if isinstance(value, (int, float)) else str(value)


@functools.lru_cache(maxsize=1 << 16)  # the same values recur in many tables; Decimal is slow
def _rounded(value: float, decimals: int) -> int | float:
    rounded = round_half_up(value, decimals).normalize()
    return int(rounded) if rounded == rounded.to_integral_value() else float(rounded)


def plain_columns(tabel: Table) -> list[list[Any]]:
    """Each column's values as `data_value` makes them (computed once per table, column by
    column: the page's grouping, CSV, JSON and the data package's schema all read them)."""
    if tabel._columns is None:
        values = zip(*tabel.rows) if tabel.rows else ((),) * len(tabel.columns)
        tabel._columns = [_plain_column(v, k) for v, k in zip(values, tabel.columns)]
    return tabel._columns


def _plain_column(values: Iterable[Any], kolom: Column) -> list[Any]:
    """`data_value` of each value; a text or no data is itself in a text column (most cells
    of a table are: no conversion called for them)."""
    plain = _converter(kolom.kind, kolom.decimals)
    if kolom.kind == "teks":
        return [v if v is None or v.__class__ is str else plain(v) for v in values]
    return [None if v is None else plain(v) for v in values]


#: What makes a spreadsheet program read a cell as a formula (OWASP, "CSV injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: A text that is only a signed number as printed (`-3,12`, `+1.234`, `-5%`): read as a number, never run.
SIGNED_NUMBER = re.compile(r"[-+]\d[\d.,]*%?")


def csv_cell(value: Any) -> Any:
    """A CSV cell: empty for no data, a number as it is, a text that a spreadsheet would run as
    a formula (`=HYPERLINK(...)`, `+62 812...`, `-` then anything but a number) with a leading apostrophe,
    which spreadsheet programs read as "this is text" (the JSON keeps the text as it is)."""
    if value is None:
        return ""
    if isinstance(value, str) and value.lstrip(" ").startswith(FORMULA_START) and not SIGNED_NUMBER.fullmatch(value):
        return "'" + value
    return value


def to_csv(tabel: Table) -> str:
    """RFC 4180 CSV with a header row of column keys; decimal point `.`, empty = no data, text
    never read as a formula (`csv_cell`)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(k.key for k in tabel.columns)
    writer.writerows(zip(*map(_csv_cells, plain_columns(tabel))))
    return out.getvalue()


#: First characters of a text that `csv_cell` has to look at (a formula may follow spaces).
_GUARDED = frozenset((*FORMULA_START, " "))


def _csv_cells(values: list[Any]) -> list[Any]:
    """`csv_cell` of each plain value of a column; numbers and a text that cannot start a
    formula are themselves (most cells: no call for them)."""
    return [
        v if v.__class__ in (int, float) or (v.__class__ is str and v[:1] not in _GUARDED) else csv_cell(v)
        for v in values
    ]


_JSON = json.JSONEncoder(ensure_ascii=False)  # one encoder (`json.dumps` with options makes one per call)


def to_json(tabel: Table) -> str:
    """An array of records keyed by column key (`null` = no data)."""
    keys = [k.key for k in tabel.columns]
    rows = [_JSON.encode(dict(zip(keys, row))) for row in zip(*plain_columns(tabel))]  # C encoder: a line each
    return "[\n" + ",\n".join(rows) + "\n]\n" if rows else "[]\n"


#: The writer of each download format.
WRITERS: dict[str, Callable[[Table], str]] = {"csv": to_csv, "json": to_json}


def resource(tabel: Table, metodologi_url: str, folder: str = ".") -> dict[str, Any]:
    """The Frictionless Data Resource descriptor of a table's CSV file, for a package in `folder`."""
    fields = []
    for k, values in zip(tabel.columns, plain_columns(tabel)):
        # A target or realisasi column that holds a grade (`BB`) somewhere is text.
        textual = any(isinstance(v, str) for v in values)
        entry = {"name": k.key, "title": k.title, "type": "string" if textual else SCHEMA_TYPES[k.kind]}
        description = k.description + (f" Rumus: {metodologi_url}#{k.formula}" if k.formula else "")
        if description:
            entry["description"] = description.strip()
        fields.append(entry)
    return {
        "name": tabel.name,
        "title": tabel.title,
        "description": tabel.description,
        "path": f"{posixpath.relpath(tabel.path, folder)}.csv",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "sources": [{"title": tabel.source}] if tabel.source else [],
        "schema": {"fields": fields, "missingValues": [""]},
    }


def resource_line(tabel: Table, metodologi_url: str, folder: str = ".") -> str:
    """A table's resource as one line of `datapackage.json` (the C encoder: an indented dump is
    pure Python, 10 times slower)."""
    return json.dumps(resource(tabel, metodologi_url, folder), ensure_ascii=False)


def datapackage(
    tables: Iterable[Table],
    name: str,
    title: str,
    description: str,
    metodologi_url: str,
    licence: dict[str, str],
    folder: str = ".",
) -> str:
    """`datapackage.json`, in `folder` of the site, for the given datasets: each table's
    `resource` line when it has one (describing a table reads all its rows), else described now."""
    head = json.dumps(
        {"name": name, "title": title, "description": description, "licenses": [licence]}, ensure_ascii=False
    )
    resources = ",\n".join(t.resource or resource_line(t, metodologi_url, folder) for t in tables)
    return f'{head[:-1]}, "resources": [\n{resources}\n]}}\n'


#: Licences a portal may publish its open data under (portal.yml `lisensi_data`): name and address.
LISENSI = {
    "CC-BY-4.0": ("Creative Commons Atribusi 4.0 Internasional", "https://creativecommons.org/licenses/by/4.0/"),
    "CC0-1.0": ("Creative Commons Zero 1.0 (domain publik)", "https://creativecommons.org/publicdomain/zero/1.0/"),
    "ODbL-1.0": ("Open Database License 1.0", "https://opendatacommons.org/licenses/odbl/1-0/"),
}

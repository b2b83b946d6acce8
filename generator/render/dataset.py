"""Datasets: tables as data: one definition per table serves the page, its CSV and JSON downloads and
the Frictionless data package, so what a citizen reads and what a journalist downloads
can never disagree.

A `Tabel` holds typed columns and rows of plain values (numbers stay unrounded until they
are written); templates format it through `_macros.md.j2`, this module writes the files.
"""

from __future__ import annotations

import csv
import io
import json
import posixpath
from dataclasses import dataclass, field
from typing import Any, Iterable

from generator.numbers import round_half_up

#: Column kinds: how the page formats a value and which Table Schema type the data gets.
JENIS_SCHEMA = {
    "teks": "string",
    "bilangan": "integer",  # counts
    "angka": "number",      # targets, realisasi, indices (at most 2 decimals on the page)
    "persen": "number",     # capaian, serapan (2 decimals and a % sign on the page)
    "indeks": "number",     # IKM, NRR (always 2 decimals on the page)
    "rupiah": "number",     # money (no decimals on the page)
    "tahun": "integer",
    "predikat": "string",   # a scale interval or mutu: a badge on the page, "kode label" in the data
}
DESIMAL = 2


@dataclass(frozen=True)
class Kolom:
    kunci: str
    judul: str
    jenis: str = "teks"
    deskripsi: str = ""
    rumus: str | None = None     # anchor of the formula on the Metodologi page
    tampil: bool = True          # False: in the downloads only (ids, codes)
    kelompok: bool = False       # row header printed once per run of equal values

    def __post_init__(self) -> None:
        if self.jenis not in JENIS_SCHEMA:
            raise ValueError(f"unknown column kind {self.jenis!r}")


@dataclass(frozen=True)
class Sel:
    """A cell whose page text or link differs from its data value."""

    nilai: Any
    teks: str | None = None      # shown instead of the formatted value
    tautan: str | None = None    # source path of the page the cell links to


@dataclass
class Tabel:
    path: str                    # source-relative path without extension: `kab/kec/2024/capaian-iku`
    judul: str                   # caption, also the dataset title
    deskripsi: str
    kolom: tuple[Kolom, ...]
    baris: list[tuple] = field(default_factory=list)
    kelas_baris: list[str] = field(default_factory=list)
    sumber: str = ""
    kelas: str = ""
    kaki: tuple | None = None    # a totals row shown under the table, not part of the data
    _records: list[dict[str, Any]] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def nama(self) -> str:
        """Data-package resource name: lower case, dots for folders."""
        return self.path.replace("/", ".").lower()

    @property
    def tampil(self) -> list[int]:
        return [i for i, k in enumerate(self.kolom) if k.tampil]

    def tambah(self, *nilai: Any, kelas: str = "") -> None:
        if len(nilai) != len(self.kolom):
            raise ValueError(f"{self.path}: {len(nilai)} values for {len(self.kolom)} columns")
        self.baris.append(nilai)
        self.kelas_baris.append(kelas)
        self._records = None

    def awal_kelompok(self, r: int, c: int) -> bool:
        """Whether row r starts a new run of equal values in grouping column c."""
        return r == 0 or nilai_data(self.baris[r][c], self.kolom[c]) != nilai_data(self.baris[r - 1][c], self.kolom[c])

    def unduhan(self, folder: str) -> tuple[str, str]:
        """Relative links from a page published in `folder` (`.` for the root) to this table's
        CSV and JSON."""
        rel = posixpath.relpath(self.path, folder)
        return f"{rel}.csv", f"{rel}.json"


def nilai_data(value: Any, kolom: Kolom) -> Any:
    """The plain value written to CSV and JSON: numbers rounded to 2 decimals (half-up),
    a predikat as its label, `None` for no data."""
    if isinstance(value, Sel):
        value = value.nilai
    if value is None:
        return None
    if kolom.jenis == "predikat":   # a scale interval or a mutu letter: "kode label"
        return " ".join(p for p in (getattr(value, "kode", None), value.label) if p)
    if kolom.jenis in ("bilangan", "tahun"):
        return int(value)
    if kolom.jenis in ("angka", "persen", "indeks", "rupiah") and isinstance(value, (int, float)):
        rounded = round_half_up(float(value), DESIMAL).normalize()
        return int(rounded) if rounded == rounded.to_integral_value() else float(rounded)
    return str(value)


def records(tabel: Tabel) -> list[dict[str, Any]]:
    """The rows as plain values by column key (computed once per table: CSV, JSON and the data
    package's schema all read them)."""
    if tabel._records is None:
        tabel._records = [{k.kunci: nilai_data(v, k) for k, v in zip(tabel.kolom, row)} for row in tabel.baris]
    return tabel._records


def to_csv(tabel: Tabel) -> str:
    """RFC 4180 CSV with a header row of column keys; decimal point `.`, empty = no data."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(k.kunci for k in tabel.kolom)
    for record in records(tabel):
        writer.writerow("" if v is None else v for v in record.values())
    return out.getvalue()


def to_json(tabel: Tabel) -> str:
    """An array of records keyed by column key (`null` = no data)."""
    rows = [json.dumps(r, ensure_ascii=False) for r in records(tabel)]  # C encoder: one record per line
    return "[\n" + ",\n".join(rows) + "\n]\n" if rows else "[]\n"


def resource(tabel: Tabel, metodologi_url: str, folder: str = ".") -> dict[str, Any]:
    """The Frictionless Data Resource descriptor of a table's CSV file, for a package in `folder`."""
    fields = []
    for k in tabel.kolom:
        # A target or realisasi column that holds a grade (`BB`) somewhere is text.
        textual = any(isinstance(record[k.kunci], str) for record in records(tabel))
        entry = {"name": k.kunci, "title": k.judul, "type": "string" if textual else JENIS_SCHEMA[k.jenis]}
        description = k.deskripsi + (f" Rumus: {metodologi_url}#{k.rumus}" if k.rumus else "")
        if description:
            entry["description"] = description.strip()
        fields.append(entry)
    return {
        "name": tabel.nama,
        "title": tabel.judul,
        "description": tabel.deskripsi,
        "path": f"{posixpath.relpath(tabel.path, folder)}.csv",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "sources": [{"title": tabel.sumber}] if tabel.sumber else [],
        "schema": {"fields": fields, "missingValues": [""]},
    }


def datapackage(tables: Iterable[Tabel], name: str, title: str, description: str, metodologi_url: str,
                licence: dict[str, str], folder: str = ".") -> str:
    """`datapackage.json`, in `folder` of the site, for the given datasets."""
    head = json.dumps({"name": name, "title": title, "description": description, "licenses": [licence]},
                      ensure_ascii=False)
    # One resource per line, written by the C encoder (an indented dump is pure Python: 10 times slower).
    resources = ",\n".join(json.dumps(resource(t, metodologi_url, folder), ensure_ascii=False) for t in tables)
    return f'{head[:-1]}, "resources": [\n{resources}\n]}}\n'


#: Licences a portal may publish its open data under (portal.yml `lisensi_data`): name and address.
LISENSI = {
    "CC-BY-4.0": ("Creative Commons Atribusi 4.0 Internasional", "https://creativecommons.org/licenses/by/4.0/"),
    "CC0-1.0": ("Creative Commons Zero 1.0 (domain publik)", "https://creativecommons.org/publicdomain/zero/1.0/"),
    "ODbL-1.0": ("Open Database License 1.0", "https://opendatacommons.org/licenses/odbl/1-0/"),
}

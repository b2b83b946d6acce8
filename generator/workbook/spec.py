"""Which sheet shows which part of which content file, and what kind of value each column holds.

A content file is a root record (its top-level keys: rows of the `Umum` sheet) with levels:
lists (or dicts) of records shown as rows of a sheet. The order of `fields` is the order of the
keys in the canonical file (`text`). Value kinds and closed lists come from the pydantic schemas
in `generator.model`, so the workbook cannot drift from what `kinerja validate` accepts.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal, Union

from annotated_types import Ge
from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic.functional_validators import BeforeValidator

from generator import model as m


@dataclass(frozen=True)
class Level:
    """Records at one place of a file (a list, or a dict keyed by `keys`), one sheet row each."""

    sheet: str
    path: tuple[str, ...]  # keys from the owning record (or file root) to the list/dict
    fields: tuple[str | Level, ...]  # columns (dotted keys) and child levels, in file order
    link: str | None = None  # column naming the parent record (by its `ident`)
    ident: str = "id"  # the field child rows name this record by
    keys: tuple[str, ...] = ()  # dict levels: the columns holding the keys, outermost first
    value: str | None = None  # dict of plain values: the column holding the value
    inline: bool = False  # shown in the parent's rows (equal parent columns: one record)

    @property
    def columns(self) -> tuple[str, ...]:
        """The level's own columns: link, keys, fields (and an inline child's)."""
        own = [f for f in self.fields if isinstance(f, str)]
        inline = [c for f in self.children if f.inline for c in f.columns]
        return tuple(
            dict.fromkeys(
                [*([self.link] if self.link else []), *self.keys, *own, *([self.value] if self.value else []), *inline]
            )
        )

    @property
    def children(self) -> tuple[Level, ...]:
        return tuple(f for f in self.fields if isinstance(f, Level))


@dataclass(frozen=True)
class FileSpec:
    """One kind of content file. `name` has `{}` when a folder holds several (`part` tells them apart)."""

    name: str
    schema: type[BaseModel]
    scope: Literal["kecamatan", "tahun"]
    fields: tuple[str | Level, ...]
    part: str | None = None  # a column naming the file (`triwulan_laporan`), "sheet": one sheet per file

    @property
    def csv(self) -> bool:
        return self.name.endswith(".csv")

    def file_name(self, part: object) -> str:
        return self.name.format(part)

    def levels(self) -> list[Level]:
        """Every level of the file, parents before children."""
        found, todo = [], [f for f in self.fields if isinstance(f, Level)]
        while todo:
            level = todo.pop(0)
            found.append(level)
            todo += level.children
        return found


#: Columns of an indicator (IKU and program indicators share one sheet).
INDIKATOR = Level(
    "Indikator",
    ("indikator",),
    (
        "id",
        "nama",
        "satuan",
        "polaritas",
        "agregasi",
        "jenis_nilai",
        "bersama",
        "target.pk_awal",
        "target.pk_perubahan",
        "target.renja",
        "formula",
        "sumber_data",
        "penanggung_jawab",
        "keterangan",
        "riwayat_keterangan",
        "skala",
        "nilai_negatif",
    ),
    link="induk",
)
ANGGARAN = (
    "pagu_awal",
    "pagu_perubahan",
    "refocusing",
    "realisasi",
    "belanja_operasi",
    "belanja_modal",
    "sumber_dana",
    "alasan_perubahan",
)


def _node(path: str, extra: tuple[str | Level, ...], first: bool) -> Level:
    """Program, kegiatan or sub kegiatan: one `Program` sheet, parents named in `induk`."""
    return Level(
        "Program",
        (path,),
        (
            "id",
            "kode",
            "nama",
            *(("mendukung",) if first else ()),
            *(f"anggaran.{k}" for k in ANGGARAN),
            INDIKATOR,
            *extra,
        ),
        link=None if first else "induk",
    )


PROGRAM = _node("program", (_node("kegiatan", (_node("sub_kegiatan", (), False),), False),), True)

FILES: tuple[FileSpec, ...] = (
    FileSpec(
        "kecamatan.yml",
        m.Kecamatan,
        "kecamatan",
        (
            "nama",
            "alamat",
            "telepon",
            "email",
            "situs",
            "luas_km2",
            "publikasi_nip",
            "camat.nama",
            "camat.jabatan",
            "camat.nip",
            Level("Pejabat", ("pejabat",), ("nama", "jabatan", "nip")),
            Level(
                "Desa",
                ("desa",),
                ("nama", "jenis", "penduduk_laki_laki", "penduduk_perempuan", "penduduk", "jumlah_kk", "luas_km2"),
            ),
            "jumlah_desa",
            Level("Mata pencaharian", ("mata_pencaharian",), ("sektor", "persen")),
            "sumber",
        ),
    ),
    FileSpec(
        "riwayat.csv", m.BarisRiwayat, "kecamatan", (Level("Riwayat", ("baris",), tuple(m.BarisRiwayat.model_fields)),)
    ),
    FileSpec(
        "riwayat-anggaran.csv",
        m.BarisRiwayatAnggaran,
        "kecamatan",
        (Level("Riwayat anggaran", ("baris",), tuple(m.BarisRiwayatAnggaran.model_fields)),),
    ),
    FileSpec(
        "pembanding.csv",
        m.BarisPembanding,
        "kecamatan",
        (Level("Pembanding", ("baris",), tuple(m.BarisPembanding.model_fields)),),
    ),
    FileSpec(
        "renstra.yml",
        m.Renstra,
        "kecamatan",
        (
            "tahun_awal",
            "tahun_akhir",
            "sumber",
            Level(
                "Renstra versi",
                ("versi",),
                (
                    "nama",
                    "berlaku_sejak",
                    "dokumen",
                    Level("Renstra target", ("target",), (), link="versi", keys=("indikator", "tahun"), value="target"),
                ),
                ident="nama",
            ),
        ),
    ),
    FileSpec(
        "kinerja.yml",
        m.Kinerja,
        "tahun",
        (
            "kecamatan",
            "tahun",
            "sumber",
            Level(
                "Tujuan",
                ("tujuan",),
                ("id", "nama", INDIKATOR, Level("Sasaran", ("sasaran",), ("id", "nama", INDIKATOR), link="tujuan")),
            ),
        ),
    ),
    FileSpec("program.yml", m.DaftarProgram, "tahun", (*(f"anggaran.{k}" for k in ANGGARAN), PROGRAM)),
    FileSpec(
        "realisasi.csv",
        m.BarisRealisasi,
        "tahun",
        (Level("Realisasi", ("baris",), tuple(m.BarisRealisasi.model_fields)),),
    ),
    FileSpec(
        "skm.yml",
        m.Skm,
        "tahun",
        (
            "kecamatan",
            "tahun",
            "sumber",
            "sintetis",
            "indikator",
            "ikm_unit",
            "publikasi_saran",
            Level("SKM layanan", ("layanan",), ("id", "nama")),
            Level(
                "SKM periode",
                ("periode",),
                (
                    "id",
                    "nama",
                    "pengguna_layanan",
                    "responden",
                    "berkas",
                    Level("SKM IKM layanan", ("layanan",), ("layanan", "ikm", "responden"), link="periode"),
                    Level(
                        "SKM unsur",
                        ("unsur",),
                        ("nrr", "nilai", "harapan", "responden"),
                        link="periode",
                        keys=("unsur",),
                    ),
                ),
            ),
            Level("SKM tindak lanjut", ("tindak_lanjut",), ("prioritas", "rencana", "penanggung_jawab", "waktu")),
        ),
    ),
    FileSpec("skm-{}.csv", m.Schema, "tahun", (Level("Jawaban {}", ("baris",), m.KOLOM_RESPONDEN),), part="sheet"),
    FileSpec(
        "sumber-daya.yml",
        m.SumberDaya,
        "tahun",
        (
            "kecamatan",
            "tahun",
            "sumber",
            "sdm.jumlah_pegawai",
            "sdm.asn",
            "sdm.kebutuhan",
            Level(
                "Pegawai",
                ("sdm", "rincian"),
                (
                    "dimensi",
                    "kelompok",
                    Level("Pegawai", ("jumlah",), (), keys=("kategori",), value="jumlah", inline=True),
                ),
            ),
            Level(
                "Aset barang", ("aset", "barang"), ("nama", "satuan", "baik", "rusak_ringan", "rusak_berat", "jumlah")
            ),
            Level("Aset nilai", ("aset", "nilai"), ("golongan", "awal", "akhir")),
        ),
    ),
    FileSpec(
        "indeks.yml",
        m.DaftarIndeks,
        "tahun",
        (
            "kecamatan",
            "tahun",
            "sumber",
            Level(
                "Indeks",
                ("indeks",),
                (
                    "id",
                    "nama",
                    "cara",
                    "maksimum",
                    "indikator",
                    "skala",
                    Level("Indeks aspek", ("aspek",), ("nama", "bobot", "nilai", "skor"), link="indeks"),
                ),
            ),
        ),
    ),
    FileSpec(
        "narasi.yml",
        m.Narasi,
        "tahun",
        (
            "kecamatan",
            "tahun",
            "sumber",
            "isu_strategis",
            Level("Narasi sasaran", ("sasaran",), ("sasaran", "faktor_pendukung", "faktor_penghambat", "solusi")),
            Level("Inovasi", ("inovasi",), ("nama", "tujuan", "langkah", "tahun")),
            Level("Penghargaan", ("penghargaan",), ("nama", "pemberi", "tahun")),
            "kesimpulan",
            "rekomendasi",
        ),
    ),
    FileSpec(
        "dilaporkan.csv",
        m.BarisDilaporkan,
        "tahun",
        (Level("Dilaporkan", ("baris",), tuple(m.BarisDilaporkan.model_fields)),),
    ),
    FileSpec(
        "individu-tw{}.yml",
        m.LaporanIndividu,
        "tahun",
        (
            "kecamatan",
            "tahun",
            "triwulan",
            "sumber",
            Level(
                "Individu jabatan",
                ("jabatan",),
                (
                    "id",
                    "jabatan",
                    "nama",
                    Level(
                        "Individu indikator",
                        ("indikator",),
                        (
                            "id",
                            "sasaran",
                            "nama",
                            "satuan",
                            "target",
                            "realisasi",
                            "pembilang",
                            "penyebut",
                            Level(
                                "Individu triwulan",
                                ("realisasi_triwulan",),
                                ("triwulan", "realisasi", "pembilang", "penyebut"),
                                link="indikator",
                            ),
                            "rumus",
                            "anggaran.pagu",
                            "anggaran.realisasi",
                            "rincian",
                            "nilai_negatif",
                        ),
                        link="jabatan",
                    ),
                    "faktor_penyebab",
                    "rencana_tindak_lanjut",
                    "tanggapan_atasan",
                ),
            ),
        ),
        part="triwulan_laporan",
    ),
)

#: Keys every year file repeats from its folder: filled in on import when a sheet leaves them out.
IDENTITY = ("kecamatan", "tahun", "triwulan")
#: Columns shown as percentages and as rupiah (display only: import reads both ways).
PERCENT = {
    "capaian",
    "persen",
    "serapan",
    "persen_baik",
    "persen_rusak_ringan",
    "persen_rusak_berat",
    "pemenuhan_jabatan",
}
#: Drop-downs that name a row of another sheet: (sheet, column) -> (sheet, column).
REFERENCES = {
    ("Realisasi", "indikator"): ("Indikator", "id"),
    ("Riwayat", "indikator"): ("Indikator", "id"),
    ("Pembanding", "indikator"): ("Indikator", "id"),
    ("Renstra target", "indikator"): ("Indikator", "id"),
    ("SKM IKM layanan", "layanan"): ("SKM layanan", "id"),
    ("Jawaban {}", "layanan"): ("SKM layanan", "id"),
    ("Narasi sasaran", "sasaran"): ("Sasaran", "id"),
}


def file_spec(name: str) -> tuple[FileSpec, str | None] | None:
    """The spec of a file name and its variable part (`individu-tw2.yml` -> 2)."""
    for spec in FILES:
        head, _, tail = spec.name.partition("{}")
        if spec.name == name:
            return spec, None
        if _ and name.startswith(head) and name.endswith(tail) and len(name) > len(head) + len(tail):
            return spec, name[len(head) : len(name) - len(tail)]
    return None


#: Sheets in workbook order: the year's plan, values, budget and survey first, the kecamatan's last.
ORDER = (
    "Tujuan",
    "Sasaran",
    "Indikator",
    "Realisasi",
    "Program",
    "SKM layanan",
    "SKM periode",
    "SKM unsur",
    "SKM IKM layanan",
    "SKM tindak lanjut",
    "Jawaban {}",
    "Pegawai",
    "Aset barang",
    "Aset nilai",
    "Indeks",
    "Indeks aspek",
    "Narasi sasaran",
    "Inovasi",
    "Penghargaan",
    "Individu jabatan",
    "Individu indikator",
    "Individu triwulan",
    "Dilaporkan",
    "Desa",
    "Pejabat",
    "Mata pencaharian",
    "Riwayat",
    "Riwayat anggaran",
    "Pembanding",
    "Renstra versi",
    "Renstra target",
)


@cache
def spec_of(name: str) -> tuple[FileSpec, str | None]:
    """`file_spec` of a name known to be a content file."""
    found = file_spec(name)
    if found is None:
        raise ValueError(f"{name}: bukan berkas konten")
    return found


@cache
def sheets() -> dict[str, tuple[tuple[FileSpec, Level], ...]]:
    """Every sheet (in workbook order) with the levels it shows; inline levels are left out."""
    found: dict[str, list[tuple[FileSpec, Level]]] = {}
    for spec in FILES:
        for level in spec.levels():
            if not level.inline and level not in [lv for _, lv in found.get(level.sheet, [])]:
                found.setdefault(level.sheet, []).append((spec, level))
    return {name: tuple(found[name]) for name in ORDER}


@cache
def sheet_columns(sheet: str) -> tuple[str, ...]:
    """The columns of a sheet: its levels' columns in order, the file part first, `catatan` last."""
    levels = sheets()[sheet]
    spec = levels[0][0]
    links = [level.link for _, level in levels if level.link]
    columns = [c for _, level in levels for c in level.columns]
    part = [spec.part] if spec.part not in (None, "sheet") else []
    note = [] if spec.csv else ["catatan"]
    return tuple(dict.fromkeys([*part, *links, *columns, *note]))


# ---------------------------------------------------------------- value kinds from the schemas

Kind = Literal["text", "number", "count", "value", "int", "bool", "ids", "lines"]


@dataclass(frozen=True)
class Column:
    """What a cell holds: its kind, its closed list (drop-down), how it is shown."""

    kind: Kind
    choices: tuple[str, ...] = ()
    rupiah: bool = False
    percent: bool = False
    printed: bool = False  # a figure as printed, kept as text: a number cell becomes Indonesian text


def _parts(annotation: Any) -> tuple[list[Any], list[Any]]:
    """The base types and the metadata (validators, constraints) of an annotation, through
    Annotated, Optional and unions."""
    bases, meta = [], []
    todo = [annotation]
    while todo:
        ann = todo.pop()
        origin = typing.get_origin(ann)
        if origin is typing.Annotated:
            args = typing.get_args(ann)
            todo.append(args[0])
            for item in args[1:]:
                meta += [item, *item.metadata] if isinstance(item, FieldInfo) else [item]
        elif origin in (Union, __import__("types").UnionType):
            todo += [a for a in typing.get_args(ann) if a is not type(None)]
        else:
            bases.append(ann)
    return bases, meta


def _kind(annotation: Any, meta: list[Any], key: str) -> Column:
    bases, inner = _parts(annotation)
    meta = meta + inner
    funcs = {v.func.__name__ for v in meta if isinstance(v, BeforeValidator)}
    percent = key.rpartition(".")[2] in PERCENT
    if "_value" in funcs:
        return Column("value", percent=percent)
    if "_count" in funcs:
        return Column("count")
    if "_number" in funcs:
        rupiah = any(isinstance(v, Ge) and v.ge == 0 for v in meta) and not percent
        return Column("number", rupiah=rupiah, percent=percent)
    base = bases[0]
    if typing.get_origin(base) is Literal:
        return Column("text", tuple(typing.get_args(base)))
    if typing.get_origin(base) is list:
        item_meta = _parts(typing.get_args(base)[0])[1]
        ids = any(getattr(v, "pattern", None) for v in item_meta)
        return Column("ids" if ids else "lines")
    if base is bool:
        return Column("bool", ("ya", "tidak"))
    if base is int:
        return Column("int")
    return Column("text")


def _base(annotation: Any) -> Any:
    return _parts(annotation)[0][0]


def _container(spec: FileSpec, level: Level) -> Any:
    """The annotation of the list or (outermost) dict that holds the records of `level`."""
    chain = _chain(spec, level)
    owner = model_of(spec, chain[-2]) if len(chain) > 1 else spec.schema
    for key in level.path:
        owner = _base(owner.model_fields[key].annotation)
    return owner


@cache
def model_of(spec: FileSpec, level: Level | None) -> Any:
    """The schema of the records of `level` (the file's root schema for None): a model, or for
    dict levels of plain values the annotation of the value."""
    if level is None or spec.csv:
        return spec.schema
    ann = _container(spec, level)
    if not level.keys:
        return _base(typing.get_args(ann)[0])
    for depth in range(len(level.keys)):
        value = typing.get_args(ann)[1]
        ann = value if level.value and depth == len(level.keys) - 1 else _base(value)
    return ann


def _chain(spec: FileSpec, level: Level) -> list[Level]:
    """The levels from the file root down to `level`."""

    def walk(fields: tuple[str | Level, ...], trail: list[Level]) -> list[Level] | None:
        for f in fields:
            if isinstance(f, Level):
                if f is level:
                    return [*trail, f]
                found = walk(f.fields, [*trail, f])
                if found:
                    return found
        return None

    return walk(spec.fields, []) or []


@cache
def column(spec: FileSpec, level: Level | None, key: str) -> Column:
    """The kind of column `key` of `level` (None: a root key of the file)."""
    if spec.csv and spec.schema is m.Schema:  # raw survey answers: text, answers as whole numbers
        return Column("int" if key in m.KODE_UNSUR or (key[:1] == "E" and key[1:].isdigit()) else "text")
    if spec.schema is m.BarisDilaporkan and key == "nilai":
        return Column("text", printed=True)
    if key == spec.part:
        return Column("int", ("1", "2", "3", "4"))  # the quarter of an individual report (its file)
    inline = next((c for c in level.children if c.inline and key in c.columns), None) if level else None
    if inline is not None:
        return column(spec, inline, key)
    if level is not None and key in level.keys:
        ann = _container(spec, level)
        for _ in range(level.keys.index(key)):
            ann = _base(typing.get_args(ann)[1])
        return _kind(typing.get_args(ann)[0], [], key)
    if level is not None and key == level.value:
        return _kind(model_of(spec, level), [], key)
    if level is not None and key == level.link:
        return Column("text")
    model: Any = model_of(spec, level)
    parts = key.split(".")
    for name in parts[:-1]:
        model = _base(model.model_fields[name].annotation)
    info = model.model_fields[parts[-1]]
    return _kind(info.annotation, list(info.metadata), key)

"""Tables of the figure register: a kecamatan-year's figures (`angka.csv`), its audit notes
(Catatan kualitas data), and the address families (Metodologi)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from generator.compute.audit import AuditNote
from generator.compute.families import FAMILIES
from generator.compute.register import YearRegister
from generator.render.dataset import Cell, Column, Table
from generator.render.paths import audit_anchor


def register_folder(r: YearRegister) -> str:
    return f"{r.kabupaten.slug}/{r.kecamatan.slug}/{r.tahun}"


def angka_tabel(r: YearRegister) -> Table:
    """Every figure of the kecamatan-year under its address (`angka.csv`). A download, not a table
    a page shows: CSV only (a JSON copy would be the largest file of the kecamatan-year, its seven
    keys on every row, for the same data)."""
    t = Table(
        f"{register_folder(r)}/angka",
        f"Daftar angka Kecamatan {r.kecamatan.profil.nama} {r.tahun}",
        "Setiap angka yang dihitung portal untuk laporan ini, dengan alamatnya (dipakai juga di dilaporkan.csv), "
        "satuan, rumus dan masukannya. Nilai kosong: tidak dapat dihitung (lihat catatan), bukan nol.",
        (
            Column("alamat", "Alamat", description="Alamat tetap angka ini (FORMAT.md, bagian Alamat angka)."),
            Column("label", "Angka"),
            Column("nilai", "Nilai", "angka", "Nilai (angka, atau teks untuk predikat dan mutu).", decimals=4),
            Column("satuan", "Satuan"),
            Column("rumus", "Rumus", description="Jangkar rumusnya di halaman Metodologi (rumus-<kode>)."),
            Column("masukan", "Masukan", description="Berkas konten dan kunci, atau alamat angka lain, dipisah '; '."),
            Column("catatan", "Catatan", description="Sumber realisasi, atau mengapa nilai tidak dapat dihitung."),
        ),
        source="hasil hitung portal dari konten laporan",
        formats=("csv",),
    )
    for f in r.angka:
        t.add_row(
            f.alamat,
            f.label,
            f.nilai,
            f.satuan,
            f"rumus-{f.rumus}" if f.rumus else None,
            "; ".join(f.masukan),
            f.catatan,
        )
    return t


AUDIT_COLUMNS = (
    Column("alamat", "Alamat", description="Alamat angka (angka.csv).", shown=False),  # listed "Untuk petugas"
    Column("label", "Angka"),
    Column("dilaporkan", "Dilaporkan", description="Angka persis seperti tercetak di laporan sumber."),
    Column(
        "dihitung", "Dihitung portal", "angka", "Hasil hitung portal dari data masukan.", "rumus-catatan-kualitas-data"
    ),
    Column("selisih", "Selisih", "angka", "Dilaporkan − dihitung.", "rumus-catatan-kualitas-data"),
    Column("satuan", "Satuan"),
    Column(
        "tempat", "Tempat tercetak", description="Tabel, halaman atau bagian laporan (atau masukan yang menyatakannya)."
    ),
    Column("catatan", "Catatan"),
    Column("berkas", "Berkas", shown=False, description="Berkas konten yang mencatat angka tercetak ini."),
    Column("baris", "Baris", "bilangan", "Baris di dilaporkan.csv.", shown=False),
)


def catatan_kualitas(path: str, notes: Iterable[AuditNote], source: str) -> Table:
    """Printed figures that differ from the register, with the place they were printed; each
    address's first row is an anchor the main tables link to."""
    notes = sorted(notes, key=lambda a: a.alamat.lower())
    columns = tuple(replace(k, shown=any(a.catatan for a in notes)) if k.key == "catatan" else k for k in AUDIT_COLUMNS)
    t = Table(
        path,
        "Perbedaan antara angka yang dilaporkan dan hasil hitung",
        "Angka yang tercetak di laporan sumber dibandingkan dengan hasil hitung portal pada alamat yang sama.",
        columns,
        source=source,
    )
    anchors: set[str] = set()
    for a in notes:
        anchor = audit_anchor(a.alamat)
        dihitung = a.dihitung if a.dihitung is not None else Cell(None, "tidak dapat dihitung")
        t.add_row(
            a.alamat,
            a.label,
            a.dilaporkan,
            dihitung,
            a.selisih,
            a.satuan,
            a.tempat,
            a.catatan,
            a.berkas.name,
            a.baris,
            row_id="" if anchor in anchors else anchor,
        )
        anchors.add(anchor)
    return t


def alamat_tabel() -> Table:
    """The address families, as declared in compute/families.py (Metodologi)."""
    t = Table(
        "alamat-angka",
        "Alamat angka",
        "Pola alamat setiap jenis angka yang dihitung portal; alamat yang sama dipakai di angka.csv setiap laporan "
        "dan di dilaporkan.csv.",
        (
            Column("kelompok", "Kelompok", group=True),
            Column("pola", "Pola alamat"),
            Column("label", "Label"),
            Column("satuan", "Satuan"),
            Column("rumus", "Rumus"),
            Column("keterangan", "Keterangan"),
        ),
    )
    for f in FAMILIES:
        rumus = Cell(f.rumus, link=f"#rumus-{f.rumus}") if f.rumus else None
        t.add_row(f.kelompok, f.pola, f.label_pola, f.satuan or "satuan indikator", rumus, f.keterangan)
    return t

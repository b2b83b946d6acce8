"""Tables of the Kinerja Individu page."""

from __future__ import annotations

from generator.compute.individu import IndividuResult, JabatanResult
from generator.numbers import format_value
from generator.render.dataset import Cell, Column, Table
from generator.render.paths import individu_folder
from generator.render.tables.common import CAPAIAN, INDIKATOR, INDIKATOR_ID, RUPIAH, SATUAN, SERAPAN


def kinerja_jabatan(r: IndividuResult, j: JabatanResult) -> Table:
    t = Table(
        f"{individu_folder(r)}/{j.jabatan.id.lower()}",
        f"{j.jabatan.jabatan}: capaian dan biaya per hasil",
        f"Indikator Perjanjian Kinerja {j.jabatan.jabatan}, realisasi sampai triwulan {r.triwulan} "
        f"{r.tahun}, capaian, dan anggarannya.",
        (
            Column("sasaran", "Sasaran", group=True),
            INDIKATOR_ID,
            INDIKATOR,
            SATUAN,
            Column("target", "Target", "angka", "Target tahunan Perjanjian Kinerja."),
            Column(
                "realisasi",
                "Realisasi s.d. TW",
                "angka",
                "Realisasi kumulatif sampai triwulan ini.",
                "rumus-realisasi-individu",
            ),
            CAPAIAN,
            Column("pagu", "Anggaran (Rp)", "rupiah", "Pagu anggaran di balik indikator ini.", "rumus-serapan"),
            RUPIAH["realisasi_anggaran"],
            SERAPAN,
        ),
        source=r.data.laporan.sumber,
    )
    for h in j.indikator:
        ind, money = h.indikator, h.indikator.anggaran
        realisasi = (
            Cell(
                h.realisasi, f"{format_value(h.realisasi)} ({format_value(ind.pembilang)}/{format_value(ind.penyebut)})"
            )
            if ind.pembilang is not None
            else h.realisasi
        )
        t.add_row(
            ind.sasaran,
            ind.id,
            ind.nama,
            ind.satuan,
            ind.target,
            realisasi,
            h.capaian.nilai,
            money.pagu if money else None,
            money.realisasi if money else None,
            h.serapan,
        )
    return t

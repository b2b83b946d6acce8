"""Tables of the Kinerja Individu page."""

from __future__ import annotations

from generator.compute.individu import IndividuResult, JabatanResult
from generator.model.individu import IndikatorIndividu
from generator.numbers import format_value
from generator.render.dataset import Cell, Column, Table
from generator.render.paths import individu_folder
from generator.render.tables.common import CAPAIAN, INDIKATOR, INDIKATOR_ID, PERIODE_LABEL, RUPIAH, SATUAN, SERAPAN


def _quarter(ind: IndikatorIndividu, value: float | None, q: int) -> Cell | float | None:
    """A quarter's realisasi, with its pembilang/penyebut when it was given that way."""
    given = next((x for x in ind.realisasi_triwulan if x.triwulan == q), None)
    if given is None or given.pembilang is None:
        return value
    return Cell(value, f"{format_value(value)} ({format_value(given.pembilang)}/{format_value(given.penyebut)})")


def kinerja_jabatan(r: IndividuResult, j: JabatanResult) -> Table:
    quarters = sorted({q for h in j.indikator for q, _ in h.triwulan})
    rincian = any(h.indikator.rincian for h in j.indikator)
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
            *(
                Column(
                    f"realisasi_tw{q}",
                    f"Realisasi {PERIODE_LABEL[f'tw{q}']}",
                    "angka",
                    f"Realisasi triwulan {q} saja.",
                    "rumus-realisasi-individu",
                )
                for q in quarters
            ),
            CAPAIAN,
            Column("pagu", "Anggaran (Rp)", "rupiah", "Pagu anggaran di balik indikator ini.", "rumus-serapan"),
            RUPIAH["realisasi_anggaran"],
            SERAPAN,
            Column(
                "pagu_rincian",
                "Anggaran rincian (Rp)",
                "rupiah",
                "Jumlah pagu indikator jabatan bawahan yang menjadi rincian indikator ini.",
                "rumus-realisasi-individu",
                shown=rincian,
            ),
            Column(
                "realisasi_anggaran_rincian",
                "Realisasi rincian (Rp)",
                "rupiah",
                "Jumlah realisasi anggaran indikator rinciannya.",
                "rumus-realisasi-individu",
                shown=rincian,
            ),
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
            *(_quarter(ind, dict(h.triwulan).get(q), q) for q in quarters),
            h.capaian.nilai,
            money.pagu if money else None,
            money.realisasi if money else None,
            h.serapan,
            h.pagu_rincian,
            h.realisasi_anggaran_rincian,
        )
    return t

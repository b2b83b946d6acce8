"""Laporan Kinerja Individu (seed 001): per jabatan and triwulan, each Perjanjian Kinerja
indicator's realisasi cumulative to the TW, capaian, and the cost-per-outcome figures."""

from __future__ import annotations

from dataclasses import dataclass

from generator import model as m
from generator.compute.anggaran import serapan
from generator.compute.capaian import Capaian, capaian_angka
from generator.compute.selisih import differs
from generator.model.content import IndividuData, KabupatenData, KecamatanData

#: Rounding tolerance for the printed figures of an individual report (percentage points).
TOLERANSI = 0.5


def realisasi_individu(ind: m.IndikatorIndividu) -> float | None:
    """The realisasi as given, or pembilang / penyebut (× 100 when the unit is a percentage)."""
    if ind.pembilang is None or ind.penyebut is None:  # given together or not at all (the schema checks)
        return ind.realisasi
    ratio = ind.pembilang / ind.penyebut
    return ratio * 100 if ind.satuan.strip() in ("%", "persen") else ratio


@dataclass(frozen=True)
class IndikatorIndividuResult:
    indikator: m.IndikatorIndividu
    realisasi: float | None
    capaian: Capaian
    serapan: float | None

    @property
    def catatan(self) -> list[tuple[str, float | str, float | None]]:
        """Printed figures that differ from ours: (what, printed, computed)."""
        notes = []
        printed = self.indikator.dilaporkan
        if printed and differs(printed.realisasi, self.realisasi, TOLERANSI):
            notes.append(("realisasi", printed.realisasi, self.realisasi))
        if printed and differs(printed.capaian, self.capaian.nilai, TOLERANSI):
            notes.append(("capaian (%)", printed.capaian, self.capaian.nilai))
        if differs(self.indikator.dilaporkan_serapan, self.serapan, TOLERANSI):
            notes.append(("serapan (%)", self.indikator.dilaporkan_serapan, self.serapan))
        return notes


@dataclass(frozen=True)
class JabatanResult:
    jabatan: m.Jabatan
    indikator: tuple[IndikatorIndividuResult, ...]


@dataclass(frozen=True)
class IndividuResult:
    kabupaten: KabupatenData
    kecamatan: KecamatanData
    data: IndividuData
    jabatan: tuple[JabatanResult, ...]

    @property
    def tahun(self) -> int:
        return self.data.tahun

    @property
    def triwulan(self) -> int:
        return self.data.triwulan


def compute_individu(kab: KabupatenData, kec: KecamatanData, data: IndividuData) -> IndividuResult:
    jabatan = []
    for j in data.laporan.jabatan:
        rows = []
        for ind in j.indikator:
            realisasi = realisasi_individu(ind)
            money = ind.anggaran
            rows.append(
                IndikatorIndividuResult(
                    ind,
                    realisasi,
                    capaian_angka(realisasi, ind.target, "positif"),
                    serapan(money.pagu, money.realisasi) if money else None,
                )
            )
        jabatan.append(JabatanResult(j, tuple(rows)))
    return IndividuResult(kab, kec, data, tuple(jabatan))

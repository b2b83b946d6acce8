"""Laporan Kinerja Individu (seed 001): per jabatan and triwulan, each Perjanjian Kinerja
indicator's realisasi cumulative to the TW, capaian, and the cost-per-outcome figures."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator import model as m
from generator.compute.anggaran import serapan
from generator.compute.capaian import Capaian, capaian_angka
from generator.model.content import IndividuData, KabupatenData, KecamatanData

if TYPE_CHECKING:
    from generator.compute.audit import AuditNote


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
    audit: tuple[AuditNote, ...] = ()  # printed figures of this report that differ (set by compute)

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

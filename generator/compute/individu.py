"""Laporan Kinerja Individu (seed 001): per jabatan and triwulan, each Perjanjian Kinerja
indicator's realisasi cumulative to the TW, capaian, and the cost-per-outcome figures."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator import model as m
from generator.compute.anggaran import serapan
from generator.compute.capaian import Capaian, capaian_angka, realisasi_rasio
from generator.model.content import IndividuData, KabupatenData, KecamatanData

if TYPE_CHECKING:
    from generator.compute.audit import AuditNote


def _given(value: m.NilaiTriwulan | m.IndikatorIndividu, satuan: str) -> float | None:
    """A realisasi as given, or pembilang / penyebut (× 100 when the unit is a percentage)."""
    if value.pembilang is None or value.penyebut is None:
        return value.realisasi
    return realisasi_rasio(value.pembilang, value.penyebut, satuan)


def realisasi_triwulan(ind: m.IndikatorIndividu) -> tuple[tuple[int, float | None], ...]:
    """The realisasi of each quarter given alone, in quarter order."""
    return tuple((q.triwulan, _given(q, ind.satuan)) for q in sorted(ind.realisasi_triwulan, key=lambda q: q.triwulan))


def realisasi_diisi(ind: m.IndikatorIndividu) -> float | None:
    """The cumulative realisasi as given (or pembilang / penyebut); None when only quarters are given."""
    return _given(ind, ind.satuan)


def realisasi_individu(ind: m.IndikatorIndividu) -> float | None:
    """The cumulative realisasi: as given (or pembilang / penyebut), else the sum of the quarters."""
    given = realisasi_diisi(ind)
    quarters = [v for _, v in realisasi_triwulan(ind) if v is not None]
    return given if given is not None or not quarters else sum(quarters)


@dataclass(frozen=True)
class IndikatorIndividuResult:
    indikator: m.IndikatorIndividu
    realisasi: float | None
    capaian: Capaian
    serapan: float | None
    triwulan: tuple[tuple[int, float | None], ...] = ()  # each quarter's own realisasi
    pagu_rincian: float | None = None  # the money of the subordinate indicators (`rincian`), summed
    realisasi_anggaran_rincian: float | None = None

    @property
    def jumlah_triwulan(self) -> float | None:
        """The quarters' realisasi added up (the cumulative realisasi they give)."""
        values = [v for _, v in self.triwulan if v is not None]
        return sum(values) if values else None


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


def _rincian(ind: m.IndikatorIndividu, semua: dict[str, m.IndikatorIndividu], field: str) -> float | None:
    """The sum of one money field over the subordinate indicators (None without any value)."""
    values = [getattr(semua[i].anggaran, field) for i in ind.rincian if semua[i].anggaran is not None]
    given = [v for v in values if v is not None]
    return sum(given) if given else None


def compute_individu(kab: KabupatenData, kec: KecamatanData, data: IndividuData) -> IndividuResult:
    semua = {i.id: i for j in data.laporan.jabatan for i in j.indikator}
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
                    realisasi_triwulan(ind),
                    _rincian(ind, semua, "pagu") if ind.rincian else None,
                    _rincian(ind, semua, "realisasi") if ind.rincian else None,
                )
            )
        jabatan.append(JabatanResult(j, tuple(rows)))
    return IndividuResult(kab, kec, data, tuple(jabatan))

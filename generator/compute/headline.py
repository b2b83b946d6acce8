"""A kecamatan's headline: the key figures of its latest report (IKM and mutu, rata-rata capaian
and predikat, serapan), each with its change since the year before (docs/domain.md §3.8)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from generator import model as m
from generator.compute.laporan import LaporanKinerja
from generator.compute.skm import Mutu
from generator.numbers import round_half_up

Arah = Literal["naik", "turun", "tetap"]


@dataclass(frozen=True)
class Change:
    """A figure against the year before: that year, its value, the difference and its direction
    (by the values as the page prints them, to 2 decimals)."""

    tahun: int
    sebelumnya: float
    selisih: float
    arah: Arah


@dataclass(frozen=True)
class Headline:
    """The key figures of one kecamatan-year. The IKM of a synthetic survey is no result of the
    kecamatan and is left out (`ikm_sintetis`)."""

    tahun: int
    ikm: float | None
    mutu: Mutu | None
    ikm_change: Change | None
    ikm_sintetis: bool
    rata_rata: float | None
    predikat: m.Rentang | None
    rata_rata_change: Change | None
    jumlah_tercapai: int
    jumlah_iku: int
    serapan: float | None
    serapan_change: Change | None


def change(now: float | None, tahun: int, before: float | str | None) -> Change | None:
    """`now` against the value of year `tahun` (None when either is missing or not a number)."""
    if now is None or not isinstance(before, (int, float)):
        return None
    selisih = float(round_half_up(now, 2) - round_half_up(float(before), 2))
    arah: Arah = "naik" if selisih > 0 else "turun" if selisih < 0 else "tetap"
    return Change(tahun, float(before), selisih, arah)


def _real_ikm(lp: LaporanKinerja | None) -> float | None:
    """The year's IKM, unless its survey is a synthetic example."""
    if lp is None or lp.skm is None or lp.skm.data.skm.sintetis:
        return None
    return lp.skm.ikm


def _earlier_ikm(lp: LaporanKinerja, before: LaporanKinerja | None) -> float | str | None:
    """The IKM of the year before: that year's survey, else the realisasi the IKU measured by
    the IKM had that year (its history)."""
    if (ikm := _real_ikm(before)) is not None:
        return ikm
    measured = lp.skm.data.skm.indikator if lp.skm else None
    for p in lp.perbandingan:
        if p.hasil.indikator.id == measured:
            return next((r.realisasi for r in p.riwayat if r.tahun == lp.tahun - 1), None)
    return None


def _earlier_serapan(lp: LaporanKinerja, before: LaporanKinerja | None) -> float | None:
    """The serapan of the year before: that year's report, else the budget history."""
    if before is not None and before.anggaran is not None:
        return before.anggaran.total.serapan
    return next((y.serapan for y in lp.riwayat_anggaran if y.tahun == lp.tahun - 1), None)


def headline(laporan: Sequence[LaporanKinerja]) -> Headline | None:
    """The headline of a kecamatan from its reports: the latest year, compared with the year
    before it (its report; for the IKM the history of the IKU it measures, for the serapan the
    budget history)."""
    if not laporan:
        return None
    lp = max(laporan, key=lambda x: x.tahun)
    before = next((x for x in laporan if x.tahun == lp.tahun - 1), None)
    ikm = _real_ikm(lp)
    serapan = lp.anggaran.total.serapan if lp.anggaran else None
    return Headline(
        tahun=lp.tahun,
        ikm=ikm,
        mutu=lp.skm.mutu if ikm is not None and lp.skm else None,
        ikm_change=change(ikm, lp.tahun - 1, _earlier_ikm(lp, before)),
        ikm_sintetis=lp.skm is not None and ikm is None,
        rata_rata=lp.ringkasan.rata_rata,
        predikat=lp.predikat,
        rata_rata_change=change(lp.ringkasan.rata_rata, lp.tahun - 1, before.ringkasan.rata_rata if before else None),
        jumlah_tercapai=lp.ringkasan.jumlah_tercapai,
        jumlah_iku=lp.ringkasan.jumlah,
        serapan=serapan,
        serapan_change=change(serapan, lp.tahun - 1, _earlier_serapan(lp, before)),
    )

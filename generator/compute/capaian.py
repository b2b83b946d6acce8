"""Capaian, period aggregation and predikat (docs/domain.md §3.1-3.3): pure functions, no I/O."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from statistics import fmean
from typing import Literal

from generator.model.kinerja import PERIODS
from generator.model.portal import Rentang, SkalaPredikat
from generator.model.types import GRADES
from generator.numbers import round_half_up

Polaritas = Literal["positif", "negatif"]
Agregasi = Literal["rata-rata", "jumlah", "terakhir", "maks"]

#: Why a capaian is not a number (shown on the page instead of a figure).
TARGET_NOL = "tidak dapat dihitung: target 0"
TARGET_NEGATIF = "tidak dapat dihitung: target negatif"
TANPA_REALISASI = "belum ada data realisasi"
TANPA_TARGET = "belum ada target"


@dataclass(frozen=True)
class Capaian:
    """Achievement of one indicator: a percentage, or an ordinal verdict, or why neither."""

    nilai: float | None = None
    tercapai: bool | None = None
    alasan: str | None = None

    @property
    def terukur(self) -> bool:
        return self.tercapai is not None


def capaian_angka(realisasi: float | None, target: float | None, polaritas: Polaritas) -> Capaian:
    """PermenPANRB 53/2014: R/T x 100, or (2T - R)/T x 100 for negative polarity."""
    if target is None:
        return Capaian(alasan=TANPA_TARGET)
    if realisasi is None:
        return Capaian(alasan=TANPA_REALISASI)
    if target == 0:
        return Capaian(alasan=TARGET_NOL)
    if target < 0:  # only an indicator with nilai_negatif: R/T has no meaning then
        return Capaian(alasan=TARGET_NEGATIF)
    if polaritas == "positif":
        nilai = realisasi / target * 100
    else:
        nilai = (2 * target - realisasi) / target * 100
    return Capaian(nilai=nilai, tercapai=nilai >= 100)


def capaian_ordinal(realisasi: str | None, target: str | None) -> Capaian:
    """Grade targets (D < C < CC < B < BB < A < AA): tercapai or not, no percentage."""
    if target is None:
        return Capaian(alasan=TANPA_TARGET)
    if realisasi is None:
        return Capaian(alasan=TANPA_REALISASI)
    return Capaian(tercapai=GRADES.index(realisasi) >= GRADES.index(target))


def persen_satuan(satuan: str) -> bool:
    """Whether an indicator's unit is a percentage (`%` or `persen`)."""
    return satuan.strip().lower() in ("%", "persen")


def realisasi_rasio(pembilang: float, penyebut: float, satuan: str) -> float:
    """A realisasi made of its numerator and denominator: pembilang / penyebut, × 100 for a
    percentage (docs/domain.md §3.1)."""
    ratio = pembilang / penyebut
    return ratio * 100 if persen_satuan(satuan) else ratio


def rata_rata_realisasi(values: Sequence[tuple[str, float | str | None]], minimum: int = 1) -> float | None:
    """Mean of the numeric realisasi of percentage indicators, given as (satuan, realisasi): the
    mean a report prints for a program's indicators. None with fewer than `minimum` of them."""
    numbers = [float(r) for s, r in values if persen_satuan(s) and isinstance(r, (int, float))]
    return fmean(numbers) if numbers and len(numbers) >= minimum else None


def agregasi_periode(values: Sequence[float | str], mode: Agregasi | None) -> float | str | None:
    """The annual value made of the reported period values (in TW order); None if none."""
    if not values:
        return None
    if mode is None or mode == "terakhir":
        return values[-1]
    if all(isinstance(v, str) for v in values):
        return max(values, key=GRADES.index) if mode == "maks" else values[-1]
    numbers = [float(v) for v in values]
    if mode == "rata-rata":
        return fmean(numbers)
    if mode == "jumlah":
        return sum(numbers)
    return max(numbers)


def sorted_periods(periode: dict[str, float | str]) -> list[float | str]:
    return [periode[p] for p in PERIODS if p in periode]


def capaian_dinilai(nilai: float, batas: float | None) -> float:
    """The capaian that counts for predikat and means: negative -> 0, above the cap -> cap."""
    floored = max(nilai, 0.0)
    return floored if batas is None else min(floored, batas)


def predikat(nilai: float, skala: SkalaPredikat) -> Rentang:
    """The interval of the kabupaten's scale holding a capaian (capped first)."""
    rated = capaian_dinilai(nilai, skala.batas_capaian)
    return next(r for r in skala.rentang if r.contains(rated))


@dataclass(frozen=True)
class CapaianSummary:
    """Aggregate of several indicators' capaian (a sasaran, or all IKU)."""

    rata_rata: float | None
    rata_rata_tanpa_batas: float | None
    jumlah_tercapai: int
    jumlah_belum_tercapai: int
    jumlah_tidak_terukur: int
    jumlah_dirata: int
    jumlah_di_atas_100: int
    jumlah_tepat_100: int
    jumlah_di_bawah_100: int

    @property
    def dibatasi(self) -> bool:
        """Whether the cap changed the mean (the page then states the uncapped one too)."""
        return self.rata_rata is not None and self.rata_rata != self.rata_rata_tanpa_batas

    @property
    def jumlah(self) -> int:
        return self.jumlah_tercapai + self.jumlah_belum_tercapai + self.jumlah_tidak_terukur


def dibanding_100(nilai: float) -> int:
    """-1, 0 or 1: a capaian below, exactly at or above 100 %, as printed (2 decimals, half-up)."""
    rounded = round_half_up(nilai, 2)
    return (rounded > 100) - (rounded < 100)


def summarize(daftar: Sequence[Capaian], batas: float | None) -> CapaianSummary:
    """Mean of capped capaian (docs/domain.md §3.3) plus counts >= 100 %, < 100 %, not measurable,
    and of numeric capaian above, exactly at and below 100 %."""
    numeric = [c.nilai for c in daftar if c.nilai is not None]
    sides = [dibanding_100(v) for v in numeric]
    return CapaianSummary(
        rata_rata=fmean(capaian_dinilai(v, batas) for v in numeric) if numeric else None,
        rata_rata_tanpa_batas=fmean(max(v, 0.0) for v in numeric) if numeric else None,
        jumlah_tercapai=sum(1 for c in daftar if c.tercapai is True),
        jumlah_belum_tercapai=sum(1 for c in daftar if c.tercapai is False),
        jumlah_tidak_terukur=sum(1 for c in daftar if c.tercapai is None),
        jumlah_dirata=len(numeric),
        jumlah_di_atas_100=sides.count(1),
        jumlah_tepat_100=sides.count(0),
        jumlah_di_bawah_100=sides.count(-1),
    )

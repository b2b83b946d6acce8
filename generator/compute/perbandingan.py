"""Over time and side by side (docs/domain.md §3.8): an indicator's history with year-on-year change,
Renstra progress, benchmarks (kabupaten, province, nation, peer kecamatan) and the ranking of
kecamatan within their kabupaten."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from generator import model as m
from generator.compute.capaian import capaian_angka


@dataclass(frozen=True)
class RiwayatRow:
    tahun: int
    target: float | str | None
    realisasi: float | str | None
    capaian: float | None
    nama: str | None  # the indicator's name that year, when it differed
    sumber: str
    perubahan: float | None = None  # YoY change of realisasi, relative %
    perubahan_poin: float | None = None  # YoY change in percentage points (% indicators)


def perubahan(sebelum: float | str | None, sesudah: float | str | None) -> float | None:
    """Relative change in percent: (sesudah − sebelum) / sebelum × 100."""
    if not isinstance(sebelum, (int, float)) or not isinstance(sesudah, (int, float)) or sebelum == 0:
        return None
    return (sesudah - sebelum) / sebelum * 100


def _selisih(sebelum: float | str | None, sesudah: float | str | None) -> float | None:
    """sesudah − sebelum, when both are numbers."""
    if not isinstance(sebelum, (int, float)) or not isinstance(sesudah, (int, float)):
        return None
    return sesudah - sebelum


def _persen(satuan: str) -> bool:
    return satuan.strip().lower() in ("%", "persen")


def riwayat(
    ind: m.Indikator,
    tahun_ini: Iterable[tuple[int, float | str | None, float | str | None]],
    baris: Iterable[m.BarisRiwayat],
) -> tuple[RiwayatRow, ...]:
    """Years of one indicator, oldest first: computed reports (`tahun_ini`: year, target,
    realisasi) take precedence over history rows for the same year; capaian uses today's
    polarity; YoY change between consecutive years with data."""
    years: dict[int, RiwayatRow] = {}
    for r in baris:
        years[r.tahun] = RiwayatRow(
            r.tahun, r.target, r.realisasi, _capaian(r.realisasi, r.target, ind), r.nama, r.sumber or "riwayat"
        )
    for tahun, target, realisasi in tahun_ini:
        years[tahun] = RiwayatRow(
            tahun, target, realisasi, _capaian(realisasi, target, ind), None, f"Laporan Kinerja {tahun}"
        )
    result: list[RiwayatRow] = []
    for tahun in sorted(years):
        row = years[tahun]
        before = result[-1] if result else None
        if before is not None and before.tahun == tahun - 1:
            change = perubahan(before.realisasi, row.realisasi)
            points = _selisih(before.realisasi, row.realisasi) if _persen(ind.satuan) and change is not None else None
            row = RiwayatRow(row.tahun, row.target, row.realisasi, row.capaian, row.nama, row.sumber, change, points)
        result.append(row)
    return tuple(result)


def _capaian(realisasi: float | str | None, target: float | str | None, ind: m.Indikator) -> float | None:
    if isinstance(realisasi, str) or isinstance(target, str):
        return None
    return capaian_angka(realisasi, target, ind.polaritas).nilai


@dataclass(frozen=True)
class KemajuanRenstra:
    versi: str
    target_tahun: float | str | None  # the Renstra target for the report's year
    tahun_akhir: int
    target_akhir: float | str | None
    realisasi: float | str | None
    kemajuan: float | None  # realisasi against the end target, in percent


def versi_berlaku(renstra: m.Renstra, tahun: int) -> m.VersiRenstra:
    """The Renstra version in force in a year: the latest revision that applies by then."""
    applicable = [v for v in renstra.versi if v.berlaku_sejak is None or v.berlaku_sejak <= tahun]
    return max(applicable or renstra.versi[:1], key=lambda v: v.berlaku_sejak or 0)


def kemajuan_renstra(
    renstra: m.Renstra, ind: m.Indikator, tahun: int, realisasi: float | str | None
) -> KemajuanRenstra | None:
    """Progress towards the Renstra end target (capaian formula with the indicator's polarity)."""
    versi = versi_berlaku(renstra, tahun)
    targets = versi.target.get(ind.id)
    if not targets:
        return None
    end_year = max(targets)
    end = targets[end_year]
    progress = _capaian(realisasi, end, ind)
    return KemajuanRenstra(versi.nama, targets.get(tahun), end_year, end, realisasi, progress)


@dataclass(frozen=True)
class PembandingResult:
    pembanding: str
    jenis: str
    nilai: float | str | None  # None: not available
    realisasi: float | str | None
    sumber: str | None

    @property
    def selisih(self) -> float | None:
        if not isinstance(self.nilai, (int, float)) or not isinstance(self.realisasi, (int, float)):
            return None
        return self.realisasi - self.nilai

    @property
    def rasio(self) -> float | None:
        if not isinstance(self.nilai, (int, float)) or not isinstance(self.realisasi, (int, float)) or not self.nilai:
            return None
        return self.realisasi / self.nilai * 100


URUTAN_JENIS = {"kecamatan": 0, "kabupaten": 1, "provinsi": 2, "nasional": 3}


def pembanding(
    baris: Iterable[m.BarisPembanding], ind_id: str, tahun: int, realisasi: float | str | None
) -> tuple[PembandingResult, ...]:
    rows = [r for r in baris if r.indikator == ind_id and r.tahun == tahun]
    rows.sort(key=lambda r: (URUTAN_JENIS[r.jenis], r.pembanding))
    return tuple(PembandingResult(r.pembanding, r.jenis, r.nilai, realisasi, r.sumber) for r in rows)


@dataclass(frozen=True)
class Peringkat:
    kecamatan: str
    nilai: float
    peringkat: int
    dari: int
    slug: str | None = None  # the kecamatan's folder, when it has one in the portal


def peringkat(nilai: Sequence[tuple[str, float | str | None, str | None]], polaritas: str) -> tuple[Peringkat, ...]:
    """Competition ranking (1, 2, 2, 4): highest first for positive polarity, lowest first for
    negative; `dari` counts the kecamatan with data. Input: (kecamatan, value, slug)."""
    numeric = [(k, v, s) for k, v, s in nilai if isinstance(v, (int, float))]
    order = sorted(numeric, key=lambda x: (-x[1] if polaritas == "positif" else x[1], x[0]))
    result: list[Peringkat] = []
    for i, (kec, value, slug) in enumerate(order):
        rank = result[-1].peringkat if result and result[-1].nilai == value else i + 1
        result.append(Peringkat(kec, value, rank, len(order), slug))
    return tuple(result)

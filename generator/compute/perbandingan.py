"""Over time and side by side (docs/domain.md §3.8): an indicator's history with year-on-year change,
Renstra progress, benchmarks (kabupaten, province, nation, peer kecamatan) and the ranking of
kecamatan within their kabupaten."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from generator import model as m
from generator.compute.capaian import Polaritas, capaian_angka


def perubahan(sebelum: float | str | None, sesudah: float | str | None) -> float | None:
    """Relative change in percent: (sesudah − sebelum) / sebelum × 100."""
    if not isinstance(sebelum, (int, float)) or not isinstance(sesudah, (int, float)) or sebelum == 0:
        return None
    return (sesudah - sebelum) / sebelum * 100


def selisih(sebelum: float | str | None, sesudah: float | str | None) -> float | None:
    """Absolute change in the indicator's unit (percentage points for a percentage): sesudah − sebelum."""
    if not isinstance(sebelum, (int, float)) or not isinstance(sesudah, (int, float)):
        return None
    return sesudah - sebelum


@dataclass(frozen=True)
class RiwayatRow:
    tahun: int
    target: float | str | None
    realisasi: float | str | None
    capaian: float | None
    nama: str | None  # the indicator's name that year, when it differed
    sumber: str
    keterangan: str | None = None
    perubahan: float | None = None  # change of realisasi from the year before, relative %
    selisih: float | None = None  # the same change in the indicator's unit (points for a percentage)


@dataclass(frozen=True)
class Perubahan:
    """The change of a yearly value (an indicator's realisasi, the serapan) from one year to a
    later one (any two years)."""

    dari: int
    ke: int
    sebelum: float
    sesudah: float

    @property
    def selisih(self) -> float:
        return self.sesudah - self.sebelum

    @property
    def persen(self) -> float | None:
        return perubahan(self.sebelum, self.sesudah)


def perubahan_setiap(values: Iterable[tuple[int, float | str | None]]) -> tuple[Perubahan, ...]:
    """The change between every two years (oldest first) with a numeric value, earlier year first."""
    numeric = [(tahun, float(v)) for tahun, v in values if isinstance(v, (int, float))]
    return tuple(Perubahan(a, b, x, y) for i, (a, x) in enumerate(numeric) for b, y in numeric[i + 1 :])


def perubahan_antar(rows: Iterable[RiwayatRow]) -> tuple[Perubahan, ...]:
    """The change between every two years with a numeric realisasi, earlier year first."""
    return perubahan_setiap((r.tahun, r.realisasi) for r in rows)


def riwayat(
    ind: m.Indikator,
    tahun_ini: Iterable[tuple[int, float | str | None, float | str | None]],
    baris: Iterable[m.BarisRiwayat],
) -> tuple[RiwayatRow, ...]:
    """Years of one indicator, oldest first: computed reports (`tahun_ini`: year, target,
    realisasi) take precedence over history rows for the same year; capaian uses today's
    polarity; change from the year before when that year has data."""
    years: dict[int, RiwayatRow] = {}
    for r in baris:
        years[r.tahun] = RiwayatRow(
            r.tahun,
            r.target,
            r.realisasi,
            _capaian(r.realisasi, r.target, ind.polaritas),
            r.nama,
            r.sumber or "riwayat",
            r.keterangan,
        )
    for tahun, target, realisasi in tahun_ini:
        years[tahun] = RiwayatRow(
            tahun, target, realisasi, _capaian(realisasi, target, ind.polaritas), None, f"Laporan Kinerja {tahun}"
        )
    return _year_on_year([years[t] for t in sorted(years)])


def _year_on_year(rows: list[RiwayatRow]) -> tuple[RiwayatRow, ...]:
    """Each row with its change from the row of the year before (none across a missing year)."""
    result: list[RiwayatRow] = []
    for row in rows:
        before = result[-1] if result and result[-1].tahun == row.tahun - 1 else None
        if before is not None:
            row = replace(
                row,
                perubahan=perubahan(before.realisasi, row.realisasi),
                selisih=selisih(before.realisasi, row.realisasi),
            )
        result.append(row)
    return tuple(result)


@dataclass(frozen=True)
class RiwayatLain:
    """The history of an indicator no longer reported (riwayat.csv rows with an id that no
    year's kinerja.yml or program.yml has, named by `nama`)."""

    id: str
    nama: str
    riwayat: tuple[RiwayatRow, ...]
    renstra: KemajuanRenstra | None = None  # progress of its last year towards its Renstra end target

    @property
    def perubahan(self) -> tuple[Perubahan, ...]:
        return perubahan_antar(self.riwayat)


def riwayat_lain(
    baris: Iterable[m.BarisRiwayat], dipakai: set[str], sebelum: int, renstra: m.Renstra | None = None
) -> tuple[RiwayatLain, ...]:
    """Discontinued indicators with their years before `sebelum`, in the order of riwayat.csv;
    capaian and Renstra progress with positive polarity (the rows give no polarity)."""
    found: dict[str, list[m.BarisRiwayat]] = {}
    for r in baris:
        if r.indikator not in dipakai and r.tahun < sebelum:
            found.setdefault(r.indikator, []).append(r)
    result = []
    for ident, rows in found.items():
        nama = next(r.nama for r in rows if r.nama)
        years = [
            RiwayatRow(
                r.tahun,
                r.target,
                r.realisasi,
                _capaian(r.realisasi, r.target, "positif"),
                r.nama if r.nama != nama else None,
                r.sumber or "riwayat",
                r.keterangan,
            )
            for r in sorted(rows, key=lambda r: r.tahun)
        ]
        last = years[-1]
        kemajuan = kemajuan_renstra(renstra, ident, "positif", last.tahun, last.realisasi) if renstra else None
        result.append(RiwayatLain(ident, nama, _year_on_year(years), kemajuan))
    return tuple(result)


def _capaian(realisasi: float | str | None, target: float | str | None, polaritas: Polaritas) -> float | None:
    if isinstance(realisasi, str) or isinstance(target, str):
        return None
    return capaian_angka(realisasi, target, polaritas).nilai


@dataclass(frozen=True)
class KemajuanRenstra:
    versi: str
    target_tahun: float | str | None  # the Renstra target for the report's year
    tahun_akhir: int
    target_akhir: float | str | None
    realisasi: float | str | None
    kemajuan: float | None  # realisasi against the end target, in percent


def versi_berlaku(renstra: m.Renstra, ind_id: str, tahun: int) -> m.VersiRenstra | None:
    """The Renstra version in force for an indicator in a year: versions are listed oldest
    first, and the last one that has begun by then (no `berlaku_sejak`, or not after `tahun`)
    and gives targets for the indicator applies. None when no such version exists."""
    begun = [v for v in renstra.versi if (v.berlaku_sejak is None or v.berlaku_sejak <= tahun) and v.target.get(ind_id)]
    return begun[-1] if begun else None


def kemajuan_renstra(
    renstra: m.Renstra, ind_id: str, polaritas: Polaritas, tahun: int, realisasi: float | str | None
) -> KemajuanRenstra | None:
    """Progress towards the Renstra end target (capaian formula with the indicator's polarity)."""
    versi = versi_berlaku(renstra, ind_id, tahun)
    if versi is None:
        return None
    targets = versi.target[ind_id]
    end_year = max(targets)
    end = targets[end_year]
    progress = _capaian(realisasi, end, polaritas)
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

    @property
    def selisih_relatif(self) -> float | None:
        """(realisasi − pembanding) / pembanding × 100: how far above (below) the benchmark, in percent."""
        return None if self.selisih is None or not self.nilai else self.selisih / float(self.nilai) * 100


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

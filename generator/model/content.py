"""Validated content: typed, cross-checked data of the portal, per kabupaten, kecamatan and year."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from generator.model.dilaporkan import BarisDilaporkan
from generator.model.indeks import DaftarIndeks
from generator.model.individu import LaporanIndividu
from generator.model.kecamatan import BarisPembanding, BarisRiwayat, BarisRiwayatAnggaran, Kecamatan, Renstra
from generator.model.kinerja import BarisRealisasi, Kinerja
from generator.model.narasi import Narasi
from generator.model.portal import BarisNilaiKecamatan, Kabupaten, Portal
from generator.model.program import DaftarProgram
from generator.model.skm import Skm
from generator.model.sumber_daya import SumberDaya
from generator.problems import Problem


@dataclass(frozen=True)
class SurveyResponse:
    """One respondent's answers (never published): U1..U9 and E1..E9 on 1-4, None = blank."""

    layanan: str | None
    profil: dict[str, str]
    kinerja: tuple[int | None, ...]
    harapan: tuple[int | None, ...] | None
    saran: str | None


@dataclass(frozen=True)
class SkmData:
    skm: Skm
    responden: dict[str, tuple[SurveyResponse, ...]]  # periode id -> raw responses


@dataclass(frozen=True)
class YearData:
    tahun: int
    kinerja: Kinerja
    program: DaftarProgram | None
    realisasi: dict[str, BarisRealisasi]
    files: tuple[Path, ...]
    skm: SkmData | None = None
    sumber_daya: SumberDaya | None = None
    indeks: DaftarIndeks | None = None
    narasi: Narasi | None = None


@dataclass(frozen=True)
class IndividuData:
    """A quarterly report per jabatan (Laporan Kinerja Individu)."""

    laporan: LaporanIndividu
    file: Path

    @property
    def tahun(self) -> int:
        return self.laporan.tahun

    @property
    def triwulan(self) -> int:
        return self.laporan.triwulan


@dataclass(frozen=True)
class DilaporkanData:
    """A year's dilaporkan.csv: each printed figure with its line in the file."""

    file: Path
    baris: tuple[tuple[BarisDilaporkan, int], ...]


@dataclass(frozen=True)
class KecamatanData:
    slug: str
    profil: Kecamatan
    tahun: tuple[YearData, ...]
    file: Path
    individu: tuple[IndividuData, ...] = ()
    riwayat: tuple[BarisRiwayat, ...] = ()
    pembanding: tuple[BarisPembanding, ...] = ()
    renstra: Renstra | None = None
    dilaporkan: dict[int, DilaporkanData] = field(default_factory=dict)  # tahun -> printed figures
    riwayat_anggaran: tuple[BarisRiwayatAnggaran, ...] = ()  # budget totals of earlier years


@dataclass(frozen=True)
class KabupatenData:
    slug: str
    profil: Kabupaten
    kecamatan: tuple[KecamatanData, ...]
    file: Path
    nilai_kecamatan: tuple[BarisNilaiKecamatan, ...] = ()


@dataclass(frozen=True)
class Content:
    root: Path
    portal: Portal
    kabupaten: tuple[KabupatenData, ...]
    warnings: tuple[Problem, ...] = ()
    diubah: dict[str, int] = field(default_factory=dict)  # file (its path) -> last change (epoch seconds)

    def last_changed(self, files: Iterable[Path]) -> int:
        """When the newest of `files` last changed (0 when unknown)."""
        return max((self.diubah.get(str(f), 0) for f in files), default=0)

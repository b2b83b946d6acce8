"""Population and density of a kecamatan from its desa list, and its livelihood shares (docs/domain.md §3.9)."""

from __future__ import annotations

from dataclasses import dataclass

from generator.model.kecamatan import Desa, Kecamatan


@dataclass(frozen=True)
class PendudukDesa:
    desa: Desa
    penduduk: int | None


@dataclass(frozen=True)
class Wilayah:
    desa: tuple[PendudukDesa, ...]
    jumlah_desa: int | None  # None: neither a desa list nor a stated number
    jumlah_kelurahan: int
    laki_laki: int | None
    perempuan: int | None
    penduduk: int | None
    kk: int | None
    kepadatan: float | None
    jumlah_persen_mata_pencaharian: float | None  # the sectors' shares added up (None: no shares given)


def _total(values: list[int | None]) -> int | None:
    """Sum, or None when any part is missing (a partial sum would understate)."""
    present = [v for v in values if v is not None]
    return sum(present) if present and len(present) == len(values) else None


def kepadatan(penduduk: int | None, luas_km2: float | None) -> float | None:
    """Population density in people per km² (None without population or area)."""
    return penduduk / luas_km2 if penduduk is not None and luas_km2 else None


def wilayah(profil: Kecamatan) -> Wilayah:
    rows = tuple(
        PendudukDesa(d, d.penduduk if d.penduduk is not None else _total([d.penduduk_laki_laki, d.penduduk_perempuan]))
        for d in profil.desa
    )
    penduduk = _total([r.penduduk for r in rows])
    return Wilayah(
        desa=rows,
        jumlah_desa=sum(1 for d in profil.desa if d.jenis == "desa") if profil.desa else profil.jumlah_desa,
        jumlah_kelurahan=sum(1 for d in profil.desa if d.jenis == "kelurahan"),
        laki_laki=_total([d.penduduk_laki_laki for d in profil.desa]),
        perempuan=_total([d.penduduk_perempuan for d in profil.desa]),
        penduduk=penduduk,
        kk=_total([d.jumlah_kk for d in profil.desa]),
        kepadatan=kepadatan(penduduk, profil.luas_km2),
        jumlah_persen_mata_pencaharian=sum(x.persen for x in profil.mata_pencaharian)
        if profil.mata_pencaharian
        else None,
    )

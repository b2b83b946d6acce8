"""Source paths of every page kind (one index rule): `kab/kec/2024/index.md`."""

from __future__ import annotations

from generator.compute.individu import IndividuResult
from generator.compute.laporan import LaporanKinerja
from generator.compute.portal import Overview
from generator.model.types import slug


def _index(folder: str) -> str:
    """The source path of the page published as `folder/`."""
    return f"{folder}/index.md"


def kabupaten_path(slug: str) -> str:
    return _index(slug)


def kecamatan_path(kab: str, kec: str) -> str:
    return _index(f"{kab}/{kec}")


def laporan_folder(lp: LaporanKinerja) -> str:
    return f"{lp.kabupaten.slug}/{lp.kecamatan.slug}/{lp.tahun}"


def laporan_path(lp: LaporanKinerja) -> str:
    return _index(laporan_folder(lp))


def audit_path(lp: LaporanKinerja) -> str:
    return _index(f"{laporan_folder(lp)}/catatan-kualitas-data")


def audit_anchor(alamat: str) -> str:
    """The anchor of an address's row on the Catatan kualitas data page."""
    return "catatan-" + slug(alamat)


def anggaran_folder(lp: LaporanKinerja) -> str:
    return f"{laporan_folder(lp)}/anggaran"


def anggaran_path(lp: LaporanKinerja) -> str:
    return _index(anggaran_folder(lp))


def individu_folder(r: IndividuResult) -> str:
    return f"{r.kabupaten.slug}/{r.kecamatan.slug}/{r.tahun}/individu-tw{r.triwulan}"


def individu_path(r: IndividuResult) -> str:
    return _index(individu_folder(r))


def perbandingan_path(kab: str, tahun: int) -> str:
    return _index(f"{kab}/perbandingan-{tahun}")


def overview_path(x: Overview) -> str:
    return perbandingan_path(x.kabupaten.slug, x.tahun)


def skm_folder(lp: LaporanKinerja) -> str:
    return f"{laporan_folder(lp)}/skm"


def skm_path(lp: LaporanKinerja) -> str:
    return _index(skm_folder(lp))


def pengumuman_path(lp: LaporanKinerja) -> str:
    return f"{skm_folder(lp)}/pengumuman.md"

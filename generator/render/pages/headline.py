"""What the place picker and a kecamatan's page show of it: its headline card and the pages of every year."""

from __future__ import annotations

from dataclasses import dataclass

from generator.compute.headline import Headline, headline
from generator.compute.portal import PortalResult
from generator.model.content import KabupatenData, KecamatanData
from generator.render.paths import (
    anggaran_path,
    audit_path,
    individu_path,
    kecamatan_path,
    laporan_path,
    pengumuman_path,
    skm_path,
)
from generator.render.tables.common import PERIODE_LABEL


@dataclass(frozen=True)
class HeadlineCard:
    """A kecamatan in the place picker: its names, its headline (None without a report), the
    name of the rating scale its predikat is on, and the source paths of the pages it links to."""

    kecamatan: str
    kabupaten: str
    skala: str
    headline: Headline | None
    kecamatan_page: str
    laporan: str | None = None
    skm: str | None = None
    anggaran: str | None = None


def headline_card(hasil: PortalResult, kab: KabupatenData, kec: KecamatanData) -> HeadlineCard:
    laporan = hasil.untuk(kab.slug, kec.slug)
    latest = laporan[-1] if laporan else None
    return HeadlineCard(
        kec.profil.nama,
        kab.profil.nama,
        kab.profil.skala_predikat.nama,
        headline(laporan),
        kecamatan_path(kab.slug, kec.slug),
        laporan_path(latest) if latest else None,
        skm_path(latest) if latest and latest.skm else None,
        anggaran_path(latest) if latest and latest.anggaran else None,
    )


def year_pages(hasil: PortalResult, kab: KabupatenData, kec: KecamatanData) -> list[tuple[int, list[tuple[str, str]]]]:
    """Every year of a kecamatan, newest first, with the (title, source path) of its pages."""
    years: dict[int, list[tuple[str, str]]] = {}
    for lp in hasil.untuk(kab.slug, kec.slug):
        pages = years.setdefault(lp.tahun, [])
        pages.append((f"Laporan Kinerja {lp.tahun}", laporan_path(lp)))
        if lp.skm:
            pages += [(f"Hasil SKM {lp.tahun}", skm_path(lp)), ("Pengumuman SKM", pengumuman_path(lp))]
        if lp.anggaran:
            pages.append((f"Anggaran {lp.tahun}", anggaran_path(lp)))
        if lp.audit:
            pages.append(("Catatan kualitas data", audit_path(lp)))
    for r in hasil.individu_untuk(kab.slug, kec.slug):
        years.setdefault(r.tahun, []).append(
            (f"Kinerja Individu {PERIODE_LABEL[f'tw{r.triwulan}']} {r.tahun}", individu_path(r))
        )
    return sorted(years.items(), reverse=True)

"""The MkDocs navigation of a shard: the same top level in every shard."""

from __future__ import annotations

import posixpath
from typing import Any

from generator.compute.portal import PortalResult
from generator.render.page import page_folder, shard
from generator.render.pages.portal import Outline
from generator.render.paths import (
    anggaran_path,
    individu_path,
    kabupaten_path,
    kecamatan_path,
    laporan_path,
    overview_path,
    skm_path,
)
from generator.render.tables.common import PERIODE_LABEL


def _nav_entry(path: str, shard_slug: str, cross_links: set[str]) -> str:
    """The nav entry, in shard `dari`, for the page at source path `path`: a file of the shard,
    or a relative URL into another shard (recorded in `lintas` for the link check)."""
    if shard(path) == shard_slug:
        return path.removeprefix(f"{shard_slug}/")
    cross_links.add(path)
    return posixpath.relpath(page_folder(path), shard_slug or ".") + "/"


def navigation(hasil: PortalResult | None, shard_slug: str, outline: Outline, cross_links: set[str]) -> list[Any]:
    """MkDocs `nav` of shard `dari` (a kabupaten slug, "" for the portal's own pages): Beranda,
    one entry per kabupaten (the shard's own one unfolded), Metodologi, Data terbuka, Panduan petugas. Every
    shard shows the same top level, so navigation feels like one site."""
    nav: list[Any] = [{"Beranda": _nav_entry("index.md", shard_slug, cross_links)}]
    for slug, nama, _ in outline.kabupaten:
        if slug != shard_slug or hasil is None:
            nav.append({f"Kab. {nama}": _nav_entry(kabupaten_path(slug), shard_slug, cross_links)})
            continue
        section: list[Any] = [{"Ringkasan kabupaten": "index.md"}]
        section += [
            {f"Perbandingan kecamatan {x.tahun}": _nav_entry(overview_path(x), shard_slug, cross_links)}
            for x in hasil.overviews
            if x.kabupaten.slug == slug
        ]
        kab = next(k for k in hasil.content.kabupaten if k.slug == slug)
        for kec in kab.kecamatan:
            years = [{"Profil kecamatan": _nav_entry(kecamatan_path(slug, kec.slug), shard_slug, cross_links)}]
            for lp in hasil.untuk(slug, kec.slug):
                years.append({f"Laporan Kinerja {lp.tahun}": _nav_entry(laporan_path(lp), shard_slug, cross_links)})
                if lp.skm:
                    years.append({f"Hasil SKM {lp.tahun}": _nav_entry(skm_path(lp), shard_slug, cross_links)})
                if lp.anggaran:
                    years.append({f"Anggaran {lp.tahun}": _nav_entry(anggaran_path(lp), shard_slug, cross_links)})
            years += [
                {
                    f"Kinerja Individu {PERIODE_LABEL[f'tw{r.triwulan}']} {r.tahun}": _nav_entry(
                        individu_path(r), shard_slug, cross_links
                    )
                }
                for r in hasil.individu_untuk(slug, kec.slug)
            ]
            section.append({f"Kec. {kec.profil.nama}": years})
        section.append({"Data terbuka kabupaten": "data-terbuka.md"})
        nav.append({f"Kab. {nama}": section})
    nav += [
        {"Istilah": _nav_entry("istilah.md", shard_slug, cross_links)},
        {"Metodologi": _nav_entry("metodologi.md", shard_slug, cross_links)},
        {"Data terbuka": _nav_entry("data-terbuka.md", shard_slug, cross_links)},
        {"Panduan petugas": _nav_entry("panduan-petugas.md", shard_slug, cross_links)},
    ]
    return nav

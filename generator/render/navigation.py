"""The MkDocs navigation of a shard: the same top level in every shard."""

from __future__ import annotations

import posixpath
from typing import Any
from generator.compute.laporan import HasilPortal
from generator.render.tables.common import PERIODE_LABEL
from generator.render.paths import anggaran_path, ikhtisar_path, individu_path, kabupaten_path, kecamatan_path, laporan_path, skm_path
from generator.render.page import _url, shard
from generator.render.pages.portal import Kerangka


def _entri(path: str, dari: str, lintas: set[str]) -> str:
    """The nav entry, in shard `dari`, for the page at source path `path`: a file of the shard,
    or a relative URL into another shard (recorded in `lintas` for the link check)."""
    if shard(path) == dari:
        return path.removeprefix(f"{dari}/")
    lintas.add(path)
    return posixpath.relpath(_url(path), dari or ".") + "/"


def navigation(hasil: HasilPortal | None, dari: str, kerangka: Kerangka, lintas: set[str]) -> list[Any]:
    """MkDocs `nav` of shard `dari` (a kabupaten slug, "" for the portal's own pages): Beranda,
    one entry per kabupaten (the shard's own one unfolded), Metodologi, Data terbuka. Every
    shard shows the same top level, so navigation feels like one site."""
    nav: list[Any] = [{"Beranda": _entri("index.md", dari, lintas)}]
    for slug, nama, _ in kerangka.kabupaten:
        if slug != dari or hasil is None:
            nav.append({f"Kab. {nama}": _entri(kabupaten_path(slug), dari, lintas)})
            continue
        section: list[Any] = [{"Ringkasan kabupaten": "index.md"}]
        section += [{f"Perbandingan kecamatan {x.tahun}": _entri(ikhtisar_path(x), dari, lintas)}
                    for x in hasil.ikhtisar if x.kabupaten.slug == slug]
        kab = next(k for k in hasil.content.kabupaten if k.slug == slug)
        for kec in kab.kecamatan:
            years = [{"Profil kecamatan": _entri(kecamatan_path(slug, kec.slug), dari, lintas)}]
            for lp in hasil.untuk(slug, kec.slug):
                years.append({f"Laporan Kinerja {lp.tahun}": _entri(laporan_path(lp), dari, lintas)})
                if lp.skm:
                    years.append({f"Hasil SKM {lp.tahun}": _entri(skm_path(lp), dari, lintas)})
                if lp.anggaran:
                    years.append({f"Anggaran {lp.tahun}": _entri(anggaran_path(lp), dari, lintas)})
            years += [{f"Kinerja Individu {PERIODE_LABEL[f'tw{r.triwulan}']} {r.tahun}": _entri(individu_path(r), dari,
                                                                                              lintas)}
                      for r in hasil.individu_untuk(slug, kec.slug)]
            section.append({f"Kec. {kec.profil.nama}": years})
        section.append({"Data terbuka kabupaten": "data-terbuka.md"})
        nav.append({f"Kab. {nama}": section})
    nav += [{"Metodologi": _entri("metodologi.md", dari, lintas)},
            {"Data terbuka": _entri("data-terbuka.md", dari, lintas)}]
    return nav

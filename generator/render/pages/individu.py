"""The Kinerja Individu page of a kecamatan's quarter."""

from __future__ import annotations

from generator.render import tables as tabel
from generator.compute.individu import HasilIndividu
from generator.render.tables.common import PERIODE_LABEL
from generator.render.paths import individu_path
from generator.render.page import Page


def _individu_page(r: HasilIndividu) -> Page:
    nama = r.kecamatan.profil.nama
    tw = PERIODE_LABEL[f"tw{r.triwulan}"]
    page = Page(individu_path(r), "individu.md.j2", f"Kinerja Individu {nama} {tw} {r.tahun}",
                f"Laporan Kinerja Individu Kecamatan {nama}, {tw} {r.tahun}: indikator, realisasi, capaian dan "
                "biaya per hasil setiap jabatan.", {"r": r, "tw": tw},
                sumber=r.data.laporan.sumber, berkas=(r.kabupaten.file, r.kecamatan.file, r.data.file))
    page.add(**{f"jabatan_{j.jabatan.id}": tabel.kinerja_jabatan(r, j) for j in r.jabatan})
    catatan = tabel.catatan_individu(r)
    if catatan.baris:
        page.add(catatan=catatan)
    return page

"""The Kinerja Individu page of a kecamatan's quarter."""

from __future__ import annotations

from generator.compute.individu import IndividuResult
from generator.render import tables as tabel
from generator.render.page import Page
from generator.render.paths import individu_path
from generator.render.tables.common import PERIODE_LABEL


def individu_page(r: IndividuResult) -> Page:
    nama = r.kecamatan.profil.nama
    tw = PERIODE_LABEL[f"tw{r.triwulan}"]
    page = Page(
        individu_path(r),
        "individu.md.j2",
        f"Kinerja Individu {nama} {tw} {r.tahun}",
        f"Laporan Kinerja Individu Kecamatan {nama}, {tw} {r.tahun}: indikator, realisasi, capaian dan "
        "biaya per hasil setiap jabatan.",
        {"r": r, "tw": tw},
        source=r.data.laporan.sumber,
        sources=(r.kabupaten.file, r.kecamatan.file, r.data.file),
    )
    page.add(**{f"jabatan_{j.jabatan.id}": tabel.kinerja_jabatan(r, j) for j in r.jabatan})
    catatan = tabel.catatan_individu(r)
    if catatan.rows:
        page.add(catatan=catatan)
    return page

"""The Kinerja Individu page of a kecamatan's quarter."""

from __future__ import annotations

from generator.compute.individu import IndividuResult
from generator.compute.register import YearRegister
from generator.render import tables as tabel
from generator.render.page import Page
from generator.render.paths import individu_folder, individu_path
from generator.render.tables.common import PERIODE_LABEL


def individu_page(r: IndividuResult, register: YearRegister | None) -> Page:
    """The quarter's page; `register`: the year's figure register when no Laporan Kinerja of
    that year publishes it."""
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
    if r.audit:
        page.add(
            catatan=tabel.catatan_kualitas(
                f"{individu_folder(r)}/catatan-kualitas-data", r.audit, r.data.laporan.sumber
            )
        )
    if register is not None:
        page.add(angka=tabel.angka_tabel(register))
    return page

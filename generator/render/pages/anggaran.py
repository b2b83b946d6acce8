"""The Anggaran page of a kecamatan-year."""

from __future__ import annotations

from generator.render import charts
from generator.render import tables as tabel
from generator.compute.laporan import LaporanKinerja
from generator.numbers import format_percent
from generator.render.paths import anggaran_path
from generator.render.page import Page


def _serapan_chart(lp: LaporanKinerja) -> charts.Grafik | None:
    rows = [n for n in lp.anggaran.program if n.uang.serapan is not None]
    if not rows:
        return None
    bars = [charts.Batang(n.node.nama, n.uang.serapan, format_percent(n.uang.serapan), "Serapan anggaran",
                          charts.PALETTE[0]) for n in rows]
    title = f"Serapan anggaran per program, Kecamatan {lp.kecamatan.profil.nama} {lp.tahun}"
    description = "; ".join(f"{b.label}: {b.teks}" for b in bars) + ". Garis putus-putus: 100 %."
    return charts.bar_chart(bars, title, description, (charts.Garis(100, "100 %"),))


def _anggaran_page(lp: LaporanKinerja) -> Page:
    nama = lp.kecamatan.profil.nama
    page = Page(anggaran_path(lp), "anggaran.md.j2", f"Anggaran {nama} {lp.tahun}",
                f"Anggaran Kecamatan {nama} {lp.tahun}: pagu, realisasi, serapan per program, perubahan pagu, "
                "efisiensi dan biaya per hasil.", {"lp": lp, "ang": lp.anggaran},
                sumber=lp.data.kinerja.sumber, berkas=(lp.kabupaten.file, lp.kecamatan.file, *lp.data.files))
    page.context["grafik"] = page.grafik("serapan-program.svg", _serapan_chart(lp))
    page.add(program=tabel.anggaran_program(lp))
    page.context["rincian"] = [(n, f"rincian_{n.node.id}") for n in lp.anggaran.program if n.anak]
    page.add(**{key: tabel.rincian_program(lp, n) for n, key in page.context["rincian"]})
    perubahan = tabel.perubahan_anggaran(lp)
    if perubahan.baris:
        page.add(perubahan=perubahan)
    if lp.biaya:
        page.add(efisiensi=tabel.efisiensi_tabel(lp))
        biaya = tabel.biaya_per_hasil(lp)
        if biaya.baris:
            page.add(biaya=biaya)
    return page

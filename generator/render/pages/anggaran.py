"""The Anggaran page of a kecamatan-year."""

from __future__ import annotations

from pathlib import Path

from generator.compute.anggaran import AnggaranResult
from generator.compute.laporan import LaporanKinerja
from generator.numbers import format_percent
from generator.render import charts
from generator.render import tables as tabel
from generator.render.page import Page
from generator.render.paths import anggaran_path


def _serapan_chart(lp: LaporanKinerja, ang: AnggaranResult) -> charts.Chart | None:
    bars = [
        charts.Bar(n.node.nama, serapan, format_percent(serapan), "Serapan anggaran", charts.PALETTE[0])
        for n in ang.program
        if (serapan := n.uang.serapan) is not None
    ]
    if not bars:
        return None
    title = f"Serapan anggaran per program, Kecamatan {lp.kecamatan.profil.nama} {lp.tahun}"
    description = "; ".join(f"{b.label}: {b.text}" for b in bars) + ". Garis putus-putus: 100 %."
    return charts.bar_chart(bars, title, description, (charts.ReferenceLine(100, "100 %"),))


def _riwayat_file(lp: LaporanKinerja) -> tuple[Path, ...]:
    """riwayat-anggaran.csv, when the kecamatan has one."""
    return (lp.kecamatan.file.with_name("riwayat-anggaran.csv"),) if lp.kecamatan.riwayat_anggaran else ()


def anggaran_page(lp: LaporanKinerja, ang: AnggaranResult) -> Page:
    nama = lp.kecamatan.profil.nama
    page = Page(
        anggaran_path(lp),
        "anggaran.md.j2",
        f"Anggaran {nama} {lp.tahun}",
        f"Anggaran Kecamatan {nama} {lp.tahun}: pagu, realisasi, serapan per program dan tahun-tahun sebelumnya, "
        "perubahan pagu, efisiensi dan biaya per hasil.",
        {"lp": lp, "ang": ang},
        source=lp.data.kinerja.sumber,
        sources=(lp.kabupaten.file, lp.kecamatan.file, *_riwayat_file(lp), *lp.data.files),
    )
    page.context["grafik"] = page.chart("serapan-program.svg", _serapan_chart(lp, ang))
    if any(y.tahun < lp.tahun for y in lp.riwayat_anggaran):
        page.add(riwayat=tabel.riwayat_anggaran(lp))
    page.add(program=tabel.anggaran_program(lp, ang))
    page.context["rincian"] = [(n, f"rincian_{n.node.id}") for n in ang.program if n.anak]
    page.add(**{key: tabel.rincian_program(lp, n) for n, key in page.context["rincian"]})
    perubahan = tabel.perubahan_anggaran(lp, ang)
    if perubahan.rows:
        page.add(perubahan=perubahan)
    if lp.biaya:
        page.add(efisiensi=tabel.efisiensi_tabel(lp))
        biaya = tabel.biaya_per_hasil(lp)
        if biaya.rows:
            page.add(biaya=biaya)
    return page

"""The Hasil SKM page and the printable Pengumuman SKM of a kecamatan-year."""

from __future__ import annotations

import posixpath

from generator.compute.laporan import LaporanKinerja
from generator.compute.skm import MUTU, SkmResult
from generator.numbers import format_number
from generator.render import charts
from generator.render import tables as tabel
from generator.render.page import Page
from generator.render.paths import pengumuman_path, skm_path
from generator.render.qr import public_address, qr_svg

#: The printed SKM notice keeps to one A4 page: at most this many follow-up actions on it.
TINDAK_LANJUT_PENGUMUMAN = 4


def _unsur_chart(lp: LaporanKinerja, skm: SkmResult) -> charts.Chart | None:
    if not skm.unsur:
        return None
    bars = [
        charts.Bar(
            f"{u.kode} {u.nama}",
            u.nilai,
            f"{format_number(u.nilai, 2)} · {u.mutu.huruf}",
            f"{u.mutu.huruf} {u.mutu.label}",
            u.mutu.warna,
        )
        for u in skm.unsur
    ]
    title = f"Nilai unsur pelayanan Kecamatan {lp.kecamatan.profil.nama} {lp.tahun}"
    description = "; ".join(f"{b.label}: {b.text}" for b in bars) + (
        ". Garis putus-putus: batas bawah mutu C (65,00), B (76,61) dan A (88,31)."
    )
    lines = tuple(charts.ReferenceLine(q.bawah, q.huruf) for q in MUTU[:-1])
    return charts.bar_chart(
        bars, title, description, lines, start=25, order=tuple(f"{q.huruf} {q.label}" for q in MUTU)
    )


def _kuadran_chart(lp: LaporanKinerja, skm: SkmResult) -> charts.Chart | None:
    unsur = skm.unsur
    harapan = [u.harapan for u in unsur if u.harapan is not None]
    if not unsur or len(harapan) != len(unsur):
        return None
    x_split = sum(u.nrr for u in unsur) / len(unsur)
    y_split = sum(harapan) / len(unsur)
    title = f"Harapan dan kinerja setiap unsur, Kecamatan {lp.kecamatan.profil.nama} {lp.tahun}"
    description = "; ".join(
        f"{u.kode}: kinerja {format_number(u.nrr, 2)}, harapan {format_number(u.harapan, 2)}, kuadran {u.kuadran}"
        for u in unsur
    ) + (f". Garis putus-putus: rata-rata kinerja {format_number(x_split, 2)} dan harapan {format_number(y_split, 2)}.")
    return charts.scatter_chart(
        [charts.Point(u.kode, u.nrr, h) for u, h in zip(unsur, harapan)],
        title,
        description,
        "Kinerja (NRR)",
        "Harapan (NRR)",
        x_split,
        y_split,
        {
            "kiri-atas": "I · Prioritas utama",
            "kanan-atas": "II · Pertahankan",
            "kiri-bawah": "III · Prioritas rendah",
            "kanan-bawah": "IV · Berlebihan",
        },
    )


def skm_pages(lp: LaporanKinerja, skm: SkmResult, url: str | None = None) -> list[Page]:
    """The Hasil SKM page and its printable notice; with the portal's public `url` the notice
    shows the Hasil SKM page's address and a QR code to it."""
    nama = lp.kecamatan.profil.nama
    common = {"lp": lp, "skm": skm}
    berkas = (lp.kabupaten.file, lp.kecamatan.file, *lp.data.files)
    page = Page(
        skm_path(lp),
        "skm.md.j2",
        f"Hasil SKM {nama} {lp.tahun}",
        f"Hasil Survei Kepuasan Masyarakat Kecamatan {nama} {lp.tahun}: IKM {format_number(skm.ikm, 2)}, "
        f"mutu {skm.mutu.huruf} ({skm.mutu.label}), per periode, per layanan dan per unsur.",
        dict(common),
        source=skm.data.skm.sumber,
        sources=berkas,
    )
    page.context["grafik_unsur"] = page.chart("nilai-unsur.svg", _unsur_chart(lp, skm))
    page.context["grafik_kuadran"] = page.chart("kuadran.svg", _kuadran_chart(lp, skm))
    page.add(periode=tabel.skm_periode(lp, skm), unsur=tabel.skm_unsur(lp, skm))
    if any(p.layanan for p in skm.periode):
        page.add(layanan=tabel.skm_layanan(lp, skm))
    if skm.profil:
        page.add(profil=tabel.skm_profil(lp, skm))
    if skm.data.skm.tindak_lanjut:
        page.add(tindak_lanjut=tabel.skm_tindak_lanjut(lp, skm))
    notice = Page(
        pengumuman_path(lp),
        "pengumuman_skm.md.j2",
        f"Pengumuman Hasil SKM {nama} {lp.tahun}",
        f"Pengumuman hasil Survei Kepuasan Masyarakat Kecamatan {nama} {lp.tahun}, siap cetak A4.",
        {
            **common,
            "skala_mutu": MUTU,
            "tindak_lanjut": skm.data.skm.tindak_lanjut[:TINDAK_LANJUT_PENGUMUMAN],
            "tindak_lanjut_lain": max(0, len(skm.data.skm.tindak_lanjut) - TINDAK_LANJUT_PENGUMUMAN),
        },
        source=skm.data.skm.sumber,
        sources=berkas,
    )
    notice.add(unsur=tabel.skm_unsur(lp, skm, pengumuman=True))
    notice.context["alamat"] = public_address(url, page.path) if url else None
    if notice.context["alamat"]:
        svg, notice.context["qr_size"] = qr_svg(notice.context["alamat"])
        # next to the notice as published (skm/pengumuman/), not its source file (skm/pengumuman.md)
        notice.files[posixpath.relpath(f"{notice.folder}/kode-qr.svg", posixpath.dirname(notice.path))] = svg
    return [page, notice]

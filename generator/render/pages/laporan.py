"""The Laporan Kinerja page of a kecamatan-year and its Catatan kualitas data page."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from generator.compute.laporan import IndikatorResult, LaporanKinerja, walk_program
from generator.compute.portal import IkuComparison
from generator.compute.register import YearRegister
from generator.numbers import format_percent, format_value
from generator.render import charts
from generator.render import tables as tabel
from generator.render.dataset import Table
from generator.render.page import Page
from generator.render.paths import audit_path, laporan_folder, laporan_path, perbandingan_path


def _capaian_chart(lp: LaporanKinerja) -> charts.Chart | None:
    """Capaian of every IKU; an indicator of a tujuan names it (it may measure the kabupaten,
    like the kabupaten's IKM, rather than the kecamatan)."""
    tujuan = {h.indikator.id: t.tujuan.nama for t in lp.tujuan for h in t.indikator}
    bars = [
        charts.Bar(
            f"{h.indikator.nama} (tujuan: {tujuan[h.indikator.id]})" if h.indikator.id in tujuan else h.indikator.nama,
            h.capaian.nilai,
            f"{format_percent(h.capaian.nilai)} · {h.predikat.label}",
            h.predikat.label,
            h.predikat.warna,
        )
        for h in lp.iku
        if h.capaian.nilai is not None and h.predikat is not None
    ]
    if not bars:
        return None
    title = f"Capaian IKU Kecamatan {lp.kecamatan.profil.nama} {lp.tahun}"
    description = "; ".join(f"{b.label}: {b.text}" for b in bars) + ". Garis putus-putus: 100 %."
    return charts.bar_chart(bars, title, description, (charts.ReferenceLine(100, "100 %"),))


def table_notes(hasil: Iterable[IndikatorResult]) -> list[tuple[str, str]]:
    """Notes under a table: how a derived annual value was made, and content remarks."""
    notes = []
    for h in hasil:
        rasio = f" ({format_value(h.pembilang)} / {format_value(h.penyebut)})" if h.pembilang is not None else ""
        parts = [
            f"realisasi tahunan = {h.realisasi_sumber}{rasio}." if h.realisasi_sumber not in ("", "tahunan") else "",
            h.keterangan or "",
            h.indikator.keterangan or "",
        ]
        text = " ".join(p for p in parts if p)
        if text:
            notes.append((h.indikator.nama, text))
    return notes


def laporan_page(lp: LaporanKinerja, skala: Table, register: YearRegister) -> Page:
    nama = lp.kecamatan.profil.nama
    page = Page(
        laporan_path(lp),
        "laporan_kinerja.md.j2",
        f"Laporan Kinerja {nama} {lp.tahun}",
        f"Capaian Indikator Kinerja Utama Kecamatan {nama}, Kabupaten {lp.kabupaten.profil.nama}, "
        f"tahun {lp.tahun}: target, realisasi per triwulan, capaian dan predikat.",
        {"lp": lp},
        source=lp.data.kinerja.sumber,
        sources=(lp.kabupaten.file, lp.kecamatan.file, *lp.data.files),
    )
    page.context["grafik"] = page.chart("capaian-iku.svg", _capaian_chart(lp))
    page.context["catatan"] = table_notes(lp.iku)
    page.context["catatan_program"] = table_notes([h for n in walk_program(lp) for h in n.indikator])
    page.context["program_rata_rata"] = [n for n in walk_program(lp) if n.rata_rata_realisasi is not None]
    page.add(iku=tabel.capaian_iku(lp), sasaran=tabel.capaian_sasaran(lp), skala=skala)
    page.context["perbandingan"] = [_perbandingan(page, lp, p) for p in lp.perbandingan if p.ada]
    page.context["riwayat_lain"] = [(x, f"riwayat_{x.id}") for x in lp.riwayat_lain]
    page.add(**{key: tabel.riwayat_tabel(lp, x.id, x.nama, "", x.riwayat) for x, key in page.context["riwayat_lain"]})
    if lp.program:
        page.add(program=tabel.indikator_program(lp))
    if lp.indeks:
        page.add(**{f"indeks_{x.indeks.id}": tabel.indeks_tabel(lp, x) for x in lp.indeks})
    page.context["narasi"] = _narasi(lp)
    page.add(angka=tabel.angka_tabel(register))
    return page


def audit_page(lp: LaporanKinerja) -> Page:
    nama = lp.kecamatan.profil.nama
    page = Page(
        audit_path(lp),
        "catatan_kualitas.md.j2",
        f"Catatan kualitas data {nama} {lp.tahun}",
        f"Di mana angka yang tercetak di laporan Kecamatan {nama} {lp.tahun} berbeda dari hasil hitung portal, "
        "dan seberapa besar.",
        {"lp": lp},
        source=lp.data.kinerja.sumber,
        sources=(lp.kabupaten.file, lp.kecamatan.file, *lp.data.files),
    )
    page.add(
        audit=tabel.catatan_kualitas(
            f"{laporan_folder(lp)}/catatan-kualitas-data/catatan", lp.audit, lp.data.kinerja.sumber
        )
    )
    return page


def _narasi(lp: LaporanKinerja) -> dict[str, Any] | None:
    """The report's texts as sanitised HTML, sasaran names attached."""
    n = lp.data.narasi
    if n is None:
        return None
    names = {s.sasaran.id: s.sasaran.nama for t in lp.tujuan for s in t.sasaran}
    return {"n": n, "sasaran": [(names[x.sasaran], x) for x in n.sasaran]}


def _riwayat_chart(lp: LaporanKinerja, p: IkuComparison) -> charts.Chart | None:
    ind = p.hasil.indikator
    numeric = [r for r in p.riwayat if isinstance(r.realisasi, (int, float)) or isinstance(r.target, (int, float))]
    if len(numeric) < 2:
        return None
    series = [
        charts.Series(
            name, tuple((r.tahun, getattr(r, key)) for r in numeric if isinstance(getattr(r, key), (int, float)))
        )
        for name, key in (("Target", "target"), ("Realisasi", "realisasi"))
    ]
    lines: tuple[charts.ReferenceLine, ...] = ()
    if p.renstra and isinstance(p.renstra.target_akhir, (int, float)):
        lines = (
            charts.ReferenceLine(
                p.renstra.target_akhir,
                f"Target akhir Renstra {p.renstra.tahun_akhir}: {format_value(p.renstra.target_akhir)}",
            ),
        )
    title = f"{ind.nama}, Kecamatan {lp.kecamatan.profil.nama}, {numeric[0].tahun}–{numeric[-1].tahun}"
    description = "; ".join(
        f"{r.tahun}: target {format_value(r.target, '—')}, realisasi {format_value(r.realisasi, '—')}" for r in numeric
    ) + (f". Garis putus-putus: {lines[0].label}." if lines else ".")
    return charts.line_chart([s for s in series if s.points], title, description, ind.satuan, lines)


def _perbandingan(page: Page, lp: LaporanKinerja, p: IkuComparison) -> dict[str, Any]:
    """What the Laporan Kinerja page shows of one IKU over time and side by side."""
    ind = p.hasil.indikator
    keys = {}
    if len(p.riwayat) > 1:
        keys["riwayat"] = f"riwayat_{ind.id}"
        page.add(**{keys["riwayat"]: tabel.riwayat_tabel(lp, ind.id, ind.nama, ind.satuan, p.riwayat)})
    if p.pembanding:
        keys["pembanding"] = f"pembanding_{ind.id}"
        page.add(**{keys["pembanding"]: tabel.pembanding_tabel(lp, p)})
    grafik = page.chart(f"riwayat-{ind.id.lower()}.svg", _riwayat_chart(lp, p))
    overviews = perbandingan_path(lp.kabupaten.slug, lp.tahun) if p.peringkat else None
    sepanjang = p.perubahan_sepanjang if len(p.perubahan) > 1 else None  # more than one step
    return {"p": p, "grafik": grafik, "ikhtisar": overviews, "sepanjang": sepanjang, **keys}

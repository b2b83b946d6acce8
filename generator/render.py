"""Stage 4, render: computed reports -> Markdown pages, SVG charts and the navigation.

Templates (in `site_templates/`) only format: every figure they print was computed in
`generator.compute`. All text from content files is escaped for Markdown and HTML.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
import shutil
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Iterable

import markdown
import nh3
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from . import charts, tabel
from .compute.individu import HasilIndividu
from .compute.laporan import HasilIndikator, HasilPortal, Ikhtisar, LaporanKinerja, PerbandinganIku, walk_program
from .compute.metodologi import metodologi
from .compute.skm import MUTU, HasilSkm
from .compute.wilayah import Wilayah, wilayah
from .dataset import Kolom, Sel, Tabel, datapackage, to_csv, to_json
from .numbers import format_number, format_percent, format_rupiah_ringkas, format_value
from .tabel import (PERIODE_LABEL, anggaran_path, audit_path, ikhtisar_path, individu_path, kabupaten_path,
                    kecamatan_path, laporan_path, pengumuman_path, skm_path)
from .validate import KecamatanData

TEMPLATES = Path(__file__).resolve().parent.parent / "site_templates"
#: Characters Python-Markdown (with the tables extension) lets a backslash escape.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")
WIB = timezone(timedelta(hours=7))
#: The printed SKM notice keeps to one A4 page: at most this many follow-up actions on it.
TINDAK_LANJUT_PENGUMUMAN = 4
BULAN = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
         "November", "Desember")
LISENSI = {
    "CC-BY-4.0": ("Creative Commons Atribusi 4.0 Internasional", "https://creativecommons.org/licenses/by/4.0/"),
    "CC0-1.0": ("Creative Commons Zero 1.0 (domain publik)", "https://creativecommons.org/publicdomain/zero/1.0/"),
    "ODbL-1.0": ("Open Database License 1.0", "https://opendatacommons.org/licenses/odbl/1-0/"),
}


# ---------------------------------------------------------------- filters (format only)


def md(text: object) -> Markup:
    """Content text made inert in Markdown and HTML (no markup, no links, no raw HTML)."""
    escaped = html.escape(str(text), quote=True)
    return Markup(_MARKDOWN_SPECIAL.sub(r"\\\1", escaped).replace("\n", " "))


#: What a narrative text from content may contain once rendered: text structure only, no
#: links, images, scripts, styles or attributes.
TEKS_AMAN = {"p", "br", "ul", "ol", "li", "strong", "em", "b", "i", "blockquote"}


def markdown_aman(text: str | None) -> Markup:
    """Content Markdown rendered and sanitised (nh3) into HTML that cannot carry markup of its own."""
    if not text:
        return Markup("")
    rendered = markdown.markdown(text, output_format="html")
    return Markup(nh3.clean(rendered, tags=TEKS_AMAN, attributes={}, link_rel=None))


def tanggal(epoch: int) -> str:
    """`1735689600` -> `1 Januari 2025`, in Western Indonesian Time (WIB)."""
    d = datetime.fromtimestamp(epoch, tz=WIB)
    return f"{d.day} {BULAN[d.month - 1]} {d.year}"


def tanggal_iso(epoch: int) -> str:
    return datetime.fromtimestamp(epoch, tz=WIB).date().isoformat()


def yaml_text(text: object) -> Markup:
    """A YAML scalar for front matter (JSON strings are valid YAML)."""
    return Markup(json.dumps(str(text), ensure_ascii=False))


def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters.update(md=md, nilai=format_value, persen=format_percent, angka=format_number, yaml_text=yaml_text,
                       tanggal=tanggal, tanggal_iso=tanggal_iso, rupiah=format_rupiah_ringkas,
                       markdown_aman=markdown_aman)
    env.tests["sel"] = lambda value: isinstance(value, Sel)
    env.globals["NUMERIC"] = ("angka", "persen", "bilangan", "indeks", "rupiah")
    env.globals.update(laporan_path=laporan_path, kecamatan_path=kecamatan_path, kabupaten_path=kabupaten_path,
                       skm_path=skm_path, pengumuman_path=pengumuman_path, anggaran_path=anggaran_path,
                       individu_path=individu_path, ikhtisar_path=ikhtisar_path, audit_path=audit_path)
    return env


# ---------------------------------------------------------------- pages


@dataclass
class Page:
    path: str
    template: str
    title: str
    description: str
    context: dict[str, Any] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)
    tabel: dict[str, Tabel] = field(default_factory=dict)
    sumber: str = ""                                   # where the data comes from, in words
    berkas: tuple[Path, ...] = ()                      # the content files the page is made from

    def link(self, target: str) -> str:
        """Relative Markdown link from this page to another page's source path (MkDocs checks it)."""
        return posixpath.relpath(target, posixpath.dirname(self.path) or ".")

    def href(self, target: str) -> str:
        """Relative URL, for links inside HTML, from this page to another page's source path as
        MkDocs publishes it with `use_directory_urls` (`a/index.md` -> `a/`); `#x` stays."""
        if target.startswith("#"):
            return target
        return posixpath.relpath(_url(target), _url(self.path)) + "/"

    @property
    def folder(self) -> str:
        """The folder the page is published as (`.` for the home page)."""
        return _url(self.path)

    def add(self, **tables: Tabel) -> None:
        self.tabel.update(tables)

    def grafik(self, name: str, chart: charts.Grafik | None) -> dict[str, Any] | None:
        """Publish a chart next to the page; what the template needs to show it."""
        if chart is None:
            return None
        self.files[name] = chart.svg
        return {"src": name, "lebar": chart.lebar, "tinggi": chart.tinggi, "alt": chart.deskripsi}


def _url(source: str) -> str:
    """The folder a page is published as: `a/b/index.md` -> `a/b`, `metodologi.md` -> `metodologi`."""
    stem = source.removesuffix(".md")
    folder = posixpath.dirname(stem) if posixpath.basename(stem) == "index" else stem
    return folder or "."


def _capaian_chart(lp: LaporanKinerja) -> charts.Grafik | None:
    bars = [
        charts.Batang(h.indikator.nama, h.capaian.nilai, f"{format_percent(h.capaian.nilai)} · {h.predikat.label}",
                      h.predikat.label, h.predikat.warna)
        for h in lp.iku if h.capaian.nilai is not None and h.predikat is not None
    ]
    if not bars:
        return None
    title = f"Capaian IKU Kecamatan {lp.kecamatan.profil.nama} {lp.tahun}"
    description = "; ".join(f"{b.label}: {b.teks}" for b in bars) + ". Garis putus-putus: 100 %."
    return charts.bar_chart(bars, title, description, (charts.Garis(100, "100 %"),))


def catatan(hasil: Iterable[HasilIndikator]) -> list[tuple[str, str]]:
    """Notes under a table: how a derived annual value was made, and content remarks."""
    notes = []
    for h in hasil:
        parts = [f"realisasi tahunan = {h.realisasi_sumber}." if h.realisasi_sumber not in ("", "tahunan") else "",
                 h.keterangan or "", h.indikator.keterangan or ""]
        text = " ".join(p for p in parts if p)
        if text:
            notes.append((h.indikator.nama, text))
    return notes


def _laporan_page(lp: LaporanKinerja, skala: Tabel) -> Page:
    nama = lp.kecamatan.profil.nama
    page = Page(laporan_path(lp), "laporan_kinerja.md.j2", f"Laporan Kinerja {nama} {lp.tahun}",
                f"Capaian Indikator Kinerja Utama Kecamatan {nama}, Kabupaten {lp.kabupaten.profil.nama}, "
                f"tahun {lp.tahun}: target, realisasi per triwulan, capaian dan predikat.", {"lp": lp},
                sumber=lp.data.kinerja.sumber, berkas=(lp.kabupaten.file, lp.kecamatan.file, *lp.data.files))
    page.context["grafik"] = page.grafik("capaian-iku.svg", _capaian_chart(lp))
    page.context["catatan"] = catatan(lp.iku)
    page.context["catatan_program"] = catatan([h for n in walk_program(lp) for h in n.indikator])
    page.add(iku=tabel.capaian_iku(lp), sasaran=tabel.capaian_sasaran(lp), skala=skala)
    page.context["perbandingan"] = [_perbandingan(page, lp, p) for p in lp.perbandingan if p.ada]
    if lp.program:
        page.add(program=tabel.indikator_program(lp))
    if lp.indeks:
        page.add(**{f"indeks_{x.indeks.id}": tabel.indeks_tabel(lp, x) for x in lp.indeks})
    page.context["narasi"] = _narasi(lp)
    return page


def _audit_page(lp: LaporanKinerja) -> Page:
    nama = lp.kecamatan.profil.nama
    page = Page(audit_path(lp), "catatan_kualitas.md.j2", f"Catatan kualitas data {nama} {lp.tahun}",
                f"Di mana angka yang tercetak di laporan Kecamatan {nama} {lp.tahun} berbeda dari hasil hitung portal, "
                "dan seberapa besar.", {"lp": lp}, sumber=lp.data.kinerja.sumber,
                berkas=(lp.kabupaten.file, lp.kecamatan.file, *lp.data.files))
    page.add(audit=tabel.catatan_kualitas(lp))
    return page


def _narasi(lp: LaporanKinerja) -> dict[str, Any] | None:
    """The report's texts as sanitised HTML, sasaran names attached."""
    n = lp.data.narasi
    if n is None:
        return None
    names = {s.sasaran.id: s.sasaran.nama for t in lp.tujuan for s in t.sasaran}
    return {"n": n, "sasaran": [(names[x.sasaran], x) for x in n.sasaran]}


def _unsur_chart(lp: LaporanKinerja, skm: HasilSkm) -> charts.Grafik | None:
    if not skm.unsur:
        return None
    bars = [charts.Batang(f"{u.kode} {u.nama}", u.nilai, f"{format_number(u.nilai, 2)} · {u.mutu.huruf}",
                          f"{u.mutu.huruf} {u.mutu.label}", u.mutu.warna) for u in skm.unsur]
    title = f"Nilai unsur pelayanan Kecamatan {lp.kecamatan.profil.nama} {lp.tahun}"
    description = "; ".join(f"{b.label}: {b.teks}" for b in bars) + (
        ". Garis putus-putus: batas bawah mutu C (65,00), B (76,61) dan A (88,31).")
    garis = tuple(charts.Garis(q.bawah, q.huruf) for q in MUTU[:-1])
    return charts.bar_chart(bars, title, description, garis, awal=25,
                            urutan=tuple(f"{q.huruf} {q.label}" for q in MUTU))


def _kuadran_chart(lp: LaporanKinerja, skm: HasilSkm) -> charts.Grafik | None:
    unsur = [u for u in skm.unsur if u.harapan is not None]
    if not unsur or len(unsur) != len(skm.unsur):
        return None
    x_split = sum(u.nrr for u in unsur) / len(unsur)
    y_split = sum(u.harapan for u in unsur) / len(unsur)
    title = f"Harapan dan kinerja setiap unsur, Kecamatan {lp.kecamatan.profil.nama} {lp.tahun}"
    description = "; ".join(f"{u.kode}: kinerja {format_number(u.nrr, 2)}, harapan {format_number(u.harapan, 2)}, "
                            f"kuadran {u.kuadran}" for u in unsur) + (
        f". Garis putus-putus: rata-rata kinerja {format_number(x_split, 2)} dan harapan {format_number(y_split, 2)}.")
    return charts.scatter_chart([charts.Titik(u.kode, u.nrr, u.harapan) for u in unsur], title, description,
                                "Kinerja (NRR)", "Harapan (NRR)", x_split, y_split,
                                {"kiri-atas": "I · Prioritas utama", "kanan-atas": "II · Pertahankan",
                                 "kiri-bawah": "III · Prioritas rendah", "kanan-bawah": "IV · Berlebihan"})


def _skm_pages(lp: LaporanKinerja, skm: HasilSkm) -> list[Page]:
    nama = lp.kecamatan.profil.nama
    common = {"lp": lp, "skm": skm}
    berkas = (lp.kabupaten.file, lp.kecamatan.file, *lp.data.files)
    page = Page(skm_path(lp), "skm.md.j2", f"Hasil SKM {nama} {lp.tahun}",
                f"Hasil Survei Kepuasan Masyarakat Kecamatan {nama} {lp.tahun}: IKM {format_number(skm.ikm, 2)}, "
                f"mutu {skm.mutu.huruf} ({skm.mutu.label}), per periode, per layanan dan per unsur.", dict(common),
                sumber=skm.data.skm.sumber, berkas=berkas)
    page.context["grafik_unsur"] = page.grafik("nilai-unsur.svg", _unsur_chart(lp, skm))
    page.context["grafik_kuadran"] = page.grafik("kuadran.svg", _kuadran_chart(lp, skm))
    page.add(periode=tabel.skm_periode(lp, skm), unsur=tabel.skm_unsur(lp, skm))
    if any(p.layanan for p in skm.periode):
        page.add(layanan=tabel.skm_layanan(lp, skm))
    if skm.profil:
        page.add(profil=tabel.skm_profil(lp, skm))
    if skm.data.skm.tindak_lanjut:
        page.add(tindak_lanjut=tabel.skm_tindak_lanjut(lp, skm))
    notice = Page(pengumuman_path(lp), "pengumuman_skm.md.j2", f"Pengumuman Hasil SKM {nama} {lp.tahun}",
                  f"Pengumuman hasil Survei Kepuasan Masyarakat Kecamatan {nama} {lp.tahun}, siap cetak A4.",
                  {**common, "skala_mutu": MUTU, "tindak_lanjut": skm.data.skm.tindak_lanjut[:TINDAK_LANJUT_PENGUMUMAN],
                   "tindak_lanjut_lain": max(0, len(skm.data.skm.tindak_lanjut) - TINDAK_LANJUT_PENGUMUMAN)},
                  sumber=skm.data.skm.sumber, berkas=berkas)
    notice.add(unsur=tabel.skm_unsur(lp, skm, pengumuman=True))
    return [page, notice]


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


def _riwayat_chart(lp: LaporanKinerja, p: PerbandinganIku) -> charts.Grafik | None:
    ind = p.hasil.indikator
    numeric = [r for r in p.riwayat if isinstance(r.realisasi, (int, float)) or isinstance(r.target, (int, float))]
    if len(numeric) < 2:
        return None
    seri = [charts.Seri(name, tuple((r.tahun, getattr(r, key)) for r in numeric
                                    if isinstance(getattr(r, key), (int, float))))
            for name, key in (("Target", "target"), ("Realisasi", "realisasi"))]
    garis = ()
    if p.renstra and isinstance(p.renstra.target_akhir, (int, float)):
        garis = (charts.Garis(p.renstra.target_akhir, f"Target akhir Renstra {p.renstra.tahun_akhir}: "
                                                      f"{format_value(p.renstra.target_akhir)}"),)
    title = f"{ind.nama}, Kecamatan {lp.kecamatan.profil.nama}, {numeric[0].tahun}–{numeric[-1].tahun}"
    description = "; ".join(f"{r.tahun}: target {format_value(r.target, '—')}, realisasi "
                            f"{format_value(r.realisasi, '—')}" for r in numeric) + (
        f". Garis putus-putus: {garis[0].label}." if garis else ".")
    return charts.line_chart([s for s in seri if s.titik], title, description, ind.satuan, garis)


def _perbandingan(page: Page, lp: LaporanKinerja, p: PerbandinganIku) -> dict[str, Any]:
    """What the Laporan Kinerja page shows of one IKU over time and side by side."""
    ind = p.hasil.indikator
    keys = {}
    if len(p.riwayat) > 1:
        keys["riwayat"] = f"riwayat_{ind.id}"
        page.add(**{keys["riwayat"]: tabel.riwayat_tabel(lp, p)})
    if p.pembanding:
        keys["pembanding"] = f"pembanding_{ind.id}"
        page.add(**{keys["pembanding"]: tabel.pembanding_tabel(lp, p)})
    grafik = page.grafik(f"riwayat-{ind.id.lower()}.svg", _riwayat_chart(lp, p))
    ikhtisar = tabel.perbandingan_path(lp.kabupaten.slug, lp.tahun) if p.peringkat else None
    return {"p": p, "grafik": grafik, "ikhtisar": ikhtisar, **keys}


def _ikhtisar_chart(x: Ikhtisar) -> charts.Grafik | None:
    if x.utama is None:
        return None
    shared = x.utama
    rows = [(r, r.bersama[shared.kode]) for r in x.baris if r.bersama.get(shared.kode)]
    bars = [charts.Batang(r.kecamatan, place.nilai, f"{format_value(place.nilai)} · #{place.peringkat}",
                          "Kecamatan di portal" if r.slug else "Kecamatan lain", charts.PALETTE[0 if r.slug else 4])
            for r, place in rows]
    title = f"{shared.nama} setiap kecamatan, Kabupaten {x.kabupaten.profil.nama} {x.tahun}"
    description = "; ".join(f"{b.label}: {b.teks}" for b in bars) + "."
    return charts.bar_chart(bars, title, description)


def _ikhtisar_page(x: Ikhtisar) -> Page:
    kab = x.kabupaten.profil.nama
    page = Page(ikhtisar_path(x), "perbandingan_kecamatan.md.j2", f"Perbandingan kecamatan {kab} {x.tahun}",
                f"Semua kecamatan di Kabupaten {kab} berdampingan pada tahun {x.tahun}: indikator bersama dengan "
                "peringkat, rata-rata capaian IKU, IKM dan serapan anggaran.", {"x": x},
                sumber=f"nilai kecamatan Kabupaten {kab} dan laporan kinerja kecamatan di portal",
                berkas=(x.kabupaten.file, *(f for r in x.baris if r.laporan for f in r.laporan.data.files)))
    page.context["grafik"] = page.grafik("perbandingan.svg", _ikhtisar_chart(x))
    page.add(kecamatan=tabel.ikhtisar_tabel(x))
    return page


def _penduduk_chart(kec: KecamatanData, w: Wilayah) -> charts.Grafik | None:
    rows = [d for d in w.desa if d.penduduk is not None]
    if not rows:
        return None
    bars = [charts.Batang(d.desa.nama, d.penduduk, format_number(d.penduduk, 0), "Penduduk", charts.PALETTE[0])
            for d in rows]
    title = f"Penduduk per desa/kelurahan, Kecamatan {kec.profil.nama}"
    return charts.bar_chart(bars, title, "; ".join(f"{b.label}: {b.teks} jiwa" for b in bars) + ".")


def _sumber_daya(page: Page, laporan: list[LaporanKinerja]) -> None:
    """Staff and assets of the newest year that has them, on the kecamatan page."""
    lp = next((x for x in laporan if x.sdm or x.aset), None)
    page.context["sumber_daya"] = lp
    if lp is None:
        return
    if lp.sdm:
        page.add(sdm=tabel.sdm_tabel(lp))
        status = next((r for r in lp.sdm.rincian if r.dimensi == "status"), None)
        if status and status.total:
            bars = [charts.Batang(k, v, f"{v} ({format_percent(p)})", "Pegawai", charts.PALETTE[2])
                    for k, v, p in status.baris]
            page.context["grafik_sdm"] = page.grafik("sdm-status.svg", charts.bar_chart(
                bars, f"Pegawai menurut status, {lp.tahun}", "; ".join(f"{b.label}: {b.teks}" for b in bars) + "."))
    if lp.aset:
        a = lp.aset
        page.add(aset=tabel.aset_tabel(lp))
        if a.nilai:
            page.add(nilai_aset=tabel.nilai_aset_tabel(lp))
        if not a.jumlah:
            return
        labels = {"baik": "Baik", "rusak_ringan": "Rusak ringan", "rusak_berat": "Rusak berat"}
        bars = [charts.Batang(label, a.persen(k) or 0, f"{format_percent(a.persen(k))} ({getattr(a, k)} barang)",
                              label, colour) for (k, label), colour in zip(labels.items(), ("#009E73", "#E69F00",
                                                                                              "#D55E00"))]
        page.context["grafik_aset"] = page.grafik("aset-kondisi.svg", charts.bar_chart(
            bars, f"Kondisi sarana dan prasarana, {lp.tahun}", "; ".join(f"{b.label}: {b.teks}" for b in bars) + "."))


def _peringkat(lp: LaporanKinerja) -> tuple[int, float, str]:
    """Newest year first, then highest mean capaian, reports without one last."""
    rata = lp.ringkasan.rata_rata
    return (-lp.tahun, float("inf") if rata is None else -rata, lp.kecamatan.profil.nama)


def _metodologi_page(hasil: HasilPortal, skala: dict[str, Tabel], datasets: Iterable[Tabel]) -> Page:
    m = metodologi(hasil.content)
    page = Page("metodologi.md", "metodologi.md.j2", "Metodologi",
                "Rumus capaian, agregasi periode, predikat dan skala penilaian yang dipakai portal.", {"m": m},
                sumber="ketentuan PermenPANRB 53/2014 dan skala predikat setiap kabupaten",
                berkas=tuple(k.file for k in hasil.content.kabupaten))
    page.add(kolom=_kolom_terhitung(datasets, {r.kode: r.nama for r in m.rumus}), **skala)
    return page


def _kolom_terhitung(datasets: Iterable[Tabel], rumus: dict[str, str]) -> Tabel:
    """Every computed column of the published datasets, linked to its formula."""
    t = Tabel("kolom-terhitung", "Kolom data yang dihitung portal dan rumusnya",
              "Setiap kolom hasil hitung dalam data terbuka, dengan rumus yang menghasilkannya.",
              (Kolom("kolom", "Kolom data"), Kolom("judul", "Judul kolom"), Kolom("keterangan", "Keterangan"),
               Kolom("rumus", "Rumus")))
    seen: dict[str, Kolom] = {}
    for d in datasets:
        for k in d.kolom:
            if k.rumus and k.kunci not in seen:
                seen[k.kunci] = k
    for k in sorted(seen.values(), key=lambda k: k.kunci):
        kode = k.rumus.removeprefix("rumus-")
        t.tambah(k.kunci, k.judul, k.deskripsi, Sel(kode, rumus[kode], f"#{k.rumus}"))
    return t


def pages(hasil: HasilPortal) -> list[Page]:
    """Every page of the portal with its template context and tables."""
    content = hasil.content
    semua_berkas = tuple(sorted(content.diubah))
    home = Page("index.md", "beranda.md.j2", content.portal.judul, content.portal.deskripsi,
                {"portal_kabupaten": content.kabupaten}, sumber="laporan kinerja setiap kecamatan di portal ini",
                berkas=semua_berkas)
    home.add(terbaru=tabel.capaian_terbaru(hasil.terbaru(), "capaian-terbaru"))
    result = [home]
    skala = {}
    for kab in content.kabupaten:
        skala[kab.slug] = tabel.skala_predikat(kab)
        laporan_kab = sorted(hasil.untuk(kab.slug), key=_peringkat)
        page = Page(kabupaten_path(kab.slug), "kabupaten.md.j2", f"Kabupaten {kab.profil.nama}",
                    f"Capaian kinerja kecamatan di Kabupaten {kab.profil.nama}.", {"kab": kab},
                    sumber=f"laporan kinerja kecamatan di Kabupaten {kab.profil.nama}",
                    berkas=(kab.file, *(f for lp in laporan_kab for f in lp.data.files)))
        page.add(capaian=tabel.capaian_kecamatan(kab, laporan_kab), skala=skala[kab.slug])
        page.context["ikhtisar"] = [x for x in hasil.ikhtisar if x.kabupaten.slug == kab.slug]
        result.append(page)
        result.extend(_ikhtisar_page(x) for x in page.context["ikhtisar"])
        for kec in kab.kecamatan:
            w = wilayah(kec.profil)
            laporan_kec = hasil.untuk(kab.slug, kec.slug)[::-1]
            page = Page(kecamatan_path(kab.slug, kec.slug), "kecamatan.md.j2", f"Kecamatan {kec.profil.nama}",
                        f"Profil dan laporan kinerja Kecamatan {kec.profil.nama}, Kabupaten {kab.profil.nama}.",
                        {"kab": kab, "kec": kec, "wilayah": w, "grafik_penduduk": None, "grafik_sdm": None,
                         "grafik_aset": None},
                        sumber=kec.profil.sumber or f"profil Kecamatan {kec.profil.nama}",
                        berkas=(kec.file, *(f for lp in laporan_kec for f in lp.data.files)))
            if kec.profil.desa:
                page.add(desa=tabel.desa(kab, kec, w))
                page.context["grafik_penduduk"] = page.grafik("penduduk.svg", _penduduk_chart(kec, w))
            page.add(laporan=tabel.laporan_kecamatan(kab, kec, laporan_kec))
            _sumber_daya(page, laporan_kec)
            result.append(page)
    for lp in hasil.laporan:
        result.append(_laporan_page(lp, skala[lp.kabupaten.slug]))
        if lp.skm:
            result.extend(_skm_pages(lp, lp.skm))
        if lp.anggaran:
            result.append(_anggaran_page(lp))
        if lp.audit:
            result.append(_audit_page(lp))
    result.extend(_individu_page(r) for r in hasil.individu)
    datasets = unique_datasets(result)
    result.append(_metodologi_page(hasil, {f"skala_{k}": t for k, t in skala.items()}, datasets))
    result.append(Page("data-terbuka.md", "data_terbuka.md.j2", "Data terbuka",
                       "Semua tabel portal sebagai CSV dan JSON, dengan deskriptor Frictionless Data Package.",
                       {"halaman": [p for p in result if p.tabel], "lisensi": LISENSI[content.portal.lisensi_data]},
                       sumber="semua halaman portal", berkas=semua_berkas))
    return result


def unique_datasets(site_pages: Iterable[Page]) -> list[Tabel]:
    """Every table shown on some page, once (a scale appears on several pages)."""
    seen: dict[str, Tabel] = {}
    for page in site_pages:
        for t in page.tabel.values():
            seen.setdefault(t.path, t)
    return list(seen.values())


def navigation(hasil: HasilPortal) -> list[Any]:
    """MkDocs `nav`: Beranda, one section per kabupaten and kecamatan, Metodologi, Data terbuka."""
    nav: list[Any] = [{"Beranda": "index.md"}]
    for kab in hasil.content.kabupaten:
        section: list[Any] = [{"Ringkasan kabupaten": kabupaten_path(kab.slug)}]
        section += [{f"Perbandingan kecamatan {x.tahun}": ikhtisar_path(x)} for x in hasil.ikhtisar
                    if x.kabupaten.slug == kab.slug]
        for kec in kab.kecamatan:
            years = []
            for lp in hasil.untuk(kab.slug, kec.slug):
                years.append({f"Laporan Kinerja {lp.tahun}": laporan_path(lp)})
                if lp.skm:
                    years.append({f"Hasil SKM {lp.tahun}": skm_path(lp)})
                if lp.anggaran:
                    years.append({f"Anggaran {lp.tahun}": anggaran_path(lp)})
            years += [{f"Kinerja Individu {PERIODE_LABEL[f'tw{r.triwulan}']} {r.tahun}": individu_path(r)}
                      for r in hasil.individu_untuk(kab.slug, kec.slug)]
            section.append({f"Kec. {kec.profil.nama}": [{"Profil kecamatan": kecamatan_path(kab.slug, kec.slug)}, *years]})
        nav.append({f"Kab. {kab.profil.nama}": section})
    nav.extend([{"Metodologi": "metodologi.md"}, {"Data terbuka": "data-terbuka.md"}])
    return nav


def render_site(hasil: HasilPortal, docs: Path) -> list[Page]:
    """Write every page, chart, dataset and asset under `docs` (emptied first)."""
    if docs.exists():
        shutil.rmtree(docs)
    docs.mkdir(parents=True)
    shutil.copytree(TEMPLATES / "assets", docs / "assets")
    env = environment()
    content = hasil.content
    site_pages = pages(hasil)
    for page in site_pages:
        target = docs / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        common = {"page": page, "portal": content.portal, "tabel": page.tabel}
        text = env.get_template(page.template).render(**common, **page.context)
        text += env.get_template("_kaki.md.j2").render(
            **common, diubah=content.tanggal(page.berkas),
            berkas=[f.relative_to(content.root).as_posix() for f in page.berkas])
        target.write_text(text, encoding="utf-8")
        for name, data in page.files.items():
            (target.parent / name).write_text(data, encoding="utf-8")
    datasets = unique_datasets(site_pages)
    for t in datasets:
        base = docs / t.path
        base.parent.mkdir(parents=True, exist_ok=True)
        base.with_suffix(".csv").write_text(to_csv(t), encoding="utf-8", newline="")
        base.with_suffix(".json").write_text(to_json(t), encoding="utf-8")
    licence = LISENSI[content.portal.lisensi_data]
    (docs / "datapackage.json").write_text(datapackage(
        datasets, "portal-kinerja", content.portal.judul, content.portal.deskripsi, "metodologi/",
        {"name": content.portal.lisensi_data, "title": licence[0], "path": licence[1]}), encoding="utf-8")
    return site_pages

"""Stage 4, render: computed reports -> Markdown pages, SVG charts and the navigation.

Templates (in `site_templates/`) only format: every figure they print was computed in
`generator.compute`. All text from content files is escaped for Markdown and HTML.
"""

from __future__ import annotations

import html
import json
import os
import posixpath
import re
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Iterable

import markdown
import nh3
from jinja2 import BytecodeCache, Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

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
from .validate import Content, KabupatenData, KecamatanData

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
    rendered = _MARKDOWN.reset().convert(text)
    return Markup(nh3.clean(rendered, tags=TEKS_AMAN, attributes={}, link_rel=None))


_MARKDOWN = markdown.Markdown(output_format="html")   # one parser, reset per text (building it costs more)


def tanggal(epoch: int) -> str:
    """`1735689600` -> `1 Januari 2025`, in Western Indonesian Time (WIB)."""
    d = datetime.fromtimestamp(epoch, tz=WIB)
    return f"{d.day} {BULAN[d.month - 1]} {d.year}"


def tanggal_iso(epoch: int) -> str:
    return datetime.fromtimestamp(epoch, tz=WIB).date().isoformat()


def yaml_text(text: object) -> Markup:
    """A YAML scalar for front matter (JSON strings are valid YAML)."""
    return Markup(json.dumps(str(text), ensure_ascii=False))


def predikat(r: Any) -> Markup:
    """A predikat (or mutu) as a badge in its colour; the label is always written."""
    if not r:
        return Markup('<span class="tanpa-data">—</span>')
    kode = f"{escape(r.kode)} · " if r.kode else ""
    return Markup(f'<span class="predikat" style="--warna: {escape(r.warna)}">{kode}{escape(r.label)}</span>')


#: How a table cell of each column kind is written.
_FORMAT_SEL = {"persen": format_percent, "angka": format_value, "indeks": format_number,
               "rupiah": lambda v: format_number(v, 0), "bilangan": lambda v: format_number(v, 0)}


def nilai_sel(v: Any, k: Kolom) -> Markup:
    """A table value as HTML, formatted for its column (— for no data)."""
    if v is None:
        return Markup('<span class="tanpa-data">—</span>')
    if k.jenis == "predikat":
        return predikat(v)
    return escape(_FORMAT_SEL.get(k.jenis, str)(v))


def isi_sel(v: Any, k: Kolom, page: "Page") -> Markup:
    """A table cell's content: its own text or its formatted value, linked when it has a target."""
    if not isinstance(v, Sel):
        return nilai_sel(v, k)
    teks = escape(v.teks) if v.teks is not None else nilai_sel(v.nilai, k)
    return Markup(f'<a href="{escape(page.href(v.tautan))}">{teks}</a>') if v.tautan else teks


NUMERIC = ("angka", "persen", "bilangan", "indeks", "rupiah")


def tabel_html(t: Tabel, page: "Page") -> Markup:
    """A data table as HTML: caption, header cells, the first shown column as row header (a
    grouping column's repeated value only for screen readers), a totals row, then the links to
    its CSV and JSON. The table scrolls inside its own box and stays out of the search index.
    Written here rather than in a template: a page has up to a thousand cells, and Jinja's
    per-cell cost was most of the render stage (bench/results/build-scale.md)."""
    cols = [(c, t.kolom[c], ' class="angka"' if t.kolom[c].jenis in NUMERIC else "") for c in t.tampil]
    judul, kelas = escape(t.judul), f' class="{escape(t.kelas)}"' if t.kelas else ""
    out = [f'<p class="tabel-judul" aria-hidden="true" data-search-exclude>{judul}</p>\n'
           f'<div class="tabel-gulir" role="region" aria-label="{judul}" tabindex="0" data-search-exclude>\n'
           f'<table{kelas}>\n<caption class="sr-only">{judul}</caption>\n'
           "<thead><tr>", *(f'<th scope="col"{angka}>{escape(k.judul)}</th>' for _, k, angka in cols),
           "</tr></thead>\n<tbody>\n"]
    for r, row in enumerate(t.baris):
        kelas = t.kelas_baris[r]
        out.append(f'<tr class="{escape(kelas)}">' if kelas else "<tr>")
        for n, (c, k, angka) in enumerate(cols):
            isi = isi_sel(row[c], k, page)
            if n:
                out.append(f"<td{angka}>{isi}</td>")
            elif k.kelompok and not t.awal_kelompok(r, c):
                out.append(f'<th scope="row"><span class="sr-only">{isi}</span></th>')
            else:
                out.append(f'<th scope="row">{isi}</th>')
        out.append("</tr>\n")
    out.append("</tbody>\n")
    if t.kaki:
        out.append("<tfoot><tr>")
        out += [f'<th scope="row">{escape(t.kaki[c])}</th>' if not n else f"<td{angka}>{nilai_sel(t.kaki[c], k)}</td>"
                for n, (c, k, angka) in enumerate(cols)]
        out.append("</tr></tfoot>\n")
    csv, json_ = (escape(link) for link in t.unduhan(page.folder))
    out.append(f'</table>\n</div>\n<p class="unduh">Unduh data tabel ini: <a href="{csv}" download>CSV</a> · '
               f'<a href="{json_}" download>JSON</a></p>')
    return Markup("".join(out))


def environment(cache: BytecodeCache | None = None) -> Environment:
    """Templates are read once per build (`auto_reload` off: they do not change during one)."""
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True, bytecode_cache=cache,
                      auto_reload=False)
    env.filters.update(md=md, nilai=format_value, persen=format_percent, angka=format_number, yaml_text=yaml_text,
                       tanggal=tanggal, tanggal_iso=tanggal_iso, rupiah=format_rupiah_ringkas,
                       markdown_aman=markdown_aman, predikat=predikat)
    env.globals["tabel_html"] = tabel_html
    env.globals.update(laporan_path=laporan_path, kecamatan_path=kecamatan_path, kabupaten_path=kabupaten_path,
                       skm_path=skm_path, pengumuman_path=pengumuman_path, anggaran_path=anggaran_path,
                       individu_path=individu_path, ikhtisar_path=ikhtisar_path, audit_path=audit_path)
    return env


# ---------------------------------------------------------------- pages


def shard(path: str) -> str:
    """Which MkDocs build a page belongs to: its kabupaten folder, or "" for the portal's own
    pages (home, Metodologi, Data terbuka). Each shard is built on its own and published in
    its folder, so links between shards are plain relative URLs."""
    head, sep, _ = path.partition("/")
    return head if sep else ""


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
    berkas: tuple[Path, ...] = ()                      # the content files (or folders) the page is made from
    diubah: int | None = None                          # newest change of `berkas`, when they are folders
    lintas: set[str] = field(default_factory=set)      # pages of other shards this page links to

    def link(self, target: str) -> str:
        """Relative Markdown link from this page to another page's source path: a `.md` path
        inside the shard (MkDocs checks it), a URL into another shard (checked by the build)."""
        if shard(target) != shard(self.path):
            return self.href(target)
        return posixpath.relpath(target, posixpath.dirname(self.path) or ".")

    def href(self, target: str) -> str:
        """Relative URL, for links inside HTML, from this page to another page's source path as
        MkDocs publishes it with `use_directory_urls` (`a/index.md` -> `a/`); `#x` stays."""
        if target.startswith("#"):
            return target
        if shard(target) != shard(self.path):
            self.lintas.add(target)
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


@dataclass(frozen=True)
class Kerangka:
    """The portal's outline: every kabupaten and its kecamatan, by slug and name. Every shard
    knows it (shared navigation, portal-wide search for names) without loading other shards."""

    kabupaten: tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...]


@dataclass
class Ringkasan:
    """What one kabupaten's build hands on to the portal's own pages and to the link check."""

    kabupaten: KabupatenData          # profile and scale (its kecamatan without reports)
    jumlah_kecamatan: int
    terbaru: Tabel                    # the latest report of each kecamatan, for the home page
    kolom: tuple[Kolom, ...]          # computed columns of its datasets, for Metodologi
    halaman: tuple[str, ...]          # source paths of its pages
    lintas: tuple[str, ...]           # pages of other shards it links to
    diubah: int                       # newest change of its content files


def _metodologi_page(content: Content, ringkasan: list[Ringkasan], skala: dict[str, Tabel], kolom: Tabel) -> Page:
    m = metodologi(content.portal, [r.kabupaten for r in ringkasan])
    page = Page("metodologi.md", "metodologi.md.j2", "Metodologi",
                "Rumus capaian, agregasi periode, predikat dan skala penilaian yang dipakai portal.", {"m": m},
                sumber="ketentuan PermenPANRB 53/2014 dan skala predikat setiap kabupaten",
                berkas=tuple(r.kabupaten.file for r in ringkasan))
    page.add(kolom=kolom, **skala)
    return page


def kolom_terhitung(kolom: Iterable[Kolom]) -> tuple[Kolom, ...]:
    """The computed columns among `kolom`, once each, by key."""
    seen: dict[str, Kolom] = {}
    for k in kolom:
        if k.rumus:
            seen.setdefault(k.kunci, k)
    return tuple(sorted(seen.values(), key=lambda k: k.kunci))


def _kolom_tabel(kolom: Iterable[Kolom], rumus: dict[str, str]) -> Tabel:
    t = Tabel("kolom-terhitung", "Kolom data yang dihitung portal dan rumusnya",
              "Setiap kolom hasil hitung dalam data terbuka, dengan rumus yang menghasilkannya.",
              (Kolom("kolom", "Kolom data"), Kolom("judul", "Judul kolom"), Kolom("keterangan", "Keterangan"),
               Kolom("rumus", "Rumus")))
    for k in kolom:
        kode = k.rumus.removeprefix("rumus-")
        t.tambah(k.kunci, k.judul, k.deskripsi, Sel(kode, rumus[kode], f"#{k.rumus}"))
    return t


def _data_terbuka_page(path: str, content: Content, site_pages: list[Page], kabupaten: list[Ringkasan],
                       berkas: tuple[Path, ...], diubah: int | None = None) -> Page:
    """The open-data index of a shard: its pages' tables, and (portal) every kabupaten's index."""
    return Page(path, "data_terbuka.md.j2", "Data terbuka",
                "Semua tabel portal sebagai CSV dan JSON, dengan deskriptor Frictionless Data Package.",
                {"halaman": [p for p in site_pages if p.tabel], "kabupaten": kabupaten,
                 "lisensi": LISENSI[content.portal.lisensi_data]},
                sumber="semua halaman portal", berkas=berkas, diubah=diubah)


def kabupaten_pages(hasil: HasilPortal, kab: KabupatenData) -> list[Page]:
    """Every page of one kabupaten's shard: its overview and comparisons, each kecamatan's
    profile, reports, SKM, budget, data-quality and individual pages, and its open-data index."""
    skala = tabel.skala_predikat(kab)
    laporan_kab = sorted(hasil.untuk(kab.slug), key=_peringkat)
    semua = hasil.content.tanggal({f for lp in laporan_kab for f in lp.data.files} | {kab.file})
    page = Page(kabupaten_path(kab.slug), "kabupaten.md.j2", f"Kabupaten {kab.profil.nama}",
                f"Capaian kinerja kecamatan di Kabupaten {kab.profil.nama}.", {"kab": kab},
                sumber=f"laporan kinerja kecamatan di Kabupaten {kab.profil.nama}",
                berkas=(kab.file.parent,), diubah=semua)
    page.add(capaian=tabel.capaian_kecamatan(kab, laporan_kab), skala=skala)
    page.context["ikhtisar"] = [x for x in hasil.ikhtisar if x.kabupaten.slug == kab.slug]
    result = [page, *(_ikhtisar_page(x) for x in page.context["ikhtisar"])]
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
    for lp in hasil.untuk(kab.slug):
        result.append(_laporan_page(lp, skala))
        if lp.skm:
            result.extend(_skm_pages(lp, lp.skm))
        if lp.anggaran:
            result.append(_anggaran_page(lp))
        if lp.audit:
            result.append(_audit_page(lp))
    result.extend(_individu_page(r) for r in hasil.individu if r.kabupaten.slug == kab.slug)
    result.append(_data_terbuka_page(f"{kab.slug}/data-terbuka.md", hasil.content, result, [],
                                     (kab.file.parent,), semua))
    return result


def ringkasan(hasil: HasilPortal, kab: KabupatenData, site_pages: list[Page]) -> Ringkasan:
    """What the portal's own pages need from a kabupaten whose pages are `site_pages`."""
    terbaru = [lp for lp in hasil.terbaru() if lp.kabupaten.slug == kab.slug]
    return Ringkasan(replace(kab, kecamatan=(), nilai_kecamatan=()), len(kab.kecamatan),
                     tabel.capaian_terbaru(terbaru, "capaian-terbaru"), kolom_terhitung(k for t in unique_datasets(site_pages) for k in t.kolom),
                     tuple(p.path for p in site_pages), tuple(sorted({t for p in site_pages for t in p.lintas})),
                     hasil.content.tanggal({f for p in site_pages for f in p.berkas}))


def portal_pages(content: Content, kabupaten: list[Ringkasan]) -> list[Page]:
    """The portal's own pages: home, Metodologi and the open-data index, from each kabupaten's
    summary (their pages are built in their own shards)."""
    folders = (content.root / "portal.yml", *(r.kabupaten.file.parent for r in kabupaten))
    diubah = max([content.tanggal([content.root / "portal.yml"]), *(r.diubah for r in kabupaten)])
    home = Page("index.md", "beranda.md.j2", content.portal.judul, content.portal.deskripsi,
                {"portal_kabupaten": kabupaten}, sumber="laporan kinerja setiap kecamatan di portal ini",
                berkas=folders, diubah=diubah)
    terbaru = tabel.capaian_terbaru([], "capaian-terbaru")
    for row in sorted((row for r in kabupaten for row in r.terbaru.baris), key=lambda row: (row[0].nilai, row[1])):
        terbaru.tambah(*row)
    home.add(terbaru=terbaru)
    skala = {f"skala_{r.kabupaten.slug}": tabel.skala_predikat(r.kabupaten) for r in kabupaten}
    kolom = kolom_terhitung([*terbaru.kolom, *(k for r in kabupaten for k in r.kolom)])
    kolom_tabel = _kolom_tabel(kolom, {x.kode: x.nama for x in metodologi(content.portal, []).rumus})
    result = [home, _metodologi_page(content, kabupaten, skala, kolom_tabel)]
    result.append(_data_terbuka_page("data-terbuka.md", content, result, kabupaten, folders, diubah))
    return result


def unique_datasets(site_pages: Iterable[Page]) -> list[Tabel]:
    """Every table shown on some page, once (a scale appears on several pages)."""
    seen: dict[str, Tabel] = {}
    for page in site_pages:
        for t in page.tabel.values():
            seen.setdefault(t.path, t)
    return list(seen.values())


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


def write_pages(site_pages: list[Page], content: Content, docs: Path, dari: str,
                cache: BytecodeCache | None = None, lewati: frozenset[str] = frozenset()) -> set[str]:
    """Write the pages of shard `dari` with their charts, its datasets, its data package and
    the portal's assets under `docs`; paths inside the shard drop its folder. Pages and tables
    of the kecamatan in `lewati` are already there from the last build and are not rendered
    again, files that would not change are not written, and files no page needs any more are
    removed. `cache`: compiled templates between builds. Returns the files written (relative to
    `docs`), which are all MkDocs has to process again."""
    prefix = f"{dari}/" if dari else ""
    datasets = [t for t in unique_datasets(site_pages) if shard(t.path) == dari]
    expected = {"datapackage.json", *(f"assets/{p.relative_to(TEMPLATES / 'assets').as_posix()}"
                                      for p in (TEMPLATES / "assets").rglob("*") if p.is_file())}
    for page in site_pages:
        name = page.path.removeprefix(prefix)
        expected |= {name, *(posixpath.join(posixpath.dirname(name), f) for f in page.files)}
    expected |= {f"{t.path.removeprefix(prefix)}.{ext}" for t in datasets for ext in ("csv", "json")}
    for name in files_under(docs):
        if name not in expected:
            (docs / name).unlink()
    changed: set[str] = set()
    folders: set[Path] = set()

    def write(name: str, text: str) -> None:
        """Write a file of the shard unless it already holds exactly this text; always as a new
        file (the site publishes the docs folder's data files as hard links)."""
        path = docs / name
        data = text.encode("utf-8")
        exists = path.is_file()
        if not exists or path.read_bytes() != data:
            if exists:
                path.unlink()
            elif path.parent not in folders:
                path.parent.mkdir(parents=True, exist_ok=True)
                folders.add(path.parent)
            path.write_bytes(data)
            changed.add(name)

    for asset in (TEMPLATES / "assets").rglob("*"):
        if asset.is_file():
            write(f"assets/{asset.relative_to(TEMPLATES / 'assets').as_posix()}", asset.read_text(encoding="utf-8"))
    env = environment(cache)
    kaki = env.get_template("_kaki.md.j2")
    for page in site_pages:
        name = page.path.removeprefix(prefix)
        if _kecamatan(page.path) in lewati and (docs / name).is_file():
            continue
        common = {"page": page, "portal": content.portal, "tabel": page.tabel}
        text = env.get_template(page.template).render(**common, **page.context)
        diubah = page.diubah if page.diubah is not None else content.tanggal(page.berkas)
        text += kaki.render(
            **common, diubah=diubah, berkas=[_berkas(f, content.root) for f in page.berkas])
        write(name, text)
        for file_name, data in page.files.items():
            write(posixpath.join(posixpath.dirname(name), file_name), data)
    for t in datasets:
        if _kecamatan(t.path) not in lewati or not (docs / f"{t.path.removeprefix(prefix)}.csv").is_file():
            write(f"{t.path.removeprefix(prefix)}.csv", to_csv(t))
            write(f"{t.path.removeprefix(prefix)}.json", to_json(t))
    licence = LISENSI[content.portal.lisensi_data]
    write("datapackage.json", datapackage(
        datasets, f"portal-kinerja-{dari}".rstrip("-"), content.portal.judul, content.portal.deskripsi,
        posixpath.relpath("metodologi", dari or ".") + "/",
        {"name": content.portal.lisensi_data, "title": licence[0], "path": licence[1]}, dari or "."))
    return changed


def files_under(folder: Path) -> list[str]:
    """Every file below `folder` as sorted relative POSIX paths (one walk, no stat per file)."""
    found = []
    for dirpath, _, names in os.walk(folder):
        rel = os.path.relpath(dirpath, folder)
        prefix = "" if rel == "." else rel.replace(os.sep, "/") + "/"
        found += [prefix + name for name in names]
    return sorted(found)


def _kecamatan(path: str) -> str | None:
    """The kecamatan folder a page or table of a kabupaten shard lies in (`kab/kec/...`)."""
    parts = path.split("/")
    return parts[1] if len(parts) > 2 else None


def _berkas(path: Path, root: Path) -> str:
    """A content file or folder as the page footer names it (folders end in `/`)."""
    name = path.relative_to(root).as_posix()
    return f"{name}/" if path.is_dir() else name

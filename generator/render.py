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
from pathlib import Path
from typing import Any, Iterable

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from . import charts
from .compute.capaian import Capaian
from .compute.laporan import HasilIndikator, HasilPortal, LaporanKinerja, walk_program
from .compute.metodologi import metodologi
from .compute.wilayah import wilayah
from .numbers import format_number, format_percent, format_value

TEMPLATES = Path(__file__).resolve().parent.parent / "site_templates"
#: Characters Python-Markdown (with the tables extension) lets a backslash escape.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")
PERIODE_LABEL = {"tw1": "TW I", "tw2": "TW II", "tw3": "TW III", "tw4": "TW IV"}
LEVEL_LABEL = {"program": "Program", "kegiatan": "Kegiatan", "sub_kegiatan": "Sub kegiatan"}


# ---------------------------------------------------------------- filters (format only)


def md(text: object) -> Markup:
    """Content text made inert in Markdown and HTML (no markup, no links, no raw HTML)."""
    escaped = html.escape(str(text), quote=True)
    return Markup(_MARKDOWN_SPECIAL.sub(r"\\\1", escaped).replace("\n", " "))


def capaian(c: Capaian) -> str:
    if c.nilai is not None:
        return format_percent(c.nilai)
    if c.tercapai is not None:
        return "tercapai" if c.tercapai else "tidak tercapai"
    return c.alasan or ""


def yaml_text(text: object) -> Markup:
    """A YAML scalar for front matter (JSON strings are valid YAML)."""
    return Markup(json.dumps(str(text), ensure_ascii=False))


def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters.update(md=md, nilai=format_value, persen=format_percent, capaian=capaian, angka=format_number,
                       yaml_text=yaml_text)
    env.globals.update(periode_label=PERIODE_LABEL, level_label=LEVEL_LABEL, walk_program=walk_program, laporan_path=laporan_path,
                       kecamatan_path=kecamatan_path, kabupaten_path=kabupaten_path)
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

    def link(self, target: str) -> str:
        """Relative Markdown link from this page to another page's source path (MkDocs checks it)."""
        return posixpath.relpath(target, posixpath.dirname(self.path) or ".")

    def href(self, target: str) -> str:
        """Relative URL, for links inside HTML tables, from this page to another page's source
        path, as MkDocs publishes it with `use_directory_urls` (`a/index.md` -> `a/`)."""
        return posixpath.relpath(_url(target), _url(self.path)) + "/"


def _url(source: str) -> str:
    """The folder a page is published as: `a/b/index.md` -> `a/b`, `metodologi.md` -> `metodologi`."""
    stem = source.removesuffix(".md")
    folder = posixpath.dirname(stem) if posixpath.basename(stem) == "index" else stem
    return folder or "."


def kabupaten_path(slug: str) -> str:
    return f"{slug}/index.md"


def kecamatan_path(kab: str, kec: str) -> str:
    return f"{kab}/{kec}/index.md"


def laporan_path(lp: LaporanKinerja) -> str:
    return f"{lp.kabupaten.slug}/{lp.kecamatan.slug}/{lp.tahun}/index.md"


def _capaian_chart(lp: LaporanKinerja) -> str | None:
    bars = [
        charts.Batang(h.indikator.nama, h.capaian.nilai, format_percent(h.capaian.nilai), h.predikat.label,
                      h.predikat.warna)
        for h in lp.iku if h.capaian.nilai is not None and h.predikat is not None
    ]
    if not bars:
        return None
    title = f"Capaian IKU Kecamatan {lp.kecamatan.profil.nama} {lp.tahun}"
    description = "; ".join(f"{b.label}: {b.teks} ({b.kategori})" for b in bars) + ". Garis putus-putus: 100 %."
    return charts.bar_chart(bars, title, description, "Capaian (%)", garis=100)


def _laporan_page(lp: LaporanKinerja) -> Page:
    nama = lp.kecamatan.profil.nama
    page = Page(laporan_path(lp), "laporan_kinerja.md.j2", f"Laporan Kinerja {nama} {lp.tahun}",
                f"Capaian Indikator Kinerja Utama Kecamatan {nama}, Kabupaten {lp.kabupaten.profil.nama}, "
                f"tahun {lp.tahun}: target, realisasi per triwulan, capaian dan predikat.", {"lp": lp})
    chart = _capaian_chart(lp)
    if chart:
        page.files["capaian-iku.svg"] = chart
    page.context["grafik"] = "capaian-iku.svg" if chart else None
    page.context["catatan"] = catatan(lp.iku)
    page.context["catatan_program"] = catatan([h for n in walk_program(lp) for h in n.indikator])
    return page


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


def _peringkat(lp: LaporanKinerja) -> tuple[int, float, str]:
    """Newest year first, then highest mean capaian, reports without one last."""
    rata = lp.ringkasan.rata_rata
    return (-lp.tahun, float("inf") if rata is None else -rata, lp.kecamatan.profil.nama)


def pages(hasil: HasilPortal) -> list[Page]:
    """Every page of the portal with its template context."""
    content = hasil.content
    result = [
        Page("index.md", "beranda.md.j2", content.portal.judul, content.portal.deskripsi,
             {"terbaru": hasil.terbaru(), "portal_kabupaten": content.kabupaten}),
        Page("metodologi.md", "metodologi.md.j2", "Metodologi",
             "Rumus capaian, agregasi periode, predikat dan skala penilaian yang dipakai portal.",
             {"m": metodologi(content)}),
    ]
    for kab in content.kabupaten:
        result.append(Page(kabupaten_path(kab.slug), "kabupaten.md.j2", f"Kabupaten {kab.profil.nama}",
                           f"Capaian kinerja kecamatan di Kabupaten {kab.profil.nama}.",
                           {"kab": kab, "laporan": sorted(hasil.untuk(kab.slug), key=_peringkat)}))
        for kec in kab.kecamatan:
            result.append(Page(kecamatan_path(kab.slug, kec.slug), "kecamatan.md.j2",
                               f"Kecamatan {kec.profil.nama}",
                               f"Profil dan laporan kinerja Kecamatan {kec.profil.nama}, Kabupaten {kab.profil.nama}.",
                               {"kab": kab, "kec": kec, "wilayah": wilayah(kec.profil),
                                "laporan": hasil.untuk(kab.slug, kec.slug)[::-1]}))
    result.extend(_laporan_page(lp) for lp in hasil.laporan)
    return result


def navigation(hasil: HasilPortal) -> list[Any]:
    """MkDocs `nav`: Beranda, one section per kabupaten and kecamatan, Metodologi."""
    nav: list[Any] = [{"Beranda": "index.md"}]
    for kab in hasil.content.kabupaten:
        section: list[Any] = [kabupaten_path(kab.slug)]
        for kec in kab.kecamatan:
            years = [{f"Laporan Kinerja {lp.tahun}": laporan_path(lp)} for lp in hasil.untuk(kab.slug, kec.slug)]
            section.append({f"Kec. {kec.profil.nama}": [kecamatan_path(kab.slug, kec.slug), *years]})
        nav.append({f"Kab. {kab.profil.nama}": section})
    nav.append({"Metodologi": "metodologi.md"})
    return nav


def render_site(hasil: HasilPortal, docs: Path) -> list[Page]:
    """Write every page, chart and asset under `docs` (emptied first)."""
    if docs.exists():
        shutil.rmtree(docs)
    docs.mkdir(parents=True)
    shutil.copytree(TEMPLATES / "assets", docs / "assets")
    env = environment()
    site_pages = pages(hasil)
    for page in site_pages:
        target = docs / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        text = env.get_template(page.template).render(page=page, portal=hasil.content.portal, **page.context)
        target.write_text(text, encoding="utf-8")
        for name, data in page.files.items():
            (target.parent / name).write_text(data, encoding="utf-8")
    return site_pages

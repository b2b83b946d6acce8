"""Data tables written as HTML (one function: a page has up to a thousand cells)."""

from __future__ import annotations

from typing import Any
from markupsafe import Markup, escape
from generator.render.dataset import Kolom, Sel, Tabel
from generator.render.filters import nilai_sel
from generator.render.page import Page


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

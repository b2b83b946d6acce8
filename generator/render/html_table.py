"""Data tables written as HTML (one function: a page has up to a thousand cells)."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape

from generator.render.dataset import Cell, Column, Table
from generator.render.filters import cell_value
from generator.render.page import Page


def cell_content(v: Any, k: Column, page: Page) -> Markup:
    """A table cell's content: its own text or its formatted value, linked when it has a target."""
    if not isinstance(v, Cell):
        return cell_value(v, k)
    teks = escape(v.text) if v.text is not None else cell_value(v.value, k)
    return Markup(f'<a href="{escape(page.href(v.link))}">{teks}</a>') if v.link else teks


NUMERIC = ("angka", "persen", "bilangan", "indeks", "rupiah")

#: A table with more shown columns than this does not fit a phone's screen: below 600 px its
#: rows are stacked, one block per row with `label: value` lines (portal.css, `.tumpuk`).
FITS_A_PHONE = 3
#: A table with more shown columns than this prints on a landscape A4 page (`.lebar`).
FITS_PORTRAIT = 8


def table_html(t: Table, page: Page) -> Markup:
    """A data table as HTML: caption, header cells, the first shown column as row header (a
    grouping column's repeated value only for screen readers), a totals row, then the links to
    its CSV and JSON. The table scrolls inside its own box; the search index keeps only its
    title and row headers (generator/build/search.py). Every data cell names its column
    (`data-label`): on a phone a wide table turns into stacked rows that show it, while the header
    cells stay in the table for screen readers.
    Written here rather than in a template: a page has up to a thousand cells, and Jinja's
    per-cell cost was most of the render stage (bench/results/build-scale.md)."""
    cols = [
        (c, t.columns[c], f' data-label="{escape(t.columns[c].title)}"', t.columns[c].kind in NUMERIC) for c in t.shown
    ]
    stacked = len(cols) > FITS_A_PHONE
    named = stacked and len(cols) > 1 and cols[0][1].group  # a group heading, then each row's name
    wide = "lebar" if len(cols) > FITS_PORTRAIT else ""
    classes = " ".join(c for c in (t.css_class, "tumpuk" if stacked else "", wide) if c)
    judul, kelas = escape(t.title), f' class="{escape(classes)}"' if classes else ""
    out = [
        f'<p class="tabel-judul" aria-hidden="true">{judul}</p>\n'
        f'<div class="tabel-gulir" role="region" aria-label="{judul}" tabindex="0">\n'
        f'<table{kelas}>\n<caption class="sr-only">{judul}</caption>\n'
        "<thead><tr>",
        *(f'<th scope="col"{_class(angka)}>{escape(k.title)}</th>' for _, k, _, angka in cols),
        "</tr></thead>\n<tbody>\n",
    ]
    for r, row in enumerate(t.rows):
        kelas, anchor = t.row_classes[r], t.row_ids[r]
        attributes = (f' id="{escape(anchor)}"' if anchor else "") + (f' class="{escape(kelas)}"' if kelas else "")
        out.append(f"<tr{attributes}>")
        for n, (c, k, label, angka) in enumerate(cols):
            isi = cell_content(row[c], k, page)
            if n:
                out.append(f"<td{_class(angka, named and n == 1)}{label}>{isi}</td>")
            elif k.group and not t.starts_group(r, c):
                out.append(f'<th scope="row" class="ulang"><span class="sr-only">{isi}</span></th>')
            else:
                out.append(f'<th scope="row">{isi}</th>')
        out.append("</tr>\n")
    out.append("</tbody>\n")
    if t.footer:
        out.append("<tfoot><tr>")
        out += [
            f'<th scope="row">{escape(t.footer[c])}</th>'
            if not n
            else f"<td{_class(angka)}{label}>{cell_content(t.footer[c], k, page)}</td>"
            for n, (c, k, label, angka) in enumerate(cols)
        ]
        out.append("</tr></tfoot>\n")
    out.append(f'</table>\n</div>\n<p class="unduh">Unduh data tabel ini: {download_links(t, page)}</p>')
    return Markup("".join(out))


def download_links(t: Table, page: Page) -> Markup:
    """The links from `page` to a table's download files (`CSV · JSON`), under the table and on
    the Data terbuka pages."""
    return Markup(
        " · ".join(
            f'<a href="{escape(href)}" download>{ext.upper()}</a>' for ext, href in t.downloads(page.folder).items()
        )
    )


def _class(angka: bool, nama: bool = False) -> str:
    """The class attribute of a cell: numbers align right; `nama` is a row's name under a group
    heading (a stacked row's title)."""
    names = " ".join(n for n, on in (("angka", angka), ("nama", nama)) if on)
    return f' class="{names}"' if names else ""

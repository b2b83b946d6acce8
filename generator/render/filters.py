"""Template filters: they format, never compute. Content text is escaped for Markdown and HTML."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from typing import Any

import markdown
import nh3
from markupsafe import Markup, escape

from generator.compute.skm import Mutu, rentang_mutu
from generator.model.portal import Rentang
from generator.numbers import format_number, format_percent, format_value
from generator.render.dataset import Column
from generator.render.tables.kinerja import rentang_teks

#: Characters Python-Markdown (with the tables extension) lets a backslash escape.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


WIB = timezone(timedelta(hours=7))


MONTHS = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)


def md(text: object) -> Markup:
    """Content text made inert in Markdown and HTML (no markup, no links, no raw HTML)."""
    escaped = html.escape(str(text), quote=True)
    return Markup(_MARKDOWN_SPECIAL.sub(r"\\\1", escaped).replace("\n", " "))


#: What a narrative text from content may contain once rendered: text structure only, no
#: links, images, scripts, styles or attributes.
SAFE_TAGS = {"p", "br", "ul", "ol", "li", "strong", "em", "b", "i", "blockquote"}


def safe_markdown(text: str | None) -> Markup:
    """Content Markdown rendered and sanitised (nh3) into HTML that cannot carry markup of its own."""
    if not text:
        return Markup("")
    rendered = _MARKDOWN.reset().convert(text)
    return Markup(nh3.clean(rendered, tags=SAFE_TAGS, attributes={}, link_rel=None))


_MARKDOWN = markdown.Markdown(output_format="html")  # one parser, reset per text (building it costs more)


def format_date(epoch: int) -> str:
    """`1735689600` -> `1 Januari 2025`, in Western Indonesian Time (WIB)."""
    d = datetime.fromtimestamp(epoch, tz=WIB)
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def format_date_iso(epoch: int) -> str:
    return datetime.fromtimestamp(epoch, tz=WIB).date().isoformat()


def yaml_text(text: object) -> Markup:
    """A YAML scalar for front matter (JSON strings are valid YAML)."""
    return Markup(json.dumps(str(text), ensure_ascii=False))


def predikat_badge(r: Any) -> Markup:
    """A predikat (or mutu) as a badge in its colour; the label is always written."""
    if not r:
        return Markup('<span class="tanpa-data">—</span>')
    kode = f"{escape(r.kode)} · " if r.kode else ""
    return Markup(f'<span class="predikat" style="--warna: {escape(r.warna)}">{kode}{escape(r.label)}</span>')


def arti_mutu(q: Mutu) -> str:
    """What a mutu letter means, in one line: `Mutu B (baik) berarti IKM antara 76,61 dan 88,30`."""
    bawah, atas = rentang_mutu(q)
    return f"Mutu {q.huruf} ({q.label.lower()}) berarti IKM antara {format_number(bawah)} dan {format_number(atas)}"


def arti_predikat(r: Rentang, kabupaten: str, skala: str) -> str:
    """What a predikat means, in one line, naming the kabupaten's scale."""
    return f"{r.label} berarti rata-rata capaian {rentang_teks(r)} pada skala Kabupaten {kabupaten} ({skala})"


#: How a table cell of each column kind is written.
_CELL_FORMAT: dict[str, Callable[[Any], str]] = {
    "persen": format_percent,
    "angka": format_value,
    "indeks": format_number,
    "rupiah": lambda v: format_number(v, 0),
    "bilangan": lambda v: format_number(v, 0),
}


def cell_value(v: Any, k: Column) -> Markup:
    """A table value as HTML, formatted for its column (— for no data)."""
    if v is None:
        return Markup('<span class="tanpa-data">—</span>')
    if k.kind == "predikat":
        return predikat_badge(v)
    return escape(_CELL_FORMAT.get(k.kind, str)(v))

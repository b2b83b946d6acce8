"""Build-time SVG charts (Vega-Lite through vl-convert): no JavaScript in the browser.

Every chart carries `role="img"`, a `<title>` and a `<desc>` stating its key numbers, keeps
its text as text, and is byte-for-byte the same for the same data. Pages always show the
table of the chart's numbers beside it.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

import vl_convert

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif"
TEXT = "#1f2328"
MUTED = "#57606a"
ID_LOCALE = {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["Rp", ""]}


#: Okabe-Ito: distinguishable with every common colour-vision deficiency; for series that
#: have no colour of their own (predikat and mutu bring theirs from the rating scale).
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
#: Plot width in px: the whole SVG stays under 360 px so that it is legible on a phone
#: without scaling down, and the same drawing prints at a sensible size.
WIDTH = 300


@dataclass(frozen=True)
class Batang:
    """One bar: its label, value, printed value and category (legend entry with a colour)."""

    label: str
    nilai: float
    teks: str
    kategori: str
    warna: str


@dataclass(frozen=True)
class Garis:
    """A reference line across the bars (a target, a threshold), labelled at its top."""

    nilai: float
    label: str


def _accessible(svg: str, title: str, description: str) -> str:
    """Add role, title and description to the root <svg> (vl-convert writes none)."""
    head = '<svg role="img" aria-labelledby="chart-title chart-desc"'
    svg = svg.replace("<svg", head, 1)
    label = (f'<title id="chart-title">{html.escape(title)}</title>'
             f'<desc id="chart-desc">{html.escape(description)}</desc>')
    return re.sub(r"(<svg[^>]*>)", lambda m: m.group(1) + label, svg, count=1)


@dataclass(frozen=True)
class Grafik:
    """An SVG chart and its size in px (for the <img> width and height attributes)."""

    svg: str
    lebar: int
    tinggi: int
    deskripsi: str   # the key numbers in words: the SVG's <desc> and the <img> alt text


def _render(spec: dict, title: str, description: str) -> Grafik:
    spec = {"$schema": "https://vega.github.io/schema/vega-lite/v5.json", "background": "white",
            "config": {"font": FONT, "view": {"stroke": None},
                       "axis": {"labelColor": MUTED, "titleColor": TEXT, "titleFontWeight": "normal",
                                "titleFontSize": 12, "labelFontSize": 11},
                       "legend": {"labelFontSize": 12, "labelColor": TEXT, "symbolType": "square",
                                  "orient": "bottom", "direction": "vertical"}},
            **spec}
    svg = _accessible(vl_convert.vegalite_to_svg(spec, format_locale=ID_LOCALE), title, description)
    size = re.search(r'<svg[^>]*\bwidth="([\d.]+)"[^>]*\bheight="([\d.]+)"', svg)
    return Grafik(svg, round(float(size[1])), round(float(size[2])), f"{title}. {description}")


def bar_chart(batang: list[Batang], title: str, description: str, garis: tuple[Garis, ...] = ()) -> Grafik:
    """Horizontal bars, each with its label on the line above and its printed value at its
    end (so no axis is needed), coloured by category with a legend, plus reference lines."""
    values = [{"label": b.label, "nilai": b.nilai, "teks": b.teks, "kategori": b.kategori, "awal": 0}
              for b in batang]
    legend: dict[str, str] = {}
    for b in batang:
        legend.setdefault(b.kategori, b.warna)
    top = max([b.nilai for b in batang] + [g.nilai for g in garis] + [0])
    # Bars use the left half; the printed value and category follow on the right.
    x = {"field": "nilai", "type": "quantitative", "axis": None,
         "scale": {"domain": [0, (top or 1) / 0.5], "nice": False}}
    y = {"field": "label", "type": "nominal", "sort": None, "axis": None}
    layers: list[dict] = [
        {"mark": {"type": "bar", "height": 14, "yOffset": 8},
         "encoding": {"y": y, "x": x,
                      "color": {"field": "kategori", "type": "nominal",
                                "scale": {"domain": list(legend), "range": list(legend.values())},
                                "legend": {"title": None}}}},
        {"mark": {"type": "text", "align": "left", "baseline": "bottom", "dy": -1, "fontSize": 12, "color": TEXT,
                  "limit": WIDTH},
         "encoding": {"y": y, "x": {**x, "field": "awal"}, "text": {"field": "label"}}},
        {"mark": {"type": "text", "align": "left", "baseline": "middle", "dx": 4, "yOffset": 8, "fontSize": 12,
                  "color": TEXT},
         "encoding": {"y": y, "x": x, "text": {"field": "teks"}}},
    ]
    if garis:
        lines = {"values": [{"nilai": g.nilai, "label": g.label} for g in garis]}
        rule_x = {"field": "nilai", "type": "quantitative"}
        layers += [
            {"data": lines, "mark": {"type": "rule", "strokeDash": [4, 3], "color": MUTED}, "encoding": {"x": rule_x}},
            {"data": lines, "mark": {"type": "text", "baseline": "bottom", "dy": -2, "fontSize": 11, "color": MUTED,
                                     "y": 0}, "encoding": {"x": rule_x, "text": {"field": "label"}}},
        ]
    spec = {"width": WIDTH, "height": {"step": 44}, "padding": {"left": 6, "right": 6, "top": 16, "bottom": 4},
            "data": {"values": values}, "layer": layers}
    return _render(spec, title, description)

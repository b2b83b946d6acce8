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


@dataclass(frozen=True)
class Batang:
    """One bar: its label, value, printed value and category (legend entry with a colour)."""

    label: str
    nilai: float
    teks: str
    kategori: str
    warna: str


def _short(label: str, limit: int = 34) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def _accessible(svg: str, title: str, description: str) -> str:
    """Add role, title and description to the root <svg> (vl-convert writes none)."""
    head = '<svg role="img" aria-labelledby="chart-title chart-desc"'
    svg = svg.replace("<svg", head, 1)
    label = (f'<title id="chart-title">{html.escape(title)}</title>'
             f'<desc id="chart-desc">{html.escape(description)}</desc>')
    return re.sub(r"(<svg[^>]*>)", lambda m: m.group(1) + label, svg, count=1)


def bar_chart(batang: list[Batang], title: str, description: str, x_title: str,
              garis: float | None = None) -> str:
    """Horizontal bars with value labels and an optional reference line (e.g. 100 %)."""
    values = [{"label": _short(b.label), "nilai": b.nilai, "teks": b.teks, "kategori": b.kategori} for b in batang]
    legend: dict[str, str] = {}
    for b in batang:
        legend.setdefault(b.kategori, b.warna)
    y = {"field": "label", "type": "nominal", "sort": None, "title": None,
         "axis": {"labelLimit": 170, "labelFontSize": 12, "labelColor": TEXT}}
    x = {"field": "nilai", "type": "quantitative", "title": x_title,
         "scale": {"domainMin": 0, "nice": True}, "axis": {"grid": True, "tickCount": 5}}
    layers: list[dict] = [
        {"mark": {"type": "bar", "height": {"band": 0.7}},
         "encoding": {"y": y, "x": x,
                      "color": {"field": "kategori", "type": "nominal", "title": None,
                                "scale": {"domain": list(legend), "range": list(legend.values())},
                                "legend": {"orient": "bottom", "direction": "horizontal", "labelFontSize": 12,
                                           "labelColor": TEXT, "symbolType": "square"}}}},
        {"mark": {"type": "text", "align": "left", "dx": 4, "fontSize": 12, "color": TEXT},
         "encoding": {"y": y, "x": x, "text": {"field": "teks"}}},
    ]
    if garis is not None:
        layers.append({"mark": {"type": "rule", "strokeDash": [4, 3], "color": MUTED},
                       "encoding": {"x": {"datum": garis}}})
    spec = {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "width": 230,
        "height": {"step": 30},
        "padding": {"left": 36, "right": 40, "top": 4, "bottom": 4},
        "background": "white",
        "data": {"values": values},
        "layer": layers,
        "config": {"font": FONT, "view": {"stroke": None},
                   "axis": {"labelColor": MUTED, "titleColor": TEXT, "titleFontWeight": "normal",
                            "titleFontSize": 12, "labelFontSize": 11}},
    }
    svg = vl_convert.vegalite_to_svg(spec, format_locale=ID_LOCALE)
    return _accessible(svg, title, description)

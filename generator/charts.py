"""Build-time SVG charts (Vega-Lite through vl-convert): no JavaScript in the browser.

Every chart carries `role="img"`, a `<title>` and a `<desc>` stating its key numbers, keeps
its text as text, and is byte-for-byte the same for the same data. Pages always show the
table of the chart's numbers beside it.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from dataclasses import dataclass
from pathlib import Path

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


def _pendek(label: str, limit: int = 46) -> str:
    """A label cut to fit the plot width (about 46 characters at 12 px); the full text is in
    the table beside the chart. Cheaper than letting Vega measure and truncate text."""
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


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


#: Where rendered SVGs are kept between builds, keyed by a hash of the full spec and the
#: renderer's version (set by the build; None: no cache). Same spec, same bytes.
CACHE: Path | None = None


def _svg(spec: dict) -> str:
    if CACHE is None:
        return vl_convert.vegalite_to_svg(spec, format_locale=ID_LOCALE)
    key = hashlib.sha256(json.dumps([spec, ID_LOCALE, vl_convert.__version__], sort_keys=True,
                                    ensure_ascii=False).encode()).hexdigest()
    path = CACHE / f"{key}.svg"
    if path.exists():
        return path.read_text(encoding="utf-8")
    svg = vl_convert.vegalite_to_svg(spec, format_locale=ID_LOCALE)
    CACHE.mkdir(parents=True, exist_ok=True)
    path.write_text(svg, encoding="utf-8")
    return svg


def _render(spec: dict, title: str, description: str) -> Grafik:
    spec = {"$schema": "https://vega.github.io/schema/vega-lite/v5.json", "background": "white",
            "config": {"font": FONT, "view": {"stroke": None},
                       "axis": {"labelColor": MUTED, "titleColor": TEXT, "titleFontWeight": "normal",
                                "titleFontSize": 12, "labelFontSize": 11},
                       "legend": {"labelFontSize": 12, "labelColor": TEXT, "symbolType": "square",
                                  "orient": "bottom", "direction": "vertical"}},
            **spec}
    svg = _accessible(_svg(spec), title, description)
    size = re.search(r'<svg[^>]*\bwidth="([\d.]+)"[^>]*\bheight="([\d.]+)"', svg)
    return Grafik(svg, round(float(size[1])), round(float(size[2])), f"{title}. {description}")


def bar_chart(batang: list[Batang], title: str, description: str, garis: tuple[Garis, ...] = (),
              awal: float = 0, urutan: tuple[str, ...] = ()) -> Grafik:
    """Horizontal bars from `awal` (the scale's lowest value: 0, or 25 for an IKM), each with
    its label on the line above and its printed value at its end (so no axis is needed),
    coloured by category with a legend (in `urutan` order when given, else first seen),
    plus labelled reference lines."""
    if not batang:
        raise ValueError("a bar chart needs at least one bar")
    values = [{"label": _pendek(b.label), "nilai": b.nilai, "teks": b.teks, "kategori": b.kategori, "awal": awal}
              for b in batang]
    legend: dict[str, str] = {}
    for b in sorted(batang, key=lambda b: urutan.index(b.kategori) if b.kategori in urutan else len(urutan)):
        legend.setdefault(b.kategori, b.warna)
    top = max([b.nilai for b in batang] + [g.nilai for g in garis] + [awal + 1])
    # Bars use the left 55 %; the printed value and category follow on the right.
    x = {"field": "nilai", "type": "quantitative", "axis": None,
         "scale": {"domain": [awal, awal + (top - awal) / 0.55], "nice": False, "zero": False}}
    y = {"field": "label", "type": "nominal", "sort": None, "axis": None}
    layers: list[dict] = [
        {"mark": {"type": "bar", "height": 14, "yOffset": 8},
         "encoding": {"y": y, "x": x, "x2": {"field": "awal"},
                      "color": {"field": "kategori", "type": "nominal",
                                "scale": {"domain": list(legend), "range": list(legend.values())},
                                "legend": {"title": None}}}},
        {"mark": {"type": "text", "align": "left", "baseline": "bottom", "dy": -1, "fontSize": 12, "color": TEXT},
         "encoding": {"y": y, "x": {**x, "field": "awal"}, "text": {"field": "label"}}},
        {"mark": {"type": "text", "align": "left", "baseline": "middle", "dx": 4, "yOffset": 8, "fontSize": 12,
                  "color": TEXT},
         "encoding": {"y": y, "x": x, "text": {"field": "teks"}}},
    ]
    if garis:
        lines = {"values": [{"nilai": g.nilai, "label": g.label} for g in garis]}
        rule_x = {"field": "nilai", "type": "quantitative"}
        layers += [
            {"data": lines, "mark": {"type": "rule", "strokeDash": [4, 3], "color": MUTED, "opacity": 0.7},
             "encoding": {"x": rule_x}},
            {"data": lines, "mark": {"type": "text", "baseline": "bottom", "dy": -2, "fontSize": 11, "color": MUTED,
                                     "y": 0}, "encoding": {"x": rule_x, "text": {"field": "label"}}},
        ]
    spec = {"width": WIDTH, "height": {"step": 44}, "padding": {"left": 6, "right": 6, "top": 16, "bottom": 4},
            "data": {"values": values}, "layer": layers}
    return _render(spec, title, description)


@dataclass(frozen=True)
class Titik:
    """One labelled point of a scatter chart."""

    label: str
    x: float
    y: float


def scatter_chart(titik: list[Titik], title: str, description: str, x_title: str, y_title: str,
                  x_split: float, y_split: float, kuadran: dict[str, str]) -> Grafik:
    """Labelled points with a vertical and a horizontal split line (an importance-performance
    grid); `kuadran` names the four corners: {"kiri-atas": text, "kanan-atas": ..., ...}."""
    merged: dict[tuple[float, float], list[str]] = {}
    for t in titik:  # points at the same place share one label ("U3, U6")
        merged.setdefault((round(t.x, 2), round(t.y, 2)), []).append(t.label)
    values = [{"label": ", ".join(labels), "x": x, "y": y} for (x, y), labels in merged.items()]
    xs, ys = [t.x for t in titik] + [x_split], [t.y for t in titik] + [y_split]
    pad = 0.2
    x_scale = {"domain": [min(xs) - pad, max(xs) + pad], "nice": False, "zero": False}
    y_scale = {"domain": [min(ys) - pad, max(ys) + pad], "nice": False, "zero": False}
    x = {"field": "x", "type": "quantitative", "title": x_title, "scale": x_scale, "axis": {"format": ".2f", "tickCount": 4}}
    y = {"field": "y", "type": "quantitative", "title": y_title, "scale": y_scale, "axis": {"format": ".2f", "tickCount": 4}}
    (x0, x1), (y0, y1) = x_scale["domain"], y_scale["domain"]
    inset_x, inset_y = (x1 - x0) * 0.02, (y1 - y0) * 0.02
    corners = {"kiri-atas": (x0 + inset_x, y1 - inset_y, "left", "top"),
               "kanan-atas": (x1 - inset_x, y1 - inset_y, "right", "top"),
               "kiri-bawah": (x0 + inset_x, y0 + inset_y, "left", "bottom"),
               "kanan-bawah": (x1 - inset_x, y0 + inset_y, "right", "bottom")}
    labels = [{"x": corners[k][0], "y": corners[k][1], "teks": text, "align": corners[k][2], "baseline": corners[k][3]}
              for k, text in kuadran.items()]
    layers = [
        {"data": {"values": labels}, "mark": {"type": "text", "fontSize": 11, "color": MUTED, "fontStyle": "italic"},
         "encoding": {"x": {**x, "field": "x"}, "y": {**y, "field": "y"}, "text": {"field": "teks"},
                      "align": {"field": "align", "type": "nominal", "scale": None},
                      "baseline": {"field": "baseline", "type": "nominal", "scale": None}}},
        {"mark": {"type": "rule", "strokeDash": [4, 3], "color": MUTED}, "encoding": {"x": {"datum": x_split}}},
        {"mark": {"type": "rule", "strokeDash": [4, 3], "color": MUTED}, "encoding": {"y": {"datum": y_split}}},
        {"mark": {"type": "point", "filled": True, "size": 40, "color": PALETTE[0]}, "encoding": {"x": x, "y": y}},
        {"mark": {"type": "text", "align": "left", "dx": 5, "dy": -6, "fontSize": 12, "color": TEXT},
         "encoding": {"x": x, "y": y, "text": {"field": "label"}}},
    ]
    spec = {"width": WIDTH - 40, "height": 240, "padding": 6, "data": {"values": values}, "layer": layers}
    return _render(spec, title, description)


@dataclass(frozen=True)
class Seri:
    """One line of a line chart: its name and (year, value) points."""

    label: str
    titik: tuple[tuple[int, float], ...]


def line_chart(seri: list[Seri], title: str, description: str, y_title: str,
               garis: tuple[Garis, ...] = ()) -> Grafik:
    """Values over the years, one coloured line with points per series (Okabe-Ito, with a
    legend), and labelled horizontal reference lines (e.g. the Renstra end target)."""
    values = [{"seri": s.label, "tahun": str(t), "nilai": v} for s in seri for t, v in s.titik]
    all_values = [v["nilai"] for v in values] + [g.nilai for g in garis]
    low, high = min(all_values), max(all_values)
    pad = (high - low) * 0.15 or 1
    y = {"field": "nilai", "type": "quantitative", "title": y_title,
         "scale": {"domain": [low - pad, high + pad], "zero": False, "nice": False},
         "axis": {"tickCount": 4, "format": ",.2~f"}}
    x = {"field": "tahun", "type": "ordinal", "title": None, "axis": {"labelAngle": 0}}
    color = {"field": "seri", "type": "nominal", "scale": {"domain": [s.label for s in seri],
                                                         "range": list(PALETTE[:len(seri)])},
             "legend": {"title": None}}
    layers: list[dict] = [{"mark": {"type": "line", "point": {"filled": True, "size": 50}, "strokeWidth": 2},
                           "encoding": {"x": x, "y": y, "color": color, "strokeDash": {
                               "field": "seri", "type": "nominal", "legend": None,
                               "scale": {"domain": [s.label for s in seri], "range": [[1, 0], [5, 3], [2, 2]]}}}}]
    if garis:
        lines = {"values": [{"nilai": g.nilai, "label": g.label} for g in garis]}
        layers += [
            {"data": lines, "mark": {"type": "rule", "strokeDash": [4, 3], "color": MUTED},
             "encoding": {"y": {"field": "nilai", "type": "quantitative"}}},
            {"data": lines, "mark": {"type": "text", "align": "left", "baseline": "bottom", "dx": 2, "dy": -2,
                                     "fontSize": 11, "color": MUTED, "x": 0},
             "encoding": {"y": {"field": "nilai", "type": "quantitative"}, "text": {"field": "label"}}},
        ]
    spec = {"width": WIDTH - 40, "height": 180, "padding": 6, "data": {"values": values}, "layer": layers}
    return _render(spec, title, description)

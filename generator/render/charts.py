"""Build-time SVG charts, drawn directly as SVG text: no JavaScript in the browser.

Every chart carries `role="img"`, a `<title>` and a `<desc>` stating its key numbers, keeps
its text as text, and is byte-for-byte the same for the same data. Pages always show the
table of the chart's numbers beside it. Text is measured with real font metrics (the widest
of the fonts a browser may draw it in, `text_width`) and long labels wrap onto more lines, so no
text runs past the chart's edge at any size it is shown.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable
from dataclasses import dataclass

from generator.numbers import format_number
from generator.render.text_width import text_width

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif"
TEXT = "#1f2328"
MUTED = "#57606a"
GRID = "#ddd"
AXIS = "#888"

#: Okabe-Ito: distinguishable with every common colour-vision deficiency; for series that
#: have no colour of their own (predikat and mutu bring theirs from the rating scale).
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
#: Plot width in px of a bar chart: the whole SVG stays under 330 px so that it is legible on
#: a phone without scaling down, and the same drawing prints at a sensible size.
WIDTH = 300
MAX_WIDTH = 330
PAD = 6
#: Line patterns of the series of a line chart, so they differ without colour too.
DASHES = ("", "5 3", "2 2")
REFERENCE_DASH = "4 3"
#: A white outline painted under a text's letters, so that a line crossing it stays out of them.
HALO = ' stroke="white" stroke-width="3" stroke-linejoin="round" paint-order="stroke"'


@dataclass(frozen=True)
class Bar:
    """One bar: its label, value, printed value and category (legend entry with a colour)."""

    label: str
    value: float
    text: str
    category: str
    colour: str


@dataclass(frozen=True)
class ReferenceLine:
    """A reference line across the bars (a target, a threshold), labelled at its top."""

    value: float
    label: str


@dataclass(frozen=True)
class Chart:
    """An SVG chart and its size in px (for the <img> width and height attributes)."""

    svg: str
    width: int
    height: int
    description: str  # the key numbers in words: the SVG's <desc> and the <img> alt text


@dataclass(frozen=True)
class Point:
    """One labelled point of a scatter chart."""

    label: str
    x: float
    y: float


@dataclass(frozen=True)
class Series:
    """One line of a line chart: its name and (year, value) points."""

    label: str
    points: tuple[tuple[int, float], ...]


# ---------------------------------------------------------------------------------------------
# Shared drawing helpers


def _wrap(text: str, width: float, size: float = 12) -> list[str]:
    """`text` in lines no wider than `width` px, broken between words (a word wider than a line
    is broken where it must)."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if text_width(candidate, size) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        while text_width(word, size) > width:
            cut = next((i for i in range(len(word) - 1, 0, -1) if text_width(word[:i], size) <= width), 1)
            lines.append(word[:cut])
            word = word[cut:]
        line = word
    return [*lines, line] if line else lines or [""]


def _fitted(text: str, width: float, size: float) -> str:
    """`text`, or its first words and "…" when it is wider than `width` px (a short axis title;
    the full text is in the table beside the chart)."""
    if text_width(text, size) <= width:
        return text
    words = text.split()
    while len(words) > 1 and text_width(" ".join(words) + "…", size) > width:
        words.pop()
    return " ".join(words) + "…"


def _lines(
    x: float, y: float, lines: list[str], size: int = 12, fill: str = TEXT, step: float = 15, extra: str = ""
) -> list[str]:
    """Lines of text from baseline `y` down, `step` px apart."""
    return [_text(x, y + step * i, line, size, fill, extra=extra) for i, line in enumerate(lines)]


def _n(value: float) -> str:
    """A coordinate, rounded to 0.1 px, without a trailing `.0`."""
    text = f"{value:.1f}".removesuffix(".0")
    return "0" if text == "-0" else text


def _text(
    x: float, y: float, content: str, size: int = 12, fill: str = TEXT, anchor: str = "start", extra: str = ""
) -> str:
    """A <text> element with `content` escaped; `y` is the baseline."""
    align = "" if anchor == "start" else f' text-anchor="{anchor}"'
    return (
        f'<text x="{_n(x)}" y="{_n(y)}" font-size="{size}" fill="{fill}"{align}{extra}>'
        f"{html.escape(content, quote=False)}</text>"
    )


def _line(x1: float, y1: float, x2: float, y2: float, stroke: str, dash: str = "", extra: str = "") -> str:
    """A straight line; `dash` is a stroke-dasharray."""
    dashed = f' stroke-dasharray="{dash}"' if dash else ""
    return f'<line x1="{_n(x1)}" y1="{_n(y1)}" x2="{_n(x2)}" y2="{_n(y2)}" stroke="{stroke}"{dashed}{extra}/>'


def _rect(x: float, y: float, width: float, height: float, fill: str) -> str:
    """A filled rectangle."""
    return f'<rect x="{_n(x)}" y="{_n(y)}" width="{_n(width)}" height="{_n(height)}" fill="{fill}"/>'


def _scale(d0: float, d1: float, r0: float, r1: float) -> Callable[[float], float]:
    """The linear map of the domain [d0, d1] onto the range [r0, r1]."""
    factor = (r1 - r0) / ((d1 - d0) or 1)
    return lambda v: r0 + (v - d0) * factor


def _nice_ticks(low: float, high: float, count: int = 4) -> tuple[list[float], int]:
    """About `count` round values (step 1, 2, 2,5 or 5 x 10^k) inside [low, high], and the
    decimals their step needs."""
    raw = (high - low) / count
    power = math.floor(math.log10(raw))
    factor = min((1, 2, 2.5, 5, 10), key=lambda f: abs(math.log(f * 10.0**power / raw)))
    if factor == 10:
        factor, power = 1, power + 1
    decimals = max(0, -power + (1 if factor == 2.5 else 0))
    step = factor * 10.0**power
    first, last = math.ceil(low / step - 1e-9), math.floor(high / step + 1e-9)
    return [round(i * step, decimals) for i in range(first, last + 1)], decimals


def _trimmed(value: float, decimals: int) -> str:
    """An Indonesian number with at most `decimals` decimals, trailing zeros dropped."""
    text = format_number(value, decimals)
    return text.rstrip("0").rstrip(",") if "," in text else text


@dataclass(frozen=True)
class _Plot:
    """The plot area of a chart with axes, in px."""

    left: float
    top: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.left + self.width

    @property
    def bottom(self) -> float:
        return self.top + self.height


def _y_axis(
    plot: _Plot, ticks: list[float], labels: list[str], y: Callable[[float], float], title: str | None
) -> list[str]:
    """Horizontal grid lines with their labels left of the plot, the left axis line and the
    rotated title."""
    parts = []
    for tick, label in zip(ticks, labels):
        parts.append(_line(plot.left, y(tick), plot.right, y(tick), GRID))
        parts.append(_text(plot.left - 4, y(tick) + 4, label, 11, MUTED, "end"))
    parts.append(_line(plot.left, plot.top, plot.left, plot.bottom, AXIS))
    if title:
        cx, cy = PAD + 10, plot.top + plot.height / 2
        label = _fitted(title, plot.height, 12)
        parts.append(_text(cx, cy, label, 12, TEXT, "middle", f' transform="rotate(-90 {_n(cx)} {_n(cy)})"'))
    return parts


def _x_axis(plot: _Plot, positions: list[float], labels: list[str], title: str | None, grid: bool) -> list[str]:
    """Labels under the plot (with vertical grid lines if `grid`), the bottom axis line and
    the title under the labels."""
    parts = []
    for x, label in zip(positions, labels):
        if grid:
            parts.append(_line(x, plot.top, x, plot.bottom, GRID))
        parts.append(_text(x, plot.bottom + 15, label, 11, MUTED, "middle"))
    parts.append(_line(plot.left, plot.bottom, plot.right, plot.bottom, AXIS))
    if title:
        parts.append(_text(plot.left + plot.width / 2, plot.bottom + 34, title, 12, TEXT, "middle"))
    return parts


def _left_margin(labels: list[str], title: str | None) -> float:
    """Room left of the plot for the y tick labels (11 px) and the rotated title."""
    return PAD + (18 if title else 0) + max(text_width(t, 11) for t in labels) + 6


def _legend(
    entries: list[tuple[str, str, str]], top: float, width: float, line: bool = False
) -> tuple[list[str], float]:
    """One (label, colour, dash) entry per line from `top`, wrapped to a chart `width` px wide:
    a square, or with `line` a short line in the entry's dash pattern; returns the parts and the
    bottom."""
    parts = []
    indent = PAD + (24 if line else 16)
    for label, colour, dash in entries:
        if line:
            parts.append(_line(PAD, top + 5, PAD + 18, top + 5, colour, dash, ' stroke-width="2"'))
        else:
            parts.append(_rect(PAD, top, 10, 10, colour))
        lines = _wrap(label, width - indent - PAD)
        parts += _lines(indent, top + 9.5, lines)
        top += 16 + 15 * (len(lines) - 1)
    return parts, top


def _chart(parts: list[str], width: float, height: float, title: str, description: str) -> Chart:
    """The accessible SVG document around `parts`, on a white background."""
    w, h = math.ceil(width), math.ceil(height)
    svg = (
        f'<svg role="img" aria-labelledby="chart-title chart-desc" xmlns="http://www.w3.org/2000/svg" '
        f'width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{FONT}">'
        f'<title id="chart-title">{html.escape(title, quote=False)}</title>'
        f'<desc id="chart-desc">{html.escape(description, quote=False)}</desc>'
        f'<rect width="{w}" height="{h}" fill="white"/>' + "".join(parts) + "</svg>"
    )
    return Chart(svg, w, h, f"{title}. {description}")


# ---------------------------------------------------------------------------------------------
# Charts


def _bar_share(bars: list[Bar], start: float, top: float) -> float:
    """The share of the plot width the longest bar takes: 0.55, less if a printed value would
    otherwise run past the widest allowed chart."""
    share = 0.55
    room = MAX_WIDTH - 2 * PAD - 4 - 2
    for b in bars:
        if b.value > start:
            fits = (room - text_width(b.text, 12)) / WIDTH * (top - start) / (b.value - start)
            share = min(share, fits)
    return max(share, 0.25)


def bar_chart(
    bars: list[Bar],
    title: str,
    description: str,
    lines: tuple[ReferenceLine, ...] = (),
    start: float = 0,
    order: tuple[str, ...] = (),
) -> Chart:
    """Horizontal bars from `start` (the scale's lowest value: 0, or 25 for an IKM), each with
    its label on the line above and its printed value at its end (so no axis is needed),
    coloured by category with a legend (in `order` order when given, else first seen),
    plus labelled reference lines."""
    if not bars:
        raise ValueError("a bar chart needs at least one bar")
    legend: dict[str, str] = {}
    for b in sorted(bars, key=lambda b: order.index(b.category) if b.category in order else len(order)):
        legend.setdefault(b.category, b.colour)
    top = max([b.value for b in bars] + [g.value for g in lines] + [start + 1])
    # Bars use the left 55 %; the printed value follows on the right.
    x = _scale(start, start + (top - start) / _bar_share(bars, start, top), PAD, PAD + WIDTH)
    labels = [_wrap(b.label, WIDTH) for b in bars]
    plot = _Plot(PAD, 16 if lines else 4, WIDTH, sum(44 + 15 * (len(label) - 1) for label in labels))
    parts: list[str] = []  # over the reference lines, each text on a white halo: no line crosses a letter
    width = float(PAD + WIDTH + PAD)
    row = plot.top
    for b, label in zip(bars, labels):
        end = x(max(b.value, start))
        below = row + 15 * (len(label) - 1)  # the bar goes under the label's last line
        parts += _lines(plot.left, row + 20, label, extra=HALO)
        parts.append(_rect(plot.left, below + 23, end - plot.left, 14, b.colour))
        parts.append(_text(end + 4, below + 34, b.text, extra=HALO))
        width = max(width, end + 4 + text_width(b.text, 12) + 2)
        row = below + 44
    width = max([width, *(text_width(g.label, 11) + 2 * PAD for g in lines)])
    reference: list[str] = []
    for g in lines:
        gx = x(g.value)
        half = text_width(g.label, 11) / 2
        reference.append(_line(gx, plot.top, gx, plot.bottom, MUTED, REFERENCE_DASH, ' opacity="0.7"'))
        parts.append(_text(min(max(gx, PAD + half), width - PAD - half), plot.top - 2, g.label, 11, MUTED, "middle"))
    keys, bottom = _legend([(k, c, "") for k, c in legend.items()], plot.bottom + 12, width)
    return _chart(reference + parts + keys, width, bottom + 2, title, description)


def line_chart(
    series: list[Series], title: str, description: str, y_title: str, lines: tuple[ReferenceLine, ...] = ()
) -> Chart:
    """Values over the years, one coloured line with points per series (Okabe-Ito and a dash
    pattern, with a legend), and labelled horizontal reference lines (e.g. the Renstra end
    target)."""
    if not any(s.points for s in series):
        raise ValueError("a line chart needs at least one point")
    values = [v for s in series for _, v in s.points] + [g.value for g in lines]
    low, high = min(values), max(values)
    pad = (high - low) * 0.15 or 1
    ticks, decimals = _nice_ticks(low - pad, high + pad)
    labels = [_trimmed(t, decimals) for t in ticks]
    left = _left_margin(labels, y_title)
    plot = _Plot(left, 10, min(WIDTH - 40, MAX_WIDTH - PAD - left), 180)
    y = _scale(low - pad, high + pad, plot.bottom, plot.top)
    years = sorted({year for s in series for year, _ in s.points})
    step = plot.width / len(years)
    x = {year: plot.left + step * (i + 0.5) for i, year in enumerate(years)}
    parts = _y_axis(plot, ticks, labels, y, y_title)
    parts += _x_axis(plot, list(x.values()), [str(year) for year in years], None, grid=False)
    for g in lines:
        parts.append(_line(plot.left, y(g.value), plot.right, y(g.value), MUTED, REFERENCE_DASH))
        label = _wrap(g.label, plot.width - 4, 11)
        parts += _lines(plot.left + 2, y(g.value) - 3 - 13 * (len(label) - 1), label, 11, MUTED, 13)
    entries = []
    for i, s in enumerate(series):
        colour, dash = PALETTE[i % len(PALETTE)], DASHES[i % len(DASHES)]
        points = " ".join(f"{_n(x[t])},{_n(y(v))}" for t, v in s.points)
        dashed = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2"{dashed}/>')
        parts += [f'<circle cx="{_n(x[t])}" cy="{_n(y(v))}" r="4" fill="{colour}"/>' for t, v in s.points]
        entries.append((s.label, colour, dash))
    keys, bottom = _legend(entries, plot.bottom + 28, plot.right + PAD, line=True)
    return _chart(parts + keys, plot.right + PAD, bottom + 2, title, description)


def scatter_chart(
    points: list[Point],
    title: str,
    description: str,
    x_title: str,
    y_title: str,
    x_split: float,
    y_split: float,
    kuadran: dict[str, str],
) -> Chart:
    """Labelled points with a vertical and a horizontal split line (an importance-performance
    grid); `kuadran` names the four corners: {"kiri-atas": text, "kanan-atas": ..., ...}."""
    merged: dict[tuple[float, float], list[str]] = {}
    for t in points:  # points at the same place share one label ("U3, U6")
        merged.setdefault((round(t.x, 2), round(t.y, 2)), []).append(t.label)
    xs, ys = [t.x for t in points] + [x_split], [t.y for t in points] + [y_split]
    (x0, x1), (y0, y1) = (min(xs) - 0.2, max(xs) + 0.2), (min(ys) - 0.2, max(ys) + 0.2)
    x_ticks, _ = _nice_ticks(x0, x1)
    y_ticks, _ = _nice_ticks(y0, y1)
    y_labels = [format_number(t, 2) for t in y_ticks]
    left = _left_margin(y_labels, y_title)
    x_labels = [format_number(t, 2) for t in x_ticks]
    plot = _Plot(left, 8, min(WIDTH - 40, MAX_WIDTH - 14 - left), 240)
    x, y = _scale(x0, x1, plot.left, plot.right), _scale(y0, y1, plot.bottom, plot.top)
    width = max(plot.right + 14, x(x_ticks[-1]) + text_width(x_labels[-1], 11) / 2 + 2)  # the last x tick label
    parts = _y_axis(plot, y_ticks, y_labels, y, y_title)
    parts += _x_axis(plot, [x(t) for t in x_ticks], x_labels, x_title, grid=True)
    parts += _corner_labels(plot, kuadran)
    parts.append(_line(x(x_split), plot.top, x(x_split), plot.bottom, MUTED, REFERENCE_DASH))
    parts.append(_line(plot.left, y(y_split), plot.right, y(y_split), MUTED, REFERENCE_DASH))
    parts += [f'<circle cx="{_n(x(px))}" cy="{_n(y(py))}" r="4.5" fill="{PALETTE[0]}"/>' for px, py in merged]
    parts += _point_labels([(x(px), y(py), ", ".join(names)) for (px, py), names in merged.items()], plot.left, width)
    return _chart(parts, width, plot.bottom + 40, title, description)


def _corner_labels(plot: _Plot, kuadran: dict[str, str]) -> list[str]:
    """The quadrants' names in the plot's corners (11 px italic), each wrapped to half the plot
    width; the lower ones grow upwards."""
    parts = []
    for key, text in kuadran.items():
        horizontal, vertical = key.split("-")
        lines = _wrap(text, plot.width / 2 - 8, 11)
        x, anchor = (plot.left + 4, "start") if horizontal == "kiri" else (plot.right - 4, "end")
        y = plot.top + 13 if vertical == "atas" else plot.bottom - 6 - 13 * (len(lines) - 1)
        parts += [_text(x, y + 13 * i, line, 11, MUTED, anchor, ' font-style="italic"') for i, line in enumerate(lines)]
    return parts


def _point_labels(points: list[tuple[float, float, str]], low: float, high: float) -> list[str]:
    """A 12 px label 5 px right of and 6 px above each point; a label that would cover a point
    or an earlier label, or leave [low, high], goes below, else left of its point."""

    def box(tx: float, ty: float, anchor: str, width: float) -> tuple[float, float, float, float]:
        x0 = tx if anchor == "start" else tx - width
        return x0, ty - 9, x0 + width, ty + 3

    taken = [(px - 4.5, py - 4.5, px + 4.5, py + 4.5) for px, py, _ in points]
    parts = []
    for px, py, label in points:
        width = text_width(label, 12)
        options = [
            (px + 5, py - 6, "start"),
            (px + 5, py + 15, "start"),
            (px - 5, py - 6, "end"),
            (px - 5, py + 15, "end"),
        ]
        inside = [o for o in options if low <= box(*o, width)[0] and box(*o, width)[2] <= high]
        free = [o for o in inside if not any(_overlap(box(*o, width), t) for t in taken)]
        tx, ty, anchor = (free or inside or options)[0]
        taken.append(box(tx, ty, anchor, width))
        parts.append(_text(tx, ty, label, anchor=anchor))
    return parts


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    """Whether two (x0, y0, x1, y1) boxes intersect."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]

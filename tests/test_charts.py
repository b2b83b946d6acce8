"""Charts drawn as SVG text: structure, geometry, legends, ticks, escaping, determinism."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from generator.render import charts as c
from generator.render.text_width import CHARACTERS, text_width

NS = "{http://www.w3.org/2000/svg}"
KUADRAN = {
    "kiri-atas": "I · Prioritas utama",
    "kanan-atas": "II · Pertahankan",
    "kiri-bawah": "III · Prioritas rendah",
    "kanan-bawah": "IV · Berlebihan",
}


def _root(g: c.Chart) -> ET.Element:
    return ET.fromstring(g.svg)


def _all(g: c.Chart, tag: str) -> list[ET.Element]:
    return list(_root(g).iter(NS + tag))


def _texts(g: c.Chart) -> list[str]:
    return [t.text for t in _all(g, "text")]


def _bars(g: c.Chart) -> list[ET.Element]:
    """The bars: every rect but the background and the 10x10 legend squares."""
    return [r for r in _all(g, "rect")[1:] if r.get("height") == "14"]


def _bar(values=(50, 100), start=0, lines=(), order=(), kategori=None):
    bars = [
        c.Bar(f"Bar {i}", v, str(v), (kategori or ["K"] * len(values))[i], c.PALETTE[i]) for i, v in enumerate(values)
    ]
    return c.bar_chart(bars, "Judul", "Keterangan.", lines, start, order)


def _line(*series, lines=(), y_title="persen"):
    return c.line_chart(
        [c.Series(label, tuple(points)) for label, points in series], "Judul", "Keterangan.", y_title, lines
    )


def _scatter(points):
    return c.scatter_chart(
        [c.Point(*p) for p in points], "Judul", "Keterangan.", "Kinerja (NRR)", "Harapan (NRR)", 3.3, 3.6, KUADRAN
    )


@pytest.fixture(params=["bar", "line", "scatter"])
def grafik(request) -> c.Chart:
    return {
        "bar": lambda: _bar(lines=(c.ReferenceLine(75, "Target"),)),
        "line": lambda: _line(
            ("Target", [(2023, 80), (2024, 85)]),
            ("Realisasi", [(2023, 79), (2024, 88)]),
            lines=(c.ReferenceLine(90, "Renstra"),),
        ),
        "scatter": lambda: _scatter([("U1", 3.1, 3.5), ("U2", 3.6, 3.8)]),
    }[request.param]()


def test_every_chart_is_an_accessible_self_contained_svg(grafik):
    svg = grafik.svg
    assert svg.startswith(
        '<svg role="img" aria-labelledby="chart-title chart-desc" xmlns="http://www.w3.org/2000/svg" '
    )
    root = _root(grafik)
    assert root.get("width") == str(grafik.width) and root.get("height") == str(grafik.height)
    assert root.get("viewBox") == f"0 0 {grafik.width} {grafik.height}"
    assert root.get("font-family") == c.FONT
    title, desc, background = list(root)[:3]
    assert (title.tag, title.get("id"), title.text) == (NS + "title", "chart-title", "Judul")
    assert (desc.tag, desc.get("id"), desc.text) == (NS + "desc", "chart-desc", "Keterangan.")
    assert background.tag == NS + "rect" and background.get("fill") == "white"
    assert background.get("width") == str(grafik.width) and background.get("height") == str(grafik.height)
    assert grafik.description == "Judul. Keterangan."
    assert grafik.width <= 330
    assert re.findall(r'\bid="([^"]*)"', svg) == ["chart-title", "chart-desc"]
    for forbidden in ("<script", "href", "class=", "url(", "<style", 'http://www.w3.org/2000/svg" x'):
        assert forbidden not in svg


def test_same_input_gives_the_same_bytes():
    assert _bar().svg == _bar().svg
    assert _scatter([("U1", 3.1, 3.5)]).svg == _scatter([("U1", 3.1, 3.5)]).svg


def test_bar_width_is_proportional_to_the_value_on_55_percent_of_the_plot():
    # top = 100, domain [0, 100 / 0.55 = 181,82] on 300 px: 100 -> 165 px, 50 -> 82,5 px.
    g = _bar((50, 100))
    assert [(r.get("x"), r.get("width")) for r in _bars(g)] == [("6", "82.5"), ("6", "165")]
    assert ">100</text>" in g.svg and ">50</text>" in g.svg
    value = next(t for t in _all(g, "text") if t.text == "100")
    assert value.get("x") == "175"  # 4 px after the bar's end (6 + 165)
    assert g.width == 312


def test_bars_start_at_awal_and_values_below_it_are_clamped():
    # awal 25, top 100: domain [25, 25 + 75 / 0.55 = 161,36]; 10 is below the start.
    g = _bar((10, 100), start=25)
    assert [r.get("width") for r in _bars(g)] == ["0", "165"]
    ten = next(t for t in _all(g, "text") if t.text == "10")
    assert ten.get("x") == "10"


def test_reference_lines_are_dashed_labelled_and_widen_the_scale():
    g = _bar((50,), lines=(c.ReferenceLine(110, "Target 110"),))
    # top = 110: domain [0, 200]; the line at 110 is at 6 + 165 px, the bar of 50 is 75 px.
    assert _bars(g)[0].get("width") == "75"
    line = next(x for x in _all(g, "line") if x.get("stroke-dasharray") == "4 3")
    assert line.get("x1") == line.get("x2") == "171" and line.get("y1") == "16" and line.get("y2") == "60"
    label = next(t for t in _all(g, "text") if t.text == "Target 110")
    assert label.get("text-anchor") == "middle" and label.get("x") == "171"
    assert float(label.get("y")) < 16


def test_a_reference_line_never_crosses_a_bar_label_or_value():
    """The 100 % line ran through the labels above the bars (Ajung 2023 on a phone: "Persentase
    Indikator Program yang Dicapai" was struck through): the line is painted first, and every
    text on a white outline, which keeps the line out of its letters (the bars cover the line
    and the outline of a label's descenders)."""
    g = _bar((40, 100, 130), lines=(c.ReferenceLine(100, "100 %"),))
    order = list(_root(g))  # every drawing is a child of the <svg>, in painting order
    tags = [(x.tag.removeprefix(NS), x.get("height") or x.get("stroke-dasharray") or x.text) for x in order]
    line = tags.index(("line", "4 3"))
    bars = [n for n, t in enumerate(tags) if t == ("rect", "14")]
    assert len(bars) == 3 and min(bars) > line
    written = [n for n, (tag, text) in enumerate(tags) if tag == "text" and (text.startswith("Bar ") or text.isdigit())]
    assert len(written) == 6 and min(written) > line
    assert all(order[n].get("stroke") == "white" and order[n].get("paint-order") == "stroke" for n in written)


def test_long_printed_values_shrink_the_bars_so_the_text_fits():
    g = _bar((100,))
    long = c.bar_chart([c.Bar("A", 100, "100,00 % · Sangat Tinggi sekali sekali", "K", "#000")], "Judul", "Keterangan.")
    assert float(_bars(long)[0].get("width")) < float(_bars(g)[0].get("width"))
    assert long.width <= 330


def test_bar_legend_follows_urutan_else_first_seen():
    kategori = ["B Baik", "A Sangat baik", "B Baik", "C Kurang"]
    first_seen = _bar((90, 95, 80, 70), kategori=kategori)
    ordered = _bar((90, 95, 80, 70), kategori=kategori, order=("A Sangat baik", "B Baik", "C Kurang", "D"))

    def legend(g):
        return [t.text for t in _all(g, "text") if t.text in set(kategori)]

    assert legend(first_seen) == ["B Baik", "A Sangat baik", "C Kurang"]
    assert legend(ordered) == ["A Sangat baik", "B Baik", "C Kurang"]
    squares = [r for r in _all(ordered, "rect") if r.get("width") == "10"]
    assert [r.get("fill") for r in squares] == [c.PALETTE[1], c.PALETTE[0], c.PALETTE[3]]


def test_long_bar_labels_wrap_and_everything_is_escaped():
    label = "Angka <kecil> & besar " + "x" * 60
    g = c.bar_chart([c.Bar(label, 5, "5 < 6 & 7 > 1", "K<&>", "#000")], "Judul <&>", "Desc <&>.")
    assert ">Angka &lt;kecil&gt; &amp; besar</text>" in g.svg
    assert ">5 &lt; 6 &amp; 7 &gt; 1</text>" in g.svg and ">K&lt;&amp;&gt;</text>" in g.svg
    assert (
        '<title id="chart-title">Judul &lt;&amp;&gt;</title><desc id="chart-desc">Desc &lt;&amp;&gt;.</desc>'
    ) in g.svg
    lines = _texts(g)[:-2]  # the label's lines, then the value and the legend
    assert lines[0] == "Angka <kecil> & besar" and "".join(lines[1:]) == "x" * 60 and len(lines) == 3
    assert all(text_width(line, 12) <= c.WIDTH for line in lines)
    # Each line 15 px under the last; the bar under the label's last line.
    assert [t.get("y") for t in _all(g, "text")[:3]] == ["24", "39", "54"]
    assert _bars(g)[0].get("y") == "57"


def test_wrapping_keeps_words_whole_and_lines_within_the_width():
    name = "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota"
    lines = c._wrap(name, 150)
    assert " ".join(lines) == name and len(lines) > 1
    assert all(text_width(line, 12) <= 150 for line in lines)
    assert c._wrap("pendek", 150) == ["pendek"]


def test_text_widths_come_from_the_widest_font():
    """The table holds, per character, at least the advance width of DejaVu Sans (the widest of
    the fonts a browser may use for the chart's font stack, and the one Debian's Chromium uses),
    measured here again from the font file with fontTools."""
    from fontTools.ttLib import TTFont

    font = TTFont("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    cmap, metrics, units = font.getBestCmap(), font["hmtx"], font["head"].unitsPerEm
    for ch in CHARACTERS:
        if ord(ch) in cmap:
            assert text_width(ch, 1000) >= metrics[cmap[ord(ch)]][0] * 1000 / units, ch
    assert text_width("0", 10) == pytest.approx(6.37)  # DejaVu Sans: 1303 / 2048 em, rounded up
    assert text_width("\u4e00", 10) == max(text_width(ch, 10) for ch in CHARACTERS)  # not in the table: the widest


def test_bar_chart_needs_a_bar():
    with pytest.raises(ValueError):
        c.bar_chart([], "Judul", "Keterangan.")


@pytest.mark.parametrize(
    ("low", "high", "ticks", "decimals"),
    [
        (83.7, 86.3, [84, 84.5, 85, 85.5, 86], 1),  # step 2.6 / 4 = 0,65 -> 0,5 (nearer than 1)
        (2.6, 4.1, [3, 3.5, 4], 1),  # 0,375 -> 0,5 (nearer than 0,25)
        (0, 1000, [0, 250, 500, 750, 1000], 0),  # 250 exactly: 2,5 x 10^2
        (3.1, 3.9, [3.2, 3.4, 3.6, 3.8], 1),  # 0,2
        (-12, 12, [-10, -5, 0, 5, 10], 0),  # 6 -> 5
        (0.02, 0.11, [0.025, 0.05, 0.075, 0.1], 3),  # 0,0225 -> 0,025
    ],
)
def test_nice_ticks(low, high, ticks, decimals):
    assert c._nice_ticks(low, high) == (ticks, decimals)


def test_line_chart_with_one_series():
    g = _line(("Realisasi", [(2022, 84.0), (2023, 85.2), (2024, 86.0)]))
    (polyline,) = _all(g, "polyline")
    assert polyline.get("stroke") == c.PALETTE[0] and polyline.get("stroke-dasharray") is None
    assert polyline.get("stroke-width") == "2" and polyline.get("fill") == "none"
    circles = _all(g, "circle")
    assert [(x.get("r"), x.get("fill")) for x in circles] == [("4", c.PALETTE[0])] * 3
    # Years at evenly spaced positions with half a step of padding at both ends.
    xs = [float(x.get("cx")) for x in circles]
    bottom_axis = next(x for x in _all(g, "line") if x.get("stroke") == c.AXIS and x.get("y1") == x.get("y2"))
    left, right = float(bottom_axis.get("x1")), float(bottom_axis.get("x2"))
    step = (right - left) / 3
    assert xs == pytest.approx([left + step / 2, left + step * 1.5, left + step * 2.5], abs=0.11)
    texts = _texts(g)
    assert {"2022", "2023", "2024", "Realisasi", "persen"} <= set(texts)
    # Domain [84 - 0,3, 86 + 0,3]: ticks 84, 84,5, ... 86 with just enough decimals.
    assert [t for t in texts if re.fullmatch(r"8\d(,\d)?", t)] == ["84", "84,5", "85", "85,5", "86"]
    # The highest point is above the lowest (SVG y grows downwards).
    ys = [float(x.get("cy")) for x in circles]
    assert ys[0] > ys[1] > ys[2]


def test_line_chart_series_dashes_reference_line_and_indonesian_ticks():
    g = _line(
        ("Target", [(2020, 1200), (2021, 3000)]),
        ("Realisasi", [(2020, 1500), (2021, 4800)]),
        lines=(c.ReferenceLine(4000, "Target akhir Renstra 2026: 4.000"),),
        y_title=None,
    )
    first, second = _all(g, "polyline")
    assert (first.get("stroke"), second.get("stroke")) == c.PALETTE[:2]
    assert second.get("stroke-dasharray") == "5 3"
    texts = _texts(g)
    assert {"1.000", "2.000", "3.000", "4.000", "5.000"} <= set(texts)
    assert texts[-2:] == ["Target", "Realisasi"] and "Target akhir Renstra 2026: 4.000" in texts
    assert "rotate" not in g.svg  # no y title
    swatches = [x for x in _all(g, "line") if x.get("stroke-width") == "2"]
    assert [x.get("stroke-dasharray") for x in swatches] == [None, "5 3"]
    reference = [x for x in _all(g, "line") if x.get("stroke-dasharray") == "4 3"]
    assert len(reference) == 1 and reference[0].get("y1") == reference[0].get("y2")


def test_line_chart_years_are_the_union_in_order():
    g = _line(("Target", [(2022, 5), (2024, 6)]), ("Realisasi", [(2023, 5.5), (2024, 6.5)]))
    assert [t for t in _texts(g) if t.startswith("20")] == ["2022", "2023", "2024"]


def test_scatter_merges_points_at_the_same_place_and_names_the_quadrants():
    g = _scatter([("U1", 3.1, 3.5), ("U3", 3.521, 3.41), ("U6", 3.519, 3.409), ("U4", 3.9, 3.3)])
    texts = _texts(g)
    assert "U3, U6" in texts and "U3" not in texts and "U6" not in texts
    assert len(_all(g, "circle")) == 3
    assert all(x.get("r") == "4.5" and x.get("fill") == c.PALETTE[0] for x in _all(g, "circle"))
    names = {t.text: t for t in _all(g, "text") if t.get("font-style") == "italic"}
    assert set(names) == set(KUADRAN.values())
    assert names["II · Pertahankan"].get("text-anchor") == "end"
    assert names["I · Prioritas utama"].get("text-anchor") is None
    # Labels with two decimals on both axes; axis titles; the split lines.
    assert {"3,00", "3,50", "Kinerja (NRR)", "Harapan (NRR)"} <= set(texts)
    assert len([x for x in _all(g, "line") if x.get("stroke-dasharray") == "4 3"]) == 2


def test_scatter_point_label_sits_right_and_above_the_point():
    g = _scatter([("U1", 3.1, 3.5), ("U2", 3.6, 3.8)])
    circle = _all(g, "circle")[0]
    label = next(t for t in _all(g, "text") if t.text == "U1")
    assert float(label.get("x")) == pytest.approx(float(circle.get("cx")) + 5, abs=0.1)
    assert float(label.get("y")) == pytest.approx(float(circle.get("cy")) - 6, abs=0.1)


def test_scatter_labels_avoid_points_and_each_other():
    # U2 sits 3,5 px right of U1: U1's label would cover it, so it goes below U1.
    g = _scatter([("U1", 3.2, 3.5), ("U2", 3.22, 3.5), ("U9 dengan nama panjang", 4.6, 3.5)])
    circles = dict(zip(("U1", "U2", "U9 dengan nama panjang"), _all(g, "circle")))
    labels = {t.text: t for t in _all(g, "text") if t.text in circles}
    assert float(labels["U1"].get("y")) == pytest.approx(float(circles["U1"].get("cy")) + 15, abs=0.1)
    assert float(labels["U2"].get("y")) == pytest.approx(float(circles["U2"].get("cy")) - 6, abs=0.1)
    # The rightmost point's label would leave the chart: it goes left of the point.
    right = labels["U9 dengan nama panjang"]
    assert right.get("text-anchor") == "end"
    assert float(right.get("x")) == pytest.approx(float(circles["U9 dengan nama panjang"].get("cx")) - 5, abs=0.1)


def test_line_chart_needs_a_point():
    with pytest.raises(ValueError):
        _line(("Target", []), lines=(c.ReferenceLine(5, "Renstra"),))

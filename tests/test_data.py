"""Open data: every table on every page is downloadable, the numbers match the page, and the
data package validates with the Frictionless library."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import read_csv
from frictionless import validate as frictionless_validate

from generator.render.dataset import Cell, Column, Table, data_value, to_csv, to_json


class _Tables(HTMLParser):
    """Counts body rows of each table and collects the download links after it (the
    `p.unduh` paragraph each table ends with)."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[int] = []
        self.csv: list[str] = []
        self.ids: set[str] = set()
        self._in_body = False
        self._in_downloads = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        if attr.get("id"):
            self.ids.add(attr["id"])
        if tag == "table":
            self.rows.append(0)
        elif tag == "tbody":
            self._in_body = True
        elif tag == "tr" and self._in_body:
            self.rows[-1] += 1
        elif tag == "p" and attr.get("class") == "unduh":
            self._in_downloads = True
        elif tag == "a" and self._in_downloads and (attr.get("href") or "").endswith(".csv"):
            self.csv.append(attr["href"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "tbody":
            self._in_body = False
        elif tag == "p":
            self._in_downloads = False


def parse_document(path: Path) -> _Tables:
    parser = _Tables()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.fixture
def site(demo_site: Path) -> Path:
    return demo_site


def test_every_table_has_its_csv_with_the_same_rows(site):
    pages = [p for p in site.rglob("index.html") if p.parent.name != "data-terbuka"]
    checked = 0
    for page in pages:
        parsed = parse_document(page)
        assert len(parsed.csv) == len(parsed.rows), page  # one download per table
        for rows, href in zip(parsed.rows, parsed.csv):
            data = read_csv((page.parent / href).resolve())
            assert len(data) == rows, (page, href)
            json_rows = json.loads((page.parent / href).resolve().with_suffix(".json").read_text(encoding="utf-8"))
            assert [{k: "" if v is None else str(v) for k, v in r.items()} for r in json_rows] == data
            checked += 1
    assert checked >= 20


def test_downloads_carry_the_computed_figures(site):
    iku = {r["indikator"]: r for r in read_csv(site / "lumajang/kedungjajang/2024/capaian-iku.csv")}
    # Seed 000: Nilai Sinergitas 2024 realisasi 70,85 against target 56 -> 126,52 %.
    assert iku["Nilai Sinergitas Kinerja Kecamatan"]["capaian"] == "126.52"
    assert iku["Nilai Sinergitas Kinerja Kecamatan"]["predikat"] == "Sangat Tinggi"
    home = {r["kecamatan"]: r for r in read_csv(site / "capaian-terbaru.csv")}
    assert home["Megaluh"]["rata_rata_capaian"] == "97.56"
    assert (home["Megaluh"]["iku_tercapai"], home["Megaluh"]["jumlah_iku"]) == ("5", "6")
    desa = read_csv(site / "jombang/megaluh/desa.csv")
    assert len(desa) == 13 and sum(int(r["penduduk"]) for r in desa) == 39725


def _packages(site: Path) -> list[Path]:
    """The portal's data package and one per kabupaten (each kabupaten is built on its own)."""
    return sorted(site.glob("datapackage.json")) + sorted(site.glob("*/datapackage.json"))


def test_data_packages_validate_with_frictionless(site):
    packages = _packages(site)
    assert [p.parent.relative_to(site).as_posix() for p in packages] == [".", "jember", "jombang", "lumajang"]
    resources = 0
    for package in packages:
        descriptor = json.loads(package.read_text(encoding="utf-8"))
        resources += len(descriptor["resources"])
        for resource in descriptor["resources"]:
            assert (package.parent / resource["path"]).is_file()
            assert all(f.get("title") for f in resource["schema"]["fields"])
        report = frictionless_validate(package)
        assert report.valid, report.flatten(["resourcePath", "rowNumber", "fieldName", "type", "note"])[:10]
    assert resources >= 20
    # Every published CSV belongs to exactly one package.
    listed = [
        (package.parent / r["path"]).resolve()
        for package in packages
        for r in json.loads(package.read_text(encoding="utf-8"))["resources"]
    ]
    assert len(listed) == len(set(listed)) == len(list(site.rglob("*.csv")))


def test_every_computed_field_links_to_its_formula(site):
    ids = parse_document(site / "metodologi/index.html").ids
    anchors = {
        m
        for package in _packages(site)
        for r in json.loads(package.read_text(encoding="utf-8"))["resources"]
        for f in r["schema"]["fields"]
        for m in re.findall(r"metodologi/#([\w-]+)", f.get("description", ""))
    }
    assert {"rumus-capaian", "rumus-predikat", "rumus-rata-rata-capaian"} <= anchors
    assert anchors <= ids
    kolom = read_csv(site / "kolom-terhitung.csv")
    assert {"capaian", "predikat", "rata_rata_capaian", "penduduk"} <= {r["kolom"] for r in kolom}


def test_values_are_plain_and_rounded_half_up():
    t = Table(
        "x",
        "Judul",
        "",
        (Column("a", "A", "persen"), Column("b", "B", "angka"), Column("c", "C", "bilangan"), Column("d", "D")),
    )
    t.add_row(100.355, "BB", 39725.0, Cell("teks", "tampil"))
    t.add_row(None, 83.5, None, 'x,y"z')
    assert to_csv(t) == 'a,b,c,d\r\n100.36,BB,39725,teks\r\n,83.5,,"x,y""z"\r\n'
    assert json.loads(to_json(t))[1] == {"a": None, "b": 83.5, "c": None, "d": 'x,y"z'}
    assert data_value(80.0, Column("p", "P", "persen")) == 80


def test_the_json_has_one_record_per_line_whatever_its_texts_hold():
    t = Table("x", "Judul", "", (Column("a", "A"), Column("b", "B", "angka")))
    tricky = ['}, {"a": "x"}, {"', '"}, {"', "baris\nbaru }, {", "{}", "", None]
    for n, text in enumerate(tricky):
        t.add_row(text, n + 0.5)
    text = to_json(t)
    lines = text.split("\n")
    assert lines[0] == "[" and lines[-2:] == ["]", ""] and len(lines) == len(tricky) + 3
    assert [json.loads(line.rstrip(",")) for line in lines[1:-2]] == json.loads(text)
    assert json.loads(text) == [{"a": a, "b": n + 0.5} for n, a in enumerate(tricky)]
    assert to_json(Table("y", "Kosong", "", (Column("a", "A"),))) == "[]\n"


def test_a_number_column_holding_grades_is_published_as_text():
    from generator.render.dataset import resource

    t = Table("x", "Judul", "", (Column("target", "Target", "angka"),))
    t.add_row("BB")
    t.add_row(3.5)
    assert resource(t, "metodologi/")["schema"]["fields"][0]["type"] == "string"


def test_the_data_package_uses_the_resource_line_a_table_carries():
    """An incremental build describes again only the tables of changed kecamatan: a table kept
    from the last build (its rows dropped) carries its line, used as it is."""
    from generator.render.dataset import datapackage, resource_line

    tables = [Table(f"kab/kec-{n}/2024/iku", f"IKU {n}", "", (Column("nilai", "Nilai", "angka"),)) for n in (1, 2)]
    for n, t in enumerate(tables):
        t.add_row(n + 0.5)
    licence = {"name": "CC-BY-4.0", "title": "CC BY", "path": "https://creativecommons.org/licenses/by/4.0/"}
    text = datapackage(tables, "p", "Judul", "", "metodologi/", licence, "kab")
    resources = json.loads(text)["resources"]
    assert [r["name"] for r in resources] == ["kab.kec-1.2024.iku", "kab.kec-2.2024.iku"]
    assert resources[1]["title"] == "IKU 2"
    line = resource_line(tables[0], "metodologi/", "kab")
    kept = Table(tables[0].path, "IKU 1", "", tables[0].columns, resource=line)  # no rows
    assert datapackage([kept, tables[1]], "p", "Judul", "", "metodologi/", licence, "kab") == text
    kept.resource = line.replace("IKU 1", "IKU lama")
    again = json.loads(datapackage([kept, tables[1]], "p", "Judul", "", "metodologi/", licence, "kab"))
    assert [r["title"] for r in again["resources"]] == ["IKU lama", "IKU 2"]
    assert json.loads(datapackage([], "p", "Judul", "", "metodologi/", licence))["resources"] == []


def test_table_html_formats_groups_totals_links_and_escapes():
    """`tabel_html`, the one writer of every table on the site, on a table made by hand."""
    from generator.render import Page
    from generator.render.html_table import table_html

    t = Table(
        "kab/kec/2024/uji",
        "Uji <b>",
        "",
        (
            Column("kelompok", "Sasaran", group=True),
            Column("id", "Id", shown=False),
            Column("nilai", "Capaian", "persen"),
            Column("teks", "Catatan"),
        ),
    )
    t.add_row("S1", "a", 100.355, Cell("x", "lihat", "kab/kec/index.md"))
    t.add_row("S1", "b", None, "<script>", css_class="baris")
    t.add_row("S2", "c", 83.5, "ok")
    t.footer = ("Jumlah", None, 92.0, None)
    html = table_html(t, Page("kab/kec/2024/index.md", "x.md.j2", "T", "D"))
    rows = re.findall(r"<tr[^>]*>.*?</tr>", html)
    assert rows[0] == (
        '<tr><th scope="col">Sasaran</th><th scope="col" class="angka">Capaian</th><th scope="col">Catatan</th></tr>'
    )  # the hidden column is not shown
    assert rows[1] == (
        '<tr><th scope="row">S1</th><td class="angka" data-label="Capaian">100,36 %</td>'
        '<td data-label="Catatan"><a href="../">lihat</a></td></tr>'
    )  # every data cell names its column (stacked rows on a phone)
    assert rows[2] == (
        '<tr class="baris"><th scope="row" class="ulang"><span class="sr-only">S1</span></th>'
        '<td class="angka" data-label="Capaian"><span class="tanpa-data">—</span></td>'
        '<td data-label="Catatan">&lt;script&gt;</td></tr>'
    )
    assert rows[3].startswith('<tr><th scope="row">S2</th><td class="angka" data-label="Capaian">83,50 %</td>')
    assert rows[4] == (
        '<tr><th scope="row">Jumlah</th><td class="angka" data-label="Capaian">92,00 %</td>'
        '<td data-label="Catatan"><span class="tanpa-data">—</span></td></tr>'
    )
    assert 'aria-label="Uji &lt;b&gt;"' in html and "<b>" not in html and "<table>" in html  # 3 columns fit a phone
    assert html.endswith('<a href="uji.csv" download>CSV</a> · <a href="uji.json" download>JSON</a></p>')
    t.formats = ("csv",)
    assert table_html(t, Page("kab/kec/2024/index.md", "x.md.j2", "T", "D")).endswith(
        '<p class="unduh">Unduh data tabel ini: <a href="uji.csv" download>CSV</a></p>'
    )
    # A fourth column: stacked on a phone; under a group heading each row's first cell is its name.
    wide = Table("kab/kec/2024/lebar", "Lebar", "", (*t.columns, Column("lagi", "Lagi")), css_class="tabel-iku")
    wide.add_row("S1", "a", 100.355, "x", "y")
    html = table_html(wide, Page("kab/kec/2024/index.md", "x.md.j2", "T", "D"))
    assert '<table class="tabel-iku tumpuk">' in html
    assert '<td class="angka nama" data-label="Capaian">100,36 %</td><td data-label="Catatan">x</td>' in html

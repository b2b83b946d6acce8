"""Open-data CSV files and spreadsheets (issue 19): a text cell a spreadsheet program would run as
a formula is written with a leading apostrophe, numbers stay numbers, the JSON keeps the text."""

from __future__ import annotations

import csv
import io
import itertools
import json
import shutil

import pytest
from conftest import DEMO
from hostile import inject
from markupsafe import Markup

from generator.build import build_site
from generator.render.dataset import FORMULA_START, SIGNED_NUMBER, Column, Table, csv_cell, to_csv, to_json


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ('=HYPERLINK("http://contoh.invalid","klik")', '\'=HYPERLINK("http://contoh.invalid","klik")'),
        ("+62 812-3456-7890", "'+62 812-3456-7890"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("@SUM(1+1)*cmd|' /C calc'!A0", "'@SUM(1+1)*cmd|' /C calc'!A0"),
        ("\t=1+1", "'\t=1+1"),
        ("  =1+1", "'  =1+1"),
        ("Kedungjajang", "Kedungjajang"),
        ("83,5 %", "83,5 %"),
        ("-3,12", "-3,12"),  # a printed figure: a number to a spreadsheet, never a formula
        ("+1.234,5%", "+1.234,5%"),
        ("-1,5+1", "'-1,5+1"),
        (-103.58, -103.58),
        (-5, -5),
        (None, ""),
    ],
)
def test_a_cell_a_spreadsheet_would_run_is_text_and_numbers_stay_numbers(value, cell):
    assert csv_cell(value) == cell
    # The same through a table's CSV (a text column, a number column for numbers), which
    # looks at most cells without calling csv_cell; a str subclass is looked at like a str.
    table = Table("uji/sel", "Uji", "", (Column("v", "V", "teks" if isinstance(value, str) else "angka"),))
    table.add_row(value)
    if isinstance(value, str):
        table.add_row(Markup(value))
    assert {row[0] for row in csv.reader(io.StringIO(to_csv(table), newline=""))} == {"v", str(cell)}


def test_the_json_keeps_the_text_the_csv_neutralises():
    table = Table("uji/rumus", "Uji", "", (Column("nama", "Nama"), Column("nilai", "Nilai", "angka")))
    table.add_row("=1+2", -4.5)
    assert to_csv(table) == "nama,nilai\r\n'=1+2,-4.5\r\n"
    assert json.loads(to_json(table)) == [{"nama": "=1+2", "nilai": -4.5}]


@pytest.mark.slow
def test_no_cell_of_the_built_open_data_starts_a_formula(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(DEMO, content)
    starts = itertools.cycle(["=1+2 ", "+1 ", "-1 ", "@A1 "])
    assert inject(content, lambda text: next(starts) + text) > 1000
    site = build_site(content, tmp_path / "site", tmp_path / "work", lambda _: None, 1).site
    neutralised = 0
    for path in sorted(site.rglob("*.csv")):
        for row in csv.reader(io.StringIO(path.read_text(encoding="utf-8"))):
            for cell in row:
                if cell.lstrip(" ").startswith(FORMULA_START):
                    assert SIGNED_NUMBER.fullmatch(cell), cell  # a number, or a number as printed
                neutralised += cell.startswith(("'=1+2", "'+1 ", "'-1 ", "'@A1 "))
    assert neutralised > 100
    names = json.loads((site / "lumajang/capaian-kecamatan.json").read_text(encoding="utf-8"))
    assert any(str(v).startswith(("=1+2 ", "+1 ", "-1 ", "@A1 ")) for record in names for v in record.values())

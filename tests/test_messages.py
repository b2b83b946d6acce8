"""Messages a clerk understands (issue 13, item 7), one test per message: unknown keys suggest only
keys of that place, an id of the wrong kind says what it is, a decimal comma without quotes in a CSV
row says to quote the number, no English inside Indonesian messages, and a number such as `90.480`
among values below 1.000 is flagged as a likely misreading."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.load import load_content
from generator.problems import ContentError, Problem
from generator.validate import validate

YEAR = "lumajang/kedungjajang/2024"


def problems(root: Path) -> list[Problem]:
    with pytest.raises(ContentError) as exc:
        validate(load_content(root, diubah={}))
    return exc.value.problems


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_unknown_key_suggests_only_keys_of_that_place(mini):
    # `jumlah` is a key of other files (sumber-daya.yml), `target` of this very file: only the
    # indicator's own keys may be suggested for a typo in an indicator.
    edit(mini / YEAR / "kinerja.yml", "satuan: indeks", "satuan: indeks\n        jumlahh: 3")
    (p,) = [p for p in problems(mini) if p.key == "unknown_key"]
    assert "maksud Anda" not in p.message and "jumlah'" not in p.message
    assert "kunci yang dikenal di sini:" in p.message and "polaritas" in p.message and "agregasi" in p.message
    # A typo close to a key of this place gets that key.
    edit(mini / YEAR / "kinerja.yml", "jumlahh: 3", "satuann: x")
    (p,) = [p for p in problems(mini) if p.key == "unknown_key"]
    assert p.message.endswith("maksud Anda 'satuan'?")


def test_a_key_that_moved_says_where_it_went(mini):
    edit(mini / YEAR / "kinerja.yml", "pk_awal: 60", "renstra: 70\n              pk_awal: 60")
    (p,) = problems(mini)
    assert p.key == "unknown_key" and p.path.endswith(".target.renstra")
    assert "target Renstra ditulis di renstra.yml" in p.message


def test_tujuan_id_where_a_sasaran_id_belongs(mini):
    narasi = mini / YEAR / "narasi.yml"
    edit(narasi, "sasaran: S1", "sasaran: T1")
    (p,) = problems(mini)
    assert p.key == "unknown_reference" and p.value == "T1"
    assert "'T1' adalah id tujuan, bukan sasaran; sasaran yang ada: S1" in p.message


def test_sasaran_id_where_an_indicator_id_belongs(mini):
    edit(mini / YEAR / "realisasi.csv", "P1-I1,", "S1,")
    (p,) = problems(mini)
    assert "'S1' adalah id sasaran, bukan indikator" in p.message


def test_program_indicator_where_an_iku_belongs(mini):
    edit(mini / YEAR / "skm.yml", "indikator: ikm-kecamatan", "indikator: P1-I1")
    (p,) = problems(mini)
    assert "'P1-I1' adalah id indikator program, bukan IKU" in p.message


def test_unquoted_decimal_comma_in_a_csv_row(mini):
    f = mini / YEAR / "realisasi.csv"
    edit(f, 'ikm-kecamatan,,"79,55",,"85,74"', "ikm-kecamatan,,79,55,,85,74")
    (p,) = problems(mini)
    assert (p.file, p.key, p.value, p.line) == (f, "decimal_comma", "79,55", 3)
    assert 'kutip angka berkoma, mis. "79,55"' in p.message


def test_too_many_columns_without_a_decimal_comma(mini):
    f = mini / YEAR / "realisasi.csv"
    edit(f, "P1.K1-I1,,,,,100,,,", "P1.K1-I1,,,,,100,,,,x")
    (p,) = problems(mini)
    assert (p.key, p.message) == ("csv_columns", "baris berisi lebih banyak kolom dari judul kolom")


#: English words that must not appear inside an Indonesian message (the key in brackets is English).
ENGLISH = re.compile(
    r"\b(or|and|should|must|input|value|field|required|error|the|be|is|not|type|expected|least|most)\b", re.I
)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("polaritas: positif", "polaritas: naik"),  # a choice: pydantic says "'positif' or 'negatif'"
        ("satuan: indeks", "satuan: [indeks]"),
        ("tahun: 2024", "tahun: 20.5"),
        ("tahun: 2024", "tahun: 1999"),
        ("agregasi: terakhir", "agregasi: 3"),
        ("pk_awal: 60", "pk_awal: {a: 1}"),
        ("    nama: Nilai IKM Kabupaten", '    nama: ""'),
        ("sumber: ", "sumber:\n  - a\n#"),
    ],
)
def test_no_english_inside_indonesian_messages(mini, old, new):
    edit(mini / YEAR / "kinerja.yml", old, new)
    messages = [p.message for p in problems(mini)]
    assert messages and not [m for m in messages if ENGLISH.search(m)], messages


def test_thousands_separator_misreading_is_a_warning(mini):
    f = mini / YEAR / "realisasi.csv"
    edit(f, 'sinergitas,,,"75,91"', 'sinergitas,,,"75.910"')
    content = validate(load_content(mini, diubah={}))
    (w,) = [w for w in content.warnings if w.key == "thousands_separator"]
    assert (w.file, w.path, w.value, w.severity) == (f, "tw3", "75.910", "warning")
    assert "'75.910' dibaca 75.910 karena titik adalah pemisah ribuan" in w.message
    assert 'bila maksudnya bilangan desimal, tulis "75,910"' in w.message
    # A count that really is in the thousands is left alone (its other values are large too).
    edit(f, 'sinergitas,,,"75.910"', 'sinergitas,,,"75,91"')
    edit(f, "P4.K1-I1,,,,,12", 'P4.K1-I1,,,,,"1.200"')
    content = validate(load_content(mini, diubah={}))
    assert [w.value for w in content.warnings if w.key == "thousands_separator"] == ["1.200"]

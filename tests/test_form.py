"""Survey answers from online-form exports: mapping, row problems, personal data never published."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from generator.cli import app
from generator.workbook.form import QUESTIONS, Pemetaan, convert, import_form, synthetic_form, synthetic_mapping

LAYANAN = {"ktp-el", "kk", "akta", "surat-keterangan"}


@pytest.fixture
def mapping() -> Pemetaan:
    return Pemetaan.model_validate(yaml.safe_load(synthetic_mapping()))


def test_form_becomes_raw_answers(mapping):
    frame = synthetic_form(40, seed=7).astype(object)
    frame.loc[0, "Stempel waktu"] = "05/03/2024 10:15:30"
    frame.loc[1, QUESTIONS[3]] = "  sangat BAIK "
    frame.loc[2, QUESTIONS[4]] = 2
    result = convert(frame, mapping, LAYANAN, skip=False)
    assert result.errors == [] and result.rows == 40
    lines = result.text.splitlines()
    assert lines[0] == (
        "responden,tanggal,layanan,jenis_kelamin,usia,pendidikan,pekerjaan,U1,U2,U3,U4,U5,U6,U7,U8,U9,saran"
    )
    first, second, third = (dict(zip(lines[0].split(","), line.split(","))) for line in lines[1:4])
    assert first["responden"] == "F00002" and first["tanggal"] == "2024-03-05"
    assert first["jenis_kelamin"] in ("L", "P") and first["layanan"] in LAYANAN
    assert second["U4"] == "4" and third["U5"] == "2"
    assert result.dropped == ["Nama lengkap", "Nomor HP/WhatsApp", "Alamat email", "NIK"]


def test_rows_with_missing_or_unknown_answers_are_reported_by_row(mapping, tmp_path: Path):
    frame = synthetic_form(30, seed=2)
    frame.loc[5, QUESTIONS[2]] = ""
    frame.loc[9, QUESTIONS[4]] = "Cukup"
    frame.loc[9, "Jenis layanan"] = "Paspor"
    result = convert(frame, mapping, LAYANAN, skip=False)
    assert result.errors == [
        "baris 7: U3: jawaban kosong [missing_answer]",
        "baris 11: layanan: 'Paspor' tidak dikenal [unknown_reference]; U5: jawaban 'Cukup' tidak dikenal "
        "[unknown_answer]",
    ]
    assert result.text == ""
    skipped = convert(frame, mapping, LAYANAN, skip=True)
    assert skipped.errors == [] and skipped.rows == 28 and skipped.skipped == result.errors
    assert "F00007" not in skipped.text and "F00011" not in skipped.text and "F00012" in skipped.text


def test_nothing_is_written_on_a_problem(tmp_path: Path):
    frame = synthetic_form(10, seed=1)
    frame.loc[3, QUESTIONS[0]] = "Lumayan"
    frame.to_csv(tmp_path / "form.csv", index=False)
    (tmp_path / "pemetaan.yml").write_text(synthetic_mapping(), encoding="utf-8")
    out = tmp_path / "skm-s1.csv"
    args = ["impor-skm", str(tmp_path / "form.csv"), "--pemetaan", str(tmp_path / "pemetaan.yml"), "--keluar", str(out)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 1 and not out.exists()
    assert "GALAT form.csv:5: U1: jawaban 'Lumayan' tidak dikenal [unknown_answer]" in result.output
    assert result.output.splitlines()[-1].endswith(
        "tidak ditulis (baris bermasalah dapat dilewati dengan --lewati-baris)."
    )
    unreadable = CliRunner().invoke(app, [*args[:1], str(tmp_path / "tidak-ada.csv"), *args[2:]])
    assert unreadable.exit_code == 1 and unreadable.output.splitlines()[-1] == f"1 galat; {out} tidak ditulis."
    result = CliRunner().invoke(app, [*args, "--lewati-baris"])
    assert result.exit_code == 0 and out.exists()
    assert "DILEWATI form.csv:5: U1" in result.output and "9 jawaban ditulis" in result.output
    assert "Kolom data pribadi dibuang: Nama lengkap, Nomor HP/WhatsApp, Alamat email, NIK" in result.output


def test_personal_columns_cannot_be_mapped(mapping):
    bad = mapping.model_copy(update={"saran": "Nomor HP/WhatsApp"})
    result = convert(synthetic_form(5), bad, LAYANAN, skip=False)
    assert result.errors == [
        "pemetaan: saran: kolom 'Nomor HP/WhatsApp' berisi data pribadi dan tidak boleh dipetakan [personal_data]"
    ]
    missing = mapping.model_copy(update={"saran": "Kritik"})
    assert convert(synthetic_form(5), missing, LAYANAN, skip=False).errors == [
        "pemetaan: saran: kolom 'Kritik' tidak ada di ekspor formulir [unknown_column]"
    ]


def test_answers_are_checked_with_the_validate_rules(mapping):
    partial = mapping.model_copy(update={"harapan": {"E1": QUESTIONS[0]}})
    errors = convert(synthetic_form(5), partial, LAYANAN, skip=False).errors
    assert errors == ["E1..E9: kolom harapan harus lengkap E1 sampai E9 atau tidak ada sama sekali [required]"]


def test_csv_and_xlsx_exports_give_the_same_answers(mapping, tmp_path: Path):
    frame = synthetic_form(25, seed=4)
    frame.to_csv(tmp_path / "form.csv", index=False, sep=";")
    frame.to_excel(tmp_path / "form.xlsx", index=False)
    (tmp_path / "map.yml").write_text(synthetic_mapping(), encoding="utf-8")
    texts = []
    for name in ("form.csv", "form.xlsx"):
        out = tmp_path / f"skm-{name.replace('.', '-')}.csv"
        assert import_form(tmp_path / name, tmp_path / "map.yml", out, skip=False).errors == []
        texts.append(out.read_text(encoding="utf-8"))
    assert texts[0] == texts[1]


@pytest.mark.slow
def test_personal_data_never_reaches_the_site(tmp_path: Path):
    from generator.build import build_site
    from generator.synthetic.portal import portal_sintetis

    content = tmp_path / "content"  # a synthetic portal: synthetic answers are accepted only there
    portal_sintetis(content, 1, 1, [2024], seed=1)
    frame = synthetic_form(300, seed=11)
    frame.to_excel(tmp_path / "form.xlsx", index=False)
    (tmp_path / "map.yml").write_text(synthetic_mapping(), encoding="utf-8")
    year = content / "sintetis-01/kecamatan-01/2024"
    result = import_form(tmp_path / "form.xlsx", tmp_path / "map.yml", year / "skm-s1.csv", skip=False)
    assert result.errors == [] and result.redacted > 0
    skm = year / "skm.yml"
    skm.write_text(
        skm.read_text(encoding="utf-8").replace("sintetis: true", "sintetis: true\npublikasi_saran: true"),
        encoding="utf-8",
    )
    site = build_site(content, tmp_path / "site", tmp_path / "work", progress=lambda _: None).site
    published = "\n".join(
        p.read_text(encoding="utf-8", errors="replace")
        for p in site.rglob("*")
        if p.is_file() and p.suffix in (".html", ".json", ".csv", ".xml", ".txt", ".svg")
    )
    assert "Antrean mohon dipercepat" in published  # suggestions are published ...
    for leak in ("Responden Sintetis", "0899-", "contoh.invalid", "990011"):  # ... personal data never
        assert leak not in published, leak
    assert "Hubungi saya di [data pribadi dihapus]" in (year / "skm-s1.csv").read_text(encoding="utf-8")


def test_unreadable_form_or_mapping_is_an_error(tmp_path: Path):
    (tmp_path / "form.xlsx").write_text("bukan xlsx", encoding="utf-8")
    (tmp_path / "map.yml").write_text(synthetic_mapping(), encoding="utf-8")
    out = tmp_path / "skm-s1.csv"
    bad = import_form(tmp_path / "form.xlsx", tmp_path / "map.yml", out, skip=False)
    assert [e.split(" (")[0] for e in bad.errors] == [f"{tmp_path / 'form.xlsx'}: ekspor formulir tidak dapat dibaca"]
    assert bad.errors[0].endswith("[unreadable_file]") and not out.exists()
    missing = import_form(tmp_path / "form.xlsx", tmp_path / "tidak-ada.yml", out, skip=False)
    assert missing.errors == [
        f"{tmp_path / 'tidak-ada.yml'}: berkas pemetaan tidak dapat dibaca (FileNotFoundError) [unreadable_file]"
    ]

"""One test per kind of bad input: the message names file, line or row, field path, value
and reason (Indonesian, with the English key), every problem is reported in one run, the
command exits 1 and nothing is written."""

from __future__ import annotations

import re
import shutil

import pytest
from conftest import DEMO, edit, line_of, only, problems
from typer.testing import CliRunner

from generator.cli import app
from generator.load import load_content
from generator.validate import validate

YEAR = "lumajang/kedungjajang/2024"


def test_mini_content_is_valid(mini):
    content = validate(load_content(mini))
    assert [k.slug for k in content.kabupaten] == ["lumajang"]


def test_wrong_type(mini):
    f = mini / YEAR / "kinerja.yml"
    edit(f, "tahun: 2024", "tahun: duaribu")
    p = only(mini)
    assert (p.file, p.path, p.key, p.value, p.line) == (f, "tahun", "type", "duaribu", line_of(f, "tahun: duaribu"))
    assert "bilangan bulat" in p.message


def test_unparseable_number(mini):
    f = mini / YEAR / "kinerja.yml"
    edit(f, "pk_awal: 83,5", "pk_awal: 8o,5")
    p = only(mini)
    assert p.path == "tujuan[T1].indikator[ikm-kabupaten].target.pk_awal"
    assert p.key == "number" and p.value == "8o,5" and p.line == line_of(f, "8o,5")
    assert "tidak dapat dibaca sebagai angka" in p.message


def test_indonesian_number_formats_are_accepted(mini):
    f = mini / YEAR / "kinerja.yml"
    edit(f, "pk_awal: 60", 'pk_awal: "60,00%"')
    edit(f, "pk_perubahan: 60", 'pk_perubahan: "Rp 60"')
    validate(load_content(mini))


def test_unknown_key_suggests_the_right_one(mini):
    f = mini / YEAR / "kinerja.yml"
    edit(f, "polaritas: positif", "polaritass: positif")
    p = only(mini)
    assert p.key == "unknown_key" and p.path == "tujuan[T1].indikator[ikm-kabupaten].polaritass"
    assert "maksud Anda 'polaritas'?" in p.message and p.line == line_of(f, "polaritass")


def test_missing_required_field(mini):
    f = mini / YEAR / "kinerja.yml"
    edit(f, "        satuan: indeks\n", "", 1)
    p = only(mini)
    assert (p.key, p.path, p.message) == ("required", "tujuan[T1].indikator[ikm-kabupaten].satuan", "wajib diisi")


def test_invalid_choice(mini):
    edit(mini / YEAR / "kinerja.yml", "polaritas: positif", "polaritas: naik")
    p = only(mini)
    assert p.key == "choice" and "'positif' atau 'negatif'" in p.message and p.value == "naik"


def test_duplicate_id(mini):
    edit(mini / YEAR / "program.yml", "- id: P2.K1-I1", "- id: P1-I1")
    found = problems(mini)
    assert any(p.key == "duplicate_id" and p.value == "P1-I1" for p in found)


def test_duplicate_yaml_key_names_its_line(mini):
    f = mini / YEAR / "kinerja.yml"
    edit(f, "tahun: 2024\n", "tahun: 2024\ntahun: 2025\n")
    p = only(mini)
    assert p.key == "duplicate_key" and "ditulis dua kali" in p.message and p.line == line_of(f, "tahun: 2025")


def test_scale_with_a_gap(mini):
    f = mini / "lumajang" / "kabupaten.yml"
    edit(f, "      bawah: 75\n      atas: 90", "      bawah: 75\n      atas: 85")
    p = only(mini)
    assert p.file == f and p.key == "scale_gap_overlap" and p.path == "skala_predikat"
    assert "celah antara 85 dan 90" in p.message


def test_reference_to_missing_sasaran(mini):
    f = mini / YEAR / "program.yml"
    edit(f, "mendukung: [S1, ikm-kecamatan, sinergitas]", "mendukung: [S9, ikm-kecamatan, sinergitas]")
    p = only(mini)
    assert (p.key, p.path, p.value, p.line) == (
        "unknown_reference",
        "program[P1].mendukung[#1]",
        "S9",
        line_of(f, "[S9,"),
    )


def test_realisasi_for_unknown_indicator(mini):
    f = mini / YEAR / "realisasi.csv"
    edit(f, "P1-I1,", "P1-I9,")
    p = only(mini)
    assert p.file == f and p.key == "unknown_reference" and p.value == "P1-I9"
    assert p.line == line_of(f, "P1-I9") and "maksud Anda" in p.message


def test_realisasi_bad_number_names_row_and_column(mini):
    f = mini / YEAR / "realisasi.csv"
    edit(f, 'sinergitas,,,"75,91"', 'sinergitas,,,"75;91"')
    p = only(mini)
    assert (p.file, p.path, p.key, p.line) == (f, "tw3", "number", line_of(f, "75;91"))


def test_unknown_csv_column(mini):
    f = mini / YEAR / "realisasi.csv"
    edit(f, "indikator,tw1,tw2,tw3,tw4,tahunan", "indikator,tw1,tw2,tw3,tw4,tahun")
    p = only(mini)
    assert p.key == "unknown_column" and p.path == "tahun" and "maksud Anda 'tahunan'?" in p.message


def test_year_folder_naming_another_kecamatan(mini):
    f = mini / YEAR / "kinerja.yml"
    edit(f, "kecamatan: kedungjajang", "kecamatan: klakah")
    p = only(mini)
    assert (p.key, p.path, p.value) == ("wrong_kecamatan", "kecamatan", "klakah")
    assert "'kedungjajang'" in p.message


def test_yaml_syntax_error_names_file_and_line(mini):
    f = mini / YEAR / "kinerja.yml"
    edit(f, "    nama: Nilai IKM Kabupaten", "    nama: [Nilai IKM Kabupaten")
    p = only(mini)
    assert p.file == f and p.key == "yaml_syntax" and p.line is not None


def test_unknown_file_is_reported(mini):
    (mini / YEAR / "programs.yml").write_text("program: []\n")
    p = only(mini)
    assert p.key == "unknown_file" and p.file.name == "programs.yml"


def test_ordinal_value_on_numeric_indicator(mini):
    edit(mini / YEAR / "kinerja.yml", "pk_awal: 60", "pk_awal: BB")
    p = only(mini)
    assert p.key == "value_kind" and p.path.endswith("indikator[sinergitas].target.pk_awal")


@pytest.mark.parametrize(
    ("ident", "target", "file", "path"),
    [
        ("ikm-kecamatan", "80", "skm.yml", "indikator"),
        ("sinergitas", "60", "indeks.yml", "indeks[sinergitas-kecamatan].indikator"),
    ],
)
def test_computed_realisasi_for_an_ordinal_indicator(mini, ident, target, file, path):
    # The IKM and an index total are numbers: the IKU they fill must not take grades (the
    # build used to fail in compute with "tuple.index(x): x not in tuple").
    year = mini / YEAR
    kinerja = (year / "kinerja.yml").read_text()
    start = kinerja.index(f"- id: {ident}\n")
    block = kinerja[start:].replace(f"pk_awal: {target}\n", "pk_awal: B\n", 1)
    block = block.replace(f"pk_perubahan: {target}\n", "pk_perubahan: B\n", 1)
    block = block.replace(f"- id: {ident}\n", f"- id: {ident}\n            jenis_nilai: ordinal\n", 1)
    (year / "kinerja.yml").write_text(kinerja[:start] + block)
    realisasi = year / "realisasi.csv"
    realisasi.write_text(re.sub(rf"^{ident},.*\n", "", realisasi.read_text(), flags=re.MULTILINE))
    p = only(mini)
    assert (p.file.name, p.key, p.path, p.value) == (file, "value_kind", path, ident)
    assert "ordinal" in p.message and p.line == line_of(year / file, f"indikator: {ident}")


def test_missing_weight_is_reported_once(mini):
    # Cara "poin" needs every bobot; a missing one used to crash the nilai <= bobot check.
    f = mini / YEAR / "indeks.yml"
    edit(f, "        bobot: 10\n        nilai: 9\n", "        nilai: 9\n")
    p = only(mini)
    assert (p.key, p.path, p.line) == (
        "required",
        "indeks[sinergitas-kecamatan].aspek[#2].bobot",
        line_of(f, "Pelayanan Terpadu"),
    )


def test_periods_without_aggregation_rule(mini):
    # ikm-kabupaten has only a TW IV value and no annual one: the rule is needed.
    edit(mini / YEAR / "kinerja.yml", "        agregasi: terakhir\n", "")
    p = only(mini)
    assert p.key == "required" and p.path == "tujuan[T1].indikator[ikm-kabupaten].agregasi"


def test_every_problem_reported_in_one_run(mini):
    edit(mini / YEAR / "kinerja.yml", "polaritas: positif", "polaritass: positif")
    edit(mini / YEAR / "realisasi.csv", 'sinergitas,,,"75,91"', 'sinergitas,,,"75;91"')
    edit(mini / "lumajang" / "kabupaten.yml", "provinsi: Jawa Timur\n", "")
    assert {(p.file.name, p.key) for p in problems(mini)} == {
        ("kinerja.yml", "unknown_key"),
        ("realisasi.csv", "number"),
        ("kabupaten.yml", "required"),
    }


def test_validate_command_prints_problems_and_exits_1(mini, tmp_path):
    edit(mini / YEAR / "kinerja.yml", "pk_awal: 83,5", "pk_awal: 8o,5")
    result = CliRunner().invoke(app, ["validate", "--content", str(mini)])
    assert result.exit_code == 1
    line = next(row for row in result.output.splitlines() if row.startswith("GALAT"))
    assert re.search(
        r"kinerja\.yml:\d+: tujuan\[T1\]\.indikator\[ikm-kabupaten\]\.target\.pk_awal: angka tidak valid", line
    )
    assert line.endswith("[number]") and "'8o,5'" in line


def test_build_with_bad_content_writes_nothing(mini, tmp_path):
    edit(mini / YEAR / "kinerja.yml", "pk_awal: 83,5", "pk_awal: 8o,5")
    site, work = tmp_path / "site", tmp_path / "work"
    result = CliRunner().invoke(app, ["build", "--content", str(mini), "--site", str(site), "--work", str(work)])
    assert result.exit_code == 1
    assert not site.exists() and not work.exists()


def test_audit_warnings_and_strict(mini):
    ok = CliRunner().invoke(app, ["validate", "--content", str(mini)])
    assert ok.exit_code == 0 and "audit_difference" in ok.output
    assert "dilaporkan.csv:27: indikator-program/P5-I2/realisasi:" in ok.output
    assert "dilaporkan 96 di Bab III 3.1.2.6 (uraian program dan kegiatan), dihitung 91,6667" in ok.output
    strict = CliRunner().invoke(app, ["validate", "--content", str(mini), "--strict"])
    assert strict.exit_code == 1


# ---------------------------------------------------------------- budget history and livelihoods (seed 003)

AJUNG = "jember/ajung"
#: Seed 003 Bab III C: the 2022 budget, printed only in the text of the 2023 report.
TAHUN_2022 = "2022,3.188.885.473,3.188.885.473,Bab III C,"


@pytest.fixture
def ajung(tmp_path):
    """The portal settings and Jember / Ajung (Laporan Kinerja 2023 with its budget)."""
    target = tmp_path / "ajung"
    target.mkdir()
    shutil.copy(DEMO / "portal.yml", target / "portal.yml")
    shutil.copytree(DEMO / "jember", target / "jember")
    return target


def _riwayat_anggaran(root, *rows: str):
    path = root / AJUNG / "riwayat-anggaran.csv"
    path.write_text("tahun,pagu,realisasi,sumber,keterangan\n" + "".join(f"{r}\n" for r in rows), encoding="utf-8")
    return path


def test_budget_history_is_valid_with_realisasi_above_pagu(ajung):
    _riwayat_anggaran(ajung, TAHUN_2022, "2021,3.000.000.000,3.100.000.000,contoh di atas pagu,")
    kec = validate(load_content(ajung)).kabupaten[0].kecamatan[0]
    assert [(r.tahun, r.pagu, r.realisasi) for r in kec.riwayat_anggaran] == [
        (2022, 3188885473, 3188885473),
        (2021, 3000000000, 3100000000),
    ]


def test_budget_history_of_a_year_with_its_own_budget_is_a_conflict(ajung):
    # 2023 has its budget in 2023/program.yml (Tabel 3.8); the DPA total 3.534.122.249 of Bab III C
    # is a printed figure of that year, not a second input.
    f = _riwayat_anggaran(ajung, TAHUN_2022, "2023,3.534.122.249,3.347.440.282,Bab III C,")
    p = only(ajung)
    assert (p.file, p.line, p.path, p.key, p.value) == (f, 3, "tahun", "budget_conflict", 2023)
    assert p.message.startswith("tahun 2023 sudah mempunyai anggaran di 2023/program.yml: dua masukan")
    assert "2023/dilaporkan.csv pada alamat anggaran/total/pagu" in p.message


def test_budget_history_year_written_twice(ajung):
    f = _riwayat_anggaran(ajung, TAHUN_2022, "2022,3.188.885.473,,Bab IV,")
    p = only(ajung)
    assert (p.file, p.line, p.key, p.value, p.message) == (
        f,
        3,
        "duplicate_year",
        2022,
        "tahun 2022 sudah ditulis di baris 2",
    )


def test_budget_history_needs_a_later_report(ajung):
    _riwayat_anggaran(ajung, TAHUN_2022, "2024,3.188.885.473,3.188.885.473,x,")
    p = only(ajung)
    assert (p.line, p.key) == (3, "no_later_report")
    assert p.message.startswith("tidak ada laporan kinerja (folder tahun dengan kinerja.yml) sesudah tahun 2024")


def test_budget_history_row_without_amounts(ajung):
    _riwayat_anggaran(ajung, "2022,,,Bab III C,")
    p = only(ajung)
    assert (p.line, p.key) == (2, "required")
    assert p.message == "isi pagu, realisasi atau keduanya (baris ini tidak memuat angka)"


def test_budget_history_negative_amount(ajung):
    _riwayat_anggaran(ajung, "2022,-3.188.885.473,3.188.885.473,Bab III C,")
    p = only(ajung)
    assert (p.line, p.path, p.key, p.message) == (2, "pagu", "range", "tidak boleh kurang dari 0")


def _kecamatan_yml(root):
    return root / AJUNG / "kecamatan.yml"


def test_livelihood_share_above_100(ajung):
    f = _kecamatan_yml(ajung)
    edit(f, "persen: 60", "persen: 160")
    p = only(ajung)
    assert (p.path, p.key, p.value, p.line) == ("mata_pencaharian[#1].persen", "range", 160, line_of(f, "160"))
    assert p.message == "tidak boleh lebih dari 100"


def test_livelihood_sector_written_twice(ajung):
    f = _kecamatan_yml(ajung)
    edit(f, "sektor: Industri kecil, UMKM, karyawan swasta dan ASN", "sektor: PERTANIAN")
    p = only(ajung)
    assert (p.path, p.key, p.line) == ("mata_pencaharian[#2].sektor", "duplicate_id", line_of(f, "PERTANIAN"))
    assert p.message == "sektor 'PERTANIAN' sudah ditulis di butir #1"


def test_livelihood_sectors_with_one_address_are_one_sector(ajung):
    """`Pertanián` and `Pertanian` give the same address (`pertanian`): one sector written twice."""
    f = _kecamatan_yml(ajung)
    edit(f, "sektor: Industri kecil, UMKM, karyawan swasta dan ASN", "sektor: Pertanián")
    p = only(ajung)
    assert (p.path, p.key, p.message) == (
        "mata_pencaharian[#2].sektor",
        "duplicate_id",
        "sektor 'Pertanián' sudah ditulis di butir #1",
    )


def test_a_livelihood_sector_needs_a_letter_or_digit(ajung):
    f = _kecamatan_yml(ajung)
    edit(f, "sektor: Pertanian", 'sektor: "—"')
    p = only(ajung)
    assert (p.path, p.key, p.line) == ("mata_pencaharian[#1].sektor", "invalid_name", line_of(f, 'sektor: "—"'))
    assert p.message == "nama sektor harus memuat huruf atau angka (menjadi bagian alamat angka)"


def test_livelihood_shares_not_adding_up_to_100_are_a_warning(ajung):
    f = _kecamatan_yml(ajung)
    edit(f, "persen: 40", 'persen: "35,5"')
    (p,) = [w for w in validate(load_content(ajung)).warnings if w.key == "share_total"]
    assert (p.file, p.path, p.line, p.severity) == (f, "mata_pencaharian", line_of(f, "sektor: Pertanian"), "warning")
    assert p.message == "jumlah persentase mata pencaharian 95,5 %, bukan 100 %: periksa angka yang disalin"

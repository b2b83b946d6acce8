"""Workbooks for clerks: export and import round trip, templates, and every error at its Sheet!Cell."""

from __future__ import annotations

import filecmp
import re
import shutil
from pathlib import Path

import pytest
from conftest import DEMO
from openpyxl import load_workbook
from typer.testing import CliRunner

from generator.cli import app
from generator.load import load_content
from generator.validate import validate
from generator.workbook import spec
from generator.workbook.tables import to_rows
from generator.workbook.workbook import Identity, export, import_workbook, read_files, template
from generator.workbook.xlsx import cell_content, is_percent

#: Every kecamatan-year of the demo content.
YEARS = (
    Identity("jember", "ajung", 2023),
    Identity("jombang", "megaluh", 2024),
    Identity("lumajang", "kedungjajang", 2023),
    Identity("lumajang", "kedungjajang", 2024),
)
KEDUNGJAJANG = YEARS[3]


def files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def sheet(book, name: str) -> tuple[list[str], list[list]]:
    rows = [list(r) for r in book[name].iter_rows(values_only=True)]
    return rows[0], rows[1:]


def set_cell(book, name: str, column: str, row: int, value) -> str:
    """Write `value` into `column` of data row `row` (1 = first row under the header); the cell."""
    ws = book[name]
    header = [c.value for c in ws[1]]
    cell = ws.cell(row + 1, header.index(column) + 1)
    cell.value = value
    return cell.coordinate


@pytest.mark.parametrize("identity", YEARS, ids=lambda i: f"{i.kecamatan}-{i.tahun}")
def test_round_trip_gives_the_same_bytes(content: Path, tmp_path: Path, identity: Identity):
    export(content, identity, tmp_path / "buku.xlsx")
    result = import_workbook(content, tmp_path / "buku.xlsx")
    assert result.errors == [] and result.written == [] and result.deleted == []
    assert files(content) == files(DEMO)


def _models(root: Path, identity: Identity) -> tuple:
    """Every validated model of a kecamatan-year (what the site is computed from)."""
    content = validate(load_content(root, kabupaten=identity.kabupaten, diubah={}))
    kec = next(k for kab in content.kabupaten for k in kab.kecamatan if k.slug == identity.kecamatan)
    year = next((y for y in kec.tahun if y.tahun == identity.tahun), None)
    printed = kec.dilaporkan.get(identity.tahun)
    parts = ("kinerja", "program", "realisasi", "sumber_daya", "indeks", "narasi")
    return (
        kec.profil,
        kec.riwayat,
        kec.riwayat_anggaran,
        kec.pembanding,
        kec.renstra,
        [row for row, _ in printed.baris] if printed else None,
        [getattr(year, part) for part in parts] if year else None,
        year.skm.skm if year and year.skm else None,
        [i.laporan for i in kec.individu if i.tahun == identity.tahun],
    )


def _comments(folder: Path, tahun: int) -> list[str]:
    """The text of every YAML comment of a kecamatan-year (own-line and end-of-line ones)."""
    found = []
    for path in [*folder.glob("*.yml"), *(folder / str(tahun)).glob("*.yml")]:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip().startswith("#"):
                found.append(line.strip()[1:].strip())
            elif "  # " in line:
                found.append(line.split("  # ", 1)[1].strip())
    return sorted(found)


def test_indicator_switches_survive_the_workbook(content: Path, tmp_path: Path):
    """`nilai_negatif` and `skala` of an indicator (no demo indicator sets the first) come back."""
    identity = YEARS[3]
    kinerja = content / identity.kabupaten / identity.kecamatan / str(identity.tahun) / "kinerja.yml"
    text = kinerja.read_text(encoding="utf-8")
    kinerja.write_text(text.replace("polaritas: positif\n", "polaritas: positif\n        nilai_negatif: true\n", 1))
    before = _models(content, identity)
    export(content, identity, tmp_path / "buku.xlsx")
    kinerja.unlink()
    assert import_workbook(content, tmp_path / "buku.xlsx").errors == []
    assert _models(content, identity) == before and "nilai_negatif: true" in kinerja.read_text(encoding="utf-8")


@pytest.mark.parametrize("identity", YEARS, ids=lambda i: f"{i.kecamatan}-{i.tahun}")
def test_workbook_written_into_an_empty_kecamatan_keeps_every_value_and_comment(
    content: Path, tmp_path: Path, identity: Identity
):
    export(content, identity, tmp_path / "buku.xlsx")
    folder = content / identity.kabupaten / identity.kecamatan
    year = folder / str(identity.tahun)
    covered = [p for p in [*folder.glob("*.*"), *year.glob("*.*")] if not p.name.startswith("skm-")]
    for path in covered:
        path.unlink()
    result = import_workbook(content, tmp_path / "buku.xlsx")
    assert result.errors == []
    assert sorted(result.written) == sorted(covered)  # every file written anew, none left out
    assert _models(content, identity) == _models(DEMO, identity)
    assert _comments(folder, identity.tahun) == _comments(
        DEMO / identity.kabupaten / identity.kecamatan, identity.tahun
    )


def test_comments_are_kept_as_notes_and_come_back(content: Path, tmp_path: Path):
    export(content, KEDUNGJAJANG, tmp_path / "buku.xlsx")
    book = load_workbook(tmp_path / "buku.xlsx")
    header, rows = sheet(book, "Indikator")
    notes = {r[header.index("id")]: r[header.index("catatan")] for r in rows}
    assert (
        notes["ikm-kecamatan"]
        == "[agregasi] Diukur per semester (nilai semester I dicatat di TW II, semester II di TW IV)."
    )
    row = [r[header.index("id")] for r in rows].index("ikm-kecamatan") + 1
    set_cell(
        book, "Indikator", "catatan", row, notes["ikm-kecamatan"] + "\n[target.pk_awal] dicatat petugas: PK hal. 12"
    )
    set_cell(book, "Indikator", "target.pk_awal", row, 81)
    book.save(tmp_path / "buku.xlsx")
    result = import_workbook(content, tmp_path / "buku.xlsx")
    assert result.errors == []
    assert [p.name for p in result.written] == ["kinerja.yml"]  # the other files keep their bytes
    text = (content / "lumajang/kedungjajang/2024/kinerja.yml").read_text(encoding="utf-8")
    assert (
        "            # Diukur per semester (nilai semester I dicatat di TW II, semester II di TW IV).\n"
        "            agregasi: rata-rata\n"
        "            target:\n"
        "              # dicatat petugas: PK hal. 12\n"
        "              pk_awal: 81\n"
        "              pk_perubahan: 80\n"
    ) in text


def test_import_reads_percent_cells_and_indonesian_numbers(content: Path, tmp_path: Path):
    export(content, KEDUNGJAJANG, tmp_path / "buku.xlsx")
    book = load_workbook(tmp_path / "buku.xlsx")
    ids = [r[1] for r in sheet(book, "Indikator")[1]]
    row = ids.index("ikm-kecamatan") + 1
    cell = set_cell(book, "Indikator", "target.pk_awal", row, 0.855)
    book["Indikator"][cell].number_format = "0.00%"
    set_cell(book, "Indikator", "target.pk_perubahan", row, "85,5")
    book.save(tmp_path / "buku.xlsx")
    assert import_workbook(content, tmp_path / "buku.xlsx").errors == []
    text = (content / "lumajang/kedungjajang/2024/kinerja.yml").read_text(encoding="utf-8")
    assert 'target: {pk_awal: "85,5", pk_perubahan: "85,5"}' in text


def test_printed_figures_sheet_is_dilaporkan_csv(content: Path, tmp_path: Path):
    """The Dilaporkan sheet holds dilaporkan.csv; a number typed into it is written as printed
    text, and a printed figure that differs from the computed one is an audit warning at its cell."""
    export(content, KEDUNGJAJANG, tmp_path / "buku.xlsx")
    book = load_workbook(tmp_path / "buku.xlsx")
    header, rows = sheet(book, "Dilaporkan")
    assert header == ["alamat", "nilai", "tempat", "catatan"]
    csv_rows = (DEMO / "lumajang/kedungjajang/2024/dilaporkan.csv").read_text(encoding="utf-8").splitlines()[1:]
    assert [r[0] for r in rows] == [line.split(",")[0] for line in csv_rows]
    row = [r[0] for r in rows].index("iku/ikm-kecamatan/realisasi") + 1
    assert rows[row - 1][1] == "82,9" and book["Dilaporkan"].cell(row + 1, 2).number_format == "@"
    alamat = next(dv for dv in book["Dilaporkan"].data_validations.dataValidation if str(dv.sqref).startswith("A2:"))
    letter = alamat.formula1.split("$")[1]
    offered = [c.value for c in book["Daftar"][letter] if c.value]
    assert alamat.errorStyle == "warning" and {r[0] for r in rows} <= set(offered)  # the year's register
    assert "anggaran/total/serapan" in offered and len(offered) > 200
    set_cell(book, "Dilaporkan", "nilai", row, 82.95)
    cell = set_cell(book, "Dilaporkan", "nilai", row + 1, 1.045)
    book["Dilaporkan"][cell].number_format = "0.0%"
    book.save(tmp_path / "buku.xlsx")
    result = import_workbook(content, tmp_path / "buku.xlsx")
    assert result.errors == []
    assert [p.name for p in result.written] == ["dilaporkan.csv"]
    text = (content / "lumajang/kedungjajang/2024/dilaporkan.csv").read_text(encoding="utf-8")
    assert 'iku/ikm-kecamatan/realisasi,"82,95",Tabel 3.2 dan Tabel 3.3,\n' in text
    assert 'iku/ikm-kecamatan/capaian,"104,5",Tabel 3.2 dan Tabel 3.3,\n' in text
    assert any(
        w.startswith(f"PERINGATAN Dilaporkan!A{row + 1}: ") and w.endswith("[audit_difference]") and "82,95" in w
        for w in result.warnings
    ), result.warnings


def test_percent_formats():
    assert is_percent("0.00%") and is_percent("0%") and not is_percent('General" %"') and not is_percent("0\\%")
    assert cell_content(0.855, "0.0%") == 85.5 and cell_content(0.8391, "0.00%") == 83.91
    assert cell_content(85, 'General" %"') == 85 and cell_content("85 %", "@") == "85 %"


def set_umum(book, berkas: str, kunci: str, value) -> str:
    ws = book["Umum"]
    row = next(r for r in range(2, ws.max_row + 1) if (ws.cell(r, 1).value, ws.cell(r, 2).value) == (berkas, kunci))
    ws.cell(row, 3).value = value
    return f"Umum!C{row}"


def add_umum(book, berkas: str, kunci: str, value) -> None:
    ws = book["Umum"]
    row = ws.max_row + 1
    for c, v in enumerate((berkas, kunci, value), start=1):
        ws.cell(row, c, v)


def _broken(content: Path, tmp_path: Path, edits) -> tuple[list[str], dict[str, bytes]]:
    export(content, KEDUNGJAJANG, tmp_path / "buku.xlsx")
    book = load_workbook(tmp_path / "buku.xlsx")
    edits(book)
    book.save(tmp_path / "buku.xlsx")
    before = files(content)
    result = import_workbook(content, tmp_path / "buku.xlsx")
    assert files(content) == before, "nothing is written when the workbook has an error"
    return result.errors, before


ERRORS = {
    "number": (
        lambda b: set_cell(b, "Indikator", "target.pk_awal", 1, "8o"),
        r"^GALAT Indikator!I2: target\.pk_awal: angka tidak valid: '8o' tidak dapat dibaca sebagai angka "
        r"\(nilai: '8o'\) \[number\]$",
    ),
    "choice": (
        lambda b: set_cell(b, "Indikator", "polaritas", 2, "naik"),
        r"^GALAT Indikator!E3: polaritas: harus salah satu dari: 'positif' atau 'negatif' \(nilai: 'naik'\) "
        r"\[choice\]$",
    ),
    "required": (
        lambda b: set_cell(b, "Tujuan", "nama", 1, None),
        r"^GALAT Tujuan!B2: nama: wajib diisi \[required\]$",
    ),
    "unknown parent": (
        lambda b: set_cell(b, "Indikator", "induk", 3, "S9"),
        r"^GALAT Indikator!A4: induk: 'S9' tidak ada di lembar Program / Sasaran / Tujuan "
        r"\(nilai: 'S9'\) \[unknown_reference\]$",
    ),
    "unknown indicator": (
        lambda b: set_cell(b, "Realisasi", "indikator", 2, "ikm-desa"),
        r"^GALAT Realisasi!A3: indikator: indikator 'ikm-desa' tidak ada di kinerja\.yml atau "
        r"program\.yml \(nilai: 'ikm-desa'\) \[unknown_reference\]$",
    ),
    "duplicate id": (
        lambda b: set_cell(b, "Indikator", "id", 2, "P1-I1"),
        r"^GALAT Indikator!B\d+: id: id 'P1-I1' dipakai 2 kali .* \[duplicate_id\]$",
    ),
    "grade in a number": (
        lambda b: set_cell(b, "Indikator", "target.pk_awal", 3, "BB"),
        r"^GALAT Indikator!I4: target\.pk_awal: indikator berjenis angka, tetapi nilai berupa "
        r"predikat .*\[value_kind\]$",
    ),
    "count": (
        lambda b: set_cell(b, "Pegawai", "jumlah", 1, "1,5"),
        r"^GALAT Pegawai!D2: jumlah: .*bilangan bulat tidak negatif.*\[number\]$",
    ),
    "umum type": (
        lambda b: set_umum(b, "kinerja.yml", "tahun", "duaribu"),
        r"^GALAT Umum!C\d+: tahun: harus berupa bilangan bulat \(nilai: 'duaribu'\) \[type\]$",
    ),
    "umum key": (
        lambda b: set_cell(b, "Umum", "kunci", 1, "nam"),
        r"^GALAT Umum!B2: kunci: kunci tidak dikenal untuk kecamatan\.yml.*\(nilai: 'nam'\) \[unknown_key\]$",
    ),
    "column": (
        lambda b: b["Desa"].cell(1, 2, "jenis_desa"),
        r"^GALAT Desa!B1: jenis_desa: kolom tidak dikenal.*\[unknown_column\]$",
    ),
    "sheet": (lambda b: b.create_sheet("Coretan"), r"^GALAT Coretan!A1: lembar tidak dikenal.*\[unknown_sheet\]$"),
    "missing sheet": (lambda b: b.remove(b["Inovasi"]), r"^GALAT Inovasi: lembar tidak ada.*\[missing_sheet\]$"),
    "skm unsur": (
        lambda b: set_cell(b, "SKM unsur", "nrr", 1, 5),
        r"^GALAT 'SKM unsur'!C2: nrr: tidak boleh lebih dari 4 \(nilai: 5\) \[range\]$",
    ),
    "cycle": (
        lambda b: set_cell(b, "Program", "induk", 1, "P1.K1"),
        r"^GALAT Program!A3: induk: induk melingkar: .* \[cycle\]$",
    ),
    "wrong parent": (
        lambda b: set_cell(b, "Program", "induk", 3, "P1.K1"),  # P2 below a kegiatan: its kegiatan too deep
        r"^GALAT Program!A5: induk: 'P2' tidak dapat menjadi induk baris lembar Program \(nilai: 'P2'\) "
        r"\[wrong_parent\]$",
    ),
    "missing parent": (
        lambda b: set_cell(b, "Sasaran", "tujuan", 1, None),
        r"^GALAT Sasaran!A2: tujuan: wajib diisi: sebut induk baris ini \[required\]$",
    ),
    "duplicate unsur": (
        lambda b: set_cell(b, "SKM unsur", "unsur", 2, "U1"),
        r"^GALAT 'SKM unsur'!B3: unsur: kunci ini sudah ada di baris lain dengan induk yang sama "
        r"\(nilai: 'U1'\) \[duplicate_key\]$",
    ),
    "umum twice": (
        lambda b: add_umum(b, "kinerja.yml", "sumber", "lagi"),
        r"^GALAT Umum!B\d+: kunci: kunci ini sudah ada di Umum!B\d+ \(nilai: 'sumber'\) \[duplicate_key\]$",
    ),
    "umum block": (
        lambda b: add_umum(b, "kinerja.yml", "tujuan", "T1"),
        r"^GALAT Umum!C\d+: tujuan: kunci ini tidak berisi nilai di lembar Umum .* \[not_a_value\]$",
    ),
    "umum file": (
        lambda b: add_umum(b, "kinerja.yaml", "sumber", "LKjIP"),
        r"^GALAT Umum!A\d+: berkas: berkas tidak dikenal; .* \(nilai: 'kinerja.yaml'\) \[unknown_file\]$",
    ),
    "identity": (
        lambda b: b["Petunjuk"].cell(4, 2, "dua ribu"),
        r"^GALAT Petunjuk!B2: kabupaten, kecamatan dan tahun tidak terbaca di lembar Petunjuk .*\[identity\]$",
    ),
    "printed figure address": (
        lambda b: set_cell(b, "Dilaporkan", "alamat", 2, "iku/ikm-kecamatan/capaianx"),
        r"^GALAT Dilaporkan!A3: alamat: alamat 'iku/ikm-kecamatan/capaianx' tidak ada di daftar angka laporan ini "
        r"\(angka.csv\); alamat yang mirip: iku/ikm-kecamatan/capaian, .*\[unknown_address\]$",
    ),
    "printed figure value": (
        lambda b: set_cell(b, "Dilaporkan", "nilai", 1, None),
        r"^GALAT Dilaporkan!B2: nilai: tidak boleh kosong .*\[required\]$",
    ),
}


@pytest.mark.parametrize("case", ERRORS, ids=list(ERRORS))
def test_every_error_class_names_its_cell(content: Path, tmp_path: Path, case: str):
    edit, expected = ERRORS[case]
    errors, _ = _broken(content, tmp_path, edit)
    assert any(re.match(expected, e) for e in errors), errors


def test_all_problems_in_one_run(content: Path, tmp_path: Path):
    def edits(book):
        set_cell(book, "Indikator", "polaritas", 2, "naik")
        set_cell(book, "Program", "anggaran.pagu_awal", 1, "sembilan juta")
        book["Desa"].cell(1, 2, "jenis_desa")
        return set_umum(book, "kecamatan.yml", "luas_km2", "luas")

    errors, _ = _broken(content, tmp_path, edits)
    cells = sorted(e.split(": ")[0].removeprefix("GALAT ") for e in errors)
    assert cells[:3] == ["Desa!B1", "Indikator!E3", "Program!F2"] and re.fullmatch(r"Umum!C\d+", cells[3]), errors
    assert len(errors) == 4


def test_cli_reports_cells_and_exits_1(content: Path, tmp_path: Path):
    export(content, KEDUNGJAJANG, tmp_path / "buku.xlsx")
    book = load_workbook(tmp_path / "buku.xlsx")
    set_cell(book, "Indikator", "target.pk_awal", 1, "8o")
    book.save(tmp_path / "buku.xlsx")
    result = CliRunner().invoke(app, ["impor", str(tmp_path / "buku.xlsx"), "--content", str(content)])
    assert result.exit_code == 1
    assert "GALAT Indikator!I2: target.pk_awal: angka tidak valid" in result.output
    assert "1 galat ditemukan; tidak ada berkas yang ditulis." in result.output


def test_template_has_last_years_structure_and_empty_values(content: Path, tmp_path: Path):
    assert template(content, Identity("lumajang", "kedungjajang", 2025), tmp_path / "t.xlsx") == 2024
    book = load_workbook(tmp_path / "t.xlsx")
    header, rows = sheet(book, "Indikator")
    by_id = {r[header.index("id")]: dict(zip(header, r)) for r in rows}
    assert by_id["ikm-kecamatan"]["satuan"] == "indeks" and by_id["ikm-kecamatan"]["agregasi"] == "rata-rata"
    assert by_id["ikm-kecamatan"]["induk"] == "S1" and by_id["P5-I2"]["induk"] == "P5"
    assert all(
        r["target.pk_awal"] is None and r["target.renja"] is None and r["catatan"] is None for r in by_id.values()
    )
    assert sheet(book, "Dilaporkan") == (["alamat", "nilai", "tempat", "catatan"], [])  # printed figures: none yet
    alamat = next(dv for dv in book["Dilaporkan"].data_validations.dataValidation if str(dv.sqref).startswith("A2:"))
    assert "iku/ikm-kecamatan/capaian" in [c.value for c in book["Daftar"][alamat.formula1.split("$")[1]]]
    header, rows = sheet(book, "Realisasi")
    demo = (DEMO / "lumajang/kedungjajang/2024/realisasi.csv").read_text(encoding="utf-8").splitlines()[1:]
    assert [r[0] for r in rows] == [line.split(",")[0] for line in demo]
    assert all(v is None for r in rows for v in r[1:])
    assert [r[0] for r in sheet(book, "Program")[1]][:3] == [None, "P1", None]
    header, rows = sheet(book, "Desa")
    assert len(rows) == 0  # the kecamatan lists no desa: nothing invented
    umum = {(r[0], r[1]): r[2] for r in sheet(book, "Umum")[1]}
    assert umum["kinerja.yml", "tahun"] == 2025 and umum["kinerja.yml", "sumber"] is None
    assert umum["kecamatan.yml", "nama"] == "Kedungjajang"
    petunjuk = book["Petunjuk"]
    assert [petunjuk["B2"].value, petunjuk["B3"].value, petunjuk["B4"].value] == ["lumajang", "kedungjajang", 2025]
    assert book["Indikator"].freeze_panes == "A2"
    polaritas = next(dv for dv in book["Indikator"].data_validations.dataValidation if str(dv.sqref).startswith("E2:"))
    letter = polaritas.formula1.split("$")[1]
    assert [c.value for c in book["Daftar"][letter] if c.value] == ["positif", "negatif"]


def test_template_of_a_new_kecamatan_is_blank_but_complete(content: Path, tmp_path: Path):
    shutil.rmtree(content / "jember/ajung")
    assert template(content, Identity("jember", "ajung", 2025), tmp_path / "t.xlsx") is None
    book = load_workbook(tmp_path / "t.xlsx")
    assert set(spec.ORDER) - {"Jawaban {}"} <= set(book.sheetnames)
    assert sheet(book, "Indikator")[0][:3] == ["induk", "id", "nama"] and sheet(book, "Indikator")[1] == []
    kunci = {(r[0], r[1]) for r in sheet(book, "Umum")[1]}
    assert ("kinerja.yml", "sumber") in kunci and ("program.yml", "anggaran.pagu_awal") in kunci


def _fill(book, rows: dict[str, list[dict]], columns: dict[str, tuple[str, ...]]) -> None:
    """Type the demo content into a template as a clerk would: numbers as numbers, some as
    Indonesian text, capaian as percentage cells."""
    for name, items in rows.items():
        if name == "Umum":
            ws = book["Umum"]
            where = {(ws.cell(r, 1).value, ws.cell(r, 2).value): r for r in range(2, ws.max_row + 1)}
            for item in items:
                r = where.get((item["berkas"], item["kunci"])) or ws.max_row + 1
                for c, key in enumerate(("berkas", "kunci", "nilai"), start=1):
                    ws.cell(r, c, item.get(key))
            continue
        ws = book[name] if name in book.sheetnames else book.create_sheet(name)
        header = list(columns[name])
        ws.delete_rows(2, ws.max_row)
        for c, key in enumerate(header, start=1):
            ws.cell(1, c, key)
        for r, item in enumerate(items, start=2):
            for c, key in enumerate(header, start=1):
                value = item.get(key)
                cell = ws.cell(r, c, value)
                if key.endswith("capaian") and isinstance(value, (int, float)):
                    cell.value, cell.number_format = value / 100, "0.00%"
                elif key.startswith("tw") and isinstance(value, float):
                    cell.value = f"{value}".replace(".", ",")


@pytest.mark.slow
def test_template_filled_by_code_builds_the_same_site(content: Path, tmp_path: Path, demo_site: Path):
    from generator.build import build_site

    for folder in ("jember/ajung", "jombang/megaluh", "lumajang/kedungjajang"):
        shutil.rmtree(content / folder)
    for identity in (*YEARS[:2], YEARS[3], YEARS[2]):  # the kecamatan's history names 2024's indicators
        template(content, identity, tmp_path / "t.xlsx")
        book = load_workbook(tmp_path / "t.xlsx")
        tables = to_rows(read_files(DEMO, identity))
        _fill(book, tables.rows, tables.columns)
        book.save(tmp_path / "t.xlsx")
        result = import_workbook(content, tmp_path / "t.xlsx")
        assert result.errors == [], result.errors
    site = build_site(content, tmp_path / "site", tmp_path / "work", progress=lambda _: None).site
    comparison = filecmp.dircmp(site, demo_site)
    differing = _differences(comparison)
    assert differing == [], differing


def _differences(comparison: filecmp.dircmp) -> list[str]:
    found = [*comparison.left_only, *comparison.right_only]
    found += [
        f
        for f in comparison.common_files
        if not filecmp.cmp(Path(comparison.left) / f, Path(comparison.right) / f, shallow=False)
    ]
    for sub in comparison.subdirs.values():
        found += _differences(sub)
    return found


def _uncovered(model, fields: tuple, prefix: str = "") -> list[str]:
    """Fields of `model` that no column or level of `fields` holds."""
    from pydantic import BaseModel

    keys = {f for f in fields if isinstance(f, str)}
    levels = {".".join(f.path) for f in fields if isinstance(f, spec.Level)}
    missing = []
    for name, info in model.model_fields.items():
        base = spec._base(info.annotation)
        if prefix + name in keys or prefix + name in levels:
            continue
        if isinstance(base, type) and issubclass(base, BaseModel):
            missing += _uncovered(base, fields, f"{prefix}{name}.")
        else:
            missing.append(prefix + name)
    return missing


@pytest.mark.parametrize("file", [f for f in spec.FILES if not f.csv], ids=lambda f: f.name)
def test_every_schema_field_has_a_column(file):
    assert _uncovered(file.schema, file.fields) == []
    for level in file.levels():
        if not level.value:
            assert _uncovered(spec.model_of(file, level), level.fields) == [], level.sheet
    for level in file.levels():
        for name in level.columns:  # every column's kind comes from the schema
            assert spec.column(file, level, name).kind


def test_panduan_petugas_is_on_the_portal(demo_site: Path):
    """The clerk's guide is a page of the portal, linked from every page's navigation."""
    page = (demo_site / "panduan-petugas/index.html").read_text(encoding="utf-8")
    for step in ("1. Minta buku kerja", "2. Isi buku kerja", "3. Jawaban survei", "4. Impor buku kerja"):
        assert step in page, step
    assert "kinerja templat lumajang/kedungjajang 2025" in page and "Dilaporkan" in page
    assert 'href="panduan-petugas/"' in (demo_site / "index.html").read_text(encoding="utf-8")


def test_unreadable_workbook_or_unknown_kecamatan_is_an_error(content: Path, tmp_path: Path):
    from generator.problems import ContentError

    (tmp_path / "x.xlsx").write_text("bukan buku kerja", encoding="utf-8")
    for path, reason in ((tmp_path / "x.xlsx", "BadZipFile"), (tmp_path / "tidak-ada.xlsx", "FileNotFoundError")):
        assert import_workbook(content, path).errors == [
            f"GALAT {path}: bukan buku kerja .xlsx yang dapat dibaca ({reason}) [unreadable_file]"
        ]
    for make, identity in ((export, Identity("lumajang", "tidak-ada", 2024)), (template, Identity("x", "y", 2025))):
        with pytest.raises(ContentError) as raised:
            make(content, identity, tmp_path / "y.xlsx")
        assert [p.key for p in raised.value.problems] == ["missing_file"] and not (tmp_path / "y.xlsx").exists()


def test_ekspor_of_an_unknown_kecamatan_says_no_workbook_was_written(content: Path, tmp_path: Path):
    """(A templat for a new kecamatan of a known kabupaten is allowed: a kecamatan starting out.)"""
    keluar = tmp_path / "y.xlsx"
    for command, place in (("ekspor", "lumajang/tidak-ada"), ("templat", "tidak-ada/y")):
        result = CliRunner().invoke(app, [command, place, "2024", "--keluar", str(keluar), "--content", str(content)])
        assert result.exit_code == 1 and not keluar.exists()
        assert result.output.splitlines()[-1] == "1 galat ditemukan; buku kerja tidak ditulis."

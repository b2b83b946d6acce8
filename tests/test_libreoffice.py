"""A real office suite reads and writes our workbooks: Debian's LibreOffice, headless (slow layer).

`make test` installs it (package libreoffice-calc-nogui); nothing is downloaded otherwise.
"""

from __future__ import annotations

import csv
import subprocess
from pathlib import Path

import pytest
from conftest import DEMO

from generator.workbook.spec import sheet_columns
from generator.workbook.workbook import Identity, export, import_workbook, template

pytestmark = pytest.mark.slow

SOFFICE = "/usr/bin/soffice"
#: CSV export of every sheet (the last field, -1), cells as shown (the ninth, true: formats applied).
ALL_SHEETS = "csv:Text - txt - csv (StarCalc):44,34,UTF8,1,,0,false,true,true,false,false,-1"


def soffice(tmp_path: Path, source: Path, target: str, out: Path) -> None:
    if not Path(SOFFICE).exists():
        pytest.fail(
            f"{SOFFICE} tidak ada: jalankan `make test` (memasang paket Debian libreoffice-calc-nogui) "
            "atau `apt-get install --no-install-recommends libreoffice-calc-nogui`"
        )
    profile = (tmp_path / "profil").as_uri()
    subprocess.run(
        [
            SOFFICE,
            "--headless",
            f"-env:UserInstallation={profile}",
            "--convert-to",
            target,
            "--outdir",
            str(out),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )


def rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def test_libreoffice_reads_a_template(content: Path, tmp_path: Path):
    template(content, Identity("lumajang", "kedungjajang", 2025), tmp_path / "t.xlsx")
    soffice(tmp_path, tmp_path / "t.xlsx", ALL_SHEETS, tmp_path / "csv")
    sheet = {p.stem.removeprefix("t-"): rows(p) for p in (tmp_path / "csv").glob("t-*.csv")}
    assert sheet["Petunjuk"][1:4] == [["kabupaten", "lumajang"], ["kecamatan", "kedungjajang"], ["tahun", "2025"]]
    indikator = sheet["Indikator"]
    assert tuple(indikator[0]) == sheet_columns("Indikator")
    assert [r[1] for r in indikator[1:4]] == ["ikm-kabupaten", "ikm-kecamatan", "sinergitas"]
    assert indikator[2][:6] == [
        "S1",
        "ikm-kecamatan",
        "Indeks Kepuasan Masyarakat tingkat Kecamatan",
        "indeks",
        "positif",
        "rata-rata",
    ]
    assert all(v == "" for r in indikator[1:] for v in r[8:11])  # targets left to fill
    assert ["kinerja.yml", "tahun", "2025", ""] in sheet["Umum"]
    assert [r[0] for r in sheet["Daftar"][:2]] == ["ya", "tidak"]


def test_a_workbook_saved_by_libreoffice_imports_to_the_same_files(content: Path, tmp_path: Path):
    export(content, Identity("jember", "ajung", 2023), tmp_path / "e.xlsx")
    soffice(tmp_path, tmp_path / "e.xlsx", ALL_SHEETS, tmp_path / "csv")
    program = rows(tmp_path / "csv/e-Program.csv")
    p1 = next(r for r in program if r[1] == "P1")
    indikator = rows(tmp_path / "csv/e-Indikator.csv")
    tercapai = next(r for r in indikator if r[1] == "indikator-program-tercapai")
    assert p1[5] == "Rp 2,222,157,672" and tercapai[9] == "100 %"  # rupiah and percent formats understood
    soffice(tmp_path, tmp_path / "e.xlsx", "xlsx", tmp_path / "lo")  # opened and saved by LibreOffice
    result = import_workbook(content, tmp_path / "lo/e.xlsx")
    assert result.errors == [] and result.written == [] and result.deleted == []
    for path in DEMO.rglob("*"):
        if path.is_file():
            assert path.read_bytes() == (content / path.relative_to(DEMO)).read_bytes(), path

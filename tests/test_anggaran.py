"""Budget, efisiensi, cost per outcome and the individual quarterly reports, on seed values."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import read_csv

from generator import model as m
from generator.compute.anggaran import Money, anggaran, efisiensi, rupiah_per_unit, serapan
from generator.compute.capaian import capaian_angka
from generator.compute.individu import realisasi_individu
from generator.load import load_content
from generator.numbers import format_number
from generator.problems import ContentError
from generator.validate import validate

# Seed 000 Tabel 3.11: pagu and realisasi per program.
TABEL_3_11 = [
    ("Penunjang", "1.768.142.638", "1.748.541.007"),
    ("Pemerintahan", "6.750.000", "6.750.000"),
    ("Pemberdayaan", "23.670.000", "23.460.000"),
    ("Trantibum", "10.800.000", "10.800.000"),
    ("Pemerintahan Umum", "7.200.000", "7.200.000"),
    ("Pemdes", "7.125.000", "7.125.000"),
]


def test_seed_000_total_serapan_and_sisa():
    total = Money(pagu_perubahan=1823687636, realisasi=1803876007)
    assert round(total.serapan, 2) == 98.91 and total.sisa == 19811629


def test_seed_000_programs_and_stated_total():
    daftar = m.DaftarProgram.model_validate(
        {
            "program": [
                {"id": f"P{i}", "nama": n, "anggaran": {"pagu_perubahan": p, "realisasi": r}}
                for i, (n, p, r) in enumerate(TABEL_3_11)
            ],
            "anggaran": {"pagu_perubahan": "1.823.687.636", "realisasi": "1.803.876.007"},
        }
    )
    ang = anggaran(daftar)
    assert [round(p.uang.serapan, 2) for p in ang.program] == [98.89, 100, 99.11, 100, 100, 100]
    assert (ang.total.pagu, ang.total.realisasi) == (1823687638, 1803876007)
    # The stated total is 2 rupiah short of its rows: kept only as a stated figure for the audit.
    assert (ang.dinyatakan.pagu_perubahan, ang.dinyatakan.realisasi) == (1823687636, 1803876007)


def test_seed_003_tree_sums_and_the_dpa_total():
    # Tabel 3.8, Kegiatan Administrasi Umum PD: 4 sub kegiatan; and a stated parent that differs.
    subs = [
        ("23.369.300", "23.369.300"),
        ("18.510.400", "18.510.400"),
        ("27.234.500", "27.234.500"),
        ("7.655.800", "7.655.800"),
    ]
    daftar = m.DaftarProgram.model_validate(
        {
            "program": [
                {
                    "id": "P1",
                    "nama": "Penunjang",
                    "anggaran": {"pagu_perubahan": "2.188.573.672"},
                    "kegiatan": [
                        {
                            "id": "K1",
                            "nama": "Administrasi Umum",
                            "sub_kegiatan": [
                                {"id": f"S{i}", "nama": f"S{i}", "anggaran": {"pagu_perubahan": p, "realisasi": r}}
                                for i, (p, r) in enumerate(subs)
                            ],
                        }
                    ],
                }
            ],
            "anggaran": {"pagu_perubahan": "3.534.122.249"},
        }
    )
    ang = anggaran(daftar)
    kegiatan = ang.program[0].anak[0]
    assert (kegiatan.uang.pagu, kegiatan.uang.realisasi, kegiatan.uang.serapan) == (76770000, 76770000, 100)
    assert (ang.program[0].uang.pagu, ang.program[0].dinyatakan.pagu_perubahan) == (76770000, 2188573672)
    assert (ang.total.pagu, ang.dinyatakan.pagu_perubahan) == (76770000, 3534122249)


def test_a_parent_shows_the_sum_of_its_children_never_a_stated_or_partial_one():
    daftar = m.DaftarProgram.model_validate(
        {
            "program": [
                {
                    "id": "P1",
                    "nama": "P",
                    "anggaran": {"pagu_perubahan": 100, "realisasi": 120, "pagu_awal": 150},
                    "kegiatan": [
                        {"id": "K1", "nama": "K", "anggaran": {"pagu_perubahan": 90, "realisasi": 90}},
                        {"id": "K2", "nama": "K", "anggaran": {"pagu_perubahan": 10, "pagu_awal": 40}},
                    ],
                }
            ]
        }
    )
    node = anggaran(daftar).program[0]
    # pagu perubahan: the sum; realisasi and pagu awal: not every child has them, so the stated value.
    assert (node.uang.pagu_perubahan, node.uang.realisasi, node.uang.pagu_awal) == (100, 120, 150)
    assert node.dinyatakan == Money(pagu_perubahan=100)


def test_efisiensi_and_cost_per_outcome():
    assert efisiensi(104, 100) == 4 and efisiensi(127, 99) == 28  # seed 000 Tabel 3.10
    assert format_number(efisiensi(103.625, serapan(6750000, 6750000)), 2) == "3,63"
    assert rupiah_per_unit(6750000, 3, "laporan") == 2250000
    assert rupiah_per_unit(6750000, 98, "%") is None and rupiah_per_unit(None, 3, "laporan") is None


def test_seed_001_individual_realisasi_and_capaian():
    camat = m.IndikatorIndividu(id="c1", sasaran="s", nama="n", satuan="%", target=85, pembilang=36, penyebut=62)
    assert round(realisasi_individu(camat), 2) == 58.06  # printed 58,60
    assert round(capaian_angka(realisasi_individu(camat), 85, "positif").nilai, 2) == 68.31
    desa = m.IndikatorIndividu(id="c2", sasaran="s", nama="n", satuan="%", target=83, pembilang=12, penyebut=36)
    assert round(realisasi_individu(desa), 2) == 33.33


def _errors(root: Path) -> str:
    with pytest.raises(ContentError) as exc:
        validate(load_content(root))
    return "\n".join(p.render(root) for p in exc.value.problems)


def test_negative_amount_is_rejected(mini):
    year = mini / "lumajang/kedungjajang/2024"
    (year / "realisasi.csv").write_text((year / "realisasi.csv").read_text().split("\nP")[0] + "\n")
    (year / "program.yml").write_text(
        "program:\n  - id: PX\n    nama: Program uji\n    mendukung: [S1]\n"
        '    anggaran: {pagu_awal: "1.000.000", realisasi: "-5.000"}\n'
    )
    assert "program[PX].anggaran.realisasi: tidak boleh kurang dari 0" in _errors(mini)


@pytest.mark.parametrize(
    "name, text, expected",
    [
        ("individu-tw5.yml", "", "berkas atau folder tidak dikenal"),
        ("individu-tw2.yml", "triwulan: 5", "triwulan: tidak boleh lebih dari 4"),
        ("individu-tw2.yml", "triwulan: 3", "triwulan 3 tidak sama dengan nama berkas"),
    ],
)
def test_individual_report_quarter_must_be_one_to_four(mini, name, text, expected):
    folder = mini / "lumajang/kedungjajang/2023"
    folder.mkdir(exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    (folder / name).write_text(
        f"kecamatan: kedungjajang\ntahun: 2023\n{text or 'triwulan: 2'}\nsumber: uji\n"
        "jabatan:\n  - id: camat\n    jabatan: Camat\n    indikator:\n"
        "      - {id: c1, sasaran: s, nama: n, satuan: '%', target: 85, realisasi: 50}\n"
    )
    assert expected in _errors(mini)


def test_individual_report_pages_of_the_demo(demo_site):
    folder = demo_site / "lumajang/kedungjajang/2023/individu-tw2"
    camat = {r["indikator_id"]: r for r in read_csv(folder / "camat.csv")}
    assert camat["camat-1"]["realisasi"] == "58.06" and camat["camat-1"]["capaian"] == "68.31"
    assert camat["camat-2"]["realisasi"] == "33.33"
    # Cost per outcome: 971.800.593 / 2.017.461.467 = 48,17 % (printed 49,89 %).
    assert (camat["camat-1"]["pagu"], camat["camat-1"]["serapan"]) == ("2017461467", "48.17")
    audit = read_csv(folder / "catatan-kualitas-data.csv")
    assert any(r["dilaporkan"] == "58,60" and r["dihitung"] == "58.06" for r in audit)
    html = (folder / "index.html").read_text(encoding="utf-8")
    assert "Tanggapan atasan langsung" in html and "58,06 (36/62)" in html


def test_a_missing_amount_is_a_dash_not_rp_dash(demo_site):
    """Programs whose realisasi the report does not give read "realisasi —" in their summary
    line, like every missing value (the template wrote "Rp " before the number filter's "—")."""
    pages = [p.read_text(encoding="utf-8") for p in demo_site.rglob("anggaran/index.html")]
    assert any("realisasi — (" in html for html in pages)
    assert not any("Rp —" in html for html in pages)


def test_anggaran_pages_of_the_demo(demo_site):
    kedungjajang = demo_site / "lumajang/kedungjajang/2024"
    program = {r["program_id"]: r for r in read_csv(kedungjajang / "anggaran/anggaran-program.csv")}
    assert [program[p]["serapan"] for p in ("P6", "P1", "P2")] == ["98.89", "100", "99.11"]  # seed 000 Tabel 3.11
    html = (kedungjajang / "anggaran/index.html").read_text(encoding="utf-8")
    assert "1.823.687.638" in html and "1.803.876.007" in html and "98,91 %" in html and "19.811.631" in html
    efisiensi = {r["id"]: r for r in read_csv(kedungjajang / "anggaran/efisiensi.csv")}
    assert efisiensi["ikm-kecamatan"]["efisiensi"] == "3.58"  # 103,58 − 100 (report: 104 − 100 = 4)
    assert efisiensi["sinergitas"]["efisiensi"] == "27.6"  # 126,52 − 98,91 (report: 127 − 99 = 28)
    assert efisiensi["S1"]["efisiensi"] == "16.13"  # sasaran mean 115,05 − 98,91
    audit = read_csv(kedungjajang / "catatan-kualitas-data/catatan.csv")
    assert any(
        (r["alamat"], r["dilaporkan"], r["dihitung"]) == ("anggaran/total/pagu", "1.823.687.636", "1823687638")
        for r in audit
    )
    # The table's total is the sum of the programs, marked with a link to the printed one.
    assert 'href="../catatan-kualitas-data/#catatan-anggaran-total-pagu"' in html
    # Seed 003 Tabel 3.8: sums of sub kegiatan, and the DPA total 3.534.122.249 against them.
    ajung = demo_site / "jember/ajung/2023"
    p1 = {r["id"]: r for r in read_csv(ajung / "anggaran/rincian-p1.csv")}
    assert (p1["P1.K3"]["pagu_perubahan"], p1["P1.K3"]["realisasi_anggaran"]) == ("76770000", "76770000")
    assert any(
        r["dilaporkan"] == "3.534.122.249" and r["dihitung"] == "3443692072"
        for r in read_csv(ajung / "catatan-kualitas-data/catatan.csv")
    )
    ajung_html = (ajung / "anggaran/index.html").read_text(encoding="utf-8")
    assert "97,20 %" in ajung_html and "Rp 3,44 miliar" in ajung_html  # 3.347.440.282 / 3.443.692.072
    assert "Rp 3.443.692.072 (pagu perubahan)" in ajung_html  # the card's full amount
    # Seed 003 Bab III C: the 2022 budget (3.188.885.473 of 3.188.885.473, 100 %) beside 2023 (97,20 %):
    # down 2,80 points, marked with a link to the printed "penurunan sebesar 4 %".
    riwayat = {r["tahun"]: r for r in read_csv(ajung / "anggaran/riwayat-anggaran.csv")}
    assert (riwayat["2022"]["pagu"], riwayat["2022"]["realisasi_anggaran"], riwayat["2022"]["serapan"]) == (
        "3188885473",
        "3188885473",
        "100",
    )
    assert (riwayat["2023"]["serapan"], riwayat["2023"]["selisih_serapan"]) == ("97.2", "-2.8")
    assert riwayat["2022"]["selisih_serapan"] == "" and riwayat["2023"]["catatan"] == "berbeda"
    assert "Riwayat serapan anggaran" in ajung_html and "terealisasi sebesar Rp 3.188.885.473" in ajung_html
    assert 'href="../catatan-kualitas-data/#catatan-perubahan-anggaran-serapan-2022-2023-selisih"' in ajung_html
    assert "<code>jember/ajung/riwayat-anggaran.csv</code>" in ajung_html
    # Kedungjajang has no budget history: no such table.
    assert "Riwayat serapan anggaran" not in html
    # Seed 002: programs carry only pagu; the year's realisasi is stated once: 89,08 %.
    assert "89,08 %" in (demo_site / "jombang/megaluh/2024/anggaran/index.html").read_text(encoding="utf-8")

"""Compute engine on seed values (docs/domain.md §3.1-3.3); expected figures checked by hand."""

import pytest
from conftest import DEMO

from generator.compute.capaian import (
    TANPA_REALISASI,
    TARGET_NOL,
    agregasi_periode,
    capaian_angka,
    capaian_dinilai,
    capaian_ordinal,
    predikat,
    summarize,
)
from generator.load import load_content
from generator.numbers import format_number
from generator.validate import validate


@pytest.fixture(scope="module")
def scales():
    content = validate(load_content(DEMO))
    return {k.slug: k.profil.skala_predikat for k in content.kabupaten}


def pct(c):
    return format_number(c.nilai, 2)


def test_positive_polarity_seed_000():
    # Seed 000 Tabel 3.2: IKM Kabupaten 83,8 / 83,5 (printed 100,35 %, truncated).
    assert pct(capaian_angka(83.8, 83.5, "positif")) == "100,36"
    # Nilai Sinergitas 75,91 / 60 (printed 127 %).
    assert pct(capaian_angka(75.91, 60, "positif")) == "126,52"
    # IKM Kecamatan 82,87 / 80.
    assert pct(capaian_angka(82.87, 80, "positif")) == "103,59"


def test_negative_polarity():
    # Lower is better: realisasi 8 against target 10 is 120 %; 12 against 10 is 80 %.
    assert capaian_angka(8, 10, "negatif").nilai == pytest.approx(120)
    assert capaian_angka(12, 10, "negatif").nilai == pytest.approx(80)
    assert capaian_angka(25, 10, "negatif").nilai == pytest.approx(-50)
    assert capaian_angka(25, 10, "negatif").tercapai is False


def test_target_zero_is_not_computable():
    c = capaian_angka(5, 0, "positif")
    assert c.nilai is None and c.tercapai is None and c.alasan == TARGET_NOL


def test_missing_realisasi_is_not_zero():
    c = capaian_angka(None, 80, "positif")
    assert c.nilai is None and c.alasan == TANPA_REALISASI


def test_period_aggregation_modes():
    # Seed 000: IKM semesters 79,63 and 86,11 -> 82,87.
    assert format_number(agregasi_periode([79.63, 86.11], "rata-rata"), 2) == "82,87"
    # Seed 001: TW I 38 % + TW II 34,92 % = 72,92 %.
    assert agregasi_periode([38, 34.92], "jumlah") == pytest.approx(72.92)
    assert agregasi_periode([40, 75.91], "terakhir") == 75.91
    assert agregasi_periode([82, 79], "maks") == 82
    assert agregasi_periode([], "jumlah") is None


def test_ordinal_grade_targets():
    assert capaian_ordinal("A", "BB").tercapai is True
    assert capaian_ordinal("BB", "BB").tercapai is True
    assert capaian_ordinal("B", "BB").tercapai is False
    assert capaian_ordinal(None, "BB").alasan == TANPA_REALISASI


def test_jember_caps_at_100_and_grades_aa_to_d(scales):
    jember = scales["jember"]
    assert jember.batas_capaian == 100
    # 126,52 % counts as 100 -> AA; boundaries are "> lower, <= upper".
    assert capaian_dinilai(126.52, 100) == 100
    cases = {
        126.52: "AA",
        100: "AA",
        90.01: "AA",
        90: "A",
        80.5: "A",
        75: "BB",
        65: "B",
        55: "CC",
        50: "C",
        30.5: "C",
        30: "D",
        0: "D",
        -12: "D",
    }
    for value, code in cases.items():
        assert predikat(value, jember).kode == code, value


def test_lumajang_scale_has_no_cap(scales):
    lumajang = scales["lumajang"]
    assert predikat(126.52, lumajang).label == "Sangat Tinggi"
    assert predikat(90.5, lumajang).label == "Sangat Tinggi"  # the integer-bound print leaves 90,5 uncovered
    assert predikat(90, lumajang).label == "Tinggi"
    assert predikat(65, lumajang).label == "Rendah"
    assert predikat(50, lumajang).label == "Sangat Rendah"


def test_summary_means_capped_capaian_and_counts():
    items = [
        capaian_angka(83.8, 83.5, "positif"),
        capaian_angka(75.91, 60, "positif"),
        capaian_angka(60.61, 70.20, "positif"),
        capaian_angka(None, 80, "positif"),
        capaian_angka(1, 0, "positif"),
    ]
    capped = summarize(items, 100)
    # (100 + 100 + 86,339...) / 3 with the cap; (100,359 + 126,517 + 86,339) / 3 without.
    assert format_number(capped.rata_rata, 2) == "95,45"
    assert format_number(capped.rata_rata_tanpa_batas, 2) == "104,40"
    assert (capped.jumlah_tercapai, capped.jumlah_belum_tercapai, capped.jumlah_tidak_terukur) == (2, 1, 2)
    assert summarize(items, None).rata_rata == pytest.approx(capped.rata_rata_tanpa_batas)


def test_negative_capaian_counts_as_zero_in_means():
    summary = summarize([capaian_angka(25, 10, "negatif"), capaian_angka(10, 10, "positif")], None)
    assert summary.rata_rata == pytest.approx(50)

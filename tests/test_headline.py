"""A kecamatan's headline (latest key figures and the change since the year before), on seed values."""

from __future__ import annotations

import pytest
from conftest import DEMO

from generator.compute.headline import change, headline
from generator.compute.portal import compute
from generator.load import load_content
from generator.synthetic.portal import portal_sintetis
from generator.validate import validate


@pytest.fixture(scope="module")
def hasil():
    return compute(validate(load_content(DEMO, diubah={})))


def test_change_compares_the_printed_values():
    # Seed 002 IKM Kecamatan: 2022 92,83 -> 2023 94,3: up 1,47 points.
    c = change(94.3, 2022, 92.83)
    assert (c.tahun, c.sebelumnya, c.arah) == (2022, 92.83, "naik") and c.selisih == pytest.approx(1.47)
    # Seed 003 sasaran 1: 100 % -> 98 %: down 2 points.
    assert change(98, 2022, 100).arah == "turun" and change(98, 2022, 100).selisih == -2
    # Equal once printed to 2 decimals: unchanged.
    assert change(82.004, 2023, 82.0).arah == "tetap" and change(82.004, 2023, 82.0).selisih == 0
    assert change(None, 2023, 82) is None and change(82, 2023, None) is None and change(82, 2023, "BB") is None


def test_kedungjajang_headline_compares_the_ikm_with_its_history(hasil):
    # Seed 000: IKM 2024 from the two semesters (79,63 and 86,11 printed; 82,86 computed), the
    # IKU it measures had realisasi 82,68 in 2023 (riwayat.csv, Tabel 3.7): up 0,18.
    h = headline(hasil.untuk("lumajang", "kedungjajang"))
    assert h.tahun == 2024 and round(h.ikm, 2) == 82.86 and h.mutu.huruf == "B" and not h.ikm_sintetis
    assert (h.ikm_change.tahun, h.ikm_change.sebelumnya, h.ikm_change.arah) == (2023, 82.68, "naik")
    assert h.ikm_change.selisih == pytest.approx(0.18)
    assert round(h.rata_rata, 2) == 110.15 and h.predikat.label == "Sangat Tinggi"
    assert (h.jumlah_tercapai, h.jumlah_iku) == (3, 3)
    assert round(h.serapan, 2) == 98.91
    assert h.rata_rata_change is None and h.serapan_change is None  # no report of 2023 to compare with


def test_a_synthetic_survey_gives_no_headline_ikm(tmp_path):
    portal_sintetis(tmp_path / "content", 1, 1, [2024], seed=1)
    (lp,) = compute(validate(load_content(tmp_path / "content", diubah={}))).laporan
    assert lp.skm is not None and lp.skm.data.skm.sintetis and lp.skm.ikm > 25
    h = headline([lp])
    assert h.ikm is None and h.mutu is None and h.ikm_change is None and h.ikm_sintetis
    assert h.rata_rata == lp.ringkasan.rata_rata


def test_a_kecamatan_without_a_survey_has_no_ikm(hasil):
    h = headline(hasil.untuk("jember", "ajung"))
    assert h.tahun == 2023 and h.ikm is None and h.mutu is None and not h.ikm_sintetis
    assert round(h.rata_rata, 2) == 100 and round(h.serapan, 2) == 97.20


def test_the_latest_report_is_compared_with_the_one_before(hasil):
    from dataclasses import replace

    (lp,) = hasil.untuk("jombang", "megaluh")
    earlier = replace(lp, data=replace(lp.data, tahun=2023))
    h = headline([lp, earlier])
    assert h.tahun == 2024
    assert h.rata_rata_change.arah == "tetap" and h.rata_rata_change.tahun == 2023
    assert headline([]) is None

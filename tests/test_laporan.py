"""Per-indicator results and audit notes, on seed values."""

import re
from pathlib import Path

from generator import model as m
from generator.compute.audit import stated_realisasi
from generator.compute.capaian import TANPA_TARGET
from generator.compute.laporan import compute_indikator
from generator.compute.wilayah import wilayah

SKALA = m.SkalaPredikat(
    nama="uji",
    batas_capaian=100,
    rentang=[m.Rentang(label="Baik", bawah=90), m.Rentang(label="Kurang", bawah=0, bawah_inklusif=True, atas=90)],
)


def indikator(**fields) -> m.Indikator:
    return m.Indikator(id="i", nama="uji", satuan="indeks", **fields)


def test_annual_value_given_is_used_and_compared_with_the_periods():
    # Seed 000 IKM Kecamatan: TW II 79,55 and TW IV 85,74 (mean 82,645), annual 82,87 given.
    ind = indikator(agregasi="rata-rata", target={"pk_perubahan": 80})
    row = m.BarisRealisasi(indikator="i", tw2="79,55", tw4="85,74", tahunan="82,87")
    h = compute_indikator(ind, "sasaran", row, SKALA)
    assert h.realisasi == 82.87 and h.realisasi_sumber == "tahunan"
    assert round(h.realisasi_periode, 3) == 82.645
    # The typed annual value is a stated figure at the periods' aggregate, at its own precision.
    (typed,) = stated_realisasi("iku", h, Path("2024"))
    assert (typed.alamat, typed.teks, typed.toleransi) == ("iku/i/realisasi/agregasi", "82,87", 0.005)


def test_an_annual_value_without_periods_is_only_an_input():
    h = compute_indikator(
        indikator(target={"pk_awal": 82}), "sasaran", m.BarisRealisasi(indikator="i", tahunan="97,49"), SKALA
    )
    assert list(stated_realisasi("iku", h, Path("2024"))) == []


def test_typed_annual_beside_a_computed_realisasi_is_stated():
    # Seed 002: the IKM the survey gives (92,08) is the realisasi; the typed 97,49 is printed.
    ind = indikator(target={"pk_awal": 82})
    h = compute_indikator(
        ind, "sasaran", m.BarisRealisasi(indikator="i", tahunan="97,49"), SKALA, (92.084, "IKM hasil SKM")
    )
    (typed,) = stated_realisasi("iku", h, Path("2024"))
    assert (typed.alamat, typed.teks, typed.tempat) == ("iku/i/realisasi", "97,49", "realisasi.csv kolom tahunan")


def test_indicator_without_target_is_not_measurable():
    h = compute_indikator(indikator(), "program", m.BarisRealisasi(indikator="i", tahunan=94), SKALA)
    assert h.capaian.alasan == TANPA_TARGET and h.predikat is None and h.realisasi == 94


def test_population_and_density():
    profil = m.Kecamatan(
        nama="uji",
        luas_km2="25,96",
        desa=[
            {"nama": "A", "penduduk_laki_laki": "1.500", "penduduk_perempuan": 1525, "jumlah_kk": 900},
            {"nama": "B", "jenis": "kelurahan", "penduduk": "3.265"},
        ],
    )
    w = wilayah(profil)
    assert [d.penduduk for d in w.desa] == [3025, 3265]
    assert (w.penduduk, w.jumlah_desa, w.jumlah_kelurahan) == (6290, 1, 1)
    assert w.laki_laki is None and w.kk is None  # a partial sum would understate
    assert round(w.kepadatan, 2) == 242.30


def test_a_ranking_sentence_is_a_paragraph_of_its_own(synthetic_site):
    """Also where no comparison table stands between it and the trend sentence above it."""
    _, site = synthetic_site
    html = (site / "sintetis-01/kecamatan-01/2024/index.html").read_text(encoding="utf-8")
    before = re.findall(r"(.{4})Peringkat Kecamatan ", html, re.S)
    assert before == ["\n<p>"]

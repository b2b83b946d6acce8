"""Over time and side by side: history and YoY, Renstra progress, benchmarks, rankings and the
kabupaten overview."""

from __future__ import annotations

from conftest import read_csv

from generator import model as m
from generator.compute.perbandingan import kemajuan_renstra, pembanding, peringkat, perubahan, riwayat


def _ind(satuan: str = "indeks", polaritas: str = "positif") -> m.Indikator:
    return m.Indikator(id="ikm", nama="IKM Kecamatan", satuan=satuan, polaritas=polaritas)


def test_yoy_from_seed_000_ikm_history():
    rows = [
        m.BarisRiwayat(indikator="ikm", tahun=2022, target=83, realisasi=82),
        m.BarisRiwayat(
            indikator="ikm", tahun=2023, target="86,94", realisasi="82,68", nama="IKM Kecamatan Kedungjajang"
        ),
    ]
    years = riwayat(_ind(), [(2024, 80, 82.87)], rows)
    assert [y.tahun for y in years] == [2022, 2023, 2024]
    assert years[0].perubahan is None
    assert round(years[1].perubahan, 2) == 0.83  # (82,68 − 82) / 82
    assert round(years[2].perubahan, 2) == 0.23  # (82,87 − 82,68) / 82,68
    assert round(years[1].capaian, 2) == 95.10 and years[2].sumber == "Laporan Kinerja 2024"
    # An indicator renamed between Renstra periods keeps its history under today's id.
    assert years[1].nama == "IKM Kecamatan Kedungjajang"
    # The absolute change, in the indicator's unit (here index points): 82,87 − 82,68.
    assert round(years[2].selisih, 2) == 0.19


def test_percentage_points_for_percent_indicators_and_gaps_between_years():
    rows = [
        m.BarisRiwayat(indikator="ikm", tahun=2020, realisasi=90),
        m.BarisRiwayat(indikator="ikm", tahun=2022, realisasi=95),
    ]
    years = riwayat(_ind("%"), [(2023, 100, 97.5)], rows)
    assert years[1].perubahan is None  # 2021 missing: no YoY across a gap
    assert round(years[2].selisih, 2) == 2.5


def test_renstra_progress_before_and_after_revision():
    renstra = m.Renstra.model_validate(
        {
            "tahun_awal": 2021,
            "tahun_akhir": 2026,
            "sumber": "uji",
            "versi": [
                {"nama": "Sebelum perubahan", "target": {"ikm": {2021: 80, 2026: 90}}},
                {"nama": "Setelah perubahan", "berlaku_sejak": 2023, "target": {"ikm": {2023: 85, 2026: 81}}},
            ],
        }
    )
    before = kemajuan_renstra(renstra, "ikm", "positif", 2022, 85)
    assert (before.versi, before.target_akhir, round(before.kemajuan, 2)) == ("Sebelum perubahan", 90, 94.44)
    after = kemajuan_renstra(renstra, "ikm", "positif", 2024, 97.40)
    # Seed 002 "tingkat kemajuan" 97,40 / 81 = 120,25 % (printed 120,24).
    assert (after.versi, after.tahun_akhir, round(after.kemajuan, 2)) == ("Setelah perubahan", 2026, 120.25)
    assert kemajuan_renstra(renstra, "ikm", "negatif", 2024, 70).kemajuan > 100


def test_ranking_with_ties_and_negative_polarity():
    ranks = peringkat(
        [
            ("Klakah", 70.78, None),
            ("Senduro", 70.62, None),
            ("Tempeh", 70.73, None),
            ("Contoh", 70.73, None),
            ("Tanpa data", None, None),
        ],
        "positif",
    )
    assert [(r.kecamatan, r.peringkat, r.dari) for r in ranks] == [
        ("Klakah", 1, 4),
        ("Contoh", 2, 4),
        ("Tempeh", 2, 4),
        ("Senduro", 4, 4),
    ]
    low = peringkat([("A", 8, None), ("B", 5, None), ("C", 5, None)], "negatif")
    assert [(r.kecamatan, r.peringkat) for r in low] == [("B", 1), ("C", 1), ("A", 3)]


def test_benchmark_missing_for_a_year_is_explicit():
    rows = [
        m.BarisPembanding(indikator="ikm", tahun=2024, pembanding="Nasional", jenis="nasional", nilai=None),
        m.BarisPembanding(
            indikator="ikm", tahun=2024, pembanding="Kabupaten Lumajang", jenis="kabupaten", nilai="83,8"
        ),
        m.BarisPembanding(indikator="ikm", tahun=2023, pembanding="Kabupaten Lumajang", jenis="kabupaten", nilai=83),
    ]
    result = pembanding(rows, "ikm", 2024, 82.9)
    assert [b.pembanding for b in result] == ["Kabupaten Lumajang", "Nasional"]
    assert round(result[0].selisih, 2) == -0.9 and round(result[0].rasio, 2) == 98.93
    assert result[1].nilai is None and result[1].selisih is None and result[1].rasio is None
    assert round(perubahan(82, 82.68), 4) == 0.8293


def test_lumajang_overview_and_ranking_on_the_demo(demo_site):
    rows = read_csv(demo_site / "lumajang/perbandingan-2024/kecamatan.csv")
    assert len(rows) == 21  # every kecamatan with data, also those without a folder
    place = {r["kecamatan"]: r["peringkat_skk"] for r in rows}
    assert place["Pronojiwo"] == "1" and place["Kedungjajang"] == "6" and place["Tekung"] == "21"
    # The letter lists Senduro (70,62) above Klakah (70,78): our ranking is computed.
    assert int(place["Klakah"]) < int(place["Senduro"])
    report = (demo_site / "lumajang/kedungjajang/2024/index.html").read_text(encoding="utf-8")
    assert "<strong>6 dari 21</strong>" in report
    history = read_csv(demo_site / "lumajang/kedungjajang/2024/riwayat-ikm-kecamatan.csv")
    assert [r["tahun"] for r in history] == ["2019", "2020", "2021", "2022", "2023", "2024"]
    assert history[4]["perubahan"] == "0.83"
    assert (demo_site / "lumajang/kedungjajang/2024/riwayat-ikm-kecamatan.svg").exists()


def test_benchmarks_renstra_and_headlines_on_the_demo(demo_site):
    ikm = read_csv(demo_site / "lumajang/kedungjajang/2024/pembanding-ikm-kecamatan.csv")[0]
    # 82,86 (from the survey) against Kabupaten Lumajang 83,8: −0,94, (82,86 − 83,8) / 83,8 = −1,12 %, 98,88 %.
    assert (ikm["selisih"], ikm["selisih_relatif"], ikm["rasio"]) == ("-0.94", "-1.12", "98.88")
    megaluh = (demo_site / "jombang/megaluh/2024/index.html").read_text(encoding="utf-8")
    # The last listed version in force is Tabel 3.5 (pertama); its 2024 end target for IKM is 82:
    # 92,08 / 82 = 112,30 % (the report prints 117,07 % from a realisasi of 97,49).
    assert "target akhir 2024 82; realisasi 2024 92,08 = <strong>112,30 %</strong>" in megaluh
    home = {r["kecamatan"]: r for r in read_csv(demo_site / "capaian-terbaru.csv")}
    assert (home["Kedungjajang"]["ikm"], home["Kedungjajang"]["serapan"]) == ("82.86", "98.91")
    assert (home["Megaluh"]["ikm"], home["Megaluh"]["serapan"]) == ("92.08", "89.08")
    page = (demo_site / "index.html").read_text(encoding="utf-8")
    assert 'Data terakhir diubah: <time datetime="2025-01-01">1 Januari 2025</time>' in page

"""Figures the reports compute that the portal computes too (issue 13, item 3), each on seed values
written here, with its inputs: changes between years, benchmark differences, the expectation side of
the SKM, capaian counts, means, budget checks, assets, staff groups, individual roll-ups."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from generator import model as m
from generator.compute.anggaran import anggaran
from generator.compute.audit import stated_individu
from generator.compute.capaian import Capaian, summarize
from generator.compute.individu import compute_individu
from generator.compute.laporan import LaporanKinerja, compute_indikator
from generator.compute.perbandingan import (
    PembandingResult,
    kemajuan_renstra,
    perubahan_antar,
    riwayat,
    riwayat_lain,
    versi_berlaku,
)
from generator.compute.portal import PortalResult, compute
from generator.compute.skm import harapan, unsur_from_table
from generator.compute.sumber_daya import compute_aset, compute_sdm
from generator.load import load_content
from generator.model.content import IndividuData
from generator.validate import validate

ROOT = Path(__file__).resolve().parent.parent
SKALA = m.SkalaPredikat(nama="tanpa batas", rentang=[m.Rentang(label="semua", bawah=0, bawah_inklusif=True)])


@cache
def demo() -> PortalResult:
    return compute(validate(load_content(ROOT / "content", diubah={})))


def report(kec: str) -> LaporanKinerja:
    return next(lp for lp in demo().laporan if lp.kecamatan.slug == kec)


def r2(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


# ---------------------------------------------------------------- change between any two years


def test_change_between_every_two_years_in_the_indicators_unit():
    # Seed 002 Tabel 3.4, AKIP: 2022 70,92, 2023 71,56, 2024 60,61 (an index, not a percentage).
    ind = m.Indikator(id="akip", nama="Nilai AKIP", satuan="nilai")
    rows = [
        m.BarisRiwayat(indikator="akip", tahun=2022, realisasi="70,92"),
        m.BarisRiwayat(indikator="akip", tahun=2023, realisasi="71,56"),
    ]
    years = riwayat(ind, [(2024, "70,20", 60.61)], rows)
    pairs = {(p.dari, p.ke): (r2(p.selisih), r2(p.persen)) for p in perubahan_antar(years)}
    # 71,56 − 70,92 = 0,64 (printed "2,64"); 60,61 − 71,56 = −10,95 (printed "9,95"); and 2022 to 2024.
    assert pairs == {(2022, 2023): (0.64, 0.9), (2023, 2024): (-10.95, -15.3), (2022, 2024): (-10.31, -14.54)}
    assert [r2(y.selisih) for y in years] == [None, 0.64, -10.95]


def test_change_over_the_history_on_the_demo():
    # Seed 003 IKM: 2022 82 (riwayat.csv) to 2023 85: 3 points ("kenaikan sebesar 3%"), 3,66 %.
    ikm = next(c for c in report("ajung").perbandingan if c.hasil.indikator.id == "ikm")
    assert [(p.dari, p.ke, r2(p.selisih), r2(p.persen)) for p in ikm.perubahan] == [(2022, 2023, 3.0, 3.66)]
    # Seed 000 IKM Kecamatan 2019 86 to 2024 82,86 (from the survey): the first to the last year.
    kec = next(c for c in report("kedungjajang").perbandingan if c.hasil.indikator.id == "ikm-kecamatan")
    whole = kec.perubahan_sepanjang
    assert (whole.dari, whole.ke, r2(whole.selisih), r2(whole.persen)) == (2019, 2024, -3.14, -3.65)
    assert len(kec.perubahan) == 15  # six years: every pair


# ---------------------------------------------------------------- benchmarks


@pytest.mark.parametrize(
    ("realisasi", "nilai", "selisih", "relatif", "rasio"),
    [
        (83.8, 86.88, -3.08, -3.55, 96.45),  # seed 000 IKM Kabupaten against Provinsi Jawa Timur
        (75.9109, 70.78, 5.13, 7.25, 107.25),  # seed 000 Nilai Sinergitas against Kecamatan Klakah
        (85, 86.34, -1.34, -1.55, 98.45),  # seed 003 IKM against Kabupaten Jember ("1,34 poin dibawah")
    ],
)
def test_relative_benchmark_difference(realisasi, nilai, selisih, relatif, rasio):
    b = PembandingResult("x", "kabupaten", nilai, realisasi, None)
    assert (r2(b.selisih), r2(b.selisih_relatif), r2(b.rasio)) == (selisih, relatif, rasio)
    assert PembandingResult("x", "nasional", None, realisasi, None).selisih_relatif is None  # not available


# ---------------------------------------------------------------- SKM: NRR tertimbang and harapan


def test_nrr_tertimbang_and_the_expectation_side_seed_000():
    nrr = ["3,17", "3,17", "3,00", "3,83", "3,00", "3,00", "3,00", "2,67", "3,83"]
    expected = ["3,50", "3,17", "3,33", "2,50", "3,33", "3,50", "3,50", "3,50", "3,50"]
    periode = m.PeriodeSkm(
        id="s1",
        nama="Semester I",
        unsur={f"U{i + 1}": {"nrr": n, "harapan": e} for i, (n, e) in enumerate(zip(nrr, expected))},
    )
    unsur = unsur_from_table(periode, m.AturanSkm().unsur)
    side = harapan(unsur)
    # Σ harapan = 29,83 → 29,83 / 9 = 3,3144 (printed 3,31) → IKM 82,86 (printed 82,87), mutu B.
    assert (round(side.nrr_tertimbang, 4), r2(side.ikm), side.mutu.huruf) == (3.3144, 82.86, "B")
    # Without every expectation there is no expectation side (never a partial one).
    periode = m.PeriodeSkm(id="s1", nama="I", unsur={f"U{i + 1}": {"nrr": n} for i, n in enumerate(nrr)})
    assert harapan(unsur_from_table(periode, m.AturanSkm().unsur)) is None


def test_expectation_side_and_counts_on_the_demo():
    skm = report("kedungjajang").skm
    s1, s2 = skm.periode
    assert (r2(s1.nrr_tertimbang), r2(s2.nrr_tertimbang)) == (3.19, 3.44)  # printed 3,19 and 3,44
    # Semester II harapan: Σ 33,93 / 9 = 3,77 → 94,25 (printed 94,19), mutu A.
    assert (r2(s2.harapan.nrr_tertimbang), r2(s2.harapan.ikm), s2.harapan.mutu.huruf) == (3.77, 94.25, "A")
    # The year: NRR of the mean unsur (3,1856 + 3,4433) / 2 = 3,3144; harapan (3,3144 + 3,77) / 2.
    assert (r2(skm.nrr_tertimbang), r2(skm.harapan.nrr_tertimbang)) == (3.31, 3.54)
    # Seed 002 unsur values 90 85 85 100 85 95 90 85 70: four A (≥ 88,31), four B, one C (70).
    megaluh = report("megaluh").skm.periode[0]
    assert megaluh.jumlah_unsur_per_mutu == {"A": 4, "B": 4, "C": 1, "D": 0}  # printed "1 unsur ... Baik"
    assert [x.id for x in megaluh.layanan_terendah] == ["kk"]  # 85,42 of 89,86 / 85,42 / 100 / 87,22 / 97,92


# ---------------------------------------------------------------- capaian counts and means


def test_counts_above_exactly_and_below_100():
    # Seed 002: 85,35 / 112,30 / 101,18 / 100 / 100 / 100.
    values = [60.61 / 71.01 * 100, 92.08 / 82 * 100, 3.44 / 3.40 * 100, 100, 100, 100]
    s = summarize([Capaian(nilai=v, tercapai=v >= 100) for v in values], 100)
    assert (s.jumlah_di_atas_100, s.jumlah_tepat_100, s.jumlah_di_bawah_100) == (2, 3, 1)
    # Exactly 100 as printed: 99,996 rounds to 100,00; 100,006 to 100,01.
    s = summarize([Capaian(nilai=99.996, tercapai=False), Capaian(nilai=100.006, tercapai=True)], None)
    assert (s.jumlah_di_atas_100, s.jumlah_tepat_100, s.jumlah_di_bawah_100) == (1, 1, 0)
    # Seed 003: every IKU exactly 100 % ("97 % indikator capaian diatas target" in the Ikhtisar).
    r = report("ajung").ringkasan
    assert (r.jumlah_di_atas_100, r.jumlah_tepat_100, r.jumlah_di_bawah_100) == (0, 4, 0)


def test_structure_counts():
    # Seed 003 Tabel 3.8: 4 program, 8 kegiatan, 16 sub kegiatan; 1 tujuan and 4 sasaran of the PK.
    s = report("ajung").struktur
    assert (s.jumlah_tujuan, s.jumlah_sasaran, s.jumlah_iku) == (1, 4, 4)
    assert (s.jumlah_program, s.jumlah_kegiatan, s.jumlah_sub_kegiatan) == (4, 8, 16)
    # Seed 000: one sasaran (the report says "2 (dua) sasaran strategis").
    assert report("kedungjajang").struktur.jumlah_sasaran == 1


def test_means_of_program_indicators():
    # Seed 003 B.1: program indicators 98, 98, 98, 94 → 97 (printed "rata rata ... 98%").
    assert report("ajung").rata_rata_realisasi_program == 97
    # Seed 000 P5: (12/12, 11/12, 12/12) → (100 + 91,6667 + 100) / 3 = 97,22 (printed 97,21).
    p5 = next(n for n in report("kedungjajang").program if n.node.id == "P5")
    assert r2(p5.rata_rata_realisasi) == 97.22
    # A mean over IKU and program indicators together (seed 003): IKU 4 × 100, program indicators
    # P1-I1 and P2-I1 98 against 100, and fourteen sub kegiatan outputs at 100 (P3-I1 and P4-I1 have
    # no target, so they are not measurable).
    g = report("ajung").ringkasan_gabungan
    assert (g.jumlah_dirata, r2(g.rata_rata)) == (20, r2((18 * 100 + 98 + 98) / 20)) == (20, 99.8)


# ---------------------------------------------------------------- realisasi and targets


def test_realisasi_from_pembilang_and_penyebut():
    ind = m.Indikator(id="P1-I1", nama="PATEN", satuan="%", target={"pk_awal": 100})
    baris = m.BarisRealisasi(indikator="P1-I1", tahunan=98, pembilang="1.875", penyebut="1.900")
    h = compute_indikator(ind, "program", baris, SKALA)
    # Seed 000 Lampiran no. 2: 1875 / 1900 × 100 = 98,68 % (printed 98); the typed 98 stays for the audit.
    assert (r2(h.realisasi), h.realisasi_sumber, h.realisasi_diketik) == (98.68, "pembilang / penyebut", 98)
    count = m.Indikator(id="x", nama="x", satuan="dokumen", target={"pk_awal": 2})
    assert (
        compute_indikator(count, "program", m.BarisRealisasi(indikator="x", pembilang=3, penyebut=2), SKALA).realisasi
        == 1.5
    )
    audit = [a for a in report("kedungjajang").audit if a.alamat == "indikator-program/P6-I1/realisasi"]
    assert [(a.dilaporkan, r2(a.dihitung)) for a in audit] == [("100", 98.59)]  # 70 / 71 (printed 100)


def test_renja_target_is_shown_not_used():
    ind = m.Indikator(id="P2-I1", nama="Nilai PATEN", satuan="nilai", target={"pk_awal": 82, "renja": 96})
    h = compute_indikator(ind, "program", m.BarisRealisasi(indikator="P2-I1", tahunan="85,50"), SKALA)
    assert (h.target, r2(h.capaian.nilai), ind.target.renja) == (82, 104.27, 96)  # seed 002 Tabel 2.3: 96


# ---------------------------------------------------------------- Renstra and discontinued indicators


def _renstra(*versi: dict) -> m.Renstra:
    return m.Renstra(tahun_awal=2021, tahun_akhir=2026, sumber="uji", versi=list(versi))


def test_renstra_version_in_force_is_the_last_listed_that_has_begun_and_names_the_indicator():
    before = {"nama": "Sebelum perubahan", "target": {}}
    after = {"nama": "Setelah perubahan", "target": {"ikm": {2023: 85, 2026: 100}}}
    later = {"nama": "Perubahan 2025", "berlaku_sejak": 2025, "target": {"ikm": {2026: 95}}}
    renstra = _renstra(before, after, later)
    # Seed 003: no berlaku_sejak anywhere; the empty first version does not hide the revised one.
    assert versi_berlaku(renstra, "ikm", 2023).nama == "Setelah perubahan"
    assert versi_berlaku(renstra, "ikm", 2025).nama == "Perubahan 2025"
    assert versi_berlaku(renstra, "lain", 2023) is None
    k = kemajuan_renstra(renstra, "ikm", "positif", 2023, 85)
    assert (k.target_tahun, k.target_akhir, k.kemajuan) == (85, 100, 85)


def test_discontinued_indicators_with_their_history_and_renstra_progress():
    rows = [
        m.BarisRiwayat(indikator="lama", tahun=2021, realisasi="69,33", nama="Nilai Sinergitas Minimal Baik"),
        m.BarisRiwayat(indikator="lama", tahun=2022, realisasi="63,49", nama="Nilai Sinergitas Minimal Baik"),
        m.BarisRiwayat(indikator="akip", tahun=2022, realisasi="70,92"),
    ]
    renstra = _renstra({"nama": "Renstra lama", "target": {"lama": {2023: 73}}})
    (lama,) = riwayat_lain(rows, {"akip"}, 2024, renstra)
    # Seed 002 Tabel 3.5 (kedua): 63,49 / 73 = 86,97 % (printed 91,67 %); 63,49 − 69,33 = −5,84.
    assert (lama.id, lama.nama, r2(lama.renstra.kemajuan)) == ("lama", "Nilai Sinergitas Minimal Baik", 86.97)
    assert [r2(r.selisih) for r in lama.riwayat] == [None, -5.84]
    # Seed 000 Tabel 3.7: a discontinued indicator's capaian (positive polarity), 58,30 / 82 = 71,10 (printed 66).
    desa = next(x for x in report("kedungjajang").riwayat_lain if x.id == "desa-dokumen-tepat-waktu")
    assert [r2(r.capaian) for r in desa.riwayat] == [81.05, 100, 99.43, 71.1, 100]


# ---------------------------------------------------------------- budget


def _money(pagu: str, realisasi: str) -> dict:
    return {"pagu_perubahan": pagu, "realisasi": realisasi}


def test_mean_of_program_serapan_beside_the_pooled_serapan():
    # Seed 000 Tabel 3.11, six programs.
    rows = [
        ("1.768.142.638", "1.748.541.007"),
        ("6.750.000", "6.750.000"),
        ("23.670.000", "23.460.000"),
        ("10.800.000", "10.800.000"),
        ("7.200.000", "7.200.000"),
        ("7.125.000", "7.125.000"),
    ]
    ang = anggaran(
        m.DaftarProgram.model_validate(
            {"program": [{"id": f"P{i}", "nama": "x", "anggaran": _money(*r)} for i, r in enumerate(rows)]}
        )
    )
    shares = [1748541007 / 1768142638 * 100, 100, 23460000 / 23670000 * 100, 100, 100, 100]
    assert r2(ang.rata_rata_serapan_program) == r2(sum(shares) / 6) == 99.67
    assert r2(ang.total.serapan) == 98.91  # 1.803.876.007 / 1.823.687.638, pooled


def test_belanja_split_and_refocusing_checked_against_the_pagu():
    # Seed 003: belanja operasi 2.120.473.359 + modal 1.413.648.890 = 3.534.122.249 (60 % / 40 %),
    # against a pagu of 3.443.692.072 (the Tabel 3.8 sum); P3: pagu awal 639.920.900 − refocusing
    # 398.451.900 = 241.469.000, while its sub kegiatan add up to 236.284.000.
    daftar = m.DaftarProgram.model_validate(
        {
            "anggaran": {"belanja_operasi": "2.120.473.359", "belanja_modal": "1.413.648.890"},
            "program": [
                {
                    "id": "P3",
                    "nama": "Pemberdayaan",
                    "anggaran": {"pagu_awal": "639.920.900"},
                    "kegiatan": [
                        {
                            "id": "P3.K1",
                            "nama": "Koordinasi",
                            "sub_kegiatan": [
                                {"id": "S1", "nama": "a", "anggaran": _money("5.185.000", "5.185.000")},
                                {
                                    "id": "S2",
                                    "nama": "b",
                                    "anggaran": {**_money("231.099.000", "227.414.000"), "refocusing": "398.451.900"},
                                },
                            ],
                        }
                    ],
                },
                {"id": "P1", "nama": "Penunjang", "anggaran": _money("3.207.408.072", "3.000.000.000")},
            ],
        }
    )
    ang = anggaran(daftar)
    t = ang.total
    assert (t.belanja, r2(t.persen_belanja_operasi), r2(t.persen_belanja_modal)) == (3534122249, 60, 40)
    assert t.pagu == 3443692072
    p3 = ang.program[0]
    # A refocusing adds up from the parts that give one (the other sub kegiatan had none).
    assert (p3.uang.refocusing, p3.uang.pagu_awal_dikurangi_refocusing) == (398451900, 241469000)
    assert p3.uang.pagu_perubahan == 236284000
    # The year's refocusing is the sum of its parts (seed 003: 398.451.900 + 53.000.000 on the demo).
    ajung = report("ajung")
    assert ajung.anggaran.total.refocusing == 451451900
    # Both checks are audit notes (docs/domain.md §3.10): the pagu beside belanja operasi + modal,
    # the pagu perubahan beside pagu awal − refocusing.
    notes = {n.alamat: (n.dilaporkan, n.dihitung) for n in ajung.audit}
    assert notes["anggaran/total/belanja"] == ("3.443.692.072", 3534122249)
    assert notes["anggaran/P3/pagu-awal-dikurangi-refocusing"] == ("236.284.000", 241469000)


# ---------------------------------------------------------------- assets and staff


def test_asset_rows_without_a_condition_split_and_the_change_of_value():
    aset = compute_aset(
        m.Aset.model_validate(
            {
                "barang": [
                    {"nama": "Meja", "baik": 1, "rusak_ringan": 2, "rusak_berat": 3, "jumlah": 6},
                    {"nama": "Kursi", "baik": 4},  # the other conditions count 0
                    {"nama": "Komputer", "jumlah": 10},  # printed count, no condition split
                ],
                "nilai": [
                    {"golongan": "Peralatan dan Mesin", "awal": "1.000.000", "akhir": "1.200.000"},
                    {"golongan": "Gedung", "awal": "5.000.000", "akhir": "4.500.000"},
                ],
            }
        )
    )
    assert (aset.jumlah, aset.jumlah_dirinci, aset.jumlah_tanpa_rincian) == (20, 10, 10)
    assert (aset.baik, r2(aset.persen("baik"))) == (5, 50)  # of the 10 items split by condition
    assert [b.kondisi("rusak_berat") for b in aset.barang] == [3, 0, None]
    assert [(n.perubahan, r2(n.perubahan_persen)) for n in aset.nilai] == [(200000, 20), (-500000, -10)]
    assert (aset.total_nilai.perubahan, r2(aset.total_nilai.perubahan_persen)) == (-300000, -5)
    # Values without an item list: no item count at all ("tidak dilaporkan"), never 0 items.
    only_value = compute_aset(m.Aset.model_validate({"nilai": [{"golongan": "Gedung", "awal": 1}]}))
    assert (only_value.jumlah, only_value.persen("baik")) == (None, None)
    with pytest.raises(ValueError, match="isi jumlah atau jumlah per kondisi"):
        m.Barang(nama="Lemari")


def test_staff_group_totals():
    # Seed 000 Tabel 1.1: pejabat struktural by eselon III 3 + IV 4 = 7 (the text says 5).
    sdm = compute_sdm(
        m.Sdm.model_validate(
            {"rincian": [{"dimensi": "eselon", "kelompok": "pejabat struktural", "jumlah": {"III": 3, "IV": 4}}]}
        )
    )
    assert [(r.kelompok, r.total) for r in sdm.rincian] == [("pejabat struktural", 7)]
    # Seed 002: 2 eselon III + 6 eselon IV = 8 on the demo.
    assert [r.total for r in report("megaluh").sdm.rincian] == [8, 8]


# ---------------------------------------------------------------- individual reports


def test_individual_quarters_and_roll_ups():
    r = next(x for x in demo().individu if x.triwulan == 2)
    by_id = {h.indikator.id: h for j in r.jabatan for h in j.indikator}
    sekcam = by_id["sekcam-1"]
    # TW I 38 %, TW II 48 / 126 = 38,10 % (printed 34,92 %); together 76,10 against the typed 73,02.
    assert [(q, r2(v)) for q, v in sekcam.triwulan] == [(1, 38), (2, 38.1)]
    notes = {n.alamat.removeprefix("individu/tw2/"): (n.dilaporkan, r2(n.dihitung)) for n in r.audit}
    assert notes["sekcam/sekcam-1/realisasi/jumlah-triwulan"] == ("73,02", 76.1)
    camat = by_id["camat-1"]
    # Sekcam + Kasi PMD 1-4 + Kasi Pelayanan Umum: pagu 2.017.461.467 (as printed), realisasi 971.200.593
    # (printed 971.800.593).
    assert (camat.pagu_rincian, camat.realisasi_anggaran_rincian) == (2017461467, 971200593)
    assert notes["camat/camat-1/realisasi-anggaran-rincian"] == ("971.800.593", 971200593)
    assert "camat/camat-1/pagu-rincian" not in notes
    assert by_id["camat-2"].pagu_rincian == 304300000 and not [a for a in notes if a.startswith("camat/camat-2/pagu")]


def test_individual_realisasi_from_its_quarters_alone():
    laporan = m.LaporanIndividu.model_validate(
        {
            "kecamatan": "x",
            "tahun": 2023,
            "triwulan": 2,
            "sumber": "uji",
            "jabatan": [
                {
                    "id": "a",
                    "jabatan": "A",
                    "indikator": [
                        {
                            "id": "a-1",
                            "sasaran": "s",
                            "nama": "n",
                            "satuan": "%",
                            "target": 100,
                            "realisasi_triwulan": [
                                {"triwulan": 2, "pembilang": 44, "penyebut": 126},
                                {"triwulan": 1, "realisasi": 38},
                            ],
                        }
                    ],
                }
            ],
        }
    )
    result = compute_individu(None, None, IndividuData(laporan, Path("x")))  # type: ignore[arg-type]
    h = result.jabatan[0].indikator[0]
    # 38 + 34,92; no cumulative typed, so nothing to compare the quarters with.
    assert (r2(h.realisasi), [q for q, _ in h.triwulan], stated_individu(result)) == (72.92, [1, 2], [])


def test_kabupaten_sum_and_mean_of_a_shared_indicator():
    # Seed 000, letter of the Sekretaris Daerah: 21 kecamatan, Σ 1.498,24, mean 71,34.
    overview = next(o for o in demo().overviews if o.kabupaten.slug == "lumajang")
    (skk,) = overview.ringkasan_bersama
    assert (skk.jumlah_kecamatan, r2(skk.jumlah), r2(skk.rata_rata)) == (21, 1498.24, 71.34)

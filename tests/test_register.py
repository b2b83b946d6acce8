"""The figure register and the audit of printed figures (docs/domain.md §3.10, §3.12): every
address family on seed values computed by hand, the comparison at printed precision, the
messages for rows that cannot be compared, and what the site publishes."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest
from conftest import DEMO, read_csv
from typer.testing import CliRunner

from generator import model as m
from generator.cli import app
from generator.compute.anggaran import riwayat_anggaran
from generator.compute.audit import Printed, audit_year, differs, stated
from generator.compute.families import FAMILIES
from generator.compute.metodologi import rumus
from generator.compute.portal import PortalResult, compute
from generator.compute.register import Figure, YearRegister, laporan_figures
from generator.compute.sumber_daya import compute_aset
from generator.compute.wilayah import wilayah
from generator.load import load_content
from generator.model.types import slug
from generator.problems import ContentError
from generator.render.alamat import FORMAT_MD, with_section
from generator.validate import validate


@cache
def demo() -> PortalResult:
    return compute(validate(load_content(DEMO, diubah={})))


def register(kab_kec: str, tahun: int) -> YearRegister:
    kab, kec = kab_kec.split("/")
    return demo().register_untuk(kab, kec, tahun)


def value(kab_kec: str, tahun: int, alamat: str) -> float | str | None:
    found = register(kab_kec, tahun).get(alamat)
    assert found is not None, alamat
    return found.nilai


KEDUNGJAJANG, MEGALUH, AJUNG = "lumajang/kedungjajang", "jombang/megaluh", "jember/ajung"


def close(a: float | str | None, b: float) -> bool:
    return isinstance(a, (int, float)) and abs(a - b) < 1e-4


# ---------------------------------------------------------------- the declaration


def test_families_are_declared_once_with_formulas_that_exist():
    patterns = [f.pola for f in FAMILIES]
    assert len(patterns) == len(set(patterns))
    codes = {r.kode for r in rumus()}
    assert {f.rumus for f in FAMILIES if f.rumus} <= codes
    assert all(f.label and f.keterangan and f.kelompok for f in FAMILIES)


def test_every_figure_of_the_demo_has_a_family_and_a_unique_address():
    patterns = [
        re.compile("^" + re.sub(r"<[a-z]+>", "[^/]+", re.escape(f.pola).replace(r"\<", "<").replace(r"\>", ">")) + "$")
        for f in FAMILIES
    ]
    for r in demo().register:
        addresses = [f.alamat.lower() for f in r.angka]
        assert len(addresses) == len(set(addresses)), (r.kecamatan.slug, r.tahun)
        for f in r.angka:
            assert any(p.match(f.alamat) for p in patterns), f.alamat
            assert f.nilai is not None or f.catatan, f.alamat  # empty only with a reason


def test_format_md_lists_the_declared_families():
    text = FORMAT_MD.read_text(encoding="utf-8")
    assert text == with_section(text), "FORMAT.md is out of date: python -m generator.render.alamat"
    assert "`anggaran/<node>/serapan`" in text


def test_slugs():
    assert slug("Kabupaten Lumajang") == "kabupaten-lumajang" and slug("Non ASN") == "non-asn"
    assert slug("Provinsi Jawa Timur") == "provinsi-jawa-timur"


# ---------------------------------------------------------------- each family on seed values


def test_iku_and_program_indicators():
    # Seed 000 Tabel 3.2: IKM Kabupaten target 83,5, TW IV 83,8 -> 83,8 / 83,5 = 100,3593 %.
    assert value(KEDUNGJAJANG, 2024, "iku/ikm-kabupaten/target") == 83.5
    assert value(KEDUNGJAJANG, 2024, "iku/ikm-kabupaten/realisasi/tw4") == 83.8
    assert close(value(KEDUNGJAJANG, 2024, "iku/ikm-kabupaten/capaian"), 100.3593)
    assert value(KEDUNGJAJANG, 2024, "iku/ikm-kabupaten/predikat") == "Sangat Tinggi"
    assert value(KEDUNGJAJANG, 2024, "iku/ikm-kabupaten/status") == "tercapai"
    # IKM Kecamatan: semesters 79,55 and 85,74 (mean 82,645), typed 82,87; the survey's 82,8611 is used.
    assert close(value(KEDUNGJAJANG, 2024, "iku/ikm-kecamatan/realisasi/agregasi"), 82.645)
    assert value(KEDUNGJAJANG, 2024, "iku/ikm-kecamatan/realisasi/diketik") == 82.87
    realisasi = register(KEDUNGJAJANG, 2024).get("iku/ikm-kecamatan/realisasi")
    assert close(realisasi.nilai, 82.8611) and realisasi.masukan == ("skm/tahunan/ikm",)
    # APBDes tepat waktu: 11 of 12 desa (Lampiran no. 6) = 91,6667 % against 75 -> 122,2222 %.
    assert (
        value(KEDUNGJAJANG, 2024, "indikator-program/P5-I2/pembilang"),
        value(KEDUNGJAJANG, 2024, "indikator-program/P5-I2/penyebut"),
    ) == (11, 12)
    apbdes = register(KEDUNGJAJANG, 2024).get("indikator-program/P5-I2/realisasi")
    assert close(apbdes.nilai, 91.6667)
    assert apbdes.masukan == ("indikator-program/P5-I2/pembilang", "indikator-program/P5-I2/penyebut")
    assert close(value(KEDUNGJAJANG, 2024, "indikator-program/P5-I2/capaian"), 122.2222)
    # Seed 002 Tabel 2.3: the Renja target of Nilai PATEN, 96, beside the PK target 82 that capaian uses.
    assert (
        value(MEGALUH, 2024, "indikator-program/P2-I1/target-renja"),
        value(MEGALUH, 2024, "indikator-program/P2-I1/target"),
    ) == (96, 82)
    # P3.K1-I1 has a target but no realisasi: empty, with the reason.
    empty = register(KEDUNGJAJANG, 2024).get("indikator-program/P3.K1-I1/capaian")
    assert empty.nilai is None and empty.catatan == "belum ada data realisasi"


def test_sasaran_and_summaries():
    # Seed 000 sasaran 1: (103,5764 + 126,5182) / 2 = 115,0473 (Lumajang has no cap).
    assert close(value(KEDUNGJAJANG, 2024, "sasaran/S1/capaian"), 115.0473)
    assert value(KEDUNGJAJANG, 2024, "sasaran/S1/predikat") == "Sangat Tinggi"
    assert value(KEDUNGJAJANG, 2024, "ringkasan/iku/tercapai") == 3  # "sebanyak 3 indikator"
    # Seed 002: six IKU, capped at 100 (Jombang): mean 97,5590; uncapped 99,8047; 5 reached.
    assert close(value(MEGALUH, 2024, "ringkasan/iku/rata-rata-capaian"), 97.5590)
    assert close(value(MEGALUH, 2024, "ringkasan/iku/rata-rata-capaian-tanpa-batas"), 99.8047)
    assert (value(MEGALUH, 2024, "ringkasan/iku/jumlah"), value(MEGALUH, 2024, "ringkasan/iku/tercapai")) == (6, 5)
    assert value(MEGALUH, 2024, "ringkasan/iku/predikat") == "Baik (Berhasil)"
    # Structure of seed 000: 1 tujuan, 1 sasaran, 3 IKU, 6 programs, 14 program indicators (the
    # Penunjang indicator of the Lampiran included).
    counts = [
        value(KEDUNGJAJANG, 2024, f"ringkasan/struktur/jumlah-{b}") for b in ("tujuan", "sasaran", "iku", "program")
    ]
    assert counts == [1, 1, 3, 6]
    assert value(KEDUNGJAJANG, 2024, "ringkasan/struktur/jumlah-indikator-program") == 14
    # Seed 002 capaian 85,35 / 112,30 / 101,18 / 100 / 100 / 100: 2 above, 3 exactly, 1 below 100 %.
    shares = [value(MEGALUH, 2024, f"ringkasan/iku/{b}") for b in ("di-atas-100", "tepat-100", "di-bawah-100")]
    assert shares == [2, 3, 1] and close(value(MEGALUH, 2024, "ringkasan/iku/persen-di-atas-100"), 33.3333)
    # Seed 003: four IKU at exactly 100 % ("97 % indikator capaian diatas target" is an audit note).
    assert value(AJUNG, 2023, "ringkasan/iku/tepat-100") == 4
    assert value(AJUNG, 2023, "ringkasan/iku/persen-di-atas-100") == 0
    # IKU and program indicators averaged together (seed 003: 4 IKU and 16 program indicators at 100 %,
    # 99,8 with P1.K1.S1-I1 ... as computed).
    both = [value(AJUNG, 2023, f"ringkasan/{p}/jumlah-dirata") for p in ("iku", "indikator-program", "gabungan")]
    assert both[0] + both[1] == both[2] == 20


def test_history_change_renstra_benchmarks_and_ranking():
    # Seed 000 Tabel 3.7: IKM 2019 target 89, realisasi 86 -> 96,6292 %.
    assert close(value(KEDUNGJAJANG, 2024, "riwayat/ikm-kecamatan/2019/capaian"), 96.6292)
    # Seed 002 IKM: 92,83 (2022) -> 94,3 (2023): +1,47 points, +1,5835 %.
    assert close(value(MEGALUH, 2024, "perubahan/ikm-kecamatan/2022-2023/persen"), 1.5835)
    assert close(value(MEGALUH, 2024, "perubahan/ikm-kecamatan/2022-2023/selisih"), 1.47)
    # Every two years, not only consecutive ones: AKIP 70,92 (2022) -> 60,61 (2024) = -10,31.
    assert close(value(MEGALUH, 2024, "perubahan/akip/2022-2024/selisih"), -10.31)
    # Seed 002: IKM 92,084 against the end target 82 of the version in force (Tabel 3.5 pertama) -> 112,2976 %.
    assert close(value(MEGALUH, 2024, "renstra/ikm-kecamatan/kemajuan"), 112.2976)
    # A discontinued indicator (riwayat.csv only): Sinergitas Minimal Baik 63,49 (2022) against 73 -> 86,9726 %.
    assert close(value(MEGALUH, 2024, "renstra/sinergitas-minimal-baik/kemajuan"), 86.9726)
    # Seed 000 Tabel 3.7, discontinued: desa dokumen tepat waktu 2022, 58,30 against 82 -> 71,0976 % (printed 66).
    assert close(value(KEDUNGJAJANG, 2024, "riwayat/desa-dokumen-tepat-waktu/2022/capaian"), 71.0976)
    # Seed 000 Tabel 3.9: Nilai Sinergitas 75,9109 against Kecamatan Klakah 70,78.
    assert close(value(KEDUNGJAJANG, 2024, "pembanding/sinergitas/kecamatan-klakah/selisih"), 5.1309)
    assert close(value(KEDUNGJAJANG, 2024, "pembanding/sinergitas/kecamatan-klakah/rasio"), 107.2491)
    assert close(value(KEDUNGJAJANG, 2024, "pembanding/sinergitas/kecamatan-klakah/selisih-relatif"), 7.2491)
    # Surat Sekda: 21 kecamatan, Kedungjajang sixth.
    assert value(KEDUNGJAJANG, 2024, "perbandingan/skk/jumlah-kecamatan") == 21
    assert value(KEDUNGJAJANG, 2024, "perbandingan/skk/kecamatan/kedungjajang/peringkat") == 6
    assert value(KEDUNGJAJANG, 2024, "perbandingan/skk/kecamatan/klakah/nilai") == 70.78


def test_money_efficiency_and_cost_per_outcome():
    # Seed 000 Tabel 2.4 / 3.11: six programs.
    assert value(KEDUNGJAJANG, 2024, "anggaran/total/pagu") == 1823687638
    assert close(value(KEDUNGJAJANG, 2024, "anggaran/total/serapan"), 98.9137)
    assert value(KEDUNGJAJANG, 2024, "anggaran/total/perubahan") == -460121514
    assert value(KEDUNGJAJANG, 2024, "anggaran/P6/pagu") == 1768142638
    # Tabel 3.10: capaian 103,5764 − serapan 100; sasaran 115,0473 − 98,9137.
    assert close(value(KEDUNGJAJANG, 2024, "efisiensi/iku/ikm-kecamatan"), 3.5764)
    assert close(value(KEDUNGJAJANG, 2024, "efisiensi/sasaran/S1"), 16.1336)
    assert value(KEDUNGJAJANG, 2024, "biaya-per-hasil/iku/ikm-kecamatan/pagu") == 6750000
    # Seed 003 Tabel 3.8: Kegiatan Administrasi Umum = its four sub kegiatan.
    assert value(AJUNG, 2023, "anggaran/P1.K3/pagu") == 76770000
    # Seed 003 refocusing: 398.451.900 (Pemberdayaan) + 53.000.000 (Trantibum) = 451.451.900; P3's pagu
    # awal 639.920.900 − 398.451.900 = 241.469.000 (its sub kegiatan add up to 236.284.000).
    assert value(AJUNG, 2023, "anggaran/total/refocusing") == 451451900
    assert value(AJUNG, 2023, "anggaran/P3/pagu-awal-dikurangi-refocusing") == 241469000


def test_budget_history_and_the_change_of_serapan():
    # Seed 003 Bab III C: 2022 pagu 3.188.885.473, realisasi 3.188.885.473 -> serapan 100 % (riwayat-anggaran.csv).
    assert value(AJUNG, 2023, "riwayat-anggaran/2022/pagu") == 3188885473
    assert value(AJUNG, 2023, "riwayat-anggaran/2022/realisasi") == 3188885473
    assert value(AJUNG, 2023, "riwayat-anggaran/2022/serapan") == 100
    # 2023 (Tabel 3.8): 3.347.440.282 / 3.443.692.072 = 97,2050 % -> -2,7950 points, -2,7950 % of 100.
    selisih = register(AJUNG, 2023).get("perubahan/anggaran-serapan/2022-2023/selisih")
    assert close(selisih.nilai, -2.7950) and selisih.satuan == "poin"
    assert selisih.masukan == ("riwayat-anggaran/2022/serapan", "anggaran/total/serapan")
    assert close(value(AJUNG, 2023, "perubahan/anggaran-serapan/2022-2023/persen"), -2.7950)
    # The printed "penurunan sebesar 4 %" differs and is listed; the printed 2022 serapan 100 % does not.
    notes = {(n.alamat, n.dilaporkan) for n in register(AJUNG, 2023).audit}
    assert ("perubahan/anggaran-serapan/2022-2023/selisih", "-4") in notes
    assert not any(a.startswith("riwayat-anggaran/") for a, _ in notes)
    # No history: no such figures (Kedungjajang 2024 has its own budget only).
    assert not any("anggaran-serapan" in f.alamat for f in register(KEDUNGJAJANG, 2024).angka)


def test_the_change_of_serapan_between_any_two_years_of_history_and_reports():
    # Seed 003's 2022 row, an earlier year with only a pagu (no serapan), and a later row the
    # 2023 report does not see: every pair of years that have a serapan, history and report together.
    rows = [
        m.BarisRiwayatAnggaran(tahun=2022, pagu="3.188.885.473", realisasi="3.188.885.473"),
        m.BarisRiwayatAnggaran(tahun=2021, pagu="2.000.000.000", realisasi="1.900.000.000"),
        m.BarisRiwayatAnggaran(tahun=2020, pagu="1.000.000.000"),
        m.BarisRiwayatAnggaran(tahun=2024, pagu="1", realisasi="1"),
    ]
    lp = next(x for x in demo().laporan if x.kecamatan.slug == "ajung")
    years = riwayat_anggaran(rows, [(2023, lp.anggaran.total)], 2023)
    assert [(y.tahun, y.laporan) for y in years] == [(2020, False), (2021, False), (2022, False), (2023, True)]
    got = {f.alamat: f for f in laporan_figures(replace(lp, riwayat_anggaran=years))}
    assert got["riwayat-anggaran/2021/serapan"].nilai == 95  # 1.900.000.000 / 2.000.000.000
    empty = got["riwayat-anggaran/2020/serapan"]
    assert empty.nilai is None and empty.catatan and "riwayat-anggaran/2020/realisasi" not in got
    assert close(got["perubahan/anggaran-serapan/2021-2022/selisih"].nilai, 5)  # 95 -> 100
    assert close(got["perubahan/anggaran-serapan/2021-2023/selisih"].nilai, 2.2050)  # 95 -> 97,2050
    assert close(got["perubahan/anggaran-serapan/2021-2023/persen"].nilai, 2.3210)  # 2,2050 / 95 × 100
    assert not any(a.startswith(("perubahan/anggaran-serapan/2020-", "riwayat-anggaran/2024")) for a in got)


def test_livelihood_shares():
    # Seed 003 Bab I.E: 60 % pertanian, 40 % industri kecil, UMKM, karyawan swasta dan ASN -> 100 %.
    assert value(AJUNG, 2023, "profil/mata-pencaharian/pertanian/persen") == 60
    assert value(AJUNG, 2023, "profil/mata-pencaharian/industri-kecil-umkm-karyawan-swasta-dan-asn/persen") == 40
    total = register(AJUNG, 2023).get("profil/mata-pencaharian/jumlah-persen")
    assert total.nilai == 100 and total.rumus == "mata-pencaharian" and len(total.masukan) == 2
    # Shares that leave a sector out add up to less (the validator warns; the figure says so).
    profil = m.Kecamatan.model_validate(
        {"nama": "Ajung", "mata_pencaharian": [{"sektor": "Pertanian", "persen": "60"}]}
    )
    assert wilayah(profil).jumlah_persen_mata_pencaharian == 60
    # A profile without shares has none of these figures.
    assert not any("mata-pencaharian" in f.alamat for f in register(KEDUNGJAJANG, 2024).angka)


def test_survey():
    # Seed 000 Tabel 3.4, semester I: Σ NRR / 9 = 3,185556, × 25 = 79,6389.
    assert close(value(KEDUNGJAJANG, 2024, "skm/s1/nrr-tertimbang"), 3.185556)
    assert close(value(KEDUNGJAJANG, 2024, "skm/s1/ikm"), 79.6389)
    assert close(value(KEDUNGJAJANG, 2024, "skm/s1/unsur/u1/kesenjangan"), -0.33)  # 3,17 − 3,50
    # The expectation side (Tabel 3.4 Expc.): Σ harapan / 9 = 3,3144, × 25 = 82,8611, mutu B.
    assert close(value(KEDUNGJAJANG, 2024, "skm/s1/harapan/nrr-tertimbang"), 3.3144)
    assert close(value(KEDUNGJAJANG, 2024, "skm/s1/harapan/ikm"), 82.8611)
    assert value(KEDUNGJAJANG, 2024, "skm/s1/harapan/mutu") == "B Baik"
    # Seed 002: the lowest of five layanan is KK (85,42).
    assert value(MEGALUH, 2024, "skm/tahun-2024/layanan-terendah") == "Fasilitasi Kartu Keluarga (KK)"
    mutu = register(KEDUNGJAJANG, 2024).get("skm/tahunan/mutu")
    assert mutu.nilai == "B Baik" and "B" in mutu.sebutan
    # Seed 002: five layanan, and the IKM of the printed unsur (90, 85, 85, 100, 85, 95, 90, 85, 70).
    assert value(MEGALUH, 2024, "skm/tahun-2024/layanan/skck/ikm") == 100
    assert close(value(MEGALUH, 2024, "skm/tahun-2024/unsur/ikm"), 87.2222)


def test_profile_staff_assets_and_indices():
    assert value(MEGALUH, 2024, "profil/penduduk") == 39725  # 13 desa of TABEL 1.1
    assert close(value(MEGALUH, 2024, "profil/kepadatan"), 1530.2388)  # 39.725 / 25,96 km²
    # Seed 000 names no desa but counts 12 ("dari 12 desa"): kecamatan.yml jumlah_desa.
    desa = register(KEDUNGJAJANG, 2024).get("profil/jumlah-desa")
    assert (desa.nilai, desa.masukan) == (12, ("kecamatan.yml jumlah_desa",))
    # Seed 002: 2 eselon III + 6 eselon IV pejabat struktural.
    assert value(MEGALUH, 2024, "sdm/eselon-pejabat-struktural/jumlah") == 8
    assert close(value(KEDUNGJAJANG, 2024, "sdm/pemenuhan-jabatan"), 73.3333)  # 11 / 15
    assert value(KEDUNGJAJANG, 2024, "sdm/jenis-kelamin/l/persen") == 65  # 13 of 20
    assert value(AJUNG, 2023, "sdm/pendidikan-asn/jumlah") == 15  # 7 + 8, against 14 ASN
    assert value(KEDUNGJAJANG, 2024, "aset/jumlah") == 548
    assert close(value(KEDUNGJAJANG, 2024, "aset/baik/persen"), 5.1095)  # 28 / 548
    # Tabel 1.2 lists "Bangunan Tugu Batas Kecamatan" twice: the second gets its own address.
    assert value(KEDUNGJAJANG, 2024, "aset/barang/bangunan-tugu-batas-kecamatan-2/jumlah") == 1
    assert close(value(MEGALUH, 2024, "indeks/akip-lhe/total"), 80.74)
    assert value(MEGALUH, 2024, "indeks/akip-lhe/predikat") == "A Memuaskan"
    # Seed 002 Bab I: the AKIP realisasi 60,61 (LHE) "termasuk kategori B" (> 60 to 70: Baik).
    assert value(MEGALUH, 2024, "iku/akip/kategori-sakip") == "B Baik"
    assert close(value(MEGALUH, 2024, "indeks/akip-lhe/aspek/1/persen-maksimum"), 88.0333)  # 26,41 / 30
    assert close(value(MEGALUH, 2024, "indeks/ipp/aspek/1/bobot-tersirat"), 0.2415)  # 0,71 / 2,94


def test_per_basis_and_report_style_figures():
    # Seed 002 AKIP: 60,61 against PK awal 70,20 = 86,3390 % beside the capaian against PK perubahan 71,01.
    assert close(value(MEGALUH, 2024, "iku/akip/capaian/target-awal"), 86.3390)
    assert close(value(MEGALUH, 2024, "iku/akip/capaian"), 85.3542)
    assert register(MEGALUH, 2024).get("iku/ikm-kecamatan/capaian/target-awal") is None  # no PK perubahan
    # Kemajuan 86,3390 (AKIP), 112,2976 (IKM), 101,1765 (IPP) and 100 for the three % IKU: mean 99,9688.
    assert close(value(MEGALUH, 2024, "renstra/rata-rata-kemajuan"), 99.9688)
    # Seed 000 P5: realisasi 100, 11 / 12 and 100 -> 97,2222 (printed 97,21).
    assert close(value(KEDUNGJAJANG, 2024, "program/P5/rata-rata-realisasi-indikator"), 97.2222)
    # Seed 003 Sasaran Strategis 1: the program indicators 98, 98, 98 and 94 -> 97 (printed 98).
    assert value(AJUNG, 2023, "program/rata-rata-realisasi-indikator") == 97
    # Seed 000 Tabel 3.11: the unweighted mean of six programs' serapan, beside the pooled 98,9137.
    assert close(value(KEDUNGJAJANG, 2024, "anggaran/rata-rata-serapan-program"), 99.6674)
    # Seed 003 Ikhtisar: operasi 2.120.473.359 + modal 1.413.648.890 = 3.534.122.249, 60 % / 40 %.
    assert value(AJUNG, 2023, "anggaran/total/belanja") == 3534122249
    assert close(value(AJUNG, 2023, "anggaran/total/persen-belanja-operasi"), 60.0)
    # Seed 002 unsur 90, 85, 85, 100, 85, 95, 90, 85, 70: four of mutu B, four A, one C.
    counts = [value(MEGALUH, 2024, f"skm/tahun-2024/unsur/jumlah-mutu-{m}") for m in "abcd"]
    assert counts == [4, 4, 1, 0]
    # The weakest aspect: Pelaporan Kinerja 8,18 of 15 (54,53 %); IPP without weights: Inovasi (score 0).
    assert value(MEGALUH, 2024, "indeks/akip-lhe/aspek-terendah") == "Pelaporan Kinerja"
    assert value(MEGALUH, 2024, "indeks/ipp/aspek-terendah") == "Inovasi"


def test_assets_without_a_condition_split_and_the_change_of_asset_value():
    # A row split by condition (3 baik + 1 rusak ringan, stated jumlah 5) and one with only its jumlah
    # (10 kursi): 14 items, the condition shares over the 4 split ones; asset values 100 -> 120 million.
    aset = compute_aset(
        m.Aset.model_validate(
            {
                "barang": [
                    {"nama": "Meja", "baik": 3, "rusak_ringan": 1, "jumlah": 5},
                    {"nama": "Kursi", "jumlah": 10},
                ],
                "nilai": [
                    {"golongan": "Tanah", "awal": "100.000.000", "akhir": "120.000.000"},
                    {"golongan": "Gedung", "awal": "50.000.000", "akhir": "45.000.000"},
                ],
            }
        )
    )
    lp = replace(next(x for x in demo().laporan if x.kecamatan.slug == "kedungjajang"), aset=aset)
    got = {f.alamat: f.nilai for f in laporan_figures(lp)}
    assert (got["aset/jumlah"], got["aset/jumlah-dirinci"], got["aset/baik/persen"]) == (14, 4, 75)
    assert (got["aset/barang/meja/jumlah"], got["aset/barang/kursi/jumlah"]) == (4, 10)
    assert (got["aset/nilai/tanah/perubahan"], got["aset/nilai/tanah/perubahan-persen"]) == (20_000_000, 20)
    assert (got["aset/nilai/perubahan"], got["aset/nilai/perubahan-persen"]) == (15_000_000, 10)
    # Only the split row's stated jumlah is a printed figure to compare (5 against 3 + 1).
    assert [(p.alamat, p.teks) for p in stated(lp) if p.alamat.startswith("aset/")] == [
        ("aset/barang/meja/jumlah", "5")
    ]


def test_individual_reports():
    # Seed 001, Camat: 36 / 62 = 58,0645 %, against 85 -> 68,3112 %; 971.800.593 / 2.017.461.467.
    assert close(value(KEDUNGJAJANG, 2023, "individu/tw2/camat/camat-1/realisasi"), 58.0645)
    assert close(value(KEDUNGJAJANG, 2023, "individu/tw2/camat/camat-1/capaian"), 68.3112)
    assert close(value(KEDUNGJAJANG, 2023, "individu/tw2/camat/camat-1/serapan"), 48.1695)
    assert value(KEDUNGJAJANG, 2023, "individu/tw2/camat/camat-1/pembilang") == 36
    # Sekcam: TW I 38 %, TW II alone 48 / 126 = 38,0952 % (printed 34,92), together 76,0952 (typed 73,02).
    assert value(KEDUNGJAJANG, 2023, "individu/tw2/sekcam/sekcam-1/realisasi/tw1") == 38
    assert close(value(KEDUNGJAJANG, 2023, "individu/tw2/sekcam/sekcam-1/realisasi/tw2"), 38.0952)
    assert close(value(KEDUNGJAJANG, 2023, "individu/tw2/sekcam/sekcam-1/realisasi/jumlah-triwulan"), 76.0952)
    # Camat's money = Sekcam + Kasi PMD 1-4 + Kasi Pelayanan Umum: 2.017.461.467 and 971.200.593.
    assert value(KEDUNGJAJANG, 2023, "individu/tw2/camat/camat-1/pagu-rincian") == 2017461467
    assert value(KEDUNGJAJANG, 2023, "individu/tw2/camat/camat-1/realisasi-anggaran-rincian") == 971200593


# ---------------------------------------------------------------- the comparison


def printed(teks: str) -> Printed:
    return Printed("x", teks, "uji", Path("dilaporkan.csv"), 2)


def figure(nilai: float | str | None, sebutan: tuple[str, ...] = ()) -> Figure:
    return Figure("x", "X", nilai, "", None, (), sebutan=sebutan)


@pytest.mark.parametrize(
    "teks, computed, differ",
    [
        ("100,36", 100.3593, False),  # a correct rounding to 2 decimals
        ("100,35", 100.3593, True),  # cut off instead of rounded
        ("104", 103.625, False),  # a whole number: within 0,5
        ("103", 103.58, True),
        ("82,9", 82.8611, False),  # 1 decimal: within 0,05
        ("0,202", 0.2, True),  # 3 decimals: within 0,0005
        ("1.823.687.636", 1823687638, True),  # money: exact
        ("Rp1.803.876.007", 1803876007, False),
        ("98,91%", 98.9137, False),
        ("100", None, True),  # printed but not computable
    ],
)
def test_numbers_are_compared_at_their_printed_precision(teks, computed, differ):
    assert differs(printed(teks), figure(computed)) is differ


def test_texts_match_the_label_or_the_code():
    predikat = figure("A Memuaskan", ("Memuaskan", "A", "A (Memuaskan)"))
    for same in ("A", "memuaskan", "A (Memuaskan)", " a memuaskan "):
        assert not differs(printed(same), predikat)
    assert differs(printed("B"), predikat) and differs(printed("Sangat Memuaskan"), predikat)


def test_notes_of_one_printed_value_in_several_places_are_merged():
    reg = register(MEGALUH, 2024)
    rows = [
        Printed("iku/akip/capaian", "87,48", t, Path("dilaporkan.csv"), n) for n, t in ((2, "Tabel 3.1"), (3, "Bab IV"))
    ]
    rows.append(Printed("IKU/AKIP/CAPAIAN", "86,34", "narasi", Path("dilaporkan.csv"), 4))
    notes, problems = audit_year(reg, rows)
    assert problems == []
    assert [(n.alamat, n.dilaporkan, n.tempat) for n in notes] == [
        ("iku/akip/capaian", "87,48", "Tabel 3.1; Bab IV"),
        ("iku/akip/capaian", "86,34", "narasi"),
    ]
    assert round(notes[0].selisih, 4) == round(87.48 - reg.get("iku/akip/capaian").nilai, 4)


def test_a_conflicting_input_is_recorded_and_listed():
    # Seed 002 prints the AKIP target as 70,20 (Tabel 3.1) and 71,01 (PK perubahan, used).
    notes, _ = audit_year(register(MEGALUH, 2024), [Printed("iku/akip/target", "70,20", "Tabel 3.1", Path("d.csv"), 2)])
    assert [(n.dilaporkan, n.dihitung) for n in notes] == [("70,20", 71.01)]


# ---------------------------------------------------------------- messages


def _problems(root: Path) -> str:
    with pytest.raises(ContentError) as exc:
        compute(validate(load_content(root)))
    return "\n".join(p.render(root) for p in exc.value.problems)


def _append(root: Path, row: str) -> int:
    """Add a row to the year's dilaporkan.csv; its line number."""
    path = root / "lumajang/kedungjajang/2024/dilaporkan.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(f"{text}{row}\n", encoding="utf-8")
    return text.count("\n") + 1


def test_unknown_address_names_file_row_and_the_closest_addresses(mini):
    line = _append(mini, "iku/ikm-kabupatn/capaian,104,Bab III")
    text = _problems(mini)
    assert (
        f"dilaporkan.csv:{line}: alamat: alamat 'iku/ikm-kabupatn/capaian' tidak ada di daftar angka laporan ini"
        in text
    )
    assert "alamat yang mirip: iku/ikm-kabupaten/capaian" in text and text.endswith("[unknown_address]")


def test_unknown_address_without_a_close_one_points_to_the_list(mini):
    _append(mini, "angka/yang/tidak/ada,1,Bab I")
    assert "daftar alamat: FORMAT.md bagian Alamat angka" in _problems(mini)


def test_text_where_a_number_is_printed_is_an_error(mini):
    line = _append(mini, "iku/ikm-kabupaten/capaian,seratus,Bab III")
    text = _problems(mini)
    assert f"dilaporkan.csv:{line}: nilai: 'seratus' bukan angka" in text and "[not_a_number]" in text


def test_a_row_without_place_is_a_schema_error(mini):
    line = _append(mini, "iku/ikm-kabupaten/capaian,104,")
    with pytest.raises(ContentError) as exc:
        validate(load_content(mini))
    assert any(p.path == "tempat" and p.line == line for p in exc.value.problems)


def test_addresses_are_matched_in_any_case(mini):
    _append(mini, "IKU/ikm-kabupaten/Predikat,sangat tinggi,Bab III")
    notes = compute(validate(load_content(mini))).register_untuk("lumajang", "kedungjajang", 2024).audit
    assert not any(n.dilaporkan == "sangat tinggi" for n in notes)


# ---------------------------------------------------------------- validate


def test_validate_strict_exit_and_warning_lines(mini):
    ok = CliRunner().invoke(app, ["validate", "--content", str(mini)])
    assert ok.exit_code == 0
    line = next(r for r in ok.output.splitlines() if "anggaran/total/pagu" in r)
    assert line == (
        "PERINGATAN mini/lumajang/kedungjajang/2024/dilaporkan.csv:10: anggaran/total/pagu: Pagu kecamatan: "
        "dilaporkan 1.823.687.636 di Tabel 3.11 (baris jumlah) dan Bab III 3.3, dihitung 1.823.687.638 [audit_difference]"
    )
    assert CliRunner().invoke(app, ["validate", "--content", str(mini), "--strict"]).exit_code == 1


# ---------------------------------------------------------------- published


def test_register_is_published_and_listed(demo_site):
    rows = read_csv(demo_site / "lumajang/kedungjajang/2024/angka.csv")
    capaian = next(r for r in rows if r["alamat"] == "iku/ikm-kabupaten/capaian")
    assert capaian["nilai"] == "100.3593" and capaian["rumus"] == "rumus-capaian" and capaian["satuan"] == "%"
    assert capaian["masukan"] == "iku/ikm-kabupaten/target; iku/ikm-kabupaten/realisasi"
    empty = next(r for r in rows if r["alamat"] == "indikator-program/P3.K1-I1/capaian")
    assert empty["nilai"] == "" and empty["catatan"] == "belum ada data realisasi"
    # CSV only: a download no page shows as a table (its JSON was a quarter of a site's bytes).
    assert not list(demo_site.rglob("angka.json*")) and list(demo_site.rglob("capaian-iku.json"))
    # A year with only individual reports publishes its register beside them.
    individu = read_csv(demo_site / "lumajang/kedungjajang/2023/angka.csv")
    assert any(r["alamat"] == "individu/tw2/camat/camat-1/capaian" for r in individu)
    package = json.loads((demo_site / "lumajang/datapackage.json").read_text(encoding="utf-8"))
    paths = {r["path"] for r in package["resources"]}
    assert {"kedungjajang/2024/angka.csv", "kedungjajang/2023/angka.csv"} <= paths
    listing = (demo_site / "lumajang/data-terbuka/index.html").read_text(encoding="utf-8")
    assert (
        "<li>Daftar angka Kecamatan Kedungjajang 2024: "
        '<a href="../kedungjajang/2024/angka.csv" download><abbr title="Comma-Separated Values">CSV</abbr></a></li>'
        in listing
        and "Daftar angka Kecamatan Kedungjajang 2023" in listing
    )
    laporan = (demo_site / "lumajang/kedungjajang/2024/index.html").read_text(encoding="utf-8")
    assert 'href="angka.csv"' in laporan and "angka.json" not in laporan and "#alamat-angka" in laporan
    metodologi = (demo_site / "metodologi/index.html").read_text(encoding="utf-8")
    assert "iku/&lt;id&gt;/capaian" in metodologi and 'id="alamat-angka"' in metodologi


def test_an_empty_note_cell_is_no_note_as_a_missing_one(demo_site):
    """dilaporkan.csv rows end in an empty `catatan` cell (`...,Tabel 3.6,`) or stop before it:
    both are no note, shown as "—" like every missing value (an empty cell was an empty string:
    a blank "Catatan" line on a phone, beside "—" for the rows that stop early); the same for
    the other optional texts of CSV rows."""
    html = (demo_site / "lumajang/kedungjajang/2024/catatan-kualitas-data/index.html").read_text(encoding="utf-8")
    notes = re.findall(r'<td data-label="Catatan">(.*?)</td>', html)
    assert len(notes) > 30 and "" not in notes
    assert notes.count('<span class="tanpa-data">—</span>') > 25
    row = {"alamat": "a", "nilai": "1", "tempat": "Tabel 1", "catatan": " "}
    assert m.BarisDilaporkan.model_validate(row).catatan is None
    assert m.BarisRealisasi.model_validate({"indikator": "i", "tahunan": "1", "keterangan": ""}).keterangan is None
    riwayat = m.BarisRiwayat.model_validate(
        {"indikator": "i", "tahun": 2023, "nama": "", "sumber": "", "keterangan": ""}
    )
    assert (riwayat.nama, riwayat.sumber, riwayat.keterangan) == (None, None, None)
    assert (
        m.BarisRiwayatAnggaran.model_validate({"tahun": 2023, "pagu": "1", "sumber": "", "keterangan": ""}).sumber
        is None
    )
    pembanding = {"indikator": "i", "tahun": 2023, "pembanding": "Jember", "jenis": "kabupaten", "sumber": ""}
    assert m.BarisPembanding.model_validate(pembanding).sumber is None
    nilai = {"indikator": "i", "kecamatan": "Ajung", "tahun": 2023, "sumber": ""}
    assert m.BarisNilaiKecamatan.model_validate(nilai).sumber is None


def test_audit_page_lists_address_printed_value_place_and_anchors(demo_site):
    folder = demo_site / "lumajang/kedungjajang/2024/catatan-kualitas-data"
    rows = read_csv(folder / "catatan.csv")
    assert list(rows[0]) == [
        "alamat",
        "label",
        "dilaporkan",
        "dihitung",
        "selisih",
        "satuan",
        "tempat",
        "catatan",
        "berkas",
        "baris",
    ]
    pemenuhan = next(r for r in rows if r["alamat"] == "sdm/pemenuhan-jabatan")
    assert (pemenuhan["dilaporkan"], pemenuhan["dihitung"], pemenuhan["selisih"]) == ("57", "73.33", "-16.33")
    assert (pemenuhan["tempat"], pemenuhan["berkas"]) == ("Bab III 3.1.2.5", "dilaporkan.csv")
    html = (folder / "index.html").read_text(encoding="utf-8")
    assert 'id="catatan-sdm-pemenuhan-jabatan"' in html and "tidak dapat dihitung" in html

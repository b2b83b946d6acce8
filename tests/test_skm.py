"""SKM / IKM (PermenPANRB 14/2017): the computation on seed values, raw responses computed by
hand, invalid survey files, the IKM feeding its IKU, the Hasil SKM page and privacy."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import read_csv

from generator.build import build_site
from generator.compute.portal import compute
from generator.compute.skm import compute_skm, ikm_from_nrr, mutu, sampel_minimum
from generator.load import load_content
from generator.model.content import SkmData
from generator.model.portal import AturanSkm
from generator.model.skm import Skm
from generator.numbers import format_number
from generator.problems import ContentError
from generator.validate import validate

SEM1 = [3.17, 3.17, 3.00, 3.83, 3.00, 3.00, 3.00, 2.67, 3.83]  # seed 000 Tabel 3.4, Perf.
SEM2 = [3.36, 3.55, 3.36, 4.00, 3.36, 3.36, 3.27, 3.18, 3.55]  # seed 000 Tabel 3.5, Perf.


def test_seed_000_semesters_and_year():
    nrr, ikm = ikm_from_nrr(SEM1)
    assert round(nrr, 4) == 3.1856 and round(ikm, 2) == 79.64  # the report prints 79,63 from unrounded data
    assert mutu(ikm).huruf == "B" and mutu(ikm).label == "Baik"
    assert round(ikm_from_nrr(SEM2)[1], 2) == 86.08
    skm = Skm.model_validate(
        {
            "kecamatan": "kedungjajang",
            "tahun": 2024,
            "sumber": "seed 000",
            "periode": [
                {
                    "id": f"s{n}",
                    "nama": f"Semester {n}",
                    "unsur": {f"U{i + 1}": {"nrr": v} for i, v in enumerate(values)},
                }
                for n, values in ((1, SEM1), (2, SEM2))
            ],
        }
    )
    result = compute_skm(SkmData(skm, {}), AturanSkm())
    assert round(result.ikm, 2) == 82.86 and result.dasar == "rata-rata IKM 2 periode"
    # Quadrants of semester I, split at the means (kinerja 3,1856, harapan 3,3144 from Tabel 3.4 Expc.).
    harapan = [3.50, 3.17, 3.33, 2.50, 3.33, 3.50, 3.50, 3.50, 3.50]
    skm1 = Skm.model_validate(
        {
            "kecamatan": "k",
            "tahun": 2024,
            "sumber": "s",
            "periode": [
                {
                    "id": "s1",
                    "nama": "I",
                    "unsur": {f"U{i + 1}": {"nrr": v, "harapan": h} for i, (v, h) in enumerate(zip(SEM1, harapan))},
                }
            ],
        }
    )
    kuadran = {u.kode: u.kuadran for u in compute_skm(SkmData(skm1, {}), AturanSkm()).unsur}
    assert (kuadran["U8"], kuadran["U4"], kuadran["U2"], kuadran["U9"]) == (
        "I · Prioritas utama",
        "IV · Berlebihan",
        "III · Prioritas rendah",
        "II · Pertahankan",
    )
    assert round(compute_skm(SkmData(skm1, {}), AturanSkm()).unsur[7].kesenjangan, 2) == -0.83


def test_seed_002_layanan_mean_is_the_unit_ikm():
    skm = Skm.model_validate(
        {
            "kecamatan": "megaluh",
            "tahun": 2024,
            "sumber": "seed 002",
            "ikm_unit": "rata-rata-layanan",
            "layanan": [{"id": k, "nama": k} for k in ("ktp", "kk", "skck", "pindah", "sk")],
            "periode": [
                {
                    "id": "t",
                    "nama": "2024",
                    "layanan": [
                        {"layanan": k, "ikm": v}
                        for k, v in zip(
                            ("ktp", "kk", "skck", "pindah", "sk"), ("89,86", "85,42", 100, "87,22", "97,92")
                        )
                    ],
                }
            ],
        }
    )
    result = compute_skm(SkmData(skm, {}), AturanSkm())
    assert round(result.ikm, 2) == 92.08 and result.mutu.huruf == "A"
    assert [x.mutu.huruf for x in result.periode[0].layanan] == ["A", "B", "A", "B", "A"]


@pytest.mark.parametrize(
    "ikm, huruf",
    [
        (25, "D"),
        (64.99, "D"),
        (65.00, "C"),
        (76.60, "C"),
        (76.61, "B"),
        (88.30, "B"),
        (88.31, "A"),
        (100, "A"),
        (64.995, "C"),
        (88.304, "B"),
    ],
)
def test_mutu_boundaries(ikm, huruf):
    assert mutu(ikm).huruf == huruf


def test_krejcie_morgan():
    assert [sampel_minimum(n) for n in (100, 500, 1000, 10000)] == [80, 217, 278, 370]


# ---------------------------------------------------------------- raw responses through the pipeline

HEADER = "responden,layanan,jenis_kelamin,usia,U1,U2,U3,U4,U5,U6,U7,U8,U9,saran\n"
#: By hand: U2 = (4 + 3) / 2 = 3,5 (one blank), U9 = (4 + 3 + 1) / 3 = 2,6667, the others 3.
#: NRR tertimbang = (7 × 3 + 3,5 + 2,6667) / 9 = 3,0185; IKM = 75,46 -> C Kurang baik.
ROWS = (
    "R-ALFA,ktp,L,30,4,4,4,4,4,4,4,4,4,Ruang tunggu panas sekali\n"
    "R-BETA,ktp,P,41,3,3,3,3,3,3,3,3,3,\n"
    "R-GAMA,kk,P,52,2,,2,2,2,2,2,2,1,\n"
)
SKM_YML = """kecamatan: kedungjajang
tahun: 2024
sumber: uji
indikator: ikm-kecamatan
layanan:
  - {id: ktp, nama: KTP}
  - {id: kk, nama: KK}
periode:
  - id: tw1
    nama: Triwulan I
    pengguna_layanan: 100
    berkas: skm-tw1.csv
"""


def _survey(root: Path, rows: str = ROWS, header: str = HEADER, yml: str = SKM_YML) -> Path:
    """A survey of raw responses in place of the demo's; its printed IKMs go with the old periods."""
    year = root / "lumajang/kedungjajang/2024"
    printed = (year / "dilaporkan.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    (year / "dilaporkan.csv").write_text("".join(r for r in printed if not r.startswith("skm/")), encoding="utf-8")
    (year / "skm.yml").write_text(yml, encoding="utf-8")
    (year / "skm-tw1.csv").write_text(header + rows, encoding="utf-8")
    return year


def test_raw_responses_computed_by_hand(mini):
    _survey(mini)
    lp = compute(validate(load_content(mini))).laporan[0]
    periode = lp.skm.periode[0]
    u = {x.kode: x for x in periode.unsur}
    assert (u["U2"].nrr, u["U2"].jumlah_jawaban) == (3.5, 2)
    assert round(u["U9"].nrr, 4) == 2.6667 and u["U9"].jumlah_jawaban == 3
    assert round(periode.ikm, 2) == 75.46 and periode.mutu.huruf == "C"
    assert periode.responden == 3 and periode.sampel_minimum == 80 and periode.sampel_cukup is False
    # KK's only respondent left U2 blank: no IKM can be computed for that layanan.
    assert {x.id: round(x.ikm, 2) for x in periode.layanan} == {"ktp": 87.5}
    assert [p.kode for p in lp.skm.prioritas][:1] == ["U9"]
    # The IKM is the IKU's realisasi; the typed 82,87 in realisasi.csv becomes an audit note.
    iku = next(h for h in lp.iku if h.indikator.id == "ikm-kecamatan")
    assert round(iku.realisasi, 2) == 75.46 and iku.realisasi_sumber.startswith("IKM hasil SKM")
    assert any((a.alamat, a.dilaporkan) == ("iku/ikm-kecamatan/realisasi", "82,87") for a in lp.audit)


def test_profile_categories_under_five_are_merged_without_their_label(mini):
    rows = "".join(f"R{i},ktp,{'L' if i < 6 else 'P'},30,3,3,3,3,3,3,3,3,3,\n" for i in range(8))
    _survey(mini, rows)
    profil = compute(validate(load_content(mini))).laporan[0].skm.profil
    kelamin = {s.kategori: s.jumlah for p in profil if p.kolom == "jenis_kelamin" for s in p.sel}
    assert kelamin == {"Laki-laki": 6, "Lainnya": None}


def _errors(root: Path) -> list[str]:
    with pytest.raises(ContentError) as exc:
        validate(load_content(root))
    return [p.render(root) for p in exc.value.problems]


@pytest.mark.parametrize(
    "rows, header, expected",
    [
        (
            "R1,ktp,L,30,5,3,3,3,3,3,3,3,3,\n",
            HEADER,
            r"skm-tw1\.csv:2: U1: jawaban harus bilangan bulat 1, 2, 3 atau 4.*\[answer_range\]",
        ),
        ("R1,ktp,L,30,3.5,3,3,3,3,3,3,3,3,\n", HEADER, r"skm-tw1\.csv:2: U1: .*nilai: '3\.5'.*\[answer_range\]"),
        (
            "R1,pajak,L,30,3,3,3,3,3,3,3,3,3,\n",
            HEADER,
            r"skm-tw1\.csv:2: layanan: layanan tidak dikenal.*\[unknown_reference\]",
        ),
        (
            "R1,ktp,L,30,3,3,3,3,3,3,3,3,3,x\n",
            HEADER.replace("saran", "komentar"),
            r"skm-tw1\.csv:1: komentar: kolom tidak dikenal",
        ),
        ("R1,ktp,L,30,,,,,,,,,,\n", HEADER, r"skm-tw1\.csv: periode tanpa jawaban yang sah.*\[empty_period\]"),
        (
            "R1,ktp,L,30,3,,3,3,3,3,3,3,3,\nR2,kk,P,40,4,,4,4,4,4,4,4,4,\n",
            HEADER,
            r"skm-tw1\.csv:1: U2: tidak ada satu pun jawaban untuk unsur ini.*\[empty_period\]",
        ),
    ],
)
def test_invalid_responses_name_file_row_and_column(mini, rows, header, expected):
    _survey(mini, rows, header)
    assert any(re.search(expected, e) for e in _errors(mini)), _errors(mini)


def test_survey_file_references_are_checked(mini):
    yml = SKM_YML.replace("berkas: skm-tw1.csv", "berkas: skm-tw2.csv").replace("ikm-kecamatan", "ikm-desa")
    _survey(mini, yml=yml)
    errors = "\n".join(_errors(mini))
    assert "berkas 'skm-tw2.csv' tidak ada" in errors and "skm-tw1.csv: berkas jawaban tidak dipakai" in errors
    assert "indikator 'ikm-desa' tidak ada di kinerja.yml" in errors


# ---------------------------------------------------------------- the demo site


def test_hasil_skm_pages_of_the_demo(demo_site):
    kedungjajang = (demo_site / "lumajang/kedungjajang/2024/skm/index.html").read_text(encoding="utf-8")
    assert "82,86" in kedungjajang and "B · Baik" in kedungjajang
    periode = {r["periode"]: r for r in read_csv(demo_site / "lumajang/kedungjajang/2024/skm/ikm-periode.csv")}
    assert (periode["Semester I"]["ikm"], periode["Semester II"]["ikm"]) == ("79.64", "86.08")
    megaluh = read_csv(demo_site / "jombang/megaluh/2024/skm/ikm-layanan.csv")
    assert [r["ikm"] for r in megaluh] == ["89.86", "85.42", "100", "87.22", "97.92"]
    assert read_csv(demo_site / "jombang/megaluh/2024/skm/ikm-periode.csv")[0]["ikm"] == "92.08"
    audit = read_csv(demo_site / "jombang/megaluh/2024/catatan-kualitas-data/catatan.csv")
    assert any((r["alamat"], r["dilaporkan"], r["dihitung"]) == ("skm/tahun-2024/ikm", "96,57", "92.08") for r in audit)
    iku = {r["indikator_id"]: r for r in read_csv(demo_site / "jombang/megaluh/2024/capaian-iku.csv")}
    assert iku["ikm-kecamatan"]["realisasi"] == "92.08" and iku["ikm-kecamatan"]["capaian"] == "112.3"
    notice = (demo_site / "lumajang/kedungjajang/2024/skm/pengumuman/index.html").read_text(encoding="utf-8")
    assert "Pengumuman Hasil Survei Kepuasan Masyarakat Tahun 2024" in notice and "82,86" in notice


def test_no_raw_response_reaches_the_site(synthetic_site):
    """Strings that exist only in the raw CSVs (respondent ids, dates, free text) are in no file of a
    portal built from raw answers (the synthetic portal of `kinerja demo`)."""
    content, site = synthetic_site
    rows = [r for f in sorted(content.rglob("skm-*.csv")) for r in read_csv(f)]
    secrets = {r["responden"] for r in rows} | {r["tanggal"] for r in rows} | {r["saran"] for r in rows if r["saran"]}
    assert len(secrets) > 200
    for path in site.rglob("*"):
        if path.is_file():
            data = path.read_bytes().decode("utf-8", errors="ignore")
            leaked = [s for s in secrets if s in data]
            assert not leaked, (path, leaked[:3])


def test_raw_survey_page_of_the_synthetic_portal(synthetic_site):
    """The SKM page of raw answers: marked synthetic, with respondents against the sample minimum."""
    content, site = synthetic_site
    skm = compute(validate(load_content(content))).laporan[0].skm
    html = (site / "sintetis-01/kecamatan-01/2024/skm/index.html").read_text(encoding="utf-8")
    assert "Data contoh sintetis" in html and "Profil responden" in html
    p = skm.periode[0]
    assert (
        f"{p.responden} responden dari sampel minimum {p.sampel_minimum} untuk "
        f"{format_number(p.pengguna_layanan, 0)} pengguna layanan" in html
    )
    (cukup,) = re.findall(r"<p>Kecukupan sampel \(Krejcie dan Morgan\):.*?</p>", html, re.S)  # one paragraph
    assert [q.nama in cukup for q in skm.periode] == [True, True]


def test_free_text_is_published_only_when_enabled(mini, tmp_path):
    _survey(mini)
    site = build_site(mini, tmp_path / "a", tmp_path / "w", lambda _: None).site
    assert "Ruang tunggu panas" not in (site / "lumajang/kedungjajang/2024/skm/index.html").read_text()
    _survey(mini, yml=SKM_YML + "publikasi_saran: true\n")
    site = build_site(mini, tmp_path / "b", tmp_path / "w", lambda _: None).site
    assert "Ruang tunggu panas sekali" in (site / "lumajang/kedungjajang/2024/skm/index.html").read_text()

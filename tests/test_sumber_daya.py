"""Profile, resources, composite indices, narratives and the data-quality page, on seed values."""

from __future__ import annotations

import pytest
from conftest import read_csv

from generator import model as m
from generator.compute.sumber_daya import compute_aset, compute_indeks, compute_sdm, stated_totals
from generator.load import load_content
from generator.problems import ContentError
from generator.render.filters import safe_markdown
from generator.validate import validate


def test_seed_000_staff_shares_and_pemenuhan_jabatan():
    sdm = compute_sdm(
        m.Sdm.model_validate(
            {
                "jumlah_pegawai": 20,
                "asn": 11,
                "kebutuhan": 15,
                "rincian": [
                    {"dimensi": "jenis_kelamin", "jumlah": {"L": 13, "P": 7}},
                    {"dimensi": "status", "jumlah": {"PNS": 11, "PPPK": 0, "Kontrak": 9}},
                ],
            }
        )
    )
    assert [round(p, 2) for _, _, p in sdm.rincian[0].baris] == [65, 35]
    assert round(sdm.pemenuhan_jabatan, 2) == 73.33  # 11 / 15, printed 57 %
    assert sdm.jumlah_pegawai == 20


def test_seed_003_breakdowns_that_do_not_add_up():
    data = m.Sdm.model_validate(
        {
            "jumlah_pegawai": 26,
            "asn": 14,
            "rincian": [
                {"dimensi": "status", "jumlah": {"ASN": 14, "Non ASN": 12}},
                {"dimensi": "pendidikan", "kelompok": "ASN", "jumlah": {"SMA/STM": 7, "S1": 8}},
                {"dimensi": "pendidikan", "kelompok": "Non ASN", "jumlah": {"SLTP": 2, "SMA/STM": 8, "D3": 1}},
            ],
        }
    )
    sdm = compute_sdm(data)
    # What each breakdown must add up to, as stated: the staff total, then each group's count.
    stated = [(r.dimensi, r.kelompok, r.total, total, tempat) for r, total, tempat in stated_totals(data, sdm)]
    assert stated == [
        ("status", "semua", 26, 26, "sdm.jumlah_pegawai"),
        ("pendidikan", "ASN", 15, 14, "rincian status: ASN"),
        ("pendidikan", "Non ASN", 11, 12, "rincian status: Non ASN"),
    ]


def test_seed_000_asset_condition():
    aset = compute_aset(
        m.Aset.model_validate(
            {
                "barang": [
                    {"nama": "A", "baik": 28, "rusak_ringan": 58, "rusak_berat": 462, "jumlah": 548},
                    {"nama": "B", "baik": 1, "rusak_ringan": 0, "rusak_berat": 0, "jumlah": 2},
                ],
            }
        )
    )
    assert (aset.jumlah, aset.baik) == (549, 29)
    assert [b.jumlah for b in aset.barang] == [548, 1]  # B: stated jumlah 2, computed 1
    assert round(aset.persen("rusak_ringan"), 2) == 10.56


def test_composites_seed_000_sinergitas_and_seed_002_akip():
    sinergitas = compute_indeks(
        m.Indeks.model_validate(
            {
                "id": "skk",
                "nama": "SKK",
                "aspek": [
                    {"nama": str(i), "bobot": b, "nilai": v}
                    for i, (b, v) in enumerate(
                        ((10, 5.18), (10, 9), (10, 10), (30, 20.4833), (27, 21.6), (8, 6.4393), (5, 3.2083))
                    )
                ],
            }
        )
    )
    assert round(sinergitas.total, 4) == 75.9109 and sinergitas.maksimum == 100
    assert sinergitas.aspek[1].persen_maksimum == 90
    akip = compute_indeks(
        m.Indeks.model_validate(
            {
                "id": "akip",
                "nama": "AKIP",
                "skala": "sakip",
                "aspek": [
                    {"nama": n, "bobot": b, "nilai": v}
                    for n, b, v in (
                        ("Perencanaan", 30, 26.41),
                        ("Pengukuran", 30, 23.90),
                        ("Pelaporan", 15, 8.18),
                        ("Evaluasi", 25, 22.25),
                    )
                ],
            }
        )
    )
    assert round(akip.total, 2) == 80.74 and round(akip.aspek[0].persen_maksimum, 2) == 88.03
    assert akip.terendah.aspek.nama == "Pelaporan" and akip.predikat == "A (Memuaskan)"


def test_weights_must_add_up(mini):
    (mini / "lumajang/kedungjajang/2024/indeks.yml").write_text(
        "kecamatan: kedungjajang\ntahun: 2024\nsumber: uji\nindeks:\n  - id: x\n    nama: X\n    aspek:\n"
        "      - {nama: a, bobot: 60, nilai: 50}\n      - {nama: b, bobot: 30, nilai: 40}\n",
        encoding="utf-8",
    )
    with pytest.raises(ContentError) as exc:
        validate(load_content(mini))
    text = "\n".join(p.render(mini) for p in exc.value.problems)
    assert "jumlah bobot 90 tidak sama dengan 100" in text and "nilai 40 melebihi bobotnya 30" in text


def test_narrative_markdown_is_sanitised():
    html = safe_markdown("**Tebal** dan [tautan](javascript:alert(1)) <script>alert(2)</script>\n\n- satu\n- dua")
    assert "<strong>Tebal</strong>" in html and "<li>satu</li>" in html
    assert "<script" not in html and "javascript:" not in html and "<a" not in html


def test_profile_composites_and_audit_page_of_the_demo(demo_site):
    kedungjajang = (demo_site / "lumajang/kedungjajang/index.html").read_text(encoding="utf-8")
    assert "pemenuhan jabatan <strong>73,33 %</strong>" in kedungjajang and "548 barang" in kedungjajang
    audit = read_csv(demo_site / "lumajang/kedungjajang/2024/catatan-kualitas-data/catatan.csv")
    assert any((r["alamat"], r["dilaporkan"], r["dihitung"]) == ("sdm/pemenuhan-jabatan", "57", "73.33") for r in audit)
    iku = {r["indikator_id"]: r for r in read_csv(demo_site / "lumajang/kedungjajang/2024/capaian-iku.csv")}
    assert iku["sinergitas"]["realisasi"] == "75.91"  # the Tabel 3.6 total is the IKU's realisasi
    megaluh = read_csv(demo_site / "jombang/megaluh/2024/catatan-kualitas-data/catatan.csv")
    assert any(
        (r["alamat"], r["dilaporkan"], r["dihitung"]) == ("indeks/akip-lhe/total", "60,61", "80.74") for r in megaluh
    )
    assert any((r["alamat"], r["dilaporkan"], r["dihitung"]) == ("profil/penduduk", "44.114", "39725") for r in megaluh)
    # The profile page shows the desa sum and links to the printed total on the year's audit page.
    profile = (demo_site / "jombang/megaluh/index.html").read_text(encoding="utf-8")
    assert "mencetak penduduk kecamatan megaluh 44.114" in profile and "#catatan-profil-penduduk" in profile


def test_seed_002_ipp_without_published_weights():
    ipp = compute_indeks(
        m.Indeks.model_validate(
            {
                "id": "ipp",
                "nama": "IPP",
                "cara": "jumlah",
                "maksimum": 5,
                "aspek": [
                    {"nama": n, "skor": s, "nilai": v}
                    for n, s, v in (
                        ("Kebijakan Pelayanan", 2.94, 0.71),
                        ("Profesionalisme SDM", 2.8, 0.7),
                        ("Sarana", 4.32, 0.78),
                        ("Sistem Informasi", 3.3, 0.36),
                        ("Konsultasi", 3.55, 0.36),
                        ("Inovasi", 0, 0),
                    )
                ],
            }
        )
    )
    assert round(ipp.total, 2) == 2.91 and ipp.terendah.aspek.nama == "Inovasi"
    assert round(ipp.aspek[0].bobot_tersirat, 4) == 0.2415  # golden 002-D-010

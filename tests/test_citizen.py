"""What a citizen reads first: the place picker and headline cards, the kecamatan page's headline,
the glossary and its abbreviations, plain explanations, and the staff details kept aside."""

from __future__ import annotations

import html as html_lib
import re
from pathlib import Path

from conftest import read_csv

from generator.render.glossary import glossary, mark_abbreviations


def page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def text(html: str) -> str:
    """The visible words of a page's main content, tags removed, spaces collapsed."""
    main = re.sub(r"</?abbr[^>]*>", "", html[html.index("<article") : html.index("</article>")])
    words = re.sub(r"\s+", " ", html_lib.unescape(re.sub(r"<[^>]+>", " ", main)))
    return words.replace(" .", ".").replace(" ,", ",")


def test_home_page_picks_a_place_grouped_by_kabupaten(demo_site):
    html = page(demo_site, ".")
    html = html[html.index("<article") :]
    picker = html[html.index("data-pilih-tempat") : html.index("Semua kecamatan dalam satu tabel")]
    groups = re.findall(r"<h3>Kabupaten (\w+)</h3>", picker)
    assert groups == ["Jember", "Jombang", "Lumajang"]
    # Each kecamatan links to its own page (a link into its kabupaten's shard), filterable by name.
    for href, name in (
        ("jember/ajung/", "Ajung"),
        ("jombang/megaluh/", "Megaluh"),
        ("lumajang/kedungjajang/", "Kedungjajang"),
    ):
        assert f'<a href="{href}">{name}</a>' in picker
        assert f'data-tempat="{name} ' in picker
    # The filter box needs JavaScript: hidden until the script shows it.
    assert '<p class="saring" hidden>' in picker and 'id="saring-kecamatan"' in picker


def test_headline_card_states_ikm_capaian_serapan_and_the_change(demo_site):
    words = text(page(demo_site, "."))
    card = words[words.index("Kedungjajang Hasil tahun 2024") :]
    # Seed 000: IKM 82,86 (B), up 0,18 from 82,68 in 2023; mean capaian 110,15 % Sangat Tinggi on
    # Lumajang's scale (> 90 %); serapan 98,91 %.
    assert "Kepuasan masyarakat (IKM) 82,86 B · Baik" in card
    assert "Mutu B (baik) berarti IKM antara 76,61 dan 88,30." in card
    assert "▲ naik 0,18 poin dibanding 2023 (82,68)" in card
    assert "110,15 % Sangat Tinggi" in card
    assert (
        "Sangat Tinggi berarti rata-rata capaian > 90 % pada skala Kabupaten Lumajang (Skala Nilai Kriteria Capaian Kinerja)"
        in card
    )
    assert "98,91 %" in card
    # Ajung has no survey in the portal: its card says so, and the home table's data has no IKM.
    ajung = words[words.index("Ajung Hasil tahun 2023") : words.index("Halaman Kabupaten Jember")]
    assert "Belum ada hasil survei kepuasan masyarakat 2023 di portal." in ajung
    # Seed 003 Bab III C: serapan 2022 100 % (budget history), 2023 97,20 %: down 2,80 points.
    assert "▼ turun 2,80 poin persen dibanding 2022 (100,00 %)" in ajung
    assert "Belum ada angka 2022 untuk dibandingkan." not in ajung
    (row,) = [r for r in read_csv(demo_site / "capaian-terbaru.csv") if r["kecamatan"] == "Ajung"]
    assert row["ikm"] == "" and row["mutu"] == ""


def test_the_predikat_column_names_its_scale(demo_site):
    rows = {r["kecamatan"]: r for r in read_csv(demo_site / "capaian-terbaru.csv")}
    assert rows["Kedungjajang"]["skala"] == "Skala Nilai Kriteria Capaian Kinerja"
    assert (
        rows["Megaluh"]["predikat"] == "Baik (Berhasil)" and rows["Megaluh"]["skala"] != rows["Kedungjajang"]["skala"]
    )


def test_kecamatan_page_opens_with_the_headline_and_every_year(demo_site):
    html = page(demo_site, "lumajang/kedungjajang")
    words = text(html)
    assert words.index("82,86 B · Baik") < words.index("Laporan setiap tahun") < words.index("Sumber daya manusia 2024")
    years = html[html.index('<div class="tahun-laporan">') :]
    years = years[: years.index("</div>")]
    for href in ("2024/", "2024/skm/", "2024/skm/pengumuman/", "2024/anggaran/", "2023/individu-tw2/"):
        assert f'href="{href}"' in years, href


def test_livelihood_shares_on_the_kecamatan_page(demo_site):
    # Seed 003 Bab I.E: 60 % pertanian, 40 % industri kecil, UMKM, karyawan swasta dan ASN.
    rows = read_csv(demo_site / "jember/ajung/mata-pencaharian.csv")
    assert [(r["sektor"], r["persen"]) for r in rows] == [
        ("Pertanian", "60"),
        ("Industri kecil, UMKM, karyawan swasta dan ASN", "40"),
    ]
    words = text(page(demo_site, "jember/ajung"))
    table = words[words.index("Mata pencaharian penduduk") : words.index("Desa dan kelurahan")]
    assert "Pertanian 60,00 %" in table and "ASN 40,00 % Jumlah 100,00 %" in table
    assert "Mata pencaharian" not in text(page(demo_site, "lumajang/kedungjajang"))


def test_glossary_page_and_abbreviations_everywhere(demo_site):
    words = text(page(demo_site, "istilah"))
    for a in glossary().singkatan:
        assert f"{a.singkatan} ({a.kepanjangan}) {a.arti}" in words, a.singkatan
    assert "Mutu A (sangat baik) berarti IKM antara 88,31 dan 100,00" in words
    html = page(demo_site, "lumajang/kedungjajang/2024")
    assert '<abbr title="Indikator Kinerja Utama">IKU</abbr>' in html
    assert '<abbr title="Triwulan">TW</abbr> I' in html
    assert 'data-label="Realisasi TW I"' in html  # attributes stay as they are


def test_abbreviations_are_marked_in_text_only():
    html = '<p title="IKU">IKU dan SKM-nya, <code>IKU</code>, P-Renstra; Plt. Camat</p><a href="IKM">IKM</a>'
    assert mark_abbreviations(html) == (
        '<p title="IKU"><abbr title="Indikator Kinerja Utama">IKU</abbr> dan SKM-nya, <code>IKU</code>, '
        '<abbr title="Perubahan Rencana Strategis">P-Renstra</abbr>; <abbr title="Pelaksana Tugas">Plt.</abbr> Camat</p>'
        '<a href="IKM"><abbr title="Indeks Kepuasan Masyarakat">IKM</abbr></a>'
    )


def test_notice_shows_the_address_and_a_qr_code_when_the_portal_has_one(mini, tmp_path):
    from generator.build import build_site
    from generator.render.qr import qr_svg

    notes: list[str] = []
    site = build_site(mini, tmp_path / "site", tmp_path / "work", notes.append).site
    notice = page(site, "lumajang/kedungjajang/2024/skm/pengumuman")
    assert "kode-qr.svg" not in notice  # no public address: no QR code
    # ... and the build says which setting gives it one (and a working 404 page from a sub-folder).
    (note,) = [n for n in notes if "Catatan" in n]
    assert f"`url` di {mini / 'portal.yml'} kosong" in note and "404" in note and "`url: https://" in note

    address = "https://kinerja.lumajangkab.go.id/portal/"
    with open(mini / "portal.yml", "a", encoding="utf-8") as f:
        f.write(f"\nurl: {address}\n")
    site = build_site(mini, tmp_path / "site", tmp_path / "work", notes.append).site
    notice = page(site, "lumajang/kedungjajang/2024/skm/pengumuman")
    target = address + "lumajang/kedungjajang/2024/skm/"  # the full results
    assert f'<span class="alamat">{target}</span>' in notice and '<img src="kode-qr.svg"' in notice
    svg = (site / "lumajang/kedungjajang/2024/skm/pengumuman/kode-qr.svg").read_text(encoding="utf-8")
    assert svg == qr_svg(target)[0] and svg.startswith(
        '<svg xmlns="http://www.w3.org/2000/svg" width="180"'
    )  # version 5: (37 + 8) x 4 px
    assert f"<title>{target}</title>" in svg


def test_staff_details_are_folded_away(demo_site):
    html = page(demo_site, "jombang/megaluh/2024/catatan-kualitas-data")
    main = html[html.index("<article") :]
    petugas = main[main.index('<details class="untuk-petugas">') :]
    before = main[: main.index('<details class="untuk-petugas">')]
    # File paths and content addresses only inside "Untuk petugas", never in the table.
    assert "kinerja.yml" not in before and "kinerja validate" not in before
    assert "jombang/megaluh/2024/kinerja.yml" in petugas and "<code>kinerja validate</code>" in petugas
    footer = page(demo_site, "lumajang/kedungjajang")
    assert "<summary>Untuk petugas</summary>\n<p>Berkas data halaman ini:</p>" in footer

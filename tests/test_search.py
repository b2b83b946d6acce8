"""The portal-wide search index (generator/build/search.py): words, Indonesian stems, what a page
contributes, and the published index of the demo portal. The browser side is in
tests/test_browser.py (each word of issue 14 finds its page)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.build import search
from generator.build.mkdocs_run import finish_shard


def test_words_are_lower_case_ascii_runs_as_in_the_browser():
    assert search.words("Kecamatan Kedungjájang, IKM 82,86 · 2019–2024") == [
        "kecamatan",
        "kedungjajang",
        "ikm",
        "82",
        "86",
        "2019",
        "2024",
    ]


def test_indonesian_affixes_are_stemmed():
    """Prefixes me-/di-/ber-/pe- and suffixes -kan/-an/-i: each pair meets on one stem (Sastrawi)."""
    pairs = [
        ("kepuasan", "puas"),
        ("pelayanan", "layan"),
        ("dilayani", "layan"),
        ("melayani", "layan"),
        ("pengaduan", "adu"),
        ("kecamatan", "camat"),
        ("menyelenggarakan", "selenggara"),
        ("penyelenggaraan", "selenggara"),
        ("penganggaran", "anggar"),
        ("anggaran", "anggar"),
        ("berdasarkan", "dasar"),
        ("perencanaan", "rencana"),
        ("kesejahteraan", "sejahtera"),
    ]
    assert {w: search.stem(w) for w, _ in pairs} == dict(pairs)
    assert search.stem("megaluh") == "megaluh" and search.stem("2024") == "2024"  # names and numbers stay


PAGE = """<html><body><nav>Navigasi Lumajang</nav><article class="md-content__inner md-typeset">
<h1 id="k">Kecamatan Megaluh</h1>
<p>Kabupaten Jombang, Provinsi Jawa Timur. Pelayanan &amp; pengaduan.</p>
<h2 id="d">Desa dan kelurahan</h2>
<p class="tabel-judul" aria-hidden="true">Penduduk setiap desa</p>
<div class="tabel-gulir" role="region" aria-label="Penduduk setiap desa" tabindex="0">
<table><thead><tr><th scope="col">Desa</th><th scope="col">Kepala keluarga</th></tr></thead>
<tbody><tr><th scope="row"><a href="x/">Gongseng</a></th><td class="angka">3.025</td></tr>
<tr><th scope="row">Turi Pinggir</th><td class="angka">1.234</td></tr></tbody></table>
</div>
<p class="unduh">Unduh data tabel ini: <a href="a.csv">CSV</a></p>
<svg><text>Teks grafik</text></svg>
<div class="kaki-halaman"><p>Sumber data: berkas</p></div>
</article></body></html>"""


def test_a_page_gives_its_title_text_and_row_headers_not_table_values():
    stems: dict[str, str] = {}
    record = search.page_record("jombang/megaluh/", PAGE, stems)
    assert record.title == "Kecamatan Megaluh"
    assert record.lead.startswith("Kabupaten Jombang, Provinsi Jawa Timur. Pelayanan & pengaduan.")
    assert {"gongseng", "turi", "pinggir", "duduk", "layan", "adu", "desa"} <= record.weights.keys()
    for absent in ("3", "025", "1", "234", "keluarga", "unduh", "csv", "teks", "grafik", "sumber", "navigasi"):
        assert absent not in record.weights, absent
    assert record.weights["megaluh"] == 6  # once, in the title: 1 + 5
    assert record.weights["desa"] == 3  # heading (counts twice) and table title: log2(1 + 1 + 2) + 1
    assert record.weights["gongseng"] == 1
    assert stems["pelayanan"] == "layan" and "pelayanan" in record.words
    # One stem four times in the text (a word thrice, another form once): log2(1 + 4) = 2,32 -> 2.
    text = PAGE.replace("pengaduan.", "pengaduan. Layanan, layanan dan layanan.")
    more = search.page_record("jombang/megaluh/", text, {})
    assert more.weights["layan"] == 2 and record.weights["layan"] == 1
    assert {"pelayanan", "layanan", "dan", "megaluh", "desa", "gongseng"} <= more.words


def test_a_large_chunk_is_split_by_longer_keys():
    sizes = {"kecamatan": 30_000, "kepuasan": 30_000, "ke": 10, "kabupaten": 100}
    keys = search._chunk_keys(sizes)
    assert keys == {"kecamatan": "kec", "kepuasan": "kep", "ke": "ke", "kabupaten": "ka"}


def _index(site: Path) -> tuple[dict, dict[str, dict], list[list[str]]]:
    folder = site / search.FOLDER
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    chunks = {k: json.loads((folder / "k" / f"{k}.json").read_text(encoding="utf-8")) for k in meta["keys"]}
    pages = []
    for shard in sorted((folder / "h").iterdir(), key=lambda p: int(p.name)):
        pages.append(
            [
                entry
                for f in sorted(shard.glob("*.json"), key=lambda p: int(p.stem))  # not the .gz copies
                for entry in json.loads(f.read_text(encoding="utf-8"))
            ]
        )
    return meta, chunks, pages


def _pages_of(word: str, site: Path) -> set[str]:
    """Addresses of the pages that hold `word`, read as the browser reads the index."""
    _, chunks, pages = _index(site)
    key = next(word[:n] for n in range(len(word), 0, -1) if word[:n] in chunks)
    stem = chunks[key]["w"][word]
    found = set()
    for shard, postings in chunks[key]["s"][stem]:
        n = -1
        for v in postings:
            n += v // 10
            found.add(pages[shard][n][0])
    return found


def test_one_index_holds_every_page_of_every_shard(demo_site):
    meta, chunks, pages = _index(demo_site)
    addresses = [p[0] for shard in pages for p in shard]
    published = {p.parent.relative_to(demo_site).as_posix() + "/" for p in demo_site.rglob("index.html")}
    assert sorted(addresses) == sorted(a if a != "./" else "" for a in published)
    assert meta["pages"] == len(published) == 31  # 29 report and portal pages, Istilah and Panduan petugas
    assert pages[0][0] == ["", "Portal Kinerja Kecamatan", pages[0][0][2]]  # the portal's own pages first
    assert all(0 < len(json.dumps(c)) < 200_000 for c in chunks.values())


def test_the_index_finds_names_in_tables_and_forms_of_a_word(demo_site):
    assert _pages_of("mangaran", demo_site) == {"jember/ajung/"}  # a desa, in the desa table only
    assert "jombang/megaluh/" in _pages_of("gongseng", demo_site)
    assert "lumajang/kedungjajang/2024/skm/" in _pages_of("kepuasan", demo_site)
    assert _pages_of("layanan", demo_site) == _pages_of("pelayanan", demo_site)  # one stem: layan


@pytest.mark.parametrize("full", [False, True])
def test_a_rebuilt_shard_reads_only_its_changed_pages(tmp_path, monkeypatch, full):
    """As an incremental build does: an unchanged page keeps its file, a changed page is a new
    file; or as a full build does (`full`): every page is a new file in a new folder, the
    unchanged ones with the last output's bytes, which finishing the shard links to the last
    output's. Only the changed page is read again; the segment equals one made from scratch."""
    folder = tmp_path / "work"
    old, new = folder / "site", tmp_path / "site-baru"
    for name in ("index.html", "a/index.html", "b/index.html"):
        (old / name).parent.mkdir(parents=True, exist_ok=True)
        (old / name).write_text(PAGE.replace("Megaluh", name), encoding="utf-8")
    search.index_shard(old, "x/", folder)
    for name in ("index.html", "a/index.html", "b/index.html"):
        (new / name).parent.mkdir(parents=True, exist_ok=True)
        if full:
            (new / name).write_bytes((old / name).read_bytes())
        else:
            (new / name).hardlink_to(old / name)
    (new / "a/index.html").unlink()
    (new / "a/index.html").write_text(PAGE.replace("Megaluh", "Gudo"), encoding="utf-8")
    read = []
    original = search.page_record
    monkeypatch.setattr(search, "page_record", lambda url, html, stems: read.append(url) or original(url, html, stems))
    finish_shard(new, folder, "x")
    assert read == ["x/a/"]
    assert (new / "b/index.html").stat().st_ino == (old / "b/index.html").stat().st_ino
    again = tmp_path / "again"
    again.mkdir()
    search.index_shard(new, "x/", again)
    assert search._load(folder / search.SEGMENT, search.Segment) == search._load(again / search.SEGMENT, search.Segment)

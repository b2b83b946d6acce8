"""End to end: the demo portal builds, shows the computed figures, stays local, is
deterministic, and a failed build never touches the previous site."""

from __future__ import annotations

import hashlib
import os
import re
import signal
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import DEMO
from jinja2 import FileSystemLoader
from mkdocs.config import load_config
from mkdocs.structure.files import Files
from typer.testing import CliRunner

from generator.build import BuildError, build_site
from generator.build import shard as shard_module
from generator.build.files import remove_tree
from generator.build.hooks import ThemeLoader
from generator.build.mkdocs_run import BASE_CONFIG, THEME_OVERRIDES
from generator.cli import app


def build(content: Path, site: Path, work: Path) -> Path:
    return build_site(content, site, work, progress=lambda _: None).site


@pytest.fixture
def site(demo_site: Path) -> Path:
    return demo_site


def row(html: str, indicator: str) -> str:
    """The table row (<tr>) that names an indicator (abbreviations as plain text)."""
    html = re.sub(r"</?abbr[^>]*>", "", html)
    rows = [
        r for r in re.findall(r"<tr[^>]*>.*?</tr>", html, re.S) if re.search(f"<td[^>]*>{re.escape(indicator)}</td>", r)
    ]
    assert len(rows) == 1, indicator
    return re.sub(r"<[^>]+>", "|", rows[0])


def cells(html: str, indicator: str) -> list[str]:
    return [c.strip() for c in row(html, indicator).split("|") if c.strip()]


def page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def test_kedungjajang_2024_figures(site):
    html = page(site, "lumajang/kedungjajang/2024")
    # 83,8 / 83,5 and 75,91 / 60 (seed 000 Tabel 3.2); Lumajang has no cap: > 90 is Sangat Tinggi.
    assert cells(html, "Indeks Kepuasan Masyarakat")[3:7] == ["83,5", "83,5", "83,8", "100,36 %"]
    assert "Sangat Tinggi" in cells(html, "Indeks Kepuasan Masyarakat")
    assert cells(html, "Nilai Sinergitas Kinerja Kecamatan")[5:7] == ["75,91", "126,52 %"]
    # IKM Kecamatan from the survey (skm.yml): (79,6389 + 86,0833) / 2 = 82,86, not the typed 82,87.
    assert cells(html, "Indeks Kepuasan Masyarakat tingkat Kecamatan")[5:7] == ["82,86", "103,58 %"]
    # Sasaran mean (103,5875 + 126,5167) / 2 and IKU mean over three indicators.
    assert "115,05 %" in html and "110,15 %" in html
    # APBDes: 11 of 12 desa = 91,6667 against the PK target 75 (the report says 96): computed, and audited.
    assert cells(html, "Persentase Desa yang menetapkan APBDes Tepat Waktu")[4:6] == ["91,67", "122,22 %"]
    assert "Catatan kualitas data" in html and "belum ada data realisasi" in html


def test_megaluh_2024_capped_scale(site):
    html = page(site, "jombang/megaluh/2024")
    # AKIP 60,61 against the PK perubahan target 71,01 -> 85,35 % (printed 87,48 %): Butuh Perbaikan.
    akip = cells(html, "Nilai Evaluasi AKIP Kecamatan Megaluh")
    assert "85,35 %" in akip and any("Butuh Perbaikan" in c for c in akip)
    # IKM = mean of the 5 layanan IKMs 92,08 (typed 97,49); 92,08 / 82 = 112,30 % shown as is,
    # but rated with the cap at 100: Baik.
    ikm = cells(html, "Indeks Kepuasan Masyarakat (IKM) Kecamatan Megaluh")
    assert "92,08" in ikm and "112,30 %" in ikm and any(c.startswith("Baik") for c in ikm)


def test_ajung_2023_sakip_grades(site):
    html = page(site, "jember/ajung/2023")
    # IKM 85 against the PK perubahan target 85 -> 100 %: AA Sangat Memuaskan on Jember's scale; the
    # Renstra target for 2023 (85, renstra.yml "Setelah perubahan") is shown beside the PK targets.
    ikm = cells(html, "Indeks Kepuasan Masyarakat")
    assert ikm[3:8] == ["85", "85", "85", "85", "100,00 %"] and "AA · Sangat Memuaskan" in ikm
    # Program indicator 98 / 100 = 98 % is still AA (> 90).
    program = cells(html, "Tingkat kepuasan aparatur perangkat daerah terhadap pelayanan kesekretariatan")
    assert program[-4:] == ["100", "98", "98,00 %", "AA · Sangat Memuaskan"]


def test_kedungjajang_program_counts(site):
    # 14 program/kegiatan indicators: P1-I1 1875 / 1900 = 98,68 % (Lampiran; typed 98) is the one below
    # target; P3.K1-I1 has no realisasi (the report gives none for its count target) and P6-I1 no target
    # (70 / 71 = 98,59 %); the other 11 reach 100 % or more.
    html = page(site, "lumajang/kedungjajang/2024")
    assert "Keterangan program dan kegiatan" in html and "11 dari 12 desa (Lampiran no. 6" in html
    assert "11 tercapai,\n1 belum tercapai, 2 tidak dapat diukur\ndari 14 indikator" in html
    assert "realisasi tahunan = pembilang / penyebut (1.875 / 1.900)." in html
    assert cells(html, "Persentase Pelayanan Administrasi Kecamatan sesuai SP dan SOP")[-4:] == [
        "100",
        "98,68",
        "98,68 %",
        "Sangat Tinggi",
    ]
    assert cells(html, "Persentase pemenuhan fasilitas kebutuhan operasional perkantoran")[-4:] == [
        "belum ada target",
        "98,59",
        "belum ada target",
        "—",
    ]
    # P5's three percentage indicators: (100 + 91,6667 + 100) / 3 (the report prints 97,21).
    assert "Rata-rata realisasi indikator persen Program Pembinaan dan Pengawasan Pemerintahan Desa: 97,22 %" in html


def test_home_and_kabupaten_tables(site):
    home = page(site, "")
    rows = {
        re.sub(r"<[^>]+>", "|", r).split("|")[3]: re.sub(r"<[^>]+>", " ", r)
        for r in re.findall(r"<tr><th scope=\"row\">.*?</tr>", home, re.S)
    }
    # Megaluh: (85,3542 + 100 + 100 + 100 + 100 + 100) / 6 with Jombang's cap at 100.
    assert re.search(r"97,56 % .* 5 +6", rows["Megaluh"])
    assert re.search(r"110,15 % .* 3 +3", rows["Kedungjajang"])
    assert re.search(r"100,00 % .* 4 +4", rows["Ajung"])
    assert "97,56 %" in page(site, "jombang") and "Butuh Perbaikan" in page(site, "jombang/megaluh/2024")


def test_megaluh_population_and_density(site):
    html = page(site, "jombang/megaluh")
    # TABEL 1.1 per desa sums to 39.725 (the report's text says 44.114); 39.725 / 25,96 km².
    assert "39.725 jiwa" in html and "1.530 jiwa/km²" in html
    assert "13 desa: penduduk dan kepala keluarga" in html and "0 kelurahan" not in html


def test_every_demo_report_is_published(site):
    for path in ("lumajang/kedungjajang/2024", "jombang/megaluh/2024", "jember/ajung/2023"):
        assert (site / path / "index.html").exists(), path
        assert (site / path / "capaian-iku.svg").exists(), path
    for path in ("", "metodologi", "lumajang", "jombang", "jember", "lumajang/kedungjajang"):
        assert (site / path / "index.html").exists(), path


def test_chart_is_accessible_svg_with_its_numbers(site):
    svg = (site / "lumajang/kedungjajang/2024/capaian-iku.svg").read_text()
    assert svg.startswith('<svg role="img" aria-labelledby="chart-title chart-desc"')
    assert '<title id="chart-title">Capaian IKU Kecamatan Kedungjajang 2024</title>' in svg
    assert "Nilai Sinergitas Kinerja Kecamatan: 126,52 % · Sangat Tinggi" in svg
    assert ">126,52 % · Sangat Tinggi</text>" in svg  # text stays text, predikat not by colour alone


def test_methodology_is_generated_from_the_code(site):
    html = page(site, "metodologi")
    assert "realisasi 83,8 dan target 83,5: capaian 100,36 %" in html
    assert "realisasi 8 dan target 10: capaian 120,00 %" in html
    assert "38 % dan 34,92 %: 72,92 %" in html
    for kabupaten in ("Lumajang", "Jombang", "Jember"):
        assert f"Kabupaten {kabupaten}" in html


class _Resources(HTMLParser):
    ATTRS = {"src", "href", "srcset", "action", "poster", "data", "formaction"}

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in self.ATTRS and value:
                self.urls.extend(v.strip().split(" ")[0] for v in value.split(","))
            if name == "style" and value:
                self.urls.extend(re.findall(r"url\(['\"]?([^'\")]+)", value))


EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.I)

#: Conditional code paths in the theme bundle that this portal never takes: a polyfill for
#: browsers without ResizeObserver, mermaid diagrams (none) and repository facts (no repo_url).
#: The browser test of issue 8 checks that no page requests any other host.
THEME_ON_DEMAND = {"unpkg.com", "api.github.com"}


def test_no_reference_to_another_host(site):
    for path in site.rglob("*.html"):
        parser = _Resources()
        parser.feed(path.read_text(encoding="utf-8"))
        external = [u for u in parser.urls if EXTERNAL.match(u) or u.lower().startswith(("http:", "https:"))]
        assert external == [], (path, external)
    for path in site.rglob("*.css"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", text), path
        assert "@import" not in text, path
    for path in site.rglob("*.js"):
        code = re.sub(r"/\*!.*?\*/", "", path.read_text(encoding="utf-8"), flags=re.S)  # licence headers
        hosts = set(re.findall(r"https?://([a-z0-9.-]+)", code))
        assert hosts <= THEME_ON_DEMAND, (path, hosts - THEME_ON_DEMAND)
    for path in site.rglob("*.svg"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"(href|src)=\"(https?:)?//", text), path


def test_links_are_relative_so_the_site_works_from_a_subfolder(site):
    # 404.html is served at any unknown address, so it can only use absolute links, from the
    # site root or from the folder in portal.yml `url`.
    for path in set(site.rglob("*.html")) - {site / "404.html"}:
        parser = _Resources()
        parser.feed(path.read_text(encoding="utf-8"))
        absolute = [u for u in parser.urls if u.startswith("/")]
        assert absolute == [], (path, absolute)


def test_no_broken_internal_link(site):
    """Crawl every page: each relative href/src resolves to a file of the site."""
    checked = 0
    for path in set(site.rglob("*.html")) - {site / "404.html"}:
        parser = _Resources()
        parser.feed(path.read_text(encoding="utf-8"))
        for url in parser.urls:
            target = url.split("#")[0].split("?")[0]
            if not target or EXTERNAL.match(url) or url.startswith(("mailto:", "data:")):
                continue
            resolved = (path.parent / target).resolve()
            if target.endswith("/") or resolved.is_dir():
                resolved = resolved / "index.html"
            assert resolved.is_file(), (path.relative_to(site), url)
            checked += 1
    assert checked > 100


def digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_builds_are_deterministic(site, tmp_path):
    again = build(DEMO, tmp_path / "site", tmp_path / "work")
    assert digest(again) == digest(site)


#: The versions folder after the demo's first build: the version shown and its spare (every
#: kabupaten was built, so the next edit is made from a copy of the version shown).
SHOWN_AND_SPARE = ["1", "1.json", "2", "2.json", "kunci"]


def test_broken_content_leaves_the_previous_site_byte_for_byte(content, tmp_path):
    site_dir, work = tmp_path / "site", tmp_path / "work"
    args = ["build", "--content", str(content), "--site", str(site_dir), "--work", str(work)]
    assert CliRunner().invoke(app, args).exit_code == 0
    before = digest(site_dir)
    kinerja = content / "lumajang/kedungjajang/2024/kinerja.yml"
    kinerja.write_text(kinerja.read_text().replace("pk_awal: 60", "pk_awal: enam puluh"))
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 1 and "tidak dapat dibaca sebagai angka" in result.output
    assert digest(site_dir) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site.versi", "content", "site", "work"]
    # nothing left; the spare is back (the build had placed the unchanged kabupaten into it before it failed)
    versions = tmp_path / ".site.versi"
    assert sorted(p.name for p in versions.iterdir()) == SHOWN_AND_SPARE
    assert (versions / "1.json").read_bytes() == (versions / "2.json").read_bytes()
    assert digest(versions / "1") == before


def test_failed_site_build_keeps_the_previous_site(content, tmp_path, monkeypatch):
    site_dir, work = tmp_path / "site", tmp_path / "work"
    build(content, site_dir, work)
    before = digest(site_dir)

    def broken(config, target, date, **part):
        (target / "index.html").write_text("half a site")
        raise BuildError("MkDocs gagal: simulasi")

    monkeypatch.setattr(shard_module, "run_mkdocs", broken)
    (content / "portal.yml").write_text((content / "portal.yml").read_text() + "# diubah\n")  # every shard rebuilds
    result = CliRunner().invoke(app, ["build", "--content", str(content), "--site", str(site_dir), "--work", str(work)])
    assert result.exit_code == 1 and "Situs lama tidak diubah" in result.output
    assert digest(site_dir) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site.versi", "content", "site", "work"]
    assert sorted(p.name for p in (tmp_path / ".site.versi").iterdir()) == SHOWN_AND_SPARE  # nothing left


def test_a_build_stopped_by_sigterm_ends_as_after_ctrl_c_and_keeps_the_previous_site(content, tmp_path, monkeypatch):
    """SIGTERM (a service stopped, `timeout`) unwinds the build as Ctrl-C does: exit 143, one
    line saying so, the site and the versions beside it as they were (the spare the build was
    making its version from put back), the handler of before restored."""
    site_dir, work, versions = tmp_path / "site", tmp_path / "work", tmp_path / ".site.versi"
    args = ["build", "--content", str(content), "--site", str(site_dir), "--work", str(work)]
    assert CliRunner().invoke(app, args).exit_code == 0
    before, spare = digest(site_dir), digest(versions / "1")
    kinerja = content / "lumajang/kedungjajang/2024/kinerja.yml"
    kinerja.write_text(kinerja.read_text().replace("pk_awal: 60", "pk_awal: 61"))
    monkeypatch.setattr("generator.build.site.check_links", lambda shards: os.kill(os.getpid(), signal.SIGTERM))

    def unhandled(signum: int, frame: object) -> None:  # the build's own handler must be the one called
        raise RuntimeError("SIGTERM reached the test's handler")

    outside = signal.signal(signal.SIGTERM, unhandled)
    try:
        result = CliRunner().invoke(app, args)
        assert signal.getsignal(signal.SIGTERM) is unhandled
    finally:
        signal.signal(signal.SIGTERM, outside)
    assert result.exit_code == 143 and "Pembangunan dihentikan. Situs lama tidak diubah." in result.output
    assert digest(site_dir) == before and digest(versions / "1") == spare
    assert sorted(p.name for p in versions.iterdir()) == SHOWN_AND_SPARE


def test_content_text_is_escaped(content, tmp_path):
    kinerja = content / "lumajang/kedungjajang/2024/kinerja.yml"
    attack = "<script>alert(1)</script> [klik](javascript:alert(2)) **tebal** <img src=x onerror=alert(3)>"
    text = kinerja.read_text().replace("nama: Nilai Sinergitas Kinerja Kecamatan", f"nama: '{attack}'")
    kinerja.write_text(text)
    profil = content / "lumajang/kedungjajang/kecamatan.yml"
    profil.write_text(profil.read_text() + 'alamat: "<b onmouseover=alert(4)>Jl. Raya</b> | `kode`"\n')
    site_dir = build(content, tmp_path / "site", tmp_path / "work")
    for path in site_dir.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert "<script>alert" not in html and 'href="javascript' not in html
        assert "<img src=x" not in html and "<b onmouseover" not in html and "<strong>tebal" not in html
    report = page(site_dir, "lumajang/kedungjajang/2024")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in report
    assert 'href="javascript' not in report
    assert "&lt;b onmouseover=alert(4)&gt;Jl. Raya&lt;/b&gt;" in page(site_dir, "lumajang/kedungjajang")


def test_remove_tree_removes_files_links_and_folders(tmp_path):
    """The build's threaded removal leaves nothing of a tree, and leaves another link's file."""
    tree = tmp_path / "tree"
    for n in range(200):
        (tree / f"folder-{n % 7}" / "sub").mkdir(parents=True, exist_ok=True)
        (tree / f"folder-{n % 7}" / "sub" / f"{n}.html").write_text(str(n), encoding="utf-8")
    (tree / "empty").mkdir()
    os.link(tree / "folder-0" / "sub" / "0.html", tmp_path / "kept.html")
    remove_tree(tree)
    remove_tree(tree)  # nothing there: nothing to do
    assert not tree.exists() and (tmp_path / "kept.html").read_text(encoding="utf-8") == "0"


def test_the_theme_loader_lists_every_theme_file_mkdocs_publishes(tmp_path):
    """`hooks.ThemeLoader` skips the theme's hidden folders (Material's icons) and still gives
    MkDocs the same theme files as Jinja's own loader."""
    (tmp_path / "docs").mkdir()
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text(f"INHERIT: {BASE_CONFIG}\ntheme:\n  custom_dir: {THEME_OVERRIDES}\n", encoding="utf-8")
    config = load_config(config_file=str(config_file), site_dir=str(tmp_path / "site"))

    def theme_files(loader: FileSystemLoader) -> list[str]:
        env = config.theme.get_env()
        env.loader = loader
        files = Files([])
        files.add_files_from_theme(env, config)
        return [f.src_uri for f in files]

    dirs = config.theme.dirs
    assert len(ThemeLoader(dirs).list_templates()) * 10 < len(FileSystemLoader(dirs).list_templates())
    listed = theme_files(FileSystemLoader(dirs))
    assert any(name.startswith("assets/javascripts/bundle.") for name in listed)
    assert listed and theme_files(ThemeLoader(dirs)) == listed

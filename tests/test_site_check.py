"""`kinerja periksa`: the demo build passes; each class of fault, planted in a copy of it, is
reported with its file and an Indonesian message, and makes the command exit 1."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from generator.check.site_check import forbidden_files
from generator.cli import app


@pytest.fixture
def site(demo_site: Path, tmp_path: Path) -> Path:
    """A copy of the demo build (real copies: planting a fault must not touch the demo's files)."""
    return Path(shutil.copytree(demo_site, tmp_path / "site"))


def periksa(site: Path, *options: str):
    return CliRunner().invoke(app, ["periksa", str(site), *options])


def _append(path: Path, html: str) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("</body>", html + "</body>"), encoding="utf-8")


def test_the_demo_build_passes(demo_site):
    result = periksa(demo_site)
    assert result.exit_code == 0, result.output
    assert f"Situs lolos pemeriksaan: {len(list(demo_site.rglob('*.html')))} halaman" in result.output


def _fails_with(site: Path, path: str, key: str, text: str, *options: str) -> None:
    result = periksa(site, *options)
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.startswith("GALAT")]
    assert any(f"{site / path}:" in line and f"[{key}]" in line and text in line for line in lines), result.output
    assert "masalah ditemukan" in result.output


def test_broken_internal_link(site):
    _append(site / "jombang/index.html", '<a href="megaluh/2099/">Laporan 2099</a>')
    _fails_with(site, "jombang/index.html", "broken_link", "tidak ada: megaluh/2099/")


def test_requests_to_other_hosts(site):
    _append(site / "metodologi/index.html", '<script src="https://cdn.contoh.com/grafik.js"></script>')
    _fails_with(site, "metodologi/index.html", "external_request", "host lain: https://cdn.contoh.com/grafik.js")
    css = site / "assets/portal.css"
    css.write_text(css.read_text() + "\n@import url(//fonts.contoh.com/font.css);\n", encoding="utf-8")
    _fails_with(site, "assets/portal.css", "external_request", "host lain: //fonts.contoh.com/font.css")


def test_page_over_the_weight_budget(site):
    (site / "jombang/foto.png").write_bytes(os.urandom(200 * 1024))  # does not compress
    _append(site / "jombang/index.html", '<img src="foto.png" alt="Kantor kecamatan">')
    _fails_with(site, "jombang/index.html", "page_weight", "melebihi anggaran 150 KB")


def test_page_without_lang_id(site):
    page = site / "data-terbuka/index.html"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace('<html lang="id"', '<html lang="en"', 1), encoding="utf-8")
    _fails_with(site, "data-terbuka/index.html", "lang", 'tanpa lang="id"')


def test_image_without_alt_text(site):
    _append(site / "lumajang/index.html", '<img src="../assets/images/favicon.png">')
    _fails_with(site, "lumajang/index.html", "alt", "gambar tanpa teks alternatif (alt): ../assets/images/favicon.png")


@pytest.mark.parametrize(
    "path, reason",
    [
        ("jember/ajung/2023/skm-s1.csv", "jawaban mentah responden SKM"),
        ("jember/ajung/2023/skm.yml", "berkas konten atau konfigurasi YAML"),
        ("portal.yml", "berkas konten atau konfigurasi YAML"),
        ("jember/kecamatan.pickle", "berkas kerja pembangunan situs"),
        ("key", "berkas kerja pembangunan situs"),
        ("jombang/megaluh/index.md", "sumber Markdown"),
        (".jember.baru-x8k2/", "folder tersembunyi"),
    ],
)
def test_files_that_must_never_be_published(site, path, reason):
    target = site / path
    if path.endswith("/"):
        target.mkdir()
    else:
        target.write_text("x\n", encoding="utf-8")
    _fails_with(site, path.rstrip("/") + ("/" if path.endswith("/") else ""), "forbidden_file", reason)


def test_every_record_of_the_work_folder_would_be_reported(demo_site, tmp_path):
    """The build's own work files (kept beside the shards' output, docs, data and search index)
    are recognised by name; the shard's copy of its search index has the name the site
    publishes it under."""
    work = demo_site.parent / "work"
    names = {
        p.name
        for p in work.rglob("*")
        if p.is_file() and not {"site", "docs", "data", "cari"} & set(p.relative_to(work).parts)
    }
    assert {"key", "summary.pickle", "content-hashes.json", "mkdocs.yml", "gzip.json"} <= names
    names.discard("search_index.json")
    for name in names:
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert {f.path for f in forbidden_files(tmp_path)} == names


def test_an_address_other_than_the_build_s_url_is_reported(demo_site):
    """The demo is built without `url` (for the root of a domain): its 404 page cannot work
    from a sub-folder, and periksa says which setting fixes it."""
    _fails_with(demo_site, "404.html", "broken_link", "`url` di portal.yml", "--url", "https://contoh.go.id/kinerja/")
    assert periksa(demo_site, "--url", "https://kinerja.contoh.go.id/").exit_code == 0


def test_a_folder_that_is_not_a_site(tmp_path):
    result = periksa(tmp_path)
    assert result.exit_code == 1 and "bukan folder situs" in result.output

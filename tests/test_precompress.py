"""Precompressed copies beside the published files: complete, exact, deterministic, new files
only, and world-readable (the incremental case is in tests/test_shard.py)."""

from __future__ import annotations

import gzip
import os
from pathlib import Path

from conftest import DEMO

from generator.build import build_site
from generator.build import precompress as precompress_module
from generator.build.precompress import COMPRESSED, MIN_SIZE, precompress, save


def _copies(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*.gz"))}


def test_every_text_file_of_1_kb_or_more_has_a_gz_with_its_bytes(demo_site):
    checked = 0
    for path in demo_site.rglob("*"):
        if not path.is_file() or not path.name.endswith(COMPRESSED):
            continue
        copy = path.with_name(path.name + ".gz")
        # sitemap.xml.gz is always published (crawlers ask for it by that name)
        assert copy.exists() == (path.stat().st_size >= MIN_SIZE or path.name == "sitemap.xml"), path
        if copy.exists():
            data = copy.read_bytes()
            assert gzip.decompress(data) == path.read_bytes(), path
            assert data[3] == 0 and data[4:8] == b"\0\0\0\0", path  # no file name, no time in the header
            checked += 1
    assert checked > 100
    assert all(p.with_name(p.name[:-3]).exists() for p in demo_site.rglob("*.gz"))


def test_a_second_build_writes_identical_gz_files(demo_site, tmp_path):
    again = build_site(DEMO, tmp_path / "site", tmp_path / "work", lambda _: None).site
    assert _copies(again) == _copies(demo_site) != {}


def test_stale_missing_and_orphan_copies_are_replaced_by_new_files(tmp_path):
    site, record = tmp_path / "site", tmp_path / "gzip.json"
    site.mkdir()
    page, small = site / "halaman.html", site / "kecil.csv"
    page.write_text("<p>lama</p>" * 200, encoding="utf-8")
    small.write_text("a,b\n1,2\n", encoding="utf-8")
    precompress(site, record)  # the record is only used once saved (not here): everything is new
    first = (site / "halaman.html.gz").stat().st_ino
    assert not (site / "kecil.csv.gz").exists()
    held = tmp_path / "terbit.gz"
    os.link(site / "halaman.html.gz", held)  # a published copy is a hard link
    page.unlink()
    page.write_text("<p>baru</p>" * 200, encoding="utf-8")
    (site / "yatim.json.gz").write_bytes(gzip.compress(b"{}"))
    (site / "kecil.csv.gz").write_bytes(gzip.compress(b"usang"))
    precompress(site, record)
    assert gzip.decompress((site / "halaman.html.gz").read_bytes()) == page.read_bytes()
    assert (site / "halaman.html.gz").stat().st_ino != first
    assert gzip.decompress(held.read_bytes()) == ("<p>lama</p>" * 200).encode()  # never written in place
    assert not (site / "yatim.json.gz").exists() and not (site / "kecil.csv.gz").exists()


def test_precompressed_and_published_files_are_readable_whatever_the_umask(tmp_path):
    umask = os.umask(0o077)
    try:
        site = build_site(DEMO, tmp_path / "site", tmp_path / "work", lambda _: None).site
    finally:
        os.umask(umask)
    assert {p.stat().st_mode & 0o777 for p in site.rglob("*") if p.is_file()} == {0o644}
    assert {p.stat().st_mode & 0o777 for p in [site, *site.rglob("*")] if p.is_dir()} == {0o755}


def test_a_full_rebuild_links_the_gz_of_every_file_it_links_again(tmp_path, monkeypatch):
    """A rebuild after a code change links the tables and charts again (the same files): their
    `.gz` are the last output's, not compressed again; a page written anew gets a new one."""
    old, new, record = tmp_path / "lama", tmp_path / "baru", tmp_path / "gzip.json"
    old.mkdir()
    new.mkdir()
    (old / "tabel.csv").write_text("a,b\n1,2\n" * 200, encoding="utf-8")
    (old / "halaman.html").write_text("<p>lama</p>" * 200, encoding="utf-8")
    save(record, precompress(old, record))
    os.link(old / "tabel.csv", new / "tabel.csv")
    (new / "halaman.html").write_text("<p>baru</p>" * 200, encoding="utf-8")
    compressed: list[bytes] = []
    gzip_bytes = precompress_module.gzip_bytes
    monkeypatch.setattr(precompress_module, "gzip_bytes", lambda data: compressed.append(data) or gzip_bytes(data))
    stamps = precompress(new, record, previous=old)
    assert compressed == [(new / "halaman.html").read_bytes()]
    assert (new / "tabel.csv.gz").stat().st_ino == (old / "tabel.csv.gz").stat().st_ino
    for name in ("tabel.csv", "halaman.html"):
        assert gzip.decompress((new / f"{name}.gz").read_bytes()) == (new / name).read_bytes()
    save(record, stamps)
    compressed.clear()
    assert precompress(new, record) == stamps and compressed == []  # the record holds for the next build

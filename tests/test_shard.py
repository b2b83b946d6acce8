"""Scale: each kabupaten is a shard built on its own (in parallel), reused while its inputs are
unchanged; an incremental build gives the same bytes as a full one; links between shards resolve."""

from __future__ import annotations

import gzip
import json
import os
import pickle
import re
import shutil
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from generator.build import build_site
from generator.build import shard as shard_module
from generator.build.mkdocs_run import BuildError
from generator.build.publish import ROOT_ONLY
from generator.build.shard import TRASH, ShardLinks, check_links
from generator.build.site import STAGES
from generator.compute import portal as portal_module
from generator.load import load_content
from generator.problems import ContentError
from generator.synthetic.portal import portal_sintetis
from generator.validate import validate

pytestmark = pytest.mark.slow


_BUILD_KABUPATEN = shard_module.build_kabupaten


def _killed_building_sintetis_02(slug: str, task=None):
    """build_kabupaten, except that the worker building sintetis-02 is killed (out of memory)."""
    if slug == "sintetis-02":
        os.kill(os.getpid(), signal.SIGKILL)
    return _BUILD_KABUPATEN(slug, task)


@contextmanager
def _at_most(seconds: int) -> Iterator[None]:
    """Fail the test instead of hanging it for ever."""

    def expire(*_: object) -> None:
        raise TimeoutError(f"lebih dari {seconds} detik")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _build(content: Path, site: Path, work: Path, jobs: int = 2):
    return build_site(content, site, work, lambda _: None, jobs)


def _change_one_value(content: Path) -> None:
    path = content / "sintetis-01/kecamatan-01/2024/realisasi.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    cells = lines[1].split(",")
    cells[5] = str(float(cells[5]) + 1.25)  # the first IKU's annual realisasi
    lines[1] = ",".join(cells)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def portal(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """A synthetic portal of 3 kabupaten built, rebuilt unchanged, then rebuilt after one value
    changed; plus a full build of the changed content in an empty work folder."""
    tmp = tmp_path_factory.mktemp("shard")
    content, site, work = tmp / "content", tmp / "site", tmp / "work"
    portal_sintetis(content, 3, 2, [2023, 2024], seed=3)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1735689600")
        first = _build(content, site, work)
        before = _files(site)
        again = _build(content, site, work)
        unchanged = _files(site)
        inodes, shard_stamps = _inodes(site), _stamps(work / "shard/sintetis-01/site")
        _change_one_value(content)
        incremental = _build(content, site, work)
        full = _build(content, tmp / "site-penuh", tmp / "work-penuh", jobs=1)
    return {
        "first": first,
        "again": again,
        "incremental": incremental,
        "full": full,
        "before": before,
        "unchanged": unchanged,
        "site": site,
        "inodes": (inodes, _inodes(site)),
        "shard_stamps": (shard_stamps, _stamps(work / "shard/sintetis-01/site")),
    }


def _staging_folders(site: Path) -> list[Path]:
    """Hidden entries of the site other than the Apache rules the build publishes."""
    return [p for p in site.glob(".*") if p.name != ".htaccess"]


def _inodes(site: Path) -> dict[str, int]:
    """Files and folders by inode: a folder keeps its inode only when it was not assembled again."""
    return {p.relative_to(site).as_posix(): p.stat().st_ino for p in [site, *site.rglob("*")]}


def _stamps(site: Path) -> dict[str, tuple[int, int]]:
    """Files by inode and modification time: a file written again has another (its inode number
    alone may be the one of a file unlinked just before)."""
    return {p.relative_to(site).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns) for p in site.rglob("*")}


def test_every_kabupaten_is_a_shard_built_in_parallel(portal):
    first = portal["first"]
    assert first.built == ["sintetis-01", "sintetis-02", "sintetis-03", "_portal"]
    assert first.stages["mkdocs"][1] > 0 and first.stages["finish"][1] > 0
    for slug in ("sintetis-01", "sintetis-02", "sintetis-03"):
        assert (portal["site"] / slug / "index.html").exists()
        assert not (portal["site"] / slug / "404.html").exists()  # one 404 page, at the root


def test_a_rebuild_without_changes_does_nothing(portal):
    again = portal["again"]
    assert again.built == [] and len(again.reused) == 4
    assert all(again.stages[s] == [0.0, 0.0] for s in STAGES if s != "keys")  # keys: always hashed
    assert portal["unchanged"] == portal["before"]


def test_one_changed_value_rebuilds_only_its_kabupaten_and_the_portal_pages(portal):
    incremental = portal["incremental"]
    assert incremental.built == ["sintetis-01", "_portal"]
    assert incremental.reused == ["sintetis-02", "sintetis-03"]
    # In the rebuilt kabupaten only the changed kecamatan's pages and the kabupaten's own pages
    # (overview, comparisons, open data) are rendered again, and MkDocs processes only those.
    after = _files(portal["site"])
    changed = {p for p in after if after[p] != portal["before"].get(p)}
    assert incremental.written <= 12 < portal["first"].written
    assert "sintetis-01/kecamatan-01/2024/index.html" in changed
    assert not any(p.startswith("sintetis-01/kecamatan-02/") for p in changed)


def test_an_incremental_build_gives_the_same_bytes_as_a_full_build(portal):
    assert _files(portal["site"]) == _files(portal["full"].site)


def test_publishing_copies_only_what_changed(portal):
    """A new version shares with the shown one (hard links: published files are never modified
    in place) exactly the files whose bytes did not change: publishing costs what changed, not
    the size of the portal."""
    before, after = portal["inodes"]
    assert after["."] != before["."]  # a new version
    old, new = portal["unchanged"], _files(portal["site"])
    both = sorted(p for p in old.keys() & new.keys() if not p.startswith("sitemap.xml"))  # merged when published
    assert all((after[p] == before[p]) == (old[p] == new[p]) for p in both)
    changed = [p for p in both if old[p] != new[p]]
    assert any(p.startswith("sintetis-01/kecamatan-01/2024/") for p in changed)
    assert not any(p.startswith(("sintetis-02/", "sintetis-03/")) for p in changed)
    assert 0 < len(changed) < len(both) / 10


def test_a_removed_kabupaten_is_removed_from_the_published_site(tmp_path):
    content = tmp_path / "content"
    portal_sintetis(content, 2, 1, [2024], seed=4)
    site = _build(content, tmp_path / "site", tmp_path / "work").site
    (site / "sintetis-02/lama.txt").write_text("published by hand", encoding="utf-8")
    shutil.rmtree(content / "sintetis-02")
    _build(content, site, tmp_path / "work")
    assert not (site / "sintetis-02").exists() and _staging_folders(site) == []
    full = _build(content, tmp_path / "site-penuh", tmp_path / "work-penuh").site
    assert _files(site) == _files(full)


def _links(html: str) -> list[str]:
    return re.findall(r'(?:href|src)="([^"#?]*)', html)


def test_every_relative_link_resolves_within_the_assembled_site(portal):
    site: Path = portal["site"]
    checked = 0
    for page in site.rglob("*.html"):
        if page.name == "404.html":
            continue  # served for any missing path: its links are root-relative by design
        for link in _links(page.read_text(encoding="utf-8")):
            if not link or urlsplit(link).scheme:
                continue
            target = (page.parent / unquote(link)).resolve()
            if target.is_dir():
                target = target / "index.html"
            assert target.is_file(), f"{page.relative_to(site)} -> {link}"
            checked += 1
    assert checked > 1000


def test_links_between_shards_are_checked():
    kab = ShardLinks(("a/index.md", "a/x/index.md"), ("index.md", "b/index.md"))
    induk = ShardLinks(("index.md", "metodologi.md"), ("a/index.md", "c/index.md"))
    assert check_links([kab, induk]) == ["b/index.md", "c/index.md"]


def test_one_search_index_holds_every_page_of_every_shard(portal):
    """The portal's search (generator/search.py) lists every page of every shard once; the
    byte-for-byte comparisons above cover its incremental assembly."""
    site: Path = portal["site"]
    listed = [
        entry[0]
        for f in sorted((site / "cari/h").rglob("*.json"))
        for entry in json.loads(f.read_text(encoding="utf-8"))
    ]
    published = [p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("index.html")]
    assert sorted(listed) == sorted(u.removeprefix("./") for u in published)
    assert json.loads((site / "cari/meta.json").read_text(encoding="utf-8"))["pages"] == len(listed)
    # the 3 shards and the portal's own pages: Beranda (""), metodologi, istilah, data-terbuka, panduan-petugas
    assert len({u.split("/")[0] for u in listed}) == 3 + 5


def test_a_changed_ranking_re_renders_the_other_kecamatan_of_the_kabupaten(tmp_path, monkeypatch):
    """The shared indicator ranks every kecamatan of a kabupaten: changing one kecamatan's value
    changes the others' pages too, and the incremental build must still equal a full one."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735689600")
    content = tmp_path / "content"
    portal_sintetis(content, 1, 3, [2024], seed=5)
    before = _files(_build(content, tmp_path / "site", tmp_path / "work").site)
    path = content / "sintetis-01/kecamatan-01/2024/indeks.yml"  # the index gives the shared indicator
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"nilai: [\d.]+", "nilai: 0.1", text), encoding="utf-8")  # now last of 3 + 3
    incremental = _build(content, tmp_path / "site", tmp_path / "work")
    full = _build(content, tmp_path / "site-penuh", tmp_path / "work-penuh")
    assert _files(incremental.site) == _files(full.site)
    report = (incremental.site / "sintetis-01/kecamatan-01/2024/index.html").read_text(encoding="utf-8")
    assert "<strong>6 dari 6</strong>" in report
    after = _files(incremental.site)
    others = [f"sintetis-01/kecamatan-0{i}/2024/index.html" for i in (2, 3)]
    assert any(before[p] != after[p] for p in others)  # the others moved up: re-rendered though unchanged


def test_an_incremental_build_computes_and_renders_only_the_changed_kecamatan(tmp_path, monkeypatch):
    """The figure register and the pages of an unchanged kecamatan are neither computed nor made
    again: its pages of the last build are put back in their places. A kept page or table whose
    file is gone is made again. Either way the site is byte for byte a full build's."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735689600")
    content, site, work = tmp_path / "content", tmp_path / "site", tmp_path / "work"
    portal_sintetis(content, 1, 3, [2023, 2024], seed=3)
    first = _build(content, site, work)
    computed: list[str] = []
    real = portal_module.year_register

    def counted(kab, kec, *args):
        computed.append(kec.slug)
        return real(kab, kec, *args)

    monkeypatch.setattr(portal_module, "year_register", counted)
    shard = work / "shard/sintetis-01"
    records = {f"{p.parent.name}/{p.name}": p.stat().st_mtime_ns for p in shard.glob("*/*.pickle")}
    _change_one_value(content)
    incremental = _build(content, site, work)
    assert set(computed) == {"kecamatan-01"} and incremental.written < first.written
    now = {f"{p.parent.name}/{p.name}": p.stat().st_mtime_ns for p in shard.glob("*/*.pickle")}
    rewritten = {name.split(".")[0] for name, _ in now.items() ^ records.items()}
    assert len(records) == len(now) == 6 and rewritten == {"kecamatan/kecamatan-01", "halaman/kecamatan-01"}
    assert _files(site) == _files(_build(content, tmp_path / "site-penuh", tmp_path / "work-penuh").site)

    (shard / "docs/kecamatan-02/index.md").unlink()
    next((shard / "data/kecamatan-03/2024").glob("*.csv")).unlink()
    computed.clear()
    _change_one_value(content)
    _build(content, site, work)
    assert set(computed) == {"kecamatan-01", "kecamatan-02", "kecamatan-03"}
    assert _files(site) == _files(_build(content, tmp_path / "site-penuh-2", tmp_path / "work-penuh-2").site)


def test_an_unchanged_build_reads_no_content_file_and_a_same_size_edit_is_seen(tmp_path, monkeypatch):
    """Unchanged files are known by their size, inode and times; an unchanged kecamatan of a
    rebuilt kabupaten is neither read nor validated again."""
    content = tmp_path / "content"
    portal_sintetis(content, 2, 2, [2024], seed=6)
    _build(content, tmp_path / "site", tmp_path / "work")
    reads: list[Path] = []
    for method in ("read_bytes", "read_text"):
        original = getattr(Path, method)
        monkeypatch.setattr(Path, method, lambda self, *a, _f=original, **k: reads.append(self) or _f(self, *a, **k))
    assert _build(content, tmp_path / "site", tmp_path / "work").built == []
    assert [p for p in reads if content in p.parents and p.name != "portal.yml"] == []
    path = content / "sintetis-02/kecamatan-01/2024/realisasi.csv"
    text = path.read_text(encoding="utf-8")
    edited = re.sub(r"^aduan,,,,,(\d)", lambda m: f"aduan,,,,,{(int(m[1]) + 1) % 10}", text, flags=re.M)
    assert len(edited) == len(text) and edited != text
    path.write_text(edited, encoding="utf-8")
    reads.clear()
    assert _build(content, tmp_path / "site", tmp_path / "work").built == ["sintetis-02", "_portal"]
    assert path in reads and not [p for p in reads if content / "sintetis-02/kecamatan-02" in p.parents]
    full = _build(content, tmp_path / "site-penuh", tmp_path / "work-penuh").site
    assert _files(tmp_path / "site") == _files(full)


def test_a_rebuild_after_a_code_change_rebuilds_every_shard_and_removes_their_old_output(tmp_path, monkeypatch):
    """After a change of the generator's code every shard is built again over the existing work
    folder and site: the same bytes as before (the content did not change), and the replaced
    outputs, kept until publishing (their data is the last link of the old published copies),
    are gone from the work folder afterwards. A page whose bytes did not change is the last
    output's file again, with its `.gz`: not compressed again."""
    content, work = tmp_path / "content", tmp_path / "work"
    portal_sintetis(content, 2, 1, [2024], seed=8)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735689600")
    site = _build(content, tmp_path / "site", work).site
    before = _files(site)
    pages = [
        work / "shard" / shard / "site" / name
        for shard in ("sintetis-01", "_portal")
        for name in ("index.html", "index.html.gz")
    ]
    inodes = [page.stat().st_ino for page in pages]
    monkeypatch.setattr("generator.build.site.code_digest", lambda: "another generator")
    rebuilt = _build(content, site, work)
    assert rebuilt.built == ["sintetis-01", "sintetis-02", "_portal"]
    assert _files(site) == before and _staging_folders(site) == []
    assert not (work / "shard" / TRASH).exists()
    assert [page.stat().st_ino for page in pages] == inodes


def test_a_failed_incremental_build_leaves_the_site_as_it_was(tmp_path):
    """A kabupaten that built (and was staged in the site) is not published when another fails."""
    content = tmp_path / "content"
    portal_sintetis(content, 2, 1, [2024], seed=8)
    site = _build(content, tmp_path / "site", tmp_path / "work").site
    before = _files(site)
    _change_one_value(content)
    broken = content / "sintetis-02/kecamatan-01/2024/kinerja.yml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("pk_awal: 80", "pk_awal: 8o"), encoding="utf-8")
    with pytest.raises(ContentError):
        _build(content, site, tmp_path / "work")
    assert _files(site) == before and _staging_folders(site) == []


def test_damaged_records_in_the_work_folder_are_ignored(tmp_path):
    """The work folder's hashes and validated kecamatan are only a cache: damaged, they are
    rebuilt, never trusted."""
    content, work = tmp_path / "content", tmp_path / "work"
    portal_sintetis(content, 1, 2, [2024], seed=9)
    site = _build(content, tmp_path / "site", work).site
    (work / "shard/content-hashes.json").write_text('{"files": [1, 2], "names": 3}', encoding="utf-8")
    record = next((work / "shard/sintetis-01/kecamatan").glob("kecamatan-02.*"))  # its files unchanged: its key holds
    record.write_bytes(pickle.dumps("rusak"))
    _change_one_value(content)
    assert _build(content, site, work).built == ["sintetis-01", "_portal"]
    next((work / "shard/sintetis-01/kecamatan").glob("kecamatan-02.*")).write_bytes(b"rusak")
    _change_one_value(content)
    _build(content, site, work)
    assert _files(site) == _files(_build(content, tmp_path / "site-penuh", tmp_path / "work-penuh").site)


def test_kecamatan_validated_in_processes_are_the_shards_own_and_problems_are_left_to_it(tmp_path):
    """On two cores the kecamatan of a shard are loaded and validated by two processes, each
    writing the record of a kecamatan without problems (in place of its old ones); the shard's
    own validation finds the same data, and reads and reports a kecamatan with an error or a
    warning itself. A kecamatan folder that is a symlink is never followed."""
    content = tmp_path / "content"
    portal_sintetis(content, 1, 4, [2024], seed=3)
    kabupaten, records = content / "sintetis-01", tmp_path / "records"
    error, warning = kabupaten / "kecamatan-02/kecamatan.yml", kabupaten / "kecamatan-03/kecamatan.yml"
    correct = error.read_text(encoding="utf-8")
    error.write_text(correct + "kolom_asing: 1\n", encoding="utf-8")
    warning.write_text(warning.read_text(encoding="utf-8").replace("persen: 15", "persen: 16"), encoding="utf-8")
    records.mkdir()
    (records / "kecamatan-01.lama.pickle").write_bytes(b"")
    outside = tmp_path / "luar/kecamatan-04"  # a valid kecamatan, linked in: never followed
    outside.parent.mkdir()
    (kabupaten / "kecamatan-04").rename(outside)
    (kabupaten / "kecamatan-04").symlink_to(outside)
    keys = {f"kecamatan-0{n}": f"kunci{n}" for n in range(1, 5)}
    shard_module.prevalidate(kabupaten, records, keys, 2)
    assert sorted(p.name for p in records.iterdir()) == ["kecamatan-01.kunci1.pickle"]
    problems = {}
    for jobs in (1, 2):
        with pytest.raises(ContentError) as raised:
            _build(content, tmp_path / f"site-{jobs}", tmp_path / f"work-{jobs}", jobs)
        problems[jobs] = [p.render(content) for p in raised.value.problems]
    assert problems[1] == problems[2] and any("kolom_asing" in p for p in problems[2])
    (kabupaten / "kecamatan-04").unlink()
    outside.rename(kabupaten / "kecamatan-04")
    shard_module.prevalidate(kabupaten, records, keys, 2)
    assert sorted(p.name for p in records.iterdir()) == ["kecamatan-01.kunci1.pickle", "kecamatan-04.kunci4.pickle"]
    error.write_text(correct, encoding="utf-8")
    own = validate(load_content(content)).kabupaten[0].kecamatan
    assert [pickle.loads((records / f"kecamatan-0{n}.kunci{n}.pickle").read_bytes()) for n in (1, 4)] == [
        own[0],
        own[3],
    ]


def test_the_portal_shard_updated_in_place_publishes_no_search_file_of_the_last_index(tmp_path, monkeypatch):
    """After one changed value the portal's own shard is updated in place (MkDocs' dirty mode),
    and a file of the last search index that the new one lacks (and its .gz) is removed."""
    content, work = tmp_path / "content", tmp_path / "work"
    portal_sintetis(content, 1, 2, [2024], seed=9)
    site = _build(content, tmp_path / "site", work).site
    last_index = work / "shard/_portal/site/cari/k"
    (last_index / "lama.json").write_text("{}", encoding="utf-8")
    (last_index / "lama.json.gz").write_bytes(gzip.compress(b"{}"))
    in_place: list[str] = []

    def rebuild_changed(target: Path, *args: object) -> None:
        in_place.append(target.parent.name)
        shard_module_rebuild(target, *args)

    shard_module_rebuild = shard_module.rebuild_changed
    monkeypatch.setattr(shard_module, "rebuild_changed", rebuild_changed)
    _change_one_value(content)
    _build(content, site, work)
    assert "_portal" in in_place
    assert not {"cari/k/lama.json", "cari/k/lama.json.gz"} & set(_files(site))
    assert _files(site) == _files(_build(content, tmp_path / "site-penuh", tmp_path / "work-penuh").site)


def test_a_summary_of_another_kind_is_not_reused(tmp_path):
    """A shard's summary.pickle that holds something else is rebuilt, not trusted (it made the
    link check fail with an AttributeError)."""
    content, work = tmp_path / "content", tmp_path / "work"
    portal_sintetis(content, 1, 2, [2024], seed=9)
    site = _build(content, tmp_path / "site", work).site
    before = _files(site)
    for shard in ("sintetis-01", "_portal"):
        (work / "shard" / shard / "summary.pickle").write_bytes(pickle.dumps("rusak"))
    assert _build(content, site, work).built == ["sintetis-01", "_portal"]
    assert _files(site) == before


def test_a_shard_whose_output_lost_a_page_is_rebuilt(tmp_path):
    """An unchanged shard is reused only while every page of its last output is there: a page
    deleted from the work folder (by hand, a disk tool) is built again, in the kabupaten's shard
    and in the portal's."""
    content, work = tmp_path / "content", tmp_path / "work"
    portal_sintetis(content, 2, 2, [2024], seed=9)
    site = _build(content, tmp_path / "site", work).site
    before = _files(site)
    (work / "shard/sintetis-02/site/kecamatan-02/2024/index.html").unlink()
    (work / "shard/_portal/site/index.html").unlink()
    assert _build(content, site, work).built == ["sintetis-02", "_portal"]
    assert _build(content, site, work).built == []
    assert _files(site) == before


def test_an_incremental_build_compresses_again_only_the_files_it_wrote(portal):
    """In the work folder, a `.gz` is new exactly when its file is new (an incremental build
    updates the last output, writing only changed files): in the rebuilt kabupaten, the changed
    pages and the files every build writes; and it holds the new file's bytes."""
    before, after = portal["shard_stamps"]
    site = portal["site"]
    copies = [p for p in after if p.endswith(".gz")]
    new = {p[:-3] for p in copies if before.get(p) != after[p]}
    assert new == {p[:-3] for p in copies if before.get(p[:-3]) != after[p[:-3]]}
    assert "kecamatan-01/2024/index.html" in new and len(copies) > 5 * len(new) > 0
    published = [site / "sintetis-01" / p for p in new if p not in ROOT_ONLY]  # one 404 page, at the root
    assert all(gzip.decompress(p.with_name(p.name + ".gz").read_bytes()) == p.read_bytes() for p in published)


def test_a_killed_shard_worker_fails_the_build_and_leaves_the_published_site(tmp_path, monkeypatch):
    """A worker process killed while it builds a kabupaten (the kernel does so when memory runs
    out) ends the build with an error instead of a build that waits for ever."""
    content, site, work = tmp_path / "content", tmp_path / "site", tmp_path / "work"
    portal_sintetis(content, 3, 1, [2024], seed=5)
    _build(content, site, work)
    before = _files(site)
    _change_one_value(content)
    shutil.rmtree(work / "shard/sintetis-02")  # sintetis-01 changed: both are built, in two workers
    monkeypatch.setattr(shard_module, "build_kabupaten", _killed_building_sintetis_02)
    with _at_most(120), pytest.raises(BuildError, match="berhenti tiba-tiba"):
        _build(content, site, work)
    assert _files(site) == before

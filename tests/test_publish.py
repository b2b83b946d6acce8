"""Publishing (issue 19): the served path is a link switched in one rename to a version folder
outside the served tree; published files are copies the work folder cannot change; the version
shown before is kept and older ones removed; one build at a time; and a build killed at any
moment leaves the served tree byte for byte the old site or the new one, and the next build
succeeds."""

from __future__ import annotations

import errno
import json
import multiprocessing
import os
import random
import re
import shutil
import signal
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import pytest
from conftest import BUILD_DATE
from test_hostile_input import kinerja

from generator.build import build_site, publish
from generator.build.files import (
    Journal,
    TrashRemover,
    copied_unchanged,
    copy_file,
    hard_link,
    keep_unchanged,
    replace_folder,
    sync_tree,
    undo_journal,
)
from generator.build.lock import exclusive
from generator.build.publish import Publication, versions_folder
from generator.problems import ContentError
from generator.synthetic.portal import portal_sintetis

FORK = multiprocessing.get_context("fork")
VERSION_NAME = re.compile("[0-9]+")


def _files(root: Path) -> dict[str, bytes] | None:
    """Every file under `root` (hidden ones too) with its bytes; None when there is no site."""
    if not root.exists():
        return None
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _build(content: Path, site: Path, work: Path) -> Any:
    return build_site(content, site, work, lambda _: None, 1)


def _change(content: Path, by: float = 1.25, kabupaten: str = "sintetis-01") -> None:
    """One value of one kecamatan changed: its kabupaten's shard and the portal's are rebuilt."""
    path = content / kabupaten / "kecamatan-01/2024/realisasi.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    cells = lines[1].split(",")
    cells[5] = str(round(float(cells[5]) + by, 2))
    lines[1] = ",".join(cells)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _shown_and_previous(site: Path) -> tuple[Path, Path]:
    """The version `site` shows and the one shown before it (the only other one with a record
    when no spare is there)."""
    shown = site.resolve()
    numbers = [int(p.stem) for p in versions_folder(site).glob("*.json") if p.stem != shown.name]
    assert len(numbers) == 1
    return shown, versions_folder(site) / str(numbers[0])


@pytest.fixture
def small(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A synthetic portal of one kabupaten with two kecamatan."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_DATE)
    portal_sintetis(tmp_path / "content", 1, 2, [2024], seed=19)
    return tmp_path


# Layout -------------------------------------------------------------------------------------


@pytest.mark.slow
def test_the_site_is_a_link_to_a_version_beside_it_readable_by_everyone(small):
    site = _build(small / "content", small / "site", small / "work").site
    assert site == small / "site" and site.is_symlink()
    assert os.readlink(site) == ".site.versi/1"
    assert sorted(p.name for p in versions_folder(site).iterdir()) == ["1", "1.json", "kunci"]
    assert [p.name for p in site.glob(".*")] == [".htaccess"]  # nothing staged inside
    assert all(p.stat().st_mode & 0o777 == 0o755 for p in (versions_folder(site), site, site / "sintetis-01"))


@pytest.mark.slow
def test_published_files_are_copies_that_the_work_folder_cannot_change(small):
    site = _build(small / "content", small / "site", small / "work").site
    work = small / "work/shard/sintetis-01/site"
    page = "kecamatan-01/2024/index.html"
    assert (site / "sintetis-01" / page).stat().st_ino != (work / page).stat().st_ino
    assert all(p.stat().st_nlink == 1 for p in site.rglob("*") if p.is_file())
    before = _files(site)
    with open(work / page, "a", encoding="utf-8") as f:  # a clerk editing the work folder
        f.write("<script>alert(1)</script>")
    assert _files(site) == before


@pytest.mark.slow
def test_the_previous_version_is_kept_and_older_ones_removed(small):
    content, site, work = small / "content", small / "site", small / "work"
    shown = []
    for n in range(3):
        _change(content, n + 1)
        _build(content, site, work)
        shown.append(_files(site))
    assert os.readlink(site) == ".site.versi/3"
    assert sorted(p.name for p in versions_folder(site).iterdir()) == ["2", "2.json", "3", "3.json", "kunci"]
    assert _files(versions_folder(site) / "2") == shown[1]  # the previous site, whole: to go back by hand
    assert _build(content, site, work).built == [] and os.readlink(site) == ".site.versi/3"


@pytest.mark.slow
def test_an_unchanged_kabupaten_shares_its_files_with_the_previous_version(tmp_path, monkeypatch):
    """Versions never change a published file, so an unchanged shard is linked, not copied."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_DATE)
    content, site, work = tmp_path / "content", tmp_path / "site", tmp_path / "work"
    portal_sintetis(content, 2, 1, [2024], seed=19)
    _build(content, site, work)
    _change(content)
    _build(content, site, work)
    new, old = _shown_and_previous(site)
    unchanged = [p.relative_to(old) for p in (old / "sintetis-02").rglob("*") if p.is_file()]
    assert len(unchanged) > 20
    assert all((old / p).stat().st_ino == (new / p).stat().st_ino for p in unchanged)
    changed = Path("sintetis-01/kecamatan-01/2024/index.html")
    assert (old / changed).read_bytes() != (new / changed).read_bytes()


@pytest.mark.slow
def test_a_new_version_is_made_from_the_version_before_the_shown_one(tmp_path, monkeypatch):
    """From the third build on, publishing a change makes only the files that differ from the
    version before the shown one, which becomes the new version: an unchanged kabupaten stays
    where it is (same files), nothing is removed file by file."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_DATE)
    content, site, work = tmp_path / "content", tmp_path / "site", tmp_path / "work"
    portal_sintetis(content, 2, 1, [2024], seed=19)
    made: list[str] = []
    real_copy, real_link = Publication._copy, publish.hard_link
    monkeypatch.setattr(Publication, "_copy", lambda self, a, b: (made.append(b), real_copy(self, a, b)))
    monkeypatch.setattr(publish, "hard_link", lambda a, b: (made.append(b), real_link(a, b)))
    versions, shown = versions_folder(site), []
    for n in range(3):
        _change(content, n + 1)
        if n == 2:
            before = _shown_and_previous(site)[1]
            older = {p: (before / p).stat().st_ino for p in _files(before) or {}}
            older_bytes = _files(before) or {}
        made.clear()
        _build(content, site, work)
        shown.append(_files(site))
    now, previous = _shown_and_previous(site)
    assert sorted(p.name for p in versions.iterdir()) == sorted(
        [previous.name, f"{previous.name}.json", now.name, f"{now.name}.json", "kunci"]
    )
    assert _files(previous) == shown[1] and _files(site) == shown[2]
    new = {os.path.relpath(path, now) for path in made}
    differ = {p for p, data in shown[2].items() if older_bytes.get(p) != data}
    assert new and new <= differ | {"sitemap.xml", "sitemap.xml.gz"}  # the sitemap is merged when published
    kept = [p for p in shown[2] if p.startswith("sintetis-02/")]
    assert kept and all((now / p).stat().st_ino == older[p] for p in kept)


@pytest.mark.slow
def test_with_no_version_before_the_shown_one_a_process_links_the_unchanged_kabupaten(tmp_path, monkeypatch):
    """With no version before the shown one (its spare gone, or a site published before
    spares), every file of the unchanged kabupaten is linked into the new version: by a forked
    process, while the changed shard builds in this one. The site is the one a build from
    scratch gives."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_DATE)
    content, site, work = tmp_path / "content", tmp_path / "site", tmp_path / "work"
    portal_sintetis(content, 3, 1, [2024], seed=19)
    _build(content, site, work)
    shown = site.resolve()
    for version in versions_folder(site).iterdir():
        if version.name not in (shown.name, f"{shown.name}.json", "kunci"):
            _remove_version_or_record(version)
    _change(content)
    log, real_link = tmp_path / "links.txt", publish.hard_link
    new = versions_folder(site) / str(int(shown.name) + 1)

    def logged(source: str, target: str) -> None:
        with open(log, "a", encoding="utf-8") as f:
            f.write(f"{os.getpid()} {os.path.relpath(target, new)}\n")
        real_link(source, target)

    monkeypatch.setattr(publish, "hard_link", logged)
    _build(content, site, work)
    links = [line.split(" ", 1) for line in log.read_text(encoding="utf-8").splitlines()]
    unchanged = [pid for pid, path in links if path.startswith(("sintetis-02/", "sintetis-03/"))]
    assert len(unchanged) > 40 and str(os.getpid()) not in unchanged and len(set(unchanged)) == 1
    assert site.resolve() == new
    _build(content, tmp_path / "anew", tmp_path / "work-anew")
    assert _files(site) == _files(tmp_path / "anew")


def _remove_version_or_record(path: Path) -> None:
    shutil.rmtree(path) if path.is_dir() else path.unlink()


@pytest.mark.slow
def test_a_build_that_changed_most_kabupaten_leaves_a_spare_the_next_edit_is_made_from(tmp_path, monkeypatch):
    """The first build (or one after the generator changed) leaves a copy of the shown version
    just below it: the next edit renames it and makes only what that edit changed, so a
    clerk's first change does not link every file of the portal."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_DATE)
    content, site, work = tmp_path / "content", tmp_path / "site", tmp_path / "work"
    portal_sintetis(content, 3, 1, [2024], seed=19)
    _build(content, site, work)
    versions, shown = versions_folder(site), site.resolve()
    spare = versions / str(int(shown.name) - 1)
    assert sorted(p.name for p in versions.iterdir()) == sorted(
        [spare.name, f"{spare.name}.json", shown.name, f"{shown.name}.json", "kunci"]
    )
    assert (versions / f"{spare.name}.json").read_bytes() == (versions / f"{shown.name}.json").read_bytes()
    files = _files(shown) or {}
    assert _files(spare) == files and all((spare / p).stat().st_ino == (shown / p).stat().st_ino for p in files)
    made: list[str] = []
    real_copy, real_link = Publication._copy, publish.hard_link
    monkeypatch.setattr(Publication, "_copy", lambda self, a, b: (made.append(b), real_copy(self, a, b)))
    monkeypatch.setattr(publish, "hard_link", lambda a, b: (made.append(b), real_link(a, b)))
    _change(content)
    _build(content, site, work)
    now, previous = _shown_and_previous(site)  # one kabupaten changed: no spare this time
    assert previous == shown and not spare.exists()
    assert made and all(not os.path.relpath(p, now).startswith(("sintetis-02", "sintetis-03")) for p in made)
    _build(content, tmp_path / "anew", tmp_path / "work-anew")
    assert _files(site) == _files(tmp_path / "anew")


@pytest.mark.slow
def test_a_spare_left_without_its_record_is_not_used_and_is_removed(tmp_path, monkeypatch):
    """A build killed while it made its spare (the record is written last) leaves one the next
    build must not trust: it makes its version from the previous one and removes the spare."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_DATE)
    content, site, work = tmp_path / "content", tmp_path / "site", tmp_path / "work"
    portal_sintetis(content, 2, 1, [2024], seed=19)
    _build(content, site, work)
    _change(content, 2, "sintetis-02")
    _change(content)
    _build(content, site, work)  # both kabupaten changed: a spare again
    shown = site.resolve()
    spare = versions_folder(site) / str(int(shown.name) - 1)
    (versions_folder(site) / f"{spare.name}.json").unlink()
    shutil.rmtree(spare / "sintetis-02")  # half made
    _change(content, 3)
    _build(content, site, work)
    assert _shown_and_previous(site)[1] == shown and not spare.exists()
    _build(content, tmp_path / "anew", tmp_path / "work-anew")
    assert _files(site) == _files(tmp_path / "anew")


@pytest.mark.slow
def test_a_spare_that_cannot_be_made_leaves_the_build_published(tmp_path, monkeypatch):
    """The site is switched before the spare is linked: a full disk then costs the spare, not
    the build (which exits 0 with the new site) nor the next edit."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_DATE)
    content, site, work = tmp_path / "content", tmp_path / "site", tmp_path / "work"
    portal_sintetis(content, 2, 1, [2024], seed=19)

    def full_disk(source: Path, target: Path, processes: int) -> None:
        target.mkdir()
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(publish, "_link_copy", full_disk)
        _build(content, site, work)
    shown = site.resolve()
    assert sorted(p.name for p in versions_folder(site).iterdir()) == sorted(
        [str(int(shown.name) - 1), shown.name, f"{shown.name}.json", "kunci"]  # the spare without a record
    )
    _change(content)
    _build(content, site, work)
    assert sorted(p.name for p in versions_folder(site).iterdir()) == sorted(
        [shown.name, f"{shown.name}.json", site.resolve().name, f"{site.resolve().name}.json", "kunci"]
    )
    _build(content, tmp_path / "anew", tmp_path / "work-anew")
    assert _files(site) == _files(tmp_path / "anew")


def _entries(root: Path) -> dict[str, tuple[bool, int, bytes | None]]:
    """Every file and folder under `root`: whether a folder, its inode, a file's bytes."""
    return {
        p.relative_to(root).as_posix(): (p.is_dir(), p.stat().st_ino, None if p.is_dir() else p.read_bytes())
        for p in sorted(root.rglob("*"))
    }


@pytest.mark.slow
@pytest.mark.parametrize("failure", ["galat", "ctrl-c", "switch"])
def test_a_failed_build_leaves_the_version_before_the_shown_one_as_it_was(tmp_path, monkeypatch, failure):
    """A build that fails after it started making its new version from the version before the
    shown one (a kabupaten staged in it, another linked by `prepare`'s process; then a content
    error in a third, or Ctrl-C: SIGINT to that process as it links, KeyboardInterrupt here; or
    a full disk at the switch, after the sitemap and the record were written)
    puts that version back as it was: the same files, inodes and record, to go back to by
    hand; the next build makes its version from it and equals a build from scratch."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_DATE)
    monkeypatch.setattr(publish, "spare_pays", lambda changed, kabupaten: False)
    content, site, work = tmp_path / "content", tmp_path / "site", tmp_path / "work"
    portal_sintetis(content, 3, 1, [2024], seed=19)
    _build(content, site, work)
    _change(content)
    _change(content, 2, "sintetis-02")
    _build(content, site, work)
    shown, previous = _shown_and_previous(site)
    versions = versions_folder(site)
    listing, before = sorted(p.name for p in versions.iterdir()), _entries(previous)
    record, published = (versions / f"{previous.name}.json").read_bytes(), _files(site)
    undone: list[str] = []
    real_undo = publish.undo_journal
    monkeypatch.setattr(
        publish, "undo_journal", lambda log: (undone.extend(log.read_text().splitlines()[1:]), real_undo(log))[1]
    )
    _change(content, 3)  # sintetis-01 staged; sintetis-02, unchanged since the shown version, linked
    broken = content / "sintetis-03/kecamatan-01/2024/realisasi.csv"
    good = broken.read_text(encoding="utf-8")
    if failure == "galat":
        lines = good.splitlines()
        cells = lines[1].split(",")
        cells[5] = "tiga"
        broken.write_text("\n".join([lines[0], ",".join(cells), *lines[2:]]) + "\n", encoding="utf-8")
    elif failure == "switch":

        def full_disk(self: Publication, fresh: Path) -> None:
            raise OSError(errno.ENOSPC, "penuh", str(fresh))

        monkeypatch.setattr(Publication, "_switch", full_disk)
    else:
        tests, real_link = os.getpid(), publish.hard_link

        def interrupted(source: str, target: str) -> None:
            if os.getpid() != tests:
                os.kill(os.getpid(), signal.SIGINT)
            real_link(source, target)

        def ctrl_c(shards: list[Any]) -> list[str]:
            raise KeyboardInterrupt

        monkeypatch.setattr(publish, "hard_link", interrupted)
        monkeypatch.setattr("generator.build.site.check_links", ctrl_c)
    with pytest.raises({"galat": ContentError, "ctrl-c": KeyboardInterrupt, "switch": OSError}[failure]):
        _build(content, site, work)
    assert sorted(p.name for p in versions.iterdir()) == listing and _files(site) == published
    assert _entries(previous) == before and (versions / f"{previous.name}.json").read_bytes() == record
    changed = {Path(json.loads(line)[1]).relative_to(versions).parts[1] for line in undone}  # in the new version
    assert {"sintetis-01", "sintetis-02"} <= changed, changed  # both placings were undone
    folder = previous.stat().st_ino
    broken.write_text(good, encoding="utf-8")
    monkeypatch.undo()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_DATE)
    monkeypatch.setattr(publish, "spare_pays", lambda changed, kabupaten: False)
    _build(content, site, work)
    now, kept = _shown_and_previous(site)
    assert kept == shown and not previous.exists() and now.stat().st_ino == folder  # made from it
    _build(content, tmp_path / "anew", tmp_path / "work-anew")
    assert _files(site) == _files(tmp_path / "anew")


@pytest.mark.slow
def test_a_version_loses_its_record_before_its_files(small, monkeypatch):
    """A build killed while it removes an old version must not leave one with a record and half
    its files: the next build would make its new version from it and trust what it lacks."""
    content, site, work = small / "content", small / "site", small / "work"
    _build(content, site, work)
    versions, shown = versions_folder(site), site.resolve()
    for number in range(int(shown.name) + 1, int(shown.name) + 4):  # whole versions never shown
        shutil.copytree(shown, versions / str(number), copy_function=os.link)
        shutil.copy(versions / f"{shown.name}.json", versions / f"{number}.json")
    removed: list[str] = []
    real_remove = publish._remove
    monkeypatch.setattr(publish, "_remove", lambda path: (removed.append(path.name), real_remove(path)))
    _change(content)
    _build(content, site, work)
    folders = [name for name in removed if VERSION_NAME.fullmatch(name)]
    assert len(folders) == 3 and all(f"{name}.json" in removed[: removed.index(name)] for name in folders)


@pytest.mark.parametrize(
    "changed, kabupaten, spare",
    [
        (0, 1, False),
        (1, 1, False),
        (1, 2, False),
        (2, 2, True),
        (2, 3, True),
        (2, 5, False),
        (19, 38, True),
        (18, 38, False),
        (38, 38, True),
    ],
)
def test_a_spare_pays_after_a_build_that_changed_at_least_two_and_half_the_kabupaten(changed, kabupaten, spare):
    assert publish.spare_pays(changed, kabupaten) is spare


@pytest.mark.slow
def test_what_an_interrupted_build_left_is_removed(small):
    content, site, work = small / "content", small / "site", small / "work"
    _build(content, site, work)
    versions = versions_folder(site)
    shutil.copytree(versions / "1", versions / "2")  # half a version
    (versions / "2.json.baru").write_text("{", encoding="utf-8")
    (small / ".site.baru").symlink_to(".site.versi/2")  # a link not renamed into place
    _change(content)
    _build(content, site, work)
    assert os.readlink(site) == ".site.versi/2"
    assert sorted(p.name for p in versions.iterdir()) == ["1", "1.json", "2", "2.json", "kunci"]
    assert not os.path.lexists(small / ".site.baru")


@pytest.mark.slow
def test_a_site_folder_published_before_versions_becomes_the_previous_version(small):
    content, site, work = small / "content", small / "site", small / "work"
    (site / "lama").mkdir(parents=True)
    (site / "lama/index.html").write_text("situs lama", encoding="utf-8")
    _build(content, site, work)
    assert site.is_symlink() and not (site / "lama").exists()
    assert (versions_folder(site) / "0/lama/index.html").read_text(encoding="utf-8") == "situs lama"
    _change(content)
    _build(content, site, work)
    assert not (versions_folder(site) / "0").exists()


# Two builds at once ---------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("shared", ["folder-kerja", "situs"])
def test_a_second_build_at_the_same_time_exits_with_a_galat_line(small, shared):
    content, site = small / "content", small / "site"
    _build(content, site, small / "work")
    before = _files(site)
    _change(content)
    held = small / "work" if shared == "folder-kerja" else versions_folder(site)
    work = small / "work" if shared == "folder-kerja" else small / "work-lain"
    with exclusive(held, "uji"):
        result = kinerja("build", "--content", content, "--site", site, "--work", work)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    what = f"folder kerja {work}" if shared == "folder-kerja" else f"situs {site}"
    assert f"GALAT pembangunan situs: {what} sedang dipakai oleh pembangunan lain (proses {os.getpid()})" in (
        result.stderr
    )
    assert _files(site) == before
    assert kinerja("build", "--content", content, "--site", site, "--work", work).returncode == 0


def _idle(ready: Any) -> None:
    ready.set()
    time.sleep(30)


def test_a_forked_shard_worker_does_not_keep_the_lock(tmp_path):
    with exclusive(tmp_path, "uji"):
        ready = FORK.Event()
        worker = FORK.Process(target=_idle, args=(ready,))
        worker.start()
        assert ready.wait(30)  # the worker runs (its copy of the lock closed as it was forked)
    try:
        with exclusive(tmp_path, "uji"):  # the worker still runs: the lock is free all the same
            pass
    finally:
        worker.kill()
        worker.join()


# Killed builds --------------------------------------------------------------------------------

#: Kill points, and the seed of their moments (the same moments every run).
KILLS, SEED = 50, 19
#: Phases of a build as its markers tell them: before publishing; assembling the new version
#: (leftovers removed, shards copied); switching to it (record, link, rename, pruning); after.
PHASES = ("bangun", "rakit", "alih", "selesai")
#: Where kill points aim, with weights: before publishing, anywhere, while assembling, while switching.
AIMS = {"bangun": 1, "mana saja": 1, "rakit": 2, "alih": 2}


def _slowed(rng: random.Random, send: Callable[[str], None]) -> None:
    """In the build's process: mark where publishing starts and switches, and make each step
    of the switch take a random moment, so that kill points land between any two of them."""

    def slow(fn: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            time.sleep(rng.uniform(0, 0.02))
            return fn(*args, **kwargs)

        return wrapper

    for module, name in (
        (os, "replace"),
        (os, "rename"),
        (os, "symlink"),
        (shutil, "rmtree"),
        (publish, "sync_tree"),
        (publish, "write_with_gzip"),
    ):
        setattr(module, name, slow(getattr(module, name)))
    init, commit = Publication.__init__, Publication.commit

    def marked_init(self: Publication, *args: Any) -> None:
        send("rakit")
        init(self, *args)

    def marked_commit(self: Publication, *args: Any) -> bool:
        send("alih")
        changed = commit(self, *args)
        send("selesai")
        return changed

    Publication.__init__, Publication.commit = marked_init, marked_commit  # type: ignore[method-assign]


def _child(content: Path, site: Path, work: Path, conn: Connection, seed: int) -> None:
    start = time.perf_counter()
    _slowed(random.Random(seed), lambda phase: conn.send((phase, time.perf_counter() - start)))
    _build(content, site, work)


def _run(args: tuple[Path, Path, Path], seed: int, aim: str | None = None, delay: float = 0.0) -> dict[str, float]:
    """A build in a forked process, killed `delay` seconds after it reached the phase `aim`
    (None: left to finish); the phases it reached, with their moments."""
    parent, child = FORK.Pipe(duplex=False)
    process = FORK.Process(target=_child, args=(*args, child, seed))
    process.start()
    child.close()
    reached = {"bangun": 0.0}

    def receive(timeout: float) -> bool:
        try:
            if not parent.poll(timeout):
                return False
            phase, at = parent.recv()
        except EOFError:  # the build ended
            return False
        reached[phase] = at
        return True

    if aim is not None:
        while aim not in reached and receive(30):
            pass
        time.sleep(delay)
        os.kill(process.pid, signal.SIGKILL)
    process.join(60)
    while receive(0):
        pass
    assert process.exitcode in ((-signal.SIGKILL, 0) if aim is not None else (0,))
    return reached


def _lengths(runs: list[dict[str, float]]) -> dict[str, float]:
    """How long what each aim aims at took in the shortest of these whole builds (one slowed
    by a busy machine would aim kill points past their phases, one with long random steps past
    the switch of most others)."""
    return {
        "bangun": min(run["rakit"] for run in runs),
        "mana saja": min(run["selesai"] for run in runs),
        "rakit": min(run["alih"] - run["rakit"] for run in runs),
        "alih": min(run["selesai"] - run["alih"] for run in runs),
    }


def _kill_point(rng: random.Random, length: dict[str, float]) -> tuple[str, str, float]:
    """A random kill moment: the phase to wait for and the delay after it (up to the length of
    what is aimed at)."""
    aim = rng.choices(list(AIMS), weights=list(AIMS.values()))[0]
    return "bangun" if aim == "mana saja" else aim, aim, rng.uniform(0, length[aim])


@pytest.mark.slow
def test_a_build_killed_at_any_moment_leaves_the_old_site_or_the_new_one(tmp_path, monkeypatch):
    """Two contents (a value apart in each of their two kabupaten), each built in its own work
    folder into the same site, so that after the first builds every build only publishes, and
    leaves a spare (both kabupaten changed): kills land while it is made too. Each kill point
    kills a build of the content the site does not show, checks the served tree against both
    sites byte for byte, then builds again and expects the new site. The first kill points hit
    the first build ever, when there is no site yet."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_DATE)
    site = tmp_path / "site"
    sides, recorded = [], []
    for name, change in (("a", 0.0), ("b", 1.25)):
        content = tmp_path / f"konten-{name}"
        portal_sintetis(content, 2, 1, [2024], seed=19)
        if change:
            _change(content, change)
            _change(content, change, "sintetis-02")
        _build(content, site, tmp_path / f"kerja-{name}")
        sides.append(((content, site, tmp_path / f"kerja-{name}"), _files(site)))
        recorded.append(json.loads((versions_folder(site) / f"{site.resolve().name}.json").read_text()))
    assert sides[0][1] != sides[1][1]
    # The length of each phase from three whole builds, each publishing the other content with
    # random steps of its own (as the kill points' builds have); the site shows the first
    # content afterwards.
    lengths = _lengths([_run(sides[n % 2][0], SEED + KILLS + n) for n in range(3)])
    rng, landed, restored = random.Random(SEED), dict.fromkeys(PHASES, 0), 0
    shown: int | None = 0
    for n in range(KILLS):
        if n < 3:  # no site yet
            os.unlink(site)
            shutil.rmtree(versions_folder(site))
            shown = None
        new = 1 if shown == 0 else 0
        args, expected = sides[new]
        wait, aim, delay = _kill_point(rng, lengths)
        reached = _run(args, SEED + n, wait, delay)
        landed[max(reached, key=PHASES.index)] += 1
        served = _files(site)
        assert served in (None if shown is None else sides[shown][1], expected), (n, aim, delay, reached)
        restored += _versions_whole_after_restoring(site, recorded, [files for _, files in sides])
        _build(*args)
        assert _files(site) == expected, (
            n,
            aim,
            delay,
            reached,
            sorted(p.name for p in versions_folder(site).iterdir()),
        )
        shown = new
    print(f"kill points by the last phase reached: {landed}, {restored} versions put back; aims: {lengths}")
    assert landed["rakit"] + landed["alih"] >= KILLS // 2 and landed["alih"] >= 10 and landed["bangun"] >= 3
    assert restored >= 5


def _versions_whole_after_restoring(site: Path, recorded: list[dict[str, str]], sites: list[dict[str, bytes]]) -> int:
    """After a kill: the next build's first step puts back the version a killed build was
    making its new one from (when it left its journal); then every version with a record holds
    exactly the site its record names. Whether one was put back."""
    versions = versions_folder(site)
    shown = int(site.resolve().name) if site.is_symlink() else -1
    journals = [  # of a version not shown (a build killed after its switch has nothing to put back)
        json.loads(p.read_text().splitlines()[0]) for p in versions.glob("*.jurnal") if int(p.stem) > shown
    ]
    Publication(site, site.parent / "kerja-a", {})
    for about in (journal["about"] for journal in journals):
        assert (versions / f"{about['versi']}.json").is_file(), about
    for record in versions.glob("*.json") if versions.exists() else []:
        keys = json.loads(record.read_text())
        assert keys in recorded and _files(versions / record.stem) == sites[recorded.index(keys)], record.name
    return len(journals)


def test_a_copy_is_known_unchanged_by_size_and_time_only_when_the_time_has_sub_second_digits(tmp_path):
    source, copy = tmp_path / "a.html", tmp_path / "b.html"
    source.write_bytes(b"<p>baru</p>")
    copy.write_bytes(b"<p>lama</p>")  # same size, other bytes
    os.utime(source, ns=(0, 1_700_000_000_123_456_789))
    os.utime(copy, ns=(0, 1_700_000_000_123_456_789))
    assert copied_unchanged(source, copy)  # copied with its time (shutil.copy2), unchanged since
    os.utime(source, ns=(0, 1_700_000_000_000_000_000))
    os.utime(copy, ns=(0, 1_700_000_000_000_000_000))
    assert not copied_unchanged(source, copy)  # whole seconds: the bytes decide
    os.utime(copy, ns=(0, 1_600_000_000_000_000_000))
    copy.write_bytes(b"<p>baru</p>")
    assert copied_unchanged(source, copy) and not copied_unchanged(source, tmp_path / "none")


def test_a_published_copy_is_a_new_file_with_the_bytes_mode_and_time_of_its_source(tmp_path):
    source, copy = tmp_path / "a.html", tmp_path / "b.html"
    source.write_bytes(b"<p>halaman</p>" * 1000)
    source.chmod(0o644)
    os.utime(source, ns=(1_600_000_000_000_000_001, 1_700_000_000_123_456_789))
    umask = os.umask(0o077)  # a build run with a strict umask still publishes readable files
    try:
        copy_file(str(source), str(copy))
    finally:
        os.umask(umask)
    assert copy.read_bytes() == source.read_bytes() and copy.stat().st_ino != source.stat().st_ino
    assert copy.stat().st_mode & 0o7777 == 0o644
    assert copy.stat().st_mtime_ns == 1_700_000_000_123_456_789 and copied_unchanged(source, copy)
    with pytest.raises(FileExistsError):  # never written into: other versions may share it
        copy_file(str(source), str(copy))


def test_a_link_is_never_made_over_a_file_that_is_there(tmp_path):
    source, there = tmp_path / "baru.html", tmp_path / "terbit.html"
    source.write_bytes(b"<p>baru</p>")
    there.write_bytes(b"<p>terbit</p>")  # perhaps a published file: never written into
    with pytest.raises(FileExistsError):
        hard_link(str(source), str(there))
    assert there.read_bytes() == b"<p>terbit</p>"


def test_replaced_shard_outputs_are_removed_while_the_build_goes_on(tmp_path):
    trash, site = tmp_path / "_lama", tmp_path / "kab" / "site"
    for generation in ("lama", "baru"):
        fresh = tmp_path / f"site-{generation}"
        (fresh / "a").mkdir(parents=True)
        (fresh / "a/index.html").write_text(generation, encoding="utf-8")
        site.parent.mkdir(exist_ok=True)
        replace_folder(fresh, site, trash)
    (trash / "bagian-x").mkdir()  # a part being brought in (generator/build/parts.py): not the remover's
    remover = TrashRemover(trash, every=0.01)
    deadline = time.monotonic() + 10
    while any(p.name.startswith("diganti-") for p in trash.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.01)
    remover.stop()
    assert [p.name for p in trash.iterdir()] == ["bagian-x"]
    assert (site / "a/index.html").read_text(encoding="utf-8") == "baru"


def _tree(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")


def test_a_tree_is_brought_up_to_date_by_what_differs_never_writing_into_a_file(tmp_path):
    """`sync_tree`: the same file stays (same inode), a changed one is a new file (a tree
    sharing the old one as a hard link keeps its bytes), what the source lacks goes, except
    `skip` (at any depth) and `keep` (at the top); a file and a folder may swap places."""
    source, target, shared = tmp_path / "kerja", tmp_path / "versi", tmp_path / "lain"
    _tree(source, {"a.html": "sama", "b/c.html": "baru", "d/e.html": "berkas", "404.html": "x", "b/404.html": "y"})
    _tree(target, {"a.html": "sama", "b/c.html": "lama", "d": "dulu berkas", "hapus.html": "z", "kab/f.html": "kab"})
    _tree(target, {"lama/g.html": "folder yang hilang"})
    shutil.copy2(source / "a.html", target / "a.html")  # copied with its time: known the same without reading
    shared.mkdir()
    os.link(target / "b/c.html", shared / "c.html")
    same = (target / "a.html").stat().st_ino
    copied: list[str] = []
    sync_tree(
        source,
        target,
        lambda a, b: (copied.append(os.path.relpath(b, target)), shutil.copy2(a, b)),
        skip=("404.html",),
        keep=frozenset({"kab"}),
    )
    files = {p.relative_to(target).as_posix(): p.read_text(encoding="utf-8") for p in target.rglob("*") if p.is_file()}
    assert files == {"a.html": "sama", "b/c.html": "baru", "d/e.html": "berkas", "kab/f.html": "kab"}
    assert (target / "a.html").stat().st_ino == same and sorted(copied) == ["b/c.html", "d/e.html"]
    assert (shared / "c.html").read_text(encoding="utf-8") == "lama"


@pytest.mark.parametrize("fails", [False, True])
def test_a_journal_undoes_what_sync_tree_changed(tmp_path, fails):
    """With a `Journal`, `sync_tree` makes the same tree, what it removes moved into the
    journal's folder; `undo_journal` puts the tree back as it was (the same entries, inodes and bytes),
    also when making a file failed half way (a full disk)."""
    source, target, folder = tmp_path / "kerja", tmp_path / "versi", tmp_path / "versi.lama"
    _tree(source, {"a.html": "sama", "b/c.html": "baru", "b/h.html": "h", "d/e.html": "berkas", "x": "berkas"})
    _tree(source, {"baru/f/g.html": "g", "baru/i.html": "i"})
    _tree(target, {"a.html": "sama", "b/c.html": "lama", "d": "dulu berkas", "x/y.html": "dulu folder"})
    _tree(target, {"hapus.html": "z", "lama/g.html": "folder yang hilang", "kab/f.html": "kab"})
    shutil.copy2(source / "a.html", target / "a.html")
    before = _entries(target)
    made: list[str] = []

    def copy(a: str, b: str) -> None:
        if fails and len(made) == 3:
            raise OSError(errno.ENOSPC, "penuh")
        made.append(b)
        shutil.copy2(a, b)

    journal = Journal(target, folder, tmp_path / "jurnal", {"versi": "5"})
    if fails:
        with pytest.raises(OSError):
            sync_tree(source, target, copy, keep=frozenset({"kab"}), journal=journal)
    else:
        sync_tree(source, target, copy, keep=frozenset({"kab"}), journal=journal)
        files = {
            p.relative_to(target).as_posix(): p.read_text(encoding="utf-8") for p in target.rglob("*") if p.is_file()
        }
        assert files == {
            **{"a.html": "sama", "b/c.html": "baru", "b/h.html": "h", "d/e.html": "berkas", "x": "berkas"},
            **{"baru/f/g.html": "g", "baru/i.html": "i", "kab/f.html": "kab"},
        }
        assert (folder / "hapus.html").read_text(encoding="utf-8") == "z" and (folder / "lama/g.html").is_file()
    journal.close()
    assert undo_journal(tmp_path / "jurnal") == {"versi": "5"} and not (tmp_path / "jurnal").exists()
    assert _entries(target) == before


def test_a_journal_notes_a_move_before_making_it(tmp_path, monkeypatch):
    """A process that dies right after moving a file out of the tree (killed between two
    lines) has noted the move already: undoing from its log puts the file back."""
    source, target, log = tmp_path / "kerja", tmp_path / "versi", tmp_path / "jurnal"
    _tree(source, {"a.html": "baru"})
    _tree(target, {"a.html": "lama", "hapus.html": "z"})
    before = _entries(target)
    real_rename = os.rename

    def moved_then_killed(a: str, b: str) -> None:
        real_rename(a, b)
        raise SystemExit("dihentikan")

    journal = Journal(target, tmp_path / "versi.lama", log, None)
    monkeypatch.setattr(os, "rename", moved_then_killed)
    with pytest.raises(SystemExit):
        sync_tree(source, target, shutil.copy2, journal=journal)
    monkeypatch.undo()
    journal.close()
    undo_journal(log)
    assert _entries(target) == before


@pytest.mark.parametrize(
    "journal",
    [
        "",
        '{"root": 1',
        '{"root": "/", "folder": "/tmp", "about": {"versi": "../../lain", "keys": {}}}\n',
        '{"root": "{versi}/3", "folder": "{versi}/3.lama", "about": {"versi": "2", "keys": {}}}\n[true, "{lain}/a"]\n',
    ],
)
def test_a_damaged_journal_is_not_trusted(tmp_path, journal):
    """A journal cut short, naming no version, or naming a path outside its tree puts nothing
    back and removes nothing outside the versions: the half-made version it belongs to is
    removed as any leftover, and the older versions are left as they are."""
    site, versions = tmp_path / "site", versions_folder(tmp_path / "site")
    _tree(versions / "1", {"index.html": "tampil"})
    (versions / "1.json").write_text("{}", encoding="utf-8")
    site.symlink_to(Path(versions.name) / "1", target_is_directory=True)
    _tree(versions / "3", {"index.html": "setengah"})
    _tree(tmp_path / "lain", {"a": "b"})
    (versions / "3.jurnal").write_text(
        journal.replace("{versi}", str(versions)).replace("{lain}", str(tmp_path / "lain")), encoding="utf-8"
    )
    Publication(site, tmp_path / "work", {})
    assert sorted(p.name for p in versions.iterdir()) == ["1", "1.json"]
    assert _files(tmp_path / "lain") == {"a": b"b"}


def test_a_rebuilt_folder_keeps_the_identity_of_its_unchanged_files(tmp_path):
    """`keep_unchanged`: a new file with the old one's bytes becomes a link to it, with the old
    precompressed copy; a changed file stays new, without one."""
    old, new = tmp_path / "lama", tmp_path / "baru"
    _tree(old, {"a.json": "sama", "a.json.gz": "gz lama", "b.json": "lama", "b.json.gz": "gz b"})
    _tree(new, {"a.json": "sama", "b.json": "baru", "c.json": "tambah"})
    keep_unchanged(new, old)
    assert (new / "a.json").stat().st_ino == (old / "a.json").stat().st_ino
    assert (new / "a.json.gz").stat().st_ino == (old / "a.json.gz").stat().st_ino
    assert (new / "b.json").read_text(encoding="utf-8") == "baru" and not (new / "b.json.gz").exists()
    assert (new / "b.json").stat().st_ino != (old / "b.json").stat().st_ino and (new / "c.json").exists()

"""Work split over forked processes (generator/parallel.py), and a shard built alone by every
core: the same site, byte for byte, as one process gives."""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import threading
import time
import weakref
from concurrent.futures import as_completed
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.connection import Connection
from pathlib import Path

import pytest

from generator.build import build_site
from generator.build import shard as shard_module
from generator.build.hooks import published
from generator.build.site import collections_between_shards
from generator.compute.portal import compute
from generator.load import load_content
from generator.parallel import MIN_ITEMS, ChildError, Forked, cpu_time, in_processes, worker_pool
from generator.render import kabupaten_pages, write_pages
from generator.synthetic.portal import portal_sintetis
from generator.validate import validate


def test_every_part_runs_once_in_its_own_process_and_results_come_in_part_order():
    results = in_processes(lambda part, parts: (part, parts, os.getpid()), 3)
    assert [(part, parts) for part, parts, _ in results] == [(0, 3), (1, 3), (2, 3)]
    assert results[0][2] == os.getpid() and len({pid for _, _, pid in results}) == 3


def test_one_process_is_this_one():
    assert in_processes(lambda part, parts: (part, parts, os.getpid()), 1) == [(0, 1, os.getpid())]


def test_a_forked_part_sees_this_process_state_and_its_writes_stay_its_own():
    seen: list[int] = [7]

    def work(part: int, parts: int) -> int:
        seen.append(part)
        return sum(seen)

    assert in_processes(work, 2) == [7 + 0, 7 + 1]
    assert seen == [7, 0]  # part 1 appended in its own copy


def test_an_error_in_a_forked_part_is_raised_here_as_itself_after_every_part_ended(tmp_path):
    def work(part: int, parts: int) -> int:
        if part == 1:
            raise KeyError("bagian 1")
        (tmp_path / "part-0").write_text("done")
        return part

    with pytest.raises(KeyError, match="bagian 1"):
        in_processes(work, 2)
    assert (tmp_path / "part-0").read_text() == "done"


def test_an_error_that_cannot_be_pickled_comes_back_as_its_text():
    class Local(Exception):  # a local class: pickle cannot find it again
        pass

    def work(part: int, parts: int) -> None:
        if part:
            raise Local("tidak dapat dikirim")

    with pytest.raises(ChildError, match="tidak dapat dikirim"):
        in_processes(work, 2)


def test_a_part_that_dies_without_a_result_is_an_error():
    def work(part: int, parts: int) -> None:
        if part:
            os._exit(3)

    with pytest.raises(ChildError, match="tanpa hasil"):
        in_processes(work, 2)


def test_the_cpu_of_forked_parts_counts_for_the_caller():
    def spin(part: int, parts: int) -> None:
        if part:
            end = cpu_time() + 0.3
            while cpu_time() < end:
                pass

    before = cpu_time()
    in_processes(spin, 2)
    assert cpu_time() - before >= 0.29  # counted in clock ticks (10 ms): 0,3 may read as 0,2999…


def test_forking_while_a_thread_of_this_process_runs():
    """The build forks parts while its trash remover thread removes old outputs."""
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert in_processes(lambda part, parts: part * 10, 2) == [0, 10]
    finally:
        stop.set()
        thread.join()


def test_work_forked_beside_this_process_gives_its_result_or_its_error():
    started = time.perf_counter()
    sleeper = Forked(lambda: (time.sleep(0.3), os.getpid())[1])
    assert time.perf_counter() - started < 0.2  # this process went on meanwhile
    assert sleeper.wait() == sleeper.pid != os.getpid()
    with pytest.raises(ZeroDivisionError):
        Forked(lambda: 1 / 0).wait()


def _forks_a_sleeper(conn: Connection) -> None:
    conn.send(Forked(lambda: time.sleep(60)).pid)
    time.sleep(60)


def _running(pid: int) -> bool:
    """Whether `pid` runs (a zombie no longer does: nobody may reap it in a container)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="utf-8")
    except FileNotFoundError:
        return False
    return "\nState:\tZ" not in status


def test_a_forked_process_ends_when_the_process_that_forked_it_is_killed():
    """A killed build leaves nothing running: its forked parts would go on writing into a work
    folder or a version that the next build uses."""
    fork = multiprocessing.get_context("fork")
    receiving, sending = fork.Pipe(duplex=False)
    build = fork.Process(target=_forks_a_sleeper, args=(sending,))
    build.start()
    assert receiving.poll(30)
    forked = receiving.recv()
    assert _running(forked)
    os.kill(build.pid, signal.SIGKILL)
    build.join(30)
    deadline = time.monotonic() + 10
    while _running(forked) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _running(forked)


def _kill_itself() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def test_a_killed_worker_breaks_the_pool_instead_of_leaving_its_work_waiting_forever():
    """A worker the kernel kills (out of memory) fails the build: multiprocessing.Pool lost the
    task and waited for it for ever."""
    with worker_pool(2) as pool:
        futures = [pool.submit(time.sleep, 0.2), pool.submit(_kill_itself)]
        with pytest.raises(BrokenProcessPool):
            for done in as_completed(futures, timeout=60):
                done.result()


def _note_and_sleep(folder: Path) -> None:
    (folder / str(os.getpid())).touch()
    time.sleep(60)


def test_leaving_the_pool_on_an_error_kills_its_workers_and_starts_no_waiting_work(tmp_path):
    """...and only its workers: another child of the process that made the pool lives on."""
    other = multiprocessing.get_context("fork").Process(target=time.sleep, args=(60,))
    other.start()
    started = time.monotonic()
    with pytest.raises(KeyError), worker_pool(2) as pool:
        for _ in range(4):
            pool.submit(_note_and_sleep, tmp_path)
        while len(list(tmp_path.iterdir())) < 2 and time.monotonic() < started + 30:
            time.sleep(0.05)
        raise KeyError("gagal")
    assert time.monotonic() - started < 30  # not after the 60 s the workers sleep
    time.sleep(0.5)
    workers = [int(p.name) for p in tmp_path.iterdir()]
    assert len(workers) == 2 and not any(_running(pid) for pid in workers)
    assert other.is_alive()
    other.kill()
    other.join()


def test_theme_files_no_page_loads_are_not_published_and_a_kabupaten_leaves_shared_ones_to_the_root():
    assert not published("assets/javascripts/lunr/min/lunr.id.min.js", kabupaten=False)
    assert not published("assets/javascripts/workers/search.1234.min.js", kabupaten=False)
    assert not published("assets/stylesheets/main.abcd.min.css.map", kabupaten=False)
    assert published("assets/stylesheets/main.abcd.min.css", kabupaten=False)
    assert not published("assets/stylesheets/main.abcd.min.css", kabupaten=True)
    assert not published("assets/portal.css", kabupaten=True)
    assert published("kecamatan-01/2024/grafik.svg", kabupaten=True)


def _tree(root):
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.slow
def test_a_shard_built_by_two_processes_is_the_one_process_site_byte_for_byte(tmp_path, monkeypatch):
    """One kabupaten on two cores: its pages rendered, built by MkDocs, indexed, precompressed
    and published by two processes; the site and the search index are the same bytes."""
    portal_sintetis(tmp_path / "content", 1, 8, [2023, 2024], seed=3)
    sites, forks = {}, {}
    fork = os.fork
    for jobs in (1, 2):
        counted: list[int] = []
        monkeypatch.setattr(os, "fork", lambda counted=counted: counted.append(1) or fork())
        result = build_site(
            tmp_path / "content", tmp_path / f"site-{jobs}", tmp_path / f"work-{jobs}", lambda _: None, jobs
        )
        sites[jobs], forks[jobs] = _tree((tmp_path / f"site-{jobs}").resolve()), len(counted)
        assert result.pages >= 2 * MIN_ITEMS
    # kecamatan validated, render, MkDocs, search records, .gz copies, publishing (both shards)
    assert forks == {1: 0, 2: 7}
    assert sites[1].keys() == sites[2].keys()
    assert [name for name in sites[1] if sites[1][name] != sites[2][name]] == []
    assert any(name.endswith(".gz") for name in sites[2]) and "sintetis-01/sitemap.xml" not in sites[2]


@pytest.mark.slow
def test_shards_built_by_worker_processes_split_too_when_cores_are_left(tmp_path, monkeypatch):
    """Two kabupaten on four cores: each worker of the pool builds its shard in two parts (a fork
    inside a worker is counted in a file: the worker's memory is its own)."""
    portal_sintetis(tmp_path / "content", 2, 8, [2023, 2024], seed=4)
    fork, sites, forks = os.fork, {}, {}
    for jobs in (1, 4):
        log = tmp_path / f"forks-{jobs}"
        log.touch()

        def counted(log: Path = log) -> int:
            with log.open("a") as f:
                f.write("fork\n")
            return fork()

        monkeypatch.setattr(os, "fork", counted)
        build_site(tmp_path / "content", tmp_path / f"site-{jobs}", tmp_path / f"work-{jobs}", lambda _: None, jobs)
        sites[jobs], forks[jobs] = _tree((tmp_path / f"site-{jobs}").resolve()), len(log.read_text().splitlines())
    # jobs=4: two pool workers; in each, a second process to validate its kecamatan, render,
    # build, index and compress its shard; the portal's shard published by four, and the spare
    # (both kabupaten were built) linked by four in each of its top folders of 200 files or more
    # (both kabupaten and the search index `cari`)
    assert forks == {1: 0, 4: 2 + 2 * 5 + 3 + 3 * 3}
    assert sites[1].keys() == sites[4].keys()
    assert [name for name in sites[1] if sites[1][name] != sites[4][name]] == []


def test_work_too_small_for_two_parts_stays_in_this_process():
    assert in_processes(lambda part, parts: (parts, os.getpid()), 2, items=2 * MIN_ITEMS - 1) == [(1, os.getpid())]
    assert len(in_processes(lambda part, parts: part, 2, items=2 * MIN_ITEMS)) == 2


@pytest.mark.slow
def test_links_into_other_shards_made_while_rendering_in_forked_parts_reach_the_pages(tmp_path):
    """A page records the pages of other shards it links to while its template renders; when
    another process renders it, the link check must still see them."""
    portal_sintetis(tmp_path / "content", 1, 8, [2023, 2024], seed=3)
    content = validate(load_content(tmp_path / "content"))
    kab = content.kabupaten[0]
    pages = kabupaten_pages(compute(content), kab)
    assert len(pages) >= 2 * MIN_ITEMS
    write_pages(pages, content, tmp_path / "docs", kab.slug, data=tmp_path / "data", processes=2)
    assert all("istilah.md" in page.cross_links for page in pages)  # every page's footer links the glossary


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_process_frees_its_last_shard_s_garbage_before_building_the_next(monkeypatch, jobs):
    """A build does not collect garbage on its own (`site.collections_between_shards`): without
    a collection between shards, what each shard left in reference cycles would pile up in the
    process that builds the next, a worker or the build's own (a worker's peak memory grew with
    the shards it built: 555 MB at 8×18×5, 781 MB at 38×18×5, when collections were only rarer)."""

    class Node:
        pass

    def built(slug: str, task: object) -> tuple[str, bool, bool]:
        return slug, gone() is None, gc.isenabled()

    left = Node()
    left.cycle = left  # garbage only a collection frees
    gone = weakref.ref(left)
    del left
    monkeypatch.setattr(shard_module, "build_kabupaten", built)
    with collections_between_shards():  # the workers fork from here: they hold the garbage too
        shards = sorted(shard_module.run_shards(["a", "b", "c"], task=object(), jobs=jobs))  # type: ignore[arg-type]
    assert shards == [("a", True, False), ("b", True, False), ("c", True, False)]
    assert gc.isenabled()  # as before the build


def test_a_build_s_objects_are_left_to_the_next_full_collection():
    """Without collections during a build, the first allocation after it would collect every
    object the build made that is still alive (0,2 s at 1×21×5, at the end of each build):
    they are in the oldest generation instead."""
    started: list[int] = []

    def collecting(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            started.append(info["generation"])

    with collections_between_shards():
        made = [[] for _ in range(10_000)]
        gc.callbacks.append(collecting)
    try:
        after = [[] for _ in range(10)]
    finally:
        gc.callbacks.remove(collecting)
    assert gc.isenabled() and started == [] and len(made) + len(after) == 10_010

"""Stage 5, build: one MkDocs build (a shard) per kabupaten plus one for the portal's own pages,
run in parallel, each reused while its inputs are unchanged, then assembled into a new version
of the site that `site/` switches to only when everything succeeded (`publish.py`). A failed or
killed build leaves the old site.

A shard's key is a hash of everything its output depends on: the generator's code and templates,
portal.yml, the portal outline (names in the shared navigation) and every file of the
kabupaten with its change date. A shard whose key is unchanged is neither loaded, validated,
computed, rendered nor built again: its last output and summary are reused.

A build can also be spread over machines: `build_part` builds the kabupaten shards of one part,
`assemble_site` takes every part's shards and builds the rest (`generator/build/parts.py`).
"""

from __future__ import annotations

import gc
import os
import resource
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from generator.build.files import TrashRemover, remove_tree
from generator.build.keys import ContentHashes, code_digest, digest, read_outline
from generator.build.lock import exclusive
from generator.build.mkdocs_run import BuildError
from generator.build.parts import Bagian, record, take_parts, unrecord
from generator.build.publish import PORTAL_SHARD, Publication, versions_folder
from generator.build.shard import (
    TRASH,
    Shard,
    Task,
    build_portal_shard,
    check_links,
    progress_line,
    reused_summary,
    run_shards,
)
from generator.load import change_dates, content_files, load_content
from generator.model.content import Content
from generator.problems import ContentError, Problem
from generator.render import Outline, ShardSummary
from generator.validate import validate

#: Build stages as the benchmark reports them: `keys` hashes the content and reads the outline,
#: `publish` assembles the published folder; the others run once per rebuilt shard (`mkdocs` is
#: MkDocs' own build, `finish` what the portal does to its output: theme files, search segment,
#: precompressed copies).
STAGES = ("keys", "load", "validate", "compute", "render", "mkdocs", "finish", "publish")


Progress = Callable[[str], None]
T = TypeVar("T")


@dataclass
class BuildResult:
    """What a build did: pages, shards built and reused, and time per stage summed over shards."""

    site: Path
    pages: int = 0
    written: int = 0
    built: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    stages: dict[str, list[float]] = field(default_factory=lambda: {s: [0.0, 0.0] for s in STAGES})
    seconds: float = 0.0

    def add(self, shard_result: Shard) -> None:
        self.written += shard_result.written
        for stage, (wall, cpu) in shard_result.stages.items():
            self.stages[stage][0] += wall
            self.stages[stage][1] += cpu


def build_site(
    content_dir: Path, site_dir: Path, work_dir: Path, progress: Progress = print, jobs: int | None = None
) -> BuildResult:
    """Validate and build the portal under `content_dir` into `site_dir` (a link switched to the
    new version in one rename), rebuilding only the shards whose inputs changed since the last
    build in `work_dir`; one build at a time per work folder and per site. Raises ContentError
    (every problem of every shard) or BuildError; the old site stays."""
    return _locked(content_dir, site_dir, work_dir, lambda root, site, work: _build(root, site, work, progress, jobs))


def build_part(
    content_dir: Path, work_dir: Path, bagian: Bagian, progress: Progress = print, jobs: int | None = None
) -> BuildResult:
    """Build only the kabupaten shards of part `bagian` into `work_dir` (no portal shard, no site),
    recorded there for `assemble_site`. Raises ContentError (the problems of its kabupaten and of
    portal.yml) or BuildError."""
    with exclusive(work_dir.resolve(), f"folder kerja {work_dir}"), collections_between_shards():
        root, work = content_dir.resolve(), work_dir.resolve()
        unrecord(work)  # a part's record is valid again only once every one of its shards is built
        step = _stepper(progress)
        plan = _plan(root, work / "shard")
        result = BuildResult(work)
        mine = bagian.kabupaten(list(plan.keys))
        step(f"Bagian {bagian}: {len(mine)} dari {len(plan.keys)} kabupaten")
        _kabupaten_shards(plan, mine, jobs, step, result)
        record(work, bagian, plan.root, plan.code, {slug: plan.keys[slug] for slug in mine})
        plan.hashes.save()
        result.seconds = time.perf_counter() - plan.started[0]
        step(f"Bagian {bagian} selesai di {work}; rakit semua bagian dengan `kinerja rakit`")
        return result


def assemble_site(
    content_dir: Path, site_dir: Path, work_dir: Path, parts: list[Path], progress: Progress = print
) -> BuildResult:
    """Publish the portal from parts built by `build_part` (their work folders): every kabupaten
    shard is taken from its part, checked to be what this content and code give, never built
    here; then the portal's shard, the link check and publishing as in `build_site`. Raises
    BuildError naming each missing or different kabupaten and its part; the old site stays."""
    return _locked(
        content_dir,
        site_dir,
        work_dir,
        lambda root, site, work: _build(root, site, work, progress, None, [p.resolve() for p in parts]),
    )


@contextmanager
def collections_between_shards() -> Iterator[None]:
    """No automatic garbage collection while a build runs: a build makes millions of objects
    and keeps large structures alive (content, results, pages), which each collection walked
    again, while what it leaves in reference cycles is freed by the full collection before
    each shard (`shard.run_shards`), so a process holds at most one shard's garbage. Measured at 1×21×5 in one process: 4 % less CPU, a peak 34 MB higher.
    Afterwards the build's objects are in the oldest generation (`gc.freeze`, `gc.unfreeze`):
    the next full collection frees what is garbage of them, not the first allocation after
    this (0,2 s at 1×21×5, at the end of every command-line build, whose process then ends)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.unfreeze()
        if enabled:
            gc.enable()


def _locked(content_dir: Path, site_dir: Path, work_dir: Path, build: Callable[[Path, Path, Path], T]) -> T:
    """Run `build` (content root, the site link, the shards' folder) holding the locks of the
    work folder and of the site."""
    absolute = Path(os.path.abspath(site_dir))
    site_dir = absolute.parent.resolve() / absolute.name  # the link itself, not the version it shows
    writable(site_dir, work_dir.resolve())
    with (
        exclusive(work_dir.resolve(), f"folder kerja {work_dir}"),
        exclusive(versions_folder(site_dir), f"situs {site_dir}"),
        collections_between_shards(),
    ):
        return build(content_dir.resolve(), site_dir, work_dir.resolve() / "shard")


def _stepper(progress: Progress) -> Progress:
    started = time.perf_counter()
    return lambda message: progress(f"[{time.perf_counter() - started:5.1f} s] {message}")


@dataclass
class Plan:
    """What a build knows before building: the portal's own content (or its problems), the
    outline, and every kabupaten shard's key, in the outline's order."""

    root: Path
    work: Path
    portal: Content | None
    problems: list[Problem]
    hashes: ContentHashes
    outline: Outline
    diubah: dict[str, int]
    code: str
    base: str
    keys: dict[str, str]
    started: tuple[float, float]  # wall and CPU clock when planning began

    def task(self, processes: int = 1) -> Task:
        return Task(
            self.root, self.work, self.outline, self.diubah, self.hashes.per_folder, self.base, self.keys, processes
        )


def _plan(root: Path, work: Path) -> Plan:
    started = time.perf_counter(), time.process_time()
    found = content_files(root) if root.is_dir() else {}
    diubah = change_dates(root, found) if found else {}
    problems: list[Problem] = []
    try:
        portal = validate(load_content(root, kabupaten="", diubah=diubah))
    except ContentError as exc:
        portal, problems = None, list(exc.problems)
    hashes = ContentHashes(root, found, diubah, work / "content-hashes.json")
    outline = read_outline(root, hashes) if root.is_dir() else Outline(())
    code = code_digest()
    # summaries and validated data name content files by path: content moved is built again
    base = digest([code, str(root), hashes.digests.get("portal.yml"), outline.kabupaten])
    keys = {slug: digest([base, hashes.per_folder.get(slug, {})]) for slug, _, _ in outline.kabupaten}
    return Plan(root, work, portal, problems, hashes, outline, diubah, code, base, keys, started)


def _kabupaten_shards(
    plan: Plan,
    slugs: list[str],
    jobs: int | None,
    step: Progress,
    result: BuildResult,
    ready: Callable[[str, int], None] = lambda _, __: None,
    rebuild: bool = True,
    building: Callable[[list[str]], None] = lambda _: None,
) -> dict[str, ShardSummary]:
    """The summaries of the kabupaten shards `slugs`, reused or (when `rebuild`) built in `jobs`
    processes (None: every core), each passed to `ready` once it is, with how many processes may
    publish it (more than one only when no worker process runs), and those to build passed to
    `building` first; raises ContentError with every problem of these shards and of the portal's
    own content."""
    summaries = {s: r for s in slugs if (r := reused_summary(plan.work, s, plan.keys[s], ShardSummary)) is not None}
    todo = [slug for slug in slugs if slug not in summaries]
    result.stages["keys"] = [time.perf_counter() - plan.started[0], time.process_time() - plan.started[1]]
    step(f"{len(slugs)} kabupaten; dibangun ulang: {len(todo)}, tidak berubah: {len(summaries)}")
    if todo and not rebuild:
        raise BuildError(
            f"keluaran kabupaten {', '.join(todo)} dari bagiannya tidak dapat dipakai (tidak dibangun di sini)"
        )
    for slug in summaries:
        ready(slug, 1)
    if todo:
        building(todo)
    failed: dict[str, list[Problem]] = {}
    cores = jobs or len(os.sched_getaffinity(0))
    per_shard = max(1, cores // max(1, len(todo)))
    for shard_result in run_shards(todo, plan.task(per_shard), cores):
        step(progress_line(shard_result))
        if shard_result.error:
            raise BuildError(shard_result.error)
        failed[shard_result.slug] = shard_result.problems
        if shard_result.summary is not None:
            summaries[shard_result.slug] = shard_result.summary
            result.add(shard_result)
            ready(shard_result.slug, per_shard if len(todo) == 1 else 1)
    problems = plan.problems + [p for slug in sorted(failed) for p in failed[slug]]
    if problems or plan.portal is None:
        unique = {p.render(plan.root): p for p in problems}
        raise ContentError(list(unique.values()))
    result.built, result.reused = todo, [s for s in slugs if s not in todo]
    return {slug: summaries[slug] for slug in slugs}


def _build(
    root: Path, site_dir: Path, work: Path, progress: Progress, jobs: int | None, parts: list[Path] | None = None
) -> BuildResult:
    step = _stepper(progress)
    result = BuildResult(site_dir)
    plan = _plan(root, work)
    publication = Publication(site_dir, work, plan.keys)
    remover = TrashRemover(work / TRASH)  # the shards' replaced outputs, while the others build
    keys = plan.keys
    try:
        if parts is not None:
            take_parts(parts, plan.root, plan.code, plan.outline, keys, work, step)
        summaries = _kabupaten_shards(
            plan,
            list(keys),
            jobs,
            step,
            result,
            lambda s, n: publication.stage(s, keys[s], n),
            rebuild=parts is None,
            building=lambda todo: publication.prepare(keys, todo),
        )
        assert plan.portal is not None  # else _kabupaten_shards raised
        ordered = list(summaries.values())
        induk_key = digest([plan.base, sorted(keys.items())])
        induk, tautan = build_portal_shard(plan.task(), plan.portal, ordered, induk_key)
        result.add(induk)
        broken = check_links([*ordered, tautan])
        if broken:
            raise BuildError("tautan antar-bagian situs tanpa halaman tujuan: " + ", ".join(broken[:10]))
        result.built += [PORTAL_SHARD] if induk.pages else []
        result.reused += [] if induk.pages else [PORTAL_SHARD]
        result.pages = len(tautan.pages) + sum(len(s.pages) for s in ordered)
        cores = jobs or len(os.sched_getaffinity(0))
        publication.stage(PORTAL_SHARD, induk_key, cores)
        if publication.commit({**keys, PORTAL_SHARD: induk_key}, cores):
            step(f"Diterbitkan: {result.pages} halaman")
        else:
            step("Tidak ada perubahan: situs sudah mutakhir.")
        result.stages["publish"] = publication.seconds
    finally:
        publication.discard()
        remover.stop()
        remove_tree(work / TRASH)  # what else a build (or a killed one) left there
    plan.hashes.save()
    if not plan.portal.portal.url:
        step(
            f"Catatan: `url` di {root / 'portal.yml'} kosong. Halaman 404 hanya tampil benar (bergaya, tautannya "
            "berfungsi) bila situs dipasang di akar domain; sitemap.xml tanpa alamat halaman; Pengumuman SKM tanpa "
            "alamat dan kode QR. Bila situs dipasang di sub-folder, isi alamat publiknya di portal.yml, misalnya "
            "`url: https://kinerja.contoh.go.id/portal/`."
        )
    result.seconds = time.perf_counter() - plan.started[0]
    step(f"Selesai: {site_dir}")
    return result


def writable(site_dir: Path, work: Path) -> None:
    """Stop before building when the site or the work folder cannot be written (a read-only
    folder found only when publishing would waste the whole build)."""
    for folder in (site_dir.parent, site_dir, work):
        existing = next(p for p in (folder, *folder.parents) if p.exists())
        if not existing.is_dir() or not os.access(existing, os.W_OK | os.X_OK):
            raise BuildError(f"folder {existing} tidak dapat ditulis (izin akses atau bukan folder)")


def peak_memory_mb() -> float:
    """Peak resident memory of this process and of its largest worker, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024

"""One shard: a kabupaten (or the portal's own pages) loaded, validated, computed, rendered
and built by MkDocs into the work folder, reused while its key is unchanged; and the link
check between shards."""

from __future__ import annotations

import functools
import gc
import json
import os
import pickle
import posixpath
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from generator.build import search
from generator.build.files import prune, replace_folder
from generator.build.hooks import bytecode_cache
from generator.build.hosting import write_host_files
from generator.build.keys import Files, digest
from generator.build.mkdocs_run import (
    BuildError,
    finish_shard,
    link_files,
    output_path,
    rebuild_changed,
    run_mkdocs,
    write_config,
)
from generator.build.precompress import precompress
from generator.build.precompress import save as save_precompressed
from generator.build.publish import PORTAL_SHARD
from generator.compute.laporan import LaporanKinerja
from generator.compute.portal import compute
from generator.load import is_place_folder, load_content, load_kecamatan, read_yaml
from generator.model.content import Content, KabupatenData, KecamatanData
from generator.parallel import cpu_time, in_processes, worker_pool
from generator.problems import ContentError, Problem
from generator.render import (
    Outline,
    Page,
    ShardSummary,
    files_under,
    kabupaten_pages,
    navigation,
    portal_pages,
    shard_summary,
    write_pages,
)
from generator.render.page import kept_copy, own_tables
from generator.validate import is_sintetis, validate, validate_kecamatan


@dataclass
class Shard:
    """The outcome of building one shard: its summary, or the problems that stopped it."""

    slug: str
    summary: ShardSummary | None = None
    problems: list[Problem] = field(default_factory=list)
    error: str = ""
    stages: dict[str, tuple[float, float]] = field(default_factory=dict)  # stage -> (wall, CPU) seconds
    pages: int = 0
    written: int = 0  # pages rendered (not reused from the last build)


@dataclass
class Task:
    root: Path
    work: Path
    outline: Outline
    diubah: dict[str, int]
    hashes: dict[str, Files]  # kabupaten -> its content files
    base: str  # hash of what every shard depends on
    keys: dict[str, str]
    processes: int = 1  # per shard: more when fewer shards are built than there are cores


TASK: Task | None = None  # set before the worker processes fork


T = TypeVar("T")
S = TypeVar("S", ShardSummary, "ShardLinks")  # what a kabupaten's, and the portal's, summary.pickle holds


def timed(result: Shard, stage: str, fn: Callable[[], T]) -> T:
    """`fn()`, its wall and CPU time added to the shard's `stage`."""
    wall, cpu = time.perf_counter(), cpu_time()
    value = fn()
    before = result.stages.get(stage, (0.0, 0.0))
    result.stages[stage] = (before[0] + time.perf_counter() - wall, before[1] + cpu_time() - cpu)
    return value


#: Which file each `.gz` of a shard's site was made from (`precompress`).
GZ_RECORD = "gzip.json"


#: Folder, inside the work folder, of replaced shard outputs (removed while the build goes on).
TRASH = "_lama"


def fresh_site(
    folder: Path,
    result: Shard,
    build: Callable[[Path], None],
    finish: Callable[[Path], None],
    in_place: bool = False,
    processes: int = 1,
) -> Path:
    """Build `folder/site` (stage `mkdocs`) and finish it (`finish`: theme files, search segment,
    precompressed copies). A full build goes into a new folder put in place of the old output,
    which goes into the work folder's TRASH, removed by the main process while other shards build
    (`generator.build.files.TrashRemover`). `in_place`: an incremental build updates the last
    output itself (it unlinks what it makes again, never writing into a file: the docs folder
    shares its data files); the caller has removed the shard's key first, so an interrupted one is
    built in full next time. `processes`: how many make the precompressed copies."""
    site = folder / "site"
    target = site if in_place else Path(tempfile.mkdtemp(prefix="site-baru-", dir=folder))

    def finished() -> None:
        finish(target)
        compressed = precompress(target, folder / GZ_RECORD, processes, None if target == site else site)
        if target != site:
            replace_folder(target, site, folder.parent / TRASH)
        save_precompressed(folder / GZ_RECORD, compressed)

    try:
        timed(result, "mkdocs", lambda: build(target))
        timed(result, "finish", finished)
    finally:
        if target != site and target.exists():
            shutil.rmtree(target)
    return site


def build_kabupaten(slug: str, task: Task | None = None) -> Shard:
    """Load, validate, compute, render and build one kabupaten's shard into work/<slug>/site."""
    task = task or TASK
    if task is None:
        raise RuntimeError("build_kabupaten needs a task: passed in, or set by run_shards before the workers fork")
    result = Shard(slug)
    folder = task.work / slug
    kabupaten_files, per_kecamatan = kecamatan_files(task, slug)
    validated = {kec: digest([task.base, files]) for kec, files in per_kecamatan.items()}
    if task.processes > 1:  # counted as validation: the shard's own is mostly done there
        timed(result, "validate", lambda: prevalidate(task.root / slug, folder / VALIDATED, validated, task.processes))
    known = known_kecamatan(folder, slug, validated)
    raw = timed(result, "load", lambda: load_content(task.root, slug, task.diubah, frozenset(k for _, k in known)))
    try:
        content = timed(result, "validate", lambda: validate(raw, known))
    except ContentError as exc:
        result.problems = exc.problems
        return result
    kab = content.kabupaten[0]
    write_records(
        folder / VALIDATED,
        {k.slug: (validated[k.slug], k) for k in kab.kecamatan if (slug, k.slug) not in known and k.slug in validated},
        {k.slug for k in kab.kecamatan},
    )
    present = functools.cache(lambda: shard_files(folder))
    keys: dict[str, str] = {}  # kecamatan -> its key now (`kecamatan_key`)
    kept: dict[str, dict[str, list[Page]]] = {}  # kecamatan -> its pages of the last build, by group

    def unneeded(_: KabupatenData, kec: KecamatanData, reports: Sequence[LaporanKinerja]) -> bool:
        """Called by compute for every kecamatan: whether its pages are kept from the last build
        (its key unchanged and its files there)."""
        keys[kec.slug] = kecamatan_key(task, kabupaten_files, per_kecamatan.get(kec.slug, {}), reports)
        groups = read_pickle(folder / KEPT / record_name(kec.slug, keys[kec.slug]))
        if isinstance(groups, dict) and all_there(present(), slug, groups):
            kept[kec.slug] = groups
        return kec.slug in kept

    try:
        hasil = timed(result, "compute", lambda: compute(content, unneeded))
    except ContentError as exc:  # printed figures that cannot be compared (unknown address, ...)
        result.problems = exc.problems
        return result

    def render() -> tuple[list[Page], list[Any], set[str], set[str]]:
        pages = kabupaten_pages(hasil, kab, kept)
        cross_links: set[str] = set()
        nav = navigation(hasil, slug, task.outline, cross_links)
        changed = write_pages(
            pages,
            content,
            folder / "docs",
            slug,
            bytecode_cache(task.work / "jinja"),
            frozenset(kept),
            data=folder / "data",
            processes=task.processes,
        )
        return pages, nav, cross_links, changed

    (folder / "key").unlink(missing_ok=True)  # valid again only once the shard is built
    write_records(folder / KEPT, {}, set(kept))  # so are the kept pages of the kecamatan rendered now
    pages, nav, cross_links, changed = timed(result, "render", render)
    result.written = sum(1 for name in changed if name.endswith(".md"))
    summary = shard_summary(hasil, kab, pages)
    summary.cross_links = tuple(sorted({*summary.cross_links, *cross_links}))
    config = write_config(content.portal, folder, nav, slug)
    try:
        shard_output(
            folder,
            result,
            (config, nav, task.base, summary.changed),
            changed,
            lambda target: finish_shard(target, folder, slug, task.processes),
            len(pages),
            task.processes,
        )
    except BuildError as exc:
        result.error = f"Kabupaten {kab.profil.nama}: {exc}"
        return result
    (folder / "summary.pickle").write_bytes(pickle.dumps(summary))
    save_kept_pages(folder, pages, keys, set(kept))
    (folder / "key").write_text(task.keys[slug], encoding="utf-8")
    result.summary, result.pages = summary, len(pages)
    return result


def shard_output(
    folder: Path,
    result: Shard,
    mkdocs: tuple[Path, list[Any], str, int],
    changed: set[str],
    finish: Callable[[Path], None],
    pages: int,
    processes: int = 1,
) -> None:
    """Build a shard's site `folder/site` from its docs and data folders with MkDocs (`mkdocs`:
    its mkdocs.yml, navigation, the hash every shard depends on, and the build date) and
    `finish` it (`fresh_site`). When the navigation and the file list are those of the last
    output, MkDocs updates it in place, only the `changed` files made again (`rebuild_changed`);
    else the site is built in full into a new folder, by `processes` processes for `pages` pages.
    Raises BuildError."""
    config, nav, base, build_date = mkdocs
    outline = json.dumps(
        [base, config.read_text(encoding="utf-8"), nav, files_under(folder / "docs"), files_under(folder / "data")]
    )
    record = folder / "outline.json"
    incremental = record.is_file() and record.read_text(encoding="utf-8") == outline and (folder / "site").is_dir()
    record.unlink(missing_ok=True)

    def site(target: Path) -> None:
        if incremental:
            try:
                rebuild_changed(target, changed, config, build_date)
                link_files(folder / "data", target, changed)
                return
            except (OSError, ValueError, LookupError, TypeError):  # the last build was damaged: a full one
                shutil.rmtree(target)
                target.mkdir()
        in_processes(
            lambda part, parts: run_mkdocs(config, target, build_date, part=part, parts=parts), processes, pages
        )
        link_files(folder / "data", target)

    fresh_site(folder, result, site, finish, incremental, processes)
    record.write_text(outline, encoding="utf-8")


def kecamatan_files(task: Task, slug: str) -> tuple[Files, dict[str, Files]]:
    """A kabupaten's own files (kabupaten.yml, nilai-kecamatan.csv) and each kecamatan's files."""
    kabupaten: Files = {}
    per_kecamatan: dict[str, Files] = {}
    for f, d in task.hashes.get(slug, {}).items():
        parts = f.split("/", 2)
        (per_kecamatan.setdefault(parts[1], {}) if len(parts) == 3 else kabupaten)[f] = d
    return kabupaten, per_kecamatan


#: Folders of a kabupaten shard's records, one file per kecamatan, named by the kecamatan and the
#: key it was made with (`record_name`: a record of another key is never read, and only a
#: changed kecamatan's is written again): its validated data (key: the hash of its files); its
#: pages of the last build (`page.kept_copy` of each, by group; key: `kecamatan_key`).
VALIDATED, KEPT = "kecamatan", "halaman"


def record_name(kec: str, key: str) -> str:
    return f"{kec}.{key}.pickle"  # a kecamatan's name has no dot


def write_records(folder: Path, records: dict[str, tuple[str, object]], keep: set[str]) -> None:
    """Write `records` (kecamatan -> its key and record) into a record folder, in place of the
    kecamatan's records before; remove the records of every kecamatan neither in `records` nor
    in `keep`."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in os.listdir(folder):
        kec = name.split(".")[0]
        if kec not in records and kec not in keep:
            (folder / name).unlink()
    for kec, (key, record) in records.items():
        write_record(folder, kec, key, record)


def write_record(folder: Path, kec: str, key: str, record: object) -> None:
    """The record of kecamatan `kec` made with `key`, in place of its records before."""
    for name in os.listdir(folder):
        if name.split(".")[0] == kec:
            (folder / name).unlink()
    (folder / record_name(kec, key)).write_bytes(pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL))


def prevalidate(kabupaten: Path, records: Path, validated: dict[str, str], processes: int) -> None:
    """Load and validate, in `processes` processes, every kecamatan folder of the `kabupaten`
    folder without a validated record of its key (`validated`) in `records`, and write the record of
    each one whose files show no problem, in place of its records before: the shard then reads
    them as known (`known_kecamatan`), instead of loading and validating them all in one
    process. The others are left to the shard's own validation, which reports their problems."""
    todo = [
        kec
        for kec, key in sorted(validated.items())
        if is_place_folder(kabupaten / kec) and not (records / record_name(kec, key)).is_file()
    ]  # a folder load would not read as a kecamatan (a symlink, a bad name) is never followed here
    if len(todo) < 2:
        return
    records.mkdir(parents=True, exist_ok=True)
    sintetis = is_sintetis(read_yaml(kabupaten.parent / "portal.yml", []))

    def part(part: int, parts: int) -> None:
        for kec in todo[part::parts]:
            loading: list[Problem] = []
            data = validate_kecamatan(load_kecamatan(kabupaten / kec, loading), loading, sintetis)
            if data is not None:
                write_record(records, kec, validated[kec], data)

    in_processes(part, processes)  # a kecamatan is tens of files: each worth a process (MIN_ITEMS)


def known_kecamatan(folder: Path, slug: str, validated: dict[str, str]) -> dict[tuple[str, str], KecamatanData]:
    """Validated data, from the shard's last build, of every kecamatan whose files (and the
    generator) are unchanged since: it is neither read nor validated again."""
    known = {kec: read_pickle(folder / VALIDATED / record_name(kec, key)) for kec, key in validated.items()}
    return {(slug, kec): data for kec, data in known.items() if isinstance(data, KecamatanData)}


def read_pickle(path: Path) -> object:
    """A record the build pickled into the work folder, or None when it is missing or damaged
    (unpickling a damaged record can raise almost anything: a truncated stream, a class that
    was renamed or a module that is gone)."""
    try:
        return pickle.loads(path.read_bytes())
    except Exception:
        return None


#: What the reuse of a kabupaten shard and the portal's shard read from its work folder besides
#: `site/`: all that a part built on another machine hands over (`generator/build/parts.py`).
HANDED_OVER = ("key", "summary.pickle", search.SEGMENT)


def reused_summary(work: Path, slug: str, key: str, kind: type[S]) -> S | None:
    """The summary (of `kind`) of a shard built before with the same key (its site is still there)."""
    folder = work / slug
    try:
        if (folder / "key").read_text(encoding="utf-8") != key or not (folder / "site").is_dir():
            return None
    except (OSError, ValueError):
        return None
    summary = read_pickle(folder / "summary.pickle")
    if not isinstance(summary, kind):
        return None  # missing or another kind: damaged, rebuilt
    prefix, site = ("" if slug == PORTAL_SHARD else f"{slug}/"), f"{folder}/site/"
    pages = (site + output_path(page.removeprefix(prefix)) for page in summary.pages)  # str: a province has 24.000
    return summary if all(map(os.path.isfile, pages)) else None  # a page deleted since: rebuilt


def progress_line(r: Shard) -> str:
    if r.problems or r.error:
        return f"Kabupaten {r.slug}: gagal"
    return f"Kabupaten {r.slug}: {r.pages} halaman ({r.written} ditulis ulang)"


def run_shards(slugs: list[str], task: Task, jobs: int) -> Iterator[Shard]:
    """Build shards, in `jobs` forked worker processes when there is more than one; each
    result as soon as it is ready."""
    global TASK
    if jobs <= 1 or len(slugs) <= 1:
        yield from (_collected_then_built(slug, task) for slug in slugs)
        return
    TASK = task
    try:
        with worker_pool(min(jobs, len(slugs))) as pool:
            for done in as_completed([pool.submit(_collected_then_built, slug) for slug in slugs]):
                try:
                    yield done.result()
                except BrokenProcessPool as exc:
                    raise BuildError(
                        "proses pembangun kabupaten berhenti tiba-tiba (dihentikan, atau kehabisan memori: "
                        "coba --jobs yang lebih kecil)"
                    ) from exc
    finally:
        TASK = None


def _collected_then_built(slug: str, task: Task | None = None) -> Shard:
    """`build_kabupaten` after a full garbage collection: a build does not collect on its own
    (`site.collections_between_shards`), so what the process's last shard left in reference
    cycles is freed here, before the next allocates: a process's memory does not grow with
    the shards it builds."""
    gc.collect()
    return build_kabupaten(slug, task)


@dataclass(frozen=True)
class ShardLinks:
    """A shard's pages and its links into other shards (for the portal-wide link check)."""

    pages: tuple[str, ...]
    cross_links: tuple[str, ...]


def build_portal_shard(
    task: Task, portal: Content, summaries: list[ShardSummary], key: str
) -> tuple[Shard, ShardLinks]:
    """Home, Metodologi and Data terbuka: a small MkDocs build from the kabupaten summaries."""
    result = Shard(PORTAL_SHARD)
    folder = task.work / PORTAL_SHARD
    reused = reused_summary(task.work, PORTAL_SHARD, key, ShardLinks)
    if reused is not None:
        return result, reused
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "key").unlink(missing_ok=True)  # valid again only once the shard is built
    cross_links: set[str] = set()
    pages = timed(result, "render", lambda: portal_pages(portal, summaries))
    nav = navigation(None, "", task.outline, cross_links)
    changed = write_pages(pages, portal, folder / "docs", "", bytecode_cache(task.work / "jinja"), data=folder / "data")
    result.written = sum(1 for name in changed if name.endswith(".md"))
    config = write_config(portal.portal, folder, nav, "")
    diubah = max([portal.last_changed([task.root / "portal.yml"]), *(s.changed for s in summaries)])

    def finish(target: Path) -> None:
        finish_shard(target, folder, "")
        search.write_index(folder / search.FOLDER, [task.work / slug for slug in (PORTAL_SHARD, *task.keys)])
        link_files(folder / search.FOLDER, target / search.FOLDER)
        prune(target / search.FOLDER, set(files_under(folder / search.FOLDER)))  # updated in place: none left over
        write_host_files(target, portal.portal.url)

    shard_output(folder, result, (config, nav, task.base, diubah), changed, finish, len(pages))
    tautan = ShardLinks(
        tuple(p.path for p in pages), tuple(sorted(cross_links | {t for p in pages for t in p.cross_links}))
    )
    (folder / "summary.pickle").write_bytes(pickle.dumps(tautan))
    (folder / "key").write_text(key, encoding="utf-8")
    result.pages = len(pages)
    return result, tautan


def check_links(shards: list[ShardLinks | ShardSummary]) -> list[str]:
    """Links between shards that point at no page of the portal."""
    pages = {p for s in shards for p in s.pages}
    return sorted({t for s in shards for t in s.cross_links} - pages)


def kecamatan_key(task: Task, kabupaten: Files, own: Files, reports: Sequence[LaporanKinerja]) -> str:
    """A hash of everything a kecamatan's pages show: its own files, the kabupaten's files, what
    every shard depends on, and the rankings of its reports (the only figures on its pages that
    other kecamatan's data change). A kecamatan whose hash is unchanged keeps its pages."""
    ranks = [
        (lp.tahun, c.hasil.indikator.id, c.peringkat)
        for lp in sorted(reports, key=lambda lp: lp.tahun)
        for c in lp.perbandingan
    ]
    return digest([task.base, kabupaten, own, repr(ranks)])


def all_there(present: set[str], slug: str, groups: dict[str, list[Page]]) -> bool:
    """Whether every file of these kept pages is among the shard's docs and data files
    (`present`: `shard_files`)."""
    names = []
    for page in (p for pages in groups.values() for p in pages):
        if not isinstance(page, Page):
            return False
        name = page.path.removeprefix(f"{slug}/")
        names += [f"docs/{name}", *(f"docs/{posixpath.join(posixpath.dirname(name), f)}" for f in page.files)]
        names += [f"data/{t.path.removeprefix(f'{slug}/')}.{ext}" for t in own_tables(page) for ext in t.formats]
    return bool(names) and all(n in present for n in names)


def shard_files(folder: Path) -> set[str]:
    """The files of a shard's docs and data folders, as `docs/<name>` and `data/<name>`."""
    return {f"{sub}/{name}" for sub in ("docs", "data") for name in files_under(folder / sub)}


def save_kept_pages(folder: Path, pages: list[Page], keys: dict[str, str], kept: set[str]) -> None:
    """Record the pages of each kecamatan rendered now (`kept_copy` of each, by group) with its
    key for the next build (those `kept` are recorded already)."""
    groups: dict[str, dict[str, list[Page]]] = {}
    for page in pages:
        if page.group and page.group.split("/")[0] not in kept:
            groups.setdefault(page.group.split("/")[0], {}).setdefault(page.group, []).append(kept_copy(page))
    write_records(folder / KEPT, {kec: (keys[kec], g) for kec, g in groups.items()}, kept)

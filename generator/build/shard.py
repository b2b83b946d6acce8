"""One shard: a kabupaten (or the portal's own pages) loaded, validated, computed, rendered
and built by MkDocs into the work folder, reused while its key is unchanged; and the link
check between shards."""

from __future__ import annotations

import json
import multiprocessing
import pickle
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator
from generator.compute.laporan import compute
from generator.load.tree import load_content
from generator.build.hooks import bytecode_cache
from generator.problems import ContentError, Problem
from generator.render.pages.portal import Kerangka, Ringkasan, portal_pages
from generator.render.write import files_under, write_pages
from generator.render.pages.kabupaten import kabupaten_pages, ringkasan
from generator.render.navigation import navigation
from generator.model.content import Content, KecamatanData
from generator.validate.content import validate
from generator.build.keys import Files, _digest
from generator.compute.laporan import HasilPortal
from generator.build.mkdocs_run import BuildError, SEARCH_INDEX, _finish, rebuild_changed, run_mkdocs, write_config
from generator.build.publish import INDUK
from generator.build.files import _replace


@dataclass
class Shard:
    """The outcome of building one shard: its summary, or the problems that stopped it."""

    slug: str
    ringkasan: Ringkasan | None = None
    problems: list[Problem] = field(default_factory=list)
    error: str = ""
    tahap: dict[str, tuple[float, float]] = field(default_factory=dict)   # stage -> (wall, CPU) seconds
    halaman: int = 0
    ditulis: int = 0          # pages rendered (not reused from the last build)


@dataclass
class _Task:
    root: Path
    work: Path
    kerangka: Kerangka
    diubah: dict[Path, int]
    berkas: dict[str, Files]             # kabupaten -> its content files
    base: str                            # hash of what every shard depends on
    keys: dict[str, str]


_TASK: _Task | None = None   # set before the worker processes fork


def _timed(result: Shard, stage: str, fn: Callable[[], object]) -> object:
    wall, cpu = time.perf_counter(), time.process_time()
    value = fn()
    result.tahap[stage] = (time.perf_counter() - wall, time.process_time() - cpu)
    return value


def _fresh_site(folder: Path, build: Callable[[Path], None]) -> Path:
    """Build into a new folder and put it in place of `folder/site` (never modified in place:
    published copies are hard links to these files)."""
    fresh = Path(tempfile.mkdtemp(prefix="site-baru-", dir=folder))
    try:
        build(fresh)
        _replace(fresh, folder / "site")
    finally:
        if fresh.exists():
            shutil.rmtree(fresh)
    return folder / "site"


def build_kabupaten(slug: str, task: _Task | None = None) -> Shard:
    """Load, validate, compute, render and build one kabupaten's shard into work/<slug>/site."""
    task = task or _TASK
    result = Shard(slug)
    folder = task.work / slug
    kabupaten_files, per_kecamatan = _kecamatan_files(task, slug)
    validated = {kec: _digest([task.base, files]) for kec, files in per_kecamatan.items()}
    known = _known_kecamatan(folder, slug, validated)
    raw = _timed(result, "load", lambda: load_content(task.root, slug, task.diubah, frozenset(k for _, k in known)))
    try:
        content = _timed(result, "validate", lambda: validate(raw, known))
    except ContentError as exc:
        result.problems = exc.problems
        return result
    kab = content.kabupaten[0]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "kecamatan.pickle").write_bytes(pickle.dumps(
        {kec.slug: (validated.get(kec.slug), kec) for kec in kab.kecamatan}, protocol=pickle.HIGHEST_PROTOCOL))
    hasil = _timed(result, "compute", lambda: compute(content))
    units = kecamatan_keys(task, hasil, slug, kabupaten_files, per_kecamatan)
    try:
        before = json.loads((folder / "kunci-kecamatan.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        before = {}
    unchanged = frozenset(k for k, v in units.items() if before.get(k) == v)

    def render() -> tuple[list, list, set[str], set[str]]:
        pages = kabupaten_pages(hasil, kab)
        lintas: set[str] = set()
        nav = navigation(hasil, slug, task.kerangka, lintas)
        changed = write_pages(pages, content, folder / "docs", slug, bytecode_cache(task.work / "jinja"), unchanged)
        return pages, nav, lintas, changed

    (folder / "kunci-kecamatan.json").unlink(missing_ok=True)   # valid again only once the shard is built
    pages, nav, lintas, changed = _timed(result, "render", render)
    result.ditulis = sum(1 for name in changed if name.endswith(".md"))
    summary = ringkasan(hasil, kab, pages)
    summary.lintas = tuple(sorted({*summary.lintas, *lintas}))
    config = write_config(content.portal, folder, nav, slug)
    outline_now = json.dumps([task.base, config.read_text(encoding="utf-8"), nav, files_under(folder / "docs")])
    same_outline = (folder / "kerangka.json").is_file() and (folder / "kerangka.json").read_text() == outline_now
    (folder / "kerangka.json").unlink(missing_ok=True)

    def site(target: Path) -> None:
        if same_outline and (folder / "search_index.json").is_file():
            rebuild_changed(folder, target, changed, config, summary.diubah)
        else:
            run_mkdocs(config, target, summary.diubah)
            shutil.copy(target / SEARCH_INDEX, folder / "search_index.json")
        _finish(target, task.kerangka, slug)

    try:
        _timed(result, "mkdocs", lambda: _fresh_site(folder, site))
    except BuildError as exc:
        result.error = f"Kabupaten {kab.profil.nama}: {exc}"
        return result
    (folder / "ringkasan.pickle").write_bytes(pickle.dumps(summary))
    (folder / "kerangka.json").write_text(outline_now, encoding="utf-8")
    (folder / "kunci-kecamatan.json").write_text(json.dumps(units, sort_keys=True), encoding="utf-8")
    (folder / "kunci").write_text(task.keys[slug], encoding="utf-8")
    result.ringkasan, result.halaman = summary, len(pages)
    return result


def _kecamatan_files(task: _Task, slug: str) -> tuple[Files, dict[str, Files]]:
    """A kabupaten's own files (kabupaten.yml, nilai-kecamatan.csv) and each kecamatan's files."""
    kabupaten: Files = {}
    per_kecamatan: dict[str, Files] = {}
    for f, d in task.berkas.get(slug, {}).items():
        parts = f.split("/", 2)
        (per_kecamatan.setdefault(parts[1], {}) if len(parts) == 3 else kabupaten)[f] = d
    return kabupaten, per_kecamatan


def _known_kecamatan(folder: Path, slug: str, validated: dict[str, str]) -> dict[tuple[str, str], KecamatanData]:
    """Validated data, from the shard's last build, of every kecamatan whose files (and the
    generator) are unchanged since: it is neither read nor validated again."""
    try:
        last = pickle.loads((folder / "kecamatan.pickle").read_bytes())
        return {(slug, kec): data for kec, (key, data) in last.items()
                if key is not None and validated.get(kec) == key and isinstance(data, KecamatanData)}
    except (OSError, pickle.UnpicklingError, AttributeError, EOFError, ImportError, TypeError, ValueError):
        return {}   # none yet, or damaged: every kecamatan is read and validated


def _reused(work: Path, slug: str, key: str) -> Ringkasan | None:
    """The summary of a shard built before with the same key (its site is still there)."""
    folder = work / slug
    try:
        if (folder / "kunci").read_text(encoding="utf-8") == key and (folder / "site").is_dir():
            return pickle.loads((folder / "ringkasan.pickle").read_bytes())
    except (OSError, pickle.UnpicklingError, AttributeError, EOFError):
        pass
    return None


def _done(r: Shard) -> str:
    if r.problems or r.error:
        return f"Kabupaten {r.slug}: gagal"
    return f"Kabupaten {r.slug}: {r.halaman} halaman ({r.ditulis} ditulis ulang)"


def _run_shards(slugs: list[str], task: _Task, jobs: int) -> Iterator[Shard]:
    """Build shards, in `jobs` forked worker processes when there is more than one; each
    result as soon as it is ready."""
    global _TASK
    if jobs <= 1 or len(slugs) <= 1:
        yield from (build_kabupaten(slug, task) for slug in slugs)
        return
    _TASK = task
    try:
        with multiprocessing.get_context("fork").Pool(min(jobs, len(slugs))) as pool:
            yield from pool.imap_unordered(build_kabupaten, slugs)
    finally:
        _TASK = None


@dataclass(frozen=True)
class Tautan:
    """A shard's pages and its links into other shards (for the portal-wide link check)."""

    halaman: tuple[str, ...]
    lintas: tuple[str, ...]


def build_portal_shard(task: _Task, portal: Content, summaries: list[Ringkasan], key: str) -> tuple[Shard, Tautan]:
    """Home, Metodologi and Data terbuka: a small MkDocs build from the kabupaten summaries."""
    result = Shard(INDUK)
    folder = task.work / INDUK
    reused = _reused(task.work, INDUK, key)
    if reused is not None:
        return result, reused
    folder.mkdir(parents=True, exist_ok=True)
    lintas: set[str] = set()
    pages = _timed(result, "render", lambda: portal_pages(portal, summaries))
    nav = navigation(None, "", task.kerangka, lintas)
    changed = write_pages(pages, portal, folder / "docs", "", bytecode_cache(task.work / "jinja"))
    result.ditulis = sum(1 for name in changed if name.endswith(".md"))
    config = write_config(portal.portal, folder, nav, "")
    diubah = max([portal.tanggal([task.root / "portal.yml"]), *(s.diubah for s in summaries)])

    def site(target: Path) -> None:
        run_mkdocs(config, target, diubah)
        _finish(target, task.kerangka, "")

    _timed(result, "mkdocs", lambda: _fresh_site(folder, site))
    tautan = Tautan(tuple(p.path for p in pages), tuple(sorted(lintas | {t for p in pages for t in p.lintas})))
    (folder / "ringkasan.pickle").write_bytes(pickle.dumps(tautan))
    (folder / "kunci").write_text(key, encoding="utf-8")
    result.halaman = len(pages)
    return result, tautan


def check_links(shards: list[Tautan | Ringkasan]) -> list[str]:
    """Links between shards that point at no page of the portal."""
    pages = {p for s in shards for p in s.halaman}
    return sorted({t for s in shards for t in s.lintas} - pages)


def kecamatan_keys(task: _Task, hasil: HasilPortal, slug: str, kabupaten: Files,
                   per_kecamatan: dict[str, Files]) -> dict[str, str]:
    """Per kecamatan of a rebuilt kabupaten, a hash of everything its pages show: its own files,
    the kabupaten's files, what every shard depends on, and its places in the kabupaten's
    rankings (the only figures on its pages that other kecamatan's data change). A kecamatan
    whose hash is unchanged is not rendered again."""
    keys = {}
    for kec in next(k for k in hasil.content.kabupaten if k.slug == slug).kecamatan:
        own = per_kecamatan.get(kec.slug, {})
        ranks = [(lp.tahun, p.hasil.indikator.id, p.peringkat) for lp in hasil.untuk(slug, kec.slug)
                 for p in lp.perbandingan]
        keys[kec.slug] = _digest([task.base, kabupaten, own, repr(ranks)])
    return keys

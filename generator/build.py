"""Stage 5, build: one MkDocs build (a shard) per kabupaten plus one for the portal's own pages,
run in parallel, each reused while its inputs are unchanged, then assembled into a fresh folder
that replaces `site/` only when everything succeeded. A failed build leaves the old site.

A shard's key is a hash of everything its output depends on: the generator's code and templates,
portal.yml, the portal outline (names in the shared navigation and search) and every file of the
kabupaten with its change date. A shard whose key is unchanged is neither loaded, validated,
computed, rendered nor built again: its last output and summary are reused.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import http.server
import json
import logging
import multiprocessing
import os
import pickle
import platform
import posixpath
import re
import resource
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import Callable, Iterator

import yaml
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from . import model as m
from .compute.laporan import HasilPortal, compute
from .load import SLUG, change_dates, content_files, load_content, read_yaml
from .mkdocs_hooks import bytecode_cache
from .problems import ContentError, Problem
from .render import (Kerangka, Ringkasan, _url, files_under, kabupaten_pages, navigation, portal_pages, ringkasan,
                     write_pages)
from .tabel import kabupaten_path, kecamatan_path
from .validate import Content, KecamatanData, validate

ROOT = Path(__file__).resolve().parent.parent
BASE_CONFIG = ROOT / "mkdocs.yml"
THEME_OVERRIDES = ROOT / "site_templates" / "theme"
HOOKS = Path(__file__).resolve().parent / "mkdocs_hooks.py"
#: Folder, inside the work folder, of the portal's own shard (never a kabupaten slug).
INDUK = "_portal"
#: Build stages as the benchmark reports them: `kunci` hashes the content and reads the outline,
#: `susun` assembles the published folder; the others run once per rebuilt shard.
STAGES = ("kunci", "load", "validate", "compute", "render", "mkdocs", "susun")

Progress = Callable[[str], None]
Files = dict[str, tuple[str, int]]   # content file (relative path) -> (hash of its bytes, change date)


class BuildError(Exception):
    """The site could not be built; the previous site was kept."""


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def write_config(portal: m.Portal, work_dir: Path, nav: list, dari: str) -> Path:
    """mkdocs.yml of one shard: the project's mkdocs.yml plus the portal's name, the shard's
    address and its navigation. Navigation entries into other shards are relative URLs, which
    MkDocs cannot check: the build checks them (`check_links`)."""
    config = {
        "INHERIT": str(BASE_CONFIG),
        "site_name": portal.judul,
        "site_description": portal.deskripsi,
        "copyright": f"Diterbitkan oleh {portal.penerbit}",
        "docs_dir": "docs",
        "nav": nav,
        "theme": {"custom_dir": str(THEME_OVERRIDES)},  # merged into the inherited theme settings
        "validation": {"nav": {"not_found": "info"}},
        "hooks": [str(HOOKS)],
    }
    if portal.url:
        config["site_url"] = portal.url.rstrip("/") + "/" + (f"{dari}/" if dari else "")
    path = work_dir / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _not_dirty_notice(record: logging.LogRecord) -> bool:
    """MkDocs warns that a dirty build may leave navigation stale; ours rebuild dirty only when
    the navigation and the file list are unchanged, so the warning does not apply."""
    return not record.getMessage().startswith("A 'dirty' build is being performed")


def run_mkdocs(config_file: Path, site_dir: Path, build_date: int, dirty: bool = False) -> None:
    """One strict MkDocs build; every warning is an error that names itself. `dirty`: only
    pages whose output is older than their source are built (see `rebuild_changed`)."""
    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    logging.getLogger("mkdocs.commands.build").addFilter(_not_dirty_notice)
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(build_date)
    try:
        config = load_config(config_file=str(config_file), site_dir=str(site_dir), strict=True)
        mkdocs_build(config, dirty=dirty)
    except (MkDocsException, OSError, yaml.YAMLError) as exc:
        details = "; ".join(collect.messages) or str(exc)
        raise BuildError(f"MkDocs gagal: {details}") from exc
    finally:
        logger.removeHandler(collect)
        logging.getLogger("mkdocs.commands.build").removeFilter(_not_dirty_notice)
        if previous is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous


#: Theme files the portal never loads: source maps, and lunr stemmers and segmenters for
#: languages other than the search language (lunr has no Indonesian stemmer; see mkdocs.yml).
UNUSED_THEME_FILES = ("**/*.map", "assets/javascripts/lunr/min/lunr.*.min.js",
                      "assets/javascripts/lunr/wordcut.js", "assets/javascripts/lunr/tinyseg.js")


def prune_theme_assets(site: Path) -> None:
    """Remove theme files no page requests: smaller site, nothing that names other hosts."""
    for pattern in UNUSED_THEME_FILES:
        for path in site.glob(pattern):
            path.unlink()


def add_search_names(site: Path, kerangka: Kerangka, dari: str) -> None:
    """Portal-wide search for places: every kabupaten and kecamatan outside shard `dari`
    becomes an entry of the shard's search index, linking (relatively) into its shard."""
    path = site / "search" / "search_index.json"
    index = json.loads(path.read_text(encoding="utf-8"))
    for slug, nama, kecamatan in kerangka.kabupaten:
        if slug == dari:
            continue
        places = [(kabupaten_path(slug), f"Kabupaten {nama}", f"Kabupaten {nama}: ringkasan capaian kecamatan")]
        places += [(kecamatan_path(slug, kec), f"Kecamatan {kec_nama}", f"Kecamatan {kec_nama}, Kabupaten {nama}")
                   for kec, kec_nama in kecamatan]
        index["docs"] += [{"location": os.path.relpath(_url(target), dari or ".") + "/", "title": title, "text": text}
                          for target, title, text in places]
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


# ---------------------------------------------------------------- keys


def code_digest() -> str:
    """Hash of everything besides content that shapes the output: the generator's code and
    templates, mkdocs.yml, and the versions of Python and the site libraries."""
    h = hashlib.sha256()
    for path in sorted([*(ROOT / "generator").rglob("*.py"), *(ROOT / "site_templates").rglob("*"), BASE_CONFIG]):
        if path.is_file():
            h.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    for package in ("mkdocs", "mkdocs-material", "markdown", "jinja2", "pydantic", "nh3", "pymdown-extensions"):
        h.update(f"{package}={version(package)}\0".encode())
    h.update(platform.python_version().encode())
    return h.hexdigest()


def _digest(parts: object) -> str:
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


class Berkas:
    """Every content file by relative path: a hash of its bytes and its change date; and the
    name each kabupaten.yml and kecamatan.yml gives (for the shared navigation and search).

    Hashes and names are kept in the work folder between builds: a file whose size, inode and
    change times are the same as last time is not read again, so a build of an unchanged
    province reads no content file."""

    def __init__(self, root: Path, files: dict[Path, os.stat_result], diubah: dict[Path, int], record: Path) -> None:
        try:
            known = json.loads(record.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            known = {}
        if not isinstance(known, dict) or not all(isinstance(known.get(k, {}), dict) for k in ("berkas", "nama")):
            known = {}   # a damaged record: every file is read again
        self.root, self.record = root, record
        self._seen: dict[str, list] = {}
        self._names: dict[str, str] = {}
        self.digests: Files = {}
        self.per_folder: dict[str, Files] = {}   # the same per kabupaten folder ("": portal.yml)
        start = len(str(root)) + 1
        before = known.get("berkas", {})
        for path, st in sorted(files.items(), key=lambda item: str(item[0])):
            rel = str(path)[start:]
            stamp = [st.st_size, st.st_ino, st.st_mtime_ns, st.st_ctime_ns]
            entry = before.get(rel)
            known_digest = isinstance(entry, list) and len(entry) == 5 and entry[:4] == stamp
            digest = entry[4] if known_digest else hashlib.sha256(path.read_bytes()).hexdigest()
            self._seen[rel] = [*stamp, digest]
            self.digests[rel] = (digest, diubah[path])
            folder, _, rest = rel.partition("/")
            self.per_folder.setdefault(folder if rest else "", {})[rel] = self.digests[rel]
        self._known_names: dict[str, str] = known.get("nama", {})
        self.changed = known.get("berkas") != self._seen

    def name(self, path: Path, slug: str) -> str:
        """The `nama` a profile gives (the slug when it has none or cannot be read: validating
        that shard reports why)."""
        rel = str(path)[len(str(self.root)) + 1:]
        if rel not in self.digests:
            return slug
        digest = self.digests[rel][0]
        if digest not in self._known_names:
            data = read_yaml(path, [])
            nama = data.data.get("nama") if data is not None and isinstance(data.data, dict) else None
            self._known_names[digest] = str(nama) if nama else ""
            self.changed = True
        self._names[digest] = self._known_names[digest]
        return self._names[digest] or slug

    def save(self) -> None:
        """Keep what this build learned (only the files and names of this content)."""
        if self.changed:
            self.record.parent.mkdir(parents=True, exist_ok=True)
            self.record.write_text(json.dumps({"berkas": self._seen, "nama": self._names}, sort_keys=True),
                                   encoding="utf-8")


def outline(root: Path, berkas: Berkas) -> Kerangka:
    """Every kabupaten and kecamatan folder with the name its profile gives."""
    kabupaten = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and SLUG.match(p.name)):
        kecamatan = tuple((k.name, berkas.name(k / "kecamatan.yml", k.name))
                          for k in sorted(folder.iterdir()) if k.is_dir() and SLUG.match(k.name))
        kabupaten.append((folder.name, berkas.name(folder / "kabupaten.yml", folder.name), kecamatan))
    return Kerangka(tuple(kabupaten))


# ---------------------------------------------------------------- one shard


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


SEARCH_INDEX = Path("search/search_index.json")
#: Files every MkDocs build writes again whatever changed (written in place: unlinked first).
ALWAYS_WRITTEN = ("404.html", "sitemap.xml", "sitemap.xml.gz", SEARCH_INDEX.as_posix())


def _output(name: str) -> str:
    """Where MkDocs (use_directory_urls) publishes a docs file: `a/b.md` -> `a/b/index.html`."""
    if not name.endswith(".md"):
        return name
    stem = name.removesuffix(".md")
    folder = posixpath.dirname(stem) if posixpath.basename(stem) == "index" else stem
    return posixpath.join(folder, "index.html") if folder else "index.html"


def rebuild_changed(folder: Path, target: Path, changed: set[str], config: Path, build_date: int) -> None:
    """Build a shard whose navigation and file list are unchanged by processing only the docs
    files that changed: `target` starts as hard links to the last build, the outputs of changed
    files are unlinked (never overwritten: published copies share those files), MkDocs runs in
    its `dirty` mode (skipping pages whose output is newer than their source), and the search
    index is merged: the last build's entries for unchanged pages, new ones for the others, in
    the same order as a full build."""
    _link_tree(folder / "site", target)
    for name in {*(_output(n) for n in changed), *ALWAYS_WRITTEN}:
        (target / name).unlink(missing_ok=True)
    run_mkdocs(config, target, build_date, dirty=True)
    old = json.loads((folder / "search_index.json").read_text(encoding="utf-8"))
    new = json.loads((target / SEARCH_INDEX).read_text(encoding="utf-8"))
    fresh: dict[str, list[dict]] = {}
    for entry in new["docs"]:
        fresh.setdefault(entry["location"].split("#")[0], []).append(entry)
    docs, seen = [], set()
    for entry in old["docs"]:
        page = entry["location"].split("#")[0]
        if page not in fresh:
            docs.append(entry)
        elif page not in seen:
            docs += fresh[page]
        seen.add(page)
    merged = {**new, "docs": docs}
    (target / SEARCH_INDEX).unlink()
    (target / SEARCH_INDEX).write_text(json.dumps(merged, ensure_ascii=False, separators=(",", ":")),
                                       encoding="utf-8")
    (folder / "search_index.json").unlink()
    shutil.copy(target / SEARCH_INDEX, folder / "search_index.json")


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


def _finish(site: Path, kerangka: Kerangka, dari: str) -> None:
    prune_theme_assets(site)
    add_search_names(site, kerangka, dari)


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


# ---------------------------------------------------------------- the portal's own shard


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


# ---------------------------------------------------------------- assembly


def _link_tree(source: Path, target: Path, skip: tuple[str, ...] = ()) -> None:
    """Copy a tree as hard links (a copy when linking is not possible)."""
    def copy(src: str, dst: str) -> None:
        try:
            os.link(src, dst)
        except OSError:
            shutil.copy2(src, dst)

    shutil.copytree(source, target, copy_function=copy, ignore=shutil.ignore_patterns(*skip) if skip else None,
                    dirs_exist_ok=True)


def _sitemap(site: Path, shards: list[Path], build_date: int) -> None:
    """One sitemap.xml (and .gz) for the portal: the entries of every shard's sitemap."""
    entries = []
    for shard_site in shards:
        path = shard_site / "sitemap.xml"
        if path.exists():
            entries += re.findall(r"<url>.*?</url>", path.read_text(encoding="utf-8"), flags=re.S)
    text = ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            + "\n".join(entries) + "\n</urlset>\n")
    (site / "sitemap.xml").write_text(text, encoding="utf-8")
    (site / "sitemap.xml.gz").write_bytes(gzip.compress(text.encode(), mtime=build_date))


def _replace(new: Path, target: Path) -> None:
    """Put `new` in place of `target` with two renames; restore the old one on failure."""
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.lama-", dir=target.parent))
        old.rmdir()
        target.rename(old)
    try:
        new.rename(target)
    except OSError:
        if old is not None:
            old.rename(target)
        raise
    if old is not None:
        shutil.rmtree(old)


#: Files only the portal's own shard publishes (one 404 page and one sitemap, at the root).
ROOT_ONLY = ("404.html", "sitemap.xml", "sitemap.xml.gz")


def _manifest(work: Path, site_dir: Path) -> Path:
    """Which shard keys `site_dir` shows (one record per published folder: `build` and `serve`)."""
    return work / f"terbit-{_digest(str(site_dir))[:16]}.json"


class Publication:
    """Puts the shards of a build in place of the published site `site_dir`: the portal's shard
    at the root, each kabupaten's in its folder, one sitemap.

    Each shard is staged (hard links in a hidden folder) as soon as it is ready, while the
    others still build; `commit` then renames everything into place and `discard` removes what
    was staged, so a failed build never touches the site. A site published before from this
    work folder changes only where a shard's key changed: each such shard is staged inside the
    site and renamed into place (the portal's shard entry by entry), and kabupaten no longer in
    the content are removed; the cost follows the changed shards, not the portal's size.
    Otherwise (first build, another or a damaged site) a fresh folder is assembled beside it and
    replaces `site_dir` with two renames. Everything that can fail (linking) happens before the
    first rename."""

    def __init__(self, site_dir: Path, work: Path) -> None:
        self.site_dir, self.work = site_dir, work
        self.record = _manifest(work, site_dir)
        try:
            shown = json.loads(self.record.read_text(encoding="utf-8")) if site_dir.is_dir() else None
        except (OSError, ValueError):
            shown = None
        if shown is not None and not all((site_dir / slug).is_dir() for slug in shown if slug != INDUK):
            shown = None
        self.shown: dict[str, str] | None = shown
        self.fresh: Path | None = None          # the new site, when it is assembled whole
        self.staged: dict[str, Path] = {}       # shard -> its staged copy inside the site
        self.waktu = [0.0, 0.0]                 # wall and CPU seconds spent publishing

    def stage(self, slug: str, key: str) -> None:
        """Stage one shard's output, unless the site shows it already."""
        if self.shown is not None and self.shown.get(slug) == key:
            return
        wall, cpu = time.perf_counter(), time.process_time()
        if self.shown is None:
            target = self._fresh() if slug == INDUK else self._fresh() / slug
        else:   # hidden, inside the site (same file system): renamed into place by `commit`
            target = self.staged[slug] = Path(tempfile.mkdtemp(prefix=f".{slug}.baru-", dir=self.site_dir))
        _link_tree(self.work / slug / "site", target, skip=() if slug == INDUK else ROOT_ONLY)
        self._count(wall, cpu)

    def _fresh(self) -> Path:
        if self.fresh is None:
            self.site_dir.parent.mkdir(parents=True, exist_ok=True)
            self.fresh = Path(tempfile.mkdtemp(prefix=f".{self.site_dir.name}.baru-", dir=self.site_dir.parent))
        return self.fresh

    def _count(self, wall: float, cpu: float) -> None:
        self.waktu[0] += time.perf_counter() - wall
        self.waktu[1] += time.process_time() - cpu

    def commit(self, keys: dict[str, str], build_date: int) -> bool:
        """Show `keys` (shard -> key, every shard staged or shown already); whether anything changed."""
        if self.shown == keys:
            return False
        wall, cpu = time.perf_counter(), time.process_time()
        self.record.unlink(missing_ok=True)   # until the site matches `keys` again
        sitemaps = [self.work / name / "site" for name in sorted(keys)]
        if self.shown is None:
            _sitemap(self._fresh(), sitemaps, build_date)
            _replace(self._fresh(), self.site_dir)
        else:
            self._swap(keys, sitemaps, build_date)
        self.record.write_text(json.dumps(keys, sort_keys=True), encoding="utf-8")
        self._count(wall, cpu)
        return True

    def _swap(self, keys: dict[str, str], sitemaps: list[Path], build_date: int) -> None:
        """Rename the staged shards into the published site and remove the kabupaten gone."""
        site, staged = self.site_dir, self.staged
        trash = Path(tempfile.mkdtemp(prefix=".lama-", dir=site))
        try:
            moves = [(staged[slug], site / slug) for slug in sorted(staged) if slug != INDUK]
            moves += [(None, site / slug) for slug in sorted(self.shown.keys() - keys.keys())]
            if INDUK in staged:
                root = staged[INDUK]
                _sitemap(root, sitemaps, build_date)
                new = set(os.listdir(root))
                moves += [(root / name, site / name) for name in sorted(new)]
                ours = {trash.name, *(folder.name for folder in staged.values())}
                moves += [(None, site / name) for name in sorted(os.listdir(site))
                          if name not in new and name not in keys and name not in ours]
            for n, (source, target) in enumerate(moves):
                if target.exists():
                    target.rename(trash / str(n))
                if source is not None:
                    source.rename(target)
        finally:
            shutil.rmtree(trash, ignore_errors=True)

    def discard(self) -> None:
        """Remove whatever was staged and not published."""
        for folder in (self.fresh, *self.staged.values()):
            if folder is not None and folder.exists():
                shutil.rmtree(folder, ignore_errors=True)


# ---------------------------------------------------------------- the whole portal


@dataclass
class Hasil:
    """What a build did: pages, shards built and reused, and time per stage summed over shards."""

    site: Path
    halaman: int = 0
    ditulis: int = 0
    dibangun: list[str] = field(default_factory=list)
    dipakai_ulang: list[str] = field(default_factory=list)
    tahap: dict[str, list[float]] = field(default_factory=lambda: {s: [0.0, 0.0] for s in STAGES})
    waktu: float = 0.0

    def add(self, shard_result: Shard) -> None:
        self.ditulis += shard_result.ditulis
        for stage, (wall, cpu) in shard_result.tahap.items():
            self.tahap[stage][0] += wall
            self.tahap[stage][1] += cpu


def build_site(content_dir: Path, site_dir: Path, work_dir: Path, progress: Progress = print,
               jobs: int | None = None) -> Hasil:
    """Validate and build the portal under `content_dir` into `site_dir` (atomically replaced),
    rebuilding only the shards whose inputs changed since the last build in `work_dir`.
    Raises ContentError (every problem of every shard) or BuildError; the old site stays."""
    started = time.perf_counter()
    root, site_dir, work = content_dir.resolve(), site_dir.resolve(), work_dir.resolve() / "shard"
    jobs = jobs or len(os.sched_getaffinity(0))
    result = Hasil(site_dir)

    def step(message: str) -> None:
        progress(f"[{time.perf_counter() - started:5.1f} s] {message}")

    wall, cpu = time.perf_counter(), time.process_time()
    found = content_files(root) if root.is_dir() else {}
    diubah = change_dates(root, found) if found else {}
    problems: list[Problem] = []
    try:
        portal = validate(load_content(root, kabupaten="", diubah=diubah))
    except ContentError as exc:
        portal, problems = None, list(exc.problems)
    berkas = Berkas(root, found, diubah, work / "berkas.json")
    kerangka = outline(root, berkas) if root.is_dir() else Kerangka(())
    files = berkas.digests
    base = _digest([code_digest(), files.get("portal.yml"), kerangka.kabupaten])
    keys = {slug: _digest([base, berkas.per_folder.get(slug, {})]) for slug, _, _ in kerangka.kabupaten}
    summaries = {slug: s for slug in keys if (s := _reused(work, slug, keys[slug])) is not None}
    todo = [slug for slug in keys if slug not in summaries]
    result.tahap["kunci"] = [time.perf_counter() - wall, time.process_time() - cpu]
    step(f"{len(keys)} kabupaten; dibangun ulang: {len(todo)}, tidak berubah: {len(summaries)}")
    task = _Task(root, work, kerangka, diubah, berkas.per_folder, base, keys)
    publication = Publication(site_dir, work)
    try:
        for slug in summaries:
            publication.stage(slug, keys[slug])
        failed: dict[str, list[Problem]] = {}
        for shard_result in _run_shards(todo, task, jobs):
            step(_done(shard_result))
            if shard_result.error:
                raise BuildError(shard_result.error)
            failed[shard_result.slug] = shard_result.problems
            if shard_result.ringkasan is not None:
                summaries[shard_result.slug] = shard_result.ringkasan
                result.add(shard_result)
                publication.stage(shard_result.slug, keys[shard_result.slug])
        problems += [p for slug in sorted(failed) for p in failed[slug]]
        if problems or portal is None:
            unique = {p.render(root): p for p in problems}
            raise ContentError(list(unique.values()))
        ordered = [summaries[slug] for slug in keys]
        induk_key = _digest([base, sorted(keys.items())])
        induk, tautan = build_portal_shard(task, portal, ordered, induk_key)
        result.add(induk)
        broken = check_links([*ordered, tautan])
        if broken:
            raise BuildError("tautan antar-bagian situs tanpa halaman tujuan: " + ", ".join(broken[:10]))
        result.dibangun = todo + ([INDUK] if induk.halaman else [])
        result.dipakai_ulang = [s for s in keys if s not in todo] + ([] if induk.halaman else [INDUK])
        result.halaman = len(tautan.halaman) + sum(len(s.halaman) for s in ordered)
        publication.stage(INDUK, induk_key)
        if publication.commit({**keys, INDUK: induk_key}, max([0, *(s.diubah for s in ordered)])):
            step(f"Diterbitkan: {result.halaman} halaman")
        else:
            step("Tidak ada perubahan: situs sudah mutakhir.")
        result.tahap["susun"] = publication.waktu
    finally:
        publication.discard()
    berkas.save()
    if not portal.portal.url:
        step("Catatan: `url` di portal.yml kosong, jadi sitemap.xml tanpa alamat halaman dan halaman 404 "
             "hanya benar bila situs dipasang di akar domain.")
    result.waktu = time.perf_counter() - started
    step(f"Selesai: {site_dir}")
    return result


def peak_memory_mb() -> float:
    """Peak resident memory of this process and of its largest worker, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def preview(content_dir: Path, work_dir: Path, port: int, progress: Progress = print) -> None:
    """Build into work_dir/pratinjau and serve it on localhost until interrupted."""
    site = build_site(content_dir, work_dir / "pratinjau", work_dir, progress).site
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        progress(f"Pratinjau di http://127.0.0.1:{port}/ (Ctrl+C untuk berhenti)")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass

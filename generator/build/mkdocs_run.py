"""MkDocs runs: a shard's configuration, a strict build (full or dirty), and what every shard's output gets afterwards."""

from __future__ import annotations

import json
import logging
import os
import posixpath
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from generator import model as m
from generator.build import search
from generator.build.files import keep_unchanged, link_anew
from generator.render.write import files_under

ROOT = Path(__file__).resolve().parents[2]


BASE_CONFIG = ROOT / "mkdocs.yml"


THEME_OVERRIDES = ROOT / "site_templates" / "theme"


HOOKS = Path(__file__).resolve().parent / "hooks.py"


#: Hooks that make the theme escape what it prints (after HOOKS: its bytecode cache is theirs).
ESCAPING = Path(__file__).resolve().parent / "escaping.py"


class BuildError(Exception):
    """The site could not be built; the previous site was kept."""


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


#: A shard's navigation, beside its mkdocs.yml (`write_config`).
NAV = "nav.json"


def write_config(portal: m.Portal, work_dir: Path, nav: list[Any], shard_slug: str) -> Path:
    """mkdocs.yml of one shard: the project's mkdocs.yml plus the portal's name and the shard's
    address; beside it, its navigation (`NAV`, JSON: MkDocs' YAML reader took 70 ms on a
    kabupaten's navigation, in every MkDocs run). Navigation entries into other shards are
    relative URLs, which MkDocs cannot check: the build checks them (`check_links`)."""
    config = {
        "INHERIT": str(BASE_CONFIG),
        "site_name": portal.judul,
        "site_description": portal.deskripsi,
        "copyright": f"Diterbitkan oleh {portal.penerbit}",
        "docs_dir": "docs",
        "theme": {"custom_dir": str(THEME_OVERRIDES)},  # merged into the inherited theme settings
        "validation": {"nav": {"not_found": "info"}},
        "hooks": [str(HOOKS), str(ESCAPING)],
        "extra": {
            "portal_root": "../" if shard_slug else ""
        },  # the search box and the theme assets: one copy, at the root
    }
    if portal.url:
        config["site_url"] = portal.url.rstrip("/") + "/" + (f"{shard_slug}/" if shard_slug else "")
    (work_dir / NAV).write_text(json.dumps(nav, ensure_ascii=False), encoding="utf-8")
    path = work_dir / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _not_dirty_notice(record: logging.LogRecord) -> bool:
    """MkDocs warns that a dirty build may leave navigation stale; ours rebuild dirty only when
    the navigation and the file list are unchanged, so the warning does not apply."""
    return not record.getMessage().startswith("A 'dirty' build is being performed")


#: The part of a shard's pages the MkDocs build running in this process makes: (part, parts),
#: set by `run_mkdocs` for the hooks (`hooks.on_files`).
BUILDING = [(0, 1)]


def run_mkdocs(
    config_file: Path, site_dir: Path, build_date: int, dirty: bool = False, part: int = 0, parts: int = 1
) -> None:
    """One strict MkDocs build; every warning is an error that names itself. `dirty`: only
    pages whose output is older than their source are built (see `rebuild_changed`). `parts`
    above 1: one of that many processes building a new output together, this one every
    `parts`-th page from `part` on (part 0 also the static files, 404 page and sitemap)."""
    BUILDING[0] = (part, parts)
    dirty = dirty or parts > 1  # nothing is cleaned: the parts share one new folder
    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    logging.getLogger("mkdocs.commands.build").addFilter(_not_dirty_notice)
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(build_date)
    try:
        nav = json.loads(config_file.with_name(NAV).read_text(encoding="utf-8"))
        config = load_config(config_file=str(config_file), nav=nav, site_dir=str(site_dir), strict=True)
        mkdocs_build(config, dirty=dirty)
    except (MkDocsException, OSError, ValueError, yaml.YAMLError) as exc:
        details = "; ".join(collect.messages) or str(exc)
        raise BuildError(f"MkDocs gagal: {details}") from exc
    finally:
        BUILDING[0] = (0, 1)
        logger.removeHandler(collect)
        logging.getLogger("mkdocs.commands.build").removeFilter(_not_dirty_notice)
        if previous is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous


#: Files every MkDocs build writes again whatever changed (written in place: unlinked first).
ALWAYS_WRITTEN = ("404.html", "sitemap.xml", "sitemap.xml.gz")


def output_path(name: str) -> str:
    """Where MkDocs (use_directory_urls) publishes a docs file: `a/b.md` -> `a/b/index.html`."""
    if not name.endswith(".md"):
        return name
    stem = name.removesuffix(".md")
    folder = posixpath.dirname(stem) if posixpath.basename(stem) == "index" else stem
    return posixpath.join(folder, "index.html") if folder else "index.html"


def rebuild_changed(site: Path, changed: set[str], config: Path, build_date: int) -> None:
    """Update a shard's last output `site` whose navigation and file list are unchanged by
    processing only the docs files that changed: their outputs are unlinked (never overwritten:
    the docs folder shares its data files with the output), then MkDocs runs in its `dirty` mode
    (skipping pages whose output is newer than their source)."""
    for name in {*(output_path(n) for n in changed), *ALWAYS_WRITTEN}:
        (site / name).unlink(missing_ok=True)
    run_mkdocs(config, site, build_date, dirty=True)


def link_files(source: Path, site: Path, names: Iterable[str] | None = None) -> None:
    """Publish files kept outside MkDocs' docs folder (a shard's tables, the portal's search
    index: thousands of files MkDocs would only copy) as hard links in `site`: those of `names`
    (relative to `source`; other names are skipped), or all."""
    made: set[str] = set()
    for name in files_under(source) if names is None else names:
        if names is None or (source / name).is_file():
            link_anew(str(source / name), str(site / name), made)


def finish_shard(site: Path, folder: Path, shard_slug: str, processes: int = 1) -> None:
    """What every shard's output gets after MkDocs. A full build's new output first keeps the
    identity of the files it has with the bytes of the last output's, `folder/site`
    (`files.keep_unchanged`: MkDocs writes every page anew, and after a change of the generator's
    code most have the same bytes), so that the search records, the precompressed copies and
    publishing take them as unchanged without reading them again. Then its search segment, written
    into its work `folder` (generator/build/search.py, pages read in `processes` processes)."""
    last = folder / "site"
    if site != last and last.is_dir():
        keep_unchanged(site, last)
    search.index_shard(site, f"{shard_slug}/" if shard_slug else "", folder, processes)

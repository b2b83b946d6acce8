"""A page to publish: source path, template, context, tables and charts, and relative links between pages and shards."""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from generator.render import charts
from generator.render.dataset import Table


def shard(path: str) -> str:
    """Which MkDocs build a page belongs to: its kabupaten folder, or "" for the portal's own
    pages (home, Metodologi, Data terbuka). Each shard is built on its own and published in
    its folder, so links between shards are plain relative URLs."""
    head, sep, _ = path.partition("/")
    return head if sep else ""


@dataclass
class Page:
    path: str
    template: str
    title: str
    description: str
    context: dict[str, Any] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)
    tables: dict[str, Table] = field(default_factory=dict)
    source: str = ""  # where the data comes from, in words
    sources: tuple[Path, ...] = ()  # the content files (or folders) the page is made from
    changed: int | None = None  # newest change of `berkas`, when they are folders
    cross_links: set[str] = field(default_factory=set)  # pages of other shards this page links to
    group: str = ""  # a kecamatan's pages made together (`<kecamatan>/laporan/2024`): kept together (`kept_copy`)

    def link(self, target: str) -> str:
        """Relative Markdown link from this page to another page's source path: a `.md` path
        inside the shard (MkDocs checks it), a URL into another shard (checked by the build)."""
        if shard(target) != shard(self.path):
            return self.href(target)
        return posixpath.relpath(target, posixpath.dirname(self.path) or ".")

    def href(self, target: str) -> str:
        """Relative URL, for links inside HTML, from this page to another page's source path as
        MkDocs publishes it with `use_directory_urls` (`a/index.md` -> `a/`); `#x` stays."""
        if target.startswith("#"):
            return target
        target, _, fragment = target.partition("#")
        if shard(target) != shard(self.path):
            self.cross_links.add(target)
        return (
            posixpath.relpath(page_folder(target), page_folder(self.path)) + "/" + (f"#{fragment}" if fragment else "")
        )

    @property
    def folder(self) -> str:
        """The folder the page is published as (`.` for the home page)."""
        return page_folder(self.path)

    def add(self, **tables: Table) -> None:
        self.tables.update(tables)

    def chart(self, name: str, chart: charts.Chart | None) -> dict[str, Any] | None:
        """Publish a chart next to the page; what the template needs to show it."""
        if chart is None:
            return None
        self.files[name] = chart.svg
        return {"src": name, "width": chart.width, "height": chart.height, "alt": chart.description}


def page_folder(source: str) -> str:
    """The folder a page is published as: `a/b/index.md` -> `a/b`, `metodologi.md` -> `metodologi`."""
    stem = source.removesuffix(".md")
    folder = posixpath.dirname(stem) if posixpath.basename(stem) == "index" else stem
    return folder or "."


def kept_copy(page: Page) -> Page:
    """What a later build needs of a page it does not render again (its kecamatan unchanged):
    the page without its template context and file contents, and its own tables (in its
    kecamatan's folder) without their rows, each with its data-package line."""
    own = {id(t) for t in own_tables(page)}

    def table(t: Table) -> Table:
        if id(t) not in own or t.resource is None:
            return t
        return replace(t, rows=[], row_classes=[], row_ids=[], footer=None)

    return replace(
        page,
        context={},
        files=dict.fromkeys(page.files, ""),
        tables={k: table(t) for k, t in page.tables.items()},
    )


def own_tables(page: Page) -> list[Table]:
    """The tables of a kecamatan's page that lie in its kecamatan's folder (not the kabupaten's)."""
    folder = page.path.split("/")[1:2]
    return [t for t in page.tables.values() if t.path.split("/")[1:2] == folder]


def unique_tables(site_pages: Iterable[Page]) -> list[Table]:
    """Every table shown on some page, once (a scale appears on several pages)."""
    seen: dict[str, Table] = {}
    for page in site_pages:
        for t in page.tables.values():
            seen.setdefault(t.path, t)
    return list(seen.values())

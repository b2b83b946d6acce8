"""MkDocs hooks of the portal build (listed in each shard's generated mkdocs.yml).

Compiled theme templates are kept between builds (a Jinja bytecode cache beside the shards in
the work folder): compiling the theme's templates was most of the fixed cost of a shard.

The search plugin parses every page's HTML to split it into sections, tag by tag, and skips
the data tables only after parsing them (they carry `data-search-exclude`). Tables are most of
a report page's HTML, so they are taken out before the search plugin sees the page and put
back after it: the same search index and the same pages, in about a third of the time.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemBytecodeCache
from mkdocs.plugins import CombinedEvent, event_priority

TABEL = re.compile(r'<div class="tabel-gulir".*?</table>\s*</div>', re.S)
TEMPAT = re.compile(r"<!--tabel-(\d+)-->")


@event_priority(100)  # before the search plugin (priority 0)
def _tanpa_tabel(context: dict[str, Any], *, page: Any, config: Any, nav: Any) -> dict[str, Any]:
    tables: list[str] = []

    def keep(match: re.Match[str]) -> str:
        tables.append(match.group(0))
        return f"<!--tabel-{len(tables) - 1}-->"

    page.content = TABEL.sub(keep, page.content)
    page.portal_tabel = tables
    return context


@event_priority(-100)  # after it
def _dengan_tabel(context: dict[str, Any], *, page: Any, config: Any, nav: Any) -> dict[str, Any]:
    tables = page.portal_tabel
    page.content = TEMPAT.sub(lambda match: tables[int(match.group(1))], page.content)
    return context


on_page_context = CombinedEvent(_tanpa_tabel, _dengan_tabel)


def on_env(env: Environment, *, config: Any, files: Any) -> Environment:
    """Reuse compiled templates: work/shard/<shard>/mkdocs.yml -> work/shard/jinja/."""
    env.bytecode_cache = bytecode_cache(Path(config.config_file_path).parent.parent / "jinja")
    return env


def bytecode_cache(folder: Path) -> FileSystemBytecodeCache:
    """Compiled Jinja templates kept in `folder` (safe for parallel processes; keyed by source)."""
    folder.mkdir(parents=True, exist_ok=True)
    return FileSystemBytecodeCache(str(folder))

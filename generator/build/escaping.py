"""MkDocs hooks that make the theme escape every text it prints, exactly once.

The theme's templates print page titles, navigation titles, `site_name`, `copyright` and
descriptions as they are, written for authors who put HTML there; ours come from content files
(a kecamatan's `nama`, the portal's `judul` and `penerbit`). Their Jinja environment therefore
escapes every printed value (autoescape), as the portal's own templates do. What is HTML
already is marked so: the page body (rendered by Markdown, content text escaped or sanitised
there), the table of contents (heading text with its entities, no tags) and script tags. Every
value the build hands to MkDocs (front matter, mkdocs.yml, navigation) stays plain text.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, pass_context
from markupsafe import Markup
from mkdocs.plugins import event_priority
from mkdocs.utils.templates import script_tag_filter

from generator.build.hooks import bytecode_cache


@pass_context
def _script_tag(context: Any, script: Any) -> Markup:
    return Markup(script_tag_filter(context, script))


def on_env(env: Environment, *, config: Any, files: Any) -> Environment:
    """Autoescape in the theme's templates (compiled apart from templates compiled without it)."""
    env.autoescape = True
    env.filters["script_tag"] = _script_tag
    env.bytecode_cache = bytecode_cache(Path(config.config_file_path).parent.parent / "jinja" / "autoescape")
    return env


@event_priority(-200)  # after every other hook: what the theme's templates get
def on_page_context(context: dict[str, Any], *, page: Any, config: Any, nav: Any) -> dict[str, Any]:
    page.content = Markup(page.content)
    items = list(page.toc)
    while items:
        item = items.pop()
        item.title = Markup(item.title)
        items += item.children
    return context

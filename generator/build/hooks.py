"""MkDocs hooks of the portal build (listed in each shard's generated mkdocs.yml).

Compiled theme templates are kept between builds (a Jinja bytecode cache beside the shards in
the work folder): compiling the theme's templates was most of the fixed cost of a shard.

A kabupaten shard's pages load the theme's stylesheets, scripts and images, and the portal's
CSS and script, from the portal root (`extra.portal_root` of the shard's mkdocs.yml): the shard does not
publish copies of its own, so a reader going from one kabupaten to another downloads them once.

Every abbreviation of the glossary is marked up (`<abbr>`) where it appears.

A page that is HTML but for its plain headings (nearly every page a kabupaten shard has) is
converted by `html_page.convert`, without Python-Markdown's fixed cost per page (`HtmlPage`,
the class of every page of the build); any other page by MkDocs' own `Page.render`.

The theme's navigation is most of its template time, and on a shard's pages most of it is the
same: every item that does not contain the current page renders the same HTML on every page
from which its links have the same relative targets (`nav_fragment`, called by the overridden
partials/nav-item.html), an item with one link the same HTML but for that link's target
(`_inactive`); the HTML around and between the items of a section that contains the current page, and of the top list (the
overridden partials/nav.html, `nav_slots`), is the same on every page: it is rendered once and
filled with each page's items.

MkDocs lists the theme's static files on every build by walking the theme's folders, Material's
14.000 icons under `.icons` included, only to drop every name under a hidden folder: the theme's
loader here does not walk into hidden folders (`ThemeLoader`).

The data files next to the pages (CSV, JSON, SVG) are hard-linked into the site instead of
copied: on this machine creating a file costs about 0,4 ms of kernel time and a link 0,02 ms,
and there are about ten data files per page. The build writes every changed docs file as a
new file (`render.write_pages`), so a published link never changes under a reader.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, Undefined, pass_context
from jinja2.runtime import Context, Macro
from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import normalize_url

from generator.build import html_page, mkdocs_run
from generator.build.files import link_anew
from generator.render.glossary import mark_abbreviations


def on_page_content(html: str, *, page: Any, config: Any, files: Any) -> str:
    """Every abbreviation of the glossary (site_templates/istilah.yml) marked up where it appears."""
    return mark_abbreviations(html)


#: How a theme asset's link starts (an attribute, or the theme's configuration of its search
#: worker) and the assets the portal root serves for every shard.
ASSET_LINK_STARTS = ('href="', 'src="', '"search": "')
SHARED_ASSETS = (
    "assets/stylesheets/",
    "assets/javascripts/",
    "assets/images/",
    'assets/portal.css"',
    'assets/portal.js"',
    'assets/theme-base.js"',
)


def shared_theme_assets(html: str, to_shard_root: str, portal_root: str) -> str:
    """Point a page's links to theme assets at the copy at the portal root. `to_shard_root`:
    the page's relative path to its shard's root (`../../`, "" on the root page), which the
    theme puts before every asset; `portal_root`: from the shard's root to the portal's, ""
    for the portal's own shard. Plain replacements: this runs on every page."""
    if not portal_root:
        return html
    for start in ASSET_LINK_STARTS:
        if start + to_shard_root + "assets/" in html:
            for asset in SHARED_ASSETS:
                link = start + to_shard_root + asset
                html = html.replace(link, start + to_shard_root + portal_root + asset)
    return html


class ThemeLoader(FileSystemLoader):
    """The theme's template loader, listing no file inside a hidden folder: MkDocs' theme-file
    filter drops every such name anyway (patterns `.*` and `*/.*`)."""

    def list_templates(self) -> list[str]:
        found: set[str] = set()
        for top in self.searchpath:
            for folder, subfolders, names in os.walk(top, followlinks=self.followlinks):
                subfolders[:] = [d for d in subfolders if not d.startswith(".")]
                prefix = os.path.relpath(folder, top).replace(os.sep, "/") + "/"
                found.update(name if prefix == "./" else prefix + name for name in names)
        return sorted(found)


def on_config(config: Any) -> Any:
    """The theme's environment loads its templates with `ThemeLoader`; whether this build's
    Markdown configuration is the one `html_page.convert` reproduces."""
    theme, make_env = config.theme, config.theme.get_env

    def get_env() -> Environment:
        env: Environment = make_env()
        env.loader = ThemeLoader(theme.dirs)
        return env

    theme.get_env = get_env
    _ESCAPES[0] = html_page.escapes(config.markdown_extensions, config.mdx_configs)
    return config


#: The characters a backslash escapes when this build's pages may be converted without
#: Python-Markdown (`HtmlPage`), else None; set per build by `on_config`.
_ESCAPES: list[frozenset[str] | None] = [None]


class HtmlPage(Page):
    """A page converted by `html_page.convert` when it is HTML but for its plain headings,
    and by Python-Markdown (MkDocs' own `render`) otherwise."""

    def render(self, config: MkDocsConfig, files: Files) -> None:
        escaped = _ESCAPES[0]
        converted = None if escaped is None or self.markdown is None else html_page.convert(self.markdown, escaped)
        if converted is None:
            super().render(config, files)
            return
        self.content = converted.content
        self.toc = get_toc(converted.toc_tokens)
        self._title_from_render = converted.title
        self.present_anchor_ids = converted.anchors
        self.links_to_anchors = {}  # it has no links: its text is in its HTML blocks


def on_nav(nav: Any, *, config: Any, files: Files) -> Any:
    """Every page of the build is an `HtmlPage`."""
    for file in files.documentation_pages():
        if type(file.page) is Page:
            file.page.__class__ = HtmlPage
    return nav


def on_post_page(output: str, *, page: Any, config: Any) -> str:
    depth = page.url.count("/")  # use_directory_urls: `a/b/` is two folders below the root
    return shared_theme_assets(output, "../" * depth, config.extra.get("portal_root", ""))


def on_env(env: Environment, *, config: Any, files: Any) -> Environment:
    """Reuse compiled templates (work/shard/<shard>/mkdocs.yml -> work/shard/jinja/) and
    rendered navigation items (`nav_fragment`, for this build only)."""
    env.bytecode_cache = bytecode_cache(Path(config.config_file_path).parent.parent / "jinja")
    env.auto_reload = False  # a build reads each template once, not its file's date at every include
    _NAV.clear()
    features = set(config.theme.get("features") or ())
    _PRUNED[0] = "navigation.prune" in features and not features & {"navigation.sections", "navigation.tabs"}
    env.globals.update(nav_fragment=nav_fragment, nav_slots=nav_slots)
    env.globals["theme_text"] = theme_text(env, config.theme["language"])
    return env


def theme_text(env: Environment, language: str) -> Callable[[str], Any]:
    """The theme's translation of a text key (its partials/language.html: the language's text,
    else the English one, else the key), looked up once per key. The language files are
    loaded at the first call, once the theme's environment is set up (autoescape)."""

    @functools.cache
    def text(key: str) -> Any:
        own = env.get_template(f"partials/languages/{language}.html").module
        english = env.get_template("partials/languages/en.html").module
        return own.t(key) or english.t(key) or key  # type: ignore[attr-defined]

    return text


#: Rendered navigation items of the current build, by item, place and link targets, and the
#: pieces of the sections that contain the current page (`_active_section`).
_NAV: dict[tuple[Any, ...], Any] = {}

#: Whether the theme shows a section that does not contain the current page as one link to its
#: first page (`navigation.prune` without sections or tabs), set per build by `on_env`.
_PRUNED = [False]

#: What an item renders as while the list it is in is rendered once for its pieces (`_slots`).
_SLOT = "\x00nav-slot\x00"
_SKELETON = [False]


def _links(item: Any) -> list[Any]:
    """The pages and links the theme shows for a navigation item that does not contain the
    current page: itself, the first page of a pruned section, or every page of a section."""
    children = getattr(item, "children", None)
    if not children:
        return [item]
    return _links(children[0]) if _PRUNED[0] else [leaf for child in children for leaf in _links(child)]


@pass_context
def nav_fragment(context: Context, render: Macro, item: Any, path: str, level: int, parent: Any) -> str:
    """The theme's rendering of a navigation item; an item that does not contain the current
    page depends on the page only through its links' relative targets (the theme's `url`
    filter), so its HTML is kept and reused for every page that gives the same targets. A
    section that contains the current page is put together from kept pieces
    (`_active_section`)."""
    if _SKELETON[0]:
        return _SLOT
    parent_active = None if isinstance(parent, Undefined) else parent.active
    if item.active and getattr(item, "children", None):
        return _active_section(context, render, item, path, level, parent, parent_active)
    if item.active:
        return render(item, path, level, parent)  # the current page, with its table of contents
    page, base = context["page"], context["base_url"]
    targets = tuple(normalize_url(str(link.url), page=page, base=base) for link in _links(item))
    key = (id(item), path, level, parent_active, *targets)
    html = _NAV.get(key)
    if html is None:
        html = _NAV[key] = _inactive(render, item, path, level, parent, parent_active, targets)
    return html


def _inactive(
    render: Macro, item: Any, path: str, level: int, parent: Any, parent_active: Any, targets: tuple[str, ...]
) -> str:
    """An item that does not contain the current page, for new link targets. An item with one
    link (a page, a pruned section) renders the same HTML for every target but its link's: that
    HTML, kept from its first rendering, gets the new target in the link's place."""
    model_key = ("model", id(item), path, level, parent_active)
    model = _NAV.get(model_key) if len(targets) == 1 else None
    if model is not None:
        html, link = model
        return Markup(html.replace(link, f'href="{escape(targets[0])}"', 1))
    html = render(item, path, level, parent)
    link = f'href="{escape(targets[0])}"'
    if len(targets) == 1 and html.count(link) == 1:
        _NAV[model_key] = (str(html), link)
    return html


def _active_section(
    context: Context, render: Macro, item: Any, path: str, level: int, parent: Any, parent_active: Any
) -> str:
    """A section that contains the current page: the theme's HTML around and between its
    children does not depend on the page (the section is open on every page inside it), so it
    is rendered once with a slot for each child (`_slots`), which each page fills."""
    key = ("section", id(item), path, level, parent_active)
    pieces = _slots(key, lambda: render(item, path, level, parent), len(item.children))
    if not pieces:
        return render(item, path, level, parent)
    return _fill(
        pieces,
        (nav_fragment(context, render, c, f"{path}_{n}", level + 1, item) for n, c in enumerate(item.children, 1)),
    )


@pass_context
def nav_slots(context: Context, items_macro: Macro, items: list[Any], render: Macro) -> str:
    """The top items of the navigation (the overridden partials/nav.html): the theme's loop over
    them (`items_macro`) rendered once with a slot for each item (`_slots`), filled on each page
    with `nav_fragment` and the theme's item macro `render`."""
    pieces = _slots(("top", id(items)), lambda: items_macro(items), len(items))
    if not pieces:
        return items_macro(items)
    parent = context.environment.undefined(name="parent")  # what the theme's loop passes
    return _fill(
        pieces, (nav_fragment(context, render, item, f"__nav_{n}", 1, parent) for n, item in enumerate(items, 1))
    )


def _slots(key: tuple[Any, ...], skeleton: Callable[[], str], count: int) -> list[str]:
    """The HTML of a navigation list, kept under `key`, as the pieces between its `count` items:
    `skeleton()` renders it once with every item as a slot. Empty when the rendering has not one
    slot per item (the theme leaves an item out): it is rendered in full then."""
    pieces = _NAV.get(key)
    if pieces is None:
        _SKELETON[0] = True
        try:
            pieces = str(skeleton()).split(_SLOT)
        finally:
            _SKELETON[0] = False
        _NAV[key] = pieces = pieces if len(pieces) == count + 1 else []
    return pieces


def _fill(pieces: list[str], items: Iterable[str]) -> Markup:
    html = [pieces[0]]
    for item, piece in zip(items, pieces[1:]):
        html += (item, piece)
    return Markup("".join(html))


def bytecode_cache(folder: Path) -> FileSystemBytecodeCache:
    """Compiled Jinja templates kept in `folder` (safe for parallel processes; keyed by source)."""
    folder.mkdir(parents=True, exist_ok=True)
    return FileSystemBytecodeCache(str(folder))


#: Output folders made during the current build (`os.makedirs` asks the kernel even when the
#: folder exists, which costs as much as making it); reset when a build starts (`on_files`).
_FOLDERS: set[str] = set()


class _LinkedFile(File):
    """A file of the docs folder published as a hard link to it (a copy across file systems)."""

    def copy_file(self, dirty: bool = False) -> None:
        if dirty and not self.is_modified():
            return
        assert self.abs_src_path is not None  # on_files links only files with a source path
        link_anew(self.abs_src_path, self.abs_dest_path, _FOLDERS)


#: Theme files no page loads: source maps, and the theme's search (lunr and its worker; the
#: portal has its own, generator/build/search.py). Smaller site, nothing that names other hosts.
UNUSED_THEME_FILES = (".map",), ("assets/javascripts/lunr/", "assets/javascripts/workers/")

#: Files every shard's MkDocs build would write alike. A kabupaten's pages load the portal
#: root's copy (`shared_theme_assets`), so the shard does not publish its own: a reader
#: downloads them once per portal.
SHARED_THEME_FILES = (
    "assets/stylesheets/",
    "assets/javascripts/",
    "assets/images/",
    "assets/portal.css",
    "assets/portal.js",
    "assets/theme-base.js",
)


def published(uri: str, kabupaten: bool) -> bool:
    """Whether a shard publishes the static file `uri` (`UNUSED_THEME_FILES`, `SHARED_THEME_FILES`)."""
    ends, starts = UNUSED_THEME_FILES
    return not (uri.endswith(ends) or uri.startswith(starts) or (kabupaten and uri.startswith(SHARED_THEME_FILES)))


def on_files(files: Files, *, config: Any) -> Files:
    """Theme files the shard does not publish are left out (`published`); static files of the
    docs folder are published as hard links. In a build split over processes
    (`mkdocs_run.BUILDING`), this one makes only its part."""
    _FOLDERS.clear()
    kabupaten = bool(config.extra.get("portal_root"))
    for f in [f for f in files if not f.is_documentation_page() and not published(f.dest_uri, kabupaten)]:
        files.remove(f)
    docs = os.path.join(os.path.abspath(config.docs_dir), "")
    for f in files:
        if not f.is_documentation_page() and f.abs_src_path and f.abs_src_path.startswith(docs) and type(f) is File:
            f.__class__ = _LinkedFile
    part, parts = mkdocs_run.BUILDING[0]
    if parts > 1:
        only_part(files, config, part, parts)
    return files


def only_part(files: Files, config: Any, part: int, parts: int) -> None:
    """Make this (dirty) build process every `parts`-th page and static file from `part` on, in
    the order of their source names, and, in part 0 only, the theme's own pages (404, sitemap):
    every other file counts as unmodified. Files are interleaved, so that each part gets its
    share of every kind of page."""
    for kind in (True, False):
        ordered = sorted((f for f in files if f.is_documentation_page() is kind), key=lambda f: f.src_uri)
        for n, f in enumerate(ordered):
            f.is_modified = functools.partial(bool, n % parts == part)  # type: ignore[method-assign]
    if part:
        config.theme.static_templates.clear()

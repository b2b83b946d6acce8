"""What a page refers to, and what a first visit to it transfers.

`Page` reads one HTML page: its language, the resources a browser fetches with it
(stylesheets, icons, scripts, images, frames, media), the links a reader follows, and the
images without alt text. `page_weight` adds up what an empty cache downloads for one page,
each file gzip-compressed as a server sends it (level 6, nginx's and Apache's usual). The search
loads nothing until its box is opened (generator/build/search.py), so it is not part of a page's
weight. The budget is checked by `kinerja periksa` on every page and reported per page kind by
bench/page_weight.py.
"""

from __future__ import annotations

import functools
import gzip
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

#: Budget per page, in KB transferred (gzip), theme assets included.
BUDGET_KB = 150
#: `<link rel>` values whose target the browser fetches with the page.
FETCHED_LINKS = {
    "stylesheet",
    "icon",
    "preload",
    "modulepreload",
    "prefetch",
    "manifest",
    "apple-touch-icon",
    "mask-icon",
}
#: Attributes that make the browser fetch something, per tag.
FETCHED = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "iframe": ("src",),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "track": ("src",),
    "input": ("src",),
}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""")


class Page(HTMLParser):
    """Language, resources, links and images without alt text of one HTML page."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.lang: str | None = None
        self.resources: list[str] = []
        self.links: list[str] = []
        self.without_alt: list[str] = []
        self._in_style = False
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.lang = attr.get("lang")
        elif tag == "link" and attr.get("href"):
            fetched = FETCHED_LINKS & set(attr.get("rel", "").lower().split())
            (self.resources if fetched else self.links).append(attr["href"])
        elif tag in ("a", "area") and attr.get("href"):
            self.links.append(attr["href"])
        if tag == "img" and "alt" not in attr:
            self.without_alt.append(attr.get("src", ""))
        for name in FETCHED.get(tag, ()):
            if attr.get(name):
                self.resources += _srcset(attr[name]) if name == "srcset" else [attr[name]]
        if attr.get("style"):
            self.resources += css_urls(attr["style"])
        self._in_style = tag == "style"

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.resources += css_urls(data)

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False


def _srcset(value: str) -> list[str]:
    return [item.split()[0] for item in value.split(",") if item.strip()]


def css_urls(css: str) -> list[str]:
    """Addresses a stylesheet makes the browser fetch (url() and @import)."""
    return [a or b for a, b in CSS_URL.findall(css)]


def is_local(url: str) -> bool:
    """A relative or site-absolute address (no scheme, no host)."""
    return not re.match(r"^([a-z][a-z0-9+.-]*:|//)", url, flags=re.I)


def gzip_size(path: Path) -> int:
    """Bytes of `path` gzip-compressed as a server compresses on the fly (level 6); each file
    compressed once (theme files are shared by every page)."""
    st = path.stat()
    return _gzip_size(path, st.st_ino, st.st_size, st.st_mtime_ns)


@functools.cache
def _gzip_size(path: Path, *stamp: int) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


def kind_of(path: Path) -> str:
    return {".html": "HTML", ".css": "CSS", ".js": "JS", ".svg": "SVG"}.get(path.suffix, "Other")


@dataclass(frozen=True)
class Weight:
    page: str
    by_type: dict[str, int] = field(default_factory=dict)  # gzip bytes per resource type

    @property
    def total(self) -> int:
        return sum(self.by_type.values())


def page_files(site: Path, page: str, parsed: Page | None = None) -> list[Path]:
    """Every file of the site a first visit to `page` loads: the page and its local resources."""
    html = site / page
    parsed = parsed or Page(html.read_text(encoding="utf-8"))
    files = {html}
    for url in parsed.resources:
        target = url.split("#")[0].split("?")[0]
        if target and is_local(target) and not target.startswith("/"):
            resolved = (html.parent / target).resolve()
            if resolved.is_file():
                files.add(resolved)
    return sorted(files)


def page_weight(site: Path, page: str, parsed: Page | None = None) -> Weight:
    """Transferred bytes (gzip) for a first visit to one page, with an empty cache."""
    by_type: dict[str, int] = {}
    for f in page_files(site, page, parsed):
        by_type[kind_of(f)] = by_type.get(kind_of(f), 0) + gzip_size(f)
    return Weight(page, by_type)

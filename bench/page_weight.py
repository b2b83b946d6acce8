"""Page weight of the built portal: what a visitor's browser transfers for one page of each
kind (HTML, CSS, JS, images and what the page fetches as it loads, each gzip-compressed as a
server would send it), a reader's journey across kabupaten with a warm cache (the bytes each
next page adds), what the first search adds (measured in Chromium: the search box opened and a
word typed), and the size of the whole site.

    .venv/bin/python bench/page_weight.py [SITE_DIR] [--out bench/results/page-weight.md]

Without SITE_DIR the bundled demo content is built into a temporary folder first. The search
loads nothing until its box is opened (generator/build/search.py), so it is not part of a page's
weight; the first search is reported on its own, for each word of the search test list.
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
import tempfile
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
#: Budget per page kind, in KB transferred (gzip), theme assets included.
BUDGET_KB = 150
#: Budget for each next page of the journey, in new KB transferred (gzip), the cache warm.
NEXT_PAGE_BUDGET_KB = 20
#: Budget for the downloads of a first search (issue 14, at province scale: bench/results/search.md).
SEARCH_BUDGET_KB = 300
#: A representative page of each kind in the demo portal.
PAGE_KINDS = {
    "Beranda": "index.html",
    "Kabupaten": "jombang/index.html",
    "Kecamatan": "jombang/megaluh/index.html",
    "Laporan Kinerja": "lumajang/kedungjajang/2024/index.html",
    "Hasil SKM": "lumajang/kedungjajang/2024/skm/index.html",
    "Pengumuman SKM": "lumajang/kedungjajang/2024/skm/pengumuman/index.html",
    "Anggaran": "jember/ajung/2023/anggaran/index.html",
    "Kinerja Individu": "lumajang/kedungjajang/2023/individu-tw2/index.html",
    "Perbandingan kecamatan": "lumajang/perbandingan-2024/index.html",
    "Istilah": "istilah/index.html",
    "Metodologi": "metodologi/index.html",
    "Data terbuka": "data-terbuka/index.html",
}
#: A reader's way through the portal: the home page, a kecamatan of one kabupaten, then
#: kecamatan of two other kabupaten and one of their reports.
JOURNEY = (
    "index.html",
    "jombang/megaluh/index.html",
    "lumajang/kedungjajang/index.html",
    "lumajang/kedungjajang/2024/index.html",
    "jember/ajung/index.html",
)
TYPES = ("HTML", "CSS", "JS", "SVG", "Other")


class _Resources(HTMLParser):
    """What a page makes the browser fetch: stylesheets, icons, scripts and images."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        if tag == "link" and attr.get("rel") in ("stylesheet", "icon") and attr.get("href"):
            self.urls.append(attr["href"])
        elif tag in ("script", "img") and attr.get("src"):
            self.urls.append(attr["src"])


@cache
def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


def page_files(site: Path, page: str) -> set[Path]:
    """Every file of the site a first visit to `page` transfers."""
    html = site / page
    parser = _Resources()
    parser.feed(html.read_text(encoding="utf-8"))
    files = {html.resolve()}
    for url in parser.urls:
        target = url.split("#")[0].split("?")[0]
        if target and not re.match(r"^[a-z]+:", target) and (html.parent / target).is_file():
            files.add((html.parent / target).resolve())
    return files


@dataclass(frozen=True)
class Weight:
    kind: str
    page: str
    by_type: dict[str, int]  # gzip bytes per resource type

    @property
    def total(self) -> int:
        return sum(self.by_type.values())


def _type(path: Path) -> str:
    return {".html": "HTML", ".css": "CSS", ".js": "JS", ".svg": "SVG"}.get(path.suffix, "Other")


def weigh(kind: str, page: str, files: set[Path]) -> Weight:
    by_type: dict[str, int] = {}
    for f in sorted(files):
        by_type[_type(f)] = by_type.get(_type(f), 0) + gzip_size(f)
    return Weight(kind, page, by_type)


def page_weight(site: Path, kind: str, page: str) -> Weight:
    """Transferred bytes (gzip) for a first visit to one page, with an empty cache."""
    return weigh(kind, page, page_files(site, page))


def journey(site: Path, pages: tuple[str, ...] = JOURNEY) -> list[Weight]:
    """The bytes each page of a walk through the portal adds to what the browser has cached."""
    cached: set[Path] = set()
    steps = []
    for page in pages:
        files = page_files(site, page)
        steps.append(weigh("first page" if not cached else "next page", page, files - cached))
        cached |= files
    return steps


def site_size(site: Path) -> tuple[int, int, int]:
    """Files, bytes and gzip bytes of the whole site."""
    files = [p for p in site.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files), sum(gzip_size(p) for p in files)


def first_search(site: Path) -> dict[str, tuple[int, int]]:
    """Per word of the search test list: bytes a first search downloads from Beranda, through the
    engine (the first ten results) and typed into the box one key per 150 ms (every prefix
    searched on the way). Measured in Chromium (bench/search.py)."""
    from bench.search import DEMO_WORDS, WORDS, Browser

    browser = Browser(site, site, site / "cari")
    try:
        return {w: (browser.portal_index("", w)[1], browser.typed("", w)) for w in {**WORDS, **DEMO_WORDS}}
    finally:
        browser.close()


def search_report(sizes: dict[str, tuple[int, int]]) -> str:
    lines = ["| Word | Engine, first 10 results (KB gzip) | Typed, 150 ms per key (KB gzip) |", "|---|---:|---:|"]
    lines += [f"| {w} | {a / 1024:.1f} | {b / 1024:.1f} |" for w, (a, b) in sizes.items()]
    return "\n".join(lines) + "\n"


def over_budget(weights: list[Weight], steps: list[Weight]) -> list[str]:
    """Pages over the page budget and journey steps over the next-page budget."""
    return [w.page for w in weights if w.total > BUDGET_KB * 1024] + [
        s.page for s in steps[1:] if s.total > NEXT_PAGE_BUDGET_KB * 1024
    ]


def _table(rows: list[Weight], first: str, budget: int, budget_from: int = 0) -> list[str]:
    kb = lambda n: f"{n / 1024:.1f}"  # noqa: E731
    lines = [
        f"| {first} | " + " | ".join(TYPES) + " | Total (KB gzip) | Budget |",
        "|---|" + "---:|" * (len(TYPES) + 2),
    ]
    for i, w in enumerate(rows):
        ok = "–" if i < budget_from else ("yes" if w.total <= budget * 1024 else "**NO**") + f" (≤ {budget})"
        name = w.kind if first == "Page kind" else f"{w.page.removesuffix('index.html') or '/'}"
        lines.append(f"| {name} | " + " | ".join(kb(w.by_type.get(t, 0)) for t in TYPES) + f" | {kb(w.total)} | {ok} |")
    return lines


def report(site: Path) -> tuple[str, list[Weight], list[Weight]]:
    weights = [page_weight(site, k, p) for k, p in PAGE_KINDS.items() if (site / p).exists()]
    steps = journey(site)
    count, raw, packed = site_size(site)
    lines = [
        "First visit to one page of each kind, empty cache:",
        "",
        *_table(weights, "Page kind", BUDGET_KB),
        "",
        "A reader's journey across kabupaten, cache warm: the new bytes each page adds.",
        "",
        *_table(steps, "Page", NEXT_PAGE_BUDGET_KB, budget_from=1),
        "",
        f"Whole site: {count} files, {raw / 1024:.0f} KB ({packed / 1024:.0f} KB gzip).",
    ]
    return "\n".join(lines) + "\n", weights, steps


def _build_demo(target: Path) -> Path:
    from generator.build import build_site

    return build_site(ROOT / "content", target / "site", target / "work", lambda _: None).site


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", nargs="?", type=Path)
    parser.add_argument("--out", type=Path, default=ROOT / "bench/results/page-weight.md")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or _build_demo(Path(tmp))
        text, weights, steps = report(site)
        searches = first_search(site)
    text += (
        "\n## First search\n\nWhat a search downloads once its box is opened (box.js, 0,5 KB, is loaded by "
        "every page and counted above):\n\n" + search_report(searches)
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("# Page weight of the demo site\n\n" + text, encoding="utf-8")
    print(text)
    if over_budget(weights, steps) or any(max(v) > SEARCH_BUDGET_KB * 1024 for v in searches.values()):
        sys.exit(1)


if __name__ == "__main__":
    main()

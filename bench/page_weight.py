"""Page weight of the built portal: what a visitor's browser transfers for one page of each
kind (HTML, CSS, JS and images the page loads, each gzip-compressed as a server would send
it), what the first search adds (measured in Chromium: the search box opened and a word
typed), and the size of the whole site.

    .venv/bin/python bench/page_weight.py [SITE_DIR] [--out bench/results/page-weight.md]

Without SITE_DIR the bundled demo content is built into a temporary folder first. The search
loads nothing until its box is opened (generator/search.py), so it is not part of a page's
weight; the first search is reported on its own, for each word of the search test list.
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
import tempfile
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
#: Budget per page kind, in KB transferred (gzip), theme assets included; and for the
#: downloads of a first search (issue 14, at province scale: bench/results/search.md).
BUDGET_KB = 150
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
    "Metodologi": "metodologi/index.html",
    "Data terbuka": "data-terbuka/index.html",
}


class _Resources(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        if tag == "link" and attr.get("rel") in ("stylesheet", "icon") and attr.get("href"):
            self.urls.append(attr["href"])
        elif tag in ("script", "img") and attr.get("src"):
            self.urls.append(attr["src"])


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


@dataclass(frozen=True)
class Weight:
    kind: str
    page: str
    by_type: dict[str, int]  # gzip bytes per resource type

    @property
    def total(self) -> int:
        return sum(self.by_type.values())


def _type(path: Path) -> str:
    return {".html": "HTML", ".css": "CSS", ".js": "JS", ".svg": "SVG"}.get(path.suffix, "Gambar lain")


def page_weight(site: Path, kind: str, page: str) -> Weight:
    """Transferred bytes (gzip) for a first visit to one page, with an empty cache."""
    html = site / page
    parser = _Resources()
    parser.feed(html.read_text(encoding="utf-8"))
    files = {html}
    for url in parser.urls:
        target = url.split("#")[0].split("?")[0]
        if target and not re.match(r"^[a-z]+:", target):
            files.add((html.parent / target).resolve())
    by_type: dict[str, int] = {}
    for f in sorted(files):
        by_type[_type(f)] = by_type.get(_type(f), 0) + gzip_size(f)
    return Weight(kind, page, by_type)


def site_size(site: Path) -> tuple[int, int, int]:
    """Files, bytes and gzip bytes of the whole site."""
    files = [p for p in site.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files), sum(gzip_size(p) for p in files)


def first_search(site: Path) -> dict[str, tuple[int, int]]:
    """Per word of the search test list: KB a first search downloads from Beranda, through the
    engine (the first ten results) and typed into the box one key per 150 ms (every prefix
    searched on the way). Measured in Chromium (bench/search.py)."""
    from bench.search import DEMO_WORDS, WORDS, Browser

    browser = Browser(site, site, site / "cari")
    try:
        return {w: (browser.portal_index("", w)[1], browser.typed("", w)) for w in {**WORDS, **DEMO_WORDS}}
    finally:
        browser.close()


def search_report(sizes: dict[str, tuple[int, int]]) -> str:
    lines = ["| Kata | Mesin, 10 hasil pertama (KB gzip) | Diketik, 150 ms per huruf (KB gzip) |", "|---|---:|---:|"]
    lines += [f"| {w} | {a / 1024:.1f} | {b / 1024:.1f} |" for w, (a, b) in sizes.items()]
    return "\n".join(lines) + "\n"


def report(site: Path) -> tuple[str, list[Weight]]:
    weights = [page_weight(site, k, p) for k, p in PAGE_KINDS.items() if (site / p).exists()]
    types = ["HTML", "CSS", "JS", "SVG", "Gambar lain"]
    kb = lambda n: f"{n / 1024:.1f}"  # noqa: E731
    lines = [
        "| Jenis halaman | " + " | ".join(types) + " | Total (KB gzip) | Anggaran |",
        "|---|" + "---:|" * (len(types) + 2),
    ]
    for w in weights:
        ok = "ya" if w.total <= BUDGET_KB * 1024 else "**TIDAK**"
        lines.append(
            f"| {w.kind} | "
            + " | ".join(kb(w.by_type.get(t, 0)) for t in types)
            + f" | {kb(w.total)} | {ok} (≤ {BUDGET_KB}) |"
        )
    count, raw, packed = site_size(site)
    lines += ["", f"Seluruh situs: {count} berkas, {raw / 1024:.0f} KB ({packed / 1024:.0f} KB gzip)."]
    return "\n".join(lines) + "\n", weights


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
        text, weights = report(site)
        searches = first_search(site)
    text += (
        "\n## Pencarian pertama\n\nYang diunduh sejak kotak pencarian dibuka (box.js, 0,5 KB, dimuat setiap "
        "halaman dan sudah dihitung di atas):\n\n" + search_report(searches)
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("# Berat halaman situs demo\n\n" + text, encoding="utf-8")
    print(text)
    if any(w.total > BUDGET_KB * 1024 for w in weights) or any(
        max(v) > SEARCH_BUDGET_KB * 1024 for v in searches.values()
    ):
        sys.exit(1)


if __name__ == "__main__":
    main()

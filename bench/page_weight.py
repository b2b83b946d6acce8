"""Page weight of the built portal: what a visitor's browser transfers for one page of each
kind (HTML, CSS, JS, images and what the page fetches as it loads), estimated (each file
gzip-compressed as a server would send it: generator/check/page_weight.py, the same figures
`kinerja periksa` checks against the budget) and as actually transferred by Debian's nginx with
deploy/nginx.conf (precompressed files, response headers included); a reader's journey across
kabupaten with a warm cache (the bytes each next page adds); what the first search adds
(measured in Chromium: the search box opened and a word typed); and the size of the site.

    .venv/bin/python bench/page_weight.py [SITE_DIR] [--out bench/results/page-weight.md]

Without SITE_DIR the bundled demo content is built into a temporary folder first. Needs nginx
(`make test` installs it) and root or sudo (its workers run as www-data, like a real server's).
The search loads nothing until its box is opened (generator/build/search.py), so it is not part
of a page's weight; the first search is reported on its own, for each word of the search test list.
"""

from __future__ import annotations

import argparse
import shutil
import socket
import sys
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.servers import Nginx, served_folder
from generator.check.page_weight import BUDGET_KB, Weight, gzip_size, kind_of, page_files, page_weight

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
    "Panduan petugas": "panduan-petugas/index.html",
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


def weigh(page: str, files: set[Path]) -> Weight:
    by_type: dict[str, int] = {}
    for f in sorted(files):
        by_type[kind_of(f)] = by_type.get(kind_of(f), 0) + gzip_size(f)
    return Weight(page, by_type)


def journey(site: Path, pages: tuple[str, ...] = JOURNEY) -> list[Weight]:
    """The bytes each page of a walk through the portal adds to what the browser has cached."""
    cached: set[Path] = set()
    steps = []
    for page in pages:
        files = set(page_files(site, page))
        steps.append(weigh(page, files - cached))
        cached |= files
    return steps


def site_size(site: Path) -> tuple[int, int, int, int, int]:
    """Files, bytes and gzip bytes (estimate) of the whole site, then its .gz copies and their bytes."""
    files = [p for p in site.rglob("*") if p.is_file() and p.suffix != ".gz"]
    copies = [p for p in site.rglob("*.gz") if p.is_file()]
    return (
        len(files),
        sum(p.stat().st_size for p in files),
        sum(gzip_size(p) for p in files),
        len(copies),
        sum(p.stat().st_size for p in copies),
    )


def transferred(url: str) -> tuple[int, int]:
    """Bytes nginx sends for one request from a browser that accepts gzip, as they cross the
    network (status line, headers and body), and of those the status line and headers."""
    parts = urlsplit(url)
    with socket.create_connection((parts.hostname, parts.port), timeout=10) as connection:
        connection.sendall(
            f"GET {parts.path} HTTP/1.1\r\nHost: {parts.netloc}\r\nAccept-Encoding: gzip\r\n"
            "Connection: close\r\n\r\n".encode()
        )
        received = b""
        while chunk := connection.recv(65536):
            received += chunk
    return len(received), received.index(b"\r\n\r\n") + 4


def nginx_weights(site: Path) -> dict[str, tuple[int, int]]:
    """Per page kind, the bytes nginx transfers for a first visit (every file of `page_files`)
    and of those the headers."""
    with Nginx(site, site) as server:
        weights = {}
        for kind, page in PAGE_KINDS.items():
            if (site / page).exists():
                sent = [
                    transferred(server.root_url + f.relative_to(site).as_posix().removesuffix("index.html"))
                    for f in page_files(site, page)
                ]
                weights[kind] = (sum(total for total, _ in sent), sum(head for _, head in sent))
        return weights


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


def over_budget(weights: dict[str, Weight], steps: list[Weight], searches: dict[str, tuple[int, int]]) -> list[str]:
    """Pages over the page budget, journey steps over the next-page budget, words over the search budget."""
    return (
        [w.page for w in weights.values() if w.total > BUDGET_KB * 1024]
        + [s.page for s in steps[1:] if s.total > NEXT_PAGE_BUDGET_KB * 1024]
        + [w for w, sizes in searches.items() if max(sizes) > SEARCH_BUDGET_KB * 1024]
    )


def _kb(n: int) -> str:
    return f"{n / 1024:.1f}"


def report(site: Path, searches: dict[str, tuple[int, int]]) -> tuple[str, dict[str, Weight], list[Weight]]:
    weights = {k: page_weight(site, p) for k, p in PAGE_KINDS.items() if (site / p).exists()}
    sent = nginx_weights(site)
    steps = journey(site)
    lines = [
        "First visit to one page of each kind, empty cache:",
        "",
        "| Page kind | " + " | ".join(TYPES) + " | Total (KB gzip) | nginx (KB sent) | headers | Budget |",
        "|---|" + "---:|" * (len(TYPES) + 4),
    ]
    for kind, w in weights.items():
        ok = ("yes" if w.total <= BUDGET_KB * 1024 else "**NO**") + f" (≤ {BUDGET_KB})"
        lines.append(
            f"| {kind} | "
            + " | ".join(_kb(w.by_type.get(t, 0)) for t in TYPES)
            + f" | {_kb(w.total)} | {_kb(sent[kind][0])} | {_kb(sent[kind][1])} | {ok} |"
        )
    lines += [
        "",
        "A reader's journey across kabupaten, cache warm: the new bytes each page adds.",
        "",
        "| Page | " + " | ".join(TYPES) + " | Total (KB gzip) | Budget |",
        "|---|" + "---:|" * (len(TYPES) + 2),
    ]
    for i, s in enumerate(steps):
        ok = "–" if i == 0 else ("yes" if s.total <= NEXT_PAGE_BUDGET_KB * 1024 else "**NO**") + " (≤ 20)"
        name = s.page.removesuffix("index.html") or "/"
        lines.append(
            f"| {name} | " + " | ".join(_kb(s.by_type.get(t, 0)) for t in TYPES) + f" | {_kb(s.total)} | {ok} |"
        )
    count, raw, packed, copies, copied = site_size(site)
    lines += [
        "",
        f"Whole site: {count} files, {raw / 1024:.0f} KB ({packed / 1024:.0f} KB gzip), "
        f"plus {copies} precompressed .gz copies ({copied / 1024:.0f} KB).",
        "",
        "Total: the estimate (each file gzip level 6). nginx: the bytes nginx actually sends with "
        "deploy/nginx.conf for a first visit (the build's .gz files, gzip level 9), HTTP headers included "
        "(column headers: status line and headers, the Content-Security-Policy among them).",
        "",
        "## First search",
        "",
        "What a search downloads once its box is opened (box.js, 0,5 KB, is loaded by every page and counted above):",
        "",
        "| Word | Engine, first 10 results (KB gzip) | Typed, 150 ms per key (KB gzip) |",
        "|---|---:|---:|",
        *(f"| {w} | {_kb(a)} | {_kb(b)} |" for w, (a, b) in searches.items()),
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
    tmp = served_folder("kinerja-berat-")  # nginx's workers must be able to read it
    try:
        site = args.site or _build_demo(tmp)
        searches = first_search(site)
        text, weights, steps = report(site, searches)
    finally:
        shutil.rmtree(tmp)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("# Page weight of the demo site\n\n" + text, encoding="utf-8")
    print(text)
    if over_budget(weights, steps, searches):
        sys.exit(1)


if __name__ == "__main__":
    main()

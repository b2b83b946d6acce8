"""Portal-wide search, the candidates of issue 14 item 5 measured on built sites.

    .venv/bin/python bench/search.py [--demo DEMO_SITE] [--province SITE --province-content CONTENT]
                                     [--out bench/results/search.md]

Candidates, each over every page of every shard and the same text of each page (what the
portal's index holds: the article without data tables' values, charts and the page footer;
`generator.build.search.page_text`):

- **lunr** (the theme's engine) as one index for the whole portal: English pipeline (today's
  `lang: en`), or Sastrawi (Indonesian stemmer, PyPI `PySastrawi`) applied to the documents at
  build time and to the query; each with the query as typed or every term as a prefix. The
  theme downloads its documents whole and builds the index in the browser, so the download is
  the documents (gzip) plus the worker.
- **today**: each shard's own lunr index plus the names of every kabupaten and kecamatan.
- **Pagefind** (PyPI `pagefind[bin]`, Indonesian stemming by its Snowball stemmer): one index
  over the whole site, or one per shard merged in the browser (`mergeIndex`). Measured in
  Chromium: the bytes a first search downloads (empty cache: script, WebAssembly, metadata,
  index chunks and the fragments of the first ten results).
- **portal index** (`generator/build/search.py`, the one built): Sastrawi stems at build time, one
  small chunk per word fetched on demand, titles of the results shown; measured through its
  engine (`cari/engine.js`) like Pagefind, and through the search box with the word typed one
  key every 150 ms (every prefix searched on the way: the most a reader downloads).

Recall: each word of the list (issue 14) must return, among the first ten results, a page whose
address matches; from Beranda and from a page of another kabupaten. The build time is measured
on this machine (2 cores, shared with other work: wall and CPU seconds).

Needs the `bench` extra (`pip install -e '.[bench]'`) and Debian's Chromium.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
#: Words of issue 14 with the page each must find: a regular expression on the result's
#: address relative to the portal root. Desa, kecamatan and indicator names come per site.
WORDS = {
    "kepuasan": r"/skm/$",
    "survei": r"/skm/$",
    "SKM": r"/skm/$",
    "IKM": r"/skm/$",
    "pengaduan": r"/skm/$",
    "pelayanan": r"/skm/$",
    "anggaran": r"/anggaran/$",
    "camat": r"^[^/]+/[^/]+/$|/individu-tw\d/$",
}
#: Words of the demo content (content/): a desa of Megaluh and of Ajung, a kecamatan of
#: another kabupaten, two indicator names.
DEMO_WORDS = {
    "Gongseng": r"^jombang/megaluh/$",
    "Mangaran": r"^jember/ajung/$",
    "Ajung": r"^jember/ajung/",
    "Megaluh": r"^jombang/megaluh/",
    "sinergitas": r"^lumajang/kedungjajang/2024/$",
    "kesejahteraan": r"^jember/ajung/2023/$",
}
DEMO_ORIGINS = {"Beranda": "", "Lumajang": "lumajang/kedungjajang/2024/"}
TOP = 10


# ---------------------------------------------------------------- the indexed text


@dataclass(frozen=True)
class Page:
    url: str  # relative to the portal root, e.g. jember/ajung/2023/
    shard: str  # kabupaten slug, "" for the portal's own pages
    title: str
    text: str


def pages(site: Path) -> list[Page]:
    """Every page of a built portal with the text the portal's index holds of it."""
    from generator.build.search import page_text

    shards = {p.parent.name for p in site.glob("*/datapackage.json")}
    out = []
    for path in sorted(site.rglob("index.html")):
        rel = path.parent.relative_to(site).as_posix()
        url = "" if rel == "." else rel + "/"
        title, heading, text = page_text(path.read_text(encoding="utf-8"))
        head = url.split("/")[0]
        out.append(Page(url, head if head in shards else "", title, f"{heading} {text}"))
    return out


# ---------------------------------------------------------------- lunr


WORD = re.compile(r"[\w]+", re.U)


@functools.cache
def _sastrawi() -> Callable[[str], str]:
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    stemmer = StemmerFactory().create_stemmer()
    return functools.cache(lambda word: stemmer.stem(word) or word)


def stem_text(text: str) -> str:
    stem = _sastrawi()
    return WORD.sub(lambda m: stem(m.group(0).lower()), text)


@dataclass
class Lunr:
    name: str
    docs: list[dict]
    sastrawi: bool
    prefix: bool
    prepare_s: tuple[float, float] = (0.0, 0.0)  # wall, CPU seconds to stem the documents
    _index: object = None

    @property
    def download(self) -> int:
        """Documents (gzip) plus the theme's search worker with lunr (gzip)."""
        docs = json.dumps({"docs": self.docs}, ensure_ascii=False, separators=(",", ":")).encode()
        return len(gzip.compress(docs, 6)) + _worker_size()

    def search(self, word: str) -> list[str]:
        from lunr import lunr
        from lunr.exceptions import QueryParseError

        if self._index is None:
            if self.sastrawi:  # the documents are stemmed already: no English stemmer
                from lunr.builder import Builder
                from lunr.stop_word_filter import stop_word_filter
                from lunr.trimmer import trimmer

                builder = Builder()
                builder.pipeline.add(trimmer, stop_word_filter)
                builder.search_pipeline.reset()
                self._index = lunr(ref="id", fields=("title", "text"), documents=self.docs, builder=builder)
            else:
                self._index = lunr(ref="id", fields=("title", "text"), documents=self.docs)
        term = stem_text(word) if self.sastrawi else word.lower()
        try:
            hits = self._index.search(term + ("*" if self.prefix else ""))
        except QueryParseError:
            return []
        return [h["ref"] for h in hits[:TOP]]


@functools.cache
def _worker_size() -> int:
    from importlib.resources import files

    workers = files("material") / "templates/assets/javascripts/workers"
    return sum(len(gzip.compress(p.read_bytes(), 6)) for p in workers.iterdir() if p.name.endswith(".min.js"))


def lunr_docs(site_pages: list[Page], sastrawi: bool) -> tuple[list[dict], tuple[float, float]]:
    wall, cpu = time.perf_counter(), time.process_time()
    if sastrawi:
        docs = [{"id": p.url, "title": stem_text(p.title), "text": stem_text(p.text)} for p in site_pages]
    else:
        docs = [{"id": p.url, "title": p.title, "text": p.text} for p in site_pages]
    return docs, (time.perf_counter() - wall, time.process_time() - cpu)


def today_docs(site_pages: list[Page], shard: str) -> list[dict]:
    """What one shard's index holds today: its own pages, and every other kecamatan and
    kabupaten by name (`add_search_names`)."""
    docs = [{"id": p.url, "title": p.title, "text": p.text} for p in site_pages if p.shard == shard]
    docs += [
        {"id": p.url, "title": p.title, "text": p.title}
        for p in site_pages
        if p.shard != shard
        and re.fullmatch(r"[^/]+/([^/]+/)?", p.url)
        and p.title.startswith(("Kabupaten", "Kecamatan"))
    ]
    return docs


# ---------------------------------------------------------------- Pagefind


def _run(cmd: list[str]) -> tuple[float, float]:
    """Run a command; its wall and CPU seconds (user + system of the child)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.perf_counter() - wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


#: Pagefind over the same text as the portal's index: the article, without table values and
#: headers (row headers stay), download links, charts and the page footer.
PAGEFIND = [
    sys.executable,
    "-m",
    "pagefind",
    "--silent",
    "--root-selector",
    "article.md-content__inner",
    *(
        arg
        for selector in (
            ".tabel-gulir thead",
            ".tabel-gulir td",
            ".tabel-gulir tfoot",
            "p.unduh",
            ".kaki-halaman",
            "svg",
        )
        for arg in ("--exclude-selectors", selector)
    ),
]


def pagefind_one(site: Path, out: Path) -> tuple[float, float]:
    return _run([*PAGEFIND, "--site", str(site), "--output-path", str(out / "satu"), "--glob", "**/index.html"])


def pagefind_shards(site: Path, out: Path, shards: list[str]) -> dict[str, tuple[float, float]]:
    """One index per shard; the portal's own pages (the root) are the primary index."""
    times = {
        "": _run(
            [
                *PAGEFIND,
                "--site",
                str(site),
                "--output-path",
                str(out / "shard" / "_portal"),
                "--glob",
                "{index.html,metodologi/index.html,data-terbuka/index.html}",
            ]
        )
    }
    for slug in shards:
        times[slug] = _run(
            [
                *PAGEFIND,
                "--site",
                str(site / slug),
                "--output-path",
                str(out / "shard" / slug),
                "--glob",
                "**/index.html",
            ]
        )
    return times


def portal_index(site: Path, shards: list[str], work: Path) -> tuple[Path, tuple[float, float]]:
    """The portal's own index of a built site, as the build makes it: a segment per shard (the
    portal's own pages from a copy of them), then the assembly."""
    from generator.build import search

    own_pages = work / "portal-pages"
    for page in site.glob("*/index.html"):
        if page.parent.name not in shards and page.parent.name != search.FOLDER:
            (own_pages / page.parent.name).mkdir(parents=True, exist_ok=True)
            shutil.copyfile(page, own_pages / page.parent.name / "index.html")
    shutil.copyfile(site / "index.html", own_pages / "index.html")
    wall, cpu = time.perf_counter(), time.process_time()
    folders = [work / "_portal", *(work / slug for slug in shards)]
    for folder, source, prefix in zip(
        folders, [own_pages, *(site / s for s in shards)], ["", *(f"{s}/" for s in shards)]
    ):
        folder.mkdir(parents=True, exist_ok=True)
        search.index_shard(source, prefix, folder)
    search.write_index(work / "site" / search.FOLDER, folders)
    return work / "site" / search.FOLDER, (time.perf_counter() - wall, time.process_time() - cpu)


def folder_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


# ---------------------------------------------------------------- the browser


def transfer_size(path: Path) -> int:
    """Bytes a server sends for a file: gzip for text, as is for Pagefind's compressed files."""
    data = path.read_bytes()
    if path.suffix in (".pf_meta", ".pf_index", ".pf_fragment", ".pagefind"):
        return len(data)
    return min(len(data), len(gzip.compress(data, 6)))


class _Server(http.server.SimpleHTTPRequestHandler):
    """The site under /portal/, other folders over parts of it (`routes`, longest first); every
    file sent is recorded."""

    routes: list[tuple[str, Path]]
    log: list[Path]

    def translate_path(self, path: str) -> str:
        path = path.split("?")[0].split("#")[0]
        for prefix, root in self.routes:
            if path.startswith(prefix):
                target = root / path[len(prefix) :]
                if target.is_dir():
                    target = target / "index.html"
                self.log.append(target)
                return str(target)
        return "/nonexistent"

    def log_message(self, *args: object) -> None:
        pass


class Browser:
    """Chromium on a local server: the site and the candidates' indexes."""

    def __init__(self, site: Path, extra: Path, index: Path | None = None) -> None:
        from playwright.sync_api import sync_playwright

        self.log: list[Path] = []
        self.extra, self.index = extra, index
        routes = [("/portal/cari/", index)] if index else []
        routes += [("/_cari/", extra), ("/portal/", site)]
        handler = type("Handler", (_Server,), {"routes": routes, "log": self.log})
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.playwright = sync_playwright().start()
        self.browser = self.playwright.chromium.launch(executable_path=CHROMIUM)

    def pagefind(self, origin: str, script: str, merged: list[str], word: str) -> tuple[list[str], int]:
        """A first search from `origin` (empty cache): the first results' addresses and bytes."""
        context = self.browser.new_context()
        page = context.new_page()
        page.goto(f"{self.base}/portal/{origin}", wait_until="networkidle")
        self.log.clear()
        urls = page.evaluate(
            """async ([script, merged, word, top]) => {
            const pf = await import(script);
            await pf.options({baseUrl: "/portal/"});
            for (const [path, baseUrl] of merged) await pf.mergeIndex(path, {baseUrl});
            const found = await pf.search(word);
            const data = await Promise.all(found.results.slice(0, top).map(r => r.data()));
            return data.map(d => d.url);
        }""",
            [script, merged, word, TOP],
        )
        sent = self._sent(self.extra)
        context.close()
        return [u.removeprefix("/portal/") for u in urls], sent

    def portal_index(self, origin: str, word: str) -> tuple[list[str], int]:
        """A first search with the portal's engine: the first results' addresses and bytes."""
        context = self.browser.new_context()
        page = context.new_page()
        page.goto(f"{self.base}/portal/{origin}", wait_until="networkidle")
        self.log.clear()
        urls = page.evaluate(
            """async ([word, top]) => {
            const engine = await import("/portal/cari/engine.js");
            const ids = await engine.search(word);
            return (await Promise.all(ids.slice(0, top).map(engine.page))).map(p => p.url);
        }""",
            [word, TOP],
        )
        sent = self._sent(self.index)
        context.close()
        return [u.split("/portal/", 1)[1] for u in urls], sent

    def typed(self, origin: str, word: str) -> int:
        """Bytes from opening the search box to the results of `word` typed one key at a time."""
        context = self.browser.new_context(viewport={"width": 1280, "height": 800})
        page = context.new_page()
        page.goto(f"{self.base}/portal/{origin}", wait_until="networkidle")
        self.log.clear()
        page.locator("input.md-search__input").click()
        page.keyboard.type(word, delay=150)
        page.wait_for_function("q => document.querySelector('.md-search-result__meta').dataset.query === q", arg=word)
        page.wait_for_load_state("networkidle")
        sent = self._sent(self.index)
        context.close()
        return sent

    def _sent(self, folder: Path | None) -> int:
        """Bytes of the files under `folder` (the search's own) sent since the log was cleared:
        what else a page loads (e.g. the old theme search of a page built before) is not counted."""
        return sum(transfer_size(p) for p in self.log if p.is_file() and folder in p.parents)

    def close(self) -> None:
        self.browser.close()
        self.playwright.stop()
        self.server.shutdown()


# ---------------------------------------------------------------- one site


@dataclass
class Row:
    name: str
    build: str
    download: dict[str, int] = field(default_factory=dict)  # word -> bytes of a first search
    found: dict[tuple[str, str], int | None] = field(default_factory=dict)  # (origin, word) -> rank


def _rank(urls: list[str], pattern: str) -> int | None:
    return next((n + 1 for n, u in enumerate(urls) if re.search(pattern, u)), None)


CANDIDATES = ("lunr", "portal", "pagefind")


def measure(
    site: Path,
    words: dict[str, str],
    origins: dict[str, str],
    work: Path,
    lunr_too: bool,
    candidates: tuple[str, ...] = CANDIDATES,
) -> list[Row]:
    site_pages = pages(site)
    shards = sorted({p.shard for p in site_pages} - {""})
    rows: list[Row] = []
    if "lunr" in candidates:
        rows += lunr_rows(site_pages, words, origins, lunr_too)
    if "portal" in candidates:
        rows += portal_rows(site, shards, words, origins, work)
    if "pagefind" in candidates:
        rows += pagefind_rows(site, shards, words, origins, work)
    return rows


def lunr_rows(site_pages: list[Page], words: dict[str, str], origins: dict[str, str], lunr_too: bool) -> list[Row]:
    rows: list[Row] = []
    if lunr_too:
        for shard_name, origin in origins.items():
            shard = origin.split("/")[0] if origin else ""
            today = Lunr(f"today (shard {shard or '_portal'})", today_docs(site_pages, shard), False, True)
            row = Row(f"lunr today, each shard its own index (from {shard_name})", "MkDocs search plugin")
            row.download = dict.fromkeys(words, today.download)
            row.found = {(shard_name, w): _rank(today.search(w), p) for w, p in words.items()}
            rows.append(row)
    for sastrawi in (False, True):
        docs, prepare = lunr_docs(site_pages, sastrawi)
        for prefix in (False, True):
            candidate = Lunr("", docs, sastrawi, prefix, prepare)
            name = f"lunr whole portal, {'Sastrawi' if sastrawi else 'en'}{', prefix' if prefix else ''}"
            row = Row(name, f"stemming {prepare[0]:.1f} s wall / {prepare[1]:.1f} s CPU" if sastrawi else "–")
            row.download = dict.fromkeys(words, candidate.download)
            if lunr_too:
                ranks = {w: _rank(candidate.search(w), p) for w, p in words.items()}
                row.found = {(o, w): r for o in origins for w, r in ranks.items()}
            rows.append(row)
    return rows


def portal_rows(site: Path, shards: list[str], words: dict[str, str], origins: dict[str, str], work: Path) -> list[Row]:
    own, own_time = portal_index(site, shards, work / "eigen")
    boxed = "data-cari" in (site / "index.html").read_text(encoding="utf-8")  # built with the portal's search box
    files_own, bytes_own = folder_size(own)
    browser = Browser(site, work, own)
    try:
        row = Row(
            "portal index (generator/build/search.py): engine",
            f"{own_time[0]:.1f} s wall / {own_time[1]:.1f} s CPU "
            f"(segments and assembly, one process); {files_own} files, {bytes_own / 2**20:.1f} MB",
        )
        typed = Row("portal index: search box, typed one key per 150 ms", "same")
        for origin_name, origin in origins.items():
            for word, pattern in words.items():
                urls, sent = browser.portal_index(origin, word)
                row.found[(origin_name, word)] = _rank(urls, pattern)
                row.download[word] = max(row.download.get(word, 0), sent)
                if boxed:
                    typed.download[word] = max(typed.download.get(word, 0), browser.typed(origin, word))
    finally:
        browser.close()
    return [row, typed] if boxed else [row]


def pagefind_rows(
    site: Path, shards: list[str], words: dict[str, str], origins: dict[str, str], work: Path
) -> list[Row]:
    rows: list[Row] = []
    one = pagefind_one(site, work)
    per_shard = pagefind_shards(site, work, shards)
    files_one, bytes_one = folder_size(work / "satu")
    files_shards, bytes_shards = folder_size(work / "shard")
    slowest = max(per_shard.items(), key=lambda item: item[1][0])
    browser = Browser(site, work)
    try:
        for name, script, merged, build in (
            (
                "Pagefind, one index",
                "/_cari/satu/pagefind.js",
                [],
                f"{one[0]:.1f} s wall / {one[1]:.1f} s CPU; {files_one} files, {bytes_one / 2**20:.1f} MB",
            ),
            (
                "Pagefind, one index per shard, merged in the browser",
                "/_cari/shard/_portal/pagefind.js",
                [[f"/_cari/shard/{s}/", f"/portal/{s}/"] for s in shards],
                f"{sum(t[0] for t in per_shard.values()):.1f} s wall / {sum(t[1] for t in per_shard.values()):.1f}"
                f" s CPU in all; slowest shard {slowest[1][0]:.1f} s; {files_shards} files, "
                f"{bytes_shards / 2**20:.1f} MB",
            ),
        ):
            row = Row(name, build)
            for origin_name, origin in origins.items():
                for word, pattern in words.items():
                    urls, sent = browser.pagefind(origin, script, merged, word)
                    row.found[(origin_name, word)] = _rank(urls, pattern)
                    row.download[word] = max(row.download.get(word, 0), sent)
            rows.append(row)
    finally:
        browser.close()
    return rows


def stemmers(site_pages: list[Page]) -> str:
    """Sastrawi (dictionary-based) against Snowball's Indonesian stemmer (PyStemmer, the
    algorithm Pagefind uses) on every word of a site: CPU per word and where they differ."""
    import Stemmer
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    from generator.build.search import words as split

    vocabulary = sorted({w for p in site_pages for w in split(p.title + " " + p.text) if not w.isdigit()})
    sastrawi, snowball = StemmerFactory().create_stemmer(), Stemmer.Stemmer("indonesian")
    cpu = time.process_time()
    a = {w: sastrawi.stem(w) for w in vocabulary}
    cpu_a, cpu = time.process_time() - cpu, time.process_time()
    b = {w: snowball.stemWord(w) for w in vocabulary}
    cpu_b = time.process_time() - cpu
    differ = [w for w in vocabulary if a[w] != b[w]]
    examples = ", ".join(f"{w}: {a[w]} / {b[w]}" for w in differ if len(w) > 5)[:900]
    return (
        f"{len(vocabulary)} words; Sastrawi {cpu_a / len(vocabulary) * 1000:.3f} ms CPU per word, Snowball "
        f"{cpu_b / len(vocabulary) * 1e6:.1f} µs; they differ on {len(differ)} words "
        f"(Sastrawi / Snowball): {examples} …\n"
    )


def table(rows: list[Row], words: dict[str, str], origins: dict[str, str], with_recall: bool) -> str:
    kb = lambda n: f"{n / 1024:.0f}"  # noqa: E731
    head = ["candidate", "index build", "first search KB (max / median)"]
    if with_recall:
        head += [f"found from {o}" for o in origins]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in rows:
        sizes = sorted(r.download.values())
        cells = [r.name, r.build, f"{kb(sizes[-1])} / {kb(sizes[len(sizes) // 2])}" if sizes else "–"]
        if with_recall:
            for o in origins:
                got = [w for w in words if r.found.get((o, w))]
                cells.append(
                    f"{len(got)}/{len(words)}"
                    + (f" (missing: {', '.join(w for w in words if w not in got)})" if len(got) < len(words) else "")
                    if r.found
                    else "–"
                )
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def detail(rows: list[Row], words: dict[str, str], origins: dict[str, str]) -> str:
    """Rank of the right page per word (– not in the first ten) and first-search KB."""
    lines = ["| candidate | origin | " + " | ".join(words) + " |", "|---|---|" + "---:|" * len(words)]
    for r in rows:
        for o in origins:
            if any((o, w) in r.found for w in words):
                lines.append(f"| {r.name} | {o} | " + " | ".join(str(r.found.get((o, w)) or "–") for w in words) + " |")
        if r.download and ("Pagefind" in r.name or "portal index" in r.name):
            lines.append(f"| {r.name} | KB | " + " | ".join(f"{r.download[w] / 1024:.0f}" for w in words) + " |")
    return "\n".join(lines) + "\n"


def province_words(content: Path) -> tuple[dict[str, str], dict[str, str]]:
    """The word list on a synthetic portal: a kecamatan of the last kabupaten (its desa are
    named "Desa 01" in every kecamatan: not a test of search) and an indicator, searched from
    Beranda and from a page of the first kabupaten."""
    import yaml

    kabupaten = sorted(p for p in content.iterdir() if p.is_dir())
    last, first = kabupaten[-1], kabupaten[0]
    kec = sorted(p for p in last.iterdir() if p.is_dir())[0]
    profile = yaml.safe_load((kec / "kecamatan.yml").read_text(encoding="utf-8"))
    year = sorted(p.name for p in kec.iterdir() if p.is_dir())[-1]
    kinerja = yaml.safe_load((kec / year / "kinerja.yml").read_text(encoding="utf-8"))
    indicator = kinerja["tujuan"][0]["sasaran"][0]["indikator"][-1]["nama"]
    words = {**WORDS, profile["nama"]: rf"^{last.name}/{kec.name}/", indicator: r"^[^/]+/[^/]+/\d{4}/$"}
    first_kec = sorted(p for p in first.iterdir() if p.is_dir())[0]
    return words, {"Beranda": "", first.name: f"{first.name}/{first_kec.name}/"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--demo", type=Path, help="the demo portal, built")
    parser.add_argument("--province", type=Path, help="a built synthetic portal (kinerja demo)")
    parser.add_argument("--province-content", type=Path, help="its content folder")
    parser.add_argument("--out", type=Path, default=ROOT / "bench/results/search-candidates.md")
    parser.add_argument(
        "--candidates",
        nargs="+",
        choices=CANDIDATES,
        default=list(CANDIDATES),
        help="on the synthetic portal (the demo gets every candidate)",
    )
    args = parser.parse_args()
    out = ["# Search candidates (bench/search.py)\n"]
    with tempfile.TemporaryDirectory() as tmp:
        if args.demo:
            words = {**WORDS, **DEMO_WORDS}
            rows = measure(args.demo.resolve(), words, DEMO_ORIGINS, Path(tmp) / "demo", lunr_too=True)
            out += [
                "## Demo portal\n",
                table(rows, words, DEMO_ORIGINS, True),
                "\nRank of the right page:\n",
                detail(rows, words, DEMO_ORIGINS),
                "\nStemmers on the demo's words: ",
                stemmers(pages(args.demo)),
            ]
        if args.province:
            words, origins = province_words(args.province_content)
            rows = measure(
                args.province.resolve(),
                words,
                origins,
                Path(tmp) / "provinsi",
                lunr_too=False,
                candidates=tuple(args.candidates),
            )
            out += [
                f"\n## Synthetic portal {args.province.name}\n",
                table(rows, words, origins, True),
                "\nRank of the right page:\n",
                detail(rows, words, origins),
            ]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(out), encoding="utf-8")
    print("\n".join(out))


if __name__ == "__main__":
    main()

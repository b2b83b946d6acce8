"""Portal-wide search: one index of every page of every shard, written as small static files
that the browser fetches only when a reader opens the search box (`site_templates/cari/`).

Every shard, once built, gets a search segment in its work folder (`index_shard`): per page its
address, title and lead, and the weight of each stem in it. A page whose output is the same
file as in the last build (MkDocs' dirty rebuild hard-links unchanged pages), or after a full
build has the last output's bytes, keeps its record, so a changed value re-reads only the
changed pages, and a rebuild after a code change only the pages it changed. The portal's own
shard, built after every other, assembles all segments into `cari/` at the root of the site
(`write_index`, into its work folder, where an unchanged file keeps its identity and its
precompressed copy; linked into the site):

- `cari/meta.json`: number of pages, pages per page-list file, the chunk keys;
- `cari/k/<key>.json`: for every word of the portal that begins with `key` (and with no longer
  key), its stem (`w`), and for those stems the pages that contain them with a weight (`s`).
  Keys are prefixes of two or more letters, lengthened where a chunk would be large, so a
  word costs one small file, whatever the size of the portal;
- `cari/h/<shard>/<n>.json`: address, title and lead of 64 pages of a shard (shards numbered
  in the order of `meta.json`'s list).

Indonesian: words are stemmed at build time with Sastrawi (PySastrawi, dictionary-based:
kepuasan -> puas, pelayanan / dilayani -> layan, pengaduan -> adu, kecamatan -> camat), so the
browser needs no stemmer: the chunk gives the stem of every word of the portal, and the last
word typed also matches as a prefix of the portal's words (bench/results/search.md).

What is indexed is the article of each page without what a reader would not search for: the
data tables' values, chart images and the page footer; a data table contributes its title and
row headers (names of desa, indicators, programs, layanan, unsur). The last part of a page's
address counts as its title (…/2024/skm/: skm; …/anggaran/: anggaran), so a page kind's name
finds that kind of page first.
"""

from __future__ import annotations

import functools
import json
import math
import os
import pickle
import posixpath
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path
from typing import TypeGuard, TypeVar

from generator.parallel import in_processes
from generator.render.write import files_under, write_if_changed

#: Where the index and its scripts are published, from the portal's root.
FOLDER = "cari"
#: A shard's search segment (what the assembly reads) and its pages' records (what the next
#: build of the shard reuses), in the shard's work folder.
SEGMENT = "search.pickle"
RECORDS = "search-pages.pickle"
SCRIPTS = Path(__file__).resolve().parents[2] / "site_templates" / FOLDER
#: Pages per page-list file (`cari/h/<shard>/<n>.json`).
PAGES_PER_FILE = 64
#: A chunk whose postings would be longer than this (characters) is split by a longer key.
CHUNK_LIMIT = 48_000
LEAD = 160
_WORD = re.compile(r"[a-z0-9]+")
_MARK = re.compile(r"[\u0300-\u036f]")
_NOT_ASCII = re.compile(r"[^\x00-\x7f]")
#: A data table as `render.html_table` writes it with its download links, and the page footer
#: (always last): the table keeps only its row headers, the footer nothing.
_TABLE = re.compile(
    r'<div class="tabel-gulir".*?</table>\s*</div>\s*<p class="unduh">.*?</p>'
    r'|<div class="kaki-halaman".*\Z',
    re.S,
)
_ROW_HEADER = re.compile(r'<th scope="row">(.*?)</th>', re.S)
_SKIP = re.compile(r"<(script|style|svg)\b.*?</\1>", re.S)
_HEADING = re.compile(r"<h([1-4])\b[^>]*>(.*?)</h\1>", re.S)
_TAG = re.compile(r"<[^>]*>")


def words(text: str) -> list[str]:
    """Words of a text as the index and the browser see them: lower case, accents removed,
    runs of ASCII letters and digits (`engine.js` splits the same way)."""
    return _WORD.findall(_NOT_ASCII.sub(" ", _MARK.sub("", unicodedata.normalize("NFKD", text.lower()))))


@functools.cache
def _stemmer() -> Callable[[str], str]:
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    stemmer: Callable[[str], str] = StemmerFactory().create_stemmer().stem
    return stemmer


def stem(word: str) -> str:
    """The Sastrawi stem of one word (the word itself when it contains digits)."""
    if any(c.isdigit() for c in word):
        return word
    return _stemmer()(word) or word


# ---------------------------------------------------------------- one page


@dataclass(frozen=True)
class Record:
    """One page in the index."""

    url: str  # from the portal's root, e.g. jember/ajung/2023/
    title: str
    lead: str
    weights: dict[str, int]  # stem -> 1..4 by count (headings count double), + 5 in the title
    words: frozenset[str]  # the words of the page (for the word -> stem map)


def _plain(html: str) -> str:
    return " ".join(unescape(_TAG.sub(" ", html)).split())


def page_text(html: str) -> tuple[str, str, str]:
    """Title, headings and text of a page's article: what the index holds of it."""
    start, end = html.find("<article"), html.rfind("</article>")
    article = html[start:end] if start >= 0 else ""
    rows: list[str] = []

    def cut(match: re.Match[str]) -> str:
        rows.extend(_ROW_HEADER.findall(match.group(0)))
        return " "

    article = _SKIP.sub(" ", _TABLE.sub(cut, article))
    headings = [(level, _plain(text)) for level, text in _HEADING.findall(article)]
    title = next((text for level, text in headings if level == "1"), "")
    heading = " ".join(text for level, text in headings if level != "1")
    return title, heading, _plain(_HEADING.sub(" ", article) + " " + " ".join(rows))


def page_record(url: str, html: str, stems: dict[str, str]) -> Record:
    """A page's record from its HTML; `stems` caches word -> stem (and is filled)."""
    title, heading, text = page_text(html)
    address = url.rstrip("/").rsplit("/", 1)[-1].replace("-", " ")  # .../2024/skm/ -> skm: counts as title
    counts: dict[str, list[int]] = {}  # stem -> [in text, in headings, in title]
    seen: set[str] = set()
    for n, part in enumerate((text, heading, f"{title} {address}")):
        for w, k in Counter(words(part)).items():  # each word once per part
            if w not in stems:
                stems[w] = stem(w)
            counts.setdefault(stems[w], [0, 0, 0])[n] += k
            seen.add(w)
    weights = {
        s: max(1, min(4, int(math.log2(1 + t + 2 * h)) + (h > 0))) + 5 * (ti > 0) for s, (t, h, ti) in counts.items()
    }
    lead = text if len(text) <= LEAD else text[:LEAD].rsplit(" ", 1)[0] + " …"
    return Record(url, title, lead, weights, frozenset(seen))


# ---------------------------------------------------------------- one shard


@dataclass
class Segment:
    """The search part of one shard: its pages in address order and, per stem, the pages
    that contain it as `delta * 10 + weight` (delta: distance to the previous page number)."""

    pages: list[tuple[str, str, str]] = field(default_factory=list)  # (address, title, lead)
    postings: dict[str, str] = field(default_factory=dict)  # stem -> "v,v,v"
    stems: dict[str, str] = field(default_factory=dict)  # word -> stem


T = TypeVar("T")
Records = dict[str, tuple[tuple[int, ...], Record]]  # page file -> (its stat, its record)


def _stat(path: Path) -> tuple[int, ...]:
    """Identity of a page file: the same inode, size and modification time (a hard link made by
    the dirty rebuild or by publishing changes the change time, not these)."""
    st = path.stat()
    return st.st_ino, st.st_size, st.st_mtime_ns


def _load(path: Path, kind: type[T]) -> T:
    """A pickle written by `index_shard` (an empty `kind` when missing or unreadable: unpickling a
    damaged file can raise almost anything)."""
    try:
        value = pickle.loads(path.read_bytes())
    except Exception:
        return kind()
    return value if isinstance(value, kind) else kind()


def _save(path: Path, value: object) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    os.replace(tmp, path)


def _reusable(known: object, key: tuple[int, ...], stems: dict[str, str]) -> TypeGuard[tuple[tuple[int, ...], Record]]:
    """Whether a page's record of the last build still holds (same file; a record of the
    expected shape whose words the last segment has: a damaged work folder is read anew)."""
    return (
        isinstance(known, tuple)
        and len(known) == 2
        and known[0] == key
        and isinstance(known[1], Record)
        and known[1].words <= stems.keys()
    )


def index_shard(site: Path, prefix: str, folder: Path, processes: int = 1) -> None:
    """Write the search segment of a built shard into its work `folder`: every `index.html`
    under `site`, addressed from the portal's root as `prefix` + its folder ("" for the portal's
    own pages). Pages whose file is the one of the last build keep their record (a full build's
    unchanged pages too: `mkdocs_run.finish_shard`); the others are read in `processes` processes."""
    before: Records = _load(folder / RECORDS, dict)
    stems = dict(_load(folder / SEGMENT, Segment).stems)
    records: Records = {}  # in address order: reused now, the others once read
    todo: list[tuple[str, tuple[int, ...], Path]] = []
    for path in sorted(site.rglob("index.html"), key=lambda p: p.parent.relative_to(site).as_posix()):
        rel = path.relative_to(site).as_posix()
        key = _stat(path)
        known = before.get(rel)
        if _reusable(known, key, stems):
            records[rel] = known
        else:
            todo.append((rel, key, path))

    def read(part: int, parts: int) -> tuple[Records, dict[str, str]]:
        read_here: Records = {}
        for rel, key, path in todo[part::parts]:
            url = prefix + rel.removesuffix("index.html")
            read_here[rel] = (key, page_record(url, path.read_text(encoding="utf-8"), stems))
        return read_here, stems

    for read_here, found in in_processes(read, processes, len(todo)):
        records.update(read_here)
        stems.update(found)
    records = dict(sorted(records.items(), key=lambda item: posixpath.dirname(item[0]) or "."))  # as the walk
    segment = Segment()
    postings: dict[str, list[str]] = {}
    last: dict[str, int] = {}
    for n, (_, record) in enumerate(records.values()):
        segment.pages.append((record.url, record.title, record.lead))
        for s, weight in record.weights.items():
            postings.setdefault(s, []).append(str((n - last.get(s, -1)) * 10 + weight))
            last[s] = n
    segment.postings = {s: ",".join(v) for s, v in sorted(postings.items())}
    used = set().union(*(r.words for _, r in records.values()))
    segment.stems = {w: stems[w] for w in sorted(used)}
    _save(folder / RECORDS, records)
    _save(folder / SEGMENT, segment)


# ---------------------------------------------------------------- the portal


def _chunk_keys(sizes: dict[str, int]) -> dict[str, str]:
    """Chunk key of every word: its first two letters, one letter more while the chunk of a
    key would hold more than CHUNK_LIMIT characters of postings (a word shorter than a key
    stays in the shorter one)."""
    keys: dict[str, str] = {}
    groups: dict[str, list[str]] = {}
    for w in sizes:
        groups.setdefault(w[:2], []).append(w)
    while groups:
        key, members = groups.popitem()
        if sum(sizes[w] for w in members) <= CHUNK_LIMIT or all(len(w) <= len(key) for w in members):
            keys.update((w, key) for w in members)
            continue
        longer: dict[str, list[str]] = {}
        for w in members:
            if len(w) <= len(key):
                keys[w] = key
            else:
                longer.setdefault(w[: len(key) + 1], []).append(w)
        groups.update(longer)
    return keys


def _dump(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def write_index(index: Path, folders: list[Path]) -> None:
    """Assemble the segments of every shard (their work folders, in the order shards are
    numbered) with the browser's scripts into `index` (published as `cari/` at the portal's
    root), writing only the files whose bytes change and removing those no longer in it."""
    files: dict[str, str | bytes] = {}
    loaded = [_load(folder / SEGMENT, Segment) for folder in folders]
    merged: dict[str, list[str]] = {}  # stem -> '[shard,[postings]]' per shard
    stems: dict[str, str] = {}
    for n, segment in enumerate(loaded):
        for s, posting in segment.postings.items():
            merged.setdefault(s, []).append(f"[{n},[{posting}]]")
        stems.update(segment.stems)
    postings = {s: "[" + ",".join(parts) + "]" for s, parts in merged.items()}
    keys = _chunk_keys({w: len(postings.get(s, "")) + len(w) for w, s in stems.items()})
    chunks: dict[str, list[str]] = {}
    for w in sorted(keys):
        chunks.setdefault(keys[w], []).append(w)
    for key, members in chunks.items():
        found = {stems[w] for w in members}
        files[f"k/{key}.json"] = (
            '{"s":{'
            + ",".join(f"{json.dumps(s, ensure_ascii=False)}:{postings[s]}" for s in sorted(found) if s in postings)
            + '},"w":'
            + _dump({w: stems[w] for w in members})
            + "}"
        )
    for n, segment in enumerate(loaded):
        for start in range(0, len(segment.pages), PAGES_PER_FILE):
            files[f"h/{n}/{start // PAGES_PER_FILE}.json"] = _dump(segment.pages[start : start + PAGES_PER_FILE])
    meta = {"pages": sum(len(s.pages) for s in loaded), "per_file": PAGES_PER_FILE, "keys": sorted(chunks)}
    files["meta.json"] = _dump(meta)
    files.update((script.name, script.read_bytes()) for script in sorted(SCRIPTS.glob("*.js")))
    index.mkdir(parents=True, exist_ok=True)
    for name in files_under(index):
        if name not in files:
            (index / name).unlink()
    made: set[Path] = {index}
    for name, text in files.items():
        write_if_changed(index / name, text, made)

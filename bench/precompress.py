"""Does a precompressed Brotli copy (`.br`) earn its place beside the `.gz` one?

    .venv/bin/python bench/precompress.py SITE [--out bench/results/precompress.md]

SITE is a built portal or one shard of it, e.g. a kabupaten of a synthetic province
(`kinerja demo OUT --kabupaten 10 --kecamatan 21 --tahun 5`, `kinerja build`, then
SITE = site/sintetis-01: every shard of that portal has the same shape). For every file the build compresses
(`generator.build.precompress.COMPRESSED`, `.gz` files skipped) the script measures, on this machine,
the CPU time and bytes of gzip level 6 (a server compressing on the fly), gzip level 9 (what
the build writes), and Brotli quality 11 (what a `.br` copy would hold) and 5 (what a server
compressing on the fly would use), grouped by kind of file, and what a first visit of the home
page and of the largest page transfers with each. It also times `precompress` itself on a copy of the site (compression
plus creating the files). Needs the `bench` extra (`pip install -e '.[bench]'`: brotli).
"""

from __future__ import annotations

import argparse
import gzip
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import brotli

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.build.precompress import COMPRESSED, MIN_SIZE, precompress
from generator.check.page_weight import page_files

CODECS = {
    "gzip 6": lambda b: gzip.compress(b, compresslevel=6, mtime=0),
    "gzip 9": lambda b: gzip.compress(b, compresslevel=9, mtime=0),
    "brotli 5": lambda b: brotli.compress(b, quality=5),
    "brotli 11": lambda b: brotli.compress(b, quality=11),
}


def _kind(path: Path, size: int) -> str:
    if size < MIN_SIZE:
        return "under 1 KB (no .gz)"
    if "/assets/" in path.as_posix():
        return "theme (CSS, JS)"
    if path.name == "search_index.json":
        return "search index"
    return {".html": "HTML", ".svg": "SVG"}.get(path.suffix, "data (CSV, JSON, XML)")


def measure(site: Path) -> tuple[dict[str, dict[str, list[float]]], dict[str, int]]:
    """Per kind of file and codec: [bytes, CPU seconds]; per kind the raw bytes and file count."""
    sizes: dict[str, dict[str, list[float]]] = {}
    raw: dict[str, int] = {}
    for path in sorted(site.rglob("*")):
        if not path.is_file() or not path.name.endswith(COMPRESSED):
            continue
        data = path.read_bytes()
        kind = _kind(path, len(data))
        raw[kind] = raw.get(kind, 0) + len(data)
        raw[kind + " files"] = raw.get(kind + " files", 0) + 1
        for name, codec in CODECS.items():
            start = time.process_time()
            size = len(codec(data))
            entry = sizes.setdefault(kind, {}).setdefault(name, [0, 0.0])
            entry[0] += size
            entry[1] += time.process_time() - start
    return sizes, raw


def page_table(site: Path) -> list[str]:
    """A first visit of the site's home page and of its largest page, per codec."""
    largest = max(site.rglob("*.html"), key=lambda p: p.stat().st_size).relative_to(site).as_posix()
    lines = ["| page | " + " | ".join(f"{c} (KB)" for c in CODECS) + " |", "|---|" + "---:|" * len(CODECS)]
    for page in dict.fromkeys(["index.html", largest]):
        files = [f.read_bytes() for f in page_files(site, page)]
        sizes = [sum(len(codec(b)) for b in files) / 1024 for codec in CODECS.values()]
        lines.append(f"| {page} | " + " | ".join(f"{size:.1f}" for size in sizes) + " |")
    return lines


def time_precompress(site: Path) -> tuple[float, float, float, int]:
    """Wall, user and kernel seconds of `precompress` over a copy of the site (no .gz yet)."""
    with tempfile.TemporaryDirectory(dir=site.parent) as tmp:
        copy = Path(tmp) / "site"
        shutil.copytree(site, copy, ignore=shutil.ignore_patterns("*.gz"))  # as MkDocs leaves it
        before, wall = os.times(), time.perf_counter()
        stamps = precompress(copy, Path(tmp) / "record.json")
        after = os.times()
        return time.perf_counter() - wall, after.user - before.user, after.system - before.system, len(stamps)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", type=Path)
    parser.add_argument("--out", type=Path, default=ROOT / "bench/results/precompress.md")
    args = parser.parse_args()
    sizes, raw = measure(args.site)
    head = "| files | kind | count | raw KB | " + " | ".join(f"{c}: KB / CPU s" for c in CODECS) + " |"
    lines = [head, "|---|---|---:|---:|" + "---:|" * len(CODECS)]
    totals = {c: [0, 0.0] for c in CODECS}
    for kind in sorted(sizes):
        cells = []
        for codec, (size, cpu) in sizes[kind].items():
            totals[codec][0] += size
            totals[codec][1] += cpu
            cells.append(f"{size / 1024:.0f} / {cpu:.2f}")
        lines.append(f"| | {kind} | {raw[kind + ' files']} | {raw[kind] / 1024:.0f} | " + " | ".join(cells) + " |")
    count = sum(v for k, v in raw.items() if k.endswith(" files"))
    total_raw = sum(v for k, v in raw.items() if not k.endswith(" files"))
    lines.append(
        f"| | **all** | {count} | {total_raw / 1024:.0f} | "
        + " | ".join(f"{s / 1024:.0f} / {c:.2f}" for s, c in totals.values())
        + " |"
    )
    wall, user, system, files = time_precompress(args.site)
    text = "\n".join(
        [
            f"Site: {args.site} ({count} compressible files)",
            "",
            *lines,
            "",
            "First visit of one page (page, CSS, JS, images, search index and worker):",
            "",
            *page_table(args.site),
            "",
            f"`precompress` on a copy of the site: {files} files, {wall:.1f} s wall, "
            f"{user:.1f} s user, {system:.1f} s kernel CPU.",
        ]
    )
    print(text)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("# Precompressed copies: gzip and Brotli\n\n" + text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

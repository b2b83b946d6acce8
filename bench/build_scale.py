"""Build time per stage for synthetic portals of increasing size, full and incremental.

    .venv/bin/python bench/build_scale.py [--sizes 1x21x5 10x21x5 38x18x5] [--jobs 2]
                                          [--out bench/results/build-scale.md]

Each size is KABUPATENxKECAMATANxYEARS. For each, a synthetic portal (`kinerja demo`, seed 1)
is written to a temporary folder and built three times with `kinerja build`'s own function:

1. full: empty work folder (every shard loaded, validated, computed, rendered, built);
2. no change: the same content again (every shard reused);
3. one value: one realisasi of one kecamatan-year changed (one kabupaten shard and the
   portal's own shard rebuilt), and checked to give the same bytes as a full build of the
   changed content;
4. code changed: the same content over the same work folder and site, as after a change of
   the generator's code (its hash differs, so every shard is rebuilt), and checked to give
   the same bytes as that full build. It must never take longer than row 1.

Per stage the table gives wall and CPU seconds summed over the worker processes (so with 2
workers, stage wall can add up to twice the elapsed time), the elapsed wall time of the build,
pages, ms per page (elapsed), CPU ms per page of MkDocs' own build and of our own stages (load to
Markdown, and finishing MkDocs' output: search segment, precompressed copies), their share of the
build's CPU, and peak memory (the largest process).
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.same_site import differences
from generator.build import BuildResult, build_site, peak_memory_mb
from generator.build.keys import code_digest
from generator.build.site import STAGES
from generator.synthetic.portal import portal_sintetis

OWN = ("load", "validate", "compute", "render", "finish")


def change_one_value(content: Path) -> Path:
    """Change the first realisasi of the newest year of the first kecamatan; the file changed."""
    kab = sorted(p for p in content.iterdir() if p.is_dir())[0]
    kec = sorted(p for p in kab.iterdir() if p.is_dir())[0]
    year = sorted(p for p in kec.iterdir() if p.is_dir() and p.name.isdigit())[-1]
    path = year / "realisasi.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    head, first = lines[0].split(","), lines[1].split(",")
    column = next(i for i, name in enumerate(head) if name in ("tahunan", "tw4") and first[i])
    first[column] = str(float(first[column]) + 1.25)
    lines[1] = ",".join(first)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def measure(kabupaten: int, kecamatan: int, years: int, work: Path, jobs: int) -> list[dict]:
    content = work / "content"
    portal_sintetis(content, kabupaten, kecamatan, list(range(2025 - years, 2025)), seed=1)
    size = f"{kabupaten}×{kecamatan}×{years}"
    rows = []

    def run(kind: str, site: str, build: str) -> BuildResult:
        before = os.times()
        result = build_site(content, work / site, work / build, lambda _: None, jobs)
        after = os.times()
        user = after.user + after.children_user - before.user - before.children_user
        system = after.system + after.children_system - before.system - before.children_system
        rows.append(
            {"size": size, "kind": kind, "result": result, "memory": peak_memory_mb(), "user": user, "sys": system}
        )
        print(line(rows[-1]), flush=True)
        return result

    run("full", "site", "build")
    run("unchanged", "site", "build")
    change_one_value(content)
    run("one value", "site", "build")
    full = build_site(content, work / "site-full", work / "build-full", lambda _: None, jobs)
    rows[-1]["same"] = not differences(work / "site", full.site)
    changed_code = code_digest() + "-changed"  # what a change of the generator's code changes: every key
    with mock.patch("generator.build.site.code_digest", lambda: changed_code):
        run("code changed", "site", "build")
    rows[-1]["same"] = not differences(work / "site", full.site)
    return rows


HEAD = (
    "| size (kab×kec×years) | build | pages | shards built | "
    + " | ".join(f"{s} (s)" for s in STAGES)
    + " | elapsed (s) | CPU user / kernel (s) | ms/page | MkDocs CPU ms/page | own CPU ms/page | own stages / CPU"
    + " | peak memory (MB) | = full build |"
)


def line(row: dict) -> str:
    h: BuildResult = row["result"]
    cpu = row["user"] + row["sys"]
    own = sum(h.stages[s][1] for s in OWN)
    stages = " | ".join(f"{h.stages[s][0]:.2f} / {h.stages[s][1]:.2f}" for s in STAGES)
    same = {True: "yes", False: "NO"}.get(row.get("same"), "")
    per_page = 1000 / h.pages
    return (
        f"| {row['size']} | {row['kind']} | {h.pages} | {len(h.built)} | {stages} | {h.seconds:.2f} | "
        f"{row['user']:.1f} / {row['sys']:.1f} | {h.seconds * per_page:.1f} | {h.stages['mkdocs'][1] * per_page:.1f} | "
        f"{own * per_page:.1f} | {own / cpu:.0%} | {row['memory']:.0f} | {same} |"
    )


def machine(jobs: int) -> str:
    cpu = next(
        (
            row.split(":", 1)[1].strip()
            for row in Path("/proc/cpuinfo").read_text().splitlines()
            if row.startswith("model name")
        ),
        platform.processor(),
    )
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout
    return (
        f"Machine: {cpu}, {os.cpu_count()} cores ({jobs} worker processes), {memory:.0f} GB RAM, "
        f"Python {platform.python_version()}, mkdocs {version('mkdocs')}, mkdocs-material "
        f"{version('mkdocs-material')}; commit {commit.strip()}."
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", nargs="+", default=["1x3x1", "1x21x5"])
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--out", type=Path, default=ROOT / "bench/results/build-scale.md")
    args = parser.parse_args()
    print(HEAD)
    rows = []
    for size in args.sizes:
        kab, kec, years = (int(x) for x in size.split("x"))
        with tempfile.TemporaryDirectory() as tmp:
            rows += measure(kab, kec, years, Path(tmp), args.jobs)
    text = (
        f"# Build time per stage, synthetic portals\n\n{machine(args.jobs)}\n\n"
        "Each stage cell: wall seconds / CPU seconds, summed over the worker processes.\n\n"
        + HEAD
        + "\n"
        + "|---" * (len(STAGES) + 12)
        + "|\n"
        + "\n".join(line(r) for r in rows)
        + "\n"
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()

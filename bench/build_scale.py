"""Build time per stage for synthetic portals of increasing size, full and incremental.

    .venv/bin/python bench/build_scale.py [--sizes 1x21x5 10x21x5 38x18x5] [--jobs 2]
                                          [--baseline REV] [--one-copy]
                                          [--out bench/results/build-scale.md]

Each size is KABUPATENxKECAMATANxYEARS. For each, a synthetic portal (`kinerja demo`, seed 1)
is written to a temporary folder and built six times with `kinerja build`'s own function:

1. full: empty work folder (every shard loaded, validated, computed, rendered, built);
2. no change: the same content again (every shard reused);
3. one value: one realisasi of one kecamatan-year changed (one kabupaten shard and the
   portal's own shard rebuilt);
4. one value, again: the same value changed once more, as a clerk correcting figures does; from
   this build on the new version takes the unchanged kabupaten over from the version before the
   shown one (generator/build/publish.py), so this is the steady state of an editing session;
5. one value, after a failed build: the value changed again with a typo (a value that is no
   number) in the last kabupaten, a build that fails on it (not in the table), the typo fixed,
   and this build: the edit a clerk makes after an error. Checked to give the same bytes as a
   full build of the changed content;
6. code changed: the same content over the same work folder and site, as after a change of
   the generator's code (its hash differs, so every shard is rebuilt), and checked to give
   the same bytes as a full build. It must never take longer than a cold build, so it is
   measured `--pairs` times (default 2) beside one: a full build of the same content into an
   empty work folder and site ("full, cold", the site rows 5 and 6 are compared with), which
   goes first alternating. The results give each pair's ratio and their median: on a machine
   whose speed varies by a quarter within minutes, only builds side by side compare.

Each build runs in a process of its own, forked from this one (which builds nothing), as each
`kinerja build` is a new process: a rebuild after a code change can only be one. (By hand at
1×21×5, rebuilds after a code change alternating with cold builds in one process took 12,28 and
12,51 s against 11,39 and 11,80 s; in fresh processes 11,35 and 10,63 s against 11,98 and
12,09 s.)

`--one-copy` stops after row 5, without its comparison: the cold builds need a second copy of the
site (on tmpfs a province's content, work folder and site took 20 GB there, and the kernel
killed a worker on this 24 GB machine).

Per stage the table gives wall and CPU seconds summed over the worker processes (so with 2
workers, stage wall can add up to twice the elapsed time), the elapsed wall time of the build,
pages, ms per page (elapsed), CPU ms per page of MkDocs' own build and of our own stages (load to
Markdown, and finishing MkDocs' output: search segment, precompressed copies), their share of the
build's CPU, and peak memory (the largest process).

`--baseline REV` measures the generator at git revision REV too, in the same run: size by size,
the baseline and this checkout (which goes first alternates: give a size twice to measure both
orders), after letting the disk settle, each in its own process with this script (copied into
a worktree of REV, so that both are measured alike; a stage the baseline does not have is shown
as "—"). The results then give both tables and, per size and build, this checkout's elapsed time
and CPU as a fraction of the baseline's.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.same_site import differences
from generator.build import BuildResult, build_site, peak_memory_mb
from generator.build.keys import code_digest
from generator.build.publish import versions_folder
from generator.build.site import STAGES
from generator.parallel import Forked
from generator.problems import ContentError
from generator.synthetic.portal import portal_sintetis

OWN = ("load", "validate", "compute", "render", "finish")


def change_one_value(content: Path, kabupaten: int = 0, value: str | None = None) -> tuple[Path, str]:
    """Change the first realisasi of the newest year of the first kecamatan of a kabupaten (by
    its place in name order) by 1,25, or to `value`; the file changed and its text before."""
    kab = sorted(p for p in content.iterdir() if p.is_dir())[kabupaten]
    kec = sorted(p for p in kab.iterdir() if p.is_dir())[0]
    year = sorted(p for p in kec.iterdir() if p.is_dir() and p.name.isdigit())[-1]
    path = year / "realisasi.csv"
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    head, first = lines[0].split(","), lines[1].split(",")
    column = next(i for i, name in enumerate(head) if name in ("tahunan", "tw4") and first[i])
    first[column] = str(float(first[column]) + 1.25) if value is None else value
    lines[1] = ",".join(first)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, text


def measure(
    kabupaten: int, kecamatan: int, years: int, work: Path, jobs: int, one_copy: bool = False, pairs: int = 2
) -> list[dict]:
    content = work / "content"
    portal_sintetis(content, kabupaten, kecamatan, list(range(2025 - years, 2025)), seed=1)
    size = f"{kabupaten}×{kecamatan}×{years}"
    rows: list[dict] = []

    def run(kind: str, site: str, build: str) -> BuildResult:
        before = os.times()
        result, memory = Forked(
            lambda: (build_site(content, work / site, work / build, lambda _: None, jobs), peak_memory_mb())
        ).wait()
        after = os.times()
        rows.append(
            {
                "size": size,
                "kind": kind,
                "pages": result.pages,
                "built": len(result.built),
                "stages": result.stages,
                "seconds": result.seconds,
                "user": after.user + after.children_user - before.user - before.children_user,
                "sys": after.system + after.children_system - before.system - before.children_system,
                "memory": memory,
            }
        )
        print(line(rows[-1]), flush=True)
        return result

    run("full", "site", "build")
    run("unchanged", "site", "build")
    change_one_value(content)
    run("one value", "site", "build")
    change_one_value(content)  # an edit after an edit: the site's versions are in their steady state
    run("one value, again", "site", "build")
    change_one_value(content)
    broken, text = change_one_value(content, -1, "tiga")  # and a typo in the last kabupaten
    try:
        Forked(lambda: build_site(content, work / "site", work / "build", lambda _: None, jobs)).wait()
    except ContentError:
        broken.write_text(text, encoding="utf-8")  # the typo fixed
    else:
        raise SystemExit(f"{broken}: a value that is no number built")
    run("one value, after a failed build", "site", "build")
    if one_copy:
        return rows
    after_failed = rows[-1]
    for pair in range(pairs):  # cold build and code change side by side, which goes first alternating
        for kind in ("cold", "code changed") if pair % 2 == 0 else ("code changed", "cold"):
            if kind == "cold":
                remove_site(work / "site-cold")
                shutil.rmtree(work / "build-cold", ignore_errors=True)
                settle()
                run("full, cold", "site-cold", "build-cold")
                if pair == 0:
                    after_failed["same"] = not differences(work / "site", work / "site-cold")
                    print(_same(after_failed), flush=True)
                continue
            changed_code = f"{code_digest()}-changed-{pair}"  # a change of the generator's code changes every key
            with mock.patch("generator.build.site.code_digest", return_value=changed_code):
                run("code changed", "site", "build")
            rows[-1]["same"] = not differences(work / "site", work / "site-cold")
            print(_same(rows[-1]), flush=True)
    return rows


def _same(row: dict) -> str:
    """The byte-for-byte check of a row, printed as soon as it is known (on a disk, removing a
    province's folders at the end can take longer than the builds)."""
    return f"{row['kind']}: {'the same bytes as' if row['same'] else 'NOT THE SAME as'} a full build"


def remove_site(site: Path) -> None:
    """Remove a built site: its link and the folder of its versions (`shutil.rmtree` refuses a
    link, and the versions would make the next build publish nothing)."""
    if site.is_symlink():
        site.unlink()
    for folder in (site, versions_folder(site)):
        shutil.rmtree(folder, ignore_errors=True)
    if site.exists() or versions_folder(site).exists():
        raise SystemExit(f"{site}: not removed")


def code_change_against_cold(rows: list[dict]) -> str:
    """Per size, each rebuild after a code change against the cold build beside it, and the median
    of their ratios (issue 17: never slower than a cold build)."""
    lines = ["| size | pair | code changed / cold: elapsed (s) | ratio | CPU (s) | ratio |", "|---" * 6 + "|"]
    for size in dict.fromkeys(r["size"] for r in rows):
        cold = [r for r in rows if r["size"] == size and r["kind"] == "full, cold"]
        changed = [r for r in rows if r["size"] == size and r["kind"] == "code changed"]
        ratios = []
        for n, (a, b) in enumerate(zip(changed, cold), 1):
            cpu_a, cpu_b = a["user"] + a["sys"], b["user"] + b["sys"]
            ratios.append((a["seconds"] / b["seconds"], cpu_a / cpu_b))
            lines.append(
                f"| {size} | {n} | {a['seconds']:.2f} / {b['seconds']:.2f} | {ratios[-1][0]:.2f} | "
                f"{cpu_a:.1f} / {cpu_b:.1f} | {ratios[-1][1]:.2f} |"
            )
        if ratios:
            elapsed, cpu = (statistics.median(r[i] for r in ratios) for i in (0, 1))
            lines.append(f"| {size} | median | | **{elapsed:.2f}** | | **{cpu:.2f}** |")
    return "\n".join(lines) + "\n" if len(lines) > 2 else ""


HEAD = (
    "| size (kab×kec×years) | build | pages | shards built | "
    + " | ".join(f"{s} (s)" for s in STAGES)
    + " | elapsed (s) | CPU user / kernel (s) | ms/page | MkDocs CPU ms/page | own CPU ms/page | own stages / CPU"
    + " | peak memory (MB) | = full build |"
)


def line(row: dict) -> str:
    stages = row["stages"]
    cpu = row["user"] + row["sys"]
    own = sum(stages[s][1] for s in OWN if s in stages)
    cells = " | ".join(f"{stages[s][0]:.2f} / {stages[s][1]:.2f}" if s in stages else "—" for s in STAGES)
    same = {True: "yes", False: "NO"}.get(row.get("same"), "")
    per_page = 1000 / row["pages"]
    return (
        f"| {row['size']} | {row['kind']} | {row['pages']} | {row['built']} | {cells} | {row['seconds']:.2f} | "
        f"{row['user']:.1f} / {row['sys']:.1f} | {row['seconds'] * per_page:.1f} | "
        f"{stages['mkdocs'][1] * per_page:.1f} | {own * per_page:.1f} | {own / cpu:.0%} | {row['memory']:.0f} | {same} |"
    )


def table(rows: list[dict]) -> str:
    return HEAD + "\n" + "|---" * (len(STAGES) + 12) + "|\n" + "\n".join(line(r) for r in rows) + "\n"


def compared(new: list[dict], old: list[dict]) -> str:
    """Per size and build, this checkout's elapsed time and CPU against the baseline's."""
    lines = [
        "| size | build | elapsed: new / baseline (s) | ratio | CPU: new / baseline (s) | ratio |",
        "|---" * 6 + "|",
    ]
    for a, b in zip(new, old):
        cpu_a, cpu_b = a["user"] + a["sys"], b["user"] + b["sys"]
        lines.append(
            f"| {a['size']} | {a['kind']} | {a['seconds']:.2f} / {b['seconds']:.2f} | {a['seconds'] / b['seconds']:.2f} | "
            f"{cpu_a:.1f} / {cpu_b:.1f} | {cpu_a / cpu_b:.2f} |"
        )
    return "\n".join(lines) + "\n"


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
        f"{version('mkdocs-material')}; commit {commit.strip()}. Content, work folder and site in "
        f"{tempfile.gettempdir()} ({file_system(Path(tempfile.gettempdir()))}; set TMPDIR to measure elsewhere)."
    )


def file_system(folder: Path) -> str:
    """The type of the file system `folder` lies on (the longest mount point above it)."""
    mounts = [line.split()[1:3] for line in Path("/proc/mounts").read_text().splitlines()]
    found = [(point, kind) for point, kind in mounts if folder.resolve().is_relative_to(point)]
    return max(found, key=lambda m: len(m[0]))[1] if found else "unknown"


def revision(rev: str) -> str:
    return subprocess.run(["git", "rev-parse", "--short", rev], cwd=ROOT, capture_output=True, text=True).stdout.strip()


def settle(seconds: float = 20) -> None:
    """Let the disk finish what the last measurement left (its removed temporary folder: on a
    file system mounted with `discard`, removing files costs the next process's kernel time)."""
    os.sync()
    time.sleep(seconds)


def measure_in(code: Path, size: str, jobs: int, out: Path, one_copy: bool = False, pairs: int = 2) -> list[dict]:
    """This script's measurement of one size with the generator in `code`, in its own process."""
    script = code / "bench" / "build_scale.py"
    if code != ROOT:
        script.write_bytes(Path(__file__).read_bytes())
    command = [
        sys.executable,
        str(script),
        "--sizes",
        size,
        "--jobs",
        str(jobs),
        "--pairs",
        str(pairs),
        "--rows",
        str(out),
    ]
    subprocess.run(command + (["--one-copy"] if one_copy else []), check=True)
    return json.loads(out.read_text(encoding="utf-8"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", nargs="+", default=["1x3x1", "1x21x5"])
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--baseline", metavar="REV", help="also measure the generator at this git revision")
    parser.add_argument("--out", type=Path, default=ROOT / "bench/results/build-scale.md")
    parser.add_argument(
        "--one-copy",
        action="store_true",
        help="leave out the builds that need a second copy of the site (the full build the edited site is "
        "compared with, the rebuild after a code change): a province on tmpfs does not fit twice in 24 GB",
    )
    parser.add_argument(
        "--pairs",
        type=int,
        default=2,
        help="how many times a cold build and a rebuild after a code change are measured side by side (default 2)",
    )
    parser.add_argument("--rows", type=Path, help=argparse.SUPPRESS)  # measure_in: the rows as JSON
    args = parser.parse_args()
    print(HEAD)
    if args.rows:
        rows = [r for size in args.sizes for r in _measure_size(size, args.jobs, args.one_copy, args.pairs)]
        args.rows.write_text(json.dumps(rows), encoding="utf-8")
        return
    title = f"# Build time per stage, synthetic portals\n\n{machine(args.jobs)}\n\n"
    note = "Each stage cell: wall seconds / CPU seconds, summed over the worker processes.\n\n"
    if args.baseline is None:
        rows = [r for size in args.sizes for r in _measure_size(size, args.jobs, args.one_copy, args.pairs)]
        text = title + note + table(rows) + _beside_cold(rows)
    else:
        new, old = [], []
        with tempfile.TemporaryDirectory() as tmp:
            baseline = Path(tmp) / "baseline"
            subprocess.run(
                ["git", "worktree", "add", "--detach", "--quiet", str(baseline), args.baseline], cwd=ROOT, check=True
            )
            try:
                for n, size in enumerate(args.sizes):  # which goes first alternates from size to size
                    for code in (baseline, ROOT) if n % 2 == 0 else (ROOT, baseline):
                        settle()
                        rows = measure_in(code, size, args.jobs, Path(tmp) / "rows.json", args.one_copy, args.pairs)
                        (old if code == baseline else new).extend(rows)
            finally:
                subprocess.run(["git", "worktree", "remove", "--force", str(baseline)], cwd=ROOT, check=True)
        text = (
            title
            + note
            + f"## This checkout against the baseline {revision(args.baseline)}, same run\n\n"
            + compared(new, old)
            + "\n## This checkout\n\n"
            + table(new)
            + _beside_cold(new)
            + f"\n## Baseline {revision(args.baseline)}\n\n"
            + table(old)
            + _beside_cold(old)
        )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")


def _beside_cold(rows: list[dict]) -> str:
    found = code_change_against_cold(rows)
    return f"\nRebuild after a code change against the cold build beside it:\n\n{found}" if found else ""


def _measure_size(size: str, jobs: int, one_copy: bool = False, pairs: int = 2) -> list[dict]:
    kab, kec, years = (int(x) for x in size.split("x"))
    with tempfile.TemporaryDirectory() as tmp:
        return measure(kab, kec, years, Path(tmp), jobs, one_copy, pairs)


if __name__ == "__main__":
    main()

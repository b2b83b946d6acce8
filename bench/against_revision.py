"""A full build of one synthetic portal shape by this checkout and by another git revision.

    TMPDIR=/dev/shm .venv/bin/python bench/against_revision.py REV [--size 38x18x5] [--pairs 2]
                                         [--without copies,gz ...]
                                         [--out bench/results/against-revision.md]

`build_scale.py --baseline` runs its own code inside the revision it measures, so it needs that
revision's generator API and cannot measure round 1. This script uses only the command line
every revision since round 1 has: `kinerja demo OUT --kabupaten --kecamatan --tahun --seed 1`
writes each revision's own synthetic portal of the size, and `kinerja build --content --site
--work` builds it into an empty site and work folder, with the command's default processes.
Both revisions, this checkout's HEAD too (edits made while it runs do not count), are checked
out into git worktrees and installed, each from its own pyproject.toml, into a virtual
environment of its own.

The builds alternate, which goes first alternating from pair to pair, after letting the disk
settle (`build_scale.settle`). Per build: the elapsed time, the CPU of the command and every
process it waited for (user and kernel, from `wait4`), the peak memory of the largest of them,
and the pages it published; per pair, this checkout's elapsed time and CPU as a fraction of the
revision's, and their medians.

`--without G` adds to each pair a build of this checkout's content by this checkout with the
guarantees G left out (`bench/without.py`: `copies`, the copies at publishing; `gz`, the
precompressed copies; `copies,gz`, both), and its ratios: what today's build would cost
against REV without them.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.build_scale import machine, remove_site, revision, settle


def install(rev: str, folder: Path) -> Path:
    """Check out `rev` into `folder`/code and install it into `folder`/venv; its `kinerja`."""
    code = folder / "code"
    subprocess.run(["git", "worktree", "add", "--detach", "--quiet", str(code), rev], cwd=ROOT, check=True)
    subprocess.run([sys.executable, "-m", "venv", str(folder / "venv")], check=True)
    subprocess.run([folder / "venv/bin/pip", "install", "--quiet", "--editable", str(code)], check=True)
    return folder / "venv/bin/kinerja"


def build(kinerja: list[Path | str], folder: Path) -> dict:
    """A full build of `folder`/content by the command `kinerja` into an empty site and work
    folder, measured, then removed."""
    command = [*kinerja, "build", "--content", folder / "content", "--site", folder / "site", "--work", folder / "work"]
    start = time.perf_counter()
    with open(folder / "build.log", "wb") as log:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=log)
        _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status):
        raise SystemExit(f"{command} failed:\n{(folder / 'build.log').read_text(errors='replace')[-2000:]}")
    pages = sum(1 for _ in (folder / "site").resolve().rglob("index.html"))
    remove_site(folder / "site")  # one site at a time: a province twice does not fit on tmpfs
    shutil.rmtree(folder / "work")
    return {
        "seconds": seconds,
        "user": usage.ru_utime,
        "sys": usage.ru_stime,
        "memory": usage.ru_maxrss / 1024,
        "pages": pages,
    }


def report(rows: list[tuple[int, str, dict]], rev: str, size: str) -> str:
    """The builds as a Markdown table, then each pair's ratios and their medians, for every
    build of this checkout (`this`, and each `this without ...`)."""
    head = "| pair | revision | elapsed (s) | CPU user / kernel (s) | peak memory (MB) | pages |\n" + "|---" * 6 + "|\n"
    lines = [
        f"| {pair} | {name} | {r['seconds']:.2f} | {r['user']:.1f} / {r['sys']:.1f} | {r['memory']:.0f} | {r['pages']} |"
        for pair, name, r in rows
    ]
    summaries = []
    for name in dict.fromkeys(n for _, n, _ in rows if n != rev):
        ratios = []
        for pair in sorted({p for p, _, _ in rows}):
            this, other = (next(r for p, n, r in rows if p == pair and n == wanted) for wanted in (name, rev))
            ratios.append(
                (
                    this["seconds"] / other["seconds"],
                    (this["user"] + this["sys"]) / (other["user"] + other["sys"]),
                )
            )
        pairs = ", ".join(f"{e:.2f} (CPU {c:.2f})" for e, c in ratios)
        median = statistics.median(e for e, _ in ratios), statistics.median(c for _, c in ratios)
        summaries.append(
            f"{name.capitalize()} / {rev}, per pair: {pairs}; median {median[0]:.2f} (CPU {median[1]:.2f})."
        )
    return (
        f"## {size}: this checkout ({revision('HEAD')}) against {rev}, full builds side by side\n\n"
        + head
        + "\n".join(lines)
        + "\n\n"
        + "\n\n".join(summaries)
        + "\n"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("rev", help="the git revision to measure against")
    parser.add_argument("--size", default="38x18x5", help="KABUPATENxKECAMATANxYEARS (default 38x18x5)")
    parser.add_argument("--pairs", type=int, default=2)
    parser.add_argument(
        "--without", nargs="*", default=[], help="guarantees left out in further builds: copies, gz, copies,gz"
    )
    parser.add_argument("--out", type=Path, default=ROOT / "bench/results/against-revision.md")
    args = parser.parse_args()
    rev = revision(args.rev)
    kab, kec, years = args.size.split("x")
    rows: list[tuple[int, str, dict]] = []
    with tempfile.TemporaryDirectory() as tmp:
        folders = {name: Path(tmp) / name for name in ("this", rev)}
        try:
            for name, folder in folders.items():
                kinerja = install("HEAD" if name == "this" else args.rev, folder)
                demo = [kinerja, "demo", folder / "content", "--kabupaten", kab, "--kecamatan", kec, "--tahun", years]
                subprocess.run([*demo, "--seed", "1"], check=True, stdout=subprocess.DEVNULL)
            this = folders["this"]
            commands: dict[str, tuple[list[Path | str], Path]] = {
                "this": ([this / "venv/bin/kinerja"], this),
                **{
                    f"this without {g}": ([this / "venv/bin/python", this / "code/bench/without.py", g], this)
                    for g in args.without
                },
                rev: ([folders[rev] / "venv/bin/kinerja"], folders[rev]),
            }
            for pair in range(1, args.pairs + 1):
                for name in list(commands) if pair % 2 else list(commands)[::-1]:
                    settle()
                    rows.append((pair, name, build(*commands[name])))
                    print(*rows[-1], flush=True)
        finally:
            for folder in folders.values():
                subprocess.run(["git", "worktree", "remove", "--force", str(folder / "code")], cwd=ROOT, check=False)
    text = f"# Full builds against another revision\n\n{machine(os.cpu_count() or 1)}\n\n"
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text + report(rows, rev, args.size.replace("x", "×")), encoding="utf-8")


if __name__ == "__main__":
    main()

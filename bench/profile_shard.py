"""Where the time of one kabupaten shard goes: the stages, the functions, the kernel.

    .venv/bin/python bench/profile_shard.py [--kecamatan 18] [--years 5]
                                            [--out bench/results/profile-shard.md]

Builds a synthetic kabupaten (`kinerja demo`) in one process, first without a profiler (the
stage times and the user / kernel CPU of the build), then under cProfile (the functions with
the most time of their own, grouped by library). It also times creating 2.000 small files on
the file system of the work folder and on /dev/shm (tmpfs), because on some machines creating
a file costs far more kernel time than anything else a build does per page.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.build import build_site
from generator.build.site import STAGES
from generator.synthetic.portal import portal_sintetis

#: Library of a profiled function, by the path of its file (first match).
GROUPS = (
    ("/yaml/", "PyYAML"),
    ("/pydantic", "pydantic"),
    ("/markdown/", "Python-Markdown"),
    ("/material/", "mkdocs-material (theme, search)"),
    ("/mkdocs/", "MkDocs"),
    ("/jinja2/", "Jinja2"),
    ("site_templates", "portal templates"),
    ("/markupsafe/", "MarkupSafe"),
    ("html/parser", "html.parser"),
    ("/generator/", "portal code"),
)
KERNEL = {
    "<built-in method io.open>": "creating files (open)",
    "<built-in method posix.mkdir>": "creating folders",
    "<built-in method posix.link>": "hard link",
    "<built-in method posix.unlink>": "deleting files",
    "<built-in method posix.stat>": "stat",
}


def _group(func: tuple[str, int, str]) -> str:
    filename, _, name = func
    if filename == "~" and name in KERNEL:
        return "file system (kernel): " + KERNEL[name]
    return next((group for part, group in GROUPS if part in filename), "other (stdlib, C)")


def create_files(folder: Path, count: int = 2000) -> float:
    """Kernel seconds to create `count` small files in `folder`."""
    before = os.times()
    for n in range(count):
        with open(folder / f"{n}.txt", "wb") as f:
            f.write(b"x" * 1500)
    return os.times().system - before.system


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kecamatan", type=int, default=18)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--out", type=Path, default=ROOT / "bench/results/profile-shard.md")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        portal_sintetis(work / "content", 1, args.kecamatan, list(range(2025 - args.years, 2025)), seed=1)
        before = os.times()
        plain = build_site(work / "content", work / "site", work / "w1", lambda _: None, jobs=1)
        after = os.times()
        profile = cProfile.Profile()
        profile.enable()
        build_site(work / "content", work / "site2", work / "w2", lambda _: None, jobs=1)
        profile.disable()
        (work / "f").mkdir()
        disk = create_files(work / "f")
        shm = None
        if Path("/dev/shm").is_dir():
            with tempfile.TemporaryDirectory(dir="/dev/shm") as ram:
                shm = create_files(Path(ram))
    stats = pstats.Stats(profile).stats  # func -> (calls, primitive, tottime, cumtime, callers)
    total = sum(v[2] for v in stats.values())
    groups: Counter[str] = Counter()
    for func, value in stats.items():
        groups[_group(func)] += value[2]
    top = sorted(stats.items(), key=lambda item: -item[1][2])[:20]
    user, system = after.user - before.user, after.system - before.system
    lines = [
        f"# Profile of one kabupaten shard (synthetic 1×{args.kecamatan}×{args.years})",
        "",
        f"{plain.pages} pages, {plain.seconds:.1f} s, CPU user {user:.1f} s + kernel {system:.1f} s "
        "(without the profiler, one process).",
        "",
        "| stage | wall (s) | CPU (s) |",
        "| --- | ---: | ---: |",
    ]
    lines += [f"| {s} | {plain.stages[s][0]:.2f} | {plain.stages[s][1]:.2f} |" for s in STAGES]
    lines += [
        "",
        "Own time (tottime) by library, under cProfile (the profiler slows Python code, not the kernel):",
        "",
        "| group | s | share |",
        "| --- | ---: | ---: |",
    ]
    lines += [f"| {g} | {t:.2f} | {t / total:.0%} |" for g, t in groups.most_common()]
    lines += ["", "The 20 functions with the most own time:", "", "| function | calls | s |", "| --- | ---: | ---: |"]
    lines += [f"| `{Path(f[0]).name}:{f[1]} {f[2]}` | {v[0]} | {v[2]:.2f} |" for f, v in top]
    lines += [
        "",
        f"Creating 2,000 small files: {disk:.2f} s kernel on the work folder's file system"
        + (f", {shm:.2f} s on /dev/shm (tmpfs)." if shm is not None else "."),
    ]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()

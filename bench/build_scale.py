"""Build time per stage for synthetic portals of increasing size.

    .venv/bin/python bench/build_scale.py [--ukuran 1x3x1 1x21x5 ...] [--out bench/results/build-scale.md]

Each size is KABUPATENxKECAMATANxTAHUN. For each, a synthetic portal (`kinerja demo`, fixed seed)
is written to a temporary folder and built stage by stage; the table gives wall and CPU time
per stage, pages, ms per page and the process's peak memory (RSS) after the stage.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.build import run_mkdocs, write_config  # noqa: E402
from generator.compute.laporan import compute  # noqa: E402
from generator.load import load_content  # noqa: E402
from generator.render import navigation, render_site  # noqa: E402
from generator.sintetis import portal_sintetis  # noqa: E402
from generator.validate import validate  # noqa: E402

STAGES = ("load", "validate", "compute", "render", "mkdocs")


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(kabupaten: int, kecamatan: int, tahun: int, work: Path) -> dict[str, object]:
    content_dir = work / "content"
    portal_sintetis(content_dir, kabupaten, kecamatan, list(range(2025 - tahun, 2025)), seed=1)
    rows: dict[str, tuple[float, float, float]] = {}
    state: dict[str, object] = {}

    def stage(name: str, fn) -> None:
        wall, cpu = time.perf_counter(), time.process_time()
        state[name] = fn()
        rows[name] = (time.perf_counter() - wall, time.process_time() - cpu, _peak_mb())

    stage("load", lambda: load_content(content_dir))
    stage("validate", lambda: validate(state["load"]))
    stage("compute", lambda: compute(state["validate"]))
    stage("render", lambda: render_site(state["compute"], work / "docs"))
    config = write_config(state["validate"], work, navigation(state["compute"]))
    stage("mkdocs", lambda: run_mkdocs(config, work / "site", 1735689600))
    pages = len(state["render"])
    return {"ukuran": f"{kabupaten}×{kecamatan}×{tahun}", "laporan": kabupaten * kecamatan * tahun,
            "halaman": pages, "tahap": rows}


def table(results: list[dict[str, object]]) -> str:
    head = "| ukuran (kab×kec×tahun) | halaman | " + " | ".join(f"{s} (s)" for s in STAGES) + \
        " | total (s) | CPU (s) | ms/halaman | puncak memori (MB) |"
    lines = [head, "|---" * (len(STAGES) + 7) + "|"]
    for r in results:
        stages = r["tahap"]
        wall = sum(v[0] for v in stages.values())
        cpu = sum(v[1] for v in stages.values())
        peak = max(v[2] for v in stages.values())
        lines.append(f"| {r['ukuran']} | {r['halaman']} | " + " | ".join(f"{stages[s][0]:.2f}" for s in STAGES)
                     + f" | {wall:.2f} | {cpu:.2f} | {wall / r['halaman'] * 1000:.0f} | {peak:.0f} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ukuran", nargs="+", default=["1x3x1", "1x21x1", "1x21x5"])
    parser.add_argument("--out", type=Path, default=ROOT / "bench/results/build-scale.md")
    args = parser.parse_args()
    results = []
    for size in args.ukuran:
        kab, kec, tahun = (int(x) for x in size.split("x"))
        with tempfile.TemporaryDirectory() as tmp:
            results.append(measure(kab, kec, tahun, Path(tmp)))
        print(table(results[-1:]).splitlines()[-1], flush=True)
    text = table(results)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("# Waktu bangun per tahap, portal sintetis\n\nSatu proses, mesin 2 inti. " + text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()

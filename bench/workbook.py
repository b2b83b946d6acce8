"""Import speed for clerks' spreadsheets: a form export of survey answers and kecamatan-year workbooks.

    .venv/bin/python bench/workbook.py [--responses 10000] [--repeat 3] [--out bench/results/workbook.md]

1. Form export: a SYNTHETIC export (`synthetic_form`: timestamp, personal columns, profile,
   service, nine questions answered in words) of N responses, as CSV and as XLSX, imported by
   `kinerja impor-skm`'s own function (read, map, drop personal data, check with the raw-answer
   rules, write `skm-<periode>.csv`). Target: at most 5 s for 10.000 responses.
2. Workbook: each demo kecamatan-year exported with `kinerja ekspor`, then imported by
   `kinerja impor`'s own function (read the xlsx, build the files, write them into a trial copy
   of the kecamatan, load, validate and audit it as `kinerja validate` does, write), twice: into
   the demo content as it is (`again`: every file unchanged, compared with its canonical form) and
   into a copy whose kecamatan files were removed first (`new`: every file written).
   Target: at most 2 s for a full kecamatan-year.

Each import runs `--repeat` times; the table gives the fastest and the slowest wall time and the
CPU time (user + kernel) of the fastest, so that a busy machine shows as wall >> CPU.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from openpyxl import load_workbook

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.workbook.form import import_form, synthetic_form, synthetic_mapping
from generator.workbook.workbook import Identity, export, import_workbook

YEARS = (
    Identity("jember", "ajung", 2023),
    Identity("jombang", "megaluh", 2024),
    Identity("lumajang", "kedungjajang", 2023),
    Identity("lumajang", "kedungjajang", 2024),
)


def timed(run: Callable[[], None], repeat: int, setup: Callable[[], None] = lambda: None) -> tuple[float, float, float]:
    """(fastest wall, slowest wall, CPU of the fastest) over `repeat` runs of `run()`, each after
    an untimed `setup()`."""
    results = []
    for _ in range(repeat):
        setup()
        before, start = os.times(), time.perf_counter()
        run()
        wall, after = time.perf_counter() - start, os.times()
        results.append((wall, after.user - before.user + after.system - before.system))
    fastest = min(results)
    return fastest[0], max(r[0] for r in results), fastest[1]


def import_form_once(form: Path, mapping: Path, responses: int) -> None:
    result = import_form(form, mapping, form.parent / "skm-s1.csv", skip=False)
    assert not result.errors and result.rows == responses, result.errors[:3]


def import_workbook_once(content: Path, book: Path, written: bool) -> None:
    result = import_workbook(content, book)
    assert not result.errors, result.errors[:3]
    assert bool(result.written) == written, result.written


def emptied(content: Path, identity: Identity) -> None:
    """Remove the files a workbook of `identity` holds (raw survey answers stay)."""
    folder = content / identity.kabupaten / identity.kecamatan
    for path in [*folder.glob("*.*"), *(folder / str(identity.tahun)).glob("*.*")]:
        if not path.name.startswith("skm-"):
            path.unlink()


def form_rows(work: Path, responses: int, repeat: int) -> list[str]:
    frame = synthetic_form(responses, seed=1)
    mapping = work / "mapping.yml"
    mapping.write_text(synthetic_mapping(), encoding="utf-8")
    frame.to_csv(work / "form.csv", index=False)
    frame.to_excel(work / "form.xlsx", index=False)
    rows = []
    for form in (work / "form.csv", work / "form.xlsx"):
        fast, slow, cpu = timed(lambda form=form: import_form_once(form, mapping, responses), repeat)
        size = form.stat().st_size / 1e6
        rows.append(
            f"| {form.name} ({size:.1f} MB) | {responses} | {fast:.2f} | {slow:.2f} | {cpu:.2f} | "
            f"{'yes' if slow <= 5 else 'NO'} |"
        )
        print(rows[-1], flush=True)
    return rows


def workbook_rows(work: Path, repeat: int) -> list[str]:
    rows = []
    for identity in YEARS:
        content = work / "content"
        shutil.rmtree(content, ignore_errors=True)
        shutil.copytree(ROOT / "content", content)
        book = work / f"{identity.kecamatan}-{identity.tahun}.xlsx"
        export(content, identity, book)
        opened = load_workbook(book, read_only=True)
        cells = sum(ws.max_row * ws.max_column for ws in opened.worksheets)
        sheets = len(opened.sheetnames)
        opened.close()
        for mode, setup in (("again", lambda: None), ("new", lambda c=content, i=identity: emptied(c, i))):
            fast, slow, cpu = timed(partial(import_workbook_once, content, book, mode == "new"), repeat, setup)
            rows.append(
                f"| {identity.kabupaten}/{identity.kecamatan} {identity.tahun} | {mode} | {sheets} | {cells} | "
                f"{fast:.2f} | {slow:.2f} | {cpu:.2f} | {'yes' if slow <= 2 else 'NO'} |"
            )
            print(rows[-1], flush=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--responses", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=ROOT / "bench/results/workbook.md")
    args = parser.parse_args()
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    load = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="bench-workbook-") as tmp:
        form = form_rows(Path(tmp), args.responses, args.repeat)
        books = workbook_rows(Path(tmp), args.repeat)
    lines = [
        "# Importing clerks' spreadsheets",
        "",
        f"Commit {commit}, Python {platform.python_version()}, {os.cpu_count()} cores, machine load at the start "
        f"{load[0]:.1f} (1-minute average), {args.repeat} runs per row: fastest and slowest wall time, CPU "
        "(user + kernel) of the fastest.",
        "",
        "## Survey form export (`kinerja impor-skm`, synthetic data)",
        "",
        "| file | responses | fastest (s) | slowest (s) | CPU (s) | slowest ≤ 5 s |",
        "| --- | ---: | ---: | ---: | ---: | --- |",
        *form,
        "",
        "## Workbook of one kecamatan-year (`kinerja impor`, demo content)",
        "",
        "| workbook | import | sheets | cells | fastest (s) | slowest (s) | CPU (s) | slowest ≤ 2 s |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |",
        *books,
        "",
    ]
    args.out.write_text("\n".join(lines), encoding="utf-8")
    print(f"written: {args.out}")


if __name__ == "__main__":
    main()

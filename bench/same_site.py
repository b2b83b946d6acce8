"""Do two versions of the generator publish the same site? For refactors that must not change a byte.

    .venv/bin/python bench/same_site.py [REV] [--synthetic 2x3x2] [--blank-lines] [--quotes] [--gz-content]

Builds the demo content and a synthetic portal (written once by this checkout's `kinerja demo`) with
the generator at git revision REV (default HEAD) and with the working tree, both from the same
content, and compares the two sites file by file. Prints the differing files and exits 1 when any
differ. The build date comes from the content's git history, so it is the same for both.

`--gz-content`: a `.gz` copy counts as the same when it decompresses to the same bytes (for a
change of compressor: the copies' bytes differ, what a browser gets does not).

`--blank-lines`: HTML pages (and their `.gz`) that differ only by empty lines count as the same.
An empty line between two block elements is a whitespace text node the browser does not render;
the pages have no `<pre>` or `<textarea>`, where it would show (checked).

`--quotes`: HTML pages (and their `.gz`) that differ only by how a quote in text is written
(`&quot;` or `&#34;`, `&#x27;` or `&#39;`: Python's `html.escape` or Jinja's autoescape) count
as the same; a browser reads them as the same character.
"""

from __future__ import annotations

import argparse
import filecmp
import gzip
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def build(code: Path, content: Path, site: Path, work: Path) -> None:
    """`kinerja build` with the generator package found in `code` (first on the import path)."""
    env = {**os.environ, "PYTHONPATH": str(code)}
    command = [
        sys.executable,
        "-c",
        "from generator.cli import app; app()",
        "build",
        "--content",
        str(content),
        "--site",
        str(site),
        "--work",
        str(work),
    ]
    subprocess.run(command, cwd=code, env=env, check=True, capture_output=True, text=True)


#: The entities of the two ways of escaping a quote, each with the one it is compared as.
QUOTES = ((b"&quot;", b"&#34;"), (b"&#x27;", b"&#39;"))


def _html(path: Path, blank_lines: bool, quotes: bool) -> bytes | list[bytes]:
    """An HTML page (decompressed when it is a `.gz`) as compared: its quote entities written
    one way (`quotes`), its non-empty lines (`blank_lines`; every line where a `<pre>` or
    `<textarea>` would show an empty one)."""
    data = path.read_bytes()
    if path.name.endswith(".gz"):
        data = gzip.decompress(data)
    if quotes:
        for entity, same in QUOTES:
            data = data.replace(entity, same)
    if not blank_lines or b"<pre" in data or b"<textarea" in data:
        return data
    return [line for line in data.splitlines() if line.strip()]


def same_page(a: Path, b: Path, blank_lines: bool, quotes: bool) -> bool:
    """Whether two HTML pages differ only by empty lines (`blank_lines`) or quote entities (`quotes`)."""
    return a.name.endswith((".html", ".html.gz")) and _html(a, blank_lines, quotes) == _html(b, blank_lines, quotes)


def same_content(a: Path, b: Path) -> bool:
    """Whether two `.gz` copies decompress to the same bytes."""
    return a.name.endswith(".gz") and gzip.decompress(a.read_bytes()) == gzip.decompress(b.read_bytes())


def differences(
    a: Path, b: Path, blank_lines: bool = False, gz_content: bool = False, quotes: bool = False
) -> list[str]:
    """Files present in only one tree or with different bytes, as relative paths (HTML pages
    differing only by empty lines left out when `blank_lines`, or by quote entities when
    `quotes`; `.gz` copies of the same bytes when `gz_content`)."""
    found: list[str] = []

    def walk(cmp: filecmp.dircmp[str], prefix: str) -> None:
        found.extend(f"{prefix}{name}" for name in (*cmp.left_only, *cmp.right_only, *cmp.funny_files))
        _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
        if blank_lines or quotes:
            left, right = Path(cmp.left), Path(cmp.right)
            mismatch = [name for name in mismatch if not same_page(left / name, right / name, blank_lines, quotes)]
        if gz_content:
            left, right = Path(cmp.left), Path(cmp.right)
            mismatch = [name for name in mismatch if not same_content(left / name, right / name)]
        found.extend(f"{prefix}{name}" for name in (*mismatch, *errors))
        for name, sub in sorted(cmp.subdirs.items()):
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(a, b), "")
    return sorted(found)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rev", nargs="?", default="HEAD", help="git revision to compare with (default HEAD)")
    parser.add_argument("--synthetic", default="2x3x2", help="synthetic portal K x N x years (default 2x3x2)")
    parser.add_argument("--blank-lines", action="store_true", help="ignore empty lines in HTML pages")
    parser.add_argument("--quotes", action="store_true", help="ignore how quotes are escaped in HTML pages")
    parser.add_argument("--gz-content", action="store_true", help="compare .gz copies by their decompressed bytes")
    args = parser.parse_args()
    kabupaten, kecamatan, years = (int(n) for n in args.synthetic.split("x"))
    with tempfile.TemporaryDirectory(prefix="same-site-") as tmp:
        out = Path(tmp)
        old = out / "old-code"
        subprocess.run(["git", "worktree", "add", "--detach", "--quiet", str(old), args.rev], cwd=ROOT, check=True)
        try:
            synthetic = out / "synthetic-content"
            subprocess.run(
                [
                    sys.executable,
                    "-c",
                    "from generator.cli import app; app()",
                    "demo",
                    str(synthetic),
                    "--kabupaten",
                    str(kabupaten),
                    "--kecamatan",
                    str(kecamatan),
                    "--tahun",
                    str(years),
                ],
                cwd=ROOT,
                check=True,
                capture_output=True,
            )
            failed = 0
            for name, content in (("demo", ROOT / "content"), ("synthetic", synthetic)):
                for code, label in ((old, "old"), (ROOT, "new")):
                    build(code, content, out / f"{name}-{label}", out / f"work-{name}-{label}")
                diff = differences(
                    out / f"{name}-old", out / f"{name}-new", args.blank_lines, args.gz_content, args.quotes
                )
                print(f"{name}: " + ("identical" if not diff else f"{len(diff)} files differ"))
                for path in diff[:50]:
                    print(f"  {path}")
                failed += bool(diff)
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(old)], cwd=ROOT, check=True)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())

"""One build spread over machines. `kinerja build --bagian I/N` builds only every N-th kabupaten
shard (those whose position in the outline, the kabupaten folders in name order counted from 0,
leaves I-1 when divided by N) into its own work folder and records there which shards it built
with which keys (`bagian.json`). `kinerja rakit` takes the shards of every part into its own work
folder, each checked to be exactly the shard this content and this generator give (same key),
never building one itself; then the portal's own shard, the link check and publishing run as in
any build. A part is never modified: a shard's output is hard-linked (copied across file
systems), the few records the assembly reads are copied."""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator.build.files import copy_tree, hard_link, replace_folder
from generator.build.mkdocs_run import BuildError
from generator.build.shard import HANDED_OVER, TRASH, reused_summary
from generator.render import Outline, ShardSummary

#: A part's record in its work folder: which part, of which code and content, and its shards' keys.
RECORD = "bagian.json"


@dataclass(frozen=True)
class Bagian:
    """Part `nomor` of `dari` (I/N)."""

    nomor: int
    dari: int

    @classmethod
    def parse(cls, text: str) -> Bagian:
        """`I/N` with 1 <= I <= N; a ValueError saying so (in Indonesian) otherwise."""
        match = re.fullmatch(r"\s*([0-9]+)\s*/\s*([0-9]+)\s*", text)
        if match is None or not 1 <= int(match[1]) <= int(match[2]):
            raise ValueError(
                f"--bagian {text}: bukan bagian I/N dengan 1 ≤ I ≤ N, mis. 2/3 untuk bagian kedua dari tiga [bad_part]"
            )
        return cls(int(match[1]), int(match[2]))

    def __str__(self) -> str:
        return f"{self.nomor}/{self.dari}"

    def kabupaten(self, slugs: list[str]) -> list[str]:
        """This part's kabupaten of `slugs` (in the outline's order)."""
        return [slug for n, slug in enumerate(slugs) if n % self.dari == self.nomor - 1]


@dataclass(frozen=True)
class Part:
    """A part's work folder as its record describes it."""

    folder: Path
    bagian: Bagian
    root: str
    code: str
    keys: dict[str, str]

    def __str__(self) -> str:
        return f"bagian {self.bagian} ({self.folder})"


def record(work: Path, bagian: Bagian, root: Path, code: str, keys: dict[str, str]) -> None:
    """Record a part built into `work` (once every one of its shards is)."""
    text = json.dumps({"bagian": str(bagian), "konten": str(root), "kode": code, "kunci": keys}, sort_keys=True)
    (work / f"{RECORD}.baru").write_text(text, encoding="utf-8")
    (work / f"{RECORD}.baru").replace(work / RECORD)


def unrecord(work: Path) -> None:
    (work / RECORD).unlink(missing_ok=True)


def read_part(folder: Path) -> Part | str:
    """The part built into `folder`, or why it is none."""
    try:
        data = json.loads((folder / RECORD).read_text(encoding="utf-8"))
        part = Part(folder, Bagian.parse(data["bagian"]), data["konten"], data["kode"], dict(data["kunci"]))
    except (OSError, ValueError, KeyError, TypeError):
        return (
            f"{folder}: bukan folder kerja bagian yang selesai dibangun ({RECORD} tidak ada atau rusak); "
            f"bangun dengan `kinerja build --bagian I/N --work {folder}`"
        )
    if not all(isinstance(v, str) for v in (part.root, part.code, *part.keys, *part.keys.values())):
        return f"{folder}: {RECORD} rusak; bangun ulang bagian ini"
    return part


def _complete(folders: list[Path]) -> tuple[dict[int, Part], list[str]]:
    """Every part by its number, or the problems: a folder that is no part, parts of different
    splits, a part given twice or missing."""
    read = [read_part(folder) for folder in folders]
    problems = [r for r in read if isinstance(r, str)]
    parts = [r for r in read if isinstance(r, Part)]
    if not folders:
        problems.append("tidak ada bagian yang dirakit: beri setiap folder kerja bagian dengan --bagian-dari")
    splits = sorted({p.bagian.dari for p in parts})
    if len(splits) > 1:
        problems.append("bagian dari pembagian yang berbeda: " + ", ".join(str(p) for p in parts))
    if problems:
        return {}, problems
    by_number: dict[int, Part] = {}
    for part in parts:
        if part.bagian.nomor in by_number:
            problems.append(
                f"bagian {part.bagian} diberikan dua kali: {by_number[part.bagian.nomor].folder}, {part.folder}"
            )
        by_number[part.bagian.nomor] = part
    n = splits[0] if splits else 0
    problems += [f"bagian {i}/{n} tidak diberikan (--bagian-dari)" for i in range(1, n + 1) if i not in by_number]
    return by_number, problems


def _same_build(part: Part, root: Path, code: str) -> str | None:
    """Why a part cannot hold a shard of this build whatever its content: other code, another path."""
    if part.code != code:
        return (
            f"{part}: dibangun dengan generator lain (kode, templat, versi Python atau pustaka berbeda); "
            "bangun semua bagian dan rakit dengan versi yang sama"
        )
    if part.root != str(root):
        return (
            f"{part}: dibangun dari folder konten {part.root}, bukan {root}; kunci bagian memuat path folder "
            "konten: bangun dan rakit di path yang sama"
        )
    return None


def _shard_problem(part: Part, slug: str, key: str) -> str | None:
    """Why `part` does not hold the shard `slug` with `key`, complete."""
    if slug not in part.keys:
        return f"tidak dibangun oleh {part}"
    if part.keys[slug] != key:
        return (
            f"{part} dibangun dari konten lain (berkas kabupaten ini, portal.yml, atau daftar kabupaten dan "
            "kecamatan berbeda)"
        )
    if reused_summary(part.folder / "shard", slug, key, ShardSummary) is None:
        return f"keluarannya di {part} tidak lengkap atau rusak; bangun ulang bagian itu"
    return None


def take_parts(
    folders: list[Path],
    root: Path,
    code: str,
    outline: Outline,
    keys: dict[str, str],
    work: Path,
    step: Callable[[str], None],
) -> None:
    """Bring every kabupaten shard (`keys`, in the outline's order) from its part into `work`;
    a BuildError with a line per missing or different part or shard, and nothing brought, when
    any is not what this content and code give."""
    parts, problems = _complete(folders)
    problems = problems or [p for part in parts.values() if (p := _same_build(part, root, code)) is not None]
    owner = {slug: parts[n % len(parts) + 1] for n, slug in enumerate(keys)} if not problems else {}
    names = {slug: nama for slug, nama, _ in outline.kabupaten}
    problems = problems or [
        f"Kabupaten {names[slug]} ({slug}): {p}"
        for slug, key in keys.items()
        if (p := _shard_problem(owner[slug], slug, key)) is not None
    ]
    if problems:
        raise BuildError("\n".join(problems))
    for slug, key in keys.items():
        if reused_summary(work, slug, key, ShardSummary) is None:  # not here from an earlier assembly
            _bring(owner[slug].folder / "shard" / slug, work / slug, work / TRASH)
    step(f"Dirakit dari {len(parts)} bagian: {len(keys)} kabupaten")


def _bring(source: Path, target: Path, trash: Path) -> None:
    """A part's shard in place of `target`: its output as hard links, its records copied."""
    trash.mkdir(parents=True, exist_ok=True)  # removed after the build, with what a killed one left
    fresh = Path(tempfile.mkdtemp(prefix="bagian-", dir=trash))
    try:
        copy_tree(source / "site", fresh / "site", copy=hard_link)
        for name in HANDED_OVER:
            shutil.copy2(source / name, fresh / name)
        replace_folder(fresh, target, trash)
    finally:
        if fresh.exists():
            shutil.rmtree(fresh)

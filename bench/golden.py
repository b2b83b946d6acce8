"""The portal measured against the golden extraction of the seed reports (issue 13).

Every checkable golden record (status OK or MISMATCH, seeds 000-003; copied with its register
address into tests/data/golden.json) is looked up in the figure register computed from the demo
content: *equal* when the register's value is within the golden file's tolerance of the golden
recomputation, else it must carry an explanation (`penjelasan`: a class and a reason). A MISMATCH
record with a printed value is *listed* when that printed value stands at its address on the
kecamatan-year's audit page (Catatan kualitas data).

    python bench/golden.py          # writes bench/results/golden.md

tests/test_golden.py runs the same measurement and keeps its numbers from regressing.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.compute.audit import AuditNote
from generator.compute.portal import PortalResult, compute
from generator.compute.register import Figure, YearRegister
from generator.load import load_content
from generator.numbers import NumberFormatError, format_number, parse_number
from generator.validate import validate

DATA = ROOT / "tests" / "data" / "golden.json"
RESULT = ROOT / "bench" / "results" / "golden.md"
SEEDS = {
    "lumajang/kedungjajang/2024": "000 Kedungjajang LKjIP 2024",
    "lumajang/kedungjajang/2023": "001 Kedungjajang Kinerja Individu TW II 2023",
    "jombang/megaluh/2024": "002 Megaluh LKjIP 2024",
    "jember/ajung/2023": "003 Ajung Laporan Kinerja 2023",
}
#: What each explanation class means (bench/results/golden.md prints it).
CLASSES = {
    "input-conflict": "the report prints two values for one input; the content keeps one and records the other "
    "in dilaporkan.csv, where the audit page lists it; the golden recomputation uses the other",
    "report-arithmetic": "the record redoes the report's own arithmetic on printed derived or known-wrong figures; "
    "the register computes from the inputs, so this is not a register figure",
    "no-figure": "the record carries no value (a label, a text or a scale inconsistency)",
    "out-of-scope": "intermediate arithmetic, a second survey method or a wording choice the portal does not model",
    "golden-doubt": "the golden recomputation itself is believed wrong, for the reason given",
    "not-computed": "a figure the portal does not compute yet",
    "input-missing": "an input the figure needs is not in the demo content",
}


def load_records() -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = json.loads(DATA.read_text(encoding="utf-8"))
    return records


def demo() -> PortalResult:
    return compute(validate(load_content(ROOT / "content", diubah={})))


def _number(value: object) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    try:
        return parse_number(value) if isinstance(value, str) else None
    except NumberFormatError:
        return None


def _names(f: Figure) -> set[str]:
    return {" ".join(str(n).lower().split()) for n in (f.nilai, *f.sebutan)}


def same(f: Figure | None, expected: object, tolerance: float) -> bool:
    """Whether a register figure shows the golden recomputation (within the golden tolerance)."""
    if f is None or f.nilai is None or expected is None:
        return False
    if isinstance(expected, str) and _number(expected) is None:
        return " ".join(expected.lower().split()) in _names(f)
    value, wanted = _number(f.nilai), _number(expected)
    return value is not None and wanted is not None and abs(value - wanted) <= tolerance + 1e-9


def _printed_equal(note: AuditNote, nilai: str) -> bool:
    a, b = _number(note.dilaporkan), _number(nilai)
    if a is not None and b is not None:
        return abs(a - b) < 1e-9
    return " ".join(note.dilaporkan.lower().split()) == " ".join(nilai.lower().split())


def _figure(register: YearRegister, alamat: str | list[str] | None) -> Figure | None:
    """The figure at a record's address; a record of several figures (`4/8/16`) names a list."""
    if not isinstance(alamat, list):
        return register.get(alamat) if alamat else None
    parts = [register.get(a) for a in alamat]
    if any(p is None or p.nilai is None for p in parts):
        return None
    return Figure("/".join(alamat), "", "/".join(_value(p.nilai) for p in parts if p), "", None, ())


@dataclass(frozen=True)
class Outcome:
    record: dict[str, Any]
    value: float | int | str | None  # the register's value at the record's address
    equal: bool
    listed: bool | None  # None: not a MISMATCH record with a printed value

    @property
    def explanation(self) -> dict[str, str] | None:
        explanation: dict[str, str] | None = self.record["penjelasan"]
        return explanation


def measure(hasil: PortalResult, records: list[dict[str, Any]]) -> list[Outcome]:
    outcomes = []
    for r in records:
        kab, kec, tahun = r["laporan"].split("/")
        register = hasil.register_untuk(kab, kec, int(tahun))
        f = _figure(register, r["alamat"])
        listed = None
        if r["dicetak"]:
            listed = all(
                any(n.alamat.lower() == p["alamat"].lower() and _printed_equal(n, p["nilai"]) for n in register.audit)
                for p in r["dicetak"]
            )
        outcomes.append(Outcome(r, f.nilai if f else None, same(f, r["recomputed"], r["toleransi"]), listed))
    return outcomes


@dataclass(frozen=True)
class Summary:
    records: int
    equal: int
    explained: Counter[str]
    unexplained: tuple[str, ...]  # not equal and no explanation
    stale: tuple[str, ...]  # equal, yet explained
    printed: int  # MISMATCH records with a printed value
    listed: int

    @property
    def equal_percent(self) -> float:
        return self.equal / self.records * 100

    @property
    def listed_percent(self) -> float:
        return self.listed / self.printed * 100


def summarize(outcomes: list[Outcome]) -> Summary:
    printed = [o for o in outcomes if o.listed is not None]
    return Summary(
        len(outcomes),
        sum(o.equal for o in outcomes),
        Counter(o.explanation["kelas"] for o in outcomes if not o.equal and o.explanation),
        tuple(o.record["id"] for o in outcomes if not o.equal and not o.explanation),
        tuple(o.record["id"] for o in outcomes if o.equal and o.explanation),
        len(printed),
        sum(bool(o.listed) for o in printed),
    )


def _pct(part: int, whole: int) -> str:
    return f"{part}/{whole} ({format_number(part / whole * 100, 1)} %)" if whole else "0/0"


def _value(v: object) -> str:
    if v is None:
        return "—"
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return format_number(float(v), 4).rstrip("0").rstrip(",")
    return str(v).replace("|", "/")


def markdown(outcomes: list[Outcome]) -> str:
    s = summarize(outcomes)
    lines = [
        "# The portal against the golden extraction (seeds 000-003)",
        "",
        "Generated by `bench/golden.py` from `tests/data/golden.json` and the demo content; "
        "`tests/test_golden.py` keeps these numbers from regressing.",
        "",
        "| report | records | equal | explained | MISMATCH with a printed value | listed on the audit page |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for laporan, name in [*SEEDS.items(), ("", "all")]:
        mine = [o for o in outcomes if not laporan or o.record["laporan"] == laporan]
        t = summarize(mine)
        lines.append(
            f"| {name} | {t.records} | {_pct(t.equal, t.records)} | {sum(t.explained.values())} | {t.printed} | "
            f"{_pct(t.listed, t.printed)} |"
        )
    lines += ["", "## Explanation classes", "", "| class | records | meaning |", "| --- | --- | --- |"]
    lines += [f"| `{k}` | {s.explained[k]} | {CLASSES[k]} |" for k in CLASSES if s.explained[k]]
    if s.unexplained:
        lines += ["", f"**Not explained**: {', '.join(s.unexplained)}"]
    lines += [
        "",
        "## Every record that is not equal",
        "",
        "| id | address | golden | register | class | reason |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for o in outcomes:
        if o.equal:
            continue
        e = o.explanation or {"kelas": "?", "alasan": ""}
        lines.append(
            f"| {o.record['id']} | `{o.record['alamat'] or '—'}` | {_value(o.record['recomputed'])} | {_value(o.value)} | "
            f"`{e['kelas']}` | {e['alasan'].replace('|', '/')} |"
        )
    lines += [
        "",
        "## MISMATCH records with a printed value that the audit page does not list",
        "",
        "| id | printed | reason |",
        "| --- | --- | --- |",
    ]
    for o in outcomes:
        if o.listed is False:
            printed = "; ".join(f"`{p['alamat']}` {p['nilai']}" for p in o.record["dicetak"])
            lines.append(
                f"| {o.record['id']} | {printed} | {(o.explanation or {}).get('alasan', '').replace('|', '/')} |"
            )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    RESULT.write_text(markdown(measure(demo(), load_records())), encoding="utf-8")
    print(RESULT.read_text(encoding="utf-8").split("\n## ")[0])

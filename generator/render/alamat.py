"""The address list of FORMAT.md, generated from the declaration in compute/families.py (a test
checks that FORMAT.md is current). `python -m generator.render.alamat` rewrites the section."""

from __future__ import annotations

import re
from itertools import groupby
from pathlib import Path

from generator.compute.families import FAMILIES

FORMAT_MD = Path(__file__).resolve().parents[2] / "FORMAT.md"
BEGIN = "<!-- BEGIN alamat: dibuat dari generator/compute/families.py (python -m generator.render.alamat) -->"
END = "<!-- END alamat -->"
_SECTION = re.compile(re.escape(BEGIN) + r"\n.*?" + re.escape(END), re.S)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def alamat_markdown() -> str:
    """One table per group of families: pattern, label, unit, formula anchor, meaning."""
    parts = [
        "Bagian dalam `<...>` diganti: id dari konten apa adanya (`P1.K2.S1-I1`), tahun dan periode "
        "seperti di konten (`2024`, `tw2`, `s1`, `tahunan` untuk nilai setahun), nama dengan huruf kecil "
        "dan tanda hubung (`kabupaten-lumajang`). Setiap laporan di situs menerbitkan semua angkanya dengan "
        "alamat ini di `angka.csv`.",
    ]
    for kelompok, families in groupby(FAMILIES, key=lambda f: f.kelompok):
        rows = [
            f"| `{_cell(f.pola)}` | `{_cell(f.label_pola)}` | {f.satuan or 'satuan indikator'} | "
            f"{f'`rumus-{f.rumus}`' if f.rumus else 'masukan'} | {_cell(f.keterangan)} |"
            for f in families
        ]
        parts.append(
            f"### {kelompok}\n\n| alamat | label | satuan | rumus | arti |\n| --- | --- | --- | --- | --- |\n"
            + "\n".join(rows)
        )
    return "\n\n".join(parts)


def with_section(text: str) -> str:
    """FORMAT.md's text with its address section generated anew."""
    return _SECTION.sub(lambda _: f"{BEGIN}\n{alamat_markdown()}\n{END}", text)


if __name__ == "__main__":
    FORMAT_MD.write_text(with_section(FORMAT_MD.read_text(encoding="utf-8")), encoding="utf-8")

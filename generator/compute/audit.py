"""Audit notes (DOMAIN 3.10) as validate warnings: where published figures disagree with ours."""

from __future__ import annotations

from pathlib import Path

from generator.compute.laporan import CatatanAudit, HasilPortal, audit_individu
from generator.compute.wilayah import wilayah
from generator.numbers import format_value
from generator.problems import Problem


def describe(note: CatatanAudit) -> str:
    """One sentence: what was published, what we compute."""
    return f"{note.besaran} dilaporkan {format_value(note.dilaporkan)}, dihitung {format_value(note.dihitung)}"


def audit_problems(hasil: HasilPortal) -> list[Problem]:
    """Every audit note of the portal as a warning naming its file and where in it."""
    notes = [(lp.data.files[0].parent, note) for lp in hasil.laporan for note in lp.audit]
    notes += [(r.data.file.parent, note) for r in hasil.individu for note in audit_individu(r)]
    problems = [_problem(folder, note) for folder, note in notes]
    for kab in hasil.content.kabupaten:
        for kec in kab.kecamatan:
            w = wilayah(kec.profil)
            if w.selisih_penduduk is not None:
                problems.append(Problem(kec.file, "penduduk_dilaporkan", f"jumlah penduduk dilaporkan "
                                        f"{format_value(kec.profil.penduduk_dilaporkan)}, jumlah desa "
                                        f"{format_value(w.penduduk)}", "audit_difference", severity="warning"))
    return problems


def _problem(folder: Path, note: CatatanAudit) -> Problem:
    return Problem(folder / note.berkas, note.lokasi, describe(note), "audit_difference", severity="warning")

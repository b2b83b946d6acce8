"""Audit notes (DOMAIN 3.10) as validate warnings: where published figures disagree with ours."""

from __future__ import annotations

from .compute.laporan import CatatanAudit, HasilPortal, LaporanKinerja
from .numbers import format_value
from .problems import Problem


def describe(note: CatatanAudit) -> str:
    """One sentence: what was published, what we compute."""
    return f"{note.besaran} dilaporkan {format_value(note.dilaporkan)}, dihitung {format_value(note.dihitung)}"


def audit_problems(hasil: HasilPortal) -> list[Problem]:
    """Every audit note of the portal as a warning naming its file and where in it."""
    return [_problem(lp, note) for lp in hasil.laporan for note in lp.audit]


def _problem(lp: LaporanKinerja, note: CatatanAudit) -> Problem:
    folder = lp.data.files[0].parent
    return Problem(folder / note.berkas, note.lokasi, describe(note), "audit_difference", severity="warning")

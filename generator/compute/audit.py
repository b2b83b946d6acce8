"""Audit notes (docs/domain.md §3.10) as validate warnings: where published figures disagree with ours."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from generator.compute.anggaran import walk
from generator.compute.selisih import differs
from generator.compute.wilayah import wilayah
from generator.numbers import format_value
from generator.problems import Problem

if TYPE_CHECKING:  # result types only: the compute modules import this one
    from generator.compute.anggaran import AnggaranResult
    from generator.compute.individu import IndividuResult
    from generator.compute.laporan import IndikatorResult
    from generator.compute.portal import PortalResult
    from generator.compute.skm import SkmResult


def describe(note: AuditNote) -> str:
    """One sentence: what was published, what we compute."""
    return f"{note.besaran} dilaporkan {format_value(note.dilaporkan)}, dihitung {format_value(note.dihitung)}"


def audit_problems(hasil: PortalResult) -> list[Problem]:
    """Every audit note of the portal as a warning naming its file and where in it."""
    notes = [(lp.data.files[0].parent, note) for lp in hasil.laporan for note in lp.audit]
    notes += [(r.data.file.parent, note) for r in hasil.individu for note in audit_individu(r)]
    problems = [_problem(folder, note) for folder, note in notes]
    for kab in hasil.content.kabupaten:
        for kec in kab.kecamatan:
            w = wilayah(kec.profil)
            if w.selisih_penduduk is not None:
                problems.append(
                    Problem(
                        kec.file,
                        "penduduk_dilaporkan",
                        f"jumlah penduduk dilaporkan "
                        f"{format_value(kec.profil.penduduk_dilaporkan)}, jumlah desa "
                        f"{format_value(w.penduduk)}",
                        "audit_difference",
                        severity="warning",
                    )
                )
    return problems


def _problem(folder: Path, note: AuditNote) -> Problem:
    return Problem(folder / note.berkas, note.lokasi, describe(note), "audit_difference", severity="warning")


@dataclass(frozen=True)
class AuditNote:
    """A published figure that differs from what we compute from the inputs."""

    berkas: str  # the file in the year folder that holds the published figure
    lokasi: str  # where in that file: `indikator[ikm-kec]`, `periode[s1]`
    subjek: str  # what the figure is about, for readers
    besaran: str
    dilaporkan: float | str
    dihitung: float | str | None

    @classmethod
    def indikator(
        cls, h: IndikatorResult, besaran: str, dilaporkan: float | str, dihitung: float | str | None
    ) -> AuditNote:
        berkas = "kinerja.yml" if h.level in {"tujuan", "sasaran"} else "program.yml"
        return cls(berkas, f"indikator[{h.indikator.id}]", h.indikator.nama, besaran, dilaporkan, dihitung)


def audit_indikator(h: IndikatorResult, tolerance: float) -> list[AuditNote]:
    """Published realisasi/capaian/predikat, and an explicit annual vs its periods, against ours."""
    notes: list[AuditNote] = []
    ind = h.indikator
    if h.realisasi_sumber == "tahunan" and h.realisasi_periode is not None and ind.agregasi is not None:
        if differs(h.realisasi, h.realisasi_periode, tolerance):
            notes.append(
                AuditNote.indikator(
                    h, f"realisasi tahunan vs {ind.agregasi} triwulan", h.realisasi, h.realisasi_periode
                )
            )
    if h.realisasi_sumber not in ("", "tahunan") and h.realisasi_diketik is not None:
        if differs(h.realisasi_diketik, h.realisasi, tolerance):
            notes.append(
                AuditNote.indikator(h, f"realisasi diketik vs {h.realisasi_sumber}", h.realisasi_diketik, h.realisasi)
            )
    published = ind.dilaporkan
    if published is None:
        return notes
    if published.realisasi is not None and differs(published.realisasi, h.realisasi, tolerance):
        notes.append(AuditNote.indikator(h, "realisasi", published.realisasi, h.realisasi))
    if published.capaian is not None and differs(published.capaian, h.capaian.nilai, tolerance):
        notes.append(AuditNote.indikator(h, "capaian (%)", published.capaian, h.capaian.nilai))
    if published.predikat is not None:
        ours = h.predikat.label if h.predikat else None
        names = {ours, h.predikat.kode} if h.predikat else {None}
        if all(differs(published.predikat, name, tolerance) for name in names):
            notes.append(AuditNote.indikator(h, "predikat", published.predikat, ours))
    return notes


def audit_anggaran(ang: AnggaranResult) -> list[AuditNote]:
    """Stated budget amounts that disagree with the sums of their parts or with our figures."""
    notes = [
        AuditNote("program.yml", f"{n.level}[{n.node.id}].anggaran", n.node.nama, s.besaran, s.dinyatakan, s.dihitung)
        for n in walk(ang.program)
        for s in n.selisih
    ]
    notes += [
        AuditNote("program.yml", "anggaran", "Anggaran kecamatan (total)", s.besaran, s.dinyatakan, s.dihitung)
        for s in ang.selisih_total
    ]
    return notes


def audit_individu(hasil: IndividuResult) -> list[AuditNote]:
    name = f"individu-tw{hasil.triwulan}.yml"
    return [
        AuditNote(
            name,
            f"jabatan[{j.jabatan.id}].indikator[{h.indikator.id}]",
            f"{j.jabatan.jabatan}: {h.indikator.nama}",
            what,
            printed,
            ours,
        )
        for j in hasil.jabatan
        for h in j.indikator
        for what, printed, ours in h.catatan
    ]


def audit_skm(skm: SkmResult, tolerance: float) -> list[AuditNote]:
    """Printed IKMs (per period and for the year) against the IKMs computed from the survey."""
    notes = [
        AuditNote("skm.yml", f"periode[{p.id}]", f"SKM {p.nama}", "IKM", p.dilaporkan, p.ikm)
        for p in skm.periode
        if p.dilaporkan is not None and differs(p.dilaporkan, p.ikm, tolerance)
    ]
    notes += [
        AuditNote("skm.yml", f"periode[{p.id}]", f"SKM {p.nama}", f"IKM menurut unsur vs {p.dasar}", p.ikm_unsur, p.ikm)
        for p in skm.periode
        if p.ikm_unsur is not None and differs(p.ikm_unsur, p.ikm, tolerance)
    ]
    printed = skm.data.skm.dilaporkan
    if printed is not None and printed.ikm is not None and differs(printed.ikm, skm.ikm, tolerance):
        notes.append(AuditNote("skm.yml", "dilaporkan", "IKM tahunan", "IKM", printed.ikm, skm.ikm))
    return notes

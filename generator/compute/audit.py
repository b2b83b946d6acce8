"""The audit (docs/domain.md §3.10): every printed figure against the figure register. One
mechanism: a printed figure is a row of a year's dilaporkan.csv, or a value the content states
beside what the portal computes from other inputs (a parent's pagu beside its children, a typed
annual realisasi beside the IKM or the periods, a staff total beside its breakdowns, an asset
row's jumlah). Numbers are compared at the precision they were printed with; texts by label or
code. Every difference is an `AuditNote` for the Catatan kualitas data page and `kinerja validate`."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path

from generator import model as m
from generator.compute.anggaran import BESARAN, Money, walk
from generator.compute.individu import IndividuResult, realisasi_diisi
from generator.compute.laporan import SUMBER_AGREGASI, IndikatorResult, LaporanKinerja, walk_program
from generator.compute.register import Figure, YearRegister, barang_slugs, rincian_slug
from generator.compute.sumber_daya import stated_totals
from generator.model.content import DilaporkanData
from generator.numbers import (
    NumberFormatError,
    format_number,
    format_plain,
    parse_number,
    printed_decimals,
    round_half_up,
)
from generator.problems import Problem, shorten, shown

#: Units whose figures are texts (a predikat, a mutu letter, a status), compared by name.
TEXT_UNITS = ("predikat", "teks")


@dataclass(frozen=True)
class Printed:
    """A figure as printed (or stated in an input), at a register address."""

    alamat: str
    teks: str  # exactly as printed
    tempat: str  # where it was printed, or which input states it
    berkas: Path
    baris: int | None = None  # line in dilaporkan.csv
    catatan: str | None = None

    @cached_property
    def nilai(self) -> float | str:
        """The printed number, or the text itself (a predikat)."""
        try:
            return parse_number(self.teks)
        except NumberFormatError:
            return self.teks.strip()

    @property
    def toleransi(self) -> float:
        """Half a unit of the last printed decimal: a correct rounding is never a difference."""
        return 0.5 * 10.0 ** -printed_decimals(self.teks)


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def differs(p: Printed, f: Figure | None) -> bool:
    """Whether a printed figure disagrees with the register's: a number beyond its printed
    precision, a text that is neither the label nor the code, or anything printed that the
    portal cannot compute."""
    if f is None or f.nilai is None:
        return True
    if isinstance(p.nilai, str) or isinstance(f.nilai, str):
        return _norm(p.teks) not in {_norm(str(n)) for n in (f.nilai, *f.sebutan)}
    return abs(p.nilai - f.nilai) > p.toleransi + 1e-9 + 1e-12 * abs(f.nilai)


@dataclass(frozen=True)
class AuditNote:
    """A printed figure that differs from the register (several places may print it)."""

    alamat: str
    label: str
    dilaporkan: str  # as printed
    dihitung: float | int | str | None
    satuan: str
    tempat: str
    berkas: Path
    baris: int | None
    catatan: str | None

    @property
    def selisih(self) -> float | None:
        """Printed − computed, for numbers."""
        try:
            printed = parse_number(self.dilaporkan)
        except NumberFormatError:
            return None
        return printed - self.dihitung if isinstance(self.dihitung, (int, float)) else None


def describe(note: AuditNote) -> str:
    """One sentence: what was printed where, what the portal computes."""
    dihitung = note.dihitung
    if isinstance(dihitung, (int, float)):
        dihitung = format_plain(float(round_half_up(float(dihitung), 4)))
    return (
        f"{note.label}: dilaporkan {shorten(note.dilaporkan)} di {shorten(note.tempat)}, "
        f"dihitung {dihitung if dihitung is not None else 'tidak dapat dihitung'}"
    )


# ---------------------------------------------------------------- printed figures of a year


def printed_rows(data: DilaporkanData | None) -> list[Printed]:
    """The rows of a year's dilaporkan.csv."""
    if data is None:
        return []
    return [Printed(r.alamat.strip(), r.nilai, r.tempat, data.file, line, r.catatan) for r, line in data.baris]


def _text(value: float | str) -> str:
    """A stated input value as a clerk would print it (its precision is the input's)."""
    return value if isinstance(value, str) else format_plain(value)


def stated_realisasi(prefix: str, h: IndikatorResult, folder: Path) -> Iterable[Printed]:
    """A typed annual realisasi beside the value the portal uses (IKM, index total) and beside
    the aggregate of its periods."""
    typed, here = h.realisasi_diketik, f"{prefix}/{h.indikator.id}"
    if typed is None:
        return
    if h.realisasi_sumber not in ("", "tahunan", *SUMBER_AGREGASI.values()):
        yield Printed(f"{here}/realisasi", _text(typed), "realisasi.csv kolom tahunan", folder / "realisasi.csv")
    if h.periode and h.indikator.agregasi is not None and h.realisasi_periode is not None:
        yield Printed(
            f"{here}/realisasi/agregasi",
            _text(typed),
            f"realisasi.csv kolom tahunan, dibanding nilai triwulan ({h.indikator.agregasi})",
            folder / "realisasi.csv",
        )


def _stated_money(
    here: str, stated: Money, uang: Money, own: m.Anggaran | None, tempat: str, folder: Path
) -> Iterable[Printed]:
    """Amounts stated on a node whose children's sums replaced them; the pagu beside belanja
    operasi + modal, and the pagu perubahan beside pagu awal − refocusing (`own`: the node's
    stated amounts, to say whether a compared amount is stated or its children's sum)."""
    for name in BESARAN:
        value = getattr(stated, name)
        if value is not None:
            yield Printed(
                f"{here}/{name.replace('_', '-')}", format_number(value, 0), f"{tempat}.{name}", folder / "program.yml"
            )

    def kind(name: str, label: str) -> str:
        return label if own is not None and getattr(own, name) is not None else f"{label} (jumlah rinciannya)"

    pagu_name = "pagu_perubahan" if uang.pagu_perubahan is not None else "pagu_awal"
    if uang.belanja is not None and uang.pagu is not None:
        yield Printed(
            f"{here}/belanja",
            format_number(uang.pagu, 0),
            f"{tempat}: {kind(pagu_name, 'pagu')}, dibandingkan dengan belanja operasi + belanja modal",
            folder / "program.yml",
        )
    if uang.pagu_awal_dikurangi_refocusing is not None and uang.pagu_perubahan is not None:
        yield Printed(
            f"{here}/pagu-awal-dikurangi-refocusing",
            format_number(uang.pagu_perubahan, 0),
            f"{tempat}: {kind('pagu_perubahan', 'pagu perubahan')}, dibandingkan dengan pagu awal − refocusing",
            folder / "program.yml",
        )


def stated(lp: LaporanKinerja) -> list[Printed]:
    """Values the content states beside what the portal computes from other inputs."""
    folder = lp.data.files[0].parent
    found = [p for h in lp.iku for p in stated_realisasi("iku", h, folder)]
    found += [
        p for n in walk_program(lp) for h in n.indikator for p in stated_realisasi("indikator-program", h, folder)
    ]
    if lp.anggaran is not None:
        for n in walk(lp.anggaran.program):
            found += _stated_money(
                f"anggaran/{n.node.id}",
                n.dinyatakan,
                n.uang,
                n.node.anggaran,
                f"{n.level}[{n.node.id}].anggaran",
                folder,
            )
        own = lp.data.program.anggaran if lp.data.program else None
        found += _stated_money("anggaran/total", lp.anggaran.dinyatakan, lp.anggaran.total, own, "anggaran", folder)
    sd = lp.data.sumber_daya
    if lp.sdm is not None and sd is not None and sd.sdm is not None:
        found += [
            Printed(f"sdm/{rincian_slug(r.dimensi, r.kelompok)}/jumlah", str(total), tempat, folder / "sumber-daya.yml")
            for r, total, tempat in stated_totals(sd.sdm, lp.sdm)
        ]
        if sd.sdm.jumlah_pegawai is not None and lp.sdm.rincian:
            found.append(
                Printed("sdm/jumlah", str(sd.sdm.jumlah_pegawai), "sdm.jumlah_pegawai", folder / "sumber-daya.yml")
            )
    if lp.aset is not None:
        found += [
            Printed(
                f"aset/barang/{name}/jumlah",
                str(b.barang.jumlah),
                f"aset.barang[{b.barang.nama}].jumlah",
                folder / "sumber-daya.yml",
            )
            for name, b in zip(barang_slugs(lp.aset), lp.aset.barang)
            if b.barang.jumlah is not None and b.barang.dirinci
        ]
    for pr in lp.skm.periode if lp.skm else ():
        if pr.ikm_unsur is not None and not pr.dasar.startswith("NRR"):
            found.append(
                Printed(
                    f"skm/{pr.id}/ikm",
                    format_number(pr.ikm_unsur, 2),
                    f"periode[{pr.id}].unsur (IKM menurut nilai unsur yang tercetak)",
                    folder / "skm.yml",
                )
            )
    return found


def stated_individu(r: IndividuResult) -> list[Printed]:
    """Values an individual report states beside what the portal computes: a cumulative
    realisasi beside its quarters' sum, an indicator's money beside its `rincian`'s."""
    path = r.data.file
    found = []
    for j in r.jabatan:
        for h in j.indikator:
            ind = h.indikator
            here = f"individu/tw{r.triwulan}/{j.jabatan.id}/{ind.id}"
            tempat = f"jabatan[{j.jabatan.id}].indikator[{ind.id}]"
            typed = realisasi_diisi(ind)
            if typed is not None and h.jumlah_triwulan is not None:
                found.append(
                    Printed(
                        f"{here}/realisasi/jumlah-triwulan",
                        format_plain(typed),
                        f"{tempat}: realisasi kumulatif, dibandingkan dengan jumlah realisasi triwulan",
                        path,
                    )
                )
            own = ind.anggaran
            for leaf, value, parts in (
                ("pagu", own.pagu if own else None, h.pagu_rincian),
                ("realisasi-anggaran", own.realisasi if own else None, h.realisasi_anggaran_rincian),
            ):
                if value is not None and parts is not None:
                    field = "pagu" if leaf == "pagu" else "realisasi"
                    found.append(
                        Printed(
                            f"{here}/{leaf}-rincian",
                            format_number(value, 0),
                            f"{tempat}.anggaran.{field}, dibandingkan dengan jumlah rinciannya",
                            path,
                        )
                    )
    return found


# ---------------------------------------------------------------- comparing


def _unknown(p: Printed, register: YearRegister) -> Problem:
    close = difflib.get_close_matches(p.alamat.lower(), list(register.by_address), n=3, cutoff=0.6)
    names = [register.by_address[c].alamat for c in close]
    hint = f"; alamat yang mirip: {', '.join(names)}" if names else "; daftar alamat: FORMAT.md bagian Alamat angka"
    return Problem(
        p.berkas,
        "alamat",
        f"alamat {shown(p.alamat)} tidak ada di daftar angka laporan ini (angka.csv){hint}",
        "unknown_address",
        p.alamat,
        p.baris,
    )


def _not_a_number(p: Printed, f: Figure) -> Problem:
    return Problem(
        p.berkas,
        "nilai",
        f"{shown(p.teks)} bukan angka, padahal {f.alamat} ({f.label}) berupa angka; tulis angka seperti tercetak, "
        "mis. 100,36 atau 1.823.687.636",
        "not_a_number",
        p.teks,
        p.baris,
    )


def audit_year(register: YearRegister, printed: Sequence[Printed]) -> tuple[tuple[AuditNote, ...], list[Problem]]:
    """Every printed figure that differs from the register (one note per address and printed
    value, with all its places), and the problems of rows that cannot be compared."""
    notes: dict[tuple[str, str], AuditNote] = {}
    problems: list[Problem] = []
    for p in printed:
        f = register.get(p.alamat)
        if f is None and p.baris is not None:
            problems.append(_unknown(p, register))
            continue
        if f is not None and isinstance(p.nilai, str) and f.satuan not in TEXT_UNITS:
            problems.append(_not_a_number(p, f))
            continue
        if not differs(p, f):
            continue
        key = (p.alamat.lower(), _norm(p.teks) if isinstance(p.nilai, str) else repr(p.nilai))
        if key in notes:
            before = notes[key]
            notes[key] = replace(before, tempat=f"{before.tempat}; {p.tempat}")
            continue
        notes[key] = AuditNote(
            f.alamat if f else p.alamat,
            f.label if f else p.alamat,
            p.teks,
            f.nilai if f else None,
            f.satuan if f else "",
            p.tempat,
            p.berkas,
            p.baris,
            p.catatan,
        )
    return tuple(notes.values()), problems


def audit_problems(registers: Iterable[YearRegister]) -> list[Problem]:
    """Every audit note of the portal as a warning naming its file and line."""
    return [
        Problem(n.berkas, n.alamat, describe(n), "audit_difference", line=n.baris, severity="warning")
        for r in registers
        for n in r.audit
    ]

"""The ids of a year's plan: every indicator and program node with its path, and what each id
names (for messages that say a tujuan id was given where a sasaran id belongs)."""

from __future__ import annotations

from collections.abc import Iterator

from generator import model as m


def all_indikator(kinerja: m.Kinerja, program: m.DaftarProgram | None) -> Iterator[tuple[str, m.Indikator]]:
    """Every indicator of a year with its YAML-style path, IKU first."""
    for t in kinerja.tujuan:
        for ind in t.indikator:
            yield f"tujuan[{t.id}].indikator[{ind.id}]", ind
        for s in t.sasaran:
            for ind in s.indikator:
                yield f"tujuan[{t.id}].sasaran[{s.id}].indikator[{ind.id}]", ind
    for path, node in program_nodes(program):
        for ind in node.indikator:
            yield f"{path}.indikator[{ind.id}]", ind


def program_nodes(program: m.DaftarProgram | None) -> Iterator[tuple[str, m.Program | m.Kegiatan | m.SubKegiatan]]:
    """Every program, kegiatan and sub-kegiatan with its path."""
    for p in program.program if program else ():
        yield f"program[{p.id}]", p
        for k in p.kegiatan:
            yield f"program[{p.id}].kegiatan[{k.id}]", k
            for sk in k.sub_kegiatan:
                yield f"program[{p.id}].kegiatan[{k.id}].sub_kegiatan[{sk.id}]", sk


def id_kinds(kinerja: m.Kinerja, program: m.DaftarProgram | None) -> dict[str, str]:
    """What each id of a year names, in the words of a message: `tujuan`, `sasaran`, `IKU`, ..."""
    kinds = {t.id: "tujuan" for t in kinerja.tujuan}
    kinds |= {s.id: "sasaran" for t in kinerja.tujuan for s in t.sasaran}
    kinds |= {node.id: LEVEL[type(node).__name__] for _, node in program_nodes(program)}
    kinds |= {
        i.id: "IKU" if p.startswith("tujuan") else "indikator program" for p, i in all_indikator(kinerja, program)
    }
    return kinds


LEVEL = {"Program": "program", "Kegiatan": "kegiatan", "SubKegiatan": "sub kegiatan"}


def wrong_kind(ident: str, expected: str, kinds: dict[str, str]) -> str:
    """`; 'T1' adalah id tujuan, bukan sasaran` when the id names something else of the year."""
    found = kinds.get(ident)
    return f"; '{ident}' adalah id {found}, bukan {expected}" if found and found != expected else ""

"""Schema of <tahun>/program.yml: program, kegiatan, sub-kegiatan and money."""

from __future__ import annotations

from pydantic import Field

from generator.model.kinerja import Indikator
from generator.model.types import Id, Rupiah, Schema, Text


class Anggaran(Schema):
    """Money of one program node (or of the year): pagu before and after the budget change,
    realisasi, optional split by belanja and source of funds."""

    pagu_awal: Rupiah | None = None
    pagu_perubahan: Rupiah | None = None
    realisasi: Rupiah | None = None
    belanja_operasi: Rupiah | None = None
    belanja_modal: Rupiah | None = None
    refocusing: Rupiah | None = None  # the amount cut from the pagu awal when the budget changed
    sumber_dana: str | None = None
    alasan_perubahan: str | None = None

    @property
    def ada(self) -> bool:
        """Whether it gives any amount."""
        return any(
            v is not None
            for v in (
                self.pagu_awal,
                self.pagu_perubahan,
                self.realisasi,
                self.belanja_operasi,
                self.belanja_modal,
                self.refocusing,
            )
        )


class SubKegiatan(Schema):
    id: Id
    kode: str | None = None
    nama: Text
    indikator: list[Indikator] = []
    anggaran: Anggaran | None = None


class Kegiatan(Schema):
    id: Id
    kode: str | None = None
    nama: Text
    indikator: list[Indikator] = []
    sub_kegiatan: list[SubKegiatan] = []
    anggaran: Anggaran | None = None


class Program(Schema):
    id: Id
    kode: str | None = None
    nama: Text
    mendukung: list[Id] = []
    indikator: list[Indikator] = []
    kegiatan: list[Kegiatan] = []
    anggaran: Anggaran | None = None


class DaftarProgram(Schema):
    program: list[Program] = Field(min_length=1)
    anggaran: Anggaran | None = None  # the year's totals as stated (audited against the programs)

    @property
    def ada_anggaran(self) -> bool:
        """Whether the year or any program, kegiatan or sub kegiatan gives an amount."""
        kegiatan = [k for p in self.program for k in p.kegiatan]
        nodes: list[Program | Kegiatan | SubKegiatan] = [*self.program, *kegiatan]
        nodes += [s for k in kegiatan for s in k.sub_kegiatan]
        return any(a is not None and a.ada for a in [self.anggaran, *(x.anggaran for x in nodes)])

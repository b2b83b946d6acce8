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

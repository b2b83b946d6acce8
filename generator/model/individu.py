"""Schema of <tahun>/individu-tw<N>.yml (Laporan Kinerja Individu)."""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from generator.model.types import NEGATIVE, Id, Number, Positive, Rupiah, Schema, Tahun, Text

TanggapanAtasan = Literal[
    "Laporan sudah baik",
    "Laporan diperbaiki",
    "Target dan realisasi diteliti ulang",
    "Capaian diteliti ulang",
    "Lain-lain",
]
TANGGAPAN_ATASAN: tuple[TanggapanAtasan, ...] = get_args(TanggapanAtasan)


class AnggaranIndividu(Schema):
    """The money behind one indicator of an individual report."""

    pagu: Rupiah | None = None
    realisasi: Rupiah | None = None


class _Realisasi(Schema):
    """A realisasi as given, or as pembilang / penyebut (× 100 for a percentage)."""

    realisasi: Number | None = None
    pembilang: Number | None = None
    penyebut: Positive | None = None

    @model_validator(mode="after")
    def _one_realisasi(self) -> _Realisasi:
        if (self.pembilang is None) != (self.penyebut is None):
            raise PydanticCustomError("required", "isi pembilang dan penyebut bersama-sama")
        if self.realisasi is not None and self.pembilang is not None:
            raise PydanticCustomError("value_kind", "isi realisasi atau pembilang/penyebut, salah satu saja")
        return self


class NilaiTriwulan(_Realisasi):
    """The realisasi of one quarter alone (the quarters add up to the cumulative realisasi)."""

    triwulan: int = Field(ge=1, le=4)


class IndikatorIndividu(_Realisasi):
    """One indicator of a position's Perjanjian Kinerja, with realisasi cumulative to the TW."""

    id: Id
    sasaran: Text
    nama: Text
    satuan: Text
    target: Number
    realisasi_triwulan: list[NilaiTriwulan] = []
    rumus: str | None = None
    anggaran: AnggaranIndividu | None = None
    rincian: list[Id] = []  # indicators of subordinate positions whose money makes up this one's
    nilai_negatif: bool = False  # target and realisasi below 0 are refused unless the indicator can have them

    @model_validator(mode="after")
    def _not_negative(self) -> IndikatorIndividu:
        values = [self.target, self.realisasi, self.pembilang]
        values += [v for q in self.realisasi_triwulan for v in (q.realisasi, q.pembilang)]
        if not self.nilai_negatif and any(v is not None and v < 0 for v in values):
            raise PydanticCustomError("negative", NEGATIVE, {"field": "target atau realisasi"})
        return self


class Jabatan(Schema):
    id: Id
    jabatan: Text
    nama: str | None = None
    indikator: list[IndikatorIndividu] = Field(min_length=1)
    faktor_penyebab: list[Text] = []
    rencana_tindak_lanjut: list[Text] = []
    tanggapan_atasan: TanggapanAtasan | None = None


class LaporanIndividu(Schema):
    kecamatan: Id
    tahun: Tahun
    triwulan: int = Field(ge=1, le=4)
    sumber: Text
    jabatan: list[Jabatan] = Field(min_length=1)

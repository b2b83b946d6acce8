"""Schema of <tahun>/individu-tw<N>.yml (Laporan Kinerja Individu)."""

from __future__ import annotations

from typing import Annotated, Literal, get_args

from pydantic import BeforeValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from generator.model.types import Id, Number, Rupiah, Schema, Tahun, Text, _number

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


class IndikatorIndividu(Schema):
    """One indicator of a position's Perjanjian Kinerja, with realisasi cumulative to the TW."""

    id: Id
    sasaran: Text
    nama: Text
    satuan: Text
    target: Number
    realisasi: Number | None = None
    pembilang: Number | None = None  # realisasi = pembilang / penyebut (× 100 for a percentage)
    penyebut: Annotated[float, BeforeValidator(_number), Field(gt=0)] | None = None
    rumus: str | None = None
    anggaran: AnggaranIndividu | None = None

    @model_validator(mode="after")
    def _one_realisasi(self) -> IndikatorIndividu:
        if (self.pembilang is None) != (self.penyebut is None):
            raise PydanticCustomError("required", "isi pembilang dan penyebut bersama-sama")
        if self.realisasi is not None and self.pembilang is not None:
            raise PydanticCustomError("value_kind", "isi realisasi atau pembilang/penyebut, bukan keduanya")
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

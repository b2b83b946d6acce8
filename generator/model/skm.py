"""Schema of <tahun>/skm.yml and the columns of raw-response files."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from generator.model.portal import KODE_UNSUR, KodeUnsur
from generator.model.types import Count, Id, Ikm, Nrr, Schema, Tahun, Text


class NilaiUnsur(Schema):
    """A published mean for one unsur: NRR on 1-4, or its conversion on 25-100 (`nilai`)."""

    nrr: Nrr | None = None
    nilai: Ikm | None = None
    harapan: Nrr | None = None
    responden: Count | None = None

    @model_validator(mode="after")
    def _one_scale(self) -> NilaiUnsur:
        if (self.nrr is None) == (self.nilai is None):
            raise PydanticCustomError("value_kind", "isi salah satu: nrr (1-4) atau nilai (25-100)")
        return self

    @property
    def nrr_kinerja(self) -> float:
        if self.nrr is not None:
            return self.nrr
        assert self.nilai is not None  # _one_scale: exactly one of nrr and nilai
        return self.nilai / 25


class IkmLayanan(Schema):
    layanan: Id
    ikm: Ikm
    responden: Count | None = None


class PeriodeSkm(Schema):
    id: Id
    nama: Text
    pengguna_layanan: Count | None = None
    responden: Count | None = None
    berkas: Annotated[str, Field(pattern=r"^skm-[a-z0-9-]+\.csv$")] | None = None
    unsur: dict[KodeUnsur, NilaiUnsur] | None = None
    layanan: list[IkmLayanan] = []

    @model_validator(mode="after")
    def _some_data(self) -> PeriodeSkm:
        if self.berkas is None and self.unsur is None and not self.layanan:
            raise PydanticCustomError("required", "periode tanpa data: isi berkas, unsur atau layanan")
        if self.berkas is not None and self.unsur is not None:
            raise PydanticCustomError("value_kind", "isi berkas (jawaban responden) atau unsur, bukan keduanya")
        if self.unsur is not None and len(self.unsur) != 9:
            raise PydanticCustomError("required", "unsur harus berisi kesembilan unsur U1 sampai U9")
        return self


class Layanan(Schema):
    id: Id
    nama: Text


class TindakLanjut(Schema):
    prioritas: Text
    rencana: Text
    penanggung_jawab: str | None = None
    waktu: str | None = None


class Skm(Schema):
    kecamatan: Id
    tahun: Tahun
    sumber: Text
    sintetis: bool = False
    indikator: Id | None = None
    ikm_unit: Literal["responden", "rata-rata-layanan"] = "responden"
    layanan: list[Layanan] = []
    periode: list[PeriodeSkm] = Field(min_length=1)
    tindak_lanjut: list[TindakLanjut] = []
    publikasi_saran: bool = False


#: Columns of a raw-response CSV (`skm-<periode>.csv`), one row per respondent.
KOLOM_PROFIL = ("jenis_kelamin", "usia", "pendidikan", "pekerjaan")


KOLOM_RESPONDEN = (
    "responden",
    "tanggal",
    "layanan",
    *KOLOM_PROFIL,
    *KODE_UNSUR,
    *(f"E{i}" for i in range(1, 10)),
    "saran",
)

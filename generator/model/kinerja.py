"""Schemas of <tahun>/kinerja.yml (tujuan, sasaran, IKU) and realisasi.csv."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from generator.model.types import Id, Number, OptionalText, OptionalValue, Positive, Schema, Tahun, Text, _blank_to_none


class Target(Schema):
    """The year's targets of an indicator. Capaian uses PK perubahan, else PK awal; the Renja
    target is shown beside them. The Renstra targets are in renstra.yml."""

    pk_awal: OptionalValue = None
    pk_perubahan: OptionalValue = None
    renja: OptionalValue = None


class Indikator(Schema):
    id: Id
    nama: Text
    satuan: Text
    polaritas: Literal["positif", "negatif"] = "positif"
    agregasi: Literal["rata-rata", "jumlah", "terakhir", "maks"] | None = None
    jenis_nilai: Literal["angka", "ordinal"] = "angka"
    skala: Literal["sakip"] | None = None  # the realisasi is a SAKIP evaluation value (0-100), graded AA..D
    nilai_negatif: bool = False  # targets and values below 0 are refused unless the indicator can have them
    target: Target = Target()
    formula: str | None = None
    sumber_data: str | None = None
    penanggung_jawab: str | None = None
    keterangan: str | None = None
    bersama: Id | None = None  # the kabupaten's shared indicator this IKU reports
    riwayat_keterangan: str | None = None  # e.g. "indikator baru pada Renstra 2025-2029"


class Sasaran(Schema):
    id: Id
    nama: Text
    indikator: list[Indikator] = Field(min_length=1)


class Tujuan(Schema):
    id: Id
    nama: Text
    indikator: list[Indikator] = []
    sasaran: list[Sasaran] = []


class Kinerja(Schema):
    kecamatan: Id
    tahun: Tahun
    sumber: Text
    tujuan: list[Tujuan] = Field(min_length=1)


PERIODS: tuple[str, ...] = ("tw1", "tw2", "tw3", "tw4")


class BarisRealisasi(Schema):
    """One row of realisasi.csv: an indicator's values per triwulan and for the year; the
    year's realisasi may be given by its numerator and denominator instead."""

    indikator: Id
    tw1: OptionalValue = None
    tw2: OptionalValue = None
    tw3: OptionalValue = None
    tw4: OptionalValue = None
    tahunan: OptionalValue = None
    pembilang: Annotated[Number | None, BeforeValidator(_blank_to_none)] = None
    penyebut: Annotated[Positive | None, BeforeValidator(_blank_to_none)] = None
    keterangan: OptionalText = None

    @model_validator(mode="after")
    def _both(self) -> BarisRealisasi:
        if (self.pembilang is None) != (self.penyebut is None):
            raise PydanticCustomError("required", "isi pembilang dan penyebut bersama-sama")
        return self

    def periods(self) -> dict[str, float | str]:
        return {p: getattr(self, p) for p in PERIODS if getattr(self, p) is not None}

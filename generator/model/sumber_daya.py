"""Schema of <tahun>/sumber-daya.yml: staff and assets."""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from generator.model.types import Count, Id, Rupiah, Schema, Tahun, Text

DimensiSdm = Literal["jenis_kelamin", "status", "pendidikan", "eselon", "golongan", "jabatan"]
DIMENSI_SDM: tuple[DimensiSdm, ...] = get_args(DimensiSdm)


class RincianSdm(Schema):
    """Staff counted by one characteristic, for all staff or one group (e.g. ASN)."""

    dimensi: DimensiSdm
    kelompok: Text = "semua"
    jumlah: dict[Text, Count] = Field(min_length=1)


class Sdm(Schema):
    jumlah_pegawai: Count | None = None  # stated total: the total without breakdowns, else audited
    asn: Count | None = None  # ASN (PNS + PPPK) in post
    kebutuhan: Count | None = None  # ASN positions needed (analisis jabatan)
    rincian: list[RincianSdm] = []


class Barang(Schema):
    """An item kind with its count by condition; a row may give only `jumlah` (no condition split).
    When one condition is given, a condition left out counts 0."""

    nama: Text
    satuan: str | None = None
    baik: Count | None = None
    rusak_ringan: Count | None = None
    rusak_berat: Count | None = None
    jumlah: Count | None = None  # stated; checked against B + RR + RB

    @model_validator(mode="after")
    def _some_count(self) -> Barang:
        if self.jumlah is None and not self.dirinci:
            raise PydanticCustomError(
                "required", "isi jumlah atau jumlah per kondisi (baik, rusak_ringan, rusak_berat)"
            )
        return self

    @property
    def dirinci(self) -> bool:
        """Whether the row splits its count by condition."""
        return any(v is not None for v in (self.baik, self.rusak_ringan, self.rusak_berat))


class NilaiAset(Schema):
    golongan: Text
    awal: Rupiah | None = None
    akhir: Rupiah | None = None


class Aset(Schema):
    barang: list[Barang] = []
    nilai: list[NilaiAset] = []


class SumberDaya(Schema):
    kecamatan: Id
    tahun: Tahun
    sumber: Text
    sdm: Sdm | None = None
    aset: Aset | None = None

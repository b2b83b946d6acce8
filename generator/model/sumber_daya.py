"""Schema of <tahun>/sumber-daya.yml: staff and assets."""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import Field

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
    nama: Text
    satuan: str | None = None
    baik: Count = 0
    rusak_ringan: Count = 0
    rusak_berat: Count = 0
    jumlah: Count | None = None  # stated; checked against B + RR + RB


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

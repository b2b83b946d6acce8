"""Schema of <tahun>/sumber-daya.yml: staff and assets."""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import Field

from generator.model.types import Count, Id, Number, Rupiah, Schema, Tahun, Text

DimensiSdm = Literal["jenis_kelamin", "status", "pendidikan", "eselon", "golongan", "jabatan"]
DIMENSI_SDM: tuple[DimensiSdm, ...] = get_args(DimensiSdm)


class RincianSdm(Schema):
    """Staff counted by one characteristic, for all staff or one group (e.g. ASN)."""

    dimensi: DimensiSdm
    kelompok: Text = "semua"
    jumlah: dict[Text, Count] = Field(min_length=1)


class SdmDilaporkan(Schema):
    jumlah_pegawai: Count | None = None
    pemenuhan_jabatan: Number | None = None


class Sdm(Schema):
    jumlah_pegawai: Count | None = None  # stated total, checked against every breakdown
    asn: Count | None = None  # ASN (PNS + PPPK) in post
    kebutuhan: Count | None = None  # ASN positions needed (analisis jabatan)
    rincian: list[RincianSdm] = []
    dilaporkan: SdmDilaporkan | None = None


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


class AsetDilaporkan(Schema):
    persen_baik: Number | None = None
    persen_rusak_ringan: Number | None = None
    persen_rusak_berat: Number | None = None


class Aset(Schema):
    barang: list[Barang] = []
    nilai: list[NilaiAset] = []
    dilaporkan: AsetDilaporkan | None = None


class SumberDaya(Schema):
    kecamatan: Id
    tahun: Tahun
    sumber: Text
    sdm: Sdm | None = None
    aset: Aset | None = None

"""Schemas of a kecamatan's own files: kecamatan.yml, riwayat.csv, riwayat-anggaran.csv, pembanding.csv,
renstra.yml."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from generator.model.types import (
    Area,
    Count,
    Id,
    OptionalRupiah,
    OptionalText,
    OptionalValue,
    Persen,
    Schema,
    Tahun,
    Text,
)


class Pejabat(Schema):
    nama: Text
    jabatan: Text = "Camat"
    nip: str | None = None


class Desa(Schema):
    nama: Text
    jenis: Literal["desa", "kelurahan"] = "desa"
    penduduk_laki_laki: Count | None = None
    penduduk_perempuan: Count | None = None
    penduduk: Count | None = None
    jumlah_kk: Count | None = None
    luas_km2: Area | None = None


class MataPencaharian(Schema):
    """The share of the population working in one sector (as the profile prints it)."""

    sektor: Text
    persen: Persen


class Kecamatan(Schema):
    nama: Text
    pejabat: list[Pejabat] = []  # organisation: units and officials (names are public)
    publikasi_nip: bool = False  # NIP is personal data: published only when enabled
    alamat: str | None = None
    telepon: str | None = None
    email: str | None = None
    situs: str | None = None
    luas_km2: Area | None = None
    camat: Pejabat | None = None
    desa: list[Desa] = []
    jumlah_desa: Count | None = None  # when the report gives the number of desa but not the list
    mata_pencaharian: list[MataPencaharian] = []
    sumber: str | None = None

    @model_validator(mode="after")
    def _one_count(self) -> Kecamatan:
        listed = sum(1 for d in self.desa if d.jenis == "desa")
        if self.desa and self.jumlah_desa is not None and self.jumlah_desa != listed:
            raise PydanticCustomError(
                "value_kind",
                "jumlah_desa {stated} tidak sama dengan {listed} desa di daftar desa; isi salah satu saja",
                {"stated": self.jumlah_desa, "listed": listed},
            )
        return self


class BarisRiwayat(Schema):
    """An earlier year's target and realisasi of an indicator (the current id: a renamed
    indicator of an earlier Renstra continues under today's id, with its old `nama`)."""

    indikator: Id
    tahun: Tahun
    target: OptionalValue = None
    realisasi: OptionalValue = None
    nama: OptionalText = None
    sumber: OptionalText = None
    keterangan: OptionalText = None


class BarisRiwayatAnggaran(Schema):
    """The budget totals of an earlier year without a year folder of its own (a report prints
    them beside this year's)."""

    tahun: Tahun
    pagu: OptionalRupiah = None
    realisasi: OptionalRupiah = None
    sumber: OptionalText = None
    keterangan: OptionalText = None

    @model_validator(mode="after")
    def _some_amount(self) -> BarisRiwayatAnggaran:
        if self.pagu is None and self.realisasi is None:
            raise PydanticCustomError("required", "isi pagu, realisasi atau keduanya (baris ini tidak memuat angka)")
        return self


class BarisPembanding(Schema):
    """The same indicator for a benchmark (kabupaten, province, nation, a peer kecamatan)."""

    indikator: Id
    tahun: Tahun
    pembanding: Text
    jenis: Literal["kabupaten", "provinsi", "nasional", "kecamatan"]
    nilai: OptionalValue = None  # empty: not available (shown as such)
    sumber: OptionalText = None


class VersiRenstra(Schema):
    nama: Text
    berlaku_sejak: Tahun | None = None
    dokumen: str | None = None
    target: dict[Id, dict[Tahun, OptionalValue]]


class Renstra(Schema):
    tahun_awal: Tahun
    tahun_akhir: Tahun
    sumber: Text
    versi: list[VersiRenstra] = Field(min_length=1)

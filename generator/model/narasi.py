"""Schema of <tahun>/narasi.yml: the report's texts (Markdown)."""

from __future__ import annotations

from generator.model.types import Id, Schema, Tahun, Text


class NarasiSasaran(Schema):
    sasaran: Id
    faktor_pendukung: str | None = None
    faktor_penghambat: str | None = None
    solusi: str | None = None


class Inovasi(Schema):
    nama: Text
    tujuan: str | None = None
    langkah: str | None = None
    tahun: Tahun | None = None


class Penghargaan(Schema):
    nama: Text
    pemberi: str | None = None
    tahun: Tahun | None = None


class Narasi(Schema):
    """Texts of the LKjIP, in Markdown (sanitised before publishing)."""

    kecamatan: Id
    tahun: Tahun
    sumber: Text
    isu_strategis: str | None = None
    sasaran: list[NarasiSasaran] = []
    inovasi: list[Inovasi] = []
    penghargaan: list[Penghargaan] = []
    kesimpulan: str | None = None
    rekomendasi: str | None = None

"""Schemas of the content files (pydantic v2). Keys are Indonesian, as the clerk writes them.

Each model mirrors one file of `content/`; FORMAT.md documents every field. Type and
shape checks live here; checks that span files (references, ids, folder names) live in
`generator.validate`.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from .numbers import NumberFormatError, parse_number

#: Order of ordinal grades (SAKIP), worst first. DOMAIN 3.1.
GRADES: tuple[str, ...] = ("D", "C", "CC", "B", "BB", "A", "AA")


def _number(value: object) -> float:
    try:
        return parse_number(value)
    except NumberFormatError as exc:
        raise PydanticCustomError("number", "{reason}", {"reason": str(exc)}) from None


def _value(value: object) -> float | str:
    """A target or realisasi: a number, or a SAKIP grade for ordinal indicators."""
    if isinstance(value, str) and value.strip().upper() in GRADES:
        return value.strip().upper()
    return _number(value)


def _count(value: object) -> int:
    """A whole count, also written Indonesian style (`"39.725"`)."""
    number = _number(value)
    if number != int(number) or number < 0:
        raise PydanticCustomError("number", "harus bilangan bulat tidak negatif, bukan {value}", {"value": value})
    return int(number)


def _blank_to_none(value: object) -> object:
    return None if isinstance(value, str) and not value.strip() else value


Number = Annotated[float, BeforeValidator(_number)]
Count = Annotated[int, BeforeValidator(_count)]
Area = Annotated[float, BeforeValidator(_number), Field(gt=0)]
Value = Annotated[float | str, BeforeValidator(_value)]
Id = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$", max_length=60)]
Colour = Annotated[str, Field(pattern=r"^#[0-9A-Fa-f]{6}$")]
Text = Annotated[str, Field(min_length=1)]
Tahun = Annotated[int, Field(ge=2000, le=2100)]
OptionalValue = Annotated[Value | None, BeforeValidator(_blank_to_none)]


class Schema(BaseModel):
    """Every content model: unknown keys are errors (typos), text is stripped."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


# ---------------------------------------------------------------- portal.yml


class Portal(Schema):
    judul: Text
    deskripsi: Text
    penerbit: Text
    url: str | None = None
    kontak: str | None = None
    toleransi_audit: Number = 0.5
    lisensi_data: Literal["CC-BY-4.0", "CC0-1.0", "ODbL-1.0"] = "CC-BY-4.0"


# ---------------------------------------------------------------- kabupaten.yml


class Rentang(Schema):
    """One interval of a rating scale: (bawah, atas] by default."""

    label: Text
    kode: str | None = None
    bawah: Number | None = None
    bawah_inklusif: bool = False
    atas: Number | None = None
    atas_inklusif: bool = True
    warna: Colour = "#6e7781"

    def contains(self, value: float) -> bool:
        above = self.bawah is None or value > self.bawah or (self.bawah_inklusif and value == self.bawah)
        below = self.atas is None or value < self.atas or (self.atas_inklusif and value == self.atas)
        return above and below


def _fmt(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def _scale_problems(rentang: list[Rentang], batas: float | None) -> list[str]:
    """Every way the intervals fail to cover [0, batas] (or [0, ∞)) exactly once."""
    ordered = sorted(rentang, key=lambda r: float("-inf") if r.bawah is None else r.bawah)
    found = [f"rentang '{r.label}' kosong: bawah {_fmt(r.bawah)} tidak lebih kecil dari atas {_fmt(r.atas)}"
             for r in ordered if r.bawah is not None and r.atas is not None and r.bawah >= r.atas]
    first, last = ordered[0], ordered[-1]
    if first.bawah is not None and first.bawah > 0:
        found.append(f"celah: capaian 0 sampai {_fmt(first.bawah)} tidak tercakup rentang mana pun")
    elif first.bawah == 0 and not first.bawah_inklusif:
        found.append(f"capaian 0 tidak tercakup: rentang '{first.label}' perlu bawah_inklusif: true")
    for a, b in zip(ordered, ordered[1:]):
        if a.atas is None or b.bawah is None or a.atas > b.bawah or (
            a.atas == b.bawah and a.atas_inklusif and b.bawah_inklusif
        ):
            found.append(f"tumpang tindih: rentang '{a.label}' dan '{b.label}'")
        elif a.atas < b.bawah or (a.atas == b.bawah and not (a.atas_inklusif or b.bawah_inklusif)):
            found.append(f"celah antara {_fmt(a.atas)} dan {_fmt(b.bawah)}: tidak ada rentang untuk capaian di antaranya")
    if last.atas is not None and (batas is None or last.atas < batas or (last.atas == batas and not last.atas_inklusif)):
        found.append(f"celah: capaian di atas {_fmt(last.atas)} tidak tercakup rentang mana pun")
    return found


class SkalaPredikat(Schema):
    nama: Text
    dasar: str | None = None
    batas_capaian: Number | None = None
    rentang: list[Rentang] = Field(min_length=1)

    @model_validator(mode="after")
    def _covers_once(self) -> SkalaPredikat:
        problems = _scale_problems(self.rentang, self.batas_capaian)
        if problems:
            raise PydanticCustomError("scale_gap_overlap", "skala predikat tidak sah: {problem}",
                                      {"problem": "; ".join(problems)})
        return self


#: The nine unsur of PermenPANRB 14/2017 in the regulation's order; a kabupaten may order
#: them differently (U8 and U9 swap between kabupaten) in kabupaten.yml `skm.unsur`.
UNSUR_SKM: tuple[str, ...] = (
    "Persyaratan", "Sistem, mekanisme dan prosedur", "Waktu penyelesaian", "Biaya/tarif",
    "Produk spesifikasi jenis pelayanan", "Kompetensi pelaksana", "Perilaku pelaksana",
    "Penanganan pengaduan, saran dan masukan", "Sarana dan prasarana",
)
KODE_UNSUR: tuple[str, ...] = tuple(f"U{i}" for i in range(1, 10))


class AturanSkm(Schema):
    """The kabupaten's survey rules: names of U1..U9 and how the year's IKM is made."""

    unsur: list[Text] = Field(default=list(UNSUR_SKM), min_length=9, max_length=9)
    nilai_tahunan: Literal["rata-rata-periode", "gabungan"] = "rata-rata-periode"


class IndikatorBersama(Schema):
    """An indicator every kecamatan of the kabupaten reports (e.g. the kabupaten's Nilai
    Sinergitas Kinerja Kecamatan): compared and ranked across kecamatan."""

    kode: Id
    nama: Text
    satuan: Text
    polaritas: Literal["positif", "negatif"] = "positif"


class Kabupaten(Schema):
    nama: Text
    jenis: Literal["kabupaten", "kota"] = "kabupaten"
    provinsi: Text
    skala_predikat: SkalaPredikat
    skm: AturanSkm = AturanSkm()
    indikator_bersama: list[IndikatorBersama] = []


class BarisNilaiKecamatan(Schema):
    """One row of <kabupaten>/nilai-kecamatan.csv: a shared indicator's value for a kecamatan
    (also those without a folder in the portal) and year."""

    indikator: Id
    kecamatan: Text
    tahun: Tahun
    nilai: Annotated[Value | None, BeforeValidator(_blank_to_none)] = None
    sumber: str | None = None


# ---------------------------------------------------------------- kecamatan.yml


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


class Kecamatan(Schema):
    nama: Text
    pejabat: list[Pejabat] = []          # organisation: units and officials (names are public)
    penduduk_dilaporkan: Count | None = None   # the total population as printed, to audit the desa sum
    publikasi_nip: bool = False          # NIP is personal data: published only when enabled
    alamat: str | None = None
    telepon: str | None = None
    email: str | None = None
    situs: str | None = None
    luas_km2: Area | None = None
    camat: Pejabat | None = None
    desa: list[Desa] = []
    sumber: str | None = None


# ---------------------------------------------------------------- <tahun>/kinerja.yml


class Target(Schema):
    renstra: OptionalValue = None
    pk_awal: OptionalValue = None
    pk_perubahan: OptionalValue = None


class Dilaporkan(Schema):
    """Figures as printed in a published report, kept only to audit them."""

    realisasi: OptionalValue = None
    capaian: Number | None = None
    predikat: str | None = None


class Indikator(Schema):
    id: Id
    nama: Text
    satuan: Text
    polaritas: Literal["positif", "negatif"] = "positif"
    agregasi: Literal["rata-rata", "jumlah", "terakhir", "maks"] | None = None
    jenis_nilai: Literal["angka", "ordinal"] = "angka"
    target: Target = Target()
    formula: str | None = None
    sumber_data: str | None = None
    penanggung_jawab: str | None = None
    keterangan: str | None = None
    dilaporkan: Dilaporkan | None = None
    bersama: Id | None = None            # the kabupaten's shared indicator this IKU reports
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


# ---------------------------------------------------------------- <tahun>/program.yml

Rupiah = Annotated[float, BeforeValidator(_number), Field(ge=0)]


class AnggaranDilaporkan(Schema):
    """Budget figures as printed in a published report, kept only to audit them."""

    pagu: Rupiah | None = None
    realisasi: Rupiah | None = None
    serapan: Number | None = None


class Anggaran(Schema):
    """Money of one program node (or of the year): pagu before and after the budget change,
    realisasi, optional split by belanja and source of funds."""

    pagu_awal: Rupiah | None = None
    pagu_perubahan: Rupiah | None = None
    realisasi: Rupiah | None = None
    belanja_operasi: Rupiah | None = None
    belanja_modal: Rupiah | None = None
    sumber_dana: str | None = None
    alasan_perubahan: str | None = None
    dilaporkan: AnggaranDilaporkan | None = None


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
    anggaran: Anggaran | None = None   # the year's totals as stated (audited against the programs)


# ---------------------------------------------------------------- <tahun>/realisasi.csv

PERIODS: tuple[str, ...] = ("tw1", "tw2", "tw3", "tw4")


class BarisRealisasi(Schema):
    """One row of realisasi.csv: an indicator's values per triwulan and for the year."""

    indikator: Id
    tw1: OptionalValue = None
    tw2: OptionalValue = None
    tw3: OptionalValue = None
    tw4: OptionalValue = None
    tahunan: OptionalValue = None
    keterangan: str | None = None

    def periods(self) -> dict[str, float | str]:
        return {p: getattr(self, p) for p in PERIODS if getattr(self, p) is not None}


# ---------------------------------------------------------------- <tahun>/skm.yml


Nrr = Annotated[float, BeforeValidator(_number), Field(ge=1, le=4)]
Ikm = Annotated[float, BeforeValidator(_number), Field(ge=25, le=100)]


class NilaiUnsur(Schema):
    """A published mean for one unsur: NRR on 1-4, or its conversion on 25-100 (`nilai`)."""

    nrr: Nrr | None = None
    nilai: Ikm | None = None
    harapan: Nrr | None = None
    responden: Count | None = None

    @model_validator(mode="after")
    def _one_scale(self) -> "NilaiUnsur":
        if (self.nrr is None) == (self.nilai is None):
            raise PydanticCustomError("value_kind", "isi salah satu: nrr (1-4) atau nilai (25-100)")
        return self

    @property
    def nrr_kinerja(self) -> float:
        return self.nrr if self.nrr is not None else self.nilai / 25


class IkmLayanan(Schema):
    layanan: Id
    ikm: Ikm
    responden: Count | None = None


class DilaporkanSkm(Schema):
    """An IKM as printed in a published report, kept only to audit it."""

    ikm: Ikm | None = None


class PeriodeSkm(Schema):
    id: Id
    nama: Text
    pengguna_layanan: Count | None = None
    responden: Count | None = None
    berkas: Annotated[str, Field(pattern=r"^skm-[a-z0-9-]+\.csv$")] | None = None
    unsur: dict[Literal["U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9"], NilaiUnsur] | None = None
    layanan: list[IkmLayanan] = []
    dilaporkan: DilaporkanSkm | None = None

    @model_validator(mode="after")
    def _some_data(self) -> "PeriodeSkm":
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
    dilaporkan: DilaporkanSkm | None = None


#: Columns of a raw-response CSV (`skm-<periode>.csv`), one row per respondent.
KOLOM_PROFIL = ("jenis_kelamin", "usia", "pendidikan", "pekerjaan")
KOLOM_RESPONDEN = ("responden", "tanggal", "layanan", *KOLOM_PROFIL, *KODE_UNSUR,
                   *(f"E{i}" for i in range(1, 10)), "saran")


# ---------------------------------------------------------------- <tahun>/individu-tw<N>.yml

TANGGAPAN_ATASAN: tuple[str, ...] = ("Laporan sudah baik", "Laporan diperbaiki", "Target dan realisasi diteliti ulang",
                                     "Capaian diteliti ulang", "Lain-lain")


class IndikatorIndividu(Schema):
    """One indicator of a position's Perjanjian Kinerja, with realisasi cumulative to the TW."""

    id: Id
    sasaran: Text
    nama: Text
    satuan: Text
    target: Number
    realisasi: Number | None = None
    pembilang: Number | None = None    # realisasi = pembilang / penyebut (× 100 for a percentage)
    penyebut: Annotated[float, BeforeValidator(_number), Field(gt=0)] | None = None
    rumus: str | None = None
    anggaran: AnggaranDilaporkan | None = None   # pagu and realisasi of the money behind it
    dilaporkan: Dilaporkan | None = None
    dilaporkan_serapan: Number | None = None

    @model_validator(mode="after")
    def _one_realisasi(self) -> "IndikatorIndividu":
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
    tanggapan_atasan: Literal[TANGGAPAN_ATASAN] | None = None  # type: ignore[valid-type]


class LaporanIndividu(Schema):
    kecamatan: Id
    tahun: Tahun
    triwulan: int = Field(ge=1, le=4)
    sumber: Text
    jabatan: list[Jabatan] = Field(min_length=1)


# ---------------------------------------------------------------- <kecamatan>/riwayat.csv, pembanding.csv, renstra.yml


class BarisRiwayat(Schema):
    """An earlier year's target and realisasi of an indicator (the current id: a renamed
    indicator of an earlier Renstra continues under today's id, with its old `nama`)."""

    indikator: Id
    tahun: Tahun
    target: OptionalValue = None
    realisasi: OptionalValue = None
    nama: str | None = None
    sumber: str | None = None
    keterangan: str | None = None


class BarisPembanding(Schema):
    """The same indicator for a benchmark (kabupaten, province, nation, a peer kecamatan)."""

    indikator: Id
    tahun: Tahun
    pembanding: Text
    jenis: Literal["kabupaten", "provinsi", "nasional", "kecamatan"]
    nilai: OptionalValue = None          # empty: not available (shown as such)
    sumber: str | None = None


class VersiRenstra(Schema):
    nama: Text
    berlaku_sejak: int | None = None
    dokumen: str | None = None
    target: dict[Id, dict[int, OptionalValue]]


class Renstra(Schema):
    tahun_awal: Tahun
    tahun_akhir: Tahun
    sumber: Text
    versi: list[VersiRenstra] = Field(min_length=1)


# ---------------------------------------------------------------- <tahun>/sumber-daya.yml

DIMENSI_SDM = ("jenis_kelamin", "status", "pendidikan", "eselon", "golongan", "jabatan")


class RincianSdm(Schema):
    """Staff counted by one characteristic, for all staff or one group (e.g. ASN)."""

    dimensi: Literal[DIMENSI_SDM]  # type: ignore[valid-type]
    kelompok: Text = "semua"
    jumlah: dict[Text, Count] = Field(min_length=1)


class SdmDilaporkan(Schema):
    jumlah_pegawai: Count | None = None
    pemenuhan_jabatan: Number | None = None


class Sdm(Schema):
    jumlah_pegawai: Count | None = None       # stated total, checked against every breakdown
    asn: Count | None = None                  # ASN (PNS + PPPK) in post
    kebutuhan: Count | None = None            # ASN positions needed (analisis jabatan)
    rincian: list[RincianSdm] = []
    dilaporkan: SdmDilaporkan | None = None


class Barang(Schema):
    nama: Text
    satuan: str | None = None
    baik: Count = 0
    rusak_ringan: Count = 0
    rusak_berat: Count = 0
    jumlah: Count | None = None               # stated; checked against B + RR + RB


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


# ---------------------------------------------------------------- <tahun>/indeks.yml


class Aspek(Schema):
    nama: Text
    bobot: Annotated[float, BeforeValidator(_number), Field(gt=0)] | None = None
    nilai: Number
    skor: Number | None = None        # the aspect's unweighted score, when printed (e.g. IPP 0-5)


class IndeksDilaporkan(Schema):
    total: Number | None = None
    predikat: str | None = None


class Indeks(Schema):
    """A composite index: aspects with weights. `poin`: each aspect's value is already
    weighted points out of its `bobot` (total = Σ nilai, maximum = Σ bobot); `bobot-persen`:
    total = Σ bobot/100 × nilai (weights sum to 100); `jumlah`: weights not published, total =
    Σ nilai (then `skor` gives each aspect's unweighted score and nilai / skor its implied weight)."""

    id: Id
    nama: Text
    cara: Literal["poin", "bobot-persen", "jumlah"] = "poin"
    maksimum: Number | None = None            # the declared maximum the weights must sum to (default 100)
    indikator: Id | None = None               # the IKU whose realisasi is this total
    skala: Literal["sakip"] | None = None     # grade the total on the SAKIP scale (AA..D)
    aspek: list[Aspek] = Field(min_length=1)
    dilaporkan: IndeksDilaporkan | None = None


class DaftarIndeks(Schema):
    kecamatan: Id
    tahun: Tahun
    sumber: Text
    indeks: list[Indeks] = Field(min_length=1)


# ---------------------------------------------------------------- <tahun>/narasi.yml


class NarasiSasaran(Schema):
    sasaran: Id
    faktor_pendukung: str | None = None
    faktor_penghambat: str | None = None
    solusi: str | None = None


class Inovasi(Schema):
    nama: Text
    tujuan: str | None = None
    langkah: str | None = None
    tahun: int | None = None


class Penghargaan(Schema):
    nama: Text
    pemberi: str | None = None
    tahun: int | None = None


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

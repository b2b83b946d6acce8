"""Schemas of portal.yml, kabupaten.yml (rating scale, survey rules, shared indicators) and nilai-kecamatan.csv."""

from __future__ import annotations

import itertools
from typing import Annotated, Literal, get_args

from pydantic import BeforeValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from generator.model.types import (
    Colour,
    Id,
    Number,
    OptionalText,
    Schema,
    Tahun,
    Text,
    Url,
    Value,
    _blank_to_none,
    _number,
)

#: The first line of every YAML file `kinerja demo` writes: a content tree whose portal.yml starts
#: with it is a synthetic portal, the only place synthetic inputs are accepted (docs/domain.md §6).
TANDA_SINTETIS = "# DATA SINTETIS buatan `kinerja demo` untuk uji dan benchmark: bukan data tempat mana pun.\n"

#: The respondent numbers `kinerja demo` and `kinerja contoh-skm` give synthetic survey answers.
AWALAN_RESPONDEN_SINTETIS = "SINTETIS-"


class Portal(Schema):
    judul: Text
    deskripsi: Text
    penerbit: Text
    url: Url | None = None
    kontak: str | None = None
    lisensi_data: Literal["CC-BY-4.0", "CC0-1.0", "ODbL-1.0"] = "CC-BY-4.0"


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
    found = [
        f"rentang '{r.label}' kosong: bawah {_fmt(r.bawah)} tidak lebih kecil dari atas {_fmt(r.atas)}"
        for r in ordered
        if r.bawah is not None and r.atas is not None and r.bawah >= r.atas
    ]
    first, last = ordered[0], ordered[-1]
    if first.bawah is not None and first.bawah > 0:
        found.append(f"celah: capaian 0 sampai {_fmt(first.bawah)} tidak tercakup rentang mana pun")
    elif first.bawah == 0 and not first.bawah_inklusif:
        found.append(f"capaian 0 tidak tercakup: rentang '{first.label}' perlu bawah_inklusif: true")
    for a, b in itertools.pairwise(ordered):
        if (
            a.atas is None
            or b.bawah is None
            or a.atas > b.bawah
            or (a.atas == b.bawah and a.atas_inklusif and b.bawah_inklusif)
        ):
            found.append(f"tumpang tindih: rentang '{a.label}' dan '{b.label}'")
        elif a.atas < b.bawah or (a.atas == b.bawah and not (a.atas_inklusif or b.bawah_inklusif)):
            found.append(
                f"celah antara {_fmt(a.atas)} dan {_fmt(b.bawah)}: tidak ada rentang untuk capaian di antaranya"
            )
    if last.atas is not None and (
        batas is None or last.atas < batas or (last.atas == batas and not last.atas_inklusif)
    ):
        found.append(f"celah: capaian di atas {_fmt(last.atas)} tidak tercakup rentang mana pun")
    return found


class SkalaPredikat(Schema):
    nama: Text
    dasar: str | None = None
    batas_capaian: Annotated[float, BeforeValidator(_number), Field(gt=0)] | None = None
    rentang: list[Rentang] = Field(min_length=1)

    @model_validator(mode="after")
    def _covers_once(self) -> SkalaPredikat:
        problems = _scale_problems(self.rentang, self.batas_capaian)
        if problems:
            raise PydanticCustomError(
                "scale_gap_overlap", "skala predikat tidak sah: {problem}", {"problem": "; ".join(problems)}
            )
        return self


#: The nine unsur of PermenPANRB 14/2017 in the regulation's order; a kabupaten may order
#: them differently (U8 and U9 swap between kabupaten) in kabupaten.yml `skm.unsur`.
UNSUR_SKM: tuple[str, ...] = (
    "Persyaratan",
    "Sistem, mekanisme dan prosedur",
    "Waktu penyelesaian",
    "Biaya/tarif",
    "Produk spesifikasi jenis pelayanan",
    "Kompetensi pelaksana",
    "Perilaku pelaksana",
    "Penanganan pengaduan, saran dan masukan",
    "Sarana dan prasarana",
)


KodeUnsur = Literal["U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9"]
KODE_UNSUR: tuple[KodeUnsur, ...] = get_args(KodeUnsur)


class KategoriProfil(Schema):
    """A category of a respondent characteristic as the portal publishes it, with the values a
    response file may hold for it (compared without case and surrounding spaces)."""

    label: Text
    nilai: list[Text] = []


def _kategori(label: str, *nilai: str) -> KategoriProfil:
    return KategoriProfil(label=label, nilai=[label, *nilai])


class ProfilResponden(Schema):
    """The categories a respondent profile may publish (docs/domain.md §6): any other value of a
    response file is counted as "Lainnya" and never printed. Defaults: the options of the
    PermenPANRB 14/2017 questionnaire as kecamatan write them; ages are grouped by the portal."""

    jenis_kelamin: list[KategoriProfil] = Field(
        default=[_kategori("Laki-laki", "L", "Pria"), _kategori("Perempuan", "P", "Wanita")], min_length=1
    )
    pendidikan: list[KategoriProfil] = Field(
        default=[
            _kategori("SD ke bawah", "SD", "Tidak sekolah"),
            _kategori("SMP", "SLTP"),
            _kategori("SMA/SMK", "SMA", "SMK", "SLTA"),
            _kategori("D1–D4", "D1", "D2", "D3", "D4", "D1-D3-D4", "Diploma"),
            _kategori("S1"),
            _kategori("S2 ke atas", "S2", "S3"),
        ],
        min_length=1,
    )
    pekerjaan: list[KategoriProfil] = Field(
        default=[
            _kategori("PNS", "ASN"),
            _kategori("TNI/Polri", "TNI", "Polri"),
            _kategori("Pegawai swasta", "Swasta"),
            _kategori("Wiraswasta", "Wirausaha"),
            _kategori("Petani"),
            _kategori("Pelajar/Mahasiswa", "Pelajar", "Mahasiswa"),
        ],
        min_length=1,
    )


class AturanSkm(Schema):
    """The kabupaten's survey rules: names of U1..U9, how the year's IKM is made and which
    respondent categories may be published."""

    unsur: list[Text] = Field(default=list(UNSUR_SKM), min_length=9, max_length=9)
    nilai_tahunan: Literal["rata-rata-periode", "gabungan"] = "rata-rata-periode"
    profil: ProfilResponden = ProfilResponden()


class IndikatorBersama(Schema):
    """An indicator every kecamatan of the kabupaten reports (e.g. the kabupaten's Nilai
    Sinergitas Kinerja Kecamatan): compared and ranked across kecamatan."""

    kode: Id
    nama: Text
    satuan: Text
    polaritas: Literal["positif", "negatif"] = "positif"
    nilai_negatif: bool = False  # values below 0 are refused unless the indicator can have them


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
    sumber: OptionalText = None

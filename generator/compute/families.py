"""The address families of the figure register (docs/domain.md §3.12), declared once: the
register builds every address from these patterns, and the Metodologi page and FORMAT.md
list them from here.

An address is lowercase family words in Indonesian separated by `/`, with content ids
verbatim (`indikator-program/P1.K2.S1-I1/capaian`), years and periods as in content
(`2024`, `tw2`, `s1`) and names slugged (`pembanding/ikm-kabupaten/provinsi-jawa-timur/rasio`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property

_PLACEHOLDER = re.compile(r"<([a-z]+)>")


@dataclass(frozen=True)
class Family:
    """One kind of figure: its address pattern, label, unit, formula and meaning."""

    pola: str  # address pattern with <placeholders>
    label: str  # str.format template over the placeholders and `nama`
    satuan: str  # unit; "" when it is the indicator's own unit
    rumus: str | None  # anchor of the formula on the Metodologi page (`rumus-<kode>`); None for inputs
    keterangan: str
    kelompok: str  # section of the address list

    @cached_property
    def _template(self) -> str:
        """The pattern as a str.format template (`iku/<id>/capaian` -> `iku/{id}/capaian`)."""
        return _PLACEHOLDER.sub(r"{\1}", self.pola)

    def alamat(self, parts: Mapping[str, object]) -> str:
        return self._template.format_map(parts)

    @property
    def label_pola(self) -> str:
        """The label as documentation writes it: `Capaian IKU <nama>`."""
        return re.sub(r"\{(\w+)\}", r"<\1>", self.label)


def _family(kelompok: str, rows: list[tuple[str, str, str, str | None, str]]) -> list[Family]:
    return [Family(pola, label, satuan, rumus, keterangan, kelompok) for pola, label, satuan, rumus, keterangan in rows]


def _indikator(prefix: str, jenis: str, kelompok: str) -> list[Family]:
    """The figures of one indicator (an IKU, or a program, kegiatan or sub-kegiatan indicator)."""
    p = f"{prefix}/<id>"
    return _family(
        kelompok,
        [
            (
                f"{p}/target",
                f"Target {jenis} {{nama}}",
                "",
                None,
                "Target yang dipakai: PK perubahan bila ada, selain itu PK awal.",
            ),
            (
                f"{p}/target-awal",
                f"Target PK awal {jenis} {{nama}}",
                "",
                None,
                "Target Perjanjian Kinerja awal (masukan).",
            ),
            (
                f"{p}/target-perubahan",
                f"Target PK perubahan {jenis} {{nama}}",
                "",
                None,
                "Target Perjanjian Kinerja perubahan (masukan).",
            ),
            (
                f"{p}/target-renja",
                f"Target Renja {jenis} {{nama}}",
                "",
                None,
                "Target Rencana Kerja (masukan; ditampilkan, tidak dipakai untuk capaian).",
            ),
            (
                f"{p}/realisasi",
                f"Realisasi {jenis} {{nama}}",
                "",
                "realisasi-tahunan",
                "Realisasi tahunan yang dipakai: angka yang dihitung portal (IKM hasil SKM, total indeks), "
                "selain itu pembilang / penyebut, selain itu realisasi tahunan yang diketik, selain itu agregasi "
                "nilai triwulan.",
            ),
            (
                f"{p}/pembilang",
                f"Pembilang realisasi {jenis} {{nama}}",
                "",
                None,
                "Pembilang realisasi tahunan (masukan realisasi.csv).",
            ),
            (
                f"{p}/penyebut",
                f"Penyebut realisasi {jenis} {{nama}}",
                "",
                None,
                "Penyebut realisasi tahunan (masukan realisasi.csv); realisasi = pembilang / penyebut "
                "(× 100 untuk persen).",
            ),
            (
                f"{p}/realisasi/<periode>",
                f"Realisasi {{periode_label}} {jenis} {{nama}}",
                "",
                None,
                "Realisasi satu triwulan (masukan).",
            ),
            (
                f"{p}/realisasi/diketik",
                f"Realisasi tahunan diketik {jenis} {{nama}}",
                "",
                None,
                "Realisasi tahunan seperti diketik di realisasi.csv (masukan).",
            ),
            (
                f"{p}/realisasi/agregasi",
                f"Realisasi dari nilai triwulan {jenis} {{nama}}",
                "",
                "realisasi-tahunan",
                "Nilai triwulan yang dilaporkan digabung menurut agregasi indikator (rata-rata, jumlah, terakhir, maks).",
            ),
            (
                f"{p}/capaian",
                f"Capaian {jenis} {{nama}}",
                "%",
                "capaian",
                "Realisasi dibanding target menurut polaritas; kosong bila tidak dapat dihitung.",
            ),
            (
                f"{p}/capaian/target-awal",
                f"Capaian {jenis} {{nama}} terhadap target PK awal",
                "%",
                "capaian",
                "Realisasi dibanding target PK awal, bila PK perubahan mengubah targetnya (perjanjian semula).",
            ),
            (
                f"{p}/predikat",
                f"Predikat {jenis} {{nama}}",
                "predikat",
                "predikat",
                "Rentang skala predikat kabupaten yang memuat capaian yang dinilai.",
            ),
            (
                f"{p}/kategori-sakip",
                f"Kategori SAKIP realisasi {jenis} {{nama}}",
                "predikat",
                "indeks",
                "Kategori SAKIP (AA–D) dari realisasi, untuk indikator bernilai evaluasi SAKIP (`skala: sakip`).",
            ),
            (
                f"{p}/status",
                f"Status capaian {jenis} {{nama}}",
                "teks",
                "jumlah-indikator",
                "tercapai, belum tercapai, atau tidak terukur.",
            ),
        ],
    )


def _ringkasan(prefix: str, jenis: str) -> list[Family]:
    p = f"ringkasan/{prefix}"
    k = "Ringkasan capaian"
    return _family(
        k,
        [
            (
                f"{p}/rata-rata-capaian",
                f"Rata-rata capaian {jenis}",
                "%",
                "rata-rata-capaian",
                "Rata-rata capaian yang dinilai (dibatasi menurut aturan kabupaten).",
            ),
            (
                f"{p}/rata-rata-capaian-tanpa-batas",
                f"Rata-rata capaian {jenis} tanpa batas",
                "%",
                "capaian-dinilai",
                "Rata-rata capaian (negatif dihitung 0) tanpa batas capaian kabupaten.",
            ),
            (
                f"{p}/predikat",
                f"Predikat rata-rata capaian {jenis}",
                "predikat",
                "predikat",
                "Predikat rata-rata capaian.",
            ),
            (f"{p}/jumlah", f"Jumlah {jenis}", "indikator", "jumlah-indikator", "Semua indikator."),
            (
                f"{p}/tercapai",
                f"{jenis} tercapai",
                "indikator",
                "jumlah-indikator",
                "Capaian ≥ 100 % atau predikat target tercapai.",
            ),
            (
                f"{p}/belum-tercapai",
                f"{jenis} belum tercapai",
                "indikator",
                "jumlah-indikator",
                "Terukur, tetapi belum tercapai.",
            ),
            (
                f"{p}/tidak-terukur",
                f"{jenis} tidak terukur",
                "indikator",
                "jumlah-indikator",
                "Tanpa target, tanpa realisasi, atau target 0.",
            ),
            (
                f"{p}/jumlah-dirata",
                f"{jenis} yang dirata-rata",
                "indikator",
                "rata-rata-capaian",
                "Indikator dengan capaian berupa angka.",
            ),
            (
                f"{p}/di-atas-100",
                f"{jenis} dengan capaian di atas 100 %",
                "indikator",
                "jumlah-indikator",
                "Capaian berupa angka di atas 100 % (dibandingkan setelah dibulatkan dua desimal).",
            ),
            (
                f"{p}/persen-di-atas-100",
                f"Persentase {jenis} dengan capaian di atas 100 %",
                "%",
                "jumlah-indikator",
                "Indikator dengan capaian di atas 100 % / indikator yang dirata-rata × 100.",
            ),
            (
                f"{p}/tepat-100",
                f"{jenis} dengan capaian tepat 100 %",
                "indikator",
                "jumlah-indikator",
                "Capaian berupa angka 100,00 % setelah dibulatkan dua desimal.",
            ),
            (
                f"{p}/di-bawah-100",
                f"{jenis} dengan capaian di bawah 100 %",
                "indikator",
                "jumlah-indikator",
                "Capaian berupa angka di bawah 100 % (dibandingkan setelah dibulatkan dua desimal).",
            ),
        ],
    )


FAMILIES: tuple[Family, ...] = (
    *_indikator("iku", "IKU", "Indikator kinerja utama (IKU)"),
    *_indikator("indikator-program", "indikator", "Indikator program, kegiatan dan sub kegiatan"),
    *_family(
        "Indikator program, kegiatan dan sub kegiatan",
        [
            (
                "program/<node>/rata-rata-realisasi-indikator",
                "Rata-rata realisasi indikator {nama}",
                "%",
                "rata-rata-realisasi",
                "Rata-rata realisasi indikator persen sebuah program, kegiatan atau sub kegiatan (minimal dua).",
            ),
            (
                "program/rata-rata-realisasi-indikator",
                "Rata-rata realisasi indikator tingkat program bersatuan persen",
                "%",
                "rata-rata-realisasi",
                "Rata-rata realisasi indikator persen semua program (tanpa kegiatan dan sub kegiatan).",
            ),
        ],
    ),
    *_family(
        "Sasaran",
        [
            (
                "sasaran/<id>/capaian",
                "Capaian sasaran {nama}",
                "%",
                "rata-rata-capaian",
                "Rata-rata capaian yang dinilai dari indikator sasaran yang terukur.",
            ),
            ("sasaran/<id>/predikat", "Predikat sasaran {nama}", "predikat", "predikat", "Predikat capaian sasaran."),
            (
                "sasaran/<id>/jumlah-indikator",
                "Indikator sasaran {nama} yang dirata-rata",
                "indikator",
                "rata-rata-capaian",
                "Indikator terukur yang ikut dirata-rata.",
            ),
        ],
    ),
    *_ringkasan("iku", "IKU"),
    *_ringkasan("indikator-program", "indikator program"),
    *_family(
        "Ringkasan capaian",
        [
            (
                "ringkasan/gabungan/rata-rata-capaian",
                "Rata-rata capaian IKU dan indikator program bersama-sama",
                "%",
                "rata-rata-capaian",
                "Rata-rata capaian yang dinilai atas IKU dan indikator program sekaligus.",
            ),
            (
                "ringkasan/gabungan/jumlah-dirata",
                "IKU dan indikator program yang dirata-rata",
                "indikator",
                "rata-rata-capaian",
                "IKU dan indikator program dengan capaian berupa angka.",
            ),
            (
                "ringkasan/struktur/jumlah-<bagian>",
                "Jumlah {bagian_label}",
                "buah",
                None,
                "Hitungan isi laporan: tujuan, sasaran, iku, program, kegiatan, sub-kegiatan, indikator-program.",
            ),
        ],
    ),
    *_family(
        "Riwayat, Renstra dan pembanding",
        [
            (
                "riwayat/<id>/<tahun>/target",
                "Target {nama} tahun {tahun}",
                "",
                None,
                "Target tahun sebelumnya (riwayat.csv atau laporan tahun itu).",
            ),
            (
                "riwayat/<id>/<tahun>/realisasi",
                "Realisasi {nama} tahun {tahun}",
                "",
                None,
                "Realisasi tahun sebelumnya.",
            ),
            (
                "riwayat/<id>/<tahun>/capaian",
                "Capaian {nama} tahun {tahun}",
                "%",
                "capaian",
                "Capaian tahun itu dengan polaritas indikator sekarang.",
            ),
            (
                "perubahan/<id>/<dari>-<ke>/persen",
                "Perubahan realisasi {nama} {dari}–{ke}",
                "%",
                "perubahan",
                "(realisasi tahun ke − realisasi tahun dari) / realisasi tahun dari × 100.",
            ),
            (
                "perubahan/<id>/<dari>-<ke>/selisih",
                "Selisih realisasi {nama} {dari}–{ke}",
                "poin",
                "perubahan",
                "Realisasi tahun ke − realisasi tahun dari (poin persen untuk indikator persen); "
                "untuk setiap dua tahun yang memiliki realisasi.",
            ),
            (
                "renstra/<id>/target-akhir",
                "Target akhir Renstra {nama}",
                "",
                None,
                "Target tahun terakhir Renstra versi yang berlaku.",
            ),
            (
                "renstra/<id>/target-tahun",
                "Target Renstra tahun ini {nama}",
                "",
                None,
                "Target Renstra versi yang berlaku untuk tahun laporan.",
            ),
            (
                "renstra/<id>/kemajuan",
                "Kemajuan terhadap target akhir Renstra {nama}",
                "%",
                "renstra",
                "Realisasi tahun ini dibanding target akhir Renstra.",
            ),
            (
                "renstra/rata-rata-kemajuan",
                "Rata-rata kemajuan terhadap target akhir Renstra",
                "%",
                "renstra",
                "Rata-rata kemajuan IKU yang mempunyai target akhir Renstra.",
            ),
            (
                "pembanding/<id>/<pembanding>/nilai",
                "{nama}: nilai {pembanding_nama}",
                "",
                None,
                "Nilai pembanding (pembanding.csv).",
            ),
            (
                "pembanding/<id>/<pembanding>/selisih",
                "{nama}: selisih dengan {pembanding_nama}",
                "",
                "pembanding",
                "Realisasi kecamatan − nilai pembanding.",
            ),
            (
                "pembanding/<id>/<pembanding>/selisih-relatif",
                "{nama}: selisih relatif dengan {pembanding_nama}",
                "%",
                "pembanding",
                "(Realisasi kecamatan − nilai pembanding) / nilai pembanding × 100.",
            ),
            (
                "pembanding/<id>/<pembanding>/rasio",
                "{nama}: rasio terhadap {pembanding_nama}",
                "%",
                "pembanding",
                "Realisasi kecamatan / nilai pembanding × 100.",
            ),
            (
                "perbandingan/<kode>/jumlah-kecamatan",
                "{nama}: kecamatan yang memiliki nilai",
                "kecamatan",
                "peringkat",
                "Kecamatan kabupaten yang memiliki nilai tahun ini.",
            ),
            (
                "perbandingan/<kode>/jumlah",
                "{nama}: jumlah nilai semua kecamatan",
                "",
                "peringkat",
                "Jumlah nilai kecamatan yang memiliki nilai.",
            ),
            (
                "perbandingan/<kode>/rata-rata",
                "{nama}: rata-rata semua kecamatan",
                "",
                "peringkat",
                "Rata-rata nilai kecamatan yang memiliki nilai.",
            ),
            (
                "perbandingan/<kode>/kecamatan/<kecamatan>/nilai",
                "{nama}: nilai Kecamatan {kecamatan_nama}",
                "",
                None,
                "Nilai kecamatan itu (nilai-kecamatan.csv atau laporannya).",
            ),
            (
                "perbandingan/<kode>/kecamatan/<kecamatan>/peringkat",
                "{nama}: peringkat Kecamatan {kecamatan_nama}",
                "peringkat",
                "peringkat",
                "Peringkat di antara kecamatan kabupaten (1 = terbaik).",
            ),
        ],
    ),
    *_family(
        "Anggaran dan efisiensi",
        [
            (
                "anggaran/<node>/pagu-awal",
                "Pagu awal {nama}",
                "rupiah",
                "serapan",
                "Pagu sebelum perubahan; induk = jumlah rinciannya.",
            ),
            (
                "anggaran/<node>/pagu-perubahan",
                "Pagu perubahan {nama}",
                "rupiah",
                "serapan",
                "Pagu setelah perubahan; induk = jumlah rinciannya.",
            ),
            (
                "anggaran/<node>/pagu",
                "Pagu {nama}",
                "rupiah",
                "serapan",
                "Pagu perubahan bila ada, selain itu pagu awal.",
            ),
            (
                "anggaran/<node>/realisasi",
                "Realisasi anggaran {nama}",
                "rupiah",
                "serapan",
                "Realisasi anggaran; induk = jumlah rinciannya.",
            ),
            ("anggaran/<node>/serapan", "Serapan anggaran {nama}", "%", "serapan", "Realisasi / pagu × 100."),
            ("anggaran/<node>/sisa", "Sisa anggaran {nama}", "rupiah", "serapan", "Pagu − realisasi."),
            ("anggaran/<node>/perubahan", "Perubahan pagu {nama}", "rupiah", "serapan", "Pagu perubahan − pagu awal."),
            (
                "anggaran/<node>/refocusing",
                "Refocusing {nama}",
                "rupiah",
                "serapan",
                "Pengurangan pagu karena refocusing (masukan); induk = jumlah rincian yang mengisinya.",
            ),
            (
                "anggaran/<node>/pagu-awal-dikurangi-refocusing",
                "Pagu awal dikurangi refocusing {nama}",
                "rupiah",
                "serapan",
                "Pagu awal − refocusing: pagu perubahan bila refocusing satu-satunya perubahan.",
            ),
            (
                "anggaran/<node>/perubahan-persen",
                "Perubahan pagu {nama} (persen)",
                "%",
                "serapan",
                "Perubahan / pagu awal × 100.",
            ),
            (
                "anggaran/<node>/belanja-operasi",
                "Belanja operasi {nama}",
                "rupiah",
                "serapan",
                "Belanja operasi; induk = jumlah rinciannya.",
            ),
            (
                "anggaran/<node>/belanja-modal",
                "Belanja modal {nama}",
                "rupiah",
                "serapan",
                "Belanja modal; induk = jumlah rinciannya.",
            ),
            (
                "anggaran/<node>/belanja",
                "Belanja {nama}",
                "rupiah",
                "serapan",
                "Belanja operasi + belanja modal.",
            ),
            (
                "anggaran/<node>/persen-belanja-<jenis>",
                "Bagian belanja {jenis} {nama}",
                "%",
                "serapan",
                "Belanja operasi (atau modal) / belanja × 100.",
            ),
            (
                "anggaran/rata-rata-serapan-program",
                "Rata-rata serapan program",
                "%",
                "serapan",
                "Rata-rata serapan program tanpa bobot (serapan gabungan: `anggaran/total/serapan`).",
            ),
            (
                "riwayat-anggaran/<tahun>/pagu",
                "Pagu anggaran tahun {tahun}",
                "rupiah",
                None,
                "Pagu tahun sebelumnya (riwayat-anggaran.csv, atau jumlah pagu laporan tahun itu).",
            ),
            (
                "riwayat-anggaran/<tahun>/realisasi",
                "Realisasi anggaran tahun {tahun}",
                "rupiah",
                None,
                "Realisasi anggaran tahun sebelumnya (riwayat-anggaran.csv, atau laporan tahun itu).",
            ),
            (
                "riwayat-anggaran/<tahun>/serapan",
                "Serapan anggaran tahun {tahun}",
                "%",
                "serapan",
                "Realisasi / pagu × 100 tahun sebelumnya.",
            ),
            (
                "perubahan/anggaran-serapan/<dari>-<ke>/selisih",
                "Selisih serapan anggaran {dari}–{ke}",
                "poin",
                "perubahan",
                "Serapan tahun ke − serapan tahun dari (poin persen); untuk setiap dua tahun yang memiliki serapan, "
                "dari riwayat-anggaran.csv dan dari laporan.",
            ),
            (
                "perubahan/anggaran-serapan/<dari>-<ke>/persen",
                "Perubahan serapan anggaran {dari}–{ke}",
                "%",
                "perubahan",
                "(serapan tahun ke − serapan tahun dari) / serapan tahun dari × 100.",
            ),
            (
                "efisiensi/<jenis>/<id>",
                "Efisiensi {nama}",
                "poin",
                "efisiensi",
                "Capaian − serapan anggaran program pendukung (jenis: sasaran atau iku).",
            ),
            (
                "efisiensi/<jenis>/<id>/capaian",
                "Capaian {nama} (efisiensi)",
                "%",
                "rata-rata-capaian",
                "Capaian sasaran atau IKU yang dibandingkan.",
            ),
            (
                "efisiensi/<jenis>/<id>/serapan",
                "Serapan program pendukung {nama}",
                "%",
                "serapan",
                "Serapan anggaran program yang mendukungnya.",
            ),
            (
                "biaya-per-hasil/iku/<id>/pagu",
                "Pagu program pendukung {nama}",
                "rupiah",
                "biaya-per-hasil",
                "Jumlah pagu program yang mendukung IKU ini.",
            ),
            (
                "biaya-per-hasil/iku/<id>/realisasi-anggaran",
                "Realisasi anggaran program pendukung {nama}",
                "rupiah",
                "biaya-per-hasil",
                "Jumlah realisasi anggaran program pendukung.",
            ),
            (
                "biaya-per-hasil/iku/<id>/serapan",
                "Serapan program pendukung {nama}",
                "%",
                "serapan",
                "Realisasi / pagu program pendukung × 100.",
            ),
            (
                "biaya-per-hasil/iku/<id>/rupiah-per-satuan",
                "Rupiah per satuan {nama}",
                "rupiah",
                "biaya-per-hasil",
                "Realisasi anggaran / realisasi keluaran (hanya keluaran berupa hitungan).",
            ),
        ],
    ),
    *_family(
        "Survei Kepuasan Masyarakat",
        [
            (
                "skm/<periode>/ikm",
                "IKM {nama}",
                "indeks",
                "ikm",
                "IKM periode (atau `tahunan`: IKM setahun menurut aturan kabupaten).",
            ),
            ("skm/<periode>/mutu", "Mutu pelayanan {nama}", "predikat", "mutu", "Mutu pelayanan dari IKM."),
            ("skm/<periode>/nrr-tertimbang", "NRR tertimbang {nama}", "nilai", "ikm", "Σ NRR unsur × 1/9."),
            (
                "skm/<periode>/harapan/nrr-tertimbang",
                "NRR tertimbang harapan {nama}",
                "nilai",
                "ikm",
                "Σ NRR harapan unsur × 1/9 (bila kesembilan unsur mempunyai harapan).",
            ),
            ("skm/<periode>/harapan/ikm", "IKM harapan {nama}", "indeks", "ikm", "NRR tertimbang harapan × 25."),
            ("skm/<periode>/harapan/mutu", "Mutu harapan {nama}", "predikat", "mutu", "Mutu dari IKM harapan."),
            (
                "skm/<periode>/layanan-terendah",
                "Layanan dengan IKM terendah {nama}",
                "teks",
                "ikm",
                "Jenis layanan dengan IKM terendah (beberapa bila sama setelah dibulatkan dua desimal).",
            ),
            ("skm/<periode>/jumlah-responden", "Responden {nama}", "orang", None, "Jumlah responden."),
            (
                "skm/<periode>/pengguna-layanan",
                "Pengguna layanan {nama}",
                "orang",
                None,
                "Jumlah pengguna layanan (masukan).",
            ),
            (
                "skm/<periode>/sampel-minimum",
                "Sampel minimum {nama}",
                "orang",
                "sampel",
                "Responden yang diperlukan (Krejcie dan Morgan).",
            ),
            (
                "skm/<periode>/unsur/ikm",
                "IKM menurut unsur {nama}",
                "indeks",
                "ikm",
                "IKM dari NRR kesembilan unsur (beda dari IKM periode bila IKM dihitung dari rata-rata layanan).",
            ),
            (
                "skm/<periode>/unsur/jumlah-mutu-<mutu>",
                "Unsur bermutu {mutu_huruf} {nama}",
                "unsur",
                "mutu",
                "Jumlah unsur yang nilainya bermutu a, b, c atau d.",
            ),
            (
                "skm/<periode>/unsur/<unsur>/nrr",
                "NRR {unsur_nama} {nama}",
                "nilai",
                "ikm",
                "Rata-rata jawaban unsur (1-4).",
            ),
            ("skm/<periode>/unsur/<unsur>/nilai", "Nilai {unsur_nama} {nama}", "indeks", "ikm", "NRR unsur × 25."),
            (
                "skm/<periode>/unsur/<unsur>/mutu",
                "Mutu {unsur_nama} {nama}",
                "predikat",
                "mutu",
                "Mutu pelayanan dari nilai unsur.",
            ),
            (
                "skm/<periode>/unsur/<unsur>/harapan",
                "Harapan {unsur_nama} {nama}",
                "nilai",
                "kuadran",
                "Rata-rata jawaban harapan (1-4).",
            ),
            (
                "skm/<periode>/unsur/<unsur>/kesenjangan",
                "Kesenjangan {unsur_nama} {nama}",
                "nilai",
                "kuadran",
                "NRR kinerja − NRR harapan.",
            ),
            (
                "skm/<periode>/layanan/<layanan>/ikm",
                "IKM layanan {layanan_nama} {nama}",
                "indeks",
                "ikm",
                "IKM satu jenis layanan.",
            ),
            (
                "skm/<periode>/layanan/<layanan>/mutu",
                "Mutu layanan {layanan_nama} {nama}",
                "predikat",
                "mutu",
                "Mutu pelayanan dari IKM layanan.",
            ),
            (
                "skm/<periode>/layanan/<layanan>/jumlah-responden",
                "Responden layanan {layanan_nama} {nama}",
                "orang",
                None,
                "Jumlah responden layanan itu.",
            ),
        ],
    ),
    *_family(
        "Profil, sumber daya dan indeks komposit",
        [
            (
                "profil/<besaran>",
                "{besaran_label} Kecamatan {nama}",
                "",
                "penduduk",
                "penduduk, penduduk-laki-laki, penduduk-perempuan, jumlah-kk, luas, kepadatan, jumlah-desa, jumlah-kelurahan.",
            ),
            (
                "profil/desa/<desa>/penduduk",
                "Penduduk {desa_nama}",
                "jiwa",
                "penduduk",
                "Penduduk desa: yang diisi, selain itu laki-laki + perempuan.",
            ),
            (
                "profil/mata-pencaharian/<sektor>/persen",
                "Penduduk bermata pencaharian {sektor_nama}",
                "%",
                None,
                "Bagian penduduk dengan mata pencaharian di sektor itu (masukan kecamatan.yml).",
            ),
            (
                "profil/mata-pencaharian/jumlah-persen",
                "Jumlah persentase mata pencaharian",
                "%",
                "mata-pencaharian",
                "Jumlah bagian semua sektor (100 bila rinciannya lengkap).",
            ),
            ("sdm/jumlah", "Jumlah pegawai", "orang", "sdm", "Jumlah rincian pertama seluruh pegawai."),
            ("sdm/asn", "ASN yang ada", "orang", None, "ASN (PNS dan PPPK) yang ada (masukan)."),
            ("sdm/kebutuhan", "Kebutuhan ASN", "orang", None, "Kebutuhan ASN menurut analisis jabatan (masukan)."),
            ("sdm/pemenuhan-jabatan", "Pemenuhan jabatan", "%", "sdm", "ASN yang ada / kebutuhan × 100."),
            (
                "sdm/<rincian>/jumlah",
                "Jumlah pegawai menurut {rincian_label}",
                "orang",
                "sdm",
                "Jumlah satu rincian (`<dimensi>` atau `<dimensi>-<kelompok>`, mis. `pendidikan-asn`).",
            ),
            (
                "sdm/<rincian>/<kategori>/jumlah",
                "Pegawai {kategori_nama} menurut {rincian_label}",
                "orang",
                None,
                "Jumlah pegawai satu kategori (masukan).",
            ),
            (
                "sdm/<rincian>/<kategori>/persen",
                "Persentase pegawai {kategori_nama} menurut {rincian_label}",
                "%",
                "sdm",
                "Jumlah kategori / jumlah rincian × 100.",
            ),
            (
                "aset/jumlah",
                "Jumlah barang",
                "unit",
                "aset",
                "Jumlah semua barang (baik + rusak ringan + rusak berat).",
            ),
            (
                "aset/jumlah-dirinci",
                "Barang yang dirinci menurut kondisi",
                "unit",
                "aset",
                "Jumlah barang yang barisnya dirinci menurut kondisi: dasar persentase kondisi.",
            ),
            (
                "aset/<kondisi>/jumlah",
                "Barang {kondisi_label}",
                "unit",
                "aset",
                "Jumlah barang dalam kondisi itu (baik, rusak-ringan, rusak-berat).",
            ),
            (
                "aset/<kondisi>/persen",
                "Persentase barang {kondisi_label}",
                "%",
                "aset",
                "Barang dalam kondisi itu / barang yang dirinci menurut kondisi × 100.",
            ),
            (
                "aset/barang/<barang>/jumlah",
                "Jumlah {barang_nama}",
                "unit",
                "aset",
                "Baik + rusak ringan + rusak berat satu jenis barang; tanpa rincian kondisi: jumlah yang diisi.",
            ),
            (
                "aset/nilai/<saat>",
                "Nilai aset {saat}",
                "rupiah",
                None,
                "Jumlah nilai aset semua golongan (awal atau akhir tahun).",
            ),
            (
                "aset/nilai/<golongan>/<saat>",
                "Nilai aset {golongan_nama} {saat}",
                "rupiah",
                None,
                "Nilai aset satu golongan (masukan).",
            ),
            (
                "aset/nilai/perubahan",
                "Perubahan nilai aset",
                "rupiah",
                "aset",
                "Nilai akhir − nilai awal, semua golongan.",
            ),
            (
                "aset/nilai/perubahan-persen",
                "Perubahan nilai aset (persen)",
                "%",
                "aset",
                "Perubahan / nilai awal × 100, semua golongan.",
            ),
            (
                "aset/nilai/<golongan>/perubahan",
                "Perubahan nilai aset {golongan_nama}",
                "rupiah",
                "aset",
                "Nilai akhir − nilai awal satu golongan.",
            ),
            (
                "aset/nilai/<golongan>/perubahan-persen",
                "Perubahan nilai aset {golongan_nama} (persen)",
                "%",
                "aset",
                "Perubahan / nilai awal × 100 satu golongan.",
            ),
            ("indeks/<id>/total", "Total {nama}", "nilai", "indeks", "Jumlah poin aspek (atau Σ bobot/100 × nilai)."),
            (
                "indeks/<id>/maksimum",
                "Nilai maksimum {nama}",
                "nilai",
                "indeks",
                "Jumlah bobot aspek (atau maksimum yang dinyatakan).",
            ),
            (
                "indeks/<id>/predikat",
                "Predikat {nama}",
                "predikat",
                "indeks",
                "Predikat SAKIP dari total / maksimum × 100.",
            ),
            (
                "indeks/<id>/aspek-terendah",
                "Aspek terendah {nama}",
                "teks",
                "indeks",
                "Aspek dengan bagian terkecil dari maksimumnya (tanpa bobot: skor, lalu nilai, terkecil).",
            ),
            ("indeks/<id>/aspek/<n>/nilai", "{aspek_nama} ({nama})", "nilai", "indeks", "Poin aspek ke-n."),
            (
                "indeks/<id>/aspek/<n>/persen-maksimum",
                "{aspek_nama} ({nama}): bagian dari maksimum",
                "%",
                "indeks",
                "Poin / bobot × 100.",
            ),
            (
                "indeks/<id>/aspek/<n>/bobot-tersirat",
                "{aspek_nama} ({nama}): bobot tersirat",
                "nilai",
                "indeks",
                "Nilai / skor, bila bobot tidak diterbitkan.",
            ),
        ],
    ),
    *_family(
        "Laporan kinerja individu",
        [
            (
                "individu/tw<tw>/<jabatan>/<indikator>/target",
                "Target {nama} ({jabatan_nama}, TW {tw})",
                "",
                None,
                "Target Perjanjian Kinerja jabatan (masukan).",
            ),
            (
                "individu/tw<tw>/<jabatan>/<indikator>/realisasi",
                "Realisasi {nama} ({jabatan_nama}, TW {tw})",
                "",
                "realisasi-individu",
                "Realisasi kumulatif: yang diisi, atau pembilang / penyebut, selain itu jumlah realisasi triwulan.",
            ),
            (
                "individu/tw<tw>/<jabatan>/<indikator>/realisasi/tw<k>",
                "Realisasi TW {k} saja {nama} ({jabatan_nama}, TW {tw})",
                "",
                None,
                "Realisasi satu triwulan (masukan: nilai, atau pembilang / penyebut).",
            ),
            (
                "individu/tw<tw>/<jabatan>/<indikator>/realisasi/jumlah-triwulan",
                "Jumlah realisasi triwulan {nama} ({jabatan_nama}, TW {tw})",
                "",
                "realisasi-individu",
                "Realisasi per triwulan dijumlahkan (dibandingkan dengan realisasi kumulatif yang diisi).",
            ),
            (
                "individu/tw<tw>/<jabatan>/<indikator>/pembilang",
                "Pembilang {nama} ({jabatan_nama}, TW {tw})",
                "",
                None,
                "Pembilang realisasi (masukan).",
            ),
            (
                "individu/tw<tw>/<jabatan>/<indikator>/penyebut",
                "Penyebut {nama} ({jabatan_nama}, TW {tw})",
                "",
                None,
                "Penyebut realisasi (masukan).",
            ),
            (
                "individu/tw<tw>/<jabatan>/<indikator>/capaian",
                "Capaian {nama} ({jabatan_nama}, TW {tw})",
                "%",
                "realisasi-individu",
                "Realisasi / target × 100.",
            ),
            (
                "individu/tw<tw>/<jabatan>/<indikator>/pagu",
                "Pagu {nama} ({jabatan_nama}, TW {tw})",
                "rupiah",
                None,
                "Anggaran di balik indikator (masukan).",
            ),
            (
                "individu/tw<tw>/<jabatan>/<indikator>/realisasi-anggaran",
                "Realisasi anggaran {nama} ({jabatan_nama}, TW {tw})",
                "rupiah",
                None,
                "Realisasi anggaran di balik indikator (masukan).",
            ),
            (
                "individu/tw<tw>/<jabatan>/<indikator>/pagu-rincian",
                "Pagu rincian {nama} ({jabatan_nama}, TW {tw})",
                "rupiah",
                "realisasi-individu",
                "Jumlah pagu indikator bawahan yang disebut sebagai rincian.",
            ),
            (
                "individu/tw<tw>/<jabatan>/<indikator>/realisasi-anggaran-rincian",
                "Realisasi anggaran rincian {nama} ({jabatan_nama}, TW {tw})",
                "rupiah",
                "realisasi-individu",
                "Jumlah realisasi anggaran indikator bawahan yang disebut sebagai rincian.",
            ),
            (
                "individu/tw<tw>/<jabatan>/<indikator>/serapan",
                "Serapan {nama} ({jabatan_nama}, TW {tw})",
                "%",
                "serapan",
                "Realisasi anggaran / pagu × 100.",
            ),
        ],
    ),
)

BY_PATTERN: dict[str, Family] = {f.pola: f for f in FAMILIES}

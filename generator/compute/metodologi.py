"""The Metodologi page's content: each formula with a worked example computed by the very
functions the portal uses, and the rating scales in force."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from generator import model as m
from generator.compute.anggaran import SATUAN_BUKAN_HITUNGAN, Money, efisiensi, rupiah_per_unit
from generator.compute.audit import Printed, differs
from generator.compute.capaian import (
    agregasi_periode,
    capaian_angka,
    capaian_dinilai,
    capaian_ordinal,
    predikat,
    rata_rata_realisasi,
    realisasi_rasio,
    summarize,
)
from generator.compute.individu import realisasi_individu
from generator.compute.perbandingan import PembandingResult, peringkat, perubahan, selisih
from generator.compute.register import Figure
from generator.compute.skm import MUTU, ikm_from_nrr, mutu, sampel_minimum
from generator.compute.sumber_daya import compute_indeks, persen
from generator.compute.wilayah import kepadatan, wilayah
from generator.model.content import KabupatenData
from generator.model.types import GRADES
from generator.numbers import format_number, format_percent, format_rupiah, format_value


def _sama(tercetak: str, dihitung: float) -> str:
    """Whether the audit counts a printed figure as equal to a computed one, in words."""
    printed = Printed("contoh", tercetak, "", Path("contoh"))
    return "sama" if not differs(printed, Figure("contoh", "", dihitung, "", None, ())) else "dicatat"


@dataclass(frozen=True)
class Formula:
    kode: str  # anchor on the Metodologi page (`rumus-<kode>`), named by dataset columns
    nama: str
    rumus: str
    contoh: str


def rumus() -> list[Formula]:
    """Formulas in force, each with an example evaluated now by the production code."""
    positif = capaian_angka(83.8, 83.5, "positif").nilai
    negatif = capaian_angka(8, 10, "negatif").nilai
    nol = capaian_angka(5, 0, "positif").alasan
    rata = agregasi_periode([79.63, 86.11], "rata-rata")
    jumlah = agregasi_periode([38, 34.92], "jumlah")
    terakhir = agregasi_periode([40, 75.91], "terakhir")
    maks = agregasi_periode([82, 79], "maks")
    ordinal = capaian_ordinal("A", "BB")
    summary = summarize([capaian_angka(83.8, 83.5, "positif"), capaian_angka(75.91, 60, "positif")], 100)
    counts = summarize([capaian_angka(v, 100, "positif") for v in (85.35, 112.30, 101.18, 100, 100, 100)], 100)
    sektor = [
        m.MataPencaharian(sektor="Pertanian", persen=60),
        m.MataPencaharian(sektor="Industri kecil, UMKM, karyawan swasta dan ASN", persen=40),
    ]
    mata_pencaharian = wilayah(m.Kecamatan(nama="Ajung", mata_pencaharian=sektor)).jumlah_persen_mata_pencaharian
    return [
        Formula(
            "capaian",
            "Capaian, polaritas positif (makin tinggi makin baik)",
            "capaian = realisasi / target × 100 %",
            f"realisasi 83,8 dan target 83,5: capaian {format_percent(positif)}",
        ),
        Formula(
            "capaian-negatif",
            "Capaian, polaritas negatif (makin rendah makin baik)",
            "capaian = (target − (realisasi − target)) / target × 100 % = (2 × target − realisasi) / target × 100 %",
            f"realisasi 8 dan target 10: capaian {format_percent(negatif)}",
        ),
        Formula(
            "target-nol",
            "Target 0",
            "capaian tidak dapat dihitung (tidak dibagi nol, tidak ditampilkan sebagai 0)",
            f"target 0: “{nol}”",
        ),
        Formula(
            "realisasi-rasio",
            "Realisasi dari pembilang dan penyebut",
            "realisasi = pembilang / penyebut (× 100 untuk satuan persen); dipakai sebelum nilai tahunan yang "
            "diketik, yang lalu dibandingkan dengannya",
            f"1.875 dari 1.900 pelayanan: {format_value(realisasi_rasio(1875, 1900, '%'))} %",
        ),
        Formula(
            "realisasi-tahunan",
            "Realisasi tahunan: rata-rata",
            "rata-rata nilai periode yang dilaporkan (mis. indeks per semester)",
            f"79,63 dan 86,11: {format_value(rata)}",
        ),
        Formula(
            "realisasi-jumlah",
            "Realisasi tahunan: jumlah",
            "jumlah nilai periode (hitungan, atau persentase per triwulan)",
            f"38 % dan 34,92 %: {format_value(jumlah)} %",
        ),
        Formula(
            "realisasi-terakhir",
            "Realisasi tahunan: terakhir",
            "nilai periode terakhir yang dilaporkan (nilai kumulatif atau stok)",
            f"TW II 40 dan TW III 75,91: {format_value(terakhir)}",
        ),
        Formula(
            "realisasi-maks", "Realisasi tahunan: maks", "nilai periode tertinggi", f"82 dan 79: {format_value(maks)}"
        ),
        Formula(
            "nilai-tahunan",
            "Nilai tahunan yang ditetapkan",
            "bila realisasi tahunan diisi langsung, nilai itu yang dipakai; hasil agregasi periode dibandingkan "
            "dengannya dan selisihnya dicatat sebagai catatan kualitas data",
            "—",
        ),
        Formula(
            "capaian-ordinal",
            "Target berupa predikat (ordinal)",
            f"urutan {' < '.join(GRADES)}; tercapai bila realisasi sama atau lebih tinggi dari target",
            f"target BB, realisasi A: {'tercapai' if ordinal.tercapai else 'tidak tercapai'}",
        ),
        Formula(
            "capaian-dinilai",
            "Capaian yang dinilai",
            "capaian negatif dihitung 0; di atas batas capaian kabupaten dihitung "
            "sama dengan batas (halaman tetap menampilkan capaian sebenarnya)",
            f"batas 100: capaian 126,52 % dinilai {format_percent(capaian_dinilai(126.52, 100))}",
        ),
        Formula(
            "rata-rata-capaian",
            "Capaian sasaran dan rata-rata capaian IKU",
            "rata-rata capaian yang dinilai dari indikator yang terukur; indikator tanpa data tidak ikut dirata-rata; "
            "rata-rata gabungan = rata-rata yang sama atas IKU dan indikator program bersama-sama",
            f"100,36 % dan 126,52 % dengan batas 100: {format_percent(summary.rata_rata)}",
        ),
        Formula(
            "rata-rata-realisasi",
            "Rata-rata realisasi indikator program",
            "rata-rata realisasi indikator bersatuan persen (semua indikator tingkat program, atau indikator "
            "satu program atau kegiatan bila ada dua atau lebih), seperti dicetak sebagian laporan",
            f"98 %, 98 %, 98 % dan 94 %: {format_percent(rata_rata_realisasi([('%', 98), ('%', 98), ('%', 98), ('%', 94)]))}",
        ),
        Formula(
            "jumlah-indikator",
            "Jumlah indikator",
            "tercapai (capaian ≥ 100 % atau predikat tercapai), belum tercapai, "
            "dan tidak dapat diukur (tanpa target, tanpa realisasi, atau target 0); capaian di atas 100 %, tepat "
            "100 % dan di bawah 100 % dihitung dari capaian yang dibulatkan dua desimal; jumlah tujuan, sasaran, "
            "IKU, program, kegiatan dan sub kegiatan dihitung dari rencana kinerja",
            f"capaian 85,35 %, 112,30 %, 101,18 %, 100 %, 100 %, 100 %: {counts.jumlah_di_atas_100} di atas, "
            f"{counts.jumlah_tepat_100} tepat, {counts.jumlah_di_bawah_100} di bawah 100 %",
        ),
        Formula(
            "pembulatan",
            "Pembulatan",
            "semua angka disimpan utuh dan dibulatkan hanya untuk tampilan, setengah ke atas, "
            "format Indonesia (titik ribuan, koma desimal)",
            f"100,355 → {format_number(100.355, 2)}; 1823687638 → {format_number(1823687638, 0)}",
        ),
        Formula(
            "predikat",
            "Predikat",
            "rentang skala kabupaten yang memuat capaian yang dinilai",
            "lihat contoh penggolongan pada setiap skala di bawah",
        ),
        Formula(
            "penduduk",
            "Jumlah penduduk dan kepadatan",
            "penduduk desa = laki-laki + perempuan (atau jumlah "
            "yang diisi); penduduk kecamatan = jumlah penduduk desa; kepadatan = penduduk / luas (jiwa/km²)",
            f"39.725 jiwa di 25,96 km²: {format_number(kepadatan(39725, 25.96), 0)} jiwa/km²",
        ),
        Formula(
            "mata-pencaharian",
            "Mata pencaharian penduduk",
            "bagian setiap sektor seperti tercetak (masukan); jumlah persentase = jumlah bagian semua sektor, "
            "100 % bila rinciannya lengkap (selain itu peringatan saat validasi)",
            f"pertanian 60 %, industri kecil, UMKM, karyawan swasta dan ASN 40 %: {format_percent(mata_pencaharian)}",
        ),
        *rumus_skm(),
        *rumus_anggaran(),
        *rumus_perbandingan(),
        *rumus_sumber_daya(),
        Formula(
            "catatan-kualitas-data",
            "Catatan kualitas data",
            "selisih = angka dilaporkan − hasil hitung portal; dicatat bila lebih besar dari setengah satuan "
            "angka terakhir yang tercetak (tercetak 2 desimal: 0,005; bilangan bulat: 0,5), sehingga pembulatan "
            "yang benar tidak pernah dicatat; teks (predikat, mutu) dibandingkan dengan label atau kodenya",
            f"dihitung 100,3593: tercetak 100,36 {_sama('100,36', 100.3593)}, tercetak 100,35 "
            f"{_sama('100,35', 100.3593)}; dihitung 103,625: tercetak 104 {_sama('104', 103.625)}; dihitung "
            f"103,4: tercetak 104 {_sama('104', 103.4)}",
        ),
    ]


def rumus_sumber_daya() -> list[Formula]:
    """Staff, assets and composite indices, with seed figures as examples."""
    akip = compute_indeks(
        m.Indeks(
            id="akip",
            nama="AKIP",
            skala="sakip",
            aspek=[
                m.Aspek(nama=n, bobot=b, nilai=v)
                for n, b, v in (
                    ("Perencanaan", 30, 26.41),
                    ("Pengukuran", 30, 23.90),
                    ("Pelaporan", 15, 8.18),
                    ("Evaluasi", 25, 22.25),
                )
            ],
        )
    )
    return [
        Formula(
            "sdm",
            "Sumber daya manusia",
            "persentase = jumlah kategori / jumlah pegawai rincian itu × 100 %; jumlah rincian = jumlah "
            "kategorinya (juga untuk rincian satu kelompok, mis. pejabat struktural); "
            "pemenuhan jabatan = ASN yang ada / kebutuhan ASN × 100 %; setiap rincian harus berjumlah sama dengan "
            "jumlah pegawai",
            f"11 ASN, kebutuhan 15: {format_percent(persen(11, 15))}; 13 laki-laki dari 20: "
            f"{format_percent(persen(13, 20))}",
        ),
        Formula(
            "aset",
            "Kondisi sarana dan prasarana",
            "jumlah = baik + rusak ringan + rusak berat (atau jumlah tercetak bila kondisi tidak dirinci); "
            "persentase setiap kondisi terhadap jumlah barang yang kondisinya dirinci; tanpa daftar barang: "
            "tidak dilaporkan (bukan 0); perubahan nilai aset = nilai akhir − nilai awal tahun, dan persennya "
            "terhadap nilai awal",
            f"28 baik dari 548: {format_percent(persen(28, 548))}",
        ),
        Formula(
            "indeks",
            "Indeks komposit (Nilai Sinergitas, AKIP, IPP)",
            "total = jumlah poin aspek (poin sudah berbobot, maksimum = bobot) atau Σ bobot/100 × skor; bobot harus "
            "berjumlah 100 (atau maksimum yang dinyatakan); bagian dari maksimum = nilai / bobot × 100 %; predikat "
            "SAKIP (juga kategori SAKIP realisasi indikator ber-`skala: sakip`): AA > 90, A > 80, BB > 70, B > 60, "
            "CC > 50, C > 30, D",
            f"26,41 + 23,90 + 8,18 + 22,25 = {format_number(akip.total, 2)} ({akip.predikat}); 26,41 dari 30: "
            f"{format_percent(akip.aspek[0].persen_maksimum)}",
        ),
    ]


def rumus_perbandingan() -> list[Formula]:
    """Formulas over time and across kecamatan, with seed figures as examples."""
    ranks = peringkat(
        [("Klakah", 70.78, None), ("Tempeh", 70.73, None), ("Senduro", 70.62, None), ("Contoh", 70.73, None)], "positif"
    )
    negatif = peringkat([("A", 8.0, None), ("B", 5.0, None)], "negatif")
    banding = PembandingResult("Kabupaten Lumajang", "kabupaten", 83.8, 82.9, None)
    return [
        Formula(
            "perubahan",
            "Perubahan antartahun",
            "selisih = realisasi tahun kemudian − realisasi tahun sebelumnya, dalam satuan indikator (poin persen "
            "untuk indikator persen); perubahan relatif = selisih / realisasi tahun sebelumnya × 100 %; dihitung "
            "untuk setiap dua tahun yang memiliki realisasi (tabel riwayat: dari tahun sebelumnya)",
            f"82 → 85: selisih {format_number(selisih(82, 85), 2)}, {format_percent(perubahan(82, 85))}; "
            f"82,68 → 82,87: {format_percent(perubahan(82.68, 82.87))}",
        ),
        Formula(
            "renstra",
            "Kemajuan terhadap target akhir Renstra",
            "realisasi tahun ini dibandingkan target tahun terakhir Renstra, dengan rumus capaian dan polaritas "
            "indikator; versi yang berlaku untuk suatu indikator = versi terakhir dalam renstra.yml yang sudah "
            "berlaku pada tahun itu (berlaku_sejak kosong atau tidak sesudahnya) dan memuat target indikator itu",
            f"realisasi 97,40, target akhir 81: {format_percent(capaian_angka(97.40, 81, 'positif').nilai)}",
        ),
        Formula(
            "pembanding",
            "Dibandingkan kabupaten, provinsi, nasional dan kecamatan lain",
            "selisih = realisasi kecamatan − nilai pembanding; selisih relatif = selisih / nilai pembanding × 100 %; "
            "rasio = realisasi kecamatan / nilai pembanding × 100 %; "
            'nilai yang tidak tersedia ditulis "tidak tersedia"',
            f"82,9 dan Kabupaten 83,8: selisih {format_number(banding.selisih, 2)}, selisih relatif "
            f"{format_percent(banding.selisih_relatif)}, rasio {format_percent(banding.rasio)}",
        ),
        Formula(
            "peringkat",
            "Peringkat antarkecamatan",
            "diurutkan dari yang terbaik menurut polaritas (tertinggi untuk positif, terendah untuk negatif); nilai "
            'sama mendapat peringkat sama dan peringkat berikutnya dilewati; "dari n" = kecamatan yang memiliki data',
            "70,78 / 70,73 / 70,73 / 70,62: peringkat "
            + ", ".join(str(r.peringkat) for r in ranks)
            + f"; polaritas negatif 5 dan 8: {negatif[0].kecamatan} peringkat 1",
        ),
    ]


def rumus_anggaran() -> list[Formula]:
    """Budget formulas, with the seed reports' figures as examples."""
    total = Money(pagu_perubahan=1823687636, realisasi=1803876007)
    belanja = Money(belanja_operasi=2120473359, belanja_modal=1413648890)
    individu = m.IndikatorIndividu(id="x", sasaran="x", nama="x", satuan="%", target=85, pembilang=36, penyebut=62)
    return [
        Formula(
            "serapan",
            "Serapan dan sisa anggaran",
            "serapan = realisasi / pagu × 100 %, pagu = pagu perubahan bila ada, selain itu pagu awal; sisa = pagu − "
            "realisasi; anggaran induk = jumlah rinciannya (angka induk yang ditulis berbeda menjadi catatan "
            "kualitas data); perubahan = pagu perubahan − pagu awal; pagu awal − refocusing dibandingkan dengan "
            "pagu perubahan; belanja operasi + belanja modal dibandingkan dengan pagu, bagian masing-masing = "
            "belanja itu / jumlahnya × 100 %; serapan tahun itu adalah serapan gabungan (jumlah realisasi / jumlah "
            "pagu), di sampingnya rata-rata serapan program (tidak dibobot) seperti dicetak sebagian laporan",
            f"pagu 1.823.687.636, realisasi 1.803.876.007: serapan {format_percent(total.serapan)}, "
            f"sisa {format_number(total.sisa, 0)}; belanja operasi 2.120.473.359 dan modal 1.413.648.890: "
            f"{format_percent(belanja.persen_belanja_operasi)} dan {format_percent(belanja.persen_belanja_modal)}",
        ),
        Formula(
            "efisiensi",
            "Efisiensi",
            "efisiensi = capaian − serapan anggaran program pendukung (poin persen); "
            "positif berarti hasil lebih besar daripada bagian anggaran yang terpakai",
            f"capaian 104 %, serapan 100 %: {format_number(efisiensi(104, 100), 0)}; capaian 127 %, serapan 99 %: "
            f"{format_number(efisiensi(127, 99), 0)}",
        ),
        Formula(
            "biaya-per-hasil",
            "Biaya per hasil (cost per outcome)",
            "anggaran (pagu, realisasi, serapan) program pendukung di samping target, realisasi dan capaian IKU; "
            "rupiah per satuan = realisasi anggaran / realisasi keluaran, hanya untuk keluaran berupa hitungan "
            f"(bukan {', '.join(sorted(SATUAN_BUKAN_HITUNGAN))})",
            f"{format_rupiah(6750000)} untuk 3 laporan: {format_rupiah(rupiah_per_unit(6750000, 3, 'laporan'))} per laporan",
        ),
        Formula(
            "realisasi-individu",
            "Realisasi kinerja individu",
            "realisasi kumulatif sampai triwulan; bila diisi pembilang dan penyebut: pembilang / penyebut (× 100 "
            "untuk persen); tanpa keduanya: jumlah realisasi per triwulan (bila diisi keduanya, dibandingkan); "
            "capaian = realisasi / target × 100 %; anggaran rincian = jumlah anggaran indikator bawahan yang "
            "disebut sebagai rincian, dibandingkan dengan anggaran indikator itu",
            f"36 / 62 faskor: realisasi {format_percent(realisasi_individu(individu))}, target 85 %: capaian "
            f"{format_percent(capaian_angka(realisasi_individu(individu), 85, 'positif').nilai)}",
        ),
    ]


def rumus_skm() -> list[Formula]:
    """The survey formulas of PermenPANRB 14/2017, with examples from seed reports."""
    sem1 = [3.17, 3.17, 3.00, 3.83, 3.00, 3.00, 3.00, 2.67, 3.83]
    sem2 = [3.36, 3.55, 3.36, 4.00, 3.36, 3.36, 3.27, 3.18, 3.55]
    nrr1, ikm1 = ikm_from_nrr(sem1)
    ikm2 = ikm_from_nrr(sem2)[1]
    layanan = [89.86, 85.42, 100, 87.22, 97.92]
    batas = "; ".join(f"{q.huruf} {q.label} ≥ {format_number(q.bawah, 2)}" for q in MUTU[:-1])
    return [
        Formula(
            "ikm",
            "Indeks Kepuasan Masyarakat (IKM)",
            "NRR unsur = rata-rata jawaban unsur itu (1-4; jawaban kosong tidak dihitung); NRR tertimbang = "
            "Σ NRR × 1/9 (tepat 1/9, bukan 0,111); IKM = NRR tertimbang × 25; nilai unsur = NRR × 25; sisi harapan "
            "dihitung sama dari harapan kesembilan unsur (NRR tertimbang harapan, IKM harapan, mutu harapan)",
            f"NRR 3,17 3,17 3,00 3,83 3,00 3,00 3,00 2,67 3,83: NRR tertimbang {format_number(nrr1, 4)}, "
            f"IKM {format_number(ikm1, 2)}; harapan 3,50 3,17 3,33 2,50 3,33 3,50 3,50 3,50 3,50: IKM harapan "
            f"{format_number(ikm_from_nrr([3.50, 3.17, 3.33, 2.50, 3.33, 3.50, 3.50, 3.50, 3.50])[1], 2)}",
        ),
        Formula(
            "mutu",
            "Mutu pelayanan",
            f"IKM dibulatkan 2 desimal lalu digolongkan menurut batas bawah: {batas}; di bawahnya D Tidak baik",
            f"76,60 → {mutu(76.60).huruf}; 76,61 → {mutu(76.61).huruf}; 88,31 → {mutu(88.31).huruf}",
        ),
        Formula(
            "ikm-tahunan",
            "IKM setahun dan IKM unit",
            "menurut aturan kabupaten: rata-rata IKM periode (bawaan) atau gabungan semua jawaban; IKM unit "
            "lintas jenis layanan = rata-rata IKM layanan bila kecamatan memakai cara itu",
            f"{format_number(ikm1, 2)} dan {format_number(ikm2, 2)}: {format_number((ikm1 + ikm2) / 2, 2)}; "
            f"5 layanan 89,86 85,42 100 87,22 97,92: {format_number(sum(layanan) / 5, 2)}",
        ),
        Formula(
            "sampel",
            "Sampel minimum (Krejcie dan Morgan)",
            "s = 3,841 × N × 0,25 / (0,0025 × (N − 1) + 3,841 × 0,25), N = jumlah pengguna layanan, dibulatkan",
            "; ".join(f"N {format_number(n, 0)} → {sampel_minimum(n)}" for n in (100, 500, 1000, 10000)),
        ),
        Formula(
            "kuadran",
            "Kesenjangan dan kuadran kepentingan-kinerja",
            "kesenjangan = NRR kinerja − NRR harapan; kuadran dibagi pada rata-rata kinerja dan rata-rata harapan: "
            "I prioritas utama (harapan tinggi, kinerja rendah), II pertahankan, III prioritas rendah, "
            "IV berlebihan",
            "—",
        ),
        Formula(
            "prioritas",
            "Prioritas perbaikan",
            "unsur dengan nilai terendah, dan setiap unsur dengan nilai di "
            f"bawah mutu B ({format_number(MUTU[1].bawah, 2)})",
            "—",
        ),
    ]


@dataclass(frozen=True)
class PredikatExample:
    capaian: float
    dinilai: float
    label: str


@dataclass(frozen=True)
class SkalaKabupaten:
    slug: str
    kabupaten: str
    nama: str
    dasar: str | None
    batas: float | None
    rentang: tuple[m.Rentang, ...]
    contoh: tuple[PredikatExample, ...]


@dataclass(frozen=True)
class Metodologi:
    rumus: tuple[Formula, ...]
    skala: tuple[SkalaKabupaten, ...]


def metodologi(kabupaten: Iterable[KabupatenData]) -> Metodologi:
    """Formulas and every kabupaten's scale, with sample classifications."""
    skala = []
    for kab in kabupaten:
        s = kab.profil.skala_predikat
        contoh = tuple(
            PredikatExample(v, capaian_dinilai(v, s.batas_capaian), predikat(v, s).label)
            for v in (126.52, 100.0, 87.48, 50.0)
        )
        skala.append(
            SkalaKabupaten(kab.slug, kab.profil.nama, s.nama, s.dasar, s.batas_capaian, tuple(s.rentang), contoh)
        )
    return Metodologi(tuple(rumus()), tuple(skala))

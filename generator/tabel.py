"""The portal's tables, built from computed results: one function per table, one shared
vocabulary of columns. Each table is shown on its page and published as CSV and JSON."""

from __future__ import annotations

from typing import Iterable

from .compute.laporan import HasilIndikator, LaporanKinerja, walk_program
from .compute.wilayah import Wilayah
from .dataset import Kolom, Sel, Tabel
from .model import Rentang, SkalaPredikat
from .numbers import format_value
from .validate import KabupatenData, KecamatanData

PERIODE_LABEL = {"tw1": "TW I", "tw2": "TW II", "tw3": "TW III", "tw4": "TW IV"}
LEVEL_LABEL = {"program": "Program", "kegiatan": "Kegiatan", "sub_kegiatan": "Sub kegiatan"}

# ---------------------------------------------------------------- column vocabulary

KECAMATAN = Kolom("kecamatan", "Kecamatan")
KABUPATEN = Kolom("kabupaten", "Kabupaten")
TAHUN = Kolom("tahun", "Tahun", "tahun")
RATA_RATA = Kolom("rata_rata_capaian", "Rata-rata capaian IKU", "persen",
                  "Rata-rata capaian yang dinilai dari IKU yang terukur (persen).", "rumus-rata-rata-capaian")
PREDIKAT = Kolom("predikat", "Predikat", "predikat", "Predikat menurut skala kabupaten.", "rumus-predikat")
TERCAPAI = Kolom("iku_tercapai", "IKU tercapai", "bilangan", "Jumlah IKU dengan capaian ≥ 100 % atau predikat "
                 "tercapai.", "rumus-jumlah-indikator")
JUMLAH_IKU = Kolom("jumlah_iku", "Jumlah IKU", "bilangan", "Jumlah Indikator Kinerja Utama.")
INDIKATOR_ID = Kolom("indikator_id", "Kode indikator", tampil=False)
INDIKATOR = Kolom("indikator", "Indikator")
SATUAN = Kolom("satuan", "Satuan")
POLARITAS = Kolom("polaritas", "Polaritas", deskripsi="positif: makin tinggi makin baik; negatif: makin rendah "
                  "makin baik.", tampil=False)
TARGET = Kolom("target", "Target", "angka", "Target PK perubahan bila ada, selain itu PK awal.")
REALISASI = Kolom("realisasi", "Realisasi", "angka", "Realisasi tahunan.", "rumus-realisasi-tahunan")
CAPAIAN = Kolom("capaian", "Capaian", "persen", "Capaian (persen); kosong bila tidak dapat dihitung.",
                "rumus-capaian")


def _sel_capaian(h: HasilIndikator) -> Sel | float | None:
    c = h.capaian
    if c.nilai is not None:
        return c.nilai
    if c.tercapai is not None:
        return Sel(None, "tercapai" if c.tercapai else "tidak tercapai")
    return Sel(None, c.alasan or "—")


def _satuan(h: HasilIndikator) -> Sel:
    ind = h.indikator
    teks = f"{ind.satuan} (polaritas negatif)" if ind.polaritas == "negatif" else None
    return Sel(ind.satuan, teks)


def _ringkasan_baris(lp: LaporanKinerja) -> tuple:
    r = lp.ringkasan
    return r.rata_rata, lp.predikat, r.jumlah_tercapai, r.jumlah


# ---------------------------------------------------------------- portal, kabupaten, kecamatan


def capaian_terbaru(laporan: Iterable[LaporanKinerja], path: str) -> Tabel:
    t = Tabel(path, "Rata-rata capaian IKU per kecamatan, tahun terakhir yang tersedia",
              "Untuk setiap kecamatan, laporan kinerja tahun terbaru: rata-rata capaian IKU, predikat dan jumlah "
              "IKU tercapai.", (KECAMATAN, KABUPATEN, TAHUN, RATA_RATA, PREDIKAT, TERCAPAI, JUMLAH_IKU))
    for lp in laporan:
        t.tambah(Sel(lp.kecamatan.profil.nama, tautan=laporan_path(lp)), lp.kabupaten.profil.nama, lp.tahun,
                 *_ringkasan_baris(lp))
    return t


def capaian_kecamatan(kab: KabupatenData, laporan: Iterable[LaporanKinerja]) -> Tabel:
    t = Tabel(f"{kab.slug}/capaian-kecamatan",
              f"Rata-rata capaian IKU setiap kecamatan di Kabupaten {kab.profil.nama} per tahun",
              "Urut menurut tahun (terbaru dahulu), lalu rata-rata capaian tertinggi.",
              (KECAMATAN, TAHUN, RATA_RATA, PREDIKAT, TERCAPAI, JUMLAH_IKU))
    for lp in laporan:
        t.tambah(Sel(lp.kecamatan.profil.nama, tautan=kecamatan_path(kab.slug, lp.kecamatan.slug)),
                 Sel(lp.tahun, tautan=laporan_path(lp)), *_ringkasan_baris(lp))
    return t


def rentang_teks(r: Rentang) -> str:
    """`≥ 90 % s.d. ≤ 100 %`: an interval in words a citizen reads."""
    bawah = f"{'≥' if r.bawah_inklusif else '>'} {format_value(r.bawah)} %" if r.bawah is not None else None
    atas = f"{'≤' if r.atas_inklusif else '<'} {format_value(r.atas)} %" if r.atas is not None else None
    return " s.d. ".join(p for p in (bawah, atas) if p)


def skala_predikat(kab: KabupatenData) -> Tabel:
    s: SkalaPredikat = kab.profil.skala_predikat
    t = Tabel(f"{kab.slug}/skala-predikat", f"Skala predikat Kabupaten {kab.profil.nama}: {s.nama}",
              "Rentang capaian dan predikatnya." + (f" Dasar: {s.dasar}." if s.dasar else ""),
              (Kolom("rentang", "Rentang capaian"),
               Kolom("batas_bawah", "Batas bawah", "angka", "Batas bawah rentang (persen); kosong: tanpa batas.",
                     tampil=False),
               Kolom("bawah_inklusif", "Batas bawah termasuk", deskripsi="ya/tidak", tampil=False),
               Kolom("batas_atas", "Batas atas", "angka", "Batas atas rentang (persen); kosong: tanpa batas.",
                     tampil=False),
               Kolom("atas_inklusif", "Batas atas termasuk", deskripsi="ya/tidak", tampil=False),
               Kolom("kode", "Kode predikat", tampil=False),
               PREDIKAT),
              sumber=str(kab.profil.skala_predikat.dasar or ""))
    for r in s.rentang:
        t.tambah(rentang_teks(r), r.bawah, "ya" if r.bawah_inklusif else "tidak", r.atas,
                 "ya" if r.atas_inklusif else "tidak", r.kode, r)
    return t


def desa(kab: KabupatenData, kec: KecamatanData, w: Wilayah) -> Tabel:
    t = Tabel(f"{kab.slug}/{kec.slug}/desa",
              f"{w.jumlah_desa} desa dan {w.jumlah_kelurahan} kelurahan: penduduk dan kepala keluarga",
              f"Penduduk dan kepala keluarga per desa/kelurahan Kecamatan {kec.profil.nama}.",
              (Kolom("desa", "Desa / kelurahan"), Kolom("jenis", "Jenis", tampil=False),
               Kolom("laki_laki", "Laki-laki", "bilangan", "Penduduk laki-laki (jiwa)."),
               Kolom("perempuan", "Perempuan", "bilangan", "Penduduk perempuan (jiwa)."),
               Kolom("penduduk", "Jumlah penduduk", "bilangan", "Jumlah penduduk (jiwa).", "rumus-penduduk"),
               Kolom("kepala_keluarga", "Kepala keluarga", "bilangan", "Jumlah kepala keluarga.")),
              sumber=kec.profil.sumber or "")
    for d in w.desa:
        label = f"{d.desa.nama} (kelurahan)" if d.desa.jenis == "kelurahan" else None
        t.tambah(Sel(d.desa.nama, label), d.desa.jenis, d.desa.penduduk_laki_laki, d.desa.penduduk_perempuan,
                 d.penduduk, d.desa.jumlah_kk)
    t.kaki = ("Jumlah", None, w.laki_laki, w.perempuan, w.penduduk, w.kk)
    return t


def laporan_kecamatan(kab: KabupatenData, kec: KecamatanData, laporan: Iterable[LaporanKinerja]) -> Tabel:
    t = Tabel(f"{kab.slug}/{kec.slug}/laporan-kinerja", f"Laporan kinerja Kecamatan {kec.profil.nama} per tahun",
              "Rata-rata capaian IKU, predikat dan jumlah IKU tercapai setiap tahun.",
              (TAHUN, RATA_RATA, PREDIKAT, TERCAPAI, JUMLAH_IKU))
    for lp in laporan:
        t.tambah(Sel(lp.tahun, f"Laporan Kinerja {lp.tahun}", laporan_path(lp)), *_ringkasan_baris(lp))
    return t


# ---------------------------------------------------------------- Laporan Kinerja


def capaian_iku(lp: LaporanKinerja) -> Tabel:
    folder = laporan_folder(lp)
    periode = tuple(Kolom(f"realisasi_{p}", f"Realisasi {label}", "angka", f"Realisasi {label}.")
                    for p, label in PERIODE_LABEL.items())
    t = Tabel(f"{folder}/capaian-iku", f"Target, realisasi per triwulan, capaian dan predikat IKU {lp.tahun}",
              f"Indikator Kinerja Utama Kecamatan {lp.kecamatan.profil.nama} {lp.tahun}.",
              (Kolom("tujuan", "Tujuan", tampil=False),
               Kolom("sasaran", "Tujuan / sasaran", kelompok=True, deskripsi="Sasaran (kosong untuk indikator "
                     "tingkat tujuan)."),
               INDIKATOR_ID, INDIKATOR, SATUAN, POLARITAS,
               Kolom("target_pk_awal", "Target PK awal", "angka", "Target Perjanjian Kinerja awal."),
               Kolom("target_pk_perubahan", "Target PK perubahan", "angka", "Target Perjanjian Kinerja perubahan."),
               Kolom("realisasi", "Realisasi tahunan", "angka", REALISASI.deskripsi, REALISASI.rumus),
               CAPAIAN, PREDIKAT, *periode),
              sumber=lp.data.kinerja.sumber, kelas="tabel-iku")
    for ht in lp.tujuan:
        rows = [(None, h) for h in ht.indikator] + [(s.sasaran.nama, h) for s in ht.sasaran for h in s.indikator]
        for sasaran, h in rows:
            label = Sel(sasaran, f"Sasaran: {sasaran}") if sasaran else Sel(None, f"Tujuan: {ht.tujuan.nama}")
            ind = h.indikator
            t.tambah(ht.tujuan.nama, label, ind.id, ind.nama, _satuan(h), ind.polaritas,
                     ind.target.pk_awal if ind.target else None, ind.target.pk_perubahan if ind.target else None,
                     h.realisasi, _sel_capaian(h), h.predikat, *(h.periode.get(p) for p in PERIODE_LABEL))
    return t


def capaian_sasaran(lp: LaporanKinerja) -> Tabel:
    t = Tabel(f"{laporan_folder(lp)}/capaian-sasaran", f"Capaian sasaran {lp.tahun}",
              "Rata-rata capaian yang dinilai dari indikator sasaran yang terukur.",
              (Kolom("sasaran", "Sasaran"), Kolom("tujuan", "Tujuan", tampil=False),
               Kolom("jumlah_indikator", "Indikator dirata-rata", "bilangan", "Indikator terukur yang dirata-rata."),
               Kolom("capaian_sasaran", "Capaian sasaran", "persen", "Rata-rata capaian yang dinilai.",
                     "rumus-rata-rata-capaian"), PREDIKAT),
              sumber=lp.data.kinerja.sumber)
    for ht in lp.tujuan:
        for s in ht.sasaran:
            t.tambah(s.sasaran.nama, ht.tujuan.nama, s.ringkasan.jumlah_dirata, s.ringkasan.rata_rata, s.predikat)
    return t


def indikator_program(lp: LaporanKinerja) -> Tabel:
    t = Tabel(f"{laporan_folder(lp)}/indikator-program", f"Indikator program, kegiatan dan sub kegiatan {lp.tahun}",
              "Indikator program, kegiatan dan sub kegiatan yang mendukung sasaran.",
              (Kolom("program_kegiatan", "Program / kegiatan", kelompok=True),
               Kolom("tingkat", "Tingkat", tampil=False), Kolom("kode", "Kode", tampil=False),
               Kolom("nama", "Nama program / kegiatan", tampil=False),
               INDIKATOR_ID, INDIKATOR, SATUAN, TARGET, REALISASI, CAPAIAN, PREDIKAT),
              sumber=lp.data.kinerja.sumber, kelas="tabel-program")
    for n in walk_program(lp):
        kode = n.node.kode or ""
        label = Sel(f"{kode} {n.node.nama}".strip(), f"{LEVEL_LABEL[n.level]}: {kode} {n.node.nama}".replace("  ", " "))
        common = (label, n.level, n.node.kode, n.node.nama)
        if not n.indikator:
            t.tambah(*common, None, Sel(None, "tanpa indikator"), None, None, None, None, None,
                     kelas=f"level-{n.level}")
        for h in n.indikator:
            t.tambah(*common, h.indikator.id, h.indikator.nama, h.indikator.satuan, h.target, h.realisasi,
                     _sel_capaian(h), h.predikat, kelas=f"level-{n.level}")
    return t


def catatan_kualitas(lp: LaporanKinerja) -> Tabel:
    t = Tabel(f"{laporan_folder(lp)}/catatan-kualitas-data", "Perbedaan antara angka yang dilaporkan dan hasil hitung",
              "Angka yang tercetak di laporan sumber dibandingkan dengan hasil hitung portal.",
              (INDIKATOR, INDIKATOR_ID, Kolom("besaran", "Besaran"),
               Kolom("dilaporkan", "Dilaporkan", "angka", "Angka seperti tercetak di laporan sumber."),
               Kolom("dihitung", "Dihitung portal", "angka", "Hasil hitung portal dari data masukan.",
                     "rumus-catatan-kualitas-data")),
              sumber=lp.data.kinerja.sumber)
    for a in lp.audit:
        t.tambah(a.indikator.nama, a.indikator.id, a.besaran, a.dilaporkan, a.dihitung)
    return t


# ---------------------------------------------------------------- paths


def kabupaten_path(slug: str) -> str:
    return f"{slug}/index.md"


def kecamatan_path(kab: str, kec: str) -> str:
    return f"{kab}/{kec}/index.md"


def laporan_folder(lp: LaporanKinerja) -> str:
    return f"{lp.kabupaten.slug}/{lp.kecamatan.slug}/{lp.tahun}"


def laporan_path(lp: LaporanKinerja) -> str:
    return f"{laporan_folder(lp)}/index.md"

"""Tables of the home, kabupaten and kecamatan pages: latest results, reports per year, desa, overview, staff and assets."""

from __future__ import annotations

from typing import Iterable
from generator.compute.laporan import Ikhtisar, LaporanKinerja
from generator.compute.wilayah import Wilayah
from generator.render.dataset import Kolom, Sel, Tabel
from generator.model.content import KabupatenData, KecamatanData
from generator.render.paths import anggaran_path, kecamatan_path, laporan_folder, laporan_path, skm_path
from generator.render.tables.common import IKM, JUMLAH_IKU, KABUPATEN, KECAMATAN, MUTU, PREDIKAT, RATA_RATA, TAHUN, TERCAPAI


def _ringkasan_baris(lp: LaporanKinerja) -> tuple:
    r = lp.ringkasan
    return r.rata_rata, lp.predikat, r.jumlah_tercapai, r.jumlah


def capaian_terbaru(laporan: Iterable[LaporanKinerja], path: str) -> Tabel:
    t = Tabel(path, "Rata-rata capaian IKU per kecamatan, tahun terakhir yang tersedia",
              "Untuk setiap kecamatan, laporan kinerja tahun terbaru: rata-rata capaian IKU, predikat dan jumlah "
              "IKU tercapai, dan IKM dengan mutu pelayanannya.",
              (KECAMATAN, KABUPATEN, TAHUN, RATA_RATA, PREDIKAT, TERCAPAI, JUMLAH_IKU, IKM, MUTU,
               Kolom("serapan", "Serapan anggaran", "persen", "Realisasi / pagu anggaran kecamatan.", "rumus-serapan")))
    for lp in laporan:
        ikm = (Sel(lp.skm.ikm, tautan=skm_path(lp)), lp.skm.mutu) if lp.skm else (None, None)
        serapan = Sel(lp.anggaran.total.serapan, tautan=anggaran_path(lp)) if lp.anggaran else None
        t.tambah(Sel(lp.kecamatan.profil.nama, tautan=laporan_path(lp)), lp.kabupaten.profil.nama, lp.tahun,
                 *_ringkasan_baris(lp), *ikm, serapan)
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


def ikhtisar_tabel(x: Ikhtisar) -> Tabel:
    kab = x.kabupaten
    shared = kab.profil.indikator_bersama
    cols: list[Kolom] = [KECAMATAN]
    for i in shared:
        cols += [Kolom(i.kode, i.nama, "angka", f"{i.nama} ({i.satuan}).", None),
                 Kolom(f"peringkat_{i.kode}", f"Peringkat {i.nama}", "bilangan", "1 = terbaik.", "rumus-peringkat"),
                 Kolom(f"dari_{i.kode}", "dari", "bilangan", "Jumlah kecamatan dengan data.", "rumus-peringkat",
                       tampil=False)]
    cols += [RATA_RATA, PREDIKAT, IKM, MUTU, Kolom("serapan", "Serapan anggaran", "persen", "", "rumus-serapan")]
    judul = f"Kecamatan di Kabupaten {kab.profil.nama} {x.tahun}"
    t = Tabel(f"{kab.slug}/perbandingan-{x.tahun}/kecamatan", judul,
              "Setiap kecamatan berdampingan; urut menurut "
              + (f"peringkat {x.utama.nama}." if x.utama else
                 "rata-rata capaian IKU."), tuple(cols))
    for r in x.baris:
        name = Sel(r.kecamatan, tautan=laporan_path(r.laporan) if r.laporan else
                   (kecamatan_path(kab.slug, r.slug) if r.slug else None))
        values = []
        for i in shared:
            place = r.bersama.get(i.kode)
            values += [place.nilai if place else None,
                       Sel(place.peringkat, f"{place.peringkat} dari {place.dari}") if place else None,
                       place.dari if place else None]
        lp = r.laporan
        values += [lp.ringkasan.rata_rata if lp else None, lp.predikat if lp else None,
                   lp.skm.ikm if lp and lp.skm else None, lp.skm.mutu if lp and lp.skm else None,
                   lp.anggaran.total.serapan if lp and lp.anggaran else None]
        t.tambah(name, *values)
    return t


def sdm_tabel(lp: LaporanKinerja) -> Tabel:
    t = Tabel(f"{laporan_folder(lp)}/sdm", f"Sumber daya manusia Kecamatan {lp.kecamatan.profil.nama} {lp.tahun}",
              "Jumlah pegawai menurut setiap karakteristik dan persentasenya dalam rincian itu.",
              (Kolom("rincian", "Rincian", kelompok=True), Kolom("dimensi", "Dimensi", tampil=False),
               Kolom("kelompok", "Kelompok", tampil=False), Kolom("kategori", "Kategori"),
               Kolom("jumlah", "Pegawai", "bilangan"),
               Kolom("persen", "Persentase", "persen", "Bagian dari jumlah rincian itu.", "rumus-sdm")),
              sumber=lp.data.sumber_daya.sumber)
    for r in lp.sdm.rincian:
        label = DIMENSI_LABEL[r.dimensi] + ("" if r.kelompok == "semua" else f" ({r.kelompok})")
        for kategori, jumlah, share in r.baris:
            t.tambah(label, r.dimensi, r.kelompok, kategori, jumlah, share)
    return t


DIMENSI_LABEL = {"jenis_kelamin": "Jenis kelamin", "status": "Status kepegawaian", "pendidikan": "Pendidikan",
                 "eselon": "Eselon", "golongan": "Golongan", "jabatan": "Jabatan"}


def aset_tabel(lp: LaporanKinerja) -> Tabel:
    a = lp.aset
    t = Tabel(f"{laporan_folder(lp)}/aset", f"Sarana dan prasarana {lp.tahun} menurut kondisi",
              "Jumlah barang dalam kondisi baik (B), rusak ringan (RR) dan rusak berat (RB).",
              (Kolom("barang", "Barang"), Kolom("satuan", "Satuan"), Kolom("baik", "Baik", "bilangan"),
               Kolom("rusak_ringan", "Rusak ringan", "bilangan"), Kolom("rusak_berat", "Rusak berat", "bilangan"),
               Kolom("jumlah", "Jumlah", "bilangan", "B + RR + RB.", "rumus-aset")),
              sumber=lp.data.sumber_daya.sumber)
    for b, total in a.barang:
        t.tambah(b.nama, b.satuan, b.baik, b.rusak_ringan, b.rusak_berat, total)
    t.kaki = ("Jumlah", None, a.baik, a.rusak_ringan, a.rusak_berat, a.jumlah)
    return t


def nilai_aset_tabel(lp: LaporanKinerja) -> Tabel:
    a = lp.aset
    t = Tabel(f"{laporan_folder(lp)}/nilai-aset", f"Nilai aset per golongan {lp.tahun}",
              "Nilai aset pada awal dan akhir tahun per golongan.",
              (Kolom("golongan", "Golongan aset"), Kolom("awal", "Awal tahun (Rp)", "rupiah"),
               Kolom("akhir", "Akhir tahun (Rp)", "rupiah")), sumber=lp.data.sumber_daya.sumber)
    for n in a.nilai:
        t.tambah(n.golongan, n.awal, n.akhir)
    t.kaki = ("Jumlah", a.nilai_awal, a.nilai_akhir)
    return t

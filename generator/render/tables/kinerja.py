"""Tables of a Laporan Kinerja: IKU, sasaran, program indicators, composite indices, history, benchmarks, the rating scale and the data-quality notes."""

from __future__ import annotations

from generator.compute.laporan import LaporanKinerja, PerbandinganIku, walk_program
from generator.compute.sumber_daya import HasilIndeks, persen
from generator.render.dataset import Kolom, Sel, Tabel
from generator.model.portal import Rentang, SkalaPredikat
from generator.numbers import format_value
from generator.model.content import KabupatenData
from generator.render.paths import anggaran_path, laporan_folder
from generator.render.tables.common import CAPAIAN, INDIKATOR, INDIKATOR_ID, LEVEL_LABEL, PERIODE_LABEL, POLARITAS, PREDIKAT, REALISASI, SATUAN, TAHUN, TARGET, _satuan, _sel_capaian


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
    biaya = {b.id: b for b in lp.biaya if b.jenis == "sasaran"}
    t = Tabel(f"{laporan_folder(lp)}/capaian-sasaran", f"Capaian sasaran {lp.tahun}",
              "Rata-rata capaian yang dinilai dari indikator sasaran yang terukur, program yang mendanainya, "
              "serapan anggarannya dan efisiensi.",
              (Kolom("sasaran", "Sasaran"), Kolom("tujuan", "Tujuan", tampil=False),
               Kolom("jumlah_indikator", "Indikator dirata-rata", "bilangan", "Indikator terukur yang dirata-rata."),
               Kolom("capaian_sasaran", "Capaian sasaran", "persen", "Rata-rata capaian yang dinilai.",
                     "rumus-rata-rata-capaian"), PREDIKAT,
               Kolom("program", "Program pendukung", tampil=lp.anggaran is not None),
               Kolom("serapan", "Serapan anggaran", "persen", "Realisasi / pagu program pendukung.", "rumus-serapan",
                     tampil=lp.anggaran is not None),
               Kolom("efisiensi", "Efisiensi (poin)", "angka", "Capaian − serapan.", "rumus-efisiensi",
                     tampil=lp.anggaran is not None)),
              sumber=lp.data.kinerja.sumber)
    for ht in lp.tujuan:
        for s in ht.sasaran:
            b = biaya.get(s.sasaran.id)
            program = "; ".join(p.node.nama for p in b.program) if b else None
            t.tambah(s.sasaran.nama, ht.tujuan.nama, s.ringkasan.jumlah_dirata, s.ringkasan.rata_rata, s.predikat,
                     Sel(program, tautan=anggaran_path(lp)) if b else None, b.uang.serapan if b else None,
                     b.efisiensi if b else None)
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
    t = Tabel(f"{laporan_folder(lp)}/catatan-kualitas-data/catatan", "Perbedaan antara angka yang dilaporkan dan hasil hitung",
              "Angka yang tercetak di laporan sumber dibandingkan dengan hasil hitung portal.",
              (Kolom("subjek", "Indikator / bagian"), Kolom("berkas", "Berkas"),
               Kolom("lokasi", "Lokasi dalam berkas"), Kolom("besaran", "Besaran"),
               Kolom("dilaporkan", "Dilaporkan", "angka", "Angka seperti tercetak di laporan sumber."),
               Kolom("dihitung", "Dihitung portal", "angka", "Hasil hitung portal dari data masukan.",
                     "rumus-catatan-kualitas-data"),
               Kolom("selisih", "Selisih", "angka", "Dilaporkan − dihitung.", "rumus-catatan-kualitas-data")),
              sumber=lp.data.kinerja.sumber)
    for a in lp.audit:
        selisih = (a.dilaporkan - a.dihitung if isinstance(a.dilaporkan, (int, float))
                   and isinstance(a.dihitung, (int, float)) else None)
        t.tambah(a.subjek, a.berkas, a.lokasi, a.besaran, a.dilaporkan, a.dihitung, selisih)
    return t


def riwayat_tabel(lp: LaporanKinerja, p: PerbandinganIku) -> Tabel:
    ind = p.hasil.indikator
    t = Tabel(f"{laporan_folder(lp)}/riwayat-{ind.id.lower()}", f"Riwayat {ind.nama}",
              "Target, realisasi dan capaian setiap tahun, dengan perubahan dari tahun sebelumnya.",
              (TAHUN, Kolom("target", "Target", "angka"), Kolom("realisasi", "Realisasi", "angka"), CAPAIAN,
               Kolom("perubahan", "Perubahan realisasi", "persen", "Dibanding tahun sebelumnya, relatif.",
                     "rumus-perubahan"),
               Kolom("perubahan_poin", "Perubahan (poin)", "angka", "Dibanding tahun sebelumnya, poin persen.",
                     "rumus-perubahan", tampil=ind.satuan.strip() in ("%", "persen")),
               Kolom("nama", "Nama indikator saat itu"), Kolom("sumber", "Sumber")),
              sumber=lp.data.kinerja.sumber)
    for r in p.riwayat:
        t.tambah(r.tahun, r.target, r.realisasi, r.capaian, r.perubahan, r.perubahan_poin, r.nama, r.sumber)
    return t


def pembanding_tabel(lp: LaporanKinerja, p: PerbandinganIku) -> Tabel:
    ind = p.hasil.indikator
    t = Tabel(f"{laporan_folder(lp)}/pembanding-{ind.id.lower()}", f"{ind.nama} dibandingkan {lp.tahun}",
              f"Realisasi Kecamatan {lp.kecamatan.profil.nama} dibandingkan nilai yang sama di tempat lain.",
              (Kolom("pembanding", "Pembanding"), Kolom("jenis", "Jenis", tampil=False),
               Kolom("nilai", "Nilai pembanding", "angka", "Kosong: tidak tersedia."),
               Kolom("realisasi", "Realisasi", "angka", "Realisasi indikator ini di laporan kecamatan."),
               Kolom("selisih", "Selisih", "angka", "Realisasi kecamatan − nilai pembanding.", "rumus-pembanding"),
               Kolom("rasio", "Rasio", "persen", "Realisasi kecamatan / nilai pembanding × 100.", "rumus-pembanding"),
               Kolom("sumber", "Sumber")), sumber=lp.data.kinerja.sumber)
    for b in p.pembanding:
        nilai = b.nilai if b.nilai is not None else Sel(None, "tidak tersedia")
        t.tambah(b.pembanding, b.jenis, nilai, b.realisasi, b.selisih, b.rasio, b.sumber)
    return t


def indeks_tabel(lp: LaporanKinerja, x: HasilIndeks) -> Tabel:
    t = Tabel(f"{laporan_folder(lp)}/indeks-{x.indeks.id.lower()}", f"{x.indeks.nama}: aspek dan bobot",
              "Nilai setiap aspek, bobot (nilai maksimum) dan bagian dari maksimumnya.",
              (Kolom("aspek", "Aspek"),
               Kolom("skor", "Skor aspek", "angka", "Skor aspek sebelum dibobot, bila tercetak.",
                     tampil=any(a.aspek.skor is not None for a in x.aspek)),
               Kolom("bobot", "Bobot", "angka", "Nilai maksimum aspek.", tampil=x.indeks.cara != "jumlah"),
               Kolom("nilai", "Nilai", "angka", "Poin yang diperoleh aspek ini.", "rumus-indeks"),
               Kolom("persen_maksimum", "Bagian dari maksimum", "persen", "Nilai / bobot × 100.", "rumus-indeks",
                     tampil=x.indeks.cara != "jumlah"),
               Kolom("bobot_tersirat", "Bobot tersirat", "angka", "Nilai / skor, bila bobot tidak diterbitkan.",
                     "rumus-indeks", tampil=x.indeks.cara == "jumlah")),
              sumber=lp.data.indeks.sumber)
    for a in x.aspek:
        t.tambah(a.aspek.nama, a.aspek.skor, a.maksimum, a.poin, a.persen_maksimum, a.bobot_tersirat)
    t.kaki = ("Total", None, x.maksimum, x.total, persen(x.total, x.maksimum), None)
    return t

"""The portal's tables, built from computed results: one function per table, one shared
vocabulary of columns. Each table is shown on its page and published as CSV and JSON."""

from __future__ import annotations

from typing import Iterable

from .compute.anggaran import NodeAnggaran, walk
from .compute.individu import HasilIndividu, HasilJabatan
from .compute.laporan import HasilIndikator, Ikhtisar, LaporanKinerja, PerbandinganIku, audit_individu, walk_program
from .compute.skm import HasilSkm
from .compute.sumber_daya import HasilIndeks, persen
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


# ---------------------------------------------------------------- Hasil SKM

IKM = Kolom("ikm", "IKM", "indeks", "Indeks Kepuasan Masyarakat (25-100).", "rumus-ikm")
MUTU = Kolom("mutu", "Mutu pelayanan", "predikat", "Mutu pelayanan menurut PermenPANRB 14/2017.", "rumus-mutu")


def skm_periode(lp: LaporanKinerja, skm: HasilSkm) -> Tabel:
    t = Tabel(f"{skm_folder(lp)}/ikm-periode", f"IKM per periode {lp.tahun}",
              "IKM dan mutu pelayanan setiap periode survei, responden dan sampel minimum.",
              (Kolom("periode", "Periode"), IKM, MUTU,
               Kolom("dasar", "Dasar perhitungan"),
               Kolom("responden", "Responden", "bilangan", "Jumlah responden (kosong: tidak dilaporkan)."),
               Kolom("pengguna_layanan", "Pengguna layanan", "bilangan", "Populasi pengguna layanan periode itu."),
               Kolom("sampel_minimum", "Sampel minimum", "bilangan", "Krejcie & Morgan dari jumlah pengguna layanan.",
                     "rumus-sampel")),
              sumber=skm.data.skm.sumber)
    for p in skm.periode:
        t.tambah(p.nama, p.ikm, p.mutu, p.dasar, p.responden, p.pengguna_layanan, p.sampel_minimum)
    t.kaki = (f"Tahun {lp.tahun}", skm.ikm, skm.mutu, skm.dasar, skm.responden, None, None)
    return t


def skm_layanan(lp: LaporanKinerja, skm: HasilSkm) -> Tabel:
    t = Tabel(f"{skm_folder(lp)}/ikm-layanan", f"IKM per jenis layanan {lp.tahun}",
              "IKM dan mutu setiap jenis layanan per periode.",
              (Kolom("periode", "Periode", kelompok=True), Kolom("layanan_id", "Kode layanan", tampil=False),
               Kolom("layanan", "Jenis layanan"), IKM, MUTU,
               Kolom("responden", "Responden", "bilangan", "Jumlah responden layanan ini.")),
              sumber=skm.data.skm.sumber)
    for p in skm.periode:
        for x in p.layanan:
            t.tambah(p.nama, x.id, x.nama, x.ikm, x.mutu, x.responden)
    return t


def skm_unsur(lp: LaporanKinerja, skm: HasilSkm, pengumuman: bool = False) -> Tabel:
    """Per-unsur values per period and for the year; for the printed notice, the year only
    with value and mutu."""
    harapan = not pengumuman and any(u.harapan is not None for p in skm.periode for u in p.unsur)
    raw = not pengumuman and any(u.jumlah_jawaban is not None for p in skm.periode for u in p.unsur)
    rows = [] if pengumuman else [(p.nama, p.unsur) for p in skm.periode if p.unsur]
    if len(rows) != 1:
        rows.append((f"Tahun {lp.tahun}", skm.unsur))
    name, title = ("nilai-unsur-tahun", f"Nilai per unsur pelayanan tahun {lp.tahun} (skala 25-100)") if pengumuman \
        else ("nilai-unsur", f"Nilai per unsur pelayanan {lp.tahun}")
    t = Tabel(f"{skm_folder(lp)}/{name}", title,
              "NRR (1-4) dan nilai (25-100) setiap unsur" + (" setahun." if pengumuman else " per periode dan setahun")
              + (", dengan harapan, kesenjangan dan kuadran." if harapan else "."),
              (Kolom("periode", "Periode", kelompok=True, tampil=not pengumuman), Kolom("kode", "Kode", tampil=False),
               Kolom("unsur", "Unsur"),
               Kolom("nrr", "NRR", "indeks", "Nilai rata-rata jawaban (1-4).", "rumus-ikm", tampil=not pengumuman),
               Kolom("nilai", "Nilai (25-100)", "indeks", "NRR × 25.", "rumus-ikm"), MUTU,
               Kolom("jawaban", "Jawaban dihitung", "bilangan", "Jawaban yang dipakai (jawaban kosong tidak "
                     "dihitung).", tampil=raw),
               Kolom("harapan", "Harapan", "indeks", "Rata-rata harapan (1-4).", tampil=harapan),
               Kolom("kesenjangan", "Kesenjangan", "indeks", "Kinerja − harapan (NRR).", "rumus-kuadran",
                     tampil=harapan),
               Kolom("kuadran", "Kuadran", deskripsi="Kuadran analisis kepentingan-kinerja.", rumus="rumus-kuadran",
                     tampil=harapan)),
              sumber=skm.data.skm.sumber, kelas="pengumuman-unsur" if pengumuman else "")
    for nama, unsur in rows:
        for u in unsur:
            t.tambah(nama, u.kode, f"{u.kode} {u.nama}", u.nrr, u.nilai, u.mutu, u.jumlah_jawaban, u.harapan,
                     u.kesenjangan, u.kuadran)
    return t


def skm_profil(lp: LaporanKinerja, skm: HasilSkm) -> Tabel:
    t = Tabel(f"{skm_folder(lp)}/profil-responden", f"Profil responden {lp.tahun}",
              "Jumlah responden per karakteristik; sel dengan kurang dari 5 responden tidak ditampilkan.",
              (Kolom("karakteristik", "Karakteristik", kelompok=True), Kolom("kategori", "Kategori"),
               Kolom("jumlah", "Responden", "bilangan", "Kosong: kurang dari 5 responden (dirahasiakan).")),
              sumber=skm.data.skm.sumber)
    for p in skm.profil:
        for sel in p.sel:
            t.tambah(PROFIL_LABEL[p.kolom], sel.kategori, sel.jumlah if sel.jumlah is not None else Sel(None, "< 5"))
    return t


PROFIL_LABEL = {"jenis_kelamin": "Jenis kelamin", "usia": "Usia", "pendidikan": "Pendidikan",
                "pekerjaan": "Pekerjaan"}


def skm_tindak_lanjut(lp: LaporanKinerja, skm: HasilSkm) -> Tabel:
    t = Tabel(f"{skm_folder(lp)}/rencana-tindak-lanjut", f"Rencana tindak lanjut hasil SKM {lp.tahun}",
              "Prioritas perbaikan dan rencana tindak lanjut yang ditetapkan unit layanan.",
              (Kolom("prioritas", "Prioritas perbaikan"), Kolom("rencana", "Rencana tindak lanjut"),
               Kolom("penanggung_jawab", "Penanggung jawab"), Kolom("waktu", "Waktu")),
              sumber=skm.data.skm.sumber)
    for r in skm.data.skm.tindak_lanjut:
        t.tambah(r.prioritas, r.rencana, r.penanggung_jawab, r.waktu)
    return t


# ---------------------------------------------------------------- over time and side by side


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


# ---------------------------------------------------------------- resources and composite indices


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


# ---------------------------------------------------------------- Anggaran

RUPIAH = {name: Kolom(name, label, "rupiah", f"{label} (rupiah).", "rumus-serapan")
          for name, label in (("pagu_awal", "Pagu awal (Rp)"), ("pagu_perubahan", "Pagu perubahan (Rp)"),
                              ("realisasi_anggaran", "Realisasi (Rp)"), ("sisa", "Sisa (Rp)"))}
SERAPAN = Kolom("serapan", "Serapan", "persen", "Realisasi / pagu × 100.", "rumus-serapan")


def _nama_node(n: NodeAnggaran) -> str:
    return f"{n.node.kode} {n.node.nama}" if n.node.kode else n.node.nama


def _uang_baris(n: NodeAnggaran) -> tuple:
    u = n.uang
    return u.pagu_awal, u.pagu_perubahan, u.realisasi, u.serapan, u.sisa


UANG_KOLOM = (RUPIAH["pagu_awal"], RUPIAH["pagu_perubahan"], RUPIAH["realisasi_anggaran"], SERAPAN, RUPIAH["sisa"])


def anggaran_program(lp: LaporanKinerja) -> Tabel:
    ang = lp.anggaran
    t = Tabel(f"{anggaran_folder(lp)}/anggaran-program", f"Anggaran per program {lp.tahun}",
              "Pagu awal, pagu perubahan, realisasi, serapan dan sisa setiap program.",
              (Kolom("program", "Program"), Kolom("program_id", "Kode program portal", tampil=False), *UANG_KOLOM),
              sumber=lp.data.kinerja.sumber)
    for n in ang.program:
        t.tambah(_nama_node(n), n.node.id, *_uang_baris(n))
    u = ang.total
    t.kaki = ("Jumlah", None, u.pagu_awal, u.pagu_perubahan, u.realisasi, u.serapan, u.sisa)
    return t


def rincian_program(lp: LaporanKinerja, n: NodeAnggaran) -> Tabel:
    t = Tabel(f"{anggaran_folder(lp)}/rincian-{n.node.id.lower()}", f"Rincian {n.node.nama}",
              "Kegiatan dan sub kegiatan program ini dengan anggarannya.",
              (Kolom("uraian", "Kegiatan / sub kegiatan"), Kolom("tingkat", "Tingkat", tampil=False),
               Kolom("id", "Kode portal", tampil=False), *UANG_KOLOM), sumber=lp.data.kinerja.sumber)
    for child in walk(n.anak):
        t.tambah(Sel(_nama_node(child), f"{LEVEL_LABEL[child.level]}: {_nama_node(child)}"), child.level,
                 child.node.id, *_uang_baris(child), kelas=f"level-{child.level}")
    return t


def perubahan_anggaran(lp: LaporanKinerja) -> Tabel:
    t = Tabel(f"{anggaran_folder(lp)}/perubahan-anggaran", f"Perubahan pagu (refocusing) {lp.tahun}",
              "Pagu awal dan pagu perubahan setiap program, selisihnya dan alasannya.",
              (Kolom("program", "Program"), RUPIAH["pagu_awal"], RUPIAH["pagu_perubahan"],
               Kolom("perubahan", "Perubahan (Rp)", "rupiah", "Pagu perubahan − pagu awal.", "rumus-serapan"),
               Kolom("perubahan_persen", "Perubahan", "persen", "Perubahan / pagu awal × 100.", "rumus-serapan"),
               Kolom("alasan", "Alasan perubahan")), sumber=lp.data.kinerja.sumber)
    for n in lp.anggaran.program:
        u = n.uang
        if u.perubahan is not None:
            reason = n.node.anggaran.alasan_perubahan if n.node.anggaran else None
            t.tambah(_nama_node(n), u.pagu_awal, u.pagu_perubahan, u.perubahan, u.perubahan_persen, reason)
    return t


def efisiensi_tabel(lp: LaporanKinerja) -> Tabel:
    t = Tabel(f"{anggaran_folder(lp)}/efisiensi", f"Efisiensi: capaian dibandingkan serapan anggaran {lp.tahun}",
              "Untuk setiap sasaran dan IKU yang didanai program: capaian, serapan dan selisihnya.",
              (Kolom("uraian", "Sasaran / indikator"), Kolom("jenis", "Jenis", tampil=False),
               Kolom("id", "Kode", tampil=False), CAPAIAN, SERAPAN,
               Kolom("efisiensi", "Efisiensi (poin)", "angka", "Capaian − serapan (poin persen).", "rumus-efisiensi"),
               Kolom("program", "Program pendukung")), sumber=lp.data.kinerja.sumber)
    for b in lp.biaya:
        t.tambah(f"{'Sasaran' if b.jenis == 'sasaran' else 'IKU'}: {b.nama}", b.jenis, b.id, b.capaian,
                 b.uang.serapan, b.efisiensi, "; ".join(p.node.nama for p in b.program))
    return t


def biaya_per_hasil(lp: LaporanKinerja) -> Tabel:
    t = Tabel(f"{anggaran_folder(lp)}/biaya-per-hasil", f"Biaya per hasil (cost per outcome) {lp.tahun}",
              "Anggaran program pendukung (pagu, realisasi, serapan) di samping kinerja IKU (target, realisasi, "
              "capaian), dan rupiah per satuan keluaran bila keluarannya berupa hitungan.",
              (INDIKATOR, INDIKATOR_ID, Kolom("pagu", "Anggaran (Rp)", "rupiah", "Pagu program pendukung.",
                                              "rumus-serapan"),
               RUPIAH["realisasi_anggaran"], SERAPAN, TARGET, REALISASI, SATUAN, CAPAIAN,
               Kolom("rupiah_per_satuan", "Rupiah per satuan", "rupiah", "Realisasi anggaran / realisasi keluaran.",
                     "rumus-biaya-per-hasil")), sumber=lp.data.kinerja.sumber)
    for b in lp.biaya:
        if b.jenis == "indikator":
            t.tambah(b.nama, b.id, b.uang.pagu, b.uang.realisasi, b.uang.serapan, b.target, b.realisasi, b.satuan,
                     b.capaian, b.rupiah_per_unit)
    return t


# ---------------------------------------------------------------- Kinerja Individu


def kinerja_jabatan(r: HasilIndividu, j: HasilJabatan) -> Tabel:
    t = Tabel(f"{individu_folder(r)}/{j.jabatan.id.lower()}", f"{j.jabatan.jabatan}: capaian dan biaya per hasil",
              f"Indikator Perjanjian Kinerja {j.jabatan.jabatan}, realisasi sampai triwulan {r.triwulan} "
              f"{r.tahun}, capaian, dan anggarannya.",
              (Kolom("sasaran", "Sasaran", kelompok=True), INDIKATOR_ID, INDIKATOR, SATUAN,
               Kolom("target", "Target", "angka", "Target tahunan Perjanjian Kinerja."),
               Kolom("realisasi", "Realisasi s.d. TW", "angka", "Realisasi kumulatif sampai triwulan ini.",
                     "rumus-realisasi-individu"), CAPAIAN,
               Kolom("pagu", "Anggaran (Rp)", "rupiah", "Pagu anggaran di balik indikator ini.", "rumus-serapan"),
               RUPIAH["realisasi_anggaran"], SERAPAN), sumber=r.data.laporan.sumber)
    for h in j.indikator:
        ind, money = h.indikator, h.indikator.anggaran
        realisasi = Sel(h.realisasi, f"{format_value(h.realisasi)} ({format_value(ind.pembilang)}/"
                        f"{format_value(ind.penyebut)})") if ind.pembilang is not None else h.realisasi
        t.tambah(ind.sasaran, ind.id, ind.nama, ind.satuan, ind.target, realisasi, h.capaian.nilai,
                 money.pagu if money else None, money.realisasi if money else None, h.serapan)
    return t


def catatan_individu(r: HasilIndividu) -> Tabel:
    t = Tabel(f"{individu_folder(r)}/catatan-kualitas-data", "Perbedaan antara angka yang dilaporkan dan hasil hitung",
              "Angka yang tercetak di laporan individu dibandingkan dengan hasil hitung portal.",
              (Kolom("subjek", "Jabatan dan indikator"), Kolom("lokasi", "Lokasi dalam berkas", tampil=False),
               Kolom("besaran", "Besaran"),
               Kolom("dilaporkan", "Dilaporkan", "angka", "Angka seperti tercetak di laporan."),
               Kolom("dihitung", "Dihitung portal", "angka", "Hasil hitung portal.", "rumus-catatan-kualitas-data")),
              sumber=r.data.laporan.sumber)
    for a in audit_individu(r):
        t.tambah(a.subjek, a.lokasi, a.besaran, a.dilaporkan, a.dihitung)
    return t


# ---------------------------------------------------------------- paths


def _index(folder: str) -> str:
    """The source path of the page published as `folder/`."""
    return f"{folder}/index.md"


def kabupaten_path(slug: str) -> str:
    return _index(slug)


def kecamatan_path(kab: str, kec: str) -> str:
    return _index(f"{kab}/{kec}")


def laporan_folder(lp: LaporanKinerja) -> str:
    return f"{lp.kabupaten.slug}/{lp.kecamatan.slug}/{lp.tahun}"


def laporan_path(lp: LaporanKinerja) -> str:
    return _index(laporan_folder(lp))


def audit_path(lp: LaporanKinerja) -> str:
    return _index(f"{laporan_folder(lp)}/catatan-kualitas-data")


def anggaran_folder(lp: LaporanKinerja) -> str:
    return f"{laporan_folder(lp)}/anggaran"


def anggaran_path(lp: LaporanKinerja) -> str:
    return _index(anggaran_folder(lp))


def individu_folder(r: HasilIndividu) -> str:
    return f"{r.kabupaten.slug}/{r.kecamatan.slug}/{r.tahun}/individu-tw{r.triwulan}"


def individu_path(r: HasilIndividu) -> str:
    return _index(individu_folder(r))


def perbandingan_path(kab: str, tahun: int) -> str:
    return _index(f"{kab}/perbandingan-{tahun}")


def ikhtisar_path(x: Ikhtisar) -> str:
    return perbandingan_path(x.kabupaten.slug, x.tahun)


def skm_folder(lp: LaporanKinerja) -> str:
    return f"{laporan_folder(lp)}/skm"


def skm_path(lp: LaporanKinerja) -> str:
    return _index(skm_folder(lp))


def pengumuman_path(lp: LaporanKinerja) -> str:
    return f"{skm_folder(lp)}/pengumuman.md"

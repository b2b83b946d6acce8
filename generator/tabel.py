"""The portal's tables, built from computed results: one function per table, one shared
vocabulary of columns. Each table is shown on its page and published as CSV and JSON."""

from __future__ import annotations

from typing import Iterable

from .compute.laporan import HasilIndikator, LaporanKinerja, walk_program
from .compute.skm import HasilSkm
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
              (KECAMATAN, KABUPATEN, TAHUN, RATA_RATA, PREDIKAT, TERCAPAI, JUMLAH_IKU, IKM, MUTU))
    for lp in laporan:
        ikm = (Sel(lp.skm.ikm, tautan=skm_path(lp)), lp.skm.mutu) if lp.skm else (None, None)
        t.tambah(Sel(lp.kecamatan.profil.nama, tautan=laporan_path(lp)), lp.kabupaten.profil.nama, lp.tahun,
                 *_ringkasan_baris(lp), *ikm)
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
              (Kolom("subjek", "Indikator / survei"), Kolom("berkas", "Berkas", tampil=False),
               Kolom("lokasi", "Lokasi dalam berkas", tampil=False), Kolom("besaran", "Besaran"),
               Kolom("dilaporkan", "Dilaporkan", "angka", "Angka seperti tercetak di laporan sumber."),
               Kolom("dihitung", "Dihitung portal", "angka", "Hasil hitung portal dari data masukan.",
                     "rumus-catatan-kualitas-data")),
              sumber=lp.data.kinerja.sumber)
    for a in lp.audit:
        t.tambah(a.subjek, a.berkas, a.lokasi, a.besaran, a.dilaporkan, a.dihitung)
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


# ---------------------------------------------------------------- paths


def kabupaten_path(slug: str) -> str:
    return f"{slug}/index.md"


def kecamatan_path(kab: str, kec: str) -> str:
    return f"{kab}/{kec}/index.md"


def laporan_folder(lp: LaporanKinerja) -> str:
    return f"{lp.kabupaten.slug}/{lp.kecamatan.slug}/{lp.tahun}"


def laporan_path(lp: LaporanKinerja) -> str:
    return f"{laporan_folder(lp)}/index.md"


def skm_folder(lp: LaporanKinerja) -> str:
    return f"{laporan_folder(lp)}/skm"


def skm_path(lp: LaporanKinerja) -> str:
    return f"{skm_folder(lp)}/index.md"


def pengumuman_path(lp: LaporanKinerja) -> str:
    return f"{skm_folder(lp)}/pengumuman.md"

"""Tables of the Hasil SKM page and the Pengumuman SKM."""

from __future__ import annotations

from generator.compute.laporan import LaporanKinerja
from generator.compute.skm import HasilSkm
from generator.render.dataset import Kolom, Sel, Tabel
from generator.render.paths import skm_folder
from generator.render.tables.common import IKM, MUTU


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

"""Tables of the Kinerja Individu page."""

from __future__ import annotations

from generator.compute.individu import HasilIndividu, HasilJabatan
from generator.compute.laporan import audit_individu
from generator.render.dataset import Kolom, Sel, Tabel
from generator.numbers import format_value
from generator.render.paths import individu_folder
from generator.render.tables.common import CAPAIAN, INDIKATOR, INDIKATOR_ID, RUPIAH, SATUAN, SERAPAN


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

"""Every table of the site, built once from computed results: the page shows it, and the same
definition is its CSV, its JSON and its data-package resource. One module per page kind."""

from generator.render.tables.kabupaten import capaian_terbaru, capaian_kecamatan, desa, laporan_kecamatan, ikhtisar_tabel, sdm_tabel, aset_tabel, nilai_aset_tabel
from generator.render.tables.kinerja import rentang_teks, skala_predikat, capaian_iku, capaian_sasaran, indikator_program, catatan_kualitas, riwayat_tabel, pembanding_tabel, indeks_tabel
from generator.render.tables.skm import skm_periode, skm_layanan, skm_unsur, skm_profil, skm_tindak_lanjut
from generator.render.tables.anggaran import anggaran_program, rincian_program, perubahan_anggaran, efisiensi_tabel, biaya_per_hasil
from generator.render.tables.individu import kinerja_jabatan, catatan_individu

__all__ = ["capaian_terbaru", "capaian_kecamatan", "desa", "laporan_kecamatan", "ikhtisar_tabel", "sdm_tabel", "aset_tabel", "nilai_aset_tabel", "rentang_teks", "skala_predikat", "capaian_iku", "capaian_sasaran", "indikator_program", "catatan_kualitas", "riwayat_tabel", "pembanding_tabel", "indeks_tabel", "skm_periode", "skm_layanan", "skm_unsur", "skm_profil", "skm_tindak_lanjut", "anggaran_program", "rincian_program", "perubahan_anggaran", "efisiensi_tabel", "biaya_per_hasil", "kinerja_jabatan", "catatan_individu"]

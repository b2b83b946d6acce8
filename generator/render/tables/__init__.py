"""Every table of the site, built once from computed results: the page shows it, and the same
definition is its CSV, its JSON and its data-package resource. One module per page kind."""

from generator.render.tables.anggaran import (
    anggaran_program,
    biaya_per_hasil,
    efisiensi_tabel,
    perubahan_anggaran,
    rincian_program,
    riwayat_anggaran,
)
from generator.render.tables.individu import kinerja_jabatan
from generator.render.tables.kabupaten import (
    aset_tabel,
    capaian_kecamatan,
    capaian_terbaru,
    desa,
    laporan_kecamatan,
    mata_pencaharian,
    nilai_aset_tabel,
    overview_table,
    sdm_tabel,
)
from generator.render.tables.kinerja import (
    capaian_iku,
    capaian_sasaran,
    indeks_tabel,
    indikator_program,
    pembanding_tabel,
    rentang_teks,
    riwayat_tabel,
    skala_predikat,
)
from generator.render.tables.register import alamat_tabel, angka_tabel, catatan_kualitas
from generator.render.tables.skm import skm_layanan, skm_periode, skm_profil, skm_tindak_lanjut, skm_unsur

__all__ = [
    "alamat_tabel",
    "anggaran_program",
    "angka_tabel",
    "aset_tabel",
    "biaya_per_hasil",
    "capaian_iku",
    "capaian_kecamatan",
    "capaian_sasaran",
    "capaian_terbaru",
    "catatan_kualitas",
    "desa",
    "efisiensi_tabel",
    "indeks_tabel",
    "indikator_program",
    "kinerja_jabatan",
    "laporan_kecamatan",
    "mata_pencaharian",
    "nilai_aset_tabel",
    "overview_table",
    "pembanding_tabel",
    "perubahan_anggaran",
    "rentang_teks",
    "rincian_program",
    "riwayat_anggaran",
    "riwayat_tabel",
    "sdm_tabel",
    "skala_predikat",
    "skm_layanan",
    "skm_periode",
    "skm_profil",
    "skm_tindak_lanjut",
    "skm_unsur",
]

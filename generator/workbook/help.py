"""The instructions sheet of a workbook, in Indonesian (the clerk's language)."""

from __future__ import annotations

INSTRUCTIONS: tuple[str, ...] = (
    "Cara mengisi buku kerja ini (lengkapnya: halaman Panduan petugas di portal dan FORMAT.md):",
    "1. Jangan ubah kabupaten, kecamatan dan tahun di atas, nama lembar, dan judul kolom (baris 1 setiap lembar).",
    "2. Satu baris = satu butir (satu indikator, satu program, satu desa, ...). Baris kosong diabaikan; "
    "baris boleh ditambah di bawah.",
    "3. Kolom id: huruf, angka, titik, garis bawah dan tanda hubung, tanpa spasi; unik dalam satu tahun. "
    "Kolom induk / tujuan / periode / versi / jabatan menyebut id (atau nama versi) baris induknya.",
    "4. Angka boleh diketik sebagai angka Excel atau sebagai teks gaya Indonesia: 85,5 dan 1.234.567. "
    "Sel berformat persen (85 %) berarti 85. Sel kosong = belum ada data, bukan nol.",
    "5. Pilih isian dari daftar bila kolom menawarkan daftar (polaritas, agregasi, jenis, unsur, ...).",
    "6. Kolom catatan menjadi komentar di berkas konten (tidak diterbitkan). Baris '[kunci] teks' di catatan "
    "menempel pada kunci itu, mis. '[target.pk_awal] Tabel 2.1 halaman 12'.",
    "7. Angka yang tercetak di laporan resmi: lembar Dilaporkan (dilaporkan.csv), satu baris per angka: "
    "alamat (lihat halaman Metodologi portal), nilai persis seperti tercetak (ketik sebagai teks: 83,80), "
    "tempat (tabel/halaman). Portal tetap menghitung sendiri; bedanya tampil di Catatan kualitas data.",
    "8. Lembar Umum: nilai tunggal setiap berkas (sumber, anggaran total, jumlah pegawai, teks narasi, ...).",
    "9. Impor: kinerja impor BERKAS.xlsx. Semua masalah dilaporkan sekaligus sebagai Lembar!Sel; "
    "bila ada satu saja, tidak ada berkas yang ditulis.",
    "10. Jawaban survei dari formulir daring: kinerja impor-skm (lihat Panduan petugas); lembar Jawaban "
    "yang kosong tidak mengubah berkas jawaban yang sudah ada.",
)

SHEET_HELP: dict[str, str] = {
    "Umum": "nilai tunggal setiap berkas: berkas, kunci, nilai, catatan",
    "Tujuan": "tujuan strategis (kinerja.yml)",
    "Sasaran": "sasaran strategis; kolom tujuan = id tujuannya",
    "Indikator": "IKU (induk = id tujuan atau sasaran) dan indikator program (induk = id program, kegiatan atau "
    "sub kegiatan), dengan targetnya",
    "Realisasi": "realisasi per triwulan (tw1-tw4) dan tahunan setiap indikator (realisasi.csv)",
    "Program": "program, kegiatan dan sub kegiatan dengan pagu dan realisasi anggaran; induk kosong = program",
    "SKM layanan": "jenis layanan yang disurvei",
    "SKM periode": "periode survei (semester, triwulan, tahun); berkas = skm-<periode>.csv bila ada jawaban responden",
    "SKM unsur": "nilai per unsur U1-U9 yang sudah diterbitkan (nrr 1-4 atau nilai 25-100, harapan)",
    "SKM IKM layanan": "IKM per jenis layanan yang sudah diterbitkan",
    "SKM tindak lanjut": "rencana tindak lanjut hasil survei",
    "Jawaban <periode>": "jawaban responden satu periode (skm-<periode>.csv; tidak pernah diterbitkan)",
    "Pegawai": "rincian pegawai per dimensi (jenis_kelamin, status, pendidikan, ...): satu kategori per baris",
    "Aset barang": "sarana prasarana: baik, rusak ringan, rusak berat, jumlah",
    "Aset nilai": "nilai aset per golongan, awal dan akhir tahun (rupiah)",
    "Indeks": "indeks komposit (Nilai Sinergitas, AKIP, IPP)",
    "Indeks aspek": "aspek setiap indeks dengan bobot dan nilai; kolom indeks = id indeksnya",
    "Narasi sasaran": "faktor pendukung, penghambat dan solusi per sasaran",
    "Inovasi": "inovasi kecamatan",
    "Penghargaan": "penghargaan yang diterima",
    "Individu jabatan": "laporan kinerja individu: satu baris per jabatan per triwulan",
    "Individu indikator": "indikator kinerja individu; kolom jabatan = id jabatannya",
    "Individu triwulan": "realisasi satu triwulan saja per indikator individu; kolom indikator = id indikatornya",
    "Dilaporkan": "angka seperti tercetak di laporan resmi (dilaporkan.csv): alamat, nilai, tempat, catatan; "
    "dibandingkan dengan hasil hitung portal",
    "Desa": "desa/kelurahan dengan penduduk, KK dan luas (kecamatan.yml, sama untuk semua tahun)",
    "Pejabat": "pejabat kecamatan (nama dan jabatan diterbitkan; NIP tidak)",
    "Mata pencaharian": "bagian penduduk (persen) per sektor mata pencaharian (kecamatan.yml, sama untuk semua tahun)",
    "Riwayat": "target dan realisasi tahun-tahun sebelumnya",
    "Riwayat anggaran": "pagu dan realisasi anggaran tahun-tahun sebelumnya yang tidak punya folder tahun sendiri "
    "(riwayat-anggaran.csv)",
    "Pembanding": "nilai pembanding: kabupaten, provinsi, nasional, kecamatan lain",
    "Renstra versi": "versi Renstra (sebelum/sesudah perubahan)",
    "Renstra target": "target Renstra per indikator per tahun; kolom versi = nama versinya",
    "Daftar": "isi daftar pilihan (jangan diubah)",
}

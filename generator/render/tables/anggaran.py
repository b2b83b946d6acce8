"""Tables of the Anggaran page."""

from __future__ import annotations

from generator.compute.anggaran import NodeAnggaran, walk
from generator.compute.laporan import LaporanKinerja
from generator.render.dataset import Kolom, Sel, Tabel
from generator.render.paths import anggaran_folder
from generator.render.tables.common import CAPAIAN, INDIKATOR, INDIKATOR_ID, LEVEL_LABEL, REALISASI, RUPIAH, SATUAN, SERAPAN, TARGET


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

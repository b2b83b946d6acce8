"""Tables of the Anggaran page."""

from __future__ import annotations

from dataclasses import replace

from generator.compute.anggaran import AnggaranNode, AnggaranResult, perubahan_serapan, walk
from generator.compute.laporan import LaporanKinerja
from generator.render.dataset import Cell, Column, Table
from generator.render.paths import anggaran_folder
from generator.render.tables.common import (
    CAPAIAN,
    CATATAN,
    INDIKATOR,
    INDIKATOR_ID,
    LEVEL_LABEL,
    REALISASI,
    RUPIAH,
    SATUAN,
    SERAPAN,
    TAHUN,
    TARGET,
    catatan_cell,
)


def _nama_node(n: AnggaranNode) -> str:
    return f"{n.node.kode} {n.node.nama}" if n.node.kode else n.node.nama


def _uang_baris(n: AnggaranNode) -> tuple[float | None, ...]:
    u = n.uang
    return u.pagu_awal, u.pagu_perubahan, u.realisasi, u.serapan, u.sisa


UANG_KOLOM = (RUPIAH["pagu_awal"], RUPIAH["pagu_perubahan"], RUPIAH["realisasi_anggaran"], SERAPAN, RUPIAH["sisa"])


def _catatan_kolom(lp: LaporanKinerja, prefixes: list[str]) -> Column:
    """The mark column, shown when a row's printed figures differ from the computed ones
    (`prefixes`: the rows' address prefixes, `anggaran/P1`)."""
    return replace(CATATAN, shown=any(catatan_cell(lp, p) for p in prefixes))


def anggaran_program(lp: LaporanKinerja, ang: AnggaranResult) -> Table:
    t = Table(
        f"{anggaran_folder(lp)}/anggaran-program",
        f"Anggaran per program {lp.tahun}",
        "Pagu awal, pagu perubahan, realisasi, serapan dan sisa setiap program; pagu dan realisasi program "
        "yang dirinci adalah jumlah rinciannya.",
        (
            Column("program", "Program"),
            Column("program_id", "Kode program portal", shown=False),
            *UANG_KOLOM,
            _catatan_kolom(lp, [f"anggaran/{n}" for n in [*(p.node.id for p in ang.program), "total"]]),
        ),
        source=lp.data.kinerja.sumber,
    )
    for n in ang.program:
        t.add_row(_nama_node(n), n.node.id, *_uang_baris(n), catatan_cell(lp, f"anggaran/{n.node.id}"))
    u = ang.total
    t.footer = (
        "Jumlah",
        None,
        u.pagu_awal,
        u.pagu_perubahan,
        u.realisasi,
        u.serapan,
        u.sisa,
        catatan_cell(lp, "anggaran/total"),
    )
    return t


def rincian_program(lp: LaporanKinerja, n: AnggaranNode) -> Table:
    t = Table(
        f"{anggaran_folder(lp)}/rincian-{n.node.id.lower()}",
        f"Rincian {n.node.nama}",
        "Kegiatan dan sub kegiatan program ini dengan anggarannya.",
        (
            Column("uraian", "Kegiatan / sub kegiatan"),
            Column("tingkat", "Tingkat", shown=False),
            Column("id", "Kode portal", shown=False),
            *UANG_KOLOM,
            _catatan_kolom(lp, [f"anggaran/{c.node.id}" for c in walk(n.anak)]),
        ),
        source=lp.data.kinerja.sumber,
    )
    for child in walk(n.anak):
        t.add_row(
            Cell(_nama_node(child), f"{LEVEL_LABEL[child.level]}: {_nama_node(child)}"),
            child.level,
            child.node.id,
            *_uang_baris(child),
            catatan_cell(lp, f"anggaran/{child.node.id}"),
            css_class=f"level-{child.level}",
        )
    return t


def perubahan_anggaran(lp: LaporanKinerja, ang: AnggaranResult) -> Table:
    refocusing = any(n.uang.refocusing is not None for n in ang.program)
    t = Table(
        f"{anggaran_folder(lp)}/perubahan-anggaran",
        f"Perubahan pagu (refocusing) {lp.tahun}",
        "Pagu awal dan pagu perubahan setiap program, selisihnya, refocusing yang tercatat dan alasannya.",
        (
            Column("program", "Program"),
            RUPIAH["pagu_awal"],
            RUPIAH["pagu_perubahan"],
            Column("perubahan", "Perubahan (Rp)", "rupiah", "Pagu perubahan − pagu awal.", "rumus-serapan"),
            Column("perubahan_persen", "Perubahan", "persen", "Perubahan / pagu awal × 100.", "rumus-serapan"),
            Column(
                "refocusing",
                "Refocusing (Rp)",
                "rupiah",
                "Pengurangan pagu karena refocusing, seperti tercatat.",
                shown=refocusing,
            ),
            Column(
                "pagu_awal_dikurangi_refocusing",
                "Pagu awal − refocusing (Rp)",
                "rupiah",
                "Pagu perubahan yang diharapkan bila refocusing satu-satunya perubahan.",
                "rumus-serapan",
                shown=refocusing,
            ),
            Column("alasan", "Alasan perubahan"),
        ),
        source=lp.data.kinerja.sumber,
    )
    for n in ang.program:
        u = n.uang
        if u.perubahan is not None or u.refocusing is not None:
            reason = n.node.anggaran.alasan_perubahan if n.node.anggaran else None
            t.add_row(
                _nama_node(n),
                u.pagu_awal,
                u.pagu_perubahan,
                u.perubahan,
                u.perubahan_persen,
                u.refocusing,
                u.pagu_awal_dikurangi_refocusing,
                reason,
            )
    return t


def riwayat_anggaran(lp: LaporanKinerja) -> Table:
    """Every year's budget up to the report's (budget history and reports), with the change of
    serapan from the year before."""
    changes = {(x.dari, x.ke): x for x in perubahan_serapan(lp.riwayat_anggaran)}
    rows = [
        (y, f"riwayat-anggaran/{y.tahun}", f"perubahan/anggaran-serapan/{y.tahun - 1}-{y.tahun}")
        for y in lp.riwayat_anggaran
    ]
    t = Table(
        f"{anggaran_folder(lp)}/riwayat-anggaran",
        f"Riwayat serapan anggaran {lp.riwayat_anggaran[0].tahun}–{lp.tahun}",
        "Pagu, realisasi dan serapan anggaran kecamatan setiap tahun, dengan perubahan serapan dari tahun sebelumnya.",
        (
            TAHUN,
            Column("pagu", "Pagu (Rp)", "rupiah", "Pagu anggaran tahun itu (rupiah).", "rumus-serapan"),
            RUPIAH["realisasi_anggaran"],
            SERAPAN,
            Column(
                "selisih_serapan",
                "Perubahan serapan (poin)",
                "angka",
                "Serapan − serapan tahun sebelumnya (poin persen).",
                "rumus-perubahan",
            ),
            Column("sumber", "Sumber"),
            Column(
                "keterangan", "Keterangan", description="Catatan baris ini (di halaman: di bawah tabel).", shown=False
            ),
            _catatan_kolom(lp, [p for _, own, change in rows for p in (own, change)]),
        ),
        source=lp.data.kinerja.sumber,
    )
    for y, own, change in rows:
        x = changes.get((y.tahun - 1, y.tahun))
        t.add_row(
            y.tahun,
            y.pagu,
            y.realisasi,
            y.serapan,
            x.selisih if x else None,
            y.sumber,
            y.keterangan,
            catatan_cell(lp, own) or catatan_cell(lp, change),
        )
    return t


def efisiensi_tabel(lp: LaporanKinerja) -> Table:
    t = Table(
        f"{anggaran_folder(lp)}/efisiensi",
        f"Efisiensi: capaian dibandingkan serapan anggaran {lp.tahun}",
        "Untuk setiap sasaran dan IKU yang didanai program: capaian, serapan dan selisihnya.",
        (
            Column("uraian", "Sasaran / indikator"),
            Column("jenis", "Jenis", shown=False),
            Column("id", "Kode", shown=False),
            CAPAIAN,
            SERAPAN,
            Column("efisiensi", "Efisiensi (poin)", "angka", "Capaian − serapan (poin persen).", "rumus-efisiensi"),
            Column("program", "Program pendukung"),
        ),
        source=lp.data.kinerja.sumber,
    )
    for b in lp.biaya:
        t.add_row(
            f"{'Sasaran' if b.jenis == 'sasaran' else 'IKU'}: {b.nama}",
            b.jenis,
            b.id,
            b.capaian,
            b.uang.serapan,
            b.efisiensi,
            "; ".join(p.node.nama for p in b.program),
        )
    return t


def biaya_per_hasil(lp: LaporanKinerja) -> Table:
    t = Table(
        f"{anggaran_folder(lp)}/biaya-per-hasil",
        f"Biaya per hasil (cost per outcome) {lp.tahun}",
        "Anggaran program pendukung (pagu, realisasi, serapan) di samping kinerja IKU (target, realisasi, "
        "capaian), dan rupiah per satuan keluaran bila keluarannya berupa hitungan.",
        (
            INDIKATOR,
            INDIKATOR_ID,
            Column("pagu", "Anggaran (Rp)", "rupiah", "Pagu program pendukung.", "rumus-serapan"),
            RUPIAH["realisasi_anggaran"],
            SERAPAN,
            TARGET,
            REALISASI,
            SATUAN,
            CAPAIAN,
            Column(
                "rupiah_per_satuan",
                "Rupiah per satuan",
                "rupiah",
                "Realisasi anggaran / realisasi keluaran.",
                "rumus-biaya-per-hasil",
            ),
        ),
        source=lp.data.kinerja.sumber,
    )
    for b in lp.biaya:
        if b.jenis == "indikator":
            t.add_row(
                b.nama,
                b.id,
                b.uang.pagu,
                b.uang.realisasi,
                b.uang.serapan,
                b.target,
                b.realisasi,
                b.satuan,
                b.capaian,
                b.rupiah_per_unit,
            )
    return t

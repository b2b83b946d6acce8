"""Tables of a Laporan Kinerja: IKU, sasaran, program indicators, composite indices, history, benchmarks and the rating scale."""

from __future__ import annotations

from dataclasses import replace

from generator.compute.capaian import TANPA_TARGET, persen_satuan
from generator.compute.laporan import LaporanKinerja, walk_program
from generator.compute.perbandingan import RiwayatRow
from generator.compute.portal import IkuComparison
from generator.compute.sumber_daya import IndeksResult, persen
from generator.model.content import KabupatenData
from generator.model.portal import Rentang, SkalaPredikat
from generator.numbers import format_value
from generator.render.dataset import Cell, Column, Table
from generator.render.paths import anggaran_path, laporan_folder
from generator.render.tables.common import (
    CAPAIAN,
    INDIKATOR,
    INDIKATOR_ID,
    LEVEL_LABEL,
    PEMBILANG,
    PENYEBUT,
    PERIODE_LABEL,
    POLARITAS,
    PREDIKAT,
    REALISASI,
    SATUAN,
    TAHUN,
    TARGET,
    TARGET_RENJA,
    capaian_cell,
    satuan_cell,
)


def rentang_teks(r: Rentang) -> str:
    """`≥ 90 % s.d. ≤ 100 %`: an interval in words a citizen reads."""
    bawah = f"{'≥' if r.bawah_inklusif else '>'} {format_value(r.bawah)} %" if r.bawah is not None else None
    atas = f"{'≤' if r.atas_inklusif else '<'} {format_value(r.atas)} %" if r.atas is not None else None
    return " s.d. ".join(p for p in (bawah, atas) if p)


def skala_predikat(kab: KabupatenData) -> Table:
    s: SkalaPredikat = kab.profil.skala_predikat
    t = Table(
        f"{kab.slug}/skala-predikat",
        f"Skala predikat Kabupaten {kab.profil.nama}: {s.nama}",
        "Rentang capaian dan predikatnya." + (f" Dasar: {s.dasar}." if s.dasar else ""),
        (
            Column("rentang", "Rentang capaian"),
            Column(
                "batas_bawah", "Batas bawah", "angka", "Batas bawah rentang (persen); kosong: tanpa batas.", shown=False
            ),
            Column("bawah_inklusif", "Batas bawah termasuk", description="ya/tidak", shown=False),
            Column(
                "batas_atas", "Batas atas", "angka", "Batas atas rentang (persen); kosong: tanpa batas.", shown=False
            ),
            Column("atas_inklusif", "Batas atas termasuk", description="ya/tidak", shown=False),
            Column("kode", "Kode predikat", shown=False),
            PREDIKAT,
        ),
        source=str(kab.profil.skala_predikat.dasar or ""),
    )
    for r in s.rentang:
        t.add_row(
            rentang_teks(r),
            r.bawah,
            "ya" if r.bawah_inklusif else "tidak",
            r.atas,
            "ya" if r.atas_inklusif else "tidak",
            r.kode,
            r,
        )
    return t


def capaian_iku(lp: LaporanKinerja) -> Table:
    folder = laporan_folder(lp)
    periode = tuple(
        Column(f"realisasi_{p}", f"Realisasi {label}", "angka", f"Realisasi {label}.")
        for p, label in PERIODE_LABEL.items()
    )
    renstra = {c.hasil.indikator.id: c.renstra.target_tahun for c in lp.perbandingan if c.renstra}
    t = Table(
        f"{folder}/capaian-iku",
        f"Target, realisasi per triwulan, capaian dan predikat IKU {lp.tahun}",
        f"Indikator Kinerja Utama Kecamatan {lp.kecamatan.profil.nama} {lp.tahun}.",
        (
            Column("tujuan", "Tujuan", shown=False),
            Column(
                "sasaran",
                "Tujuan / sasaran",
                group=True,
                description="Sasaran (kosong untuk indikator tingkat tujuan).",
            ),
            INDIKATOR_ID,
            INDIKATOR,
            SATUAN,
            POLARITAS,
            Column(
                "target_renstra",
                "Target Renstra",
                "angka",
                "Target Renstra tahun ini (renstra.yml, versi yang berlaku; ditampilkan, tidak dipakai untuk capaian).",
                "rumus-renstra",
                shown=any(v is not None for v in renstra.values()),
            ),
            replace(TARGET_RENJA, shown=any(h.indikator.target.renja is not None for h in lp.iku)),
            Column("target_pk_awal", "Target PK awal", "angka", "Target Perjanjian Kinerja awal."),
            Column("target_pk_perubahan", "Target PK perubahan", "angka", "Target Perjanjian Kinerja perubahan."),
            Column("realisasi", "Realisasi tahunan", "angka", REALISASI.description, REALISASI.formula),
            PEMBILANG,
            PENYEBUT,
            CAPAIAN,
            PREDIKAT,
            *periode,
        ),
        source=lp.data.kinerja.sumber,
        css_class="tabel-iku",
    )
    for ht in lp.tujuan:
        rows = [(None, h) for h in ht.indikator] + [(s.sasaran.nama, h) for s in ht.sasaran for h in s.indikator]
        for sasaran, h in rows:
            label = Cell(sasaran, f"Sasaran: {sasaran}") if sasaran else Cell(None, f"Tujuan: {ht.tujuan.nama}")
            ind = h.indikator
            t.add_row(
                ht.tujuan.nama,
                label,
                ind.id,
                ind.nama,
                satuan_cell(h),
                ind.polaritas,
                renstra.get(ind.id),
                ind.target.renja,
                ind.target.pk_awal,
                ind.target.pk_perubahan,
                h.realisasi,
                h.pembilang,
                h.penyebut,
                capaian_cell(h),
                h.predikat,
                *(h.periode.get(p) for p in PERIODE_LABEL),
            )
    return t


def capaian_sasaran(lp: LaporanKinerja) -> Table:
    biaya = {b.id: b for b in lp.biaya if b.jenis == "sasaran"}
    t = Table(
        f"{laporan_folder(lp)}/capaian-sasaran",
        f"Capaian sasaran {lp.tahun}",
        "Rata-rata capaian yang dinilai dari indikator sasaran yang terukur, program yang mendanainya, "
        "serapan anggarannya dan efisiensi.",
        (
            Column("sasaran", "Sasaran"),
            Column("tujuan", "Tujuan", shown=False),
            Column("jumlah_indikator", "Indikator dirata-rata", "bilangan", "Indikator terukur yang dirata-rata."),
            Column(
                "capaian_sasaran",
                "Capaian sasaran",
                "persen",
                "Rata-rata capaian yang dinilai.",
                "rumus-rata-rata-capaian",
            ),
            PREDIKAT,
            Column("program", "Program pendukung", shown=lp.anggaran is not None),
            Column(
                "serapan",
                "Serapan anggaran",
                "persen",
                "Realisasi / pagu program pendukung.",
                "rumus-serapan",
                shown=lp.anggaran is not None,
            ),
            Column(
                "efisiensi",
                "Efisiensi (poin)",
                "angka",
                "Capaian − serapan.",
                "rumus-efisiensi",
                shown=lp.anggaran is not None,
            ),
        ),
        source=lp.data.kinerja.sumber,
    )
    for ht in lp.tujuan:
        for s in ht.sasaran:
            b = biaya.get(s.sasaran.id)
            program = "; ".join(p.node.nama for p in b.program) if b else None
            t.add_row(
                s.sasaran.nama,
                ht.tujuan.nama,
                s.ringkasan.jumlah_dirata,
                s.ringkasan.rata_rata,
                s.predikat,
                Cell(program, link=anggaran_path(lp)) if b else None,
                b.uang.serapan if b else None,
                b.efisiensi if b else None,
            )
    return t


def indikator_program(lp: LaporanKinerja) -> Table:
    nodes = list(walk_program(lp))
    t = Table(
        f"{laporan_folder(lp)}/indikator-program",
        f"Indikator program, kegiatan dan sub kegiatan {lp.tahun}",
        "Indikator program, kegiatan dan sub kegiatan yang mendukung sasaran.",
        (
            Column("program_kegiatan", "Program / kegiatan", group=True),
            Column("tingkat", "Tingkat", shown=False),
            Column("kode", "Kode", shown=False),
            Column("nama", "Nama program / kegiatan", shown=False),
            INDIKATOR_ID,
            INDIKATOR,
            SATUAN,
            replace(TARGET_RENJA, shown=any(h.indikator.target.renja is not None for n in nodes for h in n.indikator)),
            TARGET,
            REALISASI,
            PEMBILANG,
            PENYEBUT,
            CAPAIAN,
            PREDIKAT,
        ),
        source=lp.data.kinerja.sumber,
        css_class="tabel-program",
    )
    for n in nodes:
        kode = n.node.kode or ""
        label = Cell(
            f"{kode} {n.node.nama}".strip(), f"{LEVEL_LABEL[n.level]}: {kode} {n.node.nama}".replace("  ", " ")
        )
        common = (label, n.level, n.node.kode, n.node.nama)
        if not n.indikator:
            t.add_row(
                *common,
                None,
                Cell(None, "tanpa indikator"),
                *(None,) * 8,
                css_class=f"level-{n.level}",
            )
        for h in n.indikator:
            t.add_row(
                *common,
                h.indikator.id,
                h.indikator.nama,
                h.indikator.satuan,
                h.indikator.target.renja,
                h.target if h.target is not None else Cell(None, TANPA_TARGET),
                h.realisasi,
                h.pembilang,
                h.penyebut,
                capaian_cell(h),
                h.predikat,
                css_class=f"level-{n.level}",
            )
    return t


def riwayat_tabel(lp: LaporanKinerja, ident: str, nama: str, satuan: str, rows: tuple[RiwayatRow, ...]) -> Table:
    """An indicator's years: target, realisasi, capaian, change from the year before, notes."""
    t = Table(
        f"{laporan_folder(lp)}/riwayat-{ident.lower()}",
        f"Riwayat {nama}",
        "Target, realisasi dan capaian setiap tahun, dengan perubahan dari tahun sebelumnya.",
        (
            TAHUN,
            Column("target", "Target", "angka"),
            Column("realisasi", "Realisasi", "angka"),
            CAPAIAN,
            Column(
                "selisih",
                "Perubahan (poin)" if persen_satuan(satuan) else f"Perubahan ({satuan})" if satuan else "Perubahan",
                "angka",
                "Realisasi − realisasi tahun sebelumnya, dalam satuan indikator (poin persen untuk persentase).",
                "rumus-perubahan",
            ),
            Column("perubahan", "Perubahan (%)", "persen", "Dibanding tahun sebelumnya, relatif.", "rumus-perubahan"),
            Column("nama", "Nama indikator saat itu"),
            Column("sumber", "Sumber"),
            Column(
                "keterangan", "Keterangan", description="Catatan baris ini (di halaman: di bawah tabel).", shown=False
            ),
        ),
        source=lp.data.kinerja.sumber,
    )
    for r in rows:
        t.add_row(r.tahun, r.target, r.realisasi, r.capaian, r.selisih, r.perubahan, r.nama, r.sumber, r.keterangan)
    return t


def pembanding_tabel(lp: LaporanKinerja, p: IkuComparison) -> Table:
    ind = p.hasil.indikator
    t = Table(
        f"{laporan_folder(lp)}/pembanding-{ind.id.lower()}",
        f"{ind.nama} dibandingkan {lp.tahun}",
        f"Realisasi Kecamatan {lp.kecamatan.profil.nama} dibandingkan nilai yang sama di tempat lain.",
        (
            Column("pembanding", "Pembanding"),
            Column("jenis", "Jenis", shown=False),
            Column("nilai", "Nilai pembanding", "angka", "Kosong: tidak tersedia."),
            Column("realisasi", "Realisasi", "angka", "Realisasi indikator ini di laporan kecamatan."),
            Column("selisih", "Selisih", "angka", "Realisasi kecamatan − nilai pembanding.", "rumus-pembanding"),
            Column(
                "selisih_relatif",
                "Selisih relatif",
                "persen",
                "(Realisasi kecamatan − nilai pembanding) / nilai pembanding × 100.",
                "rumus-pembanding",
            ),
            Column("rasio", "Rasio", "persen", "Realisasi kecamatan / nilai pembanding × 100.", "rumus-pembanding"),
            Column("sumber", "Sumber"),
        ),
        source=lp.data.kinerja.sumber,
    )
    for b in p.pembanding:
        nilai = b.nilai if b.nilai is not None else Cell(None, "tidak tersedia")
        t.add_row(b.pembanding, b.jenis, nilai, b.realisasi, b.selisih, b.selisih_relatif, b.rasio, b.sumber)
    return t


def indeks_tabel(lp: LaporanKinerja, x: IndeksResult) -> Table:
    if lp.data.indeks is None:
        raise ValueError(f"{laporan_folder(lp)}: index results without indeks.yml")
    t = Table(
        f"{laporan_folder(lp)}/indeks-{x.indeks.id.lower()}",
        f"{x.indeks.nama}: aspek dan bobot",
        "Nilai setiap aspek, bobot (nilai maksimum) dan bagian dari maksimumnya.",
        (
            Column("aspek", "Aspek"),
            Column(
                "skor",
                "Skor aspek",
                "angka",
                "Skor aspek sebelum dibobot, bila tercetak.",
                shown=any(a.aspek.skor is not None for a in x.aspek),
            ),
            Column("bobot", "Bobot", "angka", "Nilai maksimum aspek.", shown=x.indeks.cara != "jumlah"),
            Column("nilai", "Nilai", "angka", "Poin yang diperoleh aspek ini.", "rumus-indeks"),
            Column(
                "persen_maksimum",
                "Bagian dari maksimum",
                "persen",
                "Nilai / bobot × 100.",
                "rumus-indeks",
                shown=x.indeks.cara != "jumlah",
            ),
            Column(
                "bobot_tersirat",
                "Bobot tersirat",
                "angka",
                "Nilai / skor, bila bobot tidak diterbitkan.",
                "rumus-indeks",
                shown=x.indeks.cara == "jumlah",
            ),
        ),
        source=lp.data.indeks.sumber,
    )
    for a in x.aspek:
        t.add_row(a.aspek.nama, a.aspek.skor, a.maksimum, a.poin, a.persen_maksimum, a.bobot_tersirat)
    t.footer = ("Total", None, x.maksimum, x.total, persen(x.total, x.maksimum), None)
    return t

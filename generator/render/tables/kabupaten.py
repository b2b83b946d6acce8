"""Tables of the home, kabupaten and kecamatan pages: latest results, reports per year, desa, livelihoods,
overview, staff and assets."""

from __future__ import annotations

from collections.abc import Iterable

from generator.compute.laporan import LaporanKinerja
from generator.compute.portal import Overview
from generator.compute.skm import Mutu
from generator.compute.sumber_daya import KONDISI, AsetResult, SdmResult
from generator.compute.wilayah import Wilayah
from generator.model.content import KabupatenData, KecamatanData
from generator.model.portal import Rentang
from generator.render.dataset import Cell, Column, Table
from generator.render.paths import anggaran_path, kecamatan_path, laporan_folder, laporan_path, skm_path
from generator.render.tables.common import (
    IKM,
    JUMLAH_IKU,
    KABUPATEN,
    KECAMATAN,
    MUTU,
    PREDIKAT,
    RATA_RATA,
    TAHUN,
    TERCAPAI,
)


def _summary_row(lp: LaporanKinerja) -> tuple[float | None, Rentang | None, int, int]:
    r = lp.ringkasan
    return r.rata_rata, lp.predikat, r.jumlah_tercapai, r.jumlah


def capaian_terbaru(laporan: Iterable[LaporanKinerja], path: str) -> Table:
    t = Table(
        path,
        "Rata-rata capaian IKU per kecamatan, tahun terakhir yang tersedia",
        "Untuk setiap kecamatan, laporan kinerja tahun terbaru: rata-rata capaian IKU, predikat dan jumlah "
        "IKU tercapai, dan IKM dengan mutu pelayanannya.",
        (
            KECAMATAN,
            KABUPATEN,
            TAHUN,
            RATA_RATA,
            PREDIKAT,
            Column("skala", "Skala predikat", description="Skala kabupaten yang memberi predikat itu."),
            TERCAPAI,
            JUMLAH_IKU,
            IKM,
            MUTU,
            Column("serapan", "Serapan anggaran", "persen", "Realisasi / pagu anggaran kecamatan.", "rumus-serapan"),
        ),
    )
    for lp in laporan:
        ikm = _ikm_cells(lp)
        serapan = Cell(lp.anggaran.total.serapan, link=anggaran_path(lp)) if lp.anggaran else None
        t.add_row(
            Cell(lp.kecamatan.profil.nama, link=laporan_path(lp)),
            lp.kabupaten.profil.nama,
            lp.tahun,
            lp.ringkasan.rata_rata,
            lp.predikat,
            lp.kabupaten.profil.skala_predikat.nama,
            lp.ringkasan.jumlah_tercapai,
            lp.ringkasan.jumlah,
            *ikm,
            serapan,
        )
    return t


def _ikm_cells(lp: LaporanKinerja) -> tuple[Cell | None, Mutu | None]:
    """IKM and mutu cells of a report: linked to its Hasil SKM; a synthetic survey's IKM is not
    the kecamatan's and stays out of the data (the cell says why)."""
    if lp.skm is None:
        return None, None
    if lp.skm.data.skm.sintetis:
        return Cell(None, "contoh sintetis", skm_path(lp)), None
    return Cell(lp.skm.ikm, link=skm_path(lp)), lp.skm.mutu


def capaian_kecamatan(kab: KabupatenData, laporan: Iterable[LaporanKinerja]) -> Table:
    t = Table(
        f"{kab.slug}/capaian-kecamatan",
        f"Rata-rata capaian IKU setiap kecamatan di Kabupaten {kab.profil.nama} per tahun",
        "Urut menurut tahun (terbaru dahulu), lalu rata-rata capaian tertinggi.",
        (KECAMATAN, TAHUN, RATA_RATA, PREDIKAT, TERCAPAI, JUMLAH_IKU),
    )
    for lp in laporan:
        t.add_row(
            Cell(lp.kecamatan.profil.nama, link=kecamatan_path(kab.slug, lp.kecamatan.slug)),
            Cell(lp.tahun, link=laporan_path(lp)),
            *_summary_row(lp),
        )
    return t


def desa(kab: KabupatenData, kec: KecamatanData, w: Wilayah) -> Table:
    t = Table(
        f"{kab.slug}/{kec.slug}/desa",
        f"{_desa_kelurahan(w)}: penduduk dan kepala keluarga",
        f"Penduduk dan kepala keluarga per desa/kelurahan Kecamatan {kec.profil.nama}.",
        (
            Column("desa", "Desa / kelurahan"),
            Column("jenis", "Jenis", shown=False),
            Column("laki_laki", "Laki-laki", "bilangan", "Penduduk laki-laki (jiwa)."),
            Column("perempuan", "Perempuan", "bilangan", "Penduduk perempuan (jiwa)."),
            Column("penduduk", "Jumlah penduduk", "bilangan", "Jumlah penduduk (jiwa).", "rumus-penduduk"),
            Column("kepala_keluarga", "Kepala keluarga", "bilangan", "Jumlah kepala keluarga."),
        ),
        source=kec.profil.sumber or "",
    )
    for d in w.desa:
        label = f"{d.desa.nama} (kelurahan)" if d.desa.jenis == "kelurahan" else None
        t.add_row(
            Cell(d.desa.nama, label),
            d.desa.jenis,
            d.desa.penduduk_laki_laki,
            d.desa.penduduk_perempuan,
            d.penduduk,
            d.desa.jumlah_kk,
        )
    t.footer = ("Jumlah", None, w.laki_laki, w.perempuan, w.penduduk, w.kk)
    return t


def mata_pencaharian(kab: KabupatenData, kec: KecamatanData, w: Wilayah) -> Table:
    t = Table(
        f"{kab.slug}/{kec.slug}/mata-pencaharian",
        "Mata pencaharian penduduk",
        f"Bagian penduduk Kecamatan {kec.profil.nama} menurut sektor mata pencaharian, seperti tercetak.",
        (
            Column("sektor", "Sektor"),
            Column("persen", "Persentase penduduk", "persen", "Bagian penduduk di sektor ini (persen)."),
        ),
        source=kec.profil.sumber or "",
        css_class="tabel-mata-pencaharian",  # a class: the portal's table style, not the theme's plain one
    )
    for x in kec.profil.mata_pencaharian:
        t.add_row(x.sektor, x.persen)
    t.footer = ("Jumlah", w.jumlah_persen_mata_pencaharian)
    return t


def _desa_kelurahan(w: Wilayah) -> str:
    """`13 desa`, `2 kelurahan` or `10 desa dan 2 kelurahan`."""
    return " dan ".join(
        f"{n} {jenis}" for n, jenis in ((w.jumlah_desa, "desa"), (w.jumlah_kelurahan, "kelurahan")) if n
    )


def laporan_kecamatan(kab: KabupatenData, kec: KecamatanData, laporan: Iterable[LaporanKinerja]) -> Table:
    t = Table(
        f"{kab.slug}/{kec.slug}/laporan-kinerja",
        f"Laporan kinerja Kecamatan {kec.profil.nama} per tahun",
        "Rata-rata capaian IKU, predikat dan jumlah IKU tercapai setiap tahun.",
        (TAHUN, RATA_RATA, PREDIKAT, TERCAPAI, JUMLAH_IKU),
    )
    for lp in laporan:
        t.add_row(Cell(lp.tahun, f"Laporan Kinerja {lp.tahun}", laporan_path(lp)), *_summary_row(lp))
    return t


def overview_table(x: Overview) -> Table:
    kab = x.kabupaten
    shared = kab.profil.indikator_bersama
    cols: list[Column] = [KECAMATAN]
    for i in shared:
        cols += [
            Column(i.kode, i.nama, "angka", f"{i.nama} ({i.satuan}).", None),
            Column(f"peringkat_{i.kode}", f"Peringkat {i.nama}", "bilangan", "1 = terbaik.", "rumus-peringkat"),
            Column(
                f"dari_{i.kode}", "dari", "bilangan", "Jumlah kecamatan dengan data.", "rumus-peringkat", shown=False
            ),
        ]
    cols += [RATA_RATA, PREDIKAT, IKM, MUTU, Column("serapan", "Serapan anggaran", "persen", "", "rumus-serapan")]
    judul = f"Kecamatan di Kabupaten {kab.profil.nama} {x.tahun}"
    t = Table(
        f"{kab.slug}/perbandingan-{x.tahun}/kecamatan",
        judul,
        "Setiap kecamatan berdampingan; urut menurut "
        + (f"peringkat {x.utama.nama}." if x.utama else "rata-rata capaian IKU."),
        tuple(cols),
    )
    for r in x.baris:
        name = Cell(
            r.kecamatan,
            link=laporan_path(r.laporan) if r.laporan else (kecamatan_path(kab.slug, r.slug) if r.slug else None),
        )
        values: list[object] = []
        for i in shared:
            place = r.bersama.get(i.kode)
            values += [
                place.nilai if place else None,
                Cell(place.peringkat, f"{place.peringkat} dari {place.dari}") if place else None,
                place.dari if place else None,
            ]
        lp = r.laporan
        values += [
            lp.ringkasan.rata_rata if lp else None,
            lp.predikat if lp else None,
            *(_ikm_cells(lp) if lp else (None, None)),
            lp.anggaran.total.serapan if lp and lp.anggaran else None,
        ]
        t.add_row(name, *values)
    return t


def _sumber_daya_source(lp: LaporanKinerja) -> str:
    """The source sumber-daya.yml names: the staff and asset figures are computed from it."""
    if lp.data.sumber_daya is None:
        raise ValueError(f"{laporan_folder(lp)}: staff or asset figures without sumber-daya.yml")
    return lp.data.sumber_daya.sumber


def sdm_tabel(lp: LaporanKinerja, sdm: SdmResult) -> Table:
    t = Table(
        f"{laporan_folder(lp)}/sdm",
        f"Sumber daya manusia Kecamatan {lp.kecamatan.profil.nama} {lp.tahun}",
        "Jumlah pegawai menurut setiap karakteristik dan persentasenya dalam rincian itu.",
        (
            Column("rincian", "Rincian", group=True),
            Column("dimensi", "Dimensi", shown=False),
            Column("kelompok", "Kelompok", shown=False),
            Column("kategori", "Kategori"),
            Column("jumlah", "Pegawai", "bilangan"),
            Column("persen", "Persentase", "persen", "Bagian dari jumlah rincian itu.", "rumus-sdm"),
        ),
        source=_sumber_daya_source(lp),
    )
    for r in sdm.rincian:
        label = DIMENSI_LABEL[r.dimensi] + ("" if r.kelompok == "semua" else f" ({r.kelompok})")
        for kategori, jumlah, share in r.baris:
            t.add_row(label, r.dimensi, r.kelompok, kategori, jumlah, share)
        t.add_row(label, r.dimensi, r.kelompok, "Jumlah", r.total, None, css_class="jumlah")
    return t


DIMENSI_LABEL = {
    "jenis_kelamin": "Jenis kelamin",
    "status": "Status kepegawaian",
    "pendidikan": "Pendidikan",
    "eselon": "Eselon",
    "golongan": "Golongan",
    "jabatan": "Jabatan",
}


def aset_tabel(lp: LaporanKinerja, a: AsetResult) -> Table:
    t = Table(
        f"{laporan_folder(lp)}/aset",
        f"Sarana dan prasarana {lp.tahun} menurut kondisi",
        "Jumlah barang dalam kondisi baik (B), rusak ringan (RR) dan rusak berat (RB); kosong: kondisi "
        "tidak dirinci di laporan.",
        (
            Column("barang", "Barang"),
            Column("satuan", "Satuan"),
            Column("baik", "Baik", "bilangan"),
            Column("rusak_ringan", "Rusak ringan", "bilangan"),
            Column("rusak_berat", "Rusak berat", "bilangan"),
            Column(
                "jumlah",
                "Jumlah",
                "bilangan",
                "B + RR + RB, atau jumlah tercetak bila kondisi tidak dirinci.",
                "rumus-aset",
            ),
        ),
        source=_sumber_daya_source(lp),
    )
    for b in a.barang:
        kondisi = [b.kondisi(k) if b.barang.dirinci else Cell(None, "tidak dirinci") for k in KONDISI]
        t.add_row(b.barang.nama, b.barang.satuan, *kondisi, b.jumlah)
    t.footer = ("Jumlah", None, a.baik, a.rusak_ringan, a.rusak_berat, a.jumlah)
    return t


def nilai_aset_tabel(lp: LaporanKinerja, a: AsetResult) -> Table:
    t = Table(
        f"{laporan_folder(lp)}/nilai-aset",
        f"Nilai aset per golongan {lp.tahun}",
        "Nilai aset pada awal dan akhir tahun per golongan, dan perubahannya.",
        (
            Column("golongan", "Golongan aset"),
            Column("awal", "Awal tahun (Rp)", "rupiah"),
            Column("akhir", "Akhir tahun (Rp)", "rupiah"),
            Column("perubahan", "Perubahan (Rp)", "rupiah", "Akhir − awal tahun.", "rumus-aset"),
            Column("perubahan_persen", "Perubahan", "persen", "Perubahan / nilai awal × 100.", "rumus-aset"),
        ),
        source=_sumber_daya_source(lp),
    )
    for n in a.nilai:
        t.add_row(n.golongan, n.awal, n.akhir, n.perubahan, n.perubahan_persen)
    total = a.total_nilai
    if total is not None:
        t.footer = ("Jumlah", total.awal, total.akhir, total.perubahan, total.perubahan_persen)
    return t

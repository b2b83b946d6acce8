"""Columns shared by the portal's tables, and labels."""

from __future__ import annotations

from generator.compute.laporan import IndikatorResult, LaporanKinerja
from generator.render.dataset import Cell, Column
from generator.render.paths import audit_anchor, audit_path

PERIODE_LABEL = {"tw1": "TW I", "tw2": "TW II", "tw3": "TW III", "tw4": "TW IV"}


LEVEL_LABEL = {"program": "Program", "kegiatan": "Kegiatan", "sub_kegiatan": "Sub kegiatan"}


KECAMATAN = Column("kecamatan", "Kecamatan")


KABUPATEN = Column("kabupaten", "Kabupaten")


TAHUN = Column("tahun", "Tahun", "tahun")


RATA_RATA = Column(
    "rata_rata_capaian",
    "Rata-rata capaian IKU",
    "persen",
    "Rata-rata capaian yang dinilai dari IKU yang terukur (persen).",
    "rumus-rata-rata-capaian",
)


PREDIKAT = Column("predikat", "Predikat", "predikat", "Predikat menurut skala kabupaten.", "rumus-predikat")


TERCAPAI = Column(
    "iku_tercapai",
    "IKU tercapai",
    "bilangan",
    "Jumlah IKU dengan capaian ≥ 100 % atau predikat tercapai.",
    "rumus-jumlah-indikator",
)


JUMLAH_IKU = Column("jumlah_iku", "Jumlah IKU", "bilangan", "Jumlah Indikator Kinerja Utama.")


INDIKATOR_ID = Column("indikator_id", "Kode indikator", shown=False)


INDIKATOR = Column("indikator", "Indikator")


SATUAN = Column("satuan", "Satuan")


POLARITAS = Column(
    "polaritas",
    "Polaritas",
    description="positif: makin tinggi makin baik; negatif: makin rendah makin baik.",
    shown=False,
)


TARGET = Column("target", "Target", "angka", "Target PK perubahan bila ada, selain itu PK awal.")


REALISASI = Column("realisasi", "Realisasi", "angka", "Realisasi tahunan.", "rumus-realisasi-tahunan")


TARGET_RENJA = Column(
    "target_renja", "Target Renja", "angka", "Target Rencana Kerja (ditampilkan, tidak dipakai untuk capaian)."
)


PEMBILANG = Column(
    "pembilang",
    "Pembilang",
    "angka",
    "Pembilang realisasi, bila realisasi = pembilang / penyebut.",
    "rumus-capaian",
    shown=False,
)


PENYEBUT = Column(
    "penyebut",
    "Penyebut",
    "angka",
    "Penyebut realisasi, bila realisasi = pembilang / penyebut.",
    "rumus-capaian",
    shown=False,
)


CAPAIAN = Column("capaian", "Capaian", "persen", "Capaian (persen); kosong bila tidak dapat dihitung.", "rumus-capaian")


CATATAN = Column(
    "catatan",
    "Catatan",
    description="Angka tercetak di laporan yang berbeda dari hasil hitung ini (rinciannya di Catatan kualitas data).",
)


def catatan_cell(lp: LaporanKinerja, prefix: str) -> Cell | None:
    """A mark linking to the audit note of a row whose printed figures differ (item: `anggaran/P1`)."""
    note = next((n for n in lp.audit if n.alamat.lower().startswith(prefix.lower() + "/")), None)
    if note is None:
        return None
    return Cell("berbeda", "lihat catatan", f"{audit_path(lp)}#{audit_anchor(note.alamat)}")


def capaian_cell(h: IndikatorResult) -> Cell | float | None:
    c = h.capaian
    if c.nilai is not None:
        return c.nilai
    if c.tercapai is not None:
        return Cell(None, "tercapai" if c.tercapai else "tidak tercapai")
    return Cell(None, c.alasan or "—")


def satuan_cell(h: IndikatorResult) -> Cell:
    ind = h.indikator
    teks = f"{ind.satuan} (polaritas negatif)" if ind.polaritas == "negatif" else None
    return Cell(ind.satuan, teks)


IKM = Column("ikm", "IKM", "indeks", "Indeks Kepuasan Masyarakat (25-100).", "rumus-ikm")


MUTU = Column("mutu", "Mutu pelayanan", "predikat", "Mutu pelayanan menurut PermenPANRB 14/2017.", "rumus-mutu")


RUPIAH = {
    name: Column(name, label, "rupiah", f"{label} (rupiah).", "rumus-serapan")
    for name, label in (
        ("pagu_awal", "Pagu awal (Rp)"),
        ("pagu_perubahan", "Pagu perubahan (Rp)"),
        ("realisasi_anggaran", "Realisasi (Rp)"),
        ("sisa", "Sisa (Rp)"),
    )
}


SERAPAN = Column("serapan", "Serapan", "persen", "Realisasi / pagu × 100.", "rumus-serapan")

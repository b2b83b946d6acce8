"""Columns shared by the portal's tables, and labels."""

from __future__ import annotations

from generator.compute.laporan import HasilIndikator
from generator.render.dataset import Kolom, Sel


PERIODE_LABEL = {"tw1": "TW I", "tw2": "TW II", "tw3": "TW III", "tw4": "TW IV"}


LEVEL_LABEL = {"program": "Program", "kegiatan": "Kegiatan", "sub_kegiatan": "Sub kegiatan"}


KECAMATAN = Kolom("kecamatan", "Kecamatan")


KABUPATEN = Kolom("kabupaten", "Kabupaten")


TAHUN = Kolom("tahun", "Tahun", "tahun")


RATA_RATA = Kolom("rata_rata_capaian", "Rata-rata capaian IKU", "persen",
                  "Rata-rata capaian yang dinilai dari IKU yang terukur (persen).", "rumus-rata-rata-capaian")


PREDIKAT = Kolom("predikat", "Predikat", "predikat", "Predikat menurut skala kabupaten.", "rumus-predikat")


TERCAPAI = Kolom("iku_tercapai", "IKU tercapai", "bilangan", "Jumlah IKU dengan capaian ≥ 100 % atau predikat "
                 "tercapai.", "rumus-jumlah-indikator")


JUMLAH_IKU = Kolom("jumlah_iku", "Jumlah IKU", "bilangan", "Jumlah Indikator Kinerja Utama.")


INDIKATOR_ID = Kolom("indikator_id", "Kode indikator", tampil=False)


INDIKATOR = Kolom("indikator", "Indikator")


SATUAN = Kolom("satuan", "Satuan")


POLARITAS = Kolom("polaritas", "Polaritas", deskripsi="positif: makin tinggi makin baik; negatif: makin rendah "
                  "makin baik.", tampil=False)


TARGET = Kolom("target", "Target", "angka", "Target PK perubahan bila ada, selain itu PK awal.")


REALISASI = Kolom("realisasi", "Realisasi", "angka", "Realisasi tahunan.", "rumus-realisasi-tahunan")


CAPAIAN = Kolom("capaian", "Capaian", "persen", "Capaian (persen); kosong bila tidak dapat dihitung.",
                "rumus-capaian")


def _sel_capaian(h: HasilIndikator) -> Sel | float | None:
    c = h.capaian
    if c.nilai is not None:
        return c.nilai
    if c.tercapai is not None:
        return Sel(None, "tercapai" if c.tercapai else "tidak tercapai")
    return Sel(None, c.alasan or "—")


def _satuan(h: HasilIndikator) -> Sel:
    ind = h.indikator
    teks = f"{ind.satuan} (polaritas negatif)" if ind.polaritas == "negatif" else None
    return Sel(ind.satuan, teks)


IKM = Kolom("ikm", "IKM", "indeks", "Indeks Kepuasan Masyarakat (25-100).", "rumus-ikm")


MUTU = Kolom("mutu", "Mutu pelayanan", "predikat", "Mutu pelayanan menurut PermenPANRB 14/2017.", "rumus-mutu")


RUPIAH = {name: Kolom(name, label, "rupiah", f"{label} (rupiah).", "rumus-serapan")
          for name, label in (("pagu_awal", "Pagu awal (Rp)"), ("pagu_perubahan", "Pagu perubahan (Rp)"),
                              ("realisasi_anggaran", "Realisasi (Rp)"), ("sisa", "Sisa (Rp)"))}


SERAPAN = Kolom("serapan", "Serapan", "persen", "Realisasi / pagu × 100.", "rumus-serapan")

"""Tables of the Hasil SKM page and the Pengumuman SKM."""

from __future__ import annotations

from generator.compute.laporan import LaporanKinerja
from generator.compute.skm import Mutu, SisiHarapan, SkmResult
from generator.render.dataset import Cell, Column, Table
from generator.render.paths import skm_folder
from generator.render.tables.common import IKM, MUTU


def skm_periode(lp: LaporanKinerja, skm: SkmResult) -> Table:
    harapan = skm.harapan is not None or any(p.harapan for p in skm.periode)
    t = Table(
        f"{skm_folder(lp)}/ikm-periode",
        f"IKM per periode {lp.tahun}",
        "NRR tertimbang, IKM dan mutu pelayanan setiap periode survei"
        + (", sisi harapan pengguna layanan" if harapan else "")
        + ", responden dan sampel minimum.",
        (
            Column("periode", "Periode"),
            Column("nrr_tertimbang", "NRR tertimbang", "angka", "Σ NRR unsur × 1/9 (skala 1-4).", "rumus-ikm"),
            IKM,
            MUTU,
            Column(
                "nrr_tertimbang_harapan",
                "NRR tertimbang harapan",
                "angka",
                "Σ harapan unsur × 1/9 (skala 1-4).",
                "rumus-ikm",
                shown=harapan,
            ),
            Column("ikm_harapan", "IKM harapan", "indeks", "NRR tertimbang harapan × 25.", "rumus-ikm", shown=harapan),
            Column("mutu_harapan", "Mutu harapan", "predikat", "Mutu dari IKM harapan.", "rumus-mutu", shown=harapan),
            Column("dasar", "Dasar perhitungan"),
            Column("responden", "Responden", "bilangan", "Jumlah responden (kosong: tidak dilaporkan)."),
            Column("pengguna_layanan", "Pengguna layanan", "bilangan", "Populasi pengguna layanan periode itu."),
            Column(
                "sampel_minimum",
                "Sampel minimum",
                "bilangan",
                "Krejcie & Morgan dari jumlah pengguna layanan.",
                "rumus-sampel",
            ),
        ),
        source=skm.data.skm.sumber,
    )
    for p in skm.periode:
        t.add_row(
            p.nama,
            p.nrr_tertimbang,
            p.ikm,
            p.mutu,
            *_harapan(p.harapan),
            p.dasar,
            p.responden,
            p.pengguna_layanan,
            p.sampel_minimum,
        )
    t.footer = (
        f"Tahun {lp.tahun}",
        skm.nrr_tertimbang,
        skm.ikm,
        skm.mutu,
        *_harapan(skm.harapan),
        skm.dasar,
        skm.responden,
        None,
        None,
    )
    return t


def _harapan(h: SisiHarapan | None) -> tuple[float | None, float | None, Mutu | None]:
    return (h.nrr_tertimbang, h.ikm, h.mutu) if h else (None, None, None)


def skm_layanan(lp: LaporanKinerja, skm: SkmResult) -> Table:
    t = Table(
        f"{skm_folder(lp)}/ikm-layanan",
        f"IKM per jenis layanan {lp.tahun}",
        "IKM dan mutu setiap jenis layanan per periode.",
        (
            Column("periode", "Periode", group=True),
            Column("layanan_id", "Kode layanan", shown=False),
            Column("layanan", "Jenis layanan"),
            IKM,
            MUTU,
            Column("responden", "Responden", "bilangan", "Jumlah responden layanan ini."),
        ),
        source=skm.data.skm.sumber,
    )
    for p in skm.periode:
        for x in p.layanan:
            t.add_row(p.nama, x.id, x.nama, x.ikm, x.mutu, x.responden)
    return t


def skm_unsur(lp: LaporanKinerja, skm: SkmResult, pengumuman: bool = False) -> Table:
    """Per-unsur values per period and for the year; for the printed notice, the year only
    with value and mutu."""
    harapan = not pengumuman and any(u.harapan is not None for p in skm.periode for u in p.unsur)
    raw = not pengumuman and any(u.jumlah_jawaban is not None for p in skm.periode for u in p.unsur)
    rows = [] if pengumuman else [(p.nama, p.unsur) for p in skm.periode if p.unsur]
    if len(rows) != 1:
        rows.append((f"Tahun {lp.tahun}", skm.unsur))
    name, title = (
        ("nilai-unsur-tahun", f"Nilai per unsur pelayanan tahun {lp.tahun} (skala 25-100)")
        if pengumuman
        else ("nilai-unsur", f"Nilai per unsur pelayanan {lp.tahun}")
    )
    t = Table(
        f"{skm_folder(lp)}/{name}",
        title,
        "NRR (1-4) dan nilai (25-100) setiap unsur"
        + (" setahun." if pengumuman else " per periode dan setahun")
        + (", dengan harapan, kesenjangan dan kuadran." if harapan else "."),
        (
            Column("periode", "Periode", group=True, shown=not pengumuman),
            Column("kode", "Kode", shown=False),
            Column("unsur", "Unsur"),
            Column("nrr", "NRR", "indeks", "Nilai rata-rata jawaban (1-4).", "rumus-ikm", shown=not pengumuman),
            Column("nilai", "Nilai (25-100)", "indeks", "NRR × 25.", "rumus-ikm"),
            MUTU,
            Column(
                "jawaban",
                "Jawaban dihitung",
                "bilangan",
                "Jawaban yang dipakai (jawaban kosong tidak dihitung).",
                shown=raw,
            ),
            Column("harapan", "Harapan", "indeks", "Rata-rata harapan (1-4).", shown=harapan),
            Column("kesenjangan", "Kesenjangan", "indeks", "Kinerja − harapan (NRR).", "rumus-kuadran", shown=harapan),
            Column(
                "kuadran",
                "Kuadran",
                description="Kuadran analisis kepentingan-kinerja.",
                formula="rumus-kuadran",
                shown=harapan,
            ),
        ),
        source=skm.data.skm.sumber,
        css_class="pengumuman-unsur" if pengumuman else "",
    )
    for nama, unsur in rows:
        for u in unsur:
            t.add_row(
                nama,
                u.kode,
                f"{u.kode} {u.nama}",
                u.nrr,
                u.nilai,
                u.mutu,
                u.jumlah_jawaban,
                u.harapan,
                u.kesenjangan,
                u.kuadran,
            )
    return t


def skm_profil(lp: LaporanKinerja, skm: SkmResult) -> Table:
    t = Table(
        f"{skm_folder(lp)}/profil-responden",
        f"Profil responden {lp.tahun}",
        "Jumlah responden per kategori yang dinyatakan kabupaten; isian lain dan kategori dengan kurang dari "
        "5 responden digabung ke Lainnya, tanpa menyebut isiannya.",
        (
            Column("karakteristik", "Karakteristik", group=True),
            Column("kategori", "Kategori"),
            Column("jumlah", "Responden", "bilangan", "Kosong: Lainnya dengan kurang dari 5 responden (dirahasiakan)."),
        ),
        source=skm.data.skm.sumber,
    )
    for p in skm.profil:
        for sel in p.sel:
            t.add_row(PROFIL_LABEL[p.kolom], sel.kategori, sel.jumlah if sel.jumlah is not None else Cell(None, "< 5"))
    return t


PROFIL_LABEL = {"jenis_kelamin": "Jenis kelamin", "usia": "Usia", "pendidikan": "Pendidikan", "pekerjaan": "Pekerjaan"}


def skm_tindak_lanjut(lp: LaporanKinerja, skm: SkmResult) -> Table:
    t = Table(
        f"{skm_folder(lp)}/rencana-tindak-lanjut",
        f"Rencana tindak lanjut hasil SKM {lp.tahun}",
        "Prioritas perbaikan dan rencana tindak lanjut yang ditetapkan unit layanan.",
        (
            Column("prioritas", "Prioritas perbaikan"),
            Column("rencana", "Rencana tindak lanjut"),
            Column("penanggung_jawab", "Penanggung jawab"),
            Column("waktu", "Waktu"),
        ),
        source=skm.data.skm.sumber,
    )
    for r in skm.data.skm.tindak_lanjut:
        t.add_row(r.prioritas, r.rencana, r.penanggung_jawab, r.waktu)
    return t

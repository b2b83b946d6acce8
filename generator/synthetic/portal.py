"""A synthetic portal (`kinerja demo`) with every file kind of the real content, for tests and benchmarks: never anyone's data."""

from __future__ import annotations

import csv
import io
import random
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from generator.model.portal import TANDA_SINTETIS
from generator.synthetic.skm import jawaban_sintetis

#
# Every kind of content file the real portal has, in the shapes the seeds show: a kecamatan
# profile with villages and officials, per year the plan (4 IKU, one negative, one reported by
# the kabupaten's shared indicator through a composite index, one measured by the SKM), programs
# with budgets, quarterly values, the survey (raw responses in the newest year, published unsur
# values before), staff and assets, narrative, two individual quarterly reports (and a year
# before the first with only an individual report); per kecamatan
# the Renstra, earlier years and benchmarks; per kabupaten the shared indicator's values of
# kecamatan without a folder. A few printed figures (`dilaporkan.csv`) differ from what the portal
# computes, as in real reports, so the data-quality pages exist too.

SKALA = {
    "nama": "Skala contoh (sintetis)",
    "batas_capaian": 100,
    "rentang": [
        {"label": "Sangat Baik", "bawah": 90, "warna": "#08519c"},
        {"label": "Baik", "bawah": 75, "atas": 90, "warna": "#3182bd"},
        {"label": "Cukup", "bawah": 60, "atas": 75, "warna": "#7b6a00"},
        {"label": "Kurang", "bawah": 0, "bawah_inklusif": True, "atas": 60, "warna": "#a50f15"},
    ],
}


NOTE = TANDA_SINTETIS


SUMBER = "Data sintetis (kinerja demo)"

#: The data of a YAML content file, as `yaml.safe_dump` writes it (its shape: `generator.model`).
YamlData = dict[str, Any]


#: The IKU of every synthetic year: id, name, unit, shared-indicator code, target.
IKU = (
    ("ikm", "Indeks Kepuasan Masyarakat", "indeks", None, 80),
    ("skk", "Nilai Sinergitas Kinerja Kecamatan", "nilai", "skk", 70),
    ("desa-tepat-waktu", "Persentase desa yang menyusun APBDes tepat waktu", "%", None, 100),
    ("aduan", "Rata-rata hari penyelesaian aduan", "hari", None, 7),
)


LAYANAN = (
    ("ktp-el", "Fasilitasi KTP-elektronik"),
    ("kk", "Fasilitasi Kartu Keluarga"),
    ("surat-keterangan", "Surat keterangan"),
)


#: Aspects of the synthetic Nilai Sinergitas and their weights (sum 100), as in Lumajang's.
ASPEK_SKK = (
    ("Penyelenggaraan urusan pemerintahan umum", 10),
    ("Pelayanan terpadu kecamatan", 10),
    ("Tugas delegatif", 10),
    ("Tugas atributif", 30),
    ("Inovasi kecamatan", 27),
    ("Perencanaan dan penganggaran", 8),
    ("Tugas lainnya", 5),
)


JABATAN = (("camat", "Camat"), ("sekcam", "Sekretaris Kecamatan"), ("kasi-pem", "Kepala Seksi Pemerintahan"))


RENSTRA = (2021, 2026)


def _yaml(path: Path, data: YamlData) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(NOTE + yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _csv(path: Path, head: tuple[str, ...], rows: list[tuple[object, ...]]) -> None:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(head)
    writer.writerows(rows)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(out.getvalue(), encoding="utf-8")


def _kinerja(kec: str, tahun: int) -> YamlData:
    def indikator(ident: str, nama: str, satuan: str, bersama: str | None, target: float) -> YamlData:
        item = {"id": ident, "nama": nama, "satuan": satuan, "target": {"pk_awal": target}}
        if ident == "aduan":
            item["polaritas"] = "negatif"
        if ident == "ikm":
            item["agregasi"] = "rata-rata"
        if bersama:
            item["bersama"] = bersama
        return item

    sasaran = [
        {"id": f"S{i + 1}", "nama": f"Sasaran contoh {i + 1}", "indikator": [indikator(*spec) for spec in pair]}
        for i, pair in enumerate((IKU[:2], IKU[2:]))
    ]
    return {
        "kecamatan": kec,
        "tahun": tahun,
        "sumber": SUMBER,
        "tujuan": [{"id": "T1", "nama": "Meningkatnya kinerja kecamatan", "sasaran": sasaran}],
    }


def _program(rng: random.Random) -> tuple[YamlData, list[str]]:
    """program.yml (3 programs x 2 kegiatan x 2 sub kegiatan, money at the leaves) and the
    realisasi.csv rows of the sub kegiatan outputs."""
    program: YamlData = {"program": [], "anggaran": {"sumber_dana": "APBD (sintetis)"}}
    rows: list[str] = []
    for p in range(1, 4):
        kegiatan = []
        for k in range(1, 3):
            subs = []
            for s in range(1, 3):
                pagu = rng.randrange(5, 200) * 1_000_000
                subs.append(
                    {
                        "id": f"P{p}.K{k}.S{s}",
                        "nama": f"Sub kegiatan contoh {p}.{k}.{s}",
                        "indikator": [
                            {
                                "id": f"P{p}.K{k}.S{s}-I1",
                                "nama": f"Jumlah keluaran {p}.{k}.{s}",
                                "satuan": "dokumen",
                                "target": {"pk_awal": 12},
                            }
                        ],
                        "anggaran": {
                            "pagu_awal": pagu,
                            "pagu_perubahan": pagu - (cut := rng.randrange(0, 5) * 1_000_000),
                            "realisasi": int(pagu * rng.uniform(0.8, 0.99)),
                            **({"refocusing": cut} if cut else {}),
                        },
                    }
                )
                keluaran = rng.randint(8, 13)
                rows.append(f"P{p}.K{k}.S{s}-I1,,,,,{keluaran},{f'{keluaran} dari 12 dokumen' if s == 1 else ''}")
            kegiatan.append({"id": f"P{p}.K{k}", "nama": f"Kegiatan contoh {p}.{k}", "sub_kegiatan": subs})
        # The third program supports an IKU directly: its cost per outcome is published.
        mendukung = ["desa-tepat-waktu"] if p == 3 else [f"S{1 + p % 2}"]
        program["program"].append(
            {"id": f"P{p}", "nama": f"Program contoh {p}", "mendukung": mendukung, "kegiatan": kegiatan}
        )
    return program, rows


def _skm(rng: random.Random, kec: str, tahun: int, folder: Path, mentah: bool) -> YamlData:
    """skm.yml of a year with two semesters: raw responses (skm-s1.csv, skm-s2.csv) when
    `mentah`, otherwise the published per-unsur values."""
    skm: YamlData = {
        "kecamatan": kec,
        "tahun": tahun,
        "sumber": SUMBER,
        "sintetis": True,
        "indikator": "ikm",
        "layanan": [{"id": i, "nama": n} for i, n in LAYANAN],
        "periode": [],
    }
    for s, (mulai, nama) in enumerate(((date(tahun, 1, 2), "Semester I"), (date(tahun, 7, 1), "Semester II")), 1):
        periode: YamlData = {"id": f"s{s}", "nama": nama, "pengguna_layanan": rng.randrange(300, 3000)}
        if mentah:
            periode["berkas"] = f"skm-s{s}.csv"
            (folder / periode["berkas"]).write_text(
                jawaban_sintetis(rng.randrange(90, 160), rng.randrange(10**6), [i for i, _ in LAYANAN], mulai, 180),
                encoding="utf-8",
            )
        else:
            periode["unsur"] = {
                f"U{i}": {"nrr": round(rng.uniform(2.8, 3.9), 2), "harapan": round(rng.uniform(3.3, 3.9), 2)}
                for i in range(1, 10)
            }
        skm["periode"].append(periode)
    skm["tindak_lanjut"] = [
        {
            "prioritas": "Unsur dengan nilai terendah",
            "rencana": "Rencana tindak lanjut contoh",
            "penanggung_jawab": "Sekretaris Kecamatan",
            "waktu": f"Triwulan I {tahun + 1}",
        }
    ]
    return skm


def _indeks(rng: random.Random, kec: str, tahun: int) -> YamlData:
    """indeks.yml: the Nilai Sinergitas by aspect (points out of each weight), feeding the skk IKU."""
    aspek = [
        {"nama": nama, "bobot": bobot, "nilai": round(bobot * rng.uniform(0.5, 0.95), 4)} for nama, bobot in ASPEK_SKK
    ]
    return {
        "kecamatan": kec,
        "tahun": tahun,
        "sumber": SUMBER,
        "indeks": [
            {
                "id": "sinergitas",
                "nama": "Nilai Sinergitas Kinerja Kecamatan",
                "cara": "poin",
                "indikator": "skk",
                "aspek": aspek,
            }
        ],
    }


def _sumber_daya(rng: random.Random, kec: str, tahun: int) -> YamlData:
    pns, pppk, kontrak = rng.randint(8, 16), rng.randint(0, 3), rng.randint(3, 10)
    jumlah = pns + pppk + kontrak
    laki = rng.randint(jumlah // 3, 2 * jumlah // 3)
    sma = rng.randint(1, pns + pppk - 1)
    sdm = {
        "jumlah_pegawai": jumlah,
        "asn": pns + pppk,
        "kebutuhan": pns + pppk + rng.randint(0, 6),
        "rincian": [
            {"dimensi": "jenis_kelamin", "jumlah": {"L": laki, "P": jumlah - laki}},
            {"dimensi": "status", "jumlah": {"PNS": pns, "PPPK": pppk, "Kontrak": kontrak}},
            {"dimensi": "pendidikan", "kelompok": "ASN", "jumlah": {"SMA": sma, "S1": pns + pppk - sma}},
        ],
    }
    barang = []
    for nama, satuan in (
        ("Gedung kantor", "unit"),
        ("Kendaraan roda dua", "unit"),
        ("Komputer", "unit"),
        ("Meja kerja", "buah"),
        ("Kursi", "buah"),
    ):
        counts = [rng.randint(0, 12), rng.randint(0, 4), rng.randint(0, 2)]
        barang.append(
            {"nama": nama, "satuan": satuan, "baik": counts[0], "rusak_ringan": counts[1], "rusak_berat": counts[2]}
        )
    barang.append({"nama": "Lemari arsip", "satuan": "buah", "jumlah": rng.randint(1, 6)})  # no condition split
    nilai = [
        {
            "golongan": g,
            "awal": (awal := rng.randrange(50, 900) * 1_000_000),
            "akhir": awal + rng.randrange(0, 60) * 1_000_000,
        }
        for g in ("Tanah", "Peralatan dan Mesin", "Gedung dan Bangunan")
    ]
    return {"kecamatan": kec, "tahun": tahun, "sumber": SUMBER, "sdm": sdm, "aset": {"barang": barang, "nilai": nilai}}


def _narasi(rng: random.Random, kec: str, tahun: int) -> YamlData:
    return {
        "kecamatan": kec,
        "tahun": tahun,
        "sumber": SUMBER,
        "isu_strategis": "Isu strategis contoh:\n\n1. Belum optimalnya kepuasan masyarakat atas pelayanan\n"
        "2. Belum meratanya ketepatan waktu penyusunan APBDes\n",
        "sasaran": [
            {
                "sasaran": s,
                "faktor_pendukung": "Koordinasi yang baik dengan desa.",
                "faktor_penghambat": "Keterbatasan **jumlah pegawai**.",
                "solusi": "Pendampingan berkala.",
            }
            for s in ("S1", "S2")
        ],
        "inovasi": [
            {
                "nama": f"Inovasi contoh {tahun}",
                "tujuan": "Mempercepat layanan administrasi.",
                "langkah": "Layanan antar-jemput berkas ke desa.",
                "tahun": tahun,
            }
        ],
        "penghargaan": [
            {"nama": f"Kecamatan terbaik contoh {rng.randint(1, 3)}", "pemberi": "Bupati (sintetis)", "tahun": tahun}
        ],
        "kesimpulan": "Sebagian besar target tercapai (teks contoh).",
        "rekomendasi": "- Menambah pendampingan desa\n- Memperbaiki ruang tunggu\n",
    }


def _individu(rng: random.Random, kec: str, tahun: int, triwulan: int, dicetak: list[tuple[object, ...]]) -> YamlData:
    """individu-tw<N>.yml: three positions, each one indicator as pembilang/penyebut and one as a
    value; the Camat's printed realisasi is sometimes the division the wrong way round."""
    jabatan = []
    for ident, nama in JABATAN:
        penyebut = rng.randint(20, 60)
        pembilang = rng.randint(penyebut // 2, penyebut - 1)
        pagu = rng.randrange(100, 2000) * 1_000_000
        koordinasi = {
            "id": f"{ident}-1",
            "sasaran": "Terselenggaranya koordinasi kecamatan",
            "nama": "Persentase hasil koordinasi yang ditindaklanjuti",
            "satuan": "%",
            "target": 85,
            "pembilang": pembilang,
            "penyebut": penyebut,
            "anggaran": {"pagu": pagu, "realisasi": int(pagu * rng.uniform(0.2, 0.3) * triwulan)},
        }
        if ident == "camat" and rng.random() < 0.3:  # printed as pembilang / (pembilang + penyebut)
            dicetak.append(
                (
                    f"individu/tw{triwulan}/camat/camat-1/realisasi",
                    f"{100 * penyebut / (penyebut + pembilang):.2f}".replace(".", ","),
                    f"Laporan Camat TW {triwulan} (contoh)",
                )
            )
        jabatan.append(
            {
                "id": ident,
                "jabatan": nama,
                "nama": f"Pejabat Contoh {ident.upper()}",
                "indikator": [
                    koordinasi,
                    {
                        "id": f"{ident}-2",
                        "sasaran": "Terselenggaranya administrasi perkantoran",
                        "nama": "Persentase layanan administrasi tepat waktu",
                        "satuan": "%",
                        "target": 100,
                        "realisasi": round(rng.uniform(60, 100), 2),
                    },
                ],
                "faktor_penyebab": ["Keterbatasan sumber daya (contoh)"],
                "rencana_tindak_lanjut": ["Evaluasi berkala (contoh)"],
                "tanggapan_atasan": "Laporan sudah baik",
            }
        )
    return {"kecamatan": kec, "tahun": tahun, "triwulan": triwulan, "sumber": SUMBER, "jabatan": jabatan}


def _tahun(
    rng: random.Random, kec: str, tahun: int, folder: Path, terbaru: bool, dicetak: list[tuple[object, ...]]
) -> float:
    """Every file of one synthetic kecamatan-year, `dicetak`: printed figures known beforehand;
    returns its realisasi of the IKM (for benchmarks)."""
    audit = rng.random() < 0.3
    _yaml(folder / "kinerja.yml", _kinerja(kec, tahun))
    program, rows = _program(rng)
    _yaml(folder / "program.yml", program)
    ikm = round(rng.uniform(75, 92), 2)
    rows += [
        f"ikm,,{rng.uniform(75, 90):.2f},,{ikm:.2f},,",
        f"desa-tepat-waktu,,,,,{rng.choice([83.33, 91.67, 100])},",
        f"aduan,,,,,{rng.randint(4, 10)},",
    ]
    (folder / "realisasi.csv").write_text(
        "indikator,tw1,tw2,tw3,tw4,tahunan,keterangan\n" + "\n".join(rows) + "\n", encoding="utf-8"
    )
    _yaml(folder / "skm.yml", _skm(rng, kec, tahun, folder, mentah=terbaru))
    _yaml(folder / "indeks.yml", _indeks(rng, kec, tahun))
    _yaml(folder / "sumber-daya.yml", _sumber_daya(rng, kec, tahun))
    _yaml(folder / "narasi.yml", _narasi(rng, kec, tahun))
    if audit:  # printed as if every village were on time, and a wrong staffing share
        dicetak += [
            ("iku/desa-tepat-waktu/capaian", "100", "Tabel 3.1 (contoh)"),
            ("sdm/pemenuhan-jabatan", "57", "Bab III (contoh)"),
        ]
    for tw in (2, 4):
        _yaml(folder / f"individu-tw{tw}.yml", _individu(rng, kec, tahun, tw, dicetak))
    if dicetak:
        _csv(folder / "dilaporkan.csv", ("alamat", "nilai", "tempat"), dicetak)
    return ikm


def _kecamatan(rng: random.Random, a: int, b: int) -> tuple[YamlData, int]:
    """kecamatan.yml, and the total population its report prints (sometimes not the desa sum)."""
    desa: list[YamlData] = [
        {
            "nama": f"Desa {c:02d}",
            "penduduk_laki_laki": rng.randrange(800, 4000),
            "penduduk_perempuan": rng.randrange(800, 4000),
            "jumlah_kk": rng.randrange(400, 2500),
        }
        for c in range(1, rng.randint(6, 14))
    ]
    penduduk = sum(d["penduduk_laki_laki"] + d["penduduk_perempuan"] for d in desa)
    profil = {
        "nama": f"Kecamatan Contoh {a:02d}-{b:02d}",
        "alamat": f"Jalan Contoh No. {b}",
        "telepon": "(0000) 000000",
        "luas_km2": round(rng.uniform(15, 120), 2),
        "camat": {"nama": f"Camat Contoh {a:02d}-{b:02d}", "nip": "000000000000000000"},
        "pejabat": [{"nama": f"Pejabat Contoh {ident.upper()}", "jabatan": nama} for ident, nama in JABATAN],
        "desa": desa,
        "mata_pencaharian": [
            {"sektor": "Pertanian", "persen": 50 + b},
            {"sektor": "Perdagangan dan jasa", "persen": 35 - b},
            {"sektor": "Industri dan lainnya", "persen": 15},
        ],
        "sumber": SUMBER,
    }
    return profil, penduduk + rng.choice([0, 0, 120])


def _riwayat(rng: random.Random, before: list[int]) -> list[tuple[object, ...]]:
    """riwayat.csv: every IKU in the years before the first year folder, and an indicator of an
    earlier Renstra that no year has any more (named by its own id and name)."""
    rows: list[tuple[object, ...]] = [
        (ident, t, target, round(target * rng.uniform(0.8, 1.1), 2), "", SUMBER, "")
        for t in before
        for ident, _, _, _, target in IKU
    ]
    return rows + [
        ("indikator-lama", t, 90, round(rng.uniform(70, 95), 2), "Persentase indikator Renstra lama", SUMBER, "contoh")
        for t in before
    ]


def _riwayat_anggaran(rng: random.Random, before: list[int]) -> list[tuple[object, ...]]:
    """riwayat-anggaran.csv: the budget totals of the years before the first year folder."""
    rows: list[tuple[object, ...]] = []
    for t in before:
        pagu = rng.randrange(900_000_000, 1_500_000_000)
        rows.append((t, pagu, round(pagu * rng.uniform(0.9, 1.0)), SUMBER, ""))
    return rows


def _renstra(tahun: list[int]) -> YamlData:
    awal, akhir = min(RENSTRA[0], tahun[0]), max(RENSTRA[1], tahun[-1])
    middle = (awal + akhir) // 2
    return {
        "tahun_awal": awal,
        "tahun_akhir": akhir,
        "sumber": f"Renstra {awal}-{akhir} (sintetis)",
        "versi": [
            {
                "nama": "Sebelum perubahan",
                "target": {"ikm": {awal: 78, akhir: 88}, "desa-tepat-waktu": {awal: 90, akhir: 100}},
            },
            {
                "nama": "Setelah perubahan",
                "berlaku_sejak": middle,
                "target": {
                    "ikm": {t: 80 + t - middle for t in range(middle, akhir + 1)},
                    "desa-tepat-waktu": dict.fromkeys(range(middle, akhir + 1), 100),
                },
            },
        ],
    }


def portal_sintetis(root: Path, kabupaten: int, kecamatan: int, tahun: list[int], seed: int) -> int:
    """Write a whole synthetic portal under `root`: `kabupaten` × `kecamatan` × `tahun`, with
    every kind of content the real portal has (a year before the first with only an individual
    report, too). Returns the number of kecamatan-years with a Laporan Kinerja."""
    rng = random.Random(seed)
    tahun = sorted(tahun)
    _yaml(
        root / "portal.yml",
        {
            "judul": "Portal Kinerja (DATA SINTETIS)",
            "deskripsi": "Portal contoh dengan data sintetis untuk uji dan benchmark.",
            "penerbit": "Portal Kinerja (data sintetis)",
        },
    )
    count = 0
    for a in range(1, kabupaten + 1):
        kab = root / f"sintetis-{a:02d}"
        _yaml(
            kab / "kabupaten.yml",
            {
                "nama": f"Sintetis {a:02d}",
                "provinsi": "Provinsi Contoh",
                "skala_predikat": SKALA,
                "indikator_bersama": [{"kode": "skk", "nama": "Nilai Sinergitas Kinerja Kecamatan", "satuan": "nilai"}],
            },
        )
        # The shared indicator of kecamatan without a folder in the portal, as the kabupaten publishes it.
        _csv(
            kab / "nilai-kecamatan.csv",
            ("indikator", "kecamatan", "tahun", "nilai", "sumber"),
            [
                ("skk", f"Kecamatan Lain {c}", t, round(rng.uniform(55, 95), 2), SUMBER)
                for c in (1, 2, 3)
                for t in tahun
            ],
        )
        for b in range(1, kecamatan + 1):
            kec = f"kecamatan-{b:02d}"
            profil, penduduk = _kecamatan(rng, a, b)
            _yaml(kab / kec / "kecamatan.yml", profil)
            _csv(
                kab / kec / "riwayat.csv",
                ("indikator", "tahun", "target", "realisasi", "nama", "sumber", "keterangan"),
                _riwayat(rng, [tahun[0] - 2, tahun[0] - 1]),
            )
            _csv(
                kab / kec / "riwayat-anggaran.csv",
                ("tahun", "pagu", "realisasi", "sumber", "keterangan"),
                _riwayat_anggaran(random.Random(f"{seed}-{a}-{b}-anggaran"), [tahun[0] - 2, tahun[0] - 1]),
            )
            _yaml(kab / kec / "renstra.yml", _renstra(tahun))
            pembanding: list[tuple[object, ...]] = []
            for t in tahun:
                tercetak: list[tuple[object, ...]] = []
                if t == tahun[0]:
                    tercetak.append(("profil/penduduk", f"{penduduk:,}".replace(",", "."), "Bab I (contoh)"))
                ikm = _tahun(rng, kec, t, kab / kec / str(t), t == tahun[-1], tercetak)
                pembanding += [
                    ("ikm", t, f"Kabupaten Sintetis {a:02d}", "kabupaten", round(ikm + rng.uniform(-3, 3), 2), SUMBER),
                    ("ikm", t, "Provinsi Contoh", "provinsi", round(rng.uniform(78, 88), 2), SUMBER),
                ]
                count += 1
            _csv(
                kab / kec / "pembanding.csv",
                ("indikator", "tahun", "pembanding", "jenis", "nilai", "sumber"),
                pembanding,
            )
            _individu_saja(random.Random(f"{seed}-{a}-{b}-individu"), kec, tahun[0] - 1, kab / kec / str(tahun[0] - 1))
    return count


def _individu_saja(rng: random.Random, kec: str, tahun: int, folder: Path) -> None:
    """A year with only an individual report (its own random stream, so the other years stay
    as they were)."""
    dicetak: list[tuple[object, ...]] = []
    _yaml(folder / "individu-tw4.yml", _individu(rng, kec, tahun, 4, dicetak))
    if dicetak:
        _csv(folder / "dilaporkan.csv", ("alamat", "nilai", "tempat"), dicetak)

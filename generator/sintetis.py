"""Synthetic survey responses for demos, tests and benchmarks: deterministic for a seed and
always marked as synthetic. Never real data about real people."""

from __future__ import annotations

import csv
import io
import random
from datetime import date, timedelta
from pathlib import Path

import yaml

from .model import KODE_UNSUR, KOLOM_RESPONDEN

PENDIDIKAN = ("SD", "SMP", "SMA/SMK", "D3", "S1", "S2")
PEKERJAAN = ("PNS", "TNI/Polri", "Pegawai swasta", "Wiraswasta", "Petani", "Pelajar/Mahasiswa", "Lainnya")
SARAN = ("Antrean mohon dipercepat", "Ruang tunggu kurang nyaman", "Petugas ramah, pertahankan",
         "Informasi persyaratan dipasang di depan", "Mohon disediakan wifi")


def jawaban_sintetis(responden: int, seed: int, layanan: list[str], mulai: date, hari: int,
                     kode_awal: int = 1) -> str:
    """A raw-response CSV (`skm-<periode>.csv`) with `responden` rows: answers 1-4 drawn around a
    per-unsur tendency, about 2 % blank answers, expectations, respondent profile, a few
    free-text suggestions."""
    rng = random.Random(seed)
    tendency = [rng.uniform(2.7, 3.7) for _ in KODE_UNSUR]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=KOLOM_RESPONDEN, lineterminator="\n")
    writer.writeheader()
    for n in range(responden):
        row = {
            "responden": f"SINTETIS-{kode_awal + n:04d}",
            "tanggal": (mulai + timedelta(days=rng.randrange(hari))).isoformat(),
            "layanan": rng.choice(layanan),
            "jenis_kelamin": rng.choice("LP"),
            "usia": str(rng.randint(17, 75)),
            "pendidikan": rng.choices(PENDIDIKAN, weights=(2, 3, 6, 2, 4, 1))[0],
            "pekerjaan": rng.choices(PEKERJAAN, weights=(2, 1, 4, 5, 5, 2, 2))[0],
            "saran": rng.choice(SARAN) if rng.random() < 0.15 else "",
        }
        for i, kode in enumerate(KODE_UNSUR):
            score = min(4, max(1, round(rng.gauss(tendency[i], 0.6))))
            row[kode] = "" if rng.random() < 0.02 else str(score)
            row[f"E{i + 1}"] = str(min(4, max(1, round(rng.gauss(3.6, 0.4)))))
        writer.writerow(row)
    return out.getvalue()


# ---------------------------------------------------------------- a whole synthetic portal

SKALA = {"nama": "Skala contoh (sintetis)", "batas_capaian": 100, "rentang": [
    {"label": "Sangat Baik", "bawah": 90, "warna": "#08519c"},
    {"label": "Baik", "bawah": 75, "atas": 90, "warna": "#3182bd"},
    {"label": "Cukup", "bawah": 60, "atas": 75, "warna": "#7b6a00"},
    {"label": "Kurang", "bawah": 0, "bawah_inklusif": True, "atas": 60, "warna": "#a50f15"}]}
NOTE = "# DATA SINTETIS buatan `kinerja demo` untuk uji dan benchmark: bukan data tempat mana pun.\n"


def _yaml(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(NOTE + yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _tahun(rng: random.Random, kec: str, tahun: int) -> tuple[dict, dict, str, dict]:
    """kinerja.yml, program.yml, realisasi.csv and skm.yml of one synthetic kecamatan-year."""
    iku = [("ikm", "Indeks Kepuasan Masyarakat", "indeks", None), ("skk", "Nilai Sinergitas Kinerja Kecamatan",
           "nilai", "skk"), ("desa-tepat-waktu", "Persentase desa yang menyusun APBDes tepat waktu", "%", None),
           ("aduan", "Rata-rata hari penyelesaian aduan", "hari", None)]

    def indikator(ident: str, nama: str, satuan: str, bersama: str | None, target: float) -> dict:
        item = {"id": ident, "nama": nama, "satuan": satuan, "target": {"pk_awal": target}}
        if ident == "aduan":
            item["polaritas"] = "negatif"
        if ident == "ikm":
            item["agregasi"] = "rata-rata"
        if bersama:
            item["bersama"] = bersama
        return item

    kinerja = {"kecamatan": kec, "tahun": tahun, "sumber": "Data sintetis", "tujuan": [{
        "id": "T1", "nama": "Meningkatnya kinerja kecamatan",
        "sasaran": [{"id": f"S{i + 1}", "nama": f"Sasaran contoh {i + 1}",
                     "indikator": [indikator(*spec, target=t) for spec, t in pair]}
                    for i, pair in enumerate(([(iku[0], 80), (iku[1], 70)], [(iku[2], 100), (iku[3], 7)]))]}]}
    program = {"program": [], "anggaran": {"sumber_dana": "APBD (sintetis)"}}
    rows = ["indikator,tw1,tw2,tw3,tw4,tahunan,keterangan"]
    for p in range(1, 4):
        kegiatan = []
        for k in range(1, 3):
            subs = []
            for s in range(1, 3):
                pagu = rng.randrange(5, 200) * 1_000_000
                subs.append({"id": f"P{p}.K{k}.S{s}", "nama": f"Sub kegiatan contoh {p}.{k}.{s}",
                             "indikator": [{"id": f"P{p}.K{k}.S{s}-I1", "nama": f"Jumlah keluaran {p}.{k}.{s}",
                                            "satuan": "dokumen", "target": {"pk_awal": 12}}],
                             "anggaran": {"pagu_awal": pagu, "pagu_perubahan": pagu - rng.randrange(0, 5) * 1_000_000,
                                          "realisasi": int(pagu * rng.uniform(0.8, 0.99))}})
                rows.append(f"P{p}.K{k}.S{s}-I1,,,,,{rng.randint(8, 13)},")
            kegiatan.append({"id": f"P{p}.K{k}", "nama": f"Kegiatan contoh {p}.{k}", "sub_kegiatan": subs})
        program["program"].append({"id": f"P{p}", "nama": f"Program contoh {p}", "mendukung": [f"S{1 + p % 2}"],
                                   "kegiatan": kegiatan})
    rows += [f"ikm,,{rng.uniform(75, 90):.2f},,{rng.uniform(75, 92):.2f},,",
             f"skk,,,,,{rng.uniform(55, 90):.2f},", f"desa-tepat-waktu,,,,,{rng.choice([83.33, 91.67, 100])},",
             f"aduan,,,,,{rng.randint(4, 10)},"]
    unsur = {f"U{i}": {"nrr": round(rng.uniform(2.8, 3.9), 2), "harapan": round(rng.uniform(3.3, 3.9), 2)}
             for i in range(1, 10)}
    skm = {"kecamatan": kec, "tahun": tahun, "sumber": "Data sintetis", "sintetis": True, "indikator": "ikm", "periode": [
        {"id": "s1", "nama": "Semester I", "pengguna_layanan": rng.randrange(300, 3000), "unsur": unsur}]}
    return kinerja, program, "\n".join(rows) + "\n", skm


def portal_sintetis(root: Path, kabupaten: int, kecamatan: int, tahun: list[int], seed: int) -> int:
    """Write a whole synthetic portal under `root`: `kabupaten` × `kecamatan` × `tahun`, with
    every kind of content the real portal has. Returns the number of kecamatan-years."""
    rng = random.Random(seed)
    _yaml(root / "portal.yml", {"judul": "Portal Kinerja (DATA SINTETIS)",
                                "deskripsi": "Portal contoh dengan data sintetis untuk uji dan benchmark.",
                                "penerbit": "Portal Kinerja (data sintetis)"})
    count = 0
    for a in range(1, kabupaten + 1):
        kab = f"sintetis-{a:02d}"
        _yaml(root / kab / "kabupaten.yml", {"nama": f"Sintetis {a:02d}", "provinsi": "Provinsi Contoh",
                                             "skala_predikat": SKALA, "indikator_bersama": [
                                                 {"kode": "skk", "nama": "Nilai Sinergitas Kinerja Kecamatan",
                                                  "satuan": "nilai"}]})
        for b in range(1, kecamatan + 1):
            kec = f"kecamatan-{b:02d}"
            desa = [{"nama": f"Desa {c:02d}", "penduduk_laki_laki": rng.randrange(800, 4000),
                     "penduduk_perempuan": rng.randrange(800, 4000), "jumlah_kk": rng.randrange(400, 2500)}
                    for c in range(1, rng.randint(6, 14))]
            _yaml(root / kab / kec / "kecamatan.yml", {"nama": f"Kecamatan Contoh {a:02d}-{b:02d}",
                                                       "luas_km2": round(rng.uniform(15, 120), 2), "desa": desa})
            for t in tahun:
                kinerja, program, realisasi, skm = _tahun(rng, kec, t)
                folder = root / kab / kec / str(t)
                _yaml(folder / "kinerja.yml", kinerja)
                _yaml(folder / "program.yml", program)
                (folder / "realisasi.csv").write_text(realisasi, encoding="utf-8")
                _yaml(folder / "skm.yml", skm)
                count += 1
    return count

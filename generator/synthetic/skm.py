"""Synthetic raw survey responses (`kinerja contoh-skm`): never anyone's answers."""

from __future__ import annotations

import csv
import io
import random
from datetime import date, timedelta

from generator.model.portal import AWALAN_RESPONDEN_SINTETIS, KODE_UNSUR
from generator.model.skm import KOLOM_RESPONDEN

PENDIDIKAN = ("SD", "SMP", "SMA/SMK", "D3", "S1", "S2")


PEKERJAAN = ("PNS", "TNI/Polri", "Pegawai swasta", "Wiraswasta", "Petani", "Pelajar/Mahasiswa", "Lainnya")


SARAN = (
    "Antrean mohon dipercepat",
    "Ruang tunggu kurang nyaman",
    "Petugas ramah, pertahankan",
    "Informasi persyaratan dipasang di depan",
    "Mohon disediakan wifi",
)


def jawaban_sintetis(responden: int, seed: int, layanan: list[str], mulai: date, hari: int, kode_awal: int = 1) -> str:
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
            "responden": f"{AWALAN_RESPONDEN_SINTETIS}{kode_awal + n:04d}",
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

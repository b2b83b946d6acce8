"""SKM / IKM (PermenPANRB 14/2017, docs/domain.md §3.4): from raw responses or published per-unsur
means to NRR, IKM, mutu, per layanan, per period and per year; expectation gaps and the
importance-performance quadrants; sample adequacy; priorities; respondent profile counts.

Pure functions over plain data. Nothing here keeps a respondent's row: results hold means
and counts only (the respondent profile follows the publication rules of `compute.responden`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from statistics import fmean

from generator.compute.responden import RespondentProfile, masked, profil_responden
from generator.model.content import SkmData, SurveyResponse
from generator.model.portal import KODE_UNSUR, AturanSkm
from generator.model.skm import PeriodeSkm, Skm
from generator.numbers import round_half_up

#: Weight of each unsur: exactly 1/9 (not the printed 0,111, which understates the IKM).
BOBOT = 1 / 9


@dataclass(frozen=True)
class Mutu:
    huruf: str
    label: str
    bawah: float  # lowest IKM (2 decimals) with this letter
    warna: str

    @property
    def kode(self) -> str:
        """The letter, under the name a predikat badge uses."""
        return self.huruf


#: Mutu pelayanan by lower bound of the IKM rounded to 2 decimals, best first. The printed
#: intervals (25,00-64,99 / 65,00-76,60 / 76,61-88,30 / 88,31-100,00) leave gaps; lower bounds
#: give every value exactly one letter. Colours: Okabe-Ito, distinguishable by colour-blind readers.
MUTU = (
    Mutu("A", "Sangat baik", 88.31, "#009E73"),
    Mutu("B", "Baik", 76.61, "#0072B2"),
    Mutu("C", "Kurang baik", 65.00, "#E69F00"),
    Mutu("D", "Tidak baik", 25.00, "#D55E00"),
)


def rentang_mutu(q: Mutu) -> tuple[float, float]:
    """The printed IKM interval of a mutu letter: from its lower bound to just below the next
    better letter's (88,31-100,00 for A, 76,61-88,30 for B)."""
    better = [x for x in MUTU if x.bawah > q.bawah]
    return q.bawah, min(x.bawah for x in better) - 0.01 if better else 100.0


def mutu(ikm: float) -> Mutu:
    """The quality letter of an IKM (25-100), classified on its value rounded to 2 decimals."""
    rounded = float(round_half_up(ikm, 2))
    return next((q for q in MUTU if rounded >= q.bawah), MUTU[-1])


def ikm_from_nrr(nrr: Sequence[float]) -> tuple[float, float]:
    """(NRR tertimbang, IKM) from the nine unsur means: Σ NRR_i × 1/9, then × 25."""
    tertimbang = sum(n * BOBOT for n in nrr)
    return tertimbang, tertimbang * 25


def sampel_minimum(populasi: int) -> int:
    """Krejcie & Morgan (95 %, p = 0,5, e = 5 %): the respondents a population of service
    users requires, rounded half-up: 100 -> 80, 500 -> 217, 1.000 -> 278, 10.000 -> 370."""
    s = 3.841 * populasi * 0.25 / (0.0025 * (populasi - 1) + 3.841 * 0.25)
    return int(round_half_up(s, 0))


@dataclass(frozen=True)
class UnsurResult:
    kode: str
    nama: str
    nrr: float  # 1-4
    jumlah_jawaban: int | None  # answers used for the mean (blank answers excluded); None for published means
    harapan: float | None
    kuadran: str | None = None

    @property
    def nilai(self) -> float:
        """The unsur on the 25-100 scale (NRR × 25)."""
        return self.nrr * 25

    @property
    def mutu(self) -> Mutu:
        return mutu(self.nilai)

    @property
    def kesenjangan(self) -> float | None:
        """Performance minus expectation (negative: below what users expect)."""
        return None if self.harapan is None else self.nrr - self.harapan


#: Importance-performance analysis (Martilla & James), split at the means of the unsur.
KUADRAN = {
    (True, False): "I · Prioritas utama",  # important, performing below the mean
    (True, True): "II · Pertahankan",
    (False, False): "III · Prioritas rendah",
    (False, True): "IV · Berlebihan",
}


def kuadran(unsur: Sequence[UnsurResult]) -> tuple[UnsurResult, ...]:
    """Each unsur placed in its IPA quadrant (expectation = importance), when expectations exist."""
    harapan = [u.harapan for u in unsur if u.harapan is not None]
    if not unsur or len(harapan) < len(unsur):
        return tuple(unsur)
    mean_kinerja = fmean(u.nrr for u in unsur)
    mean_harapan = fmean(harapan)
    return tuple(
        UnsurResult(u.kode, u.nama, u.nrr, u.jumlah_jawaban, h, KUADRAN[(h >= mean_harapan, u.nrr >= mean_kinerja)])
        for u, h in zip(unsur, harapan)
    )


@dataclass(frozen=True)
class SisiHarapan:
    """The expectation side of a survey (E1..E9), computed like the performance side."""

    nrr_tertimbang: float
    ikm: float

    @property
    def mutu(self) -> Mutu:
        return mutu(self.ikm)


def harapan(unsur: Sequence[UnsurResult]) -> SisiHarapan | None:
    """NRR tertimbang, IKM and mutu of the expectations, when all nine unsur have one."""
    values = [u.harapan for u in unsur]
    if len(values) != len(KODE_UNSUR) or any(v is None for v in values):
        return None
    return SisiHarapan(*ikm_from_nrr([v for v in values if v is not None]))


def jumlah_per_mutu(unsur: Sequence[UnsurResult]) -> dict[str, int]:
    """How many unsur have each mutu letter (A, B, C, D; letters without unsur count 0)."""
    return {q.huruf: sum(1 for u in unsur if u.mutu.huruf == q.huruf) for q in MUTU}


def _mean(values: Iterable[int | None]) -> tuple[float | None, int]:
    answered = [v for v in values if v is not None]
    return (fmean(answered) if answered else None, len(answered))


def unsur_from_responses(jawaban: Sequence[SurveyResponse], nama: Sequence[str]) -> tuple[UnsurResult, ...] | None:
    """Per-unsur means of raw answers, each over the respondents who answered it."""
    result = []
    for i, kode in enumerate(KODE_UNSUR):
        nrr, n = _mean(j.kinerja[i] for j in jawaban)
        if nrr is None:
            return None
        harapan = _mean(j.harapan[i] for j in jawaban if j.harapan is not None)[0]
        result.append(UnsurResult(kode, nama[i], nrr, n, harapan))
    return kuadran(result)


def unsur_from_table(periode: PeriodeSkm, nama: Sequence[str]) -> tuple[UnsurResult, ...]:
    """Per-unsur values as published (NRR 1-4 or 25-100)."""
    assert periode.unsur is not None
    return kuadran(
        [
            UnsurResult(k, nama[i], periode.unsur[k].nrr_kinerja, None, periode.unsur[k].harapan)
            for i, k in enumerate(KODE_UNSUR)
        ]
    )


@dataclass(frozen=True)
class LayananResult:
    id: str
    nama: str
    ikm: float
    responden: int | None

    @property
    def mutu(self) -> Mutu:
        return mutu(self.ikm)


class _UnsurSummary:
    """What a set of unsur gives, shared by a period and the year."""

    unsur: tuple[UnsurResult, ...]

    @property
    def nrr_tertimbang(self) -> float | None:
        """NRR tertimbang of the unsur (by the same rule as the IKM)."""
        return ikm_from_nrr([u.nrr for u in self.unsur])[0] if self.unsur else None

    @property
    def harapan(self) -> SisiHarapan | None:
        return harapan(self.unsur)

    @property
    def jumlah_unsur_per_mutu(self) -> dict[str, int]:
        return jumlah_per_mutu(self.unsur)


@dataclass(frozen=True)
class PeriodeResult(_UnsurSummary):
    id: str
    nama: str
    unsur: tuple[UnsurResult, ...]  # empty when only layanan IKMs were published
    layanan: tuple[LayananResult, ...]
    ikm: float
    dasar: str  # how the IKM was made, in words
    responden: int | None
    pengguna_layanan: int | None

    @property
    def mutu(self) -> Mutu:
        return mutu(self.ikm)

    @property
    def ikm_unsur(self) -> float | None:
        """The IKM the per-unsur values give (may differ from a layanan-based unit IKM)."""
        return ikm_from_nrr([u.nrr for u in self.unsur])[1] if self.unsur else None

    @property
    def layanan_terendah(self) -> tuple[LayananResult, ...]:
        """The layanan with the lowest IKM (several when tied at 2 decimals)."""
        if not self.layanan:
            return ()
        low = min(round_half_up(x.ikm, 2) for x in self.layanan)
        return tuple(x for x in self.layanan if round_half_up(x.ikm, 2) == low)

    @property
    def sampel_minimum(self) -> int | None:
        return sampel_minimum(self.pengguna_layanan) if self.pengguna_layanan else None

    @property
    def sampel_cukup(self) -> bool | None:
        """Whether the respondents reach the Krejcie-Morgan minimum (None: cannot tell)."""
        if self.responden is None or self.sampel_minimum is None:
            return None
        return self.responden >= self.sampel_minimum


def _layanan_from_responses(
    jawaban: Sequence[SurveyResponse], skm: Skm, nama: Sequence[str]
) -> tuple[LayananResult, ...]:
    result = []
    for lay in skm.layanan:
        rows = [j for j in jawaban if j.layanan == lay.id]
        unsur = unsur_from_responses(rows, nama) if rows else None
        if unsur:
            result.append(LayananResult(lay.id, lay.nama, ikm_from_nrr([u.nrr for u in unsur])[1], len(rows)))
    return tuple(result)


def compute_periode(
    periode: PeriodeSkm, jawaban: Sequence[SurveyResponse] | None, skm: Skm, aturan: AturanSkm
) -> PeriodeResult:
    """One period's IKM: from raw answers, else from published unsur means, else from layanan IKMs."""
    nama_layanan = {lay.id: lay.nama for lay in skm.layanan}
    responden: int | None
    if jawaban is not None:
        unsur = unsur_from_responses(jawaban, aturan.unsur) or ()
        layanan = _layanan_from_responses(jawaban, skm, aturan.unsur)
        responden = len(jawaban)
    else:
        unsur = unsur_from_table(periode, aturan.unsur) if periode.unsur else ()
        layanan = tuple(LayananResult(x.layanan, nama_layanan[x.layanan], x.ikm, x.responden) for x in periode.layanan)
        responden = periode.responden
    if (skm.ikm_unit == "rata-rata-layanan" and layanan) or not unsur:
        ikm, dasar = fmean(x.ikm for x in layanan), f"rata-rata IKM {len(layanan)} jenis layanan"
    else:
        ikm = ikm_from_nrr([u.nrr for u in unsur])[1]
        dasar = "NRR tertimbang 9 unsur × 25" + (f" dari {responden} responden" if jawaban is not None else "")
    return PeriodeResult(periode.id, periode.nama, unsur, layanan, ikm, dasar, responden, periode.pengguna_layanan)


@dataclass(frozen=True)
class SkmResult(_UnsurSummary):
    data: SkmData
    periode: tuple[PeriodeResult, ...]
    ikm: float
    dasar: str
    unsur: tuple[UnsurResult, ...]  # the year's unsur, by the same rule as the year's IKM
    responden: int | None
    profil: tuple[RespondentProfile, ...]
    saran: tuple[str, ...]  # free text, only when the content enables publishing it

    @property
    def mutu(self) -> Mutu:
        return mutu(self.ikm)

    @property
    def prioritas(self) -> tuple[UnsurResult, ...]:
        """The lowest unsur, then any other below mutu B (76,61), lowest first."""
        if not self.unsur:
            return ()
        ranked = sorted(self.unsur, key=lambda u: u.nrr)
        return tuple(u for i, u in enumerate(ranked) if i == 0 or u.nilai < MUTU[1].bawah)


def rata_rata_unsur(periode: Sequence[PeriodeResult]) -> tuple[UnsurResult, ...]:
    """The year's unsur as the mean of the periods' unsur (the rata-rata-periode rule)."""
    with_unsur = [p.unsur for p in periode if p.unsur]
    if not with_unsur:
        return ()
    result = []
    for i, first in enumerate(with_unsur[0]):
        harapan = [h for u in with_unsur if (h := u[i].harapan) is not None]
        result.append(
            UnsurResult(
                first.kode,
                first.nama,
                fmean(u[i].nrr for u in with_unsur),
                None,
                fmean(harapan) if len(harapan) == len(with_unsur) else None,
            )
        )
    return kuadran(result)


def compute_skm(data: SkmData, aturan: AturanSkm) -> SkmResult:
    """The survey's results for the year, by the kabupaten's rule for the year value."""
    skm = data.skm
    periode = tuple(compute_periode(p, data.responden.get(p.id), skm, aturan) for p in skm.periode)
    semua = [j for p in skm.periode for j in data.responden.get(p.id, ())]
    all_raw = all(p.id in data.responden for p in skm.periode)
    pooled = unsur_from_responses(semua, aturan.unsur) if all_raw and semua else None
    if aturan.nilai_tahunan == "gabungan" and pooled:
        ikm, dasar = ikm_from_nrr([u.nrr for u in pooled])[1], f"gabungan {len(semua)} responden semua periode"
    else:
        ikm = fmean(p.ikm for p in periode)
        dasar = "IKM periode" if len(periode) == 1 else f"rata-rata IKM {len(periode)} periode"
    unsur = pooled if aturan.nilai_tahunan == "gabungan" and pooled else rata_rata_unsur(periode)
    counts = [p.responden for p in periode if p.responden is not None]
    responden = sum(counts) if len(counts) == len(periode) else None
    saran = tuple(masked(j.saran) for j in semua if j.saran) if skm.publikasi_saran else ()
    return SkmResult(data, periode, ikm, dasar, unsur, responden, profil_responden(semua, aturan.profil), saran)

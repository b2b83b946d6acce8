"""Resources and composite indices (docs/domain.md §3.5, 3.9): staff counts and shares with pemenuhan
jabatan, asset condition and value, and weighted composite indices with each aspect's share
of its maximum. Stated totals are compared with these sums by the audit (compute/audit.py)."""

from __future__ import annotations

from dataclasses import dataclass

from generator import model as m


def persen(bagian: float | None, keseluruhan: float | None) -> float | None:
    return None if bagian is None or not keseluruhan else bagian / keseluruhan * 100


# ---------------------------------------------------------------- SDM


@dataclass(frozen=True)
class Breakdown:
    dimensi: str
    kelompok: str
    baris: tuple[tuple[str, int, float | None], ...]  # category, count, share of this breakdown
    total: int


@dataclass(frozen=True)
class SdmResult:
    rincian: tuple[Breakdown, ...]
    jumlah_pegawai: int | None
    asn: int | None
    kebutuhan: int | None

    @property
    def pemenuhan_jabatan(self) -> float | None:
        """ASN in post / ASN positions needed × 100."""
        return persen(self.asn, self.kebutuhan)


def compute_sdm(sdm: m.Sdm) -> SdmResult:
    """Each breakdown with its shares; the staff total is the first breakdown of all staff
    (the stated `jumlah_pegawai` only without breakdowns)."""
    rincian = []
    for r in sdm.rincian:
        total = sum(r.jumlah.values())
        rincian.append(
            Breakdown(r.dimensi, r.kelompok, tuple((k, v, persen(v, total)) for k, v in r.jumlah.items()), total)
        )
    semua = [r.total for r in rincian if r.kelompok == "semua"]
    jumlah = semua[0] if semua else sdm.jumlah_pegawai
    return SdmResult(tuple(rincian), jumlah, sdm.asn, sdm.kebutuhan)


def stated_totals(sdm: m.Sdm, result: SdmResult) -> list[tuple[Breakdown, int, str]]:
    """What each breakdown must add up to, as the report states it: the stated staff total (or
    the first breakdown's) for all staff; a group's count in the status breakdown (or the
    stated ASN count) for that group. (breakdown, stated total, where it is stated)."""
    groups = {
        k.lower(): (v, f"rincian status: {k}")
        for r in sdm.rincian
        if r.dimensi == "status" and r.kelompok == "semua"
        for k, v in r.jumlah.items()
    }
    if sdm.asn is not None:
        groups.setdefault("asn", (sdm.asn, "sdm.asn"))
    first = next((r for r in result.rincian if r.kelompok == "semua"), None)
    if sdm.jumlah_pegawai is not None:
        groups["semua"] = (sdm.jumlah_pegawai, "sdm.jumlah_pegawai")
    elif first is not None:
        groups["semua"] = (first.total, f"rincian {first.dimensi.replace('_', ' ')} (rincian pertama)")
    return [(r, *groups[r.kelompok.lower()]) for r in result.rincian if r.kelompok.lower() in groups]


# ---------------------------------------------------------------- aset


KONDISI = ("baik", "rusak_ringan", "rusak_berat")


@dataclass(frozen=True)
class BarangResult:
    barang: m.Barang
    jumlah: int  # B + RR + RB when split by condition, else the stated jumlah

    def kondisi(self, name: str) -> int | None:
        """The count in one condition (a condition left out of a split row counts 0); None
        when the row gives no split."""
        return (getattr(self.barang, name) or 0) if self.barang.dirinci else None


@dataclass(frozen=True)
class NilaiAsetResult:
    golongan: str
    awal: float | None
    akhir: float | None

    @property
    def perubahan(self) -> float | None:
        """Akhir − awal (rupiah)."""
        return None if self.awal is None or self.akhir is None else self.akhir - self.awal

    @property
    def perubahan_persen(self) -> float | None:
        return None if self.perubahan is None or not self.awal else self.perubahan / self.awal * 100


def _sum(values: list[float | None]) -> float | None:
    given = [v for v in values if v is not None]
    return sum(given) if given else None


@dataclass(frozen=True)
class AsetResult:
    barang: tuple[BarangResult, ...]
    baik: int  # over the items split by condition
    rusak_ringan: int
    rusak_berat: int
    nilai: tuple[NilaiAsetResult, ...]

    @property
    def jumlah(self) -> int | None:
        """Every item counted (None: no item list, "tidak dilaporkan")."""
        return sum(b.jumlah for b in self.barang) if self.barang else None

    @property
    def jumlah_dirinci(self) -> int:
        """The items split by condition: the base of the condition shares."""
        return self.baik + self.rusak_ringan + self.rusak_berat

    @property
    def jumlah_tanpa_rincian(self) -> int:
        return sum(b.jumlah for b in self.barang if not b.barang.dirinci)

    def persen(self, kondisi: str) -> float | None:
        return persen(getattr(self, kondisi), self.jumlah_dirinci)

    @property
    def nilai_awal(self) -> float | None:
        return _sum([n.awal for n in self.nilai])

    @property
    def nilai_akhir(self) -> float | None:
        return _sum([n.akhir for n in self.nilai])

    @property
    def total_nilai(self) -> NilaiAsetResult | None:
        """The recap's total, with its change over the year."""
        return NilaiAsetResult("Jumlah", self.nilai_awal, self.nilai_akhir) if self.nilai else None


def compute_aset(aset: m.Aset) -> AsetResult:
    barang = tuple(
        BarangResult(b, sum(getattr(b, k) or 0 for k in KONDISI) if b.dirinci else b.jumlah or 0) for b in aset.barang
    )
    counts = {k: sum(b.kondisi(k) or 0 for b in barang) for k in KONDISI}
    nilai = tuple(NilaiAsetResult(n.golongan, n.awal, n.akhir) for n in aset.nilai)
    return AsetResult(barang, counts["baik"], counts["rusak_ringan"], counts["rusak_berat"], nilai)


# ---------------------------------------------------------------- composite indices

#: SAKIP grades by the total (0-100), as in PermenPANRB 88/2021 evaluations: > lower bound.
SKALA_SAKIP = (
    ("AA", "Sangat Memuaskan", 90),
    ("A", "Memuaskan", 80),
    ("BB", "Sangat Baik", 70),
    ("B", "Baik", 60),
    ("CC", "Cukup", 50),
    ("C", "Kurang", 30),
    ("D", "Sangat Kurang", float("-inf")),
)


def predikat_sakip(total: float) -> str:
    return next(f"{kode} ({label})" for kode, label, bawah in SKALA_SAKIP if total > bawah)


@dataclass(frozen=True)
class AspekResult:
    aspek: m.Aspek
    poin: float  # the aspect's contribution to the total
    maksimum: float | None  # its maximum contribution (None: weights not published)

    @property
    def bobot_tersirat(self) -> float | None:
        """nilai / skor: the weight the published figures imply, when no weight is published."""
        return self.poin / self.aspek.skor if self.aspek.skor else None

    @property
    def persen_maksimum(self) -> float | None:
        return persen(self.poin, self.maksimum)


@dataclass(frozen=True)
class IndeksResult:
    indeks: m.Indeks
    aspek: tuple[AspekResult, ...]
    total: float
    maksimum: float | None

    @property
    def predikat(self) -> str | None:
        if self.indeks.skala != "sakip" or not self.maksimum:
            return None
        return predikat_sakip(self.total / self.maksimum * 100)

    @property
    def terendah(self) -> AspekResult:
        """The weakest aspect: lowest share of its maximum, else lowest score or value."""
        return min(self.aspek, key=_weakness)


def _weakness(a: AspekResult) -> float:
    """How an aspect ranks for `terendah`: its share of the maximum, else its score, else its value."""
    if a.persen_maksimum is not None:  # None exactly when the maximum is unknown or 0
        return a.persen_maksimum
    return a.aspek.skor if a.aspek.skor is not None else a.poin


def _bobot(a: m.Aspek) -> float:
    if a.bobot is None:
        raise ValueError(f"aspek '{a.nama}' has no bobot: validation requires one unless cara is 'jumlah'")
    return a.bobot


def compute_indeks(indeks: m.Indeks) -> IndeksResult:
    """`poin`: each value is already weighted points out of its bobot; `bobot-persen`: each
    value is a 0-100 score weighted by bobot %."""
    maksimum: float | None
    if indeks.cara == "jumlah":
        aspek = tuple(AspekResult(a, a.nilai, None) for a in indeks.aspek)
        maksimum = indeks.maksimum
    else:
        bobot = [_bobot(a) for a in indeks.aspek]
        poin = [a.nilai if indeks.cara == "poin" else b / 100 * a.nilai for a, b in zip(indeks.aspek, bobot)]
        aspek = tuple(AspekResult(a, p, b) for a, p, b in zip(indeks.aspek, poin, bobot))
        maksimum = sum(bobot)
    return IndeksResult(indeks, aspek, sum(a.poin for a in aspek), maksimum)

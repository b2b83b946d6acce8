"""Budget (docs/domain.md §3.6, 3.7): pagu, realisasi, serapan and sisa per program node and in total,
the change from pagu awal to pagu perubahan, efisiensi (capaian − serapan), cost per outcome,
and the budget of earlier years with the change of serapan between years. Amounts sit on the most detailed node the report gives; a parent's amount is the sum of
its children when every child has it (docs/domain.md §3.6), and an amount stated on the parent
as well is kept only as a printed figure for the audit (compute/audit.py), never shown in place
of the sum."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from statistics import fmean

from generator import model as m
from generator.compute.perbandingan import Perubahan, perubahan_setiap

#: The money fields that add up from children to parents.
BESARAN = ("pagu_awal", "pagu_perubahan", "realisasi", "belanja_operasi", "belanja_modal", "refocusing")
#: Units that are not counts of outputs: no "rupiah per unit" for them.
SATUAN_BUKAN_HITUNGAN = {"%", "persen", "indeks", "nilai", "poin", "skor", "predikat", "angka"}


def serapan(pagu: float | None, realisasi: float | None) -> float | None:
    """Budget absorption in percent: realisasi / pagu × 100 (None without both, or pagu 0)."""
    if pagu is None or realisasi is None or pagu == 0:
        return None
    return realisasi / pagu * 100


def efisiensi(capaian: float | None, serapan_persen: float | None) -> float | None:
    """docs/domain.md §3.7: capaian − serapan, in percentage points (positive: more result per rupiah)."""
    if capaian is None or serapan_persen is None:
        return None
    return capaian - serapan_persen


@dataclass(frozen=True)
class Money:
    """Amounts of one node or total (None: not given and not derivable)."""

    pagu_awal: float | None = None
    pagu_perubahan: float | None = None
    realisasi: float | None = None
    belanja_operasi: float | None = None
    belanja_modal: float | None = None
    refocusing: float | None = None

    @property
    def pagu(self) -> float | None:
        """The pagu realisasi is measured against: after the change when there was one."""
        return self.pagu_perubahan if self.pagu_perubahan is not None else self.pagu_awal

    @property
    def serapan(self) -> float | None:
        return serapan(self.pagu, self.realisasi)

    @property
    def sisa(self) -> float | None:
        return None if self.pagu is None or self.realisasi is None else self.pagu - self.realisasi

    @property
    def perubahan(self) -> float | None:
        """pagu perubahan − pagu awal (negative: the budget was cut)."""
        if self.pagu_awal is None or self.pagu_perubahan is None:
            return None
        return self.pagu_perubahan - self.pagu_awal

    @property
    def perubahan_persen(self) -> float | None:
        if self.perubahan is None or not self.pagu_awal:
            return None
        return self.perubahan / self.pagu_awal * 100

    @property
    def pagu_awal_dikurangi_refocusing(self) -> float | None:
        """What the pagu perubahan should be when the refocusing was the only change."""
        return None if self.pagu_awal is None or self.refocusing is None else self.pagu_awal - self.refocusing

    @property
    def belanja(self) -> float | None:
        """Belanja operasi + belanja modal (None unless both are given)."""
        return (
            None
            if self.belanja_operasi is None or self.belanja_modal is None
            else self.belanja_operasi + self.belanja_modal
        )

    @property
    def persen_belanja_operasi(self) -> float | None:
        return None if self.belanja_operasi is None or not self.belanja else self.belanja_operasi / self.belanja * 100

    @property
    def persen_belanja_modal(self) -> float | None:
        return None if self.belanja_modal is None or not self.belanja else self.belanja_modal / self.belanja * 100


def sum_money(parts: Iterable[Money]) -> Money:
    """Field-wise sum; a field is None when no part has it."""
    parts = list(parts)
    values = {}
    for name in BESARAN:
        given = [getattr(p, name) for p in parts if getattr(p, name) is not None]
        values[name] = sum(given) if given else None
    return Money(**values)


#: Amounts given only where they happened: a node without one had none, so a parent's is the sum
#: of the children that give it.
SEBAGIAN = ("refocusing",)


def complete_sum(parts: Iterable[Money]) -> Money:
    """Field-wise sum of the fields every part has (a partial sum would understate); a
    refocusing is the sum of the parts that give one."""
    parts = list(parts)
    total = sum_money(parts)
    return Money(
        **{
            n: getattr(total, n) if n in SEBAGIAN or all(getattr(p, n) is not None for p in parts) else None
            for n in BESARAN
        }
    )


@dataclass(frozen=True)
class AnggaranNode:
    level: str
    node: m.Program | m.Kegiatan | m.SubKegiatan
    uang: Money
    anak: tuple[AnggaranNode, ...]
    dinyatakan: Money = Money()  # amounts stated on this node but summed from its children


def _gabung(stated: m.Anggaran | None, children: Money | None) -> tuple[Money, Money]:
    """A node's amounts (the children's sum where every child has the field, else as stated)
    and the stated amounts the sums replaced."""
    values, replaced = {}, {}
    for name in BESARAN:
        own = getattr(stated, name) if stated else None
        derived = getattr(children, name) if children else None
        values[name] = derived if derived is not None else own
        replaced[name] = own if derived is not None else None
    return Money(**values), Money(**replaced)


def node_anggaran(node: m.Program | m.Kegiatan | m.SubKegiatan, level: str) -> AnggaranNode:
    if isinstance(node, m.Program):
        anak = tuple(node_anggaran(k, "kegiatan") for k in node.kegiatan)
    elif isinstance(node, m.Kegiatan):
        anak = tuple(node_anggaran(s, "sub_kegiatan") for s in node.sub_kegiatan)
    else:
        anak = ()
    uang, dinyatakan = _gabung(node.anggaran, complete_sum(a.uang for a in anak) if anak else None)
    return AnggaranNode(level, node, uang, anak, dinyatakan)


def walk(nodes: Iterable[AnggaranNode]) -> Iterator[AnggaranNode]:
    for n in nodes:
        yield n
        yield from walk(n.anak)


@dataclass(frozen=True)
class AnggaranResult:
    """The year's budget of one kecamatan."""

    program: tuple[AnggaranNode, ...]
    total: Money
    dinyatakan: Money  # the year's totals as stated, where the programs' sums replaced them
    sumber_dana: str | None

    @property
    def ada(self) -> bool:
        return any(v is not None for v in vars(self.total).values())

    @property
    def rata_rata_serapan_program(self) -> float | None:
        """The unweighted mean of the programs' serapan, as reports print it (the pooled serapan
        of the year is `total.serapan`)."""
        values = [p.uang.serapan for p in self.program if p.uang.serapan is not None]
        return fmean(values) if values else None


def anggaran(daftar: m.DaftarProgram) -> AnggaranResult:
    program = tuple(node_anggaran(p, "program") for p in daftar.program)
    total, dinyatakan = _gabung(daftar.anggaran, complete_sum(p.uang for p in program))
    return AnggaranResult(program, total, dinyatakan, daftar.anggaran.sumber_dana if daftar.anggaran else None)


def supporting_programs(ang: AnggaranResult, target_id: str) -> tuple[AnggaranNode, ...]:
    """The programs whose `mendukung` names a sasaran, tujuan or IKU id."""
    return tuple(p for p in ang.program if isinstance(p.node, m.Program) and target_id in p.node.mendukung)


def rupiah_per_unit(
    realisasi_anggaran: float | None, realisasi_kinerja: float | str | None, satuan: str
) -> float | None:
    """Rupiah spent per unit of realised output, for outputs that are counts."""
    if (
        realisasi_anggaran is None
        or not isinstance(realisasi_kinerja, (int, float))
        or realisasi_kinerja <= 0
        or satuan.strip().lower() in SATUAN_BUKAN_HITUNGAN
    ):
        return None
    return realisasi_anggaran / realisasi_kinerja


@dataclass(frozen=True)
class TahunAnggaran:
    """One year's budget totals: from riwayat-anggaran.csv, or from that year's report (`laporan`)."""

    tahun: int
    pagu: float | None
    realisasi: float | None
    sumber: str
    keterangan: str | None = None
    laporan: bool = False

    @property
    def serapan(self) -> float | None:
        return serapan(self.pagu, self.realisasi)


def riwayat_anggaran(
    baris: Iterable[m.BarisRiwayatAnggaran], laporan: Iterable[tuple[int, Money]], tahun: int
) -> tuple[TahunAnggaran, ...]:
    """The budget of every year up to `tahun`, oldest first: the totals of the reports (year,
    total) that have a pagu or realisasi, and the riwayat-anggaran.csv rows before `tahun`
    (validation keeps the two apart)."""
    years = [
        TahunAnggaran(r.tahun, r.pagu, r.realisasi, r.sumber or "riwayat-anggaran.csv", r.keterangan)
        for r in baris
        if r.tahun < tahun
    ]
    years += [
        TahunAnggaran(t, u.pagu, u.realisasi, f"Laporan Kinerja {t}", laporan=True)
        for t, u in laporan
        if t <= tahun and (u.pagu is not None or u.realisasi is not None)
    ]
    return tuple(sorted(years, key=lambda y: y.tahun))


def perubahan_serapan(years: Iterable[TahunAnggaran]) -> tuple[Perubahan, ...]:
    """The change of serapan between every two years that have one (docs/domain.md §3.8)."""
    return perubahan_setiap((y.tahun, y.serapan) for y in years)

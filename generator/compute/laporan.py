"""One `LaporanKinerja` per kecamatan and year: each indicator's target, annual realisasi,
capaian and predikat; each sasaran's mean; the IKU summary; the program tree; money, survey,
resources and composite indices. Comparisons and audit notes are added by compute.portal.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from generator import model as m
from generator.compute.anggaran import (
    AnggaranNode,
    AnggaranResult,
    Money,
    TahunAnggaran,
    anggaran,
    efisiensi,
    rupiah_per_unit,
    sum_money,
    supporting_programs,
)
from generator.compute.capaian import (
    Capaian,
    CapaianSummary,
    agregasi_periode,
    capaian_angka,
    capaian_ordinal,
    predikat,
    rata_rata_realisasi,
    realisasi_rasio,
    sorted_periods,
    summarize,
)
from generator.compute.perbandingan import RiwayatLain
from generator.compute.skm import SkmResult, compute_skm
from generator.compute.sumber_daya import AsetResult, IndeksResult, SdmResult, compute_aset, compute_indeks, compute_sdm
from generator.model.content import KabupatenData, KecamatanData, YearData

if TYPE_CHECKING:  # comparisons and audit notes need every report: compute.portal sets them
    from generator.compute.audit import AuditNote
    from generator.compute.portal import IkuComparison

Level = Literal["tujuan", "sasaran", "program", "kegiatan", "sub_kegiatan"]

#: How an annual realisasi was derived from period values, as the page says it.
SUMBER_AGREGASI = {
    "rata-rata": "rata-rata nilai triwulan",
    "jumlah": "jumlah nilai triwulan",
    "terakhir": "nilai triwulan terakhir",
    "maks": "nilai triwulan tertinggi",
}
SUMBER_RASIO = "pembilang / penyebut"


@dataclass(frozen=True)
class IndikatorResult:
    indikator: m.Indikator
    level: Level
    target: float | str | None
    target_sumber: str
    periode: dict[str, float | str]
    realisasi: float | str | None
    realisasi_sumber: str
    realisasi_periode: float | str | None
    realisasi_diketik: float | str | None  # the annual value typed in realisasi.csv, if any
    capaian: Capaian
    predikat: m.Rentang | None
    keterangan: str | None
    pembilang: float | None = None  # the realisasi's numerator and denominator, when given
    penyebut: float | None = None


@dataclass(frozen=True)
class SasaranResult:
    sasaran: m.Sasaran
    indikator: tuple[IndikatorResult, ...]
    ringkasan: CapaianSummary
    predikat: m.Rentang | None


@dataclass(frozen=True)
class TujuanResult:
    tujuan: m.Tujuan
    indikator: tuple[IndikatorResult, ...]
    sasaran: tuple[SasaranResult, ...]


@dataclass(frozen=True)
class ProgramNodeResult:
    """A program, kegiatan or sub-kegiatan with its indicators' results and its children."""

    level: Level
    node: m.Program | m.Kegiatan | m.SubKegiatan
    indikator: tuple[IndikatorResult, ...]
    anak: tuple[ProgramNodeResult, ...]

    @property
    def rata_rata_realisasi(self) -> float | None:
        """Mean realisasi of the node's own percentage indicators, when it has at least two."""
        return rata_rata_realisasi([(h.indikator.satuan, h.realisasi) for h in self.indikator], minimum=2)


@dataclass(frozen=True)
class Struktur:
    """How many of each element the year's plan has."""

    jumlah_tujuan: int
    jumlah_sasaran: int
    jumlah_iku: int
    jumlah_program: int
    jumlah_kegiatan: int
    jumlah_sub_kegiatan: int
    jumlah_indikator_program: int


@dataclass(frozen=True)
class LaporanKinerja:
    kabupaten: KabupatenData
    kecamatan: KecamatanData
    data: YearData
    tujuan: tuple[TujuanResult, ...]
    iku: tuple[IndikatorResult, ...]
    ringkasan: CapaianSummary
    predikat: m.Rentang | None
    program: tuple[ProgramNodeResult, ...]
    ringkasan_program: CapaianSummary
    skm: SkmResult | None = None
    anggaran: AnggaranResult | None = None
    biaya: tuple[CostPerOutcome, ...] = ()
    perbandingan: tuple[IkuComparison, ...] = ()
    sdm: SdmResult | None = None
    aset: AsetResult | None = None
    indeks: tuple[IndeksResult, ...] = ()
    ringkasan_gabungan: CapaianSummary | None = None  # IKU and program indicators together
    riwayat_lain: tuple[RiwayatLain, ...] = ()  # history of indicators no longer reported
    riwayat_anggaran: tuple[TahunAnggaran, ...] = ()  # the budget of every year up to this one
    audit: tuple[AuditNote, ...] = ()

    @property
    def tahun(self) -> int:
        return self.data.tahun

    @property
    def struktur(self) -> Struktur:
        nodes = list(walk_program(self))
        return Struktur(
            jumlah_tujuan=len(self.tujuan),
            jumlah_sasaran=sum(len(t.sasaran) for t in self.tujuan),
            jumlah_iku=len(self.iku),
            jumlah_program=sum(1 for n in nodes if n.level == "program"),
            jumlah_kegiatan=sum(1 for n in nodes if n.level == "kegiatan"),
            jumlah_sub_kegiatan=sum(1 for n in nodes if n.level == "sub_kegiatan"),
            jumlah_indikator_program=sum(len(n.indikator) for n in nodes),
        )

    @property
    def rata_rata_realisasi_program(self) -> float | None:
        """Mean realisasi of the program-level percentage indicators (as a report may print it)."""
        return rata_rata_realisasi([(h.indikator.satuan, h.realisasi) for n in self.program for h in n.indikator])


def _target(ind: m.Indikator) -> tuple[float | str | None, str]:
    if ind.target.pk_perubahan is not None:
        return ind.target.pk_perubahan, "PK perubahan"
    return ind.target.pk_awal, "PK awal"


def compute_indikator(
    ind: m.Indikator,
    level: Level,
    baris: m.BarisRealisasi | None,
    skala: m.SkalaPredikat,
    terhitung: tuple[float, str] | None = None,
) -> IndikatorResult:
    """Everything computed for one indicator from its target and realisasi row; `terhitung`
    is a realisasi the portal computes itself (the IKM from the survey) with its source."""
    target, target_sumber = _target(ind)
    periode = baris.periods() if baris else {}
    dari_periode = agregasi_periode(sorted_periods(periode), ind.agregasi)
    realisasi: float | str | None
    pembilang = baris.pembilang if baris else None
    penyebut = baris.penyebut if baris else None
    if terhitung is not None:
        realisasi, sumber = terhitung
    elif pembilang is not None and penyebut is not None:
        realisasi, sumber = realisasi_rasio(pembilang, penyebut, ind.satuan), SUMBER_RASIO
    elif baris is not None and baris.tahunan is not None:
        realisasi, sumber = baris.tahunan, "tahunan"
    else:
        realisasi, sumber = dari_periode, SUMBER_AGREGASI[ind.agregasi or "terakhir"]
    capaian = _capaian(ind, realisasi, target)
    return IndikatorResult(
        indikator=ind,
        level=level,
        target=target,
        target_sumber=target_sumber,
        periode=periode,
        realisasi=realisasi,
        realisasi_sumber=sumber if realisasi is not None else "",
        realisasi_periode=dari_periode,
        realisasi_diketik=baris.tahunan if baris else None,
        capaian=capaian,
        predikat=predikat(capaian.nilai, skala) if capaian.nilai is not None else None,
        keterangan=baris.keterangan if baris else None,
        pembilang=pembilang,
        penyebut=penyebut,
    )


def _capaian(ind: m.Indikator, realisasi: float | str | None, target: float | str | None) -> Capaian:
    """Capaian by the indicator's kind of value (validation lets no value of the other kind through)."""
    if ind.jenis_nilai == "ordinal":
        if isinstance(realisasi, (int, float)) or isinstance(target, (int, float)):
            raise ValueError(f"indicator '{ind.id}' is ordinal but has a number: validation should have refused it")
        return capaian_ordinal(realisasi, target)
    if isinstance(realisasi, str) or isinstance(target, str):
        raise ValueError(f"indicator '{ind.id}' takes numbers but has a grade: validation should have refused it")
    return capaian_angka(realisasi, target, ind.polaritas)


def _ringkasan_predikat(
    hasil: tuple[IndikatorResult, ...], skala: m.SkalaPredikat
) -> tuple[CapaianSummary, m.Rentang | None]:
    summary = summarize([h.capaian for h in hasil], skala.batas_capaian)
    return summary, predikat(summary.rata_rata, skala) if summary.rata_rata is not None else None


@dataclass(frozen=True)
class CostPerOutcome:
    """Money beside results for a sasaran or an IKU (cost per outcome, efisiensi)."""

    jenis: Literal["sasaran", "indikator"]
    id: str
    nama: str
    program: tuple[AnggaranNode, ...]
    uang: Money
    capaian: float | None
    target: float | str | None = None
    realisasi: float | str | None = None
    satuan: str = ""

    @property
    def efisiensi(self) -> float | None:
        return efisiensi(self.capaian, self.uang.serapan)

    @property
    def rupiah_per_unit(self) -> float | None:
        return rupiah_per_unit(self.uang.realisasi, self.realisasi, self.satuan) if self.jenis == "indikator" else None


def costs_per_outcome(tujuan: tuple[TujuanResult, ...], ang: AnggaranResult) -> tuple[CostPerOutcome, ...]:
    """Every sasaran and IKU that some program names in `mendukung`, with that money."""
    rows = []
    for t in tujuan:
        targets = [("indikator", h) for h in t.indikator]
        for s in t.sasaran:
            programs = supporting_programs(ang, s.sasaran.id)
            if programs:
                rows.append(
                    CostPerOutcome(
                        "sasaran",
                        s.sasaran.id,
                        s.sasaran.nama,
                        programs,
                        sum_money(p.uang for p in programs),
                        s.ringkasan.rata_rata,
                    )
                )
            targets += [("indikator", h) for h in s.indikator]
        for _, h in targets:
            programs = supporting_programs(ang, h.indikator.id)
            if programs:
                rows.append(
                    CostPerOutcome(
                        "indikator",
                        h.indikator.id,
                        h.indikator.nama,
                        programs,
                        sum_money(p.uang for p in programs),
                        h.capaian.nilai,
                        h.target,
                        h.realisasi,
                        h.indikator.satuan,
                    )
                )
    return tuple(rows)


def laporan_kinerja(kab: KabupatenData, kec: KecamatanData, data: YearData) -> LaporanKinerja:
    """The computed Laporan Kinerja of one kecamatan and year."""
    skala = kab.profil.skala_predikat
    skm = compute_skm(data.skm, kab.profil.skm) if data.skm else None
    computed = {skm.data.skm.indikator: (skm.ikm, f"IKM hasil SKM ({skm.dasar})")} if skm else {}
    indeks = tuple(compute_indeks(i) for i in data.indeks.indeks) if data.indeks else ()
    computed.update({x.indeks.indikator: (x.total, f"total {x.indeks.nama}") for x in indeks if x.indeks.indikator})
    sd = data.sumber_daya
    sdm = compute_sdm(sd.sdm) if sd and sd.sdm else None
    aset = compute_aset(sd.aset) if sd and sd.aset else None

    def results(indikator: list[m.Indikator], level: Level) -> tuple[IndikatorResult, ...]:
        return tuple(
            compute_indikator(i, level, data.realisasi.get(i.id), skala, computed.get(i.id)) for i in indikator
        )

    tujuan = []
    for t in data.kinerja.tujuan:
        sasaran = []
        for s in t.sasaran:
            hasil = results(s.indikator, "sasaran")
            sasaran.append(SasaranResult(s, hasil, *_ringkasan_predikat(hasil, skala)))
        tujuan.append(TujuanResult(t, results(t.indikator, "tujuan"), tuple(sasaran)))
    iku = tuple(h for t in tujuan for h in (*t.indikator, *(i for s in t.sasaran for i in s.indikator)))

    def tree(node: m.Program | m.Kegiatan | m.SubKegiatan, level: Level) -> ProgramNodeResult:
        children: tuple[ProgramNodeResult, ...] = ()
        if isinstance(node, m.Program):
            children = tuple(tree(k, "kegiatan") for k in node.kegiatan)
        elif isinstance(node, m.Kegiatan):
            children = tuple(tree(s, "sub_kegiatan") for s in node.sub_kegiatan)
        return ProgramNodeResult(level, node, results(node.indikator, level), children)

    program = tuple(tree(p, "program") for p in (data.program.program if data.program else ()))
    program_hasil = tuple(h for n in _walk(program) for h in n.indikator)
    ringkasan, pred = _ringkasan_predikat(iku, skala)
    ang = anggaran(data.program) if data.program else None
    if ang is not None and not ang.ada:
        ang = None
    return LaporanKinerja(
        kab,
        kec,
        data,
        tuple(tujuan),
        iku,
        ringkasan,
        pred,
        program,
        summarize([h.capaian for h in program_hasil], skala.batas_capaian),
        skm,
        ang,
        costs_per_outcome(tuple(tujuan), ang) if ang else (),
        sdm=sdm,
        aset=aset,
        indeks=indeks,
        ringkasan_gabungan=summarize([h.capaian for h in (*iku, *program_hasil)], skala.batas_capaian),
    )


def _walk(nodes: tuple[ProgramNodeResult, ...]) -> Iterator[ProgramNodeResult]:
    """Program tree nodes in reading order (program, its kegiatan, their sub-kegiatan)."""
    for n in nodes:
        yield n
        yield from _walk(n.anak)


def walk_program(laporan: LaporanKinerja) -> Iterator[ProgramNodeResult]:
    return _walk(laporan.program)

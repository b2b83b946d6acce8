"""The portal's figures compared over time and across kecamatan: each IKU's history, Renstra
progress, benchmarks and ranking, and every kabupaten's overview per year; `compute` runs the
whole compute stage."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from statistics import fmean

from generator import model as m
from generator.compute.anggaran import TahunAnggaran, riwayat_anggaran
from generator.compute.audit import AuditNote, audit_year, printed_rows, stated, stated_individu
from generator.compute.individu import IndividuResult, compute_individu
from generator.compute.laporan import IndikatorResult, LaporanKinerja, laporan_kinerja
from generator.compute.perbandingan import (
    KemajuanRenstra,
    PembandingResult,
    Peringkat,
    Perubahan,
    RiwayatRow,
    kemajuan_renstra,
    pembanding,
    peringkat,
    perubahan_antar,
    riwayat,
    riwayat_lain,
)
from generator.compute.register import YearRegister, year_register
from generator.model.content import Content, KabupatenData, KecamatanData
from generator.problems import ContentError, Problem


@dataclass(frozen=True)
class IkuComparison:
    """One IKU over time and side by side."""

    hasil: IndikatorResult
    riwayat: tuple[RiwayatRow, ...]
    renstra: KemajuanRenstra | None
    pembanding: tuple[PembandingResult, ...]
    peringkat: tuple[Peringkat, ...]  # every kecamatan of the kabupaten with data that year
    posisi: Peringkat | None  # this kecamatan's place in it

    @property
    def ada(self) -> bool:
        return len(self.riwayat) > 1 or bool(self.renstra or self.pembanding or self.peringkat)

    @property
    def perubahan(self) -> tuple[Perubahan, ...]:
        """The change of realisasi between every two years of the history."""
        return perubahan_antar(self.riwayat)

    @property
    def perubahan_sepanjang(self) -> Perubahan | None:
        """The change from the first to the last year with a numeric realisasi."""
        pairs = self.perubahan
        return max(pairs, key=lambda x: (x.ke - x.dari, x.ke)) if pairs else None


@dataclass(frozen=True)
class OverviewRow:
    """One kecamatan in its kabupaten's overview for a year."""

    kecamatan: str
    slug: str | None
    bersama: dict[str, Peringkat | None]  # shared indicator code -> value and rank
    laporan: LaporanKinerja | None


@dataclass(frozen=True)
class SharedSummary:
    """A shared indicator over the kecamatan of a kabupaten that have a value in a year."""

    indikator: m.IndikatorBersama
    jumlah_kecamatan: int
    jumlah: float
    rata_rata: float


@dataclass(frozen=True)
class Overview:
    """All kecamatan of a kabupaten side by side for a year, pre-sorted by the main indicator."""

    kabupaten: KabupatenData
    tahun: int
    baris: tuple[OverviewRow, ...]
    utama: m.IndikatorBersama | None  # the shared indicator the rows are sorted by (None: mean capaian)

    @property
    def ringkasan_bersama(self) -> tuple[SharedSummary, ...]:
        """Sum and mean of every shared indicator over the kecamatan with a value (as a kabupaten's
        letter lists them)."""
        result = []
        for shared in self.kabupaten.profil.indikator_bersama:
            values = [p.nilai for r in self.baris if (p := r.bersama.get(shared.kode)) is not None]
            if values:
                result.append(SharedSummary(shared, len(values), sum(values), fmean(values)))
        return tuple(result)


def nilai_bersama(
    kab: KabupatenData, laporan: Iterable[LaporanKinerja], kode: str, tahun: int
) -> dict[str, tuple[float | str | None, str | None]]:
    """Kecamatan name -> (value, folder slug) of a shared indicator in a year: the kabupaten's
    table, overridden by the realisasi a kecamatan's own report computes."""
    values: dict[str, tuple[float | str | None, str | None]] = {}
    slugs = {k.profil.nama.lower(): k.slug for k in kab.kecamatan}
    for row in kab.nilai_kecamatan:
        if row.indikator == kode and row.tahun == tahun:
            values[row.kecamatan] = (row.nilai, slugs.get(row.kecamatan.lower()))
    for lp in laporan:
        if lp.kabupaten.slug == kab.slug and lp.tahun == tahun:
            for h in lp.iku:
                if h.indikator.bersama == kode:
                    values[lp.kecamatan.profil.nama] = (h.realisasi, lp.kecamatan.slug)
    return values


def _ranking(kab: KabupatenData, laporan: Sequence[LaporanKinerja], kode: str, tahun: int) -> tuple[Peringkat, ...]:
    shared = next(i for i in kab.profil.indikator_bersama if i.kode == kode)
    values = nilai_bersama(kab, laporan, kode, tahun)
    return peringkat([(k, v, s) for k, (v, s) in values.items()], shared.polaritas)


def perbandingan(lp: LaporanKinerja, semua: Sequence[LaporanKinerja]) -> tuple[IkuComparison, ...]:
    """History, Renstra progress, benchmarks and ranking of every IKU of a report."""
    kec = lp.kecamatan
    own = [
        x
        for x in semua
        if x.kabupaten.slug == lp.kabupaten.slug and x.kecamatan.slug == kec.slug and x.tahun <= lp.tahun
    ]
    result = []
    for h in lp.iku:
        ind = h.indikator
        years = [(x.tahun, y.target, y.realisasi) for x in own for y in x.iku if y.indikator.id == ind.id]
        rows = [r for r in kec.riwayat if r.indikator == ind.id and r.tahun < lp.tahun]
        ranking = _ranking(lp.kabupaten, semua, ind.bersama, lp.tahun) if ind.bersama else ()
        mine = next((p for p in ranking if p.slug == kec.slug), None)
        result.append(
            IkuComparison(
                h,
                riwayat(ind, years, rows),
                kemajuan_renstra(kec.renstra, ind.id, ind.polaritas, lp.tahun, h.realisasi) if kec.renstra else None,
                pembanding(kec.pembanding, ind.id, lp.tahun, h.realisasi),
                ranking,
                mine,
            )
        )
    return tuple(result)


def anggaran_tahunan(lp: LaporanKinerja, semua: Sequence[LaporanKinerja]) -> tuple[TahunAnggaran, ...]:
    """The budget of the kecamatan in every year up to the report's: its reports and its budget history."""
    own = [
        (x.tahun, x.anggaran.total)
        for x in semua
        if x.kabupaten.slug == lp.kabupaten.slug and x.kecamatan.slug == lp.kecamatan.slug and x.anggaran
    ]
    return riwayat_anggaran(lp.kecamatan.riwayat_anggaran, own, lp.tahun)


def overviews(kab: KabupatenData, laporan: Sequence[LaporanKinerja]) -> tuple[Overview, ...]:
    """The kabupaten's overview for every year with a report or a shared-indicator value."""
    mine = [lp for lp in laporan if lp.kabupaten.slug == kab.slug]
    years = sorted({lp.tahun for lp in mine} | {r.tahun for r in kab.nilai_kecamatan})
    codes = [i.kode for i in kab.profil.indikator_bersama]
    result = []
    for tahun in years:
        rankings = {c: _ranking(kab, laporan, c, tahun) for c in codes}
        names = {p.kecamatan: p.slug for r in rankings.values() for p in r}
        reports = {lp.kecamatan.profil.nama: lp for lp in mine if lp.tahun == tahun}
        names.update({n: lp.kecamatan.slug for n, lp in reports.items()})
        utama = next((i for i in kab.profil.indikator_bersama if rankings[i.kode]), None)
        rows = [
            OverviewRow(
                n, slug, {c: next((p for p in rankings[c] if p.kecamatan == n), None) for c in codes}, reports.get(n)
            )
            for n, slug in names.items()
        ]
        rows.sort(key=lambda r: _urutan(r, utama))
        result.append(Overview(kab, tahun, tuple(rows), utama))
    return tuple(result)


def _urutan(row: OverviewRow, utama: m.IndikatorBersama | None) -> tuple[bool, float, str]:
    """Sort by rank of the main shared indicator, else by mean capaian; no data last."""
    if utama is not None:
        place = row.bersama[utama.kode]
        return (place is None, place.peringkat if place else 0, row.kecamatan)
    mean = row.laporan.ringkasan.rata_rata if row.laporan else None
    return (mean is None, -(mean or 0), row.kecamatan)


@dataclass(frozen=True)
class PortalResult:
    content: Content
    laporan: tuple[LaporanKinerja, ...]
    individu: tuple[IndividuResult, ...] = ()
    overviews: tuple[Overview, ...] = ()
    register: tuple[YearRegister, ...] = ()  # every kecamatan-year's figures and audit notes

    def register_untuk(self, kab: str, kec: str, tahun: int) -> YearRegister:
        return next(r for r in self.register if (r.kabupaten.slug, r.kecamatan.slug, r.tahun) == (kab, kec, tahun))

    def individu_untuk(self, kab: str, kec: str) -> list[IndividuResult]:
        """Quarterly individual reports of a kecamatan, oldest first."""
        return sorted(
            (r for r in self.individu if r.kabupaten.slug == kab and r.kecamatan.slug == kec),
            key=lambda r: (r.tahun, r.triwulan),
        )

    def untuk(self, kab: str, kec: str | None = None) -> list[LaporanKinerja]:
        """Reports of a kabupaten (or one of its kecamatan), oldest year first."""
        return sorted(
            (lp for lp in self.laporan if lp.kabupaten.slug == kab and kec in (None, lp.kecamatan.slug)),
            key=lambda lp: lp.tahun,
        )

    def terbaru(self) -> list[LaporanKinerja]:
        """The latest report of every kecamatan, by kecamatan name."""
        latest: dict[tuple[str, str], LaporanKinerja] = {}
        for lp in self.laporan:
            key = (lp.kabupaten.slug, lp.kecamatan.slug)
            if key not in latest or lp.tahun > latest[key].tahun:
                latest[key] = lp
        return sorted(latest.values(), key=lambda lp: lp.kecamatan.profil.nama)


def indicator_ids(kec: KecamatanData) -> set[str]:
    """Every indicator id of every year of a kecamatan (kinerja.yml and program.yml)."""
    ids = {
        i.id
        for y in kec.tahun
        for t in y.kinerja.tujuan
        for i in (*t.indikator, *(x for s in t.sasaran for x in s.indikator))
    }
    return ids | {
        i.id
        for y in kec.tahun
        for p in (y.program.program if y.program else ())
        for n in _nodes(p)
        for i in n.indikator
    }


def _nodes(p: m.Program) -> Iterator[m.Program | m.Kegiatan | m.SubKegiatan]:
    yield p
    for k in p.kegiatan:
        yield k
        yield from k.sub_kegiatan


#: Whether a kecamatan's figure register is not needed, given its reports compared with the others'.
Unneeded = Callable[[KabupatenData, KecamatanData, Sequence[LaporanKinerja]], bool]


def registers(
    content: Content,
    laporan: Sequence[LaporanKinerja],
    individu: Sequence[IndividuResult],
    unneeded: Unneeded | None = None,
) -> tuple[list[YearRegister], list[Problem]]:
    """The register of every kecamatan-year and its audit against the printed figures, except
    for the kecamatan `unneeded` names."""
    result, problems = [], []
    for kab in content.kabupaten:
        for kec in kab.kecamatan:
            mine = [lp for lp in laporan if lp.kabupaten.slug == kab.slug and lp.kecamatan.slug == kec.slug]
            if unneeded is not None and unneeded(kab, kec, mine):
                continue
            reports = [r for r in individu if r.kabupaten.slug == kab.slug and r.kecamatan.slug == kec.slug]
            for tahun in sorted({lp.tahun for lp in mine} | {r.tahun for r in reports}):
                lp = next((x for x in mine if x.tahun == tahun), None)
                year = [r for r in reports if r.tahun == tahun]
                register = year_register(kab, kec, tahun, lp, year)
                printed = [
                    *printed_rows(kec.dilaporkan.get(tahun)),
                    *(stated(lp) if lp else ()),
                    *(p for r in year for p in stated_individu(r)),
                ]
                notes, found = audit_year(register, printed)
                result.append(replace(register, audit=notes))
                problems += found
    return result, problems


def compute(content: Content, unneeded: Unneeded | None = None) -> PortalResult:
    """Every report of the portal, compared over time and across kecamatan, with its figure
    register and audit; raises ContentError for printed figures that cannot be compared.
    `unneeded`: kecamatan whose register (and audit notes) nobody needs this time: an
    incremental build keeps their pages from the last build."""
    laporan = [
        laporan_kinerja(kab, kec, data) for kab in content.kabupaten for kec in kab.kecamatan for data in kec.tahun
    ]
    laporan = [
        replace(
            lp,
            perbandingan=perbandingan(lp, laporan),
            riwayat_lain=riwayat_lain(
                lp.kecamatan.riwayat, indicator_ids(lp.kecamatan), lp.tahun, lp.kecamatan.renstra
            ),
            riwayat_anggaran=anggaran_tahunan(lp, laporan),
        )
        for lp in laporan
    ]
    individu = [
        compute_individu(kab, kec, data) for kab in content.kabupaten for kec in kab.kecamatan for data in kec.individu
    ]
    found, problems = registers(content, laporan, individu, unneeded)
    if problems:
        raise ContentError(problems)
    notes = {(r.kabupaten.slug, r.kecamatan.slug, r.tahun): r.audit for r in found}

    def audit(x: LaporanKinerja | IndividuResult) -> tuple[AuditNote, ...]:
        return notes.get((x.kabupaten.slug, x.kecamatan.slug, x.tahun), ())

    laporan = [replace(lp, audit=audit(lp)) for lp in laporan]
    individu = [
        replace(r, audit=tuple(n for n in audit(r) if n.alamat.startswith(f"individu/tw{r.triwulan}/")))
        for r in individu
    ]
    return PortalResult(
        content,
        tuple(laporan),
        tuple(individu),
        tuple(x for kab in content.kabupaten for x in overviews(kab, laporan)),
        tuple(found),
    )

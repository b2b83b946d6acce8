"""Stage 3, compute: validated content -> every figure the pages show.

One `LaporanKinerja` per kecamatan and year: each indicator's target, annual realisasi,
capaian and predikat; each sasaran's mean; the IKU summary; the program tree; and audit
notes where a published figure disagrees with ours (DOMAIN 3.10).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Iterable, Iterator, Literal, Sequence

from generator import model as m
from generator.model.content import Content, KabupatenData, KecamatanData, TahunData
from generator.compute.capaian import Capaian, Ringkasan, agregasi_periode, capaian_angka, capaian_ordinal, periode_terurut, predikat, ringkas
from generator.compute.anggaran import Anggaran, NodeAnggaran, Uang, anggaran, efisiensi, jumlah, pendukung, rupiah_per_unit, walk
from generator.compute.individu import HasilIndividu, hasil_individu
from generator.compute.perbandingan import Banding, KemajuanRenstra, Peringkat, TahunRiwayat, kemajuan_renstra, pembanding, peringkat, riwayat
from generator.compute.selisih import berbeda
from generator.compute.skm import HasilSkm, hasil_skm
from generator.compute.sumber_daya import HasilAset, HasilIndeks, HasilSdm, hasil_aset, hasil_indeks, hasil_sdm

Level = Literal["tujuan", "sasaran", "program", "kegiatan", "sub_kegiatan"]

#: How an annual realisasi was derived from period values, as the page says it.
SUMBER_AGREGASI = {
    "rata-rata": "rata-rata nilai triwulan",
    "jumlah": "jumlah nilai triwulan",
    "terakhir": "nilai triwulan terakhir",
    "maks": "nilai triwulan tertinggi",
}


@dataclass(frozen=True)
class HasilIndikator:
    indikator: m.Indikator
    level: Level
    target: float | str | None
    target_sumber: str
    periode: dict[str, float | str]
    realisasi: float | str | None
    realisasi_sumber: str
    realisasi_periode: float | str | None
    realisasi_diketik: float | str | None      # the annual value typed in realisasi.csv, if any
    capaian: Capaian
    predikat: m.Rentang | None
    keterangan: str | None


@dataclass(frozen=True)
class HasilSasaran:
    sasaran: m.Sasaran
    indikator: tuple[HasilIndikator, ...]
    ringkasan: Ringkasan
    predikat: m.Rentang | None


@dataclass(frozen=True)
class HasilTujuan:
    tujuan: m.Tujuan
    indikator: tuple[HasilIndikator, ...]
    sasaran: tuple[HasilSasaran, ...]


@dataclass(frozen=True)
class HasilNode:
    """A program, kegiatan or sub-kegiatan with its indicators' results and its children."""

    level: Level
    node: m.Program | m.Kegiatan | m.SubKegiatan
    indikator: tuple[HasilIndikator, ...]
    anak: tuple[HasilNode, ...]


@dataclass(frozen=True)
class CatatanAudit:
    """A published figure that differs from what we compute from the inputs."""

    berkas: str          # the file in the year folder that holds the published figure
    lokasi: str          # where in that file: `indikator[ikm-kec]`, `periode[s1]`
    subjek: str          # what the figure is about, for readers
    besaran: str
    dilaporkan: float | str
    dihitung: float | str | None

    @classmethod
    def indikator(cls, h: "HasilIndikator", besaran: str, dilaporkan: float | str,
                  dihitung: float | str | None) -> "CatatanAudit":
        berkas = "kinerja.yml" if h.level in {"tujuan", "sasaran"} else "program.yml"
        return cls(berkas, f"indikator[{h.indikator.id}]", h.indikator.nama, besaran, dilaporkan, dihitung)


@dataclass(frozen=True)
class LaporanKinerja:
    kabupaten: KabupatenData
    kecamatan: KecamatanData
    data: TahunData
    tujuan: tuple[HasilTujuan, ...]
    iku: tuple[HasilIndikator, ...]
    ringkasan: Ringkasan
    predikat: m.Rentang | None
    program: tuple[HasilNode, ...]
    ringkasan_program: Ringkasan
    audit: tuple[CatatanAudit, ...]
    skm: HasilSkm | None = None
    anggaran: Anggaran | None = None
    biaya: tuple["BiayaHasil", ...] = ()
    perbandingan: tuple["PerbandinganIku", ...] = ()
    sdm: HasilSdm | None = None
    aset: HasilAset | None = None
    indeks: tuple[HasilIndeks, ...] = ()

    @property
    def tahun(self) -> int:
        return self.data.tahun


def _target(ind: m.Indikator) -> tuple[float | str | None, str]:
    if ind.target.pk_perubahan is not None:
        return ind.target.pk_perubahan, "PK perubahan"
    return ind.target.pk_awal, "PK awal"


def hasil_indikator(ind: m.Indikator, level: Level, baris: m.BarisRealisasi | None,
                    skala: m.SkalaPredikat, terhitung: tuple[float, str] | None = None) -> HasilIndikator:
    """Everything computed for one indicator from its target and realisasi row; `terhitung`
    is a realisasi the portal computes itself (the IKM from the survey) with its source."""
    target, target_sumber = _target(ind)
    periode = baris.periods() if baris else {}
    dari_periode = agregasi_periode(periode_terurut(periode), ind.agregasi)
    if terhitung is not None:
        realisasi, sumber = terhitung
    elif baris is not None and baris.tahunan is not None:
        realisasi, sumber = baris.tahunan, "tahunan"
    else:
        realisasi, sumber = dari_periode, SUMBER_AGREGASI[ind.agregasi or "terakhir"]
    if ind.jenis_nilai == "ordinal":
        capaian = capaian_ordinal(realisasi, target)
    else:
        capaian = capaian_angka(realisasi, target, ind.polaritas)
    return HasilIndikator(
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
    )


def audit_indikator(h: HasilIndikator, tolerance: float) -> list[CatatanAudit]:
    """Published realisasi/capaian/predikat, and an explicit annual vs its periods, against ours."""
    notes: list[CatatanAudit] = []
    ind = h.indikator
    if h.realisasi_sumber == "tahunan" and h.realisasi_periode is not None and ind.agregasi is not None:
        if berbeda(h.realisasi, h.realisasi_periode, tolerance):
            notes.append(CatatanAudit.indikator(h, f"realisasi tahunan vs {ind.agregasi} triwulan", h.realisasi,
                                                h.realisasi_periode))
    if h.realisasi_sumber not in ("", "tahunan") and h.realisasi_diketik is not None:
        if berbeda(h.realisasi_diketik, h.realisasi, tolerance):
            notes.append(CatatanAudit.indikator(h, f"realisasi diketik vs {h.realisasi_sumber}",
                                                h.realisasi_diketik, h.realisasi))
    published = ind.dilaporkan
    if published is None:
        return notes
    if published.realisasi is not None and berbeda(published.realisasi, h.realisasi, tolerance):
        notes.append(CatatanAudit.indikator(h, "realisasi", published.realisasi, h.realisasi))
    if published.capaian is not None and berbeda(published.capaian, h.capaian.nilai, tolerance):
        notes.append(CatatanAudit.indikator(h, "capaian (%)", published.capaian, h.capaian.nilai))
    if published.predikat is not None:
        ours = h.predikat.label if h.predikat else None
        names = {ours, h.predikat.kode} if h.predikat else {None}
        if all(berbeda(published.predikat, name, tolerance) for name in names):
            notes.append(CatatanAudit.indikator(h, "predikat", published.predikat, ours))
    return notes


def _ringkasan_predikat(hasil: tuple[HasilIndikator, ...], skala: m.SkalaPredikat) -> tuple[Ringkasan, m.Rentang | None]:
    summary = ringkas([h.capaian for h in hasil], skala.batas_capaian)
    return summary, predikat(summary.rata_rata, skala) if summary.rata_rata is not None else None


@dataclass(frozen=True)
class BiayaHasil:
    """Money beside results for a sasaran or an IKU (cost per outcome, efisiensi)."""

    jenis: Literal["sasaran", "indikator"]
    id: str
    nama: str
    program: tuple[NodeAnggaran, ...]
    uang: Uang
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


def biaya_hasil(tujuan: tuple["HasilTujuan", ...], ang: Anggaran) -> tuple[BiayaHasil, ...]:
    """Every sasaran and IKU that some program names in `mendukung`, with that money."""
    rows = []
    for t in tujuan:
        targets = [("indikator", h) for h in t.indikator]
        for s in t.sasaran:
            programs = pendukung(ang, s.sasaran.id)
            if programs:
                rows.append(BiayaHasil("sasaran", s.sasaran.id, s.sasaran.nama, programs,
                                       jumlah(p.uang for p in programs), s.ringkasan.rata_rata))
            targets += [("indikator", h) for h in s.indikator]
        for _, h in targets:
            programs = pendukung(ang, h.indikator.id)
            if programs:
                rows.append(BiayaHasil("indikator", h.indikator.id, h.indikator.nama, programs,
                                       jumlah(p.uang for p in programs), h.capaian.nilai, h.target, h.realisasi,
                                       h.indikator.satuan))
    return tuple(rows)


def audit_anggaran(ang: Anggaran) -> list[CatatanAudit]:
    """Stated budget amounts that disagree with the sums of their parts or with our figures."""
    notes = [CatatanAudit("program.yml", f"{n.level}[{n.node.id}].anggaran", n.node.nama, s.besaran, s.dinyatakan,
                          s.dihitung) for n in walk(ang.program) for s in n.selisih]
    notes += [CatatanAudit("program.yml", "anggaran", "Anggaran kecamatan (total)", s.besaran, s.dinyatakan,
                           s.dihitung) for s in ang.selisih_total]
    return notes


def audit_individu(hasil: HasilIndividu) -> list[CatatanAudit]:
    name = f"individu-tw{hasil.triwulan}.yml"
    return [CatatanAudit(name, f"jabatan[{j.jabatan.id}].indikator[{h.indikator.id}]",
                         f"{j.jabatan.jabatan}: {h.indikator.nama}", what, printed, ours)
            for j in hasil.jabatan for h in j.indikator for what, printed, ours in h.catatan]


def audit_skm(skm: HasilSkm, tolerance: float) -> list[CatatanAudit]:
    """Printed IKMs (per period and for the year) against the IKMs computed from the survey."""
    notes = [CatatanAudit("skm.yml", f"periode[{p.id}]", f"SKM {p.nama}", "IKM", p.dilaporkan, p.ikm)
             for p in skm.periode if p.dilaporkan is not None and berbeda(p.dilaporkan, p.ikm, tolerance)]
    notes += [CatatanAudit("skm.yml", f"periode[{p.id}]", f"SKM {p.nama}", f"IKM menurut unsur vs {p.dasar}",
                           p.ikm_unsur, p.ikm)
              for p in skm.periode if p.ikm_unsur is not None and berbeda(p.ikm_unsur, p.ikm, tolerance)]
    printed = skm.data.skm.dilaporkan
    if printed is not None and printed.ikm is not None and berbeda(printed.ikm, skm.ikm, tolerance):
        notes.append(CatatanAudit("skm.yml", "dilaporkan", "IKM tahunan", "IKM", printed.ikm, skm.ikm))
    return notes


def laporan_kinerja(kab: KabupatenData, kec: KecamatanData, data: TahunData, tolerance: float) -> LaporanKinerja:
    """The computed Laporan Kinerja of one kecamatan and year."""
    skala = kab.profil.skala_predikat
    skm = hasil_skm(data.skm, kab.profil.skm) if data.skm else None
    computed = {skm.data.skm.indikator: (skm.ikm, f"IKM hasil SKM ({skm.dasar})")} if skm else {}
    indeks = tuple(hasil_indeks(i) for i in data.indeks.indeks) if data.indeks else ()
    computed.update({x.indeks.indikator: (x.total, f"total {x.indeks.nama}") for x in indeks if x.indeks.indikator})
    sd = data.sumber_daya
    sdm = hasil_sdm(sd.sdm, tolerance) if sd and sd.sdm else None
    aset = hasil_aset(sd.aset, tolerance) if sd and sd.aset else None

    def results(indikator: list[m.Indikator], level: Level) -> tuple[HasilIndikator, ...]:
        return tuple(hasil_indikator(i, level, data.realisasi.get(i.id), skala, computed.get(i.id))
                     for i in indikator)

    tujuan = []
    for t in data.kinerja.tujuan:
        sasaran = []
        for s in t.sasaran:
            hasil = results(s.indikator, "sasaran")
            sasaran.append(HasilSasaran(s, hasil, *_ringkasan_predikat(hasil, skala)))
        tujuan.append(HasilTujuan(t, results(t.indikator, "tujuan"), tuple(sasaran)))
    iku = tuple(h for t in tujuan for h in (*t.indikator, *(i for s in t.sasaran for i in s.indikator)))

    def tree(node: m.Program | m.Kegiatan | m.SubKegiatan, level: Level) -> HasilNode:
        children: tuple[HasilNode, ...] = ()
        if isinstance(node, m.Program):
            children = tuple(tree(k, "kegiatan") for k in node.kegiatan)
        elif isinstance(node, m.Kegiatan):
            children = tuple(tree(s, "sub_kegiatan") for s in node.sub_kegiatan)
        return HasilNode(level, node, results(node.indikator, level), children)

    program = tuple(tree(p, "program") for p in (data.program.program if data.program else ()))
    program_hasil = tuple(h for n in _walk(program) for h in n.indikator)
    ringkasan, pred = _ringkasan_predikat(iku, skala)
    audit = tuple(note for h in (*iku, *program_hasil) for note in audit_indikator(h, tolerance))
    audit += tuple(audit_skm(skm, tolerance)) if skm else ()
    ang = anggaran(data.program) if data.program else None
    if ang is not None and not ang.ada:
        ang = None
    audit += tuple(audit_anggaran(ang)) if ang else ()
    audit += tuple(CatatanAudit("sumber-daya.yml", "sdm", "Sumber daya manusia", s.besaran, s.dinyatakan, s.dihitung)
                   for s in (sdm.selisih if sdm else ()))
    audit += tuple(CatatanAudit("sumber-daya.yml", "aset", "Sarana dan prasarana", s.besaran, s.dinyatakan, s.dihitung)
                   for s in (aset.selisih if aset else ()))
    audit += tuple(CatatanAudit("indeks.yml", f"indeks[{x.indeks.id}]", x.indeks.nama, s.besaran, s.dinyatakan,
                                s.dihitung) for x in indeks for s in x.selisih)
    return LaporanKinerja(kab, kec, data, tuple(tujuan), iku, ringkasan, pred, program,
                          ringkas([h.capaian for h in program_hasil], skala.batas_capaian), audit, skm, ang,
                          biaya_hasil(tuple(tujuan), ang) if ang else (), sdm=sdm, aset=aset, indeks=indeks)


def _walk(nodes: tuple[HasilNode, ...]) -> Iterator[HasilNode]:
    """Program tree nodes in reading order (program, its kegiatan, their sub-kegiatan)."""
    for n in nodes:
        yield n
        yield from _walk(n.anak)


def walk_program(laporan: LaporanKinerja) -> Iterator[HasilNode]:
    return _walk(laporan.program)


@dataclass(frozen=True)
class PerbandinganIku:
    """One IKU over time and side by side."""

    hasil: HasilIndikator
    riwayat: tuple[TahunRiwayat, ...]
    renstra: KemajuanRenstra | None
    pembanding: tuple[Banding, ...]
    peringkat: tuple[Peringkat, ...]       # every kecamatan of the kabupaten with data that year
    posisi: Peringkat | None               # this kecamatan's place in it

    @property
    def ada(self) -> bool:
        return len(self.riwayat) > 1 or bool(self.renstra or self.pembanding or self.peringkat)


@dataclass(frozen=True)
class BarisIkhtisar:
    """One kecamatan in its kabupaten's overview for a year."""

    kecamatan: str
    slug: str | None
    bersama: dict[str, Peringkat | None]   # shared indicator code -> value and rank
    laporan: LaporanKinerja | None


@dataclass(frozen=True)
class Ikhtisar:
    """All kecamatan of a kabupaten side by side for a year, pre-sorted by the main indicator."""

    kabupaten: KabupatenData
    tahun: int
    baris: tuple[BarisIkhtisar, ...]
    utama: m.IndikatorBersama | None        # the shared indicator the rows are sorted by (None: mean capaian)


def nilai_bersama(kab: KabupatenData, laporan: Iterable[LaporanKinerja], kode: str,
                  tahun: int) -> dict[str, tuple[float | str | None, str | None]]:
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


def perbandingan(lp: LaporanKinerja, semua: Sequence[LaporanKinerja]) -> tuple[PerbandinganIku, ...]:
    """History, Renstra progress, benchmarks and ranking of every IKU of a report."""
    kec = lp.kecamatan
    own = [x for x in semua if x.kabupaten.slug == lp.kabupaten.slug and x.kecamatan.slug == kec.slug
           and x.tahun <= lp.tahun]
    result = []
    for h in lp.iku:
        ind = h.indikator
        years = [(x.tahun, y.target, y.realisasi) for x in own for y in x.iku if y.indikator.id == ind.id]
        rows = [r for r in kec.riwayat if r.indikator == ind.id and r.tahun < lp.tahun]
        ranking = _ranking(lp.kabupaten, semua, ind.bersama, lp.tahun) if ind.bersama else ()
        mine = next((p for p in ranking if p.slug == kec.slug), None)
        result.append(PerbandinganIku(
            h, riwayat(ind, years, rows),
            kemajuan_renstra(kec.renstra, ind, lp.tahun, h.realisasi) if kec.renstra else None,
            pembanding(kec.pembanding, ind.id, lp.tahun, h.realisasi), ranking, mine))
    return tuple(result)


def ikhtisar(kab: KabupatenData, laporan: Sequence[LaporanKinerja]) -> tuple[Ikhtisar, ...]:
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
        rows = [BarisIkhtisar(n, slug, {c: next((p for p in rankings[c] if p.kecamatan == n), None) for c in codes},
                              reports.get(n)) for n, slug in names.items()]
        rows.sort(key=lambda r: _urutan(r, utama))
        result.append(Ikhtisar(kab, tahun, tuple(rows), utama))
    return tuple(result)


def _urutan(row: BarisIkhtisar, utama: m.IndikatorBersama | None) -> tuple:
    """Sort by rank of the main shared indicator, else by mean capaian; no data last."""
    if utama is not None:
        place = row.bersama[utama.kode]
        return (place is None, place.peringkat if place else 0, row.kecamatan)
    mean = row.laporan.ringkasan.rata_rata if row.laporan else None
    return (mean is None, -(mean or 0), row.kecamatan)


@dataclass(frozen=True)
class HasilPortal:
    content: Content
    laporan: tuple[LaporanKinerja, ...]
    individu: tuple[HasilIndividu, ...] = ()
    ikhtisar: tuple[Ikhtisar, ...] = ()

    def individu_untuk(self, kab: str, kec: str) -> list[HasilIndividu]:
        """Quarterly individual reports of a kecamatan, oldest first."""
        return sorted((r for r in self.individu if r.kabupaten.slug == kab and r.kecamatan.slug == kec),
                      key=lambda r: (r.tahun, r.triwulan))

    def untuk(self, kab: str, kec: str | None = None) -> list[LaporanKinerja]:
        """Reports of a kabupaten (or one of its kecamatan), oldest year first."""
        return sorted((lp for lp in self.laporan if lp.kabupaten.slug == kab and kec in (None, lp.kecamatan.slug)),
                      key=lambda lp: lp.tahun)

    def terbaru(self) -> list[LaporanKinerja]:
        """The latest report of every kecamatan, by kecamatan name."""
        latest: dict[tuple[str, str], LaporanKinerja] = {}
        for lp in self.laporan:
            key = (lp.kabupaten.slug, lp.kecamatan.slug)
            if key not in latest or lp.tahun > latest[key].tahun:
                latest[key] = lp
        return sorted(latest.values(), key=lambda lp: lp.kecamatan.profil.nama)


def compute(content: Content) -> HasilPortal:
    """Every report of the portal, compared over time and across kecamatan."""
    tolerance = content.portal.toleransi_audit
    laporan = [laporan_kinerja(kab, kec, data, tolerance)
               for kab in content.kabupaten for kec in kab.kecamatan for data in kec.tahun]
    laporan = tuple(replace(lp, perbandingan=perbandingan(lp, laporan)) for lp in laporan)
    individu = tuple(hasil_individu(kab, kec, data) for kab in content.kabupaten for kec in kab.kecamatan
                     for data in kec.individu)
    return HasilPortal(content, laporan, individu,
                       tuple(x for kab in content.kabupaten for x in ikhtisar(kab, laporan)))

"""The figure register (docs/domain.md §3.12): every figure the portal computes for a
kecamatan-year, each under a stable address of a declared family (compute/families.py), with
its label, value, unit, formula and the inputs it came from. One function per family group;
the audit (compute/audit.py) compares printed figures with it, and the site publishes it as
`angka.csv`."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from statistics import fmean
from typing import TYPE_CHECKING, Any

from generator.compute.anggaran import BESARAN, perubahan_serapan, walk
from generator.compute.capaian import capaian_angka, persen_satuan, predikat
from generator.compute.families import BY_PATTERN
from generator.compute.laporan import SUMBER_RASIO, IndikatorResult, LaporanKinerja, walk_program
from generator.compute.skm import harapan, jumlah_per_mutu
from generator.compute.sumber_daya import predikat_sakip
from generator.compute.wilayah import wilayah
from generator.model.content import KabupatenData, KecamatanData
from generator.model.portal import Rentang
from generator.model.types import slug

if TYPE_CHECKING:
    from generator.compute.audit import AuditNote
    from generator.compute.individu import IndividuResult
    from generator.compute.perbandingan import KemajuanRenstra, Perubahan, RiwayatRow
    from generator.compute.skm import Mutu, PeriodeResult, UnsurResult
    from generator.compute.sumber_daya import AsetResult

Nilai = float | int | str | None

PERIODE_LABEL = {"tw1": "TW I", "tw2": "TW II", "tw3": "TW III", "tw4": "TW IV"}


@dataclass(frozen=True)
class Figure:
    """One figure of the register. `nilai` None: not computable (`catatan` says why), never 0;
    `sebutan`: other names a printed text may use for it (a predikat's code)."""

    alamat: str
    label: str
    nilai: Nilai
    satuan: str
    rumus: str | None
    masukan: tuple[str, ...]
    catatan: str | None = None
    sebutan: tuple[str, ...] = ()


@dataclass(frozen=True)
class YearRegister:
    """The register of one kecamatan-year (Laporan Kinerja and/or individual reports)."""

    kabupaten: KabupatenData
    kecamatan: KecamatanData
    tahun: int
    angka: tuple[Figure, ...]
    audit: tuple[AuditNote, ...] = field(default=())

    @cached_property
    def by_address(self) -> dict[str, Figure]:
        """Figures by lowercased address (clerks may write addresses in any case)."""
        return {f.alamat.lower(): f for f in self.angka}

    def get(self, alamat: str) -> Figure | None:
        return self.by_address.get(alamat.strip().lower())


class _Builder:
    """Collects figures; every address comes from a declared family."""

    def __init__(self) -> None:
        self.figures: list[Figure] = []

    def add(
        self,
        pola: str,
        parts: Mapping[str, object],
        nilai: Nilai,
        masukan: Iterable[str] = (),
        *,
        satuan: str | None = None,
        catatan: str | None = None,
        sebutan: tuple[str, ...] = (),
    ) -> str:
        """Add a figure of family `pola`; `parts` fill its placeholders and label."""
        family = BY_PATTERN[pola]
        alamat = family.alamat(parts)
        self.figures.append(
            Figure(
                alamat,
                family.label.format(**parts),
                nilai,
                satuan or family.satuan,
                family.rumus,
                tuple(masukan),
                catatan if catatan or nilai is not None else "tidak dapat dihitung: masukan belum lengkap",
                sebutan,
            )
        )
        return alamat

    def label(
        self, pola: str, parts: Mapping[str, object], value: Rentang | Mutu | None, masukan: Iterable[str]
    ) -> None:
        """A predikat or mutu: the text `kode label`, matching a printed code or label."""
        if value is None:
            self.add(pola, parts, None, masukan, catatan="tanpa capaian berupa angka")
            return
        kode = value.kode or ""
        nilai = f"{kode} {value.label}".strip()
        names = (value.label, kode, f"{kode} ({value.label})") if kode else (value.label,)
        self.add(pola, parts, nilai, masukan, sebutan=names)


# ---------------------------------------------------------------- indicators


def _status(h: IndikatorResult) -> str:
    if h.capaian.tercapai is None:
        return "tidak terukur"
    return "tercapai" if h.capaian.tercapai else "belum tercapai"


def _indikator(b: _Builder, prefix: str, h: IndikatorResult, computed: dict[str, str]) -> None:
    """target, realisasi (per period, typed, aggregated, used), capaian, predikat, status."""
    ind = h.indikator
    src = f"{'kinerja.yml' if prefix == 'iku' else 'program.yml'} indikator[{ind.id}]"
    p = {"id": ind.id, "nama": ind.nama}
    unit = ind.satuan
    key = "pk_perubahan" if ind.target.pk_perubahan is not None else "pk_awal"
    target = b.add(
        f"{prefix}/<id>/target",
        p,
        h.target,
        [f"{src}.target.{key}"],
        satuan=unit,
        catatan=None if h.target is not None else "belum ada target",
    )
    for pola, value, name in (
        ("target-awal", ind.target.pk_awal, "pk_awal"),
        ("target-perubahan", ind.target.pk_perubahan, "pk_perubahan"),
        ("target-renja", ind.target.renja, "renja"),
    ):
        if value is not None:
            b.add(f"{prefix}/<id>/{pola}", p, value, [f"{src}.target.{name}"], satuan=unit)
    ratio = []
    for pola, value in (("pembilang", h.pembilang), ("penyebut", h.penyebut)):
        if value is not None:
            ratio.append(b.add(f"{prefix}/<id>/{pola}", p, value, [f"realisasi.csv {ind.id}.{pola}"], satuan=unit))
    periods = [
        b.add(
            f"{prefix}/<id>/realisasi/<periode>",
            {"periode": k, "periode_label": PERIODE_LABEL[k], **p},
            v,
            [f"realisasi.csv {ind.id}.{k}"],
            satuan=unit,
        )
        for k, v in h.periode.items()
    ]
    typed = None
    if h.realisasi_diketik is not None:
        typed = b.add(
            f"{prefix}/<id>/realisasi/diketik", p, h.realisasi_diketik, [f"realisasi.csv {ind.id}.tahunan"], satuan=unit
        )
    aggregated = None
    if periods and h.realisasi_periode is not None:
        aggregated = b.add(f"{prefix}/<id>/realisasi/agregasi", p, h.realisasi_periode, periods, satuan=unit)
    source = computed.get(ind.id) or (typed if h.realisasi_sumber == "tahunan" else aggregated)
    realisasi = b.add(
        f"{prefix}/<id>/realisasi",
        p,
        h.realisasi,
        ratio if h.realisasi_sumber == SUMBER_RASIO else [source] if source else [],
        satuan=unit,
        catatan=h.realisasi_sumber or "belum ada data realisasi",
    )
    b.add(f"{prefix}/<id>/capaian", p, h.capaian.nilai, [target, realisasi], catatan=h.capaian.alasan)
    awal, got = ind.target.pk_awal, h.realisasi
    if ind.target.pk_perubahan not in (None, awal) and isinstance(awal, float) and isinstance(got, float):
        nilai = capaian_angka(got, awal, ind.polaritas).nilai
        b.add(f"{prefix}/<id>/capaian/target-awal", p, nilai, [f"{prefix}/{ind.id}/target-awal", realisasi])
    b.label(f"{prefix}/<id>/predikat", p, h.predikat, [f"{prefix}/{ind.id}/capaian"])
    if ind.skala == "sakip" and isinstance(h.realisasi, float):
        _sakip(b, f"{prefix}/<id>/kategori-sakip", p, h.realisasi, [realisasi])
    b.add(f"{prefix}/<id>/status", p, _status(h), [f"{prefix}/{ind.id}/capaian"])


def _program_means(b: _Builder, lp: LaporanKinerja) -> None:
    """The mean realisasi of a node's percentage indicators, as reports print it as the node's
    result, and of all program-level percentage indicators."""
    for n in walk_program(lp):
        if n.rata_rata_realisasi is not None:
            b.add(
                "program/<node>/rata-rata-realisasi-indikator",
                {"node": n.node.id, "nama": n.node.nama},
                n.rata_rata_realisasi,
                [
                    f"indikator-program/{h.indikator.id}/realisasi"
                    for h in n.indikator
                    if persen_satuan(h.indikator.satuan)
                ],
            )
    if lp.rata_rata_realisasi_program is not None:
        b.add(
            "program/rata-rata-realisasi-indikator",
            {},
            lp.rata_rata_realisasi_program,
            [
                f"indikator-program/{h.indikator.id}/realisasi"
                for n in lp.program
                for h in n.indikator
                if persen_satuan(h.indikator.satuan)
            ],
        )


def _computed_sources(lp: LaporanKinerja) -> dict[str, str]:
    """IKU id -> the address of the figure the portal uses as its realisasi (IKM, index total)."""
    sources = {lp.skm.data.skm.indikator: "skm/tahunan/ikm"} if lp.skm and lp.skm.data.skm.indikator else {}
    sources.update({x.indeks.indikator: f"indeks/{x.indeks.id}/total" for x in lp.indeks if x.indeks.indikator})
    return sources


def _ringkasan(b: _Builder, lp: LaporanKinerja) -> None:
    skala = lp.kabupaten.profil.skala_predikat
    for prefix, summary, ids in (
        ("iku", lp.ringkasan, [f"iku/{h.indikator.id}/capaian" for h in lp.iku]),
        (
            "indikator-program",
            lp.ringkasan_program,
            [f"indikator-program/{h.indikator.id}/capaian" for n in walk_program(lp) for h in n.indikator],
        ),
    ):
        if not ids:
            continue
        p = f"ringkasan/{prefix}"
        b.add(
            f"{p}/rata-rata-capaian",
            {},
            summary.rata_rata,
            ids,
            catatan=None if summary.rata_rata is not None else "tidak ada capaian berupa angka",
        )
        b.add(f"{p}/rata-rata-capaian-tanpa-batas", {}, summary.rata_rata_tanpa_batas, ids)
        mean = summary.rata_rata
        b.label(f"{p}/predikat", {}, predikat(mean, skala) if mean is not None else None, [f"{p}/rata-rata-capaian"])
        for leaf, value in (
            ("jumlah", summary.jumlah),
            ("tercapai", summary.jumlah_tercapai),
            ("belum-tercapai", summary.jumlah_belum_tercapai),
            ("tidak-terukur", summary.jumlah_tidak_terukur),
            ("jumlah-dirata", summary.jumlah_dirata),
            ("di-atas-100", summary.jumlah_di_atas_100),
            ("tepat-100", summary.jumlah_tepat_100),
            ("di-bawah-100", summary.jumlah_di_bawah_100),
        ):
            b.add(f"{p}/{leaf}", {}, value, ids)
        share = summary.jumlah_di_atas_100 / summary.jumlah_dirata * 100 if summary.jumlah_dirata else None
        b.add(f"{p}/persen-di-atas-100", {}, share, [f"{p}/di-atas-100", f"{p}/jumlah-dirata"])
    gabungan = lp.ringkasan_gabungan
    if gabungan is not None and lp.iku and any(n.indikator for n in walk_program(lp)):
        ids = ["ringkasan/iku/rata-rata-capaian", "ringkasan/indikator-program/rata-rata-capaian"]
        b.add(
            "ringkasan/gabungan/rata-rata-capaian",
            {},
            gabungan.rata_rata,
            ids,
            catatan=None if gabungan.rata_rata is not None else "tidak ada capaian berupa angka",
        )
        b.add("ringkasan/gabungan/jumlah-dirata", {}, gabungan.jumlah_dirata, ids)
    for t in lp.tujuan:
        for s in t.sasaran:
            q = {"id": s.sasaran.id, "nama": s.sasaran.nama}
            ids = [f"iku/{h.indikator.id}/capaian" for h in s.indikator]
            b.add("sasaran/<id>/capaian", q, s.ringkasan.rata_rata, ids)
            b.label("sasaran/<id>/predikat", q, s.predikat, [f"sasaran/{s.sasaran.id}/capaian"])
            b.add("sasaran/<id>/jumlah-indikator", q, s.ringkasan.jumlah_dirata, ids)
    st = lp.struktur
    for bagian, label, count in (
        ("tujuan", "tujuan", st.jumlah_tujuan),
        ("sasaran", "sasaran", st.jumlah_sasaran),
        ("iku", "IKU", st.jumlah_iku),
        ("program", "program", st.jumlah_program),
        ("kegiatan", "kegiatan", st.jumlah_kegiatan),
        ("sub-kegiatan", "sub kegiatan", st.jumlah_sub_kegiatan),
        ("indikator-program", "indikator program, kegiatan dan sub kegiatan", st.jumlah_indikator_program),
    ):
        b.add(
            "ringkasan/struktur/jumlah-<bagian>",
            {"bagian": bagian, "bagian_label": label},
            count,
            ["kinerja.yml", "program.yml"],
        )


# ---------------------------------------------------------------- over time and side by side


def _riwayat(
    b: _Builder, p: dict[str, object], rows: Sequence[RiwayatRow], changes: Sequence[Perubahan], now: int, unit: str
) -> None:
    """The earlier years of one indicator, and the change between every two years with a realisasi."""
    ind_id = p["id"]
    for r in rows:
        if r.tahun >= now:
            continue
        src = [
            f"riwayat.csv {ind_id} {r.tahun}" if r.sumber != f"Laporan Kinerja {r.tahun}" else f"{r.tahun}/kinerja.yml"
        ]
        q = {"tahun": r.tahun, **p}
        b.add("riwayat/<id>/<tahun>/target", q, r.target, src, satuan=unit)
        b.add("riwayat/<id>/<tahun>/realisasi", q, r.realisasi, src, satuan=unit)
        b.add(
            "riwayat/<id>/<tahun>/capaian",
            q,
            r.capaian,
            [f"riwayat/{ind_id}/{r.tahun}/target", f"riwayat/{ind_id}/{r.tahun}/realisasi"],
        )
    for x in changes:
        years = {"dari": x.dari, "ke": x.ke, **p}
        inputs = [_realisasi_address(str(ind_id), y, now) for y in (x.dari, x.ke)]
        b.add(
            "perubahan/<id>/<dari>-<ke>/selisih", years, x.selisih, inputs, satuan=None if persen_satuan(unit) else unit
        )
        if x.persen is not None:
            b.add("perubahan/<id>/<dari>-<ke>/persen", years, x.persen, inputs)


def _renstra(b: _Builder, p: dict[str, object], renstra: KemajuanRenstra, realisasi: str, unit: str) -> None:
    src = [f"renstra.yml {renstra.versi}"]
    b.add("renstra/<id>/target-akhir", p, renstra.target_akhir, src, satuan=unit)
    if renstra.target_tahun is not None:
        b.add("renstra/<id>/target-tahun", p, renstra.target_tahun, src, satuan=unit)
    b.add("renstra/<id>/kemajuan", p, renstra.kemajuan, [realisasi, f"renstra/{p['id']}/target-akhir"])


def _perbandingan(b: _Builder, lp: LaporanKinerja) -> None:
    shared = {i.kode: i for i in lp.kabupaten.profil.indikator_bersama}
    kemajuan: list[tuple[str, float]] = []
    for c in lp.perbandingan:
        ind = c.hasil.indikator
        p: dict[str, object] = {"id": ind.id, "nama": ind.nama}
        _riwayat(b, p, c.riwayat, c.perubahan, lp.tahun, ind.satuan)
        if c.renstra is not None:
            _renstra(b, p, c.renstra, f"iku/{ind.id}/realisasi", ind.satuan)
            if c.renstra.kemajuan is not None:
                kemajuan.append((ind.id, c.renstra.kemajuan))
        for x in c.pembanding:
            q = {"pembanding": slug(x.pembanding), "pembanding_nama": x.pembanding, **p}
            b.add(
                "pembanding/<id>/<pembanding>/nilai",
                q,
                x.nilai,
                [f"pembanding.csv {ind.id} {x.pembanding}"],
                satuan=ind.satuan,
                catatan=None if x.nilai is not None else "tidak tersedia",
            )
            inputs = [f"iku/{ind.id}/realisasi", f"pembanding/{ind.id}/{slug(x.pembanding)}/nilai"]
            b.add("pembanding/<id>/<pembanding>/selisih", q, x.selisih, inputs, satuan=ind.satuan)
            b.add("pembanding/<id>/<pembanding>/selisih-relatif", q, x.selisih_relatif, inputs)
            b.add("pembanding/<id>/<pembanding>/rasio", q, x.rasio, inputs)
        if c.peringkat and ind.bersama in shared:
            _peringkat(b, c.peringkat, shared[ind.bersama].kode, shared[ind.bersama].nama, shared[ind.bersama].satuan)
    for lain in lp.riwayat_lain:
        p = {"id": lain.id, "nama": lain.nama}
        _riwayat(b, p, lain.riwayat, lain.perubahan, lp.tahun, "")
        if lain.renstra is not None:
            last = lain.riwayat[-1].tahun
            _renstra(b, p, lain.renstra, f"riwayat/{lain.id}/{last}/realisasi", "")
    if kemajuan:
        b.add(
            "renstra/rata-rata-kemajuan",
            {},
            fmean(v for _, v in kemajuan),
            [f"renstra/{i}/kemajuan" for i, _ in kemajuan],
        )


def _realisasi_address(ind_id: str, tahun: int, now: int) -> str:
    return f"iku/{ind_id}/realisasi" if tahun == now else f"riwayat/{ind_id}/{tahun}/realisasi"


def _peringkat(b: _Builder, ranking: Sequence[Any], kode: str, nama: str, satuan: str) -> None:
    p = {"kode": kode, "nama": nama}
    src = ["nilai-kecamatan.csv", "laporan kecamatan"]
    values = [r.nilai for r in ranking]
    b.add("perbandingan/<kode>/jumlah-kecamatan", p, len(values), src)
    b.add("perbandingan/<kode>/jumlah", p, sum(values), src, satuan=satuan)
    b.add("perbandingan/<kode>/rata-rata", p, fmean(values), src, satuan=satuan)
    for r in ranking:
        q = {"kecamatan": slug(r.kecamatan), "kecamatan_nama": r.kecamatan, **p}
        b.add("perbandingan/<kode>/kecamatan/<kecamatan>/nilai", q, r.nilai, src, satuan=satuan)
        b.add(
            "perbandingan/<kode>/kecamatan/<kecamatan>/peringkat",
            q,
            r.peringkat,
            [f"perbandingan/{kode}/kecamatan/*/nilai"],
        )


# ---------------------------------------------------------------- money


def _anggaran(b: _Builder, lp: LaporanKinerja) -> None:
    ang = lp.anggaran
    if ang is None:
        return
    nodes = [
        (
            n.node.id,
            n.node.nama,
            n.uang,
            [f"anggaran/{a.node.id}" for a in n.anak],
            f"program.yml {n.level}[{n.node.id}]",
        )
        for n in walk(ang.program)
    ]
    nodes.append(
        ("total", "kecamatan", ang.total, [f"anggaran/{n.node.id}" for n in ang.program], "program.yml anggaran")
    )
    for node, nama, uang, anak, src in nodes:
        p = {"node": node, "nama": nama}
        for name in BESARAN:
            value = getattr(uang, name)
            if value is not None:
                leaf = name.replace("_", "-")
                b.add(f"anggaran/<node>/{leaf}", p, value, [f"{a}/{leaf}" for a in anak] or [f"{src}.anggaran.{name}"])
        here = f"anggaran/{node}"
        b.add(
            "anggaran/<node>/pagu",
            p,
            uang.pagu,
            [f"{here}/pagu-perubahan" if uang.pagu_perubahan is not None else f"{here}/pagu-awal"],
        )
        b.add("anggaran/<node>/serapan", p, uang.serapan, [f"{here}/realisasi", f"{here}/pagu"])
        b.add("anggaran/<node>/sisa", p, uang.sisa, [f"{here}/pagu", f"{here}/realisasi"])
        if uang.belanja is not None:
            b.add("anggaran/<node>/belanja", p, uang.belanja, [f"{here}/belanja-operasi", f"{here}/belanja-modal"])
            for jenis, share in (("operasi", uang.persen_belanja_operasi), ("modal", uang.persen_belanja_modal)):
                b.add(
                    "anggaran/<node>/persen-belanja-<jenis>",
                    {"jenis": jenis, **p},
                    share,
                    [f"{here}/belanja-{jenis}", f"{here}/belanja"],
                )
        if uang.pagu_awal_dikurangi_refocusing is not None:
            b.add(
                "anggaran/<node>/pagu-awal-dikurangi-refocusing",
                p,
                uang.pagu_awal_dikurangi_refocusing,
                [f"{here}/pagu-awal", f"{here}/refocusing"],
            )
        if uang.perubahan is not None:
            b.add("anggaran/<node>/perubahan", p, uang.perubahan, [f"{here}/pagu-perubahan", f"{here}/pagu-awal"])
            b.add(
                "anggaran/<node>/perubahan-persen", p, uang.perubahan_persen, [f"{here}/perubahan", f"{here}/pagu-awal"]
            )
    if ang.rata_rata_serapan_program is not None:
        b.add(
            "anggaran/rata-rata-serapan-program",
            {},
            ang.rata_rata_serapan_program,
            [f"anggaran/{n.node.id}/serapan" for n in ang.program if n.uang.serapan is not None],
        )
    for c in lp.biaya:
        jenis = "sasaran" if c.jenis == "sasaran" else "iku"
        p = {"jenis": jenis, "id": c.id, "nama": c.nama}
        programs = [f"anggaran/{n.node.id}" for n in c.program]
        capaian = b.add("efisiensi/<jenis>/<id>/capaian", p, c.capaian, [f"{jenis}/{c.id}/capaian"])
        serapan = b.add("efisiensi/<jenis>/<id>/serapan", p, c.uang.serapan, [f"{a}/serapan" for a in programs])
        b.add("efisiensi/<jenis>/<id>", p, c.efisiensi, [capaian, serapan])
        if jenis == "iku":
            q = {"id": c.id, "nama": c.nama}
            b.add("biaya-per-hasil/iku/<id>/pagu", q, c.uang.pagu, [f"{a}/pagu" for a in programs])
            b.add(
                "biaya-per-hasil/iku/<id>/realisasi-anggaran", q, c.uang.realisasi, [f"{a}/realisasi" for a in programs]
            )
            b.add("biaya-per-hasil/iku/<id>/serapan", q, c.uang.serapan, [f"biaya-per-hasil/iku/{c.id}/pagu"])
            if c.rupiah_per_unit is not None:
                b.add(
                    "biaya-per-hasil/iku/<id>/rupiah-per-satuan",
                    q,
                    c.rupiah_per_unit,
                    [f"biaya-per-hasil/iku/{c.id}/realisasi-anggaran", f"iku/{c.id}/realisasi"],
                )


def _riwayat_anggaran(b: _Builder, lp: LaporanKinerja) -> None:
    """The budget of earlier years, and the change of serapan between every two years that have one."""
    for y in lp.riwayat_anggaran:
        if y.tahun >= lp.tahun:
            continue
        p = {"tahun": y.tahun}
        src = [f"{y.tahun}/program.yml" if y.laporan else f"riwayat-anggaran.csv {y.tahun}"]
        for leaf, value in (("pagu", y.pagu), ("realisasi", y.realisasi)):
            if value is not None:
                b.add(f"riwayat-anggaran/<tahun>/{leaf}", p, value, src)
        here = f"riwayat-anggaran/{y.tahun}"
        b.add("riwayat-anggaran/<tahun>/serapan", p, y.serapan, [f"{here}/realisasi", f"{here}/pagu"])
    for x in perubahan_serapan(lp.riwayat_anggaran):
        years = {"dari": x.dari, "ke": x.ke}
        inputs = [_serapan_address(t, lp.tahun) for t in (x.dari, x.ke)]
        b.add("perubahan/anggaran-serapan/<dari>-<ke>/selisih", years, x.selisih, inputs)
        if x.persen is not None:
            b.add("perubahan/anggaran-serapan/<dari>-<ke>/persen", years, x.persen, inputs)


def _serapan_address(tahun: int, now: int) -> str:
    return "anggaran/total/serapan" if tahun == now else f"riwayat-anggaran/{tahun}/serapan"


# ---------------------------------------------------------------- survey


def _unsur(b: _Builder, periode: str, nama: str, unsur: Sequence[UnsurResult]) -> None:
    for u in unsur:
        p = {"periode": periode, "nama": nama, "unsur": u.kode.lower(), "unsur_nama": f"{u.kode} {u.nama}"}
        here = f"skm/{periode}/unsur/{u.kode.lower()}"
        src = [f"skm.yml periode[{periode}].unsur.{u.kode}"] if u.jumlah_jawaban is None else ["jawaban responden"]
        b.add("skm/<periode>/unsur/<unsur>/nrr", p, u.nrr, src)
        b.add("skm/<periode>/unsur/<unsur>/nilai", p, u.nilai, [f"{here}/nrr"])
        b.label("skm/<periode>/unsur/<unsur>/mutu", p, u.mutu, [f"{here}/nilai"])
        if u.harapan is not None:
            b.add("skm/<periode>/unsur/<unsur>/harapan", p, u.harapan, src)
            b.add("skm/<periode>/unsur/<unsur>/kesenjangan", p, u.kesenjangan, [f"{here}/nrr", f"{here}/harapan"])


def _ringkasan_unsur(
    b: _Builder, periode: str, nama: str, unsur: Sequence[UnsurResult], nrr_tertimbang: float | None
) -> None:
    """NRR tertimbang, unsur per mutu and the expectation side of a period (or the year)."""
    if not unsur:
        return
    p = {"periode": periode, "nama": nama}
    here = f"skm/{periode}"
    b.add("skm/<periode>/nrr-tertimbang", p, nrr_tertimbang, [f"{here}/unsur/{u.kode.lower()}/nrr" for u in unsur])
    for huruf, count in jumlah_per_mutu(unsur).items():
        b.add(
            "skm/<periode>/unsur/jumlah-mutu-<mutu>",
            {"mutu": huruf.lower(), "mutu_huruf": huruf, **p},
            count,
            [f"{here}/unsur/{u.kode.lower()}/mutu" for u in unsur],
        )
    sisi = harapan(unsur)
    if sisi is not None:
        b.add(
            "skm/<periode>/harapan/nrr-tertimbang",
            p,
            sisi.nrr_tertimbang,
            [f"{here}/unsur/{u.kode.lower()}/harapan" for u in unsur],
        )
        b.add("skm/<periode>/harapan/ikm", p, sisi.ikm, [f"{here}/harapan/nrr-tertimbang"])
        b.label("skm/<periode>/harapan/mutu", p, sisi.mutu, [f"{here}/harapan/ikm"])


def _periode(b: _Builder, pr: PeriodeResult) -> None:
    p = {"periode": pr.id, "nama": pr.nama}
    here = f"skm/{pr.id}"
    sources = (
        [f"{here}/layanan/{x.id}/ikm" for x in pr.layanan]
        if pr.dasar.startswith("rata-rata IKM")
        else [f"{here}/unsur/ikm"]
    )
    b.add("skm/<periode>/ikm", p, pr.ikm, sources, catatan=pr.dasar)
    b.label("skm/<periode>/mutu", p, pr.mutu, [f"{here}/ikm"])
    if pr.unsur:
        b.add("skm/<periode>/unsur/ikm", p, pr.ikm_unsur, [f"{here}/nrr-tertimbang"])
    if pr.responden is not None:
        b.add("skm/<periode>/jumlah-responden", p, pr.responden, [f"skm.yml periode[{pr.id}]"])
    if pr.pengguna_layanan is not None:
        b.add("skm/<periode>/pengguna-layanan", p, pr.pengguna_layanan, [f"skm.yml periode[{pr.id}].pengguna_layanan"])
        b.add("skm/<periode>/sampel-minimum", p, pr.sampel_minimum, [f"{here}/pengguna-layanan"])
    _unsur(b, pr.id, pr.nama, pr.unsur)
    _ringkasan_unsur(b, pr.id, pr.nama, pr.unsur, pr.nrr_tertimbang)
    if pr.layanan_terendah:
        names = tuple(x.nama for x in pr.layanan_terendah)
        b.add(
            "skm/<periode>/layanan-terendah",
            p,
            ", ".join(names),
            [f"{here}/layanan/{x.id}/ikm" for x in pr.layanan],
            sebutan=names if len(names) > 1 else (),
        )
    for x in pr.layanan:
        q = {"layanan": x.id, "layanan_nama": x.nama, **p}
        b.add("skm/<periode>/layanan/<layanan>/ikm", q, x.ikm, [f"skm.yml periode[{pr.id}].layanan[{x.id}]"])
        b.label("skm/<periode>/layanan/<layanan>/mutu", q, x.mutu, [f"{here}/layanan/{x.id}/ikm"])
        if x.responden is not None:
            b.add(
                "skm/<periode>/layanan/<layanan>/jumlah-responden",
                q,
                x.responden,
                [f"skm.yml periode[{pr.id}].layanan[{x.id}]"],
            )


def _skm(b: _Builder, lp: LaporanKinerja) -> None:
    skm = lp.skm
    if skm is None:
        return
    for pr in skm.periode:
        _periode(b, pr)
    p = {"periode": "tahunan", "nama": f"tahun {lp.tahun}"}
    b.add("skm/<periode>/ikm", p, skm.ikm, [f"skm/{pr.id}/ikm" for pr in skm.periode], catatan=skm.dasar)
    b.label("skm/<periode>/mutu", p, skm.mutu, ["skm/tahunan/ikm"])
    if skm.responden is not None:
        b.add(
            "skm/<periode>/jumlah-responden", p, skm.responden, [f"skm/{pr.id}/jumlah-responden" for pr in skm.periode]
        )
    _unsur(b, "tahunan", f"tahun {lp.tahun}", skm.unsur)
    _ringkasan_unsur(b, "tahunan", f"tahun {lp.tahun}", skm.unsur, skm.nrr_tertimbang)


# ---------------------------------------------------------------- profile, staff, assets, indices

PROFIL = (
    ("penduduk", "Penduduk", "jiwa"),
    ("penduduk-laki-laki", "Penduduk laki-laki", "jiwa"),
    ("penduduk-perempuan", "Penduduk perempuan", "jiwa"),
    ("jumlah-kk", "Kepala keluarga", "KK"),
    ("luas", "Luas wilayah", "km²"),
    ("kepadatan", "Kepadatan penduduk", "jiwa/km²"),
    ("jumlah-desa", "Jumlah desa", "desa"),
    ("jumlah-kelurahan", "Jumlah kelurahan", "kelurahan"),
)


def _profil(b: _Builder, kec: KecamatanData) -> None:
    w = wilayah(kec.profil)
    values = {
        "penduduk": w.penduduk,
        "penduduk-laki-laki": w.laki_laki,
        "penduduk-perempuan": w.perempuan,
        "jumlah-kk": w.kk,
        "luas": kec.profil.luas_km2,
        "kepadatan": w.kepadatan,
        "jumlah-desa": w.jumlah_desa,
        "jumlah-kelurahan": w.jumlah_kelurahan if kec.profil.desa else None,
    }
    desa = [f"profil/desa/{slug(d.desa.nama)}/penduduk" for d in w.desa]
    for besaran, label, unit in PROFIL:
        source = {
            "luas": ["kecamatan.yml luas_km2"],
            "kepadatan": ["profil/penduduk", "profil/luas"],
            "jumlah-desa": ["kecamatan.yml desa" if kec.profil.desa else "kecamatan.yml jumlah_desa"],
        }.get(besaran, ["kecamatan.yml desa"])
        b.add(
            "profil/<besaran>",
            {"besaran": besaran, "besaran_label": label, "nama": kec.profil.nama},
            values[besaran],
            source if besaran != "penduduk" else desa,
            satuan=unit,
        )
    for d in w.desa:
        b.add(
            "profil/desa/<desa>/penduduk",
            {"desa": slug(d.desa.nama), "desa_nama": f"{d.desa.jenis.capitalize()} {d.desa.nama}"},
            d.penduduk,
            [f"kecamatan.yml desa[{d.desa.nama}]"],
        )
    sektor = [slug(x.sektor) for x in kec.profil.mata_pencaharian]
    for name, x in zip(sektor, kec.profil.mata_pencaharian):
        b.add(
            "profil/mata-pencaharian/<sektor>/persen",
            {"sektor": name, "sektor_nama": x.sektor},
            x.persen,
            [f"kecamatan.yml mata_pencaharian[{x.sektor}]"],
        )
    if sektor:
        b.add(
            "profil/mata-pencaharian/jumlah-persen",
            {},
            w.jumlah_persen_mata_pencaharian,
            [f"profil/mata-pencaharian/{name}/persen" for name in sektor],
        )


def rincian_slug(dimensi: str, kelompok: str) -> str:
    """`pendidikan` for all staff, `pendidikan-asn` for the ASN group."""
    return slug(dimensi if kelompok == "semua" else f"{dimensi}-{kelompok}")


def _sdm(b: _Builder, lp: LaporanKinerja) -> None:
    sdm = lp.sdm
    if sdm is None:
        return
    first = next((r for r in sdm.rincian if r.kelompok == "semua"), None)
    b.add(
        "sdm/jumlah",
        {},
        first.total if first else None,
        [f"sdm/{rincian_slug(first.dimensi, first.kelompok)}/jumlah"] if first else [],
    )
    if sdm.asn is not None:
        b.add("sdm/asn", {}, sdm.asn, ["sumber-daya.yml sdm.asn"])
    if sdm.kebutuhan is not None:
        b.add("sdm/kebutuhan", {}, sdm.kebutuhan, ["sumber-daya.yml sdm.kebutuhan"])
    if sdm.asn is not None or sdm.kebutuhan is not None:
        b.add("sdm/pemenuhan-jabatan", {}, sdm.pemenuhan_jabatan, ["sdm/asn", "sdm/kebutuhan"])
    for r in sdm.rincian:
        rincian = rincian_slug(r.dimensi, r.kelompok)
        label = r.dimensi.replace("_", " ") + ("" if r.kelompok == "semua" else f" ({r.kelompok})")
        p = {"rincian": rincian, "rincian_label": label}
        parts = [f"sdm/{rincian}/{slug(k)}/jumlah" for k, _, _ in r.baris]
        b.add("sdm/<rincian>/jumlah", p, r.total, parts)
        for kategori, jumlah, share in r.baris:
            q = {"kategori": slug(kategori), "kategori_nama": kategori, **p}
            b.add(
                "sdm/<rincian>/<kategori>/jumlah",
                q,
                jumlah,
                [f"sumber-daya.yml sdm.rincian[{r.dimensi}, {r.kelompok}]"],
            )
            b.add(
                "sdm/<rincian>/<kategori>/persen",
                q,
                share,
                [f"sdm/{rincian}/{slug(kategori)}/jumlah", f"sdm/{rincian}/jumlah"],
            )


KONDISI = (("baik", "baik"), ("rusak_ringan", "rusak ringan"), ("rusak_berat", "rusak berat"))


def barang_slugs(aset: AsetResult) -> list[str]:
    """Each item's address part: its slugged name, numbered when a name repeats (`-2`, `-3`)."""
    seen: dict[str, int] = {}
    names = []
    for x in aset.barang:
        base = slug(x.barang.nama)
        seen[base] = seen.get(base, 0) + 1
        names.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return names


def _aset(b: _Builder, lp: LaporanKinerja) -> None:
    aset = lp.aset
    if aset is None:
        return
    if aset.barang:
        names = barang_slugs(aset)
        b.add("aset/jumlah", {}, aset.jumlah, [f"aset/barang/{name}/jumlah" for name in names])
        base = "aset/jumlah"
        if aset.jumlah_tanpa_rincian:
            base = "aset/jumlah-dirinci"
            b.add(base, {}, aset.jumlah_dirinci, [f"aset/{k.replace('_', '-')}/jumlah" for k, _ in KONDISI])
        for kondisi, label in KONDISI:
            p = {"kondisi": kondisi.replace("_", "-"), "kondisi_label": label}
            b.add("aset/<kondisi>/jumlah", p, getattr(aset, kondisi), ["sumber-daya.yml aset.barang"])
            b.add("aset/<kondisi>/persen", p, aset.persen(kondisi), [f"aset/{p['kondisi']}/jumlah", base])
        for name, x in zip(names, aset.barang):
            field_ = "" if x.barang.dirinci else ".jumlah"
            b.add(
                "aset/barang/<barang>/jumlah",
                {"barang": name, "barang_nama": x.barang.nama},
                x.jumlah,
                [f"sumber-daya.yml aset.barang[{x.barang.nama}]{field_}"],
            )
    for saat, jumlah in (("awal", aset.nilai_awal), ("akhir", aset.nilai_akhir)):
        if jumlah is not None:
            b.add(
                "aset/nilai/<saat>",
                {"saat": saat},
                jumlah,
                [f"aset/nilai/{slug(n.golongan)}/{saat}" for n in aset.nilai],
            )
        for n in aset.nilai:
            value = getattr(n, saat)
            if value is not None:
                b.add(
                    "aset/nilai/<golongan>/<saat>",
                    {"golongan": slug(n.golongan), "golongan_nama": n.golongan, "saat": saat},
                    value,
                    [f"sumber-daya.yml aset.nilai[{n.golongan}].{saat}"],
                )
    for n, here in [(x, f"aset/nilai/{slug(x.golongan)}") for x in aset.nilai] + (
        [(aset.total_nilai, "aset/nilai")] if aset.total_nilai else []
    ):
        if n.perubahan is None:
            continue
        p = {"golongan": slug(n.golongan), "golongan_nama": n.golongan}
        pola = "aset/nilai/<golongan>" if here != "aset/nilai" else "aset/nilai"
        b.add(f"{pola}/perubahan", p, n.perubahan, [f"{here}/akhir", f"{here}/awal"])
        b.add(f"{pola}/perubahan-persen", p, n.perubahan_persen, [f"{here}/perubahan", f"{here}/awal"])


def _sakip(b: _Builder, pola: str, parts: Mapping[str, object], nilai: float, masukan: list[str]) -> None:
    """A SAKIP grade (AA..D) of a value on a 0-100 scale, matching its printed code or label."""
    grade = predikat_sakip(nilai)
    kode, _, label = grade.partition(" (")
    label = label.removesuffix(")")
    b.add(pola, parts, f"{kode} {label}", masukan, sebutan=(kode, label, grade))


def _indeks(b: _Builder, lp: LaporanKinerja) -> None:
    for x in lp.indeks:
        p = {"id": x.indeks.id, "nama": x.indeks.nama}
        aspek = [f"indeks/{x.indeks.id}/aspek/{n}/nilai" for n in range(1, len(x.aspek) + 1)]
        b.add("indeks/<id>/total", p, x.total, aspek)
        if x.maksimum is not None:
            b.add("indeks/<id>/maksimum", p, x.maksimum, [f"indeks.yml indeks[{x.indeks.id}].aspek.bobot"])
        if x.predikat is not None and x.maksimum:
            _sakip(b, "indeks/<id>/predikat", p, x.total / x.maksimum * 100, [f"indeks/{x.indeks.id}/total"])
        weakest = x.aspek.index(x.terendah) + 1
        b.add(
            "indeks/<id>/aspek-terendah",
            p,
            x.terendah.aspek.nama,
            [f"indeks/{x.indeks.id}/aspek/{weakest}/persen-maksimum"],
        )
        for n, a in enumerate(x.aspek, start=1):
            q = {"n": n, "aspek_nama": a.aspek.nama, **p}
            b.add("indeks/<id>/aspek/<n>/nilai", q, a.poin, [f"indeks.yml indeks[{x.indeks.id}].aspek[#{n}]"])
            if a.persen_maksimum is not None:
                b.add(
                    "indeks/<id>/aspek/<n>/persen-maksimum",
                    q,
                    a.persen_maksimum,
                    [f"indeks/{x.indeks.id}/aspek/{n}/nilai"],
                )
            if a.bobot_tersirat is not None:
                b.add(
                    "indeks/<id>/aspek/<n>/bobot-tersirat",
                    q,
                    a.bobot_tersirat,
                    [f"indeks/{x.indeks.id}/aspek/{n}/nilai"],
                )


def _individu(b: _Builder, r: IndividuResult) -> None:
    name = f"individu-tw{r.triwulan}.yml"
    for j in r.jabatan:
        for h in j.indikator:
            ind = h.indikator
            p = {
                "tw": r.triwulan,
                "jabatan": j.jabatan.id,
                "jabatan_nama": j.jabatan.jabatan,
                "indikator": ind.id,
                "nama": ind.nama,
            }
            here = f"individu/tw{r.triwulan}/{j.jabatan.id}/{ind.id}"
            src = f"{name} jabatan[{j.jabatan.id}].indikator[{ind.id}]"
            b.add("individu/tw<tw>/<jabatan>/<indikator>/target", p, ind.target, [f"{src}.target"], satuan=ind.satuan)
            if ind.pembilang is not None:
                b.add(
                    "individu/tw<tw>/<jabatan>/<indikator>/pembilang",
                    p,
                    ind.pembilang,
                    [f"{src}.pembilang"],
                    satuan=ind.satuan,
                )
                b.add(
                    "individu/tw<tw>/<jabatan>/<indikator>/penyebut",
                    p,
                    ind.penyebut,
                    [f"{src}.penyebut"],
                    satuan=ind.satuan,
                )
            quarters = [
                b.add(
                    "individu/tw<tw>/<jabatan>/<indikator>/realisasi/tw<k>",
                    {"k": k, **p},
                    v,
                    [f"{src}.realisasi_triwulan[{k}]"],
                    satuan=ind.satuan,
                )
                for k, v in h.triwulan
            ]
            if h.jumlah_triwulan is not None:
                b.add(
                    "individu/tw<tw>/<jabatan>/<indikator>/realisasi/jumlah-triwulan",
                    p,
                    h.jumlah_triwulan,
                    quarters,
                    satuan=ind.satuan,
                )
            if ind.pembilang is not None and ind.penyebut is not None:
                source = [f"{here}/pembilang", f"{here}/penyebut"]
            elif ind.realisasi is not None or not quarters:
                source = [f"{src}.realisasi"]
            else:
                source = [f"{here}/realisasi/jumlah-triwulan"]
            b.add("individu/tw<tw>/<jabatan>/<indikator>/realisasi", p, h.realisasi, source, satuan=ind.satuan)
            b.add(
                "individu/tw<tw>/<jabatan>/<indikator>/capaian",
                p,
                h.capaian.nilai,
                [f"{here}/target", f"{here}/realisasi"],
                catatan=h.capaian.alasan,
            )
            money = ind.anggaran
            if money is not None:
                if money.pagu is not None:
                    b.add("individu/tw<tw>/<jabatan>/<indikator>/pagu", p, money.pagu, [f"{src}.anggaran.pagu"])
                if money.realisasi is not None:
                    b.add(
                        "individu/tw<tw>/<jabatan>/<indikator>/realisasi-anggaran",
                        p,
                        money.realisasi,
                        [f"{src}.anggaran.realisasi"],
                    )
                b.add(
                    "individu/tw<tw>/<jabatan>/<indikator>/serapan",
                    p,
                    h.serapan,
                    [f"{here}/realisasi-anggaran", f"{here}/pagu"],
                )
            parts = [f"individu/tw{r.triwulan}/{_jabatan_of(r, i)}/{i}" for i in ind.rincian]
            for leaf, value in (("pagu", h.pagu_rincian), ("realisasi-anggaran", h.realisasi_anggaran_rincian)):
                if value is not None:
                    b.add(
                        f"individu/tw<tw>/<jabatan>/<indikator>/{leaf}-rincian",
                        p,
                        value,
                        [f"{x}/{leaf}" for x in parts],
                    )


def _jabatan_of(r: IndividuResult, ind_id: str) -> str:
    """The jabatan whose indicator has this id."""
    return next(j.jabatan.id for j in r.jabatan for h in j.indikator if h.indikator.id == ind_id)


# ---------------------------------------------------------------- the register of a kecamatan-year


def laporan_figures(lp: LaporanKinerja) -> list[Figure]:
    """Every figure of a Laporan Kinerja (its profile included)."""
    b = _Builder()
    computed = _computed_sources(lp)
    for h in lp.iku:
        _indikator(b, "iku", h, computed)
    for n in walk_program(lp):
        for h in n.indikator:
            _indikator(b, "indikator-program", h, computed)
    _program_means(b, lp)
    _ringkasan(b, lp)
    _perbandingan(b, lp)
    _anggaran(b, lp)
    _riwayat_anggaran(b, lp)
    _skm(b, lp)
    _sdm(b, lp)
    _aset(b, lp)
    _indeks(b, lp)
    return b.figures


def year_register(
    kab: KabupatenData, kec: KecamatanData, tahun: int, lp: LaporanKinerja | None, individu: Sequence[IndividuResult]
) -> YearRegister:
    """The register of one kecamatan-year: its Laporan Kinerja (if any), its individual
    reports of that year, and the kecamatan's profile (printed in the year's report too)."""
    b = _Builder()
    if lp is not None:
        b.figures += laporan_figures(lp)
    for r in individu:
        _individu(b, r)
    _profil(b, kec)
    return YearRegister(kab, kec, tahun, tuple(b.figures))

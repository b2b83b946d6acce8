"""A kabupaten's pages: overview, comparisons per year, each kecamatan's profile (population, staff, assets) and every report page."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any

from generator.compute.individu import IndividuResult
from generator.compute.laporan import LaporanKinerja
from generator.compute.portal import Overview, PortalResult
from generator.compute.wilayah import Wilayah, wilayah
from generator.model.content import KabupatenData, KecamatanData
from generator.numbers import format_number, format_percent, format_value
from generator.render import charts
from generator.render import tables as tabel
from generator.render.dataset import Table
from generator.render.page import Page, unique_tables
from generator.render.pages.anggaran import anggaran_page
from generator.render.pages.headline import headline_card, year_pages
from generator.render.pages.individu import individu_page
from generator.render.pages.laporan import audit_page, laporan_page
from generator.render.pages.portal import ShardSummary, computed_columns, data_terbuka_page
from generator.render.pages.skm import skm_pages
from generator.render.paths import kabupaten_path, kecamatan_path, overview_path


def _overview_chart(x: Overview) -> charts.Chart | None:
    if x.utama is None:
        return None
    shared = x.utama
    rows = [(r, place) for r in x.baris if (place := r.bersama.get(shared.kode))]
    bars = [
        charts.Bar(
            r.kecamatan,
            place.nilai,
            f"{format_value(place.nilai)} · #{place.peringkat}",
            "Kecamatan di portal" if r.slug else "Kecamatan lain",
            charts.PALETTE[0 if r.slug else 4],
        )
        for r, place in rows
    ]
    title = f"{shared.nama} setiap kecamatan, Kabupaten {x.kabupaten.profil.nama} {x.tahun}"
    description = "; ".join(f"{b.label}: {b.text}" for b in bars) + "."
    return charts.bar_chart(bars, title, description)


def overview_page(x: Overview) -> Page:
    kab = x.kabupaten.profil.nama
    page = Page(
        overview_path(x),
        "perbandingan_kecamatan.md.j2",
        f"Perbandingan kecamatan {kab} {x.tahun}",
        f"Semua kecamatan di Kabupaten {kab} berdampingan pada tahun {x.tahun}: indikator bersama dengan "
        "peringkat, rata-rata capaian IKU, IKM dan serapan anggaran.",
        {"x": x},
        source=f"nilai kecamatan Kabupaten {kab} dan laporan kinerja kecamatan di portal",
        sources=(x.kabupaten.file, *(f for r in x.baris if r.laporan for f in r.laporan.data.files)),
    )
    page.context["grafik"] = page.chart("perbandingan.svg", _overview_chart(x))
    page.add(kecamatan=tabel.overview_table(x))
    return page


def _penduduk_chart(kec: KecamatanData, w: Wilayah) -> charts.Chart | None:
    bars = [
        charts.Bar(d.desa.nama, penduduk, format_number(penduduk, 0), "Penduduk", charts.PALETTE[0])
        for d in w.desa
        if (penduduk := d.penduduk) is not None
    ]
    if not bars:
        return None
    title = f"Penduduk per desa/kelurahan, Kecamatan {kec.profil.nama}"
    return charts.bar_chart(bars, title, "; ".join(f"{b.label}: {b.text} jiwa" for b in bars) + ".")


def _sumber_daya(page: Page, laporan: list[LaporanKinerja]) -> None:
    """Staff and assets of the newest year that has them, on the kecamatan page."""
    lp = next((x for x in laporan if x.sdm or x.aset), None)
    page.context["sumber_daya"] = lp
    if lp is None:
        return
    if lp.sdm:
        page.add(sdm=tabel.sdm_tabel(lp, lp.sdm))
        status = next((r for r in lp.sdm.rincian if r.dimensi == "status"), None)
        if status and status.total:
            bars = [
                charts.Bar(k, v, f"{v} ({format_percent(p)})", "Pegawai", charts.PALETTE[2]) for k, v, p in status.baris
            ]
            page.context["grafik_sdm"] = page.chart(
                "sdm-status.svg",
                charts.bar_chart(
                    bars, f"Pegawai menurut status, {lp.tahun}", "; ".join(f"{b.label}: {b.text}" for b in bars) + "."
                ),
            )
    if lp.aset:
        a = lp.aset
        if a.barang:
            page.add(aset=tabel.aset_tabel(lp, a))
        if a.nilai:
            page.add(nilai_aset=tabel.nilai_aset_tabel(lp, a))
        if not a.jumlah_dirinci:
            return
        labels = {"baik": "Baik", "rusak_ringan": "Rusak ringan", "rusak_berat": "Rusak berat"}
        bars = [
            charts.Bar(
                label, a.persen(k) or 0, f"{format_percent(a.persen(k))} ({getattr(a, k)} barang)", label, colour
            )
            for (k, label), colour in zip(labels.items(), ("#009E73", "#E69F00", "#D55E00"))
        ]
        page.context["grafik_aset"] = page.chart(
            "aset-kondisi.svg",
            charts.bar_chart(
                bars, f"Kondisi sarana dan prasarana, {lp.tahun}", "; ".join(f"{b.label}: {b.text}" for b in bars) + "."
            ),
        )


def _peringkat(lp: LaporanKinerja) -> tuple[int, float, str]:
    """Newest year first, then highest mean capaian, reports without one last."""
    rata = lp.ringkasan.rata_rata
    return (-lp.tahun, float("inf") if rata is None else -rata, lp.kecamatan.profil.nama)


def kabupaten_pages(
    hasil: PortalResult, kab: KabupatenData, kept: Mapping[str, Mapping[str, list[Page]]] | None = None
) -> list[Page]:
    """Every page of one kabupaten's shard: its overview and comparisons, each kecamatan's
    profile, reports, SKM, budget, data-quality and individual pages, and its open-data index.
    `kept`: per kecamatan not rendered again (computed without its figure register), its pages
    of the last build (`page.kept_copy`) by `group`, put back in their places."""
    kept = kept or {}
    skala = tabel.skala_predikat(kab)
    laporan_kab = sorted(hasil.untuk(kab.slug), key=_peringkat)
    all_changed = hasil.content.last_changed({f for lp in laporan_kab for f in lp.data.files} | {kab.file})
    page = Page(
        kabupaten_path(kab.slug),
        "kabupaten.md.j2",
        f"Kabupaten {kab.profil.nama}",
        f"Capaian kinerja kecamatan di Kabupaten {kab.profil.nama}.",
        {"kab": kab},
        source=f"laporan kinerja kecamatan di Kabupaten {kab.profil.nama}",
        sources=(kab.file.parent,),
        changed=all_changed,
    )
    page.add(capaian=tabel.capaian_kecamatan(kab, laporan_kab), skala=skala)
    page.context["cards"] = [headline_card(hasil, kab, kec) for kec in kab.kecamatan]
    page.context["ikhtisar"] = [x for x in hasil.overviews if x.kabupaten.slug == kab.slug]
    result = [page, *(overview_page(x) for x in page.context["ikhtisar"])]

    def group(kec: str, name: str, make: Callable[..., list[Page]], *args: Any) -> list[Page]:
        """The pages of one group of a kecamatan: kept from the last build, or `make(*args)` now."""
        if kec in kept:
            return kept[kec][f"{kec}/{name}"]
        pages = make(*args)
        for p in pages:
            p.group = f"{kec}/{name}"
        return pages

    for kec in kab.kecamatan:
        result += group(kec.slug, "profil", _kecamatan_page, hasil, kab, kec)
    for lp in hasil.untuk(kab.slug):
        result += group(lp.kecamatan.slug, f"laporan/{lp.tahun}", _laporan_pages, hasil, lp, skala)
    published: set[tuple[str, int]] = {(lp.kecamatan.slug, lp.tahun) for lp in hasil.untuk(kab.slug)}
    for r in (r for r in hasil.individu if r.kabupaten.slug == kab.slug):
        with_register = (r.kecamatan.slug, r.tahun) not in published
        published.add((r.kecamatan.slug, r.tahun))
        result += group(r.kecamatan.slug, f"individu/{r.tahun}/{r.triwulan}", _individu_pages, hasil, r, with_register)
    result.append(
        data_terbuka_page(f"{kab.slug}/data-terbuka.md", hasil.content, result, [], (kab.file.parent,), all_changed)
    )
    return result


def _kecamatan_page(hasil: PortalResult, kab: KabupatenData, kec: KecamatanData) -> list[Page]:
    """A kecamatan's profile: population, staff, assets, and its reports."""
    w = wilayah(kec.profil)
    laporan_kec = hasil.untuk(kab.slug, kec.slug)[::-1]
    page = Page(
        kecamatan_path(kab.slug, kec.slug),
        "kecamatan.md.j2",
        f"Kecamatan {kec.profil.nama}",
        f"Profil dan laporan kinerja Kecamatan {kec.profil.nama}, Kabupaten {kab.profil.nama}.",
        {
            "kab": kab,
            "kec": kec,
            "wilayah": w,
            "card": headline_card(hasil, kab, kec),
            "tahun": year_pages(hasil, kab, kec),
            "grafik_penduduk": None,
            "grafik_sdm": None,
            "grafik_aset": None,
            "catatan_profil": [(lp, n) for lp in laporan_kec for n in lp.audit if n.alamat.startswith("profil/")],
        },
        source=kec.profil.sumber or f"profil Kecamatan {kec.profil.nama}",
        sources=(kec.file, *(f for lp in laporan_kec for f in lp.data.files)),
    )
    if kec.profil.mata_pencaharian:
        page.add(mata_pencaharian=tabel.mata_pencaharian(kab, kec, w))
    if kec.profil.desa:
        page.add(desa=tabel.desa(kab, kec, w))
        page.context["grafik_penduduk"] = page.chart("penduduk.svg", _penduduk_chart(kec, w))
    page.add(laporan=tabel.laporan_kecamatan(kab, kec, laporan_kec))
    _sumber_daya(page, laporan_kec)
    return [page]


def _individu_pages(hasil: PortalResult, r: IndividuResult, with_register: bool) -> list[Page]:
    """A quarter's page; with the year's register when no Laporan Kinerja of that year shows it."""
    register = hasil.register_untuk(r.kabupaten.slug, r.kecamatan.slug, r.tahun) if with_register else None
    return [individu_page(r, register)]


def _laporan_pages(hasil: PortalResult, lp: LaporanKinerja, skala: Table) -> list[Page]:
    """A Laporan Kinerja's page, with its SKM, budget and data-quality pages."""
    pages = [laporan_page(lp, skala, hasil.register_untuk(lp.kabupaten.slug, lp.kecamatan.slug, lp.tahun))]
    if lp.skm:
        pages += skm_pages(lp, lp.skm, hasil.content.portal.url)
    if lp.anggaran:
        pages.append(anggaran_page(lp, lp.anggaran))
    if lp.audit:
        pages.append(audit_page(lp))
    return pages


def shard_summary(hasil: PortalResult, kab: KabupatenData, site_pages: list[Page]) -> ShardSummary:
    """What the portal's own pages need from a kabupaten whose pages are `site_pages`."""
    terbaru = [lp for lp in hasil.terbaru() if lp.kabupaten.slug == kab.slug]
    return ShardSummary(
        replace(kab, kecamatan=(), nilai_kecamatan=()),
        len(kab.kecamatan),
        tabel.capaian_terbaru(terbaru, "capaian-terbaru"),
        tuple(headline_card(hasil, kab, kec) for kec in kab.kecamatan),
        computed_columns(k for t in unique_tables(site_pages) for k in t.columns),
        tuple(p.path for p in site_pages),
        tuple(sorted({t for p in site_pages for t in p.cross_links})),
        hasil.content.last_changed({f for p in site_pages for f in p.sources}),
    )

"""The portal's own pages (Beranda, Metodologi, Data terbuka) and what each kabupaten shard hands on to them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable
from generator.render import tables as tabel
from generator.compute.metodologi import metodologi
from generator.render.dataset import Kolom, Sel, Tabel
from generator.model.content import Content, KabupatenData
from generator.render.dataset import LISENSI
from generator.render.page import Page


@dataclass(frozen=True)
class Kerangka:
    """The portal's outline: every kabupaten and its kecamatan, by slug and name. Every shard
    knows it (shared navigation, portal-wide search for names) without loading other shards."""

    kabupaten: tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...]


@dataclass
class Ringkasan:
    """What one kabupaten's build hands on to the portal's own pages and to the link check."""

    kabupaten: KabupatenData          # profile and scale (its kecamatan without reports)
    jumlah_kecamatan: int
    terbaru: Tabel                    # the latest report of each kecamatan, for the home page
    kolom: tuple[Kolom, ...]          # computed columns of its datasets, for Metodologi
    halaman: tuple[str, ...]          # source paths of its pages
    lintas: tuple[str, ...]           # pages of other shards it links to
    diubah: int                       # newest change of its content files


def _metodologi_page(content: Content, ringkasan: list[Ringkasan], skala: dict[str, Tabel], kolom: Tabel) -> Page:
    m = metodologi(content.portal, [r.kabupaten for r in ringkasan])
    page = Page("metodologi.md", "metodologi.md.j2", "Metodologi",
                "Rumus capaian, agregasi periode, predikat dan skala penilaian yang dipakai portal.", {"m": m},
                sumber="ketentuan PermenPANRB 53/2014 dan skala predikat setiap kabupaten",
                berkas=tuple(r.kabupaten.file for r in ringkasan))
    page.add(kolom=kolom, **skala)
    return page


def kolom_terhitung(kolom: Iterable[Kolom]) -> tuple[Kolom, ...]:
    """The computed columns among `kolom`, once each, by key."""
    seen: dict[str, Kolom] = {}
    for k in kolom:
        if k.rumus:
            seen.setdefault(k.kunci, k)
    return tuple(sorted(seen.values(), key=lambda k: k.kunci))


def _kolom_tabel(kolom: Iterable[Kolom], rumus: dict[str, str]) -> Tabel:
    t = Tabel("kolom-terhitung", "Kolom data yang dihitung portal dan rumusnya",
              "Setiap kolom hasil hitung dalam data terbuka, dengan rumus yang menghasilkannya.",
              (Kolom("kolom", "Kolom data"), Kolom("judul", "Judul kolom"), Kolom("keterangan", "Keterangan"),
               Kolom("rumus", "Rumus")))
    for k in kolom:
        kode = k.rumus.removeprefix("rumus-")
        t.tambah(k.kunci, k.judul, k.deskripsi, Sel(kode, rumus[kode], f"#{k.rumus}"))
    return t


def _data_terbuka_page(path: str, content: Content, site_pages: list[Page], kabupaten: list[Ringkasan],
                       berkas: tuple[Path, ...], diubah: int | None = None) -> Page:
    """The open-data index of a shard: its pages' tables, and (portal) every kabupaten's index."""
    return Page(path, "data_terbuka.md.j2", "Data terbuka",
                "Semua tabel portal sebagai CSV dan JSON, dengan deskriptor Frictionless Data Package.",
                {"halaman": [p for p in site_pages if p.tabel], "kabupaten": kabupaten,
                 "lisensi": LISENSI[content.portal.lisensi_data]},
                sumber="semua halaman portal", berkas=berkas, diubah=diubah)


def portal_pages(content: Content, kabupaten: list[Ringkasan]) -> list[Page]:
    """The portal's own pages: home, Metodologi and the open-data index, from each kabupaten's
    summary (their pages are built in their own shards)."""
    folders = (content.root / "portal.yml", *(r.kabupaten.file.parent for r in kabupaten))
    diubah = max([content.tanggal([content.root / "portal.yml"]), *(r.diubah for r in kabupaten)])
    home = Page("index.md", "beranda.md.j2", content.portal.judul, content.portal.deskripsi,
                {"portal_kabupaten": kabupaten}, sumber="laporan kinerja setiap kecamatan di portal ini",
                berkas=folders, diubah=diubah)
    terbaru = tabel.capaian_terbaru([], "capaian-terbaru")
    for row in sorted((row for r in kabupaten for row in r.terbaru.baris), key=lambda row: (row[0].nilai, row[1])):
        terbaru.tambah(*row)
    home.add(terbaru=terbaru)
    skala = {f"skala_{r.kabupaten.slug}": tabel.skala_predikat(r.kabupaten) for r in kabupaten}
    kolom = kolom_terhitung([*terbaru.kolom, *(k for r in kabupaten for k in r.kolom)])
    kolom_tabel = _kolom_tabel(kolom, {x.kode: x.nama for x in metodologi(content.portal, []).rumus})
    result = [home, _metodologi_page(content, kabupaten, skala, kolom_tabel)]
    result.append(_data_terbuka_page("data-terbuka.md", content, result, kabupaten, folders, diubah))
    return result

"""The portal's own pages (Beranda, Metodologi, Data terbuka) and what each kabupaten shard hands on to them."""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from generator.compute.metodologi import metodologi
from generator.compute.skm import MUTU
from generator.model.content import Content, KabupatenData
from generator.render import tables as tabel
from generator.render.dataset import LISENSI, Cell, Column, Table
from generator.render.glossary import glossary
from generator.render.page import Page, page_folder
from generator.render.pages.headline import HeadlineCard


@dataclass(frozen=True)
class Outline:
    """The portal's outline: every kabupaten and its kecamatan, by slug and name. Every shard
    knows it (shared navigation) without loading other shards."""

    kabupaten: tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...]


@dataclass
class ShardSummary:
    """What one kabupaten's build hands on to the portal's own pages and to the link check."""

    kabupaten: KabupatenData  # profile and scale (its kecamatan without reports)
    kecamatan_count: int
    latest: Table  # the latest report of each kecamatan, for the home page
    cards: tuple[HeadlineCard, ...]  # every kecamatan with its headline, for the place picker
    columns: tuple[Column, ...]  # computed columns of its datasets, for Metodologi
    pages: tuple[str, ...]  # source paths of its pages
    cross_links: tuple[str, ...]  # pages of other shards it links to
    changed: int  # newest change of its content files


#: Up to this many kecamatan, the place picker shows every kabupaten's list opened.
OPEN_GROUPS = 30


def metodologi_page(content: Content, ringkasan: list[ShardSummary], skala: dict[str, Table], kolom: Table) -> Page:
    m = metodologi([r.kabupaten for r in ringkasan])
    page = Page(
        "metodologi.md",
        "metodologi.md.j2",
        "Metodologi",
        "Rumus capaian, agregasi periode, predikat dan skala penilaian yang dipakai portal.",
        {"m": m},
        source="ketentuan PermenPANRB 53/2014 dan skala predikat setiap kabupaten",
        sources=tuple(r.kabupaten.file for r in ringkasan),
    )
    page.add(kolom=kolom, alamat=tabel.alamat_tabel(), **skala)
    return page


def computed_columns(kolom: Iterable[Column]) -> tuple[Column, ...]:
    """The computed columns among `kolom`, once each, by key."""
    seen: dict[str, Column] = {}
    for k in kolom:
        if k.formula:
            seen.setdefault(k.key, k)
    return tuple(sorted(seen.values(), key=lambda k: k.key))


def _computed_columns_table(kolom: Iterable[Column], rumus: dict[str, str]) -> Table:
    t = Table(
        "kolom-terhitung",
        "Kolom data yang dihitung portal dan rumusnya",
        "Setiap kolom hasil hitung dalam data terbuka, dengan rumus yang menghasilkannya.",
        (
            Column("kolom", "Kolom data"),
            Column("judul", "Judul kolom"),
            Column("keterangan", "Keterangan"),
            Column("rumus", "Rumus"),
        ),
    )
    for k in kolom:
        if k.formula is None:
            raise ValueError(f"column {k.key} has no formula: only computed columns belong in this table")
        kode = k.formula.removeprefix("rumus-")
        t.add_row(k.key, k.title, k.description, Cell(kode, rumus[kode], f"#{k.formula}"))
    return t


def data_terbuka_page(
    path: str,
    content: Content,
    site_pages: list[Page],
    kabupaten: list[ShardSummary],
    berkas: tuple[Path, ...],
    diubah: int | None = None,
) -> Page:
    """The open-data index of a shard: its pages' tables, and (portal) every kabupaten's index."""
    return Page(
        path,
        "data_terbuka.md.j2",
        "Data terbuka",
        "Semua tabel portal sebagai CSV dan JSON, dengan deskriptor Frictionless Data Package.",
        {
            "halaman": [p for p in site_pages if p.tables],
            "kabupaten": kabupaten,
            "lisensi": LISENSI[content.portal.lisensi_data],
            "datapackage": posixpath.relpath(
                posixpath.join(posixpath.dirname(path), "datapackage.json"), page_folder(path)
            ),
        },
        source="semua halaman portal",
        sources=berkas,
        changed=diubah,
    )


def portal_pages(content: Content, kabupaten: list[ShardSummary]) -> list[Page]:
    """The portal's own pages: home, Metodologi, the open-data index and the clerk's guide, from each kabupaten's
    summary (their pages are built in their own shards)."""
    folders = (content.root / "portal.yml", *(r.kabupaten.file.parent for r in kabupaten))
    diubah = max([content.last_changed([content.root / "portal.yml"]), *(r.changed for r in kabupaten)])
    home = Page(
        "index.md",
        "beranda.md.j2",
        content.portal.judul,
        content.portal.deskripsi,
        {"portal_kabupaten": kabupaten, "buka": sum(len(r.cards) for r in kabupaten) <= OPEN_GROUPS},
        source="laporan kinerja setiap kecamatan di portal ini",
        sources=folders,
        changed=diubah,
    )
    terbaru = tabel.capaian_terbaru([], "capaian-terbaru")
    for row in sorted((row for r in kabupaten for row in r.latest.rows), key=lambda row: (row[0].value, row[1])):
        terbaru.add_row(*row)
    home.add(terbaru=terbaru)
    skala = {f"skala_{r.kabupaten.slug}": tabel.skala_predikat(r.kabupaten) for r in kabupaten}
    kolom = computed_columns([*terbaru.columns, *(k for r in kabupaten for k in r.columns)])
    kolom_tabel = _computed_columns_table(kolom, {x.kode: x.nama for x in metodologi([]).rumus})
    istilah = Page(
        "istilah.md",
        "istilah.md.j2",
        "Istilah",
        "Arti singkatan dan istilah yang dipakai portal, dalam bahasa sehari-hari.",
        {"g": glossary(), "skala_mutu": MUTU, "portal_kabupaten": kabupaten},
        source="daftar istilah portal dan PermenPANRB 14/2017",
        sources=(content.root / "portal.yml",),
    )
    result = [home, istilah, metodologi_page(content, kabupaten, skala, kolom_tabel)]
    result.append(data_terbuka_page("data-terbuka.md", content, result, kabupaten, folders, diubah))
    result.append(panduan_petugas_page(content))
    return result


def panduan_petugas_page(content: Content) -> Page:
    """The clerk's workflow step by step (workbook, form exports, import): text only."""
    return Page(
        "panduan-petugas.md",
        "panduan_petugas.md.j2",
        "Panduan petugas",
        "Cara petugas kecamatan mengisi data portal: buku kerja, jawaban survei dari formulir, impor.",
        source="panduan pengisian data portal",
        sources=(content.root / "portal.yml",),
    )

"""Pages written as Markdown files, with their charts, datasets and data package, into a shard's docs folder."""

from __future__ import annotations

import os
import posixpath
from pathlib import Path

from jinja2 import BytecodeCache, Environment, FileSystemLoader, StrictUndefined

from generator.model.content import Content
from generator.numbers import format_number, format_percent, format_rupiah, format_rupiah_ringkas, format_value
from generator.parallel import in_processes
from generator.render.dataset import LISENSI, WRITERS, datapackage, resource_line
from generator.render.filters import (
    arti_mutu,
    arti_predikat,
    format_date,
    format_date_iso,
    md,
    predikat_badge,
    safe_markdown,
    yaml_text,
)
from generator.render.html_table import download_links, table_html
from generator.render.page import Page, shard, unique_tables
from generator.render.paths import (
    anggaran_path,
    audit_anchor,
    audit_path,
    individu_path,
    kabupaten_path,
    kecamatan_path,
    laporan_path,
    overview_path,
    pengumuman_path,
    skm_path,
)

TEMPLATES = Path(__file__).resolve().parents[2] / "site_templates"


def environment(cache: BytecodeCache | None = None) -> Environment:
    """Templates are read once per build (`auto_reload` off: they do not change during one)."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=cache,
        auto_reload=False,
    )
    env.filters.update(
        md=md,
        value=format_value,
        percent=format_percent,
        number=format_number,
        yaml_text=yaml_text,
        date=format_date,
        date_iso=format_date_iso,
        rupiah=format_rupiah_ringkas,
        rupiah_penuh=format_rupiah,
        safe_markdown=safe_markdown,
        predikat_badge=predikat_badge,
        arti_mutu=arti_mutu,
        arti_predikat=arti_predikat,
    )
    env.globals.update(table_html=table_html, download_links=download_links)
    env.globals.update(
        laporan_path=laporan_path,
        kecamatan_path=kecamatan_path,
        kabupaten_path=kabupaten_path,
        skm_path=skm_path,
        pengumuman_path=pengumuman_path,
        anggaran_path=anggaran_path,
        individu_path=individu_path,
        overview_path=overview_path,
        audit_path=audit_path,
        audit_anchor=audit_anchor,
    )
    return env


def write_pages(
    site_pages: list[Page],
    content: Content,
    docs: Path,
    shard_slug: str,
    cache: BytecodeCache | None = None,
    skip: frozenset[str] = frozenset(),
    *,
    data: Path,
    processes: int = 1,
) -> set[str]:
    """Write the pages of shard `shard_slug` with their charts, its data package and the
    portal's assets under `docs`, and its tables' CSV and JSON files under `data` (the same
    places in the site; kept out of MkDocs' docs folder, which would only copy them, at a cost
    per file on every build); paths inside the shard drop its folder. Pages and tables of the
    kecamatan in `skip` are kept as the last build wrote them (the caller checked they are there;
    their pages may be `page.kept_copy` records), files that would not change are not written, and files
    no page needs any more are removed. Every table described gets its data-package line (`resource`).
    `cache`: compiled templates between builds. `processes`: how many processes render the pages
    and tables (`generator.parallel`). Returns the files written (relative to their
    folder), which are all MkDocs and the data's links have to process again."""
    prefix = f"{shard_slug}/" if shard_slug else ""
    datasets = [t for t in unique_tables(site_pages) if shard(t.path) == shard_slug]
    expected = {
        "datapackage.json",
        *(
            f"assets/{p.relative_to(TEMPLATES / 'assets').as_posix()}"
            for p in (TEMPLATES / "assets").rglob("*")
            if p.is_file()
        ),
    }
    for page in site_pages:
        name = page.path.removeprefix(prefix)
        expected |= {name, *(posixpath.join(posixpath.dirname(name), f) for f in page.files)}
    tables = {f"{t.path.removeprefix(prefix)}.{ext}" for t in datasets for ext in t.formats}
    for folder, wanted in ((docs, expected), (data, tables)):
        for name in files_under(folder):
            if name not in wanted:
                (folder / name).unlink()
    changed: set[str] = set()
    folders: set[Path] = set()

    def write(name: str, text: str, root: Path = docs, written: set[str] = changed) -> None:
        if write_if_changed(root / name, text, folders):
            written.add(name)

    for asset in (TEMPLATES / "assets").rglob("*"):
        if asset.is_file():
            write(f"assets/{asset.relative_to(TEMPLATES / 'assets').as_posix()}", asset.read_text(encoding="utf-8"))

    licence = LISENSI[content.portal.lisensi_data]
    metodologi = posixpath.relpath("metodologi", shard_slug or ".") + "/"

    def write_part(part: int, parts: int) -> tuple[set[str], dict[str, str], dict[str, set[str]]]:
        """Every `parts`-th page and table from `part` on: the files written, the data
        package's resource line of every table written, and the links into other shards of
        every page rendered (made while rendering, here perhaps in another process)."""
        written: set[str] = set()
        env = environment(cache)
        kaki = env.get_template("_kaki.md.j2")
        for page in site_pages[part::parts]:
            name = page.path.removeprefix(prefix)
            if _kecamatan(page.path) in skip:
                continue
            common = {"page": page, "portal": content.portal, "tables": page.tables}
            text = env.get_template(page.template).render(**common, **page.context)
            diubah = page.changed if page.changed is not None else content.last_changed(page.sources)
            text += kaki.render(**common, diubah=diubah, berkas=[_source_name(f, content.root) for f in page.sources])
            write(name, text, written=written)
            for file_name, file_text in page.files.items():
                write(posixpath.join(posixpath.dirname(name), file_name), file_text, written=written)
        links = {page.path: page.cross_links for page in site_pages[part::parts] if page.cross_links}
        lines = {}
        for t in datasets[part::parts]:
            if _kecamatan(t.path) not in skip:
                for ext in t.formats:
                    write(f"{t.path.removeprefix(prefix)}.{ext}", WRITERS[ext](t), data, written)
                lines[t.name] = resource_line(t, metodologi, shard_slug or ".")
        return written, lines, links

    known: dict[str, str] = {}
    links: dict[str, set[str]] = {}
    for written, lines, cross in in_processes(
        write_part, processes, sum(_kecamatan(p.path) not in skip for p in site_pages)
    ):
        changed |= written
        known |= lines
        links |= cross
    for page in site_pages:
        page.cross_links |= links.get(page.path, set())
    for t in datasets:
        t.resource = known.get(t.name, t.resource)
    write(
        "datapackage.json",
        datapackage(
            datasets,
            f"portal-kinerja-{shard_slug}".rstrip("-"),
            content.portal.judul,
            content.portal.deskripsi,
            metodologi,
            {"name": content.portal.lisensi_data, "title": licence[0], "path": licence[1]},
            shard_slug or ".",
        ),
    )
    return changed


def write_if_changed(path: Path, text: str | bytes, folders: set[Path]) -> bool:
    """Write `path` unless it already holds exactly `text`; always as a new file (the site
    publishes these files as hard links); whether it was written. `folders`: those known to
    exist (filled in here)."""
    encoded = text.encode("utf-8") if isinstance(text, str) else text
    exists = path.is_file()
    if exists and path.read_bytes() == encoded:
        return False
    if exists:
        path.unlink()
    elif path.parent not in folders:
        path.parent.mkdir(parents=True, exist_ok=True)
        folders.add(path.parent)
    path.write_bytes(encoded)
    return True


def files_under(folder: Path) -> list[str]:
    """Every file below `folder` as sorted relative POSIX paths (one walk, no stat per file)."""
    found = []
    for dirpath, _, names in os.walk(folder):
        rel = os.path.relpath(dirpath, folder)
        prefix = "" if rel == "." else rel.replace(os.sep, "/") + "/"
        found += [prefix + name for name in names]
    return sorted(found)


def _kecamatan(path: str) -> str | None:
    """The kecamatan folder a page or table of a kabupaten shard lies in (`kab/kec/...`)."""
    parts = path.split("/")
    return parts[1] if len(parts) > 2 else None


def _source_name(path: Path, root: Path) -> str:
    """A content file or folder as the page footer names it (folders end in `/`)."""
    name = path.relative_to(root).as_posix()
    return f"{name}/" if path.is_dir() else name

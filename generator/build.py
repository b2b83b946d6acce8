"""Stage 5, build: compute -> render -> MkDocs into a fresh folder that replaces `site/`
only when everything succeeded. A failed build leaves the previous site untouched."""

from __future__ import annotations

import functools
import gzip
import http.server
import logging
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Callable

import yaml
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from . import charts
from .compute.laporan import compute
from .render import navigation, render_site
from .validate import Content

ROOT = Path(__file__).resolve().parent.parent
BASE_CONFIG = ROOT / "mkdocs.yml"
THEME_OVERRIDES = ROOT / "site_templates" / "theme"

Progress = Callable[[str], None]


class BuildError(Exception):
    """The site could not be built; the previous site was kept."""


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def write_config(content: Content, work_dir: Path, nav: list) -> Path:
    """build/mkdocs.yml: the project's mkdocs.yml plus this portal's name and navigation."""
    portal = content.portal
    config = {
        "INHERIT": str(BASE_CONFIG),
        "site_name": portal.judul,
        "site_description": portal.deskripsi,
        "copyright": f"Diterbitkan oleh {portal.penerbit}",
        "docs_dir": "docs",
        "nav": nav,
        "theme": {"custom_dir": str(THEME_OVERRIDES)},  # merged into the inherited theme settings
    }
    if portal.url:
        config["site_url"] = portal.url
    path = work_dir / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def run_mkdocs(config_file: Path, site_dir: Path, build_date: int) -> None:
    """One strict MkDocs build; every warning is an error that names itself."""
    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(build_date)
    try:
        config = load_config(config_file=str(config_file), site_dir=str(site_dir), strict=True)
        mkdocs_build(config)
    except (MkDocsException, OSError, yaml.YAMLError) as exc:
        details = "; ".join(collect.messages) or str(exc)
        raise BuildError(f"MkDocs gagal: {details}") from exc
    finally:
        logger.removeHandler(collect)
        if previous is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous


#: Theme files the portal never loads: source maps, and lunr stemmers and segmenters for
#: languages other than the search language (lunr has no Indonesian stemmer; see mkdocs.yml).
UNUSED_THEME_FILES = ("**/*.map", "assets/javascripts/lunr/min/lunr.*.min.js",
                      "assets/javascripts/lunr/wordcut.js", "assets/javascripts/lunr/tinyseg.js")


def prune_theme_assets(site: Path) -> None:
    """Remove theme files no page requests: smaller site, nothing that names other hosts."""
    for pattern in UNUSED_THEME_FILES:
        for path in site.glob(pattern):
            path.unlink()


def normalise_sitemap(site: Path, build_date: int) -> None:
    """Re-compress sitemap.xml without the temporary folder name MkDocs writes into the gzip
    header, so that the same content always gives the same bytes."""
    sitemap = site / "sitemap.xml"
    if sitemap.exists():
        (site / "sitemap.xml.gz").write_bytes(gzip.compress(sitemap.read_bytes(), mtime=build_date))


def _replace(new: Path, target: Path) -> None:
    """Put `new` in place of `target` with two renames; restore the old one on failure."""
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.lama-", dir=target.parent))
        old.rmdir()
        target.rename(old)
    try:
        new.rename(target)
    except OSError:
        if old is not None:
            old.rename(target)
        raise
    if old is not None:
        shutil.rmtree(old)


def build_site(content: Content, site_dir: Path, work_dir: Path, progress: Progress = print) -> Path:
    """Compute, render and build the whole portal into `site_dir` (atomically replaced)."""
    started = time.perf_counter()
    site_dir = site_dir.resolve()
    work_dir = work_dir.resolve()

    def step(message: str) -> None:
        progress(f"[{time.perf_counter() - started:5.1f} s] {message}")

    step("Menghitung capaian dan predikat...")
    hasil = compute(content)
    step(f"Menulis Markdown untuk {len(hasil.laporan)} laporan kecamatan-tahun...")
    charts.CACHE = work_dir / "cache" / "grafik"   # unchanged charts are not drawn again
    pages = render_site(hasil, work_dir / "docs")
    config = write_config(content, work_dir, navigation(hasil))
    step(f"Membangun situs ({len(pages)} halaman) dengan MkDocs...")
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.baru-", dir=site_dir.parent))
    try:
        build_date = content.tanggal(content.diubah)
        run_mkdocs(config, fresh, build_date)
        prune_theme_assets(fresh)
        normalise_sitemap(fresh, build_date)
        _replace(fresh, site_dir)
    finally:
        if fresh.exists():
            shutil.rmtree(fresh)
    if not content.portal.url:
        step("Catatan: `url` di portal.yml kosong, jadi sitemap.xml tanpa alamat halaman dan halaman 404 "
             "hanya benar bila situs dipasang di akar domain.")
    step(f"Selesai: {site_dir}")
    return site_dir


def preview(content: Content, work_dir: Path, port: int, progress: Progress = print) -> None:
    """Build into work_dir/pratinjau and serve it on localhost until interrupted."""
    site = build_site(content, work_dir / "pratinjau", work_dir, progress)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        progress(f"Pratinjau di http://127.0.0.1:{port}/ (Ctrl+C untuk berhenti)")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass

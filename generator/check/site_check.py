"""`kinerja periksa`: check a built site folder as it will be published.

Every finding names the file and says in Indonesian what is wrong, with an English key:
broken internal links, resources fetched from another host, pages over the weight budget,
pages without lang="id", images without alt text, and files that must never be published
(raw survey responses, content and work files of the build, hidden files and folders). With
the site's public address (`url`), links written as absolute addresses (the 404 page, the
canonical links) are resolved under it and the sitemap must point into it.
"""

from __future__ import annotations

import os
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from generator.check.page_weight import BUDGET_KB, Page, css_urls, is_local, page_weight

#: Files that must never be published, by name, with the reason.
FORBIDDEN = (
    (re.compile(r"^skm-.*\.csv(\.gz)?$"), "jawaban mentah responden SKM (data pribadi)"),
    (re.compile(r"\.(ya?ml)$"), "berkas konten atau konfigurasi YAML"),
    (
        re.compile(r"\.(pickle|pkl|cache)$|^(key|kunci)$|^(outline|content-hashes|gzip|nav)\.json$"),
        "berkas kerja pembangunan situs",
    ),
    (re.compile(r"\.md$"), "sumber Markdown halaman"),
    (re.compile(r"(~|\.bak|\.swp|\.tmp)$"), "berkas cadangan atau sementara"),
)
#: Hidden names the portal publishes on purpose (read by Apache).
HIDDEN_ALLOWED = {".htaccess"}


@dataclass(frozen=True, order=True)
class Finding:
    path: str  # relative to the site folder
    key: str
    message: str

    def render(self, site: Path) -> str:
        return f"GALAT {site / self.path}: {self.message} [{self.key}]"


class Address:
    """Where the site is served: the path prefix of its public address, and its origin."""

    def __init__(self, url: str = "") -> None:
        parts = urlsplit(url)
        self.origin = (parts.scheme.lower(), parts.netloc.lower()) if parts.netloc else None
        self.prefix = "/" + parts.path.strip("/") + "/" if parts.path.strip("/") else "/"

    def target(self, page: str, ref: str) -> str | None:
        """The site-relative path `ref` on `page` points to ("" for the root); None for another
        host or a scheme that is not a web address; "../…" when it leaves the site."""
        parts = urlsplit(ref)
        if parts.scheme and parts.scheme.lower() not in ("http", "https"):
            return None
        if parts.netloc:
            if self.origin != ((parts.scheme or "http").lower(), parts.netloc.lower()):
                return None
            path = parts.path or "/"
        elif parts.path.startswith("/"):
            path = parts.path
        else:
            path = posixpath.join(self.prefix + posixpath.dirname(page), parts.path or posixpath.basename(page))
        folder = path.endswith("/")
        path = posixpath.normpath(unquote(path))
        if not (path + "/").startswith(self.prefix):
            return "../" + path
        rel = path[len(self.prefix) :]
        return rel + "/" if folder and rel else rel


def _exists(site: Path, rel: str) -> bool:
    if rel.startswith("../"):
        return False
    target = site / rel
    return (target / "index.html").is_file() if rel == "" or rel.endswith("/") or target.is_dir() else target.is_file()


def _hint(ref: str, target: str, address: Address) -> str:
    """Why an absolute link can miss: the site was built for another address than it is served at."""
    if target.startswith("../"):
        return f" (di luar {address.prefix}: `url` di portal.yml tidak sama dengan alamat situs?)"
    if ref.startswith("/") and address.prefix == "/":
        return " (situs dipasang di sub-folder? berikan --url)"
    return ""


def forbidden_files(site: Path) -> list[Finding]:
    """Files and folders that must not be on a web server."""
    found = []
    for folder, dirs, names in os.walk(site):
        rel = os.path.relpath(folder, site)
        for name in sorted(dirs):
            if name.startswith("."):
                found.append(
                    Finding(
                        os.path.normpath(os.path.join(rel, name)) + "/",
                        "forbidden_file",
                        "folder tersembunyi (mis. sisa pembangunan yang terputus) tidak boleh diterbitkan",
                    )
                )
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            path = os.path.normpath(os.path.join(rel, name))
            reasons = [reason for pattern, reason in FORBIDDEN if pattern.search(name)]
            if name.startswith(".") and name not in HIDDEN_ALLOWED:
                reasons.append("berkas tersembunyi")
            found += [Finding(path, "forbidden_file", f"berkas ini tidak boleh diterbitkan: {r}") for r in reasons]
    return found


def check_page(site: Path, page: str, address: Address) -> list[Finding]:
    """Language, alt text, links, requests to other hosts and weight of one HTML page."""
    parsed = Page((site / page).read_text(encoding="utf-8"))
    found = []
    if parsed.lang != "id":
        found.append(Finding(page, "lang", f'halaman tanpa lang="id" pada <html> (ditemukan: {parsed.lang!r})'))
    found += [Finding(page, "alt", f"gambar tanpa teks alternatif (alt): {src}") for src in parsed.without_alt]
    for ref in parsed.resources:
        if address.target(page, ref) is None and not ref.startswith("data:"):
            found.append(Finding(page, "external_request", f"memuat sumber dari host lain: {ref}"))
    for ref in sorted({*parsed.resources, *parsed.links}):
        clean = ref.split("#")[0].split("?")[0]
        target = address.target(page, clean) if clean else None
        if target is not None and not _exists(site, target):
            found.append(
                Finding(
                    page,
                    "broken_link",
                    f"tautan ke halaman atau berkas yang tidak ada: {ref}" + _hint(ref, target, address),
                )
            )
    weight = page_weight(site, page, parsed)
    if weight.total > BUDGET_KB * 1024:
        found.append(
            Finding(
                page,
                "page_weight",
                f"berat halaman {weight.total / 1024:.0f} KB (gzip, dengan CSS, JS "
                f"dan indeks pencarian) melebihi anggaran {BUDGET_KB} KB",
            )
        )
    return found


def check_stylesheet(site: Path, path: str) -> list[Finding]:
    text = (site / path).read_text(encoding="utf-8", errors="replace")
    return [
        Finding(path, "external_request", f"memuat sumber dari host lain: {url}")
        for url in css_urls(text)
        if not is_local(url) and not url.startswith("data:")
    ]


def check_sitemap(site: Path, url: str) -> list[Finding]:
    """Every address of sitemap.xml lies under `url` and names a page of the site."""
    path = site / "sitemap.xml"
    if not path.is_file():
        return []
    address, found = Address(url), []
    for loc in re.findall(r"<loc>(.*?)</loc>", path.read_text(encoding="utf-8")):
        target = address.target("sitemap.xml", loc)
        if target is None or target.startswith("../"):
            found.append(Finding("sitemap.xml", "sitemap", f"alamat di luar {url}: {loc} (url di portal.yml berbeda?)"))
        elif not _exists(site, target):
            found.append(Finding("sitemap.xml", "sitemap", f"alamat tanpa halaman: {loc}"))
    return found


def check_site(site: Path, url: str = "") -> tuple[list[Finding], int]:
    """Every finding in the site folder, sorted; and the number of pages checked."""
    address = Address(url)
    found = forbidden_files(site)
    pages = 0
    for folder, dirs, names in os.walk(site):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            rel = os.path.relpath(os.path.join(folder, name), site).replace(os.sep, "/")
            if name.endswith(".html"):
                pages += 1
                found += check_page(site, rel, address)
            elif name.endswith(".css"):
                found += check_stylesheet(site, rel)
    if url:
        found += check_sitemap(site, url)
    return sorted(found), pages

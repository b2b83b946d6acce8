"""The built portal on real web servers, as a kabupaten office publishes it.

Debian's nginx with deploy/nginx.conf and Debian's Apache with deploy/apache.conf and the
`.htaccess` the build writes, each with its workers running as www-data, serve the demo portal
built for the root of a domain and for a sub-folder (tests/conftest.py, `www`). Plain HTTP
requests check status codes, the bytes, precompressed files, cache lifetimes and security
headers; the browser side (every page in Chromium, the Content-Security-Policy, search) is in
tests/test_browser.py.
"""

from __future__ import annotations

import gzip
import hashlib
import re
import subprocess
from pathlib import Path
from urllib.error import HTTPError
from urllib.request import Request, urlopen

import pytest

from bench.servers import DEPLOY, Apache, as_web_user
from generator.build.hosting import HASHED, IMMUTABLE, REVALIDATE, SECURITY_HEADERS, htaccess
from generator.build.publish import versions_folder
from generator.check.site_check import check_site

pytestmark = pytest.mark.server

HOSTINGS = ["akar", "sub-folder"]


@pytest.fixture(scope="module")
def apache(www):
    with Apache(www.root_site, www.sub_site, www.folder) as server:
        yield server


@pytest.fixture(params=["nginx", "apache"])
def server(request):
    return request.getfixturevalue(request.param)


def _site_and_url(www, server, hosting: str) -> tuple[Path, str]:
    return (www.root_site, server.root_url) if hosting == "akar" else (www.sub_site, server.sub_url)


def fetch(url: str, gzip_ok: bool = True, **headers: str) -> tuple[int, dict[str, str], bytes]:
    """Status, headers and the bytes as sent (not decompressed)."""
    request = Request(url, headers={**({"Accept-Encoding": "gzip"} if gzip_ok else {}), **headers})
    try:
        with urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers.items()), response.read()
    except HTTPError as error:
        return error.code, dict(error.headers.items()), error.read()


def body(headers: dict[str, str], sent: bytes) -> bytes:
    return gzip.decompress(sent) if headers.get("Content-Encoding") == "gzip" else sent


def published(site: Path) -> list[str]:
    """Every file a reader can ask for (not the .gz copies, the hidden files or _headers)."""
    return sorted(
        p.relative_to(site).as_posix()
        for p in site.rglob("*")
        if p.is_file() and p.suffix != ".gz" and p.name != "_headers" and not p.name.startswith(".")
    )


def address(path: str) -> str:
    """The address of a file: pages by their folder (as the site links them)."""
    return path.removesuffix("index.html")


def test_nginx_sends_the_headers_defined_for_every_host():
    """One definition (generator/build/hosting.py); deploy/nginx-portal.conf says the same."""
    snippet = (DEPLOY / "nginx-portal.conf").read_text(encoding="utf-8")
    sent = dict(re.findall(r'^add_header (\S+) "(.*)" always;$', snippet, flags=re.M))
    assert sent == SECURITY_HEADERS
    cache = re.search(r'"~(.*)"\s+"(.*)";', (DEPLOY / "nginx.conf").read_text(encoding="utf-8"))
    assert cache.groups() == (HASHED + "$", IMMUTABLE)


def test_the_build_writes_the_apache_rules_for_its_address(www, nginx):
    for site, url in ((www.root_site, nginx.root_url), (www.sub_site, nginx.sub_url)):
        assert (site / ".htaccess").read_text(encoding="utf-8") == htaccess(url)
    assert "ErrorDocument 404 /kinerja/404.html" in htaccess(nginx.sub_url)


def test_workers_run_as_another_user_than_the_builder(server):
    assert server.workers_user() == {"www-data"}


@pytest.mark.parametrize("hosting", HOSTINGS)
def test_every_file_is_served_with_its_bytes_precompressed(hosting, www, server):
    site, url = _site_and_url(www, server, hosting)
    files = published(site)
    compressed = 0
    for path in files:
        status, headers, sent = fetch(url + address(path))
        assert status == 200 and body(headers, sent) == (site / path).read_bytes(), path
        if (site / (path + ".gz")).exists():  # the build's copy, not one made per request
            compressed += 1
            assert headers["Content-Encoding"] == "gzip" and sent == (site / (path + ".gz")).read_bytes(), path
            assert "Accept-Encoding" in headers["Vary"], path
    assert len(files) > 250 and compressed > 100


@pytest.mark.parametrize("hosting", HOSTINGS)
def test_a_browser_without_gzip_gets_the_plain_file(hosting, www, server):
    site, url = _site_and_url(www, server, hosting)
    for path in ("index.html", "cari/meta.json", "lumajang/kedungjajang/2024/index.html"):
        status, headers, sent = fetch(url + address(path), gzip_ok=False)
        assert status == 200 and "Content-Encoding" not in headers and sent == (site / path).read_bytes()
        assert "Accept-Encoding" in headers["Vary"]


@pytest.mark.parametrize("hosting", HOSTINGS)
def test_unknown_and_hidden_addresses_get_the_404_page(hosting, www, server):
    site, url = _site_and_url(www, server, hosting)
    hidden = site / ".jember.baru-uji"  # as a build interrupted while publishing would leave it
    hidden.mkdir()
    hidden.chmod(0o755)
    (hidden / "index.html").write_text("belum terbit", encoding="utf-8")
    (hidden / "index.html").chmod(0o644)
    try:
        for missing in ("tidak/ada/", "jombang/tidak-ada.html", ".htaccess", "_headers", ".jember.baru-uji/"):
            status, headers, sent = fetch(url + missing)
            assert status == 404, missing
            assert body(headers, sent) == (site / "404.html").read_bytes(), missing
            assert headers["Content-Type"].startswith("text/html")
    finally:
        (hidden / "index.html").unlink()
        hidden.rmdir()


@pytest.mark.parametrize("hosting", HOSTINGS)
def test_hashed_theme_files_are_cached_a_year_and_the_rest_revalidates(hosting, www, server):
    site, url = _site_and_url(www, server, hosting)
    hashed = [p for p in published(site) if re.search(HASHED + "$", p)]
    assert len(hashed) >= 3  # the theme's CSS, palette and bundle, once at the portal root
    for path in hashed:
        assert fetch(url + path)[1]["Cache-Control"] == IMMUTABLE, path
    others = [
        "index.html",
        "jombang/index.html",
        "cari/meta.json",
        "cari/engine.js",
        "assets/portal.css",
        "assets/portal.js",
        "capaian-terbaru.csv",
        "datapackage.json",
    ]
    for path in others:
        status, headers, _ = fetch(url + address(path))
        assert status == 200 and headers["Cache-Control"] == REVALIDATE, path
        validator = {"If-None-Match": headers["ETag"]} if "ETag" in headers else {}
        assert fetch(url + address(path), **validator)[0] == 304, path


@pytest.mark.parametrize("hosting", HOSTINGS)
def test_security_headers_on_pages_files_and_the_404_page(hosting, www, server):
    _, url = _site_and_url(www, server, hosting)
    for path in ("", "jombang/megaluh/", "assets/portal.css", "capaian-terbaru.json", "tidak/ada/"):
        _, headers, _ = fetch(url + path)
        assert {name: headers.get(name) for name in SECURITY_HEADERS} == SECURITY_HEADERS, path
        assert headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("hosting", HOSTINGS)
def test_periksa_passes_on_the_published_sites_with_their_address(hosting, www, nginx):
    site, url = _site_and_url(www, nginx, hosting)
    found, pages = check_site(site, url)
    assert found == [] and pages == len(list(site.rglob("*.html")))


def test_the_web_server_user_can_read_every_published_file(www):
    """Built with umask 077, read as www-data through the link `site`: every folder 0755 (the
    versions folder too), every file 0644."""
    for site in (www.root_site, www.sub_site):
        outer = {versions_folder(site).stat().st_mode & 0o777, site.stat().st_mode & 0o777}  # the link's version
        modes = {p.stat().st_mode & 0o777 for p in site.rglob("*") if p.is_dir()} | outer
        assert modes == {0o755}
        assert {p.stat().st_mode & 0o777 for p in site.rglob("*") if p.is_file()} == {0o644}
        listing = subprocess.run(
            as_web_user(
                ["find", "-H", str(site), "-type", "f", "-exec", "sha256sum", "{}", "+"]
            ),  # -H: `site` is a link
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        read = dict(reversed(line.split("  ", 1)) for line in listing.splitlines())
        files = [p for p in site.rglob("*") if p.is_file()]
        assert read == {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in files}

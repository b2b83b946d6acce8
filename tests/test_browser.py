"""The built demo portal in a real browser: Debian's Chromium driven by Playwright.

The site is served from a sub-folder (`/kinerja/`) by Debian's nginx with deploy/nginx.conf, as
a kabupaten office would host it, with its Content-Security-Policy; the SKM page of raw survey
answers, which no real content has, comes from a small synthetic portal (`kinerja demo`) served
the same way. Every request to another host is blocked and recorded, and so is every violation
of the policy. Screenshots go to
`build/screenshots/` (or $KINERJA_SCREENSHOTS) so that a person can look at them.
"""

from __future__ import annotations

import os
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urljoin, urlsplit
from urllib.request import urlopen

import pytest
from axe_playwright_python.sync_playwright import Axe
from conftest import BUILD_DATE, ROOT
from playwright.sync_api import Browser, Page, sync_playwright

from bench.servers import Nginx, served_folder
from generator.build import build_site
from generator.synthetic.portal import portal_sintetis

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = Path(os.environ.get("KINERJA_SCREENSHOTS", ROOT / "build" / "screenshots"))

#: One page of every kind, with a figure that must be visible on it.
PAGE_KINDS = {
    "beranda": ("", "110,15 %"),
    "kabupaten": ("jombang/", "97,56 %"),
    "kecamatan": ("jombang/megaluh/", "39.725"),
    "laporan-kinerja": ("lumajang/kedungjajang/2024/", "126,52 %"),
    "hasil-skm": ("lumajang/kedungjajang/2024/skm/", "82,86"),
    "hasil-skm-mentah": ("sintetis-01/kecamatan-01/2024/skm/", "Data contoh sintetis"),
    "pengumuman-skm": ("lumajang/kedungjajang/2024/skm/pengumuman/", "82,86"),
    "anggaran": ("lumajang/kedungjajang/2024/anggaran/", "98,91 %"),
    "anggaran-rinci": ("jember/ajung/2023/anggaran/", "97,20 %"),
    "kinerja-individu": ("lumajang/kedungjajang/2023/individu-tw2/", "58,06"),
    "perbandingan-kecamatan": ("lumajang/perbandingan-2024/", "6 dari 21"),
    "catatan-kualitas-data": ("jombang/megaluh/2024/catatan-kualitas-data/", "80,74"),
    "kecamatan-sumber-daya": ("lumajang/kedungjajang/", "73,33 %"),
    "metodologi": ("metodologi/", "100,36 %"),
    "data-terbuka": ("data-terbuka/", "Frictionless Data Package"),
}


#: Page kinds shown by the synthetic portal rather than the demo.
SYNTHETIC = {"hasil-skm-mentah"}


@pytest.fixture(scope="module")
def base_url(nginx) -> str:
    """The demo portal, built with its address in a sub-folder, served there by nginx with
    deploy/nginx.conf (tests/conftest.py)."""
    return nginx.sub_url


@pytest.fixture(scope="module")
def urls(base_url: str) -> dict[str, str]:
    """The page kinds' addresses: the demo's, and for SYNTHETIC kinds those of a synthetic
    portal built for a sub-folder and served there by its own nginx."""
    folder = served_folder("kinerja-sintetis-")
    content, site = folder / "content", folder / "site"
    server = Nginx(site, site)
    portal_sintetis(content, 1, 1, [2024], seed=1)
    with open(content / "portal.yml", "a", encoding="utf-8") as f:
        f.write(f"\nurl: {server.sub_url}\n")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", BUILD_DATE)
        build_site(content, site, folder / "work", lambda _: None)
    with server:
        yield {
            kind: (server.sub_url if kind in SYNTHETIC else base_url) + path for kind, (path, _) in PAGE_KINDS.items()
        }
    shutil.rmtree(folder)


@pytest.fixture(scope="module")
def browser() -> Browser:
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"{CHROMIUM} tidak ada: jalankan `make test` (memasang paket Debian chromium) "
            "atau `apt-get install chromium`"
        )
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM)
        yield b
        b.close()


class Guarded:
    """A browser context that blocks and records every request to another host, and records
    every violation of the site's Content-Security-Policy that Chromium reports."""

    def __init__(self, browser: Browser, **options: object) -> None:
        self.context = browser.new_context(locale="id-ID", **options)
        self.blocked: list[str] = []
        self.violations: list[str] = []
        self.context.route("**/*", self._route)

    def _route(self, route) -> None:
        host = urlsplit(route.request.url).hostname
        if host in ("127.0.0.1", None) or route.request.url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def open(self, url: str, status: int = 200) -> Page:
        page = self.context.new_page()
        page.on("console", self._console)
        page.on("worker", lambda worker: worker.on("console", self._console))
        return self.go(page, url, status)

    @staticmethod
    def go(page: Page, url: str, status: int = 200, wait: str = "networkidle") -> Page:
        response = page.goto(url, wait_until=wait)
        assert response is not None and response.status == status, (url, response and response.status)
        return page

    def _console(self, message) -> None:
        if "Content Security Policy" in message.text:
            self.violations.append(message.text)

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def guarded(browser: Browser):
    made: list[Guarded] = []

    def make(**options: object) -> Guarded:
        made.append(Guarded(browser, **options))
        return made[-1]

    yield make
    for g in made:
        assert g.blocked == [], f"permintaan ke host lain: {g.blocked}"
        assert g.violations == [], f"pelanggaran Content-Security-Policy: {g.violations}"
        g.close()


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_every_page_kind_passes_axe(kind, urls, guarded):
    page = guarded().open(urls[kind])
    results = Axe().run(
        page,
        options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}},
    )
    assert results.violations_count == 0, results.generate_report()
    assert page.get_attribute("html", "lang") == "id"


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize(
    "kind",
    [
        "beranda",
        "kabupaten",
        "laporan-kinerja",
        "hasil-skm",
        "hasil-skm-mentah",
        "anggaran-rinci",
        "kinerja-individu",
        "perbandingan-kecamatan",
    ],
)
def test_no_horizontal_overflow(kind, width, urls, guarded):
    figure = PAGE_KINDS[kind][1]
    page = guarded(viewport={"width": width, "height": 800}).open(urls[kind])
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.evaluate("document.querySelectorAll('img[loading=lazy]').forEach(i => i.loading = 'eager')")
    page.wait_for_load_state("networkidle")
    page.screenshot(path=SCREENSHOTS / f"{kind}-{width}.png", full_page=True)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"halaman lebih lebar {overflow}px dari layar {width}px"
    assert figure in page.inner_text("main")


def _search(page: Page, query: str) -> list[str]:
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    page.keyboard.type(query)  # the theme searches on key events
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    return page.locator(".md-search-result__item").all_inner_texts()


def test_search_finds_a_kecamatan_and_an_indicator(base_url, guarded):
    page = guarded(viewport={"width": 1280, "height": 800}).open(base_url)
    assert any("Megaluh" in r for r in _search(page, "Megaluh"))
    # Full text within a kabupaten's shard: an indicator of Kedungjajang from a Lumajang page.
    page = guarded(viewport={"width": 1280, "height": 800}).open(base_url + "lumajang/kedungjajang/")
    assert any("Kedungjajang" in r for r in _search(page, "kepuasan"))  # Indeks Kepuasan Masyarakat


def test_search_finds_a_kecamatan_in_another_shard_and_goes_there(base_url, guarded):
    """Each kabupaten is a separate MkDocs build; names of every kecamatan are searchable from all."""
    page = guarded(viewport={"width": 1280, "height": 800}).open(base_url + "lumajang/kedungjajang/2024/")
    assert any("Ajung" in r for r in _search(page, "Ajung"))
    page.locator(".md-search-result__item", has_text="Kecamatan Ajung").first.locator("a").first.click()
    page.wait_for_url(base_url + "jember/ajung/**")
    assert page.url.startswith(base_url + "jember/ajung/") and "Kecamatan Ajung" in page.inner_text("h1")


def test_everything_is_visible_without_javascript(urls, guarded):
    context = guarded(java_script_enabled=False, viewport={"width": 360, "height": 800})
    for kind, (_, figure) in PAGE_KINDS.items():
        page = context.open(urls[kind])
        assert figure in page.inner_text("main"), kind
        closed = page.locator("main details:not([open]) > summary")
        while closed.count():
            closed.first.click()  # native disclosure: opens without JavaScript
        for table in page.locator("main table").all():
            assert table.is_visible(), kind
        for img in page.locator("main img").all():
            assert img.is_visible() and img.evaluate("i => i.complete && i.naturalWidth > 0"), kind


def test_print_hides_navigation_and_keeps_rows_whole(base_url, guarded):
    page = guarded(viewport={"width": 1280, "height": 800}).open(base_url + PAGE_KINDS["laporan-kinerja"][0])
    page.emulate_media(media="print")
    assert not page.locator(".md-header").is_visible()
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert page.evaluate("getComputedStyle(document.querySelector('main tbody tr')).breakInside") == "avoid"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.pdf(path=SCREENSHOTS / "laporan-kinerja.pdf", format="A4")
    page.screenshot(path=SCREENSHOTS / "laporan-kinerja-cetak.png", full_page=True)


def test_skm_notice_prints_on_one_a4_page(base_url, guarded):
    page = guarded(viewport={"width": 1280, "height": 800}).open(base_url + PAGE_KINDS["pengumuman-skm"][0])
    page.emulate_media(media="print")
    assert not page.locator(".kaki-halaman").is_visible() and not page.locator(".md-header").is_visible()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    pdf = page.pdf(path=SCREENSHOTS / "pengumuman-skm.pdf", format="A4", print_background=True)
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
    page.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi, for a look at it
    page.screenshot(path=SCREENSHOTS / "pengumuman-skm-cetak.png", full_page=True)


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value and (name == "src" or (name == "href" and tag in ("a", "link"))):
                self.urls.append(value)


def _get(url: str) -> tuple[int, bytes, str]:
    try:
        with urlopen(url, timeout=10) as response:
            return response.status, response.read(), response.headers.get_content_type()
    except HTTPError as error:
        return error.code, error.read(), error.headers.get_content_type()


def test_sub_folder_site_has_no_broken_link(base_url):
    """Crawl the site over HTTP from its sub-folder: every page, asset and download answers 200."""
    seen, queue, broken = set(), [base_url], []
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        status, body, kind = _get(url)
        if status != 200:
            broken.append(url)
            continue
        if kind == "text/html":
            parser = _Links()
            parser.feed(body.decode("utf-8"))
            for link in parser.urls:
                target = urljoin(url, link).split("#")[0]
                if target.startswith(base_url):
                    queue.append(target)
    assert broken == []
    assert len(seen) > 60
    status, sitemap, _ = _get(base_url + "sitemap.xml")
    pages = {u for u in seen if u.endswith("/")}
    assert status == 200 and pages <= set(re.findall(r"<loc>(.*?)</loc>", sitemap.decode()))
    assert any(u.endswith(".csv") for u in seen) and any(u.endswith(".svg") for u in seen)


def test_404_page_helps_and_works_from_the_sub_folder(base_url, guarded):
    missing = base_url + "tidak/ada/"
    status, body, _ = _get(missing)
    assert status == 404
    parser = _Links()
    parser.feed(body.decode("utf-8"))
    for link in parser.urls:
        target = urljoin(missing, link)
        if target.startswith(base_url):
            assert _get(target)[0] == 200, link
    page = guarded().open(missing, status=404)
    text = page.inner_text("main")
    assert "Halaman tidak ditemukan" in text and "Beranda" in text
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def _sites(www, nginx) -> dict[str, tuple]:
    return {"akar": (www.root_site, nginx.root_url), "sub-folder": (www.sub_site, nginx.sub_url)}


@pytest.mark.parametrize("hosting", ["akar", "sub-folder"])
def test_every_page_answers_200_in_chromium_under_the_security_policy(hosting, www, nginx, guarded):
    """Every page of the site hosted at a domain's root and in a sub-folder: status 200, no
    request to another host, no violation of the Content-Security-Policy (checked by `guarded`)."""
    site, url = _sites(www, nginx)[hosting]
    context = guarded(viewport={"width": 1280, "height": 800})
    pages = sorted(p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("index.html"))
    page = context.open(url)
    for path in pages:  # search, which loads later, is tested below
        context.go(page, url + path.removeprefix("./"), wait="load")
    assert len(pages) > 20


@pytest.mark.parametrize("hosting", ["akar", "sub-folder"])
def test_unknown_address_gets_the_styled_404_page(hosting, www, nginx, guarded):
    _, url = _sites(www, nginx)[hosting]
    page = guarded(viewport={"width": 1280, "height": 800}).open(url + "tidak/ada.html", status=404)
    assert "Halaman tidak ditemukan" in page.inner_text("main")
    header = page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
    assert header not in ("rgba(0, 0, 0, 0)", "transparent")  # the theme's stylesheet was applied
    page.get_by_role("link", name="Metodologi").first.click()
    page.wait_for_url(url + "metodologi/")


def test_search_and_theme_work_under_the_security_policy(nginx, guarded):
    """At the root too (the sub-folder's search is tested above): search runs in its worker,
    the theme's scripts run from files, and the rating colours in style attributes apply."""
    page = guarded(viewport={"width": 1280, "height": 800}).open(nginx.root_url + "jombang/")
    assert page.evaluate("typeof __md_get") == "function"
    colours = page.evaluate("""[...document.querySelectorAll('.predikat')].map(e =>
        [getComputedStyle(e).getPropertyValue('--warna').trim(), getComputedStyle(e).borderLeftColor])""")
    assert colours and all(warna for warna, _ in colours)
    assert all(border != "rgb(0, 0, 0)" for _, border in colours)
    page.evaluate("window.print = () => { window.dicetak = true }")
    page.get_by_role("link", name="Cetak halaman ini").click()
    assert page.evaluate("window.dicetak === true")
    assert any("Megaluh" in r for r in _search(page, "Megaluh"))


def test_the_security_policy_is_enforced_and_its_violations_seen(www, nginx, browser):
    """The check above can fail: an inline script on a served page is blocked and reported."""
    planted = www.sub_site / "uji-csp.html"
    planted.write_text(
        "<!doctype html><html lang=\"id\"><title>awal</title><script>document.title = 'dijalankan'</script></html>",
        encoding="utf-8",
    )
    planted.chmod(0o644)
    context = Guarded(browser)
    try:
        page = context.open(nginx.sub_url + "uji-csp.html")
        assert page.title() == "awal" and any("inline script" in v for v in context.violations)
    finally:
        context.close()
        planted.unlink()

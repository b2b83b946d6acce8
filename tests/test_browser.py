"""The built demo portal in a real browser: Debian's Chromium driven by Playwright.

The site is served from a sub-folder (`/portal/`) of a local server, as a kabupaten office
would host it; the SKM page of raw survey answers, which no real content has, comes from a small
synthetic portal (`kinerja demo`) served the same way. Every request to another host is blocked and recorded. Screenshots go to
`build/screenshots/` (or $KINERJA_SCREENSHOTS) so that a person can look at them.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import socket
import threading
from html.parser import HTMLParser
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urljoin, urlsplit
from urllib.request import urlopen

import pytest
from axe_playwright_python.sync_playwright import Axe
from conftest import BUILD_DATE, DEMO, ROOT
from playwright.sync_api import Browser, Page, sync_playwright

from generator.build import build_site
from generator.synthetic.portal import portal_sintetis

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
PREFIX = "/portal/"
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


class _Site(http.server.SimpleHTTPRequestHandler):
    """Serves the site under PREFIX only; unknown paths get 404.html, like common static hosts."""

    def translate_path(self, path: str) -> str:
        path = urlsplit(path).path
        if not path.startswith(PREFIX):
            return "/nonexistent"
        return super().translate_path("/" + path[len(PREFIX) :])

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.exists():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(content: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    """Build a content tree with its address in a sub-folder and serve the site there."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}{PREFIX}"
    with open(content / "portal.yml", "a", encoding="utf-8") as f:
        f.write(f"\nurl: {url}\n")
    os.environ["SOURCE_DATE_EPOCH"] = BUILD_DATE
    site = build_site(content, content.parent / "site", content.parent / "work", lambda _: None).site
    handler = functools.partial(_Site, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return url, server


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The demo portal, served from a sub-folder."""
    content = tmp_path_factory.mktemp("browser") / "content"
    shutil.copytree(DEMO, content)
    url, server = _serve(content)
    yield url
    server.shutdown()


@pytest.fixture(scope="module")
def urls(base_url: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The page kinds' addresses: the demo's, and the synthetic portal's for SYNTHETIC kinds."""
    content = tmp_path_factory.mktemp("browser-sintetis") / "content"
    portal_sintetis(content, 1, 1, [2024], seed=1)
    url, server = _serve(content)
    yield {kind: (url if kind in SYNTHETIC else base_url) + path for kind, (path, _) in PAGE_KINDS.items()}
    server.shutdown()


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
    every request to the site (`seen`); `csp` adds a Content-Security-Policy to every response."""

    def __init__(self, browser: Browser, csp: str = "", **options: object) -> None:
        self.context = browser.new_context(locale="id-ID", **options)
        self.blocked: list[str] = []
        self.seen: list[str] = []
        self.csp = csp
        self.context.route("**/*", self._route)

    def _route(self, route) -> None:
        host = urlsplit(route.request.url).hostname
        if route.request.url.startswith(("data:", "blob:")):
            route.continue_()
        elif host in ("127.0.0.1", None):
            self.seen.append(route.request.url)
            if self.csp:
                response = route.fetch()
                route.fulfill(response=response, headers={**response.headers, "content-security-policy": self.csp})
            else:
                route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def open(self, url: str) -> Page:
        page = self.context.new_page()
        page.goto(url, wait_until="networkidle")
        return page

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
        "anggaran",
        "anggaran-rinci",
        "kinerja-individu",
        "perbandingan-kecamatan",
        "catatan-kualitas-data",
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


#: Words a citizen searches for (issue 14), each with the page it must find among the results
#: shown (a regular expression on the address under the portal): Indonesian forms are matched
#: through their stems, names through every shard.
SEARCH_WORDS = {
    "kepuasan": r"/skm/$",  # Hasil Survei Kepuasan Masyarakat
    "survei": r"/skm/$",
    "SKM": r"/skm/$",
    "IKM": r"/skm/$",
    "pengaduan": r"/skm/$",  # unsur Penanganan Pengaduan
    "pelayanan": r"/skm/$",
    "anggaran": r"/anggaran/$",
    "camat": r"^[^/]+/[^/]+/$|/individu-tw\d/$",  # a kecamatan's profile (its camat)
    "Gongseng": r"^jombang/megaluh/$",  # a desa of Megaluh (Jombang)
    "Mangaran": r"^jember/ajung/$",  # a desa of Ajung (Jember)
    "Ajung": r"^jember/ajung/$",  # a kecamatan of another kabupaten
    "Megaluh": r"^jombang/megaluh/$",
    "sinergitas": r"^lumajang/kedungjajang/2024/$",  # Nilai Sinergitas Kinerja Kecamatan
    "kesejahteraan": r"^jember/ajung/2023/$",  # Persentase Fasilitasi Kesejahteraan ...
    "dilayani": r"/skm/$",  # stem layan, as pelayanan
}


def _open_search(page: Page) -> None:
    if not page.locator("#__search").is_checked():
        button = page.locator("label.md-header__button[for=__search]")  # on a phone
        (button if button.is_visible() else page.locator("input.md-search__input")).click()
    page.locator("input.md-search__input").focus()


def _search(page: Page, query: str) -> list[str]:
    """The addresses of the results shown for `query`."""
    _open_search(page)
    page.locator("input.md-search__input").fill("")
    page.keyboard.type(query)  # searched as it is typed
    page.wait_for_function("q => document.querySelector('.md-search-result__meta').dataset.query === q", arg=query)
    return [a.get_attribute("href") for a in page.locator(".md-search-result__item a").all()]


@pytest.mark.parametrize("origin, width", [("", 1280), ("lumajang/kedungjajang/2024/", 360)])
def test_search_finds_every_word_on_the_right_page(origin, width, base_url, guarded):
    """From Beranda and from a page of another kabupaten (on a phone), each word finds its page
    among the first results; nothing of the search is requested before the box is opened."""
    context = guarded(viewport={"width": width, "height": 800})
    page = context.open(base_url + origin)
    assert [u for u in context.seen if "/cari/" in u] == [base_url + "cari/box.js"]
    missing = {}
    for word, expected in SEARCH_WORDS.items():
        found = [u.removeprefix(base_url) for u in _search(page, word)]
        if not any(re.search(expected, u) for u in found):
            missing[word] = found
    assert missing == {}
    assert base_url + "cari/engine.js" in context.seen
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"cari-{width}.png")


def test_search_result_goes_to_the_page_in_another_shard(base_url, guarded):
    page = guarded(viewport={"width": 1280, "height": 800}).open(base_url + "lumajang/kedungjajang/2024/")
    _search(page, "Ajung")
    page.locator(".md-search-result__item h1", has_text=re.compile(r"^Kecamatan Ajung$")).click()
    page.wait_for_url(base_url + "jember/ajung/")
    assert "Kecamatan Ajung" in page.inner_text("h1")


def test_search_open_with_results_passes_axe(base_url, guarded):
    page = guarded(viewport={"width": 1280, "height": 800}).open(base_url + "jember/ajung/")
    assert _search(page, "kepuasan")
    results = Axe().run(
        page,
        options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}},
    )
    assert results.violations_count == 0, results.generate_report()


def test_search_works_under_a_self_only_content_security_policy(base_url, guarded):
    """No eval, no WebAssembly, no other host: search works when every response says
    `default-src 'self'`, and nothing of it is blocked (what the policy blocks is the theme's:
    its inline scripts and styles and a data: image)."""
    context = guarded(viewport={"width": 1280, "height": 800}, csp="default-src 'self'")
    page = context.context.new_page()
    page.add_init_script("""window.__blocked = [];
        document.addEventListener('securitypolicyviolation', e => __blocked.push([e.blockedURI, e.sourceFile]));""")
    page.goto(base_url + "lumajang/", wait_until="networkidle")
    assert any(u.endswith("jember/ajung/") for u in _search(page, "Ajung"))
    blocked = page.evaluate("window.__blocked")
    assert blocked, "the policy was not applied"
    assert [b for b in blocked if "/cari/" in b[0] + (b[1] or "") or b[0] in ("eval", "wasm-eval")] == []


def test_search_box_is_hidden_without_javascript(base_url, guarded):
    page = guarded(java_script_enabled=False, viewport={"width": 360, "height": 800}).open(base_url)
    assert not page.locator("label.md-header__button[for=__search]").is_visible()
    page = guarded(java_script_enabled=False, viewport={"width": 1280, "height": 800}).open(base_url)
    assert not page.locator(".md-search").is_visible()


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
    page = guarded().open(missing)
    text = page.inner_text("main")
    assert "Halaman tidak ditemukan" in text and "Beranda" in text
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()

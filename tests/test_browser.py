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
from html.parser import HTMLParser
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urljoin, urlsplit
from urllib.request import urlopen

import pytest
from axe_playwright_python.sync_playwright import Axe
from conftest import ROOT, served_build
from playwright.sync_api import Browser, Page, sync_playwright

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
    "istilah": ("istilah/", "Indikator Kinerja Utama"),
    "metodologi": ("metodologi/", "100,36 %"),
    "data-terbuka": ("data-terbuka/", "Frictionless Data Package"),
    "panduan-petugas": ("panduan-petugas/", "kinerja impor-skm"),
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
    with served_build("kinerja-sintetis-", lambda content: portal_sintetis(content, 1, 1, [2024], seed=1)) as (_, url):
        yield {kind: (url if kind in SYNTHETIC else base_url) + path for kind, (path, _) in PAGE_KINDS.items()}


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
    every request to the site (`seen`), and every violation of a Content-Security-Policy that
    Chromium reports; `csp` adds a Content-Security-Policy to every response (the site served by
    nginx sends its own)."""

    def __init__(self, browser: Browser, csp: str = "", **options: object) -> None:
        self.context = browser.new_context(locale="id-ID", **options)
        self.blocked: list[str] = []
        self.violations: list[str] = []
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


def _screenshot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.evaluate("document.querySelectorAll('img[loading=lazy]').forEach(i => i.loading = 'eager')")
    page.wait_for_load_state("networkidle")
    page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_no_horizontal_overflow(kind, width, urls, guarded):
    figure = PAGE_KINDS[kind][1]
    page = guarded(viewport={"width": width, "height": 800}).open(urls[kind])
    _screenshot(page, f"{kind}-{width}")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"halaman lebih lebar {overflow}px dari layar {width}px"
    assert _outside_their_card(page) == []
    assert figure in page.inner_text("main")


def _outside_their_card(page: Page) -> list[str]:
    """What runs out of its summary card (a figure or a predikat into the next card)."""
    return page.evaluate(
        """[...document.querySelectorAll('main .kartu > *')]
             .filter(e => e.scrollWidth > e.clientWidth + 1
                          || e.getBoundingClientRect().right > e.parentElement.getBoundingClientRect().right + 1)
             .map(e => e.textContent.trim())"""
    )


@pytest.mark.parametrize("path", ["jember/ajung/2023/", "lumajang/kedungjajang/2024/"])
def test_a_long_predikat_stays_in_its_card_on_a_phone(path, base_url, guarded):
    """Ajung 2023's average is "AA · Sangat Memuaskan": wider than half a 360 px screen."""
    page = guarded(viewport={"width": 360, "height": 800}).open(base_url + path)
    assert _outside_their_card(page) == []


#: Every amount in rupiah ("Rp 3.443.692.072", "Rp 3,44") in a headline card that the browser
#: laid out on more than one line.
BROKEN_AMOUNTS = r"""() => {
  const broken = [];
  for (const span of document.querySelectorAll('main .kartu span')) {
    for (const node of [...span.childNodes].filter(n => n.nodeType === Node.TEXT_NODE)) {
      for (const m of node.data.matchAll(/Rp [\d.,]*\d/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        if (new Set([...range.getClientRects()].map(r => Math.round(r.top))).size > 1) broken.push(m[0]);
      }
    }
  }
  return broken;
}"""


@pytest.mark.parametrize("width", [360, 412, 768, 1280])
def test_an_amount_in_rupiah_stays_on_one_line_in_its_card(width, urls, guarded):
    """Anggaran's cards print the full amount under the short one: on a phone, "Rp" and its
    digits on one line (the cards of money are one column there), at every width."""
    context = guarded(viewport={"width": width, "height": 800})
    checked = 0
    for kind in ("anggaran", "anggaran-rinci", "laporan-kinerja", "kecamatan", "kabupaten", "beranda"):
        page = context.open(urls[kind])
        checked += page.evaluate("() => document.querySelectorAll('main .kartu').length")
        assert page.evaluate(BROKEN_AMOUNTS) == [], kind
        page.close()
    assert checked >= 8


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


#: Columns holding a key figure: on a phone they are on the screen without sideways scrolling.
KEY_FIGURE = re.compile(r"realisasi|capaian|predikat|ikm|mutu|serapan|pagu", re.I)

#: For every data table in `main`: the key figures' cells lying (partly) outside the screen,
#: and cells without a value taller than three lines of text (a label may wrap once).
CHECK_TABLES = """(key) => {
  const width = document.documentElement.clientWidth, outside = [], tall = [];
  for (const table of document.querySelectorAll('main table')) {
    const heads = [...table.querySelectorAll('thead th')].map(th => th.textContent.trim());
    for (const row of table.querySelectorAll('tbody tr, tfoot tr')) {
      [...row.children].forEach((cell, i) => {
        const r = cell.getBoundingClientRect();
        if (new RegExp(key, 'i').test(heads[i] || '') && r.width && (r.left < 0 || r.right > width))
          outside.push(`${table.caption.textContent}: ${heads[i]} ${Math.round(r.left)}-${Math.round(r.right)}`);
        if (cell.tagName === 'TD' && ['', '—'].includes(cell.textContent.trim()) && r.height > 72)
          tall.push(`${table.caption.textContent}: ${heads[i]} ${Math.round(r.height)}px`);
      });
    }
  }
  return {outside, tall};
}"""


@pytest.mark.parametrize("javascript", [True, False])
def test_key_figures_are_on_a_phone_screen(javascript, urls, guarded):
    """At 360 px no table column holding a key figure lies outside the screen (wide tables turn
    into stacked rows), and no row without a value is tall."""
    context = guarded(viewport={"width": 360, "height": 780}, java_script_enabled=javascript)
    for kind in PAGE_KINDS:
        page = context.open(urls[kind])
        found = page.evaluate(CHECK_TABLES, KEY_FIGURE.pattern)
        assert found == {"outside": [], "tall": []}, kind
        page.close()


@pytest.mark.parametrize("javascript", [True, False])
@pytest.mark.parametrize("path", ["lumajang/kedungjajang/", "jombang/megaluh/"])
def test_kecamatan_page_shows_ikm_and_mutu_first(path, javascript, base_url, guarded):
    page = guarded(viewport={"width": 360, "height": 780}, java_script_enabled=javascript).open(base_url + path)
    card = page.locator("main .sorotan").first
    ikm, mutu = card.locator(".sorotan-nilai a").first, card.locator(".sorotan-nilai .predikat").first
    for element in (ikm, mutu):
        box = element.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 360 and box["y"] + box["height"] <= 780
    assert re.fullmatch(r"\d+,\d\d", ikm.inner_text()) and mutu.inner_text()[0] in "ABCD"
    if not javascript:
        _screenshot(page, f"kecamatan-tanpa-js-{path.split('/')[1]}-360")


def test_chart_text_stays_inside_its_chart(urls, guarded):
    """Every text box of every chart (the SVG files the pages show, drawn by Chromium with its
    own fonts) lies inside the chart."""
    context = guarded(viewport={"width": 1280, "height": 800})
    charts: set[str] = set()
    for url in urls.values():
        page = context.open(url)
        charts |= set(page.eval_on_selector_all("main img[src$='.svg']", "imgs => imgs.map(i => i.src)"))
        page.close()
    assert len(charts) >= 10
    for url in sorted(charts):
        page = context.open(url)
        outside = page.evaluate(
            """() => { const svg = document.documentElement.getBoundingClientRect();
              return [...document.querySelectorAll('text')].map(t => [t.textContent, t.getBoundingClientRect()])
                .filter(([_, r]) => r.left < svg.left - 0.5 || r.top < svg.top - 0.5
                                    || r.right > svg.right + 0.5 || r.bottom > svg.bottom + 0.5)
                .map(([text, r]) => `${text}: ${Math.round(r.left)}-${Math.round(r.right)}`); }"""
        )
        assert outside == [], url
        page.close()


def test_place_picker_filters_with_javascript(base_url, guarded):
    page = guarded(viewport={"width": 360, "height": 780}).open(base_url)
    box = page.locator("#saring-kecamatan")
    assert box.is_visible()
    box.fill("kedung")
    assert page.locator("[data-tempat]:visible").all_inner_texts()[0].startswith("Kedungjajang")
    assert page.locator("[data-tempat]:visible").count() == 1
    assert page.locator("#saring-jumlah").inner_text() == "1 kecamatan ditemukan"
    assert page.locator("details.kelompok-tempat:visible").count() == 1
    box.fill("jember")
    assert page.locator("[data-tempat]:visible").all_inner_texts()[0].startswith("Ajung")
    box.fill("zzz")
    assert page.locator("[data-tempat]:visible").count() == 0
    assert page.locator("#saring-jumlah").inner_text() == "Tidak ada kecamatan dengan nama itu"
    box.fill("")
    assert page.locator("[data-tempat]:visible").count() == 3
    page.locator("main a", has_text="Megaluh").first.click()
    page.wait_for_url(base_url + "jombang/megaluh/")


def test_place_picker_and_printing_without_javascript(base_url, guarded):
    context = guarded(viewport={"width": 360, "height": 780}, java_script_enabled=False)
    page = context.open(base_url)
    assert not page.locator("#saring-kecamatan").is_visible()  # the filter needs JavaScript
    assert page.locator("[data-tempat]:visible").count() == 3
    assert not page.get_by_role("button", name="Cetak halaman ini").is_visible()
    _screenshot(page, "beranda-tanpa-js-360")
    with_js = guarded(viewport={"width": 360, "height": 780}).open(base_url + "jombang/")
    assert with_js.get_by_role("button", name="Cetak halaman ini").is_visible()


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


#: The width within the margins of A4 (portal.css @page) at 96 px per inch: portrait, landscape.
A4_PORTRAIT, A4_LANDSCAPE = round((210 - 24) / 25.4 * 96), round((297 - 24) / 25.4 * 96)


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_every_table_fits_a4_in_print(kind, urls, guarded):
    """In print every table fits the paper's width; a page with a table of many columns prints
    on landscape A4 (portal.css: `@page lebar`)."""
    page = guarded(viewport={"width": A4_PORTRAIT, "height": 1000}).open(urls[kind])
    page.emulate_media(media="print")
    landscape = page.evaluate("getComputedStyle(document.body).page") == "lebar"
    assert landscape == (page.locator("main table.lebar").count() > 0)
    if landscape:
        page.set_viewport_size({"width": A4_LANDSCAPE, "height": 1000})
    wider = page.evaluate(
        """(width) => [...document.querySelectorAll('main table')]
             .filter(t => t.getBoundingClientRect().right > width || t.scrollWidth > t.parentElement.clientWidth)
             .map(t => t.caption.textContent)""",
        A4_LANDSCAPE if landscape else A4_PORTRAIT,
    )
    assert wider == []


def test_skm_notice_prints_on_one_a4_page(base_url, guarded):
    page = guarded(viewport={"width": 1280, "height": 800}).open(base_url + PAGE_KINDS["pengumuman-skm"][0])
    page.emulate_media(media="print")
    assert not page.locator(".kaki-halaman").is_visible() and not page.locator(".md-header").is_visible()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    qr = page.locator(".pengumuman-alamat img")
    assert qr.is_visible() and qr.evaluate("i => i.complete && i.naturalWidth > 0")
    assert page.locator(".pengumuman-alamat .alamat").inner_text() == base_url + "lumajang/kedungjajang/2024/skm/"
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
    """At the root too (the sub-folder's search is tested above): the portal's search runs,
    the theme's and the portal's scripts run from files (the print button), and the rating colours in style attributes apply."""
    page = guarded(viewport={"width": 1280, "height": 800}).open(nginx.root_url + "jombang/")
    assert page.evaluate("typeof __md_get") == "function"
    colours = page.evaluate("""[...document.querySelectorAll('.predikat')].map(e =>
        [getComputedStyle(e).getPropertyValue('--warna').trim(), getComputedStyle(e).borderLeftColor])""")
    assert colours and all(warna for warna, _ in colours)
    assert all(border != "rgb(0, 0, 0)" for _, border in colours)
    page.evaluate("window.print = () => { window.dicetak = true }")
    page.get_by_role("button", name="Cetak halaman ini").click()
    assert page.evaluate("window.dicetak === true")
    assert any(r.endswith("/jombang/megaluh/") for r in _search(page, "Megaluh"))


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

"""Script injection (issue 19): a payload appended to every text field of every content file
and portal setting is printed as text wherever it appears (pages, titles, navigation, header,
footer, 404, search, charts), escaped exactly once; in Chromium nothing of it runs or loads."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import test_browser
from conftest import DEMO, served_build
from hostile import PAYLOAD, RAW, SCHEMAS, TWICE, inject, schema_of
from playwright.sync_api import Page

from generator.load import load_content
from generator.load.tree import SURVEY_FILE, YEAR_FILES
from generator.problems import ContentError
from generator.validate import validate

#: The kecamatan whose name every test looks for.
KECAMATAN_PAGE = "lumajang/kedungjajang/"

browser, guarded = test_browser.browser, test_browser.guarded  # Chromium, and a context that blocks other hosts


def test_every_text_field_of_the_demo_takes_the_payload_and_still_validates(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(DEMO, content)
    assert inject(content) > 1000
    valid = validate(load_content(content))
    kab = next(k for k in valid.kabupaten if k.slug == "lumajang")
    assert kab.profil.nama == f"Lumajang {PAYLOAD}"
    assert kab.kecamatan[0].profil.nama == f"Kedungjajang {PAYLOAD}"
    assert valid.portal.judul.endswith(PAYLOAD) and valid.portal.penerbit.endswith(PAYLOAD)


def test_the_payload_reaches_every_kind_of_content_file():
    """A file kind the payload misses would go untested: every file load reads, except raw survey
    responses (tests/test_privacy.py plants data there), has its schema here."""
    assert set(SCHEMAS) >= YEAR_FILES
    names = {p.name for p in DEMO.rglob("*") if p.is_file() and not SURVEY_FILE.match(p.name)}
    assert "dilaporkan.csv" in names
    assert {n for n in names if schema_of(Path(n)) is None} == set()


def test_printed_texts_take_the_payload_and_printed_numbers_stay_numbers(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(DEMO, content)
    inject(content)
    printed = (content / "jember/ajung/2023/dilaporkan.csv").read_text(encoding="utf-8").splitlines()
    assert printed[1].startswith("iku/indikator-program-tercapai/realisasi,100,")
    assert f"Sangat Memuaskan {PAYLOAD}" in printed[3].replace('""', '"')
    assert printed[1].count(PAYLOAD.replace('"', '""')) == 1  # tempat; catatan is empty


@pytest.mark.parametrize(
    "url", ['https://kinerja.example.go.id/"><script>alert(1)</script>', "javascript:alert(1)", "https://a b/"]
)
def test_a_portal_address_that_could_carry_markup_is_refused(mini, url):
    with open(mini / "portal.yml", "a", encoding="utf-8") as f:
        f.write(f"\nurl: '{url}'\n")
    with pytest.raises(ContentError) as exc:
        validate(load_content(mini))
    (p,) = exc.value.problems
    assert (p.path, p.key) == ("url", "pattern") and "http(s)://" in p.message


@pytest.fixture(scope="module")
def hostile_site() -> tuple[Path, str]:
    """The demo with the payload in every text, built for a sub-folder address and served there
    by nginx with deploy/nginx.conf (as tests/test_browser.py serves the demo)."""

    def write(content: Path) -> None:
        shutil.copytree(DEMO, content)
        inject(content)

    with served_build("kinerja-serangan-", write) as served:
        yield served


def _printed(site: Path) -> list[Path]:
    """Every file a browser reads as markup: pages, charts, the sitemap. (The search's JSON files
    hold plain text, which the search box writes into the page as text.)"""
    return sorted(p for p in site.rglob("*") if p.suffix in {".html", ".svg", ".xml"})


@pytest.mark.slow
def test_no_file_of_the_site_holds_the_payload_raw_or_escaped_twice(hostile_site):
    site, _ = hostile_site
    files = _printed(site)
    assert len(files) > 40
    for path in files:
        text = path.read_text(encoding="utf-8")
        for needle in (*RAW, *TWICE):
            assert needle not in text, f"{path.relative_to(site)}: {needle}"
    page = (site / KECAMATAN_PAGE / "index.html").read_text(encoding="utf-8")
    once = "&lt;img src=x onerror=alert(1)&gt;"
    assert f"<title>Kecamatan Kedungjajang {once}" in page


def _open(guard, url: str, dialogs: list[str]) -> Page:
    page = guard.context.new_page()
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(url, wait_until="networkidle")
    return page


@pytest.mark.browser
def test_in_chromium_no_payload_runs_or_loads_and_names_read_as_text(hostile_site, guarded):
    site, url = hostile_site
    guard, dialogs = guarded(), []
    pages = sorted(p.parent.relative_to(site).as_posix() for p in site.rglob("index.html"))
    assert len(pages) > 25
    for path in pages:
        page = _open(guard, url + ("" if path == "." else path + "/"), dialogs)
        assert PAYLOAD in page.title(), path
        assert PAYLOAD in page.inner_text("header"), path  # site_name
        assert PAYLOAD in page.inner_text("footer"), path  # copyright
        page.close()
    page = _open(guard, url + KECAMATAN_PAGE, dialogs)
    assert f"Kedungjajang {PAYLOAD}" in page.inner_text("h1")
    assert f"Kec. Kedungjajang {PAYLOAD}" in page.inner_text("nav.md-nav--primary")
    missing = _open(guard, url + "tidak-ada/", dialogs)
    assert f"Kab. Lumajang {PAYLOAD}" in missing.inner_text("main")
    assert dialogs == []  # guarded() also asserts that no request went to another host


def _search(page: Page, query: str) -> list[str]:
    """The texts of the search results for `query` (the search box's own markup)."""
    test_browser._open_search(page)
    page.locator("input.md-search__input").fill("")
    page.keyboard.type(query)
    page.wait_for_function("q => document.querySelector('.md-search-result__meta').dataset.query === q", arg=query)
    return page.locator(".md-search-result__item").all_inner_texts()


@pytest.mark.browser
def test_searching_a_hostile_name_shows_it_as_text_and_runs_nothing(hostile_site, guarded):
    _, url = hostile_site
    guard, dialogs = guarded(), []
    for origin, query in (("", "Kedungjajang"), ("jember/", "Kedungjajang"), ("lumajang/", "Lumajang")):
        page = _open(guard, url + origin, dialogs)
        results = _search(page, query)
        assert any("<img src=x onerror=alert(1)>" in r for r in results), results
        page.wait_for_timeout(500)  # an onerror would fire as the results are drawn
        page.close()
    assert dialogs == []

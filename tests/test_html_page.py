"""A page that is HTML but for its headings is converted without Python-Markdown
(generator/build/html_page.py), into what Python-Markdown and MkDocs make of it."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.structure import pages
from mkdocs.structure.toc import get_toc

from generator.build import html_page
from generator.build.mkdocs_run import run_mkdocs

ESCAPED = html_page.escapes(list(html_page.EXTENSIONS), html_page.SETTINGS)


def by_markdown(source: str) -> tuple[str, list[dict[str, object]]]:
    md = markdown.Markdown(extensions=list(html_page.EXTENSIONS), extension_configs=html_page.SETTINGS)
    return md.convert(source), md.toc_tokens


def converted(source: str) -> html_page.Converted:
    assert ESCAPED is not None
    result = html_page.convert(source, ESCAPED)
    assert result is not None, source
    return result


PAGE = """# Laporan Kinerja Kecamatan Contoh 01\\-21 2024

<p class="sumber">Sumber data: Data sintetis (kinerja demo) ·
Skala: Skala contoh</p>

## Ringkasan
<div class="ringkasan">
<div class="kartu"><p>98,91 %</p></div>
</div>

### Faktor penyebab

<p>Teks.</p>

### Faktor penyebab
<ul>
<li>butir</li>
</ul>
## Camat: Pejabat \\(Plt\\.\\) 2 \\> 1
"""


def test_a_page_of_html_blocks_and_headings_is_what_markdown_makes_of_it():
    result = converted(PAGE)
    assert (result.content, result.toc_tokens) == by_markdown(PAGE)
    ids = ["laporan-kinerja-kecamatan-contoh-01-21-2024", "ringkasan", "faktor-penyebab", "faktor-penyebab_1"]
    assert result.anchors == {*ids, "camat-pejabat-plt-2-1"}  # a repeated heading gets `_1`, as the toc extension does
    assert result.title == "Laporan Kinerja Kecamatan Contoh 01-21 2024"
    assert '<h2 id="camat-pejabat-plt-2-1">Camat: Pejabat (Plt.) 2 &gt; 1</h2>' in result.content


@pytest.mark.parametrize(
    "source",
    [
        "# Judul\n\nSebuah paragraf Markdown.",  # text outside an HTML block
        "## *Tebal*",  # inline markup in a heading
        "## Judul {: #judul-lain }",  # an attribute list
        "## Tab\there",  # whitespace Markdown normalises
        '<div class="kartu">\n<p>tanpa penutup',  # a block never closed
        "## [Unduh](data.md)",  # a link (MkDocs checks and rewrites it)
        "## \\",  # not a heading to Markdown
        "## Pak &amp; Bu",  # an entity: left to Markdown, as every text with `&`
    ],
)
def test_anything_else_is_left_to_markdown(source):
    assert html_page.convert(source, ESCAPED or frozenset()) is None


def test_only_the_known_markdown_configuration_is_converted():
    assert ESCAPED is not None and "|" in ESCAPED  # the tables extension escapes `|` too
    extensions = list(html_page.EXTENSIONS)
    assert html_page.escapes([*extensions, "smarty"], html_page.SETTINGS) is None
    assert html_page.escapes(extensions, {"toc": {"permalink": True}}) is None
    assert html_page.escapes(extensions, {"toc": {"permalink": False}, "attr_list": {}}) is not None


BLOCKS = st.sampled_from(
    [
        '<div class="kartu">\n<p>98,91 %</p>\n<div class="dalam">\n*teks* <div>bersarang</div>\n</div>\n</div>',
        "<p>Paragraf, <em>bukan</em> *Markdown*.</p>",
        "<ul>\n<li>butir # bukan judul</li>\n</ul>",
        '<table class="data">\n<tr><td>1</td></tr>\n</table>',
    ]
)
HEADINGS = st.builds(
    lambda level, text: "#" * level + " " + text,
    st.integers(1, 7),
    st.one_of(
        st.text(alphabet="ab .-\\`*_[]()<>&;#{}|:!'\"1", min_size=1, max_size=20),
        st.text(alphabet="aB .-\\()>#|:!'1", min_size=1, max_size=20),  # mostly texts `convert` takes
    ),
)
LINES = st.one_of(BLOCKS, HEADINGS, st.just(""), st.text(alphabet="ab #-\\ \t", max_size=8))


@settings(max_examples=600, derandomize=True, deadline=None)
@given(st.lists(LINES, max_size=8))
def test_whenever_a_page_is_converted_it_is_what_markdown_makes_of_it(lines):
    source = "\n".join(lines)
    result = html_page.convert(source, ESCAPED or frozenset())
    if result is not None:
        assert (result.content, result.toc_tokens) == by_markdown(source), source


def test_every_page_of_the_demo_and_a_synthetic_portal_is_converted_as_mkdocs_converts_it(
    demo_site, synthetic_site, tmp_path, monkeypatch
):
    """Each shard built again by MkDocs, every page by Python-Markdown: a page `convert` takes
    gets from it the content, table of contents, anchors and title MkDocs made."""
    asked: list[html_page.Converted | None] = []
    compared: list[str] = []
    convert, render = html_page.convert, pages.Page.render

    def recorded(source: str, escaped: frozenset[str]) -> None:
        asked.append(convert(source, escaped))
        return None  # so MkDocs converts the page itself

    def compare(page: pages.Page, config: object, files: object) -> None:
        render(page, config, files)
        result = asked.pop()
        if result is not None:
            made = (page.content, str(page.toc), page._title_from_render, page.present_anchor_ids)
            assert (result.content, str(get_toc(result.toc_tokens)), result.title, result.anchors) == made
            compared.append(page.file.src_uri)

    monkeypatch.setattr(html_page, "convert", recorded)
    monkeypatch.setattr(pages.Page, "render", compare)
    shards = [*Path(demo_site).parent.glob("work/shard/*/mkdocs.yml")]
    shards += Path(synthetic_site[1]).parent.glob("work/shard/*/mkdocs.yml")
    for n, config in enumerate(sorted(shards)):
        run_mkdocs(config, tmp_path / str(n), 0)
    assert len(shards) >= 5 and not asked
    assert len(compared) >= 30  # every Laporan, SKM, Anggaran, individual and kecamatan page

"""The portal's HTML blocks pass through Markdown as they are (generator/build/markdown_html.py)."""

from __future__ import annotations

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st

PAGE = """# Judul

<div class="kartu">
<p class="angka">98,91 %</p>
<div class="dalam">
teks <div>bersarang</div>
</div>
</div>

<p class="unduh">Unduh: <a href="a.csv" download>CSV</a></p>


<ul class="unduhan">
<li>Tabel *satu*</li>
</ul>

Paragraf dengan **tebal** dan \\*bintang\\*.

<p>Paragraf HTML tanpa kelas, <em>bukan</em> *Markdown*.</p>
<ul>
<li>butir *HTML*</li>
</ul>
<figure class="grafik">
<svg><path d="M0 0"/></svg>
</figure>
<details class="rincian">
<summary>Rincian</summary>
</details>

- butir
"""


def convert(text: str, extensions: list[str], plain_text: bool = True) -> tuple[str, int]:
    md = markdown.Markdown(extensions=extensions)
    if not plain_text and "teks_polos" in md.treeprocessors:
        md.treeprocessors.deregister("teks_polos")
    return md.convert(text), md.htmlStash.html_counter


#: PAGE as Python-Markdown wrote it when each block was stashed on its own (checked with the
#: extension before adjacent blocks were joined): one line break between blocks.
WRITTEN = (
    '<h1 id="judul">Judul</h1>\n<div class="kartu">\n<p class="angka">98,91 %</p>\n<div class="dalam">\n'
    'teks <div>bersarang</div>\n</div>\n</div>\n<p class="unduh">Unduh: <a href="a.csv" download>CSV</a></p>\n'
    '<ul class="unduhan">\n<li>Tabel *satu*</li>\n</ul>\n<p>Paragraf dengan <strong>tebal</strong> dan *bintang*.</p>\n'
    "<p>Paragraf HTML tanpa kelas, <em>bukan</em> *Markdown*.</p>\n<ul>\n<li>butir *HTML*</li>\n</ul>\n"
    '<figure class="grafik">\n<svg><path d="M0 0"/></svg>\n</figure>\n<details class="rincian">\n'
    "<summary>Rincian</summary>\n</details>\n<ul>\n<li>butir</li>\n</ul>"
)


def test_html_blocks_pass_as_they_are_adjacent_ones_stashed_as_one():
    html, stashed = convert(PAGE, ["generator.build.markdown_html", "toc"])
    assert html == WRITTEN  # "Tabel *satu*", "*Markdown*", "butir *HTML*" never parsed as Markdown
    assert stashed == 2  # the three blocks before the paragraph as one, the four after it as one


def test_a_block_never_closed_is_left_to_markdown():
    text = '<div class="kartu">\n<p>tanpa penutup\n\nparagraf'
    assert convert(text, ["generator.build.markdown_html"]) == convert(text, [])


#: The extensions of the portal's mkdocs.yml.
PORTAL = ["generator.build.markdown_html", "attr_list", "def_list", "tables", "toc"]


@settings(max_examples=400, derandomize=True, deadline=None)
@given(st.text(alphabet="ab .-\\`*_[]()<>&;#{}|:!'\"1\n", max_size=30))
def test_a_text_marked_plain_comes_out_as_the_inline_patterns_write_it(text):
    for page in (text, f"# {text}", f"- {text}\n- b", f"**a** {text} [b](c.md) {text}", f"{text}  \nb"):
        assert convert(page, PORTAL) == convert(page, PORTAL, plain_text=False), page


def test_texts_with_markup_are_left_to_the_inline_patterns_and_escapes_are_kept():
    html, _ = convert("Rata\\-rata \\(sintetis\\) \\q\n\n**tebal** &amp; `kode`", PORTAL)
    assert html == "<p>Rata-rata (sintetis) \\q</p>\n<p><strong>tebal</strong> &amp; <code>kode</code></p>"


def test_another_inline_pattern_turns_plain_text_off():
    """smarty's quotes would be skipped in a text marked plain."""
    assert convert("it's", ["generator.build.markdown_html", "smarty"])[0] == "<p>it&rsquo;s</p>"

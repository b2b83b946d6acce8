"""The portal's HTML blocks pass through Markdown as they are (generator/build/markdown_html.py)."""

from __future__ import annotations

import markdown

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

<figure class="grafik">
<svg><path d="M0 0"/></svg>
</figure>
<details class="rincian">
<summary>Rincian</summary>
</details>

- butir
"""


def convert(text: str, extensions: list[str]) -> tuple[str, int]:
    md = markdown.Markdown(extensions=extensions)
    return md.convert(text), md.htmlStash.html_counter


#: PAGE as Python-Markdown wrote it when each block was stashed on its own (checked with the
#: extension before adjacent blocks were joined): one line break between blocks.
WRITTEN = (
    '<h1 id="judul">Judul</h1>\n<div class="kartu">\n<p class="angka">98,91 %</p>\n<div class="dalam">\n'
    'teks <div>bersarang</div>\n</div>\n</div>\n<p class="unduh">Unduh: <a href="a.csv" download>CSV</a></p>\n'
    '<ul class="unduhan">\n<li>Tabel *satu*</li>\n</ul>\n<p>Paragraf dengan <strong>tebal</strong> dan *bintang*.</p>\n'
    '<figure class="grafik">\n<svg><path d="M0 0"/></svg>\n</figure>\n<details class="rincian">\n'
    "<summary>Rincian</summary>\n</details>\n<ul>\n<li>butir</li>\n</ul>"
)


def test_html_blocks_pass_as_they_are_adjacent_ones_stashed_as_one():
    html, stashed = convert(PAGE, ["generator.build.markdown_html", "toc"])
    assert html == WRITTEN  # "Tabel *satu*" never parsed as Markdown
    assert stashed == 2  # the three blocks before the paragraph as one, the two after it as one


def test_a_block_never_closed_is_left_to_markdown():
    text = '<div class="kartu">\n<p>tanpa penutup\n\nparagraf'
    assert convert(text, ["generator.build.markdown_html"]) == convert(text, [])

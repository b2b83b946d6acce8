"""Python-Markdown extension: the portal's own HTML blocks pass through as they are.

The templates write data tables (`tabel_html`), charts, summary cards, disclosure rows and the
page footer as HTML blocks that start on a line opening `<div`, `<figure` or `<details` with
one of the portal's classes and end on the line that closes that element. Python-Markdown
(and MkDocs' scan for anchors) would parse that HTML tag by tag, about half of MkDocs' time on
a table-heavy page, only to write it back unchanged; this preprocessor stores each block in
Markdown's raw-HTML stash instead. Content text inside them is escaped by the templates.
"""

from __future__ import annotations

import re

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

#: The first line of a block: the element and the portal class that marks it as ours.
AWAL = re.compile(
    r'<(div|figure|details) class="(?:tabel-gulir|grafik|ringkasan|rincian|kaki-halaman|sorotan|pilih-tempat|tahun-laporan|untuk-petugas)"'
)


class _RawHtmlBlockPreprocessor(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        block: list[str] = []
        tag, depth = "", 0
        for line in lines:
            if not block:
                start = AWAL.match(line)
                if start is None:
                    out.append(line)
                    continue
                tag = start.group(1)
            block.append(line)
            depth += line.count(f"<{tag}") - line.count(f"</{tag}>")
            if depth <= 0:
                out += ["", self.md.htmlStash.store("\n".join(block)), ""]
                block, depth = [], 0
        return out + block  # a block never closed: left to Markdown's own HTML handling


class RawHtmlBlocks(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # the name Python-Markdown calls
        # before MkDocs' anchor scan (21) and `html_block` (20), which would otherwise parse it
        md.preprocessors.register(_RawHtmlBlockPreprocessor(md), "blok_mentah", 25)


def makeExtension(**kwargs: object) -> RawHtmlBlocks:
    return RawHtmlBlocks(**kwargs)

"""Python-Markdown extension: the portal's own HTML blocks pass through as they are.

The templates write data tables (`tabel_html`), charts, summary cards, disclosure rows, captions,
download links and the page footer as HTML blocks: a line that opens a block element with a
class attribute (`<div class=`, `<p class=`, ...) starts one, the line that closes that element
ends it. Content text never starts such a line: the templates escape it, and a narrative's
sanitised HTML is written inside a `<div class="narasi">`. Python-Markdown (and MkDocs' scan
for anchors) would parse that HTML tag by tag, about half of MkDocs' time on a table-heavy page,
only to write it back unchanged; this preprocessor stores each block in Markdown's raw-HTML
stash instead.
"""

from __future__ import annotations

import functools
import re

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

#: The first line of a block: a block element with a class, as the portal's templates write it.
AWAL = re.compile(r'<(div|figure|details|p|dl|ul|ol|table) class="')


@functools.cache
def _opening(tag: str) -> re.Pattern[str]:
    """An opening tag of `tag` (`<p>`, `<p class=...>`; never `<path` or `<pre`)."""
    return re.compile(rf"<{tag}[\s>]")


class _RawHtmlBlockPreprocessor(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        block: list[str] = []
        tag, depth = "", 0
        last = (-1, -1)  # where in `out` the last stashed block is, and its place in the stash
        for line in lines:
            if not block:
                start = AWAL.match(line)
                if start is None:
                    out.append(line)
                    continue
                tag = start.group(1)
            block.append(line)
            depth += len(_opening(tag).findall(line)) - line.count(f"</{tag}>")
            if depth <= 0:
                last = self._stash(out, "\n".join(block), last)
                block, depth = [], 0
        return out + block  # a block never closed: left to Markdown's own HTML handling

    def _stash(self, out: list[str], html: str, last: tuple[int, int]) -> tuple[int, int]:
        """Stash `html` as a paragraph of its own, or join it to the last stashed block when
        only blank lines lie between them (Markdown writes one line break between two
        paragraphs: the page is the same, with fewer paragraphs to process); where it is."""
        stash = self.md.htmlStash
        at, index = last
        if at >= 0 and not any(line.strip() for line in out[at + 1 :]):
            stash.rawHtmlBlocks[index] = f"{stash.rawHtmlBlocks[index]}\n{html}"
            return last
        out += ["", stash.store(html), ""]
        return len(out) - 2, stash.html_counter - 1


class RawHtmlBlocks(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # the name Python-Markdown calls
        # before MkDocs' anchor scan (21) and `html_block` (20), which would otherwise parse it
        md.preprocessors.register(_RawHtmlBlockPreprocessor(md), "blok_mentah", 25)


def makeExtension(**kwargs: object) -> RawHtmlBlocks:
    return RawHtmlBlocks(**kwargs)

"""Python-Markdown extension: what Markdown would only parse to write back unchanged passes through as it is.

HTML blocks.

The templates write everything but headings as HTML blocks: data tables (`tabel_html`), charts,
summary cards, disclosure rows, captions, download links, the page footer, and the paragraphs
and lists of their text (with links as the site publishes them, `Page.href`). A line that opens
a block element (`<div class=`, `<p>`, `<ul>`, ...) starts one, the line that closes that
element ends it. Content text never starts such a line: the templates escape it, and a
narrative's sanitised HTML is written inside a `<div class="narasi">`. Python-Markdown (and
MkDocs' scan for anchors) would parse that HTML tag by tag, or the same text written as
Markdown, only to write the same HTML; this preprocessor stores each block in Markdown's
raw-HTML stash instead, adjacent blocks as one. What is left to Markdown is the headings (the
table of contents is made of them) and the text of the portal's own pages (Metodologi, Panduan).

Plain text. Python-Markdown applies its 15 inline patterns to every text of a page (a heading,
a list item, the text after a link): about 40 % of its time on a portal page. A text with none
of the characters those patterns start with (`` ` [ < & * _ ``, a line break) besides its
backslash escapes is changed by the escapes alone, which the templates' `md` filter writes for every punctuation mark of
content text: such a text gets the escapes' result here and is marked atomic, so the inline
patterns skip it. Any other inline pattern registered (another extension) turns this off.
"""

from __future__ import annotations

import functools
import re
from xml.etree.ElementTree import Element

from markdown import Extension, Markdown, util
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import InlineProcessor, Treeprocessor

#: The first line of a block: a block element's opening tag, as the portal's templates write it.
AWAL = re.compile(r"<(div|figure|details|p|dl|ul|ol|table)[ >]")


@functools.cache
def opening(tag: str) -> re.Pattern[str]:
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
            depth += len(opening(tag).findall(line)) - line.count(f"</{tag}>")
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


#: Python-Markdown's own inline patterns (3.x), which `_PlainText` knows.
INLINE_PATTERNS = frozenset(
    {
        *("backtick", "escape", "reference", "link", "image_link", "image_reference", "short_reference"),
        *("short_image_ref", "autolink", "automail", "linebreak", "html", "entity", "em_strong"),
    }
)

#: A backslash escape, as Python-Markdown's `escape` pattern reads it.
_ESCAPE = re.compile(r"\\(.)")

#: What any inline pattern but `escape` and `backtick` needs in a text to match.
_MARKUP = re.compile(r"[\[<&*_]|  \n")


def plain_text(text: str | None, escaped: frozenset[str]) -> str | None:
    """`text` as the inline patterns write it, marked atomic, when only `escape` changes it
    (the `backtick` pattern, which runs before it, needs a backtick; the others run on the
    escaped text); `escaped`: the characters a backslash escapes (`Markdown.ESCAPED_CHARS`)."""
    if not text or isinstance(text, util.AtomicString) or "`" in text:
        return text
    plain = _ESCAPE.sub(lambda m: f"{util.STX}{ord(m[1])}{util.ETX}" if m[1] in escaped else m[0], text)
    return text if _MARKUP.search(plain) else util.AtomicString(plain)


def known_patterns(md: Markdown) -> bool:
    """Whether the inline patterns are Python-Markdown's own, applied by its one inline
    processor (an extension such as smarty runs a second one, with patterns of its own)."""
    patterns = md.inlinePatterns
    own = len(patterns) == len(INLINE_PATTERNS) and all(name in patterns for name in INLINE_PATTERNS)
    return own and sum(isinstance(t, InlineProcessor) for t in md.treeprocessors) == 1


class _PlainText(Treeprocessor):
    """Texts only the escapes change: escaped as the `escape` pattern does, and marked atomic."""

    def run(self, root: Element) -> None:
        if not known_patterns(self.md):
            return
        escaped = frozenset(self.md.ESCAPED_CHARS)
        for parent in root.iter():  # the texts the inline processor reads: every child's text and tail
            for child in parent:
                child.text = plain_text(child.text, escaped)
                child.tail = plain_text(child.tail, escaped)


class RawHtmlBlocks(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # the name Python-Markdown calls
        # before MkDocs' anchor scan (21) and `html_block` (20), which would otherwise parse it
        md.preprocessors.register(_RawHtmlBlockPreprocessor(md), "blok_mentah", 25)
        md.treeprocessors.register(_PlainText(md), "teks_polos", 21)  # just before `inline` (20)


def makeExtension(**kwargs: object) -> RawHtmlBlocks:
    return RawHtmlBlocks(**kwargs)

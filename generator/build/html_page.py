"""Pages converted without Python-Markdown when they are HTML but for their headings.

The templates write every block of a generated page as HTML (`markdown_html`) but its
headings, which make the table of contents. Python-Markdown would store those blocks whole,
parse the headings, give them ids and write the page out again: about 1 ms a page of fixed
cost (an instance with every extension, its processors over every line, the serialiser and
postprocessors), more than the rest of its work on such a page. `convert` does the same
directly for a page made only of HTML blocks (as `markdown_html` reads them), headings whose
text nothing but backslash escapes changes (`markdown_html.plain_text`) and blank lines, with
Python-Markdown's own heading pattern and the table of contents extension's own functions for
ids and names; any other page, and any page when the Markdown configuration is not the one this
module knows (`escapes`), goes to Python-Markdown as before. `tests/test_html_page.py` converts
every page of the demo and a synthetic portal both ways and compares content, table of
contents, anchors and title.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any

from markdown import Markdown, util
from markdown.blockprocessors import HashHeaderProcessor
from markdown.extensions.toc import nest_toc_tokens, slugify, strip_tags, unique
from markdown.extensions.toc import unescape as unescape_placeholders
from markdown.serializers import _escape_cdata  # type: ignore[attr-defined]  # the serialiser's own escaping

from generator.build.markdown_html import AWAL, known_patterns, opening, plain_text

#: A heading line as Python-Markdown reads it (its level, its text without closing hashes).
HEADING = HashHeaderProcessor.RE

#: What Python-Markdown's whitespace normalisation (`NormalizeWhitespace`) and the strip of
#: its output would change: a page with one of these characters, a line of spaces only, or
#: spaces at its start or end is left to it.
UNNORMALISED = ("\t", "\r", util.STX, util.ETX)
SPACES_ONLY = re.compile(r"\n +\n")

#: The Markdown extensions, and their settings, of the portal's shards (mkdocs.yml; MkDocs
#: adds toc, tables and fenced_code): what `convert` gives the same result under.
EXTENSIONS = ("toc", "tables", "fenced_code", "generator.build.markdown_html", "attr_list", "def_list")
SETTINGS: dict[str, dict[str, Any]] = {"toc": {"permalink": False}}


@dataclass(frozen=True)
class Converted:
    content: str
    toc_tokens: list[Any]  # as the toc extension nests them
    anchors: set[str]  # the ids of its headings (MkDocs checks links to anchors against them)
    title: str | None  # the first block's text when it is a level-1 heading (MkDocs' title from it)


def escapes(extensions: list[Any], settings: dict[str, Any]) -> frozenset[str] | None:
    """The characters a backslash escapes under MkDocs' Markdown configuration when `convert`
    reproduces that configuration, else None (every page goes to Python-Markdown)."""
    if tuple(extensions) != EXTENSIONS or {k: v for k, v in settings.items() if v} != SETTINGS:
        return None
    md = Markdown(extensions=list(extensions), extension_configs=settings)
    return frozenset(md.ESCAPED_CHARS) if known_patterns(md) else None


def convert(source: str, escaped: frozenset[str]) -> Converted | None:
    """The page's HTML, table of contents, anchors and title as Python-Markdown and MkDocs make
    them, or None when the page has anything but HTML blocks, plain headings and blank lines."""
    if any(c in source for c in UNNORMALISED) or SPACES_ONLY.search(source) or " " in (source[:1], source[-1:]):
        return None
    parts: list[str] = []
    tokens: list[Any] = []  # the toc extension's flat tokens
    used: set[str] = set()
    counters: dict[str, int] = {}
    title = None
    block: list[str] = []
    tag, depth = "", 0
    for line in source.split("\n"):
        if not block:
            if not line:
                continue
            start = AWAL.match(line)
            if start is None:
                heading = _heading(line, escaped, used, counters)
                if heading is None:
                    return None
                if not parts and heading[1]["level"] == 1:
                    title = heading[1]["name"]
                parts.append(heading[0])
                tokens.append(heading[1])
                continue
            tag = start.group(1)
        block.append(line)
        depth += len(opening(tag).findall(line)) - line.count(f"</{tag}>")
        if depth <= 0:
            parts.append("\n".join(block))
            block, depth = [], 0
    if block:
        return None  # a block never closed: Python-Markdown's own HTML handling
    return Converted("\n".join(parts), nest_toc_tokens(tokens), used, title)


def _heading(
    line: str, escaped: frozenset[str], used: set[str], counters: dict[str, int]
) -> tuple[str, dict[str, Any]] | None:
    """A heading's HTML and table-of-contents token (as the toc extension makes them), its id
    made unique among `used`; None for a line that is not a heading, or a heading whose text
    inline markup could change."""
    match = HEADING.match(line)
    text = plain_text(match["header"].strip(), escaped) if match and match.end() == len(line) else None
    if match is None or not isinstance(text, util.AtomicString) or "{" in text:
        return None  # `{`: an attribute list (attr_list)
    level = len(match["level"])
    inner = unescape_placeholders(_escape_cdata(text)).strip()
    name = strip_tags(inner)
    id_ = unique(slugify(html.unescape(name), "-"), used, counters)
    token = {"level": level, "id": id_, "name": name, "html": inner, "data-toc-label": ""}
    return f'<h{level} id="{id_}">{_escape_cdata(unescape_placeholders(text))}</h{level}>', token

"""Python-Markdown extension: the portal's data tables pass through as they are.

The `ui.tabel` macro writes each table as escaped HTML between a line that opens
`<div class="tabel-gulir"` and a line that is exactly `</div>`. Python-Markdown would parse
that HTML tag by tag (about half of MkDocs' time on a table-heavy page) only to write it back
unchanged; this preprocessor stores the block in Markdown's raw-HTML stash instead.
"""

from __future__ import annotations

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

AWAL = '<div class="tabel-gulir"'
AKHIR = "</div>"


class _TabelMentah(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        block: list[str] | None = None
        for line in lines:
            if block is None:
                if line.startswith(AWAL):
                    block = [line]
                else:
                    out.append(line)
                continue
            block.append(line)
            if line == AKHIR:
                out += ["", self.md.htmlStash.store("\n".join(block)), ""]
                block = None
        if block is not None:  # not closed: leave it to Markdown's own HTML handling
            out += block
        return out


class TabelMentah(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's API)
        # before `html_block` (20), which would otherwise parse the table
        md.preprocessors.register(_TabelMentah(md), "tabel_mentah", 25)


def makeExtension(**kwargs: object) -> TabelMentah:  # noqa: N802
    return TabelMentah(**kwargs)

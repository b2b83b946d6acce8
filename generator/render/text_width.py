"""How wide a chart's text is drawn, from real font metrics.

A chart names a stack of system fonts (`charts.FONT`), and the reader's browser draws its text
in whichever of them it has. `font_widths.json` holds, for every character a chart may print,
the largest advance width among free fonts that stand in for that stack on common systems
(DejaVu Sans, Liberation Sans with the metrics of Arial, Noto Sans, Roboto), measured from the
font files with fontTools. Text laid out with these widths fits whichever of them draws it.
Kerning only narrows text and is left out.

Regenerate the table (fontTools is a test dependency; the fonts are Debian's fonts-dejavu-core,
fonts-liberation, fonts-noto-core and fonts-roboto-unhinted):

    .venv/bin/python -m generator.render.text_width DejaVuSans.ttf LiberationSans-Regular.ttf ...
"""

from __future__ import annotations

import json
import sys
from functools import cache
from pathlib import Path

TABLE = Path(__file__).with_name("font_widths.json")

#: Every character a chart may print: Latin text and digits, and the signs the portal writes.
CHARACTERS = "".join(map(chr, [*range(0x20, 0x7F), *range(0xA0, 0x100)])) + "·–—…≤≥×‘’“”•→↑↓▲▼−"


@cache
def _widths() -> tuple[dict[str, float], float]:
    """Width in em per character, and the width assumed for a character not in the table (the
    widest one)."""
    em = json.loads(TABLE.read_text(encoding="utf-8"))["em"]
    return em, max(em.values())


def text_width(text: str, size: float) -> float:
    """The width in px of `text` set at `size` px in the widest of the fonts."""
    em, widest = _widths()
    return size * sum(em.get(c, widest) for c in text)


def measure(fonts: list[Path]) -> dict[str, object]:
    """The table: per character, the largest advance width (em, rounded up to 1/1000) among the
    fonts that have it."""
    from fontTools.ttLib import TTFont

    widths: dict[str, float] = {}
    names = []
    for path in fonts:
        font = TTFont(path)
        names.append(font["name"].getDebugName(4))
        cmap, metrics, units = font.getBestCmap(), font["hmtx"], font["head"].unitsPerEm
        for c in CHARACTERS:
            if ord(c) in cmap:
                width = -(-metrics[cmap[ord(c)]][0] * 1000 // units) / 1000
                widths[c] = max(widths.get(c, 0.0), width)
    return {"fonts": names, "em": widths}


if __name__ == "__main__":
    table = measure([Path(p) for p in sys.argv[1:]])
    TABLE.write_text(json.dumps(table, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")

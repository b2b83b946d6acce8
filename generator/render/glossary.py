"""The portal's glossary (site_templates/istilah.yml): the Istilah page, and every abbreviation
marked up (`<abbr title>`) wherever it appears on a page."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from markupsafe import escape

GLOSSARY = Path(__file__).resolve().parents[2] / "site_templates" / "istilah.yml"


@dataclass(frozen=True)
class Abbreviation:
    singkatan: str
    kepanjangan: str
    arti: str


@dataclass(frozen=True)
class Term:
    istilah: str
    arti: str


@dataclass(frozen=True)
class Glossary:
    singkatan: tuple[Abbreviation, ...]
    istilah: tuple[Term, ...]


@cache
def glossary() -> Glossary:
    data = yaml.safe_load(GLOSSARY.read_text(encoding="utf-8"))
    return Glossary(tuple(Abbreviation(**x) for x in data["singkatan"]), tuple(Term(**x) for x in data["istilah"]))


@cache
def _pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    """One regular expression for every abbreviation (longest first), as a whole word."""
    titles = {a.singkatan: a.kepanjangan for a in glossary().singkatan}
    words = "|".join(re.escape(a) for a in sorted(titles, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{words})(?![\w-])"), titles


#: Tags and text of an HTML fragment; the elements whose text is never marked up.
_TAG = re.compile(r"(<[^>]*>)")
_SKIP = re.compile(r"<(/?)(abbr|code|pre|script|style|svg|textarea)\b", re.I)


def mark_abbreviations(html: str) -> str:
    """`html` with every abbreviation of the glossary in its text wrapped in `<abbr title>`
    (not inside attributes, code, scripts or an existing abbr)."""
    pattern, titles = _pattern()
    out, skip = [], 0
    for part in _TAG.split(html):
        if part.startswith("<"):
            tag = _SKIP.match(part)
            if tag and not part.endswith("/>"):
                skip += -1 if tag[1] else 1
            out.append(part)
        elif skip or not part:
            out.append(part)
        else:
            out.append(pattern.sub(lambda m: f'<abbr title="{escape(titles[m[0]])}">{m[0]}</abbr>', part))
    return "".join(out)

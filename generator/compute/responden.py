"""What the portal may publish about survey respondents (docs/domain.md §6): counts of declared
categories only, small categories merged, contact data masked in published suggestions.

A response file is typed by hand or exported from a form, so a profile column may hold
anything: a name, an NIP, a phone number. Only a category the kabupaten declares
(kabupaten.yml `skm.profil`, with defaults) is ever printed; any other value, and any category
held by fewer than MIN_SEL respondents, is counted as "Lainnya" without its label.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from generator.model.content import SurveyResponse
from generator.model.portal import ProfilResponden
from generator.model.skm import KOLOM_PROFIL

#: Smallest published count of respondents in a profile cell (docs/domain.md §6).
MIN_SEL = 5

#: The row of every value that is not a declared category or is held by too few respondents.
LAINNYA = "Lainnya"

#: Age groups (upper bound in years, inclusive); ages outside 10-120 years are not ages.
USIA = ((25, "≤ 25 tahun"), (35, "26–35 tahun"), (45, "36–45 tahun"), (55, "46–55 tahun"), (120, "> 55 tahun"))


@dataclass(frozen=True)
class ProfileCell:
    kategori: str
    jumlah: int | None  # None: the merged "Lainnya" row held by fewer than MIN_SEL respondents


@dataclass(frozen=True)
class RespondentProfile:
    kolom: str
    sel: tuple[ProfileCell, ...]


def _usia(text: str) -> str:
    try:
        age = int(text)
    except ValueError:
        return LAINNYA
    if age < 10:
        return LAINNYA
    return next((label for top, label in USIA if age <= top), LAINNYA)


def _declared(kolom: str, aturan: ProfilResponden) -> tuple[list[str], dict[str, str]]:
    """The published labels of a column, in their order, and every accepted value -> its label."""
    if kolom == "usia":
        return [label for _, label in USIA], {}
    kategori = getattr(aturan, kolom)
    return [k.label for k in kategori], {v.strip().casefold(): k.label for k in kategori for v in k.nilai}


def profil_responden(jawaban: Sequence[SurveyResponse], aturan: ProfilResponden) -> tuple[RespondentProfile, ...]:
    """Respondents per declared category of each profile column, in the declared order; the
    rest (values not declared, categories under MIN_SEL) in one "Lainnya" row, whose count is
    hidden when it is under MIN_SEL too."""
    result = []
    for kolom in KOLOM_PROFIL:
        labels, accepted = _declared(kolom, aturan)
        values = [j.profil[kolom] for j in jawaban if kolom in j.profil]
        if kolom == "usia":
            counts = Counter(_usia(v) for v in values)
        else:
            counts = Counter(accepted.get(v.strip().casefold(), LAINNYA) for v in values)
        shown = [label for label in labels if label.casefold() != LAINNYA.casefold() and counts[label] >= MIN_SEL]
        rest = sum(counts.values()) - sum(counts[label] for label in shown)
        cells = [ProfileCell(label, counts[label]) for label in shown]
        if rest:
            cells.append(ProfileCell(LAINNYA, rest if rest >= MIN_SEL else None))
        if cells:
            result.append(RespondentProfile(kolom, tuple(cells)))
    return tuple(result)


#: Contact data in a free-text suggestion: an e-mail address, or a run of 8 or more digits
#: (phone numbers, NIK, NIP), also written with spaces, dots or dashes between them.
CONTACT = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+|\+?\d(?:[\s.\-/]?\d){7,}")

MASKED = "[disamarkan]"


def masked(saran: str) -> str:
    """A suggestion as published (only when the content enables it): contact data masked."""
    return CONTACT.sub(MASKED, saran)

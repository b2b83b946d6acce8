"""Indonesian number formats: reading what a clerk types, writing what a citizen reads.

Reading accepts `1.823.687.638`, `Rp 2.078.481.352`, `98,91%`, `83,5` and plain `83.5`.
A dot followed by exactly three digits in every group is a thousands separator
(the Indonesian convention), so `1.823` is one thousand eight hundred twenty-three.
Writing rounds half-up (never to even) and uses `.` for thousands and `,` for decimals.
"""

from __future__ import annotations

import math
import re
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

_THOUSANDS_ID = re.compile(r"^-?\d{1,3}(\.\d{3})+(,\d+)?$")
_DECIMAL_COMMA = re.compile(r"^-?\d+(,\d+)?$")
_DECIMAL_DOT = re.compile(r"^-?\d+\.\d+$")
_PREFIX = re.compile(r"^rp\.?\s*", re.IGNORECASE)


#: Largest magnitude of a content number: a float holds every whole number up to 2^53 (about
#: 9 × 10^15), and no figure of a kecamatan (rupiah included) comes near 10^15.
MAX_MAGNITUDE = 1e15


class NumberFormatError(ValueError):
    """A text that is not a number in any accepted format, or a number out of range."""


def parse_number(value: object) -> float:
    """Return the number a content value stands for (int, float or Indonesian text): finite
    and at most MAX_MAGNITUDE in size (YAML `.nan`, `.inf` and `1.0e+400` are refused)."""
    if isinstance(value, bool):
        raise NumberFormatError(f"{value!r} bukan angka")
    if isinstance(value, int):
        return _finite(value if abs(value) <= MAX_MAGNITUDE else math.inf)
    if isinstance(value, float):
        return _finite(value)
    if not isinstance(value, str):
        raise NumberFormatError(f"{value!r} bukan angka")
    text = value.strip().replace("\u00a0", "").replace(" ", "")
    text = _PREFIX.sub("", text).removesuffix("%")
    if _THOUSANDS_ID.match(text):
        return _finite(float(text.replace(".", "").replace(",", ".")))
    if _DECIMAL_COMMA.match(text):
        return _finite(float(text.replace(",", ".")))
    if _DECIMAL_DOT.match(text):
        return _finite(float(text))
    raise NumberFormatError(f"'{_short(value)}' tidak dapat dibaca sebagai angka")


def _finite(number: float) -> float:
    if math.isnan(number):
        raise NumberFormatError("bukan angka (.nan)")
    if abs(number) > MAX_MAGNITUDE:
        raise NumberFormatError("angka terlalu besar atau tak hingga (.inf): paling besar 10^15")
    return float(number)


def _short(text: str) -> str:
    return text if len(text) <= 40 else f"{text[:40]}…"


def printed_decimals(text: str) -> int:
    """How many decimals a number was printed with (`"100,36"` -> 2, `"1.823.687.636"` -> 0,
    `"82.9"` -> 1): the precision a printed figure is compared at. Assumes `parse_number`
    reads the text."""
    cleaned = _PREFIX.sub("", text.strip().replace("\u00a0", "").replace(" ", "")).removesuffix("%")
    if _THOUSANDS_ID.match(cleaned) or _DECIMAL_COMMA.match(cleaned):
        return len(cleaned.partition(",")[2])
    return len(cleaned.partition(".")[2])


#: Formatting is pure and the same few thousand values recur on every page (Decimal is slow).
_cached = lru_cache(maxsize=1 << 16)


@_cached
def round_half_up(value: float, decimals: int) -> Decimal:
    """Round for display, half-up, from the shortest decimal form of the float."""
    quantum = Decimal(1).scaleb(-decimals)
    return Decimal(repr(value)).quantize(quantum, rounding=ROUND_HALF_UP)


@_cached
def format_number(value: float | None, decimals: int = 2, missing: str = "belum ada data") -> str:
    """`1823687638.0, 0` -> `1.823.687.638`; `98.9137, 2` -> `98,91`."""
    if value is None:
        return missing
    rounded = round_half_up(value, decimals)
    if rounded == 0:
        rounded = abs(rounded)
    sign = "-" if rounded < 0 else ""
    whole, _, fraction = f"{abs(rounded):.{decimals}f}".partition(".")
    groups = f"{int(whole):,}".replace(",", ".")
    return f"{sign}{groups},{fraction}" if decimals else f"{sign}{groups}"


@_cached
def format_value(value: float | str | None, missing: str = "belum ada data") -> str:
    """A target or realisasi: a grade as is, a number as typed but at most 2 decimals."""
    if isinstance(value, str):
        return value
    return missing if value is None else format_plain(float(round_half_up(value, 2)))


def format_percent(value: float | None, missing: str = "belum ada data") -> str:
    """`100.3593` -> `100,36 %`."""
    return missing if value is None else f"{format_number(value, 2)} %"


def format_plain(value: float | None, missing: str = "belum ada data") -> str:
    """A content value as typed: no trailing zeros (`83.5` -> `83,5`, `80.0` -> `80`)."""
    if value is None:
        return missing
    text = format(Decimal(repr(value)).normalize(), "f")
    decimals = len(text.partition(".")[2])
    return format_number(value, decimals, missing)


def format_rupiah(value: float | None, missing: str = "—") -> str:
    """A full amount: `1823687638` -> `Rp 1.823.687.638`."""
    return missing if value is None else f"Rp {format_number(value, 0)}"


def format_rupiah_ringkas(value: float | None, missing: str = "—") -> str:
    """A headline amount as people say it: `3443692072` -> `Rp 3,44 miliar`, `6750000` -> `Rp 6,75 juta`."""
    if value is None:
        return missing
    for size, word in ((1e12, "triliun"), (1e9, "miliar"), (1e6, "juta")):
        if abs(value) >= size:
            return f"Rp {format_number(value / size, 2)} {word}"
    return format_rupiah(value)

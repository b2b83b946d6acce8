"""Value types shared by the content schemas: Indonesian numbers, counts, ids, grades."""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

from generator.numbers import NumberFormatError, parse_number

#: Order of ordinal grades (SAKIP), worst first. docs/domain.md §3.1.
GRADES: tuple[str, ...] = ("D", "C", "CC", "B", "BB", "A", "AA")


def slug(text: str) -> str:
    """A name as a part of a figure's address: `Kabupaten Lumajang` -> `kabupaten-lumajang`,
    `Non ASN` -> `non-asn` (ASCII, lowercase; "" when it has no letter or digit)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _number(value: object) -> float:
    try:
        return parse_number(value)
    except NumberFormatError as exc:
        raise PydanticCustomError("number", "{reason}", {"reason": str(exc)}) from None


def _value(value: object) -> float | str:
    """A target or realisasi: a number, or a SAKIP grade for ordinal indicators."""
    if isinstance(value, str) and value.strip().upper() in GRADES:
        return value.strip().upper()
    return _number(value)


def _count(value: object) -> int:
    """A whole count, also written Indonesian style (`"39.725"`)."""
    number = _number(value)
    if number != int(number) or number < 0:
        raise PydanticCustomError("number", "harus bilangan bulat tidak negatif, bukan {value}", {"value": value})
    return int(number)


def _blank_to_none(value: object) -> object:
    return None if isinstance(value, str) and not value.strip() else value


Number = Annotated[float, BeforeValidator(_number)]


Count = Annotated[int, BeforeValidator(_count)]


Area = Annotated[float, BeforeValidator(_number), Field(gt=0)]


Positive = Annotated[float, BeforeValidator(_number), Field(gt=0)]


Value = Annotated[float | str, BeforeValidator(_value)]


Id = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$", max_length=60)]


Colour = Annotated[str, Field(pattern=r"^#[0-9A-Fa-f]{6}$")]


#: The public address of the site: http(s), a host, a path; nothing a page could be made to
#: run (`"><script>`) and nothing that needs escaping in a URL.
Url = Annotated[str, Field(pattern=r"^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~/-]*)?$", max_length=200)]


Text = Annotated[str, Field(min_length=1)]


Tahun = Annotated[int, Field(ge=2000, le=2100)]


#: Why a negative target or value is refused (an indicator with `nilai_negatif: true` may have them).
NEGATIVE = (
    "{field} negatif: indikator ini tidak menerima nilai di bawah 0 (isi nilai_negatif: true bila memang bisa negatif)"
)


OptionalValue = Annotated[Value | None, BeforeValidator(_blank_to_none)]


#: An optional text in a CSV row: an empty cell is no text, as a missing one (never "").
OptionalText = Annotated[str | None, BeforeValidator(_blank_to_none)]


class Schema(BaseModel):
    """Every content model: unknown keys are errors (typos), text is stripped."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


Rupiah = Annotated[float, BeforeValidator(_number), Field(ge=0)]


#: An amount in a CSV row: an empty cell is no data (never 0).
OptionalRupiah = Annotated[Rupiah | None, BeforeValidator(_blank_to_none)]


#: A share of a whole, in percent.
Persen = Annotated[float, BeforeValidator(_number), Field(ge=0, le=100)]


Nrr = Annotated[float, BeforeValidator(_number), Field(ge=1, le=4)]


Ikm = Annotated[float, BeforeValidator(_number), Field(ge=25, le=100)]

"""Pydantic validation errors as problems: file, line, readable field path, Indonesian message and English key."""

from __future__ import annotations

import difflib
import re
from typing import Any, Protocol, TypeVar, get_args

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from generator.load import Document
from generator.problems import Problem, Problems

S = TypeVar("S", bound=BaseModel)


class YearFile(Protocol):
    """A year file's content: it names its kecamatan and year."""

    @property
    def kecamatan(self) -> str: ...

    @property
    def tahun(self) -> int: ...


#: Keys that moved elsewhere: (schema, key) -> where the value goes now.
_MOVED = {("Target", "renstra"): "target Renstra ditulis di renstra.yml (per versi dan tahun)"}


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The pydantic model an annotation holds (through Optional, list, dict values, Annotated)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _schema_at(schema: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The model that holds the last key of `loc` (None when the path leaves the models)."""
    current: type[BaseModel] | None = schema
    for step in loc[:-1]:
        if current is None:
            return None
        if isinstance(step, int) or step not in current.model_fields:
            continue  # a list index or a dict key (e.g. an unsur code) stays in the same model
        current = _model_in(current.model_fields[step].annotation)
    return current


_MESSAGES = {
    "missing": ("required", "wajib diisi"),
    "string_type": ("type", 'harus berupa teks (beri tanda kutip bila berupa angka, mis. "1.2")'),
    "int_type": ("type", "harus berupa bilangan bulat"),
    "int_parsing": ("type", "harus berupa bilangan bulat"),
    "int_from_float": ("type", "harus berupa bilangan bulat"),
    "bool_type": ("type", "harus true atau false"),
    "bool_parsing": ("type", "harus true atau false"),
    "list_type": ("type", "harus berupa daftar (baris-baris diawali '- ')"),
    "model_type": ("type", "harus berupa pemetaan 'kunci: nilai'"),
    "dict_type": ("type", "harus berupa pemetaan 'kunci: nilai'"),
    "string_too_short": ("required", "tidak boleh kosong"),
    "too_short": ("required", "minimal {min_length} isian"),
    "greater_than_equal": ("range", "tidak boleh kurang dari {ge}"),
    "greater_than": ("range", "harus lebih besar dari {gt}"),
    "less_than_equal": ("range", "tidak boleh lebih dari {le}"),
    "less_than": ("range", "harus lebih kecil dari {lt}"),
    "too_long": ("range", "paling banyak {max_length} isian"),
    "float_type": ("number", "harus berupa angka"),
    "float_parsing": ("number", "harus berupa angka"),
    "string_too_long": ("pattern", "terlalu panjang (maksimal {max_length} karakter)"),
}


#: Errors our own validators raise (PydanticCustomError): their message is already Indonesian.
_OWN = {"required", "value_kind", "range", "pattern"}


def _unknown_key(schema: type[BaseModel], loc: tuple[Any, ...]) -> str:
    """Why a key is unknown, with a suggestion from the keys allowed at that place only."""
    key = str(loc[-1])
    holder = _schema_at(schema, loc)
    if holder is not None and (holder.__name__, key) in _MOVED:
        return f"kunci tidak dikenal: {_MOVED[holder.__name__, key]}"
    allowed = sorted(holder.model_fields) if holder is not None else []
    close = difflib.get_close_matches(key, allowed, n=1)
    hint = f"; maksud Anda '{close[0]}'?" if close else f"; kunci yang dikenal di sini: {', '.join(allowed)}"
    return f"kunci tidak dikenal (salah ketik?){hint}" if allowed else "kunci tidak dikenal (salah ketik?)"


def _choices(expected: str) -> str:
    """Pydantic's "'a', 'b' or 'c'" in Indonesian: "'a', 'b' atau 'c'"."""
    return re.sub(r" or (?=[^,]*$)", " atau ", expected)


def _message(error: ErrorDetails, schema: type[BaseModel]) -> tuple[str, str]:
    kind, ctx = error["type"], error.get("ctx") or {}
    if kind == "extra_forbidden":
        return "unknown_key", _unknown_key(schema, tuple(error["loc"]))
    if kind == "literal_error":
        return "choice", f"harus salah satu dari: {_choices(str(ctx.get('expected', '')))}"
    if kind == "string_pattern_mismatch":
        if "#" in ctx.get("pattern", ""):
            return "pattern", "warna harus kode hex 6 digit, mis. #1a7f37"
        if "https?" in ctx.get("pattern", ""):
            return "pattern", "alamat harus http(s)://nama-host/jalur, mis. https://kinerja.lumajangkab.go.id/"
        return "pattern", "hanya huruf, angka, titik, garis bawah dan tanda hubung, tanpa spasi"
    if kind == "negative":
        return "negative", error["msg"]
    if kind in {"number", "scale_gap_overlap"}:
        key = "number" if kind == "number" else kind
        return key, error["msg"] if kind == "scale_gap_overlap" else f"angka tidak valid: {error['msg']}"
    if kind in _MESSAGES:
        key, text = _MESSAGES[kind]
        return key, text.format(**ctx)
    if kind in _OWN:
        return kind, error["msg"]
    return "invalid", f"nilai tidak valid di sini ({kind})"


def _path(data: Any, loc: tuple[Any, ...]) -> str:
    """Readable field path: list items by their `id` where they have one, else #n (1-based)."""
    parts: list[str] = []
    for step in loc:
        if isinstance(step, int):
            item = data[step] if isinstance(data, list) and step < len(data) else None
            ident = item.get("id") if isinstance(item, dict) else None
            parts[-1:] = [f"{parts[-1] if parts else ''}[{ident if isinstance(ident, str) else f'#{step + 1}'}]"]
            data = item
        else:
            parts.append(str(step))
            data = data.get(step) if isinstance(data, dict) else None
    return ".".join(parts)


def _value_at(data: Any, loc: tuple[Any, ...]) -> Any:
    for step in loc:
        try:
            data = data[step]
        except (KeyError, IndexError, TypeError):
            return None
    return None if isinstance(data, (dict, list)) else data


def parse_document(
    schema: type[S],
    doc: Document,
    problems: list[Problem],
    line: int | None = None,
    data: Any = None,
    prefix: str = "",
) -> S | None:
    """Validate `data` (default: the document) against `schema`, recording problems."""
    data = doc.data if data is None else data
    try:
        return schema.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors():
            loc = tuple(step for step in error["loc"] if step not in {"float", "str", "function-before[_value()]"})
            key, message = _message(error, schema)
            problems.append(
                Problem(
                    doc.path,
                    prefix + _path(data, loc),
                    message,
                    key,
                    _value_at(data, loc) if error["type"] != "missing" else None,
                    line if line is not None else doc.line_of(loc),
                )
            )
        return None


def csv_rows(doc: Document, schema: type[S], problems: list[Problem]) -> list[tuple[S, int]]:
    """Every valid row of a CSV document as `schema`, with its line; unknown columns and
    missing required columns are problems."""
    columns = list(schema.model_fields)
    for name in doc.data["kolom"]:
        if name not in columns:
            close = difflib.get_close_matches(name or "", columns, n=1)
            hint = f"; maksud Anda '{close[0]}'?" if close else ""
            problems.append(
                Problem(
                    doc.path,
                    name or "",
                    f"kolom tidak dikenal{hint}; kolom yang dikenal: {', '.join(columns)}",
                    "unknown_column",
                    line=1,
                )
            )
    required = [n for n, f in schema.model_fields.items() if f.is_required()]
    missing = [n for n in required if n not in doc.data["kolom"]]
    for name in missing:
        problems.append(Problem(doc.path, name, "kolom wajib tidak ada", "required", line=1))
    if missing:
        return []
    rows = []
    for raw_row, line in zip(doc.data["baris"], doc.lines):
        row = parse_document(schema, doc, problems, line=line, data={k: v for k, v in raw_row.items() if k in columns})
        if row is not None:
            rows.append((row, line))
    return rows


def has_errors(problems: list[Problem], before: int) -> bool:
    """Whether an error (not a warning) was found since `problems` held `before` entries."""
    if isinstance(problems, Problems):  # it keeps only some of them
        return problems.error_since(before)
    return any(p.severity == "error" for p in problems[before:])


def check_folder(doc: Document, data: YearFile, kecamatan_slug: str, tahun: int, problems: list[Problem]) -> None:
    """A year file names the kecamatan and year of the folder it sits in."""
    if data.kecamatan != kecamatan_slug:
        problems.append(
            Problem(
                doc.path,
                "kecamatan",
                f"data ini milik kecamatan '{data.kecamatan}', tetapi berada di folder '{kecamatan_slug}'",
                "wrong_kecamatan",
                data.kecamatan,
                doc.line_of(("kecamatan",)),
            )
        )
    if data.tahun != tahun:
        problems.append(
            Problem(
                doc.path,
                "tahun",
                f"tahun {data.tahun} tidak sama dengan folder {tahun}",
                "wrong_year",
                data.tahun,
                doc.line_of(("tahun",)),
            )
        )

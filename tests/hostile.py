"""Hostile content for tests: a text appended to every free-text field of every content file,
found from the schemas (a field of plain text: no pattern, no choice list, no number), so the
content still validates and every text the portal can print carries it."""

from __future__ import annotations

import csv
import io
import re
import types
import typing
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from generator import model as m
from generator.compute.portal import compute
from generator.load import load_content
from generator.numbers import NumberFormatError, parse_number
from generator.problems import ContentError
from generator.validate import validate

#: Markup, a script, a request to another host, template and Markdown syntax, an entity.
PAYLOAD = (
    "<img src=x onerror=alert(1)>\"'><script>alert(2)</script>"
    '<img src="http://contoh.invalid/x.png"> {{ 7*7 }} *tebal* [tautan](http://contoh.invalid/) &amp;'
)

#: What the payload may never be in HTML, SVG or the search index: raw (it would run) or
#: escaped twice (a reader would see `&lt;`, or a Markdown escape written into HTML: `\(`).
RAW = ("<img src=x onerror", "<script>alert(2)", '<img src="http://contoh.invalid')
TWICE = ("&amp;lt;img", "&amp;lt;script", "alert\\(")

#: Content file name -> the schema of the file (or of one CSV row).
SCHEMAS: dict[str, type[BaseModel]] = {
    "portal.yml": m.Portal,
    "kabupaten.yml": m.Kabupaten,
    "kecamatan.yml": m.Kecamatan,
    "renstra.yml": m.Renstra,
    "kinerja.yml": m.Kinerja,
    "program.yml": m.DaftarProgram,
    "skm.yml": m.Skm,
    "sumber-daya.yml": m.SumberDaya,
    "indeks.yml": m.DaftarIndeks,
    "narasi.yml": m.Narasi,
    "realisasi.csv": m.BarisRealisasi,
    "riwayat.csv": m.BarisRiwayat,
    "riwayat-anggaran.csv": m.BarisRiwayatAnggaran,
    "pembanding.csv": m.BarisPembanding,
    "nilai-kecamatan.csv": m.BarisNilaiKecamatan,
    "dilaporkan.csv": m.BarisDilaporkan,
}

#: Texts that are references, matched by value elsewhere: changing them changes the data.
REFERENCES = {
    (m.RincianSdm, "kelompok"),  # "semua" means all staff
    (m.BarisNilaiKecamatan, "kecamatan"),  # a kecamatan's name, matched to its folder
    (m.BarisDilaporkan, "alamat"),  # a register address
}

#: Texts that may be numbers as printed: only the others (a printed predikat) take the payload.
PRINTED = {(m.BarisDilaporkan, "nilai")}


def schema_of(path: Path) -> type[BaseModel] | None:
    if re.fullmatch(r"individu-tw[1-4]\.yml", path.name):
        return m.LaporanIndividu
    return SCHEMAS.get(path.name)


def _constraints(metadata: list[Any]) -> Iterator[Any]:
    for item in metadata:
        yield item
        yield from _constraints(list(getattr(item, "metadata", None) or []))


def _is_text(annotation: Any, metadata: list[Any]) -> bool:
    """A plain text: `str` without a pattern or a validator that reads it as something else."""
    if typing.get_origin(annotation) is typing.Annotated:
        base, *extra = typing.get_args(annotation)
        return _is_text(base, [*metadata, *extra])
    if any(getattr(x, "pattern", None) or "Validator" in type(x).__name__ for x in _constraints(metadata)):
        return False
    return annotation is str


def _parts(annotation: Any) -> list[Any]:
    """The alternatives of an optional or union annotation."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return [a for a in typing.get_args(annotation) if a is not type(None)]
    return [annotation]


def _walk(value: Any, annotation: Any, metadata: list[Any], change: Callable[[str], str]) -> Any:
    """`value` with `change` applied to every plain text in it, guided by its annotation."""
    for part in _parts(annotation):
        origin, args = typing.get_origin(part), typing.get_args(part)
        if origin is typing.Annotated:
            return _walk(value, args[0], [*metadata, *args[1:]], change)
        if isinstance(value, str) and _is_text(part, metadata):
            return change(value)
        if isinstance(part, type) and issubclass(part, BaseModel) and isinstance(value, dict):
            return {k: _field(part, k, v, change) for k, v in value.items()}
        if origin is list and isinstance(value, list):
            return [_walk(v, args[0], [], change) for v in value]
        if origin is dict and isinstance(value, dict):
            key_type, value_type = args
            return {
                (_walk(k, key_type, [], change) if isinstance(k, str) else k): _walk(v, value_type, [], change)
                for k, v in value.items()
            }
    return value


def _field(schema: type[BaseModel], name: str, value: Any, change: Callable[[str], str]) -> Any:
    field = schema.model_fields.get(name)
    if field is None or (schema, name) in REFERENCES:
        return value
    if (schema, name) in PRINTED and _is_number(value):
        return value
    return _walk(value, field.annotation, list(field.metadata), change)


def _is_number(value: Any) -> bool:
    try:
        parse_number(value)
    except NumberFormatError:
        return False
    return True


def content_files(root: Path) -> Iterator[tuple[Path, type[BaseModel]]]:
    for path in sorted(root.rglob("*")):
        schema = schema_of(path)
        if path.is_file() and schema is not None:
            yield path, schema


def inject(root: Path, change: Callable[[str], str] = lambda text: f"{text} {PAYLOAD}") -> int:
    """Apply `change` to every free-text field of every YAML and CSV content file under `root`
    (survey responses excluded: their own tests plant data there); the number of texts changed."""
    count = 0

    def counted(text: str) -> str:
        nonlocal count
        count += 1
        return change(text)

    for path, schema in content_files(root):
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".yml":
            data = _walk(yaml.safe_load(text), schema, [], counted)
            path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
            continue
        rows = list(csv.DictReader(io.StringIO(text)))
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=list(rows[0]) if rows else [], lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _field(schema, k, v, counted) if v else v for k, v in row.items()})
        path.write_text(out.getvalue(), encoding="utf-8")
    _drop_unknown_addresses(root)
    return count


def _drop_unknown_addresses(root: Path) -> None:
    """Remove the rows of dilaporkan.csv whose figure the changed texts made disappear: a name is
    part of its figures' addresses (`pembanding/<id>/<pembanding>/...`), a unit decides what is
    computed (`%`)."""
    try:
        compute(validate(load_content(root)))
    except ContentError as exc:
        unknown = [(p.file, p.line) for p in exc.problems if p.key == "unknown_address"]
        for file in {f for f, _ in unknown}:
            drop = {line for f, line in unknown if f == file}
            lines = file.read_text(encoding="utf-8").splitlines(keepends=True)
            file.write_text("".join(t for n, t in enumerate(lines, 1) if n not in drop), encoding="utf-8")

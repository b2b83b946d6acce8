"""Values below 0 of an indicator that cannot have them (`nilai_negatif` not set): a negative
target would publish a capaian such as -103,58 % "Sangat Rendah"."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from generator import model as m
from generator.load import Document
from generator.model.types import NEGATIVE
from generator.problems import Problem


def negative_problems(
    file: Path, where: str, values: Mapping[str, object] | Mapping[int, object], allowed: bool, line: int | None = None
) -> Iterator[Problem]:
    """A problem for each number below 0 in `values` (field -> value), unless `allowed`."""
    if allowed:
        return
    for name, value in values.items():
        if isinstance(value, float) and value < 0:
            field = f"{where}.{name}" if where else str(name)
            yield Problem(file, field, NEGATIVE.format(field=name), "negative", value, line)


def negative_rows(
    doc: Document, rows: Iterable[tuple[m.Schema, int]], indikator: Mapping[str, m.Indikator | m.IndikatorBersama]
) -> Iterator[Problem]:
    """Negative values in CSV rows of an indicator (`indikator` column) that cannot have them;
    rows of an indicator no year has (a discontinued one) are not checked."""
    for row, line in rows:
        ind = indikator.get(getattr(row, "indikator", ""))
        values: dict[str, object] = {
            f: getattr(row, f) for f in ("target", "realisasi", "nilai") if f in type(row).model_fields
        }
        yield from negative_problems(doc.path, "", values, ind is None or ind.nilai_negatif, line)


def negative_targets(doc: Document, renstra: m.Renstra, indikator: Mapping[str, m.Indikator]) -> Iterator[Problem]:
    """Negative Renstra targets of an indicator that cannot have them."""
    for v, versi in enumerate(renstra.versi):
        for ident, targets in versi.target.items():
            ind = indikator.get(ident)
            line = doc.line_of(("versi", v, "target", ident))
            yield from negative_problems(
                doc.path, f"versi[#{v + 1}].target.{ident}", targets, ind is None or ind.nilai_negatif, line
            )

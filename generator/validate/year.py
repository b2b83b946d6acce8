"""Checks of one year folder: ids, references between kinerja.yml, program.yml and realisasi.csv, value kinds, composite-index weights."""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TypeVar

from generator import model as m
from generator.load import Document, RawYear
from generator.model.content import YearData
from generator.problems import Problem
from generator.validate.ids import all_indikator, id_kinds, program_nodes, wrong_kind
from generator.validate.ranges import negative_problems
from generator.validate.schema import check_folder, csv_rows, has_errors, parse_document
from generator.validate.skm import check_numeric_iku, validate_skm

#: The optional year files beside kinerja.yml that name their kecamatan and year.
Y = TypeVar("Y", m.SumberDaya, m.DaftarIndeks, m.Narasi)


def _kind_problems(ind: m.Indikator, where: str, values: dict[str, Any]) -> Iterator[tuple[str, str, Any]]:
    for name, value in values.items():
        if value is None:
            continue
        if ind.jenis_nilai == "angka" and isinstance(value, str):
            yield (
                f"{where}.{name}",
                "indikator berjenis angka, tetapi nilai berupa predikat (ubah jenis_nilai: ordinal?)",
                value,
            )
        if ind.jenis_nilai == "ordinal" and not isinstance(value, str):
            yield f"{where}.{name}", f"indikator ordinal memerlukan predikat ({'/'.join(m.GRADES)})", value


def _check_year(
    raw: RawYear,
    kecamatan_slug: str,
    kinerja: m.Kinerja,
    program: m.DaftarProgram | None,
    rows: dict[str, tuple[m.BarisRealisasi, int]],
    problems: list[Problem],
) -> None:
    kdoc = raw.kinerja
    assert kdoc is not None
    check_folder(kdoc, kinerja, kecamatan_slug, raw.tahun, problems)

    ids: Counter[str] = Counter()
    for t in kinerja.tujuan:
        ids.update([t.id, *(s.id for s in t.sasaran)])
    ids.update(node.id for _, node in program_nodes(program))
    indikator = dict(all_indikator(kinerja, program))
    ids.update(ind.id for ind in indikator.values())
    for ident, count in ids.items():
        if count > 1:
            problems.append(
                Problem(
                    kdoc.path,
                    "id",
                    f"id '{ident}' dipakai {count} kali dalam tahun {raw.tahun} "
                    "(kinerja.yml dan program.yml); setiap id harus unik",
                    "duplicate_id",
                    ident,
                )
            )

    iku_ids = {ind.id for path, ind in indikator.items() if path.startswith("tujuan")}
    sasaran_ids = {s.id for t in kinerja.tujuan for s in t.sasaran} | {t.id for t in kinerja.tujuan} | iku_ids
    kinds = id_kinds(kinerja, program)
    if program is not None and raw.program is not None:
        for i, p in enumerate(program.program):
            for j, ref in enumerate(p.mendukung):
                if ref not in sasaran_ids:
                    problems.append(
                        Problem(
                            raw.program.path,
                            f"program[{p.id}].mendukung[#{j + 1}]",
                            f"sasaran/tujuan/IKU '{ref}' tidak ada di kinerja.yml"
                            + wrong_kind(ref, "sasaran, tujuan atau IKU", kinds),
                            "unknown_reference",
                            ref,
                            raw.program.line_of(("program", i, "mendukung", j)),
                        )
                    )

    for path, ind in indikator.items():
        for where, message, value in _kind_problems(ind, f"{path}.target", dict(ind.target)):
            problems.append(Problem(_file_of(raw, path), where, message, "value_kind", value))
        problems += negative_problems(_file_of(raw, path), f"{path}.target", dict(ind.target), ind.nilai_negatif)
    if raw.realisasi is not None:  # the rows come from it
        _check_rows(raw, raw.realisasi, rows, indikator, problems, kinds)


def _file_of(raw: RawYear, path: str) -> Path:
    """The file an indicator's path points into: kinerja.yml for tujuan and sasaran, else program.yml."""
    doc = raw.kinerja if path.startswith("tujuan") else raw.program
    if doc is None:
        raise ValueError(f"{path}: an indicator without the file it was read from")
    return doc.path


def _check_rows(
    raw: RawYear,
    rdoc: Document,
    rows: dict[str, tuple[m.BarisRealisasi, int]],
    indikator: dict[str, m.Indikator],
    problems: list[Problem],
    kinds: dict[str, str],
) -> None:
    """Each realisasi.csv row names a known indicator, has values of its kind and, with period
    values only, an aggregation rule to make the annual value; a likely misread number is a warning."""
    by_id = {ind.id: (path, ind) for path, ind in indikator.items()}
    for ident, (row, line) in rows.items():
        if ident not in by_id:
            close = difflib.get_close_matches(ident, list(by_id), n=1)
            hint = wrong_kind(ident, "indikator", kinds) or (f"; maksud Anda '{close[0]}'?" if close else "")
            problems.append(
                Problem(
                    rdoc.path,
                    "indikator",
                    f"indikator '{ident}' tidak ada di kinerja.yml atau program.yml{hint}",
                    "unknown_reference",
                    ident,
                    line,
                )
            )
            continue
        _, ind = by_id[ident]
        values = {**row.periods(), "tahunan": row.tahunan}
        for where, message, value in _kind_problems(ind, "", values):
            problems.append(Problem(rdoc.path, where.lstrip("."), message, "value_kind", value, line))
        problems += negative_problems(rdoc.path, "", values, ind.nilai_negatif, line)
        problems.extend(_thousands_misread(rdoc, line, ind, values))
        if row.periods() and row.tahunan is None and ind.agregasi is None:
            path, _ = by_id[ident]
            problems.append(
                Problem(
                    _file_of(raw, path),
                    f"{path}.agregasi",
                    "agregasi wajib diisi karena realisasi tahunan dihitung dari nilai triwulan "
                    "(rata-rata, jumlah, terakhir atau maks)",
                    "required",
                )
            )


#: A number written with dots before groups of three digits: read as thousands (`90.480` = 90480).
THOUSANDS = re.compile(r"^-?\d{1,3}(\.\d{3})+$")


def _thousands_misread(doc: Document, line: int, ind: m.Indikator, values: dict[str, Any]) -> list[Problem]:
    """A warning for a value like `90.480` (read as 90480) when the indicator's other values (its
    targets and other realisasi) are all below 1.000: most likely a decimal point meant as a comma."""
    cells: dict[str, str] = next((r for r, n in zip(doc.data["baris"], doc.lines) if n == line), {})
    targets = (ind.target.pk_awal, ind.target.pk_perubahan, ind.target.renja)
    problems = []
    for column, value in values.items():
        text = (cells.get(column) or "").strip()
        if not isinstance(value, float) or value < 1000 or not THOUSANDS.match(text):
            continue
        others = [v for k, v in values.items() if k != column] + list(targets)
        numbers = [abs(v) for v in others if isinstance(v, (int, float))]
        if numbers and max(numbers) < 1000:
            read = f"{value:,.0f}".replace(",", ".")
            decimal = text.replace(".", ",")
            problems.append(
                Problem(
                    doc.path,
                    column,
                    f"'{text}' dibaca {read} karena titik adalah pemisah ribuan, padahal nilai lain indikator ini "
                    f'di bawah 1.000; bila maksudnya bilangan desimal, tulis "{decimal}"',
                    "thousands_separator",
                    text,
                    line,
                    severity="warning",
                )
            )
    return problems


def _rows(doc: Document, problems: list[Problem]) -> dict[str, tuple[m.BarisRealisasi, int]]:
    rows: dict[str, tuple[m.BarisRealisasi, int]] = {}
    for row, line in csv_rows(doc, m.BarisRealisasi, problems):
        if row.indikator in rows:
            problems.append(
                Problem(
                    doc.path,
                    "indikator",
                    f"indikator '{row.indikator}' muncul dua kali (baris {rows[row.indikator][1]} dan {line})",
                    "duplicate_id",
                    row.indikator,
                    line,
                )
            )
            continue
        rows[row.indikator] = (row, line)
    return rows


def validate_year(
    raw: RawYear, kecamatan_slug: str, problems: list[Problem], sintetis: bool = False
) -> YearData | None:
    """One year folder; `sintetis`: the content is a synthetic portal (`kinerja demo`), the only
    place synthetic inputs may be."""
    if raw.kinerja is None:
        return None
    before = len(problems)
    kinerja = parse_document(m.Kinerja, raw.kinerja, problems)
    program = parse_document(m.DaftarProgram, raw.program, problems) if raw.program else None
    rows = _rows(raw.realisasi, problems) if raw.realisasi else {}
    if kinerja is None or (raw.program and program is None):
        return None
    _check_year(raw, kecamatan_slug, kinerja, program, rows, problems)
    iku = dict(all_indikator(kinerja, None))
    kinds = id_kinds(kinerja, program)
    skm = validate_skm(raw, kecamatan_slug, iku, problems, sintetis, kinds) if raw.skm else None
    sumber_daya = _year_file(m.SumberDaya, raw.sumber_daya, kecamatan_slug, raw.tahun, problems)
    indeks = _year_file(m.DaftarIndeks, raw.indeks, kecamatan_slug, raw.tahun, problems)
    narasi = _year_file(m.Narasi, raw.narasi, kecamatan_slug, raw.tahun, problems)
    if raw.indeks is not None and indeks is not None:
        _check_indeks(raw.indeks, indeks, {i.id: i for i in iku.values()}, problems, kinds)
    if raw.narasi is not None and narasi is not None:
        sasaran = {s.id for t in kinerja.tujuan for s in t.sasaran}
        for j, n in enumerate(narasi.sasaran):
            if n.sasaran not in sasaran:
                problems.append(
                    Problem(
                        raw.narasi.path,
                        f"sasaran[#{j + 1}].sasaran",
                        f"sasaran '{n.sasaran}' tidak ada di kinerja.yml"
                        + wrong_kind(n.sasaran, "sasaran", kinds)
                        + f"; sasaran yang ada: {', '.join(sorted(sasaran))}",
                        "unknown_reference",
                        n.sasaran,
                        raw.narasi.line_of(("sasaran", j, "sasaran")),
                    )
                )
    if has_errors(problems, before):
        return None
    docs = (
        raw.kinerja,
        raw.program,
        raw.realisasi,
        raw.skm,
        raw.sumber_daya,
        raw.indeks,
        raw.narasi,
        raw.dilaporkan,
        *raw.responden.values(),
    )
    return YearData(
        raw.tahun,
        kinerja,
        program,
        {k: r for k, (r, _) in rows.items()},
        tuple(d.path for d in docs if d is not None),
        skm,
        sumber_daya,
        indeks,
        narasi,
    )


def _year_file(
    schema: type[Y], doc: Document | None, kecamatan_slug: str, tahun: int, problems: list[Problem]
) -> Y | None:
    """An optional year file parsed against its schema, naming the folder's kecamatan and year."""
    if doc is None:
        return None
    parsed = parse_document(schema, doc, problems)
    if parsed is not None:
        check_folder(doc, parsed, kecamatan_slug, tahun, problems)
    return parsed


def _check_indeks(
    doc: Document, daftar: m.DaftarIndeks, iku: dict[str, m.Indikator], problems: list[Problem], kinds: dict[str, str]
) -> None:
    """Weights add up to the declared maximum (100 by default); the linked IKU exists and takes numbers."""
    for i, indeks in enumerate(daftar.indeks):
        where = f"indeks[{indeks.id}]"
        if indeks.cara == "jumlah":
            continue
        bobot = [a.bobot for a in indeks.aspek if a.bobot is not None]
        missing = [j for j, a in enumerate(indeks.aspek) if a.bobot is None]
        for j in missing:
            problems.append(
                Problem(
                    doc.path,
                    f"{where}.aspek[#{j + 1}].bobot",
                    f"wajib diisi untuk cara '{indeks.cara}' (tanpa bobot: cara 'jumlah')",
                    "required",
                    None,
                    doc.line_of(("indeks", i, "aspek", j)),
                )
            )
        if missing:
            continue
        total = sum(bobot)
        maksimum = indeks.maksimum if indeks.maksimum is not None else 100
        if abs(total - maksimum) > 1e-6:
            problems.append(
                Problem(
                    doc.path,
                    f"{where}.aspek",
                    f"jumlah bobot {total:g} tidak sama dengan {maksimum:g}",
                    "weights",
                    total,
                    doc.line_of(("indeks", i, "aspek")),
                )
            )
    for i, indeks in enumerate(daftar.indeks):
        where = f"indeks[{indeks.id}]"
        if indeks.indikator is not None and indeks.indikator not in iku:
            problems.append(
                Problem(
                    doc.path,
                    f"{where}.indikator",
                    f"IKU '{indeks.indikator}' tidak ada di kinerja.yml" + wrong_kind(indeks.indikator, "IKU", kinds),
                    "unknown_reference",
                    indeks.indikator,
                    doc.line_of(("indeks", i, "indikator")),
                )
            )
        if indeks.indikator is not None:
            loc = ("indeks", i, "indikator")
            check_numeric_iku(
                doc, f"{where}.indikator", loc, iku.get(indeks.indikator), f"total {indeks.nama}", problems
            )
        if indeks.cara == "poin":
            for j, a in enumerate(indeks.aspek):
                if a.bobot is not None and a.nilai > a.bobot:  # a missing bobot is reported above
                    problems.append(
                        Problem(
                            doc.path,
                            f"{where}.aspek[#{j + 1}].nilai",
                            f"nilai {a.nilai:g} melebihi bobotnya {a.bobot:g}",
                            "range",
                            a.nilai,
                            doc.line_of(("indeks", i, "aspek", j, "nilai")),
                        )
                    )

"""Checks of the survey: skm.yml against its layanan and raw-response files, answer cell by answer cell."""

from __future__ import annotations

import difflib
from collections import Counter

from generator import model as m
from generator.load import Document, RawYear
from generator.model.content import SkmData, SurveyResponse
from generator.problems import Problem
from generator.validate.ids import wrong_kind
from generator.validate.schema import check_folder, parse_document

SINTETIS_DITOLAK = (
    "data sintetis tidak boleh diterbitkan sebagai data kecamatan: hanya portal contoh yang ditulis "
    "`kinerja demo` boleh memuatnya (pindahkan contoh ini ke portal contoh)"
)


def validate_skm(
    raw: RawYear,
    kecamatan_slug: str,
    iku: dict[str, m.Indikator],
    problems: list[Problem],
    sintetis: bool = False,
    kinds: dict[str, str] | None = None,
) -> SkmData | None:
    """skm.yml and its answer files; `kinds`: what each id of the year names, for messages."""
    doc = raw.skm
    assert doc is not None
    skm = parse_document(m.Skm, doc, problems)
    if skm is None:
        return None
    check_folder(doc, skm, kecamatan_slug, raw.tahun, problems)
    if skm.sintetis and not sintetis:
        problems.append(
            Problem(doc.path, "sintetis", SINTETIS_DITOLAK, "synthetic_data", "true", doc.line_of(("sintetis",)))
        )
    layanan = {lay.id for lay in skm.layanan}
    if skm.indikator is not None and skm.indikator not in {i.id for i in iku.values()}:
        problems.append(
            Problem(
                doc.path,
                "indikator",
                f"indikator '{skm.indikator}' tidak ada di kinerja.yml" + wrong_kind(skm.indikator, "IKU", kinds or {}),
                "unknown_reference",
                skm.indikator,
                doc.line_of(("indikator",)),
            )
        )
    by_id = {i.id: i for i in iku.values()}
    if skm.indikator is not None:
        check_numeric_iku(doc, "indikator", ("indikator",), by_id.get(skm.indikator), "IKM", problems)
    for ident, count in Counter(p.id for p in skm.periode).items():
        if count > 1:
            problems.append(
                Problem(doc.path, "periode", f"periode '{ident}' muncul {count} kali", "duplicate_id", ident)
            )
    responden: dict[str, tuple[SurveyResponse, ...]] = {}
    used: set[str] = set()
    for i, periode in enumerate(skm.periode):
        where = f"periode[{periode.id}]"
        for j, lay in enumerate(periode.layanan):
            if lay.layanan not in layanan:
                problems.append(
                    Problem(
                        doc.path,
                        f"{where}.layanan[#{j + 1}].layanan",
                        _unknown_layanan(layanan),
                        "unknown_reference",
                        lay.layanan,
                        doc.line_of(("periode", i, "layanan", j, "layanan")),
                    )
                )
        if periode.berkas is None:
            continue
        used.add(periode.berkas)
        csv_doc = raw.responden.get(periode.berkas)
        if csv_doc is None:
            problems.append(
                Problem(
                    doc.path,
                    f"{where}.berkas",
                    f"berkas '{periode.berkas}' tidak ada di folder {raw.folder.name}",
                    "missing_file",
                    periode.berkas,
                    doc.line_of(("periode", i, "berkas")),
                )
            )
            continue
        responden[periode.id] = survey_responses(csv_doc, layanan, problems, sintetis)
    for name, csv_doc in raw.responden.items():
        if name not in used:
            problems.append(
                Problem(
                    csv_doc.path,
                    "",
                    "berkas jawaban tidak dipakai: sebutkan di skm.yml (periode[...].berkas)",
                    "unknown_file",
                )
            )
    return SkmData(skm, responden)


def check_numeric_iku(
    doc: Document,
    path: str,
    loc: tuple[str | int, ...],
    ind: m.Indikator | None,
    sumber: str,
    problems: list[Problem],
) -> None:
    """The IKU whose realisasi the portal computes (the IKM, an index total) takes numbers, not grades."""
    if ind is not None and ind.jenis_nilai == "ordinal":
        problems.append(
            Problem(
                doc.path,
                path,
                f"indikator '{ind.id}' berjenis ordinal (predikat), tetapi realisasinya diambil dari {sumber} "
                "yang berupa angka; tautkan ke indikator berjenis angka",
                "value_kind",
                ind.id,
                doc.line_of(loc),
            )
        )


def _unknown_layanan(declared: set[str]) -> str:
    known = ", ".join(sorted(declared)) or "(belum ada; isi daftar layanan di skm.yml)"
    return f"layanan tidak dikenal; layanan yang dinyatakan di skm.yml: {known}"


def _answer(text: str) -> int | str | None:
    """An answer cell: None when blank, the score 1-4, or the reason it is invalid."""
    text = (text or "").strip()
    if not text:
        return None
    if text in ("1", "2", "3", "4"):
        return int(text)
    return "jawaban harus bilangan bulat 1, 2, 3 atau 4 (kosongkan bila tidak dijawab)"


def survey_responses(
    doc: Document, layanan: set[str], problems: list[Problem], sintetis: bool = False
) -> tuple[SurveyResponse, ...]:
    """Raw responses checked cell by cell: file, row (line) and column in every message; answers
    numbered as synthetic ones only in a synthetic portal (also used by `kinerja impor-skm` on a form
    export)."""
    columns = doc.data["kolom"]
    for name in columns:
        if name not in m.KOLOM_RESPONDEN:
            close = difflib.get_close_matches(name or "", m.KOLOM_RESPONDEN, n=1)
            hint = f"; maksud Anda '{close[0]}'?" if close else ""
            problems.append(Problem(doc.path, name or "", f"kolom tidak dikenal{hint}", "unknown_column", line=1))
    missing = [u for u in m.KODE_UNSUR if u not in columns]
    if missing:
        problems.append(
            Problem(doc.path, ", ".join(missing), "kolom jawaban unsur wajib ada (U1 sampai U9)", "required", line=1)
        )
        return ()
    expectation = [f"E{i}" for i in range(1, 10)]
    has_e = any(e in columns for e in expectation)
    if has_e and not all(e in columns for e in expectation):
        problems.append(
            Problem(
                doc.path,
                "E1..E9",
                "kolom harapan harus lengkap E1 sampai E9 atau tidak ada sama sekali",
                "required",
                line=1,
            )
        )
        has_e = False
    rows = []
    synthetic = [
        line
        for row, line in zip(doc.data["baris"], doc.lines)
        if (row.get("responden") or "").strip().startswith(m.AWALAN_RESPONDEN_SINTETIS)
    ]
    if synthetic and not sintetis:
        problems.append(
            Problem(
                doc.path,
                "responden",
                f"{SINTETIS_DITOLAK}; {len(synthetic)} jawaban bernomor {m.AWALAN_RESPONDEN_SINTETIS}...",
                "synthetic_data",
                line=synthetic[0],
            )
        )
    for row, line in zip(doc.data["baris"], doc.lines):
        cells = {}
        for col in (*m.KODE_UNSUR, *(expectation if has_e else ())):
            value = _answer(row.get(col, ""))
            if isinstance(value, str):
                problems.append(Problem(doc.path, col, value, "answer_range", row.get(col), line))
                value = None
            cells[col] = value
        lay = (row.get("layanan") or "").strip() or None
        if lay is not None and lay not in layanan:
            problems.append(Problem(doc.path, "layanan", _unknown_layanan(layanan), "unknown_reference", lay, line))
        rows.append(
            SurveyResponse(
                lay,
                {k: (row.get(k) or "").strip() for k in m.KOLOM_PROFIL if (row.get(k) or "").strip()},
                tuple(cells[u] for u in m.KODE_UNSUR),
                tuple(cells[e] for e in expectation) if has_e else None,
                (row.get("saran") or "").strip() or None,
            )
        )
    if not any(v is not None for r in rows for v in r.kinerja):
        problems.append(
            Problem(doc.path, "", "periode tanpa jawaban yang sah: tidak ada satu pun jawaban U1-U9", "empty_period")
        )
    else:
        for i, kode in enumerate(m.KODE_UNSUR):
            if all(r.kinerja[i] is None for r in rows):
                problems.append(
                    Problem(
                        doc.path,
                        kode,
                        "tidak ada satu pun jawaban untuk unsur ini pada periode ini; IKM tidak dapat dihitung",
                        "empty_period",
                        line=1,
                    )
                )
    return tuple(rows)

"""Stage 2, validate: raw documents -> typed content, or every problem found in one run.

Shape and type checks come from the pydantic schemas in `generator.model`; this module
adds the checks that span fields and files (ids, references, folder names, value kinds)
and turns every finding into a `Problem` with file, line, field path, value and an
Indonesian message with its English key.
"""

from __future__ import annotations

import difflib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping

from pydantic import BaseModel, ValidationError

from . import model as m
from .load import Document, RawContent, RawKabupaten, RawKecamatan, RawTahun
from .problems import ContentError, Problem


@dataclass(frozen=True)
class Jawaban:
    """One respondent's answers (never published): U1..U9 and E1..E9 on 1-4, None = blank."""

    layanan: str | None
    profil: dict[str, str]
    kinerja: tuple[int | None, ...]
    harapan: tuple[int | None, ...] | None
    saran: str | None


@dataclass(frozen=True)
class SkmData:
    skm: m.Skm
    responden: dict[str, tuple[Jawaban, ...]]   # periode id -> raw responses


@dataclass(frozen=True)
class TahunData:
    tahun: int
    kinerja: m.Kinerja
    program: m.DaftarProgram | None
    realisasi: dict[str, m.BarisRealisasi]
    files: tuple[Path, ...]
    skm: SkmData | None = None
    sumber_daya: m.SumberDaya | None = None
    indeks: m.DaftarIndeks | None = None
    narasi: m.Narasi | None = None


@dataclass(frozen=True)
class IndividuData:
    """A quarterly report per jabatan (Laporan Kinerja Individu)."""

    laporan: m.LaporanIndividu
    file: Path

    @property
    def tahun(self) -> int:
        return self.laporan.tahun

    @property
    def triwulan(self) -> int:
        return self.laporan.triwulan


@dataclass(frozen=True)
class KecamatanData:
    slug: str
    profil: m.Kecamatan
    tahun: tuple[TahunData, ...]
    file: Path
    individu: tuple[IndividuData, ...] = ()
    riwayat: tuple[m.BarisRiwayat, ...] = ()
    pembanding: tuple[m.BarisPembanding, ...] = ()
    renstra: m.Renstra | None = None


@dataclass(frozen=True)
class KabupatenData:
    slug: str
    profil: m.Kabupaten
    kecamatan: tuple[KecamatanData, ...]
    file: Path
    nilai_kecamatan: tuple[m.BarisNilaiKecamatan, ...] = ()


@dataclass(frozen=True)
class Content:
    root: Path
    portal: m.Portal
    kabupaten: tuple[KabupatenData, ...]
    warnings: tuple[Problem, ...] = ()
    diubah: dict[Path, int] = field(default_factory=dict)   # file -> last change (epoch seconds)

    def tanggal(self, files: Iterable[Path]) -> int:
        """When the newest of `files` last changed (0 when unknown)."""
        return max((self.diubah.get(f, 0) for f in files), default=0)


# ---------------------------------------------------------------- pydantic errors -> Problems

_KNOWN_KEYS = sorted(
    {name for cls in vars(m).values() if isinstance(cls, type) and issubclass(cls, BaseModel) for name in cls.model_fields}
)

_MESSAGES = {
    "missing": ("required", "wajib diisi"),
    "string_type": ("type", "harus berupa teks (beri tanda kutip bila berupa angka, mis. \"1.2\")"),
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
    "string_too_long": ("pattern", "terlalu panjang (maksimal {max_length} karakter)"),
}


def _message(error: dict[str, Any]) -> tuple[str, str]:
    kind, ctx = error["type"], error.get("ctx") or {}
    if kind == "extra_forbidden":
        close = difflib.get_close_matches(str(error["loc"][-1]), _KNOWN_KEYS, n=1)
        hint = f"; maksud Anda '{close[0]}'?" if close else ""
        return "unknown_key", f"kunci tidak dikenal (salah ketik?){hint}"
    if kind == "literal_error":
        return "choice", f"harus salah satu dari: {ctx.get('expected', '')}"
    if kind == "string_pattern_mismatch":
        if "#" in ctx.get("pattern", ""):
            return "pattern", "warna harus kode hex 6 digit, mis. #1a7f37"
        return "pattern", "hanya huruf, angka, titik, garis bawah dan tanda hubung, tanpa spasi"
    if kind in {"number", "scale_gap_overlap"}:
        key = "number" if kind == "number" else kind
        return key, error["msg"] if kind == "scale_gap_overlap" else f"angka tidak valid: {error['msg']}"
    if kind in _MESSAGES:
        key, text = _MESSAGES[kind]
        return key, text.format(**ctx)
    return "invalid", error["msg"]


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


def _parse(schema: type[BaseModel], doc: Document, problems: list[Problem], line: int | None = None,
           data: Any = None, prefix: str = "") -> Any:
    """Validate `data` (default: the document) against `schema`, recording problems."""
    data = doc.data if data is None else data
    try:
        return schema.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors():
            loc = tuple(step for step in error["loc"] if step not in {"float", "str", "function-before[_value()]"})
            key, message = _message(error)
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


# ---------------------------------------------------------------- cross-field checks


def all_indikator(kinerja: m.Kinerja, program: m.DaftarProgram | None) -> Iterator[tuple[str, m.Indikator]]:
    """Every indicator of a year with its YAML-style path, IKU first."""
    for t in kinerja.tujuan:
        for ind in t.indikator:
            yield f"tujuan[{t.id}].indikator[{ind.id}]", ind
        for s in t.sasaran:
            for ind in s.indikator:
                yield f"tujuan[{t.id}].sasaran[{s.id}].indikator[{ind.id}]", ind
    for path, node in program_nodes(program):
        for ind in node.indikator:
            yield f"{path}.indikator[{ind.id}]", ind


def program_nodes(program: m.DaftarProgram | None) -> Iterator[tuple[str, m.Program | m.Kegiatan | m.SubKegiatan]]:
    """Every program, kegiatan and sub-kegiatan with its path."""
    for p in program.program if program else ():
        yield f"program[{p.id}]", p
        for k in p.kegiatan:
            yield f"program[{p.id}].kegiatan[{k.id}]", k
            for sk in k.sub_kegiatan:
                yield f"program[{p.id}].kegiatan[{k.id}].sub_kegiatan[{sk.id}]", sk


def _kind_problems(ind: m.Indikator, where: str, values: dict[str, Any]) -> Iterator[tuple[str, str, Any]]:
    for name, value in values.items():
        if value is None:
            continue
        if ind.jenis_nilai == "angka" and isinstance(value, str):
            yield f"{where}.{name}", "indikator berjenis angka, tetapi nilai berupa predikat (ubah jenis_nilai: ordinal?)", value
        if ind.jenis_nilai == "ordinal" and not isinstance(value, str):
            yield f"{where}.{name}", f"indikator ordinal memerlukan predikat ({'/'.join(m.GRADES)})", value


def _check_folder(doc: Document, data: Any, kecamatan_slug: str, tahun: int,
                  problems: list[Problem]) -> None:
    """A year file names the kecamatan and year of the folder it sits in."""
    if data.kecamatan != kecamatan_slug:
        problems.append(Problem(doc.path, "kecamatan", f"data ini milik kecamatan '{data.kecamatan}', "
                                f"tetapi berada di folder '{kecamatan_slug}'", "wrong_kecamatan",
                                data.kecamatan, doc.line_of(("kecamatan",))))
    if data.tahun != tahun:
        problems.append(Problem(doc.path, "tahun", f"tahun {data.tahun} tidak sama dengan folder {tahun}",
                                "wrong_year", data.tahun, doc.line_of(("tahun",))))


def _check_year(raw: RawTahun, kecamatan_slug: str, kinerja: m.Kinerja, program: m.DaftarProgram | None,
                rows: dict[str, tuple[m.BarisRealisasi, int]], problems: list[Problem]) -> None:
    kdoc = raw.kinerja
    assert kdoc is not None
    _check_folder(kdoc, kinerja, kecamatan_slug, raw.tahun, problems)

    ids: Counter[str] = Counter()
    for t in kinerja.tujuan:
        ids.update([t.id, *(s.id for s in t.sasaran)])
    ids.update(node.id for _, node in program_nodes(program))
    indikator = dict(all_indikator(kinerja, program))
    ids.update(ind.id for ind in indikator.values())
    for ident, count in ids.items():
        if count > 1:
            problems.append(Problem(kdoc.path, "id", f"id '{ident}' dipakai {count} kali dalam tahun {raw.tahun} "
                                    "(kinerja.yml dan program.yml); setiap id harus unik", "duplicate_id", ident))

    iku_ids = {ind.id for path, ind in indikator.items() if path.startswith("tujuan")}
    sasaran_ids = {s.id for t in kinerja.tujuan for s in t.sasaran} | {t.id for t in kinerja.tujuan} | iku_ids
    if program is not None and raw.program is not None:
        for i, p in enumerate(program.program):
            for j, ref in enumerate(p.mendukung):
                if ref not in sasaran_ids:
                    problems.append(Problem(raw.program.path, f"program[{p.id}].mendukung[#{j + 1}]",
                                            f"sasaran/tujuan/IKU '{ref}' tidak ada di kinerja.yml", "unknown_reference",
                                            ref, raw.program.line_of(("program", i, "mendukung", j))))

    by_id = {ind.id: (path, ind) for path, ind in indikator.items()}
    for path, ind in indikator.items():
        doc = kdoc if path.startswith("tujuan") else raw.program
        for where, message, value in _kind_problems(ind, f"{path}.target", dict(ind.target)):
            problems.append(Problem(doc.path, where, message, "value_kind", value))

    assert raw.realisasi is not None or not rows
    for ident, (row, line) in rows.items():
        rdoc = raw.realisasi
        if ident not in by_id:
            close = difflib.get_close_matches(ident, list(by_id), n=1)
            hint = f"; maksud Anda '{close[0]}'?" if close else ""
            problems.append(Problem(rdoc.path, "indikator", f"indikator '{ident}' tidak ada di kinerja.yml atau "
                                    f"program.yml{hint}", "unknown_reference", ident, line))
            continue
        _, ind = by_id[ident]
        values = {**row.periods(), "tahunan": row.tahunan}
        for where, message, value in _kind_problems(ind, "", values):
            problems.append(Problem(rdoc.path, where.lstrip("."), message, "value_kind", value, line))
        if row.periods() and row.tahunan is None and ind.agregasi is None:
            path, _ = by_id[ident]
            problems.append(Problem(kdoc.path if path.startswith("tujuan") else raw.program.path, f"{path}.agregasi",
                                    "agregasi wajib diisi karena realisasi tahunan dihitung dari nilai triwulan "
                                    "(rata-rata, jumlah, terakhir atau maks)", "required"))


def csv_rows(doc: Document, schema: type[m.Schema], problems: list[Problem]) -> list[tuple[Any, int]]:
    """Every valid row of a CSV document as `schema`, with its line; unknown columns and
    missing required columns are problems."""
    columns = list(schema.model_fields)
    for name in doc.data["kolom"]:
        if name not in columns:
            close = difflib.get_close_matches(name or "", columns, n=1)
            hint = f"; maksud Anda '{close[0]}'?" if close else ""
            problems.append(Problem(doc.path, name or "", f"kolom tidak dikenal{hint}; kolom yang dikenal: "
                                    f"{', '.join(columns)}", "unknown_column", line=1))
    required = [n for n, f in schema.model_fields.items() if f.is_required()]
    missing = [n for n in required if n not in doc.data["kolom"]]
    for name in missing:
        problems.append(Problem(doc.path, name, "kolom wajib tidak ada", "required", line=1))
    if missing:
        return []
    rows = []
    for raw_row, line in zip(doc.data["baris"], doc.lines):
        row = _parse(schema, doc, problems, line=line, data={k: v for k, v in raw_row.items() if k in columns})
        if row is not None:
            rows.append((row, line))
    return rows


def _rows(doc: Document, problems: list[Problem]) -> dict[str, tuple[m.BarisRealisasi, int]]:
    rows: dict[str, tuple[m.BarisRealisasi, int]] = {}
    for row, line in csv_rows(doc, m.BarisRealisasi, problems):
        if row.indikator in rows:
            problems.append(Problem(doc.path, "indikator", f"indikator '{row.indikator}' muncul dua kali "
                                    f"(baris {rows[row.indikator][1]} dan {line})", "duplicate_id",
                                    row.indikator, line))
            continue
        rows[row.indikator] = (row, line)
    return rows


def _tahun(raw: RawTahun, kecamatan_slug: str, problems: list[Problem]) -> TahunData | None:
    if raw.kinerja is None:
        return None
    before = len(problems)
    kinerja = _parse(m.Kinerja, raw.kinerja, problems)
    program = _parse(m.DaftarProgram, raw.program, problems) if raw.program else None
    rows = _rows(raw.realisasi, problems) if raw.realisasi else {}
    if kinerja is None or (raw.program and program is None):
        return None
    _check_year(raw, kecamatan_slug, kinerja, program, rows, problems)
    iku = dict(all_indikator(kinerja, None))
    skm = _skm(raw, kecamatan_slug, iku, problems) if raw.skm else None
    extra = {}
    for name, schema in (("sumber_daya", m.SumberDaya), ("indeks", m.DaftarIndeks), ("narasi", m.Narasi)):
        doc = getattr(raw, name)
        if doc is not None and (parsed := _parse(schema, doc, problems)) is not None:
            _check_folder(doc, parsed, kecamatan_slug, raw.tahun, problems)
            extra[name] = parsed
    if "indeks" in extra:
        _check_indeks(raw.indeks, extra["indeks"], {i.id for i in iku.values()}, problems)
    if "narasi" in extra:
        sasaran = {s.id for t in kinerja.tujuan for s in t.sasaran}
        for j, n in enumerate(extra["narasi"].sasaran):
            if n.sasaran not in sasaran:
                problems.append(Problem(raw.narasi.path, f"sasaran[#{j + 1}].sasaran", f"sasaran '{n.sasaran}' tidak ada "
                                        "di kinerja.yml", "unknown_reference", n.sasaran,
                                        raw.narasi.line_of(("sasaran", j, "sasaran"))))
    if len(problems) > before:
        return None
    docs = (raw.kinerja, raw.program, raw.realisasi, raw.skm, raw.sumber_daya, raw.indeks, raw.narasi,
            *raw.responden.values())
    return TahunData(raw.tahun, kinerja, program, {k: r for k, (r, _) in rows.items()},
                     tuple(d.path for d in docs if d is not None), skm, **extra)


def _check_indeks(doc: Document, daftar: m.DaftarIndeks, iku: set[str], problems: list[Problem]) -> None:
    """Weights add up to the declared maximum (100 by default); the linked IKU exists."""
    for i, indeks in enumerate(daftar.indeks):
        where = f"indeks[{indeks.id}]"
        if indeks.cara == "jumlah":
            continue
        missing = [j for j, a in enumerate(indeks.aspek) if a.bobot is None]
        for j in missing:
            problems.append(Problem(doc.path, f"{where}.aspek[#{j + 1}].bobot", f"wajib diisi untuk cara "
                                    f"'{indeks.cara}' (tanpa bobot: cara 'jumlah')", "required", None,
                                    doc.line_of(("indeks", i, "aspek", j))))
        if missing:
            continue
        total = sum(a.bobot for a in indeks.aspek)
        maksimum = indeks.maksimum if indeks.maksimum is not None else 100
        if abs(total - maksimum) > 1e-6:
            problems.append(Problem(doc.path, f"{where}.aspek", f"jumlah bobot {total:g} tidak sama dengan "
                                    f"{maksimum:g}", "weights", total, doc.line_of(("indeks", i, "aspek"))))
    for i, indeks in enumerate(daftar.indeks):
        where = f"indeks[{indeks.id}]"
        if indeks.indikator is not None and indeks.indikator not in iku:
            problems.append(Problem(doc.path, f"{where}.indikator", f"IKU '{indeks.indikator}' tidak ada di kinerja.yml",
                                    "unknown_reference", indeks.indikator, doc.line_of(("indeks", i, "indikator"))))
        if indeks.cara == "poin":
            for j, a in enumerate(indeks.aspek):
                if a.nilai > a.bobot:
                    problems.append(Problem(doc.path, f"{where}.aspek[#{j + 1}].nilai", f"nilai {a.nilai:g} melebihi "
                                            f"bobotnya {a.bobot:g}", "range", a.nilai,
                                            doc.line_of(("indeks", i, "aspek", j, "nilai"))))


# ---------------------------------------------------------------- the satisfaction survey


def _skm(raw: RawTahun, kecamatan_slug: str, iku: dict[str, m.Indikator], problems: list[Problem]) -> SkmData | None:
    doc = raw.skm
    assert doc is not None
    skm = _parse(m.Skm, doc, problems)
    if skm is None:
        return None
    _check_folder(doc, skm, kecamatan_slug, raw.tahun, problems)
    layanan = {lay.id for lay in skm.layanan}
    if skm.indikator is not None and skm.indikator not in {i.id for i in iku.values()}:
        problems.append(Problem(doc.path, "indikator", f"indikator '{skm.indikator}' tidak ada di kinerja.yml",
                                "unknown_reference", skm.indikator, doc.line_of(("indikator",))))
    for ident, count in Counter(p.id for p in skm.periode).items():
        if count > 1:
            problems.append(Problem(doc.path, "periode", f"periode '{ident}' muncul {count} kali", "duplicate_id", ident))
    responden: dict[str, tuple[Jawaban, ...]] = {}
    used: set[str] = set()
    for i, periode in enumerate(skm.periode):
        where = f"periode[{periode.id}]"
        for j, lay in enumerate(periode.layanan):
            if lay.layanan not in layanan:
                problems.append(Problem(doc.path, f"{where}.layanan[#{j + 1}].layanan", _unknown_layanan(layanan),
                                        "unknown_reference", lay.layanan,
                                        doc.line_of(("periode", i, "layanan", j, "layanan"))))
        if periode.berkas is None:
            continue
        used.add(periode.berkas)
        csv_doc = raw.responden.get(periode.berkas)
        if csv_doc is None:
            problems.append(Problem(doc.path, f"{where}.berkas", f"berkas '{periode.berkas}' tidak ada di folder "
                                    f"{raw.folder.name}", "missing_file", periode.berkas,
                                    doc.line_of(("periode", i, "berkas"))))
            continue
        responden[periode.id] = _jawaban(csv_doc, layanan, problems)
    for name, csv_doc in raw.responden.items():
        if name not in used:
            problems.append(Problem(csv_doc.path, "", "berkas jawaban tidak dipakai: sebutkan di skm.yml "
                                    "(periode[...].berkas)", "unknown_file"))
    return SkmData(skm, responden)


def _unknown_layanan(declared: set[str]) -> str:
    known = ", ".join(sorted(declared)) or "(belum ada; isi daftar layanan di skm.yml)"
    return f"layanan tidak dikenal; layanan yang dinyatakan di skm.yml: {known}"


def _answer(text: str) -> int | None | str:
    """An answer cell: None when blank, the score 1-4, or the reason it is invalid."""
    text = (text or "").strip()
    if not text:
        return None
    if text in ("1", "2", "3", "4"):
        return int(text)
    return "jawaban harus bilangan bulat 1, 2, 3 atau 4 (kosongkan bila tidak dijawab)"


def _jawaban(doc: Document, layanan: set[str], problems: list[Problem]) -> tuple[Jawaban, ...]:
    """Raw responses checked cell by cell: file, row (line) and column in every message."""
    columns = doc.data["kolom"]
    for name in columns:
        if name not in m.KOLOM_RESPONDEN:
            close = difflib.get_close_matches(name or "", m.KOLOM_RESPONDEN, n=1)
            hint = f"; maksud Anda '{close[0]}'?" if close else ""
            problems.append(Problem(doc.path, name or "", f"kolom tidak dikenal{hint}", "unknown_column", line=1))
    missing = [u for u in m.KODE_UNSUR if u not in columns]
    if missing:
        problems.append(Problem(doc.path, ", ".join(missing), "kolom jawaban unsur wajib ada (U1 sampai U9)",
                                "required", line=1))
        return ()
    expectation = [f"E{i}" for i in range(1, 10)]
    has_e = any(e in columns for e in expectation)
    if has_e and not all(e in columns for e in expectation):
        problems.append(Problem(doc.path, "E1..E9", "kolom harapan harus lengkap E1 sampai E9 atau tidak ada sama "
                                "sekali", "required", line=1))
        has_e = False
    rows = []
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
        rows.append(Jawaban(lay, {k: (row.get(k) or "").strip() for k in m.KOLOM_PROFIL if (row.get(k) or "").strip()},
                            tuple(cells[u] for u in m.KODE_UNSUR),
                            tuple(cells[e] for e in expectation) if has_e else None,
                            (row.get("saran") or "").strip() or None))
    if not any(v is not None for r in rows for v in r.kinerja):
        problems.append(Problem(doc.path, "", "periode tanpa jawaban yang sah: tidak ada satu pun jawaban U1-U9",
                                "empty_period"))
    else:
        for i, kode in enumerate(m.KODE_UNSUR):
            if all(r.kinerja[i] is None for r in rows):
                problems.append(Problem(doc.path, kode, "tidak ada satu pun jawaban untuk unsur ini pada periode ini; "
                                        "IKM tidak dapat dihitung", "empty_period", line=1))
    return tuple(rows)


def _individu(doc: Document, kecamatan_slug: str, tahun: int, triwulan: int,
              problems: list[Problem]) -> IndividuData | None:
    before = len(problems)
    laporan = _parse(m.LaporanIndividu, doc, problems)
    if laporan is None:
        return None
    _check_folder(doc, laporan, kecamatan_slug, tahun, problems)
    if laporan.triwulan != triwulan:
        problems.append(Problem(doc.path, "triwulan", f"triwulan {laporan.triwulan} tidak sama dengan nama berkas "
                                f"(individu-tw{triwulan}.yml)", "wrong_period", laporan.triwulan,
                                doc.line_of(("triwulan",))))
    ids = Counter([j.id for j in laporan.jabatan] + [i.id for j in laporan.jabatan for i in j.indikator])
    for ident, count in ids.items():
        if count > 1:
            problems.append(Problem(doc.path, "id", f"id '{ident}' dipakai {count} kali", "duplicate_id", ident))
    return IndividuData(laporan, doc.path) if len(problems) == before else None


def _kecamatan(raw: RawKecamatan, problems: list[Problem]) -> KecamatanData | None:
    profil = _parse(m.Kecamatan, raw.profil, problems) if raw.profil else None
    years: list[TahunData | None] = []
    reports: list[IndividuData | None] = []
    for t in sorted(raw.tahun, key=lambda t: t.tahun):
        reports += [_individu(doc, raw.slug, t.tahun, tw, problems) for tw, doc in sorted(t.individu.items())]
        if (t.folder / "kinerja.yml").exists():
            years.append(_tahun(t, raw.slug, problems))
            continue
        for doc in (t.program, t.realisasi, t.skm, t.sumber_daya, t.indeks, t.narasi):
            if doc is not None:
                problems.append(Problem(doc.path, "", "berkas ini membutuhkan kinerja.yml di folder yang sama",
                                        "missing_file"))
                years.append(None)
    if profil is None or None in years or None in reports:
        return None
    before = len(problems)
    known = {i.id for t in years for _, i in all_indikator(t.kinerja, t.program)}
    riwayat = tuple(r for r, _ in _referenced(raw.riwayat, m.BarisRiwayat, known, problems))
    pembanding = tuple(r for r, _ in _referenced(raw.pembanding, m.BarisPembanding, known, problems))
    renstra = _parse(m.Renstra, raw.renstra, problems) if raw.renstra else None
    if renstra is not None:
        for v, versi in enumerate(renstra.versi):
            for j, ident in enumerate(versi.target):
                if ident not in known:
                    problems.append(Problem(raw.renstra.path, f"versi[#{v + 1}].target.{ident}",
                                            f"indikator '{ident}' tidak ada di kinerja.yml tahun mana pun",
                                            "unknown_reference", ident, raw.renstra.line_of(("versi", v, "target", ident))))
    if len(problems) > before:
        return None
    return KecamatanData(raw.slug, profil, tuple(years), raw.profil.path, tuple(reports), riwayat, pembanding, renstra)


def _referenced(doc: Document | None, schema: type[m.Schema], known: set[str],
                problems: list[Problem]) -> list[tuple[Any, int]]:
    """CSV rows whose `indikator` must be an indicator of some year of this kecamatan."""
    if doc is None:
        return []
    rows = csv_rows(doc, schema, problems)
    for row, line in rows:
        if row.indikator not in known:
            problems.append(Problem(doc.path, "indikator", f"indikator '{row.indikator}' tidak ada di kinerja.yml "
                                    "atau program.yml tahun mana pun", "unknown_reference", row.indikator, line))
    return rows


def _kabupaten(raw: RawKabupaten, problems: list[Problem], known: Mapping[str, KecamatanData]) -> KabupatenData | None:
    profil = _parse(m.Kabupaten, raw.profil, problems) if raw.profil else None
    kecamatan = [known.get(k.slug) or _kecamatan(k, problems) for k in raw.kecamatan]
    if profil is None or None in kecamatan:
        return None
    shared = {i.kode for i in profil.indikator_bersama}
    before = len(problems)
    for k in kecamatan:
        for t in k.tahun:
            for path, ind in all_indikator(t.kinerja, t.program):
                if ind.bersama is not None and ind.bersama not in shared:
                    problems.append(Problem(t.files[0], f"{path}.bersama", f"indikator bersama '{ind.bersama}' tidak "
                                            "dinyatakan di kabupaten.yml (indikator_bersama)", "unknown_reference",
                                            ind.bersama))
    nilai = csv_rows(raw.nilai_kecamatan, m.BarisNilaiKecamatan, problems) if raw.nilai_kecamatan else []
    for row, line in nilai:
        if row.indikator not in shared:
            problems.append(Problem(raw.nilai_kecamatan.path, "indikator", f"indikator bersama '{row.indikator}' tidak "
                                    "dinyatakan di kabupaten.yml (indikator_bersama)", "unknown_reference",
                                    row.indikator, line))
    if len(problems) > before:
        return None
    return KabupatenData(raw.slug, profil, tuple(kecamatan), raw.profil.path, tuple(r for r, _ in nilai))


def validate(raw: RawContent, known: Mapping[tuple[str, str], KecamatanData] | None = None) -> Content:
    """Typed, cross-checked content; raises ContentError listing every problem. `known`: the
    validated data of kecamatan (kabupaten slug, kecamatan slug) whose files are unchanged
    since they validated (a kecamatan depends on its own files only; checks that span the
    kabupaten run again), not loaded again (`load_content(skip=...)`)."""
    problems = list(raw.problems)
    portal = _parse(m.Portal, raw.portal, problems) if raw.portal else None
    known = known or {}
    kabupaten = [_kabupaten(k, problems, {kec: d for (kab, kec), d in known.items() if kab == k.slug})
                 for k in raw.kabupaten]
    errors = [p for p in problems if p.severity == "error"]
    if errors or portal is None:
        raise ContentError(errors)
    return Content(raw.root, portal, tuple(kabupaten), tuple(p for p in problems if p.severity == "warning"),
                   raw.diubah)

"""`kinerja impor-skm`: survey answers from an online-form export (CSV or XLSX) to `skm-<periode>.csv`.

A small mapping file (FORMAT.md, "Jawaban dari formulir") names the form's columns: the question
column of each unsur, the answer texts and their scores, the profile, service and suggestion
columns. Everything else in the export is left out, and the columns a form uses for names, phone
numbers, e-mail, NIK or NIP can never be mapped: they never reach the content, hence never the
site. Phone numbers, e-mail addresses and NIK/NIP typed into the free-text suggestion are
blanked out. Rows with a missing or unknown answer are reported by their row number and left
out only when the clerk asks (`--lewati-baris`). The result is checked with the rules of
`kinerja validate` for raw answers.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Literal

import pandas as pd
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from python_calamine import CalamineError

from generator import model as m
from generator.load import Document, read_yaml
from generator.load.tree import SURVEY_FILE
from generator.problems import Problem
from generator.validate import survey_responses
from generator.workbook.text import render_csv

#: Form columns that hold personal data, by their header: never mapped, always dropped.
PERSONAL = re.compile(
    r"\b(nama|name|telepon|telp|tlp|hp|handphone|ponsel|whats ?app|wa|phone|e-?mail|surel|nik|nip|"
    r"nomor induk|ktp|alamat|address)\b",
    re.IGNORECASE,
)
#: Personal data typed into free text: e-mail addresses, phone numbers, NIK (16 digits), NIP (18 digits).
PERSONAL_TEXT = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+|(\+62|\b0)[\d\s.-]{8,14}\d|\b\d{16}\b|\b\d{18}\b")
REDACTED = "[data pribadi dihapus]"
ANSWERS = {"1": 1, "2": 2, "3": 3, "4": 4}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


class Kolom(_Strict):
    """A form column and, optionally, how its answer texts translate."""

    kolom: m.Text
    jawaban: dict[str, str] = {}


class Pemetaan(_Strict):
    """The mapping file: which form column is which input of `skm-<periode>.csv`."""

    unsur: dict[Literal["U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9"], m.Text] = Field(min_length=9)
    harapan: dict[Literal["E1", "E2", "E3", "E4", "E5", "E6", "E7", "E8", "E9"], m.Text] = {}
    jawaban: dict[str, int] = Field(min_length=1)
    jawaban_unsur: dict[str, dict[str, int]] = {}
    tanggal: str | None = None
    format_tanggal: str | None = None
    layanan: Kolom | None = None
    profil: dict[Literal[m.KOLOM_PROFIL], str | Kolom] = {}  # type: ignore[valid-type]
    saran: str | None = None


@dataclass
class FormResult:
    """The answers file, and what the clerk is told."""

    text: str = ""
    rows: int = 0
    errors: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    skippable: bool = False  # the errors are rows that --lewati-baris would leave out
    dropped: list[str] = field(default_factory=list)
    redacted: int = 0


def import_form(form: Path, mapping: Path, out: Path, skip: bool) -> FormResult:
    """`kinerja impor-skm`: convert, and write `out` only when nothing is wrong. The service ids
    are those of the skm.yml beside `out`, when there is one."""
    result = FormResult()
    if not SURVEY_FILE.match(out.name):
        result.errors.append(f"{out}: nama berkas harus skm-<periode>.csv, mis. skm-s1.csv [file_name]")
        return result
    try:
        pemetaan = read_mapping(mapping)
    except ValueError as exc:
        result.errors += str(exc).splitlines()
        return result
    skm = out.parent / "skm.yml"
    layanan = None
    if skm.is_file():
        doc = read_yaml(skm, [])
        items = doc.data.get("layanan") if doc is not None and isinstance(doc.data, dict) else None
        layanan = {str(x.get("id")) for x in items or () if isinstance(x, dict)}
    try:
        frame = read_form(form)
    except (OSError, ValueError, UnicodeDecodeError, pd.errors.ParserError, CalamineError) as exc:
        result.errors.append(
            f"{form}: ekspor formulir tidak dapat dibaca ({type(exc).__name__}: {exc}) [unreadable_file]"
        )
        return result
    result = convert(frame, pemetaan, layanan, skip)
    result.errors = [_at(form, line) for line in result.errors]
    result.skipped = [_at(form, line) for line in result.skipped]
    if not result.errors:
        out.write_text(result.text, encoding="utf-8")
    return result


def _at(form: Path, line: str) -> str:
    """`baris 7: U3: ...` -> `form.csv:7: U3: ...` (the form's file and row, as `kinerja validate` names them)."""
    row = re.match(r"baris (\d+): ", line)
    return f"{form.name}:{row[1]}: {line[row.end() :]}" if row else line


def read_mapping(path: Path) -> Pemetaan:
    """The mapping file; raises ValueError naming every problem."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        return Pemetaan.model_validate(data)
    except OSError as exc:
        raise ValueError(
            f"{path}: berkas pemetaan tidak dapat dibaca ({type(exc).__name__}) [unreadable_file]"
        ) from None
    except yaml.YAMLError as exc:
        raise ValueError(f"{path}: sintaks YAML salah: {exc} [yaml_syntax]") from None
    except ValidationError as exc:
        lines = [f"{path}: {'.'.join(str(x) for x in e['loc'])}: {e['msg']} [{e['type']}]" for e in exc.errors()]
        raise ValueError("\n".join(lines)) from None


def read_form(path: Path) -> pd.DataFrame:
    """A form export as text cells (XLSX: the first sheet; CSV: comma or semicolon)."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        frame = pd.read_excel(path, dtype=object, engine="calamine")
    else:
        head = path.read_text(encoding="utf-8-sig").split("\n", 1)[0]
        frame = pd.read_csv(
            path,
            dtype=str,
            keep_default_na=False,
            encoding="utf-8-sig",
            sep=";" if head.count(";") > head.count(",") else ",",
        )
    frame.columns = [str(c).strip() for c in frame.columns]
    return frame


def convert(frame: pd.DataFrame, mapping: Pemetaan, layanan: set[str] | None, skip: bool) -> FormResult:
    """The `skm-<periode>.csv` text of a form export. `layanan`: the service ids skm.yml declares
    (None: the ids the mapping names)."""
    result = FormResult()
    used = _mapped(mapping)
    result.errors += [
        f"pemetaan: {k}: kolom '{c}' tidak ada di ekspor formulir [unknown_column]"
        for k, c in used.items()
        if c not in frame.columns
    ]
    result.errors += [
        f"pemetaan: {k}: kolom '{c}' berisi data pribadi dan tidak boleh dipetakan [personal_data]"
        for k, c in used.items()
        if not k.startswith(("U", "E")) and PERSONAL.search(c)
    ]
    if result.errors:
        return result
    result.dropped = [c for c in frame.columns if PERSONAL.search(c)]
    known = layanan if layanan is not None else set(mapping.layanan.jawaban.values()) if mapping.layanan else set()
    out = pd.DataFrame({"responden": [f"F{i + 2:05d}" for i in range(len(frame))]}, index=frame.index)
    issues: list[pd.Series] = []
    if mapping.tanggal:
        dates = _dates(frame[mapping.tanggal], mapping.format_tanggal)
        raw = _texts(frame[mapping.tanggal])
        issues.append(_issue(dates.isna() & (raw != ""), "tanggal: '" + raw + "' tidak terbaca sebagai tanggal [date]"))
        out["tanggal"] = dates.fillna("")
    if mapping.layanan:
        raw = _texts(frame[mapping.layanan.kolom])
        ids = raw.map(_lookup(mapping.layanan.jawaban, known))
        issues.append(_issue(ids.isna() & (raw != ""), "layanan: '" + raw + "' tidak dikenal [unknown_reference]"))
        out["layanan"] = ids.fillna("")
    for key, source in mapping.profil.items():
        column = source if isinstance(source, str) else source.kolom
        texts = _texts(frame[column])
        answers = {} if isinstance(source, str) else {k.casefold(): v for k, v in source.jawaban.items()}
        folded = texts.str.casefold()
        out[key] = texts.mask(folded.isin(list(answers)), folded.map(answers))
    for code, column in (*mapping.unsur.items(), *mapping.harapan.items()):
        raw = _texts(frame[column])
        scores = raw.str.casefold().map(_answers(mapping, code))
        issues.append(_issue(raw == "", f"{code}: jawaban kosong [missing_answer]"))
        issues.append(
            _issue(scores.isna() & (raw != ""), f"{code}: jawaban '" + raw + "' tidak dikenal [unknown_answer]")
        )
        out[code] = scores.map(lambda v: "" if pd.isna(v) else str(int(v)))
    if mapping.saran:
        texts = _texts(frame[mapping.saran])
        out["saran"] = texts.str.replace(PERSONAL_TEXT, REDACTED, regex=True)
        result.redacted = int((out["saran"] != texts).sum())
    bad = _bad_rows(issues, frame.index)
    if bad and not skip:
        result.errors += bad
        result.skippable = True
        return result
    result.skipped = bad
    kept = out.drop(index=[int(line.split(":")[0].split()[1]) - 2 for line in bad])
    columns = [c for c in m.KOLOM_RESPONDEN if c in kept.columns]
    records = [dict(zip(columns, r)) for r in kept[columns].itertuples(index=False, name=None)]
    result.text, _ = render_csv(columns, records)
    result.rows = len(kept)
    result.errors += _validate(columns, records, [i + 2 for i in kept.index], known)
    return result


def _issue(mask: pd.Series, message: str | pd.Series) -> pd.Series:
    """Per row: `message` where `mask` holds, else empty."""
    return pd.Series("", index=mask.index, dtype=object).mask(mask, message)


def _bad_rows(issues: list[pd.Series], index: pd.Index) -> list[str]:
    """`baris N: ...` for every row with a problem (N: the spreadsheet row, header = row 1)."""
    if not issues:
        return []
    table = pd.concat(issues, axis=1)
    flagged = table[(table != "").any(axis=1)]
    return [f"baris {i + 2}: " + "; ".join(v for v in row if v) for i, row in zip(flagged.index, flagged.values)]


def _mapped(mapping: Pemetaan) -> dict[str, str]:
    """Every form column the mapping uses, by what it becomes."""
    found: dict[str, str] = {str(k): v for k, v in (*mapping.unsur.items(), *mapping.harapan.items())}
    found |= {k: v if isinstance(v, str) else v.kolom for k, v in mapping.profil.items()}
    for key in ("tanggal", "saran"):
        if getattr(mapping, key):
            found[key] = getattr(mapping, key)
    if mapping.layanan:
        found["layanan"] = mapping.layanan.kolom
    return found


def _answers(mapping: Pemetaan, code: str) -> dict[str, int]:
    table = {**mapping.jawaban, **mapping.jawaban_unsur.get(code, mapping.jawaban_unsur.get(f"U{code[1:]}", {}))}
    return ANSWERS | {k.strip().casefold(): v for k, v in table.items()}


def _lookup(table: dict[str, str], known: set[str]) -> Any:
    folded = {k.strip().casefold(): v for k, v in table.items()} | {k.casefold(): k for k in known}
    return lambda v: folded.get(v.casefold()) if v else None


def _texts(column: pd.Series) -> pd.Series:
    """Cells as trimmed text (whole numbers without `.0`, empty for blanks)."""

    def text(v: Any) -> str:
        if v is None or (isinstance(v, float) and pd.isna(v)):
            return ""
        if isinstance(v, float) and v.is_integer():
            return str(int(v))
        return str(v).strip()

    return column.map(text)


#: Timestamp formats of form exports, tried in turn (day first, as Indonesian forms write it).
DATE_FORMATS = (
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y",
    "%Y/%m/%d %H:%M:%S",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d",
    "%d-%m-%Y %H:%M:%S",
    "%d-%m-%Y",
)


def _dates(column: pd.Series, fmt: str | None) -> pd.Series:
    """ISO dates of a timestamp column: date cells as they are, texts in `fmt` or a known format."""
    texts = _texts(column)
    parsed = pd.Series(pd.NaT, index=column.index, dtype="datetime64[ns]")
    cells = column.map(lambda v: isinstance(v, datetime))
    parsed[cells] = pd.to_datetime(column[cells])
    for pattern in (fmt,) if fmt else DATE_FORMATS:
        rest = parsed.isna() & (texts != "")
        if not rest.any():
            break
        parsed[rest] = pd.to_datetime(texts[rest], format=pattern, errors="coerce")
    return parsed.dt.strftime("%Y-%m-%d").where(parsed.notna(), None)


def _validate(columns: list[str], records: list[dict[str, str]], lines: list[int], layanan: set[str]) -> list[str]:
    """The answers checked by the raw-answer rules of `kinerja validate`, each problem at its form row."""
    doc = Document(Path("skm.csv"), {"kolom": columns, "baris": records}, lines=lines)
    problems: list[Problem] = []
    survey_responses(doc, layanan, problems)
    return [
        f"baris {p.line}: {p.path}: {p.message} (nilai: {p.value!r}) [{p.key}]"
        if p.line and p.line > 1
        else f"{p.path}: {p.message} [{p.key}]"
        for p in problems
    ]


# ---------------------------------------------------------------- synthetic exports for tests and benchmarks

QUESTIONS = tuple(
    f"{i}. Bagaimana pendapat Saudara tentang {u.lower()} pelayanan di kecamatan ini?"
    for i, u in enumerate(m.UNSUR_SKM, start=1)
)
CHOICES = ("Tidak baik", "Kurang baik", "Baik", "Sangat baik")
SERVICES = {"Perekaman KTP elektronik": "ktp-el", "Kartu Keluarga": "kk", "Surat keterangan": "surat-keterangan"}


def synthetic_form(rows: int, seed: int = 1, start: datetime = datetime(2024, 1, 2, 8)) -> pd.DataFrame:
    """A form export as online forms produce it, SYNTHETIC (no real person): a timestamp, personal
    columns (name, phone, e-mail, NIK: to prove they are dropped), profile, service, nine questions
    answered in words (some typed as 1-4) and a suggestion sometimes carrying a phone number."""
    rng = random.Random(seed)
    data: dict[str, list[Any]] = {
        k: []
        for k in (
            "Stempel waktu",
            "Nama lengkap",
            "Nomor HP/WhatsApp",
            "Alamat email",
            "NIK",
            "Jenis kelamin",
            "Usia",
            "Pendidikan terakhir",
            "Pekerjaan",
            "Jenis layanan",
            *QUESTIONS,
            "Saran dan masukan",
        )
    }
    for n in range(1, rows + 1):
        when = start + timedelta(minutes=rng.randrange(60 * 24 * 180))
        data["Stempel waktu"].append(when.strftime("%d/%m/%Y %H:%M:%S"))
        data["Nama lengkap"].append(f"Responden Sintetis {n:05d}")
        data["Nomor HP/WhatsApp"].append(f"0899-{n:04d}-{seed:04d}")
        data["Alamat email"].append(f"sintetis{n:05d}@contoh.invalid")
        data["NIK"].append(f"99{seed:04d}{n:010d}")
        data["Jenis kelamin"].append(rng.choice(("Laki-laki", "Perempuan")))
        data["Usia"].append(rng.randint(17, 75))
        data["Pendidikan terakhir"].append(rng.choice(("SD", "SMP", "SMA/SMK", "D3", "S1", "S2")))
        data["Pekerjaan"].append(rng.choice(("PNS", "Wiraswasta", "Petani", "Pelajar/Mahasiswa", "Lainnya")))
        data["Jenis layanan"].append(rng.choice(tuple(SERVICES)))
        for question in QUESTIONS:
            score = min(4, max(1, round(rng.gauss(3.2, 0.6))))
            data[question].append(str(score) if rng.random() < 0.05 else CHOICES[score - 1])
        data["Saran dan masukan"].append(
            rng.choice(("", "", "", "Antrean mohon dipercepat", f"Hubungi saya di 0899-{n:04d}-{seed:04d}"))
        )
    return pd.DataFrame(data)


def synthetic_mapping() -> str:
    """The mapping file of `synthetic_form` (also the example in FORMAT.md)."""
    lines = ["tanggal: Stempel waktu", "layanan:", "  kolom: Jenis layanan", "  jawaban:"]
    lines += [f"    {k}: {v}" for k, v in SERVICES.items()]
    lines += [
        "profil:",
        "  jenis_kelamin:",
        "    kolom: Jenis kelamin",
        "    jawaban: {Laki-laki: L, Perempuan: P}",
        "  usia: Usia",
        "  pendidikan: Pendidikan terakhir",
        "  pekerjaan: Pekerjaan",
        "saran: Saran dan masukan",
        "unsur:",
    ]
    lines += [f'  U{i}: "{q}"' for i, q in enumerate(QUESTIONS, start=1)]
    lines += ["jawaban:"] + [f"  {c}: {i}" for i, c in enumerate(CHOICES, start=1)]
    return "\n".join(lines) + "\n"

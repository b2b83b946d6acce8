"""YAML and CSV readers that keep line numbers and turn syntax errors into problems."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Hashable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from generator.load.safety import aliases_expand, read_text, too_deep
from generator.problems import Problem


@dataclass
class Document:
    """One parsed file. `node` maps YAML paths to lines; `lines` are CSV row line numbers."""

    path: Path
    data: Any
    node: yaml.Node | None = None
    lines: list[int] = field(default_factory=list)
    header: str = ""  # the comment lines a YAML file starts with

    def line_of(self, loc: tuple[str | int, ...]) -> int | None:
        """The line of the deepest YAML node on `loc` (1-based)."""
        node = self.node
        if node is None:
            return None
        line = node.start_mark.line + 1
        for step in loc:
            child = _child(node, step)
            if child is None:
                break
            node = child
            line = node.start_mark.line + 1
        return line


def _child(node: yaml.Node, step: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        pairs: list[tuple[yaml.Node, yaml.Node]] = node.value
        for key, value in pairs:
            if key.value == step:
                return value
    if isinstance(node, yaml.SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
        items: list[yaml.Node] = node.value
        return items[step]
    return None


class DuplicateKeyError(yaml.constructor.ConstructorError):
    """A mapping key written twice."""


if TYPE_CHECKING:  # CSafeLoader, when libyaml is there, has the same constructor methods
    _SafeLoader = yaml.SafeLoader
else:
    _SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


_STR = "tag:yaml.org,2002:str"


class _UniqueKeyLoader(_SafeLoader):
    """SafeLoader (libyaml when available) that rejects a key written twice in one mapping
    (a silent overwrite otherwise) and turns a scalar it cannot construct (`2024-02-30`, an
    integer of thousands of digits) into an error at its line instead of an exception."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Hashable, Any]:
        seen: dict[object, yaml.Node] = {}
        for key_node, _ in node.value:
            # A plain string key is its text: constructing it (twice, here and below) costs more.
            key = key_node.value if key_node.tag == _STR else self.construct_object(key_node, deep=deep)
            try:
                repeated = key in seen
            except TypeError:  # an unhashable key: the base class reports it
                break
            if repeated:
                raise DuplicateKeyError(
                    None, None, f"kunci '{key}' ditulis dua kali (duplicate key)", key_node.start_mark
                )
            seen[key] = key_node
        return super().construct_mapping(node, deep)

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep)
        except (ValueError, TypeError, AttributeError, OverflowError) as exc:
            kind = node.tag.rsplit(":", 1)[-1]
            raise yaml.constructor.ConstructorError(
                None, None, f"nilai {str(node.value)[:40]!r} tidak dapat dibaca sebagai {kind} ({exc})", node.start_mark
            ) from None


def read_yaml(path: Path, problems: list[Problem]) -> Document | None:
    """Parse a YAML file; a syntax error becomes a problem naming its line. Nothing is
    constructed from a file that nests too deep or whose aliases would multiply it."""
    text = read_text(path, problems)
    if text is None or too_deep(path, text, problems):
        return None
    try:
        loader = _UniqueKeyLoader(text)
        try:  # one parse: the nodes (for line numbers) and the data built from them
            node = loader.get_single_node()
            if node is not None and "&" in text and aliases_expand(path, node, problems):  # no anchor, no alias
                return None
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        reason = " ".join(filter(None, [exc.context, exc.problem]))
        line = mark.line + 1 if mark else None
        if isinstance(exc, DuplicateKeyError):
            problems.append(Problem(path, "", reason, "duplicate_key", line=line))
        else:
            problems.append(Problem(path, "", f"sintaks YAML salah: {reason}", "yaml_syntax", line=line))
        return None
    except yaml.YAMLError as exc:
        problems.append(Problem(path, "", f"sintaks YAML salah: {exc}", "yaml_syntax"))
        return None
    return Document(path, {} if data is None else data, node, header=_leading_comment(text))


def _leading_comment(text: str) -> str:
    """The comment lines at the top of a YAML text (a file's stated origin, e.g. `kinerja demo`)."""
    lines = []
    for line in text.splitlines(keepends=True):
        if not line.startswith("#"):
            break
        lines.append(line)
    return "".join(lines)


#: A number with a decimal comma written without quotes in a comma-separated row: `79,55`.
_UNQUOTED_DECIMAL = re.compile(r"(?:^|,)\s*(-?\d+,\d+)\s*(?=,|$)")


def _too_many_columns(path: Path, line: str, number: int, delimiter: str) -> Problem:
    """A row with more cells than the header; most often a decimal comma without quotes."""
    unquoted = _UNQUOTED_DECIMAL.search(_without_quoted(line)) if delimiter == "," else None
    if unquoted is None:
        return Problem(path, "", "baris berisi lebih banyak kolom dari judul kolom", "csv_columns", line=number)
    return Problem(
        path,
        "",
        "baris berisi lebih banyak kolom dari judul kolom, mungkin karena angka berkoma tanpa tanda kutip "
        f'({unquoted.group(1)}): kutip angka berkoma, mis. "{unquoted.group(1)}", atau pakai titik koma ; '
        "sebagai pemisah kolom",
        "decimal_comma",
        unquoted.group(1),
        number,
    )


def _without_quoted(line: str) -> str:
    """A CSV line with every quoted cell emptied (its commas are not separators)."""
    return re.sub(r'"(?:[^"]|"")*"', '""', line)


def read_csv(path: Path, problems: list[Problem]) -> Document | None:
    """Parse a CSV file (comma or semicolon, as spreadsheets export it) into row dicts; what
    would make its columns ambiguous (a header written twice, rows with the other separator,
    an unclosed quote) is a problem naming the line."""
    text = read_text(path, problems, "utf-8-sig")
    if text is None:
        return None
    text_lines = text.split("\n")
    first = text_lines[0]
    delimiter, other = (";", ",") if first.count(";") > first.count(",") else (",", ";")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[dict[str, str | None]] = []
    lines: list[int] = []
    read = 0  # the last line read without error
    try:
        header = next(reader, [])
        read = reader.line_num
        if _header_problems(path, header, problems):
            return None
        for fields in reader:
            if not any(f.strip() for f in fields):
                read = reader.line_num
                continue
            if len(fields) > len(header):
                problems.append(_too_many_columns(path, text_lines[reader.line_num - 1], reader.line_num, delimiter))
            elif len(header) > 1 and len(fields) == 1 and other in fields[0]:
                problems.append(
                    Problem(
                        path,
                        "",
                        f"judul kolom dipisah '{delimiter}' tetapi baris ini dipisah '{other}': simpan ulang berkas "
                        "dengan satu pemisah untuk semua baris",
                        "csv_delimiter",
                        line=reader.line_num,
                    )
                )
                return None
            else:
                rows.append({name: fields[i] if i < len(fields) else None for i, name in enumerate(header)})
                lines.append(reader.line_num)
            read = reader.line_num
    except csv.Error as exc:
        problems.append(_csv_error(path, str(exc), read + 1, reader.line_num))
        return None
    return Document(path, {"kolom": header, "baris": rows}, lines=lines)


def _header_problems(path: Path, header: list[str], problems: list[Problem]) -> bool:
    """Whether the header names a column twice (the later one would hide the earlier)."""
    twice = sorted({name for name in header if header.count(name) > 1})
    for name in twice:
        problems.append(
            Problem(
                path,
                name,
                "judul kolom ditulis dua kali: hapus atau ganti nama salah satunya",
                "duplicate_column",
                line=1,
            )
        )
    return bool(twice)


def _csv_error(path: Path, error: str, start: int, line: int) -> Problem:
    """A CSV syntax error in words a clerk can act on."""
    if "unexpected end of data" in error or ("expected after" in error and start < line):
        return Problem(
            path,
            "",
            'tanda kutip (") yang dibuka pada baris ini tidak ditutup di baris yang sama, sehingga baris '
            "berikutnya terbaca sebagai isi selnya: tutup tanda kutipnya",
            "csv_quote",
            line=start,
        )
    if "expected after" in error:
        return Problem(
            path,
            "",
            'tanda kutip (") di tengah sel: sel yang memuat tanda kutip harus diapit tanda kutip, dan setiap '
            'tanda kutip di dalamnya ditulis dua kali ("")',
            "csv_quote",
            line=line,
        )
    if "field larger than field limit" in error:
        return Problem(path, "", "sel terlalu panjang (lebih dari 131.072 karakter)", "csv_syntax", line=line)
    return Problem(path, "", f"CSV tidak dapat dibaca: {error}", "csv_syntax", line=line)

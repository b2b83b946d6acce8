"""YAML and CSV readers that keep line numbers and turn syntax errors into problems."""

from __future__ import annotations

import csv
import re
from collections.abc import Hashable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

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
    (a silent overwrite otherwise)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Hashable, Any]:
        seen: dict[object, yaml.Node] = {}
        for key_node, _ in node.value:
            # A plain string key is its text: constructing it (twice, here and below) costs more.
            key = key_node.value if key_node.tag == _STR else self.construct_object(key_node, deep=deep)
            if key in seen:
                raise DuplicateKeyError(
                    None, None, f"kunci '{key}' ditulis dua kali (duplicate key)", key_node.start_mark
                )
            seen[key] = key_node
        return super().construct_mapping(node, deep)


def read_yaml(path: Path, problems: list[Problem]) -> Document | None:
    """Parse a YAML file; a syntax error becomes a problem naming its line."""
    try:
        text = path.read_text(encoding="utf-8")
        loader = _UniqueKeyLoader(text)
        try:  # one parse: the nodes (for line numbers) and the data built from them
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except UnicodeDecodeError:
        problems.append(Problem(path, "", "berkas bukan teks UTF-8", "encoding"))
        return None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        reason = " ".join(filter(None, [exc.context, exc.problem]))
        line = mark.line + 1 if mark else None
        if isinstance(exc, DuplicateKeyError):
            problems.append(Problem(path, "", reason, "duplicate_key", line=line))
        else:
            problems.append(Problem(path, "", f"sintaks YAML salah: {reason}", "yaml_syntax", line=line))
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
    """Parse a CSV file (comma or semicolon, as spreadsheets export it) into row dicts."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        problems.append(Problem(path, "", "berkas bukan teks UTF-8", "encoding"))
        return None
    text_lines = text.splitlines()
    header = text_lines[0] if text.strip() else ""
    delimiter = ";" if header.count(";") > header.count(",") else ","
    reader = csv.DictReader(text.splitlines(keepends=True), delimiter=delimiter)
    rows, lines = [], []
    try:
        for row in reader:
            if not any((v or "").strip() for v in row.values() if isinstance(v, str)):
                continue
            if None in row:
                problems.append(_too_many_columns(path, text_lines[reader.line_num - 1], reader.line_num, delimiter))
                continue
            rows.append(row)
            lines.append(reader.line_num)
    except csv.Error as exc:
        problems.append(Problem(path, "", f"CSV tidak dapat dibaca: {exc}", "csv_syntax", line=reader.line_num))
        return None
    return Document(path, {"kolom": reader.fieldnames or [], "baris": rows}, lines=lines)

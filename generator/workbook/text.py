"""The canonical text of content files, and the comments of existing YAML files.

One canonical form per file kind, written from data and comments alone, so that content ->
workbook -> content gives the same bytes: keys in the spec's order, two-space indentation,
a blank line before each top-level block, numbers in Indonesian style (`"1.823.687.638"`,
`"83,5"`, whole numbers below 1.000 plain), a mapping of plain values on one line
(`{pk_awal: 80, pk_perubahan: 80}`) when it fits in `WIDTH` columns and holds no comment,
lists of ids as `[S1, S2]` (the items of a list all on one line each, or none), texts with
line breaks as `|` blocks, long texts folded (`>-`),
comments on their own lines before what they describe (a one-line comment of a one-line list
item after it). Scalars are quoted by PyYAML's own emitter, so every text reads back as written.
"""

from __future__ import annotations

import bisect
import csv
import io
from typing import Any

import yaml

from generator.numbers import format_plain, parse_number

WIDTH = 120  # longest line of a one-line mapping or list
FOLD = 100  # long texts are folded at about this column
Path_ = tuple[str | int, ...]
Comments = dict[Path_, list[str]]
Where = dict[Path_, int]

#: libyaml's loader when PyYAML has it (the same tokens and marks, 40 times faster).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STR, _INT, _BOOL = "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:bool"


class Angka(str):
    """A number as canonical Indonesian text (`format_plain`): quoted in YAML unless a plain integer."""

    @classmethod
    def of(cls, value: float) -> Angka:
        return cls(format_plain(value))


def canonical_number(value: Any) -> Any:
    """A number (or Indonesian number text) as `Angka`; anything unreadable is left as it is,
    for the validator to report."""
    try:
        return Angka.of(parse_number(value))
    except ValueError:
        return value


# ---------------------------------------------------------------- reading comments


def read_comments(text: str) -> Comments:
    """Every comment of a YAML text, by the path of the key or list item it stands before (a
    comment at the end of a line belongs to what starts on that line); a comment before the
    first key of the file belongs to that key, one after the last key to the last key."""
    node = yaml.compose(text, Loader=_LOADER)
    starts: list[tuple[int, int, Path_]] = []  # (line, order, path) of every key and list item
    _starts(node, (), starts)
    starts.sort(key=lambda s: (s[0], s[1]))
    lines = [s[0] for s in starts]
    found: Comments = {}
    for line, own_line, comment in _comment_lines(text):
        if own_line:
            k = min(bisect.bisect_right(lines, line), len(starts) - 1)
        else:
            k = bisect.bisect_left(lines, line)
            k -= k == len(starts) or starts[k][0] != line
        found.setdefault(starts[k][2], []).append(comment)
    return found


def _starts(node: yaml.Node | None, path: Path_, out: list[tuple[int, int, Path_]]) -> None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            out.append((key.start_mark.line, len(out), (*path, key.value)))
            _starts(value, (*path, key.value), out)
    elif isinstance(node, yaml.SequenceNode):
        for i, value in enumerate(node.value):
            out.append((value.start_mark.line, len(out), (*path, i)))
            _starts(value, (*path, i), out)


def _comment_lines(text: str) -> list[tuple[int, bool, str]]:
    """(line, whether the comment has the line to itself, text after '# ') of every comment:
    a '#' outside every token of the YAML scanner, at a line start or after a space."""
    covered = bytearray(len(text) + 1)
    for token in yaml.scan(text, Loader=_LOADER):
        covered[token.start_mark.index : token.end_mark.index] = b"\1" * (token.end_mark.index - token.start_mark.index)
    found, pos = [], 0
    for number, line in enumerate(text.split("\n")):
        col = line.find("#")
        while col >= 0 and (covered[pos + col] or (col and line[col - 1] not in " \t")):
            col = line.find("#", col + 1)
        if col >= 0:
            body = line[col + 1 :]
            found.append((number, not line[:col].strip(), body[1:] if body.startswith(" ") else body))
        pos += len(line) + 1
    return found


# ---------------------------------------------------------------- writing YAML


def render_yaml(data: dict[str, Any], comments: Comments) -> tuple[str, dict[Path_, int]]:
    """The canonical text of a YAML file, and the line (1-based) each key or list item starts on."""
    out: list[str] = []
    where: dict[Path_, int] = {}
    inner = {p[:i] for p in comments for i in range(len(p))}  # paths with a comment somewhere below
    _mapping(data, (), 0, out, where, comments, inner)
    return "\n".join(out) + "\n", where


def _mapping(
    data: dict[Any, Any], path: Path_, indent: int, out: list[str], where: Where, comments: Comments, inner: set[Path_]
) -> None:
    pad = " " * indent
    for i, (key, value) in enumerate(data.items()):
        p = (*path, str(key))
        block = isinstance(value, (dict, list)) and value
        flow = _flow(value, p, inner) if block else None
        if flow and len(pad) + len(str(key)) + 2 + len(flow) > WIDTH:
            flow = None
        if not path and i and block and not flow:
            out.append("")
        _comment(comments.get(p, ()), pad, out)
        where[p] = len(out) + 1
        if not isinstance(value, (dict, list)):
            out += [pad + line for line in _scalar_entry(key, value, indent)]
        elif not value:
            out.append(f"{pad}{_key(key)}: {'{}' if isinstance(value, dict) else '[]'}")
        elif flow:
            out.append(f"{pad}{_key(key)}: {flow}")
        elif isinstance(value, dict):
            out.append(f"{pad}{_key(key)}:")
            _mapping(value, p, indent + 2, out, where, comments, inner)
        else:
            out.append(f"{pad}{_key(key)}:")
            _sequence(value, p, indent + 2, out, where, comments, inner)


def _sequence(
    items: list[Any], path: Path_, indent: int, out: list[str], where: Where, comments: Comments, inner: set[Path_]
) -> None:
    pad = " " * indent
    flows = [_flow(item, (*path, i), inner) if isinstance(item, (dict, list)) else None for i, item in enumerate(items)]
    one_line = all(f and len(pad) + 2 + len(f) <= WIDTH for f, item in zip(flows, items) if isinstance(item, dict))
    for i, (item, flow) in enumerate(zip(items, flows)):
        p = (*path, i)
        note = list(comments.get(p, ()))
        if flow and (one_line or not isinstance(item, dict)) and len(pad) + 2 + len(flow) <= WIDTH:
            trailing = f"  # {note.pop()}" if len(note) == 1 and note[0] else ""
            _comment(note, pad, out)
            where[p] = len(out) + 1
            out.append(f"{pad}- {flow}{trailing}")
        elif isinstance(item, dict):
            first = (*p, str(next(iter(item))))
            _comment([*note, *comments.get(first, ())], pad, out)
            where[p] = len(out) + 1
            start = len(out)
            _mapping(item, p, indent + 2, out, where, {**comments, first: []}, inner)
            out[start] = f"{pad}- {out[start][indent + 2 :]}"
        else:
            _comment(note, pad, out)
            where[p] = len(out) + 1
            out += [
                pad + line for line in _dump(yaml.SequenceNode("tag:yaml.org,2002:seq", [_node(item, indent)]), indent)
            ]


def _comment(lines: Any, pad: str, out: list[str]) -> None:
    out += [f"{pad}# {line}" if line else f"{pad}#" for line in lines]


def _flow(value: dict[Any, Any] | list[Any], path: Path_, inner: set[Path_]) -> str | None:
    """`value` on one line, when it holds only one-line plain values and no comment."""
    items = value.values() if isinstance(value, dict) else value
    if path in inner or any(isinstance(v, (dict, list)) or (isinstance(v, str) and "\n" in v) for v in items):
        return None
    if isinstance(value, dict):
        node: yaml.Node = yaml.MappingNode(
            "tag:yaml.org,2002:map", [(_key_node(k), _node(v, 0, flow=True)) for k, v in value.items()], flow_style=True
        )
    else:
        node = yaml.SequenceNode("tag:yaml.org,2002:seq", [_node(v, 0, flow=True) for v in value], flow_style=True)
    text = _dump(node, 0, width=1 << 20)
    return text[0] if len(text) == 1 else None


def _scalar_entry(key: Any, value: Any, indent: int) -> list[str]:
    node = _node(value, indent + len(str(key)) + 2)
    return _dump(yaml.MappingNode("tag:yaml.org,2002:map", [(_key_node(key), node)]), indent)


def _key(key: Any) -> str:
    return _dump(yaml.SequenceNode("tag:yaml.org,2002:seq", [_key_node(key)], flow_style=True), 0)[0][1:-1]


def _key_node(key: Any) -> yaml.ScalarNode:
    return yaml.ScalarNode(_INT, str(key)) if isinstance(key, int) else yaml.ScalarNode(_STR, str(key))


def _node(value: Any, column: int, flow: bool = False) -> yaml.ScalarNode:
    """A scalar's node with its canonical style (`column`: where the value starts)."""
    if value is None:
        return yaml.ScalarNode("tag:yaml.org,2002:null", "")
    if isinstance(value, bool):
        return yaml.ScalarNode(_BOOL, "true" if value else "false")
    if isinstance(value, int):
        return yaml.ScalarNode(_INT, str(value))
    if isinstance(value, float):
        value = Angka.of(value)
    if isinstance(value, Angka):
        digits = value.lstrip("-").isdigit()
        return yaml.ScalarNode(_INT, value) if digits else yaml.ScalarNode(_STR, value, style='"')
    text = str(value)
    if not flow and "\n" in text:
        return yaml.ScalarNode(_STR, text, style="|")
    if not flow and column + len(text) > WIDTH:
        return yaml.ScalarNode(_STR, text, style=">")
    return yaml.ScalarNode(_STR, text, style=None if _plain(text, flow) else '"')


_EMITTER = yaml.emitter.Emitter(io.StringIO())
_RESOLVER = yaml.resolver.Resolver()


def _plain(text: str, flow: bool) -> bool:
    """Whether a text can be written unquoted and still read back as the same text."""
    analysis = _EMITTER.analyze_scalar(text)
    allowed = analysis.allow_flow_plain if flow else analysis.allow_block_plain
    tag = _RESOLVER.resolve(yaml.ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
    return bool(text) and allowed and tag == _STR


def _dump(node: yaml.Node, indent: int, width: int | None = None) -> list[str]:
    folded = isinstance(node, yaml.MappingNode) and node.value and node.value[0][1].style == ">"
    width = width or (FOLD - indent if folded else 1 << 20)
    text = yaml.serialize(node, Dumper=yaml.SafeDumper, allow_unicode=True, width=width)
    lines = text.split("\n")
    while lines and lines[-1] in ("", "..."):
        lines.pop()
    return lines


# ---------------------------------------------------------------- writing CSV


def render_csv(columns: list[str], rows: list[dict[str, Any]]) -> tuple[str, list[int]]:
    """The canonical text of a CSV file (comma, `\\n`, quotes only where needed) and the line
    each row starts on."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    lines, line = [], 2
    for row in rows:
        cells = ["" if row.get(c) is None else str(row[c]) for c in columns]
        writer.writerow(cells)
        lines.append(line)
        line += 1 + sum(cell.count("\n") for cell in cells)
    return out.getvalue(), lines

"""What load refuses before a file is parsed or anything in it is used: symlinks and special
files, hidden or unusable folder names, unreadable or oversized files, control characters, and
YAML whose nesting or aliases would exhaust the build's stack or memory."""

from __future__ import annotations

import os
import re
from pathlib import Path

import yaml

from generator.problems import Problem

#: Kabupaten and kecamatan folders: lower-case words joined by hyphens (they become URLs).
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

#: Longest kabupaten or kecamatan folder name (the build adds prefixes and suffixes to it).
MAX_NAME = 63

#: Largest content file: content is typed by hand or exported from a spreadsheet.
MAX_BYTES = 10 * 1024 * 1024

#: Deepest YAML nesting accepted (content needs about ten levels; libyaml crashes the process
#: somewhere above 20.000).
MAX_DEPTH = 1000

#: How many nodes YAML aliases (`*name`) may add to a document when expanded.
MAX_ALIAS_NODES = 10_000

#: Characters a text file of content may not hold: C0 and C1 controls other than tab and line
#: breaks (a form feed or NUL often comes along when text is pasted from a PDF) and non-characters.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")

_NAMES = {
    "\x00": "NUL",
    "\x08": "backspace",
    "\x0b": "tab vertikal",
    "\x0c": "form feed / pindah halaman",
    "\x1b": "escape",
    "\x7f": "delete",
    "\x85": "next line",
}


def folder_name_problem(name: str) -> str | None:
    """Why `name` cannot be a kabupaten or kecamatan folder, or None when it can."""
    if len(name) > MAX_NAME:
        return f"nama folder terlalu panjang ({len(name)} karakter; paling panjang {MAX_NAME})"
    if not SLUG.match(name):
        return "nama folder harus huruf kecil, angka dan tanda hubung, mis. kedungjajang"
    return None


def is_place_folder(path: Path) -> bool:
    """A kabupaten or kecamatan folder: a real folder (not a symlink) with a usable name."""
    return folder_name_problem(path.name) is None and path.is_dir() and not path.is_symlink()


def entries(folder: Path, problems: list[Problem]) -> list[Path]:
    """The entries of a content folder that load may read: files and folders, sorted. Symlinks,
    special files and hidden folders are problems (never followed); hidden files (editor and
    system files such as .DS_Store) are skipped."""
    try:
        with os.scandir(folder) as it:
            found = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        problems.append(Problem(folder, "", f"folder tidak dapat dibaca: {exc.strerror}", "unreadable"))
        return []
    kept = []
    for entry in found:
        path = Path(entry.path)
        if entry.is_symlink():
            problems.append(
                Problem(
                    path,
                    "",
                    "tautan simbolik (symlink) tidak diizinkan di folder konten: salin berkas atau folder "
                    "aslinya ke sini",
                    "symlink",
                )
            )
        elif entry.name.startswith("."):
            if entry.is_dir(follow_symlinks=False) and entry.name != ".git":
                problems.append(
                    Problem(
                        path,
                        "",
                        "folder tersembunyi (nama diawali titik) tidak dibaca: hapus titik di depan namanya, "
                        "atau pindahkan folder ini ke luar folder konten",
                        "hidden_folder",
                    )
                )
        elif not entry.is_dir(follow_symlinks=False) and not entry.is_file(follow_symlinks=False):
            problems.append(Problem(path, "", "bukan berkas biasa atau folder", "special_file"))
        else:
            kept.append(path)
    return kept


def read_text(path: Path, problems: list[Problem], encoding: str = "utf-8") -> str | None:
    """A content file's text, or None with a problem: unreadable, too large, not UTF-8, or
    holding control characters."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            problems.append(
                Problem(
                    path,
                    "",
                    f"berkas terlalu besar ({size / 1024 / 1024:.1f} MB; paling besar "
                    f"{MAX_BYTES // 1024 // 1024} MB per berkas): pecah menjadi beberapa berkas",
                    "too_large",
                )
            )
            return None
        text = path.read_text(encoding=encoding)
    except UnicodeDecodeError:
        problems.append(Problem(path, "", "berkas bukan teks UTF-8", "encoding"))
        return None
    except OSError as exc:
        problems.append(Problem(path, "", f"berkas tidak dapat dibaca: {exc.strerror}", "unreadable"))
        return None
    bad = CONTROL.search(text)
    if bad is None:
        return text
    char, at = bad.group(), bad.start()
    line = text.count("\n", 0, at) + 1
    column = at - text.rfind("\n", 0, at)
    count = len(CONTROL.findall(text))
    more = f" (dan {count - 1} lagi di berkas ini)" if count > 1 else ""
    name = _NAMES.get(char, "karakter kendali")
    problems.append(
        Problem(
            path,
            "",
            f"karakter tak terlihat U+{ord(char):04X} ({name}) di kolom {column}{more}; biasanya terbawa saat "
            "menyalin dari PDF atau pengolah kata: hapus karakter itu",
            "control_character",
            line=line,
        )
    )
    return None


#: Characters every level of YAML nesting needs at least one of (flow brackets, block indicators).
_NESTING = "[{-?:"


def too_deep(path: Path, text: str, problems: list[Problem]) -> bool:
    """Whether the YAML text nests deeper than MAX_DEPTH (a problem then). libyaml composes
    recursively and crashes the process on tens of thousands of levels, so the depth is read
    from the event stream first, unless the text cannot nest that deep at all."""
    if sum(text.count(c) for c in _NESTING) <= MAX_DEPTH:
        return False
    loader = yaml.CSafeLoader(text) if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader(text)
    depth = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    problems.append(
                        Problem(
                            path,
                            "",
                            f"struktur YAML bersarang terlalu dalam (lebih dari {MAX_DEPTH} tingkat)",
                            "yaml_depth",
                            line=event.start_mark.line + 1 if event.start_mark else None,
                        )
                    )
                    return True
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        return False  # a syntax error: reported when the text is parsed
    finally:
        loader.dispose()
    return False


def aliases_expand(path: Path, node: yaml.Node, problems: list[Problem]) -> bool:
    """Whether YAML aliases make the document refer to itself or grow by more than
    MAX_ALIAS_NODES nodes when expanded (a problem then). An alias is the same node object as
    its anchor, so the nodes form a graph; its expanded size is counted without expanding it."""
    size: dict[int, int] = {}
    reused: yaml.Node | None = None  # the first node that refers to an anchored node again
    stack: list[tuple[yaml.Node, yaml.Node, bool]] = [(node, node, False)]
    open_nodes: set[int] = set()
    while stack:
        current, parent, done = stack.pop()
        key = id(current)
        children = _children(current)
        if done:
            open_nodes.discard(key)
            size[key] = 1 + sum(size[id(c)] for c in children)
            continue
        if key in open_nodes:
            return _alias_problem(path, parent, problems, "alias YAML merujuk ke dirinya sendiri")
        if key in size:
            reused = reused or parent
            continue
        open_nodes.add(key)
        stack.append((current, parent, True))
        stack += [(c, current, False) for c in children]
    distinct, expanded = len(size), size[id(node)]
    if reused is not None and expanded - distinct > MAX_ALIAS_NODES:
        grown = f"{expanded:,} simpul dari {distinct:,}".replace(",", ".")
        return _alias_problem(path, reused, problems, f"alias YAML (*) memperbesar berkas menjadi {grown}")
    return False


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    return []


def _alias_problem(path: Path, node: yaml.Node, problems: list[Problem], reason: str) -> bool:
    problems.append(
        Problem(
            path,
            "",
            f"{reason}: tulis nilainya langsung (jangkar & dan alias * hanya untuk mengulang teks pendek)",
            "yaml_alias",
            line=node.start_mark.line + 1,
        )
    )
    return True

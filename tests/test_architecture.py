"""The pipeline runs one way: each package imports only from the stages before it
(docs/architecture.md §1)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

GENERATOR = Path(__file__).resolve().parents[1] / "generator"

#: What each part of `generator` may import from the others.
ALLOWED = {
    "numbers": set(),
    "problems": set(),
    "parallel": set(),  # work split over forked processes
    "load": {"problems"},
    "model": {"numbers", "problems"},
    "validate": {"load", "model", "problems"},
    "compute": {"model", "numbers", "problems"},
    "render": {"compute", "model", "numbers", "parallel"},
    "build": {"load", "model", "validate", "compute", "render", "numbers", "problems", "parallel"},
    "synthetic": {"model", "numbers"},
    "check": set(),  # reads a built folder only
    "workbook": {"load", "model", "validate", "compute", "numbers", "problems"},
}
ALLOWED["cli"] = set(ALLOWED) | {"build"}


def _part(path: Path) -> str:
    """`generator/render/pages/laporan.py` -> `render`; `generator/cli.py` -> `cli`."""
    return path.relative_to(GENERATOR).parts[0].removesuffix(".py")


def imports(path: Path, part: str) -> set[str]:
    """The other parts of `generator` that a module of `part` imports."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").startswith("generator"):
            parts = node.module.split(".")
            found |= {parts[1]} if len(parts) > 1 else {alias.name for alias in node.names}
        elif isinstance(node, ast.Import):
            found |= {a.name.split(".")[1] for a in node.names if a.name.startswith("generator.")}
    return found - {part}


@pytest.mark.parametrize("path", sorted(GENERATOR.rglob("*.py")), ids=lambda p: p.relative_to(GENERATOR).as_posix())
def test_a_module_imports_only_earlier_stages(path):
    part = _part(path)
    if part == "__init__":
        return
    assert not any(isinstance(n, ast.ImportFrom) and n.level for n in ast.walk(ast.parse(path.read_text()))), (
        "absolute imports only: they show the stage a name comes from"
    )
    found = imports(path, part)
    assert found <= ALLOWED[part], f"{path.name} imports {sorted(found - ALLOWED[part])}"


def test_the_rule_catches_a_backward_import(tmp_path):
    assert imports(GENERATOR / "compute" / "capaian.py", "compute") <= ALLOWED["compute"]
    fake = tmp_path / "x.py"
    fake.write_text("from generator.render.page import Page\nfrom generator import model as m\n", encoding="utf-8")
    assert imports(fake, "compute") == {"render", "model"}

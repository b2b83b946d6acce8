"""Property-based tests (issue 19, hypothesis): generated edits of a valid content tree (hostile
texts and numbers in any field, raw text pasted anywhere in a file, odd CSV cells) never make
validate or build raise: they succeed, or exit 1 with GALAT lines naming a content file; and a
failed build leaves the published site as it was, byte for byte.

The examples are derandomised (the same ones every run, so CI is reproducible); set
HYPOTHESIS_SEED_RUN=1 to explore new ones."""

from __future__ import annotations

import csv
import io
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import BUILD_DATE, DEMO
from hostile import PAYLOAD
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from generator.build import BuildError, build_site
from generator.cli import app
from generator.compute.portal import compute
from generator.load import load_content
from generator.problems import ContentError
from generator.validate import validate

#: The content every example starts from: the portal settings and Lumajang / Kedungjajang.
FILES = ("portal.yml", *sorted(p.relative_to(DEMO).as_posix() for p in (DEMO / "lumajang").rglob("*") if p.is_file()))
YAML_FILES = [f for f in FILES if f.endswith(".yml")]
CSV_FILES = [f for f in FILES if f.endswith(".csv")]

SETTINGS = {
    "deadline": None,
    "derandomize": not os.environ.get("HYPOTHESIS_SEED_RUN"),
    "database": None,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
}

# Values -------------------------------------------------------------------------------------

NASTY_TEXT = [
    PAYLOAD,
    "\x0c",
    "\x00",
    "\u202e\u200b\ufeff",
    '=HYPERLINK("http://contoh.invalid")',
    "../../../etc/passwd",
    "{{ 7*7 }}{% raw %}",
    "*a* &a [*a]",
    "x" * 5000,
    "Budi Santoso 198001012005011001",
    "",
    " ",
    "83,5",
    "-1",
    "1" * 400,
    "1.0e+400",
    ".nan",
    "Rp 1.823.687.638",
    "BB",
]

texts = st.one_of(st.sampled_from(NASTY_TEXT), st.text(max_size=40))
numbers = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-(10**420), max_value=10**420),
    st.sampled_from([0, -0.0, 1e15, 1e15 + 2, -1e-300, 2**53 + 1]),
)
scalars = st.one_of(texts, numbers, st.none(), st.booleans(), st.dates())
values = st.recursive(
    scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(texts, inner, max_size=3), max_leaves=8
)

# Edits --------------------------------------------------------------------------------------

Edit = Callable[[Path], None]

DELETE = object()  # a key removed instead of given a value


def _leaves(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value in parsed YAML (mappings and lists too, to replace them whole)."""
    found = [path] if path else []
    if isinstance(data, dict):
        for key, value in data.items():
            found += _leaves(value, (*path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            found += _leaves(value, (*path, i))
    return found


PATHS = {f: _leaves(yaml.safe_load((DEMO / f).read_text(encoding="utf-8"))) for f in YAML_FILES}


@st.composite
def data_edit(draw: st.DrawFn) -> Edit:
    """A value of any kind in place of a value of a YAML file (or a key deleted)."""
    name = draw(st.sampled_from(YAML_FILES))
    where = draw(st.sampled_from(PATHS[name]))
    new = draw(st.one_of(values, st.just(DELETE)))

    def apply(root: Path) -> None:
        try:
            data = yaml.safe_load((root / name).read_text(encoding="utf-8"))
            parent = data
            for step in where[:-1]:
                parent = parent[step]
            if new is DELETE:
                del parent[where[-1]]
            else:
                parent[where[-1]] = new
        except (yaml.YAMLError, LookupError, TypeError):
            return  # an earlier edit of this example moved or broke what this one edits
        (root / name).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")

    return apply


@st.composite
def text_edit(draw: st.DrawFn) -> Edit:
    """A text pasted into a file at any place (YAML and CSV syntax may break)."""
    name = draw(st.sampled_from(FILES))
    size = len((DEMO / name).read_text(encoding="utf-8"))
    at = draw(st.integers(0, size))
    pasted = draw(
        st.one_of(texts, st.sampled_from(["&a [*a, *a]", "!!python/object:os.system x", "- ", ": ", '"', "\n\t"]))
    )

    def apply(root: Path) -> None:
        text = (root / name).read_text(encoding="utf-8")
        (root / name).write_text(text[:at] + pasted + text[at:], encoding="utf-8")

    return apply


@st.composite
def csv_edit(draw: st.DrawFn) -> Edit:
    """One cell of a CSV file replaced with any text (quoted as a spreadsheet would)."""
    name = draw(st.sampled_from(CSV_FILES))
    rows = list(csv.reader(io.StringIO((DEMO / name).read_text(encoding="utf-8"))))
    r = draw(st.integers(0, len(rows) - 1))
    c = draw(st.integers(0, len(rows[r]) - 1))
    cell = draw(texts)

    def apply(root: Path) -> None:
        table = list(csv.reader(io.StringIO((root / name).read_text(encoding="utf-8"))))
        if r < len(table) and c < len(table[r]):
            table[r][c] = cell
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows(table)
        (root / name).write_text(out.getvalue(), encoding="utf-8")

    return apply


edits = st.lists(st.one_of(data_edit(), text_edit(), csv_edit()), min_size=1, max_size=3)


def _mini(target: Path) -> Path:
    target.mkdir(parents=True)
    shutil.copy(DEMO / "portal.yml", target / "portal.yml")
    shutil.copytree(DEMO / "lumajang", target / "lumajang")
    return target


def _galat_only(problems: list[Any], root: Path) -> None:
    assert problems
    for p in problems:
        line = p.render(root)
        assert line.startswith("GALAT "), line
        assert Path(p.file).resolve().is_relative_to(root.resolve()), line


# Properties ---------------------------------------------------------------------------------


@settings(max_examples=25, **SETTINGS)
@given(edits)
def test_validate_never_raises_on_edited_content(changes):
    with tempfile.TemporaryDirectory() as tmp:
        root = _mini(Path(tmp) / "content")
        for change in changes:
            change(root)
        try:
            compute(validate(load_content(root)))  # the audit of printed figures can refuse too
        except ContentError as exc:
            _galat_only(exc.problems, root)


@settings(max_examples=8, **SETTINGS)
@given(edits)
def test_the_validate_command_exits_0_or_1_with_galat_lines(changes):
    with tempfile.TemporaryDirectory() as tmp:
        root = _mini(Path(tmp) / "content")
        for change in changes:
            change(root)
        result = CliRunner().invoke(app, ["validate", "--content", str(root)])
        assert result.exit_code in (0, 1), result.output
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
        if result.exit_code:
            lines = result.output.strip().splitlines()
            assert lines[-1].endswith("galat ditemukan; tidak ada yang diterbitkan.")
            assert all(line.startswith(("GALAT ", "PERINGATAN ")) for line in lines[:-1]), lines


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Mini content built once: each build example starts from a copy of it."""
    base = tmp_path_factory.mktemp("terbit")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", BUILD_DATE)
        build_site(_mini(base / "content"), base / "site", base / "work", lambda _: None, 1)
    return base


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.slow
@settings(max_examples=12, **SETTINGS)
@given(changes=edits)
def test_a_build_of_edited_content_succeeds_or_leaves_the_site_untouched(published, changes):
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        shutil.copytree(published, base, symlinks=True, dirs_exist_ok=True)  # the site: a link to its version
        before = _files(base / "site")
        for change in changes:
            change(base / "content")
        try:
            build_site(base / "content", base / "site", base / "work", lambda _: None, 1)
        except ContentError as exc:
            _galat_only(exc.problems, base / "content")
            assert _files(base / "site") == before
        except BuildError:
            assert _files(base / "site") == before


@pytest.mark.slow
@settings(max_examples=300, **SETTINGS)
@given(edits)
def test_validate_never_raises_on_edited_content_many_examples(changes):
    test_validate_never_raises_on_edited_content.hypothesis.inner_test(changes)

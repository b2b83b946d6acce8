"""Shared fixtures: a private copy of the demo content for tests that edit it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "content"
BUILD_DATE = "1735689600"  # 2025-01-01: fixed, so that builds in tests are comparable


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A writable copy of the bundled demo content."""
    target = tmp_path / "content"
    shutil.copytree(DEMO, target)
    return target


@pytest.fixture(autouse=True)
def _fixed_build_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_DATE)


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A small valid content tree: the portal settings and Lumajang / Kedungjajang 2024."""
    target = tmp_path / "mini"
    target.mkdir()
    shutil.copy(DEMO / "portal.yml", target / "portal.yml")
    shutil.copytree(DEMO / "lumajang", target / "lumajang")
    return target


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled demo portal, built once for every test that only reads it."""
    from generator.build import build_site

    tmp = tmp_path_factory.mktemp("demo")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", BUILD_DATE)
        return build_site(DEMO, tmp / "site", tmp / "work", progress=lambda _: None).site


@pytest.fixture(scope="session")
def synthetic_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A small synthetic portal (`kinerja demo`: one kecamatan, raw survey answers) and its site, built
    once: the raw-response path of the SKM, which no real content demonstrates."""
    from generator.build import build_site
    from generator.synthetic.portal import portal_sintetis

    tmp = tmp_path_factory.mktemp("sintetis")
    portal_sintetis(tmp / "content", 1, 1, [2024], seed=1)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", BUILD_DATE)
        return tmp / "content", build_site(tmp / "content", tmp / "site", tmp / "work", progress=lambda _: None).site


def read_csv(path: Path) -> list[dict[str, str]]:
    """A published CSV as a list of records (all values as text)."""
    import csv

    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))

"""Shared fixtures: a private copy of the demo content for tests that edit it, the demo site built
once, and the demo site served by nginx."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.servers import Nginx, served_folder  # noqa: E402
from generator.problems import ContentError, Problem  # noqa: E402

DEMO = ROOT / "content"
BUILD_DATE = "1735689600"  # 2025-01-01: fixed, so that builds in tests are comparable


def problems(root: Path) -> list[Problem]:
    """The problems `validate` finds in the content tree `root` (it must find some)."""
    from generator.load import load_content
    from generator.validate import validate

    with pytest.raises(ContentError) as exc:
        validate(load_content(root))
    return exc.value.problems


def only(root: Path) -> Problem:
    """The one problem `validate` finds in `root`."""
    (found,) = problems(root)
    return found


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    """Replace `old` (which must be there) by `new` in a content file."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if needle in line)


@contextmanager
def served_build(prefix: str, write: Callable[[Path], object]) -> Iterator[tuple[Path, str]]:
    """A portal whose content `write` makes, built for a sub-folder and served there by its own
    nginx: (site, its address); removed afterwards."""
    from generator.build import build_site

    folder = served_folder(prefix)
    content, site = folder / "content", folder / "site"
    server = Nginx(site, site)
    write(content)
    with open(content / "portal.yml", "a", encoding="utf-8") as f:
        f.write(f"\nurl: {server.sub_url}\n")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", BUILD_DATE)
        build_site(content, site, folder / "work", lambda _: None)
    with server:
        yield site, server.sub_url
    shutil.rmtree(folder)


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


@dataclass
class Www:
    """The demo portal published twice as a kabupaten office would host it, built with a
    private umask (077) to show that the build makes what it publishes readable: `root_site`
    for hosting at the root of a domain, `sub_site` for a sub-folder (`url` in portal.yml
    set to nginx's address for each), both inside `folder`, which another user can enter."""

    folder: Path
    nginx: Nginx

    @property
    def root_site(self) -> Path:
        return self.folder / "akar" / "site"

    @property
    def sub_site(self) -> Path:
        return self.folder / "sub" / "site"


@pytest.fixture(scope="session")
def www() -> Www:
    from generator.build import build_site

    folder = served_folder("kinerja-www-")
    served = Www(folder, Nginx(folder / "akar" / "site", folder / "sub" / "site"))
    content = folder / "content"
    umask = os.umask(0o077)
    try:
        for site, url in ((served.root_site, served.nginx.root_url), (served.sub_site, served.nginx.sub_url)):
            shutil.rmtree(content, ignore_errors=True)
            shutil.copytree(DEMO, content)
            with open(content / "portal.yml", "a", encoding="utf-8") as f:
                f.write(f"\nurl: {url}\n")
            site.parent.mkdir()
            site.parent.chmod(0o755)  # the office's folder; the build makes `site` readable
            with pytest.MonkeyPatch.context() as patch:
                patch.setenv("SOURCE_DATE_EPOCH", BUILD_DATE)
                build_site(content, site, site.parent / "work", progress=lambda _: None)
    finally:
        os.umask(umask)
    yield served
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def nginx(www: Www) -> Nginx:
    """Debian's nginx serving both sites with deploy/nginx.conf, workers as www-data."""
    with www.nginx as server:
        yield server

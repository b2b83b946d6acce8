"""The synthetic portal generator (`kinerja demo`): valid, complete, deterministic, marked."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.build import build_site
from generator.compute.portal import compute
from generator.load import load_content
from generator.render import TEMPLATES, kabupaten_pages, write_pages
from generator.synthetic.portal import portal_sintetis
from generator.validate import validate

pytestmark = pytest.mark.slow

DEMO = Path(__file__).resolve().parent.parent / "content"


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _kind(name: str) -> str:
    return re.sub(r"\d+", "N", name)


def _section(name: str) -> str:
    """A table or chart name without the content id it carries (`riwayat_ikm`, `riwayat-ikm.svg`)."""
    return re.sub(r"^(riwayat|pembanding|indeks|jabatan|rincian)[_-].*", r"\1", name)


#: Section headings written literally in the templates (not a content name).
STATIC_HEADINGS = {
    _kind(h.strip())
    for t in TEMPLATES.glob("*.j2")
    for h in re.findall(r"^#{2,3} ([^{\n]+?)(?:\{\{ lp\.tahun \}\})?$", t.read_text(encoding="utf-8"), re.M)
}


#: A list item or heading glued to the end of the line before it (a template ate a newline).
GLUED = re.compile(r"[^\s#]#{2,3} |\S- \*\*")


def _sections(root: Path, docs: Path) -> set[tuple[str, str]]:
    """Per page kind (template): its tables, its charts and its static section headings; and
    every rendered Markdown line starts its own list item or heading."""
    content = validate(load_content(root))
    hasil = compute(content)
    found = set()
    for kab in content.kabupaten:
        pages = kabupaten_pages(hasil, kab)
        write_pages(pages, content, docs / kab.slug, kab.slug, data=docs.with_name(docs.name + "-data") / kab.slug)
        for page in pages:
            text = (docs / kab.slug / page.path.removeprefix(f"{kab.slug}/")).read_text(encoding="utf-8")
            assert not [line for line in text.splitlines() if GLUED.search(line)], page.path
            headings = {_kind(h.strip()) for h in re.findall(r"^#{2,3} (.+)$", text, re.M)} & STATIC_HEADINGS
            found |= {
                (page.template, f"{kind}:{_section(name)}")
                for kind, names in (("tabel", page.tables), ("grafik", page.files), ("bagian", headings))
                for name in names
            }
    return found


def test_synthetic_portal_is_valid_complete_and_deterministic(tmp_path):
    assert portal_sintetis(tmp_path / "a", 2, 2, [2023, 2024], seed=7) == 8
    portal_sintetis(tmp_path / "b", 2, 2, [2023, 2024], seed=7)
    assert _files(tmp_path / "a") == _files(tmp_path / "b")
    assert all(b"DATA SINTETIS" in data for name, data in _files(tmp_path / "a").items() if name.endswith(".yml"))
    hasil = compute(validate(load_content(tmp_path / "a")))
    lp = hasil.laporan[-1]
    assert lp.skm is not None and lp.anggaran is not None and lp.perbandingan
    assert any(p.peringkat for p in lp.perbandingan) and len(hasil.overviews) == 4
    site = build_site(tmp_path / "a", tmp_path / "site", tmp_path / "work", lambda _: None).site
    assert (site / "sintetis-01/perbandingan-2024/index.html").exists()
    first = _files(site)
    # A rebuild gives the same bytes.
    site = build_site(tmp_path / "a", tmp_path / "site", tmp_path / "work", lambda _: None).site
    assert _files(site) == first


def test_synthetic_portal_has_every_file_kind_and_section_of_the_real_content(tmp_path):
    portal_sintetis(tmp_path / "sintetis", 1, 2, [2023, 2024], seed=2)
    kinds = {_kind(p.name) for p in DEMO.rglob("*") if p.is_file()}
    assert kinds <= {_kind(p.name) for p in (tmp_path / "sintetis").rglob("*") if p.is_file()}
    real = _sections(DEMO, tmp_path / "docs-demo")
    synthetic = _sections(tmp_path / "sintetis", tmp_path / "docs-sintetis")
    assert len(real) > 60
    assert real - synthetic == set()


def test_demo_replaces_only_a_synthetic_portal(tmp_path):
    """`kinerja demo content` must never wipe real content."""
    import shutil

    from typer.testing import CliRunner

    from generator.cli import app

    real = tmp_path / "content"
    shutil.copytree(DEMO, real)
    result = CliRunner().invoke(app, ["demo", str(real)])
    assert result.exit_code == 1 and "bukan portal sintetis" in result.output
    assert _files(real) == _files(DEMO)
    synthetic = tmp_path / "sintetis"
    assert CliRunner().invoke(app, ["demo", str(synthetic), "--kabupaten", "2"]).exit_code == 0
    assert CliRunner().invoke(app, ["demo", str(synthetic)]).exit_code == 0
    assert sorted(p.name for p in synthetic.iterdir()) == ["portal.yml", "sintetis-01"]

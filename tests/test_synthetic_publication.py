"""Synthetic data is never published as a real kecamatan's figure (docs/domain.md §6): validation
refuses synthetic inputs outside a portal `kinerja demo` wrote, and the published demo site carries
no figure computed from synthetic inputs outside pages marked synthetic."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from generator.cli import app
from generator.compute.portal import PortalResult, compute
from generator.load import load_content
from generator.numbers import format_number
from generator.problems import ContentError
from generator.synthetic.portal import portal_sintetis
from generator.synthetic.skm import jawaban_sintetis
from generator.validate import validate

DEMO = Path(__file__).resolve().parent.parent / "content"
MARK = "peringatan-sintetis"  # the notice a page with synthetic figures carries


def synthetic_figures(hasil: PortalResult) -> set[str]:
    """Every IKM computed from a synthetic survey (year, periods, layanan), written as a page writes it
    ("79,64") and as a data file writes it ("79.64")."""
    values = [
        v
        for lp in hasil.laporan
        if lp.skm is not None and lp.skm.data.skm.sintetis
        for v in (lp.skm.ikm, *(p.ikm for p in lp.skm.periode), *(x.ikm for p in lp.skm.periode for x in p.layanan))
    ]
    return {text for v in values for text in (format_number(v), format_number(v).replace(",", "."))}


def leaks(site: Path, figures: set[str]) -> list[tuple[str, str]]:
    """(file, figure) for every synthetic figure in a page or data file that is not marked synthetic;
    a data file counts as marked when the page of its folder is."""
    marked = {p.parent for p in site.rglob("index.html") if MARK in p.read_text(encoding="utf-8")}
    found = []
    for path in sorted(site.rglob("*")):
        if path.suffix not in (".html", ".csv", ".json") or path.parent in marked or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        found += [
            (path.relative_to(site).as_posix(), f) for f in sorted(figures) if re.search(rf"\b{re.escape(f)}\b", text)
        ]
    return found


def test_the_demo_site_publishes_no_synthetic_figure(demo_site):
    hasil = compute(validate(load_content(DEMO, diubah={})))
    assert synthetic_figures(hasil) == set()  # no synthetic input in the demo content at all
    assert leaks(demo_site, synthetic_figures(hasil)) == []
    said = [
        p.relative_to(demo_site).as_posix()
        for p in demo_site.rglob("*")
        if p.suffix in (".html", ".csv", ".json") and re.search("sintetis", p.read_text(encoding="utf-8"), re.I)
    ]
    assert said == []


def test_the_check_finds_synthetic_figures_outside_marked_pages(synthetic_site):
    """In the synthetic portal the survey's IKM is also an IKU's realisasi, on a page without the
    notice (allowed there: the whole portal is synthetic); the check must find it."""
    content, site = synthetic_site
    figures = synthetic_figures(compute(validate(load_content(content))))
    found = {path for path, _ in leaks(site, figures)}
    assert "sintetis-01/kecamatan-01/2024/index.html" in found
    assert not any(path.startswith("sintetis-01/kecamatan-01/2024/skm/") for path in found)  # marked


def _errors(root: Path) -> list[str]:
    with pytest.raises(ContentError) as error:
        validate(load_content(root, diubah={}))
    return [p.render(root) for p in error.value.problems]


def test_synthetic_survey_refused_in_real_content(content):
    year = content / "jember/ajung/2023"
    (year / "skm.yml").write_text(
        "kecamatan: ajung\ntahun: 2023\nsumber: contoh\nsintetis: true\n"
        "layanan: [{id: ktp, nama: KTP}]\nperiode:\n  - {id: s1, nama: Semester I, berkas: skm-s1.csv}\n",
        encoding="utf-8",
    )
    (year / "skm-s1.csv").write_text(jawaban_sintetis(20, 1, ["ktp"], date(2023, 1, 2), 180), encoding="utf-8")
    errors = _errors(content)
    assert any(
        "skm.yml:4: sintetis: data sintetis tidak boleh diterbitkan sebagai data kecamatan" in e
        and e.endswith("[synthetic_data]")
        for e in errors
    ), errors
    assert any("skm-s1.csv:2: responden: data sintetis" in e and "20 jawaban bernomor SINTETIS-" in e for e in errors)
    result = CliRunner().invoke(app, ["validate", "--content", str(content)])
    assert result.exit_code != 0 and "[synthetic_data]" in result.output


def test_files_written_by_kinerja_demo_refused_in_real_content(content, tmp_path):
    portal_sintetis(tmp_path / "demo", 1, 1, [2024], seed=3)
    shutil.copytree(tmp_path / "demo/sintetis-01/kecamatan-01", content / "lumajang/kecamatan-01")
    errors = _errors(content)
    assert any(
        "lumajang/kecamatan-01/kecamatan.yml:1: berkas ini ditulis `kinerja demo`: data sintetis" in e for e in errors
    ), errors
    # The same files in the synthetic portal itself are valid.
    assert validate(load_content(tmp_path / "demo")).kabupaten

"""The synthetic portal generator (`kinerja demo`): valid, complete, deterministic, marked."""

from __future__ import annotations

from pathlib import Path

from generator.build import build_site
from generator.compute.laporan import compute
from generator.load import load_content
from generator.sintetis import portal_sintetis
from generator.validate import validate


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_synthetic_portal_is_valid_complete_and_deterministic(tmp_path):
    assert portal_sintetis(tmp_path / "a", 2, 2, [2023, 2024], seed=7) == 8
    portal_sintetis(tmp_path / "b", 2, 2, [2023, 2024], seed=7)
    assert _files(tmp_path / "a") == _files(tmp_path / "b")
    assert all(b"DATA SINTETIS" in data for name, data in _files(tmp_path / "a").items() if name.endswith(".yml"))
    hasil = compute(validate(load_content(tmp_path / "a")))
    lp = hasil.laporan[-1]
    assert lp.skm is not None and lp.anggaran is not None and lp.perbandingan
    assert any(p.peringkat for p in lp.perbandingan) and len(hasil.ikhtisar) == 4
    site = build_site(tmp_path / "a", tmp_path / "site", tmp_path / "work", lambda _: None).site
    assert (site / "sintetis-01/perbandingan-2024/index.html").exists()
    first = _files(site)
    # A rebuild gives the same bytes.
    site = build_site(tmp_path / "a", tmp_path / "site", tmp_path / "work", lambda _: None).site
    assert _files(site) == first

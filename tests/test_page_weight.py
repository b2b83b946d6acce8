"""Page weight stays within the budgets stated in README.md (measured by bench/page_weight.py)."""

from __future__ import annotations

import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT))
from bench.page_weight import BUDGET_KB, NEXT_PAGE_BUDGET_KB, PAGE_KINDS, journey, page_files, page_weight


def test_every_page_kind_is_within_budget(demo_site):
    for kind, page in PAGE_KINDS.items():
        weight = page_weight(demo_site, page)
        assert 40_000 < weight.total <= BUDGET_KB * 1024, (kind, weight.by_type)
    assert page_weight(demo_site, PAGE_KINDS["Laporan Kinerja"]).by_type["SVG"] > 0


def test_no_page_loads_the_search_before_it_is_opened(demo_site):
    """Pages load only the few lines that open the search box (cari/box.js); the engine and
    the index come when the box is opened (tests/test_browser.py measures that)."""
    for kind, page in PAGE_KINDS.items():
        html = (demo_site / page).read_text(encoding="utf-8")
        assert "cari/box.js" in html and "engine.js" not in html and "meta.json" not in html, kind
        assert "search_index" not in html, kind
    # The theme's search (its worker, lunr, an index per shard) is not published.
    assert not [p for p in demo_site.rglob("*") if p.name in ("search_index.json", "workers", "lunr")]


def test_every_shard_loads_the_theme_from_one_address(demo_site):
    """A kabupaten's pages load the theme's CSS and JS from the portal root, not a copy of their own."""
    home = {f for f in page_files(demo_site, "index.html") if f.suffix in (".css", ".js")}
    assert {f.name for f in home} >= {"portal.css"} and any(f.suffix == ".js" for f in home)
    for page in ("jombang/megaluh/index.html", "lumajang/kedungjajang/2024/skm/index.html", "jember/index.html"):
        theirs = {f for f in page_files(demo_site, page) if f.suffix in (".css", ".js")}
        assert theirs == home, page
    for slug in ("jember", "jombang", "lumajang"):
        assert not (demo_site / slug / "assets").exists(), slug


def test_a_page_in_another_kabupaten_costs_little(demo_site):
    first, *rest = journey(demo_site)
    assert first.by_type["CSS"] > 10_000 and first.by_type["JS"] > 10_000
    kabupaten = {step.page.split("/")[0] for step in rest}
    assert len(kabupaten) == 3
    for step in rest:
        assert step.by_type.get("CSS", 0) == step.by_type.get("JS", 0) == 0, step
        assert 0 < step.total <= NEXT_PAGE_BUDGET_KB * 1024, (step.page, step.by_type)

"""Page weight stays within the budget stated in README.md (measured by bench/page_weight.py)."""

from __future__ import annotations

import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT))
from bench.page_weight import BUDGET_KB, PAGE_KINDS, page_weight


def test_every_page_kind_is_within_budget(demo_site):
    for kind, page in PAGE_KINDS.items():
        weight = page_weight(demo_site, kind, page)
        assert 40_000 < weight.total <= BUDGET_KB * 1024, (kind, weight.by_type)
    assert page_weight(demo_site, "Laporan Kinerja", PAGE_KINDS["Laporan Kinerja"]).by_type["SVG"] > 0


def test_no_page_loads_the_search_before_it_is_opened(demo_site):
    """Pages load only the few lines that open the search box (cari/box.js); the engine and
    the index come when the box is opened (tests/test_browser.py measures that)."""
    for kind, page in PAGE_KINDS.items():
        html = (demo_site / page).read_text(encoding="utf-8")
        assert "cari/box.js" in html and "engine.js" not in html and "meta.json" not in html, kind
        assert "search_index" not in html, kind
    # The theme's search (its worker, lunr, an index per shard) is not published.
    assert not [p for p in demo_site.rglob("*") if p.name in ("search_index.json", "workers", "lunr")]

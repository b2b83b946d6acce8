"""Page weight stays within the budget stated in README.md (measured by bench/page_weight.py)."""

from __future__ import annotations

import json
import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT))
from bench.page_weight import BUDGET_KB, PAGE_KINDS, page_weight


def test_every_page_kind_is_within_budget(demo_site):
    for kind, page in PAGE_KINDS.items():
        weight = page_weight(demo_site, page)
        assert 40_000 < weight.total <= BUDGET_KB * 1024, (kind, weight.by_type)
    assert page_weight(demo_site, PAGE_KINDS["Laporan Kinerja"]).by_type["SVG"] > 0


def test_tables_and_chart_text_stay_out_of_the_search_index(demo_site):
    index = (demo_site / "search/search_index.json").read_text(encoding="utf-8")
    docs = json.loads(index)["docs"]
    assert any("Kedungjajang" in d["title"] for d in docs)
    for table_only in ("Realisasi TW I", "Target PK perubahan", "Kepala keluarga", "<svg", "<table"):
        assert table_only not in index, table_only

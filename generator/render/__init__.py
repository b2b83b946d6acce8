"""Stage 4, render: computed reports -> Markdown pages, tables, charts and open data in a shard's docs folder."""

from generator.render.navigation import navigation
from generator.render.page import Page, page_folder
from generator.render.pages.kabupaten import kabupaten_pages, shard_summary
from generator.render.pages.portal import Outline, ShardSummary, portal_pages
from generator.render.write import TEMPLATES, files_under, write_pages

__all__ = [
    "TEMPLATES",
    "Outline",
    "Page",
    "ShardSummary",
    "files_under",
    "kabupaten_pages",
    "navigation",
    "page_folder",
    "portal_pages",
    "shard_summary",
    "write_pages",
]

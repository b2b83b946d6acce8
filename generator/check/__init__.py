"""`kinerja periksa`: a built site folder checked as it will be published (links, other hosts,
page weight, language, alt text, files never to publish). Reads only the folder: no stage of the
build is imported."""

from generator.check.page_weight import BUDGET_KB, page_weight
from generator.check.site_check import Finding, check_site

__all__ = ["BUDGET_KB", "Finding", "check_site", "page_weight"]

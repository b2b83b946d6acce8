"""The navigation the portal's theme overrides put together from kept pieces
(site_templates/theme/partials/nav.html and nav-item.html, `hooks.nav_fragment` and
`hooks.nav_slots`) is, on every page, the theme's own rendering of it."""

from __future__ import annotations

import shutil

import yaml

from generator.build import build_site
from generator.build.mkdocs_run import THEME_OVERRIDES, run_mkdocs
from generator.synthetic.portal import portal_sintetis

#: The portal's overrides of the theme's navigation partials (the others stay in both builds).
NAV_PARTIALS = ("partials/nav.html", "partials/nav-item.html")


def test_every_page_has_the_navigation_the_theme_itself_renders(tmp_path):
    portal_sintetis(tmp_path / "content", 2, 2, [2023, 2024], seed=3)
    build_site(tmp_path / "content", tmp_path / "site", tmp_path / "work", progress=lambda _: None)
    theme = tmp_path / "theme"
    shutil.copytree(THEME_OVERRIDES, theme)
    for partial in NAV_PARTIALS:
        (theme / partial).unlink()
    shards = sorted(p.parent for p in (tmp_path / "work" / "shard").glob("*/mkdocs.yml"))
    assert len(shards) == 3  # two kabupaten and the portal's own pages
    pages = 0
    for shard in shards:
        config = yaml.safe_load((shard / "mkdocs.yml").read_text(encoding="utf-8"))
        config["theme"]["custom_dir"] = str(theme)
        (shard / "theme-only.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
        theirs, ours = tmp_path / f"{shard.name}-theme", tmp_path / f"{shard.name}-portal"
        run_mkdocs(shard / "theme-only.yml", theirs, 0)
        run_mkdocs(shard / "mkdocs.yml", ours, 0)
        built = sorted(p.relative_to(ours) for p in ours.rglob("*.html"))
        assert built == sorted(p.relative_to(theirs) for p in theirs.rglob("*.html"))
        for page in built:
            assert 'class="md-nav md-nav--primary' in (ours / page).read_text(encoding="utf-8")
            assert (ours / page).read_bytes() == (theirs / page).read_bytes(), f"{shard.name}/{page}"
        pages += len(built)
    assert pages > 60

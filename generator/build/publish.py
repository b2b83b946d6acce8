"""Publishing: shards staged as hard links and renamed into the served site only when everything succeeded."""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
import time
from pathlib import Path

from generator.build.files import link_tree, replace_folder
from generator.build.keys import digest
from generator.build.precompress import FOLDER_MODE, write_with_gzip

#: Folder, inside the work folder, of the portal's own shard (never a kabupaten slug).
PORTAL_SHARD = "_portal"


def merge_sitemaps(site: Path, shards: list[Path]) -> None:
    """One sitemap.xml (and .gz) for the portal: the entries of every shard's sitemap."""
    entries = []
    for shard_site in shards:
        path = shard_site / "sitemap.xml"
        if path.exists():
            entries += re.findall(r"<url>.*?</url>", path.read_text(encoding="utf-8"), flags=re.S)
    text = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        + "\n".join(entries)
        + "\n</urlset>\n"
    )
    write_with_gzip(site / "sitemap.xml", text.encode())  # new files: the shard's are links to the work folder


def new_folder(prefix: str, parent: Path) -> Path:
    """A new folder for published files, readable by the web server's user."""
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
    folder.chmod(FOLDER_MODE)
    return folder


#: Files only the portal's own shard publishes (one 404 page and one sitemap, at the root).
ROOT_ONLY = ("404.html", "404.html.gz", "sitemap.xml", "sitemap.xml.gz")


def manifest_path(work: Path, site_dir: Path) -> Path:
    """Which shard keys `site_dir` shows (one record per published folder: `build` and `serve`)."""
    return work / f"published-{digest(str(site_dir))[:16]}.json"


class Publication:
    """Puts the shards of a build in place of the published site `site_dir`: the portal's shard
    at the root, each kabupaten's in its folder, one sitemap.

    Each shard is staged (hard links in a hidden folder) as soon as it is ready, while the
    others still build; `commit` then renames everything into place and `discard` removes what
    was staged, so a failed build never touches the site. A site published before from this
    work folder changes only where a shard's key changed: each such shard is staged inside the
    site and renamed into place (the portal's shard entry by entry), and kabupaten no longer in
    the content are removed; the cost follows the changed shards, not the portal's size.
    Otherwise (first build, another or a damaged site) a fresh folder is assembled beside it and
    replaces `site_dir` with two renames. Everything that can fail (linking) happens before the
    first rename."""

    def __init__(self, site_dir: Path, work: Path) -> None:
        self.site_dir, self.work = site_dir, work
        self.record = manifest_path(work, site_dir)
        try:
            shown = json.loads(self.record.read_text(encoding="utf-8")) if site_dir.is_dir() else None
        except (OSError, ValueError):
            shown = None
        if shown is not None and not all((site_dir / slug).is_dir() for slug in shown if slug != PORTAL_SHARD):
            shown = None
        self.shown: dict[str, str] | None = shown
        self.fresh: Path | None = None  # the new site, when it is assembled whole
        self.staged: dict[str, Path] = {}  # shard -> its staged copy inside the site
        self.seconds = [0.0, 0.0]  # wall and CPU seconds spent publishing

    def stage(self, slug: str, key: str) -> None:
        """Stage one shard's output, unless the site shows it already."""
        if self.shown is not None and self.shown.get(slug) == key:
            return
        wall, cpu = time.perf_counter(), time.process_time()
        if self.shown is None:
            target = self._fresh() if slug == PORTAL_SHARD else self._fresh() / slug
        else:  # hidden, inside the site (same file system): renamed into place by `commit`
            target = self.staged[slug] = new_folder(f".{slug}.baru-", self.site_dir)
        link_tree(self.work / slug / "site", target, skip=() if slug == PORTAL_SHARD else ROOT_ONLY)
        self._count(wall, cpu)

    def _fresh(self) -> Path:
        if self.fresh is None:
            self.site_dir.parent.mkdir(parents=True, exist_ok=True)
            self.fresh = new_folder(f".{self.site_dir.name}.baru-", self.site_dir.parent)
        return self.fresh

    def _count(self, wall: float, cpu: float) -> None:
        self.seconds[0] += time.perf_counter() - wall
        self.seconds[1] += time.process_time() - cpu

    def commit(self, keys: dict[str, str]) -> bool:
        """Show `keys` (shard -> key, every shard staged or shown already); whether anything changed."""
        if self.shown == keys:
            return False
        wall, cpu = time.perf_counter(), time.process_time()
        self.record.unlink(missing_ok=True)  # until the site matches `keys` again
        sitemaps = [self.work / name / "site" for name in sorted(keys)]
        if self.shown is None:
            merge_sitemaps(self._fresh(), sitemaps)
            replace_folder(self._fresh(), self.site_dir)
        else:
            self._swap(self.shown, keys, sitemaps)
        self.site_dir.chmod(FOLDER_MODE)  # also a site published before folders were made readable
        self.record.write_text(json.dumps(keys, sort_keys=True), encoding="utf-8")
        self._count(wall, cpu)
        return True

    def _swap(self, shown: dict[str, str], keys: dict[str, str], sitemaps: list[Path]) -> None:
        """Rename the staged shards into the published site (which shows `shown`) and remove the
        kabupaten gone."""
        site, staged = self.site_dir, self.staged
        trash = Path(tempfile.mkdtemp(prefix=".lama-", dir=site))
        try:
            moves: list[tuple[Path | None, Path]] = [
                (staged[slug], site / slug) for slug in sorted(staged) if slug != PORTAL_SHARD
            ]
            moves += [(None, site / slug) for slug in sorted(shown.keys() - keys.keys())]
            if PORTAL_SHARD in staged:
                root = staged[PORTAL_SHARD]
                merge_sitemaps(root, sitemaps)
                new = set(os.listdir(root))
                moves += [(root / name, site / name) for name in sorted(new)]
                ours = {trash.name, *(folder.name for folder in staged.values())}
                moves += [
                    (None, site / name)
                    for name in sorted(os.listdir(site))
                    if name not in new and name not in keys and name not in ours
                ]
            for n, (source, target) in enumerate(moves):
                if target.exists():
                    target.rename(trash / str(n))
                if source is not None:
                    source.rename(target)
        finally:
            shutil.rmtree(trash, ignore_errors=True)

    def discard(self) -> None:
        """Remove whatever was staged and not published."""
        for folder in (self.fresh, *self.staged.values()):
            if folder is not None and folder.exists():
                shutil.rmtree(folder, ignore_errors=True)

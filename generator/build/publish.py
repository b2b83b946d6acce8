"""Publishing: a build that changes the site assembles a new version beside the served path and
shows it with one atomic switch.

The path a web server serves (`site_dir`, e.g. `site`) is a symbolic link to a version folder,
`.<name>.versi/<n>`, next to it: outside the served tree, so nothing being assembled is ever
served. A new version holds copies of the shards' outputs, never links into the work folder
(an edit there cannot change the live site). Published files are never modified in place, so
versions share what they have in common as hard links. The version before the shown one is
served by nobody and would be removed once the new one is shown, so the new version is made
from it: renamed, then brought up to date shard by shard (`files.sync_tree`), what it removes
moved aside and every change written to a journal first, so that a build that fails puts it
back as it was, and the next build does after one that was killed (`files.Journal`). A kabupaten it
holds with the same key stays as it is; another is made to match the shown version (hard links)
when unchanged since, else the work folder's output, where every file the version or the shown
one already has with the same bytes stays or is linked. The cost of publishing follows what
changed, not the portal's size. With no such version (the first builds), the new one starts
empty, and the unchanged kabupaten are linked into it by a forked process while the changed
shards build. So that an edit after a build that changed most kabupaten (the first build, a new
version of the generator) does not pay for them, such a build leaves a spare: a copy (hard links)
of the version it showed, numbered just below it, which the next build makes its new version
from. Once everything is in place, a new link made beside `site_dir` is renamed over it: one
rename(2), so a reader or a crash sees the old version or the new one, never a mix. The
version shown before stays (for requests still reading it, and to go back by hand); older
ones, and whatever an interrupted build left, are removed. The build holds the site's lock
meanwhile (`generator/build/lock.py`).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from generator.build.files import Journal, copied_unchanged, copy_file, hard_link, sync_tree, undo_journal
from generator.build.lock import LOCK
from generator.build.precompress import FOLDER_MODE, write_with_gzip
from generator.parallel import Forked, cpu_time

#: Folder, inside the work folder, of the portal's own shard (never a kabupaten slug).
PORTAL_SHARD = "_portal"

#: Files only the portal's own shard publishes (one 404 page and one sitemap, at the root).
SITEMAP = ("sitemap.xml", "sitemap.xml.gz")
ROOT_ONLY = ("404.html", "404.html.gz", *SITEMAP)

T = TypeVar("T")

#: A version's name: its number among the versions published to the site.
VERSION = re.compile(r"[0-9]+")

#: Beside a new version made from an older one until it is published: its journal (`<n>.jurnal`)
#: and what it moved aside (`<n>.lama`), with which a build that fails puts the older one back.
JOURNAL, UNDO = ".jurnal", ".lama"


def versions_folder(site_dir: Path) -> Path:
    """Where the versions of `site_dir` live: beside it, hidden, never inside what is served."""
    return site_dir.with_name(f".{site_dir.name}.versi")


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
    write_with_gzip(site / "sitemap.xml", text.encode())


class Publication:
    """Puts the shards of a build into a new version of `site_dir` and switches to it: the
    portal's shard at the root, each of the kabupaten `kabupaten` in its folder, one sitemap.

    `prepare` starts placing the unchanged kabupaten while the changed shards build; `stage`
    brings a changed shard's output into the new version as soon as it is ready, while the
    others still build; `commit` places the unchanged shards not placed yet and switches;
    `discard` removes a version that was not published. Made under the site's lock: what an
    interrupted build left is removed first."""

    def __init__(self, site_dir: Path, work: Path, kabupaten: dict[str, str]) -> None:
        self.site_dir, self.work = site_dir, work
        self.kabupaten = frozenset(kabupaten)
        self.versions = versions_folder(site_dir)
        self.versions.mkdir(exist_ok=True)
        self.versions.chmod(FOLDER_MODE)
        self.current = self._shown_version()
        self.shown = self._keys(self.current)
        self._restore_interrupted()
        self._remove_leftovers()
        self.older = self._older_version()
        changed = sum(1 for slug, key in kabupaten.items() if self.shown is None or self.shown.get(slug) != key)
        self.spare = spare_pays(changed, len(kabupaten))
        self.fresh: Path | None = None  # the new version, from the first shard staged
        self.journal: Journal | None = None  # how to make it the version before again (see `discard`)
        self.holds: dict[str, str] = {}  # shard -> key of what the new version holds of it
        self.staged: set[str] = set()
        self.placing: tuple[Forked[None], dict[str, str]] | None = None  # see `prepare`
        self.seconds = [0.0, 0.0]  # wall and CPU seconds spent publishing

    def _shown_version(self) -> str | None:
        """The version `site_dir` shows (None: no site yet, or one not published as a version)."""
        if not self.site_dir.is_symlink():
            return None
        shown = self.site_dir.resolve()
        ours = shown.parent == self.versions.resolve() and VERSION.fullmatch(shown.name)
        return shown.name if ours and shown.is_dir() else None

    def _recorded_keys(self, version: str) -> dict[str, str] | None:
        """The shard keys `version` was assembled from (recorded beside it)."""
        try:
            keys = json.loads((self.versions / f"{version}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return keys if isinstance(keys, dict) else None

    def _keys(self, version: str | None) -> dict[str, str] | None:
        """The shard keys of `version`, when each of its kabupaten is still there."""
        keys = None if version is None else self._recorded_keys(version)
        if keys is None or version is None:
            return None
        folders = [self.versions / version / slug for slug in keys if slug != PORTAL_SHARD]
        return keys if all(folder.is_dir() for folder in folders) else None

    def _older_version(self) -> tuple[Path, dict[str, str]] | None:
        """The newest version older than the shown one that has its keys recorded (the spare,
        else the one published before), with those keys (an interrupted build may have left it
        with a kabupaten missing: `_place` makes it again; a spare not made whole has none)."""
        shown = int(self.current) if self.current else -1
        older = [int(e.name) for e in os.scandir(self.versions) if VERSION.fullmatch(e.name) and int(e.name) < shown]
        for number in sorted(older, reverse=True):
            keys = self._recorded_keys(str(number))
            if keys is not None:
                return self.versions / str(number), keys
        return None

    def _restore_interrupted(self) -> None:
        """Put back the versions that builds killed before they published had made their new
        ones from (`_restore`)."""
        shown = int(self.current) if self.current else -1
        for entry in os.scandir(self.versions):
            number = entry.name.removesuffix(JOURNAL)
            if entry.name.endswith(JOURNAL) and VERSION.fullmatch(number) and int(number) > shown:
                self._restore(number)

    def _restore(self, number: str) -> None:
        """Make the new version `number`, not published, the version it was made from again:
        what its journal noted undone, renamed back, that version's record written again. What
        cannot be is left to be removed, as a half-made version is."""
        version = self.versions / number
        try:
            origin = undo_journal(self.versions / f"{number}{JOURNAL}")
            if not VERSION.fullmatch(origin["versi"]):
                raise ValueError(f"no version: {origin['versi']!r}")
            older = self.versions / origin["versi"]
            if version.is_dir():
                version.rename(older)
            if older.is_dir():
                self._record(older, origin["keys"])
        except (OSError, ValueError, KeyError, TypeError):
            pass

    def _remove_leftovers(self) -> None:
        """Remove what an interrupted build left: versions newer than the shown one (every one
        when none is shown), what their journals moved aside, records not renamed into place, a
        link not renamed over the site."""
        self._new_link().unlink(missing_ok=True)
        shown = int(self.current) if self.current else -1
        self._remove_but(lambda number: VERSION.fullmatch(number) is not None and int(number) <= shown)

    def _remove_but(self, kept: Callable[[str], bool]) -> None:
        """Remove every version and record but those whose number is `kept`, records first: a
        version with a record is whole (`_older_version` trusts it), even when a build is killed
        while it removes one."""
        entries = [e for e in os.scandir(self.versions) if e.name != LOCK and not kept(e.name.removesuffix(".json"))]
        for entry in sorted(entries, key=lambda e: not e.name.endswith(".json")):
            _remove(Path(entry.path))

    def _new_link(self) -> Path:
        return self.site_dir.with_name(f".{self.site_dir.name}.baru")

    def _fresh(self) -> Path:
        """The new version, made on first use from the version before the shown one (renamed:
        what it has in common with the new one stays in place), or empty when there is none."""
        if self.fresh is None:
            numbers = [int(e.name) for e in os.scandir(self.versions) if VERSION.fullmatch(e.name)]
            self.fresh = self.versions / str(max(numbers, default=0) + (2 if self.spare else 1))  # room for it
            if self.older is not None:  # its journal, then its record removed (a version without one is never used)
                name = self.fresh.name
                origin = {"versi": self.older[0].name, "keys": self.older[1]}
                self.journal = Journal(
                    self.fresh, self.versions / f"{name}{UNDO}", self.versions / f"{name}{JOURNAL}", origin
                )
                (self.versions / f"{self.older[0].name}.json").unlink()
                self.older[0].rename(self.fresh)
                self.holds = dict(self.older[1])
            else:
                self.fresh.mkdir()
            self.fresh.chmod(FOLDER_MODE)
        return self.fresh

    def prepare(self, keys: dict[str, str], building: Iterable[str]) -> None:
        """While the shards `building` build, place the other kabupaten of `keys` that the shown
        version holds with the same key, in a forked process (hard links: on the first change
        after the first build, every file of the portal but the changed shards'). Nothing when
        no shard `building` can change the site (the new version is then never made)."""
        building = set(building)
        if self.shown is None or all(self.shown.get(slug) == keys[slug] for slug in building):
            return
        unchanged = {
            slug: key
            for slug, key in keys.items()
            if slug not in building and self.shown.get(slug) == key and not self._holds(slug, key)
        }
        if unchanged:
            self.placing = self._counted(lambda: Forked(lambda: self._place_all(unchanged))), unchanged

    def _place_all(self, shards: dict[str, str]) -> None:
        for slug in sorted(shards):
            self._place(slug, shards[slug])

    def _placed(self) -> None:
        """Wait for `prepare`'s process; what it placed the new version holds (its changes are
        in the journal, written before each). (What it did not place, for whatever error,
        `_publish` places: the same error is then raised there.)"""
        if self.placing is not None:
            process, shards = self.placing
            self.placing = None
            try:
                process.wait()
            except Exception:
                return
            self.holds.update(shards)

    def stage(self, slug: str, key: str, processes: int = 1) -> None:
        """Bring a changed shard's output into the new version (an unchanged one waits for
        `commit`, which places it only if something else changed), its new files copied by
        `processes` processes."""
        if self.shown is not None and self.shown.get(slug) == key:
            return
        self._counted(lambda: self._place(slug, key, processes))

    def _place(self, slug: str, key: str, processes: int = 1) -> None:
        """A shard's files in the new version: as they are when it holds them with this key;
        else an unchanged kabupaten made to match the shown version, a changed shard (and the
        portal's always: the shown root holds every kabupaten too) the work folder's output."""
        fresh = self._fresh()
        self.staged.add(slug)
        portal = slug == PORTAL_SHARD
        place = fresh if portal else fresh / slug
        if self._holds(slug, key):
            return
        unchanged = not portal and self.shown is not None and self.shown.get(slug) == key
        sync_tree(
            self.versions / str(self.current) / slug if unchanged else self.work / slug / "site",
            place,
            hard_link if unchanged else self._copy,
            () if portal else ROOT_ONLY,
            self.kabupaten if portal else frozenset(),
            processes,
            self.journal,
        )
        self.holds[slug] = key

    def _holds(self, slug: str, key: str) -> bool:
        """Whether the new version holds the shard `slug` with `key`."""
        place = self._fresh() if slug == PORTAL_SHARD else self._fresh() / slug
        return self.holds.get(slug) == key and place.is_dir()

    def _copy(self, source: str, target: str) -> None:
        """One new file of a changed shard: linked from the shown version where that has the
        same bytes (a changed shard costs its changed files, in time and space), else copied
        with its modification time (which tells the next build that it is unchanged)."""
        if self.current is not None:
            twin = self.versions / self.current / os.path.relpath(target, self._fresh())
            if copied_unchanged(source, twin):
                hard_link(str(twin), target)
                return
        copy_file(source, target)

    def _counted(self, step: Callable[[], T]) -> T:
        """Run a step of publishing, adding its wall and CPU time to `seconds`; its result."""
        wall, cpu = time.perf_counter(), cpu_time()
        result = step()
        self.seconds[0] += time.perf_counter() - wall
        self.seconds[1] += cpu_time() - cpu
        return result

    def commit(self, keys: dict[str, str], processes: int = 1) -> bool:
        """Show `keys` (shard -> key, every changed shard staged); whether anything changed. A
        spare is linked by `processes` processes."""
        if self.shown == keys:
            return False
        self._counted(lambda: self._publish(keys, processes))
        return True

    def _publish(self, keys: dict[str, str], processes: int) -> None:
        """Place the shards not staged, merge the sitemaps, record the keys, switch to the new
        version, remove the older ones and make the spare when it pays."""
        self._placed()
        for slug in sorted(keys.keys() - self.staged):
            self._place(slug, keys[slug])
        fresh = self._fresh()
        for slug in self.holds.keys() - keys.keys():  # a kabupaten no longer in the portal
            self._remove_from(fresh / slug)
        if self.journal is not None:
            for name in SITEMAP:  # written anew
                self.journal.renew(str(fresh / name))
        merge_sitemaps(fresh, [self.work / name / "site" for name in sorted(keys)])
        self._record(fresh, keys)
        previous = self._switch(fresh)
        self.fresh = None  # published: no longer discarded
        self._end_journal(fresh)  # nor the version it was made from put back
        self._remove_but(lambda number: number in (fresh.name, previous))
        if self.spare:
            self._make_spare(fresh, keys, processes)

    def _make_spare(self, shown: Path, keys: dict[str, str], processes: int) -> None:
        """Link the spare of the version `shown` just below it, its record last (a spare an
        interrupted build left unfinished is never used). The site is published by then: a spare
        that cannot be made (a full disk) is left without its record, for the next publishing to
        remove, and the next edit makes its version as it would without one."""
        spare = self.versions / str(int(shown.name) - 1)
        try:
            _link_copy(shown, spare, processes)
        except OSError:
            return
        self._record(spare, keys)

    def _record(self, version: Path, keys: dict[str, str]) -> None:
        """Record the shard keys `version` holds, beside it (renamed into place: whole or not there)."""
        record = self.versions / f"{version.name}.json.baru"
        record.write_text(json.dumps(keys, sort_keys=True), encoding="utf-8")
        record.replace(self.versions / f"{version.name}.json")

    def _switch(self, fresh: Path) -> str | None:
        """Point `site_dir` at `fresh` by renaming a new link over it; the version shown until
        now. A site folder published before versions existed becomes version 0 first (without
        a site for a moment, on that one build only)."""
        link = self._new_link()
        link.symlink_to(Path(self.versions.name) / fresh.name, target_is_directory=True)
        previous = self.current
        if self.site_dir.is_dir() and not self.site_dir.is_symlink():
            previous = "0"
            self.site_dir.rename(self.versions / previous)
        os.replace(link, self.site_dir)
        return previous

    def discard(self) -> None:
        """Remove a new version that was not published. One made from the version before the
        shown one is made that version again (`_restore`), so a failed build leaves it: to go
        back to by hand, and for the next build to make its version from."""
        self._placed()
        if self.fresh is None:
            return
        fresh, self.fresh = self.fresh, None
        if self.journal is not None:
            self.journal.close()
            self.journal = None
            self._restore(fresh.name)
        for suffix in (".json", "", UNDO, JOURNAL):  # the record first
            _remove(self.versions / f"{fresh.name}{suffix}")  # what was not put back

    def _remove_from(self, path: Path) -> None:
        """Remove a folder of the new version (moved aside while it can be undone)."""
        if self.journal is None:
            _remove(path)
        elif path.is_dir():
            self.journal.remove(str(path), True)

    def _end_journal(self, version: Path) -> None:
        """The shown `version` will not be undone: its journal closed and removed (what is
        left of it, the next build removes)."""
        journal, self.journal = self.journal, None
        if journal is not None:
            with contextlib.suppress(OSError):
                journal.close()
                _remove(self.versions / f"{version.name}{JOURNAL}")


def spare_pays(changed: int, kabupaten: int) -> bool:
    """Whether a build that changed `changed` of `kabupaten` kabupaten leaves a spare: when it
    changed at least two and at least half of them. Such a build is long anyway (a spare costs
    about a tenth of a second per kabupaten of 750 pages, against seconds to build one), and
    without a spare the next edit would bring all of them up to date in the version before;
    after a smaller build it brings only those few (the steady state of a clerk's edits)."""
    return changed >= 2 and 2 * changed >= kabupaten


def _link_copy(source: Path, target: Path, processes: int) -> None:
    """`target` made a copy of the version `source`, all hard links, by `processes` processes,
    folder by folder at its top: the list of files `sync_tree` makes at once is one folder's (a
    kabupaten's), whatever the portal's size."""
    target.mkdir()
    target.chmod(FOLDER_MODE)
    for entry in os.scandir(source):
        if entry.is_dir(follow_symlinks=False):
            sync_tree(Path(entry.path), target / entry.name, hard_link, processes=processes)
        else:
            hard_link(entry.path, str(target / entry.name))


def _remove(path: Path) -> None:
    """Remove a version or a record; what cannot be removed now is left for the next build's
    `_remove_leftovers`. (A version is mostly hard links: `shutil.rmtree` removed one faster
    than several threads, which pay only where removing frees data.)"""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)

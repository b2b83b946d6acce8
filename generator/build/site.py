"""Stage 5, build: one MkDocs build (a shard) per kabupaten plus one for the portal's own pages,
run in parallel, each reused while its inputs are unchanged, then assembled into a fresh folder
that replaces `site/` only when everything succeeded. A failed build leaves the old site.

A shard's key is a hash of everything its output depends on: the generator's code and templates,
portal.yml, the portal outline (names in the shared navigation and search) and every file of the
kabupaten with its change date. A shard whose key is unchanged is neither loaded, validated,
computed, rendered nor built again: its last output and summary are reused.
"""

from __future__ import annotations

import os
import resource
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable
from generator.load.tree import load_content
from generator.load.files import change_dates, content_files
from generator.problems import ContentError, Problem
from generator.render.pages.portal import Kerangka
from generator.validate.content import validate
from generator.build.keys import Berkas, _digest, code_digest, outline
from generator.build.mkdocs_run import BuildError
from generator.build.publish import INDUK, Publication
from generator.build.shard import Shard, _Task, _done, _reused, _run_shards, build_portal_shard, check_links


#: Build stages as the benchmark reports them: `kunci` hashes the content and reads the outline,
#: `susun` assembles the published folder; the others run once per rebuilt shard.
STAGES = ("kunci", "load", "validate", "compute", "render", "mkdocs", "susun")


Progress = Callable[[str], None]


@dataclass
class Hasil:
    """What a build did: pages, shards built and reused, and time per stage summed over shards."""

    site: Path
    halaman: int = 0
    ditulis: int = 0
    dibangun: list[str] = field(default_factory=list)
    dipakai_ulang: list[str] = field(default_factory=list)
    tahap: dict[str, list[float]] = field(default_factory=lambda: {s: [0.0, 0.0] for s in STAGES})
    waktu: float = 0.0

    def add(self, shard_result: Shard) -> None:
        self.ditulis += shard_result.ditulis
        for stage, (wall, cpu) in shard_result.tahap.items():
            self.tahap[stage][0] += wall
            self.tahap[stage][1] += cpu


def build_site(content_dir: Path, site_dir: Path, work_dir: Path, progress: Progress = print,
               jobs: int | None = None) -> Hasil:
    """Validate and build the portal under `content_dir` into `site_dir` (atomically replaced),
    rebuilding only the shards whose inputs changed since the last build in `work_dir`.
    Raises ContentError (every problem of every shard) or BuildError; the old site stays."""
    started = time.perf_counter()
    root, site_dir, work = content_dir.resolve(), site_dir.resolve(), work_dir.resolve() / "shard"
    jobs = jobs or len(os.sched_getaffinity(0))
    result = Hasil(site_dir)

    def step(message: str) -> None:
        progress(f"[{time.perf_counter() - started:5.1f} s] {message}")

    wall, cpu = time.perf_counter(), time.process_time()
    found = content_files(root) if root.is_dir() else {}
    diubah = change_dates(root, found) if found else {}
    problems: list[Problem] = []
    try:
        portal = validate(load_content(root, kabupaten="", diubah=diubah))
    except ContentError as exc:
        portal, problems = None, list(exc.problems)
    berkas = Berkas(root, found, diubah, work / "berkas.json")
    kerangka = outline(root, berkas) if root.is_dir() else Kerangka(())
    files = berkas.digests
    base = _digest([code_digest(), files.get("portal.yml"), kerangka.kabupaten])
    keys = {slug: _digest([base, berkas.per_folder.get(slug, {})]) for slug, _, _ in kerangka.kabupaten}
    summaries = {slug: s for slug in keys if (s := _reused(work, slug, keys[slug])) is not None}
    todo = [slug for slug in keys if slug not in summaries]
    result.tahap["kunci"] = [time.perf_counter() - wall, time.process_time() - cpu]
    step(f"{len(keys)} kabupaten; dibangun ulang: {len(todo)}, tidak berubah: {len(summaries)}")
    task = _Task(root, work, kerangka, diubah, berkas.per_folder, base, keys)
    publication = Publication(site_dir, work)
    try:
        for slug in summaries:
            publication.stage(slug, keys[slug])
        failed: dict[str, list[Problem]] = {}
        for shard_result in _run_shards(todo, task, jobs):
            step(_done(shard_result))
            if shard_result.error:
                raise BuildError(shard_result.error)
            failed[shard_result.slug] = shard_result.problems
            if shard_result.ringkasan is not None:
                summaries[shard_result.slug] = shard_result.ringkasan
                result.add(shard_result)
                publication.stage(shard_result.slug, keys[shard_result.slug])
        problems += [p for slug in sorted(failed) for p in failed[slug]]
        if problems or portal is None:
            unique = {p.render(root): p for p in problems}
            raise ContentError(list(unique.values()))
        ordered = [summaries[slug] for slug in keys]
        induk_key = _digest([base, sorted(keys.items())])
        induk, tautan = build_portal_shard(task, portal, ordered, induk_key)
        result.add(induk)
        broken = check_links([*ordered, tautan])
        if broken:
            raise BuildError("tautan antar-bagian situs tanpa halaman tujuan: " + ", ".join(broken[:10]))
        result.dibangun = todo + ([INDUK] if induk.halaman else [])
        result.dipakai_ulang = [s for s in keys if s not in todo] + ([] if induk.halaman else [INDUK])
        result.halaman = len(tautan.halaman) + sum(len(s.halaman) for s in ordered)
        publication.stage(INDUK, induk_key)
        if publication.commit({**keys, INDUK: induk_key}, max([0, *(s.diubah for s in ordered)])):
            step(f"Diterbitkan: {result.halaman} halaman")
        else:
            step("Tidak ada perubahan: situs sudah mutakhir.")
        result.tahap["susun"] = publication.waktu
    finally:
        publication.discard()
    berkas.save()
    if not portal.portal.url:
        step("Catatan: `url` di portal.yml kosong, jadi sitemap.xml tanpa alamat halaman dan halaman 404 "
             "hanya benar bila situs dipasang di akar domain.")
    result.waktu = time.perf_counter() - started
    step(f"Selesai: {site_dir}")
    return result


def peak_memory_mb() -> float:
    """Peak resident memory of this process and of its largest worker, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024

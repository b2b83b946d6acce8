"""Stage 5, build: one MkDocs build per kabupaten (a shard) plus one for the portal's own pages,
incremental, published only when everything succeeded."""

from generator.build.mkdocs_run import BuildError
from generator.build.preview import preview
from generator.build.site import BuildResult, assemble_site, build_part, build_site, peak_memory_mb

__all__ = ["BuildError", "BuildResult", "assemble_site", "build_part", "build_site", "peak_memory_mb", "preview"]

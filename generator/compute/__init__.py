"""Stage 3, compute: validated content -> every figure the pages show. Pure functions over plain
data, one module per family of figures (docs/domain.md §3); `compute(content)` runs the stage."""

from generator.compute.portal import PortalResult, compute

__all__ = ["PortalResult", "compute"]

"""Published figures against computed ones (docs/domain.md §3.10): one rule for every audit."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeGuard


@dataclass(frozen=True)
class Discrepancy:
    """A stated or printed figure that disagrees with what the portal derives."""

    besaran: str
    dinyatakan: float | str
    dihitung: float | str | None


def differs(published: float | str | None, computed: float | str | None, tolerance: float) -> TypeGuard[float | str]:
    """Whether a published figure disagrees with ours: numbers beyond the rounding tolerance,
    texts (grades) when not equal ignoring case, or anything published that we cannot compute.
    Nothing published never disagrees (so when this is true, `published` is not None)."""
    if published is None:
        return False
    if isinstance(published, str) or isinstance(computed, str) or computed is None:
        return str(published).strip().lower() != str(computed if computed is not None else "").strip().lower()
    return abs(published - computed) > tolerance

"""Problems found in content: where (file, line, field path), what value, why."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path
from typing import Literal


@dataclass(frozen=True)
class Problem:
    """One finding. `key` is the stable English name of the kind of problem."""

    file: Path
    path: str
    message: str
    key: str
    value: object = None
    line: int | None = None
    severity: Literal["error", "warning"] = "error"

    def render(self, root: Path | None = None) -> str:
        name = self.file
        if root is not None:
            with contextlib.suppress(ValueError):
                name = self.file.relative_to(root.parent)
        where = f"{name}:{self.line}" if self.line else f"{name}"
        field = f" {self.path}:" if self.path else ""
        value = "" if self.value is None else f" (nilai: {self.value!r})"
        level = "GALAT" if self.severity == "error" else "PERINGATAN"
        return f"{level} {where}:{field} {self.message}{value} [{self.key}]"


class ContentError(Exception):
    """Raised when content has errors; carries every problem found in one run."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(f"{len(problems)} masalah pada konten")

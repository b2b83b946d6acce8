"""Problems found in content: where (file, line, field path), what value, why."""

from __future__ import annotations

import contextlib
from collections import Counter
from collections.abc import Iterable
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
        value = "" if self.value is None else f" (nilai: {shown(self.value)})"
        level = "GALAT" if self.severity == "error" else "PERINGATAN"
        return f"{level} {where}:{field} {self.message}{value} [{self.key}]"


def shown(value: object) -> str:
    """A value as a problem line shows it: its repr, shortened when long (a 400-digit number,
    a pasted page)."""
    if isinstance(value, int) and abs(value) >= 10**40:
        return f"bilangan {value.bit_length() * 3 // 10} digit"
    return shorten(repr(value))


def shorten(text: str) -> str:
    """A text cut to about a line for a problem line, with its full length."""
    return text if len(text) <= 80 else f"{text[:60]}… ({len(text)} karakter)"


#: Most problems kept per file (and severity); the rest are counted in one line. A 50 MB CSV of
#: unknown ids would otherwise print millions of lines and hold every one in memory.
PER_FILE = 50


class Problems(list[Problem]):
    """Problems of one run, at most PER_FILE per file and severity: further ones are only
    counted. `len` counts every problem added, kept or not, so `len(problems) > before` tells
    whether a step found any; `reported()` adds a line per file saying how many were left out."""

    def __init__(self, problems: Iterable[Problem] = ()) -> None:
        super().__init__()
        self.added: Counter[tuple[Path, str]] = Counter()
        self.last_error = -1  # the number of problems added before the last error
        if isinstance(problems, Problems):
            super().extend(problems)
            self.added, self.last_error = problems.added.copy(), problems.last_error
        else:
            self.extend(problems)

    def append(self, problem: Problem) -> None:
        if problem.severity == "error":
            self.last_error = len(self)
        key = (problem.file, problem.severity)
        self.added[key] += 1
        if self.added[key] <= PER_FILE:
            super().append(problem)

    def extend(self, problems: Iterable[Problem]) -> None:
        for problem in problems:
            self.append(problem)

    def __iadd__(self, problems: Iterable[Problem]) -> Problems:  # type: ignore[override,misc]
        self.extend(problems)
        return self

    def __len__(self) -> int:
        return sum(self.added.values())

    def error_since(self, before: int) -> bool:
        """Whether an error was added since `len(self)` was `before`."""
        return self.last_error >= before

    def reported(self, severity: str | None = None) -> list[Problem]:
        """The problems kept (of one severity, or all), then one line per file with more."""
        kept = [p for p in self if severity in (None, p.severity)]
        return kept + [
            Problem(
                file,
                "",
                f"dan {count - PER_FILE} masalah lain di berkas ini (hanya {PER_FILE} yang pertama ditampilkan)",
                "more_problems",
                severity=level,  # type: ignore[arg-type]
            )
            for (file, level), count in self.added.items()
            if count > PER_FILE and severity in (None, level)
        ]


class ContentError(Exception):
    """Raised when content has errors; carries every problem found in one run (at most
    PER_FILE per file, see `Problems`)."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems.reported() if isinstance(problems, Problems) else list(problems)
        super().__init__(f"{len(problems)} masalah pada konten")

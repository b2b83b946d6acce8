"""`kinerja` with a guarantee left out, to measure what it costs (`bench/against_revision.py
--without`); never for a site anyone serves.

    python bench/without.py copies,gz build --content C --site S --work W

`copies`: publishing links a shard's new files from the work folder instead of copying them
(issue 19 requires copies: with links, an edit in the work folder changes the live site).
`gz`: no precompressed `.gz` copies (issue 16's, which nginx and Apache send to browsers).
"""

from __future__ import annotations

import sys

from generator.build import publish, shard
from generator.build.files import hard_link
from generator.cli import app


def leave_out(guarantee: str) -> None:
    """Replace the step that gives `guarantee` with the cheapest that still builds a site."""
    if guarantee == "copies":
        publish.Publication._copy = lambda self, source, target: hard_link(source, target)
    elif guarantee == "gz":
        shard.precompress = lambda site, record, processes=1, previous=None: {}
    else:
        raise SystemExit(f"unknown guarantee {guarantee!r}: copies or gz")


if __name__ == "__main__":
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    for name in sys.argv[1].split(","):
        leave_out(name)
    sys.argv = ["kinerja", *sys.argv[2:]]
    app()

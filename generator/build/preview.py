"""A local preview: build into the work folder and serve it on localhost."""

from __future__ import annotations

import contextlib
import functools
import http.server
from pathlib import Path

from generator.build.site import Progress, build_site


def preview(content_dir: Path, work_dir: Path, port: int, progress: Progress = print) -> None:
    """Build into work_dir/pratinjau and serve it on localhost until interrupted."""
    site = build_site(content_dir, work_dir / "pratinjau", work_dir, progress).site
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        progress(f"Pratinjau di http://127.0.0.1:{port}/ (Ctrl+C untuk berhenti)")
        with contextlib.suppress(KeyboardInterrupt):
            server.serve_forever()

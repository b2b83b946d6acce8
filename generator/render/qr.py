"""A QR code to a page's public address, drawn as SVG at build time (segno)."""

from __future__ import annotations

import io

import segno

from generator.render.page import page_folder


def public_address(base_url: str, source_path: str) -> str:
    """The address a page is published at, under the portal's public `url` (portal.yml)."""
    return f"{base_url.rstrip('/')}/{page_folder(source_path)}/"


def qr_svg(address: str) -> tuple[str, int]:
    """An SVG QR code (error correction M, 4 px modules, the standard quiet zone of 4 modules)
    that opens `address`, and its width in px; the same address always gives the same bytes."""
    code = segno.make(address, error="m")
    out = io.BytesIO()
    code.save(out, kind="svg", scale=4, border=4, xmldecl=False, svgclass=None, lineclass=None, title=address)
    return out.getvalue().decode("utf-8"), int(code.symbol_size(scale=4, border=4)[0])

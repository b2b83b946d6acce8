"""What a web server sends with the portal, defined once: security headers and cache lifetimes.

The build writes them into the published root for the hosts that read rules from the site
folder: `.htaccess` (Apache) and `_headers` (Pages-style hosts such as Cloudflare Pages and
Netlify). `deploy/nginx-portal.conf` carries the same headers for nginx; a test checks that it
says exactly what `SECURITY_HEADERS` says, and the server tests check what browsers receive.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from generator.build.precompress import COMPRESSED, write_new

#: Every resource from the site itself: no other host can be contacted, scripts only from the
#: site's files (no inline script, no eval). Images also as data: URIs (the theme's icons in its
#: CSS); style attributes carry the colours of a kabupaten's rating scale. A change of the theme
#: or of search that needs more must change this line, and the browser tests say so.
CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; style-src-attr 'unsafe-inline'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
}
#: Theme files whose name carries a hash of their content (a new version has a new name).
HASHED = r"\.[0-9a-f]{8}\.min\.(css|js)"
IMMUTABLE = "public, max-age=31536000, immutable"
#: Everything else (pages, data, the portal's own CSS) is checked with the server on every use.
REVALIDATE = "no-cache"
#: Media types of the compressed files, for servers that must be told (Apache with `.gz`).
MEDIA_TYPES = {
    ".html": "text/html",
    ".css": "text/css",
    ".js": "text/javascript",
    ".json": "application/json",
    ".csv": "text/csv",
    ".svg": "image/svg+xml",
    ".xml": "application/xml",
}
assert set(MEDIA_TYPES) == set(COMPRESSED)

HTACCESS_HEAD = """\
# Portal Kinerja on Apache (written by `kinerja build`; the rules live in generator/build/hosting.py).
# Needs: AllowOverride FileInfo Indexes Options (or All) for this folder, and the modules
# headers, rewrite and mime (Debian: a2enmod headers rewrite).
"""


def error_path(url: str | None) -> str:
    """The address path of 404.html where the portal's `url` puts the site ("/" without one)."""
    path = urlsplit(url).path if url else "/"
    return path.rstrip("/") + "/404.html"


def htaccess(url: str | None) -> str:
    """Apache rules: the 404 page, precompressed files, cache lifetimes, security headers."""
    types = "|".join(s[1:] for s in COMPRESSED)
    lines = [
        HTACCESS_HEAD,
        f"ErrorDocument 404 {error_path(url)}",
        "Options -Indexes",
        "# Hidden files and folders (an interrupted build's) and the rules for other hosts: not served.",
        'RedirectMatch 404 "/(\\.|_headers$)"',
        "",
        "<IfModule mod_rewrite.c>",
        "  RewriteEngine On",
        "  # No compression per request (mod_deflate): files of 1 KB or more have a precompressed",
        "  # copy, smaller ones fit in one network packet, and mod_deflate's ETags break revalidation.",
        '  RewriteRule "^" "-" [E=no-gzip:1]',
        "  # A file's precompressed copy, to a browser that accepts gzip.",
        '  RewriteCond "%{HTTP:Accept-Encoding}" "gzip"',
        '  RewriteCond "%{REQUEST_FILENAME}.gz" -s',
        f'  RewriteRule "^(.*)\\.({types})$" "$1.$2.gz" [L]',
        "</IfModule>",
        "<IfModule mod_mime.c>",
        "  RemoveType .gz",
        "  AddEncoding gzip .gz",
        "</IfModule>",
    ]
    lines += [
        f'<FilesMatch "\\{suffix}\\.gz$">\n  ForceType "{kind}; charset=utf-8"\n</FilesMatch>'
        for suffix, kind in MEDIA_TYPES.items()
    ]
    lines += [
        "<IfModule mod_headers.c>",
        *(f'  Header always set {name} "{value}"' for name, value in SECURITY_HEADERS.items()),
        f'  Header set Cache-Control "{REVALIDATE}"',
        f'  <FilesMatch "{HASHED}(\\.gz)?$">',
        f'    Header set Cache-Control "{IMMUTABLE}"',
        "  </FilesMatch>",
        f'  <FilesMatch "\\.({types})(\\.gz)?$">',
        '    Header append Vary "Accept-Encoding"',
        "  </FilesMatch>",
        "</IfModule>",
        "",
    ]
    return "\n".join(lines)


def headers_file() -> str:
    """`_headers` for Pages-style hosts: security headers everywhere, a year for hashed theme
    files (theirs is "revalidate" by default for the rest). Placeholders: the shards' folders."""
    lines = ["/*", *(f"  {name}: {value}" for name, value in SECURITY_HEADERS.items())]
    for folder in ("stylesheets", "javascripts"):
        for prefix in ("", "/:kabupaten"):
            lines += [f"{prefix}/assets/{folder}/*", f"  Cache-Control: {IMMUTABLE}"]
    return "\n".join(lines) + "\n"


def write_host_files(site: Path, url: str | None) -> None:
    """`.htaccess` and `_headers` in the published root (new files: published copies are links)."""
    write_new(site / ".htaccess", htaccess(url).encode())
    write_new(site / "_headers", headers_file().encode())

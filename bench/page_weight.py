"""Page weight of the built portal: what a visitor's browser transfers for one page of each
kind (HTML, CSS, JS, images, the search index and its worker), estimated (each file
gzip-compressed as a server would send it: generator/check/page_weight.py, the same figures
`kinerja periksa` checks against the budget) and as actually transferred by Debian's nginx with
deploy/nginx.conf (precompressed files, response headers included); and the size of the site.

    .venv/bin/python bench/page_weight.py [SITE_DIR] [--out bench/results/page-weight.md]

Without SITE_DIR the bundled demo content is built into a temporary folder first. Needs nginx
(`make test` installs it) and root or sudo (its workers run as www-data, like a real server's).
"""

from __future__ import annotations

import argparse
import shutil
import socket
import sys
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.servers import Nginx, served_folder
from generator.check.page_weight import BUDGET_KB, Weight, gzip_size, page_files, page_weight

#: A representative page of each kind in the demo portal.
PAGE_KINDS = {
    "Beranda": "index.html",
    "Kabupaten": "jombang/index.html",
    "Kecamatan": "jombang/megaluh/index.html",
    "Laporan Kinerja": "lumajang/kedungjajang/2024/index.html",
    "Hasil SKM": "lumajang/kedungjajang/2024/skm/index.html",
    "Pengumuman SKM": "lumajang/kedungjajang/2024/skm/pengumuman/index.html",
    "Anggaran": "jember/ajung/2023/anggaran/index.html",
    "Kinerja Individu": "lumajang/kedungjajang/2023/individu-tw2/index.html",
    "Perbandingan kecamatan": "lumajang/perbandingan-2024/index.html",
    "Metodologi": "metodologi/index.html",
    "Data terbuka": "data-terbuka/index.html",
}


def site_size(site: Path) -> tuple[int, int, int, int, int]:
    """Files, bytes and gzip bytes (estimate) of the whole site, then its .gz copies and their bytes."""
    files = [p for p in site.rglob("*") if p.is_file() and p.suffix != ".gz"]
    copies = [p for p in site.rglob("*.gz") if p.is_file()]
    return (
        len(files),
        sum(p.stat().st_size for p in files),
        sum(gzip_size(p) for p in files),
        len(copies),
        sum(p.stat().st_size for p in copies),
    )


def transferred(url: str) -> tuple[int, int]:
    """Bytes nginx sends for one request from a browser that accepts gzip, as they cross the
    network (status line, headers and body), and of those the status line and headers."""
    parts = urlsplit(url)
    with socket.create_connection((parts.hostname, parts.port), timeout=10) as connection:
        connection.sendall(
            f"GET {parts.path} HTTP/1.1\r\nHost: {parts.netloc}\r\nAccept-Encoding: gzip\r\n"
            "Connection: close\r\n\r\n".encode()
        )
        received = b""
        while chunk := connection.recv(65536):
            received += chunk
    return len(received), received.index(b"\r\n\r\n") + 4


def nginx_weights(site: Path) -> dict[str, tuple[int, int]]:
    """Per page kind, the bytes nginx transfers for a first visit (every file of `page_files`)
    and of those the headers."""
    with Nginx(site, site) as server:
        weights = {}
        for kind, page in PAGE_KINDS.items():
            if (site / page).exists():
                sent = [
                    transferred(server.root_url + f.relative_to(site).as_posix().removesuffix("index.html"))
                    for f in page_files(site, page)
                ]
                weights[kind] = (sum(total for total, _ in sent), sum(head for _, head in sent))
        return weights


def report(site: Path) -> tuple[str, dict[str, Weight]]:
    weights = {k: page_weight(site, p) for k, p in PAGE_KINDS.items() if (site / p).exists()}
    sent = nginx_weights(site)
    types = ["HTML", "CSS", "JS", "SVG", "Indeks pencarian", "Gambar lain"]
    kb = lambda n: f"{n / 1024:.1f}"  # noqa: E731
    lines = [
        "| Jenis halaman | " + " | ".join(types) + " | Total (KB gzip) | nginx (KB terkirim) | header | Anggaran |",
        "|---|" + "---:|" * (len(types) + 4),
    ]
    for kind, w in weights.items():
        ok = "ya" if w.total <= BUDGET_KB * 1024 else "**TIDAK**"
        lines.append(
            f"| {kind} | "
            + " | ".join(kb(w.by_type.get(t, 0)) for t in types)
            + f" | {kb(w.total)} | {kb(sent[kind][0])} | {kb(sent[kind][1])} | {ok} (≤ {BUDGET_KB}) |"
        )
    count, raw, packed, copies, copied = site_size(site)
    lines += [
        "",
        f"Seluruh situs: {count} berkas, {raw / 1024:.0f} KB ({packed / 1024:.0f} KB gzip), "
        f"ditambah {copies} salinan .gz ({copied / 1024:.0f} KB).",
        "",
        "Total: perkiraan (setiap berkas gzip level 6). nginx: byte yang benar-benar dikirim nginx "
        "dengan deploy/nginx.conf untuk kunjungan pertama (berkas .gz hasil build, gzip level 9), termasuk "
        "header HTTP (kolom header: baris status dan header, a.l. Content-Security-Policy).",
    ]
    return "\n".join(lines) + "\n", weights


def _build_demo(target: Path) -> Path:
    from generator.build import build_site

    return build_site(ROOT / "content", target / "site", target / "work", lambda _: None).site


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", nargs="?", type=Path)
    parser.add_argument("--out", type=Path, default=ROOT / "bench/results/page-weight.md")
    args = parser.parse_args()
    tmp = served_folder("kinerja-berat-")  # nginx's workers must be able to read it
    try:
        text, weights = report(args.site or _build_demo(tmp))
    finally:
        shutil.rmtree(tmp)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("# Berat halaman situs demo\n\n" + text, encoding="utf-8")
    print(text)
    if any(w.total > BUDGET_KB * 1024 for w in weights.values()):
        sys.exit(1)


if __name__ == "__main__":
    main()

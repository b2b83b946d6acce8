"""Command line: `kinerja validate | build | rakit | serve | periksa | contoh-skm | demo | templat | ekspor | impor |
impor-skm`."""

from __future__ import annotations

import signal
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import typer

from generator.load import load_content
from generator.model.content import Content
from generator.problems import ContentError
from generator.validate import validate as validate_content

if TYPE_CHECKING:
    from generator.build.parts import Bagian
    from generator.workbook.xlsx import Identity

app = typer.Typer(
    help="Portal Kinerja: validasi konten dan bangun situs portal kinerja kecamatan.",
    no_args_is_help=True,
    add_completion=False,
)

CONTENT = typer.Option(Path("content"), "--content", "-c", help="Folder konten.")


def _report(exc: ContentError, root: Path, outcome: str = "tidak ada yang diterbitkan") -> NoReturn:
    """Print every problem and what was therefore not done, then exit 1."""
    for problem in exc.problems:
        typer.echo(problem.render(root.resolve()), err=True)
    typer.echo(f"{len(exc.problems)} galat ditemukan; {outcome}.", err=True)
    raise typer.Exit(1)


def _validated(content_dir: Path) -> Content:
    """Load and validate, printing every problem; exit 1 on errors."""
    try:
        return validate_content(load_content(content_dir))
    except ContentError as exc:
        _report(exc, content_dir)


@app.command()
def validate(
    content_dir: Path = CONTENT,
    strict: bool = typer.Option(False, "--strict", help="Perlakukan catatan audit sebagai galat."),
) -> None:
    """Periksa konten: semua masalah dilaporkan sekaligus (exit 1 bila ada galat)."""
    from generator.compute.audit import audit_problems
    from generator.compute.portal import compute

    content = _validated(content_dir)
    try:
        hasil = compute(content)
    except ContentError as exc:
        _report(exc, content_dir)
    warnings = [*content.warnings, *audit_problems(hasil.register)]
    for problem in warnings:
        typer.echo(problem.render(content.root), err=True)
    count = sum(len(kec.tahun) for kab in content.kabupaten for kec in kab.kecamatan)
    individu = sum(len(kec.individu) for kab in content.kabupaten for kec in kab.kecamatan)
    typer.echo(
        f"Konten valid: {len(content.kabupaten)} kabupaten, {count} laporan kecamatan-tahun, "
        f"{individu} laporan kinerja individu, {len(warnings)} catatan audit."
    )
    if strict and warnings:
        raise typer.Exit(1)


WORK = typer.Option(Path("build"), "--work", help="Folder kerja (Markdown antara, bagian situs).")
SITE = typer.Option(Path("site"), "--site", help="Folder situs hasil.")


@app.command()
def build(
    content_dir: Path = CONTENT,
    site_dir: Path = SITE,
    work_dir: Path = WORK,
    jobs: int = typer.Option(0, "--jobs", "-j", help="Jumlah proses paralel (0: semua inti)."),
    bagian: str = typer.Option(
        "",
        "--bagian",
        help="I/N: bangun hanya bagian I dari N (kabupaten ke-I, ke-I+N, ... menurut urutan folder) ke folder "
        "kerja, tanpa situs; rakit semua bagian dengan `kinerja rakit`.",
    ),
) -> None:
    """Bangun situs: validasi -> hitung -> Markdown -> MkDocs, per kabupaten dan paralel; kabupaten
    yang kontennya tidak berubah tidak dibangun ulang. Situs lama diganti hanya bila berhasil."""
    from generator.build import build_part, build_site

    if bagian:
        part = _bagian(bagian)
        _building(lambda: build_part(content_dir, work_dir, part, typer.echo, jobs or None), content_dir, work_dir)
    else:
        _building(
            lambda: build_site(content_dir, site_dir, work_dir, typer.echo, jobs or None),
            content_dir,
            work_dir,
            site_dir,
        )


def _bagian(text: str) -> Bagian:
    from generator.build.parts import Bagian

    try:
        return Bagian.parse(text)
    except ValueError as exc:
        typer.echo(f"GALAT {exc}", err=True)
        raise typer.Exit(1) from None


@app.command()
def rakit(
    bagian_dari: list[Path] = typer.Option(
        ...,
        "--bagian-dari",
        help="Folder kerja satu bagian (`kinerja build --bagian I/N`); ulangi untuk setiap bagian.",
    ),
    content_dir: Path = CONTENT,
    site_dir: Path = SITE,
    work_dir: Path = WORK,
) -> None:
    """Rakit situs dari bagian-bagian yang dibangun terpisah (mis. di mesin lain): setiap kabupaten
    diambil dari bagiannya dan harus sama dengan yang diberikan konten dan versi generator ini (tidak
    dibangun ulang); lalu halaman portal, pemeriksaan tautan dan penerbitan seperti `kinerja build`."""
    from generator.build import assemble_site

    _building(
        lambda: assemble_site(content_dir, site_dir, work_dir, bagian_dari, typer.echo), content_dir, work_dir, site_dir
    )


class _Terminated(KeyboardInterrupt):
    """SIGTERM (a service stopped, `timeout`), raised where the build is, so that it ends as after
    Ctrl-C: the new version removed, the one it was made from put back, the locks released."""


def _terminate(signum: int, frame: object) -> NoReturn:
    raise _Terminated


def _building(run: Callable[[], object], content_dir: Path, work_dir: Path, site_dir: Path | None = None) -> None:
    """Run a build; its problems as GALAT lines and exit 1 (the site, when there is one,
    unchanged); stopped by Ctrl-C or SIGTERM, exit 130 or 143."""
    from generator.build import BuildError

    site = "" if site_dir is None else f"situs ({site_dir}) dan "
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        run()
    except KeyboardInterrupt as exc:
        typer.echo("Pembangunan dihentikan." + (" Situs lama tidak diubah." if site_dir else ""), err=True)
        raise typer.Exit(143 if isinstance(exc, _Terminated) else 130) from None
    except ContentError as exc:
        _report(exc, content_dir)
    except BuildError as exc:
        for line in str(exc).splitlines():
            typer.echo(f"GALAT pembangunan situs: {line}", err=True)
        if site_dir is not None:
            typer.echo("Situs lama tidak diubah.", err=True)
        raise typer.Exit(1) from None
    except OSError as exc:  # a folder not writable, a disk full, a damaged or shared work folder
        typer.echo(
            f"GALAT pembangunan situs: {exc.strerror or exc}: {exc.filename or ''} [{type(exc).__name__}]", err=True
        )
        typer.echo(
            f"Periksa izin dan ruang folder {site}folder kerja ({work_dir}), dan bahwa tidak ada "
            "pembangunan lain yang berjalan bersamaan.",
            err=True,
        )
        raise typer.Exit(1) from None
    finally:
        signal.signal(signal.SIGTERM, previous)


@app.command()
def serve(
    content_dir: Path = CONTENT,
    work_dir: Path = typer.Option(Path("build"), "--work"),
    port: int = typer.Option(8000, help="Port lokal."),
) -> None:
    """Bangun lalu sajikan situs di http://127.0.0.1:PORT/ (untuk pratinjau)."""
    from generator.build import BuildError, preview

    try:
        preview(content_dir, work_dir=work_dir, port=port, progress=typer.echo)
    except ContentError as exc:
        _report(exc, content_dir)
    except BuildError as exc:
        typer.echo(f"GALAT pembangunan situs: {exc}", err=True)
        raise typer.Exit(1) from None


@app.command()
def periksa(
    site: Path = typer.Argument(Path("site"), help="Folder situs hasil `kinerja build`."),
    url: str = typer.Option("", "--url", help="Alamat publik situs (seperti `url` di portal.yml)."),
) -> None:
    """Periksa situs sebelum diterbitkan: tautan rusak, permintaan ke host lain, berat halaman,
    lang="id", teks alt, dan berkas yang tidak boleh diterbitkan (exit 1 bila ada)."""
    from generator.check import check_site

    if not (site / "index.html").is_file():
        typer.echo(f"GALAT {site}: bukan folder situs (index.html tidak ada) [not_a_site]", err=True)
        raise typer.Exit(1)
    found, pages = check_site(site, url)
    for finding in found:
        typer.echo(finding.render(site), err=True)
    if found:
        typer.echo(f"{len(found)} masalah ditemukan di {pages} halaman; perbaiki sebelum diterbitkan.", err=True)
        raise typer.Exit(1)
    typer.echo(f"Situs lolos pemeriksaan: {pages} halaman.")


@app.command("contoh-skm")
def contoh_skm(
    keluar: Path = typer.Argument(..., help="Berkas CSV tujuan, mis. .../2023/skm-s1.csv"),
    responden: int = typer.Option(150, help="Jumlah responden."),
    seed: int = typer.Option(1, help="Benih acak: benih sama, berkas sama."),
    layanan: str = typer.Option(..., help="Id layanan dipisah koma (sesuai skm.yml)."),
    mulai: str = typer.Option(..., help="Tanggal awal periode, YYYY-MM-DD."),
    hari: int = typer.Option(181, help="Panjang periode dalam hari."),
    kode_awal: int = typer.Option(1, help="Nomor responden pertama."),
) -> None:
    """Tulis jawaban SKM SINTETIS (contoh, bukan data nyata) untuk demo dan uji."""
    from datetime import date

    from generator.synthetic.skm import jawaban_sintetis

    keluar.write_text(
        jawaban_sintetis(responden, seed, layanan.split(","), date.fromisoformat(mulai), hari, kode_awal),
        encoding="utf-8",
    )
    typer.echo(f"{responden} jawaban sintetis ditulis ke {keluar}")


@app.command()
def demo(
    keluar: Path = typer.Argument(..., help="Folder konten baru (kosong, atau portal sintetis lama yang diganti)."),
    kabupaten: int = typer.Option(1, "--kabupaten", min=1),
    kecamatan: int = typer.Option(3, "--kecamatan", min=1),
    tahun: int = typer.Option(1, "--tahun", min=1, max=25, help="Jumlah tahun (paling banyak 25), berakhir di 2024."),
    seed: int = typer.Option(1, "--seed"),
) -> None:
    """Tulis portal SINTETIS lengkap (untuk uji dan benchmark; bukan data nyata)."""
    import shutil

    from generator.synthetic.portal import NOTE, portal_sintetis

    if keluar.exists() and any(keluar.iterdir()):
        portal = keluar / "portal.yml"
        if not portal.is_file() or not portal.read_text(encoding="utf-8").startswith(NOTE):
            typer.echo(
                f"GALAT {keluar}: folder ini berisi data yang bukan portal sintetis; tidak ditimpa "
                "(folder not empty) [not_empty]",
                err=True,
            )
            raise typer.Exit(1)
        shutil.rmtree(keluar)
    n = portal_sintetis(keluar, kabupaten, kecamatan, list(range(2025 - tahun, 2025)), seed)
    typer.echo(f"{n} laporan kecamatan-tahun sintetis ditulis ke {keluar}")


# ---------------------------------------------------------------- workbooks for clerks (generator.workbook)

KELUAR_XLSX = typer.Option(..., "--keluar", "-o", help="Berkas .xlsx tujuan.")


def _identity(kabupaten_kecamatan: str, tahun: int) -> Identity:
    from generator.workbook.workbook import target
    from generator.workbook.xlsx import Identity

    try:
        return Identity(*target(kabupaten_kecamatan), tahun)
    except ValueError as exc:
        typer.echo(f"GALAT {exc}", err=True)
        raise typer.Exit(1) from None


@app.command()
def templat(
    kecamatan: str = typer.Argument(..., help="<kabupaten>/<kecamatan>, mis. lumajang/kedungjajang"),
    tahun: int = typer.Argument(..., help="Tahun laporan."),
    keluar: Path = KELUAR_XLSX,
    content_dir: Path = CONTENT,
) -> None:
    """Buku kerja kosong untuk satu kecamatan-tahun, berisi susunan tahun sebelumnya bila ada."""
    from generator.workbook.workbook import template

    try:
        source = template(content_dir, _identity(kecamatan, tahun), keluar)
    except ContentError as exc:
        _report(exc, content_dir, "buku kerja tidak ditulis")
    basis = f"susunan tahun {source}" if source else "tanpa data tahun sebelumnya"
    typer.echo(f"Templat {kecamatan} {tahun} ({basis}) ditulis ke {keluar}")


@app.command()
def ekspor(
    kecamatan: str = typer.Argument(..., help="<kabupaten>/<kecamatan>"),
    tahun: int = typer.Argument(..., help="Tahun laporan."),
    keluar: Path = KELUAR_XLSX,
    content_dir: Path = CONTENT,
) -> None:
    """Konten satu kecamatan-tahun sebagai buku kerja (impor kembali memberi berkas yang sama)."""
    from generator.workbook.workbook import export

    try:
        export(content_dir, _identity(kecamatan, tahun), keluar)
    except ContentError as exc:
        _report(exc, content_dir, "buku kerja tidak ditulis")
    typer.echo(f"Konten {kecamatan} {tahun} ditulis ke {keluar}")


@app.command()
def impor(
    berkas: Path = typer.Argument(..., help="Buku kerja .xlsx (dari kinerja templat atau ekspor)."),
    content_dir: Path = CONTENT,
    periksa: bool = typer.Option(False, "--periksa", help="Hanya periksa; tidak menulis berkas."),
) -> None:
    """Periksa buku kerja dengan aturan kinerja validate lalu tulis berkas konten; bila ada galat
    (dilaporkan sebagai Lembar!Sel) tidak ada yang ditulis."""
    from generator.workbook.workbook import import_workbook

    result = import_workbook(content_dir, berkas, write=not periksa)
    for line in [*result.errors, *result.warnings]:
        typer.echo(line, err=True)
    if result.errors:
        typer.echo(f"{len(result.errors)} galat ditemukan; tidak ada berkas yang ditulis.", err=True)
        raise typer.Exit(1)
    if periksa:
        typer.echo("Buku kerja valid (tidak ada berkas yang ditulis: --periksa).")
        return
    for label, paths in (("ditulis", result.written), ("dihapus", result.deleted)):
        for path in paths:
            typer.echo(f"{label}: {path}")
    typer.echo(
        f"Impor selesai: {len(result.written)} berkas ditulis, {len(result.unchanged)} tidak berubah, "
        f"{len(result.deleted)} dihapus."
    )


@app.command("impor-skm")
def impor_skm(
    formulir: Path = typer.Argument(..., help="Ekspor formulir daring (.csv atau .xlsx)."),
    pemetaan: Path = typer.Option(..., "--pemetaan", "-p", help="Berkas pemetaan kolom (YAML)."),
    keluar: Path = typer.Option(..., "--keluar", "-o", help="Berkas tujuan .../<tahun>/skm-<periode>.csv"),
    lewati_baris: bool = typer.Option(
        False, "--lewati-baris", help="Lewati baris berjawaban kosong atau tidak dikenal."
    ),
) -> None:
    """Jawaban SKM dari ekspor formulir menjadi skm-<periode>.csv; kolom data pribadi (nama, nomor HP,
    e-mail, NIK/NIP) dibuang."""
    from generator.workbook.form import import_form

    result = import_form(formulir, pemetaan, keluar, lewati_baris)
    for line in result.errors:
        typer.echo(f"GALAT {line}", err=True)
    if result.errors:
        typer.echo(
            f"{len(result.errors)} galat; {keluar} tidak ditulis"
            + (" (baris bermasalah dapat dilewati dengan --lewati-baris)." if result.skippable else "."),
            err=True,
        )
        raise typer.Exit(1)
    for line in result.skipped:
        typer.echo(f"DILEWATI {line}", err=True)
    if result.dropped:
        typer.echo(f"Kolom data pribadi dibuang: {', '.join(result.dropped)}")
    if result.redacted:
        typer.echo(f"Data pribadi dihapus dari {result.redacted} saran.")
    typer.echo(f"{result.rows} jawaban ditulis ke {keluar} ({len(result.skipped)} baris dilewati).")

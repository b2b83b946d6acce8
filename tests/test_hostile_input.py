"""Hostile and careless content (issue 19): every case ends in GALAT lines naming file, line and
field, never a traceback; nothing is expanded, followed or used before it is validated."""

from __future__ import annotations

import csv
import os
import pickle
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import edit, line_of, only, problems

from generator.build import build_site
from generator.compute.audit import audit_problems
from generator.compute.portal import compute
from generator.load import load_content
from generator.problems import PER_FILE, ContentError
from generator.validate import validate

YEAR = "lumajang/kedungjajang/2024"
KEC = "lumajang/kedungjajang"


def kinerja(command: str, *args: str | Path, unprivileged: bool = False) -> subprocess.CompletedProcess[str]:
    """The `kinerja` command in a new process; `unprivileged`: without root's power to read and
    write any file (so that file modes are obeyed as they are for a clerk's account)."""
    prefix = []
    if unprivileged and os.geteuid() == 0:
        caps = "-dac_override,-dac_read_search"
        prefix = ["setpriv", "--bounding-set", caps, "--inh-caps", caps]
    code = "from generator.cli import app; app()"
    return subprocess.run(
        [*prefix, sys.executable, "-c", code, command, *map(str, args)],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "SOURCE_DATE_EPOCH": "1735689600"},
    )


def assert_galat(result: subprocess.CompletedProcess[str], *needles: str) -> None:
    """Exit 1, GALAT lines naming what is wrong, no traceback."""
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    assert "GALAT" in result.stderr
    for needle in needles:
        assert needle in result.stderr, result.stderr


# Numbers ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    [".nan", ".inf", "-.inf", "1.0e+400", "1" * 400, '"' + "1" * 400 + '"', '"1' + "0" * 20 + '"'],
    ids=["nan", "inf", "-inf", "1e400", "400-digits", "400-digits-quoted", "1e20-quoted"],
)
def test_numbers_that_are_not_finite_or_too_large_name_file_line_and_field(mini, written):
    f = mini / YEAR / "kinerja.yml"
    edit(f, "pk_awal: 83,5", f"pk_awal: {written}")
    p = only(mini)
    assert (p.file, p.key, p.line) == (f, "number", line_of(f, f"pk_awal: {written[:10]}"))
    assert p.path == "tujuan[T1].indikator[ikm-kabupaten].target.pk_awal"
    assert "terlalu besar" in p.message or "bukan angka" in p.message
    assert len(p.render(mini)) < 300  # a 400-digit value is shown shortened


def test_a_400_digit_number_in_a_csv_names_row_and_column(mini):
    f = mini / YEAR / "realisasi.csv"
    edit(f, '"85,74","82,87"', '"85,74","' + "9" * 400 + '"')
    p = only(mini)
    assert (p.file, p.path, p.key, p.line) == (f, "tahunan", "number", 3)


def _print(root: Path, row: str) -> tuple[Path, int]:
    """A row added to the year's dilaporkan.csv: the file and the row's line."""
    f = root / YEAR / "dilaporkan.csv"
    line = f.read_text(encoding="utf-8").count("\n") + 1
    with f.open("a", encoding="utf-8") as out:
        out.write(row + "\n")
    return f, line


@pytest.mark.parametrize("printed", ["1" * 400, "1.0e+400", "nan", "inf", "-" + "9" * 5000])
def test_a_printed_figure_that_is_no_finite_number_is_a_line_not_a_crash(mini, printed):
    f, line = _print(mini, f"iku/ikm-kabupaten/capaian,{printed},Bab III")
    with pytest.raises(ContentError) as exc:
        compute(validate(load_content(mini)))
    (p,) = exc.value.problems
    assert (p.file, p.line, p.path, p.key) == (f, line, "nilai", "not_a_number")
    assert len(p.render(mini)) < 500  # the text shown shortened, however long


def test_long_printed_texts_are_shortened_in_warning_lines(mini):
    f, first = _print(mini, f"iku/ikm-kabupaten/predikat,{'Tinggi ' * 700},{'Bab III ' * 700}")
    _print(mini, f'iku/ikm-kabupaten/capaian,"100,{"1" * 400}",Bab III')
    warnings = audit_problems(compute(validate(load_content(mini))).register)
    lines = [p.render(mini) for p in warnings if p.file == f and p.line in (first, first + 1)]
    assert len(lines) == 2 and all(len(line) < 400 for line in lines), lines


def test_a_number_too_long_for_python_is_a_line_not_a_crash(mini):
    f = mini / YEAR / "kinerja.yml"
    edit(f, "pk_awal: 83,5", "pk_awal: " + "7" * 5000)
    p = only(mini)
    assert (p.key, p.line) == ("yaml_syntax", line_of(f, "pk_awal: 777"))


def test_an_impossible_date_is_a_line_not_a_crash(mini):
    f = mini / KEC / "kecamatan.yml"
    edit(f, "nama: Kedungjajang", "nama: Kedungjajang\nalamat: 2024-02-30")
    p = only(mini)
    assert (p.key, p.line) == ("yaml_syntax", 2)


def test_a_negative_target_is_refused_unless_the_indicator_allows_it(mini):
    f = mini / YEAR / "kinerja.yml"
    edit(f, "pk_awal: 83,5", 'pk_awal: "-83,5"')
    p = only(mini)
    assert (p.file, p.key, p.value) == (f, "negative", -83.5)
    assert p.path == "tujuan[T1].indikator[ikm-kabupaten].target.pk_awal"
    assert "nilai_negatif: true" in p.message


def test_a_negative_realisasi_is_refused_with_its_row(mini):
    f = mini / YEAR / "realisasi.csv"
    edit(f, '"85,74","82,87"', '"85,74","-82,87"')
    p = only(mini)
    assert (p.file, p.path, p.key, p.line) == (f, "tahunan", "negative", 3)


def test_an_indicator_that_allows_negative_values_gets_no_capaian_for_a_negative_target(mini):
    from generator.compute.capaian import TARGET_NEGATIF

    f = mini / YEAR / "kinerja.yml"
    old = "        target:\n          pk_awal: 83,5\n          pk_perubahan: 83,5"
    edit(
        f,
        old,
        '        nilai_negatif: true\n        target:\n          pk_awal: "-83,5"\n          pk_perubahan: "-83,5"',
    )
    text = f.read_text(encoding="utf-8")
    assert text.count("nilai_negatif") == 1
    hasil = compute(validate(load_content(mini)))
    (lp,) = [lp for lp in hasil.laporan if lp.tahun == 2024]
    found = [h for h in lp.iku if h.indikator.id == "ikm-kabupaten"]
    assert found and found[0].capaian.nilai is None and found[0].capaian.alasan == TARGET_NEGATIF


# YAML ----------------------------------------------------------------------------------------

BOMB = """nama: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
nama2: [*i, *i, *i, *i, *i, *i, *i, *i, *i]
"""


def test_a_yaml_alias_bomb_is_refused_before_it_is_expanded(mini):
    f = mini / KEC / "kecamatan.yml"
    f.write_text(BOMB, encoding="utf-8")
    p = only(mini)
    assert (p.file, p.key, p.line) == (f, "yaml_alias", 2)
    assert "simpul" in p.message


def test_a_yaml_alias_referring_to_itself_is_refused(mini):
    f = mini / KEC / "kecamatan.yml"
    edit(f, "nama: Kedungjajang", "nama: Kedungjajang\ndesa: &d [*d]")
    p = only(mini)
    assert (p.key, p.line) == ("yaml_alias", 2)


def test_short_aliases_as_the_demo_uses_them_are_accepted(mini):
    f = mini / YEAR / "narasi.yml"
    text = f.read_text(encoding="utf-8")
    assert "faktor_pendukung: " in text
    validate(load_content(mini))


def test_yaml_nested_deeper_than_the_parser_can_take_is_refused_without_crashing(mini, tmp_path):
    f = mini / KEC / "kecamatan.yml"
    f.write_text("nama: Kedungjajang\ndesa: " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    result = kinerja("validate", "--content", mini)  # a crash here would be a segmentation fault
    assert_galat(result, "kecamatan.yml:2:", "bersarang terlalu dalam", "[yaml_depth]")


@pytest.mark.parametrize(("char", "name"), [("\x0c", "form feed"), ("\x00", "NUL"), ("\x1b", "escape")])
def test_control_characters_pasted_from_a_pdf_name_file_line_and_column(mini, char, name):
    f = mini / YEAR / "kinerja.yml"
    edit(f, "pk_awal: 83,5", f"pk_awal: 83,5{char}")
    p = only(mini)
    assert (p.file, p.key, p.line) == (f, "control_character", line_of(f, "pk_awal: 83,5"))
    assert name in p.message and "kolom 24" in p.message


def test_control_characters_in_a_csv_are_refused_too(mini):
    f = mini / YEAR / "realisasi.csv"
    edit(f, "IKM Kabupaten Lumajang", "IKM Kabupaten\x0cLumajang")
    p = only(mini)
    assert (p.file, p.key, p.line) == (f, "control_character", 2)


# CSV -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("row", [2, 3], ids=["closed-by-a-later-quote", "open-until-the-end"])
def test_an_unclosed_quote_names_the_line_where_it_opens(mini, row):
    f = mini / YEAR / "realisasi.csv"
    lines = f.read_text(encoding="utf-8").splitlines()
    lines[row - 1] = ",".join(next(csv.reader([lines[row - 1]]))[:6]) + ',"keterangan tanpa tanda kutip penutup'
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    p = only(mini)
    assert (p.file, p.key, p.line) == (f, "csv_quote", row)
    assert "tidak ditutup" in p.message


def test_a_column_written_twice_in_the_header(mini):
    f = mini / YEAR / "realisasi.csv"
    header = f.read_text(encoding="utf-8").splitlines()[0]
    edit(f, header, header.replace(",keterangan", ",tw1"))
    p = only(mini)
    assert (p.file, p.path, p.key, p.line) == (f, "tw1", "duplicate_column", 1)


def test_a_semicolon_header_with_comma_rows(mini):
    f = mini / YEAR / "realisasi.csv"
    header = f.read_text(encoding="utf-8").splitlines()[0]
    edit(f, header, header.replace(",", ";"))
    p = only(mini)
    assert (p.file, p.key, p.line) == (f, "csv_delimiter", 2)
    assert "';'" in p.message and "','" in p.message


def test_problems_are_capped_per_file_with_a_count_of_the_rest(mini):
    f = mini / KEC / "riwayat.csv"
    header = f.read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("indikator,tahun")
    columns = header.split(",")
    rows = [",".join([f"tidak-ada-{i}", "2022", *[""] * (len(columns) - 2)]) for i in range(20_000)]
    f.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    found = problems(mini)
    assert len(found) == PER_FILE + 1
    assert all(p.key == "unknown_reference" for p in found[:PER_FILE])
    assert found[-1].key == "more_problems" and f"dan {20_000 - PER_FILE} masalah lain" in found[-1].message


def test_a_file_larger_than_content_needs_is_not_read(mini):
    f = mini / KEC / "riwayat.csv"
    with f.open("a", encoding="utf-8") as out:
        out.write(("x" * 1023 + "\n") * 11 * 1024)
    p = only(mini)
    assert (p.file, p.key) == (f, "too_large")


# Folders, links, special and unreadable files -----------------------------------------------


def test_a_folder_name_too_long_for_the_build(mini):
    long = mini / "lumajang" / ("k" * 250)
    shutil.copytree(mini / KEC, long)
    p = only(mini)
    assert (p.file, p.key) == (long, "folder_name")
    assert "terlalu panjang (250 karakter" in p.message


def test_a_hidden_kecamatan_folder_is_reported_not_skipped(mini):
    hidden = mini / "lumajang" / "..kedungjajang"
    (mini / KEC).rename(hidden)
    p = only(mini)
    assert (p.file, p.key) == (hidden, "hidden_folder")


def test_hidden_files_of_editors_and_systems_are_ignored(mini):
    (mini / KEC / ".DS_Store").write_bytes(b"\0\1")
    (mini / YEAR / ".kinerja.yml.swp").write_bytes(b"\0\1")
    validate(load_content(mini))


@pytest.mark.parametrize("target", ["narasi", "kecamatan", "passwd"])
def test_symlinks_in_content_are_refused_never_followed(mini, tmp_path, target):
    outside = tmp_path / "di-luar"
    outside.mkdir()
    if target == "narasi":
        link = mini / YEAR / "narasi.yml"
        shutil.move(link, outside / "narasi.yml")
        link.symlink_to(outside / "narasi.yml")
    elif target == "kecamatan":
        link = mini / "lumajang" / "tetangga"
        shutil.copytree(mini / KEC, outside / "tetangga")
        link.symlink_to(outside / "tetangga", target_is_directory=True)
    else:
        link = mini / KEC / "pembanding.csv"
        link.unlink()
        link.symlink_to("/etc/passwd")
    p = only(mini)
    assert (p.file, p.key) == (link, "symlink")
    assert "root:" not in p.render(mini)


def test_a_fifo_in_content_is_refused_without_waiting_for_it(mini):
    fifo = mini / YEAR / "sumber-daya.yml"
    fifo.unlink()
    os.mkfifo(fifo)
    p = only(mini)
    assert (p.file, p.key) == (fifo, "special_file")


def test_an_unreadable_content_file_is_a_galat_line(mini):
    (mini / YEAR / "narasi.yml").chmod(0)
    result = kinerja("validate", "--content", mini, unprivileged=True)
    assert_galat(result, "narasi.yml", "tidak dapat dibaca", "[unreadable]")


@pytest.mark.slow
def test_an_unreadable_content_file_fails_the_build(mini, tmp_path):
    (mini / YEAR / "narasi.yml").chmod(0)
    build = kinerja(
        "build", "--content", mini, "--site", tmp_path / "site", "--work", tmp_path / "w", unprivileged=True
    )
    assert_galat(build, "narasi.yml", "[unreadable]")
    assert not (tmp_path / "site").exists()


# The build -----------------------------------------------------------------------------------


def _build(content: Path, tmp: Path, *, unprivileged: bool = False) -> subprocess.CompletedProcess[str]:
    return kinerja(
        "build", "--content", content, "--site", tmp / "site", "--work", tmp / "work", unprivileged=unprivileged
    )


@pytest.mark.slow
def test_the_build_reads_no_name_before_it_is_validated(mini, tmp_path):
    """The portal outline (names in every shard's navigation) used to expand an alias bomb in a
    kecamatan name before validating it; with 1 GB of address space it ends in a GALAT line."""
    (mini / KEC / "kecamatan.yml").write_text(BOMB, encoding="utf-8")
    code = (
        "import resource, sys; resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30)); "
        "from generator.cli import app; sys.argv[0] = 'kinerja'; app()"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, "build", "--content", mini, "--site", tmp_path / "s", "--work", tmp_path / "w"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert_galat(result, "kecamatan.yml:2:", "[yaml_alias]")


@pytest.mark.slow
@pytest.mark.parametrize("case", ["400-digits-quoted", "nan", "long-folder", "hidden-folder", "negative-target"])
def test_bad_content_fails_the_build_with_galat_lines_and_publishes_nothing(mini, tmp_path, case):
    f = mini / YEAR / "kinerja.yml"
    if case == "400-digits-quoted":
        edit(f, "pk_awal: 83,5", 'pk_awal: "' + "1" * 400 + '"')
    elif case == "nan":
        edit(f, "pk_awal: 83,5", "pk_awal: .nan")
    elif case == "long-folder":
        shutil.copytree(mini / KEC, mini / "lumajang" / ("k" * 250))
    elif case == "hidden-folder":
        (mini / KEC).rename(mini / "lumajang" / "..kedungjajang")
    else:
        edit(f, "pk_awal: 83,5", "pk_awal: -5")
    result = _build(mini, tmp_path)
    assert_galat(result)
    assert "tidak ada yang diterbitkan" in result.stderr
    assert not (tmp_path / "site").exists()


@pytest.mark.slow
def test_a_read_only_site_folder_is_a_galat_line_before_anything_is_built(mini, tmp_path):
    site = tmp_path / "terbit"
    site.mkdir()
    site.chmod(0o555)
    result = kinerja("build", "--content", mini, "--site", site / "situs", "--work", tmp_path / "w", unprivileged=True)
    assert_galat(result, "tidak dapat ditulis", str(site))
    assert not (tmp_path / "w").exists()


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _damaged_record(work: Path, kind: str, data: object) -> None:
    """Kedungjajang's record of `kind` (its folder in the shard) replaced by `data`, and the
    shard's key removed: the shard is built again with the kecamatan's key unchanged, so the
    damaged record is read."""
    next((work / "lumajang" / kind).glob("kedungjajang.*")).write_bytes(pickle.dumps(data))
    (work / "lumajang/key").unlink()


#: Damage done to the work folder, and whether the content changes before the next build (a
#: reused shard, or one built again in MkDocs' dirty mode over the damaged last build).
DAMAGE = {
    "shard-site-deleted": (lambda w: shutil.rmtree(w / "lumajang/site"), True),
    "page-deleted": (lambda w: (w / "lumajang/site/kedungjajang/index.html").unlink(), False),
    "portal-page-deleted": (lambda w: (w / "_portal/site/metodologi/index.html").unlink(), False),
    "search-records-of-another-shape": (
        lambda w: (w / "lumajang/search-pages.pickle").write_bytes(pickle.dumps({"index.html": 1})),
        True,
    ),
    "search-segment-of-a-module-gone": (
        lambda w: (w / "lumajang/search.pickle").write_bytes(b"ctidak_ada\nX\n."),
        True,
    ),
    "kept-pages-a-list": (lambda w: _damaged_record(w, "halaman", [1]), False),
    "kept-pages-of-another-shape": (
        lambda w: _damaged_record(w, "halaman", {"g": [1]}),
        False,
    ),
    "pickle-of-a-module-gone": (lambda w: (w / "lumajang/summary.pickle").write_bytes(b"ctidak_ada\nX\n."), False),
    "pickle-of-another-shape": (
        lambda w: _damaged_record(w, "kecamatan", {"x": [1]}),
        False,
    ),
    "hashes-of-another-shape": (
        lambda w: (w / "content-hashes.json").write_text('{"files": {"portal.yml": [1]}}'),
        False,
    ),
}


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The demo with one changed value, built from scratch: what every recovery must publish."""
    tmp = tmp_path_factory.mktemp("rujukan")
    shutil.copytree(Path(__file__).resolve().parent.parent / "content", tmp / "content")
    _change(tmp / "content")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1735689600")
        build_site(tmp / "content", tmp / "site", tmp / "work", lambda _: None, 1)
    return _files(tmp / "site")


def _change(content: Path) -> None:
    edit(content / YEAR / "realisasi.csv", '"83,8"', '"83,9"')


@pytest.mark.slow
@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_a_damaged_work_folder_is_rebuilt_and_publishes_what_a_fresh_build_does(content, tmp_path, reference, damage):
    site, work = tmp_path / "site", tmp_path / "work"
    harm, changed = DAMAGE[damage]
    if not changed:
        _change(content)
    build_site(content, site, work, lambda _: None, 1)
    harm(work / "shard")
    if changed:
        _change(content)
    site.unlink()  # the link to the site: assembled again from the work folder
    build_site(content, site, work, lambda _: None, 1)
    assert _files(site) == reference


@pytest.mark.slow
def test_content_moved_next_to_the_same_work_folder_is_built_again(content, tmp_path, reference):
    work = tmp_path / "work"
    _change(content)
    build_site(content, tmp_path / "site", work, lambda _: None, 1)
    moved = tmp_path / "konten-baru"
    content.rename(moved)
    result = build_site(moved, tmp_path / "site", work, lambda _: None, 1)
    assert "lumajang" in result.built
    assert _files(tmp_path / "site") == reference


@pytest.mark.slow
def test_builds_at_the_same_time_publish_once_and_end_in_a_galat_line(content, tmp_path):
    """Of two builds started together, one holds the lock and the other stops at once with a
    GALAT line (tests/test_publish.py checks the lock itself); the next build publishes."""
    args = ("--content", content, "--site", tmp_path / "site", "--work", tmp_path / "work", "-j", "1")
    for n in range(3):
        with ThreadPoolExecutor(2) as pool:
            results = list(pool.map(lambda _: kinerja("build", *args), range(2)))
        for result in results:
            assert "Traceback" not in result.stderr, result.stderr
            assert result.returncode == 0 or "sedang dipakai oleh pembangunan lain" in result.stderr, result.stderr
        assert any(result.returncode == 0 for result in results)
        edit(content / YEAR / "realisasi.csv", f'"83,{8 if n == 0 else n}"', f'"83,{n + 1}"')
    final = kinerja("build", *args)
    assert final.returncode == 0, final.stderr
    assert ",83.3\n" in (tmp_path / "site/lumajang/kedungjajang/2024/capaian-iku.csv").read_text(encoding="utf-8")

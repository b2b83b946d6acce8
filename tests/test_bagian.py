"""A build spread over machines (`kinerja build --bagian I/N`, `kinerja rakit`): the recipe of
deploy/github-pages-bagian.yml run on a synthetic portal gives, from three parts, the same site
as one build; an assembly refuses parts that are missing, damaged, or built from other content,
other code or another content path, naming them, and publishes nothing."""

from __future__ import annotations

import fnmatch
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from conftest import ROOT
from typer.testing import CliRunner

from bench.same_site import differences
from generator.build import BuildError, assemble_site, build_part, build_site
from generator.build.parts import RECORD, Bagian, read_part
from generator.cli import app
from generator.problems import ContentError
from generator.synthetic.portal import portal_sintetis

WORKFLOW = ROOT / "deploy" / "github-pages-bagian.yml"
URL = "https://kominfo-contoh.github.io/portal-kinerja"  # as configure-pages gives it: no slash
KABUPATEN = [f"sintetis-0{n}" for n in range(1, 5)]


def _workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def _expand(command: str, values: dict[str, object]) -> str:
    """A `run` step as GitHub runs it: its ${{ … }} expressions replaced (an unknown one fails)."""
    return re.sub(r"\$\{\{\s*([\w.]+)\s*\}\}", lambda m: str(values[m[1]]), command)


def _checkout(repo: Path) -> None:
    """A fresh job: the repository (content and the generator's environment) and nothing else."""
    for entry in repo.iterdir():
        if entry.name not in ("content", ".venv"):
            shutil.rmtree(entry) if entry.is_dir() and not entry.is_symlink() else entry.unlink()


def _run_job(job: dict, repo: Path, artifacts: Path, values: dict[str, object]) -> list[str]:
    """Every step of a job in `repo`: `run` steps by bash (but `make venv`: the environment is
    there), artifacts kept in `artifacts` by name; the other actions only prepare the runner.
    What the run steps printed."""
    _checkout(repo)
    printed = []
    for step in job["steps"]:
        action = step.get("uses", "").split("@")[0]
        if action == "actions/upload-artifact":
            stored = artifacts / _expand(step["with"]["name"], values)
            stored.mkdir()
            shutil.move(repo / _expand(step["with"]["path"], values), stored)
        elif action == "actions/download-artifact":
            for stored in sorted(artifacts.iterdir()):
                if fnmatch.fnmatch(stored.name, step["with"]["pattern"]):
                    for file in stored.iterdir():
                        shutil.copy2(file, repo / file.name)
        elif "run" in step and step["run"] != "make venv":
            done = subprocess.run(
                ["bash", "-e", "-c", _expand(step["run"], values)], cwd=repo, capture_output=True, text=True
            )
            assert done.returncode == 0, f"{step['run']}\n{done.stdout}\n{done.stderr}"
            printed.append(done.stdout)
    return printed


@pytest.fixture(scope="module")
def recipe(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """The workflow's jobs run one after another in one folder (the same path, as on GitHub's
    runners) on a synthetic portal of four kabupaten; and one ordinary build of it."""
    tmp = tmp_path_factory.mktemp("bagian")
    repo, artifacts = tmp / "repo", tmp / "artefak"
    artifacts.mkdir()
    portal_sintetis(repo / "content", 4, 2, [2023, 2024], seed=5)
    with open(repo / "content" / "portal.yml", "a", encoding="utf-8") as f:
        f.write(f"\nurl: {URL}/\n")
    (repo / ".venv").symlink_to(ROOT / ".venv")
    jobs = _workflow()["jobs"]
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1735689600")
        for part in jobs["bagian"]["strategy"]["matrix"]["part"]:
            _run_job(jobs["bagian"], repo, artifacts, {"matrix.part": part})
        printed = _run_job(jobs["rakit"], repo, artifacts, {"steps.pages.outputs.base_url": URL})
        one = build_site(repo / "content", tmp / "satu" / "site", tmp / "satu" / "build", lambda _: None)
    return {"repo": repo, "printed": printed, "one": one.site, "tmp": tmp}


def _parts(repo: Path, *numbers: int) -> list[Path]:
    return [repo / f"bagian-{n}" for n in numbers]


def _files(folder: Path) -> dict[str, tuple[bytes, int, int]]:
    """Every file under `folder` with its bytes, modification time and inode."""
    return {
        p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns, p.stat().st_ino)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _refused(recipe: dict, parts: list[Path], content: Path | None = None) -> list[str]:
    """The lines of the BuildError with which assembling `parts` stops, the site unchanged."""
    repo = recipe["repo"]
    shown, before = (repo / "site").resolve(), _files(repo / "site")
    with pytest.raises(BuildError) as exc:
        assemble_site(content or repo / "content", repo / "site", repo / "build", parts, lambda _: None)
    assert (repo / "site").resolve() == shown and _files(repo / "site") == before
    return str(exc.value).splitlines()


def test_a_part_holds_every_nth_kabupaten_in_the_outline_order():
    slugs = list("abcdefg")
    parts = [Bagian(n, 3).kabupaten(slugs) for n in (1, 2, 3)]
    assert parts == [["a", "d", "g"], ["b", "e"], ["c", "f"]]
    assert Bagian(1, 1).kabupaten(slugs) == slugs and Bagian(5, 9).kabupaten(slugs) == ["e"]
    assert Bagian.parse(" 2 / 3") == Bagian(2, 3) and str(Bagian(2, 3)) == "2/3"


@pytest.mark.parametrize("text", ["0/3", "3/2", "x", "4/3", "1/0", "2", "-1/3", "1/3/3"])
def test_a_bad_part_is_refused_in_indonesian_before_anything_is_done(text, tmp_path):
    result = CliRunner().invoke(app, ["build", "--bagian", text, "--work", str(tmp_path / "kerja")])
    assert result.exit_code == 1
    assert result.output.startswith(f"GALAT --bagian {text}: bukan bagian I/N dengan 1 ≤ I ≤ N")
    assert not (tmp_path / "kerja").exists()


@pytest.mark.slow
def test_the_workflow_builds_parts_on_a_matrix_then_one_job_assembles_checks_and_publishes():
    workflow = _workflow()
    jobs = workflow["jobs"]
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    parts = jobs["bagian"]["strategy"]["matrix"]["part"]
    assert parts == [1, 2, 3]
    runs = {name: [s["run"] for s in job["steps"] if "run" in s] for name, job in jobs.items()}
    assert f"--bagian ${{{{ matrix.part }}}}/{len(parts)} " in runs["bagian"][1]
    assert runs["rakit"][2].split()[1:] == ["rakit", *[a for n in parts for a in ("--bagian-dari", f"bagian-{n}")]]
    assert runs["bagian"][0] == runs["rakit"][0] == "make venv"
    assert re.search(r"^venv:", (ROOT / "Makefile").read_text(encoding="utf-8"), flags=re.M)
    assert jobs["rakit"]["needs"] == "bagian" and jobs["deploy"]["needs"] == "rakit"
    for name in ("bagian", "rakit"):
        steps = jobs[name]["steps"]
        assert steps[0]["uses"].startswith("actions/checkout") and steps[0]["with"]["fetch-depth"] == 0
        assert steps[1]["with"]["python-version"] == jobs["bagian"]["steps"][1]["with"]["python-version"]
    assert jobs["rakit"]["steps"][-1] == {"uses": "actions/upload-pages-artifact@v3", "with": {"path": "site"}}


@pytest.mark.slow
def test_three_parts_assembled_give_the_same_site_as_one_build(recipe):
    repo = recipe["repo"]
    assert differences(repo / "site", recipe["one"]) == []
    assert sorted(p.name for p in (repo / "site").iterdir() if p.name.startswith("sintetis")) == KABUPATEN
    recorded = [read_part(folder) for folder in _parts(repo, 1, 2, 3)]
    assert [sorted(p.keys) for p in recorded if not isinstance(p, str)] == [
        ["sintetis-01", "sintetis-04"],
        ["sintetis-02"],
        ["sintetis-03"],
    ]
    assembly, check = recipe["printed"][1:3]
    assert "4 kabupaten; dibangun ulang: 0, tidak berubah: 4" in assembly and "Dirakit dari 3 bagian" in assembly
    assert "Situs lolos pemeriksaan" in check


@pytest.mark.slow
def test_the_assembly_changes_no_part_and_publishes_copies(recipe, tmp_path):
    repo = recipe["repo"]
    parts = _parts(repo, 1, 2, 3)
    before = [_files(folder) for folder in parts]
    site = assemble_site(repo / "content", tmp_path / "site", tmp_path / "build", parts, lambda _: None).site
    assert [_files(folder) for folder in parts] == before
    assert differences(site, recipe["one"]) == []
    in_parts = {inode for files in before for _, _, inode in files.values()}
    assert not in_parts & {inode for _, _, inode in _files(site).values()}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ((1, 3), ["bagian 2/3 tidak diberikan (--bagian-dari)"]),
        ((1, 2, 3, 3), ["bagian 3/3 diberikan dua kali: {repo}/bagian-3, {repo}/bagian-3"]),
        (
            (1, 2, 3, 0),
            [
                "{repo}/content: bukan folder kerja bagian yang selesai dibangun (bagian.json tidak ada atau rusak); "
                "bangun dengan `kinerja build --bagian I/N --work {repo}/content`"
            ],
        ),
    ],
)
def test_a_missing_part_or_a_folder_that_is_no_part_publishes_nothing(recipe, given, expected):
    repo = recipe["repo"]
    folders = [repo / "content" if n == 0 else repo / f"bagian-{n}" for n in given]
    assert _refused(recipe, folders) == [line.format(repo=repo) for line in expected]


@pytest.mark.slow
def test_the_command_names_each_problem_on_a_galat_line_and_keeps_the_old_site(recipe):
    repo = recipe["repo"]
    shown = (repo / "site").resolve()
    paths = ["--content", str(repo / "content"), "--site", str(repo / "site"), "--work", str(repo / "build")]
    parts = ["--bagian-dari", str(repo / "bagian-3"), "--bagian-dari", str(repo / "bagian-1")]
    result = CliRunner().invoke(app, ["rakit", *parts, *paths])
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "GALAT pembangunan situs: bagian 2/3 tidak diberikan (--bagian-dari)",
        "Situs lama tidak diubah.",
    ]
    assert (repo / "site").resolve() == shown


@pytest.mark.slow
def test_a_kabupaten_changed_since_its_part_was_built_is_named_with_its_part(recipe):
    repo = recipe["repo"]
    profile = repo / "content" / "sintetis-03" / "kabupaten.yml"
    original = profile.read_bytes()
    profile.write_bytes(original + b"# diubah setelah bagian 3 dibangun\n")
    try:
        lines = _refused(recipe, _parts(repo, 1, 2, 3))
    finally:
        profile.write_bytes(original)
    assert lines == [
        f"Kabupaten Sintetis 03 (sintetis-03): bagian 3/3 ({repo}/bagian-3) dibangun dari konten lain "
        "(berkas kabupaten ini, portal.yml, atau daftar kabupaten dan kecamatan berbeda)"
    ]


@pytest.mark.slow
def test_parts_of_other_code_or_of_another_content_path_are_refused(recipe, monkeypatch):
    repo, tmp = recipe["repo"], recipe["tmp"]
    moved = Path(shutil.copytree(repo / "content", tmp / "dipindah" / "content"))
    lines = _refused(recipe, _parts(repo, 1, 2, 3), moved)
    assert lines == [
        f"bagian {n}/3 ({repo}/bagian-{n}): dibangun dari folder konten {repo}/content, bukan {moved}; kunci "
        "bagian memuat path folder konten: bangun dan rakit di path yang sama"
        for n in (1, 2, 3)
    ]
    monkeypatch.setattr("generator.build.site.code_digest", lambda: "generator-lain")
    assert _refused(recipe, _parts(repo, 2, 1, 3)) == [
        f"bagian {n}/3 ({repo}/bagian-{n}): dibangun dengan generator lain (kode, templat, versi Python atau "
        "pustaka berbeda); bangun semua bagian dan rakit dengan versi yang sama"
        for n in (2, 1, 3)
    ]


@pytest.mark.slow
def test_a_damaged_shard_of_a_part_is_named_not_built_again(recipe, tmp_path):
    repo = recipe["repo"]
    damaged = Path(shutil.copytree(repo / "bagian-2", tmp_path / "bagian-2", symlinks=True))
    (damaged / "shard" / "sintetis-02" / "site" / "index.html").unlink()
    assert _refused(recipe, [repo / "bagian-1", damaged, repo / "bagian-3"]) == [
        f"Kabupaten Sintetis 02 (sintetis-02): keluarannya di bagian 2/3 ({damaged}) tidak lengkap atau "
        "rusak; bangun ulang bagian itu"
    ]


@pytest.mark.slow
def test_a_part_reports_the_problems_of_its_own_kabupaten_and_of_portal_yml(tmp_path):
    content = tmp_path / "content"
    portal_sintetis(content, 2, 1, [2024], seed=2)
    (content / "sintetis-02" / "kabupaten.yml").write_text("nama: [\n", encoding="utf-8")
    first = build_part(content, tmp_path / "bagian-1", Bagian(1, 2), lambda _: None)
    assert first.built == ["sintetis-01"] and (tmp_path / "bagian-1" / RECORD).is_file()
    with pytest.raises(ContentError) as exc:
        build_part(content, tmp_path / "bagian-2", Bagian(2, 2), lambda _: None)
    assert {p.file.relative_to(content).as_posix() for p in exc.value.problems} == {"sintetis-02/kabupaten.yml"}
    assert not (tmp_path / "bagian-2" / RECORD).exists()
    (content / "portal.yml").write_text("judul: [\n", encoding="utf-8")
    with pytest.raises(ContentError) as exc:
        build_part(content, tmp_path / "bagian-1", Bagian(1, 2), lambda _: None)
    assert "portal.yml" in {p.file.name for p in exc.value.problems}
    assert not (tmp_path / "bagian-1" / RECORD).exists()  # a failed build of a part leaves no part

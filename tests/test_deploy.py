"""The other deploy recipes, tested as far as this machine allows: a copy with rsync (to a local
folder: the same program as over ssh), the GitHub Pages workflow (its commands on the demo; the
GitHub actions themselves cannot run here) and the `_headers` file of Pages-style hosts
(checked against what nginx sends for every published file)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from test_servers import address, fetch, published
from typer.testing import CliRunner

from bench.servers import DEPLOY, served_folder
from generator.build.hosting import REVALIDATE, SECURITY_HEADERS, headers_file
from generator.build.precompress import write_with_gzip
from generator.cli import app

pytestmark = pytest.mark.server

RSYNC = DEPLOY / "rsync.sh"


def _tree(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mode & 0o777)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _rsync(source: Path, target: Path, url: str) -> subprocess.CompletedProcess:
    env = {"PATH": "/usr/bin:/bin", "KINERJA": str(Path(sys.executable).parent / "kinerja")}
    return subprocess.run([str(RSYNC), str(source), f"{target}/", url], capture_output=True, text=True, env=env)


def _sent(result: subprocess.CompletedProcess) -> list[str]:
    """Files sent (">f…") and deleted by rsync, from its itemized output."""
    return sorted(line.split()[-1] for line in result.stdout.splitlines() if line.startswith((">f", "*deleting")))


@pytest.fixture
def copy(www):
    folder = served_folder("kinerja-rsync-")
    source = Path(shutil.copytree(www.sub_site, folder / "sumber"))
    yield source, folder / "server"
    shutil.rmtree(folder)


def test_rsync_sends_a_checked_site_then_only_what_changed(copy, nginx):
    source, target = copy
    first = _rsync(source, target, nginx.sub_url)
    assert first.returncode == 0, first.stderr
    assert _tree(target) == _tree(source) and {mode for _, mode in _tree(target).values()} == {0o644}
    assert _sent(_rsync(source, target, nginx.sub_url)) == []
    page = source / "jombang/index.html"
    write_with_gzip(page, page.read_bytes().replace(b"</body>", b"<p>diperbarui</p></body>"))  # as a build does
    (source / "sitemap.xml.gz").unlink()
    again = _rsync(source, target, nginx.sub_url)
    assert again.returncode == 0, again.stderr
    assert _sent(again) == ["jombang/index.html", "jombang/index.html.gz", "sitemap.xml.gz"]
    assert _tree(target) == _tree(source)


def test_rsync_copies_nothing_when_the_check_fails(copy, nginx):
    source, target = copy
    (source / "jember/ajung/2023/skm-s1.csv").write_text("kode,usia\n1,Budi\n", encoding="utf-8")
    result = _rsync(source, target, nginx.sub_url)
    assert result.returncode == 1 and "jawaban mentah responden SKM" in result.stderr
    assert not target.exists()


def test_the_pages_workflow_builds_checks_and_publishes_the_site_folder(www, nginx):
    workflow = yaml.safe_load((DEPLOY / "github-pages.yml").read_text(encoding="utf-8"))
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    steps = workflow["jobs"]["build"]["steps"]
    uses = [s.get("uses", "").split("@")[0] for s in steps]
    assert uses[:3] == ["actions/checkout", "actions/setup-python", "actions/configure-pages"]
    assert steps[0]["with"]["fetch-depth"] == 0  # dates from the content's git history
    runs = [s["run"] for s in steps if "run" in s]
    assert runs[0] == "make site" and re.search(r"^site:", (DEPLOY.parent / "Makefile").read_text(), flags=re.M)
    assert steps[-1]["uses"].startswith("actions/upload-pages-artifact") and steps[-1]["with"]["path"] == "site"
    assert workflow["jobs"]["deploy"]["steps"][0]["uses"].startswith("actions/deploy-pages")
    # The check step, as GitHub runs it (configure-pages gives the address without its slash).
    check = runs[1].replace("${{ steps.pages.outputs.base_url }}", nginx.sub_url.rstrip("/")).split()
    assert check[:2] == [".venv/bin/kinerja", "periksa"] and check[2] == "site"
    arguments = [a.strip('"') for a in check[3:]]
    result = CliRunner().invoke(app, ["periksa", str(www.sub_site), *arguments])
    assert result.exit_code == 0, result.output


def _rules(text: str) -> list[tuple[re.Pattern, dict[str, str]]]:
    """`_headers` as Cloudflare Pages and Netlify read it: a path pattern (`*` any characters,
    `:name` one segment), then indented `Name: value` lines."""
    rules: list[tuple[re.Pattern, dict[str, str]]] = []
    for line in text.splitlines():
        if line.startswith("/"):
            pattern = re.escape(line).replace(r"\*", ".*")
            rules.append((re.compile(re.sub(r":[a-z]+", "[^/]+", pattern) + "$"), {}))
        elif line.strip():
            name, value = line.strip().split(": ", 1)
            rules[-1][1][name] = value
    return rules


def test_the_headers_file_says_what_nginx_sends(www, nginx):
    """For every published file: the security headers, and a year of cache exactly where nginx
    gives one (elsewhere such hosts revalidate by default, as nginx is told to)."""
    assert (www.root_site / "_headers").read_text(encoding="utf-8") == headers_file()
    rules = _rules(headers_file())
    for path in published(www.root_site):
        expected: dict[str, str] = {}
        for pattern, headers in rules:
            if pattern.match("/" + path):
                expected.update(headers)
        sent = fetch(nginx.root_url + address(path))[1]
        assert {k: v for k, v in expected.items() if k in SECURITY_HEADERS} == SECURITY_HEADERS, path
        assert expected.get("Cache-Control", REVALIDATE) == sent["Cache-Control"], path

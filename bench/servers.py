"""Real web servers serving built sites with the configurations in deploy/, for the tests and
bench/page_weight.py: Debian's nginx (and Apache), started on free local ports with their
workers running as `www-data` (the master started as root, through sudo when this process is
not root), so that a site is served exactly as a kabupaten office's server would serve it.

    with Nginx(root_site, sub_site) as server:
        server.root_url   # http://127.0.0.1:PORT/          -> root_site (deploy/nginx.conf, server A)
        server.sub_url    # http://127.0.0.1:PORT/kinerja/  -> sub_site  (server B)
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
NGINX = "/usr/sbin/nginx"
APACHE = "/usr/sbin/apache2"
WEB_USER = "www-data"
#: The sub-folder of deploy/nginx.conf's server B.
SUB_FOLDER = "/kinerja/"
#: What deploy/nginx.conf says where an office sets its own values.
SITE_PATH = "/var/www/portal-kinerja/site"
SNIPPET = "/etc/nginx/snippets/nginx-portal.conf"


def as_root(command: list[str]) -> list[str]:
    """`command` run as root: directly when this process is root, else through sudo."""
    return command if os.geteuid() == 0 else ["sudo", "-n", *command]


def as_web_user(command: list[str]) -> list[str]:
    """`command` run as the web server's user."""
    if os.geteuid() == 0:
        return ["runuser", "-u", WEB_USER, "--", *command]
    return ["sudo", "-n", "-u", WEB_USER, *command]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def served_folder(prefix: str) -> Path:
    """A new folder that another user can enter (temporary folders of tests are private)."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    folder.chmod(0o755)
    return folder


def _fill(text: str, old: str, values: list[str]) -> str:
    """Replace each occurrence of `old` in turn by the next of `values` (exactly that many)."""
    parts = text.split(old)
    if len(parts) != len(values) + 1:
        raise ValueError(f"{old!r}: {len(parts) - 1} occurrences, expected {len(values)}")
    return parts[0] + "".join(v + p for v, p in zip(values, parts[1:]))


class _Server:
    """A server process with its configuration and logs in a private folder."""

    binary = ""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="kinerja-server-"))
        self.process: subprocess.Popen | None = None
        self.ports: list[int] = []

    def command(self) -> list[str]:
        raise NotImplementedError

    def __enter__(self) -> _Server:
        if not Path(self.binary).exists():
            raise RuntimeError(f"{self.binary} tidak ada: jalankan `make test` (memasang paket Debian)")
        with open(self.folder / "stderr.log", "wb") as stderr:
            self.process = subprocess.Popen(as_root(self.command()), stdout=subprocess.DEVNULL, stderr=stderr)
        deadline = time.monotonic() + 15
        while not (self._pid_file().exists() and all(self._listening(p) for p in self.ports)):
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.__exit__()
                raise RuntimeError(f"{self.binary} tidak berjalan: {self.log()}")
            time.sleep(0.05)
        return self

    @staticmethod
    def _listening(port: int) -> bool:
        with socket.socket() as s:
            return s.connect_ex(("127.0.0.1", port)) == 0

    def workers_user(self) -> set[str]:
        """The users the server's worker processes run as."""
        master = self._pid_file().read_text().strip()
        out = subprocess.run(["ps", "-o", "user=", "--ppid", master], capture_output=True, text=True, check=True)
        return set(out.stdout.split())

    def _pid_file(self) -> Path:
        return self.folder / f"{Path(self.binary).name}.pid"

    def log(self) -> str:
        return "\n".join(p.read_text(errors="replace") for p in sorted(self.folder.glob("*.log")))

    def __exit__(self, *exc: object) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.folder, ignore_errors=True)


class Nginx(_Server):
    """deploy/nginx.conf with its two servers: A serves `root_site` at the root of one port,
    B serves `sub_site` under SUB_FOLDER of another."""

    binary = NGINX

    def __init__(self, root_site: Path, sub_site: Path) -> None:
        super().__init__()
        self.ports = [free_port(), free_port()]
        self.root_url = f"http://127.0.0.1:{self.ports[0]}/"
        self.sub_url = f"http://127.0.0.1:{self.ports[1]}{SUB_FOLDER}"
        conf = (DEPLOY / "nginx.conf").read_text(encoding="utf-8")
        conf = _fill(conf, "listen 80;", [f"listen 127.0.0.1:{p};" for p in self.ports])
        conf = _fill(conf, SITE_PATH, [str(root_site), str(sub_site)])
        conf = _fill(conf, SNIPPET, [str(DEPLOY / "nginx-portal.conf")] * 2)
        (self.folder / "portal.conf").write_text(conf, encoding="utf-8")
        temp = "\n".join(
            f"    {kind}_temp_path {self.folder / kind};"
            for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        (self.folder / "nginx.conf").write_text(
            f"""\
user {WEB_USER};
worker_processes 1;
daemon off;
pid {self.folder / "nginx.pid"};
error_log {self.folder / "error.log"} warn;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {self.folder / "access.log"};
    sendfile on;
{temp}
    include {self.folder / "portal.conf"};
}}
""",
            encoding="utf-8",
        )

    def command(self) -> list[str]:
        return [NGINX, "-c", str(self.folder / "nginx.conf"), "-e", str(self.folder / "error.log")]


class Apache(_Server):
    """deploy/apache.conf with its two virtual hosts and the `.htaccess` the build writes:
    A serves `root_site` at the root of one port, B serves `sub_site` under SUB_FOLDER of
    another (both sites inside `folder`, whose rules deploy/apache.conf's <Directory> sets)."""

    binary = APACHE
    MODULES = ("mpm_event", "authz_core", "dir", "mime", "alias", "rewrite", "headers", "filter", "deflate")

    def __init__(self, root_site: Path, sub_site: Path, folder: Path) -> None:
        super().__init__()
        self.ports = [free_port(), free_port()]
        self.root_url = f"http://127.0.0.1:{self.ports[0]}/"
        self.sub_url = f"http://127.0.0.1:{self.ports[1]}{SUB_FOLDER}"
        conf = (DEPLOY / "apache.conf").read_text(encoding="utf-8")
        conf = _fill(conf, "<VirtualHost *:80>", [f"<VirtualHost 127.0.0.1:{p}>" for p in self.ports])
        conf = _fill(conf, SITE_PATH, [str(root_site), str(sub_site), str(folder)])
        (self.folder / "portal.conf").write_text(conf, encoding="utf-8")
        modules = "\n".join(f"LoadModule {m}_module /usr/lib/apache2/modules/mod_{m}.so" for m in self.MODULES)
        listen = "\n".join(f"Listen 127.0.0.1:{p}" for p in self.ports)
        # As Debian enables it by default: compression on the fly, which must leave .gz files alone.
        types = "text/html text/css text/javascript application/javascript application/json text/csv image/svg+xml"
        (self.folder / "apache.conf").write_text(
            f"""\
DefaultRuntimeDir {self.folder}
PidFile {self.folder / "apache2.pid"}
ErrorLog {self.folder / "error.log"}
LogLevel warn
User {WEB_USER}
Group {WEB_USER}
ServerName 127.0.0.1
{listen}
{modules}
TypesConfig /etc/mime.types
DirectoryIndex index.html
AddOutputFilterByType DEFLATE {types}
<Directory />
    AllowOverride None
    Require all denied
</Directory>
Include {self.folder / "portal.conf"}
""",
            encoding="utf-8",
        )

    def command(self) -> list[str]:
        return [APACHE, "-f", str(self.folder / "apache.conf"), "-DFOREGROUND"]

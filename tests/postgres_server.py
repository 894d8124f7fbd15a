"""A throwaway PostgreSQL server for tests, and the session fixtures that provide it.

``postgres_url`` (session scope) is a SQLAlchemy URL (``postgresql+psycopg://``) of a server
started for the test session: Debian's binaries (``/usr/lib/postgresql/<N>/bin``, newest
first, else ``pg_ctl`` on PATH), ``initdb`` into a temporary folder, listening on a free
127.0.0.1 port (and a Unix socket in that folder only), trust authentication, fsync off;
stopped and deleted at the end. PostgreSQL refuses to run as root, so under root every
server command runs as the unprivileged system user ``rnnlab-pg`` (created with
``useradd --system`` if missing; ``nobody`` if that fails) through ``runuser``.

Without the binaries the fixtures skip, except when ``CI=true``: there they fail.
A test module uses them with ``from tests.postgres_server import postgres_server, postgres_url``
(or a conftest with ``pytest_plugins = ["tests.postgres_server"]``, then one server for all).
"""
from __future__ import annotations

import atexit
import glob
import os
import pwd
import re
import shutil
import socket
import stat
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest

USER = "rnnlab-pg"
TOOLS = ("initdb", "pg_ctl", "postgres")


def find_bindir() -> Path | None:
    """The folder of initdb/pg_ctl/postgres: Debian's newest version, else the one on PATH."""
    def version(path: str) -> int:
        match = re.search(r"/postgresql/(\d+)/", path)
        return int(match.group(1)) if match else 0

    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=version, reverse=True)
    if shutil.which("pg_ctl"):
        candidates.append(str(Path(shutil.which("pg_ctl")).resolve().parent))
    for folder in candidates:
        if all(os.access(Path(folder, tool), os.X_OK) for tool in TOOLS):
            return Path(folder)
    return None


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _server_user() -> str | None:
    """None when not root (run as ourselves), else an unprivileged user that exists."""
    if os.geteuid() != 0:
        return None
    try:
        pwd.getpwnam(USER)
        return USER
    except KeyError:
        pass
    created = subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", USER],
                             capture_output=True, check=False)
    return USER if created.returncode == 0 else "nobody"


def _traversable_tmp() -> str:
    """A temp folder whose parents every user may enter (the server user must reach its data)."""
    base = Path(tempfile.gettempdir()).resolve()
    if all(parent.stat().st_mode & stat.S_IXOTH for parent in [base, *base.parents]):
        return str(base)
    return "/tmp"


class PostgresServer:
    """One PostgreSQL cluster in a temporary folder: ``start()``, ``stop()``, ``close()``."""

    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.user = _server_user()
        self.root = Path(tempfile.mkdtemp(prefix="rnnlab-pg-", dir=_traversable_tmp()))
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self.port = 0
        if self.user is not None:
            entry = pwd.getpwnam(self.user)
            os.chown(self.root, entry.pw_uid, entry.pw_gid)
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust",
                  "--encoding=UTF8", "--no-locale", "--no-sync")

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, tool: str, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        command = [str(self.bindir / tool), *args]
        if self.user is not None:
            command = ["runuser", "-u", self.user, "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=self.root, check=False)
        if check and done.returncode != 0:
            log = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            raise RuntimeError(f"{tool} failed ({done.returncode}): {done.stderr.strip()}\n{log}")
        return done

    def start(self) -> None:
        """Start the server (on a new free port the first time; on the same port after stop())."""
        for attempt in range(3):
            port = self.port or free_port()
            options = (f"-h 127.0.0.1 -p {port} -k {self.root} -c fsync=off -c synchronous_commit=off "
                       "-c full_page_writes=off -c max_connections=200")
            done = self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-w", "-t", "30",
                             "-o", options, "start", check=attempt == 2)
            if done.returncode == 0:
                self.port = port
                return
            self.port = 0  # the port was taken meanwhile: try another

    def stop(self) -> None:
        """Stop the server now (fast shutdown: open sessions are cut)."""
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "-t", "30", "stop", check=False)

    def close(self) -> None:
        """Stop the server and delete its folder (safe to call twice)."""
        if self.root.exists():
            self.stop()
            shutil.rmtree(self.root, ignore_errors=True)

    def create_database(self) -> str:
        """A new empty database on this server; returns its SQLAlchemy URL."""
        import sqlalchemy

        name = f"t_{uuid.uuid4().hex[:12]}"
        engine = sqlalchemy.create_engine(self.url, isolation_level="AUTOCOMMIT", poolclass=sqlalchemy.pool.NullPool)
        with engine.connect() as connection:
            connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
        engine.dispose()
        return self.url.rsplit("/", 1)[0] + f"/{name}"


@pytest.fixture(scope="session")
def postgres_server():
    """A running :class:`PostgresServer` for the session (skipped without binaries, failed on CI)."""
    bindir = find_bindir()
    if bindir is None:
        message = "PostgreSQL server binaries not found (/usr/lib/postgresql/*/bin or pg_ctl on PATH)"
        if os.environ.get("CI", "").lower() in ("true", "1"):
            pytest.fail(message)
        pytest.skip(message)
    server = PostgresServer(bindir)
    atexit.register(server.close)  # also when the session is interrupted
    try:
        server.start()
        yield server
    finally:
        server.close()


@pytest.fixture(scope="session")
def postgres_url(postgres_server) -> str:
    """SQLAlchemy URL of the session's PostgreSQL server (database ``postgres``, user ``postgres``)."""
    return postgres_server.url

"""A throw-away PostgreSQL cluster on loopback, for the tests and the team benchmark.

initdb into a fresh temporary folder, trust authentication, a free port on 127.0.0.1 and a
private socket folder; stopped and deleted at the end. initdb refuses to run as root, so as
root the server runs as the ``postgres`` user (created by Debian's package) via ``runuser``.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

SUPERUSER = "claimdesk"


def find_bin_dir() -> Path | None:
    """The folder holding initdb and pg_ctl (``CLAIMDESK_PG_BIN``, PATH, then Debian's)."""
    override = os.environ.get("CLAIMDESK_PG_BIN")
    if override:
        return Path(override) if (Path(override) / "pg_ctl").exists() else None
    on_path = shutil.which("pg_ctl")
    if on_path and shutil.which("initdb"):
        return Path(on_path).parent
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"),
                   key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    return Path(found[-1]).parent if found else None


def unavailable_reason() -> str | None:
    """Why no cluster can be started here, or None if one can."""
    if find_bin_dir() is None:
        return ("PostgreSQL server binaries (initdb, pg_ctl) not found: install the Debian "
                "package `postgresql` or set CLAIMDESK_PG_BIN")
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root and there is no `postgres` user to run the server as"
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    """One running server; ``url(name)`` addresses a database on it."""

    def __init__(self, *, fast: bool = True) -> None:
        reason = unavailable_reason()
        if reason is not None:
            raise RuntimeError(reason)
        self.bin = find_bin_dir()
        assert self.bin is not None
        self.root = Path(tempfile.mkdtemp(prefix="claimdesk-pg-"))
        self.data = self.root / "data"
        self.sockets = self.root / "run"
        self.log = self.root / "server.log"
        self.port = _free_port()
        self._as: list[str] = []
        self.sockets.mkdir()
        if os.geteuid() == 0:
            owner = pwd.getpwnam("postgres")
            for p in (self.root, self.sockets):
                os.chown(p, owner.pw_uid, owner.pw_gid)
            self._as = ["runuser", "-u", "postgres", "--"]
        self._run([str(self.bin / "initdb"), "-D", str(self.data), "-A", "trust",
                   "-U", SUPERUSER, "-E", "UTF8", "--locale=C.UTF-8"])
        options = [f"-p {self.port}", f"-k {self.sockets}", "-c listen_addresses=127.0.0.1"]
        if fast:  # a throw-away cluster: durability across power loss is not what is tested
            options += ["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"]
        self._run([str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-w",
                   "-t", "60", "-o", " ".join(options), "start"])

    def _run(self, cmd: list[str]) -> None:
        done = subprocess.run(self._as + cmd, capture_output=True, text=True, cwd=self.root)
        if done.returncode != 0:
            log = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            raise RuntimeError(f"{' '.join(cmd[:1])} failed: {done.stderr.strip()} {log}")

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/{dbname}"

    def _admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            conn.execute(sql)

    def create_database(self, prefix: str = "t") -> str:
        """A new empty database; returns its address."""
        name = f"{prefix}_{uuid.uuid4().hex[:12]}"
        self._admin(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def drop_database(self, url: str) -> None:
        name = url.rsplit("/", 1)[1]
        self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        try:
            self._run([str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w",
                       "stop"])
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> Cluster:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop()

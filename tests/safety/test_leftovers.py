"""What a killed backup or a killed parent leaves behind is cleaned up (issue #20, point 10)."""

from __future__ import annotations

import fcntl
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from storage.backup import list_backups, make_backup
from storage.paths import backup_dir_for
from storage.schema import open_database


def test_partial_backups_of_killed_runs_are_removed_on_the_next_start(tmp_path):
    db_path = tmp_path / "desk.sqlite"
    open_database(db_path).dispose()
    make_backup(db_path, "test")
    folder = backup_dir_for(db_path)
    stale = folder / "desk-20260101-000000-000000-manual.sqlite.partial"
    stale.write_bytes(b"\0" * 4096)
    busy = folder / "desk-20260101-000001-000000-manual.sqlite.partial"
    busy.write_bytes(b"\0" * 4096)
    with open(busy, "rb") as held:  # a backup still being written by another process
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)
        open_database(db_path).dispose()
        assert not stale.exists()
        assert busy.exists()
    assert len(list_backups(db_path)) == 1


WORKER_PARENT = textwrap.dedent("""
    import os, sys, time
    from matching.parallel import fork_pool
    pool = fork_pool(2)
    futures = [pool.submit(time.sleep, 600) for _ in range(2)]
    time.sleep(1.5)
    print(" ".join(str(pid) for pid in pool._processes), flush=True)
    time.sleep(600)
""")


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split()[2] != "Z"
    except FileNotFoundError:
        return False


def test_forked_workers_die_with_their_parent():
    if os.cpu_count() is None or not sys.platform.startswith("linux"):
        return
    root = Path(__file__).resolve().parents[2]
    parent = subprocess.Popen([sys.executable, "-c", WORKER_PARENT], cwd=root,
                              stdout=subprocess.PIPE, text=True,
                              env={**os.environ, "PYTHONPATH": str(root)})
    try:
        line = parent.stdout.readline()
        workers = [int(p) for p in line.split()]
        assert workers, "no worker started"
        parent.send_signal(signal.SIGKILL)
        parent.wait()
        for _ in range(100):  # the kernel signals them at once; allow a slow machine
            if not any(_alive(pid) for pid in workers):
                break
            time.sleep(0.1)
        left = [pid for pid in workers if _alive(pid)]
        for pid in left:
            os.kill(pid, signal.SIGKILL)
        assert left == []
    finally:
        if parent.poll() is None:
            parent.kill()


TEMP_HOLDER = textwrap.dedent("""
    import sys, tempfile, time
    tempfile.tempdir = sys.argv[1]
    from storage.temp_folders import make_temp_folder
    folder = make_temp_folder("claimdesk-foreign-")
    (folder / "snapshot.sqlite").write_bytes(b"x" * 65536)
    print(folder, flush=True)
    time.sleep(600)
""")


def test_temporary_folders_of_killed_runs_are_removed_on_the_next_start(tmp_path, monkeypatch):
    """A copy killed mid-way left its snapshot of the source (as big as the source) in the
    temporary folder for good; the next command removes it, never one still in use."""
    import tempfile

    from cli.main import main as cli

    root = Path(__file__).resolve().parents[2]
    temp = tmp_path / "tmp"
    temp.mkdir()
    holders = [subprocess.Popen([sys.executable, "-c", TEMP_HOLDER, str(temp)], cwd=root,
                                stdout=subprocess.PIPE, text=True) for _ in range(2)]
    try:
        killed, alive = (Path(h.stdout.readline().strip()) for h in holders)
        holders[0].send_signal(signal.SIGKILL)
        holders[0].wait(timeout=60)
        assert killed.is_dir() and alive.is_dir()
        unlocked = temp / "claimdesk-schema-notours"  # no lock: not known to be a leftover
        unlocked.mkdir()
        monkeypatch.setattr(tempfile, "tempdir", str(temp))
        cli(["info", "--db", str(tmp_path / "none.sqlite")])  # any command is a next start
        assert not killed.exists()
        assert alive.is_dir() and unlocked.is_dir()
    finally:
        for holder in holders:
            holder.kill()
            holder.wait(timeout=60)

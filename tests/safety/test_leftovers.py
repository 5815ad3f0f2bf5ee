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

import pytest

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


RESTORE_KILLED_BEFORE_RENAME = textwrap.dedent("""
    import os, sys, time
    import storage.backup as backup
    real = os.replace

    def stop(src, dst):  # the copy is made and checked: stop just before it takes its place
        if str(dst) == sys.argv[2]:
            print("copied", flush=True)
            time.sleep(600)
        return real(src, dst)

    backup.os.replace = stop
    backup.restore_backup(sys.argv[1], sys.argv[2])
""")


def test_a_killed_restore_leaves_nothing_after_the_next_start_and_no_named_file_is_deleted(
        tmp_path):
    """A restore killed after its copy was written left ``NEW_FILE.restoring`` (as big as the
    database) for good; the next restore or start in that folder removes what a killed one
    left, and never a file someone named, whatever its name."""
    root = Path(__file__).resolve().parents[2]
    folder = tmp_path / "desk"
    folder.mkdir()
    db_path = folder / "desk.sqlite"
    open_database(db_path).dispose()
    backup = make_backup(db_path, "test")
    target = folder / "restored.sqlite"
    # Files of the user's that look like a restore's work: they stay.
    named = [folder / "restored.sqlite.restoring", folder / "notes.restoring",
             folder / ".claimdesk-restoring-mine"]
    for path in named:
        path.write_text("mine")
    before = sorted(folder.iterdir())
    child = subprocess.Popen([sys.executable, "-c", RESTORE_KILLED_BEFORE_RENAME, str(backup),
                              str(target)], cwd=root, stdout=subprocess.PIPE, text=True,
                             env={**os.environ, "PYTHONPATH": str(root)})
    try:
        assert child.stdout.readline().strip() == "copied"
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
    assert all(p.read_text() == "mine" for p in named)
    assert not target.exists()
    left = sorted(set(folder.iterdir()) - set(before))
    assert left, "the killed restore left nothing to clean: the test did not kill it mid-way"

    open_database(db_path).dispose()  # the next start in that folder

    assert sorted(folder.iterdir()) == before
    assert all(p.read_text() == "mine" for p in named)


def test_a_restore_removes_what_a_killed_one_left_but_not_one_in_progress(tmp_path):
    from storage.backup import restore_backup
    from storage.temp_folders import RESTORING, make_temp_folder, remove_temp_folder

    db_path = tmp_path / "desk.sqlite"
    open_database(db_path).dispose()
    backup = make_backup(db_path, "test")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    TEMP_IN = textwrap.dedent("""
        import sys, time
        from pathlib import Path
        from storage.temp_folders import RESTORING, make_temp_folder
        folder = make_temp_folder(RESTORING, Path(sys.argv[1]))
        (folder / "restored.sqlite").write_bytes(b"x" * 65536)
        print(folder, flush=True)
        time.sleep(600)
    """)
    root = Path(__file__).resolve().parents[2]
    child = subprocess.Popen([sys.executable, "-c", TEMP_IN, str(elsewhere)], cwd=root,
                             stdout=subprocess.PIPE, text=True,
                             env={**os.environ, "PYTHONPATH": str(root)})
    try:
        killed = Path(child.stdout.readline().strip())
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
    live = make_temp_folder(RESTORING, elsewhere)  # a restore still running (this process)
    try:
        restore_backup(backup, elsewhere / "new.sqlite")
        assert not killed.exists()
        assert live.is_dir()
        assert sorted(p.name for p in elsewhere.iterdir()) == sorted([live.name, "new.sqlite"])
    finally:
        remove_temp_folder(live)


def test_an_import_of_only_duplicates_still_matches_what_a_killed_import_left(tmp_path):
    """The kill landed after the last file was stored, before its claims were matched: the
    rerun stores nothing new, and matched nothing either (they stayed unmatched until someone
    ran ``claimdesk match``)."""
    from ingest.readers import read_document
    from matching import leftovers
    from matching.leftovers import unmatched_claim_ids
    from workflows.importing import import_paths, store_document

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Title: Gains\nOutlet: Kyiv Ledger\nDate: 2025-06-01\n---\nOver the past year Russia "
        "took only 0.6% more of Ukraine's territory, according to the Institute for the Study "
        "of War.\n", encoding="utf-8")
    db = open_database(tmp_path / "desk.sqlite")
    try:
        for path in sorted(folder.iterdir()):  # the killed import: stored, never matched
            store_document(db, read_document(path), source=str(path), actor="t", match=False)
        assert unmatched_claim_ids(db)
        leftovers.look_again(db)  # the rerun is a new process
        results = list(import_paths(db, [folder], actor="t"))
        assert [r.outcome for r in results] == ["duplicate"]
        assert unmatched_claim_ids(db) == []
    finally:
        db.dispose()


def test_a_copy_killed_before_its_matching_is_matched_by_running_it_again(tmp_path, monkeypatch):
    """Copy then match is one unit that resumes: the copy committed, the kill came before its
    claims were indexed and matched; running the copy again copies nothing new and used to
    leave them unmatched."""
    from matching.leftovers import unmatched_claim_ids
    from tests.safety import hostile_databases as hostile
    from workflows import copy_in as copying
    from workflows.copy_in import copy_in, open_source

    source = hostile.build("sound", tmp_path / "colleague")
    dest = open_database(tmp_path / "mine.sqlite")
    try:
        class Killed(BaseException):
            pass

        def killed(*_args, **_kwargs):  # noqa: ANN002, ANN003, ANN202
            raise Killed

        with monkeypatch.context() as patch:
            patch.setattr(copying, "index_claims", killed)
            src = open_source(str(source))
            try:
                with pytest.raises(Killed):
                    copy_in(src, dest, actor="t")
            finally:
                src.dispose()
        left = unmatched_claim_ids(dest)
        assert left  # committed, never indexed nor matched
        src = open_source(str(source))
        try:
            again = copy_in(src, dest, actor="t")
        finally:
            src.dispose()
        assert again.copied.new_claim_ids == []
        assert unmatched_claim_ids(dest) == []
        assert again.matched is not None and again.matched.signed >= len(left)
    finally:
        dest.dispose()

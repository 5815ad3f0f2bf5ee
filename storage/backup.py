"""Consistent copies of a live database, made with SQLite's online backup API.

Never ``shutil.copy`` a live file: content still in the WAL would be missed. A copy is written
under a temporary name, checked, fsynced and only then renamed, so a crash mid-backup can
never leave a broken file that looks like a good backup.
"""

from __future__ import annotations

import datetime as dt
import os

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no advisory locks, leftovers stay
    fcntl = None  # type: ignore[assignment]
import sqlite3
import stat
from pathlib import Path

from storage.errors import BackupFailed, DatabaseDamaged, StorageError
from storage.integrity import connect_readonly, run_check
from storage.paths import backup_dir_for
from storage.temp_folders import RESTORING, clean_temp_folders, make_temp_folder, remove_temp_folder

DEFAULT_KEEP = 10
KEEP_ENV = "CLAIMDESK_BACKUP_KEEP"
DAILY_SECONDS = 24 * 3600


_default_keep = DEFAULT_KEEP


def set_default_keep(keep: int) -> None:
    """The number of backups to keep when ``CLAIMDESK_BACKUP_KEEP`` is not set (the window's
    preference sets it for the whole process, so backups made on open follow it too)."""
    global _default_keep
    _default_keep = keep if keep >= 1 else DEFAULT_KEEP


def backup_keep() -> int:
    """How many backups of a database to keep (``CLAIMDESK_BACKUP_KEEP``, else the default)."""
    try:
        keep = int(os.environ.get(KEEP_ENV, _default_keep))
    except ValueError:
        return _default_keep
    return keep if keep >= 1 else _default_keep


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


PARTIAL = ".partial"


def _hold(path: Path) -> int | None:
    """An exclusive lock on ``path`` while it is being written (None where there are no
    advisory locks): how the next start tells a killed run's leftover from a live one."""
    if fcntl is None:
        return None
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    fcntl.flock(fd, fcntl.LOCK_EX)
    return fd


def clean_partials(db_path: Path) -> list[Path]:
    """Remove the ``*.partial`` files a killed backup left in ``db_path``'s backup folder
    (outside the rotation, they would pile up); one still being written is left alone."""
    folder = backup_dir_for(Path(db_path))
    removed: list[Path] = []
    if fcntl is None or not folder.is_dir():
        return removed
    for leftover in folder.glob(f"*{PARTIAL}"):
        try:
            fd = os.open(leftover, os.O_RDONLY)
        except OSError:
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)  # a backup in progress holds it
            continue
        try:
            leftover.unlink(missing_ok=True)
            removed.append(leftover)
        finally:
            os.close(fd)
    return removed


def backup_to(src: Path, dest: Path) -> Path:
    """Copy the database at ``src`` to ``dest`` (must not exist); return ``dest``."""
    if dest.exists():
        raise FileExistsError(f"{dest} already exists")
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + PARTIAL)
    tmp.unlink(missing_ok=True)
    held = _hold(tmp)
    try:
        _write_checked_copy(src, dest, tmp)
    finally:
        if held is not None:
            os.close(held)
    return dest


def _write_checked_copy(src: Path, dest: Path, tmp: Path) -> None:
    source = connect_readonly(src)
    try:
        target = sqlite3.connect(tmp)
        try:
            source.backup(target)
            # The copy is a standalone file: rollback-journal mode, no -wal beside it.
            target.execute("PRAGMA journal_mode = DELETE")
            (result,) = target.execute("PRAGMA integrity_check").fetchone()
            if result != "ok":
                # The copy holds what the source holds: the source is damaged (an index out of
                # step with its table, which quick_check does not look at). Not a warning.
                backups = list_backups(src)
                raise DatabaseDamaged(src, _first([result]), backups[0] if backups else None)
        finally:
            target.close()
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        source.close()
    with open(tmp, "rb+") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, dest)
    _fsync_dir(dest.parent)


def make_backup(db_path: Path, reason: str, *, keep: int | None = None) -> Path:
    """A timestamped backup in the database's backup folder, then rotate old ones.

    A database that fails its quick check is never backed up (a damaged copy would push a good
    backup out of the rotation): DatabaseDamaged says so and names the latest good backup.
    """
    db_path = Path(db_path)
    problems = run_check(db_path)
    if problems:
        backups = list_backups(db_path)
        raise DatabaseDamaged(db_path, _first(problems), backups[0] if backups else None)
    folder = backup_dir_for(db_path)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    dest = folder / f"{db_path.stem}-{stamp}-{reason}.sqlite"
    try:
        backup_to(db_path, dest)
    except (OSError, sqlite3.Error) as exc:
        raise BackupFailed(db_path, _first([str(exc)])) from exc
    rotate(db_path, keep=backup_keep() if keep is None else keep)
    return dest


def backup_is_due(db_path: Path, *, max_age: float = DAILY_SECONDS) -> bool:
    """True when the newest backup of ``db_path`` is older than ``max_age`` seconds (or none)."""
    backups = list_backups(db_path)
    if not backups:
        return True
    try:
        age = dt.datetime.now().timestamp() - backups[0].stat().st_mtime
    except OSError:
        return True
    return age > max_age


def restore_backup(backup: Path, target: Path, *, force: bool = False) -> Path:
    """Copy a checked backup into ``target``, a new file (or, with ``force``, replace it).

    The backup is checked in full first, the result after. A replaced database is itself
    backed up first (when it is sound), so a restore can be undone.
    """
    backup, target = Path(backup), Path(target)
    if not backup.is_file():
        raise RestoreRefused(f"There is no backup file {backup}.")
    _check_restore_target(target)
    problems = run_check(backup, full=True)
    if problems:
        raise RestoreRefused(
            f"The backup {backup} is damaged ({_first(problems)}); nothing was restored. "
            "Try an older backup."
        )
    if target.exists() and not force:
        raise RestoreRefused(
            f"{target} already exists; restore into a new file, or add --force to replace it."
        )
    if target.exists() and target.stat().st_size and not run_check(target):
        make_backup(target, "before-restore")
    clean_restore_leftovers(target.parent)
    # The copy is made in a hidden folder of its own beside the target (never under a name
    # the user might have given a file), locked while in use: a killed restore leaves only
    # that folder, which the next restore or start in this folder removes.
    try:
        work = make_temp_folder(RESTORING, target.parent)
    except OSError as exc:
        raise RestoreRefused(f"Cannot write in {target.parent} ({exc.strerror or exc}); "
                             "nothing was restored.") from exc
    try:
        tmp = work / target.name
        backup_to(backup, tmp)
        problems = run_check(tmp, full=True)
        if problems:
            raise RestoreRefused(f"The restored copy failed its check ({_first(problems)}); "
                                 f"{target} was not changed.")
        # The old database's WAL must not be replayed onto the restored file.
        for suffix in ("-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        os.replace(tmp, target)
        _fsync_dir(target.parent)
    finally:
        remove_temp_folder(work)
    return target


def clean_restore_leftovers(folder: Path) -> list[Path]:
    """Remove what killed restores into ``folder`` left (their hidden work folders); one
    still in use is left alone, and no file is ever touched."""
    return clean_temp_folders(Path(folder), (RESTORING,))


class RestoreRefused(StorageError):
    pass


def _check_restore_target(target: Path) -> None:
    """A new name or a regular file, in a folder that exists: never a link (a dangling one
    would create its target's folders), a device or a folder."""
    if not target.parent.is_dir():
        raise RestoreRefused(f"The folder {target.parent} does not exist; nothing was restored.")
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        return
    if stat.S_ISLNK(info.st_mode):
        raise RestoreRefused(f"{target} is a symbolic link (to {os.readlink(target)}); restore "
                             "into the file itself or a new name. Nothing was restored.")
    if not stat.S_ISREG(info.st_mode):
        raise RestoreRefused(f"{target} is not a regular file; restore into a new file name. "
                             "Nothing was restored.")


def _first(problems: list[str]) -> str:
    return problems[0].strip().rstrip(".") if problems else "unknown problem"


def list_backups(db_path: Path) -> list[Path]:
    """Backups of ``db_path``, newest first."""
    folder = backup_dir_for(db_path)
    if not folder.is_dir():
        return []
    found = [p for p in folder.glob(f"{db_path.stem}-*.sqlite") if p.is_file()]
    return sorted(found, key=lambda p: p.name, reverse=True)


def rotate(db_path: Path, *, keep: int = DEFAULT_KEEP) -> None:
    for old in list_backups(db_path)[max(keep, 1) :]:
        old.unlink(missing_ok=True)

"""Claimdesk's temporary folders, each locked while in use, so that the next start removes
those a killed process left behind (a foreign file's snapshot is as big as the file)."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no advisory locks, leftovers stay
    fcntl = None  # type: ignore[assignment]

# The prefixes of every temporary folder Claimdesk makes (and so may clean up).
# A restore works in a hidden folder beside its target (the restored file is renamed into
# place, which needs the same file system), so that one is cleaned in the target's folder.
RESTORING = ".claimdesk-restoring-"
PREFIXES = ("claimdesk-foreign-", "claimdesk-schema-", RESTORING)
_LOCK_NAME = ".in-use"
_held: dict[Path, int] = {}


def make_temp_folder(prefix: str, where: Path | None = None) -> Path:
    """A new private folder in ``where`` (default: the system's temporary folder), held until
    :func:`remove_temp_folder` (or the process's death, which releases the lock)."""
    if prefix not in PREFIXES:
        raise ValueError(f"unknown temporary-folder prefix {prefix!r}")
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir=where))
    if fcntl is not None:
        fd = os.open(folder / _LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o600)
        fcntl.flock(fd, fcntl.LOCK_EX)
        _held[folder] = fd
    return folder


def remove_temp_folder(folder: Path) -> None:
    fd = _held.pop(Path(folder), None)
    if fd is not None:
        os.close(fd)
    shutil.rmtree(folder, ignore_errors=True)


def clean_temp_folders(where: Path | None = None,
                       prefixes: tuple[str, ...] = PREFIXES) -> list[Path]:
    """Remove the temporary folders (named with one of ``prefixes``) of Claimdesk processes
    that died before removing them; a folder still in use (its lock held), or one without a
    lock (made by something else, or not yet locked), is left alone, and so is every file."""
    removed: list[Path] = []
    if fcntl is None:
        return removed
    base = Path(where) if where is not None else Path(tempfile.gettempdir())
    try:
        entries = [p for p in base.iterdir() if p.name.startswith(prefixes)
                   and p.is_dir() and not p.is_symlink()]
    except OSError:
        return removed
    for folder in entries:
        if folder in _held:
            continue
        try:
            fd = os.open(folder / _LOCK_NAME, os.O_RDONLY)
        except OSError:
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)  # a live process holds it
            continue
        try:
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
        finally:
            os.close(fd)
    return removed

"""Safe output files: names made from titles, checked folders, and all-or-nothing writes."""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

_WINDOWS_RESERVED = {"con", "prn", "aux", "nul"} | {f"{p}{i}" for p in ("com", "lpt") for i in range(1, 10)}
_UNSAFE = re.compile(r"[^\w\- .]+")


class OutputError(Exception):
    """An output file that cannot be written; the message is a sentence for the user."""


def safe_filename(title: str, *, suffix: str = "", max_length: int = 80, fallback: str = "export") -> str:
    """A file name made from a title (a claim, a briefing name): letters of any script, digits,
    space, dot, dash and underscore only; no path separators, no leading dot, no reserved
    Windows device names, at most ``max_length`` characters before ``suffix``."""
    name = unicodedata.normalize("NFKC", title)
    name = _UNSAFE.sub("_", name)
    name = re.sub(r"\s+", " ", name).strip(" ._-")
    name = name[:max_length].rstrip(" ._-")
    if not name or name.split(".")[0].casefold() in _WINDOWS_RESERVED:
        name = f"{fallback}_{name}" if name else fallback
    return name + suffix


def output_path(path: str | os.PathLike[str]) -> Path:
    """The absolute path of a file the user asked us to write: a new name or an existing
    regular file in an existing folder. Never a symbolic link (whose target would be replaced
    silently), a device, a pipe or a folder. The folder part may be a link; the name may not."""
    given = Path(path).expanduser()
    if not given.name or given.name in (".", ".."):
        raise OutputError(f"{given} is a folder; give a file name to write.")
    folder = given.parent.resolve()
    if not folder.is_dir():
        raise OutputError(f"The folder {folder} does not exist.")
    target = folder / given.name
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        return target
    except OSError as exc:
        raise OutputError(f"Cannot write {target}: {exc.strerror or exc}.") from exc
    if stat.S_ISLNK(info.st_mode):
        raise OutputError(f"{target} is a symbolic link (to {os.readlink(target)}); Claimdesk "
                          "does not write through links: give the file itself or a new name.")
    if stat.S_ISDIR(info.st_mode):
        raise OutputError(f"{target} is a folder; give a file name to write.")
    if not stat.S_ISREG(info.st_mode):
        raise OutputError(f"{target} is not a regular file (a device, pipe or socket); give "
                          "a new file name to write.")
    return target


def path_in_folder(folder: str | os.PathLike[str], title: str, *, suffix: str) -> Path:
    """Where to write a file named after ``title`` inside ``folder``: never anywhere else,
    whatever the title holds (``../``, absolute paths, symlinks are resolved first)."""
    base = Path(folder).expanduser().resolve()
    if not base.is_dir():
        raise OutputError(f"The folder {base} does not exist.")
    candidate = (base / safe_filename(title, suffix=suffix)).resolve()
    if candidate.parent != base:
        raise OutputError(f"Refusing to write outside {base}.")
    return candidate


@contextlib.contextmanager
def atomic_output(path: Path, mode: str = "wb", **open_kwargs: Any) -> Iterator[IO[Any]]:
    """A file object for ``path`` that only appears under that name once fully written.

    The content goes to a temporary file in the same folder (same file system, so the final
    ``os.replace`` is atomic); on any error the temporary file is removed and an existing
    file at ``path`` is left untouched — a half-written briefing never exists.
    """
    path = output_path(path)
    try:
        fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    except OSError as exc:
        raise OutputError(f"Cannot write in {path.parent}: {exc.strerror or exc}.") from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, mode, **open_kwargs) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        # mkstemp makes the file private (0600); give it the mode a normal new file would get,
        # or keep the mode of the file it replaces.
        mode_bits = stat.S_IMODE(path.stat().st_mode) if path.exists() else 0o644
        os.chmod(tmp, mode_bits)
        output_path(path)  # still a regular file or a new name, just before replacing it
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(exc, OSError):
            raise OutputError(f"Cannot write {path}: {exc.strerror or exc}.") from exc
        raise

"""Checks the command line makes before it starts work: a read-only command never creates a
database, a closed pipe ends a command quietly, and no display is said in a sentence."""

from __future__ import annotations

import argparse
import ctypes.util
import os
import sys
from collections.abc import Callable
from pathlib import Path

# Commands that only read (or only edit what exists): they never create a folder or a database.
# A command module added later opts in with ``parser.set_defaults(needs_existing_database=True)``.
NEEDS_EXISTING_DATABASE = frozenset({"info", "check", "search", "report", "export", "checked",
                                     "verdict", "config", "article", "backup", "measures",
                                     "timeline", "reference"})


def needs_existing_database(args: argparse.Namespace) -> bool:
    """Whether the command only reads (or edits) a database that must already exist."""
    return (getattr(args, "command", None) in NEEDS_EXISTING_DATABASE
            or bool(getattr(args, "needs_existing_database", False)))


def missing_database(args: argparse.Namespace) -> str | None:
    """A sentence when the command needs a database file that does not exist, else None.

    Also without --db: the default database is created (with the sample corpus) by the window
    or by a command that writes (import, match…), never by one that only reads."""
    if not needs_existing_database(args):
        return None
    from storage.database import is_server_url

    given = getattr(args, "db", None)
    if is_server_url(given):
        return None
    if given:
        path = Path(given).expanduser()
        if path.is_file():
            return None
        return (f"there is no database at {path} (nothing was created): check the name, or "
                "create one by importing files into it (claimdesk import --db FILE PATH…).")
    from storage.paths import default_database_path

    path = default_database_path()
    if path.is_file():
        return None
    return (f"there is no database at {path} yet (nothing was created): open the window "
            "(claimdesk) or import files (claimdesk import PATH…) to create it, with the "
            "sample corpus; or name another database with --db FILE.")


def quiet_on_closed_pipe(run: Callable[[], int]) -> int:
    """Run a printing command; if the reader went away (``claimdesk search x | head -3``), stop
    without a traceback, as other command-line tools do."""
    try:
        code = run()
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        # Python would complain again when it flushes stdout at exit: point it at nothing.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return 141  # 128 + SIGPIPE, what a shell reports for a command ended this way


NO_DISPLAY = ("no display: use the command line (claimdesk --help lists the commands), "
              "or set QT_QPA_PLATFORM=offscreen")


def display_problem(environ: dict[str, str] | None = None, platform: str | None = None) -> str | None:
    """Why the window cannot open here, in a sentence (None when it can, as far as can be
    told): Qt itself aborts with advice about reinstalling libraries."""
    env = os.environ if environ is None else environ
    if (platform or sys.platform) != "linux" or env.get("QT_QPA_PLATFORM"):
        return None
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        return NO_DISPLAY
    if not env.get("WAYLAND_DISPLAY") and ctypes.util.find_library("xcb-cursor") is None:
        return ("the window needs the X11 library libxcb-cursor0, which is not installed "
                "(sudo apt install libxcb-cursor0; ../shared/PLATFORM.md lists the rest); "
                "the command line works without it (claimdesk --help).")
    return None

"""Errors a user can meet when opening or writing a database; ``str(exc)`` is a sentence for them."""

from __future__ import annotations

from pathlib import Path


class StorageError(Exception):
    """Base of the errors shown to the user as a sentence, never as a traceback."""


class NotADatabase(StorageError):
    def __init__(self, path: Path | str, detail: str = "") -> None:
        why = f" ({detail})" if detail else ""
        super().__init__(
            f"{path} is not a Claimdesk database{why}. Nothing was written to it."
        )
        self.path = path


class DatabaseTooNew(StorageError):
    def __init__(self, path: Path | str, revision: str) -> None:
        super().__init__(
            f"{path} was written by a newer version of Claimdesk (schema {revision}). "
            "Update Claimdesk to open it; nothing was changed."
        )
        self.path = path
        self.revision = revision


class DatabaseBusy(StorageError):
    def __init__(self, path: Path | str) -> None:
        super().__init__(
            f"{path} is being written by another Claimdesk window or program; try again in a moment."
        )
        self.path = path


class WriteRefused(StorageError):
    """A write the file system refused; the transaction was rolled back, nothing half-saved."""

    ADVICE = ("What you entered is still on screen; free some space or use File > Save a copy "
              "as… to go on working in another place.")

    def __init__(self, path: Path | str | None, reason: str) -> None:
        where = f"{path}" if path is not None else "the database"
        super().__init__(
            f"Nothing was saved: {reason} ({where}). {self.ADVICE}"
        )
        self.path = path


class DiskFull(WriteRefused):
    def __init__(self, path: Path | str | None) -> None:
        super().__init__(path, "the disk holding the database is full")


class DatabaseReadOnly(WriteRefused):
    def __init__(self, path: Path | str | None) -> None:
        super().__init__(path, "the database file or its folder is read-only")


class ReadOnlyLocation(StorageError):
    """Opening a database that cannot be written: refused before SQLite touches it."""

    def __init__(self, path: Path | str) -> None:
        super().__init__(
            f"{path} is on a read-only disk or in a folder Claimdesk may not write to. Copy it "
            "to a folder of yours and open the copy; nothing was written to it."
        )
        self.path = path


class MigrationFailed(StorageError):
    def __init__(self, path: Path | str, backup: Path | None, detail: str) -> None:
        where = f" A backup made just before is at {backup}." if backup else ""
        super().__init__(
            f"Upgrading {path} failed and was rolled back ({detail}); the database is unchanged.{where}"
        )
        self.path = path
        self.backup = backup


class DatabaseDamaged(StorageError):
    """The file is a SQLite database but fails its check; it is left exactly as it is."""

    def __init__(self, path: Path | str, detail: str, backup: Path | None = None) -> None:
        rescue = (f" Or rescue what it still holds into a new file with `claimdesk recover "
                  f"{path} --to NEW_FILE`.")
        if backup is not None:
            advice = (
                f" The latest backup is {backup}; restore it into a new file with "
                f"`claimdesk restore {backup} --to NEW_FILE`.{rescue}"
            )
        else:
            advice = f" No backup of it was found.{rescue}"
        super().__init__(f"{path} is damaged ({detail}). Nothing was written to it.{advice}")
        self.path = path
        self.backup = backup


class ServerUnavailable(StorageError):
    """A PostgreSQL server that cannot be reached or refuses the connection."""

    def __init__(self, location: str, detail: str) -> None:
        super().__init__(
            f"Claimdesk could not connect to the database server {location} ({detail}). Check "
            "the address, that the server is running and that you may use that database; "
            "nothing was changed."
        )
        self.location = location


class ServerConnectionLost(StorageError):
    """The server went away in the middle of a unit of work (restart, network)."""

    def __init__(self, location: str, detail: str) -> None:
        super().__init__(
            f"The connection to the database server {location} was lost ({detail}). What you "
            "entered is still on screen; try again once the server is back (a save that was "
            "under way was either stored whole or not at all: reload to see which)."
        )
        self.location = location


class NotOnServer(StorageError):
    """A file-only operation (backup, restore, SQLite check) asked of a server database."""

    def __init__(self, location: str, what: str) -> None:
        super().__init__(
            f"{location} is a PostgreSQL server database: {what} is the server's business "
            "(pg_dump, or the backups your administrator runs), not Claimdesk's. Nothing was done."
        )
        self.location = location


class BackupFailed(StorageError):
    def __init__(self, path: Path | str, detail: str) -> None:
        super().__init__(f"No backup of {path} was made: {detail}.")
        self.path = path


class ForeignFileTooSlow(StorageError):
    """A query on a file from someone else ran past its time limit and was stopped."""

    def __init__(self, location: Path | str, seconds: float) -> None:
        super().__init__(
            f"Reading {location} took longer than {seconds:g} seconds and was stopped: the file "
            "may hold a query made never to end. Nothing was copied; ask whoever sent it for a "
            "fresh copy."
        )
        self.location = location


class ForeignSchemaObject(StorageError):
    """A file holding a trigger, view, table or index Claimdesk did not create: refused unrun."""

    def __init__(self, path: Path | str, found: list[str]) -> None:
        more = f" (and {len(found) - 3} more)" if len(found) > 3 else ""
        super().__init__(
            f"{path} contains {'; '.join(found[:3])}{more}. Claimdesk does not open it: that SQL would run "
            "with your data. Nothing was run or written; ask whoever made the file for a clean "
            "copy, or check it with `claimdesk check --db FILE`."
        )
        self.path = path
        self.found = found

"""The Claimdesk store: SQLModel tables, Alembic migrations, units of work, search, backups.

Plain Python with no Qt: the CLI, the GUI, the tests and the benchmarks all use it.
"""

from storage.database import Database
from storage.errors import (
    DatabaseBusy,
    DatabaseTooNew,
    MigrationFailed,
    NotADatabase,
    StorageError,
)
from storage.paths import default_database_path
from storage.schema import open_database

__all__ = [
    "Database",
    "DatabaseBusy",
    "DatabaseTooNew",
    "MigrationFailed",
    "NotADatabase",
    "StorageError",
    "default_database_path",
    "open_database",
]

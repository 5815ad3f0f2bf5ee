"""The Claimdesk store: SQLModel tables, Alembic migrations, units of work, search, backups.

Plain Python with no Qt: the CLI, the GUI, the tests and the benchmarks all use it. The names
below are loaded on first use, so importing a light submodule (``storage.paths``) does not pull
in Alembic and the whole schema machinery.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_LAZY = {
    "Database": "storage.database",
    "DatabaseBusy": "storage.errors",
    "DatabaseTooNew": "storage.errors",
    "MigrationFailed": "storage.errors",
    "NotADatabase": "storage.errors",
    "StorageError": "storage.errors",
    "default_database_path": "storage.paths",
    "open_database": "storage.schema",
}

__all__ = sorted(_LAZY)


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'storage' has no attribute {name!r}")

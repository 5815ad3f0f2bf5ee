"""Where Claimdesk keeps its files by default (the platform's per-user data folder)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "Claimdesk"
DB_FILENAME = "claimdesk.sqlite"


def data_dir() -> Path:
    """The per-user data folder; ``CLAIMDESK_DATA_DIR`` overrides it (tests, portable installs)."""
    override = os.environ.get("CLAIMDESK_DATA_DIR")
    if override:
        return Path(override).expanduser()
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def default_database_path() -> Path:
    return data_dir() / DB_FILENAME


def backup_dir_for(db_path: Path) -> Path:
    """Backups sit beside the database they protect, so moving the folder keeps them together."""
    return db_path.parent / "backups"

"""Shared fixtures: every test gets its own data folder and real temporary SQLite files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Before any Qt import: the suite runs headless (no display on CI).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpus"


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Keep tests away from the real per-user data folder and settings."""
    data = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("CLAIMDESK_DATA_DIR", str(data))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(data / "config"))
    return data


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.sqlite"


@pytest.fixture
def db(db_path: Path):
    from storage.schema import open_database

    database = open_database(db_path)
    yield database
    database.dispose()


@pytest.fixture
def corpus_dir() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"shared corpus not found at {CORPUS}")
    return CORPUS

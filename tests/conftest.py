"""Shared fixtures: every test gets its own data folder and real temporary SQLite files.

``db_url`` is a database address per engine: a temporary SQLite file, and a fresh database on
a throw-away PostgreSQL cluster started once per session (bench/pg_cluster.py). A test asking
for it runs once per engine, unless marked ``sqlite_only``. Without PostgreSQL binaries the
PostgreSQL cases are skipped with the reason, unless CLAIMDESK_REQUIRE_PG=1 (CI), where a
missing server is an error.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Before any Qt import: the suite runs headless (no display on CI).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.qt_waits import allow_slow_machines  # noqa: E402

allow_slow_machines()

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpus"


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Keep tests away from the real per-user data folder and settings."""
    data = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("CLAIMDESK_DATA_DIR", str(data))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(data / "config"))
    return data


ENGINES = ("sqlite", "postgresql")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "sqlite_only: runs on SQLite only (WAL, FTS5 internals, files, backups)")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "db_url" in metafunc.fixturenames:
        sqlite_only = metafunc.definition.get_closest_marker("sqlite_only") is not None
        engines = ENGINES[:1] if sqlite_only else ENGINES
        metafunc.parametrize("db_url", engines, indirect=True)


@pytest.fixture(scope="session")
def pg_cluster():
    """A PostgreSQL server on 127.0.0.1 for the whole session, deleted at the end."""
    from bench.pg_cluster import Cluster, unavailable_reason

    reason = unavailable_reason()
    if reason is not None:
        if os.environ.get("CLAIMDESK_REQUIRE_PG") == "1":
            pytest.fail(f"CLAIMDESK_REQUIRE_PG=1 but {reason}")
        pytest.skip(f"PostgreSQL cases skipped: {reason}")
    cluster = Cluster()
    yield cluster
    cluster.stop()


@pytest.fixture
def pg_url(pg_cluster) -> str:
    """A fresh, empty database on the session's PostgreSQL server."""
    url = pg_cluster.create_database()
    yield url
    pg_cluster.drop_database(url)


@pytest.fixture
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a test database lives: a SQLite file path, or a ``postgresql://`` address."""
    if getattr(request, "param", "sqlite") == "sqlite":
        return str(tmp_path / "test.sqlite")
    return request.getfixturevalue("pg_url")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.sqlite"


@pytest.fixture
def db(request: pytest.FixtureRequest, db_path: Path):
    """A database for the test: a SQLite file; on a throw-away PostgreSQL server instead when
    CLAIMDESK_TEST_DB=postgresql (a sweep of the whole suite; tests about files then fail)."""
    from storage.schema import open_location

    location = str(db_path)
    on_server = os.environ.get("CLAIMDESK_TEST_DB") == "postgresql"
    if on_server:
        location = request.getfixturevalue("pg_url")
    database = open_location(location)
    yield database
    if on_server and "qtbot" in request.fixturenames:
        # A closed window's timers and tasks must not outlive its database (dropped next).
        from desktop import tasks

        request.getfixturevalue("qtbot").wait(600)
        tasks.shut_down(10_000)
    database.dispose()


@pytest.fixture
def corpus_dir() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"shared corpus not found at {CORPUS}")
    return CORPUS

"""The window on a PostgreSQL server database (team mode): the same stories as on a file.

The verdict and group stories of test_groups run again here with ``db`` on a throw-away
PostgreSQL server; the File menu's "Open server database" opens one in place of a file.
"""

from __future__ import annotations

import pytest
import shiboken6

from desktop import tasks
from desktop.app import DesktopSession
from desktop.claim_filters import SEARCH_DELAY_MS
from desktop.window_counts import COUNTS_DELAY_MS
from storage.schema import open_location
from tests.desktop.conftest import WindowDriver
from tests.desktop.test_groups import (  # noqa: F401  (fixtures and stories, re-run here)
    group,
    second_group,
    test_a_save_after_someone_else_saved_shows_their_version_and_reloads,
    test_confirm_a_match_and_reject_another_then_undo_the_rejection,
    test_write_a_verdict_save_undo_and_send_it_to_review,
)


@pytest.fixture
def db(pg_url: str, qtbot):
    database = open_location(pg_url)
    yield database
    # Let a closed window's coalescing timers run out (or the window be deleted) and its
    # tasks finish while the database still exists: it is dropped right after.
    qtbot.wait(COUNTS_DELAY_MS + SEARCH_DELAY_MS + 100)
    assert tasks.shut_down(10_000)
    database.dispose()


def test_open_server_database_from_the_menu_opens_a_window_on_the_server(
        qtbot, tmp_path, settings, pg_url):
    from storage.schema import open_database

    file_db = open_database(tmp_path / "laptop.sqlite")
    session = DesktopSession(settings)
    try:
        old = session.show(file_db)
        qtbot.waitExposed(old)
        WindowDriver(old, qtbot).database_menu().open_server(pg_url)
        qtbot.waitUntil(lambda: session.window is not old)
        drive = WindowDriver(session.window, qtbot)
        drive.wait_loaded()
        assert session.db.is_server and session.db.location == pg_url
        assert pg_url in drive.title()
        menu = drive.database_menu()
        assert not menu.backup_action.isEnabled() and not menu.save_copy_action.isEnabled()
        assert "server" in menu.backup_status.text()
        assert settings.recent_databases[0] == pg_url
    finally:
        if session.window is not None:
            WindowDriver(session.window, qtbot).close_for_switch()
        assert tasks.shut_down(10_000)
        if session.window is not None:
            # Gone for good (its coalescing timers with it) before the database is dropped.
            shiboken6.delete(session.window)
        if session.db is not None:
            session.db.dispose()
        file_db.dispose()


def test_a_typed_address_that_is_not_postgresql_is_refused(qtbot, drive):
    errors: list[str] = []
    menu = drive.database_menu()
    menu.error.connect(errors.append)
    menu.open_server("mysql://ana@db/claims")
    assert errors and "not a PostgreSQL address" in errors[0]


def test_a_server_gone_away_is_said_in_the_status_bar_and_work_resumes(
        drive, qtbot, pg_cluster, pg_url, articles):
    import psycopg

    name = pg_url.rsplit("/", 1)[1]
    with psycopg.connect(pg_cluster.url(), autocommit=True) as admin:  # the server restarts
        admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')
        admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                      "WHERE datname = %s AND pid <> pg_backend_pid()", (name,))
    try:
        drive.refresh_counts()
        drive.wait_status("could not connect")
        assert "postgresql://claimdesk@127.0.0.1" in drive.status_message()
    finally:
        with psycopg.connect(pg_cluster.url(), autocommit=True) as admin:  # back again
            admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')
    counts = drive.reload_counts()  # the next action works again, on a fresh connection
    assert counts.articles == len(articles)

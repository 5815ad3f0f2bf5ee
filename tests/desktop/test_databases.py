"""New, open, recent, copy, back up and restore databases from the window; the light/dark look;
the preferences that go with them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import func, select

from desktop import tasks
from desktop.app import DesktopSession
from desktop.appearance import apply_appearance, is_dark
from desktop.controllers.databases import location_label
from storage.backup import list_backups, make_backup
from storage.models import Article, Verdict
from tests.desktop.conftest import MINSK, TERRITORY, WindowDriver, store_article
from tests.desktop.test_groups import group  # noqa: F401  (a fixture)


@pytest.fixture
def session(qtbot, db, settings, articles):
    s = DesktopSession(settings)
    window = s.show(db)
    qtbot.waitExposed(window)
    WindowDriver(window, qtbot).wait_loaded()
    yield s
    if s.window is not None:
        WindowDriver(s.window, qtbot).close_for_switch()
    assert tasks.shut_down(10_000)
    if s.db is not None and s.db is not db:
        s.db.dispose()


def article_count(db) -> int:
    with db.read() as s:
        return s.execute(select(func.count()).select_from(Article)).scalar_one()


def wait_for_switch(qtbot, session, old_window) -> None:
    qtbot.waitUntil(lambda: session.window is not old_window)
    WindowDriver(session.window, qtbot).wait_loaded()


def driver(session, qtbot) -> WindowDriver:
    """The driver of the session's window (a new one after each switch)."""
    return WindowDriver(session.window, qtbot)


def test_new_database_opens_an_empty_one_in_a_new_window_and_is_remembered(
        session, qtbot, db, tmp_path, settings):
    old = session.window
    driver(session, qtbot).database_menu().open_new(tmp_path / "team")
    wait_for_switch(qtbot, session, old)
    new_path = (tmp_path / "team.sqlite").resolve()
    assert session.db.path == new_path
    assert article_count(session.db) == 0
    drive = driver(session, qtbot)
    assert drive.total() == 0
    assert "team.sqlite" in drive.title()
    assert not shiboken6.isValid(old) or not old.isVisible()  # closed, then deleted
    assert settings.recent_databases[:2] == [str(new_path), str(db.path)]
    # The first database is untouched and still on the recent list, one action away.
    menu = drive.database_menu()
    menu.fill_recent_menu()
    labels = [a.text() for a in menu.recent_menu.actions()]
    assert labels == [f"&1 {location_label(str(db.path))}"]


def test_new_database_never_overwrites_an_existing_file(session, qtbot, db, tmp_path):
    errors: list[str] = []
    menu = driver(session, qtbot).database_menu()
    menu.error.connect(errors.append)
    menu.open_new(db.path)
    assert errors and "already exists" in errors[0]
    assert session.db is db


def test_open_recent_switches_back_and_a_vanished_file_is_explained_and_forgotten(
        session, qtbot, db, tmp_path, settings):
    old = session.window
    driver(session, qtbot).database_menu().open_new(tmp_path / "second.sqlite")
    wait_for_switch(qtbot, session, old)
    second = session.window
    driver(session, qtbot).database_menu().open_recent(str(db.path))
    wait_for_switch(qtbot, session, second)
    assert session.db.path == db.path
    assert driver(session, qtbot).total() > 0

    gone = str(tmp_path / "gone.sqlite")
    settings.add_recent_database(gone)
    errors: list[str] = []
    menu = driver(session, qtbot).database_menu()
    menu.error.connect(errors.append)
    menu.open_recent(gone)
    assert errors and "no longer there" in errors[0]
    assert gone not in settings.recent_databases


def test_an_unsaved_verdict_is_settled_before_another_database_opens(
        session, qtbot, db, tmp_path, group):  # noqa: F811
    window = session.window
    drive = driver(session, qtbot)
    group_id, _claims = group
    drive.open_group(group_id)
    editor = drive.verdict_editor(group_id)
    qtbot.keyClicks(editor.summary, "Draft summary")
    answers = ["cancel", "save"]
    drive.group_pane().ask_unsaved = lambda answer: answer(answers.pop(0))

    drive.database_menu().open_new(tmp_path / "elsewhere.sqlite")
    assert session.window is window  # cancelled: nothing happens, the edit stays
    assert editor.summary.text() == "Draft summary"

    drive.database_menu().open_new(tmp_path / "elsewhere.sqlite")
    wait_for_switch(qtbot, session, window)
    with db.read() as s:
        verdict = s.execute(select(Verdict).where(Verdict.group_id == group_id)).scalar_one()
    assert verdict.summary == "Draft summary"


def test_closing_the_window_asks_about_an_unsaved_verdict(session, qtbot, db, group):  # noqa: F811
    drive = driver(session, qtbot)
    group_id, _claims = group
    drive.open_group(group_id)
    editor = drive.verdict_editor(group_id)
    editor.summary.setText("Not yet saved")
    answers = ["cancel", "discard"]
    drive.group_pane().ask_unsaved = lambda answer: answer(answers.pop(0))
    drive.close()
    assert drive.is_open()
    drive.close()
    qtbot.waitUntil(lambda: not drive.is_open())


def test_save_a_copy_writes_a_consistent_file_that_can_be_opened(session, qtbot, db, tmp_path):
    menu = driver(session, qtbot).database_menu()
    done: list[Path] = []
    menu.save_copy(tmp_path / "copy.sqlite", then=done.append)
    qtbot.waitUntil(lambda: bool(done))
    conn = sqlite3.connect(done[0])
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT COUNT(*) FROM article").fetchone()[0] == article_count(db)
    finally:
        conn.close()
    errors: list[str] = []
    menu.error.connect(errors.append)
    menu.save_copy(tmp_path / "copy.sqlite")  # never over an existing file
    assert errors and "already exists" in errors[0]


def test_back_up_now_adds_a_backup_and_the_status_bar_says_when(session, qtbot, db):
    menu = driver(session, qtbot).database_menu()
    before = len(list_backups(db.path))
    menu.backup_action.trigger()
    qtbot.waitUntil(lambda: len(list_backups(db.path)) == before + 1)
    qtbot.waitUntil(lambda: menu.backup_status.text().startswith("Last backup: today"))
    assert menu.backup_status.isVisible()


def test_a_damaged_database_offers_its_latest_backup_in_a_new_file(
        session, qtbot, db, tmp_path):
    # A second database with a backup, then damaged: its first pages overwritten.
    other = tmp_path / "damaged.sqlite"
    old = session.window
    driver(session, qtbot).database_menu().open_new(other)
    wait_for_switch(qtbot, session, old)
    store_article(session.db, MINSK, title="Kept in the backup", outlet="Example Ledger")
    make_backup(session.db.path, "manual")
    second = session.window
    driver(session, qtbot).database_menu().open_recent(str(db.path))
    wait_for_switch(qtbot, session, second)
    with open(other, "r+b") as fh:
        fh.seek(0)
        fh.write(b"\0" * 200)
    damaged_bytes = other.read_bytes()

    window = session.window
    driver(session, qtbot).database_menu().open_recent(str(other))
    box = session.error_box
    assert isinstance(box, QMessageBox)
    assert "damaged.sqlite" in box.text()
    assert "latest backup" in box.informativeText()
    assert session.window is window  # still on the good database
    restore = next(b for b in box.buttons() if b.text() == "Restore the latest backup")
    restore.click()
    wait_for_switch(qtbot, session, window)
    assert session.db.path.name == "damaged-restored.sqlite"
    with session.db.read() as s:
        assert s.execute(select(Article.title)).scalars().all() == ["Kept in the backup"]
    assert other.read_bytes() == damaged_bytes  # the damaged file was not written to


def test_preferences_set_the_matching_bar_backups_and_appearance(session, qtbot, settings):
    dialog = driver(session, qtbot).open_preferences()
    dialog.matching_bar.setValue(0.72)
    dialog.backup_keep.setValue(3)
    dialog.appearance.setCurrentIndex(dialog.appearance.findData("dark"))
    dialog.accept()
    assert settings.matching_bar == pytest.approx(0.72)
    t = settings.matching_thresholds()
    assert t.same_text == pytest.approx(0.72)
    assert t.same_with_figure > 0.26 and t.conflict_text == pytest.approx(0.45)
    assert settings.backup_keep == 3
    assert settings.appearance == "dark"
    assert is_dark()
    window_colour = QApplication.palette().color(QPalette.ColorRole.Window)
    text_colour = QApplication.palette().color(QPalette.ColorRole.WindowText)
    assert text_colour.lightness() - window_colour.lightness() > 120
    apply_appearance("light")
    assert not is_dark()


def test_date_filter_calendar_opens_on_this_month_not_1900(session, qtbot):
    edit = driver(session, qtbot).filters().date_from
    assert edit.date().year() == 1900  # "no limit"
    calendar = edit.calendarWidget()
    # A click on the edit's arrow opens the calendar popup.
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton, pos=QPoint(edit.width() - 5,
                                                                  edit.height() // 2))
    qtbot.waitUntil(calendar.isVisible)
    today = QDate.currentDate()
    assert (calendar.yearShown(), calendar.monthShown()) == (today.year(), today.month())
    assert edit.date().year() == 1900  # only the page moved: the filter is still "no limit"
    qtbot.keyClick(calendar, Qt.Key.Key_Escape)


def test_server_addresses_are_shown_without_their_password():
    assert location_label("postgresql://ana:secret@db.local/claims") == \
        "postgresql://ana@db.local/claims"
    assert location_label("/home/ana/claims.sqlite") == "claims.sqlite — /home/ana"



def test_a_refused_save_keeps_the_verdict_and_a_copy_takes_it_along(
        session, qtbot, db, tmp_path, group, monkeypatch):  # noqa: F811
    """A read-only (or full) database: the edit stays, and can be saved in a copy elsewhere."""
    window = session.window
    drive = driver(session, qtbot)
    group_id, _claims = group
    drive.open_group(group_id)
    editor = drive.verdict_editor(group_id)
    editor.rating.setCurrentIndex(editor.rating.findData("false"))
    qtbot.keyClicks(editor.summary, "Not 20 percent but 18")

    # The file turns read-only under the window: every new connection to it refuses writes.
    # Not through an engine event: adding a listener while a worker connects races inside
    # SQLAlchemy ("deque mutated during iteration"); sqlite3.connect is swapped in one step.
    opened = sqlite3.connect

    def read_only(target, *args, **kwargs):
        conn = opened(target, *args, **kwargs)
        if Path(target) == db.path:
            conn.execute("PRAGMA query_only = 1")
        return conn

    monkeypatch.setattr(sqlite3, "connect", read_only)
    try:
        editor.save()
        drive.wait_message("Nothing was saved")
    finally:
        monkeypatch.setattr(sqlite3, "connect", opened)
    box = drive.message_box()
    assert "read-only" in box.text()
    assert editor.summary.text() == "Not 20 percent but 18" and editor.is_dirty()
    assert any(b.text() == "Save a copy and continue there…" for b in box.buttons())
    box.close()

    # What the button leads to, without its file dialog: a copy, opened, the edit carried over.
    menu = drive.database_menu()
    menu.save_copy(tmp_path / "elsewhere.sqlite",
                   then=lambda path: menu.continueInCopy.emit(str(path)))
    wait_for_switch(qtbot, session, window)
    new_editor = driver(session, qtbot).verdict_editor()
    qtbot.waitUntil(lambda: new_editor.group_id == group_id
                    and new_editor.summary.text() == "Not 20 percent but 18")
    assert new_editor.is_dirty() and new_editor.save_button.isEnabled()
    new_editor.save()
    qtbot.waitUntil(lambda: not new_editor.saving and not new_editor.is_dirty())
    with session.db.read() as s:
        saved = s.execute(select(Verdict).where(Verdict.group_id == group_id)).scalar_one()
    assert (saved.rating, saved.summary) == ("false", "Not 20 percent but 18")
    with db.read() as s:  # nothing reached the read-only original
        assert s.execute(select(Verdict).where(Verdict.group_id == group_id)).first() is None


def test_copy_in_from_a_colleagues_file_adds_what_is_missing_once(session, qtbot, db, tmp_path):
    from storage.schema import open_database

    colleague = tmp_path / "colleague.sqlite"
    other = open_database(colleague)
    try:
        store_article(other, MINSK.replace("13 points", "thirteen points"),
                      title="A colleague's article", outlet="Colleague Weekly")
        store_article(other, TERRITORY, title="How much of Ukraine is occupied",
                      outlet="Test Herald")  # the same text as one already here
    finally:
        other.dispose()
    drive = driver(session, qtbot)
    before = article_count(db)
    drive.database_menu().copy_in(str(colleague))
    qtbot.waitUntil(lambda: article_count(db) == before + 1, timeout=20_000)
    drive.wait_status("Copied in from")
    assert list_backups(db.path)  # a backup first, as before every bulk change
    with db.read() as session_:
        assert session_.execute(select(func.count()).select_from(Article).where(
            Article.title == "A colleague's article")).scalar_one() == 1

    drive.database_menu().copy_in(str(colleague))  # again: nothing new arrives
    drive.wait_status("already had everything", timeout=20_000)
    assert article_count(db) == before + 1

    drive.database_menu().copy_in(str(tmp_path / "missing.sqlite"))
    qtbot.waitUntil(drive.message_shown)
    assert "missing.sqlite" in drive.message()
    assert not (tmp_path / "missing.sqlite").exists()  # the source is never created

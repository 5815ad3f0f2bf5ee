"""Starting the app: a bad file gives a sentence and exit code 2; a good one shows the window."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.app import run_app
from desktop.main_window import MainWindow
from tests.desktop.conftest import WindowDriver


def close_main_windows_later(qtbot, seen: list[MainWindow]) -> None:
    def close() -> None:
        windows = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, MainWindow) and w.isVisible()]
        if not windows or any(WindowDriver(w, None).is_loading() for w in windows):
            QTimer.singleShot(100, close)
            return
        seen.extend(windows)
        for window in windows:
            window.close()

    QTimer.singleShot(100, close)


def test_a_file_that_is_not_a_database_gives_a_sentence_and_exit_code_2(tmp_path, monkeypatch, qapp):
    path = tmp_path / "notes.sqlite"
    path.write_text("these are my notes, not a database", encoding="utf-8")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)

    assert run_app(path) == 2
    assert len(shown) == 1
    assert "is not a Claimdesk database" in shown[0]
    assert "Traceback" not in shown[0]
    assert path.read_text(encoding="utf-8") == "these are my notes, not a database"


def test_run_app_opens_a_new_database_and_exits_cleanly(tmp_path, qtbot):
    seen: list[MainWindow] = []
    close_main_windows_later(qtbot, seen)
    assert run_app(tmp_path / "new.sqlite") == 0
    assert len(seen) == 1
    assert WindowDriver(seen[0], qtbot).database().path == (tmp_path / "new.sqlite").resolve()
    assert QApplication.applicationName() == "Claimdesk"
    assert QApplication.organizationName() == "Claimdesk"


def test_without_a_path_the_default_database_opens_with_the_sample_articles(qtbot):
    seen: list[MainWindow] = []
    close_main_windows_later(qtbot, seen)
    assert run_app(None) == 0
    (window,) = seen
    assert WindowDriver(window, qtbot).total() > 0  # the Inbox of the sample corpus


def test_the_window_remembers_its_layout(qtbot, db, settings):
    first = MainWindow(db, settings)
    qtbot.addWidget(first)
    first.show()
    # Small enough for the offscreen screen: restoreGeometry shrinks a window to fit it.
    first.resize(760, 540)
    WindowDriver(first, qtbot).main_splitter().setSizes([150, 350, 260])
    sizes = WindowDriver(first, qtbot).main_splitter().sizes()
    first.close()

    second = MainWindow(db, settings)
    qtbot.addWidget(second)
    second.show()
    assert second.size() == first.size()
    assert WindowDriver(second, qtbot).main_splitter().sizes() == sizes
    second.close()

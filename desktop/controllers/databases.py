"""The File menu's database actions: new, open, recent, save a copy, back up, restore.

Opening another database replaces the window (``desktop.app.DesktopSession`` does it); this
module only asks the person what to open and says ``openRequested``. Copies, backups and
restores run off the GUI thread; their files are made with SQLite's backup API, never by
copying a live file.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLabel, QMenu, QMessageBox, QWidget

from desktop.changes import COPIED_IN
from desktop.controllers.base import Controller
from desktop.settings import Settings
from desktop.tasks import run_task
from storage.backup import backup_to, list_backups, make_backup, restore_backup
from storage.database import Database, display_url, is_server_url
from storage.errors import StorageError
from workflows.copy_in import CopyInResult, copy_in, open_source

DB_FILTER = "Claimdesk databases (*.sqlite *.claimdesk *.db);;All files (*)"


def _tr(text: str) -> str:
    return QCoreApplication.translate("DatabaseMenu", text)


def location_label(location: str) -> str:
    """What a menu shows for a database: a file's name and folder, a server without password."""
    if is_server_url(location):
        return display_url(location)
    path = Path(location)
    return f"{path.name} — {path.parent}"


def backup_label(db_path: Path) -> str:
    """'Last backup: …' for the status bar, from the newest file in the backup folder."""
    backups = list_backups(db_path)
    if not backups:
        return _tr("No backup yet")
    try:
        when = dt.datetime.fromtimestamp(backups[0].stat().st_mtime)
    except OSError:
        return _tr("No backup yet")
    today = dt.date.today()
    if when.date() == today:
        text = when.strftime("today %H:%M")
    elif when.date() == today - dt.timedelta(days=1):
        text = when.strftime("yesterday %H:%M")
    else:
        text = when.strftime("%Y-%m-%d %H:%M")
    return _tr("Last backup: {when}").format(when=text)


def restored_name(damaged: Path) -> Path:
    """A new file beside ``damaged`` for its restored backup, never an existing one."""
    for n in range(1, 1000):
        suffix = "" if n == 1 else f"-{n}"
        candidate = damaged.with_name(f"{damaged.stem}-restored{suffix}.sqlite")
        if not candidate.exists():
            return candidate
    raise FileExistsError(damaged)


class DatabaseMenu(Controller):
    """The database actions of one window, on the database it shows."""

    openRequested = Signal(str)  # a file path or a server address the person chose
    # A copy was saved because this database refused a write: go on there, with unsaved edits.
    continueInCopy = Signal(str)

    def __init__(self, db: Database, settings: Settings, parent: QWidget) -> None:
        super().__init__(parent)
        self._db = db
        self._settings = settings
        self._parent = parent
        self.busy = False
        self.backup_status = QLabel()
        self.backup_status.setObjectName("backupStatus")
        self.new_action = self._action(self.tr("&New database…"), self.choose_new,
                                       ["Ctrl+Shift+N"],
                                       self.tr("Create an empty database file and open it"))
        self.open_action = self._action(self.tr("&Open database…"), self.choose_open,
                                        [QKeySequence.StandardKey.Open, "Ctrl+O"],
                                        self.tr("Open another Claimdesk database file"))
        self.server_action = self._action(
            self.tr("Open &server database…"), self.choose_server, [],
            self.tr("Work on a shared PostgreSQL database (postgresql://user@host/name)"))
        self.save_copy_action = self._action(
            self.tr("Save a &copy as…"), self.choose_copy, ["Ctrl+Shift+S"],
            self.tr("Write a consistent copy of this database to another file or drive"))
        self.backup_action = self._action(
            self.tr("&Back up now"), self.back_up_now, ["Ctrl+B"],
            self.tr("Add a backup to this database's backup folder"))
        self.restore_action = self._action(
            self.tr("&Restore a backup…"), self.choose_backup_to_restore, [],
            self.tr("Restore one of this database's backups into a new file and open it"))
        self.copy_in_action = self._action(
            self.tr("Copy &in from a database file…"), self.choose_copy_in_file, [],
            self.tr("Add the articles, claims, groups and verdicts this database lacks from "
                    "another Claimdesk file (a colleague's laptop, say); nothing is duplicated"))
        self.copy_in_server_action = self._action(
            self.tr("Copy in from a ser&ver database…"), self.choose_copy_in_server, [],
            self.tr("Add what this database lacks from the team's PostgreSQL database"))
        self.recent_menu = QMenu(self.tr("Open &recent"), parent)
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.aboutToShow.connect(self.fill_recent_menu)
        on_file = db.path is not None  # a server database has no file to copy or back up
        for action in (self.save_copy_action, self.backup_action, self.restore_action):
            action.setEnabled(on_file)
        self.refresh_backup_status()

    def _action(self, text: str, slot: Callable[[], Any], keys: list[Any], tip: str) -> QAction:
        action = QAction(text, self._parent)
        if keys:
            unique = {QKeySequence(k).toString(): QKeySequence(k) for k in keys}
            action.setShortcuts([k for k in unique.values() if not k.isEmpty()])
        action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        self._parent.addAction(action)
        return action

    def add_to(self, menu: QMenu) -> None:
        menu.addActions([self.new_action, self.open_action])
        menu.addMenu(self.recent_menu)
        menu.addAction(self.server_action)
        menu.addSeparator()
        menu.addActions([self.copy_in_action, self.copy_in_server_action])
        menu.addSeparator()
        menu.addActions([self.save_copy_action, self.backup_action, self.restore_action])

    # -- choosing what to open --------------------------------------------------------------
    def _folder(self) -> str:
        return str(self._db.path.parent) if self._db.path is not None else str(Path.home())

    def choose_new(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self._parent, self.tr("New database"), str(Path(self._folder()) / "claims.sqlite"),
            DB_FILTER)
        if name:
            self.open_new(Path(name))

    def open_new(self, path: Path) -> None:
        """Create an empty database at ``path`` (a new file only) and open it."""
        path = path if path.suffix else path.with_suffix(".sqlite")
        if path.exists() and path.stat().st_size > 0:
            self.error.emit(self.tr(
                "{path} already exists. A new database needs a new file name; use Open "
                "database to open an existing one.").format(path=path))
            return
        self.openRequested.emit(str(path))

    def choose_open(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self._parent, self.tr("Open database"), self._folder(), DB_FILTER)
        if name:
            self.openRequested.emit(name)

    def choose_server(self) -> None:
        address = self._ask_server_address(self.tr("Open server database"))
        if address:
            self.open_server(address)

    def open_server(self, address: str) -> None:
        if self._is_server_address(address):
            self.openRequested.emit(address)

    def _ask_server_address(self, title: str) -> str | None:
        address, ok = QInputDialog.getText(
            self._parent, title,
            self.tr("PostgreSQL address (postgresql://user@host:port/database):"),
            text="postgresql://")
        return address.strip() if ok and address.strip() else None

    def _is_server_address(self, address: str) -> bool:
        """True for a ``postgresql://`` address; otherwise the person is told why not."""
        if is_server_url(address):
            return True
        self.error.emit(self.tr(
            "{address} is not a PostgreSQL address; it should start with "
            "postgresql://").format(address=address))
        return False

    def fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        current = str(self._db.path) if self._db.path is not None else ""
        recent = [r for r in self._settings.recent_databases if r != current]
        for n, location in enumerate(recent, start=1):
            action = self.recent_menu.addAction(f"&{n} {location_label(location)}")
            action.setToolTip(location)
            action.triggered.connect(lambda _checked=False, loc=location: self.open_recent(loc))
        if not recent:
            self.recent_menu.addAction(self.tr("(no other database opened yet)")).setEnabled(False)

    def open_recent(self, location: str) -> None:
        if not is_server_url(location) and not Path(location).is_file():
            self._settings.forget_recent_database(location)
            self.error.emit(self.tr(
                "{path} is no longer there (moved, renamed or on a drive that is not "
                "connected); it was taken off the recent list.").format(path=location))
            return
        self.openRequested.emit(location)

    # -- another database's work copied into this one ----------------------------------------
    def choose_copy_in_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self._parent, self.tr("Copy in from which database?"), self._folder(), DB_FILTER)
        if name:
            self.copy_in(name)

    def choose_copy_in_server(self) -> None:
        address = self._ask_server_address(self.tr("Copy in from a server database"))
        if address and self._is_server_address(address):
            self.copy_in(address)

    def copy_in(self, location: str) -> None:
        """Copy what this database lacks from ``location`` (only read), then match the
        claims that arrived; a backup first, as before every bulk change."""
        db, path, keep, actor = self._db, self._db.path, self._settings.backup_keep, \
            self._settings.actor()

        def work(_ctx: Any) -> CopyInResult:
            if path is not None:
                make_backup(path, "before-copy", keep=keep)
            source = open_source(location)
            try:
                return copy_in(source, db, actor=actor)
            finally:
                source.dispose()

        def done(result: CopyInResult) -> None:
            self.message.emit(self.tr("Copied in from {source}: {what}").format(
                source=location_label(location), what=" ".join(result.lines())))
            self.changes.emit(COPIED_IN)

        self.message.emit(self.tr("Copying in from {source}…").format(
            source=location_label(location)))
        self._run(work, done, "database.copy_in")

    # -- copies, backups, restores ----------------------------------------------------------
    def choose_copy(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self._parent, self.tr("Save a copy of the database"),
            str(Path(self._folder()) / f"{self._db.path.stem}-copy.sqlite"), DB_FILTER)
        if name:
            self.save_copy(Path(name))

    def save_copy_and_continue(self) -> None:
        """After a refused write: copy the database elsewhere and go on working in the copy."""
        name, _ = QFileDialog.getSaveFileName(
            self._parent, self.tr("Save a copy and continue there"),
            str(Path.home() / f"{self._db.path.stem}-copy.sqlite"), DB_FILTER)
        if name:
            self.save_copy(Path(name), then=lambda path: self.continueInCopy.emit(str(path)))

    def save_copy(self, dest: Path, then: Callable[[Path], None] | None = None) -> None:
        """Write a consistent copy of the open database to ``dest`` (a new file)."""
        src = self._db.path
        if dest.exists():
            self.error.emit(self.tr("{path} already exists; choose a new file name.").format(
                path=dest))
            return

        def work(_ctx: Any) -> Path:
            try:
                return backup_to(src, dest)
            except (OSError, sqlite3.Error) as exc:
                raise CopyFailed(dest, exc) from exc

        def done(path: Path) -> None:
            self.message.emit(self.tr("A copy of the database was saved as {path}.").format(
                path=path))
            if then is not None:
                then(path)
            else:
                self._offer_to_open(path)

        self._run(work, done, "database.copy")

    def _offer_to_open(self, path: Path) -> None:
        buttons = QMessageBox.StandardButton
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Copy saved"),
                          self.tr("A copy was saved as {path}.").format(path=path),
                          buttons.Open | buttons.Close, self._parent)
        box.setInformativeText(self.tr("Open the copy and go on working there?"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _r: box.standardButton(box.clickedButton()) == buttons.Open
                             and self.openRequested.emit(str(path)))
        self.copy_box = box
        box.open()

    def back_up_now(self) -> None:
        path, keep = self._db.path, self._settings.backup_keep
        self._run(lambda _ctx: make_backup(path, "manual", keep=keep),
                  lambda dest: self.message.emit(
                      self.tr("Backed up to {path}.").format(path=dest)), "database.backup")

    def choose_backup_to_restore(self) -> None:
        backups = list_backups(self._db.path)
        if not backups:
            self.error.emit(self.tr("{name} has no backup yet.").format(name=self._db.path.name))
            return
        name, _ = QFileDialog.getOpenFileName(
            self._parent, self.tr("Restore which backup?"), str(backups[0]),
            "SQLite backups (*.sqlite);;All files (*)")
        if name:
            self.restore(Path(name), restored_name(self._db.path))

    def restore(self, backup: Path, target: Path) -> None:
        """Restore ``backup`` into the new file ``target`` and open it (never over this one)."""
        self._run(lambda _ctx: restore_backup(backup, target),
                  lambda path: self.openRequested.emit(str(path)), "database.restore")

    def _run(self, work: Callable[[Any], Any], done: Callable[[Any], None], name: str) -> None:
        self.busy = True

        def finished(result: Any) -> None:
            self.busy = False
            self.refresh_backup_status()
            done(result)

        def failed(exc: BaseException) -> None:
            self.busy = False
            if not isinstance(exc, StorageError):
                raise exc
            self.error.emit(str(exc))

        run_task(work, name=name, on_result=finished, on_error=failed, owner=self)

    def refresh_backup_status(self) -> None:
        if self._db.path is None:
            self.backup_status.setText(self.tr("Backups: the server's"))
            return
        self.backup_status.setText(backup_label(self._db.path))
        backups = list_backups(self._db.path)
        self.backup_status.setToolTip(str(backups[0]) if backups else "")


class CopyFailed(StorageError):
    def __init__(self, dest: Path, exc: BaseException) -> None:
        super().__init__(f"The copy could not be written to {dest}: {exc}. Nothing else was "
                         "changed; choose another place.")


def failed_open_box(exc: StorageError, location: str, parent: QWidget | None,
                    restore: Callable[[Path, Path], None]) -> QMessageBox:
    """The message for a database that could not be opened, offering its latest backup.

    ``restore(backup, new_file)`` is called when the person accepts the offer; the damaged or
    foreign file itself is never written to.
    """
    box = QMessageBox(QMessageBox.Icon.Critical, _tr("Claimdesk cannot open the database"),
                      str(exc), QMessageBox.StandardButton.Close, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    backups = [] if is_server_url(location) else list_backups(Path(location))
    if backups:
        target = restored_name(Path(location))
        box.setInformativeText(_tr(
            "Its latest backup is {backup}. It can be restored into a new file, {target}, and "
            "opened from there.").format(backup=backups[0].name, target=target.name))
        button = box.addButton(_tr("Restore the latest backup"),
                               QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(button)
        button.clicked.connect(lambda: restore(backups[0], target))
    return box

"""What issue #17 adds to the main window, attached in one call: editing articles from the
Articles view (with undo), watching the database for changes made elsewhere, and asking for
the organisation on the first export that names it."""

from __future__ import annotations

from typing import Any

from desktop.changes import ARTICLES, COUNTS
from desktop.controllers.article_edits import ArticleEdits
from desktop.db_watch import DatabaseWatcher


def attach_editorial(window: Any) -> None:
    """Create the controllers on ``window`` (a desktop.main_window.MainWindow) and connect them."""
    edits = ArticleEdits(window.db, window.settings.actor, window.undo_stack, window)
    window.article_edits = edits
    window.articles_panel.editRequested.connect(edits.open_dialog)
    edits.changes.connect(window.on_changes)
    edits.error.connect(window.show_error)

    watcher = DatabaseWatcher(window.db, window)
    window.db_watcher = watcher
    # A CLI import, another window, a colleague on the server: counts (and with new articles,
    # the lists) follow by themselves; so does the status bar's last backup.
    watcher.dataChanged.connect(
        lambda articles: window.on_changes(ARTICLES if articles else COUNTS))
    watcher.backupsChanged.connect(window.database_menu.refresh_backup_status)
    watcher.start()

    window.exports.organisationNeeded.connect(window.open_preferences)

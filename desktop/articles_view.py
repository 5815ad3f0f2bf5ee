"""The Articles view: every imported article with its outlet, date and claim counts."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction

from desktop.browse_panel import BrowsePanel, Column
from storage.queries import ArticleRow
from storage.reads import read_articles


class ArticlesPanel(BrowsePanel):
    """Articles, newest first; choosing one shows its claims. Double-click (or Edit article…
    in the context menu) asks to edit its title, outlet, author, date and URL."""

    editRequested = Signal(int)  # article id

    CONTEXT = "ArticlesPanel"
    COLUMNS = (
        Column[ArticleRow](QT_TRANSLATE_NOOP("ArticlesPanel", "Title"),
                           lambda a: a.title or f"#{a.id}"),
        Column[ArticleRow](QT_TRANSLATE_NOOP("ArticlesPanel", "Outlet"), lambda a: a.outlet,
                           width=190),
        Column[ArticleRow](QT_TRANSLATE_NOOP("ArticlesPanel", "Date"), lambda a: a.published,
                           width=96),
        Column[ArticleRow](QT_TRANSLATE_NOOP("ArticlesPanel", "Claims"), lambda a: a.claims,
                           numeric=True, width=64),
        Column[ArticleRow](QT_TRANSLATE_NOOP("ArticlesPanel", "Proposed"), lambda a: a.proposed,
                           numeric=True, width=76),
    )
    SORT_COLUMN = 2
    SORT_ORDER = Qt.SortOrder.DescendingOrder

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.edit_action = QAction(self.tr("&Edit article…"), self)
        self.edit_action.setObjectName("editArticle")
        self.edit_action.triggered.connect(self._request_edit)
        self.table.addAction(self.edit_action)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.doubleClicked.connect(lambda _index: self._request_edit())

    def _request_edit(self, _checked: bool = False, _index: QModelIndex | None = None) -> None:
        article_id = self.current_id()
        if article_id is not None:
            self.editRequested.emit(article_id)

    def load_rows(self) -> list[ArticleRow]:
        return read_articles(self._db)

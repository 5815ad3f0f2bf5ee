"""The Articles view: every imported article with its outlet, date and claim counts."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt

from desktop.browse_panel import BrowsePanel, Column
from storage.queries import ArticleRow, list_articles


class ArticlesPanel(BrowsePanel):
    """Articles, newest first; choosing one shows its claims."""

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

    def load_rows(self, session: Any) -> list[ArticleRow]:
        return list_articles(session)

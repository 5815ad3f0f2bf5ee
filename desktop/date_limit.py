"""Date edits for an optional limit: at their minimum they read "no limit".

Their calendar popup would open on that minimum (January 1900); it opens on today's month
instead, where the person is most likely to look.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject
from PySide6.QtWidgets import QDateEdit

NO_DATE_LIMIT = QDate(1900, 1, 1)


class _OpenAtToday(QObject):
    def __init__(self, edit: QDateEdit) -> None:
        super().__init__(edit)
        self._edit = edit

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.Show and self._edit.date() == NO_DATE_LIMIT:
            today = QDate.currentDate()
            calendar = self._edit.calendarWidget()
            calendar.setCurrentPage(today.year(), today.month())
        return False


def date_limit_edit(name: str, tip: str, no_limit_text: str) -> QDateEdit:
    edit = QDateEdit()
    edit.setObjectName(name)
    edit.setToolTip(tip)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setCalendarPopup(True)
    edit.setMinimumDate(NO_DATE_LIMIT)
    edit.setSpecialValueText(no_limit_text)
    edit.setDate(NO_DATE_LIMIT)
    edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance("0000-00-00") + 34)
    edit.calendarWidget().installEventFilter(_OpenAtToday(edit))
    return edit


def date_limit(edit: QDateEdit) -> Any:
    """The chosen date as a ``datetime.date``, or None for "no limit"."""
    date = edit.date()
    return None if date == NO_DATE_LIMIT else date.toPython()

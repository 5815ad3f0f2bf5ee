"""The verdict editor's view of what was published: every published version and correction
with its reason (storage.publication), and the question asked before a correction."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QInputDialog, QLabel, QLineEdit, QWidget

from desktop.tasks import run_task
from desktop.window_messages import plain
from storage.database import Database
from storage.publication import PublishedVersion
from storage.reads import published_versions
from storage.verdicts import RATING_LABELS


def _day(at: dt.datetime) -> str:
    local = (at if at.tzinfo else at.replace(tzinfo=dt.UTC)).astimezone()
    return f"{local.day} {local:%B %Y}"


def corrections_text(versions: list[PublishedVersion]) -> str:
    """"Published 6 December 2026: Mostly false" then "Corrected on …: reason (now False)"."""
    lines = []
    for v in versions:
        rating = RATING_LABELS.get(v.snapshot.get("rating") or "", "not rated")
        if v.is_correction:
            lines.append(f"Corrected on {_day(v.published_at)}: {v.reason or '—'} "
                         f"(now {rating}, by {v.published_by})")
        else:
            lines.append(f"Published {_day(v.published_at)}: {rating} (by {v.published_by})")
    return "\n".join(lines)


class PublishedVersionsLabel(QLabel):
    """Loads (in a worker) and shows the published versions of the group's verdict; hidden
    when it was never published."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verdictPublished")
        plain(self)  # a correction's reason is the reviewer's own words
        self.setWordWrap(True)
        self._db = db
        self._group: int | None = None
        self.hide()

    def load(self, group_id: int | None) -> None:
        self._group = group_id
        if group_id is None:
            self.hide()
            return
        db = self._db

        run_task(lambda _ctx: published_versions(db, group_id), name="verdict.published_versions",
                 on_result=lambda found: self._show(group_id, found), owner=self)

    def _show(self, group_id: int, versions: list[PublishedVersion]) -> None:
        if group_id != self._group:
            return
        self.setText(corrections_text(versions))
        self.setVisible(bool(versions))


def correction_reason_dialog(parent: QWidget, why: str) -> QInputDialog:
    """A window-modal question for the reason of a correction (open it with ``open()``; its
    ``textValueSelected`` carries the answer)."""
    dialog = QInputDialog(parent)
    dialog.setObjectName("correctionReason")
    dialog.setWindowTitle(parent.tr("Correct a published verdict"))
    dialog.setLabelText(parent.tr("{why}\n\nReason for the correction (printed with the "
                                  "corrected verdict):").format(why=why))
    dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
    dialog.resize(560, dialog.sizeHint().height())
    return dialog

"""The verdict editor: rating, summary, rationale, evidence, workflow status and history of one
claim group's verdict, saved with optimistic locking."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from urllib.parse import urlsplit

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.controllers.groups import VerdictOps, draft_of
from desktop.settings import Settings
from desktop.verdict_corrections import PublishedVersionsLabel, correction_reason_dialog
from desktop.verdict_labels import rating_swatch, rating_text, verdict_status_text
from desktop.window_messages import plain
from export.ratings import RATING_ORDER
from storage.models import VerdictStatus
from storage.queries import GroupDetail, HistoryEntry, VerdictState
from storage.verdicts import ALLOWED_STATUS_CHANGES, EvidenceItem, VerdictDraft

EVIDENCE_FIELDS = ("title", "publisher", "url", "published", "quote", "note")

_ACTION_LABELS = {
    "verdict_saved": QT_TRANSLATE_NOOP("VerdictEditor", "Saved"),
    "verdict_in_review": QT_TRANSLATE_NOOP("VerdictEditor", "Sent to review"),
    "verdict_approved": QT_TRANSLATE_NOOP("VerdictEditor", "Approved"),
    "verdict_published": QT_TRANSLATE_NOOP("VerdictEditor", "Published"),
    "verdict_draft": QT_TRANSLATE_NOOP("VerdictEditor", "Back to draft"),
    "verdict_version_published": QT_TRANSLATE_NOOP("VerdictEditor", "Version published"),
    "verdict_corrected": QT_TRANSLATE_NOOP("VerdictEditor", "Correction published"),
}

WARNING_STYLE = (
    "QFrame#{name} {{ background: #FDECEA; border: 1px solid #C8432F; border-radius: 4px; }}"
    "QFrame#{name} QLabel {{ color: #3B0D07; background: transparent; border: none; }}"
)


def open_web_link(url: str) -> bool:
    """Open ``url`` in the browser if it is a web link; anything else is never opened."""
    if urlsplit(url.strip()).scheme.lower() not in ("http", "https"):
        return False
    return QDesktopServices.openUrl(QUrl(url.strip()))


class VerdictEditor(QWidget):
    """Edits the verdict of the group last given to ``set_group``."""

    reloadRequested = Signal(int)  # claim group id: load it again from the database
    preferencesRequested = Signal()
    message = Signal(str)  # a short note for the status bar

    def __init__(self, ops: VerdictOps, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self._settings = settings
        self.group_id: int | None = None
        self.state: VerdictState | None = None
        self._loaded = VerdictDraft()
        self._filling = False
        # Set when the next load of this group is one the person asked for (Reload, or the
        # reload after their own save): only then may it replace what the form holds.
        self._replace_next = False
        self._put_back: tuple[int, VerdictDraft] | None = None
        self.saving = False
        # Injectable so tests (and the shooting script) never start a browser.
        self.open_url: Callable[[str], bool] = open_web_link
        ops.saved.connect(self._saved)
        ops.conflict.connect(self._conflict)
        ops.error.connect(lambda _m: self._set_saving(False))
        # #17.2/#17.3: what was published (and corrected), the reason asked before a
        # correction, the rules' one-time explanations.
        self.published = PublishedVersionsLabel(ops.db, self)
        self.reason_dialog: QInputDialog | None = None
        self._pending: tuple[int, str, VerdictDraft] | None = None
        ops.reasonNeeded.connect(self._ask_reason)
        ops.note.connect(self._show_note)

        self.rating = QComboBox()
        self.rating.setObjectName("ratingCombo")
        self.rating.addItem(rating_swatch(None), rating_text(None), None)
        for rating in RATING_ORDER:
            self.rating.addItem(rating_swatch(rating), rating_text(rating), str(rating))
        self.summary = QLineEdit()
        self.summary.setObjectName("verdictSummary")
        self.summary.setPlaceholderText(self.tr("The verdict in one line, as readers will see it"))
        self.rationale = QPlainTextEdit()
        self.rationale.setObjectName("verdictRationale")
        self.rationale.setPlaceholderText(self.tr("Why: what the evidence shows, step by step"))
        self.rationale.setTabChangesFocus(True)
        self.rationale.setMinimumHeight(70)
        self.rationale.setMaximumHeight(130)

        self.evidence = QTableWidget(0, len(EVIDENCE_FIELDS))
        self.evidence.setObjectName("evidenceTable")
        self.evidence.setHorizontalHeaderLabels([
            self.tr("Title"), self.tr("Publisher"), self.tr("URL"), self.tr("Date"),
            self.tr("Quoted passage"), self.tr("Note")])
        self.evidence.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.evidence.verticalHeader().hide()
        self.evidence.setMinimumHeight(110)
        header = self.evidence.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((120, 80, 130, 80, 130)):
            header.resizeSection(column, width)
        self.evidence.setToolTip(self.tr("Double-click a cell to edit it; dates as YYYY-MM-DD"))
        self.add_evidence = QPushButton(self.tr("&Add source"))
        self.remove_evidence = QPushButton(self.tr("Remove source"))
        self.open_link = QPushButton(self.tr("Open link"))
        self.open_link.setToolTip(self.tr("Open the selected source's web address in your browser"))
        self.add_evidence.clicked.connect(self.add_evidence_row)
        self.remove_evidence.clicked.connect(self.remove_evidence_rows)
        self.open_link.clicked.connect(self.open_selected_link)
        evidence_buttons = QHBoxLayout()
        for button in (self.add_evidence, self.remove_evidence, self.open_link):
            evidence_buttons.addWidget(button)
        evidence_buttons.addStretch(1)

        self.reviewer = plain(QLabel())
        self.reviewer.setObjectName("verdictReviewer")
        change_reviewer = QPushButton(self.tr("Change…"))
        change_reviewer.setFlat(True)
        change_reviewer.clicked.connect(self.preferencesRequested)
        reviewer_row = QHBoxLayout()
        reviewer_row.addWidget(self.reviewer)
        reviewer_row.addWidget(change_reviewer)
        reviewer_row.addStretch(1)

        self.status = QLabel()
        self.status.setObjectName("verdictStatus")
        bold = QFont(self.status.font())
        bold.setBold(True)
        self.status.setFont(bold)
        self.status_buttons: dict[str, QPushButton] = {}
        status_row = QHBoxLayout()
        status_row.addWidget(self.status)
        status_row.addStretch(1)
        for target, label in (
            (VerdictStatus.IN_REVIEW, self.tr("Send to review")),
            (VerdictStatus.APPROVED, self.tr("Approve")),
            (VerdictStatus.PUBLISHED, self.tr("Publish")),
            (VerdictStatus.DRAFT, self.tr("Back to draft")),
        ):
            button = QPushButton(label)
            button.setObjectName(f"status_{target.value}")
            button.clicked.connect(lambda _c=False, t=target: self.change_status(t))
            self.status_buttons[target] = button
            status_row.addWidget(button)

        self.save_button = QPushButton(self.tr("&Save verdict"))
        self.save_button.setObjectName("saveVerdict")
        self.save_button.setDefault(True)
        self.save_button.setToolTip(self.tr("Save the verdict (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(self.tr("Discard changes"))
        self.revert_button.clicked.connect(self.reload)
        self.dirty_label = QLabel()
        save_row = QHBoxLayout()
        save_row.addWidget(self.dirty_label, 1)
        save_row.addWidget(self.revert_button)
        save_row.addWidget(self.save_button)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)

        self.conflict_box = QFrame()
        self.conflict_box.setObjectName("verdictConflict")
        self.conflict_box.setStyleSheet(WARNING_STYLE.format(name="verdictConflict"))
        self.conflict_text = QLabel()
        self.conflict_text.setWordWrap(True)
        self.conflict_text.setTextFormat(Qt.TextFormat.PlainText)
        self.conflict_reload = QPushButton(self.tr("&Reload their version"))
        self.conflict_reload.clicked.connect(self.reload)
        conflict_layout = QVBoxLayout(self.conflict_box)
        conflict_layout.addWidget(self.conflict_text)
        conflict_buttons = QHBoxLayout()
        conflict_buttons.addStretch(1)
        conflict_buttons.addWidget(self.conflict_reload)
        conflict_layout.addLayout(conflict_buttons)
        self.conflict_box.hide()

        self.history = QTreeWidget()
        self.history.setObjectName("verdictHistory")
        self.history.setHeaderLabels([self.tr("What"), self.tr("Who"), self.tr("When")])
        self.history.setRootIsDecorated(False)
        self.history.setMaximumHeight(110)
        self.history.header().resizeSection(0, 150)
        self.history.header().resizeSection(1, 140)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("&Rating:"), self.rating)
        form.addRow(self.tr("Su&mmary:"), self.summary)
        form.addRow(self.tr("Rati&onale:"), self.rationale)
        form.addRow(self.tr("Reviewer:"), reviewer_row)
        form.addRow(self.tr("Status:"), status_row)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.conflict_box)
        layout.addLayout(form)
        layout.addWidget(self.published)
        layout.addWidget(QLabel(self.tr("Evidence:")))
        layout.addWidget(self.evidence, 1)
        layout.addLayout(evidence_buttons)
        layout.addLayout(save_row)
        layout.addWidget(QLabel(self.tr("History:")))
        layout.addWidget(self.history)

        self.rating.currentIndexChanged.connect(self._edited)
        self.summary.textChanged.connect(self._edited)
        self.rationale.textChanged.connect(self._edited)
        self.evidence.itemChanged.connect(self._edited)
        self.evidence.itemSelectionChanged.connect(self._update_buttons)
        self._update_buttons()

    # -- loading ----------------------------------------------------------------------------
    def set_group(self, detail: GroupDetail) -> None:
        """Show ``detail``'s verdict (discarding unsaved edits of another group).

        A refresh of the group being edited (the list reloading, a matching run) keeps what
        the person typed and the version they started from; only the history moves on.
        """
        if detail.id == self.group_id and self.is_dirty() and not self._replace_next:
            self._fill_history(detail.history)
            self._update_buttons()
            return
        self._replace_next = False
        self.group_id = detail.id
        self.state = detail.verdict
        self._loaded = draft_of(detail.verdict)
        self._set_saving(False)
        self.conflict_box.hide()
        self._filling = True
        try:
            self._fill(self._loaded)
        finally:
            self._filling = False
        self._fill_history(detail.history)
        self.published.load(detail.id)
        self._update_buttons()
        if self._put_back is not None and self._put_back[0] == detail.id:
            self._apply_put_back()

    def put_back(self, group_id: int, draft: VerdictDraft) -> None:
        """Fill in ``draft`` — unsaved edits carried over from another window — as soon as
        ``group_id`` is shown; the form stays unsaved until the person saves it."""
        self._put_back = (group_id, draft)
        if self.group_id == group_id:
            self._apply_put_back()

    def _apply_put_back(self) -> None:
        assert self._put_back is not None
        _group_id, draft = self._put_back
        self._put_back = None
        self._filling = True
        try:
            self._fill(draft)
        finally:
            self._filling = False
        self._update_buttons()

    def _fill(self, draft: VerdictDraft) -> None:
        self.rating.setCurrentIndex(max(self.rating.findData(draft.rating), 0))
        self.summary.setText(draft.summary)
        self.rationale.setPlainText(draft.rationale)
        self.evidence.setRowCount(0)
        for item in draft.evidence:
            self.add_evidence_row(item)
        self.show_reviewer()

    def show_reviewer(self) -> None:
        """The reviewer the verdict will name: the name set in Preferences, or that none is."""
        self.reviewer.setText(self._settings.reviewer_name or self.tr(
            "not named: outputs will say “Reviewer not named” (set your name with Change…)"))

    def _fill_history(self, history: tuple[HistoryEntry, ...]) -> None:
        self.history.clear()
        for entry in history:
            label = _ACTION_LABELS.get(entry.action)
            what = self.tr(label) if label else entry.action
            when = entry.at.astimezone().strftime("%Y-%m-%d %H:%M") if entry.at.tzinfo else \
                entry.at.replace(tzinfo=dt.UTC).astimezone().strftime("%Y-%m-%d %H:%M")
            self.history.addTopLevelItem(QTreeWidgetItem([what, entry.actor, when]))

    def reload(self) -> None:
        if self.group_id is not None:
            self._replace_next = True
            self.reloadRequested.emit(self.group_id)

    # -- editing ----------------------------------------------------------------------------
    def add_evidence_row(self, item: EvidenceItem | None = None) -> None:
        row = self.evidence.rowCount()
        self.evidence.insertRow(row)
        for column, name in enumerate(EVIDENCE_FIELDS):
            value = getattr(item, name) if isinstance(item, EvidenceItem) else None
            if isinstance(value, dt.date):
                value = value.isoformat()
            self.evidence.setItem(row, column, QTableWidgetItem(value or ""))
        if not isinstance(item, EvidenceItem):
            self.evidence.setCurrentCell(row, 0)
            self.evidence.editItem(self.evidence.item(row, 0))
        self._edited()  # while the form is being filled this does nothing

    def remove_evidence_rows(self) -> None:
        rows = sorted({index.row() for index in self.evidence.selectedIndexes()}, reverse=True)
        for row in rows:
            self.evidence.removeRow(row)
        if rows:
            self._edited()

    def open_selected_link(self) -> None:
        row = self.evidence.currentRow()
        cell = self.evidence.item(row, EVIDENCE_FIELDS.index("url")) if row >= 0 else None
        url = cell.text().strip() if cell is not None else ""
        if not url:
            self.message.emit(self.tr("The selected source has no web address."))
        elif not self.open_url(url):
            self.message.emit(self.tr("Only web links (http, https) are opened: {url}").format(url=url))

    def draft(self) -> VerdictDraft:
        """The edited verdict; ValueError with a sentence for a date that is not a date."""
        evidence = []
        for row in range(self.evidence.rowCount()):
            values = {name: (self.evidence.item(row, c).text().strip()
                             if self.evidence.item(row, c) else "")
                      for c, name in enumerate(EVIDENCE_FIELDS)}
            if not any(values.values()):
                continue  # an added row left empty
            published = None
            if values["published"]:
                try:
                    published = dt.date.fromisoformat(values["published"])
                except ValueError:
                    raise ValueError(self.tr(
                        "Source {n}: “{date}” is not a date; write it as YYYY-MM-DD.").format(
                        n=row + 1, date=values["published"])) from None
            evidence.append(EvidenceItem(
                title=values["title"] or values["url"] or values["publisher"],
                publisher=values["publisher"] or None, url=values["url"] or None,
                published=published, quote=values["quote"] or None, note=values["note"] or None))
        return VerdictDraft(
            rating=self.rating.currentData(), summary=self.summary.text().strip(),
            rationale=self.rationale.toPlainText().strip(),
            reviewer=self._settings.reviewer_name or None,  # a named person, never the account
            evidence=evidence)

    def set_rating(self, rating: str | None) -> None:
        """Choose a rating (from a shortcut); saved with the rest of the form (Ctrl+S)."""
        self.rating.setCurrentIndex(max(self.rating.findData(rating), 0))
        self.rating.setFocus()

    def is_dirty(self) -> bool:
        try:
            draft = self.draft()
        except ValueError:
            return True
        draft.reviewer = self._loaded.reviewer
        return draft != self._loaded

    def _edited(self, *_args: object) -> None:
        if not self._filling:
            self._update_buttons()

    def _update_buttons(self) -> None:
        has_group = self.group_id is not None
        dirty = has_group and self.is_dirty()
        self.save_button.setEnabled(dirty and not self.saving)
        self.revert_button.setEnabled(dirty and not self.saving)
        self.dirty_label.setText(self.tr("Unsaved changes") if dirty else "")
        self.remove_evidence.setEnabled(bool(self.evidence.selectedIndexes()))
        self.open_link.setEnabled(self.evidence.currentRow() >= 0)
        status = self.state.status if self.state is not None else None
        self.status.setText(verdict_status_text(status))
        allowed = ALLOWED_STATUS_CHANGES.get(status, frozenset()) if status else frozenset()
        for target, button in self.status_buttons.items():
            button.setEnabled(target in allowed and not dirty and not self.saving)
            button.setToolTip(self.tr("Save your changes first") if dirty and target in allowed
                              else "")
            button.setVisible(status is not None)

    # -- writing ----------------------------------------------------------------------------
    def save(self) -> None:
        if self.group_id is None or self.saving or not self.is_dirty():
            return
        try:
            draft = self.draft()
        except ValueError as exc:
            self.message.emit(str(exc))
            self._show_box(str(exc), reload=False)
            return
        self.conflict_box.hide()
        self._set_saving(True)
        self._pending = (self.group_id, "", draft)
        self._ops.save(self.group_id, self.state, draft)

    def change_status(self, status: str) -> None:
        if self.group_id is None or self.state is None or self.saving:
            return
        self._set_saving(True)
        self._pending = (self.group_id, status, self._loaded)
        self._ops.set_status(self.group_id, status, self.state.version)

    def _ask_reason(self, group_id: int, status: str, why: str) -> None:
        """A change to a published verdict needs the reason for the correction: ask, then
        try the same save or step again with it."""
        if group_id != self.group_id or self._pending is None:
            self._set_saving(False)
            return
        dialog = correction_reason_dialog(self, why)
        dialog.textValueSelected.connect(lambda text: self._retry_with(group_id, status, text))
        dialog.rejected.connect(lambda: self._set_saving(False))
        dialog.finished.connect(dialog.deleteLater)
        self.reason_dialog = dialog
        dialog.open()

    def _retry_with(self, group_id: int, status: str, text: str) -> None:
        reason = " ".join(text.split())
        if not reason or self._pending is None or group_id != self.group_id or self.state is None:
            self._set_saving(False)
            if not reason:
                self.message.emit(self.tr("Not saved: a correction needs its reason."))
            return
        _group, _status, draft = self._pending
        if status:
            self._ops.set_status(group_id, status, self.state.version, reason)
        else:
            self._ops.save(group_id, self.state, draft, reason)

    def _show_note(self, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Review"), text,
                          QMessageBox.StandardButton.Ok, self)
        box.setTextFormat(Qt.TextFormat.PlainText)  # the note may quote names
        box.setObjectName("reviewNote")
        box.finished.connect(box.deleteLater)
        self.note_box = box
        box.open()

    def _set_saving(self, saving: bool) -> None:
        self.saving = saving
        self._update_buttons()

    def _saved(self, group_id: int, _version: int) -> None:
        if group_id == self.group_id:
            self.message.emit(self.tr("Verdict on claim group #{id} saved.").format(id=group_id))
            self._replace_next = True
            self.reloadRequested.emit(group_id)

    def _conflict(self, group_id: int, theirs: dict) -> None:
        if group_id != self.group_id:
            return
        self._set_saving(False)
        if theirs.get("deleted"):
            text = self.tr("Not saved: this verdict was removed since you opened it. "
                           "Reload to start again.")
        else:
            text = self.tr(
                "Not saved: {who} changed this verdict since you opened it, so your edit would "
                "overwrite theirs. Their version:\n"
                "Rating: {rating}\nSummary: {summary}\nStatus: {status}\n"
                "Your edits stay in the form; copy what you need, then reload.").format(
                who=theirs.get("reviewer") or self.tr("someone else"),
                rating=rating_text(theirs.get("rating")),  # type: ignore[arg-type]
                summary=theirs.get("summary") or "—",
                status=verdict_status_text(theirs.get("status")))  # type: ignore[arg-type]
        self._show_box(text, reload=True)

    def _show_box(self, text: str, *, reload: bool) -> None:
        self.conflict_text.setText(text)
        self.conflict_reload.setVisible(reload)
        self.conflict_box.show()

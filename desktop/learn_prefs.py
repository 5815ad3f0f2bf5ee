"""Preferences → Matching: "Learn from my decisions" (matching.learn) with its before/after
precision and recall, and the way back to the shipped weights. Work runs off the GUI thread with
progress and Cancel; what it stores takes effect at once (it is the database's, not the dialog's)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.tasks import Task, TaskProgressDialog, run_task, run_with_progress
from matching.learn import (
    LearnCancelled,
    LearnedState,
    LearnResult,
    NotEnoughDecisions,
    forget,
    learn,
    learned_state,
)
from storage.database import Database


def _plain() -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class LearnBox(QGroupBox):
    """The Matching group of the Preferences for one database."""

    changed = Signal()  # the weights this database's matching uses changed

    def __init__(self, db: Database, actor: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Matching: learn from my decisions (stored in this database)"))
        self.setObjectName("prefLearnBox")
        self._db = db
        self._actor = actor
        self.task: Task | None = None
        self.progress_dialog: TaskProgressDialog | None = None
        self.state = _plain()
        self.state.setObjectName("prefLearnState")
        self.state.setText(self.tr("Reading…"))
        self.result = _plain()
        self.result.setObjectName("prefLearnResult")
        self.result.hide()
        note = _plain()
        note.setText(self.tr(
            "Your Confirm, Not the same, Split and Merge decisions become examples; the "
            "matching model is refitted on them and judged on them before and after. Takes "
            "effect at once for this database's matching."))
        self.learn_button = QPushButton(self.tr("&Learn from my decisions"))
        self.learn_button.setObjectName("prefLearn")
        self.learn_button.clicked.connect(self.start_learning)
        self.undo_button = QPushButton(self.tr("&Undo: use the shipped weights"))
        self.undo_button.setObjectName("prefLearnUndo")
        self.undo_button.setToolTip(self.tr(
            "Forget the learned weights; matching goes back to the weights Claimdesk ships"))
        self.undo_button.clicked.connect(self.undo)
        self.undo_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.learn_button)
        buttons.addWidget(self.undo_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addWidget(note)
        layout.addLayout(buttons)
        layout.addWidget(self.result)
        self.refresh()

    def refresh(self) -> None:
        db = self._db
        run_task(lambda _ctx: learned_state(db), name="learned_state",
                 on_result=self._show_state, owner=self)

    def _show_state(self, state: LearnedState) -> None:
        self.state.setText(self.tr(state.text()))
        self.undo_button.setEnabled(state.learned or state.stale)
        self._fit()

    def _fit(self) -> None:
        """Grow the dialog to the wrapped text just set (a label's height depends on its width,
        which the dialog does not re-ask by itself)."""
        window = self.window()
        if window is not self:
            QTimer.singleShot(0, window.adjustSize)

    def _busy(self) -> bool:
        return self.task is not None and self.task.is_running()

    def start_learning(self) -> Task | None:
        if self._busy():
            return None
        db, actor = self._db, self._actor
        self.result.hide()
        self.progress_dialog = run_with_progress(
            self.tr("Learning from your decisions"),
            lambda ctx: learn(db, actor=actor, progress=ctx.progress, cancelled=ctx.cancelled),
            self._learned, parent=self, on_error=self._failed, name="learn_from_decisions",
            owner=self, cancelling=self.tr("Cancelling; the weights in use stay as they are…"))
        task = self.task = self.progress_dialog.task
        self.learn_button.setEnabled(False)
        task.finished.connect(lambda: self.learn_button.setEnabled(True))
        return task

    def _say(self, text: str) -> None:
        self.result.setText(text)
        self.result.show()
        self._fit()

    def _learned(self, result: LearnResult) -> None:
        self._say(self.tr(result.summary()))
        self.refresh()
        if result.stored:
            self.changed.emit()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, NotEnoughDecisions):
            self._say(str(exc))
        elif isinstance(exc, LearnCancelled):
            self._say(self.tr("Learning was cancelled; the weights in use are unchanged."))
        else:
            raise exc  # a programming error: let it reach the excepthook

    def undo(self) -> Task | None:
        if self._busy():
            return None
        db, actor = self._db, self._actor
        self.undo_button.setEnabled(False)
        task = run_task(lambda _ctx: forget(db, actor=actor), name="forget_learned",
                        on_result=self._forgotten, owner=self)
        self.task = task
        return task

    def _forgotten(self, removed: bool) -> None:
        self._say(self.tr("Matching on this database uses the shipped weights again.")
                  if removed else self.tr("No learned weights to forget."))
        self.refresh()
        self.changed.emit()

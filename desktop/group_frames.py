"""The group pane's claim frames: the conflict banner's "measure, period: value [interval] here
vs value [interval] elsewhere" lines (matching.conflict_banner: one period on both sides) and each appearance's "why matched", worked out off the
GUI thread (matching.frame_text) once the group is shown."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel

from desktop.tasks import run_task
from matching.conflict_banner import group_banner_view
from matching.frame_text import GroupFramesView
from storage.database import Database
from storage.frame_sources import read_group_frame_facts


class GroupFrames(QObject):
    """Loads one group's frame texts; the latest ``load`` wins. ``loaded`` fires when the
    banner labels are filled and :meth:`why` has the appearances' lines."""

    loaded = Signal()

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._request = 0
        self._group_id: int | None = None
        self._labels: dict[int, QLabel] = {}
        self.view: GroupFramesView | None = None

    def banner_label(self, other_id: int) -> QLabel:
        """The label naming the disputed measure and period for one conflicting group."""
        label = QLabel(self.tr("Working out the disputed measure…"))
        label.setObjectName("conflictFrame")
        label.setTextFormat(Qt.TextFormat.PlainText)  # figures as written in articles
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont(label.font())
        font.setBold(True)
        label.setFont(font)
        # Labels of a banner that was rebuilt are deleted by the pane: forget them.
        self._labels = {k: v for k, v in self._labels.items() if shiboken6.isValid(v)}
        self._labels[other_id] = label
        self._fill(other_id, label)
        return label

    def load(self, group_id: int) -> None:
        if group_id != self._group_id:
            self.view = None
        self._group_id = group_id
        self._request += 1
        request, db = self._request, self._db
        run_task(lambda _ctx: group_banner_view(read_group_frame_facts(db, group_id)),
                 name="group_frames", on_result=lambda v: self._loaded(request, v), owner=self)

    def why(self, claim_id: int) -> tuple[str, ...]:
        return self.view.why.get(claim_id, ()) if self.view is not None else ()

    def _loaded(self, request: int, view: GroupFramesView) -> None:
        if request != self._request:
            return
        self.view = view
        for other_id, label in list(self._labels.items()):
            if shiboken6.isValid(label):
                self._fill(other_id, label)
        self.loaded.emit()

    def _fill(self, other_id: int, label: QLabel) -> None:
        if self.view is None:
            return
        conflict = self.view.conflicts.get(other_id)
        if conflict is None:
            return
        lines = list(conflict.lines) or [self.tr(
            "The figures no longer conflict as the claims now read; re-match to update.")]
        label.setText("\n".join(lines))
        label.setToolTip("\n".join(conflict.deciding))

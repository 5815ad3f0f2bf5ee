""""Already checked": the published fact-checks closest to the open claim or claim group.

Up to five rows, best first: a rating badge, the claim as the publisher wrote it, publisher,
date and score; "Open link" opens the review in the system browser (only http(s), only when
clicked), "Use as evidence" hands it to the verdict editor (or, where no editor is open, saves
it into the group's verdict), "Same claim" links it to the group — undoable, and "Unlink"
takes a link back. The look-up runs off the GUI thread; an answer for a claim no longer shown
is dropped.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QUndoStack
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.tasks import run_task
from desktop.undo import WrittenCommand
from desktop.verdict_editor import open_web_link
from export.ratings import badge_colours
from storage.audit import default_actor
from storage.database import Database
from storage.factchecks import LibraryEntry

TOP = 5
# The ranker returns any entry sharing a word; one sharing less than this of the words is noise
# on screen (the command line still lists the top 5 as ranked).
MIN_SHOWN = 0.1


def _plain(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # fact-checks come from files: never markup
    label.setWordWrap(True)
    return label


class CheckRow(QFrame):
    """One fact-check found: badge, claim, publisher and date, and its three actions."""

    openLink = Signal(str)
    useAsEvidence = Signal(object)
    sameClaim = Signal(object)
    unlink = Signal(object)

    def __init__(self, entry: LibraryEntry, score: float, closeness: float, *, linked: bool,
                 can_link: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry = entry
        self.setObjectName("checkRow")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        label = entry.rating_text or entry.rating or self.tr("No rating")
        fill, ink = badge_colours(entry.rating)
        self.badge = QLabel(label if len(label) <= 28 else label[:27] + "…")
        self.badge.setTextFormat(Qt.TextFormat.PlainText)
        self.badge.setToolTip(label)
        self.badge.setObjectName("ratingBadge")
        self.badge.setStyleSheet(f"QLabel#ratingBadge {{ background: {fill}; color: {ink}; "
                                 "border-radius: 3px; padding: 1px 6px; font-weight: bold; }")
        self.badge.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.claim = _plain(entry.claim)
        self.claim.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        when = entry.date.isoformat() if entry.date else self.tr("undated")
        publisher = entry.publisher or self.tr("unknown publisher")
        self.meta = _plain(self.tr("{publisher} · {date} · {share:.0%} of the words shared")
                           .format(publisher=publisher, date=when, share=closeness))
        self.meta.setToolTip(self.tr("Ranker score {score:.2f} (1.5 is the best of this "
                                     "look-up)").format(score=score))

        self.open_button = QPushButton(self.tr("Open link"))
        self.open_button.setEnabled(bool(entry.url))
        self.open_button.setToolTip(entry.url or self.tr("This fact-check has no web link"))
        self.open_button.clicked.connect(lambda: self.openLink.emit(entry.url or ""))
        self.evidence_button = QPushButton(self.tr("Use as evidence"))
        self.evidence_button.clicked.connect(lambda: self.useAsEvidence.emit(entry))
        self.same_button = QPushButton(self.tr("Linked: same claim") if linked
                                       else self.tr("Same claim"))
        self.same_button.setEnabled(can_link and not linked and entry.fact_check_id is not None)
        self.same_button.setToolTip(self.tr(
            "Record that this fact-check reviews the same claim as the open claim group, so "
            "the briefing can say who else checked it"))
        self.same_button.clicked.connect(lambda: self.sameClaim.emit(entry))
        self.unlink_button = QPushButton(self.tr("Unlink"))
        self.unlink_button.setToolTip(self.tr(
            "Take back the \u201csame claim\u201d link: the briefing no longer names this "
            "fact-check"))
        self.unlink_button.setVisible(linked and can_link)
        self.unlink_button.clicked.connect(lambda: self.unlink.emit(entry))

        top = QHBoxLayout()
        top.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.claim, 1)
        # The meta line on its own: beside four buttons it wrapped into a narrow column.
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.open_button, self.evidence_button, self.same_button,
                       self.unlink_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addLayout(top)
        layout.addWidget(self.meta)
        layout.addLayout(buttons)


class AlreadyCheckedPanel(QWidget):
    """The fact-checks of the library most likely reviewing one claim."""

    useAsEvidence = Signal(object)  # LibraryEntry
    sameClaim = Signal(object)  # LibraryEntry, for the group shown (see group_id)
    linkOpened = Signal(str)  # a review's web page was opened in the browser

    evidenceSaved = Signal(int)  # group id: "Use as evidence" saved into its verdict
    linksChanged = Signal(int)  # group id: a "same claim" link was made or taken back

    def __init__(self, db: Database, parent: QWidget | None = None,
                 actor: Callable[[], str] | None = None, *, evidence: bool | str = True) -> None:
        """``evidence``: True offers "Use as evidence" to whoever listens (the group pane's
        verdict editor); "save" stores it into the group's verdict here (the claim detail,
        where no editor is open); False hides it."""
        super().__init__(parent)
        self.setObjectName("alreadyChecked")
        self._db = db
        self._actor = actor or default_actor
        self._evidence = evidence
        # Links are undoable: on this stack, or the window's when it hands it over (Ctrl+Z).
        self.undo_stack = QUndoStack(self)
        self._last_command: WrittenCommand | None = None
        # Replaceable, as the verdict editor's: tests never start a browser.
        self.open_url: Callable[[str], bool] = open_web_link
        self._generation = 0
        self.text: str | None = None
        self.group_id: int | None = None
        self.linked: set[int] = set()
        self.rows: list[CheckRow] = []
        self.title = QLabel(self.tr("Already checked"))
        # A bold font, not a style sheet: a style sheet would keep the old palette's colour
        # when the appearance switches between light and dark.
        font = QFont(self.title.font())
        font.setBold(True)
        self.title.setFont(font)
        self.status = _plain("")
        # What the last link, unlink or evidence click did, with its Undo.
        self.notice = _plain("")
        self.notice.setObjectName("alreadyCheckedNotice")
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.setObjectName("alreadyCheckedUndo")
        self.undo_button.clicked.connect(self.undo_last)
        notice_row = QHBoxLayout()
        notice_row.addWidget(self.notice, 1)
        notice_row.addWidget(self.undo_button)
        self._show_notice("")
        self._rows_box = QVBoxLayout()
        self._rows_box.setSpacing(4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.status)
        layout.addLayout(notice_row)
        layout.addLayout(self._rows_box)
        layout.addStretch(1)

    def set_database(self, db: Database) -> None:
        self._db = db
        self.clear()

    def clear(self) -> None:
        self._generation += 1
        self.text = None
        self.group_id = None
        self._fill([], "")

    def show_claim(self, text: str, group_id: int | None = None) -> None:
        """Look ``text`` up (in the background) and show what was found; with ``group_id``,
        "Same claim" links to that group."""
        if (text, group_id) != (self.text, self.group_id):
            self._show_notice("")  # a notice (and its Undo) is about the claim it was made on
        self._generation += 1
        generation = self._generation
        self.text, self.group_id = text, group_id
        self.status.setText(self.tr("Looking for published fact-checks…"))
        db = self._db

        def work(_ctx):  # noqa: ANN001, ANN202
            from matching.checked import library_for
            from storage.reads import fact_check_links

            empty, linked = fact_check_links(db, group_id)
            return library_for(db).search(text, TOP), empty, linked

        run_task(work, name="already-checked",
                 on_result=lambda result: self._found(generation, *result),
                 on_error=lambda exc: self._failed(generation, exc), owner=self)

    def _found(self, generation: int, hits, empty: bool, linked: set[int]) -> None:  # noqa: ANN001
        if generation != self._generation:
            return  # the person moved on to another claim meanwhile
        self.linked = linked
        # A group's own verdict is in the library too: not a previous check of itself.
        hits = [h for h in hits if (h.entry.group_id is None or h.entry.group_id != self.group_id)
                and h.closeness >= MIN_SHOWN]
        if hits:
            message = ""
        elif empty:
            message = self.tr("The fact-check library is empty: File → Import fact-checks… "
                              "adds published fact-checks (ClaimReview, Google Fact Check "
                              "JSON, CSV).")
        else:
            message = self.tr("No published fact-check in the library is close to this "
                              "claim.")
        self._fill(hits, message)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self._fill([], self.tr("The look-up failed: {error}").format(error=exc))

    def _fill(self, hits, message: str) -> None:  # noqa: ANN001
        for row in self.rows:
            self._rows_box.removeWidget(row)
            row.deleteLater()
        self.rows = []
        self.status.setText(message)
        self.status.setVisible(bool(message))
        for hit in hits:
            row = CheckRow(hit.entry, hit.score, hit.closeness,
                           linked=hit.entry.fact_check_id in self.linked,
                           can_link=self.group_id is not None, parent=self)
            row.openLink.connect(self._open)
            if self._evidence == "save":
                row.useAsEvidence.connect(self._save_evidence)
                row.evidence_button.setEnabled(self.group_id is not None)
                if self.group_id is None:
                    row.evidence_button.setToolTip(self.tr(
                        "This claim is in no claim group yet, so it has no verdict to add "
                        "evidence to"))
            else:
                row.useAsEvidence.connect(self.useAsEvidence)
            row.evidence_button.setVisible(bool(self._evidence))
            row.sameClaim.connect(self._link)
            row.unlink.connect(self._unlink)
            self._rows_box.addWidget(row)
            self.rows.append(row)

    def _open(self, url: str) -> None:
        # Only on a click, and only a web address (the importers keep no other kind).
        if url and self.open_url(url):
            self.linkOpened.emit(url)

    def _link(self, entry: LibraryEntry) -> None:
        group_id = self.group_id
        if group_id is None or entry.fact_check_id is None:
            return
        self.sameClaim.emit(entry)
        self.write_link(group_id, entry, linked=True, undoable=True)

    def _unlink(self, entry: LibraryEntry) -> None:
        if self.group_id is not None and entry.fact_check_id is not None:
            self.write_link(self.group_id, entry, linked=False, undoable=True)

    def write_link(self, group_id: int, entry: LibraryEntry, *, linked: bool,
                   undoable: bool = False) -> None:
        """Make (``linked``) or take back the "same claim" link, off the GUI thread; with
        ``undoable`` the step goes on the undo stack once it is written."""
        db, actor, fact_check_id = self._db, self._actor(), entry.fact_check_id
        assert fact_check_id is not None

        def work(_ctx):  # noqa: ANN001, ANN202
            from storage import actions

            change = actions.link_same_claim if linked else actions.unlink_same_claim
            return change(db, group_id, fact_check_id, actor=actor)

        def done(changed: bool) -> None:
            publisher = entry.publisher or self.tr("an unknown publisher")
            if linked:
                text = self.tr("Linked to claim group #{id} as the same claim ({publisher}).")
            else:
                text = self.tr("The \u201csame claim\u201d link to {publisher} was taken back.")
            if changed and undoable:
                command = _LinkCommand(self, group_id, entry, linked)
                self.undo_stack.push(command)
                self._last_command = command
            self._show_notice(text.format(id=group_id, publisher=publisher),
                              undo=changed and undoable)
            if changed:
                self.linksChanged.emit(group_id)
            if self.group_id == group_id:
                self.show_claim(self.text or "", group_id)

        run_task(work, name="same-claim", serial=True, owner=self, on_result=done,
                 on_error=lambda exc: self._show_notice(
                     self.tr("The link was not changed: {error}").format(error=exc)))

    def undo_last(self) -> None:
        """Undo the last link, unlink or evidence step made here, if it is still the latest."""
        stack = self.undo_stack
        if self._last_command is not None and stack.index() > 0 and \
                stack.command(stack.index() - 1) is self._last_command:
            stack.undo()
        self._last_command = None
        self._show_notice("")

    def _show_notice(self, text: str, *, undo: bool = False) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))
        self.undo_button.setVisible(undo)

    def _save_evidence(self, entry: LibraryEntry) -> None:
        group_id, db, actor = self.group_id, self._db, self._actor()
        if group_id is None:
            return

        def work(_ctx):  # noqa: ANN001, ANN202
            from storage import actions

            return actions.add_to_verdict_evidence(db, group_id, entry, actor=actor)

        def done(added: bool) -> None:
            self._last_command = None
            self._show_notice(self.tr(
                "Added to the evidence of the verdict on claim group #{id} (a draft; open the "
                "group to rate it).") if added else self.tr(
                "This fact-check is already in the evidence of claim group #{id}'s verdict.")
                .format(id=group_id))
            if added:
                self.evidenceSaved.emit(group_id)

        def failed(exc: BaseException) -> None:
            from storage.errors import StorageError

            if not isinstance(exc, StorageError):
                raise exc
            self._show_notice(str(exc))

        run_task(work, name="checked-evidence", serial=True, owner=self, on_result=done,
                 on_error=failed)


class _LinkCommand(WrittenCommand):
    """Undo of Same claim (or of Unlink): the link taken back (or made again)."""

    def __init__(self, panel: AlreadyCheckedPanel, group_id: int, entry: LibraryEntry,
                 linked: bool) -> None:
        super().__init__(panel.tr("Same claim as {publisher}").format(
            publisher=entry.publisher or "?") if linked else
            panel.tr("Unlink {publisher}").format(publisher=entry.publisher or "?"))
        self._panel, self._group_id, self._entry, self._linked = panel, group_id, entry, linked

    def revert(self) -> None:
        self._panel.write_link(self._group_id, self._entry, linked=not self._linked)

    def reapply(self) -> None:
        self._panel.write_link(self._group_id, self._entry, linked=self._linked)

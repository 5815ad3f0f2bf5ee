"""What issue #19 adds to the main window, attached in one call: the Measures view (list, timeline,
edits with undo), measuring after the window's matching runs, and the reference check above a
claim and a claim group, whose suggested rating a person confirms or overrides."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QTimer

from desktop.changes import Changes
from desktop.controllers.measures import MeasureOps
from desktop.measures_view import MeasuresPanel
from desktop.reference_suggestion import (
    ReferenceCheck,
    SuggestionBanner,
    load_claim_check,
    load_group_check,
)
from desktop.sidebar import View
from desktop.tasks import run_task
from storage.errors import StorageError
from storage.verdicts import EvidenceItem
from workflows.measuring import update_measures


class MeasuresWiring:
    """Owns the #19 parts of one window (a desktop.main_window.MainWindow)."""

    def __init__(self, window: Any) -> None:
        self.window = window
        db = window.db
        self.ops = MeasureOps(db, window.settings.actor, window.undo_stack, window)
        self.ops.error.connect(window.show_error)
        self.ops.changes.connect(window.on_changes)
        self.panel = MeasuresPanel(db, self.ops, window.settings)
        self.panel.claimRequested.connect(lambda claim_id: window.detail.show_claim(claim_id))
        self.panel.message.connect(lambda text: window.statusBar().showMessage(text, 6000))
        self.panel.countChanged.connect(lambda n: window.sidebar.set_count(View.MEASURES, n))
        window.centre.centre_stack.addWidget(self.panel)
        self._claim_request = 0
        self._group_request = 0

        # The reference check above the claim detail (Inbox and every claims view) and above
        # the claim group's tabs.
        self.claim_banner = SuggestionBanner("claimReferenceCheck")
        window.detail.layout().insertWidget(0, self.claim_banner)
        self.group_banner = SuggestionBanner("groupReferenceCheck")
        body = window.group_pane.body.layout()
        body.insertWidget(body.indexOf(window.group_pane.tabs), self.group_banner)
        for banner in (self.claim_banner, self.group_banner):
            banner.ratingChosen.connect(self.apply_rating)
            banner.evidenceRequested.connect(self.cite)
        # Whichever way a claim reaches the detail pane (the table, a chart point, "Show
        # claim", a refresh), its reference check follows.
        window.claimShown.connect(self.check_claim)
        window.group_pane.shown.connect(self._group_shown)

        # The window's matching run measures too; a change made elsewhere (a reference figure
        # added from the command line) shows up by itself.
        window.matching.changes.connect(self._matched)
        window.db_watcher.dataChanged.connect(lambda _articles: self.refresh())
        # No read at start: the list (and the sidebar's count) loads when the view is chosen,
        # so opening a window, or the self-test's short-lived one, does no extra work.

    # -- the view ---------------------------------------------------------------------------
    def view_chosen(self, view: View) -> bool:
        """Show or leave the Measures view; True when ``view`` is it (the window stops there)."""
        centre = self.window.centre
        if view != View.MEASURES:
            if centre.centre_stack.currentWidget() is self.panel:
                centre.centre_stack.setCurrentWidget(centre.centre_splitter)
            return False
        centre.set_groups_mode(False)
        centre.centre_stack.setCurrentWidget(self.panel)
        centre.detail_stack.setCurrentWidget(self.window.detail)
        self.panel.reload()
        return True

    def refresh(self) -> None:
        """Something changed (matching, elsewhere): what is on screen follows; the list only
        while it is shown (it reloads whenever the view is chosen)."""
        if self.panel.isVisible():
            self.panel.reload()
        self.check_claim(self.window.detail.claim_id())
        self._group_shown(self.window.group_pane.detail)

    def _matched(self, changes: Changes) -> None:
        if not changes.groups:
            return
        db = self.window.db
        run_task(lambda _ctx: update_measures(db), name="measures.update", serial=True,
                 on_result=lambda _report: self.refresh(), owner=self.panel)

    # -- the reference check ----------------------------------------------------------------
    def check_claim(self, claim_id: int | None) -> None:
        self._claim_request += 1
        request, db = self._claim_request, self.window.db
        if claim_id is None:
            self.claim_banner.show_check(None)
            return
        run_task(lambda _ctx: load_claim_check(db, claim_id), name="measures.claim_check",
                 on_result=lambda check: self._claim_checked(request, check),
                 on_error=self._check_failed, owner=self.panel)

    def _claim_checked(self, request: int, check: ReferenceCheck) -> None:
        if request == self._claim_request:
            self.claim_banner.show_check(check)

    def _group_shown(self, detail: Any) -> None:
        self._group_request += 1
        request, db = self._group_request, self.window.db
        if detail is None:
            self.group_banner.show_check(None)
            return
        group_id, claims = detail.id, [a.claim_id for a in detail.appearances]
        run_task(lambda _ctx: load_group_check(db, group_id, claims),
                 name="measures.group_check",
                 on_result=lambda check: self._group_checked(request, check),
                 on_error=self._check_failed, owner=self.panel)

    @staticmethod
    def _check_failed(exc: BaseException) -> None:
        """A reference check is a hint beside the claim: when the database cannot be read for
        it (closed meanwhile, a server gone) it is left out; the claim's own detail says more."""
        # (The database layer's own errors are told by their module: desktop imports no SQL.)
        if not (isinstance(exc, StorageError) or type(exc).__module__.startswith("sqlalchemy")):
            raise exc

    def _group_checked(self, request: int, check: ReferenceCheck) -> None:
        if request == self._group_request:
            self.group_banner.show_check(check)

    # -- confirming or overriding the suggestion --------------------------------------------
    def apply_rating(self, group_id: int, rating: str, evidence: Sequence[EvidenceItem]) -> None:
        """The person chose ``rating``: set it on the group's verdict with the reference as
        evidence and save it (one undo step, through the verdict editor's own save)."""
        def save() -> None:
            editor = self.window.group_pane.editor
            self._add_evidence(evidence)
            editor.set_rating(rating)
            editor.save()

        self._in_editor(group_id, save)

    def cite(self, group_id: int, evidence: Sequence[EvidenceItem]) -> None:
        """Put the reference into the verdict's evidence; the person saves when ready."""
        self._in_editor(group_id, lambda: self._add_evidence(evidence))

    def _add_evidence(self, evidence: Sequence[EvidenceItem]) -> None:
        editor = self.window.group_pane.editor
        try:
            have = {(e.url or e.title) for e in editor.draft().evidence}
        except ValueError:
            have = set()
        added = 0
        for item in evidence:
            if (item.url or item.title) not in have:
                editor.add_evidence_row(item)
                added += 1
        self.window.statusBar().showMessage(
            self.window.tr("Reference added to the verdict's evidence.") if added
            else self.window.tr("The reference is already among the evidence."), 6000)

    def _in_editor(self, group_id: int, then: Callable[[], None]) -> None:
        """Run ``then`` once the group's verdict editor is shown (going there first)."""
        window, pane = self.window, self.window.group_pane
        if window.in_groups_view() and pane.group_id() == group_id \
                and pane.editor.group_id == group_id:
            pane.tabs.setCurrentWidget(pane.editor)
            then()
            return

        def ready() -> None:  # the pane fills its editor after announcing the group
            if pane.editor.group_id == group_id:
                pane.tabs.setCurrentWidget(pane.editor)
                then()

        def shown(detail: Any) -> None:
            if detail is not None and detail.id == group_id:
                pane.shown.disconnect(shown)
                QTimer.singleShot(0, ready)

        pane.shown.connect(shown)
        window.show_group(group_id)


def attach_measures(window: Any) -> MeasuresWiring:
    """Create the #19 parts on ``window`` and connect them; also ``window.measures``."""
    wiring = MeasuresWiring(window)
    window.measures = wiring
    return wiring

"""The counts the window shows (sidebar, status bar) and the filters' choices, loaded in workers."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel

from desktop.tasks import run_task
from storage.database import Database
from storage.queries import ReviewCounts
from storage.reads import filter_choices, read_review_counts

COUNTS_DELAY_MS = 150


class CountsLoader(QObject):
    """Loads the review counts (coalesced) and the category and outlet choices."""

    refreshing = Signal()  # the counts are about to be loaded again
    countsLoaded = Signal(object)  # ReviewCounts
    choicesLoaded = Signal(list, list)  # categories, [(outlet id, name)]

    def __init__(self, db: Database, parent: QObject) -> None:
        super().__init__(parent)
        self._db = db
        self._timer = QTimer(self, singleShot=True, interval=COUNTS_DELAY_MS)
        self._timer.timeout.connect(self._load_counts)
        self.counts = ReviewCounts()  # the last loaded
        self.countsLoaded.connect(lambda counts: setattr(self, "counts", counts))

    def refresh(self) -> None:
        # Coalesced: pressing A ten times in a second runs the count queries once.
        self._timer.start()

    def _load_counts(self) -> None:
        self.refreshing.emit()
        db = self._db
        run_task(lambda _ctx: read_review_counts(db), name="counts", on_result=self.countsLoaded.emit, owner=self)

    def load_choices(self) -> None:
        """Fill the category and outlet filters with what the database holds."""
        db = self._db
        run_task(lambda _ctx: filter_choices(db), name="filter_choices", on_result=lambda found: self.choicesLoaded.emit(*found),
                 owner=self)


class CountsLabel(QLabel):
    """The status bar's summary: articles, claims and claims still proposed."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("counts")

    def show_counts(self, counts: ReviewCounts) -> None:
        self.setText(self.tr("{articles:,} articles · {claims:,} claims · {proposed:,} proposed")
                     .format(articles=counts.articles, claims=counts.claims,
                             proposed=counts.proposed))

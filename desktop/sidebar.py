"""The sidebar: the views a reviewer switches between (Inbox, All claims, …), with counts."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QFont, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from storage.models import ClaimStatus
from storage.queries import GroupFilter, ReviewCounts

_VIEW_ROLE = Qt.ItemDataRole.UserRole + 1
_COUNT_ROLE = Qt.ItemDataRole.UserRole + 2


class View(Enum):
    INBOX = "inbox"
    ALL = "all"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    ARTICLES = "articles"
    OUTLETS = "outlets"
    GROUPS = "groups"
    CONFLICTS = "conflicts"
    DRAFT = "draft"
    IN_REVIEW = "in_review"
    APPROVED = "approved"
    PUBLISHED = "published"
    MEASURES = "measures"  # #19; last, so the Ctrl+number shortcuts of the others stay

    @property
    def shows_groups(self) -> bool:
        """Whether the view lists claim groups (with the group pane) rather than claims."""
        return self in _GROUP_VIEWS

    @property
    def group_filter(self) -> GroupFilter:
        if self == View.CONFLICTS:
            return GroupFilter(conflicts_only=True)
        if self in _VERDICT_VIEWS:
            return GroupFilter(verdict_status=self.value)
        return GroupFilter()

    @property
    def status(self) -> str | None:
        """The claim status this view shows, or None for every status."""
        return {
            View.INBOX: ClaimStatus.PROPOSED,
            View.ACCEPTED: ClaimStatus.ACCEPTED,
            View.REJECTED: ClaimStatus.REJECTED,
        }.get(self)

    def label(self) -> str:
        tr = QCoreApplication.translate
        return {
            View.INBOX: tr("Sidebar", "Inbox"),
            View.ALL: tr("Sidebar", "All claims"),
            View.ACCEPTED: tr("Sidebar", "Accepted"),
            View.REJECTED: tr("Sidebar", "Rejected"),
            View.ARTICLES: tr("Sidebar", "Articles"),
            View.OUTLETS: tr("Sidebar", "Outlets"),
            View.GROUPS: tr("Sidebar", "Claim groups"),
            View.CONFLICTS: tr("Sidebar", "Conflicting figures"),
            View.DRAFT: tr("Sidebar", "Draft"),
            View.IN_REVIEW: tr("Sidebar", "In review"),
            View.APPROVED: tr("Sidebar", "Approved"),
            View.PUBLISHED: tr("Sidebar", "Published"),
            View.MEASURES: tr("Sidebar", "Measures"),
        }[self]

    def count(self, counts: ReviewCounts) -> int | None:
        if self == View.MEASURES:
            return None  # counted by the measures view itself (Sidebar.set_count)
        return {
            View.INBOX: counts.proposed,
            View.ALL: counts.claims,
            View.ACCEPTED: counts.accepted,
            View.REJECTED: counts.rejected,
            View.ARTICLES: counts.articles,
            View.OUTLETS: counts.outlets,
            View.GROUPS: counts.groups,
            View.CONFLICTS: counts.conflicted_groups,
        }.get(self, counts.verdicts_with(self.value))


_VERDICT_VIEWS = (View.DRAFT, View.IN_REVIEW, View.APPROVED, View.PUBLISHED)
_GROUP_VIEWS = frozenset((View.GROUPS, View.CONFLICTS, *_VERDICT_VIEWS))


class _CountDelegate(QStyledItemDelegate):
    """Draws each view's count right-aligned beside its name."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        count = index.data(_COUNT_ROLE)
        if count is None:
            super().paint(painter, option, index)
            return
        # The name is elided before the count's place, so a narrow sidebar needs no
        # horizontal scrollbar and the two never overlap (#17.14).
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = f"{count:,}"
        metrics = opt.fontMetrics  # type: ignore[attr-defined]
        reserve = metrics.horizontalAdvance(text) + 22
        opt.text = metrics.elidedText(opt.text, Qt.TextElideMode.ElideRight,  # type: ignore[attr-defined]
                                      max(opt.rect.width() - reserve, 20))  # type: ignore[attr-defined]
        widget = opt.widget  # type: ignore[attr-defined]
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        palette = option.palette  # type: ignore[attr-defined]
        painter.save()
        painter.setPen(palette.highlightedText().color() if selected else palette.text().color())
        rect = option.rect.adjusted(0, 0, -10, 0)  # type: ignore[attr-defined]
        painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width() + 60, max(hint.height(), 26))


class Sidebar(QListWidget):
    """The list of views; ``viewChosen`` fires when the reviewer picks another one."""

    viewChosen = Signal(object)  # View

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.setItemDelegate(_CountDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setFrameShape(QListWidget.Shape.NoFrame)
        # Names elide before their counts: never a horizontal scrollbar (#17.14).
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._items: dict[View, QListWidgetItem] = {}
        self._add_heading(self.tr("Claims"))
        for view in (View.INBOX, View.ALL, View.ACCEPTED, View.REJECTED):
            self._add_view(view)
        self._add_heading(self.tr("Sources"))
        for view in (View.ARTICLES, View.OUTLETS):
            self._add_view(view)
        self._add_heading(self.tr("Checking"))
        self._add_view(View.GROUPS)
        self._add_view(View.CONFLICTS)
        self._add_view(View.MEASURES)
        self._add_heading(self.tr("Verdicts"))
        for view in _VERDICT_VIEWS:
            self._add_view(view)
        self.currentItemChanged.connect(self._changed)

    def _add_heading(self, text: str) -> None:
        item = QListWidgetItem(text.upper())
        item.setFlags(Qt.ItemFlag.NoItemFlags)  # not selectable: arrow keys skip it
        font = QFont(self.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 0.8)
        item.setFont(font)
        self.addItem(item)

    def _add_view(self, view: View) -> None:
        item = QListWidgetItem(view.label())
        item.setData(_VIEW_ROLE, view)
        self.addItem(item)
        self._items[view] = item

    def set_counts(self, counts: ReviewCounts) -> None:
        for view, item in self._items.items():
            count = view.count(counts)
            if count is not None:
                item.setData(_COUNT_ROLE, count)

    def set_count(self, view: View, count: int) -> None:
        """A count the review counts do not hold (the measures)."""
        self._items[view].setData(_COUNT_ROLE, count)

    def current_view(self) -> View:
        item = self.currentItem()
        view = item.data(_VIEW_ROLE) if item is not None else None
        return view if isinstance(view, View) else View.INBOX

    def set_view(self, view: View) -> None:
        self.setCurrentItem(self._items[view])

    def _changed(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if current is not None and isinstance(current.data(_VIEW_ROLE), View):
            self.viewChosen.emit(current.data(_VIEW_ROLE))

"""The Measures view (#19): every measure with its claims, outlets, value range and latest value;
the chosen measure's timeline chart and claims below; rename, merge, split and reference figures."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop.browse_panel import Column, IdRole, RowListModel
from desktop.controllers.measures import MeasureOps
from desktop.reference_dialog import ReferenceDialog
from desktop.settings import Settings
from desktop.tasks import run_task
from desktop.timeline_chart import ChartExportError, TimelineChart
from storage.database import Database
from storage.measures import (
    CONSISTENT,
    CONTRADICTS,
    Comparison,
    MeasureRow,
    Reference,
    TimelinePoint,
    compare_with_reference,
    list_measures,
    references,
    timeline_points,
    value_text,
)


def value_range(row: MeasureRow) -> str:
    if row.low is None or row.high is None:
        return ""
    if row.low == row.high:
        return value_text(row.low, row.unit)
    return f"{value_text(row.low, row.unit)} – {value_text(row.high, row.unit)}"


def latest(row: MeasureRow) -> str:
    if row.latest_value is None:
        return ""
    when = f" ({row.latest_date.isoformat()})" if row.latest_date else ""
    return value_text(row.latest_value, row.unit) + when


def check_text(c: Comparison | None, unit: str) -> str:
    """A comparison in a few words, for the claims list ("contradicts 18 – 19 %")."""
    if c is None or c.reference is None or c.reference_interval is None:
        return "no reference"
    low, high = c.reference_interval
    ref = value_text(low, unit) if low == high else \
        f"{value_text(low, unit)} – {value_text(high, unit)}"
    return f"{c.kind} ({ref})" if c.kind in (CONSISTENT, CONTRADICTS) else c.kind


@dataclass(frozen=True)
class PointRow:
    """One claim of the chosen measure, as the claims list below the chart shows it."""

    id: int  # the claim
    date: dt.date | None
    outlet: str
    value: str
    check: str
    conflicting: bool
    sentence: str


@dataclass(frozen=True)
class MeasureTimeline:
    """What choosing a measure loads (on a worker thread)."""

    measure_id: int
    points: list[TimelinePoint]
    references: list[Reference]
    comparisons: dict[int, Comparison]


def load_timeline(db: Database, measure_id: int) -> MeasureTimeline:
    points = timeline_points(db, measure_id)
    refs = references(db, measure_id)
    comparisons = {c.claim_id: c for c in compare_with_reference(db, measure_id=measure_id)}
    return MeasureTimeline(measure_id, points, refs, comparisons)


def showing_text(shown: int, once_hidden: int, once_shown: int) -> str:
    """The sentence above the list: how many measures it shows, and how many stated by one
    claim only are hidden (with the way to see them) or among those shown."""
    if once_hidden:
        hidden = ("one measure stated by a single claim is hidden" if once_hidden == 1 else
                  f"{once_hidden:,} measures stated by a single claim are hidden")
        if not shown:
            return (f"No measure is stated by two claims or more yet; {hidden}: "
                    "tick “Stated once too” to list them.")
        listed = ("One measure stated by at least two claims" if shown == 1 else
                  f"{shown:,} measures stated by at least two claims")
        return f"{listed}; {hidden}."
    if not shown:
        return "No measures yet: import articles whose claims state figures."
    listed = "One measure" if shown == 1 else f"{shown:,} measures"
    if once_shown == shown:
        return f"{listed}, {'each ' if shown > 1 else ''}stated by a single claim."
    if once_shown:
        return f"{listed}, {once_shown:,} of them stated by a single claim."
    return f"{listed} stated by at least two claims."


class MeasuresPanel(QWidget):
    """The list of measures over the chosen one's chart and claims."""

    claimRequested = Signal(int)  # a point or a claim row was clicked: open that claim
    countChanged = Signal(int)  # how many measures the list shows
    message = Signal(str)

    COLUMNS = (
        Column[MeasureRow](QT_TRANSLATE_NOOP("MeasuresPanel", "Measure"), lambda m: m.name),
        Column[MeasureRow](QT_TRANSLATE_NOOP("MeasuresPanel", "Claims"), lambda m: m.claims,
                           numeric=True, width=60),
        Column[MeasureRow](QT_TRANSLATE_NOOP("MeasuresPanel", "Outlets"), lambda m: m.outlets,
                           numeric=True, width=60),
        Column[MeasureRow](QT_TRANSLATE_NOOP("MeasuresPanel", "Value range"), value_range,
                           width=150),
        Column[MeasureRow](QT_TRANSLATE_NOOP("MeasuresPanel", "Latest value"), latest,
                           width=170),
        Column[MeasureRow](QT_TRANSLATE_NOOP("MeasuresPanel", "References"),
                           lambda m: m.references, numeric=True, width=80),
    )
    POINT_COLUMNS = (
        Column[PointRow](QT_TRANSLATE_NOOP("MeasuresPanel", "Date"), lambda p: p.date, width=88),
        Column[PointRow](QT_TRANSLATE_NOOP("MeasuresPanel", "Outlet"), lambda p: p.outlet,
                         width=130),
        Column[PointRow](QT_TRANSLATE_NOOP("MeasuresPanel", "Value"), lambda p: p.value,
                         width=110),
        Column[PointRow](QT_TRANSLATE_NOOP("MeasuresPanel", "Reference check"),
                         lambda p: p.check, width=170),
        Column[PointRow](QT_TRANSLATE_NOOP("MeasuresPanel", "Sentence"), lambda p: p.sentence),
    )

    def __init__(self, db: Database, ops: MeasureOps, settings: Settings | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("measuresPanel")
        self._db = db
        self.ops = ops
        self._settings = settings
        self._all_rows: list[MeasureRow] = []  # every measure, those stated once included
        self._generation = 0
        self._timeline_request = 0
        self._wanted: int | None = None
        self.timeline: MeasureTimeline | None = None
        self.rename_dialog: QInputDialog | None = None
        self.merge_dialog: QInputDialog | None = None
        self.reference_dialog: ReferenceDialog | None = None
        self.save_dialog: QFileDialog | None = None
        ops.changed.connect(self._changed)

        self.model = RowListModel(self.COLUMNS, "MeasuresPanel", self)
        self.table = self._table("measuresTable", self.model, self.COLUMNS, 0)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        self.table.selectionModel().selectionChanged.connect(self._measure_chosen)

        self.points = RowListModel(self.POINT_COLUMNS, "MeasuresPanel", self)
        self.points_table = self._table("measureClaimsTable", self.points, self.POINT_COLUMNS, 4)
        self.points_table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.points_table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.points_table.doubleClicked.connect(
            lambda index: self.claimRequested.emit(index.data(IdRole)))

        self.chart = TimelineChart()
        self.chart.claimClicked.connect(self._point_clicked)

        self.showing = QLabel()
        self.showing.setObjectName("measuresShowing")
        self.showing.setWordWrap(True)
        # Most measures of a small or fresh corpus are stated by one claim: hidden by default
        # (a timeline of one point says little), one tick away, and the choice remembered.
        self.once_box = QCheckBox(self.tr("Stated &once too"))
        self.once_box.setObjectName("measuresStatedOnce")
        self.once_box.setToolTip(self.tr(
            "Also list the measures only one claim states (like “claimdesk measures --all”)"))
        self.once_box.setChecked(bool(settings and settings.measures_stated_once))
        self.once_box.toggled.connect(self._once_toggled)
        self.rename_button = QPushButton(self.tr("&Rename…"))
        self.merge_button = QPushButton(self.tr("&Merge into…"))
        self.split_button = QPushButton(self.tr("&Split out selected claims"))
        self.split_button.setToolTip(self.tr(
            "Move the claims selected below into a measure of their own (re-matching keeps it)"))
        self.reference_button = QPushButton(self.tr("Add reference &figure…"))
        self.reference_button.setToolTip(self.tr(
            "Record an authoritative value of this measure; every claim is compared with it"))
        self.save_button = QPushButton(self.tr("Save &chart…"))
        self.save_button.setToolTip(self.tr("Save the timeline as PNG or SVG"))
        self.rename_button.clicked.connect(self.open_rename_dialog)
        self.merge_button.clicked.connect(self.open_merge_dialog)
        self.split_button.clicked.connect(self.split_selected)
        self.reference_button.clicked.connect(self.open_reference_dialog)
        self.save_button.clicked.connect(self.open_save_dialog)
        # A tool bar, not a row of buttons: when the view is narrow the buttons that do not
        # fit go into its » menu instead of widening the view (and squeezing the sidebar).
        buttons = QToolBar()
        buttons.setObjectName("measuresToolbar")
        buttons.addWidget(self.once_box)
        buttons.addSeparator()
        for button in (self.rename_button, self.merge_button, self.split_button,
                       self.reference_button, self.save_button):
            buttons.addWidget(button)
        self.showing.setMinimumWidth(10)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("measuresSplitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.chart)
        self.splitter.addWidget(self.points_table)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([220, 340, 200])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.showing)
        layout.addWidget(buttons)
        layout.addWidget(self.splitter, 1)
        self._update_buttons()

    def _table(self, name: str, model: RowListModel, columns: Any, stretch: int) -> QTableView:
        table = QTableView()
        table.setObjectName(name)
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        vertical = table.verticalHeader()
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        for section, column in enumerate(columns):
            if column.width:
                header.resizeSection(section, column.width)
        return table

    # -- loading ----------------------------------------------------------------------------
    def reload(self, select_id: int | None = None) -> None:
        """Load the list again (off the GUI thread), keeping or moving to a measure."""
        if select_id is not None:
            self._wanted = select_id
        self._generation += 1
        generation, db = self._generation, self._db
        # Every measure is read, those stated once included, so the sentence above the list
        # can count the hidden ones and the toggle needs no second read.
        run_task(lambda _ctx: list_measures(db, min_claims=1), name="measures.list",
                 on_result=lambda rows: self._listed(generation, rows), owner=self)

    def stated_once_too(self) -> bool:
        return self.once_box.isChecked()

    def _once_toggled(self, on: bool) -> None:
        if self._settings is not None:
            self._settings.measures_stated_once = on
        # What was read is filtered again; a read still under way is filtered the new way too.
        self._listed(self._generation, self._all_rows)

    def _listed(self, generation: int, every: list[MeasureRow]) -> None:
        if generation != self._generation:
            return
        self._all_rows = every
        once = sum(1 for r in every if r.claims < 2)
        rows = every if self.stated_once_too() else [r for r in every if r.claims >= 2]
        ids = {r.id for r in rows}
        # The measure asked for, else the one chosen (a split-off measure of one claim is
        # not listed unless stated-once ones are: the measure it came from stays chosen).
        keep = self._wanted if self._wanted in ids else self.current_id()
        self._wanted = None
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        self.model.set_rows(rows)
        selection.blockSignals(False)
        on = self.stated_once_too()
        self.showing.setText(showing_text(len(rows), 0 if on else once, once if on else 0))
        self.countChanged.emit(len(rows))
        row = self.model.row_by_id().get(keep) if keep is not None else None
        if row is None and rows:
            row = 0
        if row is None:
            self.table.clearSelection()
            self._show_timeline(None)
        else:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
            self._show_timeline(self.current_id())  # reloaded: the chart follows even if same
        self._update_buttons()

    def rows(self) -> list[MeasureRow]:
        return self.model.rows()

    def current_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(IdRole) if rows else None

    def current_row(self) -> MeasureRow | None:
        measure_id = self.current_id()
        return next((r for r in self.model.rows() if r.id == measure_id), None)

    def select_id(self, measure_id: int) -> bool:
        row = self.model.row_by_id().get(measure_id)
        if row is None:
            return False
        self.table.selectRow(row)
        return True

    def _measure_chosen(self, _s: QItemSelection, _d: QItemSelection) -> None:
        self._show_timeline(self.current_id())
        self._update_buttons()

    def _show_timeline(self, measure_id: int | None) -> None:
        self._timeline_request += 1
        request, db = self._timeline_request, self._db
        if measure_id is None:
            self.timeline = None
            self.chart.set_points([])
            self.points.set_rows([])
            return
        run_task(lambda _ctx: load_timeline(db, measure_id), name="measures.timeline",
                 on_result=lambda t: self._timeline_loaded(request, t),
                 on_error=lambda exc: self._timeline_failed(request, exc), owner=self)

    def _timeline_failed(self, request: int, exc: BaseException) -> None:
        if request != self._timeline_request:
            return
        if isinstance(exc, ValueError | LookupError):  # the measure went away meanwhile
            self.reload()
            return
        raise exc

    def _timeline_loaded(self, request: int, timeline: MeasureTimeline) -> None:
        if request != self._timeline_request:
            return
        self.timeline = timeline
        row = self.current_row()
        unit = row.unit if row is not None else ""
        self.chart.set_points(timeline.points, timeline.references, unit)
        self.points.set_rows([
            PointRow(p.claim_id, p.date, p.outlet, p.value_text or p.figure,
                     check_text(timeline.comparisons.get(p.claim_id), unit), p.conflicting,
                     p.sentence)
            for p in timeline.points])
        self._update_buttons()

    # -- the chart's points -----------------------------------------------------------------
    def _point_clicked(self, claim_id: int) -> None:
        row = self.points.row_by_id().get(claim_id)
        if row is not None:
            self.points_table.selectRow(row)
            self.points_table.scrollTo(self.points.index(row, 0))
        self.claimRequested.emit(claim_id)

    def selected_claim_ids(self) -> list[int]:
        return [index.data(IdRole) for index in self.points_table.selectionModel().selectedRows()]

    def _update_buttons(self) -> None:
        chosen = self.current_id() is not None
        for button in (self.rename_button, self.reference_button, self.save_button):
            button.setEnabled(chosen)
        self.merge_button.setEnabled(chosen and len(self.model.rows()) > 1)
        selected = len(self.selected_claim_ids())
        self.split_button.setEnabled(chosen and 0 < selected < self.points.rowCount())

    # -- rename, merge, split ---------------------------------------------------------------
    def open_rename_dialog(self) -> QInputDialog | None:
        row = self.current_row()
        if row is None:
            return None
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Rename measure"))
        dialog.setLabelText(self.tr("Name of measure #{id} (empty: the name matching gave):")
                            .format(id=row.id))
        dialog.setTextValue(row.name)
        measure_id = row.id
        dialog.textValueSelected.connect(lambda text: self.ops.rename(measure_id, text))
        dialog.finished.connect(dialog.deleteLater)
        self.rename_dialog = dialog
        dialog.open()
        return dialog

    def open_merge_dialog(self) -> QInputDialog | None:
        row = self.current_row()
        others = [r for r in self.model.rows() if row is not None and r.id != row.id]
        if row is None or not others:
            return None
        choices = {f"#{r.id} {r.name} ({r.claims} claims)": r.id for r in others}
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Merge measure"))
        dialog.setLabelText(self.tr("Merge “{name}” into:").format(name=row.name))
        dialog.setComboBoxItems(list(choices))
        dialog.setComboBoxEditable(False)
        source = row.id
        dialog.textValueSelected.connect(
            lambda text: text in choices and self.ops.merge(choices[text], source))
        dialog.finished.connect(dialog.deleteLater)
        self.merge_dialog = dialog
        dialog.open()
        return dialog

    def split_selected(self) -> None:
        measure_id, claims = self.current_id(), self.selected_claim_ids()
        if measure_id is not None and claims:
            self.ops.split(measure_id, claims)

    def _changed(self, measure_id: int, message: str) -> None:
        self.message.emit(message)
        self.reload(select_id=measure_id)

    # -- reference figures and saving -------------------------------------------------------
    def open_reference_dialog(self) -> ReferenceDialog | None:
        row = self.current_row()
        if row is None:
            return None
        dialog = ReferenceDialog(row.name, row.unit, self)
        measure_id = row.id
        dialog.submitted.connect(lambda given: self.ops.add_reference(
            measure_id, given, on_error=dialog.show_error, on_done=dialog.accept))
        dialog.finished.connect(dialog.deleteLater)
        self.reference_dialog = dialog
        dialog.open()
        return dialog

    def open_save_dialog(self) -> QFileDialog:
        row = self.current_row()
        name = "".join(ch if ch.isalnum() else "-" for ch in (row.name if row else "timeline"))
        dialog = QFileDialog(self, self.tr("Save the timeline"), f"{name.strip('-')[:60]}.png",
                             self.tr("PNG image (*.png);;SVG drawing (*.svg)"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.fileSelected.connect(lambda path: self.save_chart(Path(path)))
        dialog.finished.connect(dialog.deleteLater)
        self.save_dialog = dialog
        dialog.open()
        return dialog

    def save_chart(self, path: Path) -> bool:
        try:
            self.chart.save(path)
        except ChartExportError as exc:
            self.ops.error.emit(str(exc))
            return False
        self.message.emit(self.tr("Timeline saved as {path}.").format(path=path))
        return True

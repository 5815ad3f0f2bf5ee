"""The detail pane: the selected claim, why it was proposed, its figures, source and article."""

from __future__ import annotations

from html import escape
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.already_checked import AlreadyCheckedPanel
from desktop.article_text import ArticleText, legend_html, python_offset
from desktop.claims_model import category_label, status_label
from desktop.tasks import run_task
from extraction import CATEGORIES
from matching.frame_text import NOT_COMPARED, ClaimFramesView, claim_frames_view
from storage.database import Database
from storage.frame_sources import read_claim_frame_facts
from storage.queries import ClaimDetail, FigureInfo
from storage.reads import read_claim_detail


def figure_line(figure: FigureInfo) -> str:
    """One parsed figure: as written, then what the extractor read in it."""
    tr = QCoreApplication.translate
    parts = []
    if figure.value is not None:
        value = f"{figure.value:g}" if isinstance(figure.value, float) else str(figure.value)
        parts.append(tr("ClaimDetail", "value {value}").format(value=value))
    if figure.unit:
        parts.append(tr("ClaimDetail", "unit {unit}").format(unit=figure.unit))
    if figure.kind:
        parts.append(tr("ClaimDetail", "kind {kind}").format(kind=figure.kind))
    return f"{figure.text}  ({', '.join(parts)})" if parts else figure.text


def _value_label() -> QLabel:
    label = QLabel()
    # Everything shown comes from imported articles: never interpret it as markup.
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class ClaimDetailPane(QWidget):
    """Shows one claim; ``show_claim(id)`` loads it off the GUI thread (the latest call wins)."""

    groupRequested = Signal(int)  # "Show its group": the claim's group id
    claimRequested = Signal(int)  # another claim of the article, double-clicked
    # article id, start, end (Python string offsets into the article's text)
    newClaimRequested = Signal(int, int, int)
    # claim id, {field: new value}: the reviewer saved an edit of the claim
    editRequested = Signal(int, object, object)  # claim id, {field: new}, {field: as shown}
    # the claim the pane now shows (None: none), at once, whichever way it was asked for;
    # what sits beside a claim (the reference check) follows it through this
    claimShown = Signal(object)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._claim_id: int | None = None
        self._request = 0
        self.detail: ClaimDetail | None = None

        self.stack = QStackedWidget(self)
        self.empty = QLabel(self.tr("Select a claim to see where it comes from."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setEnabled(False)
        self.stack.addWidget(self.empty)

        self.sentence = _value_label()
        font = QFont(self.sentence.font())
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.sentence.setFont(font)
        self.sentence.setObjectName("claimSentence")

        self.status = _value_label()
        self.category = QComboBox()
        self.category.setObjectName("categoryEdit")
        self.category.setToolTip(self.tr("The claim's category; Save changes to keep it"))
        self._fill_categories(None)
        self.score = _value_label()
        self.cues = _value_label()
        self.figures = _value_label()
        # The claim's frames (measure, period, value interval) and why matching grouped it or
        # flagged its group: filled by a second read once the claim is shown.
        self.frames = _value_label()
        self.frames.setObjectName("claimFrames")
        self.why_matched = _value_label()
        self.why_matched.setObjectName("claimWhyMatched")
        self.why_conflicting = _value_label()
        self.why_conflicting.setObjectName("claimWhyConflicting")
        self.frames_view: ClaimFramesView | None = None
        self.claimant = QLineEdit()
        self.claimant.setObjectName("claimantEdit")
        self.claimant.setPlaceholderText(self.tr("Who makes the claim (nobody named)"))
        self.save_button = QPushButton(self.tr("&Save changes"))
        self.save_button.setObjectName("saveClaim")
        self.save_button.setToolTip(self.tr("Store the category and claimant (undo with Ctrl+Z)"))
        self.save_button.clicked.connect(self.save_edits)
        self.revert_button = QPushButton(self.tr("Revert"))
        self.revert_button.setObjectName("revertClaim")
        self.revert_button.clicked.connect(self._revert_edits)
        self.claimant.returnPressed.connect(self.save_edits)
        self.category.currentIndexChanged.connect(lambda _i: self._update_edit_buttons())
        self.claimant.textChanged.connect(lambda _t: self._update_edit_buttons())
        edit_row = QHBoxLayout()
        edit_row.addStretch(1)
        edit_row.addWidget(self.revert_button)
        edit_row.addWidget(self.save_button)
        self.outlet = _value_label()
        self.published = _value_label()
        self.title = _value_label()
        self.author = _value_label()
        self.url = QLabel()
        self.url.setTextFormat(Qt.TextFormat.RichText)  # built from escaped parts only
        self.url.setOpenExternalLinks(True)
        self.url.setWordWrap(True)
        self.url.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.group = _value_label()
        self.show_group = QPushButton(self.tr("Show its group"))
        self.show_group.setObjectName("showGroup")
        self.show_group.setToolTip(self.tr("Open this claim's group: every outlet that states it, "
                                           "and its verdict (Ctrl+G)"))
        self.show_group.clicked.connect(self.request_group)
        group_box = QWidget()
        group_row = QVBoxLayout(group_box)
        group_row.setContentsMargins(0, 0, 0, 0)
        group_row.addWidget(self.group)
        group_button_row = QHBoxLayout()
        group_button_row.addWidget(self.show_group)
        group_button_row.addStretch(1)
        group_row.addLayout(group_button_row)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.addRow(self.tr("Status:"), self.status)
        form.addRow(self.tr("Category:"), self.category)
        form.addRow(self.tr("Score:"), self.score)
        form.addRow(self.tr("Why:"), self.cues)
        form.addRow(self.tr("Figures:"), self.figures)
        form.addRow(self.tr("Frames:"), self.frames)
        form.addRow(self.tr("Why matched:"), self.why_matched)
        form.addRow(self.tr("Why conflicting:"), self.why_conflicting)
        self.form = form
        form.addRow(self.tr("Claimant:"), self.claimant)
        form.addRow("", edit_row)
        form.addRow(self.tr("Outlet:"), self.outlet)
        form.addRow(self.tr("Date:"), self.published)
        form.addRow(self.tr("Article:"), self.title)
        form.addRow(self.tr("Author:"), self.author)
        form.addRow(self.tr("URL:"), self.url)
        form.addRow(self.tr("Claim group:"), group_box)

        info = QWidget()
        info_layout = QVBoxLayout(info)
        info_layout.addWidget(self.sentence)
        # Published fact-checks of this claim: the first question, so right under it.
        # "Use as evidence" saves into the claim group's verdict (no verdict editor is open here).
        self.already_checked = AlreadyCheckedPanel(db, evidence="save")
        info_layout.addWidget(self.already_checked)
        info_layout.addLayout(form)
        info_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(info)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.article = ArticleText()
        self.article.setObjectName("articleText")
        self.legend = QLabel()
        self.legend.setObjectName("categoryLegend")
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        self.legend.setToolTip(self.tr(
            "The article's claims are tinted by category; the selected one is yellow. "
            "Double-click another claim to go to it."))
        self.article.claimActivated.connect(self.claimRequested)
        self.article.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.article.customContextMenuRequested.connect(self._article_menu)
        self.new_claim_action = QAction(self.tr("&New claim from selection"), self)
        self.new_claim_action.setShortcut("N")
        self.new_claim_action.setStatusTip(self.tr(
            "Store the text selected in the article as an accepted claim of your own (N)"))
        self.new_claim_action.triggered.connect(lambda _c=False: self.new_claim_from_selection())
        self.new_claim_action.setEnabled(False)
        self.article.copyAvailable.connect(self.new_claim_action.setEnabled)
        self.new_claim_button = QPushButton(self.tr("New claim from selection"))
        self.new_claim_button.setObjectName("newClaimFromSelection")
        self.new_claim_button.setToolTip(self.new_claim_action.statusTip())
        self.new_claim_button.setEnabled(False)
        self.new_claim_action.enabledChanged.connect(self.new_claim_button.setEnabled)
        self.new_claim_button.clicked.connect(self.new_claim_from_selection)
        article_box = QWidget()
        article_layout = QVBoxLayout(article_box)
        article_layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(self.tr("In the article"))
        heading_font = QFont(heading.font())
        heading_font.setBold(True)
        heading.setFont(heading_font)
        heading_row = QHBoxLayout()
        heading_row.addWidget(heading)
        heading_row.addStretch(1)
        heading_row.addWidget(self.new_claim_button)
        article_layout.addLayout(heading_row)
        article_layout.addWidget(self.article)
        article_layout.addWidget(self.legend)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("detailSplitter")
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(article_box)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([420, 400])
        self.splitter.setChildrenCollapsible(False)
        self.stack.addWidget(self.splitter)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    def claim_id(self) -> int | None:
        return self._claim_id

    def show_claim(self, claim_id: int | None) -> None:
        self._claim_id = claim_id
        self._request += 1
        request = self._request
        self.frames_view = None  # until this claim's frames are worked out
        if claim_id is None:
            self.detail = None
            self.already_checked.clear()
            self.stack.setCurrentWidget(self.empty)
            self.claimShown.emit(None)
            return

        self.claimShown.emit(claim_id)
        db = self._db
        run_task(lambda _ctx: read_claim_detail(db, claim_id), name="claim_detail", on_result=lambda d: self._loaded(request, d), owner=self)

    def request_group(self) -> None:
        if self.detail is not None and self.detail.group_id is not None:
            self.groupRequested.emit(self.detail.group_id)

    def refresh(self) -> None:
        self.show_claim(self._claim_id)

    def _loaded(self, request: int, detail: ClaimDetail | None) -> None:
        if request != self._request:
            return  # the reviewer has moved on to another claim
        same_article = (
            self.detail is not None and detail is not None
            and self.detail.article_id == detail.article_id
        )
        self.detail = detail
        if detail is None:
            self.stack.setCurrentWidget(self.empty)
            return
        self._fill(detail, reload_text=not same_article)
        self.already_checked.show_claim(detail.sentence, detail.group_id)
        self.stack.setCurrentWidget(self.splitter)
        self._load_frames(request, detail.id)

    def _load_frames(self, request: int, claim_id: int) -> None:
        self.frames_view = None
        self.frames.setText(self.tr("Working out the frames…"))
        for label in (self.why_matched, self.why_conflicting):
            self.form.setRowVisible(label, False)
        db = self._db
        run_task(lambda _ctx: claim_frames_view(*read_claim_frame_facts(db, claim_id)),
                 name="claim_frames", on_result=lambda v: self._frames_loaded(request, v),
                 owner=self)

    def _frames_loaded(self, request: int, view: ClaimFramesView | None) -> None:
        if request != self._request or view is None:
            return
        self.frames_view = view
        lines = [f"• {line}" for line in view.frames] or [
            self.tr("No figures: only its words and names can be compared.")]
        if not view.comparable:
            lines.append(self.tr(NOT_COMPARED))
        self.frames.setText("\n".join(lines))
        self.why_matched.setText("\n".join(view.why))
        self.form.setRowVisible(self.why_matched, bool(view.why))
        conflicts = []
        for c in view.conflicts:
            conflicts.append(self.tr("With claim group #{id}:").format(id=c.other_id))
            conflicts += [f"• {line}" for line in c.lines] or [
                self.tr("• the figures no longer conflict as stored (re-match to update)")]
            conflicts += list(c.deciding)
        self.why_conflicting.setText("\n".join(conflicts))
        self.form.setRowVisible(self.why_conflicting, bool(conflicts))

    def _fill(self, d: ClaimDetail, *, reload_text: bool) -> None:
        dash = "—"
        self.sentence.setText(d.sentence)
        origin = self.tr(" (made by hand)") if d.origin == "manual" else ""
        self.status.setText(status_label(d.status) + origin)
        self._fill_categories(d.category)
        self.score.setText(f"{d.score:.2f}")
        self.cues.setText("\n".join(f"• {cue}" for cue in d.cues) if d.cues else dash)
        self.figures.setText("\n".join(figure_line(f) for f in d.figures) if d.figures else dash)
        self.claimant.setText(d.claimant or "")
        self._update_edit_buttons()
        self.outlet.setText(d.outlet)
        self.published.setText(d.published.isoformat() if d.published else dash)
        self.title.setText(d.article_title or dash)
        self.author.setText(d.author or dash)
        self.url.setText(self._link(d.url) if d.url else dash)
        self.show_group.setVisible(d.group_id is not None)
        if d.group_id is None:
            self.group.setText(self.tr("Not matched with other outlets yet"))
        else:
            self.group.setText(self.tr("Stated by {n} outlet(s): {text}").format(
                n=d.group_size, text=d.group_text or ""))
        if reload_text:
            self.article.show_article(d.article_text)
        self.article.highlight(d)
        self.legend.setText(legend_html([s.category for s in d.article_claims]))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        super().changeEvent(event)
        # The legend's squares are the article's tints, which follow a light/dark switch
        # (later, once the switch has set both the style and the palette).
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange,
                            QEvent.Type.StyleChange):
            QTimer.singleShot(0, self, self._relegend)  # not after self is gone

    def _relegend(self) -> None:
        if self.detail is not None:
            self.legend.setText(legend_html([s.category for s in self.detail.article_claims]))

    # -- editing the claim -------------------------------------------------------------------
    def _fill_categories(self, current: str | None) -> None:
        self.category.blockSignals(True)
        self.category.clear()
        self.category.addItem(self.tr("No category"), None)
        names = list(CATEGORIES)
        if current and current not in names:
            names.append(current)  # a category from an older extractor stays choosable
        for name in names:
            self.category.addItem(category_label(name), name)
        self.category.setCurrentIndex(max(self.category.findData(current), 0))
        self.category.blockSignals(False)

    def edits(self) -> dict[str, str | None]:
        """The fields the reviewer changed and not yet saved: {field: new value}."""
        if self.detail is None:
            return {}
        claimant = " ".join(self.claimant.text().split()) or None
        edited = {"category": self.category.currentData(), "claimant": claimant}
        loaded = {"category": self.detail.category, "claimant": self.detail.claimant}
        return {key: value for key, value in edited.items() if value != loaded[key]}

    def _update_edit_buttons(self) -> None:
        dirty = bool(self.edits())
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)

    def save_edits(self) -> None:
        changes = self.edits()
        if self.detail is not None and changes:
            shown = {"category": self.detail.category, "claimant": self.detail.claimant}
            self.editRequested.emit(self.detail.id, changes,
                                    {key: shown[key] for key in changes})

    def _revert_edits(self) -> None:
        if self.detail is not None:
            self._fill_categories(self.detail.category)
            self.claimant.setText(self.detail.claimant or "")

    # -- a new claim from the article ----------------------------------------------------------
    def selected_span(self) -> tuple[int, int] | None:
        """The selected article text as Python offsets into the article, if any is selected."""
        cursor = self.article.textCursor()
        if self.detail is None or not cursor.hasSelection():
            return None
        text = self.detail.article_text
        return (python_offset(text, cursor.selectionStart()),
                python_offset(text, cursor.selectionEnd()))

    def new_claim_from_selection(self) -> None:
        span = self.selected_span()
        if span is not None and self.detail is not None:
            self.newClaimRequested.emit(self.detail.article_id, *span)

    def _article_menu(self, pos: QPoint) -> None:
        menu = self.article.createStandardContextMenu(pos)
        menu.insertAction(menu.actions()[0] if menu.actions() else None, self.new_claim_action)
        menu.insertSeparator(menu.actions()[1] if len(menu.actions()) > 1 else None)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.context_menu = menu
        menu.popup(self.article.viewport().mapToGlobal(pos))

    @staticmethod
    def _link(url: str) -> str:
        # Only web links become clickable: a file: or javascript: URL in an imported article
        # must not open anything on the reviewer's machine.
        if urlsplit(url).scheme.lower() in ("http", "https"):
            return f'<a href="{escape(url, quote=True)}">{escape(url)}</a>'
        return escape(url)


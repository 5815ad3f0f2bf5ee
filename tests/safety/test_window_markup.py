"""#20.8 in the window: a file name, a path or a person's words holding markup (``<b>``) is
shown as it is, never interpreted as rich text, in every message and label that shows it."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6.QtWidgets")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget  # noqa: E402

from desktop.about_dialog import AboutDialog  # noqa: E402
from desktop.article_edit import ArticleEditDialog  # noqa: E402
from desktop.controllers.databases import failed_open_box  # noqa: E402
from desktop.import_dialogs import ImportResultsDialog, PasteArticleDialog  # noqa: E402
from desktop.verdict_corrections import PublishedVersionsLabel  # noqa: E402
from desktop.window_messages import Messages  # noqa: E402
from ingest.pipeline import FileResult, Outcome  # noqa: E402
from storage.backup import make_backup  # noqa: E402
from storage.errors import DatabaseDamaged  # noqa: E402
from storage.schema import open_database  # noqa: E402

NAME = "<b>Loud</b> &amp; <img src=x>.sqlite"


def _interpreted(widget: QWidget) -> list[str]:
    """The texts holding markup that a label under ``widget`` would render as rich text."""
    labels = widget.findChildren(QLabel)
    if isinstance(widget, QLabel):
        labels.append(widget)
    return [label.text() for label in labels
            if "<b>" in label.text() and label.textFormat() != Qt.TextFormat.PlainText]


def test_a_file_name_with_markup_is_shown_as_it_is(qtbot, tmp_path):
    folder = tmp_path / "desk"
    folder.mkdir()
    path = folder / NAME.replace("/", "")

    about = AboutDialog(database=path)
    qtbot.addWidget(about)
    assert NAME.replace("/", "") in about.details.text()
    assert _interpreted(about) == []

    db = open_database(path)
    db.dispose()
    make_backup(path, "good")
    box = failed_open_box(DatabaseDamaged(path, "<b>row 3 missing</b> from index"), str(path),
                          None, lambda _b, _t: None)
    qtbot.addWidget(box)
    assert _interpreted(box) == []

    window = QMainWindow()
    qtbot.addWidget(window)
    messages = Messages(window, None)
    messages.error(f"Could not read {path}.")
    assert messages.box is not None and _interpreted(messages.box) == []

    report = ImportResultsDialog([FileResult(f"<b>{tmp_path}/notes.docx", Outcome.REJECTED,
                                             "unsupported file type '.docx'")])
    qtbot.addWidget(report)
    assert _interpreted(report) == []


def test_a_persons_words_with_markup_are_shown_as_they_are(qtbot):
    edit = ArticleEditDialog(1, {"title": "T", "outlet": "O"}, ["O"])
    qtbot.addWidget(edit)
    edit.date.setText("<b>soon</b>")
    edit.accept()
    assert "<b>soon</b>" in edit.error.text() and _interpreted(edit) == []

    paste = PasteArticleDialog(["O"])
    qtbot.addWidget(paste)
    paste._fail("The outlet <b>Loud</b> could not be stored.")
    assert _interpreted(paste) == []

    corrections = PublishedVersionsLabel(None)  # type: ignore[arg-type]
    qtbot.addWidget(corrections)
    corrections.setText("Corrected on 6 December 2026: <b>a second map</b> (now False)")
    assert _interpreted(corrections) == []

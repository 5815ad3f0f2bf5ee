"""Fixtures for the window tests: short articles stored through the real pipeline, and the window."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("PySide6.QtWidgets")

from PySide6.QtCore import QSettings  # noqa: E402

from desktop.settings import Settings  # noqa: E402

TERRITORY = (
    "Russia now controls about 18 percent of Ukraine's territory, according to the Institute "
    "for the Study of War. Before February 2022 the occupied share was about 7 percent, "
    "counting Crimea and parts of the Donbas. Defence minister Oleksii Reznikov said on "
    "Tuesday that 120,000 square kilometres remain under occupation. The weather in Kyiv "
    "was mild and most cafes were open."
)
MINSK = (
    "The Minsk II agreement, signed on 12 February 2015, set out 13 points for a ceasefire "
    "in eastern Ukraine. It required heavy weapons to be withdrawn to create a security zone "
    "at least 50 kilometres wide. According to the OSCE, more than 14,000 people had been "
    "killed in the Donbas conflict by 2021. The talks in the Belarusian capital lasted "
    "through the night."
)
CYRILLIC = (
    "Росія контролює близько 18 відсотків території України, заявив речник Міністерства "
    "оборони. За даними ООН, понад 6 мільйонів українців виїхали за кордон з 2022 року. "
    "Мінські домовленості 2015 року передбачали відведення важкої зброї на 50 кілометрів. "
    "Уранці в Києві йшов дощ."
)

ARTICLES = (
    dict(text=TERRITORY, title="How much of Ukraine is occupied", outlet="Test Herald",
         published=dt.date(2023, 3, 1)),
    dict(text=MINSK, title="What Minsk II promised", outlet="Example Ledger",
         published=dt.date(2021, 2, 12)),
    dict(text=CYRILLIC, title="Скільки території контролює Росія", outlet="Тестова правда",
         published=dt.date(2023, 3, 2)),
)


def store_article(db, text: str, **meta) -> int:
    """Store one article through the same path a paste takes; returns its id."""
    from ingest import document_from_text
    from ingest.pipeline import Outcome, store_document

    result = store_document(db, document_from_text(text, **meta), source="test", actor="tester")
    assert result.outcome == Outcome.IMPORTED, result.message
    assert result.article_id is not None
    return result.article_id


@pytest.fixture
def articles(db) -> list[int]:
    return [store_article(db, **article) for article in ARTICLES]


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    store = QSettings(str(tmp_path / "claimdesk.ini"), QSettings.Format.IniFormat)
    settings = Settings(store)
    settings.reviewer_name = "Test Reviewer"
    return settings


@pytest.fixture
def window(qtbot, db, settings, articles) -> Iterator:
    from desktop import tasks
    from desktop.main_window import MainWindow

    win = MainWindow(db, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: not win.claims_model.is_loading() and win.claims_model.rowCount() > 0)
    yield win
    win.close()
    assert tasks.shut_down(10_000)

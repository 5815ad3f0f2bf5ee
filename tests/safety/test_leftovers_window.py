"""A window start matches the claims a killed import left without a signature or a group, in a
worker with a line in the status bar (issue #20, point 10)."""

from __future__ import annotations

import threading

import pytest

pytest.importorskip("PySide6.QtWidgets")

from sqlalchemy import select  # noqa: E402

from desktop import leftover_pickup  # noqa: E402
from ingest import document_from_text  # noqa: E402
from matching import leftovers  # noqa: E402
from matching.leftovers import unmatched_claim_ids  # noqa: E402
from storage.measure_models import MeasureScan  # noqa: E402
from workflows.importing import store_document  # noqa: E402

LEDGER = ("Kyiv Ledger", "Over the past year Russia took only 0.6% more of Ukraine's territory, "
                         "according to the Institute for the Study of War.")
WIRE = ("Baltic Wire", "Russian forces seized just 0.6 percent more of Ukrainian land over the "
                       "past year, ISW analysts say.")


@pytest.fixture
def settings(tmp_path):
    from PySide6.QtCore import QSettings

    from desktop.settings import Settings

    return Settings(QSettings(str(tmp_path / "claimdesk.ini"), QSettings.Format.IniFormat))


def _killed_import(db, outlet: str, text: str) -> None:
    """What a kill between storing and matching leaves: claims stored, unsigned, ungrouped."""
    doc = document_from_text(text, outlet=outlet, title=outlet, published="2025-06-01")
    store_document(db, doc, source=outlet, actor="tester", match=False)


def _start_window(db, settings, qtbot):
    from desktop.app import DesktopSession

    session = DesktopSession(settings)
    window = session.show(db)
    qtbot.addWidget(window)
    return window


def _close(window) -> None:
    from desktop import tasks

    window.close()
    assert tasks.shut_down(10_000)


def test_a_window_start_matches_what_a_killed_import_left_off_the_gui_thread(
        db, settings, qtbot, monkeypatch):
    _killed_import(db, *LEDGER)
    _killed_import(db, *WIRE)
    left = unmatched_claim_ids(db)
    assert len(left) >= 2
    leftovers.look_again(db)  # a new process: nothing looked at yet
    threads: list[threading.Thread] = []
    real = leftover_pickup.pick_up_unmatched

    def recording(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(leftover_pickup, "pick_up_unmatched", recording)
    window = _start_window(db, settings, qtbot)
    try:
        qtbot.waitUntil(lambda: "are matched now" in window.statusBar().currentMessage(),
                        timeout=60_000)
        line = window.statusBar().currentMessage()
        assert f"{len(left)} claim(s) an interrupted import left unmatched" in line
        assert threads and threads[0] is not threading.main_thread()
        assert unmatched_claim_ids(db) == []
        with db.read() as session:  # match_and_measure: their measures were worked out too
            scanned = set(session.execute(select(MeasureScan.claim_id)).scalars())
        assert set(left) <= scanned
        assert window.leftover_pickup.picked_up == len(left)
    finally:
        _close(window)


def test_a_window_start_with_nothing_left_over_says_nothing(db, settings, qtbot):
    _killed_import(db, *LEDGER)
    leftovers.pick_up_unmatched(db, actor="tester")
    window = _start_window(db, settings, qtbot)
    try:
        task = window.leftover_pickup.task
        qtbot.waitUntil(lambda: not task.is_running(), timeout=60_000)
        assert "unmatched" not in window.statusBar().currentMessage()
        assert window.leftover_pickup.picked_up == 0
    finally:
        _close(window)

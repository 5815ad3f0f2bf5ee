"""The window's whole loop with every network call refused (tests/safety/conftest.py): import,
review, matching, a verdict, every export and a database switch — nothing tries the network."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6.QtWidgets")

from PySide6.QtCore import QSettings  # noqa: E402

from desktop import tasks  # noqa: E402
from desktop.app import DesktopSession  # noqa: E402
from desktop.controllers.exports import ExportKind, ExportRequest  # noqa: E402
from desktop.settings import Settings  # noqa: E402
from desktop.sidebar import View  # noqa: E402
from tests.desktop.conftest import WindowDriver  # noqa: E402

ARTICLE = """Title: How much is occupied
Outlet: Offline Test Herald
Date: 2023-03-01
URL: https://example.org/occupied
---
Russia controls about 18 percent of Ukraine's territory, according to the Institute for the
Study of War. <img src="https://tracker.example/pixel.png"> Before February 2022 the share was
about 7 percent, counting Crimea. See https://example.org/map for the map.
"""


def test_the_window_loop_never_touches_the_network(qtbot, db, tmp_path: Path, no_network):
    settings = Settings(QSettings(str(tmp_path / "cd.ini"), QSettings.Format.IniFormat))
    settings.reviewer_name = "Offline Tester"
    session = DesktopSession(settings)
    drive = WindowDriver(session.show(db), qtbot)
    try:
        source = tmp_path / "article.txt"
        source.write_text(ARTICLE, encoding="utf-8")
        html = tmp_path / "page.html"
        html.write_text('<html><head><script src="https://cdn.example/x.js"></script></head>'
                        '<body><iframe src="https://ads.example"></iframe><p>Russia holds '
                        "about 18 percent of Ukraine, officials said.</p></body></html>",
                        encoding="utf-8")
        task = drive.import_paths([source, html])
        qtbot.waitUntil(lambda: not task.is_running(), timeout=30_000)
        qtbot.waitUntil(lambda: drive.total() > 0)

        drive.select_row(0)
        drive.trigger("accept")
        match = drive.start_matching()
        qtbot.waitUntil(lambda: not match.is_running(), timeout=30_000)

        drive.select_view(View.GROUPS)
        groups = drive.groups_list()
        qtbot.waitUntil(lambda: groups.model.rowCount() > 0)
        groups.table.selectRow(0)
        editor = drive.verdict_editor()
        qtbot.waitUntil(lambda: editor.group_id is not None)
        editor.rating.setCurrentIndex(editor.rating.findData("mostly_true"))
        editor.summary.setText("About 18 percent, as ISW maps show")
        editor.save()
        qtbot.waitUntil(lambda: not editor.saving and not editor.is_dirty())

        opened: list[Path] = []
        drive.exports().open_file = opened.append  # the system viewer is not a test's business
        from storage import settings as desk  # set once, as Preferences → Organisation does

        with db.write() as s:
            desk.set_setting(s, desk.ORGANISATION, "Offline Desk", actor="t")
            desk.set_setting(s, desk.BASE_URL, "https://checks.example.org", actor="t")
        for kind, name in ((ExportKind.BRIEFING, "brief.pdf"), (ExportKind.CSV, "all.csv"),
                           (ExportKind.CLAIMREVIEW, "cr.json")):
            out = tmp_path / name
            drive.exports().ask_export = (
                lambda k, _s, done, out=out: done(ExportRequest(k, out, "all", open_after=False)))
            drive.export(kind)
            qtbot.waitUntil(out.exists, timeout=30_000)

        old = session.window
        drive.database_menu().open_new(tmp_path / "second.sqlite")
        qtbot.waitUntil(lambda: session.window is not old)
        qtbot.waitUntil(lambda: not WindowDriver(session.window, qtbot).is_loading())
    finally:
        if session.window is not None:
            WindowDriver(session.window, qtbot).close_for_switch()
        assert tasks.shut_down(10_000)
        if session.db is not None and session.db is not db:
            session.db.dispose()
    assert no_network == []

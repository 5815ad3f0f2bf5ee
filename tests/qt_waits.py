"""How long window tests wait for work to reach the screen before failing.

pytest-qt waits 5 s by default. On a shared 2-core machine under load, a window that opens a
database and loads its views off the GUI thread sometimes takes longer, and the test failed
although nothing was wrong (three such failures in one week, each passing on its own). Waiting
longer changes only how long a real failure takes to be reported, never what is asserted.
"""

from __future__ import annotations

from pytestqt.qtbot import QtBot

WAIT_MS = 30_000


def allow_slow_machines() -> None:
    for name in ("waitUntil", "waitSignal", "waitSignals", "waitCallback", "waitExposed",
                 "waitActive"):
        method = getattr(QtBot, name, None)
        defaults = getattr(method, "__kwdefaults__", None)
        if defaults and defaults.get("timeout") == 5000:
            defaults["timeout"] = WAIT_MS

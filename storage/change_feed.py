"""Commits on a team server as they happen: each write transaction sends a NOTIFY on one
channel (storage.database), and a :class:`ChangeListener` on a connection of its own waits for
them (PostgreSQL LISTEN/NOTIFY), so a window refreshes on a colleague's commit without polling.
No Qt: the window runs :meth:`ChangeListener.wait` on a thread of its own."""

from __future__ import annotations

import contextlib
import logging
from typing import Any

from storage.database import CHANGES_CHANNEL, Database

log = logging.getLogger(__name__)
CONNECT_TIMEOUT_S = 10
# A burst's later notifications can reach this connection a little after the first one (the
# server sends them when it gets to it, later on a loaded machine): keep taking them until the
# channel has been quiet this long, so one burst is one refresh.
BURST_QUIET_S = 0.25


class ChangeListener:
    """A dedicated connection LISTENing for commits on ``db``'s server (never from the pool:
    it stays open, idle, for as long as the window watches)."""

    def __init__(self, db: Database) -> None:
        import psycopg

        if not db.is_server:
            raise ValueError("only a server database announces its commits")
        engine = db.engine
        cargs, cparams = engine.dialect.create_connect_args(engine.url)
        cparams.setdefault("connect_timeout", CONNECT_TIMEOUT_S)
        self._conn: Any = psycopg.connect(*cargs, **cparams, autocommit=True)
        self._conn.execute(f"LISTEN {CHANGES_CHANNEL}")
        self.broken = False

    def wait(self, timeout: float) -> bool:
        """True when at least one commit was announced within ``timeout`` seconds (every
        waiting notification is taken at once); False when none was, or the connection broke
        (``broken`` then says so: the caller falls back to polling)."""
        import psycopg

        if self.broken:
            return False
        try:
            got = any(True for _ in self._conn.notifies(timeout=timeout, stop_after=1))
            # A burst of commits (an import of many files) is one refresh: take them all.
            while got and any(
                True for _ in self._conn.notifies(timeout=BURST_QUIET_S, stop_after=1)
            ):
                pass
            return got
        except psycopg.Error as exc:
            log.info("server notifications stopped (%s): polling instead", exc)
            self.broken = True
            return False

    def close(self) -> None:
        with contextlib.suppress(Exception):  # closing a broken connection
            self._conn.close()


def listen(db: Database) -> ChangeListener | None:
    """A listener on ``db``'s server, or None (a file, or a server that refused: poll then)."""
    if not db.is_server:
        return None
    try:
        return ChangeListener(db)
    except Exception as exc:  # noqa: BLE001 - any failure means: poll as before
        log.info("cannot listen for the server's notifications (%s): polling instead", exc)
        return None

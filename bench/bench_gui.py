"""Benchmark: the real window on a 100,000-claim database (open, scroll, filter, search, sort).

Run: .venv/bin/python -m bench.bench_gui [--claims 100000] [--keep FILE]
Runs offscreen unless QT_QPA_PLATFORM says otherwise. Each step is timed from the user's
action to the table showing its result (the event loop has painted it), and a 10 ms QTimer on
the GUI thread records the longest gap between its ticks: the longest freeze the user sees.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import insert  # noqa: E402

from storage.models import (  # noqa: E402
    Article,
    Claim,
    ClaimGroup,
    ClaimGroupMember,
    GroupConflict,
    Outlet,
    Rating,
    Verdict,
)
from storage.schema import open_database, open_location  # noqa: E402

CLAIMS_PER_ARTICLE = 10
PLACES = ["Bakhmut", "Avdiivka", "Pokrovsk", "Kupiansk", "Vuhledar", "Toretsk", "Chasiv Yar",
          "Robotyne", "Kharkiv", "Odesa", "Mykolaiv", "Kherson", "Zaporizhzhia", "Kramatorsk"]
PLACES_UK = ["Бахмут", "Авдіївка", "Покровськ", "Куп'янськ", "Вугледар", "Торецьк"]
# (template, category): {p} place, {v} value.
SENTENCES = [
    ("Russian forces captured {v} square miles near {p} last month, according to ISW.",
     "territory"),
    ("Ukraine says {v} Russian soldiers were killed near {p} in a week.", "casualties"),
    ("A poll found that {v}% of residents of {p} support negotiations.", "poll"),
    ("The Minsk agreements required heavy weapons to be pulled back {v} kilometres from {p}.",
     "minsk"),
    ("Officials in {p} said {v} buildings were damaged by shelling.", "other_numeric"),
    ("Talks on {p} lasted {v} hours without an agreement, diplomats said.", "negotiations"),
    ("Росія заявила, що захопила {v} квадратних кілометрів біля {q}.", "territory"),
    ("За даними ООН, {v} мирних жителів загинули в районі {q}.", "casualties"),
    ("The weather near {p} was mild on day {v}.", None),
]
OUTLETS = [f"Bench outlet {i:02d}" for i in range(40)] + ["Тестова правда", "Вечерний меридиан"]


def build_database(path: Path | str, claims: int, seed: int = 5) -> None:
    """``claims`` proposed claims in articles of ten, inserted in bulk in one transaction
    (``path`` may also be a fresh server database, as bench_server_queries uses it)."""
    rnd = random.Random(seed)
    db = open_location(path)
    now = dt.datetime(2025, 6, 1, 12, tzinfo=dt.UTC)
    try:
        with db.write_connection() as conn:
            conn.execute(insert(Outlet.__table__), [
                {"id": i + 1, "name": name, "created_at": now} for i, name in enumerate(OUTLETS)])
            articles, claim_rows = [], []
            for a in range(1, claims // CLAIMS_PER_ARTICLE + 1):
                sentences = []
                for _ in range(CLAIMS_PER_ARTICLE):
                    template, category = rnd.choice(SENTENCES)
                    value = rnd.randint(2, 9000)
                    sentence = template.format(v=value, p=rnd.choice(PLACES),
                                               q=rnd.choice(PLACES_UK))
                    sentences.append((sentence, category, value))
                text = f"Report {a}\n\n"
                spans = []
                for sentence, category, value in sentences:
                    spans.append((len(text), sentence, category, value))
                    text += sentence + " "
                articles.append({
                    "id": a, "outlet_id": rnd.randint(1, len(OUTLETS)),
                    "title": f"Report {a} from the front", "author": "A. Writer",
                    "url": f"https://example.org/news/{a}",
                    "published": dt.date(2022, 2, 24) + dt.timedelta(days=rnd.randint(0, 1200)),
                    "language": "en", "text": text,
                    "content_hash": hashlib.sha256(text.encode()).hexdigest(),
                    "imported_at": now})
                for start, sentence, category, value in spans:
                    claim_rows.append({
                        "article_id": a, "sentence": sentence, "start": start,
                        "end": start + len(sentence), "category": category,
                        "figures": [{"text": str(value), "value": value,
                                     "kind": "count"}],
                        "claimant": None, "score": round(rnd.uniform(0.3, 0.95), 2),
                        "cues": ["figure"], "status": "proposed", "origin": "extracted",
                        "created_at": now, "updated_at": now})
            conn.execute(insert(Article.__table__), articles)
            conn.execute(insert(Claim.__table__), claim_rows)
            add_groups(conn, rnd, len(claim_rows), now)
    finally:
        db.dispose()


GROUP_SIZE = 4  # claims per claim group
RATED_SHARE = 0.08  # of the groups, with a verdict
CONFLICTS = 1_000  # pairs of groups


def add_groups(conn: Any, rnd: random.Random, claims: int, now: dt.datetime) -> None:
    """Every claim in a claim group of four, some groups rated, some pairs in conflict: what
    the verdict and conflict filters and sorts have to look through."""
    ratings = [r.value for r in Rating]
    n_groups = (claims + GROUP_SIZE - 1) // GROUP_SIZE
    conn.execute(insert(ClaimGroup.__table__), [
        {"id": g, "canonical_text": f"group {g}", "category": None, "created_at": now,
         "updated_at": now} for g in range(1, n_groups + 1)])
    conn.execute(insert(ClaimGroupMember.__table__), [
        {"group_id": (c - 1) // GROUP_SIZE + 1, "claim_id": c, "decision": "auto", "score": 0.8}
        for c in range(1, claims + 1)])
    rated = rnd.sample(range(1, n_groups + 1), int(n_groups * RATED_SHARE))
    conn.execute(insert(Verdict.__table__), [
        {"group_id": g, "rating": rnd.choice(ratings), "summary": "s", "rationale": "",
         "status": "draft", "version": 1, "created_at": now, "updated_at": now}
        for g in rated])
    pairs = {tuple(sorted(rnd.sample(range(1, n_groups + 1), 2))) for _ in range(CONFLICTS)}
    conn.execute(insert(GroupConflict.__table__), [
        {"group_a": a, "group_b": b, "detected_at": now} for a, b in sorted(pairs)])


class StallMeter:
    """The longest gap between ticks of a 10 ms timer on the GUI thread since ``reset``."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.timer = QTimer(interval=10)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self._tick)
        self.reset()
        self.timer.start()

    def reset(self) -> None:
        self.last = time.perf_counter()
        self.worst = 0.0

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self.last)
        self.last = now

    def stall_ms(self) -> float:
        # Also the time since the last tick: a step may end inside a long stall.
        return max(self.worst, time.perf_counter() - self.last) * 1000


def wait_until(condition: Callable[[], bool], timeout: float = 120.0) -> None:
    """Run the event loop until ``condition()`` holds, then let it paint what it shows."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    loop = QEventLoop()
    poll = QTimer(interval=1)
    deadline = time.perf_counter() + timeout

    def check() -> None:
        if condition() or time.perf_counter() > deadline:
            loop.quit()

    poll.timeout.connect(check)
    poll.start()
    if not condition():
        loop.exec()
    poll.stop()
    if not condition():
        raise TimeoutError("the window did not show the result in time")
    QApplication.processEvents()  # the repaint of the new rows


def run_gui(path: Path) -> list[tuple[str, float, float, str]]:
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtWidgets import QApplication

    from desktop import tasks
    from desktop.app import create_application
    from desktop.main_window import MainWindow
    from desktop.settings import Settings
    from desktop.sidebar import View
    from storage.queries import NOT_RATED

    app = create_application()
    db = open_database(path)
    settings = Settings(QSettings(str(Path(tempfile.mkdtemp()) / "bench.ini"),
                                  QSettings.Format.IniFormat))
    meter = StallMeter()
    results: list[tuple[str, float, float, str]] = []

    def step(name: str, action: Callable[[], None], done: Callable[[], bool],
             note: Callable[[], str] = lambda: "") -> None:
        QApplication.processEvents()
        meter.reset()
        t0 = time.perf_counter()
        action()
        wait_until(done)
        elapsed = (time.perf_counter() - t0) * 1000
        results.append((name, elapsed, meter.stall_ms(), note()))

    holder: dict[str, MainWindow] = {}

    def open_window() -> None:
        w = MainWindow(db, settings)
        w.resize(1440, 870)
        w.show()
        holder["w"] = w

    def loaded() -> bool:
        w = holder.get("w")
        return w is not None and not w.claims_model.is_loading() and w.claims_model.rowCount() > 0

    def shown() -> str:
        return f"{holder['w'].claims_model.rowCount():,} of {holder['w'].claims_model.total():,}"

    step("open window → first page shown", open_window, loaded, shown)
    w = holder["w"]
    model, table = w.claims_model, w.table
    step("switch to All claims", lambda: w.sidebar.set_view(View.ALL),
         lambda: loaded() and model.filter().status is None, shown)

    for page in range(2, 7):
        want = min(page * model._page_size, model.total())
        step(f"scroll to the end → page {page}",
             lambda: table.verticalScrollBar().setValue(table.verticalScrollBar().maximum()),
             lambda want=want: model.rowCount() >= want and not model.is_loading(), shown)

    def choose_category(value: str | None) -> Callable[[], None]:
        return lambda: w.category.setCurrentIndex(w.category.findData(value))

    wait_until(lambda: w.category.findData("casualties") >= 0)
    step("category filter: Casualties", choose_category("casualties"),
         lambda: loaded() and model.filter().category == "casualties", shown)
    step("category filter: back to all", choose_category(None),
         lambda: loaded() and model.filter().category is None, shown)

    def choose(combo: Any, value: Any) -> Callable[[], None]:
        return lambda: combo.setCurrentIndex(combo.findData(value))

    verdict, outlet = w.filters.verdict, w.filters.outlet
    step("verdict filter: False", choose(verdict, "false"),
         lambda: loaded() and model.filter().rating == "false", shown)
    step("verdict filter: not rated", choose(verdict, NOT_RATED),
         lambda: loaded() and model.filter().rating == NOT_RATED, shown)
    step("verdict filter: any", choose(verdict, None),
         lambda: loaded() and model.filter().rating is None, shown)
    step("conflicts only", lambda: w.filters.conflicts.setChecked(True),
         lambda: loaded() and model.filter().conflicts_only, shown)
    step("conflicts: all again", lambda: w.filters.conflicts.setChecked(False),
         lambda: loaded() and not model.filter().conflicts_only, shown)
    wait_until(lambda: outlet.count() > 1)
    step("outlet filter", choose(outlet, outlet.itemData(1)),
         lambda: loaded() and model.filter().outlet_id is not None, shown)
    step("outlet filter: all", choose(outlet, None),
         lambda: loaded() and model.filter().outlet_id is None, shown)

    def search(text: str) -> Callable[[], None]:
        def run() -> None:
            w.search.setText(text)
            w.apply_filter()  # as Return does; typing waits 250 ms for the next key first
        return run

    for term in ("Bakhmut", "Бахмут", "Bakh"):
        step(f"search “{term}”", search(term),
             lambda term=term: loaded() and model.filter().text == term, shown)
    step("clear the search", search(""), lambda: loaded() and model.filter().text == "", shown)

    header = table.horizontalHeader()
    date_column = 4
    for order, label in ((Qt.SortOrder.AscendingOrder, "oldest first"),
                         (Qt.SortOrder.DescendingOrder, "newest first")):
        step(f"sort by date, {label}",
             lambda order=order: header.setSortIndicator(date_column, order),
             lambda order=order: loaded() and model.sort_order() == (
                 "published", order == Qt.SortOrder.DescendingOrder), shown)
    step("sort by claim text", lambda: header.setSortIndicator(0, Qt.SortOrder.AscendingOrder),
         lambda: loaded() and model.sort_order()[0] == "sentence", shown)
    keys = [key for key, _ in model.COLUMNS]
    for key, label in (("group_size", "in-outlets"), ("conflict", "conflict"),
                       ("verdict", "verdict")):
        step(f"sort by {label}",
             lambda key=key: header.setSortIndicator(keys.index(key), Qt.SortOrder.DescendingOrder),
             lambda key=key: loaded() and model.sort_order()[0] == key, shown)

    for n in range(1, 4):
        step(f"next claim (J) → its detail shown ({n})", lambda: w.move_selection(1),
             lambda: w.detail.detail is not None and w.detail.detail.id == w.current_claim_id())

    w.close()
    tasks.shut_down()
    db.dispose()
    del app
    return results


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="build (or reuse) the database in this file")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        path = args.keep or Path(tmp) / "bench_gui.sqlite"
        if not path.exists():
            t0 = time.perf_counter()
            build_database(path, args.claims)
            print(f"built {args.claims:,} claims in {time.perf_counter() - t0:.1f} s "
                  f"({path.stat().st_size / 2**20:.0f} MiB)")
        results = run_gui(path)

    print(f"\n{'step':42} {'time ms':>9} {'worst GUI stall ms':>19}  rows shown")
    for name, elapsed, stall, note in results:
        print(f"{name:42} {elapsed:9.0f} {stall:19.0f}  {note}")
    print(f"\nlongest GUI-thread stall after the window opened: "
          f"{max(stall for _n, _e, stall, _note in results[1:]):.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())

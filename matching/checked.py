""""Already checked?": looking a claim up in the fact-check library with the CheckThat! ranker.

The index (matching.rank.ClaimIndex) is kept per open database: loaded once from the copy saved
in the database after each import, then caught up with what was added since (fact-checks
imported by another process, our own verdicts approved or published) before each look-up —
never rebuilt per query. Our own verdicts are indexed under a key that carries their text, so a
changed text is added afresh and entries that left the library (a verdict back in draft) are
filtered out of the results.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import weakref
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from matching.rank import STATE_VERSION, ClaimIndex
from storage import factchecks
from storage.database import Database
from storage.errors import StorageError
from storage.factchecks import LibraryEntry

log = logging.getLogger(__name__)

# "Already checked" in the Inbox: closeness to the best library entry at least this.
CLOSE = factchecks.CLOSE_ENOUGH
TOP = 5


@dataclass(frozen=True)
class CheckedHit:
    """One library entry found for a query, with its ranker score and closeness."""

    entry: LibraryEntry
    score: float
    closeness: float

    def to_json(self) -> dict[str, object]:
        e = self.entry
        out: dict[str, object] = {
            "url": e.url, "claim": e.claim, "rating": e.rating_text or e.rating,
            "publisher": e.publisher, "date": e.date.isoformat() if e.date else None,
            "score": round(self.score, 4),
        }
        if e.group_id is not None:
            out["group"] = e.group_id
        return out


def _own_key(group_id: int, text: str) -> str:
    return f"v{group_id}:{hashlib.sha1(text.encode('utf-8', 'surrogatepass')).hexdigest()[:12]}"


def _entry_key(index_key: str) -> str:
    return index_key.split(":", 1)[0]


class Library:
    """The look-up index of one database's fact-check library (thread-safe)."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._lock = threading.RLock()
        self._index: ClaimIndex | None = None
        self._covers = 0  # highest fact-check id in the index
        self._own_current: set[str] = set()
        self._own_indexed: set[str] = set()

    def __len__(self) -> int:
        with self._lock:
            return len(self._index) if self._index is not None else 0

    def refresh(self) -> None:
        """Bring the index up to date with the database (cheap when nothing changed)."""
        with self._lock, self._db.read() as session:
            self._refresh(session)

    def _refresh(self, session) -> None:  # noqa: ANN001
        if self._index is None:
            self._load(session)
        assert self._index is not None
        if factchecks.max_fact_check_id(session) > self._covers:
            self._add(factchecks.index_texts_after(session, self._covers))
        current = {_own_key(gid, text): text
                   for gid, text in factchecks.own_verdict_texts(session).items()}
        for key, text in current.items():
            if key not in self._index:
                self._index.add(key, text)
                self._own_indexed.add(key)
        self._own_current = set(current)

    def _load(self, session) -> None:  # noqa: ANN001
        saved = factchecks.load_index_state(session)
        index = None
        if saved is not None and saved[1] == STATE_VERSION:
            try:
                index = ClaimIndex.from_bytes(saved[2])
            except ValueError as exc:
                log.warning("the saved fact-check index is not usable (%s); rebuilding", exc)
        if index is None:
            self._index, self._covers = ClaimIndex(), 0
            return
        self._index, self._covers = index, saved[0]
        self._own_indexed = {k for k in index._ids if isinstance(k, str) and k[:1] == "v"}

    def _add(self, rows: Sequence[tuple[int, str]]) -> None:
        assert self._index is not None
        index = self._index
        # In bulk: ClaimIndex.extend analyses and counts a batch at a time.
        index.extend((key, text) for key, text in ((f"c{i}", t) for i, t in rows)
                     if key not in index)
        if rows:
            self._covers = max(self._covers, max(i for i, _ in rows))

    def save(self) -> None:
        """Save the index into the database (after an import), so the next process loads it
        instead of analysing every text again. Catches up first, inside the write, so what
        it says it covers is all there."""
        with self._lock:
            self.refresh()
            assert self._index is not None
            with self._db.write() as session:
                newer = factchecks.max_fact_check_id(session)
                if newer > self._covers:
                    self._add(factchecks.index_texts_after(session, self._covers))
                if factchecks.saved_index_covers(session) > self._covers:
                    return  # another process saved a fuller one meanwhile
                factchecks.save_index_state(session, self._covers, STATE_VERSION,
                                            self._index.to_bytes())

    def closeness_to_own(self, group_id: int, texts: Sequence[str]) -> list[float]:
        """Each text's closeness to our own verdict on this group (0.0 for every text when the
        verdict is not in the library); call :meth:`refresh` first."""
        with self._lock:
            key = next((k for k in self._own_current if _entry_key(k) == f"v{group_id}"), None)
            if key is None or self._index is None:
                return [0.0] * len(texts)
            return [self._index.closeness(text, key) for text in texts]

    def search(self, text: str, top: int = TOP, *, refresh: bool = True) -> list[CheckedHit]:
        """The ``top`` library entries most likely reviewing the claim ``text``, best first."""
        return self.search_many([text], top, refresh=refresh)[0]

    def search_many(self, texts: Sequence[str], top: int = TOP, *,
                    refresh: bool = True) -> list[list[CheckedHit]]:
        # One read for the catch-up, the ranking and the entries: one snapshot, one connection.
        with self._lock, self._db.read() as session:
            if refresh or self._index is None:
                self._refresh(session)
            assert self._index is not None
            stale = len(self._own_indexed - self._own_current)
            found: list[list[tuple[str, float, float]]] = []
            for text in texts:
                ranked = [(key, score) for key, score in self._index.search(text, top + stale)
                          if key[:1] != "v" or key in self._own_current][:top]
                close = self._index.closeness_many(text, [key for key, _ in ranked])
                found.append([(key, score, c) for (key, score), c in zip(ranked, close,
                                                                          strict=True)])
            wanted = {_entry_key(key) for hits in found for key, _, _ in hits}
            entries = factchecks.entries(session, wanted) if wanted else {}
        return [[CheckedHit(entries[_entry_key(k)], score, close)
                 for k, score, close in hits if _entry_key(k) in entries] for hits in found]


_LIBRARIES: weakref.WeakKeyDictionary[Database, Library] = weakref.WeakKeyDictionary()
_LIBRARIES_LOCK = threading.Lock()


def library_for(db: Database) -> Library:
    """The one Library of an open database (created on first use)."""
    with _LIBRARIES_LOCK:
        library = _LIBRARIES.get(db)
        if library is None:
            library = _LIBRARIES[db] = Library(db)
        return library


def mark_claims(db: Database, claims: Iterable[tuple[int, str]],
                cancelled: Callable[[], bool] | None = None) -> int:
    """Look each claim (id, sentence) up and store its closest library entry: the Inbox's
    "already checked" marker. Returns how many are close (closeness >= CLOSE)."""
    claims = list(claims)
    if not claims:
        return 0
    library = library_for(db)
    library.refresh()
    hits: dict[int, tuple[str, float]] = {}
    looked_up: list[int] = []
    for start in range(0, len(claims), 200):
        if cancelled is not None and cancelled():
            break
        batch = claims[start:start + 200]
        found = library.search_many([text for _, text in batch], 1, refresh=False)
        for (claim_id, _), best in zip(batch, found, strict=True):
            looked_up.append(claim_id)
            if best:
                hits[claim_id] = (best[0].entry.key, best[0].closeness)
    with db.write() as session:
        factchecks.save_check_hits(session, hits, looked_up)
    return sum(1 for _, closeness in hits.values() if closeness >= CLOSE)


def after_import(db: Database, cancelled: Callable[[], bool] | None = None) -> int:
    """After fact-checks were imported: save the updated index, then look the Inbox's claims
    up again (new fact-checks may have checked them). Returns how many Inbox claims are now
    close to a check. A failure here never undoes the import: the index catches up on the
    next look-up, and the markers on the next import."""
    try:
        library_for(db).save()
        with db.read() as session:
            claims = factchecks.proposed_claim_texts(session)
        return mark_claims(db, claims, cancelled)
    except StorageError as exc:
        log.warning("fact-check index not saved after import: %s", exc)
        return 0


def after_verdict_change(db: Database, group_id: int,
                         cancelled: Callable[[], bool] | None = None) -> int:
    """After our verdict on a group was approved, published, corrected or sent back: it
    entered, stayed in or left the library, so look up again the Inbox claims whose marker it
    can change — those whose best hit it was, and those at least CLOSE to it now. Returns how
    many claims were looked up again (0: the Inbox markers stand). As after an import, a
    failure here never undoes the verdict: the markers catch up on the next change."""
    try:
        library = library_for(db)
        library.refresh()
        with db.read() as session:
            claims = factchecks.proposed_claim_texts(session)
            was_best = factchecks.claims_hit_by(session, f"v{group_id}")
        close = library.closeness_to_own(group_id, [text for _, text in claims])
        again = [(claim_id, text) for (claim_id, text), c in zip(claims, close, strict=True)
                 if claim_id in was_best or c >= CLOSE]
        mark_claims(db, again, cancelled)
        return len(again)
    except StorageError as exc:
        log.warning("Inbox markers not updated after a verdict change: %s", exc)
        return 0

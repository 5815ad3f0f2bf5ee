"""What a ClaimReview re-import looks up once per import instead of once per item: claim groups
by the hash of their wording, and claims by their sentence and their article's address."""

from __future__ import annotations

import hashlib

from sqlalchemy import select
from sqlmodel import Session

from export.data import claim_text_hash
from storage.models import Article, Claim, ClaimGroup


def _key(url: str | None, sentence: str) -> bytes:
    return hashlib.sha1(f"{url or ''}\0{url is None}\0{sentence}".encode(
        "utf-8", "surrogatepass")).digest()


class Known:
    """The database's groups and claims as the import needs them, kept in step with what the
    import adds (and what other writers added between its batches: :meth:`catch_up`).

    Each item runs in a savepoint; :meth:`begin` and :meth:`rollback` undo what an item that
    was refused had added here, without copying the maps per item (that grew with the
    database)."""

    def __init__(self) -> None:
        self.groups: dict[str, int] = {}
        self._claims: dict[bytes, list[int]] = {}
        self._last_group = 0
        self._last_claim = 0
        self._journal: list[tuple[str, object]] = []

    def catch_up(self, session: Session) -> None:
        """Read the groups and claims stored since the last call (all of them the first time):
        one range read on the primary keys."""
        for gid, text in session.execute(select(ClaimGroup.id, ClaimGroup.canonical_text)
                                         .where(ClaimGroup.id > self._last_group)
                                         .order_by(ClaimGroup.id)):
            self.groups.setdefault(claim_text_hash(text), gid)
            self._last_group = gid
        for cid, sentence, url in session.execute(
                select(Claim.id, Claim.sentence, Article.url)
                .join(Article, Article.id == Claim.article_id)
                .where(Claim.id > self._last_claim).order_by(Claim.id)):
            self._claims.setdefault(_key(url, sentence), []).append(cid)
            self._last_claim = cid

    def claims(self, url: str | None, sentence: str) -> list[int]:
        """The ids of the claims with this sentence in an article at this address (or in one
        without an address when ``url`` is None), oldest first."""
        return list(self._claims.get(_key(url or None, sentence), ()))

    def add_claim(self, url: str | None, sentence: str, claim_id: int) -> None:
        key = _key(url or None, sentence)
        self._claims.setdefault(key, []).append(claim_id)
        self._journal.append(("claim", key))

    def add_group(self, text_hash: str, group_id: int) -> None:
        if text_hash not in self.groups:
            self.groups[text_hash] = group_id
            self._journal.append(("group", text_hash))

    def begin(self) -> None:
        self._journal.clear()

    def rollback(self) -> None:
        """Forget what was added since :meth:`begin` (its savepoint was rolled back)."""
        for kind, key in reversed(self._journal):
            if kind == "group":
                self.groups.pop(key, None)  # type: ignore[arg-type]
            else:
                ids = self._claims.get(key)  # type: ignore[arg-type]
                if ids:
                    ids.pop()
                    if not ids:
                        del self._claims[key]  # type: ignore[arg-type]
        self._journal.clear()

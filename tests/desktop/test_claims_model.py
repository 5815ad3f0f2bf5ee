"""The claims model loads lazily, a page at a time, and never skips claims the reviewer changed."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QModelIndex, Qt
from sqlalchemy import insert, select

from desktop.claims_model import ClaimsModel
from storage.actions import write_statuses
from storage.articles import NewArticle, NewClaim, add_article, claim_rows
from storage.models import Claim, ClaimStatus
from storage.queries import PAGE_SIZE, ClaimFilter

N_CLAIMS = 1_200


@pytest.fixture
def many_claims(db) -> list[int]:
    """1,200 proposed claims in one article, inserted in bulk as an import does."""
    text = "Figure sentence. " * 10
    with db.write() as session:
        article_id = add_article(
            session,
            NewArticle(outlet="Bulk Outlet", text=text, content_hash="bulk",
                       title="Bulk", published=dt.date(2024, 1, 1)),
            [], actor="tester")
    claims = [
        NewClaim(sentence=f"Claim number {i} says {i % 97} percent", start=0, end=16,
                 category="territory" if i % 2 else "casualties", score=(i % 100) / 100,
                 figures=[{"text": f"{i % 97} percent", "value": i % 97, "unit": "%"}])
        for i in range(N_CLAIMS)
    ]
    with db.write_connection() as conn:
        conn.execute(insert(Claim), claim_rows(article_id, claims))
    with db.read() as session:
        return list(session.execute(select(Claim.id)).scalars())


def load(qtbot, model: ClaimsModel, flt: ClaimFilter | None = None) -> None:
    model.set_filter(flt or ClaimFilter())
    qtbot.waitUntil(lambda: not model.is_loading() and model.rowCount() > 0)


def fetch_more(qtbot, model: ClaimsModel) -> None:
    before = model.rowCount()
    model.fetchMore(QModelIndex())
    qtbot.waitUntil(lambda: not model.is_loading())
    assert model.rowCount() > before


def test_row_count_starts_at_one_page_and_fetch_more_grows_it(qtbot, db, many_claims):
    model = ClaimsModel(db)
    load(qtbot, model)
    assert model.rowCount() == PAGE_SIZE
    assert model.total() == N_CLAIMS
    assert model.canFetchMore(QModelIndex())

    fetch_more(qtbot, model)
    assert model.rowCount() == 2 * PAGE_SIZE
    fetch_more(qtbot, model)
    assert model.rowCount() == N_CLAIMS
    assert not model.canFetchMore(QModelIndex())
    assert sorted(model.claim_at(r).id for r in range(N_CLAIMS)) == sorted(many_claims)


def test_pages_follow_the_sort_order(qtbot, db, many_claims):
    model = ClaimsModel(db)
    score_column = [key for key, _ in model.COLUMNS].index("score")
    model.set_sort_order(score_column, Qt.SortOrder.DescendingOrder)
    load(qtbot, model)
    fetch_more(qtbot, model)
    fetch_more(qtbot, model)
    scores = [model.claim_at(r).score for r in range(model.rowCount())]
    assert scores == sorted(scores, reverse=True)
    assert model.index(0, score_column).data() == f"{scores[0]:.2f}"


def test_claims_accepted_in_the_inbox_do_not_make_the_next_page_skip_any(qtbot, db, many_claims):
    model = ClaimsModel(db)
    load(qtbot, model, ClaimFilter(status=ClaimStatus.PROPOSED))
    first_page = [model.claim_at(r).id for r in range(model.rowCount())]
    # The reviewer accepts 100 claims of the first page; they leave the Inbox filter.
    accepted = {cid: ClaimStatus.ACCEPTED.value for cid in first_page[:100]}
    write_statuses(db, accepted, actor="tester")
    model.apply_statuses(accepted)
    assert model.claim_at(0).status == ClaimStatus.ACCEPTED

    fetch_more(qtbot, model)
    fetch_more(qtbot, model)
    shown = [model.claim_at(r).id for r in range(model.rowCount())]
    assert len(shown) == len(set(shown)) == N_CLAIMS  # every claim once: none skipped


def test_a_new_filter_replaces_the_rows_and_late_pages_are_dropped(qtbot, db, many_claims):
    model = ClaimsModel(db)
    model.set_filter(ClaimFilter(category="territory"))
    model.set_filter(ClaimFilter(text="number 7"))  # before the first result arrived
    qtbot.waitUntil(lambda: not model.is_loading() and model.filter().text == "number 7")
    sentences = [model.claim_at(r).sentence for r in range(model.rowCount())]
    assert sentences
    # Every word must be there, each as a prefix: "number" and a number starting with 7.
    assert all(any(w.startswith("7") for w in s.split()) for s in sentences)
    assert model.total() == len(sentences)

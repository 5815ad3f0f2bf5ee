"""The claims table's queries: filters, sorts, keyset pages, group facts and the side lists."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import insert

from storage.articles import NewArticle, NewClaim, add_article, claim_rows
from storage.claims import set_status
from storage.groups import create_group, merge_groups, reject_member
from storage.models import Claim, ClaimStatus, GroupConflict
from storage.queries import (
    NOT_RATED,
    ClaimFilter,
    PageCursor,
    SortKey,
    claim_detail,
    claim_page,
    count_claims,
    group_page,
    list_articles,
    list_categories,
    list_outlets,
    outlet_names,
    review_counts,
)
from storage.verdicts import VerdictDraft, save_verdict


def _article(session, outlet: str, title: str, published: dt.date | None, claims: list[NewClaim]) -> int:
    text = " ".join(c.sentence for c in claims) or "Nothing to see."
    pos = 0
    for c in claims:
        c.start = text.index(c.sentence, pos)
        c.end = c.start + len(c.sentence)
        pos = c.end
    return add_article(
        session,
        NewArticle(outlet=outlet, text=text, content_hash=f"hash-{title}", title=title,
                   published=published),
        claims, actor="tester")


@pytest.fixture
def store(db):
    with db.write() as session:
        herald = _article(session, "Test Herald", "Occupied share", dt.date(2023, 3, 1), [
            NewClaim("Russia controls about 18 percent of Ukraine.", 0, 0, category="territory",
                     figures=[{"text": "18 percent", "value": 18, "unit": "%", "kind": "share"}],
                     score=0.9, cues=["percentage", "named country"]),
            NewClaim("The Minsk II agreement had 13 points.", 0, 0, category="agreement",
                     figures=[{"text": "13", "value": 13}], score=0.6),
        ])
        ledger = _article(session, "Example Ledger", "Minsk promises", dt.date(2021, 2, 12), [
            NewClaim("Minsk II required a 50 km security zone.", 0, 0, category="agreement",
                     figures=[{"text": "50 km", "value": 50, "unit": "km"}], score=0.7),
            NewClaim("About 18 percent of Ukraine is occupied, officials said.", 0, 0,
                     category="territory", claimant="officials", score=0.8),
        ])
        pravda = _article(session, "Тестова правда", "Територія", None, [
            NewClaim("Росія контролює близько 18 відсотків території України.", 0, 0,
                     category="territory", score=0.75),
        ])
    with db.read() as session:
        ids = [row.id for row in claim_page(session, ClaimFilter(), SortKey.SENTENCE, False)]
    return {"herald": herald, "ledger": ledger, "pravda": pravda, "claims": ids}


def sentences(rows) -> list[str]:
    return [r.sentence for r in rows]


def test_text_search_uses_fts_with_prefixes_and_cyrillic(db, store):
    with db.read() as session:
        assert sentences(claim_page(session, ClaimFilter(text="minsk"), SortKey.SENTENCE, False)) == [
            "Minsk II required a 50 km security zone.", "The Minsk II agreement had 13 points."]
        cyrillic = claim_page(session, ClaimFilter(text="ТЕРИТОР"))
        assert sentences(cyrillic) == ["Росія контролює близько 18 відсотків території України."]
        assert count_claims(session, ClaimFilter(text="18 percent")) == 2
        assert count_claims(session, ClaimFilter(text="officials")) == 1  # the claimant too
        assert count_claims(session, ClaimFilter(text='"; DROP TABLE claim; --')) == 0
        assert count_claims(session, ClaimFilter(text="!!!")) == 0


def test_filters_combine(db, store):
    with db.read() as session:
        def count(**kw) -> int:
            return count_claims(session, ClaimFilter(**kw))

        assert count() == 5
        assert count(category="territory") == 3
        assert count(category="territory", text="percent") == 2
        assert count(article_id=store["ledger"]) == 2
        herald_outlet = claim_page(session, ClaimFilter(article_id=store["herald"]))[0]
        assert herald_outlet.outlet == "Test Herald"
        assert count(date_from=dt.date(2022, 1, 1)) == 2
        assert count(date_to=dt.date(2022, 1, 1)) == 2
        assert count(status=ClaimStatus.PROPOSED) == 5
        set_status(session, store["claims"][:2], ClaimStatus.ACCEPTED, actor="tester")
        assert count(status=ClaimStatus.ACCEPTED) == 2
        assert count(status=ClaimStatus.PROPOSED) == 3
        session.rollback()


def keyset_pages(session, key: str, descending: bool, size: int = 2) -> list:
    """Every claim, read a page of ``size`` at a time after the last row's cursor."""
    pages, cursor = [], None
    while True:
        page = claim_page(session, ClaimFilter(), key, descending, limit=size, after=cursor)
        pages += page
        if len(page) < size:
            return pages
        cursor = PageCursor.after(page[-1])


@pytest.mark.parametrize("key", SortKey.ALL)
@pytest.mark.parametrize("descending", [False, True])
def test_keyset_pages_give_the_same_order_as_one_query(db, store, key, descending):
    with db.read() as session:
        whole = claim_page(session, ClaimFilter(), key, descending, limit=100)
        pages = keyset_pages(session, key, descending)
        by_offset = [r for off in range(0, 6, 2)
                     for r in claim_page(session, ClaimFilter(), key, descending, offset=off, limit=2)]
    assert [r.id for r in pages] == [r.id for r in whole] == [r.id for r in by_offset]
    assert len(whole) == 5


def test_claim_group_pages_continue_after_the_last_row_even_when_one_leaves_the_list(db, store):
    with db.write() as session:
        # One claim group per claim, each stated by one outlet: the list is in id order.
        groups = [create_group(session, [cid], actor="tester") for cid in store["claims"]]
    with db.read() as session:
        whole = group_page(session, limit=100)
        first = group_page(session, limit=2)
    assert [g.id for g in whole] == sorted(groups)
    assert first == whole[:2]
    with db.write() as session:  # the second row of the first page is merged away
        merge_groups(session, first[0].id, first[1].id, actor="tester")
    with db.read() as session:
        rest, cursor = [], first[-1]
        for _ in range(len(whole)):
            page = group_page(session, limit=2, after=cursor)
            if not page:
                break
            rest += page
            cursor = page[-1]
        by_offset = group_page(session, offset=2, limit=100)
    assert [g.id for g in rest] == [g.id for g in whole[2:]]
    assert len(by_offset) == len(rest) - 1  # an offset would have skipped one


def test_sorting_by_date_puts_undated_claims_last_when_newest_first(db, store):
    with db.read() as session:
        rows = claim_page(session, ClaimFilter(), SortKey.PUBLISHED, True)
    assert [r.published for r in rows] == [dt.date(2023, 3, 1)] * 2 + [dt.date(2021, 2, 12)] * 2 + [None]
    # Ties keep the article's reading order.
    assert sentences(rows[:2]) == ["Russia controls about 18 percent of Ukraine.",
                                   "The Minsk II agreement had 13 points."]


def test_rows_carry_what_the_table_shows(db, store):
    with db.read() as session:
        (row,) = claim_page(session, ClaimFilter(text="controls"))
    assert row.figures == "18 percent"
    assert row.outlet == "Test Herald"
    assert row.published == dt.date(2023, 3, 1)
    assert (row.group_size, row.has_conflict, row.rating) == (1, False, None)


def test_group_facts_count_distinct_outlets_conflicts_and_the_verdict(db, store):
    with db.read() as session:
        by_text = {r.sentence: r.id for r in claim_page(session, ClaimFilter(), limit=10)}
    herald = by_text["Russia controls about 18 percent of Ukraine."]
    ledger = by_text["About 18 percent of Ukraine is occupied, officials said."]
    pravda = by_text["Росія контролює близько 18 відсотків території України."]
    other = by_text["Minsk II required a 50 km security zone."]
    with db.write() as session:
        group = create_group(session, [herald, ledger, pravda], actor="tester")
        lone = create_group(session, [other], actor="tester")
        session.execute(insert(GroupConflict).values(group_a=group, group_b=lone))
        save_verdict(session, group, VerdictDraft(rating="mostly_true", summary="s"),
                     expected_version=None, actor="tester")
    with db.read() as session:
        rows = {r.id: r for r in claim_page(session, ClaimFilter(), SortKey.GROUP_SIZE, True)}
        first = claim_page(session, ClaimFilter(), SortKey.GROUP_SIZE, True, limit=1)[0]
        detail = claim_detail(session, ledger)
    assert rows[herald].group_size == rows[ledger].group_size == rows[pravda].group_size == 3
    assert rows[herald].rating == "mostly_true" and rows[herald].has_conflict
    assert rows[other].group_size == 1 and rows[other].has_conflict and rows[other].rating is None
    assert first.group_size == 3
    assert detail.group_id == group and detail.group_size == 3


@pytest.fixture
def judged(db, store):
    """Three claims in a rated group that another group contradicts, one in that other
    (unrated) group, and one in no group."""
    with db.read() as session:
        by_text = {r.sentence: r.id for r in claim_page(session, ClaimFilter(), limit=10)}
    rated = [by_text["Russia controls about 18 percent of Ukraine."],
             by_text["About 18 percent of Ukraine is occupied, officials said."],
             by_text["Росія контролює близько 18 відсотків території України."]]
    contradicting = by_text["Minsk II required a 50 km security zone."]
    alone = by_text["The Minsk II agreement had 13 points."]
    with db.write() as session:
        group = create_group(session, rated, actor="tester")
        other = create_group(session, [contradicting], actor="tester")
        session.execute(insert(GroupConflict).values(group_a=group, group_b=other))
        save_verdict(session, group, VerdictDraft(rating="false", summary="s"),
                     expected_version=None, actor="tester")
    return {"rated": rated, "contradicting": contradicting, "alone": alone, "group": group}


def test_filters_by_verdict_rating_and_conflict(db, judged):
    def ids(**kw):
        with db.read() as session:
            rows = claim_page(session, ClaimFilter(**kw), SortKey.SENTENCE, False)
            assert count_claims(session, ClaimFilter(**kw)) == len(rows)
        return sorted(r.id for r in rows)

    assert ids(rating="false") == sorted(judged["rated"])
    assert ids(rating="true") == []
    assert ids(rating=NOT_RATED) == sorted([judged["contradicting"], judged["alone"]])
    assert ids(conflicts_only=True) == sorted([*judged["rated"], judged["contradicting"]])
    assert ids(conflicts_only=True, rating=NOT_RATED) == [judged["contradicting"]]
    assert ids(conflicts_only=True, text="officials") == [judged["rated"][1]]


def test_a_claim_rejected_from_a_rated_group_loses_its_rating_and_conflict(db, judged):
    with db.write() as session:
        reject_member(session, judged["group"], judged["rated"][0], actor="tester")
    with db.read() as session:
        rated = [r.id for r in claim_page(session, ClaimFilter(rating="false"))]
        in_conflict = [r.id for r in claim_page(session, ClaimFilter(conflicts_only=True))]
    assert judged["rated"][0] not in rated and len(rated) == 2
    assert judged["rated"][0] not in in_conflict


@pytest.mark.parametrize("key", [SortKey.CONFLICT, SortKey.VERDICT])
@pytest.mark.parametrize("descending", [False, True])
def test_sorting_by_conflict_and_verdict_pages_consistently(db, judged, key, descending):
    with db.read() as session:
        whole = claim_page(session, ClaimFilter(), key, descending, limit=100)
        pages = keyset_pages(session, key, descending)
    assert [r.id for r in pages] == [r.id for r in whole]
    flags = [r.has_conflict if key == SortKey.CONFLICT else r.rating is not None for r in whole]
    # Conflicts come first newest-first style (descending); on the rating scale, rated claims
    # come before unrated ones when ascending.
    expected_first = descending if key == SortKey.CONFLICT else not descending
    assert flags == sorted(flags, reverse=expected_first)


def test_outlet_names_for_the_filter(db, store):
    with db.read() as session:
        assert [name for _id, name in outlet_names(session)] == [
            "Example Ledger", "Test Herald", "Тестова правда"]


def test_claim_detail_has_the_article_and_the_why(db, store):
    with db.read() as session:
        (row,) = claim_page(session, ClaimFilter(text="controls"))
        detail = claim_detail(session, row.id)
        assert claim_detail(session, 10_000) is None
    assert detail.article_text[detail.start:detail.end] == detail.sentence
    assert detail.cues == ("percentage", "named country")
    assert detail.figures[0].unit == "%" and detail.figures[0].kind == "share"
    assert (detail.outlet, detail.article_title, detail.group_id) == ("Test Herald", "Occupied share", None)


def test_outlets_articles_categories_and_counts(db, store):
    with db.write() as session:
        add_article(session, NewArticle(outlet="Empty Outlet", text="No claims here.",
                                        content_hash="empty"), [], actor="tester")
    with db.read() as session:
        outlets = {o.name: (o.articles, o.claims) for o in list_outlets(session)}
        articles = list_articles(session)
        categories = list_categories(session)
        counts = review_counts(session)
    assert outlets == {"Example Ledger": (1, 2), "Test Herald": (1, 2), "Тестова правда": (1, 1),
                       "Empty Outlet": (1, 0)}
    assert [a.title for a in articles][:2] == ["Occupied share", "Minsk promises"]
    assert [(a.claims, a.proposed) for a in articles if a.title == "Occupied share"] == [(2, 2)]
    assert categories == ["agreement", "territory"]
    assert (counts.articles, counts.claims, counts.proposed, counts.outlets) == (4, 5, 5, 4)


def test_a_page_over_many_claims_is_one_query_not_one_per_row(db, store):
    from sqlalchemy import event

    with db.write_connection() as conn:
        conn.execute(insert(Claim), claim_rows(store["herald"], [
            NewClaim(f"Bulk claim {i}", 0, 5, score=i / 1000) for i in range(1000)]))
    statements: list[str] = []
    with db.read() as session:
        event.listen(session.connection(), "before_cursor_execute",
                     lambda *args: statements.append(args[2]))
        rows = claim_page(session, ClaimFilter(), SortKey.SCORE, True, limit=500)
    assert len(rows) == 500
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) == 2

"""An import joins a group on the evidence a grouping run reads: the group's first members
less restatements of one taken (matching.guard_sample), so a group made of wire copies of one
sentence is not judged on that one sentence over and over."""

from __future__ import annotations

from sqlalchemy import select

from ingest import document_from_text
from matching.grouping import cluster
from matching.join_guards import GUARD_READ
from matching.stored_sig import sig_of_row
from storage import match_store as store
from storage.join_reads import group_members_many
from storage.models import Article, Claim, ClaimGroupMember, GroupConflict
from workflows.importing import store_document

WIRE = ("A survey published on Monday found that 54% of voters in the province back the new "
        "ferry link.")
# Both say what the wire says; they name two pollsters, so they are never one claim.
IPSOS = ("Some 54% of voters in the province back the new ferry link, an Ipsos poll released on "
         "Monday showed.")
GALLUP = "A Gallup poll published on Monday shows 54% of the province's voters support the ferry link."
ARTICLES = [*((f"wire{k}", WIRE) for k in range(5)), ("ipsos", IPSOS), ("gallup", GALLUP)]


def _import_one_by_one(db) -> None:
    for title, sentence in ARTICLES:
        doc = document_from_text(f"{sentence} Filed by the {title} desk.", outlet=title,
                                 title=title, published="2025-06-02")
        assert store_document(db, doc, source=title, actor="t").outcome == "imported"


def _groups(db) -> dict[str, int]:
    with db.read() as session:
        return dict(session.execute(
            select(Article.title, ClaimGroupMember.group_id)
            .join(Claim, Claim.article_id == Article.id)
            .join(ClaimGroupMember, ClaimGroupMember.claim_id == Claim.id)).all())


def _partition(labels: dict[str, int]) -> set[frozenset[str]]:
    out: dict[int, set[str]] = {}
    for title, label in labels.items():
        out.setdefault(label, set()).add(title)
    return {frozenset(titles) for titles in out.values()}


def test_an_import_groups_copies_as_a_grouping_run_does(db):
    _import_one_by_one(db)
    imported = _groups(db)
    assert set(imported) == {title for title, _s in ARTICLES}
    with db.read() as session:
        rows = store.claims_by_id(session, [c for (c,) in session.execute(
            select(Claim.id).order_by(Claim.id))])
        titles = dict(session.execute(
            select(Claim.id, Article.title).join(Article, Article.id == Claim.article_id)).all())
    grouped = cluster([sig_of_row(row) for row in rows])
    assert _partition(imported) == _partition(
        {titles[row.id]: label for row, label in zip(rows, grouped.labels, strict=True)})
    # The Gallup claim is very like the wire copies, but the group also holds the Ipsos claim
    # (first joined): it is sampled past the copies and keeps Gallup out.
    assert imported["ipsos"] == imported["wire0"] != imported["gallup"]


def test_the_guard_reads_one_member_per_sentence(db):
    _import_one_by_one(db)
    group = _groups(db)["wire0"]
    with db.read() as session:
        every = group_members_many(session, [group], limit=GUARD_READ)[group]
        distinct = group_members_many(session, [group], limit=GUARD_READ,
                                      one_per_sentence=True)[group]
    assert len(every) == 6
    assert [row.sentence for row in distinct] == [WIRE, IPSOS]
    assert distinct[0].id == min(row.id for row in every)


UNDATED = "Russia launched 805 drones and 13 missiles in its overnight attack, the air force said."
DATED = ("On the night of 7 September, Russia launched 805 drones and 13 missiles, the air force "
         "said.")
EARLIER = ("Russia launched 728 drones and 13 missiles in its attack on the night of 9 July, the "
           "air force said.")


def test_an_import_reads_the_period_of_a_member_past_the_copies(db):
    """Five undated copies, then the same figures dated 7 September: the group is of that
    period, read from every member as a grouping run reads it (matching.group_periods), so
    the 728 drones of 9 July are another night, not a conflict."""
    articles = [*((f"copy{k}", UNDATED, None) for k in range(5)),
                ("dated", DATED, "2025-09-07"), ("earlier", EARLIER, "2025-07-10")]
    for title, sentence, published in articles:
        doc = document_from_text(f"{sentence} Filed by the {title} desk.", outlet=title,
                                 title=title, published=published)
        assert store_document(db, doc, source=title, actor="t").outcome == "imported"
    groups = _groups(db)
    assert groups["copy0"] == groups["dated"] != groups["earlier"]
    with db.read() as session:
        assert not session.execute(select(GroupConflict)).all()
        rows = store.claims_by_id(session, [c for (c,) in session.execute(
            select(Claim.id).order_by(Claim.id))])
    assert not cluster([sig_of_row(row) for row in rows]).conflicts

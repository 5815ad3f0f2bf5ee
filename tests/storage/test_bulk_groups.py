"""Groups and conflicts written in bulk (first matching of a large database) are the rows the
one-at-a-time functions write."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.articles import NewArticle, NewClaim, add_article, claim_ids_of_article
from storage.groups import NewGroup, create_group, create_groups
from storage.match_store import add_conflict, add_conflicts
from storage.models import ClaimGroup, ClaimGroupMember, GroupConflict
from storage.schema import open_database

SENTENCES = [
    "Russia took 0.6% more of Ukraine in a year.",
    "Moscow gained 0.6 percent of Ukrainian land.",
    "Russia took 1.5% more of Ukraine in a year.",
    "Minsk II was signed on 12 February 2015.",
    "The second Minsk deal was signed in February 2015.",
]
GROUPS = [
    ([0, 1], {1: 0.91}, {1: {"similarity": 0.8, "figures_agree": [["0.6%", "0.6 percent"]]}}),
    ([2], None, None),
    ([4, 3], {3: 0.7}, {3: {"similarity": 0.7}}),
]


def _database(path):
    db = open_database(path)
    text, rows = "", []
    for i, sentence in enumerate(SENTENCES):
        start = len(text)
        text += sentence + " "
        rows.append(NewClaim(sentence=sentence, start=start, end=start + len(sentence),
                             category="territory" if i < 3 else "minsk"))
    with db.write() as session:
        article = add_article(session, NewArticle(outlet="A", text=text, content_hash="x"), rows,
                              actor="t")
    with db.read() as session:
        ids = claim_ids_of_article(session, article)
    return db, ids


def _rows(db):
    with db.read() as session:
        groups = session.execute(
            select(ClaimGroup.id, ClaimGroup.canonical_text, ClaimGroup.category)
            .order_by(ClaimGroup.id)).all()
        members = session.execute(
            select(ClaimGroupMember.id, ClaimGroupMember.group_id, ClaimGroupMember.claim_id,
                   ClaimGroupMember.score, ClaimGroupMember.decision,
                   ClaimGroupMember.explanation, ClaimGroupMember.decided_by,
                   ClaimGroupMember.decided_at)
            .order_by(ClaimGroupMember.id)).all()
        conflicts = session.execute(
            select(GroupConflict.id, GroupConflict.group_a, GroupConflict.group_b,
                   GroupConflict.explanation).order_by(GroupConflict.id)).all()
    return groups, members, conflicts


def test_bulk_groups_and_conflicts_are_the_rows_of_one_at_a_time(tmp_path):
    one_db, ids = _database(tmp_path / "one.sqlite")
    bulk_db, same = _database(tmp_path / "bulk.sqlite")
    assert ids == same

    def claims(indexes, scores, explanations):
        return ([ids[i] for i in indexes],
                {ids[i]: v for i, v in (scores or {}).items()},
                {ids[i]: v for i, v in (explanations or {}).items()})

    conflicts = [(2, 1), (1, 3), (3, 1), (2, 3)]  # by position in GROUPS; (3, 1) repeats
    with one_db.write() as session:
        gids = []
        for spec in GROUPS:
            members, scores, explanations = claims(*spec)
            gids.append(create_group(session, members, actor="t", audit_action=None,
                                     scores=scores, explanations=explanations))
        added_one = [(min(gids[a - 1], gids[b - 1]), max(gids[a - 1], gids[b - 1]))
                     for a, b in conflicts
                     if add_conflict(session, gids[a - 1], gids[b - 1], {"detected": "t"})]
    with bulk_db.write() as session:
        bulk_ids = create_groups(session, [NewGroup(*claims(*spec)) for spec in GROUPS])
        added_bulk = add_conflicts(session, [(bulk_ids[a - 1], bulk_ids[b - 1])
                                             for a, b in conflicts], {"detected": "t"})
        assert add_conflicts(session, [(bulk_ids[1], bulk_ids[0])], {"detected": "t"}) == []
    assert bulk_ids == gids
    assert added_bulk == added_one and len(added_bulk) == 3
    assert _rows(bulk_db) == _rows(one_db)
    groups, members, _ = _rows(bulk_db)
    assert [g[1] for g in groups] == [SENTENCES[0], SENTENCES[2], SENTENCES[4]]
    assert members[1][3] == 0.91 and members[1][5]["figures_agree"]
    one_db.dispose()
    bulk_db.dispose()


def test_bulk_groups_refuse_empty_groups_and_unknown_claims(db):
    with pytest.raises(ValueError), db.write() as session:
        create_groups(session, [NewGroup([])])
    with pytest.raises(LookupError), db.write() as session:
        create_groups(session, [NewGroup([999])])
    with db.write() as session:
        assert create_groups(session, []) == []

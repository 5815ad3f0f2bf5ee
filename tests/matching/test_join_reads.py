"""The batched reads and writes of an import's matching (storage.join_reads, the explained
conflicts of storage.match_store) give the rows the one-group-at-a-time queries gave."""

from __future__ import annotations

from sqlalchemy import select

from bench.bench_matching import generate
from matching.incremental import run_matching
from storage import match_store as store
from storage.join_reads import group_members_many, member_figures_many
from storage.models import Article, Claim, ClaimGroupMember, GroupConflict, MemberDecision
from tests.matching.conftest import store_claims


def _one_group(session, group_id, *, newest: bool, limit: int):
    """The per-group query the batched reads replace."""
    order = Claim.id.desc() if newest else Claim.id
    return session.execute(
        select(Claim.id, Claim.sentence, Claim.figures, Article.published)
        .join(ClaimGroupMember, ClaimGroupMember.claim_id == Claim.id)
        .join(Article, Article.id == Claim.article_id)
        .where(ClaimGroupMember.group_id == group_id,
               ClaimGroupMember.decision != MemberDecision.REJECTED)
        .order_by(order).limit(limit)).all()


def test_batched_member_reads_are_the_per_group_reads(db):
    store_claims(db, generate(240, seed=3), "j")
    run_matching(db, actor="t")
    with db.write() as session:
        groups = sorted(set(session.execute(select(ClaimGroupMember.group_id)).scalars()))
        big = max(groups, key=lambda g: len(_one_group(session, g, newest=True, limit=99)))
        # A rejected member is read by neither.
        rejected = _one_group(session, big, newest=False, limit=1)[0][0]
        session.execute(ClaimGroupMember.__table__.update()
                        .where(ClaimGroupMember.claim_id == rejected)
                        .values(decision=MemberDecision.REJECTED))
        first = group_members_many(session, groups + [10**9], limit=2)
        newest = member_figures_many(session, groups + [10**9], limit=3)
        assert first[10**9] == [] and newest[10**9] == []
        assert len(_one_group(session, big, newest=True, limit=99)) > 3  # the limit matters
        for g in groups:
            old_first = _one_group(session, g, newest=False, limit=2)
            assert [m.id for m in first[g]] == [r[0] for r in old_first]
            assert all(m.group_id == g and m.tokens is not None for m in first[g])
            old_newest = _one_group(session, g, newest=True, limit=3)
            assert [(m.claim_id, m.sentence, m.figures) for m in newest[g]] == [
                (r[0], r[1], r[2] or []) for r in old_newest]
        assert rejected not in {m.id for m in first[big]}


def test_explained_conflicts_keep_the_first_explanation_of_a_pair(db):
    store_claims(db, generate(60, seed=4), "c")
    run_matching(db, actor="t")
    with db.write() as session:
        a, b, c = sorted(session.execute(select(ClaimGroupMember.group_id).distinct())
                         .scalars())[:3]
        assert store.add_conflict(session, a, c, {"why": "known"})
        added = store.add_explained_conflicts(session, [
            (b, a, {"why": "first"}), (a, b, {"why": "second"}), (c, a, {"why": "again"}),
            (c, b, {"why": "third"})])
        assert added == [(a, b), (b, c)]
        stored = {(r.group_a, r.group_b): r.explanation
                  for r in session.execute(select(GroupConflict)).scalars()}
        assert stored[(a, b)] == {"why": "first"}
        assert stored[(a, c)] == {"why": "known"}
        assert stored[(b, c)] == {"why": "third"}
        assert store.add_explained_conflicts(session, []) == []

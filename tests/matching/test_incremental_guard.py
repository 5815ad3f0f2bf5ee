"""An import joins a group as matching.grouping joins one: one strong match with one member
is not enough when, on average, the group's members say it is another claim."""

from __future__ import annotations

from sqlalchemy import select

from ingest import document_from_text
from matching import incremental_joins
from matching.join_guards import agrees_with_group
from matching.pairs import PairResult, Relation
from storage.models import Article, Claim, ClaimGroupMember
from workflows.importing import store_document

# The decisions the fake pair model gives, by the word naming each outlet's sentence.
SCORES = {
    frozenset({"alpha", "beta"}): (Relation.SAME, 0.9),
    frozenset({"beta", "gamma"}): (Relation.SAME, 0.95),
    frozenset({"alpha", "gamma"}): (Relation.DIFFERENT, 0.02),
}
SENTENCES = {
    "alpha": "Alpha reporters were told that Ukrainian forces have liberated 41 settlements in "
             "the Kherson region since 1 October.",
    "beta": "Beta reporters were told that Ukrainian forces have liberated 41 settlements in "
             "the Kherson region since 1 October.",
    "gamma": "Gamma reporters were told that Ukrainian forces have liberated 41 settlements in "
             "the Kherson region since 1 October.",
}


def _word(text: str) -> str:
    return next(w for w in SENTENCES if text.lower().startswith(w))


def _fake_score(a, b, **_kwargs) -> PairResult:
    relation, score = SCORES[frozenset({_word(a.text), _word(b.text)})]
    return PairResult(relation, score, {"decided_by": "test"})


def _groups(db) -> dict[str, int]:
    with db.read() as session:
        rows = session.execute(
            select(Article.title, ClaimGroupMember.group_id)
            .join(Claim, Claim.article_id == Article.id)
            .join(ClaimGroupMember, ClaimGroupMember.claim_id == Claim.id)
        ).all()
    return dict(rows)


def test_a_claim_like_one_member_only_starts_its_own_group(db, monkeypatch):
    monkeypatch.setattr(incremental_joins, "decide_score", _fake_score)
    for word in ("alpha", "beta", "gamma"):
        doc = document_from_text(SENTENCES[word], outlet=word, title=word, published="2025-06-01")
        assert store_document(db, doc, source=word, actor="t").outcome == "imported"
    groups = _groups(db)
    assert groups["alpha"] == groups["beta"]
    # gamma is very like beta, but not at all like alpha: (0.95 + 0.02) / 2 < 0.5.
    assert groups["gamma"] not in (groups["alpha"], None)


def _decide(table):
    return lambda a, b: PairResult(*table[b], {})


def test_the_guard_averages_the_members_and_refuses_any_conflict():
    new = object()
    # A group of one claim: the match decides.
    assert agrees_with_group(new, ["only"], _decide({}), single=True)
    # A group of several restatements of one claim: its sample is that claim, still tested.
    assert not agrees_with_group(new, ["only"], _decide({"only": (Relation.DIFFERENT, 0.3)}))
    assert agrees_with_group(new, ["a", "b"], _decide({"a": (Relation.SAME, 0.9),
                                                       "b": (Relation.DIFFERENT, 0.1)}))
    assert not agrees_with_group(new, ["a", "b"], _decide({"a": (Relation.SAME, 0.9),
                                                           "b": (Relation.DIFFERENT, 0.05)}))
    assert not agrees_with_group(new, ["a", "b"], _decide({"a": (Relation.SAME, 0.99),
                                                           "b": (Relation.CONFLICT, 0.9)}))


BOUNDS = {
    "alpha": "Alpha heard that the talks in Anchorage lasted just under three hours on Friday.",
    "beta": "Beta heard that the talks in Anchorage lasted more than three hours on Friday.",
}


def test_an_import_refuses_a_group_that_grouping_would_refuse(db, monkeypatch):
    """Bounds on either side of one value ("just under" / "more than three hours") may never
    share a group, however alike the pair model finds the sentences: the import checks what
    grouping's complete link checks (matching.frames_clash), not only precise values."""
    def same(a, b, **_kwargs) -> PairResult:
        return PairResult(Relation.SAME, 0.99, {"decided_by": "test"})

    # The pair decision (its first rules included) is told to say "same".
    monkeypatch.setattr(incremental_joins, "decide_score", same)
    monkeypatch.setattr(incremental_joins, "score_unless_apart", same)
    for word, text in BOUNDS.items():
        doc = document_from_text(text, outlet=word, title=word, published="2025-08-16")
        assert store_document(db, doc, source=word, actor="t").outcome == "imported"
    groups = _groups(db)
    assert None not in (groups["alpha"], groups["beta"])
    assert groups["alpha"] != groups["beta"]

"""Why two stored claims are, or are not, one claim: the pair decision matching would make
for them today in this database (its word frequencies, its learned weights if any), in the
sentences of matching.explain. For a person asking why two claims were kept apart."""

from __future__ import annotations

from dataclasses import dataclass

from matching.decide import LEARNED
from matching.decide import score as decide_score
from matching.explain import why
from matching.learn import stored_model
from matching.pairs import PairResult
from matching.stored_sig import sig_of_row, word_idf
from storage import match_store as store
from storage.database import Database


class UnknownClaim(LookupError):
    """A claim id the database does not hold (or holds no sentence for)."""


@dataclass(frozen=True)
class PairWhy:
    first: store.ClaimForMatching
    second: store.ClaimForMatching
    result: PairResult

    @property
    def same_group(self) -> bool:
        return self.first.group_id is not None and self.first.group_id == self.second.group_id

    def text(self) -> str:
        grouped = ("They are in one group." if self.same_group else
                   "They are in different groups." if self.first.group_id and
                   self.second.group_id else "At least one of them is in no group yet.")
        relation = self.result.relation.value
        return "\n".join([
            f"Claims {self.first.id} and {self.second.id}: matching finds "
            f"{_VERDICTS.get(relation, relation)}. {grouped}",
            "",
            f"Claim {self.first.id} ({self.first.outlet}): {self.first.sentence}",
            f"Claim {self.second.id} ({self.second.outlet}): {self.second.sentence}",
            "",
            why(self.result.explanation, relation),
        ])


_VERDICTS = {"same": "the same claim", "conflict": "conflicting figures",
             "different": "two different claims"}


def compare_stored(db: Database, first: int, second: int) -> PairWhy:
    """Decide one pair of stored claims as an import would, and say why."""
    with db.read() as session:
        rows = {row.id: row for row in store.claims_by_id(session, {first, second})}
        missing = [str(i) for i in (first, second) if i not in rows]
        if missing:
            raise UnknownClaim(f"no claim with id {', '.join(missing)} in this database")
        a, b = sig_of_row(rows[first]), sig_of_row(rows[second])
        n = max(store.matchable_claim_count(session), 1)
        frequencies = store.token_frequencies(session, a.token_set | b.token_set)
        model = stored_model(session) or LEARNED
    idf = {t: word_idf(frequencies.get(t, 1), n) for t in a.token_set | b.token_set}
    result = decide_score(a, b, idf=idf, default_idf=word_idf(1, n), model=model)
    return PairWhy(rows[first], rows[second], result)

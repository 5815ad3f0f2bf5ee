"""A stored claim as matching reads it: its signature from the stored row (the stored words and
names when there are some), and the word weight of a word held by ``df`` of ``n`` claims."""

from __future__ import annotations

import math

from matching.signature import ClaimSig, signature, signature_from_stored
from storage.match_store import ClaimForMatching


def sig_of_row(row: ClaimForMatching) -> ClaimSig:
    if row.tokens is not None and row.entities is not None:
        return signature_from_stored(row.id, row.sentence, row.tokens, row.entities, row.figures,
                                     category=row.category, outlet=row.outlet,
                                     date=row.published)
    return signature(row.id, row.sentence, figures=row.figures, figure_offset=row.start,
                     category=row.category, outlet=row.outlet, date=row.published)


def word_idf(df: int, n: int) -> float:
    return math.log(1 + (n - df + 0.5) / (df + 0.5))

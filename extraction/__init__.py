"""Claim extraction: sentences, figures, claimants, check-worthiness and the name normaliser.

Plain Python with no Qt, used by the importer, the CLI, matching and the benchmarks.
"""

from .claimant import find_claimant
from .claims import CATEGORIES, DEFAULT_THRESHOLD, ProposedClaim, claim_from_span, extract_claims
from .figures import Figure, parse_figures
from .names import AliasTable, default_aliases, fold, normalise
from .scoring import score_sentence
from .sentences import split_sentences

__all__ = [
    "CATEGORIES",
    "DEFAULT_THRESHOLD",
    "AliasTable",
    "Figure",
    "ProposedClaim",
    "claim_from_span",
    "default_aliases",
    "extract_claims",
    "find_claimant",
    "fold",
    "normalise",
    "parse_figures",
    "score_sentence",
    "split_sentences",
]

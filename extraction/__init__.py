"""Claim extraction: sentences, figures, claimants, check-worthiness and the name normaliser.

Plain Python with no Qt, used by the importer, the CLI, matching and the benchmarks.

- ``extract_claims(text, published=None, threshold=DEFAULT_THRESHOLD)`` -> [ProposedClaim]:
  the sentences worth checking, with category, score, cues (why), figures and claimant.
- ``claim_from_span(text, start, end)``: a claim from any text the user selects.
- ``split_sentences(text)`` -> [(start, end)]; ``parse_figures(text, published=, offset=)``;
  ``score_sentence(sentence, figures=None, ...)`` -> (score, category, cues);
  ``find_claimant(sentence)`` -> str | None.
- Names, shared with matching: ``fold``, ``normalise``, ``AliasTable``, ``default_aliases()``
  (resources/aliases.tsv plus the user's file and $CLAIMDESK_ALIASES).

Modules: sentences, figures (+ numbers), claimant, scoring (weights and word lists in
lexicon, matched by cues), names, claims, evaluation (precision/recall against a gold set).
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

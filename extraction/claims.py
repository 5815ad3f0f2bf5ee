"""Proposed claims of an article: sentences scored for check-worthiness, with figures and claimant."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date

from . import lexicon as L
from .claimant import find_claimant
from .cues import Tokens
from .datelines import dateline_end
from .figures import Figure, parse_figures
from .names import AliasTable, default_aliases, fold
from .scoring import article_cue_hits, figure_weight, has_opinion_cue, score_sentence
from .sentences import split_sentences

CATEGORIES = ("territory", "casualties", "minsk", "negotiations", "poll", "other_numeric")
# Sentences scoring below this are not proposed (the CLI prints only those at or above it).
# Chosen on the hand-annotated corpus, the only annotated data there is; see
# bench/extraction_quality.py --threshold for the precision/recall trade-off.
DEFAULT_THRESHOLD = 0.4

_ANAPHORIC = re.compile(L.ANAPHORIC_OPENERS, re.IGNORECASE)
_REACTION = re.compile(L.REACTION_VERBS, re.IGNORECASE)
_NOT_CONTINUING = re.compile(L.CONTEXT_EXCLUDED_OPENERS, re.IGNORECASE)
_PARAGRAPH = re.compile(r"\n[ \t\u00a0]*\n")


@dataclass(frozen=True)
class ProposedClaim:
    """A sentence proposed as a checkable claim; ``text[start:end] == sentence``."""

    sentence: str
    start: int
    end: int
    category: str | None
    score: float
    cues: tuple[str, ...]
    figures: tuple[Figure, ...]
    claimant: str | None

    def to_json_dict(self) -> dict:
        return {
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "category": self.category,
            "score": self.score,
            "figures": [f.to_json_dict() for f in self.figures],
            "claimant": self.claimant,
            "cues": list(self.cues),
        }


def extract_claims(
    text: str,
    *,
    published: date | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    aliases: AliasTable | None = None,
) -> list[ProposedClaim]:
    """The checkable claims of an article, in text order.

    Every sentence is scored; those at or above ``threshold`` are returned (``threshold=0``
    returns every sentence, e.g. for a "show all sentences" view).  ``published`` resolves
    relative dates such as "last month".  Above threshold 0, a sentence repeated word for word
    (a headline repeated at the top of a page) is proposed once, and a short follow-up without
    a figure of its own ("It fails to resolve the conflict.") extends the claim it continues.
    """
    table = aliases if aliases is not None else default_aliases()
    spans = split_sentences(text)
    tokens = Tokens.of(text)
    figures = parse_figures(text, published=published, tokens=tokens)
    fig_starts = [f.start for f in figures]
    mentions = table.find(text, tokens)
    mention_starts = [m[0] for m in mentions]
    cue_hits = article_cue_hits(tokens)
    hit_firsts = [h[0] for h in cue_hits]
    paragraph_breaks = [m.start() for m in _PARAGRAPH.finditer(text)]
    starts = tokens.starts
    out: list[ProposedClaim] = []
    proposed_texts: set[str] = set()  # a headline repeated at the top of a page is proposed once
    prev: ProposedClaim | None = None
    last_named: tuple[int, str] | None = None  # (paragraph, claimant) for "he said"
    for start, end in spans:
        start = dateline_end(text, start, end)  # "MINSK, Sept. 5 - Envoys ..." is claimed from "Envoys"
        sentence = text[start:end]
        paragraph = bisect_left(paragraph_breaks, start)
        figs = tuple(f for f in figures[bisect_left(fig_starts, start) : bisect_left(fig_starts, end)] if f.end <= end)
        lo, hi = bisect_left(starts, start), bisect_left(starts, end)
        sent_tokens = tokens.slice(lo, hi)
        claimant = find_claimant(sentence, sent_tokens.lower)
        if claimant and claimant.lower() in L.PRONOUNS:
            if claimant.lower() in ("he", "she") and last_named and last_named[0] == paragraph:
                claimant = last_named[1]
        elif claimant:
            last_named = (paragraph, claimant)
        sent_mentions = [
            (m0 - start, m1 - start, key)
            for m0, m1, key in mentions[bisect_left(mention_starts, start) : bisect_left(mention_starts, end)]
            if m1 <= end
        ]
        sent_hits: dict = {}
        for _, name, hit in cue_hits[bisect_left(hit_firsts, lo) : bisect_left(hit_firsts, hi)]:
            if hit.last < hi:
                sent_hits.setdefault(name, []).append(hit)
        kwargs = {
            "claimant": claimant, "aliases": table, "tokens": sent_tokens, "mentions": sent_mentions,
            "cue_hits": sent_hits, "first_token": lo,
        }
        # Score without building the explanation; explain only what is proposed.
        score, category, cues = score_sentence(sentence, figs, explain=False, **kwargs)
        continues = prev is not None and _continues(text, prev, start, sentence, category, cues, threshold)
        if continues:
            # Undo the no-category penalty: the sentence now has one.
            refund = -L.NO_CATEGORY_PENALTY if category is None else 0.0
            category = prev.category
            score = round(min(1.0, score + L.CONTEXT_WEIGHT + refund), 3)
        if score >= threshold:
            cues = score_sentence(sentence, figs, explain=True, **kwargs)[2]
            if continues:
                cues = cues + (f"continues the previous {prev.category} claim (+{L.CONTEXT_WEIGHT:.2f})",)
        if continues and threshold > 0 and out and out[-1] is prev and not _has_core_figure(figs):
            # A short follow-up ("It fails to resolve the conflict.") is not a claim of its own:
            # it completes the previous one, which now spans both sentences.
            merged = ProposedClaim(
                text[prev.start : end], prev.start, end, prev.category, max(prev.score, score),
                prev.cues + (f"continued by the next sentence: '{sentence[:60]}'",), prev.figures + figs,
                prev.claimant or claimant,
            )
            out[-1] = prev = merged
            continue
        claim = ProposedClaim(sentence, start, end, category, score, cues, figs, claimant)
        prev = claim
        if score >= threshold:
            if threshold > 0:  # threshold 0 lists every sentence, repeated or not
                key = " ".join(fold(sentence).split())
                if key in proposed_texts:
                    continue
                proposed_texts.add(key)
            out.append(claim)
    return out


def _has_core_figure(figs: tuple[Figure, ...]) -> bool:
    """A figure a fact-checker could check on its own (not a small bare count or "yesterday")."""
    return any(figure_weight(f)[0] not in ("count_small", "date_relative") for f in figs)


def _continues(text, prev, start, sentence, category, cues, threshold) -> bool:
    """A short follow-up ("It fails to resolve the conflict.") inherits the previous category."""
    if category not in (None, "other_numeric"):
        return False
    if prev.category not in L.CONTEXT_CATEGORIES or prev.score < threshold:
        return False
    if "\n" in text[prev.end : start]:
        return False
    if len(sentence.split()) > L.CONTEXT_MAX_WORDS or has_opinion_cue(cues):
        return False
    if _NOT_CONTINUING.match(sentence):
        return False
    return bool(_ANAPHORIC.search(sentence) or _REACTION.search(sentence))


def claim_from_span(
    text: str, start: int, end: int, *, published: date | None = None, aliases: AliasTable | None = None
) -> ProposedClaim:
    """A claim made by the user from any selected text (whitespace around it trimmed)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    sentence = text[start:end]
    figs = tuple(parse_figures(sentence, published=published, offset=start))
    claimant = find_claimant(sentence)
    score, category, cues = score_sentence(sentence, figs, claimant=claimant, aliases=aliases)
    return ProposedClaim(sentence, start, end, category, score, cues, figs, claimant)

"""Look-backs: the words in front of a figure's anchor that belong to the figure ("more than", "early")."""

from __future__ import annotations

import re

from ..lexicon import words
from .patterns import (
    _CYR_NUMERATORS,
    _QUAL_CANON,
)
from .trigger_words import (
    _TOKEN,
)

# Look-back: words in front of the anchor that belong to the figure.  Each is a list of
# phrases ending where only spaces (or hyphens) separate them from the anchor; they are
# matched backwards, on the reversed text, so one anchored match replaces a search.
_COMMON_WORDS = frozenset(words("of to as in at on no not an a the up just well more less by from or and"))


class _LookBack:
    """Finds one of ``phrases`` (lower-case; a space matches any run of spaces) right before
    a position, followed by ``sep``; ``after`` is what must precede the phrase ("word": a word
    boundary; "qual": start of the window, a space, an opening bracket or quote, or a dash)."""

    def __init__(self, phrases: list[str], sep: str, after: str = "word"):
        alternatives = "|".join(
            re.escape(p[::-1]).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True)
        )
        boundary = r"\b" if after == "word" else r"(?:\Z|(?=[\s(\[“\"‘'—–-]))"
        self.reversed = re.compile(rf"{sep}(?P<x>{alternatives}){boundary}")
        before = r"\b" if after == "word" else r"(?:^|(?<=[\s(\[“\"‘'—–-]))"
        forward = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))
        self._forward = rf"{before}(?P<x>{forward}){sep}$"  # for text whose case changes length
        self.last_words = tuple(sorted({p.split()[-1] for p in phrases}))
        # Tokens one of which the text must contain for a phrase to be there at all: from
        # each phrase its least common word ("excess" of "in excess of").
        self.gate = frozenset(
            max(tokens, key=lambda t: (t not in _COMMON_WORDS, len(t)))
            for tokens in (_TOKEN.findall(p) for p in phrases) if tokens
        )

    def find(self, text: str, pos: int, span: int) -> tuple[str, int] | None:
        """(the phrase as written, length from its start to ``pos``) or None."""
        seg = text[max(0, pos - span) : pos]
        low = seg.lower()
        if len(low) != len(seg):
            m = re.search(self._forward, seg, re.IGNORECASE)
            return (m.group("x"), len(m.group(0))) if m else None
        m = self.reversed.match(low[::-1])
        if m is None:
            return None
        return text[pos - m.end("x") : pos - m.start("x")], m.end("x")


_LB_QUAL = _LookBack(list(_QUAL_CANON), r"\s+", after="qual")
_LB_DATE_MOD = _LookBack(
    ["early", "mid", "late", "the end of", "the beginning of", "the start of", "the middle of"], r"[\s-]+")
_LB_PRE = _LookBack(
    words("""in since until till by from to through during before after between of or and about around
    approximately roughly"""), r"\s+")
_LB_MONTH_MOD = _LookBack(["early", "mid", "late", "last", "next", "this"], r"[\s-]+")
_LB_DET = _LookBack(["the"], r"\s+")
_LB_REL = _LookBack(["last", "this", "next", "on", "past"], r"\s+")
_LB_BETWEEN = _LookBack(["between", "from"], r"\s+")
_LB_NUMER = _LookBack(["a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"], r"[\s-]+")
_LB_CYR_NUMER = _LookBack(list(_CYR_NUMERATORS), r"\s+")
_QUALIFIED = frozenset(
    {"money_suffix", "money_prefix", "percent", "area", "distance", "duration", "groups", "count", "fraction",
     "fraction_cyr"}
)
# The look-backs of each kind (see _extend).
_KIND_LOOKBACKS: dict[str, tuple[_LookBack, ...]] = {
    "fraction": (_LB_NUMER,), "fraction_cyr": (_LB_CYR_NUMER,),
    "date_my": (_LB_DATE_MOD,), "date_season": (_LB_DATE_MOD,), "date_year": (_LB_DATE_MOD,),
    "date_month": (_LB_MONTH_MOD, _LB_PRE, _LB_DATE_MOD), "window": (_LB_DET,), "date_weekday": (_LB_REL,),
    "range": (_LB_BETWEEN,), "percent_range": (_LB_BETWEEN,),
}
for _k in _QUALIFIED:
    _KIND_LOOKBACKS[_k] = _KIND_LOOKBACKS.get(_k, ()) + (_LB_QUAL,)
# kind -> tokens one of which the text must contain before looking back from the kind's
# matches (the qualifiers written as a symbol, "~ 5" and "≈ 5", are checked separately).
_LOOKBACK_GATES = {k: frozenset().union(*(lb.gate for lb in lbs)) for k, lbs in _KIND_LOOKBACKS.items()}
# A bare month needs its preposition ("in May"), so its look-backs are always tried.
_ALWAYS = frozenset(("",))
_LOOKBACK_GATES["date_month"] = _ALWAYS
_LOOKBACK_WORDS = frozenset().union(*(g for g in _LOOKBACK_GATES.values() if g is not _ALWAYS))


# The text before a figure must end with one of a look-back's last words before it is tried.
_QUAL_LAST = _LB_QUAL.last_words
_TAIL_LEN = max(len(w) for lb in (_LB_QUAL, _LB_PRE, _LB_DATE_MOD) for w in lb.last_words) + 1


_SPACE_OR_HYPHEN = "-" + "".join(c for c in map(chr, range(0x3000 + 1)) if c.isspace())


def _tail_before(text: str, pos: int) -> str:
    """Lower-cased end of the text before the spaces/hyphens in front of ``pos`` ("" if none)."""
    seg = text[max(0, pos - 24) : pos]
    head = seg.rstrip(_SPACE_OR_HYPHEN)
    if len(head) == len(seg):
        return ""
    if len(head) < _TAIL_LEN and pos > 24:  # many spaces: look further back
        j = pos
        while j and (text[j - 1].isspace() or text[j - 1] == "-"):
            j -= 1
        return text[max(0, j - _TAIL_LEN) : j].lower()
    return head[-_TAIL_LEN:].lower()

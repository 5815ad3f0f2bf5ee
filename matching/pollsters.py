"""Whose poll a share comes from: a poll's figure belongs to its pollster and its fieldwork.

"44% want talks, says the Razumkov Centre" and "44% would accept a compromise, in a Rating
Group survey" are two polls that happen to share a value; so are two shares of one question
published, with no fieldwork date of their own, many months apart. Pollsters are read from
their names (Latin and Cyrillic); a claim naming none says nothing about whose poll it is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from matching.frames import Frame

# Pollster -> patterns of its name (casefolded text). Names that are also common words
# ("rating") are matched only in the forms that name the firm ("Rating Group", «Рейтинг»).
_POLLSTERS: tuple[tuple[str, str], ...] = (
    ("gallup", r"\bgallup|геллап|гэллап"),
    ("kiis", r"\bkiis\b|kyiv international institute of sociology|\bкміс|\bкмис"),
    ("razumkov", r"razumkov|разумков"),
    ("rating", r"\brating (?:sociological )?group|sociological group .?rating|«рейтинг»"
               r"|\"рейтинг\"|групп?[аиы] .?рейтинг"),
    ("levada", r"\blevada|\bлевада"),
    ("vtsiom", r"\bvtsiom|\bвциом|\bвціом"),
    ("fom", r"public opinion foundation|фонд[а]? общественного мнения|\bфом\b"),
    ("pew", r"\bpew\b"),
    ("ipsos", r"\bipsos"),
    ("yougov", r"\byougov"),
    ("info_sapiens", r"info sapiens|інфо сапієнс"),
    ("socis", r"\bsocis\b|\bсоцис\b"),
    ("democratic_initiatives", r"democratic initiatives|демократичн\w* ініціатив"),
    ("iri", r"international republican institute|\biri\b"),
    ("ndi", r"national democratic institute"),
    ("norc", r"\bnorc\b"),
)
_PATTERNS = tuple((name, re.compile(p)) for name, p in _POLLSTERS)

# Shares of one question published this far apart, neither with a fieldwork date of its own,
# come from two polls (a poll is cited for weeks; the next wave is out within months).
POLLS_APART_DAYS = 90.0


@lru_cache(maxsize=1 << 16)
def pollsters(text: str) -> frozenset[str]:
    """The pollsters a claim names."""
    low = text.casefold()
    return frozenset(name for name, pattern in _PATTERNS if pattern.search(low))


def pollsters_differ(text_a: str, text_b: str) -> tuple[str, str] | None:
    """One pollster of each claim when each names pollsters and none in common, else None:
    the findings of two pollsters are two polls ("a majority trusted the president, according
    to KIIS's May survey" and "62% trusted the president in the Razumkov Centre's May
    survey"), whether or not their figures agree."""
    pa, pb = pollsters(text_a), pollsters(text_b)
    if pa and pb and not pa & pb:
        return min(pa), min(pb)
    return None


# The measure of a share of people answering a poll (matching.frames); a share of territory,
# of a budget or of a vote count is not a poll's and is left alone.
POLL_SHARE = "share:respondents"


def _share_agreement(agree: Sequence[tuple[Frame, Frame]]) -> list[tuple[Frame, Frame]]:
    """Agreeing shares at least one side reads as a share of respondents (the other may name
    the group instead: "41% of Moldovans ..., a poll found")."""
    return [(x, y) for x, y in agree if x.measure.startswith("share")
            and y.measure.startswith("share") and POLL_SHARE in (x.measure, y.measure)]


def two_polls(text_a: str, text_b: str, agree: Sequence[tuple[Frame, Frame]],
              publication_days: float | None) -> str | None:
    """Why two claims whose agreeing values are shares of respondents report two polls, or None:
    "pollsters differ" (each names a pollster, none in common) or "published apart" (every
    agreeing value is a share with no period of its own, the articles over 90 days apart)."""
    shares = _share_agreement(agree)
    if not shares:
        return None
    if pollsters_differ(text_a, text_b):
        return "pollsters differ"
    undated = all(not x.period_stated and not y.period_stated for x, y in agree)
    if (len(shares) == len(agree) and undated and publication_days is not None
            and publication_days > POLLS_APART_DAYS):
        return "published apart"
    return None

"""The rating scale as export shows it: order, labels, badge colours and the ClaimReview numbers."""

from __future__ import annotations

from storage.models import Rating
from storage.verdicts import RATING_LABELS

NOT_RATED_LABEL = "Not yet rated"

# Most true first: the order of the cover chart, the summary counts and the legend.
RATING_ORDER: tuple[str, ...] = (
    Rating.TRUE,
    Rating.MOSTLY_TRUE,
    Rating.HALF_TRUE,
    Rating.MISLEADING,
    Rating.MOSTLY_FALSE,
    Rating.FALSE,
    Rating.UNVERIFIABLE,
)

# Badge fill and text colour. The badge always carries its label as text as well, so a reader
# who cannot tell the colours apart (or prints in grey) loses nothing.
_BADGE: dict[str | None, tuple[str, str]] = {
    Rating.TRUE: ("#1B7A3A", "#FFFFFF"),
    Rating.MOSTLY_TRUE: ("#5E9E2F", "#FFFFFF"),
    Rating.HALF_TRUE: ("#E3B505", "#1A1A1A"),
    Rating.MISLEADING: ("#E07B24", "#1A1A1A"),
    Rating.MOSTLY_FALSE: ("#C8432F", "#FFFFFF"),
    Rating.FALSE: ("#8E1B1B", "#FFFFFF"),
    Rating.UNVERIFIABLE: ("#5B6770", "#FFFFFF"),
    None: ("#D9D9D9", "#1A1A1A"),
}

# ClaimReview numbers. Google's fact-check documentation suggests 1 = False … 5 = True with
# bestRating 5 / worstRating 1, says the textual alternateName is what is shown and is the
# required part, and lists ratingValue only as recommended. So a rating with no place on the
# true/false scale (Unverifiable) gets no ratingValue at all rather than an out-of-range 0,
# and Misleading sits with Mostly false at 2: its alternateName tells them apart.
CLAIMREVIEW_BEST = 5
CLAIMREVIEW_WORST = 1
CLAIMREVIEW_VALUE: dict[str, int | None] = {
    Rating.TRUE: 5,
    Rating.MOSTLY_TRUE: 4,
    Rating.HALF_TRUE: 3,
    Rating.MISLEADING: 2,
    Rating.MOSTLY_FALSE: 2,
    Rating.FALSE: 1,
    Rating.UNVERIFIABLE: None,
}
# Reading a ClaimReview from elsewhere that has only a number: the plain scale.
RATING_FOR_VALUE: dict[int, str] = {
    5: Rating.TRUE,
    4: Rating.MOSTLY_TRUE,
    3: Rating.HALF_TRUE,
    2: Rating.MOSTLY_FALSE,
    1: Rating.FALSE,
}


def rating_label(rating: str | None) -> str:
    """The words for a rating; unrated groups say so instead of showing nothing."""
    if rating is None:
        return NOT_RATED_LABEL
    return RATING_LABELS.get(rating, rating)


def badge_colours(rating: str | None) -> tuple[str, str]:
    """(fill, text) hex colours of the rating badge."""
    return _BADGE.get(rating, _BADGE[None])


def rating_from_label(label: str) -> str | None:
    """The rating whose label is ``label`` (any case), or None."""
    wanted = " ".join(label.split()).casefold()
    for rating, text in RATING_LABELS.items():
        if text.casefold() == wanted or str(rating).replace("_", " ") == wanted:
            return str(rating)
    return None

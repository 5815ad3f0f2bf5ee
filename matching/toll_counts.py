"""Small bare counts that a toll governs: "the death toll stood at 3", "rose to 10 on June 2",
"загинули 4", "число погибших возросло до 7".

matching.figures drops bare counts up to 12 as wording ("the two countries", "3 regions"), but
a figure a count verb or toll noun governs is the claim's value: without it the claim keeps
only its dates, and two strikes on one day, or a toll and its update, read as one claim. The
test is narrow on purpose: the governing words stand right before the figure (an open-bound
qualifier may come between), and no other noun follows it ("rose to 3 regions" stays wording).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from matching.roles import figure_span

_QUALIFIER = (r"(?:(?:at\s+least|more\s+than|over|upwards\s+of|nearly|almost|close\s+to|"
              r"just\s+under|about|around|some|roughly|не\s+менее|щонайменше|понад|более|"
              r"майже|почти|около|близько)\s+)?")
# Words that make the next figure a count of people: toll verbs and "toll ... stood at".
_GOVERNS = re.compile(
    r"(?:\b(?:kill(?:s|ed|ing)?|wound(?:s|ed|ing)?|injur(?:es|ed|ing)|"
    r"загинул[иоа]|загинуло|поранен[оі]|травмован[оі]|погибл[иоа]|ранен[оы]|"
    r"убит[оы]|вбит[оі])"
    r"|\b(?:stood\s+at|rose\s+to|risen\s+to|climbed\s+to|reached|increased\s+to|"
    r"зросл[аои]\s+до|збільшил[аио]с[яь]\s+до|досягл[аои]|"
    r"возросл[аои]\s+до|выросл[аои]\s+до|увеличил[аио]с[ья]\s+до|достигл[аои]|составил[аио]?)"
    r"(?P<toll_verb>))\s+" + _QUALIFIER + r"$",
    re.IGNORECASE,
)
# A rise verb counts people only in a sentence about a toll.
_TOLL = re.compile(r"\b(?:toll|killed|dead|died|deaths|casualties|injured|wounded|hurt|"
                   r"загибл|загинул|поранен|погибш|погибл|жертв|ранен)", re.IGNORECASE)
# What may follow such a count: nothing, punctuation, a preposition, a people noun.
_AFTER_OK = re.compile(
    r"\s*(?:$|[.,;:!?)\]—–-]|(?:on|by|as|in|after|and|since|from|according|at|people|persons|"
    r"civilians|residents|victims|dead|на|за|в|у|станом|людин\w*|людей|осіб|особи|"
    r"человек\w*|мирних|мирных|цивільних)\b)",
    re.IGNORECASE,
)
_LOOKBACK = 160


def toll_governed(text: str | None, fig: Mapping[str, Any], offset: int | None) -> bool:
    """Is this small bare count the value of a toll ("killed 4", "the toll rose to 10")?"""
    if not text:
        return False
    span = figure_span(text, fig, offset, whole=True)
    if span is None:
        return False
    before = text[max(0, span[0] - _LOOKBACK) : span[0]]
    found = _GOVERNS.search(before)
    if found is None:
        return False
    if found.group("toll_verb") is not None and not _TOLL.search(text):
        return False
    return _AFTER_OK.match(text, span[1]) is not None

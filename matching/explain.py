""""Why matched" / "why conflicting" / "why kept apart" in sentences, from a pair decision's
explanation: the frames and features (matching.frame_text.why_lines, as the window shows a
group's members) and the sentence of the rule that kept two claims apart, if one did.

Headless: storage keeps the explanation dict the text is made from
(claim_group_member.explanation, the conflict's explanation), so it can be derived later.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from matching.feature_words import FEATURE_WORDS  # noqa: F401  (read from here too)
from matching.frame_text import stored_frame_line, why_lines

_HEADLINES = {
    "same": "Why matched: the same claim.",
    "conflict": "Why conflicting: the same measure with values that cannot both be right.",
    "different": "Why kept apart: two different claims.",
}


def _quoted(pairs: Any) -> str:
    return ", ".join(f"\u201c{x}\u201d / \u201c{y}\u201d" for x, y in pairs)


def _two_polls(reason: Any) -> str:
    why_two = ("each names another pollster" if reason == "pollsters differ" else
               "neither dates its fieldwork and they were published months apart")
    return f"Poll shares from two polls ({why_two}): two claims, whatever the values."


# The rules of matching.decide that keep two claims apart, by the explanation key each sets,
# and the sentence its value makes.
_RULE_SENTENCES: tuple[tuple[str, Callable[[Any], str]], ...] = (
    ("subjects_differ", lambda s: f"About different agreements ({s[0]} and {s[1]}): two "
                                  "claims, whatever their dates or figures."),
    ("counts_differ", lambda k: f"They count different things ({k[0]} and {k[1]}): two "
                                "claims, whatever their places, days or values."),
    ("children_counted", lambda c: f"Children on one side, people in general on the other "
                                   f"(\u201c{c[0]}\u201d / \u201c{c[1]}\u201d): two counts "
                                   "of one event."),
    ("measures_differ", lambda m: f"The figures measure different things ({m[0]} and "
                                  f"{m[1]}): two claims."),
    ("as_of_dates_differ", lambda frames: "\n".join(
        f"Readings of a count as of two stated days \u2014 {stored_frame_line(f)}: two "
        "claims, whatever the values." for f in frames)),
    ("date_actors_differ", lambda m: f"They agree only on a date, and name different people "
                                     f"({m[0]} and {m[1]}): two events of one day, two "
                                     "claims."),
    ("outcomes_differ", lambda o: f"Opposite outcomes of one count ({o[0]} and {o[1]}): two "
                                  "claims, whatever the values."),
    ("sides_differ", lambda s: f"People of the two sides ({s[0]} and {s[1]}): two claims."),
    ("money_kinds_differ", lambda m: f"Sums of different kinds of money ({m[0]} and "
                                     f"{m[1]}): two claims, whatever the amounts."),
    ("populations_differ", lambda s: f"Shares of different populations: \u201c{s[0]}\u201d "
                                     f"of a part of those asked, \u201c{s[1]}\u201d of all "
                                     "of them: two claims."),
    ("agree_only_in_part", lambda _: "The figures agree only through a part of a count "
                                     "(\u201cincluding ...\u201d), and the wholes cannot both "
                                     "be right: two claims."),
    ("running_count", lambda frames: "\n".join(
        f"Steps of a running count \u2014 {stored_frame_line(f)}: different values as of "
        "different days are two claims, not a conflict." for f in frames)),
    ("references_differ", lambda p: f"Distances from different places ({_quoted(p)}): two "
                                    "quantities."),
    ("two_polls", _two_polls),
    ("supplies_apart", lambda p: f"How long a stock lasts ({_quoted(p)}), reported further "
                                 "apart than it lasts: two stocks, two claims."),
    ("one_figure_misreported", lambda _: "Another figure of the two agrees exactly and the "
                                         "clashing ones are near: one event with one figure "
                                         "misreported."),
    ("every_figure_differs", lambda _: "Every figure they share differs and none agrees: two "
                                       "polls or two events, not one claim misreported."),
)


def rule_lines(explanation: Mapping[str, Any]) -> list[str]:
    """The sentences of the rules that decided the pair (none for most pairs)."""
    lines = [sentence(explanation[key]) for key, sentence in _RULE_SENTENCES
             if explanation.get(key)]
    named = explanation.get("identifier_only")
    if named and explanation.get("stances_differ"):
        lines.append(f"The only shared figure names the thing ({_quoted(named)}), and the "
                     "claims say different things of it (one accepts it, the other refuses "
                     "it or says something else): two claims.")
    return lines


def why(explanation: Mapping[str, Any], relation: str = "same") -> str:
    """The explanation of one pair decision (``relation``: "same", "conflict" or
    "different") as a few sentences."""
    lines = [_HEADLINES.get(relation, _HEADLINES["different"])]
    lines += why_lines(explanation, conflicting=relation == "conflict")
    lines += rule_lines(explanation)
    return "\n".join(lines)

""""Why matched" / "why conflicting" in sentences, from a pair decision's stored explanation.

Headless: the window shows the returned text; storage keeps the explanation dict it is made
from (claim_group_member.explanation, the conflict's explanation), so it can be derived later.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# How the features of matching.pair_model read in a sentence.
FEATURE_WORDS = {
    "idf_jaccard": "shared rare words",
    "idf_overlap": "the words of one claim found in the other",
    "sorted_ratio": "similar wording",
    "char_trigrams": "similar spelling (letter groups)",
    "shared_names": "the same names",
    "names_differ": "other named places or agreements",
    "assertions_differ": "contrasting assertions",
    "precise_value_agrees": "a precise value agrees",
    "value_agrees": "a value agrees",
    "value_conflicts": "a value disagrees",
    "measure_same": "the same measure",
    "measure_clash": "different measures",
    "figures_one_side": "figures on one side only",
    "no_figures": "no figures on either side",
    "periods_differ": "different periods",
    "publication_days_log": "days between publications",
    "publication_unknown": "a publication date unknown",
    "categories_differ": "different topics",
    "other_quantities": "figures of different things",
    "text_not_comparable": "text in different or uncovered languages",
    "value_distance": "how far the values are apart",
    "same_outlet": "the same outlet",
    "shared_capitalised": "the same capitalised names",
    "value_agrees_x_overlap": "an agreeing value in shared words",
    "value_agrees_x_trigrams": "an agreeing value in similar spelling",
    "precise_agrees_x_overlap": "a precise value agreeing in shared words",
    "no_figures_x_overlap": "shared words (no figures)",
    "measure_same_x_overlap": "the same measure in shared words",
    "published_within_3_days": "published within three days",
    "rules_same": "the hand-set rules say same",
    "rules_conflict": "the hand-set rules say conflict",
    "agreeing_value_rarity": "an agreeing value that few claims state",
    "agreeing_value_digits": "an agreeing value stated to several digits",
    "specific_measure_agrees": "a value of one specific measure agrees",
    "specific_measure_same": "one specific measure on both sides",
    "actors_differ": "ground gained or held by different sides",
    "stances_opposite": "one claim accepts what the other refuses",
    "stances_differ": "one claim accepts or refuses, the other does neither",
    "lead_sides_differ": "different sides lead the two claims",
    "clash_closeness": "the disagreeing values are close",
    "beside_agreement": "another precise value agrees beside the disagreeing one",
    "every_figure_clashes": "several values disagree and none agrees",
}


def _frame_sentence(frame: Mapping[str, Any]) -> str:
    a, b = frame.get("values", ["?", "?"])
    ia, ib = frame.get("intervals", ["?", "?"])
    periods = [p for p in frame.get("period", []) if p]
    when = f", as of {' / '.join(dict.fromkeys(periods))}" if periods else ""
    return f"{frame.get('measure', '?')}{when}: \u201c{a}\u201d {ia} and \u201c{b}\u201d {ib}"


def why(explanation: Mapping[str, Any], relation: str = "same") -> str:
    """The explanation of one pair decision as a few sentences."""
    lines: list[str] = []
    conflicting = relation == "conflict"
    frames = explanation.get("frames_differ") if conflicting else explanation.get("frames")
    if conflicting:
        lines.append("Why conflicting: the same measure with values that cannot both be right.")
    else:
        lines.append("Why matched: the same claim.")
    for frame in frames or ():
        verb = "do not overlap" if conflicting else "overlap"
        lines.append(f"Frame {_frame_sentence(frame)} \u2014 the intervals {verb}.")
    if not frames and not conflicting:
        lines.append("No figures compared: decided on the words.")
    deciding = explanation.get("deciding") or []
    if deciding:
        parts = [f"{FEATURE_WORDS.get(name, name)} ({'+' if v >= 0 else ''}{v:.2f})"
                 for name, v in deciding]
        lines.append("Deciding: " + "; ".join(parts) + ".")
    p = explanation.get("p_same_slot" if conflicting else "p_same")
    if p is not None:
        lines.append(f"Model probability {float(p):.2f}.")
    subjects = explanation.get("subjects_differ")
    if subjects:
        lines.append(f"About different agreements ({subjects[0]} and {subjects[1]}): two "
                     "claims, whatever their dates or figures.")
    kinds = explanation.get("counts_differ")
    if kinds:
        lines.append(f"They count different things ({kinds[0]} and {kinds[1]}): two claims, "
                     "whatever their places, days or values.")
    children = explanation.get("children_counted")
    if children:
        lines.append(f"Children on one side, people in general on the other (\u201c{children[0]}"
                     f"\u201d / \u201c{children[1]}\u201d): two counts of one event.")
    measures = explanation.get("measures_differ")
    if measures:
        lines.append(f"The figures measure different things ({measures[0]} and {measures[1]}): "
                     "two claims.")
    for frame in explanation.get("as_of_dates_differ") or ():
        lines.append(f"Readings of a count as of two stated days \u2014 {_frame_sentence(frame)}: "
                     "two claims, whatever the values.")
    money = explanation.get("money_kinds_differ")
    if money:
        lines.append(f"Sums of different kinds of money ({money[0]} and {money[1]}): two "
                     "claims, whatever the amounts.")
    shares = explanation.get("populations_differ")
    if shares:
        lines.append(f"Shares of different populations: \u201c{shares[0]}\u201d of a part of "
                     f"those asked, \u201c{shares[1]}\u201d of all of them: two claims.")
    if explanation.get("agree_only_in_part"):
        lines.append("The figures agree only through a part of a count (\u201cincluding "
                     "...\u201d), and the wholes cannot both be right: two claims.")
    named = explanation.get("identifier_only")
    if named and explanation.get("stances_differ"):
        lines.append("The only shared figure names the thing (" + ", ".join(
            f"\u201c{x}\u201d / \u201c{y}\u201d" for x, y in named) + "), and the claims say "
            "different things of it (one accepts it, the other refuses it or says something "
            "else): two claims.")
    for frame in explanation.get("running_count") or ():
        lines.append(f"Steps of a running count \u2014 {_frame_sentence(frame)}: different "
                     "values as of different days are two claims, not a conflict.")
    places = explanation.get("references_differ")
    if places:
        lines.append("Distances from different places (" + ", ".join(
            f"\u201c{x}\u201d / \u201c{y}\u201d" for x, y in places) + "): two quantities.")
    polls = explanation.get("two_polls")
    if polls:
        reason = ("each names another pollster" if polls == "pollsters differ" else
                  "neither dates its fieldwork and they were published months apart")
        lines.append(f"Poll shares from two polls ({reason}): two claims, whatever the values.")
    if explanation.get("every_figure_differs"):
        lines.append("Every figure they share differs and none agrees: two polls or two "
                     "events, not one claim misreported.")
    if explanation.get("text_not_compared"):
        lines.append("The text could not be compared (another language, or one the word "
                     "lists do not cover): figures, units, dates and names decided.")
    return "\n".join(lines)

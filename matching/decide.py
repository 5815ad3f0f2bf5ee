"""The pair decision grouping uses: the learned pair model over claim frames.

Same frame + compatible values + the ``same`` model's probability at its cut-off = the same
claim; precise values of one measure that cannot both be right + the ``slot`` model's
probability at its cut-off = a conflict (matching.slot: of one period, or bounds on either
side of one value; values apart in different periods are two claims, never a conflict);
anything else = different claims. The explanation
names the frame, both values with their intervals and the features that decided
(matching.explain turns it into sentences).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from matching.as_of import readings_apart, stated_dates_apart, update_readings
from matching.claim_parts import days_apart, parts_of
from matching.count_sides import count_sides_differ
from matching.counted import children_against_all
from matching.date_actors import date_actors_differ
from matching.frames import Frame, FrameComparison, subjects_differ
from matching.identifiers import identifier_only, references_differ
from matching.measures_apart import measures_apart
from matching.milestones import milestone_steps
from matching.money_kinds import money_kinds_differ, money_sources_differ
from matching.named_places import places_differ
from matching.outcomes import outcomes_differ
from matching.pair_model import PairModel, default_model, frames_compared, pair_features
from matching.pairs import (
    DEFAULT_THRESHOLDS,
    PairResult,
    Relation,
    Thresholds,
)
from matching.pairs import (
    score_pair as score_pair_rules,
)
from matching.pollsters import pollsters_differ, two_polls
from matching.populations import populations_differ
from matching.predicates import stances_of_texts_differ
from matching.signature import ClaimSig
from matching.slot import (
    every_figure_clashes,
    one_figure_misreported,
    running_count_steps,
    slot_contradictions,
    undated_total_steps,
)
from matching.sub_counts import whole_contradicts
from matching.supply_left import supplies_apart

# The decision callers get unless they name one.
LEARNED = "learned"
RULES = "rules"


def _frame_json(x: Frame, y: Frame, overlap: bool = False) -> dict[str, Any]:
    """``overlap``: compare_frames found the two values agree (a day: the same day)."""
    return {"measure": x.measure, "period": [x.period, y.period],
            "values": [x.text, y.text], "intervals": [x.interval_text(), y.interval_text()],
            "overlap": overlap}


def cutoff_shift(thresholds: Thresholds) -> float:
    """A person's Preferences move the cut-off: raising the "same" bars there by 0.1 asks for
    0.1 more probability here."""
    return thresholds.same_with_figure - DEFAULT_THRESHOLDS.same_with_figure


def decide_pair(
    a: ClaimSig,
    b: ClaimSig,
    *,
    idf: Mapping[str, float],
    default_idf: float = 1.0,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
    model: PairModel | None = None,
    explain: bool = True,
    frames: FrameComparison | None = None,
    not_apart: bool = False,
    lazy_apart: bool = False,
) -> PairResult | None:
    """The decision of one pair; with ``explain`` False its relation and score only (an empty
    explanation: building it costs a sixth of the decision, and a caller that only needs the
    groups never reads it). ``frames``: :func:`frames_compared` of the pair, when the caller
    has it already; ``not_apart``: the caller has found that :func:`ruled_apart` is False for
    the pair (its rules are not applied again).

    The rules that say "different claims" whatever the model do not read the pair's features,
    so they are applied first: without ``explain``, a pair one of them rules apart with a
    certain score (0) is decided without its features (a third of the decision); with
    ``lazy_apart``, a pair any other of them rules apart (any at all with ``explain``) comes
    back as None: different claims, its probability not worked out (for a caller that reads
    only "same" and "conflict" there and asks again for a pair it needs whole)."""
    m = model or default_model()
    fc = frames_compared(a, b) if frames is None else frames
    apart = None if not_apart else _first_rule_apart(a, b, fc)
    told = None if apart else _next_rule_apart(a, b, fc)
    later = None if apart or told else _later_rule_apart(a, b, fc)
    if lazy_apart and (apart or later or (told and explain)):
        return None
    if told and not explain:
        return PairResult(Relation.DIFFERENT, 0.0, {})
    pf = pair_features(a, b, idf, default_idf, fc)
    p_same = m.p_same(pf.values)
    p_slot = m.p_slot(pf.values)
    explanation: dict[str, Any] = {}
    if explain:
        explanation.update({
            "decided_by": "pair model",
            "p_same": round(p_same, 4),
            "p_same_slot": round(p_slot, 4),
            "similarity": round(float(pf.values[1]), 3),
        })
        if not pf.comparable_text:
            explanation["text_not_compared"] = True
        if fc.same_measure:
            explanation["frames"] = [_frame_json(x, y, (x, y) in fc.agree)
                                     for x, y in fc.same_measure]
        if fc.agree:
            # The shape storage, the window and the exports read: pairs of figure texts.
            explanation["figures_agree"] = [[x.text, y.text] for x, y in fc.agree]
    cut_same = min(max(m.same_cutoff + cutoff_shift(thresholds), 0.0), 1.0)
    if apart:
        # Two agreements, counts of different things, distances from different places, or
        # two places: two claims, whatever the model says (see _first_rule_apart).
        if explain:
            explanation[apart[0]] = apart[1]
        return PairResult(Relation.DIFFERENT, round(p_same, 4), explanation)
    pa, pb = parts_of(a), parts_of(b)
    if told:
        # What the figures measure, or whose sums, days, people, outcomes or polls they are,
        # differ (see _next_rule_apart): two claims, whatever the model says.
        if explain:
            explanation[told[0]] = told[1]
        # Certain, whatever the model says: score 0, so that the average-link guard keeps
        # the two apart when one of them would join the other's group through a third claim.
        return PairResult(Relation.DIFFERENT, 0.0, explanation)
    kind, found = later or ("", ())
    if kind == "whole":
        # "five killed, including four civilians" and "four killed": the figures agree only
        # through a part, and the wholes cannot both be right.
        if explain:
            explanation["figures_differ"] = [list(found)]
            explanation["agree_only_in_part"] = True
        return PairResult(Relation.DIFFERENT, round(p_same, 4), explanation)
    if kind == "dated":
        # "As of 28 November, 1,415 brought home" and "as of 6 December, 1,449" (or "more than
        # a thousand"): each sentence says which day its figure is of, and the days differ.
        if explain:
            explanation["figures_differ"] = [[x.text, y.text] for x, y in found]
            explanation["as_of_dates_differ"] = [_frame_json(x, y) for x, y in found]
        return PairResult(Relation.DIFFERENT, round(p_same, 4), explanation)
    if kind == "steps":
        # "More than three million have fled" (15 March) and "3.5 million have left" (22
        # March): two steps of a running count, two claims, never one claim nor a conflict.
        if explain:
            explanation["figures_differ"] = [[x.text, y.text] for x, y in found]
            explanation["running_count"] = [_frame_json(x, y) for x, y in found]
        return PairResult(Relation.DIFFERENT, round(p_same, 4), explanation)
    slot = slot_contradictions(a.frames, b.frames, pf.contradictions)
    if slot and every_figure_clashes(fc.agree, pf.contradictions):
        # Two or more figures of one measure, every one different and none agreeing ("70% /
        # 26%" against "69% / 24%"): two polls or two nights, never a conflict (matching.slot).
        if explain:
            explanation["figures_differ"] = [[x.text, y.text] for x, y in slot]
            explanation["every_figure_differs"] = True
        return PairResult(Relation.DIFFERENT, round(p_slot, 4), explanation)
    if slot:
        # One measure, one period, values that cannot both be right: a conflict when the
        # slot model says the two claims are about the same thing.
        if explain:
            explanation["figures_differ"] = [[x.text, y.text] for x, y in slot]
            explanation["frames_differ"] = [_frame_json(x, y) for x, y in slot]
        if p_slot >= m.slot_cutoff:
            if explain:
                explanation["deciding"] = _deciding(m, pf.values, "slot")
            return PairResult(Relation.CONFLICT, round(p_slot, 4), explanation)
        if one_figure_misreported(fc.agree, pf.contradictions):
            # Another precise figure agrees and the clashing ones are near: one event, one
            # figure misreported, whatever the words (matching.slot).
            if explain:
                explanation["one_figure_misreported"] = True
            return PairResult(Relation.CONFLICT, round(p_slot, 4), explanation)
        return PairResult(Relation.DIFFERENT, round(p_slot, 4), explanation)
    if pf.contradictions:
        # Values apart in different periods: two claims (a running count), never a conflict.
        if explain:
            explanation["figures_differ"] = [[x.text, y.text] for x, y in pf.contradictions]
            explanation["periods_differ"] = [_frame_json(x, y) for x, y in pf.contradictions]
        return PairResult(Relation.DIFFERENT, round(p_slot, 4), explanation)
    if identifier_only(fc.agree) and stances_of_texts_differ(a.text, b.text, pa.stance,
                                                            pb.stance):
        # The only figure both give names the thing ("a 30-day ceasefire"), and one accepts
        # it where the other refuses it or says something else of it: two claims.
        if explain:
            explanation["identifier_only"] = [[x.text, y.text] for x, y in fc.agree]
            explanation["stances_differ"] = True
        return PairResult(Relation.DIFFERENT, round(p_same, 4), explanation)
    polls = two_polls(a.text, b.text, fc.agree, days_apart(pa, pb)) \
        if p_same >= cut_same else None
    if polls:
        # A poll share belongs to its pollster and its fieldwork: the same value from two
        # pollsters, or from polls published months apart, is two claims. Certain, so its
        # score is 0: grouping's average-link guard then keeps the two polls' groups apart
        # even when a claim naming no pollster looks like both.
        if explain:
            explanation["two_polls"] = polls
        return PairResult(Relation.DIFFERENT, 0.0, explanation)
    if p_same >= cut_same:
        if explain:
            explanation["deciding"] = _deciding(m, pf.values, "same")
        return PairResult(Relation.SAME, round(p_same, 4), explanation)
    return PairResult(Relation.DIFFERENT, round(p_same, 4), explanation)


def _first_rule_apart(a: ClaimSig, b: ClaimSig, fc: FrameComparison
                      ) -> tuple[str, list[Any]] | None:
    """The rules :func:`decide_pair` applies before any other: the explanation key and what
    it names when one of them says "different claims", else None. ``fc``: the pair's frames
    compared (:func:`frames_compared`)."""
    subjects = subjects_differ(a.frames, b.frames)
    if subjects:
        # Figures or dates of two different agreements (the Minsk Protocol and the Minsk
        # Memorandum): two frames, never one claim nor a conflict.
        return "subjects_differ", list(subjects)
    kinds = fc.kinds  # (kinds_differ when no frames pair up, read by compare_frames)
    if kinds:
        # "400 shells" and "400 civilians" on one place and day: counts of different things.
        return "counts_differ", list(kinds)
    elsewhere = references_differ(a.text, b.text, fc.same_measure)
    if elsewhere and len(elsewhere) == len(fc.same_measure):
        # Distances from two different places: two quantities, never one claim nor a conflict.
        return "references_differ", [[x.text, y.text] for x, y in elsewhere]
    pa, pb = parts_of(a), parts_of(b)
    # (Only between claims that both give a figure other than a date.)
    places = places_differ(a.text, b.text, pa.places, pb.places) if (
        pa.has_non_date_frame and pb.has_non_date_frame) else None
    if places:
        # "drones launched at Lutsk" and "... at Uman": claims about two different places.
        return "places_differ", list(places)
    return None


def _next_rule_apart(a: ClaimSig, b: ClaimSig, fc: FrameComparison) -> tuple[str, Any] | None:
    """The rules :func:`decide_pair` applies once the first ones let a pair through (the
    explanation key and what it names when one says "different claims", else None)."""
    named = measures_apart(a.frames, b.frames, fc)
    if named:
        # "12 killed" and "12 pulled alive from the rubble": each names what it counts, and
        # no figure of one measures what a figure of the other does.
        return "measures_differ", list(named)
    agree = fc.agree
    money = agree and (money_kinds_differ(a.text, b.text, agree)
                       or money_sources_differ(a.text, b.text, agree))
    if money:
        # "military aid of EUR 32.5 billion" and "a total of EUR 32.5 billion" (or "$5bn of
        # frozen assets" and "Europe adds $5bn"): one amount of two kinds of money, two claims.
        return "money_kinds_differ", list(money)
    people = date_actors_differ(a.entities, b.entities, agree)
    if people:
        # "The envoy flew in on 13 March" and "the president spoke on 13 March": one day, and
        # other people doing other things on it: two claims.
        return "date_actors_differ", list(people)
    population = agree and populations_differ(a.text, b.text, agree)
    if population:
        # "52% of those who back talks" and "52% of everyone asked": shares of two populations.
        return "populations_differ", list(population)
    children = children_against_all(agree)
    if children:
        # "7 children were among the dead" and "7 people died": two counts of one event.
        return "children_counted", list(children)
    outcomes = agree and outcomes_differ(a.text, b.text, agree)
    if outcomes:
        # "63,400 households lost power" and "power was restored to 63,400".
        return "outcomes_differ", list(outcomes)
    sides = agree and count_sides_differ(a.text, b.text, agree)
    if sides:
        # "65 Russian servicemen" and "65 of its soldiers" (Ukraine's).
        return "sides_differ", list(sides)
    stocks = agree and supplies_apart(a.text, b.text, agree, days_apart(parts_of(a), parts_of(b)))
    if stocks:
        # "Enough fuel for 10 days" on 9 March and on 22 May: two stocks, two claims.
        return "supplies_apart", [list(stocks)]
    if pollsters_differ(a.text, b.text):
        # What two pollsters found: two polls, whether or not a share agrees.
        return "two_polls", "pollsters differ"
    return None


def _later_rule_apart(a: ClaimSig, b: ClaimSig, fc: FrameComparison
                      ) -> tuple[str, Any] | None:
    """The rules :func:`decide_pair` applies after :func:`_next_rule_apart` that say
    "different claims" whatever the model, though their score is the model's: ("whole", the
    figures), ("dated", the frames) or ("steps", the frames) for the first that does, else
    None."""
    whole = whole_contradicts(a.text, b.text, fc.agree, a.frames, b.frames)
    if whole:
        return "whole", whole
    dated = (stated_dates_apart(fc.same_measure) or readings_apart(fc.same_measure)
             or update_readings(fc.same_measure))
    if dated:
        return "dated", dated
    pa, pb = parts_of(a), parts_of(b)
    steps = (running_count_steps(fc.same_measure)
             or undated_total_steps(a.text, b.text, fc.same_measure,
                                    pa.cumulative and pb.cumulative)
             or milestone_steps(a.text, b.text, fc.same_measure))
    if steps:
        return "steps", steps
    return None


def ruled_apart(a: ClaimSig, b: ClaimSig, frames: FrameComparison) -> bool:
    """The rules :func:`decide_pair` applies before it reads the model say "different claims"
    (two agreements, counts of different things, distances from different places, different
    places): the relation is known without the pair's features (grouping scores such
    candidate pairs no further; their probability is worked out if a guard asks for it).
    ``frames``: :func:`frames_compared` of the pair."""
    return _first_rule_apart(a, b, frames) is not None


def score_unless_apart(a: ClaimSig, b: ClaimSig, *, lazy: bool = False,
                       **kwargs: Any) -> PairResult | None:
    """:func:`score` of a pair (keyword arguments as there), or None when
    :func:`ruled_apart` says "different claims" first: its features are then never worked
    out (for a caller that reads only "same" and "conflict" there). ``lazy``: None too for a
    pair any rule of the decision says is different claims whatever the model (decide_pair's
    ``lazy_apart``)."""
    frames = frames_compared(a, b)
    if ruled_apart(a, b, frames):
        return None
    return score(a, b, frames=frames, not_apart=True, lazy_apart=lazy, **kwargs)


def _deciding(m: PairModel, x: Any, which: str) -> list[list[Any]]:
    return [[name, round(v, 3)] for name, v in m.contributions(x, which)[:4]]


def score(
    a: ClaimSig,
    b: ClaimSig,
    *,
    idf: Mapping[str, float] | None = None,
    default_idf: float = 1.0,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
    model: Any = LEARNED,
    explain: bool = True,
    frames: FrameComparison | None = None,
    not_apart: bool = False,
    lazy_apart: bool = False,
) -> PairResult | None:
    """The pair decision: ``model`` a PairModel, LEARNED (the shipped weights) or RULES (the
    older hand-set rules of matching.pairs). ``explain`` False: the learned decision leaves
    its explanation empty (see decide_pair; the rules always explain). ``frames``,
    ``not_apart``, ``lazy_apart`` (None is returned only with it): as in decide_pair."""
    if model == RULES:
        return score_pair_rules(a, b, idf=idf, default_idf=default_idf, thresholds=thresholds)
    return decide_pair(a, b, idf=idf or {}, default_idf=default_idf, thresholds=thresholds,
                       model=None if model == LEARNED else model, explain=explain,
                       frames=frames, not_apart=not_apart, lazy_apart=lazy_apart)

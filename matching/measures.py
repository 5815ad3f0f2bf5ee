"""Measures: which claims state a value of the same thing (measure, role, actor, place), across periods.

A claim's frames (matching.frames) say what each figure measures ("share", "area", "killed",
"date") and for which period. A *measure* adds what the frame leaves open: the figure's role
in its clause (held vs gained, signed vs took effect, matching.roles), who holds or does it
(the actor: "Russia", "Moscow", "Russian forces" named before the figure) and what it is a
share or part of (the place named right after it: "of Ukraine", "of the Kursk region"),
the agreement a date belongs to ("Minsk II"), and for gains whether they are gains per
month or per year. Claims whose frames share all of these form one measure, whatever their
period or value: "Russia holds about a fifth of Ukraine" (2022) and "Russia occupies 19% of
Ukraine" (2025) are two values of "share of Ukraine held by Russia".

A count of people also says who is counted (civilians, soldiers), whose they are (the
nationality named with them: "Ukrainian soldiers") and whose count it is (the person or
organisation the sentence names: Zelensky's count of soldiers killed is not the UN's count
of civilians killed). Talks that recur (Istanbul 2022 and 2025) are dated per year's round.
What is not a value of anything is left out: spans of time other than a ceasefire's length
("thirty years from now", "a two-week deadline", a person's age), dates of other events in a
sentence naming an agreement ("declared the agreements dead in February 2022").

Headless and pure: ``claim_measures`` reads one claim, ``assign_measures`` many;
``storage.measures`` keeps the results and the person's decisions.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from extraction.names import AliasTable, default_aliases
from matching.figures import Quantity, quantities
from matching.frames import Frame, claim_frames
from matching.measure_context import (
    NOT_A_SPAN,
    OTHER_EVENT,
    PERSON_TYPES,
    POLL_ROLES,
    RUSSIAN_REGIONS,
    TALKS,
    WEEKDAY,
    actor_and_place,
    agreement_at,
    concepts_in,
    people_of,
    places_in,
    source_of,
    span_of,
)
from matching.measure_names import measure_name
from matching.roles import FRAME, LazyRoles

__all__ = ["Assignment", "ClaimInput", "MeasureKey", "assign_measures", "claim_measures",
           "measure_name", "measures_of", "signature_measures"]

# Bumped whenever what a claim's measures are changes: stored assignments are then redone.
MEASURES_VERSION = "2"  # 2: who is counted and whose count; non-measures dropped

# The roles that say what a figure of a measure is (matching.roles contrast concepts).
_ROLES = frozenset(("gain", "control", "withdraw", "regain", "killed", "wounded", "signed",
                    "begin", "support", "oppose", "talks", "ceasefire"))
# Countries as actors and places: the concept table folds "Russian", "Moscow", "Kremlin",
# "росіян…" into "russia", and the same for Ukraine.
_COUNTRIES = frozenset(("russia", "ukraine"))
# Roles of a flow over a period (a gain per month is not a gain per year); a stock ("holds")
# is one measure whatever the period.
_FLOWS = frozenset(("gain", "withdraw", "regain"))
_DATE_ROLES = frozenset(("signed", "begin"))
_TERRITORY = frozenset(("share", "area"))
_TERRITORIAL_ROLES = frozenset(("gain", "control", "regain", "withdraw"))
# Coarse frame measures that say little alone: they need a role, an agreement, or both an
# actor and a place to make a measure.
_COARSE = frozenset(("count", "share", "share:respondents"))

# Counts of people: who is counted and whose count it is tell two measures apart.
PEOPLE = frozenset(("killed", "wounded", "troops", "prisoners", "children", "refugees",
                    "displaced"))

@dataclass(frozen=True)
class MeasureKey:
    """What makes two figures values of one measure; ``text`` is its stored form."""

    measure: str  # the frame's measure: "share", "area", "killed", "date", "share:respondents"
    role: str = ""  # "control", "gain", "signed"… (several joined by "+")
    actor: str = ""  # "russia", "ukraine", or an alias key
    place: str = ""  # "ukraine", "kursk"…
    agreement: str = ""  # "minsk_ii"…
    span: str = ""  # "month", "year", "week" for flows; a round's year for talks' dates
    who: str = ""  # who a count of people counts: "civilians", "troops"…
    source: str = ""  # whose count of people it is: "zelensky", "un" (alias keys)

    @property
    def text(self) -> str:
        """The stored form; the fields a count of people adds only when set, so the keys of
        other measures (and a person's decisions on them) stay as they were."""
        parts = [self.measure, self.role, self.actor, self.place, self.agreement, self.span]
        if self.who or self.source:
            parts += [self.who, self.source]
        return "|".join(parts)

    @classmethod
    def parse(cls, text: str) -> MeasureKey:
        parts = (text.split("|") + [""] * 8)[:8]
        return cls(*parts)

    @property
    def is_people(self) -> bool:
        return self.measure in PEOPLE

    @property
    def usable(self) -> bool:
        """Says enough to gather claims under it: a bare "killed" or "count" would gather the
        toll of every strike, a bare date every day named in the news."""
        if self.measure == "date":
            return bool(self.agreement)
        if self.measure == "duration":
            # "a 30-day ceasefire": its length. Other spans of time ("ten minutes later",
            # "for eight years", "thirty years from now", "a two-week deadline") measure
            # nothing a claim is checked on.
            return "ceasefire" in self.role.split("+")
        if self.is_people:
            # Whose people, where, or whose count: "killed" alone is every strike's toll.
            return bool(self.actor or self.place or self.source or self.agreement)
        if not (self.actor or self.place or self.agreement):
            return False
        if self.measure in _COARSE:
            return bool(self.role or self.agreement or (self.actor and self.place))
        return True


@dataclass(frozen=True)
class Assignment:
    """One claim's value of one measure."""

    claim_id: Any
    key: MeasureKey
    figure: str  # the figure as written ("about a fifth")
    value: float | None  # the stated value (canonical unit; a date's ordinal day)
    low: float
    high: float
    period: str | None  # ISO date or month the value is as of (stated, else publication)
    period_stated: bool
    unit: str  # "percent", "area", "count", "date", "money:usd"…


@dataclass(frozen=True)
class ClaimInput:
    """What measures read of a claim: as stored (figures with article offsets)."""

    id: Any
    sentence: str
    figures: Sequence[Mapping[str, Any]]
    offset: int = 0  # the claim's start in its article (figure offsets are article offsets)
    published: str | None = None



def _days(period: str | None) -> tuple[int, int] | None:
    """First and last day (ordinals) of an ISO day, month or year."""
    if not period:
        return None
    try:
        if len(period) >= 10:
            day = dt.date.fromisoformat(period[:10]).toordinal()
            return day, day
        year = int(period[:4])
        if len(period) >= 7:
            month = int(period[5:7])
            first = dt.date(year, month, 1)
            nxt = dt.date(year + month // 12, month % 12 + 1, 1)
            return first.toordinal(), nxt.toordinal() - 1
        return dt.date(year, 1, 1).toordinal(), dt.date(year, 12, 31).toordinal()
    except ValueError:
        return None


def _value_of(frame: Frame, q: Quantity | None) -> tuple[float | None, float, float]:
    if frame.measure == "date":
        days = _days(frame.period)
        if days is None:
            return None, 0.0, 0.0
        # A month ("February 2015") is the interval of its days, plotted at its middle.
        return float((days[0] + days[1]) // 2), float(days[0]), float(days[1])
    value = q.value if q is not None and q.value is not None else None
    low, high = frame.low, frame.high
    if value is None:
        value = (low + high) / 2 if math.isfinite(high) else low
    return value, low, high


def _unit(frame: Frame) -> str:
    if frame.measure == "date":
        return "date"
    return "count" if frame.cls.startswith("count") else frame.cls


def _date_frames(qs: Sequence[Quantity], frames: Sequence[Frame], text: str) -> list[Frame]:
    """Frames of the dates a claim gives for an event: its date frames, and (when it also
    states other figures, which makes its dates their period) the dates whose role is a
    signing or a start ("Feb. 11, 2015: Minsk II, a 13-point package, is signed")."""
    found = [f for f in frames if f.measure == "date"]
    if found:
        return found
    out = []
    concepts: set[str] | None = None
    for q in qs:
        if q.cls != "date" or not q.date:
            continue
        if FRAME in q.role and not q.role & _DATE_ROLES and concepts is None:
            concepts = concepts_in(text)
        if q.role & _DATE_ROLES or (FRAME in q.role and (concepts or set()) & _DATE_ROLES):
            out.append(Frame("date", 0.0, 0.0, q.text, "date", q.date, True, True,
                             hard_low=0.0, hard_high=0.0))
    return out


def claim_measures(claim: ClaimInput, aliases: AliasTable | None = None) -> list[Assignment]:
    """The measures one claim states a value of (at most one value per measure: the first)."""
    figures = claim.figures
    if not figures:
        return []
    qs = quantities(figures, LazyRoles(claim.sentence, figures, claim.offset), claim.sentence,
                    claim.offset)
    return measures_of(claim.id, claim.sentence, qs, claim.published, aliases)


def measures_of(claim_id: Any, text: str, qs: Sequence[Quantity], published: str | None,
                aliases: AliasTable | None = None,
                frames: Sequence[Frame] | None = None) -> list[Assignment]:
    """``claim_measures`` from a claim's quantities (a matching signature has them, and its
    frames once matching worked them out: ``measures_of(sig.id, sig.text, sig.quantities,
    sig.date, frames=sig.frames)``)."""
    if not qs:
        return []
    table = aliases or default_aliases()
    mentions = table.find(text)
    places = places_in(text, mentions, table)
    if not places and not any(table.type_of(k) in ("agreement", *PERSON_TYPES)
                              for _s, _e, k in mentions):
        return []  # no country, place, agreement or source: no figure makes a measure
    if frames is None:
        frames = claim_frames(text, qs, published)
    if not frames:
        return []
    by_text = {q.text: q for q in qs}
    out: list[Assignment] = []
    seen: set[str] = set()
    lowered = text.casefold()
    dates = _date_frames(qs, frames, text) if any(
        table.type_of(k) == "agreement" for _s, _e, k in mentions) else []
    last_people = ("", "")
    for frame in [f for f in frames if f.measure != "date"] + dates:
        q = by_text.get(frame.text)
        if q is not None and q.time_frame:
            continue  # "over the past year": the period of the other figures, not a value
        pos = lowered.find(frame.text.casefold()) if frame.text else -1
        end = pos + len(frame.text)
        actor, place = actor_and_place(places, pos, end, text) if pos >= 0 else ("", "")
        who = source = ""
        if pos >= 0 and (frame.measure in PEOPLE or (
                frame.measure.startswith("share") and q is not None and q.role & POLL_ROLES)):
            who, side = people_of(text, pos, end, places)
            if frame.measure in PEOPLE:
                # "1,232 civilians killed and 1,935 injured", "43,000 Ukrainian soldiers
                # killed and 370,000 wounded": the people of an elided noun are the last named.
                who, side = who or last_people[0], side or last_people[1]
                last_people = (who, side)
                # Whose people: the nationality named with them ("43,000 Ukrainian
                # soldiers"), not a country named earlier in the sentence; where: a place
                # after them ("in eastern Ukraine"); whose count: who the sentence quotes.
                actor = side
                place = "" if place == side else place
                source = source_of(text, mentions, table)
            elif who:
                actor, place = "", side or place  # a poll of people: "of Russian soldiers"
            if frame.measure in PEOPLE and not (actor or place or source):
                continue
        agreement = ""
        if frame.measure != "date" and not (actor or place or source):
            # Counts with no country ("13 points" of an agreement): the agreement they are of.
            agreement = agreement_at(mentions, table, max(pos, 0))
            if not agreement:
                continue  # nothing ties it to a measure (the figure's role is not worked out)
        q_roles = q.role if q is not None else frozenset()
        role = "+".join(sorted(q_roles & _ROLES - (_DATE_ROLES if frame.measure != "date"
                                                   else frozenset())))
        if frame.measure == "duration":
            if NOT_A_SPAN.search(text, max(0, pos), end + 24) or "ceasefire" not in role:
                continue  # "thirty years from now", "a two-week deadline", "a 19-year-old"
            # A ceasefire's length: of the agreement or statement that proposes it, whoever
            # backs or rejects it.
            actor = place = ""
            role = "ceasefire"
            agreement = agreement_at(mentions, table, max(pos, 0))
        if frame.measure == "date":
            # A date is an event's: the agreement says whose, the role which event (an
            # agreement's date unqualified is the day it was signed).
            actor, place = "", ""
            agreement = agreement_at(mentions, table, max(pos, 0))
            named = q_roles & _DATE_ROLES or (concepts_in(text) & _DATE_ROLES if FRAME in q_roles
                                              else frozenset())
            if not named and (OTHER_EVENT.search(text) or WEEKDAY.match(frame.text.strip())):
                # "declared in February 2022 that the Minsk agreements no longer existed",
                # "phoned on Wednesday about the Jeddah meeting": another event's date.
                continue
            role = "begin" if named == {"begin"} else "signed"
            # Talks recur: each year's round is its own.
            span = frame.period[:4] if agreement.endswith(TALKS) and frame.period else ""
        elif frame.measure in _TERRITORY and set(role.split("+")) & _TERRITORIAL_ROLES:
            if not actor:
                continue  # "a fifth of the country is occupied": by whom is not said
            if place in RUSSIAN_REGIONS:
                place = "russia"
            if not place and actor in _COUNTRIES:
                # Ground held or gained by one side of this war is the other side's.
                place = next(iter(_COUNTRIES - {actor}))
        if frame.measure != "date":
            span = span_of(text, frame) if set(role.split("+")) & _FLOWS else ""
        if frame.measure in PEOPLE:
            role = ""  # "killed" is the measure itself; "since the start" a period
        key = MeasureKey(frame.measure, role, actor, place, agreement, span, who, source)
        if not key.usable or key.text in seen:
            continue
        seen.add(key.text)
        value, low, high = _value_of(frame, q)
        out.append(Assignment(claim_id, key, frame.text, value, low, high, frame.period,
                              frame.period_stated, _unit(frame)))
    return out


def _fingerprint(claim: ClaimInput) -> tuple[Any, ...]:
    """What a claim's measures depend on: its sentence, publication date and figures (their
    places relative to the sentence)."""
    return (claim.sentence, claim.published, tuple(
        (f.get("text"), f.get("value"), f.get("value_max"), f.get("unit"), f.get("kind"),
         f.get("date"), f.get("qualifier"), (f.get("start") or 0) - claim.offset)
        for f in claim.figures))


def assign_measures(claims: Iterable[ClaimInput]) -> list[Assignment]:
    """``claim_measures`` of many claims, in order. A sentence repeated word for word (wire
    copy, syndication) with the same figures and date is worked out once."""
    table = default_aliases()
    done: dict[tuple[Any, ...], list[Assignment]] = {}
    out: list[Assignment] = []
    for c in claims:
        key = _fingerprint(c)
        found = done.get(key)
        if found is None:
            found = done[key] = claim_measures(c, table)
            out.extend(found)
        else:
            out.extend(replace(a, claim_id=c.id) for a in found)
    return out


def signature_measures(sigs: Iterable[Any]) -> list[Assignment]:
    """Measures of matching signatures (``matching.signature.ClaimSig``), in order, from what
    matching worked out on them (quantities, figure roles, frames); the same sentence, date
    and figures worked out once."""
    table = default_aliases()
    done: dict[tuple[Any, ...], list[Assignment]] = {}
    out: list[Assignment] = []
    for s in sigs:
        key = (s.text, s.date, s.quantities)
        found = done.get(key)
        if found is None:
            # The frames when matching worked them out (cached on the signature); else
            # measures_of works them out only if the claim names a country or agreement.
            found = done[key] = measures_of(s.id, s.text, s.quantities, s.date, table,
                                            frames=s.__dict__.get("_frames"))
            out.extend(found)
        else:
            out.extend(replace(a, claim_id=s.id) for a in found)
    return out

"""Readable names of measures: what is measured, of whom or what, by whom, where, and whose count.

"Share of Ukraine held by Russia", "Ukrainian soldiers killed (Zelensky's count)", "Civilians
killed (UN count)", "Date of Istanbul talks (2022 round)", "Length of ceasefire (Jeddah
statement)". Pure: a name is made from a ``matching.measures.MeasureKey`` alone.
"""

from __future__ import annotations

from typing import Any

from extraction.names import AliasTable, default_aliases

_COUNTRIES = frozenset(("russia", "ukraine"))
_NATIONALITY = {"russia": "Russian", "ukraine": "Ukrainian"}
_MEASURE_LABEL = {
    "share": "Share", "area": "Area", "distance": "Distance", "duration": "Duration",
    "date": "Date", "count": "Number", "killed": "Killed", "wounded": "Wounded",
    "settlements": "Settlements", "children": "Children", "refugees": "Refugees",
    "displaced": "Displaced people", "drones": "Drones", "missiles": "Missiles",
    "prisoners": "Prisoners", "troops": "Troops", "votes": "Votes", "turnout": "Turnout",
    "respondents": "Respondents", "money": "Money", "suspects": "Suspects",
    "sentences": "Sentences", "points": "Number of points", "camps": "Camps",
    "sheltering": "Sheltering", "share:respondents": "Poll share", "share:turnout": "Turnout",
    "share:votes": "Vote share",
}
_ROLE_VERB = {"control": "held", "gain": "gained", "regain": "regained", "withdraw": "given up",
              "killed": "killed", "wounded": "wounded", "signed": "signed", "begin": "in force",
              "support": "in favour", "oppose": "against", "talks": "for talks",
              "ceasefire": "for a ceasefire"}
_OF_WHAT = {"ceasefire": "a ceasefire", "talks": "talks"}
_DATE_ROLE = {"signed": "was signed", "begin": "took effect"}
_SPAN = {"month": "per month", "year": "per year", "week": "per week"}
# Who a count of people counts, as a name reads it.
_WHO = {"civilians": "civilians", "troops": "soldiers", "children": "children",
        "prisoners": "prisoners of war", "people": "people"}
# What happened to the people a count counts.
_PEOPLE_EVENT = {"killed": "killed", "wounded": "wounded", "prisoners": "held prisoner",
                 "refugees": "who fled", "displaced": "displaced", "children": "",
                 "troops": ""}


def display(name: str, aliases: AliasTable | None = None) -> str:
    """An alias key or country as a person reads it ("minsk_ii" -> "Minsk II")."""
    if not name:
        return ""
    table = aliases or default_aliases()
    if name in _COUNTRIES:
        return name.title()
    return table.canonical(name.replace("_", " ")) or name.replace("_", " ").title()


def _whose_count(source: str) -> str:
    """"Zelensky's count", "UN count" (an organisation's name is not made possessive)."""
    table = default_aliases()
    shown = display(source, table)
    if table.type_of(source) == "person":
        return f"{shown}'s count"
    return f"{shown} count"


def _people_name(key: Any) -> str:
    """A count of people: who they are, whose, what happened to them, where, whose count."""
    who = _WHO.get(key.who or "people", key.who or "people")
    if key.measure in ("children", "prisoners") and not key.who:
        who = _WHO[key.measure]
    side = _NATIONALITY.get(key.actor, display(key.actor))
    subject = f"{side} {who}" if side else who
    event = _PEOPLE_EVENT.get(key.measure, key.measure)
    name = f"{subject} {event}".strip() if event else f"{subject} (number)"
    name = name[0].upper() + name[1:]
    if key.place and key.place != key.actor:
        name += f" in {display(key.place)}"
    if key.agreement:
        name += f" — {', '.join(display(a) for a in key.agreement.split(',') if a)}"
    if key.source:
        name += f" ({_whose_count(key.source)})"
    return name


def measure_name(key: Any) -> str:
    """A readable name for a measure (a ``matching.measures.MeasureKey``)."""
    actor, place = display(key.actor), display(key.place)
    agreement = ", ".join(display(a) for a in key.agreement.split(",") if a)
    roles = [r for r in key.role.split("+") if r]
    if key.measure == "date":
        what = " / ".join(_DATE_ROLE.get(r, _ROLE_VERB.get(r, r)) for r in roles) or "date"
        subject = agreement or place or "event"
        if key.span:
            subject += f" ({key.span} round)"
        if roles in (["signed"], []):
            return f"Date of {subject}"
        return f"Date {subject} {what}"
    if key.measure == "duration" and "ceasefire" in roles:
        return "Length of ceasefire" + (f" ({agreement})" if agreement else "")
    if key.is_people:
        return _people_name(key)
    if key.who and key.measure.startswith("share"):
        # A share of people (a poll): "Share of Russian soldiers in favour".
        side = _NATIONALITY.get(key.place or key.actor, "")
        who = _WHO.get(key.who, key.who)
        name = f"Share of {side + ' ' if side else ''}{who}"
        stance = "against" if "oppose" in roles else "in favour" if "support" in roles else ""
        what = " / ".join(_OF_WHAT[r] for r in roles if r in _OF_WHAT)
        if stance and what:
            return f"{name} {stance}{'' if stance == 'against' else ' of'} {what}"
        return f"{name} {stance or what}".rstrip()
    if key.measure.startswith("money"):
        label = f"Money ({key.measure.split(':', 1)[1].upper()})" if ":" in key.measure else "Money"
    else:
        label = _MEASURE_LABEL.get(key.measure, key.measure.replace(":", " ").replace("+", " and ").capitalize())
    name = label
    if place and key.measure == "distance":
        name += f" from {place}"
    elif key.measure == "share:votes" and (place or actor):
        return f"{name} for {place or actor}"  # "97 % voted to join Russia"
    elif place and key.measure in ("share", "area"):
        name += f" of {place}"
    elif place:
        name += f" ({place})"
    verbs = [_ROLE_VERB[r] for r in roles if r in _ROLE_VERB and r not in (key.measure,)]
    if verbs:
        name += " " + " / ".join(verbs)
    if actor:
        name += f" by {actor}" if verbs else f" ({actor})"
    if agreement:
        name += f" — {agreement}"
    if key.span:
        name += f", {_SPAN.get(key.span, key.span)}"
    return name

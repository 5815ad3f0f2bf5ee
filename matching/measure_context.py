"""What the words around a figure say about its measure: who acts, what it is of, who is counted, whose count, per what period.

The text-reading half of ``matching.measures`` (which puts a claim's measure keys together):
plain functions over a sentence, its alias mentions and a figure's place in it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from extraction.names import AliasTable
from matching.concepts import default_concepts
from matching.counted import PEOPLE_KINDS
from matching.frames import Frame, measure_of_word

_COUNTRIES = frozenset(("russia", "ukraine"))

# How far (characters) after a figure its place is looked for ("19% of Ukraine's territory"),
# and before it its actor ("Russian forces currently hold close to a fifth").
PLACE_CHARS = 40
ACTOR_CHARS = 80

_WORD = re.compile(r"\w+(?:'s)?", re.UNICODE)
_MONTHLY = re.compile(
    r"\b(?:per month|a month|each month|every month|monthly|(?:last|past|previous|this|the) month|"
    r"in (?:january|"
    r"february|march|april|may|june|july|august|september|october|november|december)|"
    r"за місяць|щомісяця|за месяц|ежемесячно|у (?:січні|лютому|березні|квітні|травні|червні|"
    r"липні|серпні|вересні|жовтні|листопаді|грудні)|в (?:январе|феврале|марте|апреле|мае|июне|"
    r"июле|августе|сентябре|октябре|ноябре|декабре))\b")
_YEARLY = re.compile(
    r"\b(?:per year|a year|each year|(?:past|last|previous) (?:year|twelve months|12 months)|"
    r"in (?:19|20)\d\d|за рік|за год|за минулий рік|за прошлый год|"
    r"(?:past|last|preceding) (?:\w+ )?(?:years?|twelve months|12 months)|"
    r"за останній рік|за последний год|за минулий рік)\b")
# Who a count or share of people counts (word stems, first found in the figure's words or
# the few after it): "1,232 civilians", "43,000 Ukrainian soldiers", "of career military
# personnel", "українських військових".
_WHO_STEMS = PEOPLE_KINDS
WHO_WORDS = 5  # words after the figure its people are looked for in
# A place after these is not what a figure is of: "a fifth of Ukraine, including Crimea",
# "31,000 troops near Russia's borders".
_NOT_OF = re.compile(r"(?:including|includes|with|near|along|across|from|разом\s+із|разом\s+з|"
                     r"включно\s+з|вместе\s+с|включая|поблизу|біля|около|возле)\W*$",
                     re.IGNORECASE)
# A country named in these words before a figure is a place, not the one acting:
# "території України — близько 0,6 %", "of Ukraine's territory, about 0.6%".
_OF_BEFORE = re.compile(r"(?:\bof|територі\w*|территори\w*)\s+(?:the\s+)?$", re.IGNORECASE)
# Another event dated in a sentence naming an agreement: its date is not the agreement's.
OTHER_EVENT = re.compile(
    r"\b(?:declar\w*|recogni[sz]\w*|no longer|scrap\w*|abandon\w*|withdr[ae]w\w*|"
    r"collaps\w*|admit\w*|reject\w*|endors\w*|phoned|called|оголоси\w*|объяви\w*|"
    r"визна\w*|призна\w*|більше не|больше не)\b", re.IGNORECASE)
WEEKDAY = re.compile(r"^(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
                      r"понеділ\w*|вівтор\w*|серед\w*|четвер\w*|п.ятниц\w*|понедельник\w*|"
                      r"вторник\w*|сред\w*|пятниц\w*)$", re.IGNORECASE)
# Durations that are no quantity stated: the future, a deadline, an age.
NOT_A_SPAN = re.compile(r"\b(?:from now|later|ago|deadline|ultimatum|old)\b", re.IGNORECASE)
TALKS = ("talks", "negotiations")
_WEEKLY = re.compile(r"\b(?:per week|a week|this week|last week|past week|weekly|за тиждень|"
                     r"за неделю)\b")



@lru_cache(maxsize=1)
def country_words() -> re.Pattern[str]:
    """The words the concept table folds into "russia" or "ukraine" ("Russian", "Moscow",
    "Kremlin", "росіян…"), as one pattern: found at C speed instead of word by word."""
    table = default_concepts()
    exact = [w for w, c in table.exact.items() if c in _COUNTRIES]
    prefixes = [w for w, c in table.prefixes.items() if c in _COUNTRIES]
    alternatives = [re.escape(w) for w in sorted(exact, key=len, reverse=True)]
    alternatives += [re.escape(w) + r"\w*" for w in sorted(prefixes, key=len, reverse=True)]
    return re.compile(rf"(?<!\w)(?:{'|'.join(alternatives)})(?:'s)?(?!\w)", re.IGNORECASE)


def places_in(text: str, mentions: Sequence[tuple[int, int, str]], aliases: AliasTable
            ) -> list[tuple[int, int, str | None, str | None]]:
    """(start, end, country, alias place key) of the countries and places named in ``text``."""
    concepts = default_concepts()
    out: list[tuple[int, int, str | None, str | None]] = []
    for m in country_words().finditer(text):
        w = m.group(0).casefold()
        c = concepts.concept(w) or concepts.concept(w.removesuffix("'s"))
        if c in _COUNTRIES:
            out.append((m.start(), m.end(), c, None))
    for start, end, key in mentions:
        if aliases.type_of(key) == "place":
            out.append((start, end, country_of(key), key))
    out.sort(key=lambda w: w[0])
    return out


def concepts_in(text: str) -> set[str]:
    concepts = default_concepts()
    return {c for w in _WORD.findall(text.casefold()) if (c := concepts.concept(w)) is not None}


def agreement_at(mentions: Sequence[tuple[int, int, str]], aliases: AliasTable,
                  pos: int) -> str:
    """The agreement a date at ``pos`` belongs to: the one named last before it ("Minsk-2
    was signed on 12 February"), else the first named after it ("On 5 September 2014 the
    Minsk Protocol…")."""
    named = [(s, k) for s, _e, k in mentions if aliases.type_of(k) == "agreement"]
    before = [k for s, k in named if s < pos]
    if before:
        return before[-1]
    return next((k for s, k in named if s >= pos), "")


def country_of(key: str) -> str | None:
    k = key.casefold()
    if k in ("russia", "moscow"):
        return "russia"
    if k in ("ukraine",):
        return "ukraine"
    return None


def actor_and_place(places: list[tuple[int, int, str | None, str | None]], start: int,
                     end: int, text: str = "") -> tuple[str, str]:
    """The country named nearest before the figure (its actor) and the place named first
    after its start (what it is a part of, or whose it is: "19% of Ukraine", "43,000
    Ukrainian soldiers"; a named place beats a country named later). A country named as a
    place before the figure ("of Ukraine's territory — about 0.6%") is no actor, a place
    after "including" or "near" ("a fifth of Ukraine, including Crimea") not what it is of."""
    before = [w for w in places if w[1] <= start and w[0] >= start - ACTOR_CHARS
              and not (text and _OF_BEFORE.search(text, max(0, w[0] - 20), w[0]))]
    after = [w for w in places if start < w[0] <= end + PLACE_CHARS]
    if after and text and _NOT_OF.search(text, max(0, after[0][0] - 16), after[0][0]):
        after = []  # what follows is an aside, and nothing after it is what the figure is of
    actor = next((w[2] for w in reversed(before) if w[2]), "")
    place = ""
    for w in after:
        if w[3] is not None and w[2] is None:
            place = w[3].casefold()  # "Kursk", "Crimea": a place inside a country
            break
        if w[2] is not None:
            place = w[2]
            break
    if place == actor and place:
        # "Russia gained 285 km², by the Russia-Ukraine War Report Card's count": a country
        # does not gain or hold a part of itself; the name after the figure is something else.
        place = ""
    return actor or "", place


POLL_ROLES = frozenset(("support", "oppose"))
_IN_BEFORE = re.compile(r"(?:\bin|\bnear|\bfrom|\binto|\bto|\balong|\bacross|\bв|\bу|\bна|"
                        r"\bбіля|\bвозле)\s+(?:the\s+)?$", re.IGNORECASE)
# A count is someone's when the sentence quotes them: "Zelensky said", "by the UN office's
# estimate", "according to Kyiv's military".
_QUOTED_AFTER = re.compile(
    r"\W*(?:[\w'’-]+\W+){0,4}?(?:said|says|told|report\w*|record\w*|estimat\w*|count\w*|"
    r"повідоми\w*|заяви\w*|сказа\w*|сообщи\w*|оцін\w*|оцен\w*)\b", re.IGNORECASE)
_QUOTED_BEFORE = re.compile(r"(?:according to|by|per|за даними|по данным|за оцінкою|"
                            r"по оценке|за словами|по словам)\W+(?:the\s+)?$", re.IGNORECASE)
# Regions of Russia: ground held there is ground of Russia ("470 square miles of the Kursk
# region" and "Ukraine's foothold in Russia" are one measure).
RUSSIAN_REGIONS = frozenset(("kursk", "belgorod", "bryansk"))
PERSON_TYPES = frozenset(("person", "organisation"))


def people_of(text: str, start: int, end: int,
               places: list[tuple[int, int, str | None, str | None]]) -> tuple[str, str]:
    """Who a figure counts and whose they are, from its own words and the few after it:
    ("troops", "ukraine") for "43,000 Ukrainian soldiers" and "18% of Moscow's career
    military personnel"; ("civilians", "") for "1,232 civilians"."""
    following = list(_WORD.finditer(text, end, min(len(text), end + 80)))[:WHO_WORDS]
    words = _WORD.findall(text[start:end]) + [m.group(0) for m in following]
    who = ""
    for w in words:
        low = w.casefold()
        who = next((name for name, stems in _WHO_STEMS if low.startswith(stems)), "")
        if who:
            break
    if not who and any(measure_of_word(w) == "respondents" for w in words):
        who = "people"
    window = following[-1].end() if following else end
    # A nationality or a possessive ("Ukrainian", "Moscow's"), not a place ("in Ukraine").
    side = next((w[2] for w in places if start <= w[0] <= window and w[2]
                 and not _IN_BEFORE.search(text, max(0, w[0] - 6), w[0])), "")
    return who, side


def source_of(text: str, mentions: Sequence[tuple[int, int, str]], table: AliasTable) -> str:
    """Whose count a count of people is: the first person or organisation the sentence quotes
    ("Zelensky said", "by the UN office's estimate"); one merely named is not its source."""
    for start, end, key in mentions:
        if table.type_of(key) in PERSON_TYPES and (
                _QUOTED_AFTER.match(text, end, min(len(text), end + 60))
                or _QUOTED_BEFORE.search(text, max(0, start - 20), start)):
            return key
    return ""


def span_of(text: str, frame: Frame) -> str:
    low = text.casefold()
    if frame.period_stated and frame.period and len(frame.period) == 7:
        return "month"
    if _WEEKLY.search(low):
        return "week"
    if _MONTHLY.search(low):
        return "month"
    if _YEARLY.search(low):
        return "year"
    return ""

"""Figures in article text: percentages, areas, counts, money, durations, ranges and dates.

A figure keeps its exact source span; ``value``/``unit`` say what it is in the article's terms and
``si_value``/``si_unit`` in a canonical unit so matching can compare "110 square miles" with
"285 km²".

Kinds and units
---------------
=========  ==============================================  ==========================
kind       unit                                            si_unit
=========  ==============================================  ==========================
percent    'percent', 'pp' (percentage points)             same as unit
fraction   'percent' ("a fifth" -> 20)                     'percent'
area       'km2', 'mi2', 'm2', 'ha', 'acre'                'km2'
distance   'km', 'mi', 'm'                                 'km'
count      'people' (followed by a word for people), None  same as unit
money      'usd', 'eur', 'gbp', 'rub', 'uah'               same as unit (no FX rates)
duration   'second' ... 'day', 'week', 'month', 'year',    'day'
           'decade', 'century'
range      the unit of the ends (any of the above)         as for that unit
date       'date'; value None, ``date`` = ISO 'YYYY-MM-DD', None
           'YYYY-MM' or 'YYYY' (None when relative and
           the article date is unknown)
=========  ==============================================  ==========================

``qualifier`` is one of 'more than', 'at least', 'nearly', 'about', 'up to', 'less than',
'hundreds of' (and 'tens of', 'thousands of', 'dozens of', ...), 'several', 'a few', a change
word ('drop', 'rise', ...) after a percentage, 'decade' for "the 1990s", 'range' for
"March-April 2022", or 'early'/'mid'/'late' for dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from .cues import Tokens
from .lexicon import words
from .numbers import DIGIT_NUMBER, SCALES, TENS, UNITS, WORD_NUMBER, parse_number, parse_words

CANONICAL_QUALIFIERS = {
    "more than": ("more than", "over", "above", "in excess of", "upwards of", "just over",
                  "well over", "более", "больше", "свыше", "понад", "більше"),
    "at least": ("at least", "no less than", "no fewer than", "not less than", "щонайменше",
                 "не менее"),
    "nearly": ("almost", "nearly", "close to", "just under", "почти", "майже"),
    "about": ("about", "around", "approximately", "roughly", "some", "an estimated",
              "estimated", "approx.", "~", "≈", "около", "примерно", "порядка", "близько",
              "приблизно"),
    "up to": ("up to", "as many as", "as much as", "at most", "no more than"),
    "less than": ("less than", "fewer than", "under", "below", "менее", "меньше", "менше"),
}
_QUAL_CANON = {v: k for k, vs in CANONICAL_QUALIFIERS.items() for v in vs}
_QUAL = "|".join(
    re.escape(q).replace(r"\ ", r"\s+") for q in sorted(_QUAL_CANON, key=len, reverse=True)
)
_CHANGE = r"drop|decline|fall|decrease|increase|rise|jump|gain|growth|reduction|cut|surge|plunge|hike|slump|contraction|loss"
_SCALE = "|".join(SCALES)
# A number: digits with an optional scale word, or number words.
_NUM = rf"(?:{DIGIT_NUMBER}(?:\s*(?:{_SCALE})\b)?|{WORD_NUMBER})"
# No letter, hyphen, slash, currency sign or digit separator right before a number: keeps
# "Su-25", "F-16", "COVID-19", "G7", URLs and times out.
_B = r"(?<![\w\-–./,$€£₴₽#:])"
_QUALP = rf"(?:(?P<qual>{_QUAL})\s+)?"
_PEOPLE = (
    r"people|persons?|civilians?|soldiers?|troops|servicem[ae]n|service\s*members|fighters|"
    r"residents|refugees|children|kids|women|men|lives|victims|prisoners|POWs|captives|hostages|"
    r"Ukrainians|Russians|Jews|Poles|protest[eo]rs|citizens|casualties|dead|deaths|killed|"
    r"wounded|injured|employees|workers|voters|respondents|representatives|delegates|officials|"
    r"conscripts|recruits|mercenaries|volunteers|inhabitants|personnel|migrants|evacuees|"
    r"displaced|militants|combatants|officers|veterans|individuals|deportees|orphans|patients|"
    r"journalists|Russian\s+soldiers|Ukrainian\s+soldiers|"
    r"людей|людини|осіб|человек|солдат\w*|військов\w*|военн\w*|жител\w*|мешканц\w*|дітей|детей|"
    r"загиблих|погибших|поранених|раненых|полонених|пленных|біженц\w*|беженц\w*"
)
_PEOPLE_RE = re.compile(rf"\b(?:{_PEOPLE})\b", re.IGNORECASE)
_PEOPLE_AFTER = re.compile(rf"\s+(?P<noun>{_PEOPLE})\b", re.IGNORECASE)
_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)")
# The first three letters of every people noun: a set lookup before the long alternation.
_PEOPLE_HEADS = frozenset(alt[:3].casefold() for alt in _PEOPLE.split("|"))
assert all(alt[:3].isalpha() for alt in _PEOPLE.split("|"))


def _people_after(text: str, pos: int) -> re.Match | None:
    """A people noun right after a count ("5,000 troops"), as the count pattern's optional tail."""
    w = _NEXT_WORD.match(text, pos)
    if w is None:
        return None
    if w.group(1)[:3].casefold() not in _PEOPLE_HEADS:
        return None
    return _PEOPLE_AFTER.match(text, pos)

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_CYR_MONTHS = [
    ("січ", 1), ("лют", 2), ("берез", 3), ("квіт", 4), ("трав", 5), ("черв", 6), ("лип", 7),
    ("серп", 8), ("верес", 9), ("жовт", 10), ("листопад", 11), ("груд", 12),
    ("январ", 1), ("феврал", 2), ("март", 3), ("апрел", 4), ("ма", 5), ("июн", 6),
    ("июл", 7), ("август", 8), ("сентябр", 9), ("октябр", 10), ("ноябр", 11), ("декабр", 12),
]
_MONTH = (
    r"(?-i:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)"
)
_CYR_MONTH = (
    r"(?:січ(?:ень|ня)|лют(?:ий|ого)|берез(?:ень|ня)|квіт(?:ень|ня)|трав(?:ень|ня)|"
    r"черв(?:ень|ня)|лип(?:ень|ня)|серп(?:ень|ня)|верес(?:ень|ня)|жовт(?:ень|ня)|"
    r"листопад(?:а)?|груд(?:ень|ня)|январ[ья]|феврал[ья]|марта?|апрел[ья]|ма[йя]|июн[ья]|"
    r"июл[ья]|августа?|сентябр[ья]|октябр[ья]|ноябр[ья]|декабр[ья])"
)
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_DURATION_UNITS = {
    "second": 1 / 86400, "minute": 1 / 1440, "hour": 1 / 24, "day": 1.0, "week": 7.0,
    "month": 30.436875, "year": 365.2425, "decade": 3652.425, "century": 36524.25,
}
_AREA_TO_KM2 = {"km2": 1.0, "mi2": 2.589988110336, "m2": 1e-6, "ha": 0.01, "acre": 0.0040468564224}
_DIST_TO_KM = {"km": 1.0, "mi": 1.609344, "m": 0.001}
_FRACTIONS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5,
    "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7, "eighth": 8,
    "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10,
}
_GROUP_VALUES = {
    "dozens": 12, "scores": 20, "tens": 10, "hundreds": 100, "thousands": 1_000,
    "millions": 1_000_000, "billions": 1_000_000_000,
}
# Words before a number that make it an identifier, not a quantity ("Minsk 2", "Article 5").
_ID_HEADS = frozenset(
    words("""minsk мінськ минск article art resolution no nos number page p pp section chapter
    paragraph clause point item decree law flight route highway level phase stage grade
    version v war covid brigade battalion regiment division unit room building block""")
)
_FUTURE_CUES = re.compile(
    r"\b(?:will|would|shall|plan(?:s|ned)?|expected|expects|scheduled|potential|upcoming|"
    r"next|could|might|may|set\s+to|due\s+to|to\s+be\s+held|intends?|prospective)\b|'ll\b|’ll\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Figure:
    """One figure found in text; see the module docstring for kinds and units."""

    text: str
    start: int
    end: int
    value: float | None
    unit: str | None
    kind: str
    qualifier: str | None = None
    value_max: float | None = None
    si_value: float | None = None
    si_unit: str | None = None
    date: str | None = None

    def to_json_dict(self) -> dict:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "value": self.value,
            "unit": self.unit,
            "kind": self.kind,
            "qualifier": self.qualifier,
            "value_max": self.value_max,
            "si_value": self.si_value,
            "si_unit": self.si_unit,
            "date": self.date,
        }

    def label(self) -> str:
        """Short human-readable form for cue lists: '110 square miles (284.9 km2)'."""
        if self.si_value is not None and self.si_unit and self.si_unit != self.unit and self.kind in ("area", "distance"):
            return f"{self.text} ({self.si_value:.1f} {self.si_unit})"
        if self.kind == "date" and self.date:
            return f"{self.text} ({self.date})"
        return self.text


# --- patterns ---------------------------------------------------------------------------------
# Patterns are matched only where a trigger word starts (a digit, a number word, a month, ...),
# anchored there; words in front of a figure ("more than", "early", "between", "a" of
# "a third") are found by looking back from the anchor.  Scanning every position with
# regexes that start with long optional alternations was two orders of magnitude slower.
I = re.IGNORECASE  # noqa: E741 - short flag name keeps the pattern table readable
_SPACES = re.compile(r"\s+")
_LAST_WORD_REVERSED = re.compile(r"[\s-]*([\w.]+)")  # matched on reversed text
_FOUR_DIGITS = re.compile(r"\d{4}")
_DIGITS = re.compile(r"\d+")
_FRACTION_FOLLOW = re.compile(r"\s+(?:of|the|its|their|his|her|our|all|that|this)\b|\s*(?:[.,;:!?)”\"’]|$)")
_DURATION_CONTEXT = re.compile(r"[\s-]*(?:after|later|earlier|before|ago|long|into|since|old|-long|of\b|and\b|or\b)")
_DISTANCE_WORD = re.compile(r"kilomet|km$|miles?$")
_DURATION_WORD = re.compile(r"(?:second|minute|hour|day|week|month|year|decade)")
_CLOCK = re.compile(r"\s*(?:am|pm|a\.m\.|p\.m\.)\b", re.IGNORECASE)
_NUMBER_PATTERNS = {
    "date_numeric": (10, re.compile(
        rf"(?<![\w/.-])(?:(?P<y1>{_YEAR})-(?P<m1>0[1-9]|1[0-2])-(?P<d1>[0-3]\d)|"
        rf"(?P<m2>0?[1-9]|1[0-2])/(?P<d2>[0-3]?\d)/(?P<y2>\d{{4}}|\d{{2}})|"
        rf"(?P<d3>[0-3]?\d)\.(?P<m3>0?[1-9]|1[0-2])\.(?P<y3>\d{{4}}))(?![\w/])", I)),
    "date_dmy": (10, re.compile(
        rf"(?<![\w,.])(?P<day>{_DAY})\s+(?:of\s+)?(?P<month>{_MONTH})(?!\w)(?:,?\s+(?P<year>{_YEAR})\b)?", I)),
    "date_dmy_cyr": (10, re.compile(
        rf"(?<![\w,.])(?P<day>{_DAY})\s+(?P<month>{_CYR_MONTH})\b(?:\s+(?P<year>{_YEAR})(?:\s*(?:року|р\.|года|г\.))?)?", I)),
    "date_decade": (10, re.compile(r"(?<![\w-])(?P<dec>1[89]\d0|20\d0)['’]?s\b", I)),
    "date_year": (8, re.compile(
        rf"(?:(?<=[Mm]id-)|(?<=[Ee]arly-)|(?<=[Ll]ate-)|(?<![\w\-–./,$€£₴₽#:]))(?P<year>{_YEAR})"
        rf"(?:\s*[-–—]\s*(?P<year2>{_YEAR}|\d{{1,2}})\b)?(?![\w%])(?!,\d)(?!\.\d)", I)),
}
_AMOUNT_PATTERNS = {
    "date_relative_ago": (10, re.compile(rf"(?P<n>{_NUM}|an?)\s+(?P<unit3>days?|weeks?|months?|years?)\s+ago\b", I)),
    "money_suffix": (7, re.compile(
        rf"{_B}(?P<num>{_NUM})\s*(?P<scale>тис\.?|тыс\.?|млн|млрд|bn|mn|mln)?\s*"
        rf"(?P<cur>(?:U\.?S\.?\s+)?dollars?|euros?|pounds?(?:\s+sterling)?|roubles?|rubles?|"
        rf"hryvnias?|hryvnyas?|UAH|USD|EUR|GBP|RUB|руб\w*|грн\.?|гривень|гривн\w*|долар\w*|доллар\w*|євро|евро)(?!\w)", I)),
    "percent_range": (7, re.compile(
        rf"{_B}(?P<num>{DIGIT_NUMBER})\s*%?\s*(?:-|–|—|to|and)\s*(?P<num2>{DIGIT_NUMBER})\s*(?:%|percent\b|per\s+cent\b)", I)),
    "percent": (6, re.compile(
        rf"{_B}(?P<num>{_NUM})(?:\s*(?:%|％)|[\s-]+(?:percent|per\s*cent|pct)\b|"
        rf"\s+(?P<pp>percentage\s+points?|pp\b|p\.p\.)|\s*(?:процент\w*|відсот\w*))"
        rf"(?:\s+(?P<change>{_CHANGE})\b)?", I)),
    "fraction_in": (4, re.compile(
        rf"(?P<a>one|two|three|four|\d{{1,2}})\s+(?:in|out\s+of)\s+(?P<b>two|three|four|five|six|seven|eight|nine|ten|\d{{1,3}})\b"
        rf"(?!\s*(?:%|percent|days?|weeks?|months?|years?))(?:\s+(?:{_PEOPLE})\b)?", I)),
    "area": (6, re.compile(
        rf"{_B}(?P<num>{_NUM})(?P<plus>\+)?[\s-]*(?P<unit>square[\s-]+(?:miles?|kilomet(?:er|re)s?|km|met(?:er|re)s?)|"
        rf"sq\.?\s*(?:mi|km|miles?|kilomet(?:er|re)s?)\b|km²|km2\b|mi²|mi2\b|hectares?\b|ha\b|acres?\b|"
        rf"кв\.?\s*(?:км|кілометр\w*|километр\w*)|квадратн\w+\s+(?:км|кілометр\w*|километр\w*))", I)),
    "distance": (5, re.compile(
        rf"{_B}(?P<num>{_NUM})(?P<plus>\+)?[\s-]*(?P<unit>kilomet(?:er|re)s?\b|kms?\b|miles?\b|mi\b|met(?:er|re)s?\b|км\b|кілометр\w*|километр\w*)", I)),
    "duration": (5, re.compile(
        rf"(?P<num>{_NUM}|an?|several|a\s+few|a\s+couple\s+of|few|many)[\s-]+"
        rf"(?P<unit>seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|yrs?|decades?|centur(?:y|ies))\b"
        rf"(?:[\s-](?P<suffix>long|old))?", I)),
    "range": (5, re.compile(
        rf"{_B}(?P<num>{_NUM})\s*(?P<conn>-|–|—|to|and|or)\s*(?P<num2>{_NUM})(?P<plus>\+)?[\s-]*"
        rf"(?P<unit>seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|square\s+(?:miles?|kilomet(?:er|re)s?)|km²|"
        rf"kilomet(?:er|re)s?|km|miles?|{_PEOPLE})?\b", I)),
    "groups": (3, re.compile(
        r"(?P<grp>(?:hundreds|tens|dozens|scores|thousands|millions|billions)(?:\s+of\s+(?:thousands|millions|billions))?|"
        r"(?P<few>several|a\s+few)\s+(?:hundred|thousand|million|billion|dozen))\b(?=\s+of\b|\s+\w)", I)),
    # The people noun after a count ("5,000 troops") is matched separately: see _people_after.
    "count": (2, re.compile(rf"{_B}(?P<num>{_NUM})(?P<plus>\+)?(?![\w%])(?!\.\d)(?!\.[A-Za-z])(?!:\d)", I)),
}
_MONTH_PATTERNS = {
    "date_mdy": (10, re.compile(
        rf"(?P<month>{_MONTH})\s+(?P<day>{_DAY})\b(?:,?\s+(?P<year>{_YEAR})\b)?(?!\s*(?:%|percent|per\s+cent))", I)),
    "date_my": (10, re.compile(rf"(?P<month>{_MONTH})(?:\s+of)?,?\s+(?P<year>{_YEAR})\b", I)),
    "date_mrange": (11, re.compile(rf"(?P<month>{_MONTH})\s*[-–—]\s*(?P<month2>{_MONTH})\s+(?P<year>{_YEAR})\b", I)),
    "date_month": (9, re.compile(rf"(?P<month>{_MONTH})(?!\w)(?!\s*\d)(?!\s+of\s+\d)", I)),
}
_OTHER_PATTERNS = {
    "date_my_cyr": (10, re.compile(rf"(?P<month>{_CYR_MONTH})\s+(?P<year>{_YEAR})\b", I)),
    "date_season": (10, re.compile(rf"(?P<season>spring|summer|autumn|fall|winter)\s+(?:of\s+)?(?P<year>{_YEAR})\b", I)),
    "date_weekday": (10, re.compile(r"(?P<wd>(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))(?:['’]s)?\b", I)),
    "date_relative": (10, re.compile(
        r"(?:(?P<word>today|yesterday|tomorrow|tonight|the\s+day\s+before\s+yesterday)|"
        r"(?P<rel>this|last|next)\s+(?P<unit>weekend|week|month|year)|"
        r"(?P<rel2>earlier|later)\s+this\s+(?P<unit2>week|month|year)|"
        r"(?P<cyr>сьогодні|сегодня|вчора|вчера|завтра|минулого\s+тижня|на\s+минулому\s+тижні|"
        r"на\s+прошлой\s+неделе|минулого\s+місяця|в\s+прошлом\s+месяце|цього\s+тижня|на\s+этой\s+неделе))\b", I)),
    "window": (6, re.compile(
        rf"(?P<rel>past|last|previous|coming|next|following)\s+(?:(?P<num>{_NUM}|few|several)\s+)?"
        rf"(?P<unit>days?|weeks?|months?|years?|decades?)\b", I)),
    "fraction": (4, re.compile(r"(?P<den>half|halves|thirds?|quarters?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)\b", I)),
    "money_prefix": (7, re.compile(
        rf"(?P<cur>US\$|U\.S\.\s?\$|\$|€|£|₴|₽)\s?(?P<num>{DIGIT_NUMBER})(?:\s*(?P<scale>{_SCALE})\b|\s?(?P<short>bn|mn|mln|tn|[bmk])\b)?", I)),
}
_ALL_PATTERNS = {**_NUMBER_PATTERNS, **_AMOUNT_PATTERNS, **_MONTH_PATTERNS, **_OTHER_PATTERNS}

# Which patterns to try at which trigger.
_NUMBER_WORDS = frozenset(list(UNITS) + list(TENS) + list(SCALES) + ["dozen"])
_MONTH_WORDS = frozenset(
    words(
        "January February March April May June July August September October November December "
        "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec"
    )
)
# Every form the Cyrillic month pattern accepts, so month names are found by a set lookup.
_CYR_MONTH_FORMS = frozenset(
    words("""січень січня лютий лютого березень березня квітень квітня травень травня червень червня
    липень липня серпень серпня вересень вересня жовтень жовтня листопад листопада грудень грудня
    январь января февраль февраля март марта апрель апреля май мая июнь июня июль июля август
    августа сентябрь сентября октябрь октября ноябрь ноября декабрь декабря""")
)
_TRIGGERS: dict[str, tuple[str, ...]] = {
    "digit": tuple(_NUMBER_PATTERNS) + tuple(_AMOUNT_PATTERNS),
    "numword": tuple(_AMOUNT_PATTERNS),
    "a": ("date_relative_ago", "money_suffix", "area", "distance", "duration", "groups", "count"),
    "month": tuple(_MONTH_PATTERNS),
    "cyrmonth": ("date_my_cyr",),
    "season": ("date_season",),
    "weekday": ("date_weekday",),
    "relative": ("date_relative",),
    "window": ("window", "date_relative"),
    "den": ("fraction",),
    "group": ("groups",),
    "vague": ("duration", "groups"),
    "currency": ("money_prefix",),
}
_WORD_TRIGGERS: dict[str, tuple[str, ...]] = {}
for _w in _NUMBER_WORDS:
    _WORD_TRIGGERS[_w] = ("numword",)
for _w in ("spring", "summer", "autumn", "fall", "winter"):
    _WORD_TRIGGERS[_w] = ("season",)
for _w in ("today", "yesterday", "tomorrow", "tonight", "this", "earlier", "later",
           "сьогодні", "сегодня", "вчора", "вчера", "завтра", "минулого", "на", "в", "цього"):
    _WORD_TRIGGERS[_w] = ("relative",)
for _w in ("past", "last", "previous", "coming", "next", "following"):
    _WORD_TRIGGERS[_w] = ("window",)
for _w in _FRACTIONS:
    _WORD_TRIGGERS[_w] = ("den",)
for _w in ("hundreds", "tens", "dozens", "scores", "thousands", "millions", "billions"):
    _WORD_TRIGGERS[_w] = ("group",)
for _w in ("several", "few", "many"):
    _WORD_TRIGGERS[_w] = ("vague",)
for _w in _MONTH_WORDS:
    _WORD_TRIGGERS[_w.lower()] = ("month",)  # only when capitalised, see _triggers
for _w in _WEEKDAYS:
    _WORD_TRIGGERS[_w] = ("weekday",)  # only when capitalised
for _w in _CYR_MONTH_FORMS:
    _WORD_TRIGGERS.setdefault(_w, ("cyrmonth",))
_WORD_KINDS = {w: _TRIGGERS[k[0]] for w, k in _WORD_TRIGGERS.items()}
_CASED_WORDS = frozenset(w for w, k in _WORD_TRIGGERS.items() if k[0] in ("month", "weekday"))
# "a"/"an" starts a figure only before one of these ("a hundred", "a year after", "a third").
_AFTER_A = frozenset(
    list(SCALES) + list(_FRACTIONS) + words("""dozen few couple year years month months week weeks day
    days hour hours decade decades minute minutes""")
)
_A_KINDS = _TRIGGERS["a"]
_WORD_KEYS = frozenset(_WORD_KINDS)
# Scanning helpers: a token is a run of letters and digits (cues.TOKEN_RE); str.isalnum is
# exactly the character class [^\W_] of that pattern.
_TOKEN = re.compile(r"[^\W_]+")
_DIGIT_RUN = re.compile(r"\d+")
_A_THEN_WORD = re.compile(r"a(?<![^\W_]a)n?(?=[\W_]+([^\W_]+))")
_CURRENCY_SIGN = re.compile(r"[$€£₴₽]")
_NUMBER_JOINERS = frozenset(",.\u202f\u2009")



# Look-back: words in front of the anchor that belong to the figure.
_LB_QUAL = re.compile(rf"(?:^|(?<=[\s(\[“\"‘'—–-]))(?P<x>{_QUAL})\s+$", I)
_LB_DATE_MOD = re.compile(
    r"\b(?P<x>early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of)[\s-]+$", I)
_LB_PRE = re.compile(
    r"\b(?P<x>in|since|until|till|by|from|to|through|during|before|after|between|of|or|and|"
    r"about|around|approximately|roughly)\s+$", I)
_LB_MONTH_MOD = re.compile(r"\b(?P<x>early|mid|late|last|next|this)[\s-]+$", I)
_LB_DET = re.compile(r"\b(?P<x>the)\s+$", I)
_LB_REL = re.compile(r"\b(?P<x>last|this|next|on|past)\s+$", I)
_LB_BETWEEN = re.compile(r"\b(?P<x>between|from)\s+$", I)
_LB_NUMER = re.compile(r"\b(?P<x>a|an|one|two|three|four|five|six|seven|eight|nine)[\s-]+$", I)
_QUALIFIED = frozenset(
    {"money_suffix", "money_prefix", "percent", "area", "distance", "duration", "groups", "count", "fraction"}
)


def _lookback(rx: re.Pattern, text: str, pos: int, span: int = 40) -> re.Match | None:
    lo = max(0, pos - span)
    return rx.search(text[lo:pos])


def _last_words(*alternatives: str) -> tuple[str, ...]:
    """The possible last words of a look-back pattern's alternatives (its cheap pre-check)."""
    return tuple(sorted({a.split()[-1].lower() for a in alternatives}))


# Every look-back pattern ends with a word followed by spaces or hyphens; the text before the
# anchor must end with one of these words before the (costly) pattern is searched.
_QUAL_LAST = _last_words(*_QUAL_CANON)
_DATE_MOD_LAST = _last_words("early", "mid", "late", "of")
_PRE_LAST = _last_words(*"""in since until till by from to through during before after between of or and
    about around approximately roughly""".split())
_MONTH_MOD_LAST = _last_words("early", "mid", "late", "last", "next", "this")
_REL_LAST = _last_words("last", "this", "next", "on", "past")
_BETWEEN_LAST = _last_words("between", "from")
_NUMER_LAST = _last_words("a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TAIL_LEN = max(len(w) for w in _QUAL_LAST + _PRE_LAST + _DATE_MOD_LAST) + 1


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


@dataclass(slots=True)
class _Candidate:
    start: int
    end: int
    priority: int
    kind: str
    match: re.Match
    extra: dict


_NUM_TAIL = re.compile(r"\d*(?:[.,\u202f\u2009]\d+)*(?P<sep>[ \t\u00a0-]*)(?P<next>[^\W\d_]+|\S)?")
# What may follow a number, for choosing the patterns worth trying there (a cheap pre-check;
# each set must cover every way the corresponding pattern's unit can start).
_EN_SCALES = frozenset(SCALES)
_SHORT_SCALES = ("тис", "тыс", "млн", "млрд", "bn", "mn", "mln")
_PCT_WORDS = frozenset(("%", "％", "pct", "pp", "p", "per"))
_PCT_STEMS = ("percent", "процент", "відсот")
_AREA_WORDS = frozenset(("sq", "km", "km²", "mi", "mi²", "ha", "кв"))
_AREA_STEMS = ("square", "hectare", "acre", "квадратн")
_DIST_WORDS = frozenset(("km", "kms", "mi", "mile", "miles", "км"))
_DIST_STEMS = ("kilomet", "meter", "metre", "кілометр", "километр")
_DUR_WORDS = frozenset(words("""second seconds minute minutes min mins hour hours hr hrs day days week
    weeks month months year years yr yrs decade decades century centuries"""))
_AGO_WORDS = frozenset(words("day days week weeks month months year years"))
_MONEY_WORDS = frozenset(("u", "us", "uah", "usd", "eur", "gbp", "rub", "євро", "евро", "грн", "гривень"))
_MONEY_STEMS = ("dollar", "euro", "pound", "rouble", "ruble", "hryvni", "hryvny", "руб", "гривн", "долар",
                "доллар")
_CONNECTORS = frozenset(("-", "–", "—", "to", "and", "or"))
_MONTHS_LOWER = frozenset(_MONTHS)
_CYR_MONTH_STEMS = tuple(sorted({p for p, _ in _CYR_MONTHS}))
_PERCENT_THEN_CONNECTOR = re.compile(r"\s*(?:-|–|—|to|and)", re.IGNORECASE)
_NEXT_KINDS_CACHE: dict[str, tuple[str, ...]] = {}


def _next_kinds(nxt: str) -> tuple[str, ...]:
    """Patterns worth trying at a number given the (lower-cased) word that follows it."""
    kinds = _NEXT_KINDS_CACHE.get(nxt)
    if kinds is not None:
        return kinds
    out: list[str] = []
    if nxt in _PCT_WORDS or nxt.startswith(_PCT_STEMS):
        out.append("percent")
    if nxt in _AREA_WORDS or nxt.startswith(_AREA_STEMS):
        out.append("area")
    if nxt in _DIST_WORDS or nxt.startswith(_DIST_STEMS):
        out.append("distance")
    if nxt in _DUR_WORDS:
        out.append("duration")
        if nxt in _AGO_WORDS:
            out.append("date_relative_ago")
    if nxt in _MONEY_WORDS or nxt.startswith(_MONEY_STEMS) or nxt.startswith(_SHORT_SCALES):
        out.append("money_suffix")
    if nxt in ("in", "out"):
        out.append("fraction_in")
    if nxt in _CONNECTORS:
        out += ["range", "percent_range"]
    if nxt in _MONTHS_LOWER or nxt == "of":
        out.append("date_dmy")
    if nxt.startswith(_CYR_MONTH_STEMS):
        out.append("date_dmy_cyr")
    kinds = tuple(out)
    if len(_NEXT_KINDS_CACHE) > 20000:
        _NEXT_KINDS_CACHE.clear()
    _NEXT_KINDS_CACHE[nxt] = kinds
    return kinds


_DAY_KINDS = frozenset(("date_dmy", "date_dmy_cyr"))


def _digit_kinds(text: str, pos: int) -> tuple[str, ...]:
    """The patterns worth trying at a number, judged from what follows it (cheap pre-check)."""
    m = _NUM_TAIL.match(text, pos)
    run_end = m.start("sep")
    c = text[run_end : run_end + 1]
    nxt = m.group("next")
    # "18%" is never a count (but "0000,6%" has the count "0000").
    kinds = [] if c == "%" and text[pos:run_end].isdecimal() else ["count"]
    if c and c in "/-" or text.count(".", pos, run_end) == 2:
        kinds.append("date_numeric")
    n = run_end - pos
    if n == 4 and text[pos:run_end].isdigit():
        kinds.append("date_year")
        if c and c in "s'’":
            kinds.append("date_decade")
    if not nxt:
        return tuple(kinds)
    nxt = nxt.lower()
    sep = m.group("sep")
    if "-" in sep:
        kinds += ["range", "percent_range"]
    if nxt in _EN_SCALES:  # "5 million people": what follows the scale word decides
        after = _AFTER_RUN.match(text, m.end())
        nxt2 = (after.group("next") or "").lower()
        if nxt2 in _EN_SCALES or nxt2 == "+":
            more = tuple(_AMOUNT_PATTERNS)
        else:
            more = ("money_suffix",) + _next_kinds(nxt2)
            if "-" in after.group("sep"):
                more += ("range",)
    else:
        more = _next_kinds(nxt)
        if nxt == "%" and _PERCENT_THEN_CONNECTOR.match(text, m.end()):
            more += ("percent_range",)
    if more:
        if n > 2 or not sep:  # a day of the month is one or two digits and a space: "12 May"
            more = tuple(k for k in more if k not in _DAY_KINDS)
        kinds += more
    return tuple(dict.fromkeys(kinds))


_AFTER_RUN = re.compile(r"(?P<sep>[\s-]*)(?P<next>[^\W\d_]+|\S)?")
_WORD_RUN = re.compile(WORD_NUMBER, re.IGNORECASE)
_NUMWORD_IMPOSSIBLE = frozenset(("percent_range", "groups", "date_dmy", "date_dmy_cyr"))


def _numword_kinds(text: str, pos: int) -> tuple[str, ...]:
    """The patterns worth trying at a number word ("five", "twenty-one", "hundred")."""
    run = _WORD_RUN.match(text, pos)
    if run is None:
        return ("count",)
    m = _AFTER_RUN.match(text, run.end())
    nxt = (m.group("next") or "").lower()
    if nxt == "+":
        return _TRIGGERS["numword"]
    kinds = ["count"]
    # A shorter run inside this one can only be followed by a hyphen ("twenty-five" as 20-5).
    if "-" in m.group("sep") or "-" in run.group(0) or nxt in _CONNECTORS:
        kinds.append("range")
    kinds += (k for k in _next_kinds(nxt) if k not in _NUMWORD_IMPOSSIBLE)
    return tuple(dict.fromkeys(kinds))


_A_WORD_KINDS: dict[str, tuple[str, ...]] = {}
for _w in list(SCALES) + ["dozen"]:
    _A_WORD_KINDS[_w] = ("date_relative_ago", "money_suffix", "area", "distance", "duration", "count")
_A_WORD_KINDS["few"] = ("duration", "groups")
_A_WORD_KINDS["couple"] = ("duration",)
for _w in words("year years month months week weeks day days hour hours decade decades minute minutes"):
    _A_WORD_KINDS[_w] = ("date_relative_ago", "duration")
_A_NEXT = frozenset(_A_WORD_KINDS)


def _month_kinds(text: str, pos: int, end: int) -> tuple[str, ...]:
    """Month patterns worth trying at a capitalised month name ending at ``end``."""
    j = end + 1 if text[end : end + 1] == "." else end
    n = len(text)
    while j < n and text[j].isspace():
        j += 1
    c = text[j : j + 1]
    if not c or c.isalpha() and c not in "oO":
        return ("date_month",)
    if c.isdigit():
        return ("date_mdy", "date_my", "date_month")
    if c in ",oO":
        return ("date_my", "date_month")
    if c in "-–—":
        return ("date_mrange", "date_month")
    return ("date_month",)


def _position(trigger: tuple) -> int:
    return trigger[0]


_KIND_FUNCTIONS = {
    _TRIGGERS["numword"]: lambda text, start, end: _numword_kinds(text, start),
    _TRIGGERS["month"]: _month_kinds,
}


# Bytes that separate tokens: every ASCII character but letters and digits.  Bytes of
# multi-byte UTF-8 characters are kept; the separators among them that news text uses most
# are replaced first (see _word_tokens).
_SEPARATOR_BYTES = bytes(b if b >= 128 or chr(b).isalnum() else 32 for b in range(256))
_WIDE_SEPARATORS = tuple(c.encode() for c in "\u00a0’”“–—…‘«»\u202f\u2009•")
_ASCII_DIGIT_RUN = re.compile(r"[0-9]+")


def _word_tokens(lower: str) -> tuple[set[str], re.Pattern | None]:
    """The distinct tokens of lower-cased text, and the pattern to find its digit runs with
    (None when no token starts with a digit).

    Same tokens as ``TOKEN_RE.findall``, built with bytes.translate and str.split, which cost
    a fraction of a regex pass; text with unusual punctuation falls back to the regex.
    """
    b = lower.encode("utf-8", "surrogatepass")
    if b.isascii():
        tokens = set(b.translate(_SEPARATOR_BYTES).decode("ascii").split())
        # Tokens are [0-9a-z]+ here, and digits sort before letters.
        return tokens, (_ASCII_DIGIT_RUN if tokens and min(tokens) < "a" else None)
    for sep in _WIDE_SEPARATORS:
        if sep in b:
            b = b.replace(sep, b" ")
    chunks = b.translate(_SEPARATOR_BYTES).decode("utf-8", "surrogatepass").split()
    joined = "".join(chunks)
    if joined.isalnum():
        tokens = set(chunks)
    else:
        tokens = set(_TOKEN.findall(lower))
        joined = "".join(tokens)
    return tokens, (None if joined.isalpha() or not joined else _DIGIT_RUN)


def _triggers(text: str) -> list[tuple[int, tuple[str, ...]]]:
    """(position, patterns to try) for every token that can start a figure, in text order.

    The distinct tokens are collected at C speed; only the few that are trigger words are
    then located, so a sentence costs a set intersection rather than a loop over its words.
    """
    found: list[tuple[int, tuple[str, ...]]] = []
    lower = text.lower()
    if len(lower) != len(text):  # a letter whose lower case is longer: compare word by word
        lower = "".join(ch if len(ch) == 1 else ch[0] for ch in (c.lower() for c in text))
    tokens, digit_run = _word_tokens(lower)
    if digit_run is not None:
        for m in digit_run.finditer(text):
            p = m.start()
            if p:
                c = text[p - 1]
                if c.isalnum():
                    continue  # "F16", "x2": not the start of a token
                if c in _NUMBER_JOINERS and p > 1 and text[p - 2].isalnum():
                    continue  # "000" of "10,000", "6" of "0.6"
            found.append((p, _digit_kinds(text, p)))
    present = _WORD_KEYS.intersection(tokens)
    if present:
        n = len(text)
        for w in present:
            kinds = _WORD_KINDS[w]
            kind_of = _KIND_FUNCTIONS.get(kinds)
            cased = w in _CASED_WORDS
            k = len(w)
            i = lower.find(w)
            while i >= 0:
                e = i + k
                if (i == 0 or not text[i - 1].isalnum()) and (e == n or not text[e].isalnum()) and (
                    not cased or text[i].isupper()
                ):
                    found.append((i, kinds if kind_of is None else kind_of(text, i, e)))
                i = lower.find(w, i + 1)
    if ("a" in tokens or "an" in tokens) and not _A_NEXT.isdisjoint(tokens):
        for m in _A_THEN_WORD.finditer(lower):
            kinds = _A_WORD_KINDS.get(m.group(1))
            if kinds:
                found.append((m.start(), kinds))
    if len(found) > 1:
        found.sort(key=_position)
    if "$" in text or "€" in text or "£" in text or "₴" in text or "₽" in text:
        for m in _CURRENCY_SIGN.finditer(text):
            found.append((m.start(), _TRIGGERS["currency"]))
    return found


def _extend(kind: str, text: str, start: int, m: re.Match, tail: str) -> tuple[int, dict]:
    """Look back from an anchored match for the words that belong in front of it.

    ``tail`` is ``_tail_before(text, start)``.
    """
    extra: dict = {}
    if not tail:
        return start, extra  # every look-back needs a space or hyphen in front of the anchor
    if kind == "fraction":
        n = _lookback(_LB_NUMER, text, start, 12) if tail.endswith(_NUMER_LAST) else None
        if n:
            extra["numer"] = n.group("x")
            start = start - (len(n.group(0)))
            extra["numer_start"] = start
            tail = _tail_before(text, start)
    elif kind in ("date_my", "date_season", "date_year"):
        d = _lookback(_LB_DATE_MOD, text, start, 24) if tail.endswith(_DATE_MOD_LAST) else None
        if d:
            extra["mod"] = d.group("x")
            start -= len(d.group(0))
            tail = _tail_before(text, start)
    elif kind == "date_month":
        d = _lookback(_LB_MONTH_MOD, text, start, 12) if tail.endswith(_MONTH_MOD_LAST) else None
        if d:
            extra["mod"] = d.group("x")
            start -= len(d.group(0))
            extra["mod_start"] = start
            tail = _tail_before(text, start)
        p = _lookback(_LB_PRE, text, start, 14) if tail.endswith(_PRE_LAST) else None
        if p:
            extra["pre"] = p.group("x")
        if "mod" not in extra:
            d2 = _lookback(_LB_DATE_MOD, text, m.start(), 24) if tail.endswith(_DATE_MOD_LAST) else None
            if d2:
                extra["pre"] = "of"
                extra["mod"] = d2.group("x")
                start = m.start() - len(d2.group(0))
                extra["mod_start"] = start
    elif kind == "window":
        d = _lookback(_LB_DET, text, start, 6) if tail.endswith("the") else None
        if d:
            extra["det"] = d.group("x")
            start -= len(d.group(0))
            tail = _tail_before(text, start)
    elif kind == "date_weekday":
        r = _lookback(_LB_REL, text, start, 8) if tail.endswith(_REL_LAST) else None
        if r:
            extra["rel"] = r.group("x")
            if r.group("x").lower() != "on":
                start -= len(r.group(0))
                tail = _tail_before(text, start)
    elif kind in ("range", "percent_range"):
        b = _lookback(_LB_BETWEEN, text, start, 10) if tail.endswith(_BETWEEN_LAST) else None
        if b:
            extra["between"] = b.group("x")
            start -= len(b.group(0))
            tail = _tail_before(text, start)
    if kind in _QUALIFIED and tail.endswith(_QUAL_LAST):
        q = _lookback(_LB_QUAL, text, start, 30)
        if q:
            extra["qual"] = q.group("x")
            start -= len(q.group(0))
    return start, extra


class _Anchors:
    """Years of timeline entries, found only when a date needs them."""

    __slots__ = ("text", "_years")

    def __init__(self, text: str):
        self.text = text
        self._years: dict[int, int] | None = None

    def year_at(self, pos: int) -> int | None:
        if self._years is None:
            self._years = _timeline_years(self.text)
        if not self._years:
            return None
        return self._years.get(self.text.rfind("\n", 0, pos) + 1)


def parse_figures(
    text: str, *, published: date | None = None, offset: int = 0, tokens: Tokens | None = None
) -> list[Figure]:
    """All figures in ``text``, in order; offsets are ``offset`` + position in ``text``.

    Relative dates ("last month", "on Tuesday") and dates without a year resolve against
    ``published``; inside a timeline entry ("Feb. 12, 2015: ... on Feb. 15") the entry's year
    is used instead.  Without either, such figures keep ``date=None``.  ``tokens`` (the
    word tokens of ``text``) may be passed by callers that already have them.
    """
    if not text:
        return []
    candidates: list[tuple] = []
    patterns = _ALL_PATTERNS
    for pos, kinds in _triggers(text):
        tail = None
        for kind in kinds:
            priority, pattern = patterns[kind]
            m = pattern.match(text, pos)
            if m is None:
                continue
            end = m.end()
            if end == pos:
                continue
            if tail is None:
                tail = _tail_before(text, pos)
            start, extra = _extend(kind, text, pos, m, tail)
            if kind == "count":
                noun = _people_after(text, end)
                if noun is not None:
                    extra["noun"] = noun.group("noun")
                    end = noun.end()
            # Longest match wins; on equal length the more specific kind, then the earlier.
            candidates.append((start - end, -priority, start, len(candidates), kind, m, extra))
    if not candidates:
        return []
    candidates.sort()
    taken = bytearray(len(text) + 1)  # 1 where a chosen figure already sits
    chosen: list[Figure] = []
    anchors = _Anchors(text)
    for neg_len, neg_priority, start, _, kind, m, extra in candidates:
        end = start - neg_len
        if taken.find(1, start, end) >= 0:
            continue
        fig = _build(_Candidate(start, end, -neg_priority, kind, m, extra), text, published, anchors, offset)
        if fig is None:
            continue
        s, e = fig.start - offset, fig.end - offset
        taken[s:e] = b"\x01" * (e - s)
        chosen.append(fig)
    chosen.sort(key=_start_of)
    return chosen


def _start_of(f: Figure) -> int:
    return f.start


# --- building figures -------------------------------------------------------------------------

def _canon_qual(q: str | None) -> str | None:
    if not q:
        return None
    return _QUAL_CANON.get(_SPACES.sub(" ", q.lower()), q.lower())


def _num(s: str | None) -> float | None:
    if s is None:
        return None
    return parse_number(s)


def _sig(x: float, digits: int = 6) -> float:
    """Round to significant digits, so 5 m² stays 5e-06 km² instead of 0.0."""
    return float(f"{x:.{digits}g}")


_new_object = object.__new__
_set_attribute = object.__setattr__


def _fig(text: str, s: int, e: int, offset: int, *, value: float | None, unit: str | None, kind: str,
         qualifier: str | None = None, value_max: float | None = None, si_value: float | None = None,
         si_unit: str | None = None, date: str | None = None) -> Figure:
    # Same as Figure(...), without the frozen dataclass's eleven guarded attribute writes (a
    # third of the cost of a typical figure).
    f = _new_object(Figure)
    _set_attribute(f, "__dict__", {
        "text": text[s:e], "start": s + offset, "end": e + offset, "value": value, "unit": unit,
        "kind": kind, "qualifier": qualifier, "value_max": value_max, "si_value": si_value,
        "si_unit": si_unit, "date": date,
    })
    return f


def _duration_unit(u: str) -> str:
    u = u.lower()
    if u.startswith(("sec",)):
        return "second"
    if u.startswith(("min",)):
        return "minute"
    if u.startswith(("hour", "hr")):
        return "hour"
    if u.startswith("day"):
        return "day"
    if u.startswith("week"):
        return "week"
    if u.startswith("month"):
        return "month"
    if u.startswith(("year", "yr")):
        return "year"
    if u.startswith("decade"):
        return "decade"
    return "century"


def _area_unit(u: str) -> str:
    u = u.lower()
    if "kilomet" in u or "km" in u or "кілометр" in u or "километр" in u or u.startswith("кв"):
        return "km2"
    if "mi" in u:
        return "mi2"
    if u.startswith("hectare") or u == "ha" or u == "га":
        return "ha"
    if u.startswith("acre"):
        return "acre"
    if "met" in u:
        return "m2"
    return "km2"


def _distance_unit(u: str) -> str:
    u = u.lower()
    if u.startswith("mi"):
        return "mi"
    if u.startswith("met"):
        return "m"
    return "km"


def _currency(c: str) -> str:
    c = c.lower().replace(" ", "")
    if "$" in c or "dollar" in c or c == "usd" or "долар" in c or "доллар" in c:
        return "usd"
    if "€" in c or "euro" in c or c == "eur" or "євро" in c or "евро" in c:
        return "eur"
    if "£" in c or "pound" in c or c == "gbp":
        return "gbp"
    if "₽" in c or "rub" in c or "roub" in c or "руб" in c:
        return "rub"
    return "uah"


def _preceding_word(text: str, pos: int) -> str:
    """The word before ``pos`` (letters, digits and dots), lower-cased, without a final dot."""
    m = _LAST_WORD_REVERSED.match(text[max(0, pos - 30) : pos][::-1])
    return m.group(1)[::-1].lower().rstrip(".") if m else ""


def _is_year_like(v: float | None, raw: str) -> bool:
    return v is not None and v == int(v) and 1800 <= v <= 2099 and _FOUR_DIGITS.fullmatch(raw.strip()) is not None


def _build(c: _Candidate, text: str, published: date | None, anchors, offset: int) -> Figure | None:
    m = c.match
    kind = c.kind
    s, e = c.start, c.end
    g = {**m.groupdict(), **c.extra}
    qual = _canon_qual(g.get("qual"))
    if g.get("plus"):
        qual = qual or "more than"

    if kind == "percent":
        v = _num(g["num"])
        if v is None or (g["num"].lower() == "one" and not qual and "%" not in m.group(0)):
            return None
        unit = "pp" if g.get("pp") else "percent"
        if g.get("change"):
            qual = qual or g["change"].lower()
        return _fig(text, s, e, offset, value=v, unit=unit, kind="percent", qualifier=qual,
                    si_value=v, si_unit=unit)

    if kind == "percent_range":
        lo, hi = _num(g["num"]), _num(g["num2"])
        if lo is None or hi is None or hi <= lo:
            return None
        return _fig(text, s, e, offset, value=lo, value_max=hi, unit="percent", kind="range",
                    si_value=lo, si_unit="percent")

    if kind == "fraction":
        return _build_fraction(m, g, text, s, e, offset, qual)

    if kind == "fraction_in":
        a, b = _num(g["a"]), _num(g["b"])
        if a is None or b is None or not (0 < a < b <= 100):
            return None
        v = round(100 * a / b, 2)
        return _fig(text, s, e, offset, value=v, unit="percent", kind="fraction",
                    si_value=v, si_unit="percent")

    if kind == "area":
        v = _num(g["num"])
        if v is None:
            return None
        unit = _area_unit(g["unit"])
        return _fig(text, s, e, offset, value=v, unit=unit, kind="area", qualifier=qual,
                    si_value=_sig(v * _AREA_TO_KM2[unit]), si_unit="km2")

    if kind == "distance":
        v = _num(g["num"])
        if v is None or (g["num"].lower() == "one" and not qual):
            return None
        unit = _distance_unit(g["unit"])
        return _fig(text, s, e, offset, value=v, unit=unit, kind="distance", qualifier=qual,
                    si_value=_sig(v * _DIST_TO_KM[unit]), si_unit="km")

    if kind in ("money_prefix", "money_suffix"):
        v = _num(g["num"])
        if v is None:
            return None
        scale = (g.get("scale") or "").lower().rstrip(".")
        if scale in SCALES:
            v *= SCALES[scale]
        elif scale in ("тис", "тыс"):
            v *= 1e3
        elif scale in ("млн", "mn", "mln", "m"):
            v *= 1e6
        elif scale in ("млрд", "bn", "b"):
            v *= 1e9
        short = (g.get("short") or "").lower()
        if short:
            v *= {"bn": 1e9, "b": 1e9, "mn": 1e6, "mln": 1e6, "m": 1e6, "k": 1e3, "tn": 1e12}[short]
        cur = _currency(g["cur"])
        return _fig(text, s, e, offset, value=v, unit=cur, kind="money", qualifier=qual,
                    si_value=v, si_unit=cur)

    if kind == "window":
        rel = g["rel"].lower()
        if not g.get("det") and not g.get("num") and rel in ("last", "next"):
            return None  # "last month" is a relative date
        n = g.get("num")
        if n and n.lower() in ("few", "several"):
            v, q = None, n.lower()
        else:
            v, q = (_num(n) if n else 1.0), None
        if n and v is None and q is None:
            return None
        unit = _duration_unit(g["unit"])
        return _fig(text, s, e, offset, value=v, unit=unit, kind="duration", qualifier=q,
                    si_value=None if v is None else _sig(v * _DURATION_UNITS[unit]), si_unit="day")

    if kind == "duration":
        return _build_duration(m, g, text, s, e, offset, qual)

    if kind == "range":
        return _build_range(m, g, text, s, e, offset)

    if kind == "groups":
        grp = g["grp"].lower()
        words = grp.split()
        if g.get("few"):
            base = SCALES.get(words[-1], 12 if words[-1] == "dozen" else 1)
            v, q = float(base), "several" if words[0] == "several" else "a few"
        else:
            v = float(_GROUP_VALUES[words[0]])
            if len(words) == 3:
                v *= _GROUP_VALUES[words[2]]
            q = f"{words[0]} of"
        unit = "people" if _PEOPLE_RE.search(" ".join(text[e : e + 60].split()[:5])) else None
        return _fig(text, s, e, offset, value=v, unit=unit, kind="count", qualifier=qual or q,
                    si_value=v, si_unit=unit)

    if kind == "count":
        return _build_count(m, g, text, s, e, offset, qual)

    return _build_date(c, g, text, published, anchors, offset)


def _build_fraction(m, g, text, s, e, offset, qual) -> Figure | None:
    den_word = g["den"].lower()
    numer_word = (g.get("numer") or "").lower()
    den = _FRACTIONS[den_word]
    after = text[e : e + 12]
    followed_ok = _FRACTION_FOLLOW.match(after) is not None
    before = _preceding_word(text, g["numer_start"] if numer_word else m.start("den"))
    if before == "and" and not qual:
        return None  # "one and a half"
    if den == 2:
        if not qual and before in ("first", "second", "latter", "former", "in"):
            return None  # "the second half of 2023", "cut in half"
        if not (qual or followed_ok):
            return None
    else:
        if not numer_word or not followed_ok:
            return None
        if numer_word in ("a", "an", "one") and den_word.endswith("s"):
            return None
    numer = 1.0 if numer_word in ("", "a", "an", "one") else parse_words(numer_word)
    if numer is None or numer >= den:
        return None
    v = round(100 * numer / den, 2)
    return _fig(text, s, e, offset, value=v, unit="percent", kind="fraction", qualifier=qual,
                si_value=v, si_unit="percent")


def _build_duration(m, g, text, s, e, offset, qual) -> Figure | None:
    n = g["num"].lower()
    n = _SPACES.sub(" ", n)
    unit = _duration_unit(g["unit"])
    after = text[e : e + 20].lower()
    context_ok = _DURATION_CONTEXT.match(after) is not None
    q = qual
    if n in ("a", "an", "one"):
        if not (qual or context_ok or g.get("suffix")):
            return None
        v = 1.0
    elif n in ("several", "a few", "few", "many", "a couple of"):
        if n == "a couple of":
            v, q = 2.0, q or "about"
        else:
            v, q = None, q or ("a few" if "few" in n else n)
    else:
        v = _num(g["num"])
        if v is None:
            return None
        if _is_year_like(v, g["num"]) and unit in ("year",) and not qual:
            return None
    return _fig(text, s, e, offset, value=v, unit=unit, kind="duration", qualifier=q,
                si_value=None if v is None else _sig(v * _DURATION_UNITS[unit]), si_unit="day")


def _build_range(m, g, text, s, e, offset) -> Figure | None:
    lo, hi = _num(g["num"]), _num(g["num2"])
    if lo is None or hi is None or hi <= lo:
        return None
    conn = g["conn"].lower()
    unit_word = g.get("unit")
    if conn == "and" and not g.get("between"):
        return None
    if conn == "or" and not unit_word:
        return None
    if _is_year_like(lo, g["num"]) or (_is_year_like(hi, g["num2"]) and not unit_word):
        return None
    if not unit_word and not g.get("between"):
        return None
    if not unit_word:
        e = m.end("num2")
        unit, si_unit, factor = None, None, 1.0
    else:
        uw = unit_word.lower()
        if uw.startswith("square") or uw == "km²":
            unit = _area_unit(uw if uw != "km²" else "km2")
            si_unit, factor = "km2", _AREA_TO_KM2[unit]
        elif _DISTANCE_WORD.match(uw):
            unit = _distance_unit(uw)
            si_unit, factor = "km", _DIST_TO_KM[unit]
        elif _DURATION_WORD.match(uw):
            unit = _duration_unit(uw)
            si_unit, factor = "day", _DURATION_UNITS[unit]
        else:
            unit, si_unit, factor = "people", "people", 1.0
    return _fig(text, s, e, offset, value=lo, value_max=hi, unit=unit, kind="range",
                si_value=_sig(lo * factor), si_unit=si_unit)


def _build_count(m, g, text, s, e, offset, qual) -> Figure | None:
    raw = g["num"]
    v = _num(raw)
    if v is None:
        return None
    noun = g.get("noun")
    low = raw.lower().strip()
    if low in ("one", "zero") and not noun:
        return None
    if _is_year_like(v, raw) and not noun:
        return None  # a year: the date patterns own it
    if _preceding_word(text, m.start("num")) in _ID_HEADS:
        return None
    after = text[e : e + 2]
    if after.startswith(")") and v <= 20 and "(" not in text[max(0, s - 1) : s]:
        return None  # inline enumerator "1) ..."
    if _CLOCK.match(text, e):
        return None
    unit = "people" if noun or _PEOPLE_RE.match(text[e : e + 40].lstrip()) else None
    if not noun and unit is None:
        # "Dozens of ethnic Russian protesters": a people word within the next few words.
        window = " ".join(text[e : e + 50].split()[:4])
        if window.startswith("of ") and _PEOPLE_RE.search(window):
            unit = "people"
    return _fig(text, s, e, offset, value=v, unit=unit, kind="count", qualifier=qual,
                si_value=v, si_unit=unit)


# --- dates --------------------------------------------------------------------------------------

def _month_number(word: str) -> int | None:
    w = word.lower().rstrip(".")
    if w in _MONTHS:
        return _MONTHS[w]
    for prefix, n in _CYR_MONTHS:
        if w.startswith(prefix):
            return n
    return None


_SHARED_YEAR = re.compile(rf"\s+(?:or|and|to|through|until)\s+{_MONTH}(?:\s+of)?,?\s+(?P<y>{_YEAR})\b", I)
_TIMELINE_ENTRY = re.compile(
    rf"(?m)^[ \t\u00a0]*(?:[-•*]\s+)?(?:[A-Z][a-z]{{2,8}}\.?\s+(?:\d{{1,2}},?\s+)?)?(?:[A-Z][a-z]+\s+)?(?P<y>{_YEAR})\s*[:–—-]"
)


def _timeline_years(text: str) -> dict[int, int]:
    """Year of each timeline entry ("Feb. 12, 2015: ..."), keyed by the line's start offset."""
    years: dict[int, int] = {}
    for m in _TIMELINE_ENTRY.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        years[line_start] = int(m.group("y"))
    return years


def _anchor_year(text: str, pos: int, anchors: _Anchors) -> int | None:
    return anchors.year_at(pos)


def _future_context(text: str, s: int, e: int) -> bool:
    left = max(text.rfind(". ", 0, s), text.rfind("\n", 0, s), s - 200)
    right_candidates = [i for i in (text.find(". ", e), text.find("\n", e)) if i >= 0]
    right = min(right_candidates + [e + 200])
    # The figure itself is not a cue ("In May" is not the modal "may").
    return _FUTURE_CUES.search(text, left + 1, s) is not None or _FUTURE_CUES.search(text, e, right) is not None


def _year_for(month: int, day: int | None, published: date | None, anchor: int | None,
              future: bool) -> int | None:
    if anchor is not None:
        return anchor
    if published is None:
        return None
    y = published.year
    d = day or 1
    try:
        candidate = date(y, month, min(d, 28) if day is None else d)
    except ValueError:
        return None
    if future:
        # Next occurrence on or after (roughly) the article date.
        if candidate < published - timedelta(days=31 if day is None else 7):
            return y + 1
        return y
    # Past bias: news mostly reports what happened; a week of slack for announced events.
    if day is None:
        return y if month <= published.month or future else y - 1
    return y if candidate <= published + timedelta(days=7) else y - 1


def _build_date(c: _Candidate, g: dict, text: str, published: date | None, anchors, offset: int) -> Figure | None:
    m = c.match
    kind = c.kind
    s, e = c.start, c.end

    def date_fig(iso: str | None, qualifier: str | None = None, start: int = s, end: int = e) -> Figure:
        return _fig(text, start, end, offset, value=None, unit="date", kind="date",
                    qualifier=qualifier, date=iso)

    if kind == "date_numeric":
        if g.get("y1"):
            y, mo, d = int(g["y1"]), int(g["m1"]), int(g["d1"])
        elif g.get("y2"):
            y, mo, d = int(g["y2"]), int(g["m2"]), int(g["d2"])
            if y < 100:
                y += 2000 if y < 50 else 1900
        else:
            y, mo, d = int(g["y3"]), int(g["m3"]), int(g["d3"])
        try:
            return date_fig(date(y, mo, d).isoformat())
        except ValueError:
            return None

    if kind in ("date_mdy", "date_dmy", "date_dmy_cyr"):
        mo = _month_number(g["month"])
        day = int(_DIGITS.match(g["day"]).group(0))
        if mo is None:
            return None
        if g.get("year"):
            y = int(g["year"])
        else:
            y = _year_for(mo, day, published, _anchor_year(text, s, anchors), _future_context(text, s, e))
        if y is None:
            return date_fig(None)
        try:
            return date_fig(date(y, mo, day).isoformat())
        except ValueError:
            return None

    if kind in ("date_my", "date_my_cyr"):
        mo = _month_number(g["month"])
        if mo is None:
            return None
        mod = g.get("mod")
        q = _date_mod(mod)
        return date_fig(f"{int(g['year']):04d}-{mo:02d}", q)

    if kind == "date_mrange":
        mo = _month_number(g["month"])
        return date_fig(f"{int(g['year']):04d}-{mo:02d}", "range") if mo else None

    if kind == "date_month":
        pre, mod = g.get("pre"), g.get("mod")
        if not pre and not mod:
            return None
        mo = _month_number(g["month"])
        if mo is None:
            return None
        start = g["mod_start"] if mod else m.start("month")
        q = _date_mod(mod)
        modword = (mod or "").strip(" -").lower()
        if modword in ("last", "next", "this") and published is not None:
            y = published.year
            if modword == "last" and mo >= published.month:
                y -= 1
            elif modword == "next" and mo <= published.month:
                y += 1
        else:
            shared = _SHARED_YEAR.match(text, e)  # "February or March of 2023"
            if shared:
                y = int(shared.group("y"))
            else:
                y = _year_for(mo, None, published, _anchor_year(text, s, anchors), _future_context(text, s, e))
        return date_fig(f"{y:04d}-{mo:02d}" if y else None, q if modword not in ("last", "next", "this") else None, start=start)

    if kind == "date_season":
        return date_fig(g["year"], g["season"].lower())

    if kind == "date_decade":
        return date_fig(g["dec"], "decade")

    if kind == "date_year":
        y2 = g.get("year2")
        q = _date_mod(g.get("mod"))
        if y2:
            y1 = int(g["year"])
            y2v = int(y2) if len(y2) == 4 else (y1 // 100) * 100 + int(y2) if len(y2) == 2 else (y1 // 10) * 10 + int(y2)
            if y2v <= y1:
                e = m.end("year")
                return date_fig(g["year"], q, end=e)
            return date_fig(g["year"], "range")
        return date_fig(g["year"], q)

    if kind == "date_weekday":
        rel = (g.get("rel") or "").lower()
        start = m.start("wd") if rel in ("", "on") else s
        end = m.end("wd")
        if published is None:
            return date_fig(None, start=start, end=end)
        target = _WEEKDAYS.index(g["wd"].lower())
        delta = (published.weekday() - target) % 7
        if rel == "next":
            d = published + timedelta(days=(target - published.weekday()) % 7 or 7)
        elif rel == "this":
            d = published - timedelta(days=published.weekday()) + timedelta(days=target)
        elif rel in ("last", "past"):
            d = published - timedelta(days=delta or 7)
        else:
            d = published - timedelta(days=delta)
        return date_fig(d.isoformat(), start=start, end=end)

    if kind in ("date_relative", "date_relative_ago"):
        return date_fig(_resolve_relative(g, published))

    return None


def _date_mod(mod: str | None) -> str | None:
    if not mod:
        return None
    w = mod.strip(" -").lower()
    if w.startswith("the end"):
        return "late"
    if w.startswith(("the beginning", "the start")):
        return "early"
    if w.startswith("the middle"):
        return "mid"
    return w if w in ("early", "mid", "late") else None


def _month_shift(d: date, months: int) -> tuple[int, int]:
    idx = d.year * 12 + (d.month - 1) + months
    return idx // 12, idx % 12 + 1


def _resolve_relative(g: dict, published: date | None) -> str | None:
    if published is None:
        return None
    word = (g.get("word") or g.get("cyr") or "").lower()
    word = _SPACES.sub(" ", word)
    if word:
        if word in ("today", "tonight", "сьогодні", "сегодня"):
            return published.isoformat()
        if word in ("yesterday", "вчора", "вчера"):
            return (published - timedelta(days=1)).isoformat()
        if word == "the day before yesterday":
            return (published - timedelta(days=2)).isoformat()
        if word in ("tomorrow", "завтра"):
            return (published + timedelta(days=1)).isoformat()
        if "тиж" in word or "недел" in word:
            rel = "this" if ("цього" in word or "этой" in word) else "last"
            unit = "week"
        else:
            rel, unit = "last", "month"
    elif g.get("rel"):
        rel, unit = g["rel"].lower(), g["unit"].lower()
    elif g.get("rel2"):
        rel, unit = "this", g["unit2"].lower()
    else:
        n = g["n"].lower()
        k = 1.0 if n in ("a", "an") else parse_number(n)
        if k is None:
            return None
        u = _duration_unit(g["unit3"])
        k = int(k)
        if u == "day":
            return (published - timedelta(days=k)).isoformat()
        if u == "week":
            return (published - timedelta(weeks=k)).isoformat()
        if u == "month":
            y, mo = _month_shift(published, -k)
            return f"{y:04d}-{mo:02d}"
        return f"{published.year - k:04d}"
    shift = {"this": 0, "last": -1, "next": 1}[rel]
    if unit in ("week", "weekend"):
        monday = published - timedelta(days=published.weekday()) + timedelta(weeks=shift)
        return (monday + timedelta(days=5 if unit == "weekend" else 0)).isoformat()
    if unit == "month":
        y, mo = _month_shift(published, shift)
        return f"{y:04d}-{mo:02d}"
    return f"{published.year + shift:04d}"

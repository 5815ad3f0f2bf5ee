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
"March-April 2022", or 'early'/'mid'/'late' for dates.  Ukrainian and Russian qualifiers map to
the same ("близько"/"около" -> 'about', "понад"/"більше ніж"/"более" -> 'more than', "майже" ->
'nearly', "менше ніж"/"менее" -> 'less than').

Numbers
-------
Digits take thousands separators (comma; thin, narrow or no-break space; a plain space before
a percent sign or a Cyrillic word: "10 000 осіб") and a decimal point, or a decimal comma in
Ukrainian/Russian style ("0,6 %", "18,5 відсотка").  Words and digits take a half or a quarter
("one and a half percent", "two and a half million", "1 1/2", "1½"; "a percent and a half",
"a year and a half") and a scale ("5 million", "5 тис.", "2,5 млн", "1 млрд").

A fraction of a quantity multiplies it: "six tenths of one percent" is 0.6 percent, "half a
million people" 500,000 people, "half an hour" 0.5 hour, "half of 1 percent" 0.5 percent; a
fraction of a group ("half of 10,000 troops") stays a fraction and a count.  Ukrainian and
Russian fractions are fractions: "п'ята частина"/"пятая часть" 20, "чверть"/"четверть" 25,
"половина" 50, "третина"/"треть" 33.33, "дві третини" 66.67.

Speed: a figure can only start at a digit, a currency sign or one of a few hundred words, so
those are found first (with str/bytes operations, not a regex pass over every token) and only
the patterns that what follows makes possible are tried there (see _triggers).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from operator import attrgetter, itemgetter
from typing import NamedTuple

from .cues import Tokens
from .lexicon import words
from .numbers import (
    DIGIT_NUMBER,
    FRACTION_TAIL,
    NUMBER,
    SCALES,
    TENS,
    UNITS,
    WORD_NUMBER,
    parse_number,
    parse_words,
)


class _Source(NamedTuple):
    """A pattern's source, compiled once it is known how it will be used (see _PATTERN_TABLE):
    compiling every pattern twice, as written and lower-cased, made importing slow."""

    pattern: str
    flags: int = 0


CANONICAL_QUALIFIERS = {
    "more than": ("more than", "over", "above", "in excess of", "upwards of", "just over",
                  "well over", "более", "более чем", "больше", "больше чем", "свыше", "понад",
                  "більше", "більше ніж", "більш ніж", "більш як", "більше за"),
    "at least": ("at least", "no less than", "no fewer than", "not less than", "щонайменше",
                 "не менее", "не менше", "не менше ніж", "не менш ніж", "как минимум", "принаймні"),
    "nearly": ("almost", "nearly", "close to", "just under", "почти", "майже", "практически",
               "практично"),
    "about": ("about", "around", "approximately", "roughly", "some", "an estimated",
              "estimated", "approx.", "~", "≈", "около", "примерно", "приблизительно", "порядка",
              "близько", "приблизно", "орієнтовно"),
    "up to": ("up to", "as many as", "as much as", "at most", "no more than"),
    "less than": ("less than", "fewer than", "under", "below", "менее", "менее чем", "меньше",
                  "меньше чем", "менше", "менше ніж", "менш ніж", "менше за"),
}
_QUAL_CANON = {v: k for k, vs in CANONICAL_QUALIFIERS.items() for v in vs}
_QUAL = "|".join(
    re.escape(q).replace(r"\ ", r"\s+") for q in sorted(_QUAL_CANON, key=len, reverse=True)
)
_CHANGE = r"drop|decline|fall|decrease|increase|rise|jump|gain|growth|reduction|cut|surge|plunge|hike|slump|contraction|loss"
_SCALE = "|".join(SCALES)
# A number: digits or number words, with an optional half ("two and a half") and scale word
# ("5 million", "2,5 млн"); see numbers.NUMBER.
_NUM = NUMBER
# No letter, hyphen, slash, currency sign or digit separator right before a number: keeps
# "Su-25", "F-16", "COVID-19", "G7", URLs and times out.
_B = r"(?<![\w\-–./,$€£₴₽#:])"
_QUALP = rf"(?:(?P<qual>{_QUAL})\s+)?"
# "a percent and a half", "a year and a half"
_AND_A_HALF = r"and\s+(?:a|one)\s+half\b"
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
_PEOPLE_AFTER = _Source(rf"\s+(?P<noun>{_PEOPLE})\b", re.IGNORECASE)  # compiled lower-cased below
_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)")
# The first three letters of every people noun: a set lookup before the long alternation.
_PEOPLE_HEADS = frozenset(alt[:3].casefold() for alt in _PEOPLE.split("|"))
assert all(alt[:3].isalpha() for alt in _PEOPLE.split("|"))


def _people_after(text: str, pos: int) -> re.Match | None:
    """A people noun right after a count ("5,000 troops") in lower-cased text, as the count
    pattern's optional tail."""
    w = _NEXT_WORD.match(text, pos)
    if w is None:
        return None
    if w.group(1)[:3].casefold() not in _PEOPLE_HEADS:
        return None
    return _PEOPLE_AFTER_LOWER.match(text, pos)

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
    r"июл[ья]|августа?|сентябр[ья]|октябр[ья]|ноябр[ья]|декабр[ья]|"
    # "у грудні 2024 року", "в декабре 2024 года": the month in the locative
    r"січні|лютому|березні|квітні|травні|червні|липні|серпні|вересні|жовтні|листопаді|грудні|"
    r"январе|феврале|марте|апреле|мае|июне|июле|августе|сентябре|октябре|ноябре|декабре)"
)
_YEAR = r"(?:1[89]\d\d|20\d\d)"
# Days, weeks and months in Ukrainian and Russian, as nouns and as the adjectives of
# "30-денне перемир'я" / "30-дневное перемирие" (years are left out: "2024 року" is a date).
_CYR_DURATION = r"(?:денн\w*|дневн\w*|днів|дней|дні|дня|тижн\w*|тиждень|недел\w*|місяц\w*|месяц\w*)"
_CYR_DURATION_STEMS = ("денн", "дневн", "днів", "дней", "дні", "дня", "тижн", "тиждень", "недел", "місяц",
                       "месяц")
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
# Ukrainian and Russian fractions: ordinal stem -> denominator ("п'ята частина": a fifth).
_CYR_ORDINALS = {
    "трет": 3, "четверт": 4, "четвёрт": 4, "пят": 5, "шест": 6, "седьм": 7, "восьм": 8, "девят": 9,
    "десят": 10, "п'ят": 5, "шост": 6, "сьом": 7, "дев'ят": 9,
}
_CYR_ORDINAL_STEMS = "|".join(
    re.escape(s).replace("'", "['’ʼ]") for s in sorted(_CYR_ORDINALS, key=len, reverse=True)
)
_CYR_ORDINAL_ENDINGS = "ая|ой|ую|ей|ья|ьей|ью|ьи|ої|ьої|а|у|ій|я"
_CYR_NUMERATORS = {"одна": 1, "одну": 1, "одной": 1, "однієї": 1, "две": 2, "дві": 2, "три": 3,
                   "четыре": 4, "чотири": 4}
# Words after "половина"/"треть"/"чверть" that make it a span of time, not a share.
_CYR_TIME_AFTER = re.compile(
    r"\s+(?:\d|[xvi]+\b|года|году|год|року|рік|роки|дня|доби|века|столетия|столітт|месяц|місяц|"
    r"недел|тижн|часа|години|ночі|ночи|ХХ)", re.IGNORECASE)
_CYR_ORDINAL_BEFORE = ("перв", "втор", "перш", "друг", "последн", "остан", "другой", "другая")
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
_FUTURE_CUES = _Source(
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
_FRACTION_FOLLOW = re.compile(r"\s+(?:of|the|its|their|his|her|our|all|that|this)\b|\s*(?:[.,;:!?)”\"’]|$)")
_DURATION_CONTEXT = re.compile(r"[\s-]*(?:after|later|earlier|before|ago|long|into|since|old|-long|of\b|and\b|or\b)")
_DISTANCE_WORD = re.compile(r"kilomet|km$|miles?$")
_DURATION_WORD = re.compile(r"(?:second|minute|hour|day|week|month|year|decade)")
_CLOCK = re.compile(r"\s*(?:am|pm|a\.m\.|p\.m\.)\b", re.IGNORECASE)
_CLOCK_START = frozenset("aApP")
_NUMBER_PATTERNS = {
    "date_numeric": (10, _Source(
        rf"(?<![\w/.-])(?:(?P<y1>{_YEAR})-(?P<m1>0[1-9]|1[0-2])-(?P<d1>[0-3]\d)|"
        rf"(?P<m2>0?[1-9]|1[0-2])/(?P<d2>[0-3]?\d)/(?P<y2>\d{{4}}|\d{{2}})|"
        rf"(?P<d3>[0-3]?\d)\.(?P<m3>0?[1-9]|1[0-2])\.(?P<y3>\d{{4}}))(?![\w/])", I)),
    "date_dmy": (10, _Source(
        rf"(?<![\w,.])(?P<day>{_DAY})\s+(?:of\s+)?(?P<month>{_MONTH})(?!\w)(?:,?\s+(?P<year>{_YEAR})\b)?", I)),
    "date_dmy_cyr": (10, _Source(
        rf"(?<![\w,.])(?P<day>{_DAY})\s+(?P<month>{_CYR_MONTH})\b(?:\s+(?P<year>{_YEAR})(?:\s*(?:року|р\.|года|г\.))?)?", I)),
    "date_decade": (10, _Source(r"(?<![\w-])(?P<dec>1[89]\d0|20\d0)['’]?s\b", I)),
    "date_year": (8, _Source(
        rf"(?:(?<=[Mm]id-)|(?<=[Ee]arly-)|(?<=[Ll]ate-)|(?<![\w\-–./,$€£₴₽#:]))(?P<year>{_YEAR})"
        rf"(?:\s*[-–—]\s*(?P<year2>{_YEAR}|\d{{1,2}})\b)?(?![\w%])(?!,\d)(?!\.\d)", I)),
}
_AMOUNT_PATTERNS = {
    "date_relative_ago": (10, _Source(rf"(?P<n>{_NUM}|an?)\s+(?P<unit3>days?|weeks?|months?|years?)\s+ago\b", I)),
    "money_suffix": (7, _Source(
        rf"{_B}(?P<num>{_NUM})\s*(?P<scale>тис\.?|тыс\.?|млн|млрд|bn|mn|mln)?\s*"
        rf"(?P<cur>(?:U\.?S\.?\s+)?dollars?|euros?|pounds?(?:\s+sterling)?|roubles?|rubles?|"
        rf"hryvnias?|hryvnyas?|UAH|USD|EUR|GBP|RUB|руб\w*|грн\.?|гривень|гривн\w*|долар\w*|доллар\w*|євро|евро)(?!\w)", I)),
    "percent_range": (7, _Source(
        rf"{_B}(?P<num>{DIGIT_NUMBER})\s*%?\s*(?:-|–|—|to|and)\s*(?P<num2>{DIGIT_NUMBER})\s*(?:%|percent\b|per\s+cent\b)", I)),
    "percent": (6, _Source(
        rf"{_B}(?P<num>{_NUM}|an?(?=[\s-]+(?:percent|per\s*cent)\s+{_AND_A_HALF}))"
        rf"(?:\s*(?:%|％)|[\s-]+(?:percent|per\s*cent|pct)\b|"
        rf"\s+(?P<pp>percentage\s+points?|pp\b|p\.p\.)|\s*(?:процент\w*|відсот\w*))"
        rf"(?P<andhalf>\s+{_AND_A_HALF})?(?:\s+(?P<change>{_CHANGE})\b)?", I)),
    "fraction_in": (4, _Source(
        rf"(?P<a>one|two|three|four|\d{{1,2}})\s+(?:in|out\s+of)\s+(?P<b>two|three|four|five|six|seven|eight|nine|ten|\d{{1,3}})\b"
        rf"(?!\s*(?:%|percent|days?|weeks?|months?|years?))(?:\s+(?:{_PEOPLE})\b)?", I)),
    "area": (6, _Source(
        rf"{_B}(?P<num>{_NUM})(?P<plus>\+)?[\s-]*(?P<unit>square[\s-]+(?:miles?|kilomet(?:er|re)s?|km|met(?:er|re)s?)|"
        rf"sq\.?\s*(?:mi|km|miles?|kilomet(?:er|re)s?)\b|km²|km2\b|mi²|mi2\b|hectares?\b|ha\b|acres?\b|"
        rf"кв\.?\s*(?:км|кілометр\w*|километр\w*)|квадратн\w+\s+(?:км|кілометр\w*|километр\w*))", I)),
    "distance": (5, _Source(
        rf"{_B}(?P<num>{_NUM})(?P<plus>\+)?[\s-]*(?P<unit>kilomet(?:er|re)s?\b|kms?\b|miles?\b|mi\b|met(?:er|re)s?\b|км\b|кілометр\w*|километр\w*)", I)),
    "duration": (5, _Source(
        rf"(?P<num>{_NUM}|an?|several|a\s+few|a\s+couple\s+of|few|many)[\s-]+"
        rf"(?P<unit>seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|yrs?|decades?|centur(?:y|ies)|"
        rf"{_CYR_DURATION})\b"
        rf"(?P<andhalf>\s+{_AND_A_HALF})?(?:[\s-](?P<suffix>long|old))?", I)),
    "range": (5, _Source(
        rf"{_B}(?P<num>{_NUM})\s*(?P<conn>-|–|—|to|and|or)\s*(?P<num2>{_NUM})(?P<plus>\+)?[\s-]*"
        rf"(?P<unit>seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|square\s+(?:miles?|kilomet(?:er|re)s?)|km²|"
        rf"kilomet(?:er|re)s?|km|miles?|{_PEOPLE})?\b", I)),
    "groups": (3, _Source(
        r"(?P<grp>(?:hundreds|tens|dozens|scores|thousands|millions|billions)(?:\s+of\s+(?:thousands|millions|billions))?|"
        r"(?P<few>several|a\s+few)\s+(?:hundred|thousand|million|billion|dozen))\b(?=\s+of\b|\s+\w)", I)),
    # The people noun after a count ("5,000 troops") is matched separately: see _people_after.
    "count": (2, _Source(rf"{_B}(?P<num>{_NUM})(?P<plus>\+)?(?![\w%])(?!\.\d)(?!\.[A-Za-z])(?!:\d)", I)),
}
_MONTH_PATTERNS = {
    "date_mdy": (10, _Source(
        rf"(?P<month>{_MONTH})\s+(?P<day>{_DAY})\b(?:,?\s+(?P<year>{_YEAR})\b)?(?!\s*(?:%|percent|per\s+cent))", I)),
    "date_my": (10, _Source(rf"(?P<month>{_MONTH})(?:\s+of)?,?\s+(?P<year>{_YEAR})\b", I)),
    "date_mrange": (11, _Source(rf"(?P<month>{_MONTH})\s*[-–—]\s*(?P<month2>{_MONTH})\s+(?P<year>{_YEAR})\b", I)),
    "date_month": (9, _Source(rf"(?P<month>{_MONTH})(?!\w)(?!\s*\d)(?!\s+of\s+\d)", I)),
}
_OTHER_PATTERNS = {
    "date_my_cyr": (10, _Source(rf"(?P<month>{_CYR_MONTH})\s+(?P<year>{_YEAR})\b", I)),
    "date_season": (10, _Source(rf"(?P<season>spring|summer|autumn|fall|winter)\s+(?:of\s+)?(?P<year>{_YEAR})\b", I)),
    "date_weekday": (10, _Source(r"(?P<wd>(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))(?:['’]s)?\b", I)),
    "date_relative": (10, _Source(
        r"(?:(?P<word>today|yesterday|tomorrow|tonight|the\s+day\s+before\s+yesterday)|"
        r"(?P<rel>this|last|next)\s+(?P<unit>weekend|week|month|year)|"
        r"(?P<rel2>earlier|later)\s+this\s+(?P<unit2>week|month|year)|"
        r"(?P<cyr>сьогодні|сегодня|вчора|вчера|завтра|минулого\s+тижня|на\s+минулому\s+тижні|"
        r"на\s+прошлой\s+неделе|минулого\s+місяця|в\s+прошлом\s+месяце|цього\s+тижня|на\s+этой\s+неделе))\b", I)),
    "window": (6, _Source(
        rf"(?P<rel>past|last|previous|coming|next|following)\s+(?:(?P<num>{_NUM}|few|several)\s+)?"
        rf"(?P<unit>days?|weeks?|months?|years?|decades?)\b", I)),
    "fraction": (4, _Source(r"(?P<den>half|halves|thirds?|quarters?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)\b", I)),
    # "п'ята частина", "пятой части", "чверть", "половину", "две трети"
    "fraction_cyr": (4, _Source(
        rf"(?:(?P<ord>{_CYR_ORDINAL_STEMS})(?:{_CYR_ORDINAL_ENDINGS})\s+част(?:ь|и|ью|ина|ини|ину|иною|ині)"
        r"|(?P<half>половин(?:а|ы|у|ой|е|ою|и|і))|(?P<third>трет(?:ь|и)|третин(?:а|и|у|ою|і))"
        r"|(?P<quarter>четверт(?:ь|и|ью)|чверт(?:ь|і|ю)))\b", I)),
    "money_prefix": (7, _Source(
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
    августа сентябрь сентября октябрь октября ноябрь ноября декабрь декабря
    січні лютому березні квітні травні червні липні серпні вересні жовтні листопаді грудні
    январе феврале марте апреле мае июне июле августе сентябре октябре ноябре декабре""")
)
_TRIGGERS: dict[str, tuple[str, ...]] = {
    "digit": tuple(_NUMBER_PATTERNS) + tuple(_AMOUNT_PATTERNS),
    "numword": tuple(_AMOUNT_PATTERNS),
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
    "cyrfrac": ("fraction_cyr",),
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


def _cyrillic_fraction_tokens() -> set[str]:
    """Every token a Cyrillic fraction can start with ("п" of "п'ята", "половину", ...)."""
    out = set()
    for stem in _CYR_ORDINALS:
        if "'" in stem:
            out.add(stem.split("'")[0])  # "п" + "ята": the apostrophe separates tokens
            out.update(stem.replace("'", "ʼ") + e for e in _CYR_ORDINAL_ENDINGS.split("|"))  # a letter
        else:
            out.update(stem + e for e in _CYR_ORDINAL_ENDINGS.split("|"))
    out.update("половин" + e for e in ("а", "ы", "у", "ой", "е", "ою", "и", "і"))
    out.update("трет" + e for e in ("ь", "и"))  # not "третью": mostly the ordinal ("в третью очередь")
    out.update("третин" + e for e in ("а", "и", "у", "ою", "і"))
    out.update("четверт" + e for e in ("ь", "и", "ью"))
    out.update("чверт" + e for e in ("ь", "і", "ю"))
    return out


for _w in _cyrillic_fraction_tokens():
    _WORD_TRIGGERS.setdefault(_w, ("cyrfrac",))
_WORD_KINDS = {w: _TRIGGERS[k[0]] for w, k in _WORD_TRIGGERS.items()}
_CASED_WORDS = frozenset(w for w, k in _WORD_TRIGGERS.items() if k[0] in ("month", "weekday"))
_WORD_KEYS = frozenset(_WORD_KINDS)
# Scanning helpers: a token is a run of letters and digits (cues.TOKEN_RE); str.isalnum is
# exactly the character class [^\W_] of that pattern.
_TOKEN = re.compile(r"[^\W_]+")
_A_THEN_WORD = re.compile(r"a(?<![^\W_]a)n?(?=[\W_]+([^\W_]+))")
_CURRENCY_SIGN = re.compile(r"[$€£₴₽]")
_NUMBER_JOINERS = frozenset(",.\u202f\u2009")


# Look-back: words in front of the anchor that belong to the figure.  Each is a list of
# phrases ending where only spaces (or hyphens) separate them from the anchor; they are
# matched backwards, on the reversed text, so one anchored match replaces a search.
_COMMON_WORDS = frozenset(words("of to as in at on no not an a the up just well more less by from or and"))


class _LookBack:
    """Finds one of ``phrases`` (lower-case; a space matches any run of spaces) right before
    a position, followed by ``sep``; ``after`` is what must precede the phrase ("word": a word
    boundary; "qual": start of the window, a space, an opening bracket or quote, or a dash)."""

    def __init__(self, phrases: list[str], sep: str, after: str = "word"):
        alternatives = "|".join(
            re.escape(p[::-1]).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True)
        )
        boundary = r"\b" if after == "word" else r"(?:\Z|(?=[\s(\[“\"‘'—–-]))"
        self.reversed = re.compile(rf"{sep}(?P<x>{alternatives}){boundary}")
        before = r"\b" if after == "word" else r"(?:^|(?<=[\s(\[“\"‘'—–-]))"
        forward = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))
        self._forward = rf"{before}(?P<x>{forward}){sep}$"  # for text whose case changes length
        self.last_words = tuple(sorted({p.split()[-1] for p in phrases}))
        # Tokens one of which the text must contain for a phrase to be there at all: from
        # each phrase its least common word ("excess" of "in excess of").
        self.gate = frozenset(
            max(tokens, key=lambda t: (t not in _COMMON_WORDS, len(t)))
            for tokens in (_TOKEN.findall(p) for p in phrases) if tokens
        )

    def find(self, text: str, pos: int, span: int) -> tuple[str, int] | None:
        """(the phrase as written, length from its start to ``pos``) or None."""
        seg = text[max(0, pos - span) : pos]
        low = seg.lower()
        if len(low) != len(seg):
            m = re.search(self._forward, seg, re.IGNORECASE)
            return (m.group("x"), len(m.group(0))) if m else None
        m = self.reversed.match(low[::-1])
        if m is None:
            return None
        return text[pos - m.end("x") : pos - m.start("x")], m.end("x")


_LB_QUAL = _LookBack(list(_QUAL_CANON), r"\s+", after="qual")
_LB_DATE_MOD = _LookBack(
    ["early", "mid", "late", "the end of", "the beginning of", "the start of", "the middle of"], r"[\s-]+")
_LB_PRE = _LookBack(
    words("""in since until till by from to through during before after between of or and about around
    approximately roughly"""), r"\s+")
_LB_MONTH_MOD = _LookBack(["early", "mid", "late", "last", "next", "this"], r"[\s-]+")
_LB_DET = _LookBack(["the"], r"\s+")
_LB_REL = _LookBack(["last", "this", "next", "on", "past"], r"\s+")
_LB_BETWEEN = _LookBack(["between", "from"], r"\s+")
_LB_NUMER = _LookBack(["a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"], r"[\s-]+")
_LB_CYR_NUMER = _LookBack(list(_CYR_NUMERATORS), r"\s+")
_QUALIFIED = frozenset(
    {"money_suffix", "money_prefix", "percent", "area", "distance", "duration", "groups", "count", "fraction",
     "fraction_cyr"}
)
# The look-backs of each kind (see _extend).
_KIND_LOOKBACKS: dict[str, tuple[_LookBack, ...]] = {
    "fraction": (_LB_NUMER,), "fraction_cyr": (_LB_CYR_NUMER,),
    "date_my": (_LB_DATE_MOD,), "date_season": (_LB_DATE_MOD,), "date_year": (_LB_DATE_MOD,),
    "date_month": (_LB_MONTH_MOD, _LB_PRE, _LB_DATE_MOD), "window": (_LB_DET,), "date_weekday": (_LB_REL,),
    "range": (_LB_BETWEEN,), "percent_range": (_LB_BETWEEN,),
}
for _k in _QUALIFIED:
    _KIND_LOOKBACKS[_k] = _KIND_LOOKBACKS.get(_k, ()) + (_LB_QUAL,)
# kind -> tokens one of which the text must contain before looking back from the kind's
# matches (the qualifiers written as a symbol, "~ 5" and "≈ 5", are checked separately).
_LOOKBACK_GATES = {k: frozenset().union(*(lb.gate for lb in lbs)) for k, lbs in _KIND_LOOKBACKS.items()}
# A bare month needs its preposition ("in May"), so its look-backs are always tried.
_ALWAYS = frozenset(("",))
_LOOKBACK_GATES["date_month"] = _ALWAYS
_LOOKBACK_WORDS = frozenset().union(*(g for g in _LOOKBACK_GATES.values() if g is not _ALWAYS))


# The text before a figure must end with one of a look-back's last words before it is tried.
_QUAL_LAST = _LB_QUAL.last_words
_TAIL_LEN = max(len(w) for lb in (_LB_QUAL, _LB_PRE, _LB_DATE_MOD) for w in lb.last_words) + 1


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


# What may follow a number, for choosing the patterns worth trying there (a cheap pre-check;
# each set must cover every way the corresponding pattern's unit can start).
_EN_SCALES = frozenset(SCALES)
_CYRILLIC_SCALES = frozenset(("тис", "тыс", "млн", "млрд", "тисяча", "тисячі", "тисяч", "тисячу",
                              "тысяча", "тысячи", "тысяч", "тысячу"))
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
    if nxt in _DUR_WORDS or nxt.startswith(_CYR_DURATION_STEMS):
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
_DIGIT_KINDS_CACHE: dict[tuple, tuple[str, ...]] = {}
# Characters in front of a number that the amount patterns' look-behind (_B) rejects.
_B_CHARS = frozenset("_-–./,$€£₴₽#:")
_B_KINDS = frozenset(("money_suffix", "percent_range", "percent", "area", "distance", "range", "count"))
_SCALE_NEXT = _EN_SCALES | _CYRILLIC_SCALES


def _digit_kinds(text: str, m: re.Match) -> tuple[str, ...]:
    """The patterns worth trying at a number (``m``: a match of _DIGIT_RUN), judged from what
    follows it; cached by the number's shape ("0,000") and what follows."""
    run, sep, nxt = m.group(0, "sep", "next")
    pos, end = m.span()
    blocked = pos > 0 and text[pos - 1] in _B_CHARS
    low = nxt.lower() if nxt else ""
    if low in _SCALE_NEXT:  # what follows "million" matters too
        peek = _AFTER_SCALE.match(text, m.end("next")).group("sep", "next")
    elif low == "%":
        peek = _PERCENT_THEN_CONNECTOR.match(text, m.end("next")) is not None
    elif low in _FRACTION_STARTS or low[:1] in _FRACTION_STARTS:  # "1 1/2", "one and a half": not cached
        return _unblocked(_digit_kinds_of(text, m), blocked)
    else:
        peek = None
    # Everything _digit_kinds_of looks at: the number's length, whether it is plain digits and
    # which, its dots, and what follows.
    key = (len(run), run.isdigit() and run[:2], run.count("."), text[end : end + 1], sep, nxt, peek, blocked)
    kinds = _DIGIT_KINDS_CACHE.get(key)
    if kinds is None:
        kinds = _unblocked(_digit_kinds_of(text, m), blocked)
        if len(_DIGIT_KINDS_CACHE) > 20000:
            _DIGIT_KINDS_CACHE.clear()
        _DIGIT_KINDS_CACHE[key] = kinds
    return kinds


def _unblocked(kinds: tuple[str, ...], blocked: bool) -> tuple[str, ...]:
    """Without the patterns that cannot match after "$", "-", "." etc. ("$5", "Su-25")."""
    return tuple(k for k in kinds if k not in _B_KINDS) if blocked else kinds


def _digit_kinds_of(text: str, m: re.Match) -> tuple[str, ...]:
    pos, run_end = m.span()
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
        return _count_last(kinds)
    nxt = nxt.lower()
    if (
        n == 4 and kinds and kinds[0] == "count" and nxt not in _EN_SCALES and nxt not in _CYRILLIC_SCALES
        and nxt != "+" and nxt not in _FRACTION_STARTS and nxt[:1] not in _FRACTION_STARTS
        and text[pos:run_end].isdecimal() and 1800 <= int(text[pos:run_end]) <= 2099
        and nxt[:3].casefold() not in _PEOPLE_HEADS
    ):
        del kinds[0]  # a year is a count only before a people noun ("2014 soldiers")
    sep = m.group("sep")
    if "-" in sep:
        kinds += ["range", "percent_range"]
    if nxt in _FRACTION_STARTS or nxt[:1] in _FRACTION_STARTS:
        more = _kinds_after_fraction(text, run_end)
        if more:
            kinds += more
    if nxt in _EN_SCALES or nxt in _CYRILLIC_SCALES:  # "5 million people": what follows decides
        after = _AFTER_SCALE.match(text, m.end("next"))
        nxt2 = (after.group("next") or "").lower()
        if nxt2 in _EN_SCALES or nxt2 == "+":
            more = tuple(_AMOUNT_PATTERNS)
        else:
            more = ("money_suffix",) + _next_kinds(nxt2)
            if "-" in after.group("sep"):
                more += ("range",)
    else:
        more = _next_kinds(nxt)
        if nxt == "%" and _PERCENT_THEN_CONNECTOR.match(text, m.end("next")):
            more += ("percent_range",)
    if more:
        if n > 2 or not sep:  # a day of the month is one or two digits and a space: "12 May"
            more = tuple(k for k in more if k not in _DAY_KINDS)
        kinds += more
    return _count_last(kinds)


def _count_last(kinds: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """The kinds without repeats and with "count" last (see _parse)."""
    kinds = tuple(dict.fromkeys(kinds))
    if "count" in kinds and kinds[-1] != "count":
        kinds = tuple(k for k in kinds if k != "count") + ("count",)
    return kinds


_AFTER_RUN = re.compile(r"(?P<sep>[\s-]*)(?P<next>[^\W\d_]+|\S)?")
_AFTER_SCALE = re.compile(r"\.?(?P<sep>[\s-]*)(?P<next>[^\W\d_]+|\S)?")
_WORD_RUN_LOWER = re.compile(WORD_NUMBER)  # on lower-cased text
_NUMWORD_IMPOSSIBLE = frozenset(("percent_range", "groups", "date_dmy", "date_dmy_cyr"))


_FRACTION_TAIL_AT = re.compile(
    rf"{FRACTION_TAIL}(?:[\s-]+(?:{_SCALE})\b|\s*(?:тис|тыс)\b\.?|\s*(?:млн|млрд)\b)?", re.IGNORECASE)
_FRACTION_STARTS = frozenset("and 1 2 3 4 5 6 7 8 9 ½ ¼ ¾ ⅓ ⅔ ⅛".split())


def _kinds_after_fraction(text: str, end: int) -> tuple[str, ...] | None:
    """Patterns worth trying at a number followed by a half or a quarter ("one and a half
    percent", "1 1/2 miles"), judged from what follows that; None if none follows."""
    tail = _FRACTION_TAIL_AT.match(text, end)
    if tail is None:
        return None
    after = _AFTER_RUN.match(text, tail.end())
    nxt = (after.group("next") or "").lower()
    kinds = ("count", "money_suffix") + _next_kinds(nxt)
    if "-" in after.group("sep"):
        kinds += ("range",)
    return kinds


_NUMWORD_KINDS_CACHE: dict[tuple, tuple[str, ...]] = {}


def _numword_kinds(text: str, pos: int) -> tuple[str, ...]:
    """The patterns worth trying at a number word ("five", "twenty-one", "hundred"); cached by
    the number and what follows it."""
    run = _WORD_RUN_LOWER.match(text, pos)
    if run is None:
        return ("count",)
    m = _AFTER_RUN.match(text, run.end())
    sep, nxt = m.group("sep", "next")
    key = (run.group(0), sep, nxt)
    kinds = _NUMWORD_KINDS_CACHE.get(key)
    if kinds is not None:
        return kinds
    nxt = (nxt or "").lower()
    if nxt == "+":
        return _TRIGGERS["numword"]
    out = ["count"]
    if nxt == "and":
        out += _kinds_after_fraction(text, run.end()) or ()
    # A shorter run inside this one can only be followed by a hyphen ("twenty-five" as 20-5).
    if "-" in sep or "-" in run.group(0) or nxt in _CONNECTORS:
        out.append("range")
    out += (k for k in _next_kinds(nxt) if k not in _NUMWORD_IMPOSSIBLE)
    kinds = _count_last(out)
    if nxt != "and":  # otherwise the words after "and" decide
        if len(_NUMWORD_KINDS_CACHE) > 20000:
            _NUMWORD_KINDS_CACHE.clear()
        _NUMWORD_KINDS_CACHE[key] = kinds
    return kinds


_A_WORD_KINDS: dict[str, tuple[str, ...]] = {}
for _w in list(SCALES) + ["dozen"]:
    _A_WORD_KINDS[_w] = ("date_relative_ago", "money_suffix", "area", "distance", "duration", "count")
_A_WORD_KINDS["few"] = ("duration", "groups")
_A_WORD_KINDS["couple"] = ("duration",)
_A_WORD_KINDS["percent"] = ("percent",)  # "a percent and a half"
for _w in words("year years month months week weeks day days hour hours decade decades minute minutes"):
    _A_WORD_KINDS[_w] = ("date_relative_ago", "duration")
_A_NEXT = frozenset(_A_WORD_KINDS)
# Relative-date words that need another word of the sentence ("this week", "на минулому тижні").
_WINDOW_UNITS = frozenset(words("day days week weeks weekend month months year years decade decades"))
_WORD_NEEDS = {
    **dict.fromkeys(("past", "last", "previous", "coming", "next", "following"), _WINDOW_UNITS),
    "this": frozenset(("week", "weekend", "month", "year")),
    "earlier": frozenset(("this",)), "later": frozenset(("this",)),
    "на": frozenset(("минулому", "прошлой", "этой")), "в": frozenset(("прошлом",)),
    "минулого": frozenset(("тижня", "місяця")), "цього": frozenset(("тижня",)),
}
_VAGUE_KINDS = _TRIGGERS["vague"]
_VAGUE_DURATION = ("duration",)
_GROUP_SCALES = frozenset(("hundred", "thousand", "million", "billion", "dozen"))
# Every token the trigger scan looks for: trigger words and the words that gate them.
_SCAN_KEYS = (
    _WORD_KEYS | {"a", "an", "ago", "percent", "per", "pct"} | _A_NEXT | _GROUP_SCALES
    | frozenset().union(*_WORD_NEEDS.values()) | _LOOKBACK_WORDS
)


def _month_kinds(text: str, pos: int, end: int) -> tuple[str, ...]:
    """Month patterns worth trying at a capitalised month name ending at ``end``."""
    dot = text[end : end + 1] == "."
    j = end + 1 if dot else end
    n = len(text)
    while j < n and text[j].isspace():
        j += 1
    c = text[j : j + 1]
    if not c or c.isalpha() and c not in "oO":
        return ("date_month",)
    if c.isdigit():
        k = j + 1
        while k < n and text[k].isdigit():
            k += 1
        # "March 3" needs a day of one or two digits, "March 2024" a year of four; a bare
        # month cannot be followed by a number unless it is abbreviated ("Sept." 5 ...).
        kinds = ("date_mdy",) if k - j <= 2 else ("date_my",) if k - j == 4 else ()
        return kinds + ("date_month",) if dot else kinds
    if c in ",oO":
        return ("date_my", "date_month")
    if c in "-–—":
        return ("date_mrange", "date_month")
    return ("date_month",)


_position = itemgetter(0)


_KIND_FUNCTIONS = {
    _TRIGGERS["numword"]: lambda text, lower, start, end: _numword_kinds(lower, start),
    _TRIGGERS["month"]: lambda text, lower, start, end: _month_kinds(text, start, end),
}


# For tokenising: every ASCII character but letters and digits becomes a space and capitals
# become small; bytes of multi-byte UTF-8 characters are kept.  The multi-byte separators
# that news text uses most are replaced before (see _word_tokens).
_TOKEN_BYTES = bytes(
    b if b >= 128 or chr(b).isdigit() or chr(b).islower() else b + 32 if chr(b).isupper() else 32
    for b in range(256)
)
# The same, and also the first byte of U+0080-U+00BF and U+2000-U+2FFF (no-break space, « »,
# dashes, curly quotes, …, •, €, ₴): the bytes left of such a character are dropped when
# decoding.  That splits a few rare letters (ª, µ, Roman numerals) too, which is harmless:
# the tokens only tell which trigger words to look for, and each is then checked in place.
_WIDE_TOKEN_BYTES = bytes(32 if b in (0xC2, 0xE2) else c for b, c in enumerate(_TOKEN_BYTES))
# A number's digits ("1,234", "0.6") and, looked at but not consumed, what follows it.
_NUMBER_TAIL = r"(?=(?P<sep>[ \t\u00a0-]*)(?P<next>[^\W\d_]+|\S)?)"
# (Written "[0-9][0-9]*", not "[0-9]+": a pattern that starts with a character class lets the
# regex engine skip to the next digit at C speed; a repeat makes it try every position.)
# A no-break space joins digits only as a thousands separator ("10 000"); elsewhere it is a space.
# So does a plain space before a percent sign or a Cyrillic word ("10 000 осіб").
_ASCII_DIGIT_RUN = re.compile(
    r"[0-9](?:[0-9]{0,2}(?:\u00a0[0-9]{3}(?![0-9]))+(?:[.,][0-9]+)*"
    r"|[0-9]{0,2}(?: [0-9]{3})+(?:,[0-9]{1,2})?(?![0-9])(?=\s*(?:%|％|[\u0400-\u04ff]))"
    r"|[0-9]*(?:[.,\u202f\u2009][0-9]+)*)" + _NUMBER_TAIL)
_DIGIT_RUN = re.compile(
    r"\d(?:\d{0,2}(?:\u00a0\d{3}(?!\d))+(?:[.,]\d+)*"
    r"|\d{0,2}(?: \d{3})+(?:,\d{1,2})?(?!\d)(?=\s*(?:%|％|[\u0400-\u04ff]))"
    r"|\d*(?:[.,\u202f\u2009]\d+)*)" + _NUMBER_TAIL)


def _word_tokens(text: str) -> tuple[list[str], re.Pattern | None]:
    """The lower-cased tokens of text (or a few more: see _WIDE_TOKEN_BYTES), and the pattern
    to find its digit runs with (None when no token starts with a digit).

    The tokens of ``TOKEN_RE.findall(text.lower())``, made with bytes.translate and str.split
    at a fraction of the cost of a regex pass; text with unusual characters falls back to the
    regex.
    """
    if text.isascii():
        tokens = text.encode().translate(_TOKEN_BYTES).decode().split()
        # Tokens are [0-9a-z]+ here, and digits sort before letters.
        return tokens, (_ASCII_DIGIT_RUN if tokens and min(tokens) < "a" else None)
    try:
        s = text.encode().translate(_WIDE_TOKEN_BYTES).decode("utf-8", "ignore")
    except UnicodeEncodeError:  # a lone surrogate
        tokens = _TOKEN.findall(_lower(text))
    else:
        if not s.isascii():
            s = s.lower()
        tokens = s.split()
        joined = "".join(tokens)
        if joined.isalnum():
            return tokens, (None if joined.isalpha() else _DIGIT_RUN)
        tokens = _TOKEN.findall(_lower(text))
    joined = "".join(tokens)
    return tokens, (None if not joined or joined.isalpha() else _DIGIT_RUN)


def _lower(text: str) -> str:
    """text.lower(), one character for one (so offsets still apply)."""
    lower = text.lower()
    if len(lower) != len(text):  # a letter whose lower case is longer
        lower = "".join(ch if len(ch) == 1 else ch[0] for ch in (c.lower() for c in text))
    return lower


_PERCENT_WORDS = frozenset(("percent", "per", "pct"))
_NO_SKIP: frozenset[str] = frozenset()
_SKIP_AGO = frozenset(("date_relative_ago",))
_SKIP_PERCENT = frozenset(("percent_range",))
_SKIP_AGO_PERCENT = _SKIP_AGO | _SKIP_PERCENT


def _triggers(
    text: str, known: Tokens | None = None
) -> tuple[list[tuple[int, tuple[str, ...], re.Match | None]], str | None, frozenset, frozenset]:
    """(position, patterns to try, the number's _DIGIT_RUN match or None) for every token that
    can start a figure, in text order; the lower-cased text if it was needed; and the
    patterns that cannot match anywhere in the text ("... ago" without "ago").

    The distinct tokens are collected at C speed (or taken from ``known``, the text's
    tokens); only the few that are trigger words are then located, so a sentence costs a set
    intersection rather than a loop over its words.  The last item is the set of trigger and
    look-back words in the text.
    """
    found: list[tuple[int, tuple[str, ...], re.Match | None]] = []
    if known is not None:  # the caller's tokens (extract_claims tokenises the article anyway)
        tokens, digit_run = known.lower, _ASCII_DIGIT_RUN if text.isascii() else _DIGIT_RUN
    else:
        tokens, digit_run = _word_tokens(text)
    present = _SCAN_KEYS.intersection(tokens)
    if digit_run is not None:
        for m in digit_run.finditer(text):
            p = m.start()
            if p:
                c = text[p - 1]
                if c.isalnum():
                    continue  # "F16", "x2": not the start of a token
                if c in _NUMBER_JOINERS and p > 1 and text[p - 2].isalnum():
                    continue  # "000" of "10,000", "6" of "0.6"
            found.append((p, _digit_kinds(text, m), m))
    lower = _lower(text) if present else None
    words = present.intersection(_WORD_KEYS) if present else None
    if words:
        n = len(text)
        for w in words:
            kinds = _WORD_KINDS[w]
            needs = _WORD_NEEDS.get(w)
            if needs is not None and present.isdisjoint(needs):
                continue  # "this" without "week", "month", ...: no relative date
            if kinds is _VAGUE_KINDS and present.isdisjoint(_GROUP_SCALES):
                kinds = _VAGUE_DURATION  # "several hundred" needs a scale word
            kind_of = _KIND_FUNCTIONS.get(kinds)
            cased = w in _CASED_WORDS
            k = len(w)
            i = lower.find(w)
            while i >= 0:
                e = i + k
                if (i == 0 or not text[i - 1].isalnum()) and (e == n or not text[e].isalnum()) and (
                    not cased or text[i].isupper()
                ):
                    found.append((i, kinds if kind_of is None else kind_of(text, lower, i, e), None))
                i = lower.find(w, i + 1)
    if ("a" in present or "an" in present) and not _A_NEXT.isdisjoint(present):
        for m in _A_THEN_WORD.finditer(lower):
            kinds = _A_WORD_KINDS.get(m.group(1))
            if kinds:
                found.append((m.start(), kinds, None))
    if len(found) > 1:
        found.sort(key=_position)
    if "$" in text or "€" in text or "£" in text or "₴" in text or "₽" in text:
        for m in _CURRENCY_SIGN.finditer(text):
            found.append((m.start(), _TRIGGERS["currency"], None))
    # Patterns that cannot match anywhere in this text.
    skip = _NO_SKIP
    if "ago" not in present:
        skip = _SKIP_AGO if "%" in text or not present.isdisjoint(_PERCENT_WORDS) else _SKIP_AGO_PERCENT
    elif "%" not in text and present.isdisjoint(_PERCENT_WORDS):
        skip = _SKIP_PERCENT
    return found, lower, skip, present


def _extend(kind: str, text: str, start: int, m: re.Match, tail: str) -> tuple[int, dict]:
    """Look back from an anchored match for the words that belong in front of it.

    ``tail`` is ``_tail_before(text, start)``.
    """
    extra: dict = {}
    if not tail:
        return start, extra  # every look-back needs a space or hyphen in front of the anchor
    if kind == "fraction":
        n = _LB_NUMER.find(text, start, 12) if tail.endswith(_LB_NUMER.last_words) else None
        if n:
            extra["numer"] = n[0]
            start -= n[1]
            extra["numer_start"] = start
            tail = _tail_before(text, start)
    elif kind == "fraction_cyr":
        n = _LB_CYR_NUMER.find(text, start, 12) if tail.endswith(_LB_CYR_NUMER.last_words) else None
        if n:
            extra["numer"] = n[0]
            start -= n[1]
            tail = _tail_before(text, start)
    elif kind in ("date_my", "date_season", "date_year"):
        d = _LB_DATE_MOD.find(text, start, 24) if tail.endswith(_LB_DATE_MOD.last_words) else None
        if d:
            extra["mod"] = d[0]
            start -= d[1]
            tail = _tail_before(text, start)
    elif kind == "date_month":
        d = _LB_MONTH_MOD.find(text, start, 12) if tail.endswith(_LB_MONTH_MOD.last_words) else None
        if d:
            extra["mod"] = d[0]
            start -= d[1]
            extra["mod_start"] = start
            tail = _tail_before(text, start)
        p = _LB_PRE.find(text, start, 14) if tail.endswith(_LB_PRE.last_words) else None
        if p:
            extra["pre"] = p[0]
        if "mod" not in extra:
            d2 = _LB_DATE_MOD.find(text, m.start(), 24) if tail.endswith(_LB_DATE_MOD.last_words) else None
            if d2:
                extra["pre"] = "of"
                extra["mod"] = d2[0]
                start = m.start() - d2[1]
                extra["mod_start"] = start
    elif kind == "window":
        d = _LB_DET.find(text, start, 6) if tail.endswith("the") else None
        if d:
            extra["det"] = d[0]
            start -= d[1]
            tail = _tail_before(text, start)
    elif kind == "date_weekday":
        r = _LB_REL.find(text, start, 8) if tail.endswith(_LB_REL.last_words) else None
        if r:
            extra["rel"] = r[0]
            if r[0].lower() != "on":
                start -= r[1]
                tail = _tail_before(text, start)
    elif kind in ("range", "percent_range"):
        b = _LB_BETWEEN.find(text, start, 10) if tail.endswith(_LB_BETWEEN.last_words) else None
        if b:
            extra["between"] = b[0]
            start -= b[1]
            tail = _tail_before(text, start)
    if kind in _QUALIFIED and tail.endswith(_QUAL_LAST):
        q = _LB_QUAL.find(text, start, 30)
        if q:
            extra["qual"] = q[0]
            start -= q[1]
    return start, extra




def _lowercase_pattern(pattern: re.Pattern | _Source) -> re.Pattern:
    """A case-insensitive pattern as a case-sensitive one for lower-cased text (much faster:
    the regex engine then compares characters instead of folding each one)."""
    src, out, i = pattern.pattern, [], 0
    while i < len(src):
        if src[i] == "\\":
            out.append(src[i : i + 2])
            i += 2
        elif src.startswith(("(?P<", "(?P="), i):
            j = src.index(">" if src[i + 3] == "<" else ")", i)
            out.append(src[i : j + 1])
            i = j + 1
        else:
            out.append(src[i].lower())
            i += 1
    assert "(?-i:" not in src
    return re.compile("".join(out), pattern.flags & ~re.IGNORECASE)


# Kinds whose patterns ignore case; they are matched on the lower-cased text.  The others
# look for capitalised month and weekday names.
_CASED_KINDS = frozenset(("date_dmy", "date_mdy", "date_my", "date_mrange", "date_month", "date_weekday"))


# kind -> (priority, pattern, look-back gate (see _LOOKBACK_GATES) or None, matched on
# lower-cased text); each pattern is compiled when first needed (_pattern_entry), which keeps
# importing fast.
_PATTERN_TABLE: dict[str, tuple] = {}


def _pattern_entry(kind: str) -> tuple:
    entry = _PATTERN_TABLE.get(kind)
    if entry is None:
        priority, source = _ALL_PATTERNS[kind]
        if kind in _CASED_KINDS:
            entry = (priority, re.compile(source.pattern, source.flags), _LOOKBACK_GATES.get(kind), False)
        else:
            entry = (priority, _lowercase_pattern(source), _LOOKBACK_GATES.get(kind), True)
        _PATTERN_TABLE[kind] = entry
    return entry


# "<fraction> of <quantity>" multiplies: "six tenths of one percent", "half a million people",
# "a quarter of an hour", "half of 1 percent".
_FRACTION_OF_ONE = re.compile(
    r"(?:\s+of)?\s+(?:an?|one)[\s-]+(?:"
    r"(?P<pp>percentage\s+points?)|(?P<pct>percent|per\s*cent)|"
    r"(?P<scale>hundred|thousand|million|billion|trillion|dozen)|"
    r"(?P<area>square[\s-]+(?:miles?|kilomet(?:er|re)s?|km|met(?:er|re)s?)|sq\.?\s*(?:mi|km|miles?|kilomet(?:er|re)s?)"
    r"|hectares?|acres?)|"
    r"(?P<dist>kilomet(?:er|re)s?|km|miles?|met(?:er|re)s?)|"
    r"(?P<dur>seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|century)"
    r")\b"
)
_CURRENCY_AFTER = re.compile(
    r"\s*(?P<cur>(?:u\.?s\.?\s+)?dollars?|euros?|pounds?|roubles?|rubles?|hryvnias?|hryvnyas?|uah|usd|eur|gbp|rub"
    r"|руб\w*|грн\.?|гривень|гривн\w*|долар\w*|доллар\w*|євро|евро)(?!\w)")
_OF_NUMBER = re.compile(r"\s+of\s+(?=[\d$€£₴₽]|(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|a|an)\b)")
_OF_NUMBER_KINDS = ("percent", "area", "distance", "duration", "money_suffix", "money_prefix")


def _fraction_of(lower: str, pos: int) -> tuple[int, tuple] | None:
    """The quantity a fraction ending at ``pos`` is of, if it is one: (end, description).

    The description is ("one", group, scale end) for "a/an/one <unit>" and ("number", kind,
    match) for "of <number> <unit>" (percentages, areas, distances, durations and money only:
    "half of 10,000 troops" stays a fraction and a count).
    """
    m = _FRACTION_OF_ONE.match(lower, pos)
    if m is not None:
        end = m.end()
        if m.group("scale"):
            cur = _CURRENCY_AFTER.match(lower, end)
            if cur is not None:
                return cur.end(), ("one", "money", m, cur.group("cur"))
            noun = _people_after(lower, end)
            if noun is not None:
                return noun.end(), ("one", "people", m, None)
        return end, ("one", m.lastgroup, m, None)
    o = _OF_NUMBER.match(lower, pos)
    if o is None:
        return None
    best = None
    for kind in _OF_NUMBER_KINDS:
        _, pattern, _, _ = _pattern_entry(kind)
        q = pattern.match(lower, o.end())
        if q is not None and q.end() > o.end() and (best is None or q.end() > best[0]):
            best = (q.end(), ("number", kind, q, None))
    return best


class _Anchors:
    """Per-call context for building dates: timeline years (found only when a date needs
    them) and the lower-cased text."""

    __slots__ = ("text", "lower", "_years")

    def __init__(self, text: str, lower: str | None):
        self.text = text
        self.lower = lower
        self._years: dict[int, int] | None = None

    def year_at(self, pos: int) -> int | None:
        if self._years is None:
            self._years = _timeline_years(self.text)
        if not self._years:
            return None
        return self._years.get(self.text.rfind("\n", 0, pos) + 1)

    def lowered(self) -> str:
        if self.lower is None:
            self.lower = _lower(self.text)
        return self.lower


def parse_figures(
    text: str, *, published: date | None = None, offset: int = 0, tokens: Tokens | None = None
) -> list[Figure]:
    """All figures in ``text``, in order; offsets are ``offset`` + position in ``text``.

    Relative dates ("last month", "on Tuesday") and dates without a year resolve against
    ``published``; inside a timeline entry ("Feb. 12, 2015: ... on Feb. 15") the entry's year
    is used instead.  Without either, such figures keep ``date=None``.  ``tokens`` (the
    word tokens of ``text``, cues.Tokens) may be passed by callers that already have them.
    """
    return _parse(text, published, offset, tokens, True) if text else []


# The numbers inside a date such as "March 12, 2025" need no patterns of their own while the
# date stands (see _parse): only counts and years could start there, and those would lie
# within the date.
_INNER_KINDS = frozenset((("count",), ("date_year",), ("count", "date_year")))
_COVERING_KINDS = frozenset(("date_mdy", "date_my", "date_mrange"))
_NO_INNER_AFTER = frozenset("+-–—\u00a0\u202f\u2009")
# Figures of a unit after a number: a count of the same number lies within them (the word after
# the number is a unit, not a people noun) and starts where they start (same qualifier).
_COUNT_COVERS = frozenset(("percent", "area", "distance", "duration", "money_suffix"))


def _parse(text: str, published: date | None, offset: int, tokens: Tokens | None, defer: bool) -> list[Figure]:
    triggers, lower, skip, present = _triggers(text, tokens)
    symbols = "~" in text or "≈" in text  # qualifiers that are not words
    if not triggers:
        return []
    if lower is None:
        lower = _lower(text)
    candidates: list[tuple] = []
    add = candidates.append
    table = _PATTERN_TABLE
    cover_start = cover_end = -1  # span of the last date candidate, and its number
    cover = -1
    needed: set[int] = set()  # dates whose inner numbers were skipped
    for pos, kinds, digits in triggers:
        if (
            defer and digits is not None and cover_start < pos and digits.end() <= cover_end
            and kinds in _INNER_KINDS and text[digits.end() : digits.end() + 1] not in _NO_INNER_AFTER
        ):
            sep, nxt = digits.group("sep", "next")
            if nxt and "-" not in sep and not nxt[0].isdigit() and nxt not in _CONNECTORS and not (
                sep and nxt[:3].casefold() in _PEOPLE_HEADS
            ):
                needed.add(cover)  # "12" and "2025" of "March 12, 2025"
                continue
        tail = None
        longest = -1  # the longest candidate found here so far, and its length
        longest_len = 0
        for kind in kinds:
            if kind in skip:
                continue
            if kind == "count" and longest >= 0 and defer:
                # (Tried last.)  A count lies within a measure found at the same number, with
                # the same qualifier ("1,234" of "about 1,234 square miles"): it is needed only
                # if that measure falls.
                needed.add(longest)
                continue
            try:
                priority, pattern, gate, on_lower = table[kind]
            except KeyError:  # not compiled yet
                priority, pattern, gate, on_lower = _pattern_entry(kind)
            m = pattern.match(lower if on_lower else text, pos)
            if m is None:
                continue
            end = m.end()
            if end == pos:
                continue
            start, extra = pos, None
            if gate is not None and (gate is _ALWAYS or not gate.isdisjoint(present) or symbols):
                if tail is None:
                    # Look-backs need a space or hyphen in front of the figure; mostly it is
                    # one space after a word.
                    c = text[pos - 1] if pos else ""
                    if c == " " and pos > 1 and not text[pos - 2].isspace() and text[pos - 2] != "-":
                        tail = text[max(0, pos - 1 - _TAIL_LEN) : pos - 1].lower()
                    elif c and (c.isspace() or c == "-"):
                        tail = _tail_before(text, pos)
                    else:
                        tail = ""
                if tail:
                    start, extra = _extend(kind, text, pos, m, tail)
            if kind == "count":
                if digits is not None and end == digits.end():
                    # What follows the number is known: look for a people noun only when
                    # the next word may be one.
                    sep, nxt = digits.group("sep", "next")
                    if not nxt:  # a line break or the end follows: look properly
                        noun = _people_after(lower, end)
                    elif sep and "-" not in sep and nxt[:3].casefold() in _PEOPLE_HEADS:
                        noun = _PEOPLE_AFTER_LOWER.match(lower, end)
                    else:
                        noun = None
                else:
                    noun = _people_after(lower, end)
                if noun is not None:
                    extra = dict(extra or {}, noun=noun.group("noun"))
                    end = noun.end()
            elif kind == "fraction":
                of = _fraction_of(lower, end)
                if of is not None:
                    add((start - of[0], -6, start, len(candidates), "fraction_of", m, dict(extra or {}, of=of[1])))
            elif kind in _COVERING_KINDS and end > cover_end:
                cover_start, cover_end, cover = start, end, len(candidates)
            if kind in _COUNT_COVERS and end - start > longest_len:
                longest, longest_len = len(candidates), end - start
            # Longest match wins; on equal length the more specific kind, then the earlier.
            add((start - end, -priority, start, len(candidates), kind, m, extra))
    if not candidates:
        return []
    candidates.sort()
    chosen: list[Figure] = []
    anchors = _Anchors(text, lower)
    if len(text) > 2000:  # an article: mark the chosen figures' characters
        taken = bytearray(len(text) + 1)
        for neg_len, _, start, seq, kind, m, extra in candidates:
            end = start - neg_len
            if taken.find(1, start, end) >= 0:
                continue
            fig = _build(kind, start, end, m, extra, text, published, anchors, offset)
            if fig is None:
                continue
            s, e = fig.start - offset, fig.end - offset
            taken[s:e] = b"\x01" * (e - s)
            chosen.append(fig)
            needed.discard(seq)
    else:  # a sentence: compare with the few figures chosen so far
        spans: list[tuple[int, int]] = []
        for neg_len, _, start, seq, kind, m, extra in candidates:
            end = start - neg_len
            for s, e in spans:
                if start < e and s < end:
                    break
            else:
                fig = _build(kind, start, end, m, extra, text, published, anchors, offset)
                if fig is not None:
                    spans.append((fig.start - offset, fig.end - offset))
                    chosen.append(fig)
                    needed.discard(seq)
    if needed:
        # A figure whose inner numbers were skipped was not chosen: fine if a chosen figure
        # contains it (and so them), otherwise do it again in full.
        spans_by_seq = {c[3]: (c[2], c[2] - c[0]) for c in candidates if c[3] in needed}
        for s, e in spans_by_seq.values():
            if not any(f.start - offset <= s and e <= f.end - offset for f in chosen):
                return _parse(text, published, offset, tokens, False)
    if len(chosen) > 1:
        chosen.sort(key=_start_of)
    return chosen


_start_of = attrgetter("start")


# --- building figures -------------------------------------------------------------------------

def _canon_qual(q: str | None) -> str | None:
    if not q:
        return None
    low = q.lower()
    canon = _QUAL_CANON.get(low)
    if canon is None:
        low = _SPACES.sub(" ", low)
        canon = _QUAL_CANON.get(low, low)
    return canon


def _num(s: str | None) -> float | None:
    if s is None:
        return None
    return parse_number(s)


def _sig(x: float, digits: int = 6) -> float:
    """Round to significant digits, so 5 m² stays 5e-06 km² instead of 0.0."""
    if digits == 6 and x.is_integer() and -1e6 < x < 1e6:
        return float(x)  # already exact to six digits
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
    if u.startswith(("ден", "днев", "дн")):
        return "day"
    if u.startswith(("тиж", "недел")):
        return "week"
    if u.startswith(("місяц", "месяц")):
        return "month"
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
    if v is None or not 1800 <= v <= 2099 or v != int(v):
        return False
    raw = raw.strip()
    return len(raw) == 4 and raw.isdecimal()


def _build(kind: str, s: int, e: int, m: re.Match, extra: dict | None, text: str, published: date | None,
           anchors: _Anchors, offset: int) -> Figure | None:
    """The figure of a candidate match of ``kind`` spanning text[s:e] (look-backs included)."""
    g = m.groupdict()
    if extra:
        g.update(extra)
    qual = g.get("qual")
    if qual:
        qual = _canon_qual(qual)
    if g.get("plus"):
        qual = qual or "more than"

    # (The commonest kinds first.)
    if kind == "count":
        return _build_count(m, g, text, s, e, offset, qual)

    if kind.startswith("date_"):
        return _build_date(kind, s, e, m, g, text, published, anchors, offset)

    if kind == "percent":
        num = g["num"].lower()
        v = 1.0 if num in ("a", "an") else _num(num)
        if v is None or (num == "one" and not qual and "%" not in m.group(0)):
            return None
        if g.get("andhalf"):
            v += 0.5
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

    if kind == "fraction_cyr":
        return _build_fraction_cyr(m, g, text, s, e, offset, qual)

    if kind == "fraction_of":
        return _build_fraction_of(m, g, text, s, e, offset, qual, published, anchors)

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

    return None


def _fraction_value(m, g, text, e, qual, followed_ok: bool | None = None) -> float | None:
    """numerator/denominator of a fraction ("two-thirds" -> 2/3), or None if it is not one
    ("one and a half", "the second half of 2023", "a third world war")."""
    den_word = g["den"].lower()
    numer_word = (g.get("numer") or "").lower()
    den = _FRACTIONS[den_word]
    if followed_ok is None:
        followed_ok = _FRACTION_FOLLOW.match(text[e : e + 12]) is not None
    start = g["numer_start"] if numer_word else m.start("den")
    before = _preceding_word(text, start)
    if before == "and" and not qual:
        # "one and a half", "a mile and a half": part of a number or a quantity; but "and a
        # third of them", "and half of them" are fractions.
        if den == 2 and numer_word in ("a", "an", "one"):
            return None
        and_at = text.rfind("and", max(0, start - 40), start)
        word = _preceding_word(text, and_at) if and_at >= 0 else ""
        if word and (word.isdigit() or parse_number(word) is not None):
            return None
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
    return numer / den


def _build_fraction(m, g, text, s, e, offset, qual) -> Figure | None:
    f = _fraction_value(m, g, text, m.end(), qual)
    if f is None:
        return None
    v = round(100 * f, 2)
    return _fig(text, s, e, offset, value=v, unit="percent", kind="fraction", qualifier=qual,
                si_value=v, si_unit="percent")


def _build_fraction_of(m, g, text, s, e, offset, qual, published, anchors) -> Figure | None:
    """"six tenths of one percent" -> 0.6 percent, "half a million people" -> 500,000 people."""
    f = _fraction_value(m, g, text, m.end(), qual, followed_ok=True)
    if f is None:
        return None
    form, what, q, cur = g["of"]
    if form == "number":  # "half of 1 percent": the figure it is a fraction of, scaled
        base = _build(what, q.start(), q.end(), q, None, text, published, anchors, 0)
        if base is None or base.value is None:
            return None
        return _fig(text, s, e, offset, value=_sig(f * base.value), unit=base.unit, kind=base.kind,
                    qualifier=qual, si_value=None if base.si_value is None else _sig(f * base.si_value),
                    si_unit=base.si_unit)
    word = q.group(what if what in ("pp", "pct", "area", "dist", "dur") else "scale").lower()
    if what in ("pp", "pct"):
        unit, v = ("pp" if what == "pp" else "percent"), _sig(100 * f) / 100
        return _fig(text, s, e, offset, value=v, unit=unit, kind="percent", qualifier=qual,
                    si_value=v, si_unit=unit)
    if what == "area":
        unit = _area_unit(word)
        return _fig(text, s, e, offset, value=_sig(f), unit=unit, kind="area", qualifier=qual,
                    si_value=_sig(f * _AREA_TO_KM2[unit]), si_unit="km2")
    if what == "dist":
        unit = _distance_unit(word)
        return _fig(text, s, e, offset, value=_sig(f), unit=unit, kind="distance", qualifier=qual,
                    si_value=_sig(f * _DIST_TO_KM[unit]), si_unit="km")
    if what == "dur":
        unit = _duration_unit(word)
        return _fig(text, s, e, offset, value=_sig(f), unit=unit, kind="duration", qualifier=qual,
                    si_value=_sig(f * _DURATION_UNITS[unit]), si_unit="day")
    v = _sig(f * (12 if word == "dozen" else SCALES[word]))  # "half a million (people)"
    if what == "money":
        unit = _currency(cur)
        return _fig(text, s, e, offset, value=v, unit=unit, kind="money", qualifier=qual,
                    si_value=v, si_unit=unit)
    unit = "people" if what == "people" else None
    return _fig(text, s, e, offset, value=v, unit=unit, kind="count", qualifier=qual,
                si_value=v, si_unit=unit)


def _build_fraction_cyr(m, g, text, s, e, offset, qual) -> Figure | None:
    """"п'ята частина" -> 20 percent, "дві третини" -> 66.67, "половину" -> 50."""
    ordinal = g.get("ord")
    if ordinal:
        den = _CYR_ORDINALS[re.sub("['’ʼ]", "'", ordinal.lower())]
    else:
        den = 2 if g.get("half") else 3 if g.get("third") else 4
        # "во второй половине 2023 года", "четверть века": a time, not a share.
        if _preceding_word(text, m.start()).startswith(_CYR_ORDINAL_BEFORE) or _CYR_TIME_AFTER.match(text, e):
            return None
    numer = _CYR_NUMERATORS.get((g.get("numer") or "").lower(), 1)
    if numer >= den:
        return None
    v = round(100 * numer / den, 2)
    return _fig(text, s, e, offset, value=v, unit="percent", kind="fraction", qualifier=qual,
                si_value=v, si_unit="percent")


def _build_duration(m, g, text, s, e, offset, qual) -> Figure | None:
    n = g["num"].lower()
    if not n.isalnum():
        n = " ".join(n.split())
    unit = _duration_unit(g["unit"])
    q = qual
    if n in ("a", "an", "one"):
        # "one-month ceasefire": joined by a hyphen, "one" is the number of a compound.
        if not (qual or g.get("suffix") or g.get("andhalf") or "-" in m.group(0)
                or _DURATION_CONTEXT.match(text[e : e + 20].lower())):
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
    if g.get("andhalf") and v is not None:
        v += 0.5  # "a year and a half"
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
    ns = m.start("num")
    # (The word before a number is separated from it: only then can it be "Article" etc.)
    if ns and (text[ns - 1].isspace() or text[ns - 1] == "-") and _preceding_word(text, ns) in _ID_HEADS:
        return None
    after = text[e : e + 2]
    if after.startswith(")") and v <= 20 and "(" not in text[max(0, s - 1) : s]:
        return None  # inline enumerator "1) ..."
    rest = text[e : e + 40].lstrip()
    if (not rest or rest[0] in _CLOCK_START) and _CLOCK.match(text, e):
        return None
    if noun:
        unit = "people"
    else:
        unit = "people" if rest[:3].casefold() in _PEOPLE_HEADS and _PEOPLE_RE.match(rest) else None
        if unit is None and (rest[:2] == "of" or not rest):
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
_TIMELINE_LINE = re.compile(
    rf"[ \t\u00a0]*(?:[-•*]\s+)?(?:[A-Z][a-z]{{2,8}}\.?\s+(?:\d{{1,2}},?\s+)?)?(?:[A-Z][a-z]+\s+)?(?P<y>{_YEAR})\s*[:–—-]"
)


def _timeline_years(text: str) -> dict[int, int]:
    """Year of each timeline entry ("Feb. 12, 2015: ..."), keyed by the line's start offset."""
    years: dict[int, int] = {}
    if ":" not in text and "–" not in text and "—" not in text and "-" not in text:
        return years  # an entry's year is followed by one of these
    # As _TIMELINE_ENTRY.finditer, tried only at line starts.
    pos, n = 0, len(text)
    while pos <= n:
        m = _TIMELINE_LINE.match(text, pos)
        if m is not None:
            years[pos] = int(m.group("y"))
            if text[m.end() - 1] == "\n":
                pos = m.end()
                continue
            nl = text.find("\n", m.end())
        else:
            nl = text.find("\n", pos)
        if nl < 0:
            break
        pos = nl + 1
    return years


def _anchor_year(text: str, pos: int, anchors: _Anchors) -> int | None:
    return anchors.year_at(pos)


_FUTURE_CUES_LOWER = _lowercase_pattern(_FUTURE_CUES)
_PEOPLE_AFTER_LOWER = _lowercase_pattern(_PEOPLE_AFTER)


def _future_context(text: str, s: int, e: int) -> bool:
    """Whether the sentence around text[s:e] (lower-cased text) speaks of the future."""
    left = max(text.rfind(". ", max(0, s - 200), s), text.rfind("\n", max(0, s - 200), s), s - 200)
    right_candidates = [i for i in (text.find(". ", e, e + 201), text.find("\n", e, e + 201)) if i >= 0]
    right = min(right_candidates + [e + 200])
    # The figure itself is not a cue ("In May" is not the modal "may").
    cues = _FUTURE_CUES_LOWER
    return cues.search(text, left + 1, s) is not None or cues.search(text, e, right) is not None


def _year_for(month: int, day: int | None, published: date | None, anchor: int | None,
              future: Callable[[], bool]) -> int | None:
    """The year of a date without one; ``future()`` says whether the sentence looks ahead
    (called only when the answer matters)."""
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
    future = future()
    if future:
        # Next occurrence on or after (roughly) the article date.
        if candidate < published - timedelta(days=31 if day is None else 7):
            return y + 1
        return y
    # Past bias: news mostly reports what happened; a week of slack for announced events.
    if day is None:
        return y if month <= published.month or future else y - 1
    return y if candidate <= published + timedelta(days=7) else y - 1


def _build_date(kind: str, s: int, e: int, m: re.Match, g: dict, text: str, published: date | None,
                anchors: _Anchors, offset: int) -> Figure | None:

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
        day = g["day"]  # "3", "03", "3rd"
        day = int(day[:2] if day[1:2].isdigit() else day[:1])
        if mo is None:
            return None
        if g.get("year"):
            y = int(g["year"])
        else:
            y = _year_for(mo, day, published, _anchor_year(text, s, anchors), lambda: _future_context(anchors.lowered(), s, e))
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
                y = _year_for(mo, None, published, _anchor_year(text, s, anchors), lambda: _future_context(anchors.lowered(), s, e))
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

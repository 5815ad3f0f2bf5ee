"""The words a figure can start at, and which figure kinds each one can start."""

from __future__ import annotations

import re

from ..lexicon import words
from ..numbers import (
    CYRILLIC_HALF_WORDS,
    CYRILLIC_NUMBER_WORDS,
    CYRILLIC_SCALE_WORDS,
    FOREIGN_SCALE_WORDS,
    SCALES,
    TENS,
    UNITS,
)
from ..numerals_words import AMBIGUOUS_WORDS, NUMBER_WORDS
from .patterns import (
    _AMOUNT_PATTERNS,
    _CYR_ORDINAL_ENDINGS,
    _CYR_ORDINALS,
    _FRACTIONS,
    _MONTH_PATTERNS,
    _NUMBER_PATTERNS,
    _WEEKDAYS,
    CURRENCY_CODES,
)

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
    "cyrnum": tuple(_AMOUNT_PATTERNS) + ("fraction_cyr",),
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


_CYR_FRACTION_TOKENS = frozenset(_cyrillic_fraction_tokens())
for _w in _CYR_FRACTION_TOKENS:
    _WORD_TRIGGERS.setdefault(_w, ("cyrfrac",))
# Ukrainian and Russian number words ("двадцять", "тисяча", "півтора"); a word with an
# apostrophe ("п'ять") is found by its first token ("п"), which may also start a fraction.
for _w in (*CYRILLIC_NUMBER_WORDS, *CYRILLIC_HALF_WORDS, *CYRILLIC_SCALE_WORDS):
    _WORD_TRIGGERS[_w.split("'")[0]] = ("cyrnum",)
    if "'" in _w:
        _WORD_TRIGGERS[_w.replace("'", "ʼ")] = ("cyrnum",)
# Number words of other languages ("cinco", "τρεις", "åtte"); those that are common words too
# ("un", "to", "on") start a number only where a scale word follows (see triggers._WORD_NEEDS).
for _w in (*NUMBER_WORDS, *AMBIGUOUS_WORDS):
    _WORD_TRIGGERS.setdefault(_w, ("cyrnum",))
FOREIGN_AMBIGUOUS = frozenset(w for w in AMBIGUOUS_WORDS if _WORD_TRIGGERS[w] == ("cyrnum",))
FOREIGN_SCALE_TOKENS = frozenset(FOREIGN_SCALE_WORDS)
_WORD_KINDS = {w: _TRIGGERS[k[0]] for w, k in _WORD_TRIGGERS.items()}
_CASED_WORDS = frozenset(w for w, k in _WORD_TRIGGERS.items() if k[0] in ("month", "weekday"))
_WORD_KEYS = frozenset(_WORD_KINDS)
# Scanning helpers: a token is a run of letters and digits (cues.TOKEN_RE); str.isalnum is
# exactly the character class [^\W_] of that pattern.
_TOKEN = re.compile(r"[^\W_]+")
_A_THEN_WORD = re.compile(r"a(?<![^\W_]a)n?(?=[\W_]+([^\W_]+))")
_CURRENCY_SIGN = re.compile(rf"[$€£₴₽]|\b(?:{'|'.join(CURRENCY_CODES)})(?=\s?\d)")
_NUMBER_JOINERS = frozenset(",.\u202f\u2009")

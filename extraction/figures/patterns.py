"""Regular-expression sources of every figure kind, and the words and tables they are built from."""

from __future__ import annotations

import re
from typing import NamedTuple

from ..lexicon import words
from ..numbers import (
    DIGIT_NUMBER,
    NUMBER,
    SCALES,
)
from .numerals_months import FOREIGN_MONTH


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
    # "до 1300 людей": up to, unless a verb of change makes it "to" (see parsing._rose_to).
    "up to": ("up to", "as many as", "as much as", "at most", "no more than", "до"),
    "less than": ("less than", "fewer than", "under", "below", "менее", "менее чем", "меньше",
                  "меньше чем", "менше", "менше ніж", "менш ніж", "менше за"),
}
# The same qualifiers in other languages of the reporting ("mais de 3.000 km2", "mindestens 50",
# "ok. 300 osób", "речиси 6.000", "Σχεδόν 5 εκατ.").
FOREIGN_QUALIFIERS = {
    "more than": ("mais de", "más de", "mehr als", "über", "plus de", "oltre", "più di", "ponad",
                  "mahigit", "meer dan", "yli", "över", "više od", "zaidi ya", "peste",
                  "mai mult de", "περισσότερα από", "περισσότεροι από", "πάνω από"),
    "at least": ("al menos", "por lo menos", "pelo menos", "mindestens", "almeno", "co najmniej",
                 "au moins", "vähintään", "najmanje", "minstens", "cel puțin", "τουλάχιστον"),
    "nearly": ("quase", "casi", "lähes", "σχεδόν", "речиси", "prawie", "bijna", "nästan",
               "nahezu", "presque", "skoro", "karibu", "gotovo", "aproape", "nærmere"),
    "about": ("cerca de", "alrededor de", "unos", "unas", "etwa", "rund", "circa", "około", "ok.",
              "environ", "zo'n", "ongeveer", "noin", "περίπου", "aproximadamente", "intorno a",
              "ungefär", "omkring", "takriban", "aproximativ", "sekitar", "circa"),
    "up to": ("hasta", "até", "bis zu", "fino a", "jusqu'à", "opp til"),
    "less than": ("menos de", "weniger als", "meno di", "moins de", "mniej niż", "minder dan",
                  "mindre enn"),
}
CANONICAL_QUALIFIERS = {k: tuple(dict.fromkeys(v + FOREIGN_QUALIFIERS.get(k, ())))
                        for k, v in CANONICAL_QUALIFIERS.items()}
_QUAL_CANON = {v: k for k, vs in CANONICAL_QUALIFIERS.items() for v in vs}
_QUAL = "|".join(
    re.escape(q).replace(r"\ ", r"\s+") for q in sorted(_QUAL_CANON, key=len, reverse=True)
)
# Square kilometres and kilometres in other languages of the reporting.
_FOREIGN_AREA = (r"(?:quil[oô]metros?|kil[oó]metros?|chilometri|kilom[eè]tres?|kilometr[oó]w|kilometara|"
                 r"kilometrů|kilometrov|kilometri|χιλιόμετρα|километри|km)\s+(?:quadrados|cuadrados|"
                 r"quadrati|carr[ée]s|kwadratowych|kvadratnih|čtverečních|štvorcových|pătrați|patrati|"
                 r"τετραγωνικά|квадратни)\b|(?:τετραγωνικά|квадратни)\s+(?:χιλιόμετρα|километри)\b|"
                 r"quadratkilometer\w*|kvadratkilomet\w*|neliökilomet\w*|km\s+kw\b\.?|km\s+kv\b\.?")
_FOREIGN_KM = (r"quil[oô]metros?\b|kil[oó]metros?\b|chilometri\b|kilom[eè]tres?\b|kilometr[oó]w\b|"
               r"kilometara\b|kilometrů\b|kilometrov\b|kilometri\w*|χιλιόμετρα\b|километра\b|километри\b")
_CHANGE = r"drop|decline|fall|decrease|increase|rise|jump|gain|growth|reduction|cut|surge|plunge|hike|slump|contraction|loss"
_SCALE = "|".join(SCALES)
# A number: digits or number words, with an optional half ("two and a half") and scale word
# ("5 million", "2,5 млн"); see numbers.NUMBER.
_NUM = NUMBER
# Scripts written without spaces (kana, CJK ideographs, hangul): a number stands right
# against their letters ("ミサイル60発", "477架", "60발"), so they are no word around it.
CJK = "\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f"
# A word character of a script written with spaces (not CJK): what may not touch a number.
_SPACED_W = rf"(?![{CJK}])\w"
# CJK signs of a date or a time right after a number ("29日", "3月", "2024年", "10時"): no count.
_CJK_DATE_SIGNS = "日月年時时分秒号號일월년시"
# No letter, hyphen, slash, currency sign or digit separator right before a number: keeps
# "Su-25", "F-16", "COVID-19", "G7", URLs and times out.
_B = rf"(?<![\-–./,$€£₴₽#:])(?<!{_SPACED_W})"
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
    r"journalists|Russian\s+soldiers|Ukrainian\s+soldiers|suspects|detainees|defendants|"
    r"bodies|corpses|"
    r"людей|людини|осіб|человек|солдат\w*|військов\w*|военн\w*|жител\w*|мешканц\w*|дітей|детей|"
    r"загиблих|погибших|поранених|раненых|полонених|пленных|біженц\w*|беженц\w*|"
    # The same in other languages of the reporting ("Τρεις άνθρωποι", "zwölf Tote", "osam osoba").
    r"personas|pessoas|persone|personnes|menschen|personen|mensen|osób|osoby|osoba|ljudi|oameni|"
    r"persoane|personer|mennesker|människor|ihmistä|henkeä|άνθρωποι|ανθρώπων|ανθρώπους|άτομα|"
    r"ατόμων|kişi|insan|orang|ember|embert|أشخاص|قتلى|قتيلا|muertos|mortos|morti|morts|tote|toten|"
    r"zabitych|civiles|civis|civili|civils|zivilisten|cywilów|civila|sivilister|siviiliä|άμαχοι|"
    r"soldados|soldati|soldats|soldaten|żołnierzy|vojnika|soldați|niños|crianças|bambini|enfants|"
    r"kinder|dzieci|djece|copii|lasta|παιδιά|çocuk|refugiados|rifugiati|réfugiés|flüchtlinge|"
    r"uchodźców|izbjeglica|refugiați|flyktninger|flyktingar|pakolaista|πρόσφυγες|mülteci|"
    r"prisioneros|prigionieri|prisonniers|gefangene|jeńców|zarobljenika|hombres|homens|uomini|"
    r"hommes|männer|mężczyzn|muškaraca|bărbați|menn|män|miestä|άνδρες|άντρες|mujeres|mulheres|"
    r"donne|femmes|frauen|kobiet|femei|corpi|cuerpos|corpos|leichen|sospechosos|sospettati|"
    r"verdächtige|podejrzanych|підозрюван\w*|подозреваем\w*|затриман\w*|задержанн\w*"
)
# A bare count right after or before a verb of a toll counts people: "killed four",
# "three were wounded", "загинули четверо", "погибли трое".
_TOLL_VERB = (r"killed|killing|kills|dead|died|wounded|wounding|injured|injuring|hurt|"
              r"detained|arrested|sentenced|загинул\w*|загибл\w*|вбит\w*|убит\w*|погиб\w*|"
              r"поранен\w*|ранен\w*|затриман\w*|задержан\w*|засуджен\w*|осужден\w*")
_TOLL_BEFORE = re.compile(rf"(?:^|\W)(?:{_TOLL_VERB})\s+(?:at\s+least\s+|about\s+|some\s+|ще\s+|еще\s+|ещё\s+)?$",
                          re.IGNORECASE)
_TOLL_AFTER = re.compile(rf"(?:(?:were|was|are|have\s+been|had\s+been|has\s+been|were\s+reported|"
                         rf"others|more|people|of\s+them)\s+)*(?:{_TOLL_VERB})\b", re.IGNORECASE)
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
# Hours, minutes and seconds too ("2 часа 45 минут"), and plural years ("5 років", "10 лет").
_CYR_DURATION = (r"(?:денн\w*|дневн\w*|днів|дней|дні|дня|день|добу|доби|діб|суток|сутки|тижн\w*|тиждень|недел\w*|"
                 r"місяц\w*|месяц\w*|годин\w*|часа|часов|час|хвилин\w*|минут\w*|секунд\w*|років|роки|лет)")
_CYR_DURATION_STEMS = ("денн", "дневн", "днів", "дней", "дні", "дня", "день", "добу", "доби", "діб", "суток", "сутки",
                       "тижн", "тиждень", "недел", "місяц", "месяц", "годин", "часа", "часов", "час", "хвилин",
                       "минут", "секунд", "років", "роки", "лет")
# The smaller unit of a compound duration: "2 hours 45 minutes", "два тижні й три дні".
_DURATION_PART = (r"(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|"
                  r"годин\w*|часа|часов|час|хвилин\w*|минут\w*|секунд\w*|днів|дней|дні|дня|день|діб|суток|"
                  r"тижн\w*|тиждень|недел\w*|місяц\w*|месяц\w*)")
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

# "2000 Russian troops", "2000 shells": four digits before what they count are a count, not a
# year ("in 2000 troops ...", "since 2014 civilians ..." keep the year).
_THINGS = (r"shells|drones|missiles|rockets|tanks|vehicles|buildings|homes|houses|apartments|"
           r"settlements|villages|towns|sorties|strikes|attacks|UAVs|bombs|artillery\s+rounds")
_PREPOSITIONS = ("in", "of", "by", "since", "until", "after", "before", "в", "у", "с", "до", "на")
_COUNTED_AFTER = re.compile(rf"\s+(?:\w+\s+)?(?:{_PEOPLE}|{_THINGS})\b", re.IGNORECASE)
# "6 May ", "May 6, ", "Sept. 30 ": a day and month right before four digits make them its year.
_DATE_BEFORE = re.compile(rf"(?:\b\d{{1,2}}\s+(?:{_MONTH})\.?|\b(?:{_MONTH})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?)\s+$",
                          re.IGNORECASE)
# ISO codes written before an amount ("EUR 2bn", "USD 1.2bn"): only then a currency.
CURRENCY_CODES = ("USD", "EUR", "GBP", "UAH", "RUB")
_CODES = "|".join(CURRENCY_CODES)
_PREPOSITION_BEFORE = re.compile(rf"\b(?:{'|'.join(_PREPOSITIONS)})\s$", re.IGNORECASE)


def closes_a_date(text: str, start: int) -> bool:
    """A day and a month stand right before ``start`` ("6 May 2022", "May 6, 2022")."""
    return _DATE_BEFORE.search(text, max(0, start - 16), start) is not None


def year_counts_a_thing(text: str, start: int, end: int) -> bool:
    """The four digits at text[start:end] count what follows them ("2000 Russian shells"),
    unless a preposition makes them a year ("in 2000 troops ...") or they close a date ("a
    strike on 6 May 2022 killed ten")."""
    return _COUNTED_AFTER.match(text, end) is not None and not _PREPOSITION_BEFORE.search(
        text, max(0, start - 8), start) and not closes_a_date(text, start)


_NUMBER_PATTERNS = {
    "date_numeric": (10, _Source(
        rf"(?<![\w/.-])(?:(?P<y1>{_YEAR})-(?P<m1>0[1-9]|1[0-2])-(?P<d1>[0-3]\d)|"
        rf"(?P<m2>0?[1-9]|1[0-2])/(?P<d2>[0-3]?\d)/(?P<y2>\d{{4}}|\d{{2}})|"
        rf"(?P<d3>[0-3]?\d)\.(?P<m3>0?[1-9]|1[0-2])\.(?P<y3>\d{{4}}))(?![\w/])", I)),
    "date_dmy": (10, _Source(
        rf"(?<![\w,.])(?P<day>{_DAY})\s+(?:of\s+)?(?P<month>{_MONTH})(?!\w)(?:,?\s+(?P<year>{_YEAR})\b)?", I)),
    "date_dmy_cyr": (10, _Source(
        rf"(?<![\w,.])(?P<day>{_DAY})\s+(?P<month>{_CYR_MONTH})\b(?:\s+(?P<year>{_YEAR})(?:\s*(?:року|р\.|года|г\.))?)?", I)),
    # "29 de marzo de 2022", "24. Februar 2022", "9 listopada", "24 Φεβρουαρίου" (not Romanian
    # "2 mai mult": "more").
    "date_dmy_foreign": (10, _Source(
        rf"(?<![\w,.])(?P<day>{_DAY})\.?\s+(?:de\s+)?(?P<month>{FOREIGN_MONTH})(?!\w)"
        rf"(?!\s+(?:mult|multe|mulți|puțin))(?:,?\s+(?:de\s+|del\s+)?(?P<year>{_YEAR})\b)?", I)),
    "date_decade": (10, _Source(r"(?<![\w-])(?P<dec>1[89]\d0|20\d0)['’]?s\b", I)),
    "date_year": (8, _Source(
        rf"(?:(?<=[Mm]id-)|(?<=[Ee]arly-)|(?<=[Ll]ate-)|{_B})(?P<year>{_YEAR})"
        rf"(?:\s*[-–—]\s*(?P<year2>{_YEAR}|\d{{1,2}})\b)?(?![%]|{_SPACED_W})(?!,\d)(?!\.\d)", I)),
}
_AMOUNT_PATTERNS = {
    "date_relative_ago": (10, _Source(rf"(?P<n>{_NUM}|an?)\s+(?P<unit3>days?|weeks?|months?|years?)\s+ago\b", I)),
    "money_suffix": (7, _Source(
        rf"{_B}(?P<num>{_NUM})\s*(?P<scale>тис\.?|тыс\.?|млн|млрд|bn|mn|mln)?\s*(?:(?:de|di)\s+)?"
        rf"(?P<cur>(?:U\.?S\.?[\s-]+)?dollars?|d[óo]lar(?:es)?|dollari|euros?|pounds?(?:\s+sterling)?|roubles?|rubles?|"
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
        rf"кв\.?\s*(?:км|кілометр\w*|километр\w*)|квадратн\w+\s+(?:км|кілометр\w*|километр\w*)|"
        # Other languages: "6.000 quilômetros quadrados", "1.000 km²" read above, "km kw.".
        rf"{_FOREIGN_AREA})", I)),
    "distance": (5, _Source(
        rf"{_B}(?P<num>{_NUM})(?P<plus>\+)?[\s-]*(?P<unit>kilomet(?:er|re)s?\b|kms?\b|miles?\b|mi\b|met(?:er|re)s?\b|км\b|кілометр\w*|километр\w*|"
        rf"{_FOREIGN_KM})", I)),
    "duration": (5, _Source(
        rf"(?P<num>{_NUM}|an?|several|a\s+few|a\s+couple\s+of|few|many)[\s-]+"
        rf"(?P<unit>seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|yrs?|decades?|centur(?:y|ies)|"
        rf"{_CYR_DURATION})\b"
        rf"(?P<andhalf>\s+{_AND_A_HALF})?"
        rf"(?:,?\s+(?:and\s+|і\s+|й\s+|та\s+|и\s+)?(?P<num_b>{_NUM})\s+(?P<unit_b>{_DURATION_PART})\b)?"
        rf"(?:[\s-](?P<suffix>long|old))?", I)),
    "range": (5, _Source(
        rf"{_B}(?P<num>{_NUM})\s*(?P<conn>-|–|—|to|and|or)\s*(?P<num2>{_NUM})(?P<plus>\+)?[\s-]*"
        rf"(?P<unit>seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|square\s+(?:miles?|kilomet(?:er|re)s?)|km²|"
        rf"kilomet(?:er|re)s?|km|miles?|{_PEOPLE})?\b", I)),
    "groups": (3, _Source(
        r"(?P<grp>(?:hundreds|tens|dozens|scores|thousands|millions|billions)(?:\s+of\s+(?:thousands|millions|billions))?|"
        r"(?P<few>several|a\s+few)\s+(?:hundred|thousand|million|billion|dozen))\b(?=\s+of\b|\s+\w|\s*[,.;:)!?]|\s*$)", I)),
    # The people noun after a count ("5,000 troops") is matched separately: see _people_after.
    "count": (2, _Source(rf"{_B}(?P<num>{_NUM})(?P<plus>\+)?(?![%{_CJK_DATE_SIGNS}]|{_SPACED_W})(?!\.\d)(?!\.[A-Za-z])(?!:\d)", I)),
}
_MONTH_PATTERNS = {
    "date_mdy": (10, _Source(
        rf"(?P<month>{_MONTH})\s+(?P<day>{_DAY})\b(?:\s*[-–]\s*{_DAY}\b(?=,?\s+{_YEAR}\b))?"
        rf"(?:,?\s+(?P<year>{_YEAR})\b)?(?!\s*(?:%|percent|per\s+cent))", I)),
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
        rf"(?P<cur>US\$|U\.S\.\s?\$|\$|€|£|₴|₽|(?:{_CODES})(?=\s?\d))\s?(?P<num>{DIGIT_NUMBER})(?:\s*(?P<scale>{_SCALE})\b|\s?(?P<short>bn|mn|mln|tn|[bmk])\b)?", I)),
}
_ALL_PATTERNS = {**_NUMBER_PATTERNS, **_AMOUNT_PATTERNS, **_MONTH_PATTERNS, **_OTHER_PATTERNS}

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



_PEOPLE_AFTER_LOWER = _lowercase_pattern(_PEOPLE_AFTER)

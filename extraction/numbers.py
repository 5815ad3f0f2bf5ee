"""Number words and digit strings to floats, shared by the figure parser and the name normaliser."""

from __future__ import annotations

import re

from .numerals_words import AMBIGUOUS_WORDS, HALF_TAIL, HALF_TAIL_RE, NUMBER_WORDS

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
SCALES = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
# Abbreviated scales after digits ("$1.5bn", "40 mln").
SHORT_SCALES = {"bn": 1e9, "b": 1e9, "mn": 1e6, "mln": 1e6, "m": 1e6, "k": 1e3, "tn": 1e12}

_SMALL = "|".join(sorted(list(UNITS) + list(TENS), key=len, reverse=True))
_SCALE = "hundred|thousand|million|billion|trillion"
# One number-word token: "twenty-five", "five", "hundred", "dozen".
WORD_TOKEN = rf"(?:(?:{'|'.join(TENS)})-(?:{'|'.join(k for k in UNITS if 0 < UNITS[k] < 10)})|{_SMALL}|(?:{_SCALE})s?|dozen)"
# A run of number words ("two hundred thousand", "a hundred", "a dozen").  Bare "a"/"an" is
# only allowed in front of a scale word; the parser rejects anything else.
# "and" joins a scale word to what follows it: "one hundred and twenty", "a thousand and one".
_AND_AFTER_SCALE = r"(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion))[\s-]+and"
WORD_NUMBER = rf"(?:(?:an?|one)\s+(?:{_SCALE}|dozen)|{WORD_TOKEN})(?:(?:{_AND_AFTER_SCALE})?[\s-]+(?:{WORD_TOKEN}))*"
# A digit number with optional thousands separators and decimals: "10,000", "0.6", "10 000"
# (thin, narrow or no-break space), and the decimal comma of Ukrainian and Russian text ("0,6",
# "18,5"), taken as one when it cannot be a thousands separator: "0," or one or two digits
# before a percent sign or a Cyrillic word ("18,5 відсотка", "2,5 млн").
_BEFORE_UNIT = r"(?=\s*(?:%|％|[\u0400-\u04ff]))"  # a percent sign or a Cyrillic word follows
# ... or a scale word of another language ("4,8 milhões", "6,5 millones").
_BEFORE_SCALE = r"(?=\s+(?:mil|milh|mill|milj|milyon|milyar|bilh|εκατ|δισ|tỷ|triệu|juta|tys|tis|mld|mln|lakh|crore))"
_DECIMAL = rf"(?:\.\d+|,\d{{1,2}}(?![\d,])(?:{_BEFORE_UNIT}|{_BEFORE_SCALE}))?"
# A plain space groups thousands before a percent sign or a word in any script ("19 546
# bērni", "16 000 children"), but not after a month ("May 5 100 people" is a date and a count).
_GROUP_FOLLOW = r"(?=\s*(?:%|％|[^\W\d_]))"
_MONTH_FORMS = ("january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december", "jan.", "feb.", "mar.", "apr.",
                "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.", "jan", "feb",
                "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")
NOT_A_DAY = "".join(rf"(?<!(?i:{re.escape(m)}) \d)(?<!(?i:{re.escape(m)}) \d\d)" for m in _MONTH_FORMS)
# Dots group thousands in much of Europe ("19.514 bambini", "3.000 km2"): one to three digits
# (not a leading 0) and groups of three, never before a scale word ("4.815 million") or a
# percent sign.
SCALE_AFTER_DOT = (r"\s*(?:hundred|thousand|million|billion|trillion|bn|mn|mln|m\b|b\b|k\b|тис|тыс"
                   r"|млн|млрд|%|％|percent|per\s*cent|mil|milh|mill|milj|milyon|milyar|мільй|милл"
                   r"|мільяр|εκατ|δισ|tỷ|triệu|juta|mld|lakh|crore)")
DOTTED_THOUSANDS = rf"[1-9]\d{{0,2}}(?:\.\d{{3}})+(?![\d.,])(?!{SCALE_AFTER_DOT})"
DIGIT_NUMBER = (
    rf"(?:0,\d+(?![\d,])|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d{{1,3}}(?:[\u00a0\u202f\u2009]\d{{3}})+{_DECIMAL}"
    rf"|\d{{1,3}}{NOT_A_DAY}(?: \d{{3}})+(?:,\d{{1,2}})?(?!\d){_GROUP_FOLLOW}|{DOTTED_THOUSANDS}"
    rf"|\d+{_DECIMAL})"
)
_DOTTED_THOUSANDS_RE = re.compile(DOTTED_THOUSANDS)
_PLAIN_DIGITS = re.compile(r"[\d.,\s\u00a0\u202f\u2009]+")
# Halves and quarters after a number: "one and a half", "two and a half million", "1 1/2",
# "1½" (see parse_number).
FRACTION_TAIL = (
    r"(?:[\s-]+and[\s-]+(?:a|one)[\s-]+(?:half|quarter)|[\s-]+and[\s-]+three[\s-]+quarters"
    r"|[ \u00a0]+[1-9]/(?:[2-9]|1[0-6])(?![\d/])|\s?[½¼¾⅓⅔⅛])"
)
# Scales after digits: English words and the abbreviations of Ukrainian and Russian text
# ("5 тис." / "5 тыс." thousand, "2 млн" million, "1 млрд" billion), and "тисячі"/"тысячи".
CYRILLIC_SCALES = {"тис": 1e3, "тыс": 1e3, "млн": 1e6, "млрд": 1e9}
# Scale words of other languages after digits ("7.1 milyon", "350 Milliarden", "4,8 milhões",
# "6,48 миллиона", "100,000 millones", "5 εκατ."), lower case.
FOREIGN_SCALES = {
    **dict.fromkeys("""millones millón millon milhões milhão millionen millions milioni milione
        milionów miliony milion miljoenen miljoen miljoner millioner miljoni miljonu miljoonaa
        miljoona milyon мільйонів мільйона мільйони миллионов миллиона миллионы εκατομμύρια
        εκατ triệu""".split(), 1e6),
    **dict.fromkeys("""milliarden milliarde milliards milliard miliardi miliardo miliardów miliardy
        miliard miljarden miljard miljarder milyar bilhões bilhão мільярдів мільярда мільярди
        миллиардов миллиарда миллиарды δισεκατομμύρια δισ tỷ""".split(), 1e9),
    "mil millones": 1e9, "mil milhões": 1e9,
    "mil": 1e3, "mila": 1e3,  # Spanish and Portuguese, Italian thousands: "700 mil crianças"
    # More languages of the reporting: Central and Eastern Europe, the Nordics, Greek, Turkish,
    # Arabic, Persian, Hebrew, Hindi, Bengali, Indonesian ("5 milioane", "3 tysiące",
    # "৪ মিলিয়ন", "٣ ملايين", "2 lakh").
    **dict.fromkeys("""milioane miliona milijuna milijona milijonų milijonai miljonit milionu
        milionů millió milhoes millones miljoni miljonu miljoen juta мілйон милиона милиони
        мільйонам miliony milyonu миллионам мільйона мільйонів मिलियन মিলিয়ন مليون ملايين
        میلیون מיליון""".split(), 1e6),
    **dict.fromkeys("""miliarde milijardi milijarde milijardų miljardit miliardů milliárd mld
        miliar милијарди মিলিয়ার্ড বিলিয়ন बिलियन مليار مليارات میلیارد מיליארד""".split(), 1e9),
    **dict.fromkeys("""tausend tysięcy tysiące tysiąc tisíc tisuća tisuće hiljada hiljade ezer
        duizend tusen tusind tuhatta tūkstančių tūkstoši χιλιάδες mii ribu nghìn ngàn bin
        हज़ार हजार হাজার ألف آلاف هزار אלף""".split(), 1e3),
    **dict.fromkeys("lakh lakhs লাখ লক্ষ लाख".split(), 1e5),
    **dict.fromkeys("crore crores কোটি करोड़ करोड".split(), 1e7),
}
_FOREIGN_SCALE = "|".join(re.escape(w).replace(r"\ ", r"\s+")
                          for w in sorted(FOREIGN_SCALES, key=len, reverse=True))
DIGIT_SCALE = (rf"(?:\s*(?:{_SCALE})\b|\s*(?:тис|тыс)(?:яч\w*)?\b\.?|\s*(?:млн|млрд)\b"
               rf"|\s+(?:{_FOREIGN_SCALE})(?![\w-])\.?)")
# Ukrainian and Russian number words, in the forms that follow a preposition too ("понад
# двадцять", "около двадцати", "до тисячі"): stem forms -> value.  Written with the ASCII
# apostrophe; the typographic ones (’, ʼ) are mapped to it before looking a word up.
_CYR_FORMS = {
    1: "один одна одне одно одного одной однієї одну одним однією", 2: "два дві две двох двух двом двум",
    3: "три трьох трех трем трьом", 4: "чотири четыре чотирьох четырех",
    5: "п'ять пять п'яти пяти", 6: "шість шесть шести", 7: "сім семь семи", 8: "вісім восемь восьми",
    9: "дев'ять девять дев'яти девяти", 10: "десять десяти",
    11: "одинадцять одиннадцать одинадцяти одиннадцати", 12: "дванадцять двенадцать дванадцяти двенадцати",
    13: "тринадцять тринадцать тринадцяти тринадцати", 14: "чотирнадцять четырнадцать чотирнадцяти четырнадцати",
    15: "п'ятнадцять пятнадцать п'ятнадцяти пятнадцати", 16: "шістнадцять шестнадцать шістнадцяти шестнадцати",
    17: "сімнадцять семнадцать сімнадцяти семнадцати", 18: "вісімнадцять восемнадцать вісімнадцяти восемнадцати",
    19: "дев'ятнадцять девятнадцать дев'ятнадцяти девятнадцати",
    20: "двадцять двадцать двадцяти двадцати", 30: "тридцять тридцать тридцяти тридцати", 40: "сорок сорока",
    50: "п'ятдесят пятьдесят п'ятдесяти пятидесяти", 60: "шістдесят шестьдесят шістдесяти шестидесяти",
    70: "сімдесят семьдесят сімдесяти семидесяти", 80: "вісімдесят восемьдесят вісімдесяти восьмидесяти",
    90: "дев'яносто девяносто", 100: "сто ста", 200: "двісті двести двохсот двухсот",
    300: "триста трьохсот трехсот", 400: "чотириста четыреста", 500: "п'ятсот пятьсот п'ятисот пятисот",
    600: "шістсот шестьсот", 700: "сімсот семьсот", 800: "вісімсот восемьсот", 900: "дев'ятсот девятьсот",
}
# Collective numerals, which count people: "загинули троє людей", "погибли трое".
_CYR_COLLECTIVE = {2: "двоє двое", 3: "троє трое", 4: "четверо", 5: "п'ятеро пятеро", 6: "шестеро",
                   7: "семеро", 8: "восьмеро", 9: "дев'ятеро девятеро", 10: "десятеро"}
CYRILLIC_NUMBER_WORDS = {w: float(v) for forms_of in (_CYR_FORMS, _CYR_COLLECTIVE)
                         for v, forms in forms_of.items() for w in forms.split()}
# "півтора"/"полтора" (one and a half) and their feminine and oblique forms.
CYRILLIC_HALF_WORDS = frozenset("півтора півтори полтора полторы полутора".split())
CYRILLIC_SCALE_WORDS = {
    **dict.fromkeys("тисяча тисячі тисяч тисячу тисячею тысяча тысячи тысяч тысячу тысячей".split(), 1e3),
    **dict.fromkeys("мільйон мільйона мільйонів мільйони миллион миллиона миллионов".split(), 1e6),
    **dict.fromkeys("мільярд мільярда мільярдів мільярди миллиард миллиарда миллиардов".split(), 1e9),
}
APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'"})
_CYR_WORD = "|".join(sorted(
    {w.replace("'", "['’ʼ]") for w in (*CYRILLIC_NUMBER_WORDS, *CYRILLIC_HALF_WORDS, *CYRILLIC_SCALE_WORDS)},
    key=len, reverse=True))
# A run of Cyrillic number words: "двадцять п'ять", "дві тисячі", "півтори тисячі", "тисяча".
CYRILLIC_WORD_NUMBER = rf"(?<![\w'’ʼ])(?:{_CYR_WORD})(?:\s+(?:{_CYR_WORD}))*(?![\w'’ʼ])"


def parse_cyrillic_words(text: str) -> float | None:
    """Value of a run of Ukrainian or Russian number words, or None if it is not one number.

    "двадцять п'ять" -> 25, "дві тисячі" -> 2000, "півтори тисячі" -> 1500, "тысяча" -> 1000.
    """
    words = text.lower().translate(APOSTROPHES).split()
    if not words:
        return None
    total, current, last = 0.0, 0.0, None
    for w in words:
        if w in CYRILLIC_HALF_WORDS:
            if current or last is not None:
                return None
            current, last = 1.5, 1.5
        elif w in CYRILLIC_NUMBER_WORDS:
            v = CYRILLIC_NUMBER_WORDS[w]
            # Each part must be smaller than the one before: "сто двадцять п'ять", not "п'ять два".
            if last is not None and (v >= last or last < 10 or last < 100 and (v >= 10 or last % 10)):
                return None
            current += v
            last = v
        elif w in CYRILLIC_SCALE_WORDS:
            total += (current or 1) * CYRILLIC_SCALE_WORDS[w]
            current, last = 0.0, None
        else:
            return None
    return total + current


# Number words of other languages ("cinco milhões", "Τρεις", "åtte millioner"), with the scale
# words of FOREIGN_SCALES and a half after the scale ("seis millones y medio").
FOREIGN_SCALE_WORDS = {w: v for w, v in FOREIGN_SCALES.items() if " " not in w}
_FOREIGN_WORD = "|".join(sorted({re.escape(w) for w in (*NUMBER_WORDS, *AMBIGUOUS_WORDS, *FOREIGN_SCALE_WORDS)
                                 if not w.endswith(".")}, key=len, reverse=True))
# Romanian "opt" (eight) is also the English verb: not before "for", "to", "out", "in" or a
# hyphen ("opt-out").
_NOT_ENGLISH_OPT = r"(?!opt(?:\s+(?:for|to|out|in|into|instead)\b|-))"
FOREIGN_WORD_NUMBER = (rf"(?<![\w'’ʼ]){_NOT_ENGLISH_OPT}(?:{_FOREIGN_WORD})(?:\s+(?:{_FOREIGN_WORD}))*(?:{HALF_TAIL})?"
                       r"(?![\w'’ʼ])")


def parse_foreign_words(text: str) -> float | None:
    """Value of a run of number words of another language, or None if it is not one number.

    "cinco milhões" -> 5e6, "seis millones y medio" -> 6.5e6, "dwadzieścia pięć" -> 25,
    "un milion" -> 1e6; "un" alone (an article) and "millones" alone are no numbers.
    """
    half = HALF_TAIL_RE.search(text)
    words = (text[: half.start()] if half else text).lower().split()
    if not words:
        return None
    total, current, last, last_scale = 0.0, 0.0, None, None
    needs_scale = False
    for w in words:
        v = NUMBER_WORDS.get(w)
        if v is None and w in AMBIGUOUS_WORDS:
            v, needs_scale = AMBIGUOUS_WORDS[w], True
        if v is not None:
            # Each part smaller than the one before: "veinte cinco", not "cinco dos".
            if last is not None and (v >= last or last < 10 or last < 100 and (v >= 10 or last % 10)):
                return None
            current += v
            last = v
            continue
        scale = FOREIGN_SCALE_WORDS.get(w)
        if scale is None or (not current and not total):
            return None  # not a number word, or a scale word with no number before it
        if current:
            total += current * scale
        else:
            total *= scale  # "mil millones"
        current, last, last_scale, needs_scale = 0.0, None, scale, False
    if needs_scale:
        return None
    value = total + current
    if half:
        if last_scale is None or current:
            return None
        value += last_scale / 2
    return value


# A number as figures use it: digits or words, with an optional half or quarter and scale.
NUMBER = (
    rf"(?:{DIGIT_NUMBER}(?:{FRACTION_TAIL})?(?:{DIGIT_SCALE}(?:{HALF_TAIL})?)?"
    rf"|{WORD_NUMBER}(?:{FRACTION_TAIL}(?:[\s-]+(?:{_SCALE})\b)?)?"
    rf"|{CYRILLIC_WORD_NUMBER}|{FOREIGN_WORD_NUMBER})"
)

_WORD_RE = re.compile(WORD_NUMBER, re.IGNORECASE)
_CYR_WORD_RE = re.compile(CYRILLIC_WORD_NUMBER, re.IGNORECASE)
_FOREIGN_WORD_RE = re.compile(FOREIGN_WORD_NUMBER, re.IGNORECASE)
_SEPARATORS = re.compile(r"[,\u202f\u2009\s]")
_WORD_SPLIT = re.compile(r"[\s-]+")
# DIGIT_NUMBER without the context it needs in running text, for parsing a matched number.
_DIGITS = r"(?:0,\d+|\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+|\d+)(?:\.\d+|,\d{1,2})?"
_DIGITS_WITH_SCALE = re.compile(rf"({_DIGITS})\s*(?:({_SCALE})|(bn|mn|mln|tn|[bmk]))?", re.IGNORECASE)
_DECIMAL_COMMA = re.compile(r"0,\d+|\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})*,\d{1,2}|\d+,\d{1,2}")
_FRACTION_WORDS = {"half": 0.5, "quarter": 0.25, "three quarters": 0.75}
_VULGAR = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125}
_NUMBER_PARTS = re.compile(
    rf"(?P<base>.*?)(?:[\s-]+and[\s-]+(?:a|one)[\s-]+(?P<frac>half|quarter)|[\s-]+and[\s-]+(?P<three>three)[\s-]+quarters"
    rf"|[ \u00a0]+(?P<num>[1-9])/(?P<den>\d+)|\s?(?P<vulgar>[½¼¾⅓⅔⅛]))"
    rf"(?:[\s-]*(?P<scale>{_SCALE}|тис|тыс|млн|млрд)\b\.?)?",
    re.IGNORECASE | re.DOTALL,
)
# "тис." and the word in full ("43 тисячі", "43 тысячи").
_CYRILLIC_SCALE_END = re.compile(r"(?P<base>.*?)\s*(?P<scale>тис|тыс|млн|млрд)(?:яч\w*)?\.?",
                                 re.IGNORECASE | re.DOTALL)
_FOREIGN_SCALE_END = re.compile(rf"(?P<base>.*?)\s+(?P<scale>{_FOREIGN_SCALE})\.?", re.IGNORECASE | re.DOTALL)


def parse_digits(text: str, scaled: bool = False) -> float:
    """'10,000' -> 10000.0, '0.6' -> 0.6, '10\u202f000' -> 10000.0, '0,6' and '18,5' (decimal
    comma) -> 0.6 and 18.5."""
    t = text.strip()
    if not scaled and _DOTTED_THOUSANDS_RE.fullmatch(t):  # "19.514", "3.000": dots group thousands
        return float(t.replace(".", ""))
    if _DECIMAL_COMMA.fullmatch(t):
        return float(_SEPARATORS.sub("", t.replace(",", ".")))
    return float(_SEPARATORS.sub("", t))


def parse_words(text: str) -> float | None:
    """Value of a run of English number words, or None if it is not a well-formed number.

    "two hundred thousand" -> 200000, "a dozen" -> 12, "twenty-five" -> 25.
    """
    words = [w for w in _WORD_SPLIT.split(text.lower()) if w]
    if not words:
        return None
    total = 0.0
    current = 0.0
    seen_number = False
    last_small = None  # guards against "five six" style sequences
    for i, w in enumerate(words):
        if w == "and":
            # Only between a scale word and a smaller number: "one hundred and twenty".
            prev = words[i - 1].rstrip("s") if i else ""
            if prev not in SCALES or i + 1 == len(words) or words[i + 1] not in UNITS and words[i + 1] not in TENS \
                    and "-" not in words[i + 1]:
                return None
            last_small = None
            continue
        if w in ("a", "an"):
            if i != 0 or len(words) == 1 or words[1] not in SCALES and words[1] != "dozen":
                return None
            current = 1
            continue
        if w in UNITS or w in TENS:
            v = UNITS.get(w, TENS.get(w))
            if last_small is not None and not (last_small >= 20 and last_small % 10 == 0 and v < 10):
                return None
            current += v
            last_small = v
            seen_number = True
        elif w == "dozen":
            current = (current or 1) * 12
            last_small = None
            seen_number = True
        elif w in SCALES or (i > 0 and w.endswith("s") and w[:-1] in SCALES):
            scale = SCALES[w.rstrip("s")]
            current = current or 1
            if scale == 100:
                current *= 100
            else:
                total += current * scale
                current = 0
            last_small = None
            seen_number = True
        else:
            return None
    return total + current if seen_number else None


_CACHE: dict[str, float | None] = {}


def parse_number(text: str, decimal_dots: bool = False) -> float | None:
    """Digits (with an optional scale word) or number words to a float. ``decimal_dots``: the
    number is a percentage, where "2.125" is a decimal, never 2,125."""
    if decimal_dots and _DOTTED_THOUSANDS_RE.fullmatch(text.strip()):
        return parse_digits(text, scaled=True)
    value = _CACHE.get(text, _CACHE)
    if value is _CACHE:
        if len(_CACHE) > 20000:
            _CACHE.clear()
        value = _CACHE[text] = _parse_number(text)
    return value


def _parse_number(text: str) -> float | None:
    t = text.strip()
    m = _DIGITS_WITH_SCALE.fullmatch(t)
    if m:
        value = parse_digits(m.group(1), scaled=bool(m.group(2) or m.group(3)))
        if m.group(2):
            value *= SCALES[m.group(2).lower()]
        elif m.group(3):
            value *= SHORT_SCALES[m.group(3).lower()]
        return value
    if _WORD_RE.fullmatch(t):
        return parse_words(t)
    if _CYR_WORD_RE.fullmatch(t):
        return parse_cyrillic_words(t)
    if _FOREIGN_WORD_RE.fullmatch(t):
        return parse_foreign_words(t)
    half = HALF_TAIL_RE.search(t)
    if half and half.end() == len(t):  # "6 millones y medio", "4,5 milhões e meio"
        m = _FOREIGN_SCALE_END.fullmatch(t[: half.start()])
        base = _parse_number(t[: half.start()])
        if m is None or base is None:
            return None
        return base + FOREIGN_SCALES.get(" ".join(m.group("scale").lower().split()), 0.0) / 2
    m = _CYRILLIC_SCALE_END.fullmatch(t)
    if m:  # "5 тис.", "2,5 млн"
        base = parse_digits(m.group("base"), scaled=True) if _PLAIN_DIGITS.fullmatch(
            m.group("base")) else _parse_number(m.group("base"))
        return None if base is None else base * CYRILLIC_SCALES[m.group("scale").lower()]
    m = _FOREIGN_SCALE_END.fullmatch(t)
    if m:  # "7.1 milyon", "350 Milliarden", "100,000 millones"
        base = parse_digits(m.group("base"), scaled=True) if _PLAIN_DIGITS.fullmatch(
            m.group("base")) else _parse_number(m.group("base"))
        scale = FOREIGN_SCALES.get(" ".join(m.group("scale").lower().split()))
        return None if base is None or scale is None else base * scale
    m = _NUMBER_PARTS.fullmatch(t)
    if m:  # "one and a half", "two and a half million", "a million and a half", "1 1/2", "1½"
        base = _parse_number(m.group("base"))
        if base is None:
            return None
        if m.group("frac"):
            frac = _FRACTION_WORDS[m.group("frac").lower()]
        elif m.group("three"):
            frac = 0.75
        elif m.group("vulgar"):
            frac = _VULGAR[m.group("vulgar")]
        else:
            num, den = int(m.group("num")), int(m.group("den"))
            if not 0 < num < den:
                return None
            frac = num / den
        scale_word = (m.group("scale") or "").lower()
        if scale_word:  # "two and a half million"
            scale = SCALES.get(scale_word) or CYRILLIC_SCALES[scale_word]
            return (base + frac) * scale
        # "a million and a half": the half is of the number's last scale.
        last = _WORD_SPLIT.split(m.group("base").strip().lower())[-1].rstrip("s")
        return base + frac * SCALES.get(last, 1)
    return None


def format_number(value: float) -> str:
    """10000.0 -> '10000', 0.6 -> '0.6' (for normalised text and cue labels)."""
    if value == int(value):
        return str(int(value))
    return f"{value:g}"

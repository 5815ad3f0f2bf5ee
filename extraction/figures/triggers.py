"""Trigger scan and dispatch: where a figure can start in a text, and which patterns to try there."""

from __future__ import annotations

import re
from operator import itemgetter

from ..cues import Tokens
from ..lexicon import words
from ..numbers import (
    CYRILLIC_WORD_NUMBER,
    FOREIGN_SCALES,
    FOREIGN_WORD_NUMBER,
    FRACTION_TAIL,
    NOT_A_DAY,
    SCALES,
    WORD_NUMBER,
)
from .lookback import (
    _LOOKBACK_WORDS,
)
from .numerals_months import FOREIGN_MONTHS
from .patterns import (
    _AMOUNT_PATTERNS,
    _CYR_DURATION_STEMS,
    _CYR_MONTHS,
    _MONTHS,
    _PEOPLE_HEADS,
    _SCALE,
    CJK,
    year_counts_a_thing,
)
from .trigger_words import (
    _A_THEN_WORD,
    _CASED_WORDS,
    _CURRENCY_SIGN,
    _CYR_FRACTION_TOKENS,
    _NUMBER_JOINERS,
    _TOKEN,
    _TRIGGERS,
    _WORD_KEYS,
    _WORD_KINDS,
    CURRENCY_CODES,
    FOREIGN_AMBIGUOUS,
    FOREIGN_SCALE_TOKENS,
)

# What may follow a number, for choosing the patterns worth trying there (a cheap pre-check;
# each set must cover every way the corresponding pattern's unit can start).
_EN_SCALES = frozenset(SCALES)
_CYRILLIC_SCALES = frozenset(("тис", "тыс", "млн", "млрд", "тисяча", "тисячі", "тисяч", "тисячу",
                              "тысяча", "тысячи", "тысяч", "тысячу"))
# Scale words of other languages ("7.1 milyon", "100,000 millones de dólares"), by first word.
_CYRILLIC_SCALES |= frozenset(w.split()[0] for w in FOREIGN_SCALES)
_SHORT_SCALES = ("тис", "тыс", "млн", "млрд", "bn", "mn", "mln")
_PCT_WORDS = frozenset(("%", "％", "pct", "pp", "p", "per"))
_PCT_STEMS = ("percent", "процент", "відсот")
_AREA_WORDS = frozenset(("sq", "km", "km²", "mi", "mi²", "ha", "кв"))
_AREA_STEMS = ("square", "hectare", "acre", "квадратн", "quil", "kilóm", "kilom", "chilom", "quadratk",
               "kvadrat", "neliök", "τετραγ", "χιλιόμ", "квадратни", "километ")
_DIST_WORDS = frozenset(("km", "kms", "mi", "mile", "miles", "км"))
_DIST_STEMS = ("kilomet", "meter", "metre", "кілометр", "километр", "quil", "kilóm", "kilom", "chilom",
               "χιλιόμ")
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
    if nxt in FOREIGN_MONTHS or nxt == "de":
        out.append("date_dmy_foreign")
    kinds = tuple(out)
    if len(_NEXT_KINDS_CACHE) > 20000:
        _NEXT_KINDS_CACHE.clear()
    _NEXT_KINDS_CACHE[nxt] = kinds
    return kinds


_DAY_KINDS = frozenset(("date_dmy", "date_dmy_cyr", "date_dmy_foreign"))
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
    elif low == ".":  # "24. Februar": the word after the dot decides
        peek = _WORD_AFTER_DOT.match(text, m.end("next"))
        peek = peek.group(1).lower() if peek else None
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
    if (len(run) == 4 and "date_year" in kinds and "count" not in kinds and not blocked
            and year_counts_a_thing(text, pos, end)):
        kinds = ("count", *kinds)  # "fired 2000 shells": what follows, not the cache key, says
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
        elif nxt == "." and n <= 2:
            after = _WORD_AFTER_DOT.match(text, m.end("next"))
            if after and after.group(1).lower() in FOREIGN_MONTHS:
                kinds.append("date_dmy_foreign")  # "24. Februar" (a day: one or two digits)
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


_CJK_CHAR = re.compile(f"[{CJK}]")
_WORD_AFTER_DOT = re.compile(r"\s+([^\W\d_]+)")
_AFTER_RUN = re.compile(r"(?P<sep>[\s-]*)(?P<next>[^\W\d_]+|\S)?")
_AFTER_SCALE = re.compile(r"\.?(?P<sep>[\s-]*)(?P<next>[^\W\d_]+|\S)?")
_WORD_RUN_LOWER = re.compile(WORD_NUMBER)  # on lower-cased text
_CYR_RUN_LOWER = re.compile(CYRILLIC_WORD_NUMBER)
_FOREIGN_RUN_LOWER = re.compile(FOREIGN_WORD_NUMBER)
_NUMWORD_IMPOSSIBLE = frozenset(("percent_range", "groups", "date_dmy", "date_dmy_cyr", "date_dmy_foreign"))


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


def _cyrnum_kinds(text: str, pos: int, end: int) -> tuple[str, ...]:
    """The patterns worth trying at a Ukrainian or Russian number word ("двадцять", "п" of
    "п'ять"), which may also start a fraction ("п'ята частина")."""
    frac = ("fraction_cyr",) if text[pos:end] in _CYR_FRACTION_TOKENS else ()
    run = _CYR_RUN_LOWER.match(text, pos) or _FOREIGN_RUN_LOWER.match(text, pos)
    if run is None:
        return frac
    m = _AFTER_RUN.match(text, run.end())
    nxt = (m.group("next") or "").lower()
    out = ["count"]
    if nxt in _CONNECTORS or nxt in ("до", "або", "или", "чи"):
        out.append("range")
    out += (k for k in _next_kinds(nxt) if k not in _NUMWORD_IMPOSSIBLE)
    return frac + _count_last(out)


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
    **dict.fromkeys(FOREIGN_AMBIGUOUS, FOREIGN_SCALE_TOKENS),
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
    _TRIGGERS["cyrnum"]: lambda text, lower, start, end: _cyrnum_kinds(lower, start, end),
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
# So does a plain space before a percent sign or a word in any script ("10 000 осіб", "19 546
# bērni"), except after a month ("May 5 100 people").
_ASCII_DIGIT_RUN = re.compile(
    r"[0-9](?:[0-9]{0,2}(?:\u00a0[0-9]{3}(?![0-9]))+(?:[.,][0-9]+)*"
    r"|[0-9]{0,2}(?= [0-9]{3})" + NOT_A_DAY + r"(?: [0-9]{3})+(?:,[0-9]{1,2})?(?![0-9])(?=\s*(?:%|％|[^\W\d_]))"
    r"|[0-9]*(?:[.,\u202f\u2009][0-9]+)*)" + _NUMBER_TAIL)
_DIGIT_RUN = re.compile(
    r"\d(?:\d{0,2}(?:\u00a0\d{3}(?!\d))+(?:[.,]\d+)*"
    r"|\d{0,2}(?= \d{3})" + NOT_A_DAY + r"(?: \d{3})+(?:,\d{1,2})?(?!\d)(?=\s*(?:%|％|[^\W\d_]))"
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
                if c.isalnum() and not _CJK_CHAR.match(c):
                    continue  # "F16", "x2": not the start of a token ("ミサイル60発" is)
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
    if ("$" in text or "€" in text or "£" in text or "₴" in text or "₽" in text
            or any(code in text for code in CURRENCY_CODES)):
        for m in _CURRENCY_SIGN.finditer(text):
            found.append((m.start(), _TRIGGERS["currency"], None))
    # Patterns that cannot match anywhere in this text.
    skip = _NO_SKIP
    if "ago" not in present:
        skip = _SKIP_AGO if "%" in text or not present.isdisjoint(_PERCENT_WORDS) else _SKIP_AGO_PERCENT
    elif "%" not in text and present.isdisjoint(_PERCENT_WORDS):
        skip = _SKIP_PERCENT
    return found, lower, skip, present

"""parse_figures: the trigger scan, the anchored pattern matches and the overlap rules between figures."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from operator import attrgetter

from ..cues import Tokens
from .builders import (
    _build,
)
from .dates import (
    _Anchors,
)
from .lookback import (
    _ALWAYS,
    _LB_BETWEEN,
    _LB_CYR_NUMER,
    _LB_DATE_MOD,
    _LB_DET,
    _LB_MONTH_MOD,
    _LB_NUMER,
    _LB_PRE,
    _LB_QUAL,
    _LB_REL,
    _LOOKBACK_GATES,
    _QUAL_LAST,
    _QUALIFIED,
    _TAIL_LEN,
    _tail_before,
)
from .model import (
    Figure,
)
from .numerals_digits import ascii_digits, has_other_digits
from .patterns import (
    _ALL_PATTERNS,
    _PEOPLE_AFTER_LOWER,
    _PEOPLE_HEADS,
    _lowercase_pattern,
    _people_after,
)
from .triggers import (
    _CONNECTORS,
    _lower,
    _triggers,
)

# Ukrainian and Russian verbs of change (stems): "зросла до 69%", "увеличилось до четырех",
# "скоротили до 10": "до" is then "to", not "up to".
_CHANGE_STEMS = (
    "увелич", "вырос", "возрос", "вырас", "возраст", "сократ", "сокращ", "сниз", "сниж", "уменьш",
    "упал", "упад", "подня", "подним", "повыс", "повыш", "пониз", "дошл", "дошел", "дошёл",
    "достиг", "довед", "довел", "довод", "расшир", "опуст", "зрос", "зріс", "зроста", "вирос",
    "вирост", "збільш", "зменш", "скорот", "скороч", "зниз", "зниж", "впал", "впав", "підня",
    "підвищ", "дійшл", "дійшов", "сягн", "сяга", "розшир", "подорож", "подешев", "подорож",
)
# "от 10 до 20", "від 5 до 7", "с 2014 до 2022": "до" closes a span begun before.
_SPAN_BEFORE = re.compile(r"(?:^|\s)(?:от|від|з|с|із|із-за)\s+\S+\s+$", re.IGNORECASE)
_WORDS_BEFORE = re.compile(r"([^\W\d_]+)[^\w]+(?:([^\W\d_]+)[^\w]+)?$")


def _rose_to(text: str, pos: int) -> bool:
    """The "до" at ``pos`` ends a change ("зросла до", "увеличилось ещё до") or a span ("від 5
    до 7"): it is "to", no upper bound."""
    before = text[max(0, pos - 40) : pos]
    if _SPAN_BEFORE.search(before):
        return True
    m = _WORDS_BEFORE.search(before)
    return m is not None and any(w and w.lower().startswith(_CHANGE_STEMS) for w in m.groups()[::-1])


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
        if q and q[0].lower() == "до" and _rose_to(text, start - q[1]):
            q = None
        if q:
            extra["qual"] = q[0]
            start -= q[1]
    return start, extra




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


def compile_all_patterns() -> None:
    """Compile every figure pattern now rather than on first need: a process about to fork
    workers that parse does it once for all of them (each compiled ~0.6 s CPU on its own)."""
    for kind in _ALL_PATTERNS:
        _pattern_entry(kind)


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


def parse_figures(
    text: str, *, published: date | None = None, offset: int = 0, tokens: Tokens | None = None
) -> list[Figure]:
    """All figures in ``text``, in order; offsets are ``offset`` + position in ``text``.

    Relative dates ("last month", "on Tuesday") and dates without a year resolve against
    ``published``; inside a timeline entry ("Feb. 12, 2015: ... on Feb. 15") the entry's year
    is used instead.  Without either, such figures keep ``date=None``.  ``tokens`` (the
    word tokens of ``text``, cues.Tokens) may be passed by callers that already have them.
    """
    if not text:
        return []
    if has_other_digits(text):
        # "৪ মিলিয়ন", "٣ قتلى": read as ASCII digits (one character for one), the figures keep
        # the words of the text.
        figures = _parse(ascii_digits(text), published, offset, None, True)
        return [replace(f, text=text[f.start - offset : f.end - offset]) for f in figures]
    return _parse(text, published, offset, tokens, True)


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

"""Claim frames: what a figure measures, for which period, as an interval of values.

A frame is (measure, period, value interval). The measure comes from the unit of the figure
("km²" -> area) and from the words right around it ("41 settlements", "300 killed",
"загинули 53", "70% of Ukrainians support") through a small vocabulary in English, Ukrainian
and Russian (plus a few stems of other languages for the commonest measures); the period from
a date stated next to it, else the publication date (an as-of date). Two claims frame the same
claim when they share a measure and their periods do not exclude each other; their values then
agree or conflict (matching.figures intervals).

For languages without vocabulary the figure's unit and kind still give a coarse measure
("count", "percent", "area"), so figures, units and dates keep matching across languages.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from matching.figures import Quantity

_WORD = re.compile(r"\w+", re.UNICODE)

# measure -> stems (lower case; a word matches when it starts with a stem). Kept to measures
# that recur in reporting on wars, elections and polls; order does not matter.
MEASURE_STEMS: dict[str, tuple[str, ...]] = {
    "killed": ("kill", "dead", "death", "died", "die", "toll", "fatalit", "lives", "perish",
               "загин", "вбит", "убит", "погиб", "смерт", "жертв", "morti", "muert", "mort",
               "tote", "getötet", "zabit", "ofiar", "doden", "mortos", "uccis", "muertos"),
    "wounded": ("wound", "injur", "hurt", "поран", "ранен", "травм", "feriti", "herid",
                "verletz", "ranny", "feridos", "gewond"),
    "settlements": ("settlement", "village", "town", "localit", "hamlet", "населен", "насел",
                    "сіл", "сел", "громад", "località", "localidad", "ortschaft", "dorf",
                    "miejscowo", "plaats", "aldeia", "naselen", "населб"),
    "children": ("child", "kid", "minor", "дит", "діт", "дет", "ребен", "bambin", "niñ",
                 "kinder", "dzieci", "crianç", "kinderen", "copii"),
    "refugees": ("refugee", "fled", "flee", "left ukraine", "біжен", "бежен", "rifugiat",
                 "refugiad", "flücht", "uchodź", "vluchteling", "refugiat"),
    "displaced": ("displac", "idp", "переселен", "vertrieb", "desplazad", "sfollat",
                  "deslocad", "przesiedl"),
    "drones": ("drone", "uav", "shahed", "дрон", "бпла", "беспилот", "безпілот", "droni",
               "drones", "drohne", "dron"),
    "missiles": ("missile", "rocket", "ракет", "missil", "rakete", "rakiet", "raket",
                 "míssei", "misil"),
    "prisoners": ("prisoner", "pow", "captive", "полон", "плен", "prigion", "prisioner",
                  "gefangen", "jeńc", "jenc"),
    "troops": ("troop", "soldier", "army", "armed forces", "personnel", "military",
               "військов", "военн", "армі", "арми", "militar", "truppe", "soldat", "wojsk",
               "esercit", "ejército"),
    "votes": ("vote", "voted", "ballot", "голос", "votaz", "votac"),
    "turnout": ("turnout", "явк", "affluenza", "participación", "wahlbeteiligung"),
    "respondents": ("respondent", "ukrainians", "russians", "americans", "poll", "survey",
                    "support", "want", "favor", "favour", "believ", "oppos", "say",
                    "опитан", "опрошен", "респондент", "українц", "россиян", "sondag",
                    "encuesta", "umfrage", "sondaż", "pesquisa", "peiling"),
    "money": ("billion", "million", "dollar", "euro", "aid", "fund", "assets", "млрд",
              "мільярд", "миллиард", "miliard", "milliard", "miliardi", "mil millones"),
    "suspects": ("suspect", "detain", "arrest", "затрим", "задерж", "подозр", "підозр",
                 "arrestat", "detenid", "festgenommen"),
    "sentences": ("sentenc", "life", "prison term", "convict", "засуд", "осужд", "приговор",
                  "вирок", "condann", "conden", "verurteil"),
    "points": ("point", "clause", "provision", "пункт", "punti", "puntos", "punkte"),
    "camps": ("camp", "facilit", "табор", "лагер", "campi", "campos", "lager"),
    "sheltering": ("shelter", "hiding", "укрива", "укрыва", "rifugi", "refugiaba"),
}

# A unit alone says what is measured when no word does.
_UNIT_MEASURE = {"area": "area", "distance": "distance", "duration": "duration",
                 "percent": "share", "date": "date"}

# A percentage next to poll words is a poll share; next to "turnout" a turnout.
_PERCENT_MEASURES = frozenset({"respondents", "turnout", "votes"})

# "more than X" reaches up to this many times X; "less than X" down to X divided by it.
OPEN_BOUND_REACH = 1.5

# How far from the figure (in words) its measure is looked for.
WINDOW_AFTER = 4
WINDOW_BEFORE = 3


@lru_cache(maxsize=1)
def _stem_index() -> tuple[tuple[str, str], ...]:
    """(stem, measure) longest stems first, so 'settlement' beats 'sett...' if ever both."""
    pairs = [(s, m) for m, stems in MEASURE_STEMS.items() for s in stems if " " not in s]
    return tuple(sorted(pairs, key=lambda p: (-len(p[0]), p[0])))


@lru_cache(maxsize=1 << 16)
def measure_of_word(word: str) -> str | None:
    w = word.casefold()
    if len(w) < 3:
        return None
    for stem, measure in _stem_index():
        if w.startswith(stem):
            return measure
    return None


@dataclass(frozen=True)
class Frame:
    """One figure of a claim as a frame: measure, period and the value interval."""

    measure: str  # e.g. "killed", "area", "share:respondents", "count"
    low: float
    high: float
    text: str
    cls: str  # comparison class of matching.figures
    period: str | None  # ISO date (or month/year) the figure is as of, when known
    period_stated: bool  # the period comes from the sentence, not from the publication date
    precise: bool  # a closed interval from a stated value, not an open bound or a loose hint

    def overlaps(self, other: Frame) -> bool:
        return self.low <= other.high and other.low <= self.high

    def interval_text(self) -> str:
        def fmt(x: float) -> str:
            if math.isinf(x):
                return "∞"
            return f"{x:,.4g}" if abs(x) < 1e4 else f"{x:,.0f}"
        return f"[{fmt(self.low)}, {fmt(self.high)}]"


def _words_with_offsets(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text)]


def _measure_near(text: str, start: int, end: int, words: list[tuple[int, int, str]]) -> str | None:
    """The measure named right after the figure (what it counts), else right before it."""
    after = [w for s, _e, w in words if s >= end][:WINDOW_AFTER]
    before = [w for _s, e, w in words if e <= start][-WINDOW_BEFORE:]
    for w in after:
        m = measure_of_word(w)
        if m is not None:
            return m
    for w in reversed(before):
        m = measure_of_word(w)
        if m is not None:
            return m
    return None


def _published(date: str | None) -> str | None:
    if not date:
        return None
    try:
        return dt.date.fromisoformat(date[:10]).isoformat()
    except ValueError:
        return date[:7] if re.fullmatch(r"\d{4}-\d{2}", date[:7] or "") else None


def claim_frames(text: str, quantities: Sequence[Quantity], published: str | None) -> tuple[Frame, ...]:
    """Frames of one claim's figures (dates become frames of measure "date" when the claim is
    about a date; otherwise they are the period of the other figures)."""
    words = _words_with_offsets(text)
    lowered = text.casefold()
    dates = [q for q in quantities if q.cls == "date" and q.date]
    others = [q for q in quantities if q.cls != "date"]
    period = dates[0].date if dates and others else _published(published)
    stated = bool(dates and others)
    frames = []
    for q in others:
        pos = lowered.find(q.text.casefold()) if q.text else -1
        start, end = (pos, pos + len(q.text)) if pos >= 0 else (0, 0)
        near = _measure_near(text, start, end, words) if pos >= 0 else None
        base = _UNIT_MEASURE.get(q.family)
        if q.cls == "percent":
            measure = f"share:{near}" if near in _PERCENT_MEASURES else "share"
        elif base is not None:
            measure = base
        elif q.cls.startswith("money"):
            measure = q.cls
        else:
            measure = near or "count"
        low, high = q.low, q.high
        precise = not math.isinf(high) and low > 0 and (high - low) <= 0.1 * abs(
            q.value or high)
        # An open bound as reporting uses it: "more than 1,000" is not said of 8,000, nor
        # "less than 100" of 10.
        if math.isinf(high):
            high = low * OPEN_BOUND_REACH
        elif low == 0.0 and high > 0:
            low = high / OPEN_BOUND_REACH
        frames.append(Frame(measure, low, high, q.text, q.cls, period, stated, precise))
    if dates and not others:
        for q in dates:
            frames.append(Frame("date", 0.0, 0.0, q.text, "date", q.date, True, True))
    return tuple(frames)


def measures_compatible(a: str, b: str) -> bool:
    """Same measure, or one side only knows the coarse kind ("count" vs "killed")."""
    if a == b:
        return True
    coarse = {"count", "share"}
    if a in coarse or b in coarse:
        return a.split(":")[0] == b.split(":")[0] or {a, b} & {"count"} and not (
            a.startswith(("share", "area", "distance", "duration", "date", "money"))
            or b.startswith(("share", "area", "distance", "duration", "date", "money")))
    return False


def _period_days(period: str | None) -> tuple[dt.date, dt.date] | None:
    if not period:
        return None
    parts = period.split("-")
    try:
        y = int(parts[0])
        if len(parts) == 1:
            return dt.date(y, 1, 1), dt.date(y, 12, 31)
        m = int(parts[1])
        if len(parts) == 2:
            nxt = dt.date(y + m // 12, m % 12 + 1, 1)
            return dt.date(y, m, 1), nxt - dt.timedelta(days=1)
        d = dt.date(y, m, int(parts[2][:2]))
        return d, d
    except ValueError:
        return None


def period_distance_days(a: Frame | str | None, b: Frame | str | None) -> float | None:
    """Days between two periods (0 when they overlap); None when either is unknown."""
    pa = _period_days(a.period if isinstance(a, Frame) else a)
    pb = _period_days(b.period if isinstance(b, Frame) else b)
    if pa is None or pb is None:
        return None
    if pa[1] < pb[0]:
        return float((pb[0] - pa[1]).days)
    if pb[1] < pa[0]:
        return float((pa[0] - pb[1]).days)
    return 0.0


@dataclass(frozen=True)
class FrameComparison:
    """How the frames of two claims relate."""

    same_measure: tuple[tuple[Frame, Frame], ...]  # paired frames of one measure
    agree: tuple[tuple[Frame, Frame], ...]  # ... whose values overlap
    conflict: tuple[tuple[Frame, Frame], ...]  # ... both precise, values apart
    measure_clash: bool  # both name specific measures, and none in common

    @property
    def precise_agree(self) -> bool:
        return any(x.precise and y.precise for x, y in self.agree)


def compare_frames(a: Sequence[Frame], b: Sequence[Frame]) -> FrameComparison:
    paired: list[tuple[float, int, int]] = []
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            if x.cls != y.cls and not (x.cls.startswith("count") and y.cls.startswith("count")):
                continue
            if not measures_compatible(x.measure, y.measure):
                continue
            if x.measure == "date":
                dist = 0.0 if _dates_agree(x.period, y.period) else 1.0
            else:
                mx = x.low if math.isinf(x.high) else (x.low + x.high) / 2
                my = y.low if math.isinf(y.high) else (y.low + y.high) / 2
                dist = abs(mx - my) / max(abs(mx), abs(my), 1e-9)
            paired.append((dist, i, j))
    paired.sort()
    used_a: set[int] = set()
    used_b: set[int] = set()
    same, agree, conflict = [], [], []
    for _d, i, j in paired:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        x, y = a[i], b[j]
        same.append((x, y))
        if x.measure == "date":
            (agree if _dates_agree(x.period, y.period) else conflict).append((x, y))
        elif x.overlaps(y):
            agree.append((x, y))
        elif x.precise and y.precise:
            conflict.append((x, y))
    specific_a = {f.measure for f in a if f.measure not in ("count", "share")}
    specific_b = {f.measure for f in b if f.measure not in ("count", "share")}
    clash = bool(specific_a and specific_b and not (specific_a & specific_b))
    return FrameComparison(tuple(same), tuple(agree), tuple(conflict), clash)


def _dates_agree(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def values_contradict(a: Sequence[Frame], b: Sequence[Frame]) -> list[tuple[Frame, Frame]]:
    """Precise values of one measure that do not overlap (figures paired nearest first, so
    "12 km deep, 40 km wide" meets "11 km deep" on the depth), and two days given for one
    dated event: the pairs that may never sit in one group (the complete-link invariant of
    matching.grouping). Two periods both stated in the sentences and apart make two claims,
    not a contradiction."""
    out = []
    for x, y in compare_frames(a, b).conflict:
        if x.measure == "date":
            if len(x.period or "") == 10 and len(y.period or "") == 10:
                out.append((x, y))
            continue
        if x.period_stated and y.period_stated and (period_distance_days(x, y) or 0.0) > 0:
            continue
        out.append((x, y))
    return out

_LATIN = re.compile(r"[a-z]")
_CYRILLIC = re.compile(r"[а-яёіїєґ]")
_EN_WORDS = frozenset(("the", "of", "and", "in", "to", "has", "have", "was", "were", "is",
                       "are", "that", "said", "from", "with", "for", "by", "on"))


@lru_cache(maxsize=1 << 14)
def language_of(text: str) -> str:
    """'en', 'uk', 'ru', or 'other': enough to know whether the words can be compared (the
    vocabulary, stems and concept table cover English, Ukrainian and Russian)."""
    low = text.casefold()
    cyr = len(_CYRILLIC.findall(low))
    lat = len(_LATIN.findall(low))
    if cyr > lat:
        if any(ch in low for ch in "іїєґ"):
            return "uk"
        if any(ch in low for ch in "ыэъё"):
            return "ru"
        return "ru" if re.search(r"\b(?:и|что|как|это)\b", low) else "other"
    words = _WORD.findall(low)
    if words and sum(w in _EN_WORDS for w in words) / len(words) >= 0.08:
        return "en"
    return "other"

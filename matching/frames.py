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

from matching.counted import counted_kind, kinds_compatible, kinds_differ
from matching.currencies import apart_at_any_rate, other_currency
from matching.event_dates import as_of_dates, updated_event
from matching.figure_spans import find_figure, names_a_thing, spans
from matching.figures import Quantity
from matching.frame_dates import dates_agree, day_precise, with_year
from matching.frame_values import (
    literal_bounds,
    lower_bound_reach,
    soft_high,
    stated_precision,
)
from matching.measure_words import (
    MEASURE_STEMS,
    measure_of_word,
    measures_far,
    measures_near,
    names_money,
    words_with_offsets,
)
from matching.ordinals import event_ordinals

__all__ = ["MEASURE_STEMS", "Frame", "claim_frames", "measure_of_word"]


# A unit alone says what is measured when no word does.
_UNIT_MEASURE = {"area": "area", "distance": "distance", "duration": "duration",
                 "percent": "share", "date": "date"}

# The change words extraction keeps as a percentage's qualifier ("83% drop").
CHANGE_WORDS = frozenset(("drop", "decline", "fall", "decrease", "increase", "rise", "jump", "gain",
                          "growth", "reduction", "cut", "surge", "plunge", "hike", "slump",
                          "contraction", "loss"))

# A percentage next to poll words is a poll share; next to "turnout" a turnout.
_PERCENT_MEASURES = frozenset({"respondents", "turnout", "votes"})

# "more than X" reaches up to this many times X; "less than X" down to X divided by it.
OPEN_BOUND_REACH = 1.5


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
    # The other measures named around the figure ("53 prisoners of war were killed").
    also: frozenset[str] = frozenset()
    # The interval read literally: an open bound is exact on its side and open on the other
    # ("more than three hours" is [3 h, inf), "just under three hours" ends at 3 h).
    hard_low: float = -math.inf
    hard_high: float = math.inf
    # The agreement the sentence is about, when it names one (the first named: "The Minsk
    # Memorandum, a follow-up to the Minsk Protocol, ..." is about the memorandum). Two
    # figures or dates of different agreements are different frames, never a conflict.
    subject: str | None = None
    # The side named first before the figure ("ukraine" / "russia"), for the measures where
    # who gains or holds decides the claim (territory): "Ukrainian troops won back 110 square
    # miles" is not "Russia took 110 square miles".
    actor: str | None = None

    # The literal bounds exclude their own value ("more than 3", "under 3").
    open_low: bool = False
    open_high: bool = False
    # What a count counts ("civilians", "troops", "people", "shells": matching.counted), when
    # its words say: counts of different kinds are different claims.
    counted: str | None = None
    # The sentence marks its period as the day the figure is as of ("as of 28 November", "by
    # June 13", "станом на 1 березня"): a reading of a count on that day (matching.as_of).
    as_of_marked: bool = False
    # The day of the event a marked reading says its count rose from ("the toll from the 6 May
    # strike rose to 10 on 7 May": 6 May), when it says so (matching.as_of.update_readings).
    event_day: str | None = None

    def overlaps(self, other: Frame) -> bool:
        """The values agree: half-open intervals, so 11 km [10.5, 11.5) and 12 km
        [11.5, 12.5) do not."""
        return self.low < other.high and other.low < self.high

    def excludes(self, other: Frame) -> bool:
        """Even read literally the two values cannot both be right ("just under three hours"
        and "over three hours" meet at 3 h, which neither includes)."""
        return _below(self, other) or _below(other, self)

    @property
    def measures(self) -> frozenset[str]:
        return self.also | {self.measure}

    def interval_text(self) -> str:
        def fmt(x: float) -> str:
            if math.isinf(x):
                return "∞"
            return f"{x:,.4g}" if abs(x) < 1e4 else f"{x:,.0f}"
        return f"[{fmt(self.low)}, {fmt(self.high)}]"


# Words that make the date after them the day a figure is as of.
_AS_OF_MARK = re.compile(r"(?:\bas\s+(?:of|at)|\bby|\bthrough|станом\s+на|по\s+состоянию\s+на)\s+"
                         r"(?:(?:the\s+)?(?:end|middle|start)\s+of\s+|midnight\s+(?:on\s+)?)?$")
_SINCE = re.compile(r"(?:\bsince|\bfrom|\bdesde|\bseit|\bdal|\bod|\bз|\bс|\bот|\bвід)\s+"
                    r"(?:(?:the|late|early|mid|beginning|start|of|la|el|de)\s+){0,3}$")


def _below(x: Frame, y: Frame) -> bool:
    """x's literal values all lie below y's."""
    return x.hard_high < y.hard_low or (x.hard_high == y.hard_low and (x.open_high or y.open_low))


def _published(date: str | None) -> str | None:
    if not date:
        return None
    try:
        return dt.date.fromisoformat(date[:10]).isoformat()
    except ValueError:
        return date[:7] if re.fullmatch(r"\d{4}-\d{2}", date[:7] or "") else None


_SPAN_START = re.compile(r"\bbetween\s+(?:(?:the|late|early|mid|beginning|start|end|of)\s+){0,3}$")
_RESTATED = re.compile(r"(?:\(|\bor|\bабо|\bили)\s*(?:about|around|some|roughly|nearly|"
                       r"almost|approximately|близько|около|примерно)?\s*$")


@lru_cache(maxsize=1 << 14)
def subject_of(text: str) -> str | None:
    """The first agreement the sentence names (extraction's name table), or None."""
    from extraction.names import default_aliases

    table = default_aliases()
    for _start, _end, key in table.find(text):
        if table.type_of(key) == "agreement":
            return key
    return None


_SIDES = (("ukraine", ("ukrain", "україн", "украин", "zsu", "afu", "зсу", "всу")),
          ("russia", ("russia", "росі", "росси", "рф", "wagner")))
# Measures whose claims name a side: who gained or holds the ground (a distance to the front
# or a speaker, "according to the Kremlin", names none).
SIDED_MEASURES = frozenset({"area", "settlements"})


def _side_before(words: list[tuple[int, int, str]], start: int) -> str | None:
    """The side named first in the words before the figure."""
    for _s, e, w in words:
        if e > start:
            break
        low = w.casefold()
        for side, stems in _SIDES:
            if low.startswith(stems):
                return side
    return None


FIND_SUBJECT = "\0find"  # claim_frames' default subject: subject_of(text)


def claim_frames(text: str, quantities: Sequence[Quantity], published: str | None,
                 subject: str | None = FIND_SUBJECT) -> tuple[Frame, ...]:
    """Frames of one claim's figures (dates become frames of measure "date" when the claim is
    about a date; otherwise they are the period of the other figures). ``subject``: the
    subject_of(text) when the caller has it (the first agreement of its name scan)."""
    lowered = text.casefold()
    ordinals = event_ordinals(text, spans(lowered, quantities))
    if not quantities and not ordinals:
        return ()
    if subject == FIND_SUBJECT:
        subject = subject_of(text)
    words = words_with_offsets(text)
    dates = [q for q in quantities if q.cls == "date" and q.date]
    # "since late 2023", "from Oct. 1": where a running count starts, not the day it is as of.
    as_of = [q for q in dates if not _SINCE.search(lowered, 0, max(0, lowered.find(q.text.casefold())))]
    # "the toll from the June 11 strike rose to 18 on June 13": as of the day that names no event.
    left, other_day = as_of_dates(lowered, dates)
    as_of = [q for q in as_of if any(q is d for d in left)] or as_of
    if len(as_of) > 1 and _SPAN_START.search(lowered, 0, max(0, lowered.find(as_of[0].text.casefold()))):
        as_of = as_of[1:]  # "between April 2014 and mid-2021, 3,390 were killed": as of its end
    # "the 28-point plan": a count joined to a noun by a hyphen names a thing, it states no count.
    all_dates = spans(lowered, [q for q in quantities if q.cls == "date"])
    others = [q for q in quantities if q.cls != "date" and not names_a_thing(q, text, lowered, all_dates)]
    counted = bool(others or ordinals)
    period = with_year(as_of[0].date, published) if as_of and counted else _published(published)
    stated = bool(as_of and counted)
    marked = stated and (other_day or _AS_OF_MARK.search(
        lowered, 0, max(0, lowered.find(as_of[0].text.casefold()))) is not None)
    date_spans = spans(lowered, dates)
    updated = updated_event(lowered, dates, left) if marked and other_day else None
    event_day = with_year(updated.date, published) if updated is not None else None
    frames = [Frame("ordinal", n - 0.5, n + 0.5, said, "ordinal", period, stated, True,
                    hard_low=n - 0.5, hard_high=n + 0.5, subject=subject) for n, said in ordinals]
    for q in others:
        pos = find_figure(lowered, q, all_dates)
        if pos > 0 and frames and frames[-1].cls == q.cls and _RESTATED.search(
                lowered[max(0, pos - 12) : pos]):
            # "6,000 sq km (2,317 sq miles)", "470 square miles, or about 1,200 km²": the same
            # value restated in another unit (often converted loosely), not a second figure.
            continue
        start, end = (pos, pos + len(q.text)) if pos >= 0 else (0, 0)
        named = measures_near(text, start, end, words) if pos >= 0 else []
        near = named[0] if named else None
        if q.cls != "percent":
            # "4,980,589 Ukrainians had left": nationality words make poll shares, not counts.
            near = next((m for m in named if m != "respondents"), None)
            if near is None and q.family == "count" and pos >= 0:
                # Named farther away in the figure's clause ("the death toll had risen to 29").
                near = next((m for m in measures_far(text, start, end, words, date_spans)
                             if m not in ("respondents", "money")), None)
        base = _UNIT_MEASURE.get(q.family)
        if q.cls == "percent" and q.qualifier in CHANGE_WORDS:
            measure = "change"  # "an 83% drop": how much something changed, not a share
        elif q.cls == "percent":
            measure = f"share:{near}" if near in _PERCENT_MEASURES else "share"
        elif base is not None:
            measure = base
        elif q.cls.startswith("money"):
            measure = q.cls
        elif (q.value or 0) >= 1e9 and names_money(words):
            measure = "money"  # "EUR 138 billion", "138 billion in military aid"
        else:
            measure = near or "count"
        low, high = stated_precision(q)
        precise = not math.isinf(high) and low > 0 and (high - low) <= 0.1 * abs(
            q.value or high)
        bounds = literal_bounds(q, low, high)
        high = soft_high(q, high)
        # An open bound as reporting uses it: "more than 1,000" is not said of 8,000, nor
        # "less than 100" of 10.
        if math.isinf(high):
            high = max(lower_bound_reach(q, OPEN_BOUND_REACH), low * 1.0001)
        elif low == 0.0 and high > 0:
            low = high / OPEN_BOUND_REACH
        actor = _side_before(words, start) if measure in SIDED_MEASURES and pos >= 0 else None
        cls = "money" if measure == "money" else q.cls  # a count named as money
        kind = counted_kind(text, start, end) if q.family == "count" and pos >= 0 and (
            cls != "money") else None
        frames.append(Frame(measure, low, high, q.text, cls, period, stated, precise,
                            frozenset(named), bounds.low, bounds.high, subject, actor,
                            bounds.open_low, bounds.open_high, kind, marked, event_day))
    if dates and not counted:
        for q in dates:
            frames.append(Frame("date", 0.0, 0.0, q.text, "date", with_year(q.date, published), True, True,
                                hard_low=0.0, hard_high=0.0, subject=subject))
    return tuple(frames)


def subjects_differ(a: Sequence[Frame], b: Sequence[Frame]) -> tuple[str, str] | None:
    """The agreements two claims are about, when both name one and they differ."""
    sa = next((f.subject for f in a if f.subject), None)
    sb = next((f.subject for f in b if f.subject), None)
    return (sa, sb) if sa and sb and sa != sb else None


def measures_compatible(a: str, b: str) -> bool:
    """Same measure, or one side only knows the coarse kind ("count" vs "killed")."""
    if a == b:
        return True
    if "money" in (a, b) and a.startswith("money") and b.startswith("money"):
        return True  # "EUR 138 billion" read as money without its currency, and "€138 billion"
    coarse = {"count", "share"}
    if a in coarse or b in coarse:
        return a.split(":")[0] == b.split(":")[0] or {a, b} & {"count"} and not (
            a.startswith(("share", "area", "distance", "duration", "date", "money"))
            or b.startswith(("share", "area", "distance", "duration", "date", "money")))
    return False


@lru_cache(maxsize=1 << 14)  # a pure function of the text, read ~2.4 times per pair scored
def period_days(period: str | None) -> tuple[dt.date, dt.date] | None:
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
    return days_between(period_days(a.period if isinstance(a, Frame) else a),
                        period_days(b.period if isinstance(b, Frame) else b))


def days_between(pa: tuple[dt.date, dt.date] | None,
                 pb: tuple[dt.date, dt.date] | None) -> float | None:
    """Days between two (first, last) day spans (0 when they overlap); None when either is
    unknown."""
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
    # With no frames paired: matching.counted.kinds_differ of the two claims' frames (what
    # each counts, when one never counts what the other does), read by measure_clash and by
    # the decision's first rules alike.
    kinds: tuple[str, str] | None = None

    @property
    def precise_agree(self) -> bool:
        return any(x.precise and y.precise for x, y in self.agree)


def compare_frames(a: Sequence[Frame], b: Sequence[Frame]) -> FrameComparison:
    paired: list[tuple[float, int, int]] = []
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            if x.cls != y.cls and _cls_family(x.cls) != _cls_family(y.cls):
                continue
            exchanged = other_currency(x.cls, y.cls)
            if not (measures_compatible(x.measure, y.measure) or names_the_other(x, y)
                    or exchanged):
                continue
            if x.subject and y.subject and x.subject != y.subject:
                continue  # figures of two different agreements
            if not kinds_compatible(x.counted, y.counted):
                continue  # "300 shells" and "300 civilians": counts of different things
            if x.measure == "date":
                dist = 0.0 if _dates_agree(x.period, y.period) else 1.0
            else:
                mx = x.low if math.isinf(x.high) else (x.low + x.high) / 2
                my = y.low if math.isinf(y.high) else (y.low + y.high) / 2
                dist = abs(mx - my) / max(abs(mx), abs(my), 1e-9)
            paired.append((dist, i, j, exchanged))
    paired.sort()  # (i, j) differ between entries: ``exchanged`` never decides the order
    used_a: set[int] = set()
    used_b: set[int] = set()
    same, agree, conflict = [], [], []
    for _d, i, j, exchanged in paired:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        x, y = a[i], b[j]
        same.append((x, y))
        if x.measure == "date":
            (agree if _dates_agree(x.period, y.period) else conflict).append((x, y))
        elif exchanged:
            # Amounts in two currencies: apart at every rate of the years covered is a
            # conflict; anything closer is unknown without the day's rate (neither agrees).
            if x.precise and y.precise and apart_at_any_rate(x.low, x.high, x.cls,
                                                             y.low, y.high, y.cls):
                conflict.append((x, y))
        elif x.excludes(y) or (x.precise and y.precise and not x.overlaps(y)):
            conflict.append((x, y))
        elif x.overlaps(y):
            agree.append((x, y))
    specific_a = {f.measure for f in a if f.measure not in ("count", "share")}
    specific_b = {f.measure for f in b if f.measure not in ("count", "share")}
    kinds = kinds_differ(a, b) if not same else None
    clash = bool(specific_a and specific_b and not (specific_a & specific_b)) or (
        kinds is not None)
    return FrameComparison(tuple(same), tuple(agree), tuple(conflict), clash, kinds)


def names_the_other(x: Frame, y: Frame) -> bool:
    """One figure's measure is named around the other ("53 prisoners of war were killed" and
    "53 killed"): the two may be one quantity named two ways. Words both sides merely share
    say nothing of it: "43,000 troops killed" and "370,000 troops wounded" both name troops,
    yet count different things."""
    return x.measure in y.also or y.measure in x.also


def _cls_family(cls: str) -> str:
    """Counts of any kind compare, and amounts of money in any currency (across currencies
    through the rate spans of matching.currencies)."""
    return cls.split(":")[0]


def _dates_agree(a: str | None, b: str | None) -> bool:
    return dates_agree(a, b)


def values_contradict(a: Sequence[Frame], b: Sequence[Frame]) -> list[tuple[Frame, Frame]]:
    """Precise values of one measure that do not overlap (figures paired nearest first, so
    "12 km deep, 40 km wide" meets "11 km deep" on the depth), and two days given for one
    dated event: the pairs that may never sit in one group (the complete-link invariant of
    matching.grouping; vague values may). Two periods both stated in the sentences and apart
    make two claims, not a contradiction."""
    return [(x, y) for x, y in frame_conflicts(a, b)
            if x.measure == "date" or (x.precise and y.precise)]


def frame_conflicts(a: Sequence[Frame], b: Sequence[Frame]) -> list[tuple[Frame, Frame]]:
    """Values of one measure and period that cannot both be right: precise values apart, a
    bound read literally that excludes the other value, or two days for one dated event."""
    out = []
    for x, y in compare_frames(a, b).conflict:
        if x.measure == "date":
            if day_precise(x.period) and day_precise(y.period):
                out.append((x, y))
            continue
        if x.period_stated and y.period_stated and (period_distance_days(x, y) or 0.0) > 0:
            continue
        out.append((x, y))
    return out

def frame_keys(frames: Sequence[Frame]) -> list[str]:
    """Keys that claims stating a value of one measure share when their values are close
    (log-scale buckets on two offset grids), that claims stating any value of one specific
    measure in one month share, and that claims about one day share."""
    keys = []
    for f in frames:
        if f.measure == "date":
            if f.period:
                keys.append(f"date:{f.period}")
                if day_precise(f.period):  # the same day with or without its year
                    keys.append(f"date:*{f.period[-5:]}")
            continue
        mid = f.low if math.isinf(f.high) else (f.low + f.high) / 2
        if not math.isfinite(mid) or mid <= 0:
            continue
        x = math.log10(mid) * 12
        keys.append(f"{f.measure}:{f.cls}:a{math.floor(x)}")
        keys.append(f"{f.measure}:{f.cls}:b{math.floor(x + 0.5)}")
        for measure in sorted(f.measures - _COARSE):
            # Measure (and month), whatever the value: where conflicting figures meet.
            keys.append(f"{measure}|{(f.period or '?')[:7]}")
            keys.append(f"{measure}|*")
    return sorted(set(keys))


_COARSE = frozenset({"count", "share"})

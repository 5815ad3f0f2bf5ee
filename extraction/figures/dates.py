"""Dates: months, timeline years, relative dates and the year a day-and-month belongs to."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from ..numbers import (
    parse_number,
)
from .model import (
    Figure,
)
from .numerals_months import FOREIGN_MONTHS
from .patterns import (
    _CYR_MONTHS,
    _FUTURE_CUES,
    _MONTH,
    _MONTHS,
    _SPACES,
    _WEEKDAYS,
    _YEAR,
    I,
    _lowercase_pattern,
    year_counts_a_thing,
)
from .triggers import (
    _lower,
)
from .units import (
    _duration_unit,
    _fig,
)


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


# --- dates --------------------------------------------------------------------------------------

def _month_number(word: str) -> int | None:
    w = word.lower().rstrip(".")
    if w in _MONTHS:
        return _MONTHS[w]
    if w in FOREIGN_MONTHS:
        return FOREIGN_MONTHS[w]
    for prefix, n in _CYR_MONTHS:
        if w.startswith(prefix):
            return n
    return None


_SHARED_YEAR = re.compile(rf"\s+(?:or|and|to|through|until)\s+{_MONTH}(?:\s+of)?,?\s+(?P<y>{_YEAR})\b", I)
_TIMELINE_LINE = re.compile(
    rf"[ \t\u00a0]*(?:[-•*]\s+)?(?:[A-Z][a-z]{{2,8}}\.?\s+(?:\d{{1,2}}(?:[-–]\d{{1,2}})?,?\s+)?)?(?:[A-Z][a-z]+\s+)?(?P<y>{_YEAR})\s*[:–—-]"
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

    if kind in ("date_mdy", "date_dmy", "date_dmy_cyr", "date_dmy_foreign"):
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
        if year_counts_a_thing(text, m.start("year"), m.end("year")):
            return None  # "fired 2000 shells": a count (see triggers)
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

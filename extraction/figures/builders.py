"""Building a Figure from a pattern match: amounts, fractions, durations, ranges and counts."""

from __future__ import annotations

import re
from datetime import date

from ..numbers import (
    APOSTROPHES,
    CYRILLIC_NUMBER_WORDS,
    SCALES,
    parse_number,
    parse_words,
)
from .dates import (
    _Anchors,
    _build_date,
)
from .model import (
    Figure,
)
from .patterns import (
    _AREA_TO_KM2,
    _CLOCK,
    _CLOCK_START,
    _CYR_NUMERATORS,
    _CYR_ORDINAL_BEFORE,
    _CYR_ORDINALS,
    _CYR_TIME_AFTER,
    _DIST_TO_KM,
    _DISTANCE_WORD,
    _DURATION_CONTEXT,
    _DURATION_UNITS,
    _DURATION_WORD,
    _FRACTION_FOLLOW,
    _FRACTIONS,
    _GROUP_VALUES,
    _ID_HEADS,
    _PEOPLE_HEADS,
    _PEOPLE_RE,
    _TOLL_AFTER,
    _TOLL_BEFORE,
    closes_a_date,
    year_counts_a_thing,
)
from .units import (
    _area_unit,
    _canon_qual,
    _currency,
    _distance_unit,
    _duration_unit,
    _fig,
    _is_year_like,
    _num,
    _preceding_word,
    _sig,
)


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
        v = 1.0 if num in ("a", "an") else _num(num, decimal_dots=True)
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
        lo, hi = _num(g["num"], decimal_dots=True), _num(g["num2"], decimal_dots=True)
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
        # Before a scale ("€2.694 billion", "EUR 1.45bn") a dot is a decimal point.
        v = _num(g["num"], decimal_dots=bool(g.get("scale") or g.get("short")))
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
    if g.get("unit_b"):
        # A compound duration is one value in its first unit: "2 hours 45 minutes" = 2.75 hours.
        unit_b, v_b = _duration_unit(g["unit_b"]), _num(g["num_b"])
        if v is None or v_b is None or _DURATION_UNITS[unit_b] >= _DURATION_UNITS[unit]:
            e = m.end("andhalf") if g.get("andhalf") else m.end("unit")
        else:
            v = v + v_b * _DURATION_UNITS[unit_b] / _DURATION_UNITS[unit]
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


_SMALL_TOLL = 12  # matching.figures drops bare counts up to this as wording ("the two sides")


def _build_count(m, g, text, s, e, offset, qual) -> Figure | None:
    raw = g["num"]
    v = _num(raw)
    if v is None:
        return None
    noun = g.get("noun")
    low = raw.lower().strip()
    if (low in ("one", "zero") or v == 1 and low.translate(APOSTROPHES) in CYRILLIC_NUMBER_WORDS) and not noun:
        return None
    if _is_year_like(v, raw) and (not noun and not year_counts_a_thing(text, m.start("num"), e)
                                  or closes_a_date(text, m.start("num"))):
        return None  # a year: the date patterns own it ("on 6 May 2022 killed ten" too)
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
        if unit is None and v <= _SMALL_TOLL and (
                _TOLL_AFTER.match(rest) or _TOLL_BEFORE.search(text, max(0, s - 40), s)):
            # "killed four", "three were wounded", "загинули четверо": a small number is a
            # count of people only when it says so (larger bare counts are kept anyway).
            unit = "people"
    return _fig(text, s, e, offset, value=v, unit=unit, kind="count", qualifier=qual,
                si_value=v, si_unit=unit)

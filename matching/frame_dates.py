"""Dates of claim frames that the sentence states without a year ("on November 27", "8 жовтня")
when no publication date gives one: kept as a day of the year ("--11-27", ISO 8601's yearless
form) so that they still agree with, or differ from, the same day stated with a year."""

from __future__ import annotations

import re
from functools import lru_cache

from extraction.figures.numerals_months import FOREIGN_MONTH, FOREIGN_MONTHS
from extraction.figures.patterns import _CYR_MONTHS, _MONTHS

_EN_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_EN_DAY_MONTH = re.compile(rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{_EN_MONTH})\b\.?",
                           re.IGNORECASE)
_EN_MONTH_DAY = re.compile(rf"(?P<m>{_EN_MONTH})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b",
                           re.IGNORECASE)
_CYR_DAY_MONTH = re.compile(r"(?P<d>\d{1,2})\s+(?P<m>[а-яіїєґ]+)", re.IGNORECASE)
_CYR_STEMS = sorted(_CYR_MONTHS, key=lambda p: -len(p[0]))


def _cyr_month(word: str) -> int | None:
    w = word.casefold()
    return next((n for stem, n in _CYR_STEMS if w.startswith(stem)), None)


@lru_cache(maxsize=1 << 12)
def yearless_date(text: str) -> str | None:
    """'--MM-DD' for a day and month written without a year ("November 27", "10 September",
    "8 жовтня"), or None."""
    for pattern in (_EN_MONTH_DAY, _EN_DAY_MONTH):
        m = pattern.search(text)
        if m:
            month = _MONTHS.get(m.group("m").casefold().rstrip("."))
            day = int(m.group("d"))
            if month and 1 <= day <= 31:
                return f"--{month:02d}-{day:02d}"
    m = _CYR_DAY_MONTH.search(text)
    if m:
        month, day = _cyr_month(m.group("m")), int(m.group("d"))
        if month and 1 <= day <= 31:
            return f"--{month:02d}-{day:02d}"
    m = _FOREIGN_DAY_MONTH.search(text)
    if m:  # "9 listopada", "24. Februar", "29 de marzo"
        month, day = FOREIGN_MONTHS.get(m.group("m").casefold()), int(m.group("d"))
        if month and 1 <= day <= 31:
            return f"--{month:02d}-{day:02d}"
    return None


_FOREIGN_DAY_MONTH = re.compile(rf"(?<!\d)(?P<d>\d{{1,2}})\.?\s+(?:de\s+)?(?P<m>{FOREIGN_MONTH})(?!\w)",
                                re.IGNORECASE)


def is_yearless(date: str | None) -> bool:
    return bool(date) and date.startswith("--")


def day_precise(date: str | None) -> bool:
    """A date that names one day, with or without its year."""
    return bool(date) and (len(date) == 10 or (is_yearless(date) and len(date) == 7))


def dates_agree(a: str | None, b: str | None) -> bool:
    """'2015-02' agrees with '2015-02-12', '2015-02-11' not with '2015-02-12'; a day without a
    year agrees with the same day of any year ('--11-27' and '2025-11-27'), and a month."""
    if not a or not b:
        return False
    if is_yearless(a) or is_yearless(b):
        ma = a[2:] if is_yearless(a) else a[5:10]
        mb = b[2:] if is_yearless(b) else b[5:10]
        if not ma or not mb:
            return False  # a year alone says nothing about the day
        n = min(len(ma), len(mb))
        return ma[:n] == mb[:n]
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def with_year(date: str | None, published: str | None) -> str | None:
    """A day stated without its year in the year of a publication date known only to the
    month or year ("2022-03" and "--03-15" -> "2022-03-15"); otherwise the date as it is."""
    if not is_yearless(date) or not published or not published[:4].isdigit():
        return date
    return f"{published[:4]}-{date[2:]}"

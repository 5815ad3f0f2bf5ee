"""Finding and reading publication dates written the ways news sites write them (English, Ukrainian, Russian)."""

from __future__ import annotations

import datetime
import re
from typing import NamedTuple

_MONTH_NAMES: dict[int, tuple[str, ...]] = {
    1: ("january", "jan", "січня", "січень", "января", "январь", "янв"),
    2: ("february", "feb", "лютого", "лютий", "февраля", "февраль", "фев"),
    3: ("march", "mar", "березня", "березень", "марта", "март", "мар"),
    4: ("april", "apr", "квітня", "квітень", "апреля", "апрель", "апр"),
    5: ("may", "травня", "травень", "мая", "май"),
    6: ("june", "jun", "червня", "червень", "июня", "июнь", "июн"),
    7: ("july", "jul", "липня", "липень", "июля", "июль", "июл"),
    8: ("august", "aug", "серпня", "серпень", "августа", "август", "авг"),
    9: ("september", "sept", "sep", "вересня", "вересень", "сентября", "сентябрь", "сен"),
    10: ("october", "oct", "жовтня", "жовтень", "октября", "октябрь", "окт"),
    11: ("november", "nov", "листопада", "листопад", "ноября", "ноябрь", "ноя"),
    12: ("december", "dec", "грудня", "грудень", "декабря", "декабрь", "дек"),
}
_MONTHS = {name: number for number, names in _MONTH_NAMES.items() for name in names}
_WEEKDAYS = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    "понеділок", "вівторок", "середа", "четвер", "п'ятниця", "п’ятниця", "субота", "неділя",
    "понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье",
})

# Longest names first so that "sept" is not read as "sep" followed by junk.
_MONTH = "(?P<month>" + "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True)) + r")\.?"
_NOT_AFTER_LETTER = r"(?<![^\W\d_])"
_NOT_BEFORE_LETTER = r"(?![^\W\d_])"
_ORDINAL = r"(?:st|nd|rd|th)?"
# "1 червня 2025 року", "1 июня 2025 г." — the year word belongs to the date.
_YEAR_WORD = r"(?:\s*(?:року|р\.|года|г\.))?"

_PATTERNS = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        # 2025-06-01, 2025/06/01, 2025.06.01 (also the date part of an ISO timestamp)
        r"(?<![\w.,/-])(?P<year>\d{4})(?P<sep>[-/.])(?P<mnum>\d{1,2})(?P=sep)(?P<day>\d{1,2})(?![\d/])",
        # June 1, 2025 / Feb. 12, 2015 / June 1st 2025
        _NOT_AFTER_LETTER + _MONTH + _NOT_BEFORE_LETTER
        + r"\s*(?P<day>\d{1,2})" + _ORDINAL + r",?\s+(?P<year>\d{4})(?!\d)",
        # 1 June 2025 / 1st of June, 2025 / 1 червня 2025 року
        r"(?<![\w.])(?P<day>\d{1,2})" + _ORDINAL + r"\.?\s+(?:of\s+)?" + _MONTH + _NOT_BEFORE_LETTER
        + r",?\s+(?P<year>\d{4})(?!\d)" + _YEAR_WORD,
        # 14.03.2025 (day first, as in Europe)
        r"(?<![\w.])(?P<day>\d{1,2})\.(?P<mnum>\d{1,2})\.(?P<year>\d{4})(?!\w)" + _YEAR_WORD,
        # 3/14/25, 3/14/2025 (month first, as in the US)
        r"(?<![\w/])(?P<mnum>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4}|\d{2})(?![\w/])",
    )
)
_US_NUMERIC = _PATTERNS[-1]

_OLDEST_YEAR = 1800
# A date value is short; cutting it keeps a hostile 50 MiB "Date:" line from costing seconds.
_MAX_VALUE_CHARS = 200


class DateMatch(NamedTuple):
    """A date found in a string, with where it was written."""

    date: datetime.date
    start: int
    end: int


def find_date(text: str, *, today: datetime.date | None = None) -> DateMatch | None:
    """The first valid date written in ``text``, or None."""
    today = today or datetime.date.today()
    best: DateMatch | None = None
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if best is not None and match.start() > best.start:
                break
            date = _to_date(match, pattern is _US_NUMERIC, today)
            if date is None:
                continue
            candidate = DateMatch(date, match.start(), match.end())
            if best is None or (candidate.start, -candidate.end) < (best.start, -best.end):
                best = candidate
            break
    return best


def parse_date(value: str, *, today: datetime.date | None = None) -> datetime.date | None:
    """Read a value that is meant to be a date (a header field, a meta tag, PDF info).

    Only a date at the start of the value counts (a weekday may precede it); whatever follows,
    typically a time, is ignored.
    """
    value = value[:_MAX_VALUE_CHARS].strip()
    found = find_date(value, today=today)
    if found is None:
        return None
    before = value[: found.start].strip(" ,")
    if before and not is_weekday(before):
        return None
    return found.date


def is_weekday(word: str) -> bool:
    """True for a weekday name or its usual abbreviation ("Tue.", "Sunday", "неділя")."""
    return word.strip(" .,").lower() in _WEEKDAYS


def _to_date(match: re.Match[str], us_numeric: bool, today: datetime.date) -> datetime.date | None:
    groups = match.groupdict()
    day = int(groups["day"])
    if groups.get("month"):
        month = _MONTHS[groups["month"].lower()]
    else:
        month = int(groups["mnum"])
        if us_numeric and month > 12 >= day:
            # 14/3/2025 cannot be month-first; reading it day-first is the only sensible way.
            month, day = day, month
    year_text = groups["year"]
    year = int(year_text)
    if len(year_text) == 2:
        year += 2000 if 2000 + year <= today.year + 1 else 1900
    if not _OLDEST_YEAR <= year <= today.year + 1:
        return None
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None

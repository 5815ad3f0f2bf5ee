"""Units, qualifiers and numbers of a matched figure, and the fast Figure constructor."""

from __future__ import annotations

import re

from ..numbers import (
    parse_number,
)
from .model import (
    Figure,
)
from .patterns import (
    _LAST_WORD_REVERSED,
    _QUAL_CANON,
    _SPACES,
)

# --- building figures -------------------------------------------------------------------------

def _canon_qual(q: str | None) -> str | None:
    if not q:
        return None
    low = q.lower()
    canon = _QUAL_CANON.get(low)
    if canon is None:
        low = _SPACES.sub(" ", low)
        canon = _QUAL_CANON.get(low, low)
    return canon


def _num(s: str | None, decimal_dots: bool = False) -> float | None:
    if s is None:
        return None
    return parse_number(s, decimal_dots)


def _sig(x: float, digits: int = 6) -> float:
    """Round to significant digits, so 5 m² stays 5e-06 km² instead of 0.0."""
    if digits == 6 and x.is_integer() and -1e6 < x < 1e6:
        return float(x)  # already exact to six digits
    return float(f"{x:.{digits}g}")


_new_object = object.__new__
_set_attribute = object.__setattr__


def _fig(text: str, s: int, e: int, offset: int, *, value: float | None, unit: str | None, kind: str,
         qualifier: str | None = None, value_max: float | None = None, si_value: float | None = None,
         si_unit: str | None = None, date: str | None = None) -> Figure:
    # Same as Figure(...), without the frozen dataclass's eleven guarded attribute writes (a
    # third of the cost of a typical figure).
    f = _new_object(Figure)
    _set_attribute(f, "__dict__", {
        "text": text[s:e], "start": s + offset, "end": e + offset, "value": value, "unit": unit,
        "kind": kind, "qualifier": qualifier, "value_max": value_max, "si_value": si_value,
        "si_unit": si_unit, "date": date,
    })
    return f


def _duration_unit(u: str) -> str:
    u = u.lower()
    if u.startswith(("ден", "днев", "дн", "доб", "діб", "сут")):
        return "day"
    if u.startswith(("годин", "час")):
        return "hour"
    if u.startswith(("хвилин", "минут")):
        return "minute"
    if u.startswith("секунд"):
        return "second"
    if u in ("років", "роки", "лет"):
        return "year"
    if u.startswith(("тиж", "недел")):
        return "week"
    if u.startswith(("місяц", "месяц")):
        return "month"
    if u.startswith(("sec",)):
        return "second"
    if u.startswith(("min",)):
        return "minute"
    if u.startswith(("hour", "hr")):
        return "hour"
    if u.startswith("day"):
        return "day"
    if u.startswith("week"):
        return "week"
    if u.startswith("month"):
        return "month"
    if u.startswith(("year", "yr")):
        return "year"
    if u.startswith("decade"):
        return "decade"
    return "century"


_OTHER_KILOMETRE = re.compile(r"l[oóô]m[eèé]t|χιλιόμετρ|километ|kvadrat")


def _area_unit(u: str) -> str:
    u = u.lower()
    if "kilomet" in u or "km" in u or "кілометр" in u or "километр" in u or u.startswith("кв"):
        return "km2"
    if _OTHER_KILOMETRE.search(u):  # "quilômetros quadrados", "chilometri quadrati", ...
        return "km2"
    if "mi" in u:
        return "mi2"
    if u.startswith("hectare") or u == "ha" or u == "га":
        return "ha"
    if u.startswith("acre"):
        return "acre"
    if "met" in u:
        return "m2"
    return "km2"


def _distance_unit(u: str) -> str:
    u = u.lower()
    if u.startswith("mi"):
        return "mi"
    if u.startswith("met"):
        return "m"
    return "km"


def _currency(c: str) -> str:
    c = c.lower().replace(" ", "")
    if "$" in c or "dollar" in c or c == "usd" or "долар" in c or "доллар" in c or "dólar" in c or "dolar" in c:
        return "usd"
    if "€" in c or "euro" in c or c == "eur" or "євро" in c or "евро" in c:
        return "eur"
    if "£" in c or "pound" in c or c == "gbp":
        return "gbp"
    if "₽" in c or "rub" in c or "roub" in c or "руб" in c:
        return "rub"
    return "uah"


def _preceding_word(text: str, pos: int) -> str:
    """The word before ``pos`` (letters, digits and dots), lower-cased, without a final dot."""
    m = _LAST_WORD_REVERSED.match(text[max(0, pos - 30) : pos][::-1])
    return m.group(1)[::-1].lower().rstrip(".") if m else ""


def _is_year_like(v: float | None, raw: str) -> bool:
    if v is None or not 1800 <= v <= 2099 or v != int(v):
        return False
    raw = raw.strip()
    return len(raw) == 4 and raw.isdecimal()

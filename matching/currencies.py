"""Amounts of money in two currencies compared without an exchange rate: each currency's worth in
US dollars as a span over the years this reporting covers (2014 on), so two amounts conflict
only when no rate of those years makes them one amount."""

from __future__ import annotations

# One unit of the currency in US dollars, lowest and highest (rounded outwards) since 2014:
# EUR 0.96-1.39, GBP 1.07-1.72, RUB 1/135-1/33, UAH 1/42-1/8.
USD_WORTH: dict[str, tuple[float, float]] = {
    "usd": (1.0, 1.0),
    "eur": (0.9, 1.45),
    "gbp": (1.0, 1.8),
    "rub": (0.006, 0.032),
    "uah": (0.022, 0.13),
}


def currency_of(cls: str) -> str | None:
    """The currency of a money class ("money:eur" -> "eur") when its worth is known."""
    if not cls.startswith("money:"):
        return None
    code = cls.split(":", 1)[1]
    return code if code in USD_WORTH else None


def in_usd(low: float, high: float, cls: str) -> tuple[float, float] | None:
    """Every dollar amount the interval [low, high] of ``cls`` may be at some rate of the span."""
    code = currency_of(cls)
    if code is None:
        return None
    lo, hi = USD_WORTH[code]
    return low * lo, high * hi


def other_currency(a_cls: str, b_cls: str) -> bool:
    """Two amounts in two different currencies whose worth is known."""
    ca, cb = currency_of(a_cls), currency_of(b_cls)
    return ca is not None and cb is not None and ca != cb


def apart_at_any_rate(a_low: float, a_high: float, a_cls: str,
                      b_low: float, b_high: float, b_cls: str) -> bool:
    """No rate of the span makes the two amounts overlap: "$100 billion" and "€140 billion"
    (€140 billion was $126 billion at the lowest rate since 2014)."""
    a, b = in_usd(a_low, a_high, a_cls), in_usd(b_low, b_high, b_cls)
    return a is not None and b is not None and (a[1] < b[0] or b[1] < a[0])

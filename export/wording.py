"""Extractor codes as a reader of a briefing reads them: claim categories and figure units."""

from __future__ import annotations

CATEGORY_LABELS = {
    "territory": "Territory",
    "casualties": "Casualties",
    "minsk": "Minsk agreements",
    "negotiations": "Negotiations",
    "poll": "Poll",
    "other_numeric": "Other figures",
}

UNIT_LABELS = {
    "km2": "km²", "mi2": "square miles", "m2": "m²", "ha": "hectares", "acre": "acres",
    "km": "km", "mi": "miles", "m": "metres", "percent": "%", "usd": "US dollars",
    "eur": "euros", "gbp": "pounds sterling", "rub": "roubles", "uah": "hryvnias",
}


def category_label(category: str | None) -> str:
    """"Other figures" for ``other_numeric``; an unknown code with its underscores as spaces."""
    if not category:
        return ""
    return CATEGORY_LABELS.get(category, category.replace("_", " ").capitalize())


def unit_label(unit: str | None) -> str:
    """"square miles" for ``mi2``; a unit without a label as written, underscores as spaces."""
    if not unit:
        return ""
    return UNIT_LABELS.get(unit, unit.replace("_", " "))

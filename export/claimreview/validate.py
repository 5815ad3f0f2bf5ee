"""The check of a ClaimReview document's shape: the fields fact-check search engines read."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from export import markup

# --- checking -----------------------------------------------------------------------------


def is_date(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    try:
        dt.date.fromisoformat(value[:10])
        if len(value) > 10:
            dt.datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _named(value: Any, types: tuple[str, ...]) -> bool:
    return (isinstance(value, dict) and value.get("@type") in types
            and isinstance(value.get("name"), str) and bool(value["name"].strip()))


def validate_claimreview(item: Any) -> list[str]:
    """What is wrong with one ClaimReview object, against the fields Google's Fact Check Tools
    read; an empty list means it is fine."""
    if not isinstance(item, dict):
        return ["not a JSON object"]
    problems = []
    if item.get("@type") != "ClaimReview":
        problems.append("@type is not ClaimReview")
    if not isinstance(item.get("claimReviewed"), str) or not item["claimReviewed"].strip():
        problems.append("claimReviewed is missing")
    if markup.safe_url(item.get("url")) is None:
        problems.append("url is missing or not an http(s) URL")
    if not is_date(item.get("datePublished")):
        problems.append("datePublished is missing or not a date")
    if not _named(item.get("author"), ("Organization", "Person")):
        problems.append("author (the reviewing organisation) is missing")
    rating = item.get("reviewRating")
    if not isinstance(rating, dict) or rating.get("@type") != "Rating":
        problems.append("reviewRating is missing")
    else:
        if not isinstance(rating.get("alternateName"), str) or not rating["alternateName"].strip():
            problems.append("reviewRating.alternateName is missing")
        best, worst = rating.get("bestRating"), rating.get("worstRating")
        if not (is_number(best) and is_number(worst) and worst < best):
            problems.append("reviewRating.bestRating/worstRating are missing or inverted")
        elif "ratingValue" in rating and not (
            is_number(rating["ratingValue"]) and worst <= rating["ratingValue"] <= best
        ):
            problems.append("reviewRating.ratingValue is outside worstRating..bestRating")
    claim = item.get("itemReviewed")
    if not isinstance(claim, dict) or claim.get("@type") != "Claim":
        problems.append("itemReviewed is not a Claim")
    else:
        if "author" in claim and not _named(claim["author"], ("Organization", "Person")):
            problems.append("itemReviewed.author has no name")
        if "datePublished" in claim and not is_date(claim["datePublished"]):
            problems.append("itemReviewed.datePublished is not a date")
        appearances = claim.get("appearance", [])
        if not isinstance(appearances, list):
            problems.append("itemReviewed.appearance is not a list")
        else:
            for i, a in enumerate(appearances):
                if not isinstance(a, dict | str):
                    problems.append(f"appearance {i + 1} is neither a URL nor a CreativeWork")
                elif isinstance(a, dict) and "url" in a and not isinstance(a["url"], str):
                    problems.append(f"appearance {i + 1} has a url that is not text")
    return problems

"""What a figure is a figure *of*: the contrasting concepts of the clause it stands in.

"Half of Russians backed the truce, while 41% were against it" holds two percentages of two
different things. Comparing 41% with "41% backed the truce" by value alone would call them the
same claim; comparing them by role (against vs backed) says they are figures of different
quantities. Roles come from the contrast lines of resources/concepts.tsv: the claim-level
``# @contrast`` sets and the ``# @figure-contrast`` sets, which only separate figures
("58% for peace talks" and "50% for a ceasefire" answer different poll questions).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from extraction.names import soft_fold
from matching.signature import concept_paths, default_concepts

# Clause boundaries: punctuation and the conjunctions that join two statements with figures
# ("50% backed it, while 41% were against"; "а 41% — против"; "тоді як 41% були проти").
_CLAUSE_BREAK = re.compile(
    r"[,;:()\[\]—–]|\s-\s|\b(?:while|whereas|but|тоді\s+як|в\s+то\s+время\s+как|"
    r"а|але|но|однак|однако)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class RoleTable:
    role_concepts: frozenset[str]  # every concept that can give a figure a role
    contrasts: tuple[frozenset[str], ...]  # sets whose members exclude each other as roles

    def incompatible(self, a: frozenset[str], b: frozenset[str]) -> bool:
        """Both roles name a concept of one contrast set, and not the same one."""
        if not a or not b:
            return False
        for group in self.contrasts:
            ca, cb = a & group, b & group
            if ca and cb and not (ca & cb):
                return True
        return False


@lru_cache(maxsize=1)
def default_roles() -> RoleTable:
    contrasts = list(default_concepts().contrasts)
    for path in concept_paths():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("# @figure-contrast"):
                contrasts.append(frozenset(line.split()[2:]))
    concepts = frozenset(c for group in contrasts for c in group)
    return RoleTable(concepts, tuple(contrasts))


def _clause_roles(clause: str, table: RoleTable) -> frozenset[str]:
    concepts = default_concepts()
    norm = concepts.rewrite_phrases(soft_fold(clause).casefold())
    found = set()
    for w in _WORD.findall(norm):
        c = concepts.concept(w)
        if c is not None and c in table.role_concepts:
            found.add(c)
    return frozenset(found)


def _span(text: str, fig: Mapping[str, Any], offset: int | None) -> tuple[int, int] | None:
    """Where the figure stands in ``text``: from its offsets, or (offset unknown, as for
    figures stored with article offsets) by finding its text."""
    start, end = fig.get("start"), fig.get("end")
    if offset is not None and start is not None and end is not None:
        s, e = int(start) - offset, int(end) - offset
        if 0 <= s < e <= len(text):
            return s, e
    found = text.find(str(fig.get("text") or "\0"))
    return (found, found + len(str(fig["text"]))) if found >= 0 else None


def figure_roles(
    text: str, figures: Sequence[Mapping[str, Any]], offset: int | None = 0
) -> list[frozenset[str]]:
    """The role of each figure (aligned with ``figures``); dates get none (they are the time
    frame of the whole claim, not a figure of something)."""
    table = default_roles()
    if not figures or not any((f.get("kind") or "") != "date" for f in figures):
        return [frozenset()] * len(figures)
    bounds = [0]
    bounds += [m.start() for m in _CLAUSE_BREAK.finditer(text)]
    bounds.append(len(text))
    cache: dict[tuple[int, int], frozenset[str]] = {}
    out = []
    for fig in figures:
        span = _span(text, fig, offset) if (fig.get("kind") or "") != "date" else None
        if span is None:
            out.append(frozenset())
            continue
        # The clause holding the figure's start: between the last break before it and the
        # first break after its end.
        k = max(i for i, b in enumerate(bounds) if b <= span[0])
        m = min((i for i, b in enumerate(bounds) if b >= span[1]), default=len(bounds) - 1)
        lo, hi = bounds[k], bounds[m]
        rest = text[lo:span[0]] + text[span[1]:hi]
        if len(_WORD.findall(rest)) <= 2:
            # The figure stands alone, in apposition ("Most Russians, 58 per cent, favoured
            # talks"): it is a figure of what the clauses around it say.
            lo, hi = bounds[max(k - 1, 0)], bounds[min(m + 1, len(bounds) - 1)]
        if (lo, hi) not in cache:
            cache[lo, hi] = _clause_roles(text[lo:hi], table)
        out.append(cache[lo, hi])
    return out

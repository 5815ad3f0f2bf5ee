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

# Clause boundaries: punctuation (not the comma or colon of "1,000" and "00:00") and the
# conjunctions that join two statements with figures ("50% backed it, while 41% were
# against"; "а 41% — против"; "тоді як 41% були проти").
_CLAUSE_BREAK = re.compile(
    r"[;()\[\]—–]|(?<!\d)[,:]|[,:](?!\d)|\s-\s|\b(?:while|whereas|but|тоді\s+як|в\s+то\s+время\s+как|"
    r"а|але|но|однак|однако)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class RoleTable:
    role_concepts: frozenset[str]  # every concept that can give a figure a role
    contrasts: tuple[frozenset[str], ...]  # sets whose members exclude each other as roles
    date_contrasts: tuple[frozenset[str], ...] = ()  # the same, between dates only

    def incompatible(self, a: frozenset[str], b: frozenset[str], dates: bool = False) -> bool:
        """Both roles name a concept of one contrast set, and not the same one."""
        if not a or not b:
            return False
        # A date is what happened on it (signed, took effect), not what it is a figure of.
        for group in self.date_contrasts if dates else self.contrasts:
            ca, cb = a & group, b & group
            if ca and cb and not (ca & cb):
                return True
        return False


@lru_cache(maxsize=1)
def default_roles() -> RoleTable:
    contrasts = list(default_concepts().contrasts)
    date_contrasts = []
    for path in concept_paths():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("# @figure-contrast"):
                contrasts.append(frozenset(line.split()[2:]))
            elif line.startswith("# @date-contrast"):
                date_contrasts.append(frozenset(line.split()[2:]))
    concepts = frozenset(c for group in (*contrasts, *date_contrasts) for c in group)
    return RoleTable(concepts, tuple(contrasts), tuple(date_contrasts))


def _clause_roles(clause: str, at: int, table: RoleTable) -> frozenset[str]:
    """Per contrast set, the concept nearest to the figure (at character ``at`` of the clause):
    in "added 0.6% of the land to the area they already hold" the 0.6% was added, not held."""
    concepts = default_concepts()
    norm = soft_fold(clause).casefold()
    if len(norm) != len(clause):  # folding changed lengths: place the figure proportionally
        at = at * len(norm) // max(len(clause), 1)
    found_at: list[tuple[int, str]] = []
    if concepts.phrases is not None:  # "took control" is a gain, "halt to the fighting" a truce
        for m in concepts.phrases.finditer(norm):
            found_at.append((m.start(), concepts.phrase_key[m.group(0)]))
        norm = concepts.phrases.sub(lambda m: " " * len(m.group(0)), norm)
    for m in _WORD.finditer(norm):
        c = concepts.concept(m.group(0))
        if c is not None:
            found_at.append((m.start(), c))
    best: dict[frozenset[str], tuple[int, set[str]]] = {}
    for pos, c in found_at:
        if c not in table.role_concepts:
            continue
        distance = abs(pos - at)
        for group in (*table.contrasts, *table.date_contrasts):
            if c in group:
                d, found = best.get(group, (distance + 1, set()))
                if distance < d:
                    best[group] = (distance, {c})
                elif distance == d:
                    found.add(c)
    return frozenset(c for _, found in best.values() for c in found)


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
    """The role of each figure (aligned with ``figures``): for a date, what happened on it
    ("signed on 12 February" vs "took effect on 15 February")."""
    table = default_roles()
    if not figures:
        return []
    bounds = [0]
    bounds += [m.start() for m in _CLAUSE_BREAK.finditer(text)]
    bounds.append(len(text))
    out = []
    for fig in figures:
        span = _span(text, fig, offset)
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
        out.append(_clause_roles(text[lo:hi], span[0] - lo, table))
    return out

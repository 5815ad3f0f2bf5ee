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
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Protocol

from matching.concepts import concept_paths, default_concepts


class ClaimSig(Protocol):
    """What roles reads of a claim (matching.signature.ClaimSig has it)."""

    token_set: frozenset[str]
    quantities: Sequence[Any]

# Clause boundaries: punctuation (not the comma or colon of "1,000" and "00:00") and the
# conjunctions that join two statements with figures ("50% backed it, while 41% were
# against"; "а 41% — против"; "тоді як 41% були проти").
_CLAUSE_PUNCT = re.compile(r"[;()\[\]—–]|(?<!\d)[,:]|[,:](?!\d)|\s-\s")
_CLAUSE_WORDS = frozenset(("while", "whereas", "but", "а", "але", "но", "однак", "однако"))
_CLAUSE_PAIRS = frozenset((("тоді", "як"), ("время", "как")))
_CLAUSE_SECONDS = frozenset(second for _first, second in _CLAUSE_PAIRS)
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class RoleTable:
    role_concepts: frozenset[str]  # every concept that can give a figure a role
    contrasts: tuple[frozenset[str], ...]  # sets whose members exclude each other as roles
    date_contrasts: tuple[frozenset[str], ...] = ()  # the same, between dates only
    # The same, read only in the figure and the words right after it (what a count counts).
    counted_contrasts: tuple[frozenset[str], ...] = ()
    # Phrases of role concepts ("took control", "halt to the fighting"), folded.
    phrases: re.Pattern[str] | None = None
    phrase_key: dict[str, str] = field(default_factory=dict)

    def may_differ(self, a: ClaimSig, b: ClaimSig) -> bool:
        """Can a figure of ``a`` have a role contrasting with one of ``b``? Only if both name
        some concept of one contrast set and together more than one (a figure's role is drawn
        from its claim's words); what a count counts is read inside the figure, which the
        claim's words leave out, so two counts are always looked at."""
        ta, tb = a.token_set, b.token_set
        for group in (*self.contrasts, *self.date_contrasts):
            ca, cb = ta & group, tb & group
            if ca and cb and len(ca | cb) > 1:
                return True
        return bool(self.counted_contrasts) and (
            any(q.cls.startswith("count:") for q in a.quantities)
            and any(q.cls.startswith("count:") for q in b.quantities))

    def incompatible(self, a: frozenset[str], b: frozenset[str], dates: bool = False) -> bool:
        """Both roles name a concept of one contrast set, and not the same one."""
        if not a or not b:
            return False
        # A date is what happened on it (signed, took effect), not what it is a figure of.
        for group in self.date_contrasts if dates else (*self.contrasts, *self.counted_contrasts):
            ca, cb = a & group, b & group
            if ca and cb and not (ca & cb):
                return True
        return False


@lru_cache(maxsize=1)
def default_roles() -> RoleTable:
    table = default_concepts()
    contrasts = list(table.contrasts)
    date_contrasts = []
    counted = []
    for path in concept_paths():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("# @figure-contrast"):
                contrasts.append(frozenset(line.split()[2:]))
            elif line.startswith("# @date-contrast"):
                date_contrasts.append(frozenset(line.split()[2:]))
            elif line.startswith("# @counted-contrast"):
                counted.append(frozenset(line.split()[2:]))
    concepts = frozenset(c for group in (*contrasts, *date_contrasts, *counted) for c in group)
    phrase_key = {p: c for p, c in table.phrase_key.items() if c in concepts}
    phrases = None
    if phrase_key:
        alternatives = "|".join(re.escape(p) for p in sorted(phrase_key, key=len, reverse=True))
        phrases = re.compile(rf"\b(?:{alternatives})\b")
    return RoleTable(concepts, tuple(contrasts), tuple(date_contrasts), tuple(counted), phrases,
                     phrase_key)


# word -> its role concept or None; the same few thousand words recur (bounded below).
_WORD_ROLE: dict[str, str | None] = {}


def _role_of(word: str, table: RoleTable) -> str | None:
    found = _WORD_ROLE.get(word, "")
    if found != "":
        return found
    c = default_concepts().concept(word)
    found = c if c in table.role_concepts else None
    if len(_WORD_ROLE) < 100_000:
        _WORD_ROLE[word] = found
    return found


def _role_words(text: str, table: RoleTable) -> tuple[list[tuple[int, str]], list[int]]:
    """(position, role concept) of every role word or phrase of ``text``, and where its
    clauses break."""
    # Lower case is enough for the role words (plain words, no diacritics or quotes), and
    # keeps positions.
    norm = text.lower()
    scale = len(text) / len(norm) if norm and len(norm) != len(text) else 1.0
    found: list[tuple[int, str]] = []
    # "took control" is a gain, "halt to the fighting" a truce; the substring test skips the
    # regex for the many sentences with none of the phrases.
    if table.phrases is not None and any(p in norm for p in table.phrase_key):
        for m in table.phrases.finditer(norm):
            found.append((m.start(), table.phrase_key[m.group(0)]))
        if found:
            norm = table.phrases.sub(lambda m: " " * len(m.group(0)), norm)
    breaks = [m.start() for m in _CLAUSE_PUNCT.finditer(norm)]
    previous = ""
    known = _WORD_ROLE  # _role_of's memory, read here first (one call fewer per word)
    for m in _WORD.finditer(norm):
        w = m.group(0)
        if w in _CLAUSE_WORDS or (w in _CLAUSE_SECONDS and (previous, w) in _CLAUSE_PAIRS):
            breaks.append(m.start())
        previous = w
        c = known.get(w, "")
        if c == "":
            c = _role_of(w, table)
        if c is not None:
            found.append((m.start(), c))
    if scale != 1.0:  # positions in the original text (folding may change lengths, rarely)
        found = [(round(p * scale), c) for p, c in found]
        breaks = [round(p * scale) for p in breaks]
    return found, sorted(breaks)


def _nearest(words: list[tuple[int, str]], lo: int, hi: int, span: tuple[int, int],
             table: RoleTable) -> frozenset[str]:
    """Per contrast set, the concept nearest to the figure within [lo, hi): in "added 0.6% of
    the land to the area they already hold" the 0.6% was added, not held. Counted contrasts
    are read only from the figure's start to ``hi``'s counted end (see figure_roles)."""
    at = span[0]
    best: dict[frozenset[str], tuple[int, set[str]]] = {}
    for pos, c in words:
        if not lo <= pos < hi:
            continue
        distance = abs(pos - at)
        for group in (*table.contrasts, *table.date_contrasts):
            if c in group:
                d, found = best.get(group, (distance + 1, set()))
                if distance < d:
                    best[group] = (distance, {c})
                elif distance == d:
                    found.add(c)
        if at <= pos < span[1]:
            for group in table.counted_contrasts:
                if c in group:
                    best.setdefault(group, (0, set()))[1].add(c)
    return frozenset(c for _, found in best.values() for c in found)


def figure_span(text: str, fig: Mapping[str, Any], offset: int | None, *,
                whole: bool = False) -> tuple[int, int] | None:
    """Where the figure stands in ``text``: from its offsets, or (offset unknown, as for
    figures stored with article offsets) by finding its text; ``whole``: only where it is not
    part of a longer number or word ("3" not inside "13")."""
    start, end = fig.get("start"), fig.get("end")
    if offset is not None and start is not None and end is not None:
        s, e = int(start) - offset, int(end) - offset
        if 0 <= s < e <= len(text):
            return s, e
    said = str(fig.get("text") or "")
    if whole:
        if not said:
            return None
        m = re.search(r"(?<![\w.,])" + re.escape(said) + r"(?![\w]|[.,]\d)", text)
        return (m.start(), m.end()) if m else None
    found = text.find(said or "\0")
    return (found, found + len(said)) if found >= 0 else None


# Marks a date that is the time frame of the claim's figures (in their clause or before it:
# "In 2023 Russia took 0.6%"), not a date in a trailing aside ("..., Crimea, annexed in 2014").
FRAME = "@frame"


def _default_role_words(text: str) -> tuple[list[tuple[int, str]], list[int]]:
    """_role_words under the default table (read only): once per sentence, also when it is
    signed once per publication day (matching.records parses those one after the other).
    The words found under a table reloaded since are forgotten."""
    table = default_roles()
    if table is not _ROLE_WORDS_OF[0]:
        _role_words_of_text.cache_clear()
        _ROLE_WORDS_OF[0] = table
    return _role_words_of_text(text)


_ROLE_WORDS_OF: list[RoleTable | None] = [None]  # the table _role_words_of_text read


@lru_cache(maxsize=1024)
def _role_words_of_text(text: str) -> tuple[list[tuple[int, str]], list[int]]:
    return _role_words(text, default_roles())


def figure_roles(
    text: str, figures: Sequence[Mapping[str, Any]], offset: int | None = 0
) -> list[frozenset[str]]:
    """The role of each figure (aligned with ``figures``): for a date, what happened on it
    ("signed on 12 February" vs "took effect on 15 February"), and FRAME when it dates the
    other figures."""
    if not figures:
        return []
    table = default_roles()
    words, breaks = _default_role_words(text)
    bounds = [0, *breaks, len(text)]
    places: list[tuple[tuple[int, int], int, int] | None] = []
    for fig in figures:
        span = figure_span(text, fig, offset)
        if span is None:
            places.append(None)
            continue
        # The clause holding the figure: between the last break before its start and the
        # first break after its end.
        k = bisect_right(bounds, span[0]) - 1
        j = min(bisect_left(bounds, span[1]), len(bounds) - 1)
        lo, hi = bounds[k], bounds[j]
        rest = text[lo:span[0]] + text[span[1]:hi]
        if len(_WORD.findall(rest)) <= 2:
            # The figure stands alone, in apposition ("Most Russians, 58 per cent, favoured
            # talks"): it is a figure of what the clauses around it say.
            lo, hi = bounds[max(k - 1, 0)], bounds[min(j + 1, len(bounds) - 1)]
        places.append((span, lo, hi))
    # Where the clauses of the figures other than dates end.
    figure_ends = [p[2] for p, f in zip(places, figures, strict=True)
                   if p is not None and (f.get("kind") or "") not in ("date", "duration")]
    out = []
    for place, fig in zip(places, figures, strict=True):
        if place is None:
            out.append(frozenset())
            continue
        span, lo, hi = place
        # What a count counts: the figure and the three words after it ("43,000 Ukrainian
        # soldiers"; "a toll of 43,000 among Ukraine's troops" is left alone).
        end = span[1]
        for _, word in zip(range(3), _WORD.finditer(text, span[1], hi), strict=False):
            end = word.end()
        role = _nearest(words, lo, hi, (span[0], end), table) if words else frozenset()
        if (fig.get("kind") or "") == "date" and any(span[0] < e for e in figure_ends):
            role = role | {FRAME}
        out.append(role)
    return out


class LazyRoles(Sequence[frozenset[str]]):
    """figure_roles of one claim, worked out the first time a comparison asks for one."""

    def __init__(self, text: str, figures: Sequence[Mapping[str, Any]], offset: int | None):
        self._args: tuple[str, Sequence[Mapping[str, Any]], int | None] | None = (
            text, figures, offset)
        self._roles: list[frozenset[str]] | None = None
        self._size = len(figures)

    def _resolve(self) -> list[frozenset[str]]:
        assert self._args is not None
        self._roles = figure_roles(*self._args)
        self._args = None
        return self._roles

    def __getitem__(self, k):  # type: ignore[override]
        roles = self._roles
        return (self._resolve() if roles is None else roles)[k]

    def __len__(self) -> int:
        return self._size

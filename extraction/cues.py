"""Fast phrase matching of lexicon terms over word tokens (dictionary lookups, not regexes).

A term is a space-separated sequence of token specs, written in the lexicon as plain text:
``"peace plan"``, ``"negotiat*"`` (prefix, at least three letters before the star),
``"lost ? lives"`` (``?`` is any one token) and ``"=may"`` (case-sensitive).  Text and terms are
split into tokens the same way (letters and digits; apostrophes and hyphens separate tokens),
so ``"cease fire"`` also matches "cease-fire" and ``"don't think"`` matches "don’t think".
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

TOKEN_RE = re.compile(r"[^\W_]+")


class Tokens:
    """Word tokens of a text: lower-cased and original forms with start offsets."""

    __slots__ = ("lower", "orig", "starts")

    def __init__(self, lower: list[str], orig: list[str], starts: list[int]):
        self.lower = lower
        self.orig = orig
        self.starts = starts

    @classmethod
    def of(cls, text: str) -> Tokens:
        orig = TOKEN_RE.findall(text)
        # Each token's start without a second regex pass: only non-token characters lie
        # between two tokens, so a token's first occurrence after the previous one is it.
        starts = []
        pos = 0
        find = text.find
        for token in orig:
            pos = find(token, pos)
            starts.append(pos)
            pos += len(token)
        return cls(list(map(str.lower, orig)), orig, starts)

    def end(self, i: int) -> int:
        return self.starts[i] + len(self.orig[i])

    def __len__(self) -> int:
        return len(self.lower)

    def slice(self, lo: int, hi: int) -> Tokens:
        return Tokens(self.lower[lo:hi], self.orig[lo:hi], self.starts[lo:hi])


@dataclass(frozen=True)
class Hit:
    first: int  # token index
    last: int   # token index, inclusive
    label: str
    weight: float
    text: str


_Spec = tuple[str, str]  # (kind, value): kind in "lit", "pre", "any", "case"


def _parse_term(term: str) -> tuple[_Spec, ...]:
    specs: list[_Spec] = []
    for raw in term.split():
        if raw == "?":
            specs.append(("any", ""))
        elif raw.startswith("="):
            specs.extend(("case", t) for t in TOKEN_RE.findall(raw[1:]))
        elif raw.endswith("*"):
            parts = TOKEN_RE.findall(raw[:-1].lower())
            specs.extend(("lit", p) for p in parts[:-1])
            specs.append(("pre", parts[-1]))
        else:
            specs.extend(("lit", p) for p in TOKEN_RE.findall(raw.lower()))
    return tuple(specs)


class CueSet:
    """A set of labelled, weighted terms with optional exclusion terms.

    ``entries`` are (label, weight, terms); a hit inside a match of one of ``exclusions``
    ("in advance" for "advance") is dropped.
    """

    def __init__(self, entries: Iterable[tuple[str, float, Sequence[str]]], exclusions: Sequence[str] = ()):
        self._exact: dict[str, list] = {}
        self._case: dict[str, list] = {}
        self._prefix: dict[str, list] = {}  # first 3 letters -> [(prefix, entry)]
        for label, weight, terms in entries:
            for term in terms:
                self._add(_parse_term(term), label, weight)
        self._exclusions = CueSet([("exclude", 0.0, list(exclusions))]) if exclusions else None

    def _add(self, specs: tuple[_Spec, ...], label: str, weight: float) -> None:
        if not specs:
            return
        kind, value = specs[0]
        entry = (specs, label, weight)
        if kind == "lit":
            self._exact.setdefault(value, []).append(entry)
        elif kind == "case":
            self._case.setdefault(value, []).append(entry)
        elif kind == "pre":
            if len(value) < 3:
                raise ValueError(f"prefix term too short: {value}*")
            self._prefix.setdefault(value[:3], []).append((value, entry))
        else:
            raise ValueError("a term cannot start with '?'")

    def find(self, tokens: Tokens, lo: int = 0, hi: int | None = None) -> list[Hit]:
        """Hits among tokens[lo:hi], longest first at each position, non-overlapping per label."""
        lower, orig = tokens.lower, tokens.orig
        hi = len(lower) if hi is None else hi
        hits: list[Hit] = []
        for i in range(lo, hi):
            tok = lower[i]
            cands = []
            e = self._exact.get(tok)
            if e:
                cands.extend(e)
            c = self._case.get(orig[i])
            if c:
                cands.extend(c)
            p = self._prefix.get(tok[:3])
            if p:
                cands.extend(entry for prefix, entry in p if tok.startswith(prefix))
            if not cands:
                continue
            for specs, label, weight in cands:
                j = _match_rest(specs, lower, orig, i, hi)
                if j is not None:
                    hits.append(Hit(i, j, label, weight, " ".join(orig[i : j + 1])))
        if self._exclusions is not None and hits:
            blocked = self._exclusions.find(tokens, max(lo, hits[0].first - 4), min(hi, hits[-1].last + 5))
            if blocked:
                hits = [h for h in hits if not any(b.first <= h.last and h.first <= b.last for b in blocked)]
        return _dedupe(hits)


def _match_rest(specs, lower, orig, i, hi) -> int | None:
    j = i
    for k, (kind, value) in enumerate(specs):
        if k:
            j += 1
            if j >= hi:
                return None
            tok = lower[j]
            if kind == "lit":
                if tok != value:
                    return None
            elif kind == "pre":
                if not tok.startswith(value):
                    return None
            elif kind == "case" and orig[j] != value:
                return None
    return j


def _dedupe(hits: list[Hit]) -> list[Hit]:
    """Per label keep the longest hit where hits of the same label overlap."""
    hits.sort(key=lambda h: (h.first, -(h.last - h.first)))
    out: list[Hit] = []
    last_end: dict[str, int] = {}
    for h in hits:
        if last_end.get(h.label, -1) >= h.first:
            continue
        out.append(h)
        last_end[h.label] = h.last
    return out


class CueIndex:
    """Several named CueSets matched in one pass over the tokens.

    ``find`` returns {name: hits} for the names that matched; exclusions apply per name.
    """

    def __init__(self, sets: dict[str, CueSet]):
        self._exact: dict[str, list] = {}
        self._case: dict[str, list] = {}
        self._prefix: dict[str, list] = {}
        self._excluded_by = {}
        all_sets = dict(sets)
        for name, cs in sets.items():
            if cs._exclusions is not None:
                all_sets[name + "!"] = cs._exclusions
                self._excluded_by[name] = name + "!"
        for name, cs in all_sets.items():
            for key, entries in cs._exact.items():
                self._exact.setdefault(key, []).extend((name, e) for e in entries)
            for key, entries in cs._case.items():
                self._case.setdefault(key, []).extend((name, e) for e in entries)
            for key, entries in cs._prefix.items():
                self._prefix.setdefault(key, []).extend((prefix, (name, e)) for prefix, e in entries)
        self._case_lower = frozenset(k.lower() for k in self._case)
        self._cache: dict[str, tuple] = {}
        self._hot: set[str] = set()

    def _candidates(self, tok: str) -> tuple:
        cands = list(self._exact.get(tok, ()))
        p = self._prefix.get(tok[:3])
        if p:
            cands.extend(entry for pre, entry in p if tok.startswith(pre))
        return tuple(cands)

    def hot_indices(self, tokens: Tokens) -> list[int]:
        """Indices of tokens that can start a term (one set lookup per token)."""
        cache = self._cache
        # (Not ``set(...) - cache.keys()``: that walks every key of the cache, which holds
        # the whole vocabulary seen so far, on every sentence.)
        for tok in [t for t in set(tokens.lower) if t not in cache]:
            cache[tok] = self._candidates(tok)
            if cache[tok] or tok in self._case_lower:
                self._hot.add(tok)
        hot = self._hot
        return [i for i, t in enumerate(tokens.lower) if t in hot]

    def find(self, tokens: Tokens, lo: int = 0, hi: int | None = None, hot: Sequence[int] | None = None) -> dict[str, list[Hit]]:
        """Hits among tokens[lo:hi]; ``hot`` (from hot_indices, sorted) skips the rest quickly."""
        lower, orig = tokens.lower, tokens.orig
        hi = len(lower) if hi is None else hi
        if hot is None:
            hot = self.hot_indices(tokens)
            a, b = bisect_left(hot, lo), bisect_left(hot, hi)
        else:
            a, b = bisect_left(hot, lo), bisect_left(hot, hi)
        found: dict[str, list[Hit]] = {}
        cache, case = self._cache, self._case
        for idx in range(a, b):
            i = hot[idx]
            tok = lower[i]
            cands = cache[tok]
            if case and tok in self._case_lower:
                cands = cands + tuple(case.get(orig[i], ()))
            for name, (specs, label, weight) in cands:
                j = _match_rest(specs, lower, orig, i, hi) if len(specs) > 1 else i
                if j is not None:
                    found.setdefault(name, []).append(Hit(i, j, label, weight, " ".join(orig[i : j + 1])))
        result: dict[str, list[Hit]] = {}
        for name, hits in found.items():
            if name.endswith("!"):
                continue
            blocked = found.get(self._excluded_by.get(name, ""))
            if blocked:
                firsts = [b.first for b in blocked]
                kept = []
                for h in hits:
                    k = bisect_left(firsts, h.last + 1)  # exclusions starting at or before h.last
                    if not any(blocked[x].last >= h.first for x in range(max(0, k - 3), k)):
                        kept.append(h)
                hits = kept
            if hits:
                result[name] = _dedupe(hits)
        return result

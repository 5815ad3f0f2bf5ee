"""What a sum of money is a sum of, when the figure's own clause says: military aid, humanitarian
aid, financial (budget) support, or everything together ("the total allocation").

The same amount for two kinds of money is two claims: "military aid of EUR 32.5 billion" is not
true of a total of EUR 32.5 billion, however much else the sentences share. A sum whose clause
names no kind may be either, and meets both.

Where the money comes from is read too: a sum of (frozen, seized) assets is not a sum someone
adds, pledges or gives ("$100bn of frozen assets will fund the rebuilding" and "Europe will add
$100bn to the rebuilding" are two sums): :func:`money_sources_differ`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Protocol

# kind -> stems (lower case; a word counts when it starts with one). The specific kinds first:
# "total military aid" is military aid.
MONEY_KINDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("military", ("military", "weapon", "arms", "defence", "defense", "військов", "военн",
                  "оборон", "озброєн", "вооружен", "militar", "militär", "wojskow", "vojn")),
    ("humanitarian", ("humanitar", "гуманітар", "гуманитар")),
    # Loans and grants are kinds of financial support: each meets "financial", not the other.
    ("loans", ("loan", "кредит", "позик", "займ", "préstamo", "prestamo", "empréstimo",
               "emprestimo", "prêt", "prestit", "kredyt", "darlehen")),
    ("grants", ("grant", "грант", "subvenci", "donaci", "doaç", "subvention", "sovvenzion",
                "zuschuss", "dotacj")),
    ("financial", ("financial", "budget", "macro-financial", "фінансов", "финансов", "бюджет",
                   "financ", "finanz", "finansow")),
)
TOTAL = "total"
_WITHIN = {"loans": "financial", "grants": "financial"}  # a kind -> the kind it is part of
_TOTAL_STEMS = ("total", "overall", "всього", "усього", "загалом", "всего", "общ", "загальн",
                "insgesamt", "gesamt", "łączn")
BEFORE = 60  # characters before the figure its clause is read in
AFTER = 40  # ... and after it
_WORD = re.compile(r"[\w-]+", re.UNICODE)
_CLAUSE_END = re.compile(r"[,;:.()\[\]—–]|\s-\s")


def money_kind(text: str, start: int, end: int) -> str | None:
    """The kind of money a figure at text[start:end] is, from its own clause; None when no word
    says."""
    words = _clause_words(text, start, end)
    for kind, stems in MONEY_KINDS:
        if any(w.startswith(stems) for w in words):
            return kind
    if any(w.startswith(_TOTAL_STEMS) for w in words):
        return TOTAL
    return None


def _clause_words(text: str, start: int, end: int) -> list[str]:
    """The words of the clause a figure at text[start:end] stands in (casefolded)."""
    left = text[max(0, start - BEFORE):start]
    cut = [m.end() for m in _CLAUSE_END.finditer(left)]
    if cut:
        left = left[cut[-1]:]
    right = text[end:end + AFTER]
    stop = _CLAUSE_END.search(right)
    if stop:
        right = right[:stop.start()]
    return [w.casefold() for w in _WORD.findall(left + " " + right)]


class _Figure(Protocol):
    text: str
    measure: str


def _read_at(text: str, f: _Figure, reader: Callable[[str, int, int], str | None]) -> str | None:
    """What ``reader`` finds around a sum of money where the sentence states it."""
    if not f.measure.startswith("money") or not f.text:
        return None
    pos = text.casefold().find(f.text.casefold())
    return None if pos < 0 else reader(text, pos, pos + len(f.text))


def _every_sum_apart(text_a: str, text_b: str, agree: Sequence[tuple[_Figure, _Figure]],
                     reader: Callable[[str, int, int], str | None],
                     apart: Callable[[str, str], bool]) -> tuple[str, str] | None:
    """What ``reader`` finds of the first agreeing pair, when every agreeing pair is a sum of
    money on both sides, read on both sides, and the two readings are ``apart``; else None."""
    found = None
    for x, y in agree:
        if not (x.measure.startswith("money") and y.measure.startswith("money")):
            return None
        rx, ry = _read_at(text_a, x, reader), _read_at(text_b, y, reader)
        if rx is None or ry is None or not apart(rx, ry):
            return None
        found = found or (rx, ry)
    return found


def _kinds_apart(kx: str, ky: str) -> bool:
    return kx != ky and _WITHIN.get(kx) != ky and _WITHIN.get(ky) != kx


def money_kinds_differ(text_a: str, text_b: str,
                       agree: Sequence[tuple[_Figure, _Figure]]) -> tuple[str, str] | None:
    """Every agreeing sum of money names a kind on both sides and the kinds differ (the two
    kinds of the first such pair, for the explanation); None otherwise."""
    return _every_sum_apart(text_a, text_b, agree, money_kind, _kinds_apart)


# A sum that is assets (frozen or seized state assets), read in the figure's own clause.
_ASSET_STEMS = ("asset", "актив", "activo", "actif", "attivi", "aktyw", "vermögen", "ativos")
# A sum someone adds, gives or pledges of their own, read in the figure's own clause.
_GIVEN_STEMS = ("add", "pledg", "contribut", "donat", "give", "gave", "provid", "añad", "aport",
                "ajout", "apport", "donner", "donné", "beitr", "добав", "внес", "внос", "додас",
                "додат", "пожертв")
ASSETS = "assets"
GIVEN = "given"


def money_source(text: str, start: int, end: int) -> str | None:
    """Where a sum at text[start:end] comes from, from its own clause: ASSETS (it is assets),
    GIVEN (someone adds, gives or pledges it, and the sentence names no assets), or None."""
    clause = _clause_words(text, start, end)
    if any(w.startswith(_ASSET_STEMS) for w in clause):
        return ASSETS
    if any(w.startswith(_ASSET_STEMS) for w in _WORD.findall(text.casefold())):
        return None  # assets elsewhere in the sentence: the sum may come from them
    if any(w.startswith(_GIVEN_STEMS) for w in clause):
        return GIVEN
    return None


def money_sources_differ(text_a: str, text_b: str,
                         agree: Sequence[tuple[_Figure, _Figure]]) -> tuple[str, str] | None:
    """Every agreeing sum of money is assets on one side and given by someone on the other
    (the two sources of the first such pair, for the explanation); None otherwise."""
    return _every_sum_apart(text_a, text_b, agree, money_source,
                            lambda sx, sy: {sx, sy} == {ASSETS, GIVEN})

"""Check-worthiness score and category of one sentence from transparent, weighted cues."""

from __future__ import annotations

import re
from collections.abc import Sequence

from . import lexicon as L
from .claimant import find_claimant
from .figures import Figure, parse_figures
from .names import AliasTable, default_aliases


def _compile(cues):
    return [(label, re.compile(rx, re.IGNORECASE), w) for label, rx, w in cues]


_CATEGORY_CUES = {
    "minsk": (_compile(L.MINSK_STRONG), []),
    "casualties": (_compile(L.CASUALTIES_STRONG), []),
    "territory": (_compile(L.TERRITORY_STRONG), _compile(L.TERRITORY_WEAK)),
    "negotiations": (_compile(L.NEGOTIATIONS_STRONG), _compile(L.NEGOTIATIONS_WEAK)),
    "poll": (_compile(L.POLL_STRONG), []),
}
_POLL_SHARE = (L.POLL_SHARE[0], re.compile(L.POLL_SHARE[1], re.IGNORECASE), L.POLL_SHARE[2])
_OPINION = _compile(L.OPINION_CUES)
_WORD = re.compile(r"[\w’'-]+")
_CAPITALISED = re.compile(r"(?<![\w’'.-])[A-Z\u0400-\u042f\u0404\u0406\u0407][\w’'-]+")
_NOT_PROPER = frozenset(
    """January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday President Prime Minister""".split()
) | L.SENTENCE_STARTERS
_TERMINAL = (".", "!", "?", "”", '"', "’", "'", ")", ":", "…", "»")


def figure_weight(f: Figure) -> tuple[str, float]:
    """The FIGURE_WEIGHTS entry a figure falls under."""
    if f.kind == "count":
        if f.unit == "people":
            key = "count_people"
        elif f.value is not None and f.value >= 100:
            key = "count_large"
        else:
            key = "count_small"
    elif f.kind == "date":
        if not any(ch.isdigit() for ch in f.text):
            key = "date_relative"
        elif f.date and len(f.date) == 10:
            key = "date_day"
        else:
            key = "date_month"
    else:
        key = f.kind
    return key, L.FIGURE_WEIGHTS.get(key, 0.1)


def score_sentence(
    sentence: str,
    figures: Sequence[Figure] | None = None,
    *,
    claimant: str | None = None,
    aliases: AliasTable | None = None,
) -> tuple[float, str | None, tuple[str, ...]]:
    """(score 0..1, category or None, cues) for one sentence.

    ``figures`` defaults to ``parse_figures(sentence)`` and ``claimant`` to
    ``find_claimant(sentence)``; pass them when already known.  Each cue reads
    "<reason>: <evidence> (<signed weight>)" so the GUI can show why a sentence was proposed.
    """
    table = aliases if aliases is not None else default_aliases()
    figs = list(parse_figures(sentence)) if figures is None else list(figures)
    if claimant is None:
        claimant = find_claimant(sentence)
    cues: list[str] = []
    score = L.BASE_SCORE

    # Figures: the strongest counts fully, the rest at half weight.
    weighted = sorted(((figure_weight(f)[1], f) for f in figs), key=lambda t: -t[0])
    fig_total = 0.0
    for i, (w, f) in enumerate(weighted):
        add = w if i == 0 else w / 2
        if fig_total + add > L.FIGURE_CAP:
            add = max(0.0, L.FIGURE_CAP - fig_total)
        fig_total += add
        cues.append(f"figure: {f.label()} [{f.kind}] (+{add:.2f})")
    score += fig_total

    # Named entities from the alias table, then other capitalised words.
    mentions = table.find(sentence)
    keys = [k for _, _, k in mentions]
    covered = [(s, e) for s, e, _ in mentions]
    ent_total = 0.0
    for k in dict.fromkeys(keys):
        add = min(L.ENTITY_WEIGHT, L.ENTITY_CAP - ent_total)
        if add <= 0:
            break
        ent_total += add
        cues.append(f"entity: {table.names.get(k, k)} (+{add:.2f})")
    proper = []
    for m in _CAPITALISED.finditer(sentence):
        if m.start() == 0 or m.group(0) in _NOT_PROPER or any(s <= m.start() < e for s, e in covered):
            continue
        proper.append(m.group(0))
    for word in dict.fromkeys(proper):
        add = min(L.PROPER_NOUN_WEIGHT, L.ENTITY_CAP - ent_total)
        if add <= 0:
            break
        ent_total += add
    if proper and ent_total > 0:
        cues.append(f"proper nouns: {', '.join(list(dict.fromkeys(proper))[:4])}")
    score += ent_total

    # Category cues.
    category, strength, cat_cues = _categorise(sentence, figs, keys, table)
    if category is not None and category != "other_numeric":
        score += strength
        cues.extend(cat_cues)
    elif category == "other_numeric":
        cues.append("category: other_numeric (figures without a domain cue)")
    else:
        score += L.NO_CATEGORY_PENALTY
        cues.append(f"no category ({L.NO_CATEGORY_PENALTY:+.2f})")

    if claimant:
        score += L.ATTRIBUTION_WEIGHT
        cues.append(f"attribution: {claimant} (+{L.ATTRIBUTION_WEIGHT:.2f})")

    penalty, pen_cues = opinion_penalty(sentence)
    score += penalty
    cues.extend(pen_cues)

    score = round(min(1.0, max(0.0, score)), 3)
    return score, category, tuple(cues)


def _categorise(sentence: str, figs: Sequence[Figure], alias_keys: list[str], table: AliasTable):
    """Winning category, its capped cue weight and the cue strings that support it."""
    kinds = {f.kind for f in figs}
    places = [k for k in alias_keys if table.types.get(k) == "place"]
    results: dict[str, tuple[float, list[str]]] = {}

    for cat, (strong, weak) in _CATEGORY_CUES.items():
        hits: list[tuple[str, str, float, bool]] = []
        for label, rx, w in strong:
            for m in rx.finditer(sentence):
                hits.append((label, m.group(0), w, True))
        for label, rx, w in weak:
            for m in rx.finditer(sentence):
                hits.append((label, m.group(0), w, False))
        if cat == "minsk":
            for k in alias_keys:
                if k in L.MINSK_ALIAS_KEYS:
                    hits.append(("Minsk/Normandy name", table.names.get(k, k), 0.5, True))
        if cat == "poll":
            label, rx, w = _POLL_SHARE
            for m in rx.finditer(sentence):
                hits.append((label, m.group(0)[:40], w, True))
        n_strong = sum(1 for h in hits if h[3])
        n_weak = len(hits) - n_strong
        ok = False
        extra: list[str] = []
        if cat in ("minsk", "casualties"):
            ok = n_strong >= 1
        elif cat == "poll":
            ok = n_strong >= 1 and bool(kinds & {"percent", "fraction"}) or (
                n_strong >= 1 and "range" in kinds and any(f.unit == "percent" for f in figs)
            )
        elif cat == "territory":
            area = "area" in kinds
            share = bool(kinds & {"percent", "fraction"})
            ok = area or (n_strong >= 1 and (bool(places) or share or len(hits) >= 2))
            if area:
                extra.append("territory: area figure (+0.25)")
            if ok and places:
                extra.append(f"territory: place named ({table.names.get(places[0], places[0])})")
        elif cat == "negotiations":
            ok = n_strong >= 1 or n_weak >= 2
        if not ok:
            continue
        total = sum(h[2] for h in hits) + (0.25 if cat == "territory" and "area" in kinds else 0)
        total = min(total, L.CATEGORY_CAPS[cat])
        seen: set[tuple[str, str]] = set()
        labels = []
        for label, text, w, _ in hits:
            key = (label, text.lower())
            if key in seen:
                continue
            seen.add(key)
            labels.append(f"{cat} cue: {label} '{text}' (+{w:.2f})")
        results[cat] = (total, labels + extra)

    if results:
        best = max(results, key=lambda c: (results[c][0], -L.CATEGORY_PRIORITY.index(c)))
        total, labels = results[best]
        return best, total, labels
    if any(figure_weight(f)[1] > L.FIGURE_WEIGHTS["count_small"] for f in figs):
        return "other_numeric", 0.0, []
    return None, 0.0, []


def opinion_penalty(sentence: str) -> tuple[float, list[str]]:
    """Negative weight and cues for opinion, hedging, rhetoric and fragments."""
    total = 0.0
    cues: list[str] = []
    for label, rx, w in _OPINION:
        found = [m.group(0) for m in rx.finditer(sentence)]
        if not found:
            continue
        pen = w * len(found)
        cap = L.OPINION_CAPS.get(label)
        if cap is not None:
            pen = max(pen, cap)
        if label == "first-person opinion" or label == "exhortation":
            pen = w  # once is enough
        total += pen
        cues.append(f"{label}: {', '.join(repr(f) for f in dict.fromkeys(found))} ({pen:+.2f})")
    words = _WORD.findall(sentence)
    stripped = sentence.rstrip(" ”\"’'»)")
    if stripped.endswith("?"):
        first = words[0].lower() if words else ""
        pen = L.QUESTION_PENALTY if (first in L.QUESTION_OPENERS or len(words) <= 12) else L.EMBEDDED_QUESTION_PENALTY
        total += pen
        cues.append(f"question ({pen:+.2f})")
    if len(words) < L.SHORT_SENTENCE_WORDS:
        total += L.SHORT_PENALTY
        cues.append(f"fragment, {len(words)} words ({L.SHORT_PENALTY:+.2f})")
    elif len(words) < L.MEDIUM_SENTENCE_WORDS:
        total += L.MEDIUM_PENALTY
        cues.append(f"short sentence, {len(words)} words ({L.MEDIUM_PENALTY:+.2f})")
    if not sentence.rstrip().endswith(_TERMINAL):
        total += L.NO_TERMINAL_PENALTY
        cues.append(f"no final punctuation: headline, byline or caption ({L.NO_TERMINAL_PENALTY:+.2f})")
    return total, cues


def has_opinion_cue(cues: Sequence[str]) -> bool:
    return any(c.startswith(("first-person opinion", "hedge/modal", "question", "prediction", "exhortation")) for c in cues)

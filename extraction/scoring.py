"""Check-worthiness score and category of one sentence from transparent, weighted cues."""

from __future__ import annotations

import re
from collections.abc import Sequence

from . import lexicon as L
from .claimant import find_claimant
from .cues import TOKEN_RE, CueIndex, CueSet, Hit, Tokens
from .figures import Figure, parse_figures
from .lexicon import words
from .names import AliasTable, default_aliases

_CATEGORY_CUES = {
    "minsk": ("minsk", None),
    "casualties": ("casualties", None),
    "territory": ("territory", "territory_weak"),
    "negotiations": ("negotiations", "negotiations_weak"),
    "poll": ("poll", None),
}
_INDEX = CueIndex({
    "minsk": CueSet(L.MINSK_STRONG),
    "casualties": CueSet(L.CASUALTIES_STRONG, L.CASUALTIES_EXCLUDE),
    "territory": CueSet(L.TERRITORY_STRONG, L.TERRITORY_EXCLUDE),
    "territory_weak": CueSet(L.TERRITORY_WEAK, L.TERRITORY_EXCLUDE),
    "negotiations": CueSet(L.NEGOTIATIONS_STRONG, L.NEGOTIATIONS_EXCLUDE),
    "negotiations_weak": CueSet(L.NEGOTIATIONS_WEAK, L.NEGOTIATIONS_EXCLUDE),
    "poll": CueSet(L.POLL_STRONG),
    "opinion": CueSet(L.OPINION_CUES, L.OPINION_EXCLUDE),
    "exhortation": CueSet(L.EXHORTATION_CUES),
})
_POLL_SHARE = (L.POLL_SHARE[0], re.compile(L.POLL_SHARE[1], re.IGNORECASE), L.POLL_SHARE[2])
_NOT_PROPER = frozenset(
    words("""January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday President Prime Minister""")
) | L.SENTENCE_STARTERS
_MONTH_NAME = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b|\b(?:січ|лют|берез|квіт|трав|черв|лип|серп|верес|жовт|листопад|груд|январ|феврал|март|апрел|июн|июл|август|сентябр|октябр|ноябр|декабр)",
)
_TIMELINE = re.compile(r"^[^:]{2,40}?\b(?:1[89]\d\d|20\d\d)s?\s*:\s", re.UNICODE)
_CAPTION = re.compile(r",\s+(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+)?(?:\d{1,2},\s+)?(?:1[89]\d\d|20\d\d)\.?\s*$")
_EMBEDDED_QUESTION = re.compile(r",\s+(?:including|whether|asking|such\s+as)\b")
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
        if not any(ch.isdigit() for ch in f.text) and not _MONTH_NAME.search(f.text):
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
    claimant=...,
    aliases: AliasTable | None = None,
    tokens: Tokens | None = None,
    mentions: list[tuple[int, int, str]] | None = None,
    cue_hits: dict[str, list[Hit]] | None = None,
    first_token: int = 0,
    explain: bool = True,
) -> tuple[float, str | None, tuple[str, ...]]:
    """(score 0..1, category or None, cues) for one sentence.

    ``figures`` defaults to ``parse_figures(sentence)`` and ``claimant`` to
    ``find_claimant(sentence)``; pass them (None for "no claimant") when already known.
    ``tokens``, ``mentions`` (alias hits with offsets relative to the sentence) and
    ``cue_hits`` may be passed by callers that computed them for a whole article.  Each cue
    reads "<reason>: <evidence> (<signed weight>)" so the GUI can show why a sentence was
    proposed; with ``explain=False`` only the opinion cues are listed (faster).
    """
    table = aliases if aliases is not None else default_aliases()
    figs = list(parse_figures(sentence)) if figures is None else list(figures)
    if claimant is ...:
        claimant = find_claimant(sentence)
    toks = tokens if tokens is not None else Tokens.of(sentence)
    hits = cue_hits if cue_hits is not None else _INDEX.find(toks)
    cues: list[str] = []
    score = L.BASE_SCORE

    # Figures: the strongest counts fully, the rest at half weight.
    weighted = sorted(((figure_weight(f), f) for f in figs), key=lambda t: -t[0][1])
    fig_total = 0.0
    dated = None
    for i, ((key, w), f) in enumerate(weighted):
        if f.kind == "date" and key != "date_relative" and dated is None:
            dated = f
        add = w if i == 0 else w / 2
        if fig_total + add > L.FIGURE_CAP:
            add = max(0.0, L.FIGURE_CAP - fig_total)
        fig_total += add
        if explain:
            cues.append(f"figure: {f.label()} [{f.kind}] (+{add:.2f})")
    score += fig_total

    # Named entities from the alias table, then other capitalised words.
    if mentions is None:
        mentions = table.find(sentence, toks if tokens is None else None)
    keys = [k for _, _, k in mentions]
    ent_total = 0.0
    for k in dict.fromkeys(keys):
        add = min(L.ENTITY_WEIGHT, L.ENTITY_CAP - ent_total)
        if add <= 0:
            break
        ent_total += add
        if explain:
            cues.append(f"entity: {table.names.get(k, k)} (+{add:.2f})")
    proper: list[str] = []
    if ent_total < L.ENTITY_CAP or explain:
        covered = {w for s, e, _ in mentions for w in TOKEN_RE.findall(sentence[s:e])} if mentions else ()
        proper = [w for w in toks.orig[1:] if w[0].isupper() and len(w) > 1 and w not in _NOT_PROPER and w not in covered]
        for _word in dict.fromkeys(proper):
            add = min(L.PROPER_NOUN_WEIGHT, L.ENTITY_CAP - ent_total)
            if add <= 0:
                break
            ent_total += add
        if explain and proper and ent_total > 0:
            cues.append(f"proper nouns: {', '.join(list(dict.fromkeys(proper))[:4])}")
    score += ent_total

    # Category cues.
    category, strength, cat_cues = _categorise(sentence, hits, figs, keys, table, explain)
    if category is not None and category != "other_numeric":
        score += strength
        cues.extend(cat_cues)
    elif category == "other_numeric":
        if explain:
            cues.append("category: other_numeric (figures without a domain cue)")
    else:
        score += L.NO_CATEGORY_PENALTY
        if explain:
            cues.append(f"no category ({L.NO_CATEGORY_PENALTY:+.2f})")

    if dated is not None:
        if (keys or proper) and len(toks.lower) >= L.DATED_EVENT_MIN_WORDS:
            score += L.DATED_EVENT_WEIGHT
            if explain:
                cues.append(f"dated event: {dated.text} and a named actor (+{L.DATED_EVENT_WEIGHT:.2f})")
        if _TIMELINE.match(sentence):
            score += L.TIMELINE_WEIGHT
            if explain:
                cues.append(f"timeline entry (+{L.TIMELINE_WEIGHT:.2f})")
        if _CAPTION.search(sentence):
            score += L.CAPTION_PENALTY
            if explain:
                cues.append(f"photo caption ({L.CAPTION_PENALTY:+.2f})")

    if claimant:
        score += L.ATTRIBUTION_WEIGHT
        if explain:
            cues.append(f"attribution: {claimant} (+{L.ATTRIBUTION_WEIGHT:.2f})")

    penalty, pen_cues = opinion_penalty(sentence, toks, hits, first_token)
    score += penalty
    cues.extend(pen_cues)

    core = checkable_core(figs, keys, bool(proper), toks, table)
    if core is None and claimant and category not in (None, "other_numeric") and not _POSSESSIVE.search(claimant):
        core = f"attributed to {claimant}"
    if core is None:
        score += L.NO_CORE_PENALTY
        if explain:
            cues.append(f"no checkable core: no figure, date, named agreement or event ({L.NO_CORE_PENALTY:+.2f})")
        if penalty < 0 and any(c.startswith(_OPINION_LABELS) for c in pen_cues):
            score += L.OPINION_WITHOUT_CORE_PENALTY
            if explain:
                cues.append(f"opinion without a checkable core ({L.OPINION_WITHOUT_CORE_PENALTY:+.2f})")
    elif explain:
        cues.append(f"checkable core: {core}")

    score = round(min(1.0, max(0.0, score)), 3)
    return score, category, tuple(cues)


_POSSESSIVE = re.compile(r"[’']s\s+[a-z]")  # "Putin’s concession shows ...": not a person speaking
_OPINION_LABELS = ("first-person opinion", "hedge/modal", "evaluative word", "generic you", "exhortation", "prediction")
_EVENT_STEMS_CYR = tuple(L.EVENT_VERB_STEMS_CYR)


def checkable_core(
    figs: Sequence[Figure], alias_keys: Sequence[str], has_proper: bool, toks: Tokens, table: AliasTable
) -> str | None:
    """What a fact-checker could verify in a sentence, or None: a figure (not a small bare
    count), a date, a named agreement, or a verb of a verifiable event ("met", "signed")."""
    for f in figs:
        key = figure_weight(f)[0]
        if key not in ("count_small", "date_relative"):
            return f"{f.kind} '{f.text}'"
    for k in alias_keys:
        if k in L.MINSK_ALIAS_KEYS or table.types.get(k) == "agreement":
            return f"named agreement '{table.names.get(k, k)}'"
    verb = min(L.EVENT_VERBS.intersection(toks.lower), default=None)  # min: the same cue every run
    if verb is None and not all(w.isascii() for w in toks.lower):
        verb = next((w for w in toks.lower if w.startswith(_EVENT_STEMS_CYR)), None)
    if verb is None:
        return None
    return f"named actor and event '{verb}'" if alias_keys or has_proper else f"event '{verb}'"


def sentence_category(
    sentence: str,
    figures: Sequence[Figure] | None = None,
    *,
    aliases: AliasTable | None = None,
    tokens: Tokens | None = None,
    mentions: list[tuple[int, int, str]] | None = None,
) -> str | None:
    """The category ``score_sentence`` gives a sentence, without the rest of its score.

    Matching needs only the category of every claim; skipping the claimant, opinion and
    proper-noun cues roughly halves the cost. ``tokens`` and ``mentions`` (alias hits in
    ``sentence``) may be passed when the caller already has them.
    """
    table = aliases if aliases is not None else default_aliases()
    figs = list(parse_figures(sentence)) if figures is None else list(figures)
    toks = tokens if tokens is not None else Tokens.of(sentence)
    if mentions is None:
        mentions = table.find(sentence, toks)
    keys = [k for _, _, k in mentions]
    return _categorise(sentence, _INDEX.find(toks), figs, keys, table, explain=False)[0]


def _categorise(
    sentence: str, found: dict[str, list[Hit]], figs: Sequence[Figure], alias_keys: list[str], table: AliasTable,
    explain: bool = True,
):
    """Winning category, its capped cue weight and the cue strings that support it."""
    kinds = {f.kind for f in figs}
    places = [k for k in alias_keys if table.types.get(k) == "place"]
    results: dict[str, tuple[float, list, list[str]]] = {}

    for cat, (strong, weak) in _CATEGORY_CUES.items():
        hits: list[tuple[str, str, float, bool]] = [(h.label, h.text, h.weight, True) for h in found.get(strong, ())]
        if weak is not None:
            hits.extend((h.label, h.text, h.weight, False) for h in found.get(weak, ()))
        if cat == "minsk":
            for k in alias_keys:
                if k in L.MINSK_ALIAS_KEYS:
                    hits.append(("Minsk/Normandy name", table.names.get(k, k), 0.5, True))
        if cat == "poll" and kinds & {"percent", "fraction"}:
            label, rx, w = _POLL_SHARE
            for m in rx.finditer(sentence):
                hits.append((label, m.group(0)[:40], w, True))
        if not hits and not (cat == "territory" and "area" in kinds):
            continue
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
                extra.append(f"territory: area figure (+{L.TERRITORY_AREA_WEIGHT:.2f})")
            if ok and places:
                extra.append(f"territory: place named ({table.names.get(places[0], places[0])})")
        elif cat == "negotiations":
            # Who met whom: a weak cue ("appeal", "request") between two named people counts.
            people = {k for k in alias_keys if table.types.get(k) == "person"}
            ok = n_strong >= 1 or n_weak >= 2 or n_weak >= 1 and len(people) >= 2
        if not ok:
            continue
        total = sum(h[2] for h in hits) + (L.TERRITORY_AREA_WEIGHT if cat == "territory" and "area" in kinds else 0)
        results[cat] = (min(total, L.CATEGORY_CAPS[cat]), hits, extra)

    if results:
        best = max(results, key=lambda c: (results[c][0], -L.CATEGORY_PRIORITY.index(c)))
        total, hits, extra = results[best]
        if not explain:
            return best, total, []
        seen: set[tuple[str, str]] = set()
        labels = []
        for label, text, w, _ in hits:
            key = (label, text.lower())
            if key not in seen:
                seen.add(key)
                labels.append(f"{best} cue: {label} '{text}' (+{w:.2f})")
        return best, total, labels + extra
    if any(figure_weight(f)[0] != "count_small" for f in figs):
        return "other_numeric", 0.0, []
    return None, 0.0, []


def article_cue_hits(tokens: Tokens) -> list[tuple[int, str, Hit]]:
    """Lexicon hits of a whole article as (first token index, cue set name, hit), in order."""
    found = _INDEX.find(tokens)
    flat = [(h.first, name, h) for name, hits in found.items() for h in hits]
    flat.sort(key=lambda t: t[0])
    return flat


def opinion_penalty(
    sentence: str, toks: Tokens | None = None, found: dict[str, list[Hit]] | None = None, first_token: int = 0
) -> tuple[float, list[str]]:
    """Negative weight and cues for opinion, hedging, rhetoric and fragments."""
    toks = toks if toks is not None else Tokens.of(sentence)
    found = found if found is not None else _INDEX.find(toks)
    total = 0.0
    cues: list[str] = []
    by_label: dict[str, list[str]] = {}
    weights: dict[str, float] = {}
    for h in found.get("opinion", ()):
        by_label.setdefault(h.label, []).append(h.text)
        weights[h.label] = h.weight
    for h in found.get("exhortation", ()):
        if h.first == first_token:
            by_label.setdefault(h.label, []).append(h.text)
            weights[h.label] = h.weight
    for label, texts in by_label.items():
        w = weights[label]
        if label in ("first-person opinion", "exhortation"):
            pen = w  # once is enough
        else:
            pen = w * len(texts)
            cap = L.OPINION_CAPS.get(label)
            if cap is not None:
                pen = max(pen, cap)
        total += pen
        cues.append(f"{label}: {', '.join(repr(t) for t in dict.fromkeys(texts))} ({pen:+.2f})")
    lower = toks.lower
    stripped = sentence.rstrip(" ”\"’'»)")
    if stripped.endswith("?"):
        first = lower[0] if lower else ""
        embedded = ":" in sentence or _EMBEDDED_QUESTION.search(sentence)
        pen = L.EMBEDDED_QUESTION_PENALTY if embedded and first not in L.QUESTION_OPENERS else L.QUESTION_PENALTY
        total += pen
        cues.append(f"question ({pen:+.2f})")
    if len(lower) < L.SHORT_SENTENCE_WORDS:
        total += L.SHORT_PENALTY
        cues.append(f"fragment, {len(lower)} words ({L.SHORT_PENALTY:+.2f})")
    elif len(lower) < L.MEDIUM_SENTENCE_WORDS:
        total += L.MEDIUM_PENALTY
        cues.append(f"short sentence, {len(lower)} words ({L.MEDIUM_PENALTY:+.2f})")
    if not sentence.rstrip().endswith(_TERMINAL):
        total += L.NO_TERMINAL_PENALTY
        cues.append(f"no final punctuation: headline, byline or caption ({L.NO_TERMINAL_PENALTY:+.2f})")
    return total, cues


def has_opinion_cue(cues: Sequence[str]) -> bool:
    return any(
        c.startswith(("first-person opinion", "hedge/modal", "question", "prediction", "exhortation", "evaluative word", "generic you"))
        for c in cues
    )

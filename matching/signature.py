"""A claim reduced to what matching compares: content words, named entities, and figures.

Figures are cut out of the text before the words are compared (they are compared as
quantities instead), so "Russia took 0.6% more" and "Russia took 1.5% more" have the same
words and different figures — a conflict — rather than merely "similar text".
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from extraction import parse_figures
from extraction.names import AliasTable, default_aliases, normalise
from matching.concepts import DROP, default_concepts
from matching.figures import Quantity, quantities
from matching.frames import FIND_SUBJECT, Frame, claim_frames
from matching.roles import LazyRoles

_WORD = re.compile(r"\w+", re.UNICODE)

# Function words in the three languages of the corpus; they carry no claim.
STOP_WORDS = frozenset(
    ["a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as", "into", "onto", "over", "under", "about", "than", "then", "that", "this", "these", "those", "there", "here", "it", "its", "it's", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "not", "no", "nor", "so", "such", "very", "just", "only", "also", "even", "still", "yet", "more", "most", "less", "least", "much", "many", "some", "any", "each", "every", "all", "both", "either", "neither", "other", "another", "same", "own", "s", "t", "he", "she", "they", "them", "their", "his", "her", "we", "our", "you", "your", "i", "me", "my", "who", "whom", "whose", "which", "what", "when", "where", "why", "how", "while", "during", "after", "before", "since", "until", "up", "down", "out", "off", "again", "further", "once", "per", "said", "says", "say", "according", "told", "tells", "new", "one", "time", "times", "year", "years", "month", "months", "week", "weeks", "day", "days", "і", "й", "та", "або", "але", "що", "як", "це", "на", "в", "у", "з", "із", "до", "від", "за", "по", "про", "для", "не", "ні", "же", "чи", "би", "б", "бо", "який", "яка", "які", "його", "її", "їх", "він", "вона", "вони", "ми", "ви", "я", "також", "ще", "вже", "лише", "тільки", "и", "или", "но", "что", "как", "это", "на", "в", "во", "с", "со", "к", "ко", "от", "за", "по", "о", "об", "для", "не", "ни", "же", "ли", "бы", "который", "которая", "которые", "его", "ее", "их", "он", "она", "они", "мы", "вы", "я", "также", "еще", "уже", "лишь", "только"]
)

# The entity types whose disagreement makes two claims different claims ("Minsk I" is not
# "Minsk II"; "captured Bakhmut" is not "captured Avdiivka"). People are left out: two outlets
# often attribute the same claim to different speakers.
DISTINCT_ENTITY_TYPES = ("subject_agreement", "place")

_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ied", "ed", "es", "ly", "s")


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A light English suffix stripper: enough to join took/took, gains/gained, talks/talk."""
    if not word.isascii() or len(word) <= 4:
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


@dataclass(frozen=True)
class ClaimSig:
    id: Any
    text: str
    tokens: tuple[str, ...]
    entities: dict[str, frozenset[str]]  # entity type -> alias keys
    quantities: tuple[Quantity, ...]
    category: str | None = None
    outlet: str | None = None
    date: str | None = None
    # Derived once: pair scoring reads them millions of times.
    token_set: frozenset[str] = field(init=False, repr=False, compare=False)
    sorted_text: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "token_set", frozenset(self.tokens))
        object.__setattr__(self, "sorted_text", " ".join(sorted(self.tokens)))

    @property
    def frames(self) -> tuple[Frame, ...]:
        """The claim's frames (matching.frames), worked out on first use."""
        found = self.__dict__.get("_frames")
        if found is None:
            found = claim_frames(self.text, self.quantities, self.date,
                                 self.__dict__.get("_subject", FIND_SUBJECT))
            object.__setattr__(self, "_frames", found)
        return found


def work_out_lazy_parts(sig: ClaimSig) -> ClaimSig:
    """Work out what a signature otherwise works out on first use (its frames, its figures'
    roles), so a worker process that built it sends them back with it: worked out once
    there, on every core, rather than once in the parent (frames, on one core) and again in
    each forked pair-scoring worker that compares the claim (roles)."""
    sig.frames  # noqa: B018  (cached on the signature)
    if sig.quantities:
        sig.quantities[0].role  # noqa: B018  (one shared LazyRoles per claim: all resolved)
    return sig


def _mask(text: str, spans: Sequence[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        for i in range(max(start, 0), min(end, len(chars))):
            chars[i] = " "
    return "".join(chars)


@lru_cache(maxsize=1)
def _aliases() -> AliasTable:
    return default_aliases()




_UNSEEN = object()


def content_tokens(text: str, aliases: AliasTable | None = None) -> tuple[str, ...]:
    """Normalised content words of ``text``: aliases folded to their keys, domain words to
    their concept, the rest lightly stemmed; function words dropped."""
    concepts = default_concepts()
    norm = concepts.rewrite_phrases(normalise(text, aliases or _aliases()))
    out = []
    seen = concepts._seen  # concept()'s memory, read here first (one call fewer per word)
    for w in _WORD.findall(norm):
        if w in STOP_WORDS or len(w) < 2:
            continue
        c = seen.get(w, _UNSEEN)
        if c is _UNSEEN:
            c = concepts.concept(w)
        if c == DROP:
            continue
        out.append(c or stem(w))
        if "_" in w and c is None:
            # A name of several words ("jeddah_statement", "istanbul_talks") also counts as
            # its words, so it meets "talks in Jeddah"; which agreement it is stays an entity.
            out.extend(concepts.concept(p) or stem(p) for p in w.split("_")
                       if len(p) >= 2 and p not in STOP_WORDS and concepts.concept(p) != DROP)
    return tuple(out)


def _default_masked_tokens(masked: str, table: AliasTable) -> tuple[str, ...]:
    """content_tokens of a masked sentence under the default names and concepts, once per
    sentence: the same sentence published on several days is one signature per day
    (matching.records keys them by day, and parses them one after the other). Keyed on the
    name table's state; forgotten when the concept table is reloaded."""
    concept_table = default_concepts()
    if concept_table is not _MASKED_TOKENS_OF[0]:
        _masked_tokens.cache_clear()
        _MASKED_TOKENS_OF[0] = concept_table
    return _masked_tokens(masked, table.stamp)


_MASKED_TOKENS_OF: list[object] = [None]  # the concept table _masked_tokens read


@lru_cache(maxsize=1024)
def _masked_tokens(masked: str, stamp: int) -> tuple[str, ...]:
    return content_tokens(masked, _aliases())


def signature_from_stored(
    claim_id: Any,
    text: str,
    tokens: str,
    entities: Mapping[str, Sequence[str]],
    figures: Sequence[Mapping[str, Any]],
    *,
    category: str | None = None,
    outlet: str | None = None,
    date: str | None = None,
) -> ClaimSig:
    """Rebuild a signature from what storage keeps (no text parsing: this is the hot path)."""
    return ClaimSig(
        id=claim_id,
        text=text,
        tokens=tuple(tokens.split()),
        entities={k: frozenset(v) for k, v in entities.items()},
        quantities=tuple(quantities(figures, _roles(text, figures, None), text, None)),
        category=category,
        outlet=outlet,
        date=date,
    )


def _roles(text: str, figures: Sequence[Mapping[str, Any]], offset: int | None) -> LazyRoles:
    return LazyRoles(text, figures, offset)


def signature(
    claim_id: Any,
    text: str,
    *,
    figures: Sequence[Mapping[str, Any]] | None = None,
    figure_offset: int = 0,
    category: str | None = None,
    outlet: str | None = None,
    date: str | None = None,
    aliases: AliasTable | None = None,
    mentions: Sequence[tuple[int, int, str]] | None = None,
) -> ClaimSig:
    """Build the signature of one claim.

    ``figures`` are the stored figure dicts (offsets into the article: pass the claim's start
    as ``figure_offset``); without them the text is parsed here. ``mentions`` are the alias
    hits of ``text`` (``aliases.find(text)``) when the caller already has them.
    """
    table = aliases or _aliases()
    if figures is None:
        figures = [f.to_json_dict() for f in parse_figures(text)]
        figure_offset = 0
    spans = [
        (int(f["start"]) - figure_offset, int(f["end"]) - figure_offset)
        for f in figures
        if f.get("start") is not None and f.get("end") is not None
    ]
    masked = _mask(text, spans)
    tokens = (_default_masked_tokens(masked, table) if table is _aliases()
              else content_tokens(masked, table))
    entities: dict[str, set[str]] = {}
    subject = None
    for _start, _end, key in table.find(text) if mentions is None else mentions:
        kind = table.type_of(key) or "other"
        if kind == "agreement" and "agreement" not in entities:
            # The first agreement named is what the sentence is about ("The Minsk Memorandum,
            # a follow-up to the Minsk Protocol, ..." is about the memorandum).
            entities["subject_agreement"] = {key}
            subject = key
        entities.setdefault(kind, set()).add(key)
    sig = ClaimSig(
        id=claim_id,
        text=text,
        tokens=tokens,
        entities={k: frozenset(v) for k, v in entities.items()},
        quantities=tuple(quantities(figures, _roles(text, figures, figure_offset), text,
                                     figure_offset)),
        category=category,
        outlet=outlet,
        date=date,
    )
    if table is default_aliases():
        # What frames.subject_of would find scanning the name table again: its first agreement.
        object.__setattr__(sig, "_subject", subject)
    return sig

"""The concept table: words that mean the same across wordings and languages (resources/concepts.tsv)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from resources import resource_path
from storage.paths import data_dir


@dataclass(frozen=True)
class ConceptTable:
    """Words that mean the same across wordings and languages (resources/concepts.tsv)."""

    exact: dict[str, str]
    prefixes: dict[str, str]
    phrases: re.Pattern[str] | None
    phrase_key: dict[str, str]
    # Sets of concepts that exclude each other as what a claim asserts ("gained" vs "holds").
    contrasts: tuple[frozenset[str], ...] = ()
    # concept() of words already seen: a corpus has a few thousand distinct words, each
    # looked up in every claim that uses it (the prefix search is the costly part).
    _seen: dict[str, str | None] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def load(cls, *paths: Path) -> ConceptTable:
        exact: dict[str, str] = {}
        prefixes: dict[str, str] = {}
        phrase_key: dict[str, str] = {}
        contrasts: list[frozenset[str]] = []
        for path in paths:
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.startswith("# @contrast"):
                    contrasts.append(frozenset(line.split()[2:]))
                    continue
                if not line.strip() or line.lstrip().startswith("#"):
                    continue
                concept, *variants = [f.strip().casefold() for f in line.split("\t") if f.strip()]
                for v in variants:
                    if " " in v:
                        phrase_key[v] = concept
                    elif v.endswith("*"):
                        prefixes[v[:-1]] = concept
                    else:
                        exact[v] = concept
        phrases = None
        if phrase_key:
            alternatives = "|".join(re.escape(p) for p in sorted(phrase_key, key=len, reverse=True))
            phrases = re.compile(rf"\b(?:{alternatives})\b")
        return cls(exact, prefixes, phrases, phrase_key, tuple(contrasts))

    def rewrite_phrases(self, norm: str) -> str:
        if self.phrases is None:
            return norm
        return self.phrases.sub(lambda m: self.phrase_key[m.group(0)], norm)

    def concept(self, word: str) -> str | None:
        try:
            return self._seen[word]
        except KeyError:
            pass
        found = self.exact.get(word)
        if found is None:
            for n in range(len(word), 2, -1):
                found = self.prefixes.get(word[:n])
                if found is not None:
                    break
        if len(self._seen) < 1 << 16:
            self._seen[word] = found
        return found


def concept_paths() -> list[Path]:
    user = data_dir() / "concepts.tsv"
    return [resource_path("concepts.tsv"), *([user] if user.is_file() else [])]


@lru_cache(maxsize=1)
def default_concepts() -> ConceptTable:
    return ConceptTable.load(*concept_paths())


# The concept of words that carry no claim (resources/concepts.tsv: attribution, hedges).
DROP = "~"

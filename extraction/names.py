"""Name normaliser shared by extraction and matching: Unicode folding plus the domain alias table."""

from __future__ import annotations

import functools
import itertools
import os
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from resources import resource_path

from .cues import TOKEN_RE, Tokens
from .numbers import SCALES, TENS, UNITS, WORD_NUMBER, format_number, parse_words

# Typographic punctuation folded to ASCII so "Zelensky’s" and "Zelensky's" compare equal.
_PUNCT = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u02bc": "'",
    "\u00b4": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2212": "-", "\u2026": "...",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " ",
}
# Latin letters without a canonical decomposition.
_LATIN_EXTRA = {
    "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ħ": "h", "Ħ": "H",
    "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ı": "i", "ŀ": "l", "þ": "th", "Þ": "Th",
}
# Russian ё is conventionally written as е; every other Cyrillic letter (й, ї, є, ґ) is kept.
_CYRILLIC = {"ё": "е", "Ё": "Е"}


def _build_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for ch, rep in {**_PUNCT, **_LATIN_EXTRA, **_CYRILLIC}.items():
        table[ord(ch)] = rep
    # Strip diacritics from Latin letters only (Latin-1 Supplement to Latin Extended-B and
    # Latin Extended Additional); Cyrillic letters such as й/ї decompose too but must survive.
    for cp in list(range(0x00C0, 0x0250)) + list(range(0x1E00, 0x1F00)):
        ch = chr(cp)
        if cp in table:
            continue
        base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
        if base and base != ch and base.isascii():
            table[cp] = base
    return table


_TABLE = _build_table()
# Same folding, one character for one character, so offsets survive (used to find aliases).
_TABLE_1TO1 = {cp: (rep if len(rep) == 1 else rep[0]) for cp, rep in _TABLE.items()}
_TABLE_1TO1[ord("\u2026")] = "."
_SPACES = re.compile(r"\s+")


def soft_fold(text: str) -> str:
    """NFKC, ASCII quotes/dashes, Latin diacritics stripped; case and length of words kept."""
    return unicodedata.normalize("NFKC", text).translate(_TABLE)


def fold(text: str) -> str:
    """Fold text for comparison: NFKC, casefold, ASCII quotes/dashes, no Latin diacritics.

    Cyrillic letters are preserved (only ё becomes е): fold("Київ") == "київ".
    """
    return _SPACES.sub(" ", soft_fold(text).casefold()).strip()


# Tokens for alias lookup are those of cues.Tokens (letters and digits); apostrophes and
# hyphens separate tokens, so "Putin's" is "putin" + "s" and "Слов'янськ" two joined tokens.
_TOKEN = TOKEN_RE
_CYR = re.compile(r"[\u0400-\u04ff]")

# Regular case endings of Russian/Ukrainian nouns and surnames; irregular forms live in the TSV.
_CONSONANT_ENDINGS = ("а", "у", "ом", "е", "і", "ові", "ым", "им", "ем", "я", "ю", "ого", "ому")
_A_ENDINGS = ("ы", "и", "і", "е", "у", "ой", "ою", "ей")
_ADJ_ENDINGS = {
    "ий": ("ого", "ому", "им", "ім", "ом"),
    "ій": ("ього", "ьому", "ім"),
    "ый": ("ого", "ому", "ым", "ом"),
    "ой": ("ого", "ому", "ым", "ом"),
}


def cyrillic_forms(word: str) -> set[str]:
    """Regular declined forms of one folded Cyrillic word (the word itself included)."""
    forms = {word}
    if len(word) < 4:
        return forms  # "Сум" + "а" would be the common word "сума"
    for nominative, endings in _ADJ_ENDINGS.items():
        if word.endswith(nominative):
            stem = word[: -len(nominative)]
            forms.update(stem + e for e in endings)
            return forms
    last = word[-1]
    if word.endswith(("ія", "ия", "iя")):
        # Soft stems after a vowel: Росія -> Росії, Росію, Росією; Россия -> России, Россию, Россией.
        stem = word[:-1]
        forms.update(stem + e for e in ("ї", "ю", "єю", "и", "ей", "ею", "і", "е"))
    elif last == "я":
        # Soft stems after a consonant: Земля -> землі, землю, землею; земли, землей, земле.
        stem = word[:-1]
        forms.update(stem + e for e in ("і", "ю", "ею", "и", "ей", "е", "ям"))  # Запоріжжя -> Запоріжжям
    elif word.endswith("ье"):
        stem = word[:-1]  # Запорожье -> Запорожья, Запорожью, Запорожьем
        forms.update(stem + e for e in ("я", "ю", "ем"))
    elif last == "а":
        stem = word[:-1]
        forms.update(stem + e for e in _A_ENDINGS)
    elif last == "ь":
        stem = word[:-1]
        forms.update(stem + e for e in ("я", "ю", "ем", "і", "е", "и"))
        # Feminine -ь: Білорусь -> Білоруссю (the consonant doubles), Беларусь -> Беларусью.
        forms.update((stem + stem[-1] + "ю", word + "ю"))
    elif last == "й":
        stem = word[:-1]
        forms.update(stem + e for e in ("я", "ю", "ем", "і", "е", "и"))
    elif last not in "оеиіуыюєї":
        forms.update(word + e for e in _CONSONANT_ENDINGS)
    return forms


def _key_of(canonical: str) -> str:
    return re.sub(r"[\s\-]+", "_", fold(canonical)).replace(".", "")


# One number per state of any AliasTable: caches of what a table found key on it.
_STAMPS = itertools.count()


@dataclass
class AliasTable:
    """Variants of the domain's names mapped to one canonical entry.

    ``canonical(name)`` gives the canonical display name ("Kiev" -> "Kyiv"), ``key(name)`` the
    folded key written by :func:`normalise` ("kyiv"), ``type_of(name)`` the entry type.
    ``stamp`` is new whenever the table changes, and no two tables share one: a cache of what
    it found (matching.records, matching.signature) is valid while the stamp is the same.
    """

    names: dict[str, str] = field(default_factory=dict)  # key -> canonical display name
    types: dict[str, str] = field(default_factory=dict)  # key -> type ("person", "place", ...)
    _folded: dict[tuple[str, ...], str] = field(default_factory=dict)  # tokens -> key
    _exact: dict[tuple[str, ...], str] = field(default_factory=dict)  # case-sensitive variants
    _max_len: int = 1
    _lengths: dict[str, tuple[int, ...]] = field(default_factory=dict)  # first token -> lengths
    stamp: int = field(default_factory=lambda: next(_STAMPS), compare=False)

    # -- building -------------------------------------------------------------------------
    @classmethod
    def load(cls, *paths: str | os.PathLike) -> AliasTable:
        table = cls()
        for p in paths:
            table.extend_from_file(p)
        return table

    def extend_from_file(self, path: str | os.PathLike) -> None:
        with open(path, encoding="utf-8") as fh:
            self.extend_from_lines(fh)

    def extend_from_lines(self, lines: Iterable[str]) -> None:
        current_type = "other"
        for raw in lines:
            line = raw.rstrip("\r\n")
            if not line.strip():
                continue
            if line.lstrip().startswith("#"):
                m = re.match(r"\s*#\s*@type\s+(\w+)", line)
                if m:
                    current_type = m.group(1).lower()
                continue
            fields = [f.strip() for f in line.split("\t") if f.strip()]
            if fields:
                self.add(fields[0], fields[1:], type_=current_type)

    def add(self, canonical: str, variants: Iterable[str] = (), type_: str = "other") -> None:
        self.stamp = next(_STAMPS)
        key = _key_of(canonical)
        self.names.setdefault(key, canonical)
        self.types.setdefault(key, type_)
        for variant in [canonical, *variants]:
            if variant.startswith("="):
                tokens = tuple(_TOKEN.findall(soft_fold(variant[1:])))
                if tokens:
                    self._exact[tokens] = key
                    self._note(tokens[0], len(tokens))
                    self._note(tokens[0].casefold(), len(tokens))
                continue
            tokens = tuple(_TOKEN.findall(fold(variant)))
            if not tokens:
                continue
            self._folded.setdefault(tokens, key)
            self._note(tokens[0], len(tokens))
            # Declined Cyrillic forms: vary the last word of the variant.
            if _CYR.search(tokens[-1]):
                for form in cyrillic_forms(tokens[-1]):
                    self._folded.setdefault(tokens[:-1] + (form,), key)
                    self._note((tokens[:-1] + (form,))[0], len(tokens))

    def _note(self, first: str, n: int) -> None:
        """Remember that some variant of n tokens starts with ``first`` (longest first)."""
        self._max_len = max(self._max_len, n)
        lengths = set(self._lengths.get(first, ()))
        lengths.add(n)
        self._lengths[first] = tuple(sorted(lengths, reverse=True))

    # -- lookup ---------------------------------------------------------------------------
    def _lookup_tokens(self, words: list[str], folded_words: list[str], i: int) -> tuple[int, str] | None:
        """Longest variant starting at token i: (number of tokens, key)."""
        lengths = self._lengths.get(folded_words[i])
        if lengths is None:
            lengths = self._lengths.get(words[i])
            if lengths is None:
                return None
        for n in lengths:
            if n > len(words) - i:
                continue
            k = self._exact.get(tuple(words[i : i + n]))
            if k is None:
                k = self._folded.get(tuple(folded_words[i : i + n]))
            if k is not None:
                return n, k
        return None

    def find(self, text: str, tokens: Tokens | None = None) -> list[tuple[int, int, str]]:
        """All alias mentions in text as (start, end, key), offsets into ``text``.

        ``tokens`` are the word tokens of ``text`` if the caller already has them.
        """
        toks = tokens if tokens is not None else Tokens.of(text)
        words, lower, starts = toks.orig, toks.lower, toks.starts
        folded = [t if t.isascii() else _fold_token(t) for t in lower]
        lengths_of = self._lengths
        out: list[tuple[int, int, str]] = []
        n = len(words)
        i = 0
        while i < n:
            if folded[i] not in lengths_of and words[i] not in lengths_of:
                i += 1
                continue
            hit = self._lookup_tokens(words, folded, i)
            if hit is not None:
                k, key = hit
                if k > 1 and not _joined(text, toks, i, k):
                    hit = self._lookup_single(words, folded, i)
                    if hit is None:
                        i += 1
                        continue
                    k, key = hit
                last = i + k - 1
                end = starts[last] + len(words[last])
                if len(words[last]) == 1 and text[end : end + 1] == ".":
                    end += 1  # the closing dot of an acronym ("U.S.")
                out.append((starts[i], end, key))
                i += k
            else:
                i += 1
        return out

    def _lookup_single(self, words: list[str], folded_words: list[str], i: int) -> tuple[int, str] | None:
        k = self._exact.get((words[i],)) or self._folded.get((folded_words[i],))
        return (1, k) if k else None

    def key(self, name: str) -> str:
        """Folded canonical key of a name ("Kiev" -> "kyiv"); unknown names are just folded."""
        tokens = _TOKEN.findall(fold(name))
        k = self._folded.get(tuple(tokens)) or self._exact.get(tuple(_TOKEN.findall(soft_fold(name))))
        if k is None and len(tokens) > 1 and tokens[-1] == "s":  # possessive "Putin's"
            k = self._folded.get(tuple(tokens[:-1]))
        return k if k is not None else fold(name)

    def canonical(self, name: str) -> str:
        """Canonical display name ("Zelenskiy" -> "Zelensky"); unknown names come back stripped."""
        k = self.key(name)
        return self.names.get(k, name.strip())

    def type_of(self, name_or_key: str) -> str | None:
        if name_or_key in self.types:
            return self.types[name_or_key]
        return self.types.get(self.key(name_or_key))

    def __contains__(self, name: str) -> bool:
        return self.key(name) in self.names

    def __len__(self) -> int:
        return len(self.names)


def _joined(text: str, toks: Tokens, i: int, n: int) -> bool:
    """True when tokens i..i+n-1 are separated only by spaces, hyphens or apostrophes
    (or by dots after initials: "U.S.", "J. D. Vance")."""
    for j in range(i, i + n - 1):
        gap = text[toks.starts[j] + len(toks.orig[j]) : toks.starts[j + 1]]
        if gap.strip(" \t\u00a0-–'’") == "" and gap.count("'") + gap.count("’") <= 1:
            continue
        if gap.strip() == "." and len(toks.orig[j]) == 1:
            continue
        return False
    return True


@functools.lru_cache(maxsize=4096)
def _fold_token(token: str) -> str:
    return fold(token)


def user_alias_paths() -> list[Path]:
    """Extra alias files: the user's data folder, then $CLAIMDESK_ALIASES (if they exist)."""
    paths: list[Path] = []
    try:
        from platformdirs import user_data_dir

        paths.append(Path(user_data_dir("Claimdesk")) / "aliases.tsv")
    except ImportError:  # pragma: no cover - platformdirs is a declared dependency
        pass
    env = os.environ.get("CLAIMDESK_ALIASES")
    if env:
        paths.append(Path(env))
    return [p for p in paths if p.is_file()]


@functools.lru_cache(maxsize=1)
def default_aliases() -> AliasTable:
    """The shipped alias table plus the user's extensions; cached (call cache_clear to reload)."""
    return AliasTable.load(resource_path("aliases.tsv"), *user_alias_paths())


_NUMBER_WORDS = re.compile(rf"\b{WORD_NUMBER}\b", re.IGNORECASE)
_THOUSANDS_SEP = re.compile(r"(?<=\d),(?=\d{3}\b)")
_FRACTION_AFTER = re.compile(r"\s*-?\s*(?:half|halves|thirds?|quarters?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)\b")
# "one" is a number only before a word that counts or measures ("one percent", "one soldier");
# otherwise it is a pronoun or determiner ("one of the", "no one", "one another").
_ONE_COUNTS = re.compile(
    r"[\s-]+(?:percent|per\s*cent|percentage|%|million|billion|thousand|hundred|trillion|dozen|"
    r"square|sq|km|kilomet|mile|met(?:er|re)|hectare|acre|second|minute|hour|day|week|month|year|decade|"
    r"centur|time|soldier|troop|servicem|person|people|civilian|child|man|woman|resident|refugee|"
    r"victim|prisoner|hostage|fighter|officer|official|voter|respondent|citizen|journalist|dollar|"
    r"euro|pound|ruble|rouble|hryvni|village|town|city|region|brigade|battalion|tank|drone|missile|"
    r"aircraft|plane|helicopter|ship|round|in\s+(?:\d|two|three|four|five|six|seven|eight|nine|ten)\b)",
    re.IGNORECASE,
)


# Every number word contains one of these (case-sensitively, in lower-cased text): most
# sentences have none, and this search costs a fifth of running _NUMBER_WORDS over them.
_NUMBER_STEMS = re.compile("|".join(sorted([*UNITS, *TENS, *SCALES, "dozen"], key=len, reverse=True)))
# Non-ASCII letters that IGNORECASE matches to ASCII ones but str.lower() leaves alone.
_CASE_ODD = ("\u0131", "\u017f")  # dotless ı, long ſ


def _digits_for_words(text: str) -> str:
    if _NUMBER_STEMS.search(text.lower()) is None and not any(c in text for c in _CASE_ODD):
        return text  # no number word can match

    def repl(m: re.Match) -> str:
        # "a fifth", "two-thirds": fractions are left to the figure parser.
        if _FRACTION_AFTER.match(text, m.end()):
            return m.group(0)
        if m.group(0).lower() == "one" and not _ONE_COUNTS.match(text, m.end()):
            return m.group(0)
        value = parse_words(m.group(0))
        return format_number(value) if value is not None else m.group(0)

    return _NUMBER_WORDS.sub(repl, text)


def normalise(text: str, aliases: AliasTable | None = None) -> str:
    """Folded text with every alias replaced by its key and number words written as digits.

    normalise("Zelenskiy met Putin in Kiev five times") == "zelensky met putin in kyiv 5 times"

    "one" becomes "1" only before a word that counts or measures ("one soldier", "one percent");
    "one of the", "no one" and "one another" keep it.
    """
    table = aliases if aliases is not None else default_aliases()
    soft = soft_fold(text)
    parts: list[str] = []
    pos = 0
    for start, end, key in table.find(soft):
        parts.append(soft[pos:start].casefold())
        parts.append(key)
        pos = end
    parts.append(soft[pos:].casefold())
    out = "".join(parts)
    out = _THOUSANDS_SEP.sub("", out)
    out = _digits_for_words(out)
    return _SPACES.sub(" ", out).strip()

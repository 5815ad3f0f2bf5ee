"""Ranking stored claims for a query text: which previously checked claims does it repeat?

Two stages, tuned on the CLEF 2020 CheckThat! Task 2 train and dev splits:

1. BM25 over word stems (English stop words out, Porter stems, numbers normalised, hashtags
   split, a tweet's handle and link removed, its month and year kept as extra terms) through
   an inverted index: a query costs time in its terms' postings, not in the collection size.
2. The best ``CANDIDATES`` are re-scored with BM25 over character 4-grams, which matches
   related forms the stemmer keeps apart ("Syrian"/"Syria", "Mexican"/"Mexico", a name in
   two spellings). The final score is the word score over the best word score plus
   ``CHAR_WEIGHT`` times the 4-gram score over the best 4-gram score.

Ties go to the claim added first, so a ranking is deterministic.
"""

from __future__ import annotations

import io
import zipfile
from array import array
from collections import Counter
from collections.abc import Hashable, Iterable, Iterator
from typing import Any

import numpy as np
from rapidfuzz import fuzz, process

from matching.bm25 import BM25Index, bm25_idf
from matching.stem import porter
from matching.terms import Analysis, Segmenter, analyse, char_grams, word_grams

ClaimId = Hashable

# Tuned on train, checked on dev (see bench/bench_checkthat.py); the results are flat around
# these values (±0.005 MAP@5 for k1 0.8–1.6, b 0.3–0.75, weight 0.3–0.7), so they are not fragile.
WORD_K1, WORD_B = 1.0, 0.5
CHAR_K1, CHAR_B = 1.2, 0.5
CHAR_WEIGHT = 0.5
DATE_WEIGHT = 1.0
# The 4-gram stage never lifted a claim from below word rank 30 into the top 5 on train/dev
# (30, 50 and 100 candidates rank identically there).
CANDIDATES = 30
# A query word no claim contains ("Zelenskyy") borrows the stems of the claims' words it is a
# close spelling of; weight (similarity)^2 * FUZZY_WEIGHT, so a typo never outweighs a match.
FUZZY_CUTOFF = 85.0
FUZZY_WEIGHT = 0.8
FUZZY_MIN_LEN = 5
FUZZY_LIMIT = 3
# Saved indexes (ClaimIndex.to_bytes) carry this; change it whenever the analysis or the
# saved parts change, and old saved indexes are rebuilt from the texts instead of loaded.
STATE_VERSION = "rank-1"
# Claims analysed per batch by ClaimIndex.extend (bounds the batch's numpy arrays).
_BATCH = 4_096


class ClaimIndex:
    """Claims (id, text) to search; ``add`` more at any time, ``search`` with any text."""

    def __init__(self, claims: Iterable[tuple[ClaimId, str]] = ()) -> None:
        self._ids: list[ClaimId] = []
        self._id_set: set[ClaimId] = set()
        self._words = BM25Index(WORD_K1, WORD_B)
        # 4-gram side: document frequencies for idf (gram -> id, df by id), and each claim's
        # unstemmed words, from which a candidate's 4-grams are regenerated (cheaper in memory
        # than their postings). Words get ids too, with their 4-gram ids, so a batch of claims
        # counts its (claim, 4-gram) pairs in numpy instead of a Python set per claim.
        self._gram_ids: dict[str, int] = {}
        self._gram_df = np.zeros(0, np.int64)
        self._word_ids: dict[str, int] = {}
        self._word_gram_ptr = array("q", [0])
        self._word_gram_flat = array("i")
        self._gram_len = array("i")
        self._gram_total = 0
        self._plain: list[str] = []
        self._raw_counts: Counter[str] = Counter()
        self._segmenter: Segmenter | None = None
        self._spellings: dict[str, list[str]] | None = None
        self._positions: dict[ClaimId, int] | None = None
        self.extend(claims)

    def __len__(self) -> int:
        return len(self._ids)

    def add(self, claim_id: ClaimId, text: str) -> None:
        """Index one claim; its id must be new (ValueError otherwise)."""
        self._add_batch([(claim_id, text)])

    def extend(self, claims: Iterable[tuple[ClaimId, str]]) -> None:
        """Index many claims, in batches (much faster than one ``add`` each)."""
        batch: list[tuple[ClaimId, str]] = []
        for claim in claims:
            batch.append(claim)
            if len(batch) >= _BATCH:
                self._add_batch(batch)
                batch = []
        if batch:
            self._add_batch(batch)

    def _add_batch(self, batch: list[tuple[ClaimId, str]]) -> None:
        seen: set[ClaimId] = set()
        for claim_id, _ in batch:
            if claim_id in self._id_set or claim_id in seen:
                raise ValueError(f"claim id {claim_id!r} is already in the index")
            seen.add(claim_id)
        word_id = self._word_ids.get
        new_word = self._new_word
        add_terms = self._words.add
        tokens: list[int] = []  # every claim's word ids in turn
        lengths: list[int] = []
        raw: list[str] = []
        for claim_id, text in batch:
            a = analyse(text)
            self._ids.append(claim_id)
            self._id_set.add(claim_id)
            add_terms(a.stems + a.date)
            for w in a.words:
                i = word_id(w)
                tokens.append(i if i is not None else new_word(w))
            lengths.append(len(a.words))
            # Words two spaces apart, so str.count finds a padded 4-gram " ab " once per word.
            self._plain.append(" " + "  ".join(a.words) + " ")
            raw += a.raw
        self._raw_counts.update(raw)
        self._count_grams(np.array(tokens, np.int64), np.array(lengths, np.int64))
        self._segmenter = None
        self._spellings = None

    def _new_word(self, word: str) -> int:
        ids = self._gram_ids
        for gram in word_grams(word):
            gram_id = ids.get(gram)
            if gram_id is None:
                gram_id = ids[gram] = len(ids)
            self._word_gram_flat.append(gram_id)
        self._word_gram_ptr.append(len(self._word_gram_flat))
        word_id = self._word_ids[word] = len(self._word_ids)
        return word_id

    def _count_grams(self, tokens: np.ndarray, lengths: np.ndarray) -> None:
        """Add a batch's 4-gram document frequencies and each claim's 4-gram count."""
        ptr = np.frombuffer(self._word_gram_ptr, np.int64)
        flat = np.frombuffer(self._word_gram_flat, np.int32)
        n_grams = len(self._gram_ids)
        per_word = np.diff(ptr)
        docs = np.repeat(np.arange(len(lengths)), lengths)
        sizes = np.bincount(docs, weights=per_word[tokens], minlength=len(lengths))
        self._gram_len.extend(sizes.astype(np.int64).tolist())
        self._gram_total += int(sizes.sum())
        if len(self._gram_df) < n_grams:
            self._gram_df = np.concatenate(
                [self._gram_df, np.zeros(n_grams - len(self._gram_df), np.int64)])
        if not len(tokens):
            return
        # Each (claim, word) once, expanded to its words' 4-grams, each (claim, 4-gram) once.
        pairs = _distinct(docs * len(self._word_ids) + tokens)
        pair_docs, pair_words = np.divmod(pairs, len(self._word_ids))
        counts = per_word[pair_words]
        starts = np.repeat(ptr[pair_words] - (np.cumsum(counts) - counts), counts)
        grams = flat[starts + np.arange(int(counts.sum()))]
        keys = _distinct(np.repeat(pair_docs, counts) * n_grams + grams)
        self._gram_df += np.bincount(keys % n_grams, minlength=n_grams)

    def __contains__(self, claim_id: object) -> bool:
        return claim_id in self._id_set

    def to_bytes(self) -> bytes:
        """The whole index as bytes (numpy's .npz, no pickles), for :meth:`from_bytes`; the
        ids must be strings. Loading is ~50× faster than analysing the texts again."""
        if not all(isinstance(i, str) for i in self._ids):
            raise TypeError("only an index with string ids can be saved")
        terms, tok_term, doc_len = self._words.state()
        grams = list(self._gram_ids)
        raw = list(self._raw_counts)
        out = io.BytesIO()
        np.savez(
            out, version=np.array([STATE_VERSION]), ids=_joined(self._ids),
            terms=_joined(terms), tok_term=tok_term, doc_len=doc_len,
            grams=_joined(grams), gram_df=self._gram_df[:len(grams)].astype(np.int32),
            gram_len=np.array(self._gram_len, np.int32), plain=_joined(self._plain),
            raw=_joined(raw), raw_counts=np.array([self._raw_counts[w] for w in raw], np.int64),
        )
        return out.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes) -> ClaimIndex:
        """The index saved by :meth:`to_bytes`; ValueError when the bytes are not one."""
        try:
            with np.load(io.BytesIO(data), allow_pickle=False) as z:
                if str(z["version"][0]) != STATE_VERSION:
                    raise ValueError("saved by another version of the ranker")
                ids, plain = _split(z["ids"]), _split(z["plain"])
                grams, raw = _split(z["grams"]), _split(z["raw"])
                gram_df, gram_len = z["gram_df"], z["gram_len"]
                raw_counts = z["raw_counts"]
                words = BM25Index.from_state(_split(z["terms"]), z["tok_term"], z["doc_len"],
                                             WORD_K1, WORD_B)
        except (OSError, KeyError, EOFError, ValueError, zipfile.BadZipFile) as exc:
            raise ValueError(f"not a saved claim index: {exc}") from exc
        if not (len(ids) == len(plain) == len(gram_len) == len(words)
                and len(grams) == len(gram_df) and len(raw) == len(raw_counts)):
            raise ValueError("not a saved claim index: parts of different lengths")
        index = cls()
        index._ids = ids
        index._id_set = set(ids)
        index._words = words
        index._gram_ids = {gram: i for i, gram in enumerate(grams)}
        if len(index._gram_ids) != len(grams):
            raise ValueError("not a saved claim index: a 4-gram twice")
        index._gram_df = gram_df.astype(np.int64)
        index._gram_len = array("i", gram_len.astype(np.int32).tobytes())
        index._gram_total = int(gram_len.sum())
        index._plain = plain
        index._raw_counts = Counter(dict(zip(raw, raw_counts.tolist(), strict=True)))
        return index

    def search(self, query_text: str, top: int = 5) -> list[tuple[ClaimId, float]]:
        """The ``top`` claims most likely repeated by ``query_text``, best first, with scores.

        Claims sharing no word with the query are left out, so fewer than ``top`` may come back.
        """
        if top <= 0 or not self._ids:
            return []
        if self._segmenter is None:
            self._segmenter = Segmenter(self._raw_counts)
        q = analyse(query_text, self._segmenter)
        word = self._words.scores(self._query_weights(q))
        # Every candidate is re-scored, so a large ``top`` costs ~0.1 ms per claim asked for.
        cand = _best(word, max(CANDIDATES, top))
        if not len(cand):
            return []
        final = word[cand].astype(np.float64) / float(word[cand[0]])
        char = self._char_scores(q, cand)
        if char.max() > 0:
            final += CHAR_WEIGHT * char / char.max()
        order = np.lexsort((cand, -final))[:top]
        return [(self._ids[cand[i]], float(final[i])) for i in order]

    def closeness(self, query_text: str, claim_id: ClaimId) -> float:
        """How much the query and the claim say alike, 0..1: the idf-weighted Dice overlap of
        their distinct word stems (1.0 for the same words). Unlike search scores (relative to
        the best candidate) it is comparable across queries, so a threshold can say "close"."""
        return self.closeness_many(query_text, [claim_id])[0]

    def closeness_many(self, query_text: str, claim_ids: Iterable[ClaimId]) -> list[float]:
        """:meth:`closeness` of the query to each claim (the query analysed once)."""
        if self._positions is None or len(self._positions) != len(self._ids):
            self._positions = {claim_id: n for n, claim_id in enumerate(self._ids)}
        query = set(analyse(query_text).stems)
        idf = self._words.idf
        query_weight = sum(map(idf, query))
        out = []
        for claim_id in claim_ids:
            doc = self._positions.get(claim_id)
            if doc is None or not query:
                out.append(0.0)
                continue
            held = {porter(word) for word in self._plain[doc].split()}
            total = query_weight + sum(map(idf, held))
            out.append(2 * sum(map(idf, query & held)) / total if total else 0.0)
        return out

    def _query_weights(self, q: Analysis) -> dict[str, float]:
        # Each distinct stem once: a tweet repeating a word is not more about it (better on dev).
        weights = dict.fromkeys(q.stems, 1.0)
        for term in q.date:
            weights[term] = weights.get(term, 0.0) + DATE_WEIGHT
        for word, stem in dict(zip(q.words, q.stems, strict=True)).items():
            if stem in self._words or len(word) < FUZZY_MIN_LEN or not word.isalpha():
                continue
            for spelling, similarity in self._close_spellings(word):
                known = porter(spelling)
                weights[known] = max(weights.get(known, 0.0),
                                     (similarity / 100) ** 2 * FUZZY_WEIGHT)
        return weights

    def _close_spellings(self, word: str) -> list[tuple[str, float]]:
        # Only words with the same first letter: typos rarely hit it, and it keeps a lookup at
        # ~1/20 of the vocabulary (a few ms even with 100,000 claims).
        if self._spellings is None:
            self._spellings = {}
            for w in sorted(self._raw_counts):
                if len(w) >= FUZZY_MIN_LEN - 1 and w.isalpha():
                    self._spellings.setdefault(w[0], []).append(w)
        found = process.extract(word, self._spellings.get(word[0], ()), scorer=fuzz.ratio,
                                score_cutoff=FUZZY_CUTOFF, limit=FUZZY_LIMIT)
        return [(spelling, score) for spelling, score, _ in found]

    def _char_scores(self, q: Analysis, cand: np.ndarray) -> np.ndarray:
        grams = sorted(set(char_grams(q.words)))
        if not grams:
            return np.zeros(len(cand))
        n = len(self._ids)
        gram_id = self._gram_ids.get
        df = self._gram_df
        idf = bm25_idf(n, np.array([df[i] if (i := gram_id(g)) is not None else 0
                                    for g in grams], np.float64))
        tf = np.array([[plain.count(g) for g in grams] for plain in
                       (self._plain[doc] for doc in cand)], np.float64)
        gram_len = np.array([self._gram_len[doc] for doc in cand], np.float64)
        norm = CHAR_K1 * (1 - CHAR_B + CHAR_B * gram_len / max(self._gram_total / n, 1.0))
        return (tf * (CHAR_K1 + 1) / (tf + norm[:, None])) @ idf


def _joined(items: list[str]) -> np.ndarray:
    # One UTF-8 byte string, lines apart: no item holds a line break (words, stems, 4-grams
    # and the library's ids).
    return np.frombuffer("\n".join(items).encode("utf-8"), np.uint8)


def _split(data: np.ndarray) -> list[str]:
    text = data.tobytes().decode("utf-8")
    return text.split("\n") if text else []


def _distinct(keys: np.ndarray) -> np.ndarray:
    """The distinct values, sorted (np.unique hashes in numpy 2, ~10× slower on these keys)."""
    keys = np.sort(keys)
    return keys[np.concatenate(([True], keys[1:] != keys[:-1]))] if len(keys) else keys


def _best(scores: np.ndarray, k: int) -> np.ndarray:
    """Indices of the ``k`` highest positive scores, best first, ties by index; no full sort."""
    idx = np.flatnonzero(scores > 0)
    if len(idx) > k:
        kth = np.partition(scores[idx], len(idx) - k)[len(idx) - k]
        idx = idx[scores[idx] >= kth]
    return idx[np.lexsort((idx, -scores[idx]))][:k]


def rank(queries: Iterable[tuple[ClaimId, str]], targets: Iterable[tuple[ClaimId, str]],
         top: int = 5) -> Iterator[dict[str, Any]]:
    """For each query, ``{"query": id, "ranked": [target ids, best first]}``; ids as given."""
    index = ClaimIndex(targets)
    for query_id, text in queries:
        yield {"query": query_id, "ranked": [tid for tid, _ in index.search(text, top)]}

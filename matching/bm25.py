"""Okapi BM25 over an inverted index held in numpy arrays (one query touches only its terms' postings)."""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Mapping

import numpy as np


def bm25_idf(n_docs: int, df: np.ndarray | float) -> np.ndarray | float:
    """Lucene's BM25 idf: never negative, so a word in most claims still counts a little."""
    return np.log1p((n_docs - df + 0.5) / (df + 0.5))


class BM25Index:
    """Documents are added as term lists; the postings are (re)built lazily on the next search.

    Appending is cheap (flat arrays grow); rebuilding sorts all postings once, which for
    100,000 claims takes a fraction of a second, so a batch of ``add`` calls costs one rebuild.
    """

    def __init__(self, k1: float = 1.0, b: float = 0.5) -> None:
        self.k1 = k1
        self.b = b
        self._vocab: dict[str, int] = {}
        # Each document's term ids in turn (tokens, not yet counted: numpy counts them when
        # the postings are built) and its length, which says where it starts.
        self._tok_term = array("i")
        self._doc_len = array("i")
        self._built = False
        self._ptr = np.zeros(1, np.int64)
        self._docs = np.zeros(0, np.int32)
        self._weights = np.zeros(0, np.float32)
        self._idf = np.zeros(0, np.float64)

    def __len__(self) -> int:
        return len(self._doc_len)

    def __contains__(self, term: str) -> bool:
        return term in self._vocab

    def add(self, terms: Iterable[str]) -> int:
        """Index one document; returns its number (0, 1, 2… in the order added)."""
        doc = len(self._doc_len)
        vocab = self._vocab
        ids = [vocab.setdefault(term, len(vocab)) for term in terms]
        self._tok_term.extend(ids)
        self._doc_len.append(len(ids))
        self._built = False
        return doc

    def state(self) -> tuple[list[str], np.ndarray, np.ndarray]:
        """(terms in id order, each document's term ids in turn, document lengths): enough to
        rebuild the index exactly with :meth:`from_state`."""
        return (list(self._vocab), np.array(self._tok_term, np.int32),
                np.array(self._doc_len, np.int32))

    @classmethod
    def from_state(cls, terms: list[str], tok_term: np.ndarray, doc_len: np.ndarray,
                   k1: float, b: float) -> BM25Index:
        if len(tok_term) != int(doc_len.sum()) or (len(tok_term) and (
                int(tok_term.min()) < 0 or int(tok_term.max()) >= len(terms))):
            raise ValueError("inconsistent BM25 index state")
        index = cls(k1, b)
        index._vocab = {term: i for i, term in enumerate(terms)}
        index._tok_term = array("i", tok_term.astype(np.int32).tobytes())
        index._doc_len = array("i", doc_len.astype(np.int32).tobytes())
        return index

    def _build(self) -> None:
        # Copies, not views: a numpy view would stop the arrays from growing on the next add.
        terms = np.array(self._tok_term, np.int64)
        doc_len = np.array(self._doc_len, np.int64)
        docs = np.repeat(np.arange(len(doc_len)), doc_len)
        n_docs = max(len(doc_len), 1)
        # One posting per (term, document), counted and sorted by term then document: each
        # term's postings are in document order, which keeps ties deterministic.
        keys, tf = np.unique(terms * n_docs + docs, return_counts=True)
        post_terms, post_docs = np.divmod(keys, n_docs)
        self._docs = post_docs.astype(np.int32)
        self._ptr = np.searchsorted(post_terms, np.arange(len(self._vocab) + 1))
        avg = float(doc_len.mean()) if len(doc_len) else 1.0
        norm = self.k1 * (1 - self.b + self.b * doc_len.astype(np.float32) / max(avg, 1e-9))
        tf = tf.astype(np.float32)
        # The tf part of BM25 is fixed per posting: store it, and a query is idf * weights.
        self._weights = (tf * (self.k1 + 1) / (tf + norm[self._docs])).astype(np.float32)
        self._idf = bm25_idf(len(doc_len), np.diff(self._ptr).astype(np.float64))
        self._built = True

    def idf(self, term: str) -> float:
        """The term's idf; a term no document holds gets the highest idf there could be."""
        if not self._built:
            self._build()
        j = self._vocab.get(term)
        if j is None or j >= len(self._idf):
            return float(bm25_idf(len(self._doc_len), 0.0))
        return float(self._idf[j])

    def scores(self, query: Mapping[str, float]) -> np.ndarray:
        """BM25 of every document for ``query`` (term -> query weight), in document order."""
        if not self._built:
            self._build()
        out = np.zeros(len(self._doc_len), np.float32)
        for term, weight in query.items():
            j = self._vocab.get(term)
            if j is None or weight == 0:
                continue
            start, end = self._ptr[j], self._ptr[j + 1]
            # Each document appears once per term, so fancy-index += is safe here.
            out[self._docs[start:end]] += np.float32(self._idf[j] * weight) * self._weights[start:end]
        return out

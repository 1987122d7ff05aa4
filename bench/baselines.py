"""The alternatives, set up the way most people use them.

* rank-bm25 ``BM25Okapi`` over lowercase whitespace tokens.
* bm25s with its default method ("lucene"), English stop words and the PyStemmer Snowball stemmer.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import bm25s
import numpy as np
import Stemmer
from numpy.typing import NDArray
from rank_bm25 import BM25Okapi

from bench.metrics import top_indices


def whitespace_tokens(text: str) -> list[str]:
    return text.lower().split()


class RankBM25:
    """rank-bm25's BM25Okapi (k1=1.5, b=0.75, epsilon=0.25) on ``text.lower().split()``."""

    name = "rank-bm25"

    def __init__(self, documents: Sequence[str]) -> None:
        self._index = BM25Okapi([whitespace_tokens(text) for text in documents])

    def search(self, query: str, k: int = 10) -> list[int]:
        scores = self._index.get_scores(whitespace_tokens(query))
        return top_indices(np.asarray(scores, dtype=np.float64), k)


def _bm25s_tokenize(texts: str | list[str], stemmer: Stemmer.Stemmer, **options: Any) -> Any:
    """bm25s's tokenizer with English stop words and the Snowball stemmer, as used here."""
    return bm25s.tokenize(texts, stopwords="en", stemmer=stemmer, show_progress=False, **options)


def _bm25s_index(texts: Sequence[str], stemmer: Stemmer.Stemmer) -> bm25s.BM25:
    index = bm25s.BM25()
    index.index(_bm25s_tokenize(list(texts), stemmer), show_progress=False)
    return index


class Bm25s:
    """bm25s defaults (method "lucene", k1=1.5, b=0.75) with stop words and Snowball stems."""

    name = "bm25s"

    def __init__(self, documents: Sequence[str]) -> None:
        self._stemmer = Stemmer.Stemmer("english")
        self._index = _bm25s_index(documents, self._stemmer)
        self._size = len(documents)

    def tokenize(self, queries: Sequence[str]) -> bm25s.tokenization.Tokenized:
        return _bm25s_tokenize(list(queries), self._stemmer)

    def search(self, query: str, k: int = 10) -> list[int]:
        """One query, tokenised and retrieved the documented way."""
        documents, _scores = self._index.retrieve(
            self.tokenize([query]), k=min(k, self._size), show_progress=False
        )
        return [int(i) for i in documents[0]]

    def search_many(self, queries: Sequence[str], k: int = 10) -> list[list[int]]:
        """Many queries in one batch: the same rankings as ``search``, only faster."""
        documents, _scores = self._index.retrieve(
            self.tokenize(queries), k=min(k, self._size), show_progress=False
        )
        return [[int(i) for i in row] for row in documents]


class SentenceBM25:
    """BM25 (bm25s, same setup as above) over every sentence of a corpus.

    Used for the answer-sentence baseline: among the sentences of one passage, the one with the
    best BM25 score for the question, with IDF and length norms taken over all the corpus's
    sentences (a passage alone has too few sentences for stable IDF).
    """

    def __init__(self, sentences: Sequence[str]) -> None:
        self._stemmer = Stemmer.Stemmer("english")
        self._index = _bm25s_index(sentences, self._stemmer)

    def scores(self, query: str) -> NDArray[np.float32]:
        terms = _bm25s_tokenize(query, self._stemmer, return_ids=False)[0]
        terms = [term for term in terms if term in self._index.vocab_dict]
        if not terms:
            return np.zeros(self._index.scores["num_docs"], dtype=np.float32)
        return np.asarray(self._index.get_scores(terms), dtype=np.float32)

    def best(self, scores: NDArray[np.float32], candidates: Sequence[int]) -> int | None:
        """The candidate sentence index with the highest score (first on ties)."""
        if not candidates:
            return None
        return max(candidates, key=lambda i: (float(scores[i]), -i))

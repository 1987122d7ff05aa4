"""BM25 with rank-bm25's exact scores, precomputed per (term, paragraph) at index time.

``BM25Okapi.get_scores`` loops over every document for every query term. Here the weight of
each posting is computed once, with the same floating-point operations in the same order, so a
query only touches the postings of its own terms and still returns bit-identical scores.
"""

from __future__ import annotations

import math
from array import array
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import cast

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
Ids = npt.NDArray[np.int32] | npt.NDArray[np.int64]  # term ids


# Up to this many postings in a question, summing them in Python is faster than in numpy.
_FEW_POSTINGS = 256
# Candidates are read from the postings when they number at most one in this many of them
# (``_leaders``); more, and the pass over every paragraph is as quick.
_FEW_LEADERS = 8


@dataclass(frozen=True)
class BM25Params:
    """rank-bm25's ``BM25Okapi`` parameters, with its defaults."""

    k1: float = 1.5
    b: float = 0.75
    epsilon: float = 0.25


class BM25Index:
    """An inverted index whose postings carry final BM25Okapi weights."""

    def __init__(
        self,
        documents: Iterable[Sequence[str]],
        params: BM25Params | None = None,
        *,
        keep_sequence: bool = False,
    ) -> None:
        """``keep_sequence`` keeps every document's term ids in order (``sequence``), for
        readers of the documents' terms (``retrieval.index.sentence_terms``)."""
        # A new token's id is the vocabulary's size when first seen: a defaultdict whose
        # factory is its own length gives it, and a document's ids are one ``map`` away.
        vocabulary: defaultdict[str, int] = defaultdict()
        vocabulary.default_factory = vocabulary.__len__
        term_id = vocabulary.__getitem__
        term_ids = array("q")
        lengths = array("q")
        for tokens in documents:
            term_ids.extend(map(term_id, tokens))
            lengths.append(len(tokens))
        ids = np.frombuffer(term_ids, dtype=np.int64)
        self._index(vocabulary, ids, np.frombuffer(lengths, dtype=np.int64), params, keep_sequence)

    @classmethod
    def of_ids(
        cls,
        vocabulary: dict[str, int],
        term_ids: Ids,
        lengths: IntArray,
        params: BM25Params | None = None,
        *,
        keep_sequence: bool = False,
    ) -> BM25Index:
        """The index of documents already read as ids of ``vocabulary`` (given in the order
        first seen): every document's ``term_ids`` in order, ``lengths`` long each."""
        index = cls.__new__(cls)
        index._index(vocabulary, term_ids, lengths, params, keep_sequence)
        return index

    def _index(
        self,
        vocabulary: dict[str, int],
        ids: Ids,
        lengths: IntArray,
        params: BM25Params | None,
        keep_sequence: bool,
    ) -> None:
        self.params = params or BM25Params()
        if isinstance(vocabulary, defaultdict):
            vocabulary.default_factory = None  # from here on, a plain mapping
        self.vocabulary: dict[str, int] = vocabulary
        self.doc_len: IntArray = lengths.astype(np.int64)
        self.corpus_size = len(self.doc_len)
        total = int(self.doc_len.sum())
        self.avgdl = total / self.corpus_size if self.corpus_size else 0.0
        self._build_postings(ids)
        # Copied after the postings are built, so that the copy does not add to their peak;
        # ids already of 32 bits (``SentenceRecorder``'s) are kept as they are.
        self.sequence: npt.NDArray[np.int32] | None = (
            ids.astype(np.int32, copy=False) if keep_sequence else None
        )

    def _build_postings(self, term_ids: Ids) -> None:
        """Postings in order of term, then of paragraph: the tokens sorted by term, stably
        (they are in paragraph order), and each run of one term in one paragraph counted."""
        n_terms, n_docs = len(self.vocabulary), self.corpus_size
        order = _by_term(term_ids, n_terms)
        terms = term_ids[order]
        docs = np.repeat(np.arange(n_docs, dtype=np.int32), self.doc_len)[order]
        del order
        # Where each run starts, and the end: np.diff of the terms and of the paragraphs.
        edges = np.ones(len(terms) + 1, dtype=bool)
        np.not_equal(terms[1:], terms[:-1], out=edges[1:-1])
        edges[1:-1] |= docs[1:] != docs[:-1]
        at = np.flatnonzero(edges)
        del edges
        tf = np.diff(at)
        terms, docs = terms[at[:-1]], docs[at[:-1]]
        del at
        df = np.bincount(terms, minlength=n_terms)
        self.idf: FloatArray = _okapi_idf(df, n_docs, self.params.epsilon)
        self.df: IntArray = df
        self.indptr: IntArray = np.concatenate(([0], np.cumsum(df))).astype(np.int64)
        self.postings_doc: npt.NDArray[np.int32] = docs
        self.postings_weight = self._weights(terms, docs, tf)

    def _weights(self, terms: Ids, docs: npt.NDArray[np.int32], tf: IntArray) -> FloatArray:
        """``idf * (tf * (k1 + 1) / (tf + k1 * (1 - b + b * dl / avgdl)))`` as rank-bm25 does it:
        its length part once a paragraph, every posting's from the same operations (an addition
        in either order is the same), in place."""
        k1, b = self.params.k1, self.params.b
        if not len(tf):
            return np.zeros(0)
        length_part = k1 * (1 - b + b * self.doc_len / self.avgdl)
        saturation = tf * (k1 + 1)
        denominator = length_part[docs]
        denominator += tf
        saturation /= denominator
        del denominator
        weights: FloatArray = self.idf[terms]
        weights *= saturation
        return weights

    def term_ids(self, tokens: Sequence[str]) -> list[int]:
        """Vocabulary ids of the tokens the index knows, in query order, repeats kept."""
        vocabulary = self.vocabulary
        return [vocabulary[token] for token in tokens if token in vocabulary]

    def get_scores(
        self, tokens: Sequence[str], scale: Mapping[str, float] | None = None
    ) -> FloatArray:
        """Every paragraph's score, equal to ``BM25Okapi.get_scores(tokens)``; a token in
        ``scale`` counts that share of its weight."""
        scores = np.zeros(self.corpus_size)
        for term_id, share in self._shares(tokens, scale):
            start, end = self.indptr[term_id], self.indptr[term_id + 1]
            weights = self.postings_weight[start:end]
            scores[self.postings_doc[start:end]] += weights if share == 1.0 else weights * share
        return scores

    def _shares(
        self, tokens: Sequence[str], scale: Mapping[str, float] | None
    ) -> list[tuple[int, float]]:
        """(vocabulary id, share of its weight) of the tokens the index knows, in order."""
        vocabulary = self.vocabulary
        scale = scale or {}
        return [(vocabulary[t], scale.get(t, 1.0)) for t in tokens if t in vocabulary]

    def top_k(
        self, tokens: Sequence[str], k: int, scale: Mapping[str, float] | None = None
    ) -> list[tuple[int, float]]:
        """The ``k`` best (paragraph index, score) pairs among paragraphs sharing a term.

        Best first, ties in corpus order. A paragraph that holds a query term is a candidate
        even when its score is zero (a term in exactly half the corpus has an idf of 0).
        The query's postings are summed in one ``bincount``, term by term in query order, so
        each score is added up exactly as ``get_scores`` adds it (``scale`` as there).
        """
        shares = self._shares(tokens, scale)
        if not shares or k <= 0:
            return []
        spans = [(int(self.indptr[i]), int(self.indptr[i + 1]), s) for i, s in shares]
        if sum(end - start for start, end, _ in spans) <= _FEW_POSTINGS:
            return self._top_k_of_few(spans, k)
        docs = np.concatenate([self.postings_doc[start:end] for start, end, _ in spans])
        weights = np.concatenate(
            [
                self.postings_weight[start:end] * share
                if share != 1.0
                else self.postings_weight[start:end]
                for start, end, share in spans
            ]
        )
        totals = cast(FloatArray, np.bincount(docs, weights, minlength=self.corpus_size))
        candidates = _leaders(docs, totals, k, len(spans))
        if candidates is None:  # every paragraph holding a term, found by a pass over all
            present = np.zeros(self.corpus_size, dtype=bool)
            present[docs] = True
            candidates = np.flatnonzero(present)
        return _best(totals[candidates], candidates, k)

    def _top_k_of_few(
        self, spans: Sequence[tuple[int, int, float]], k: int
    ) -> list[tuple[int, float]]:
        """``top_k`` for a few postings, where numpy's per-call cost outweighs its speed: the
        same sums, added in the same order, and the same order of ties."""
        totals: dict[int, float] = {}
        for start, end, share in spans:
            docs = self.postings_doc[start:end].tolist()
            postings = self.postings_weight[start:end]
            weights = (postings if share == 1.0 else postings * share).tolist()
            for doc, weight in zip(docs, weights, strict=True):
                totals[doc] = totals.get(doc, 0.0) + weight
        return sorted(totals.items(), key=lambda item: (-item[1], item[0]))[:k]


def _leaders(docs: IntArray, totals: FloatArray, k: int, terms: int) -> IntArray | None:
    """The paragraphs, in corpus order, whose score may be among the ``k`` best: a few, read
    from the postings alone, else None (then every paragraph holding a term is a candidate).

    A paragraph has one posting per query term, so the postings of paragraphs scoring above
    the ``k``-th best number at most ``(k - 1) * terms``: the posting ranked one lower scores
    no more than the ``k``-th best, and every paragraph scoring at least as much as it holds
    the ``k`` best and their ties. Finding them partitions the postings (a few thousand) where
    marking every paragraph that holds a term walks the whole corpus (a hundred thousand).
    """
    reach = (k - 1) * terms + 1
    if reach >= len(docs):
        return None
    scores = totals[docs]
    floor = np.partition(scores, len(scores) - reach)[len(scores) - reach]
    chosen = docs[scores >= floor]
    if len(chosen) * _FEW_LEADERS > len(docs):  # ties at the floor: the pass is as quick
        return None
    return cast(IntArray, np.unique(chosen))


def _best(scores: FloatArray, candidates: IntArray, k: int) -> list[tuple[int, float]]:
    """Top ``k`` of ``scores`` (candidates are in corpus order, so ties keep that order)."""
    chosen = np.arange(len(scores))
    if len(chosen) > k:
        # The k-th best score, then everything at least that good, so ties are all seen.
        kth = np.partition(scores, len(scores) - k)[len(scores) - k]
        chosen = np.flatnonzero(scores >= kth)
    order = chosen[np.lexsort((chosen, -scores[chosen]))][:k]
    return [(int(candidates[i]), float(scores[i])) for i in order]


def _by_term(term_ids: Ids, n_terms: int) -> IntArray:
    """The tokens' positions in order of term, in their own order within a term: a stable
    sort, made of radix sorts of 16 bits (numpy's stable sort of 16-bit integers), several
    times as fast as a sort of (term, paragraph) keys and without their copies."""
    order: IntArray = np.argsort(term_ids.astype(np.uint16), kind="stable")
    shift = 16
    while n_terms > 1 << shift:
        digit = (term_ids >> shift).astype(np.uint16)[order]
        order = order[np.argsort(digit, kind="stable")]
        shift += 16
    return order


def counted(keys: IntArray) -> tuple[IntArray, IntArray]:
    """``np.unique(keys, return_counts=True)``, sorting ``keys`` in place: no copy of them,
    and none of the imports ``np.unique`` makes on its first call (``numpy.ma``)."""
    keys.sort()
    if not len(keys):
        return keys, np.zeros(0, dtype=np.int64)
    starts = np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1])))
    counts = np.diff(np.append(starts, len(keys)))
    return keys[starts], counts


def _okapi_idf(df: IntArray, n_docs: int, epsilon: float) -> FloatArray:
    """rank-bm25's idf, including its floor: negative idfs become ``epsilon * mean idf``.

    ``math.log`` and a sequential sum in first-seen term order reproduce its numbers exactly.
    """
    log_by_df = {d: math.log(n_docs - d + 0.5) - math.log(d + 0.5) for d in set(df.tolist())}
    idf = np.array([log_by_df[int(d)] for d in df], dtype=np.float64)
    if not len(idf):
        return idf
    idf_sum = 0.0
    for value in idf.tolist():
        idf_sum += value
    floor = epsilon * (idf_sum / len(idf))
    idf[idf < 0] = floor
    return idf

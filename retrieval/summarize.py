"""Choosing sentences: graph centrality for article summaries, relevance with MMR for answers.

Pure functions over term lists, so they are easy to test and to reuse on any text.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence

import numpy as np
import numpy.typing as npt

DAMPING = 0.85
MAX_GRAPH_SENTENCES = 400  # an article's opening is where its summary lives; bounds the cost
REDUNDANT_SIMILARITY = 0.5
MIN_SENTENCE_TERMS = 4
MMR_LAMBDA = 0.7
RANK_PENALTY = 0.1  # SQuAD: the answer sentence is mostly in the best passage


def central_sentences(
    sentences: Sequence[Sequence[str]], count: int, *, position_weight: float = 0.25
) -> list[int]:
    """Indices of the ``count`` most central sentences, in document order.

    TextRank (Mihalcea and Tarau, 2004: shared terms over the sum of the log lengths), with the
    random jump biased towards the opening (personalised PageRank), since news and opinion
    pieces state their point early. A sentence too similar (tf-idf cosine) to one already
    chosen is passed over, so the summary does not repeat itself.
    """
    n = min(len(sentences), MAX_GRAPH_SENTENCES)
    if n == 0 or count <= 0:
        return []
    graph = _overlap_similarity(sentences[:n])
    opening = 1.0 / np.arange(1, n + 1)
    jump = (1 - position_weight) / n + position_weight * opening / opening.sum()
    rank = _pagerank(graph, jump)
    vectors = _tfidf(sentences[:n])
    cosine = vectors @ vectors.T
    long_enough = [len(set(s)) >= MIN_SENTENCE_TERMS for s in sentences[:n]]
    order = sorted(range(n), key=lambda i: (not long_enough[i], -rank[i], i))
    chosen: list[int] = []
    for i in order:
        if len(chosen) == count:
            break
        if all(cosine[i, j] < REDUNDANT_SIMILARITY for j in chosen):
            chosen.append(i)
    for i in order:  # too few distinct sentences: fill up rather than return fewer
        if len(chosen) == count:
            break
        if i not in chosen:
            chosen.append(i)
    return sorted(chosen)


def relevant_sentences(
    query_weights: Mapping[str, float],
    sentences: Sequence[Sequence[str]],
    count: int,
    *,
    passage_ranks: Sequence[int] | None = None,
    min_share: float = 0.5,
) -> list[int]:
    """Indices of up to ``count`` sentences that best answer the query, best first.

    Relevance is the share of the query's information (idf mass) a sentence contains, less
    ``RANK_PENALTY`` per place its passage stands below the best one; MMR keeps a second
    sentence only if it adds something the first did not say.
    """
    total = sum(query_weights.values())
    if total <= 0:
        return []
    term_sets = [frozenset(s) for s in sentences]
    ranks = passage_ranks or [0] * len(term_sets)
    relevance = [
        sum(query_weights.get(t, 0.0) for t in terms) / total - RANK_PENALTY * rank
        for terms, rank in zip(term_sets, ranks, strict=True)
    ]
    best = max(relevance, default=0.0)
    if best <= 0:
        return []
    chosen: list[int] = []
    candidates = [i for i, r in enumerate(relevance) if r >= min_share * best]
    while candidates and len(chosen) < count:

        def mmr(i: int) -> tuple[float, int]:
            overlap = max((_jaccard(term_sets[i], term_sets[j]) for j in chosen), default=0.0)
            return (MMR_LAMBDA * relevance[i] - (1 - MMR_LAMBDA) * overlap, -i)

        pick = max(candidates, key=mmr)
        chosen.append(pick)
        candidates.remove(pick)
    return chosen


def _overlap_similarity(sentences: Sequence[Sequence[str]]) -> npt.NDArray[np.float64]:
    """TextRank's edge weight: shared distinct terms / (log |s1| + log |s2|), 0 on the diagonal."""
    n = len(sentences)
    sets = [frozenset(s) for s in sentences]
    logs = [math.log(len(s)) if len(s) > 1 else 0.0 for s in sentences]
    graph = np.zeros((n, n))
    for i in range(n):
        for j in range(i + 1, n):
            norm = logs[i] + logs[j]
            if norm > 0:
                graph[i, j] = graph[j, i] = len(sets[i] & sets[j]) / norm
    return graph


def _tfidf(sentences: Sequence[Sequence[str]]) -> npt.NDArray[np.float64]:
    n = len(sentences)
    df: Counter[str] = Counter()
    for terms in sentences:
        df.update(set(terms))
    column = {term: i for i, term in enumerate(df)}
    vectors = np.zeros((n, len(column)))
    for row, terms in enumerate(sentences):
        for term, tf in Counter(terms).items():
            vectors[row, column[term]] = (1 + math.log(tf)) * math.log(1 + n / df[term])
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    normalised: npt.NDArray[np.float64] = vectors / norms
    return normalised


def _pagerank(
    similarity: npt.NDArray[np.float64], jump: npt.NDArray[np.float64], iterations: int = 100
) -> npt.NDArray[np.float64]:
    out_weight = similarity.sum(axis=1, keepdims=True)
    dangling = (out_weight == 0).ravel()
    out_weight[out_weight == 0] = 1.0
    transition = similarity / out_weight
    rank = jump.copy()
    for _ in range(iterations):
        spread = rank @ transition + rank[dangling].sum() * jump
        new: npt.NDArray[np.float64] = (1 - DAMPING) * jump + DAMPING * spread
        if np.abs(new - rank).sum() < 1e-10:
            return new
        rank = new
    return rank


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0

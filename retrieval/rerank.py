"""Second-stage ordering of BM25's best paragraphs by how closely they hold the question.

BM25 sees a paragraph as a bag of words. An answer usually sits in one sentence that repeats
the question's words, often in the question's order, so among BM25's top candidates we prefer
paragraphs with a sentence holding much of the question's information and with the question's
word pairs. Measured on SQuAD (``python -m bench quality``); see docs/BENCHMARKS.md.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import pairwise

SENTENCE_WEIGHT = 1.0
BIGRAM_WEIGHT = 0.5


def share(weights: Mapping[str, float], found: set[str] | frozenset[str]) -> float:
    """Share of the question's information (weight) present in ``found``, from 0 to 1."""
    total = sum(weights.values())
    return sum(w for term, w in weights.items() if term in found) / total if total else 0.0


def closeness(
    query: Sequence[str],
    weights: Mapping[str, float],
    sentences: Sequence[Sequence[str]],
) -> float:
    """Best single-sentence share of the question, plus the share of its word pairs present."""
    best = max((share(weights, set(terms)) for terms in sentences), default=0.0)
    pairs = set(pairwise(query))
    if not pairs:
        return SENTENCE_WEIGHT * best
    present: set[tuple[str, str]] = set()
    for terms in sentences:
        present.update(pairwise(terms))
    return SENTENCE_WEIGHT * best + BIGRAM_WEIGHT * len(pairs & present) / len(pairs)


def rerank(bm25: Sequence[float], closeness_scores: Sequence[float]) -> list[int]:
    """Candidate positions, best first: BM25 relative to the best candidate, plus closeness."""
    top = max(bm25, default=0.0)
    scale = top if top > 0 else 1.0
    combined = [score / scale + near for score, near in zip(bm25, closeness_scores, strict=True)]
    return sorted(range(len(combined)), key=lambda i: (-combined[i], i))

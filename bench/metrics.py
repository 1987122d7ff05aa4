"""Pure metric functions: ranking hits, reciprocal rank, percentiles, ROUGE averaging."""

from __future__ import annotations

import math
import re
from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import TypeVar

import numpy as np
from numpy.typing import NDArray

K = TypeVar("K", bound=Hashable)


def top_indices(scores: NDArray[np.float64] | NDArray[np.float32], k: int) -> list[int]:
    """Indices of the k best scores, best first; ties go to the lower index."""
    k = min(k, len(scores))
    if k <= 0:
        return []
    candidates = np.arange(len(scores))
    if k < len(scores):
        # Everything at least as good as the k-th best, so that no tied lower index is lost.
        kth = np.partition(scores, len(scores) - k)[len(scores) - k]
        candidates = np.flatnonzero(scores >= kth)
    order = sorted(candidates.tolist(), key=lambda i: (-float(scores[i]), i))
    return order[:k]


def hit_at_k(ranked: Sequence[K], relevant: K, k: int) -> bool:
    """True when ``relevant`` is among the first ``k`` items of ``ranked``."""
    if k <= 0:
        raise ValueError("k must be positive")
    return relevant in ranked[:k]


def reciprocal_rank(ranked: Sequence[K], relevant: K, k: int = 10) -> float:
    """1/rank of ``relevant`` within the first ``k`` items, 0.0 when it is not there."""
    if k <= 0:
        raise ValueError("k must be positive")
    for rank, item in enumerate(ranked[:k], start=1):
        if item == relevant:
            return 1.0 / rank
    return 0.0


def mean(values: Iterable[float]) -> float:
    """Arithmetic mean; NaN for no values (so an empty run never looks like a zero score)."""
    total = 0.0
    count = 0
    for value in values:
        total += value
        count += 1
    return total / count if count else math.nan


def rate(flags: Iterable[bool]) -> float:
    """Share of true flags, in [0, 1]; NaN for none."""
    return mean(1.0 if flag else 0.0 for flag in flags)


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0..100) with linear interpolation between order statistics.

    The same definition as numpy's default (``method="linear"``).
    """
    if not values:
        return math.nan
    if not 0.0 <= q <= 100.0:
        raise ValueError("q must be within [0, 100]")
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100.0
    low = math.floor(position)
    high = math.ceil(position)
    fraction = position - low
    return ordered[low] + (ordered[high] - ordered[low]) * fraction


def macro_average(rows: Sequence[Mapping[str, float]]) -> dict[str, float]:
    """Per-key mean over rows that all have the same keys (e.g. per-article ROUGE F1)."""
    if not rows:
        return {}
    keys = list(rows[0])
    for row in rows:
        if list(row) != keys:
            raise ValueError("all rows must have the same keys in the same order")
    return {key: mean(row[key] for row in rows) for key in keys}


def contains_answer(sentence: str, answers: Iterable[str]) -> bool:
    """True when any non-empty gold answer occurs in ``sentence``, ignoring case."""
    folded = sentence.casefold()
    return any(answer.strip() and answer.strip().casefold() in folded for answer in answers)


_SPACE = re.compile(r"\s+")


def squash_space(text: str) -> str:
    """Collapse runs of white space to one space, trimmed."""
    return _SPACE.sub(" ", text).strip()


def count_reference_sentences(article_sentences: Sequence[str], reference: str) -> int:
    """How many of the article's sentences the extractive reference contains.

    BBC references join their sentences with no space, so each article sentence is looked up
    as a substring of the reference (white space collapsed on both sides). Each distinct
    sentence counts once.
    """
    squashed = squash_space(reference)
    seen: set[str] = set()
    count = 0
    for sentence in article_sentences:
        key = squash_space(sentence)
        if key and key not in seen and key in squashed:
            seen.add(key)
            count += 1
    return count


def ratio(numerator: float, denominator: float) -> float:
    """numerator / denominator, NaN when the denominator is zero or NaN."""
    if denominator == 0 or math.isnan(denominator):
        return math.nan
    return numerator / denominator


def reference_coverage(article_sentences: Sequence[str], reference: str) -> float:
    """Share of the reference's characters (white space collapsed) inside some article sentence
    found in it: near 1.0 when the reference is made of the article's sentences as split."""
    squashed = squash_space(reference)
    if not squashed:
        return math.nan
    covered = [False] * len(squashed)
    for sentence in {squash_space(s) for s in article_sentences}:
        if not sentence:
            continue
        start = squashed.find(sentence)
        while start >= 0:
            covered[start : start + len(sentence)] = [True] * len(sentence)
            start = squashed.find(sentence, start + 1)
    return sum(covered) / len(squashed)

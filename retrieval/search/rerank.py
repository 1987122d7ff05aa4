"""How closely a passage holds a question: used to reorder BM25's best (and by the verdict).

BM25 sees a paragraph as a bag of words. An answer usually sits in one sentence that repeats
the question's words, often in the question's order, so among BM25's top candidates we prefer
paragraphs with a sentence holding much of the question's information and with the question's
word pairs; ``retrieval.verdict`` builds on the same shares to decide whether one answers.
Measured on SQuAD (``python -m bench quality``); see docs/BENCHMARKS.md.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from itertools import pairwise
from typing import TypeVar

Term = TypeVar("Term", bound=Hashable)  # a term, or its id in the index's vocabulary

SENTENCE_WEIGHT = 1.0
BIGRAM_WEIGHT = 0.5
# A paragraph under headings: its closeness moves this share of the way towards that of its
# sentences each read under its headings ("source dependencies" above "It is not possible to
# define them in the project section"). Read whole (1.0), a short paragraph that only echoes
# its heading beats the one that answers; not at all (0.0), the heading that says what a
# paragraph is about counts for nothing. The docs chat set: answering paragraph first for 24
# of 40 from 0.25 to 0.75, 23 at 0, 22 at 1 (``python -m bench chat``); texts without
# headings (SQuAD, news) do not change.
HEADING_SHARE = 0.5


def share(weights: Mapping[Term, float], found: set[Term] | frozenset[Term]) -> float:
    """Share of the question's information (weight) present in ``found``, from 0 to 1."""
    total = sum(weights.values())
    return sum(w for term, w in weights.items() if term in found) / total if total else 0.0


def best_sentence_share(
    weights: Mapping[Term, float], sentences: Sequence[Sequence[Term]]
) -> float:
    """The largest share of the question that one sentence holds."""
    total = sum(weights.values())
    wanted = set(weights)
    best = 0.0
    for terms in sentences:
        present = wanted.intersection(terms)
        if present and total:  # summed in the question's order, as ``share`` does
            best = max(best, sum(w for term, w in weights.items() if term in present) / total)
    return best


def pair_share(
    query: Sequence[Term],
    sentences: Sequence[Sequence[Term]],
    weights: Mapping[Term, float] | None = None,
) -> float | None:
    """Share of the question's adjacent term pairs found adjacent in some sentence.

    With ``weights``, a pair counts the weight of its two terms, so that finding "Kim Jong"
    together matters less than finding "party congress". None for a one-term question.
    """
    pairs = set(pairwise(query))
    if not pairs:
        return None
    members = set(query)
    present: set[tuple[Term, Term]] = set()
    for terms in sentences:
        inside = members.intersection(terms)
        if not inside:
            continue
        for pair in pairs - present:
            if pair[0] in inside and pair[1] in inside and _adjacent(terms, *pair):
                present.add(pair)
        if len(present) == len(pairs):
            break

    def mass(some: set[tuple[Term, Term]]) -> float:
        if weights is None:
            return float(len(some))
        return sum(weights.get(a, 0.0) + weights.get(b, 0.0) for a, b in some)

    total = mass(pairs)
    return mass(present) / total if total else 0.0


def _adjacent(terms: Sequence[Term], first: Term, second: Term) -> bool:
    """Whether ``second`` directly follows ``first`` somewhere in ``terms``."""
    last = len(terms) - 1
    at = -1
    while True:
        try:
            at = terms.index(first, at + 1)
        except ValueError:
            return False
        if at < last and terms[at + 1] == second:
            return True


class Closeness:
    """``closeness`` for one question, what it needs of the question read once for all the
    candidates it is asked of (it runs on every candidate of every question)."""

    __slots__ = ("_either", "_items", "_pairs", "_total", "_wanted")

    def __init__(self, query: Sequence[Term], weights: Mapping[Term, float]) -> None:
        self._total = sum(weights.values())
        self._wanted = frozenset(weights)  # a snapshot: the caller's dict may change
        self._either = self._wanted | set(query)
        self._items = tuple(weights.items())
        self._pairs = list(dict.fromkeys(pairwise(query)))

    def touches(self, terms: Iterable[Term]) -> bool:
        """Whether ``terms`` hold a word of the question: words that do not, put before each
        sentence (a paragraph's headings), change neither a sentence's share nor its pairs."""
        return not self._either.isdisjoint(terms)

    def __call__(self, sentences: Sequence[Sequence[Term]]) -> float:
        total, wanted, either, items = self._total, self._wanted, self._either, self._items
        pairs = self._pairs
        missing = pairs  # the pairs no sentence has held yet
        best = 0.0
        for terms in sentences:
            inside = either.intersection(terms)
            if not inside:
                continue
            if total and not wanted.isdisjoint(inside):
                held = sum([w for term, w in items if term in inside])
                if held > best:
                    best = held
            if missing:
                missing = [
                    (a, b)
                    for a, b in missing
                    if not (a in inside and b in inside and _adjacent(terms, a, b))
                ]
        near = SENTENCE_WEIGHT * (best / total if total else 0.0)
        if not pairs:
            return near
        return near + BIGRAM_WEIGHT * (float(len(pairs) - len(missing)) / float(len(pairs)))


def closeness(
    query: Sequence[Term],
    weights: Mapping[Term, float],
    sentences: Sequence[Sequence[Term]],
) -> float:
    """Best single-sentence share of the question, plus the share of its word pairs present.

    ``best_sentence_share`` and ``pair_share`` (unweighted) in one pass over the sentences,
    each read once for both: the same sums, in the same order.
    """
    return Closeness(query, weights)(sentences)


def rerank(bm25: Sequence[float], closeness_scores: Sequence[float]) -> list[int]:
    """Candidate positions, best first: BM25 relative to the best candidate, plus closeness."""
    top = max(bm25, default=0.0)
    scale = top if top > 0 else 1.0
    combined = [score / scale + near for score, near in zip(bm25, closeness_scores, strict=True)]
    return sorted(range(len(combined)), key=lambda i: (-combined[i], i))

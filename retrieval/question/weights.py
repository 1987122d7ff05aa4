"""How much a question word says about what is asked, whatever the size of the corpus.

A corpus's own statistics (idf) tell names and topic words from everyday ones only when the
corpus is large: in a few dozen paragraphs almost every word is rare, and a word the corpus
lacks ("happened", "thinks") looks as rare as its rarest name. English at large knows better:
wordfreq ships the frequency of every common English word inside its wheel. A word weighs

    sqrt(english * corpus)   when the corpus has it,
    english                  when it does not,

the geometric mean asking a word to be informative both in English and in this corpus: a name
that fills half the paragraphs ("Kim" in articles about Kim) weighs little, as does an everyday
word, while a word the corpus lacks weighs what English says it is worth, so a missing
everyday word costs little and a missing name or topic word much. ``corpus`` is the term's
idf scaled to [0, 1] (``log(1 + (N - df + 0.5) / (df + 0.5))`` over its largest possible
value, N paragraphs); ``english`` is ``(ZIPF_COMMON - zipf) / (ZIPF_COMMON - ZIPF_RARE)``
clipped to [0, 1] (zipf is log10 of a word's frequency per billion words: "the" 7.7, "know"
6.1, "sanctions" 4.0, "juche" 2.1).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from itertools import pairwise
from typing import TYPE_CHECKING

from retrieval.question.frequency_table import frequency as english_frequency

if TYPE_CHECKING:
    from retrieval.index.bm25 import BM25Index

ZIPF_COMMON = 7.0  # as frequent as "the" and "of": no information at all
ZIPF_RARE = 2.0  # rarer than this counts as fully informative (names, jargon, typos)


# Each word's zipf, found once: every question word is weighed by it, and most come again.
_zipfs: dict[str, float] = {}
MAX_ZIPFS = 100_000


def zipf(word: str) -> float:
    """wordfreq's Zipf frequency of a lowercase English word; 0 for words it does not know
    (read from a saved table: ``retrieval.question.frequency_table``)."""
    found = _zipfs.get(word)
    if found is None:
        frequency = english_frequency(word.casefold())
        found = math.log10(frequency) + 9 if frequency > 0 else 0.0
        if len(_zipfs) < MAX_ZIPFS:
            _zipfs[word] = found
    return found


def english_weight(word: str) -> float:
    """How informative ``word`` is in English at large, from 0 (function word) to 1 (rare)."""
    return min(1.0, max(0.0, (ZIPF_COMMON - zipf(word)) / (ZIPF_COMMON - ZIPF_RARE)))


def corpus_weight(df: int, n: int) -> float:
    """The term's idf in a corpus of ``n`` paragraphs, scaled to [0, 1]."""
    if n <= 0:
        return 0.0
    df = max(1, min(df, n))
    return math.log(1 + (n - df + 0.5) / (df + 0.5)) / math.log(1 + (n - 0.5) / 1.5)


def blend(english: float, df: int | None, n: int) -> float:
    """A term's weight: see the module's docstring. ``df`` None: the corpus lacks it."""
    if df is None or df <= 0:
        return english
    return math.sqrt(english * corpus_weight(df, n))


def term_weight(word: str, term: str, index: BM25Index) -> float:
    """``blend`` of ``word``'s weight in English and of ``term``'s in ``index``: how much a
    question word (``word`` as English spells it, ``term`` as the index reads it) weighs."""
    term_id = index.vocabulary.get(term)
    df = None if term_id is None else int(index.df[term_id])
    return blend(english_weight(word), df, index.corpus_size)


BOUND_SHARE = 0.9  # a word this often right after the one before it adds nothing of its own


def phrase_weights(
    terms: Sequence[str], weights: Mapping[str, float], passages: Iterable[Sequence[Sequence[str]]]
) -> dict[str, float]:
    """Weights with each name counted once: "Kim Jong Un" weighs as its weightiest word.

    A term that follows the question's previous term in at least ``BOUND_SHARE`` of its
    occurrences in ``passages`` (the candidates' sentences: at least two occurrences) only
    repeats that term's information, so the pair weighs as the heavier of the two; counting
    each word of a name would let a name outweigh what is asked about it.
    """
    pairs = list(
        dict.fromkeys(
            (a, b) for a, b in pairwise(terms) if a != b and a in weights and b in weights
        )
    )
    seen: Counter[str] = Counter()
    after: Counter[tuple[str, str]] = Counter()
    firsts: dict[str, list[str]] = {}  # the question's pairs, by their second term
    for first, second in pairs:
        firsts.setdefault(second, []).append(first)
    # Counted for the question's pairs only, with list methods: this runs on every question.
    for sentences in passages:
        for sentence in sentences:
            for second, before in firsts.items():
                if n := sentence.count(second):
                    seen[second] += n
                    for first in before:
                        after[first, second] += _adjacent(sentence, first, second)
    adjusted = dict(weights)
    head: dict[str, str] = {}  # a bound term -> the first term of its name
    for first, second in pairs:
        count = seen[second]
        if count >= 2 and after[(first, second)] >= BOUND_SHARE * count:
            lead = head.get(first, first)
            adjusted[lead] = max(adjusted[lead], adjusted[second])
            adjusted[second] = 0.0
            head[second] = lead
    return adjusted


def _adjacent(sentence: Sequence[str], first: str, second: str) -> int:
    """How often ``second`` comes right after ``first`` in ``sentence``."""
    count, start = 0, 1
    try:
        while True:
            at = sentence.index(second, start)
            count += sentence[at - 1] == first
            start = at + 1
    except ValueError:
        return count

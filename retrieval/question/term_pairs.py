"""The corpus's terms and side-by-side term pairs, counted, for reading a question word that
the corpus writes otherwise: a compound typed closed (``retrieval.question.compounds``), a
shortened word (``retrieval.question.clippings``).

Built once, on the first question that needs it, from the term sequence the index keeps
(``BM25Index.sequence``): a pair is two terms side by side once stop words are gone, so a
space, a hyphen or "lock on the file" all make one.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping

import numpy as np
import numpy.typing as npt

from retrieval.index.bm25 import counted


class TermPairs:
    """Counts of the corpus's terms and of its pairs of adjacent terms.

    Each pair is kept once, as ``first * size + second`` in sorted order with its count, and
    read by its second term through the pairs' positions in order of that term (ties in
    order of the first): 16 bytes a pair, where a second copy of the keys took 32.
    """

    def __init__(self, vocabulary: Mapping[str, int], sequence: npt.NDArray[np.int32]) -> None:
        self.vocabulary = vocabulary
        self._words = list(vocabulary)  # by id: ids are given in first-seen order
        self._sorted = sorted(vocabulary)
        self._size = max(len(vocabulary), 1)
        ids = sequence.astype(np.int64)
        self._counts = np.bincount(ids, minlength=len(vocabulary))
        keys = ids[:-1] * self._size
        keys += ids[1:]
        del ids
        self._pairs, counts = counted(keys)
        self._pair_counts = counts.astype(np.int32)
        del keys, counts
        seconds = self._pairs % self._size
        by_second = np.argsort(seconds, kind="stable")
        self._by_second = by_second.astype(np.int32)
        self._second_start = np.searchsorted(
            seconds[by_second], np.arange(len(vocabulary) + 1, dtype=np.int64)
        )

    def count(self, term: str) -> int:
        """How often the corpus holds ``term`` (0 when never)."""
        term_id = self.vocabulary.get(term)
        return 0 if term_id is None else int(self._counts[term_id])

    def pair_count(self, first: str, second: str) -> int:
        """How often ``second`` directly follows ``first``."""
        first_id, second_id = self.vocabulary.get(first), self.vocabulary.get(second)
        if first_id is None or second_id is None:
            return 0
        key = first_id * self._size + second_id
        at = int(np.searchsorted(self._pairs, key))
        if at < len(self._pairs) and self._pairs[at] == key:
            return int(self._pair_counts[at])
        return 0

    def starting(self, prefix: str) -> list[str]:
        """The terms that begin with ``prefix``."""
        terms = self._sorted
        at = bisect.bisect_left(terms, prefix)
        found = []
        while at < len(terms) and terms[at].startswith(prefix):
            found.append(terms[at])
            at += 1
        return found

    def leaders(self, second: str, more_than: int = -1) -> list[tuple[str, int]]:
        """The terms that ``second`` directly follows more than ``more_than`` times, with how
        often it does, in the order of their ids."""
        second_id = self.vocabulary.get(second)
        if second_id is None:
            return []
        start, end = self._second_start[second_id], self._second_start[second_id + 1]
        at = self._by_second[start:end]
        counts = self._pair_counts[at]
        if more_than >= 0:
            kept = counts > more_than
            at, counts = at[kept], counts[kept]
        firsts = self._pairs[at] // self._size
        return [(self._words[k], c) for k, c in zip(firsts.tolist(), counts.tolist(), strict=True)]

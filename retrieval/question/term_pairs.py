"""The corpus's terms and side-by-side term pairs, counted, for reading a question word that
the corpus writes otherwise: a compound typed closed (``retrieval.question.compounds``), a
shortened word (``retrieval.question.clippings``).

Built once, on the first question that needs it, from the term sequence the index keeps
(``BM25Index.sequence``): a pair is two terms side by side once stop words are gone, so a
space, a hyphen or "lock on the file" all make one.
"""

from __future__ import annotations

import bisect
import sys
from collections.abc import Mapping

import numpy as np
import numpy.typing as npt

from retrieval.index.bm25 import counted

_FEW_LEADERS = 16  # up to this many, a term's leaders are read in Python, without numpy's calls


class TermPairs:
    """Counts of the corpus's terms and of its pairs of adjacent terms.

    Each pair is kept once, as ``first * size + second`` in sorted order with its count, and
    read by its second term through the pairs' positions in order of that term (ties in
    order of the first): 16 bytes a pair, where a second copy of the keys took 32.
    """

    def __init__(self, vocabulary: Mapping[str, int], sequence: npt.NDArray[np.int32]) -> None:
        self.vocabulary = vocabulary
        self._words = list(vocabulary)  # by id: ids are given in first-seen order
        order = sorted(range(len(self._words)), key=self._words.__getitem__)
        self._sorted = [self._words[i] for i in order]
        self._rank = np.empty(len(order), dtype=np.int32)  # each id's place in ``_sorted``
        self._rank[order] = np.arange(len(order), dtype=np.int32)
        self._size = max(len(vocabulary), 1)
        ids = sequence.astype(np.int64)
        self._counts = np.bincount(ids, minlength=len(vocabulary))
        keys = ids[:-1] * self._size
        keys += ids[1:]
        del ids
        self._pairs, counts = counted(keys)
        self._pair_counts = counts.astype(np.int32)
        # The commonest pair's count: no pair is found more often than that.
        self.most = int(self._pair_counts.max()) if len(self._pair_counts) else 0
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

    def starting_span(self, prefix: str) -> tuple[int, int]:
        """Where the terms that begin with ``prefix`` are in sorted order: from the first, to
        before the first term past them all (``prefix`` with its last character one higher,
        once the highest characters that end it are gone)."""
        low = bisect.bisect_left(self._sorted, prefix)
        below = prefix.rstrip(chr(sys.maxunicode))
        if not below:
            return low, len(self._sorted)
        after = below[:-1] + chr(ord(below[-1]) + 1)
        return low, bisect.bisect_left(self._sorted, after, low)

    def leaders(self, second: str) -> list[tuple[str, int]]:
        """The terms that ``second`` directly follows, with how often it does."""
        second_id = self.vocabulary.get(second)
        if second_id is None:
            return []
        start, end = self._second_start[second_id], self._second_start[second_id + 1]
        at = self._by_second[start:end]
        firsts = self._pairs[at] // self._size
        counts = self._pair_counts[at]
        return [(self._words[k], c) for k, c in zip(firsts.tolist(), counts.tolist(), strict=True)]

    def best_leader(
        self, second: str, span: tuple[int, int], more_than: int
    ) -> tuple[str, int] | None:
        """Of the ``leaders`` of ``second`` within ``span`` (``starting_span``), the first
        that ``second`` follows most often, if more than ``more_than`` times: what reading
        ``leaders`` in order, keeping each one more common than the last kept, ends with."""
        second_id = self.vocabulary.get(second)
        if second_id is None:
            return None
        start, end = int(self._second_start[second_id]), int(self._second_start[second_id + 1])
        low, high = span
        if end - start <= _FEW_LEADERS:  # most terms follow a few others: read them one by one
            best_count, best_first = more_than, -1
            for at in self._by_second[start:end].tolist():
                count = int(self._pair_counts[at])
                if count > best_count:
                    first = int(self._pairs[at]) // self._size
                    if low <= self._rank[first] < high:
                        best_count, best_first = count, first
            return None if best_first < 0 else (self._words[best_first], best_count)
        at = self._by_second[start:end]
        firsts = self._pairs[at] // self._size
        ranks = self._rank[firsts]
        counts = np.where((ranks >= low) & (ranks < high), self._pair_counts[at], -1)
        best = int(counts.argmax())  # the first of the largest
        count = int(counts[best])
        return (self._words[int(firsts[best])], count) if count > more_than else None

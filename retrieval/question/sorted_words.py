"""Finding a word in a saved table's sorted words (``frequency_table``, ``forms``) quickly.

Both tables keep their words, UTF-8, sorted by their bytes and each once, one after the other,
with an offset per word. Searching all of them by halves read about twenty words through a
Python call each (some 7 µs a word), and a question's words the corpus lacks are looked up in
both. Every ``STEP``-th word is read into a list on the first lookup (about 3 ms for English's
321,180 words), which ``bisect`` searches in C; then only the ``STEP`` words from the one found
are looked through, as one run of bytes.
"""

from __future__ import annotations

import mmap
from bisect import bisect_right

STEP = 32  # words between two kept in memory: 10,000 of English's 321,180


class SortedWords:
    """The sorted words of a table mapped into memory (see the module's docstring)."""

    def __init__(self, data: mmap.mmap | bytes, words_at: int, offsets: memoryview) -> None:
        """``offsets``: ``count + 1`` offsets of the words, from ``words_at`` in ``data``."""
        self._data = data
        self._words_at = words_at
        self._offsets = offsets
        self._count = len(offsets) - 1
        self._sample: list[bytes] | None = None  # every STEP-th word, read on the first find

    def __len__(self) -> int:
        return self._count

    def word(self, index: int) -> bytes:
        start = self._words_at
        return self._data[start + self._offsets[index] : start + self._offsets[index + 1]]

    def find(self, wanted: bytes) -> int:
        """The position of ``wanted`` among the words; -1 when the table lacks it."""
        sample = self._sample
        if sample is None:
            starts = self._offsets[: self._count : STEP].tolist()
            ends = self._offsets[1 : self._count + 1 : STEP].tolist()
            data, at = self._data, self._words_at
            sample = self._sample = [
                data[at + start : at + end] for start, end in zip(starts, ends, strict=True)
            ]
        block = bisect_right(sample, wanted) - 1  # the last kept word at most ``wanted``
        if block < 0:
            return -1
        low = block * STEP
        if sample[block] == wanted:
            return low
        # The block's words as one run of bytes, and their offsets: ``wanted`` is one of them
        # where it is found starting at a word's offset and ending at the next (the empty word,
        # first if anywhere, starts where the word after it does).
        offsets = self._offsets[low : min(low + STEP, self._count) + 1].tolist()
        first = offsets[0]
        start = self._words_at + first
        run = self._data[start : start + offsets[-1] - first]
        at = run.find(wanted)
        while at >= 0:
            index = bisect_right(offsets, at + first) - 1  # the last word starting there
            if offsets[index] == at + first and offsets[index + 1] == at + first + len(wanted):
                return low + index
            at = run.find(wanted, at + 1)
        return -1

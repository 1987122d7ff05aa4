"""A compound typed as one word that the corpus writes as two: "lockfile" for "lock file",
"prereleases" for "pre-releases", "healthcare" for "health care".

English writes many compounds open, hyphenated or closed, and a chat question often closes
what the text keeps open. Snowball stems each form apart, so "lockfile" finds nothing of
"lock file". A question word is read as two words when it splits into two words of at least
``MIN_PART`` letters whose terms the corpus holds side by side (a pair of its kept term
sequence, ``BM25Index.sequence``, so that a hyphen, a space or the stop-word-free order of
the text all count), and that pair is more common in the corpus than the closed word itself:
the split whose pair is commonest is read in its place, as if the asker had typed it open.
A closed word the corpus mostly writes closed stays as it is.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np
import numpy.typing as npt

MIN_PART = 3  # shorter pieces ("re", "un") are affixes, not words
MIN_WORD = 2 * MIN_PART


class Compounds:
    """The corpus's adjacent term pairs, counted, to split closed compounds (see the module)."""

    def __init__(
        self,
        vocabulary: Mapping[str, int],
        sequence: npt.NDArray[np.int32],
        term: Callable[[str], str],
    ) -> None:
        self._vocabulary = vocabulary
        self._term = term
        size = np.int64(max(len(vocabulary), 1))
        ids = sequence.astype(np.int64)
        self._pairs, self._pair_counts = np.unique(ids[:-1] * size + ids[1:], return_counts=True)
        self._counts = np.bincount(ids, minlength=len(vocabulary))
        self._size = size

    def _pair_count(self, first: int, second: int) -> int:
        key = first * self._size + second
        at = int(np.searchsorted(self._pairs, key))
        if at < len(self._pairs) and self._pairs[at] == key:
            return int(self._pair_counts[at])
        return 0

    def split(self, word: str) -> tuple[tuple[str, str], tuple[str, str]] | None:
        """``word`` (lowercase) as two words and their terms, ((first, term), (second, term)),
        when the corpus writes it so more often than closed; None otherwise."""
        if len(word) < MIN_WORD or not word.isalpha():
            return None
        vocabulary, term = self._vocabulary, self._term
        closed = vocabulary.get(term(word))
        best, found = 0 if closed is None else int(self._counts[closed]), None
        for at in range(MIN_PART, len(word) - MIN_PART + 1):
            first, second = word[:at], word[at:]
            first_term, second_term = term(first), term(second)
            first_id, second_id = vocabulary.get(first_term), vocabulary.get(second_term)
            if first_id is None or second_id is None:
                continue
            count = self._pair_count(first_id, second_id)
            if count > best:
                best, found = count, ((first, first_term), (second, second_term))
        return found

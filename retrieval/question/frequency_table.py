"""wordfreq's English frequencies, looked up without loading them.

A question's words are weighed by their frequency in English (``retrieval.question.weights``),
which wordfreq ships as a compressed list of 321,180 words: importing wordfreq and reading that
list cost a one-off command about a quarter of a second, for the handful of words a question
holds. The same numbers are saved once in citebot's cache folder (``retrieval.cache``) as a
table sorted by word, which is mapped into memory and searched (``sorted_words``).

The file: ``MAGIC``, the word count ``n`` (4 bytes), ``n + 1`` offsets of the words in the text
that follows (4 bytes each), ``n`` frequencies (8-byte floats, wordfreq's own values, so every
weight is what wordfreq gives), then the words, UTF-8, sorted by their bytes. Without a usable
cache folder, or when the table cannot be read, wordfreq's list is loaded as before.
"""

from __future__ import annotations

import mmap
import struct
import sys
from collections.abc import Iterator
from functools import cache
from typing import ClassVar

from retrieval.cache import Cache, default_folder, key
from retrieval.question.sorted_words import SortedWords

MAGIC = b"citebot-english-frequencies\n"
_HEADER = len(MAGIC) + 4
BULK = 20_000  # lookups after which the whole list is cheaper than searching the table


class FrequencyTable:
    """A saved frequency table, mapped into memory (see the module's docstring)."""

    def __init__(self, data: mmap.mmap | bytes) -> None:
        if data[: len(MAGIC)] != MAGIC or sys.byteorder != "little":
            raise ValueError("not a frequency table")
        (count,) = struct.unpack_from("<I", data, len(MAGIC))
        words_at = _HEADER + 4 * (count + 1) + 8 * count
        if len(data) < words_at:
            raise ValueError("truncated frequency table")
        view = memoryview(data)
        offsets = view[_HEADER : _HEADER + 4 * (count + 1)].cast("I")
        self._frequencies = view[_HEADER + 4 * (count + 1) : words_at].cast("d")
        if len(data) != words_at + offsets[count]:
            raise ValueError("truncated frequency table")
        self._words = SortedWords(data, words_at, offsets)

    def __len__(self) -> int:
        return len(self._words)

    def get(self, word: str, default: float = 0.0) -> float:
        """The word's frequency, as ``wordfreq.get_frequency_dict("en").get(word, default)``."""
        at = self._words.find(word.encode("utf-8", "surrogatepass"))
        return default if at < 0 else float(self._frequencies[at])


def table_bytes(frequencies: dict[str, float]) -> Iterator[bytes]:
    """The file of a table holding ``frequencies`` (see the module's docstring)."""
    words = sorted(word.encode("utf-8", "surrogatepass") for word in frequencies)
    offsets = [0]
    for word in words:
        offsets.append(offsets[-1] + len(word))
    yield MAGIC + struct.pack("<I", len(words))
    yield struct.pack(f"<{len(offsets)}I", *offsets)
    yield struct.pack(
        f"<{len(words)}d", *(frequencies[w.decode("utf-8", "surrogatepass")] for w in words)
    )
    yield b"".join(words)


@cache
def _english() -> dict[str, float]:
    import wordfreq

    frequencies: dict[str, float] = wordfreq.get_frequency_dict("en")
    return frequencies


@cache
def _saved_table() -> FrequencyTable | None:
    """The saved table, written first if there is none; None without a usable cache."""
    name = f"english-{key('wordfreq en')}.table"
    return Cache(default_folder()).mapped(name, lambda: table_bytes(_english()), FrequencyTable)


class _Lookups:
    count = 0
    # The words looked up in the table so far (at most ``BULK``), with their frequencies: a
    # search by halves takes a few microseconds, and questions ask for the same words again.
    seen: ClassVar[dict[str, float]] = {}


def frequency(word: str) -> float:
    """wordfreq's frequency of ``word`` in English (its "best" list), 0 when it lacks it."""
    if _english.cache_info().currsize or _Lookups.count > BULK:
        return _english().get(word, 0.0)
    seen = _Lookups.seen.get(word)
    if seen is not None:
        return seen
    _Lookups.count += 1
    table = _saved_table()
    if table is None:
        return _english().get(word, 0.0)
    found = _Lookups.seen[word] = table.get(word)
    return found

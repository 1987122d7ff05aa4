"""Other forms of an English word ("took": "take", "taken"...) and whether a word is one of
English's, from lemminflect's tables, looked up without loading them.

Loading lemminflect's lemma and inflection tables cost a process about a third of a second and
50 MiB (75 MiB with what the speller derived from them), for the few question words a corpus
lacks. What citebot reads of them is saved once per install in its cache folder
(``retrieval.cache``) as one table sorted by word, which is mapped into memory and searched
(``sorted_words``): every word of the lemma tables with its other forms (``other_forms``), and
every lemma of the inflection tables and each of its inflections, marked as English words
(``is_english_word``). Without a usable cache folder, lemminflect's tables are loaded as before.

The file: ``MAGIC``, the word count ``n`` (4 bytes), ``n + 1`` offsets of the words, then
``n + 1`` offsets of their values (4 bytes each, from the start of the words and of the values),
the words, UTF-8, sorted by their bytes, and the values: ``1`` for an English word (``0`` else),
then each other form after a newline.
"""

from __future__ import annotations

import mmap
import struct
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from retrieval.cache import Cache, default_folder, key
from retrieval.question.sorted_words import SortedWords

MAGIC = b"citebot-lemminflect-forms\n"
_HEADER = len(MAGIC) + 4
Forms = dict[str, tuple[str, ...]]  # Penn Treebank or universal tag -> spellings


@dataclass(frozen=True)
class _Tables:
    """lemminflect's lemma and inflection tables, each with its overrides, read in place.

    Its ``getAllLemmas`` and ``getAllInflections`` deep-copy a table entry on every call; the
    entries are only read here, with the same overrides applied on top.
    """

    lemma_table: dict[str, Forms]
    lemma_overrides: dict[str, Forms]
    inflection_table: dict[str, Forms]
    inflection_overrides: dict[str, Forms]

    def lemmas(self, word: str) -> Forms:
        """``getAllLemmas(word)`` for a lowercase word."""
        return {**self.lemma_table.get(word, {}), **self.lemma_overrides.get(word, {})}

    def inflections(self, lemma: str) -> Forms:
        """``getAllInflections(lemma)`` for a lowercase lemma."""
        return {**self.inflection_table.get(lemma, {}), **self.inflection_overrides.get(lemma, {})}


@cache
def _tables() -> _Tables:
    from lemminflect.core.Inflections import Inflections
    from lemminflect.core.Lemmatizer import Lemmatizer

    lemmatizer, inflections = Lemmatizer(), Inflections()
    return _Tables(
        lemmatizer._getLemmaDict(),
        lemmatizer._getOverridesDict(),
        inflections._getInflDict(),
        inflections._getOverridesDict(),
    )


def lemminflect_forms(word: str) -> list[str]:
    """``other_forms`` read from lemminflect's tables."""
    tables = _tables()
    forms: list[str] = []
    for lemmas in tables.lemmas(word).values():
        for lemma in lemmas:
            lemma = lemma.lower()
            forms.append(lemma)
            for spelled in tables.inflections(lemma).values():
                forms.extend(form.lower() for form in spelled)
    seen = {word}
    return [f for f in forms if not (f in seen or seen.add(f))]  # type: ignore[func-returns-value]


@cache
def lemminflect_words() -> frozenset[str]:
    """Every lowercase lemma of lemminflect's inflection tables, and its inflections."""
    tables = _tables()
    found: set[str] = set()
    for lemma in {*tables.inflection_table, *tables.inflection_overrides}:
        if lemma == lemma.lower():
            found.add(lemma)
            found.update(
                f.lower() for spelled in tables.inflections(lemma).values() for f in spelled
            )
    return frozenset(found)


class FormsTable:
    """A saved forms table, mapped into memory (see the module's docstring)."""

    def __init__(self, data: mmap.mmap | bytes) -> None:
        if data[: len(MAGIC)] != MAGIC or sys.byteorder != "little":
            raise ValueError("not a forms table")
        (count,) = struct.unpack_from("<I", data, len(MAGIC))
        words_at = _HEADER + 8 * (count + 1)
        if len(data) < words_at:
            raise ValueError("truncated forms table")
        view = memoryview(data)
        words = view[_HEADER : _HEADER + 4 * (count + 1)].cast("I")
        self._values = view[_HEADER + 4 * (count + 1) : words_at].cast("I")
        self._data = data
        self._values_at = words_at + words[count]
        if len(data) != self._values_at + self._values[count]:
            raise ValueError("truncated forms table")
        self._words = SortedWords(data, words_at, words)

    def get(self, word: str) -> tuple[bool, list[str]] | None:
        """Whether ``word`` is an English word, and its other forms; None when the table
        lacks it (no English word, and no other form)."""
        at = self._words.find(word.encode("utf-8", "surrogatepass"))
        if at < 0:
            return None
        start = self._values_at
        value = self._data[start + self._values[at] : start + self._values[at + 1]]
        forms = value.decode("utf-8", "surrogatepass").split("\n")
        return forms[0] == "1", forms[1:]


def table_bytes(entries: dict[str, tuple[bool, list[str]]]) -> Iterator[bytes]:
    """The file of a table holding ``entries`` (see the module's docstring)."""
    encoded = sorted(
        (word.encode("utf-8", "surrogatepass"), english, forms)
        for word, (english, forms) in entries.items()
    )
    values = [
        ("1" if english else "0").encode() + "".join("\n" + f for f in forms).encode()
        for _, english, forms in encoded
    ]
    yield MAGIC + struct.pack("<I", len(encoded))
    for pieces in ([word for word, _, _ in encoded], values):
        offsets = [0]
        for piece in pieces:
            offsets.append(offsets[-1] + len(piece))
        yield struct.pack(f"<{len(offsets)}I", *offsets)
    yield b"".join(word for word, _, _ in encoded)
    yield b"".join(values)


def lemminflect_entries() -> dict[str, tuple[bool, list[str]]]:
    """What the saved table holds, from lemminflect's tables: every word with other forms or
    an English word, with both. None of the forms holds a newline (the table's separator)."""
    tables = _tables()
    english = lemminflect_words()
    entries: dict[str, tuple[bool, list[str]]] = {w: (True, []) for w in english}
    for word in {*tables.lemma_table, *tables.lemma_overrides}:
        forms = lemminflect_forms(word)
        if forms or word in english:
            entries[word] = (word in english, forms)
    if any("\n" in w or any("\n" in f for f in forms) for w, (_, forms) in entries.items()):
        raise ValueError("a form holds a newline")
    return entries


@cache
def _saved_table() -> FormsTable | None:
    """The saved table, written first if there is none; None without a usable cache."""
    name = f"forms-{key('lemminflect forms')}.table"
    return Cache(default_folder()).mapped(
        name, lambda: table_bytes(lemminflect_entries()), FormsTable
    )


def prepare() -> None:
    """Write the saved table now if there is none, so that no question waits for it."""
    _saved_table()


# The words looked up so far, with what the table holds for them (None: nothing): a search
# by halves takes a few microseconds, and questions ask for the same words again.
_seen: dict[str, tuple[bool, list[str]] | None] = {}
MAX_SEEN = 100_000


def _entry(word: str) -> tuple[bool, list[str]] | None:
    """What the saved table holds for ``word``, remembered (see ``_seen``)."""
    if word in _seen:
        return _seen[word]
    table = _saved_table()
    assert table is not None
    found = table.get(word)
    if len(_seen) < MAX_SEEN:
        _seen[word] = found
    return found


def other_forms(word: str) -> list[str]:
    """The word's lemmas and their inflections (irregular ones included), without ``word``.

    ``word`` is lowercase; so are the forms.
    """
    if _saved_table() is None:
        return lemminflect_forms(word)
    found = _entry(word)
    return [] if found is None else list(found[1])


def is_english_word(word: str) -> bool:
    """Whether ``word`` is a word of English's dictionaries: a lemma of lemminflect's
    inflection tables or an inflection of one ("germ", "sod", "prod"), lowercase."""
    if _saved_table() is None:
        return word in lemminflect_words()
    found = _entry(word)
    return found is not None and found[0]

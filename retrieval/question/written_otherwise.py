"""A question word the corpus writes otherwise, read as the corpus writes it.

Three ways, each a heuristic of its own (``retrieval.heuristics``), tried in order:

* a compound typed closed as its two words, as if typed open ("lockfile" for "lock file",
  ``retrieval.question.compounds``);
* a shortened word as the word or words it stands for ("env", "venv",
  ``retrieval.question.clippings``);
* a word the corpus lacks, typed as the initials of a name it writes in full ("totp",
  ``retrieval.question.initialisms``).

A shortened word or an initialism together weighs and counts in BM25 what one word does. The
tables each reads (the corpus's term pairs, its names by their initials) are built on the first
question that needs them, or by ``prepare``.
"""

from __future__ import annotations

import threading

from retrieval.index.passages import Passages
from retrieval.question.clippings import expand_clipping
from retrieval.question.compounds import split_compound
from retrieval.question.initialisms import Initialisms, may_be_initials
from retrieval.question.term_pairs import TermPairs
from retrieval.question.weights import term_weight

TermRead = tuple[str, str, float, float]  # a term, the word shown, its weight, its BM25 share
# A reading as found: each term with the word it reads (weighed as) and the word shown, and
# the share of one word each weighs.
_Found = tuple[list[tuple[str, str, str]], float]
MAX_CACHED = 100_000  # the same words come again and again


class WrittenOtherwise:
    """Reads question words as one corpus writes them (see the module's docstring)."""

    def __init__(self, passages: Passages, off: frozenset[str] = frozenset()) -> None:
        self._passages = passages
        self._off = off  # heuristics switched off (retrieval.heuristics)
        self._term = passages.tokenizer.term
        self._lock = threading.Lock()  # asks run in threads; build each table once
        self._pairs: TermPairs | None = None
        self._initialisms: Initialisms | None = None
        # A word's reading, found once: it depends on the corpus only.
        self._found: dict[tuple[str, str], _Found] = {}

    def read(self, typed: str, word: str, confidence: float = 1.0) -> list[TermRead] | None:
        """The terms ``typed`` (``word`` as English spells it) stands for in the corpus, each
        with the word shown, its weight and its share in BM25; None for a word read as typed."""
        key = (typed, word)
        known = self._found.get(key)
        if known is None:
            known = self._reading(typed, word)
            if len(self._found) < MAX_CACHED:
                self._found[key] = known
        found, share = known
        if not found:
            return None
        index = self._passages.index
        read: list[TermRead] = []
        for found_term, read_as, shown in found:
            weight = term_weight(read_as, found_term, index)
            read.append((found_term, shown, confidence * weight * share, share))
        return read

    def _reading(self, typed: str, word: str) -> _Found:
        off, term = self._off, self._term
        bare = typed.removesuffix("'s")
        if "compounds" not in off:
            parts = split_compound(word, self.term_pairs(), term)
            if parts is not None:
                return [(t, piece, piece) for piece, t in parts], 1.0
        if "clippings" not in off:
            expanded = expand_clipping(bare, self.term_pairs(), term)
            if expanded:
                return [(t, word, typed) for t in expanded], 1 / len(expanded)
        if (
            "initialisms" not in off
            and may_be_initials(bare)  # before the table is built, for any unknown word
            and term(word) not in self._passages.index.vocabulary
        ):
            name = self._initialisms_of_corpus().name_for(bare)
            words = self._name_terms(name) if name is not None else []
            if words:
                return [(t, read_as, typed) for t, read_as in words], 1 / len(words)
        return [], 1.0

    def _name_terms(self, name: str) -> list[tuple[str, str]]:
        """The terms of a name's words the corpus holds, each with its word."""
        vocabulary = self._passages.index.vocabulary
        return [
            (token.term, name[token.start : token.end].casefold())
            for token in self._passages.tokenizer.tokens(name)
            if token.term in vocabulary
        ]

    def term_pairs(self) -> TermPairs:
        """The corpus's terms and adjacent term pairs (``retrieval.question.term_pairs``)."""
        if self._pairs is not None:
            return self._pairs
        with self._lock:
            if self._pairs is None:
                index = self._passages.index
                assert index.sequence is not None
                self._pairs = TermPairs(index.vocabulary, index.sequence)
            return self._pairs

    def _initialisms_of_corpus(self) -> Initialisms:
        if self._initialisms is not None:
            return self._initialisms
        with self._lock:
            if self._initialisms is None:
                self._initialisms = Initialisms(self._passages.searchable_texts())
            return self._initialisms

    def prepare(self) -> None:
        """Build the tables now, so that a server's first question is as fast as its hundredth."""
        self.term_pairs()
        if "initialisms" not in self._off:
            self._initialisms_of_corpus()

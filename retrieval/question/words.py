"""One question word in the corpus's terms: as typed, as the corpus writes it otherwise
(``retrieval.question.written_otherwise``), or respelled (``retrieval.question.spelling``),
each with its weight (``retrieval.question.weights``).

A word's reading depends on the corpus alone: each way of reading it keeps what it found
(``WrittenOtherwise``, ``Speller``, ``weights.zipf``), and the speller is built from the
corpus's own words, never from the questions, so that no answer depends on earlier ones.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from retrieval.corpus.text import normalize
from retrieval.index.passages import Passages
from retrieval.question import forms
from retrieval.question.spelling import Speller
from retrieval.question.term_pairs import TermPairs
from retrieval.question.weights import english_weight, term_weight
from retrieval.question.written_otherwise import TermRead, WrittenOtherwise


@dataclass(frozen=True, slots=True)
class WordReading:
    """The terms one word stands for, each with the word shown, its weight and its share of
    one word in BM25. ``as_typed``: the one term is the word's own (not another form's)."""

    terms: tuple[TermRead, ...]
    as_typed: bool


class WordReader:
    """Reads question words against one corpus's passages (see the module's docstring)."""

    def __init__(self, passages: Passages, off: frozenset[str] = frozenset()) -> None:
        self._passages = passages
        self._off = off  # heuristics switched off (retrieval.heuristics)
        self._tokenizer = passages.tokenizer
        self._otherwise = WrittenOtherwise(passages, off)
        self._speller: Speller | None = None  # built on the first unknown word, or prepare()
        self._speller_lock = threading.Lock()  # asks run in threads; build it once

    def read(self, typed: str, term: str) -> WordReading:
        """The reading of ``typed``, a word of a question the tokenizer reads as ``term``."""
        word = spelled(typed)
        read = self._otherwise.read(typed, word)
        confidence = 1.0
        if read is None and "speller" not in self._off and not self.is_known(term):
            found = self._speller_for_corpus().respell(word)
            if found is not None:
                term, word, confidence = found.term, found.word, found.confidence
                if typed.islower():  # misspelt and shortened: "virtaulenvs"
                    read = self._otherwise.read(word, word, confidence)
        if read is not None:  # a compound typed closed, or a shortened word
            return WordReading(tuple(read), as_typed=False)
        return WordReading(((term, typed, self.weight(term, word, confidence), 1.0),), True)

    def weight(self, term: str, word: str, confidence: float = 1.0) -> float:
        """How much ``term`` (of ``word`` as English spells it) weighs in a question."""
        return confidence * term_weight(word, term, self._passages.index)

    def term_pairs(self) -> TermPairs:
        """The corpus's terms and adjacent term pairs, which join a compound typed open."""
        return self._otherwise.term_pairs()

    def is_known(self, term: str) -> bool:
        """Whether the corpus holds ``term``: in a paragraph, a card, or as a dotted name."""
        passages = self._passages
        return (
            term in passages.index.vocabulary
            or term in passages.card_index.vocabulary
            or "." in term
        )

    def prepare(self) -> None:
        """Build now what the first unknown word would otherwise build (the speller), and load
        what the first question would (English word frequencies, the corpus's term pairs)."""
        english_weight("the")
        forms.prepare()
        self._speller_for_corpus().prepare()
        self._otherwise.prepare()

    @property
    def is_prepared(self) -> bool:
        """Whether the speller is built with its words by sound (``prepare``)."""
        return self._speller is not None and self._speller.is_prepared

    def _speller_for_corpus(self) -> Speller:
        """The speller, built once, from the corpus's own words: never from what questions
        brought into the tokenizer's cache, so that no answer depends on earlier ones."""
        if self._speller is not None:  # built: no lock needed to read it
            return self._speller
        with self._speller_lock:
            if self._speller is None:
                passages = self._passages
                saved = passages.saved.load("speller") if passages.saved else None
                if isinstance(saved, Speller):
                    self._speller = saved.reading_with(self._tokenizer.term)
                    return self._speller
                words = self._tokenizer.spellings_in(passages.searchable_texts())
                vocabulary = passages.index.vocabulary
                self._speller = Speller(
                    [(w, t) for w, t in words.items() if t in vocabulary], self._tokenizer.term
                )
                if passages.saved:  # the next process loads it (``retrieval.index.saved``)
                    passages.saved.save("speller", self._speller)
            return self._speller


def spelled(typed: str) -> str:
    """A question word as English spells it: normalised, lowercase, without a possessive."""
    return normalize(typed).casefold().removesuffix("'s")

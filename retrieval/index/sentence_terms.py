"""Every paragraph's terms, sentence by sentence, kept from the index build as term ids.

Reordering BM25's best paragraphs (``retrieval.search.rerank``) reads the terms of each of their
sentences, for every question. Tokenising those paragraphs when asked took several times as
long as BM25 itself whenever they were not cached; kept from the build, a paragraph's sentences
are an array slice and a list lookup away, for four bytes per term and per sentence
(``python -m bench speed`` measures both).
"""

from __future__ import annotations

from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence

import numpy as np
import numpy.typing as npt

from retrieval.corpus.sentences import sentence_spans
from retrieval.corpus.text import fold_punctuation
from retrieval.index.tokenize import Tokenizer, find_surfaces

MAX_KNOWN = 1_000_000  # surfaces remembered in one build, as many as the tokenizer's cache


class SentenceRecorder:
    """Tokenises paragraphs a sentence at a time for the build, straight into term ids, noting
    each sentence's length.

    A paragraph's ids are its whole text's terms, in order: tokens never cross a sentence
    boundary, so they are what tokenising the paragraph at once gives. Ids are given in the
    order terms are first seen, as ``BM25Index`` gives them. A surface seen before is one
    lookup away from its id: its term, and that term's id, are found once per build.
    """

    def __init__(self, tokenizer: Tokenizer) -> None:
        self._tokenizer = tokenizer
        # A new term's id is the vocabulary's size when first seen (as in ``BM25Index``).
        vocabulary: defaultdict[str, int] = defaultdict()
        vocabulary.default_factory = vocabulary.__len__
        self.vocabulary: dict[str, int] = vocabulary
        self._term_id = vocabulary.__getitem__
        # Surface -> its term's id + 1, or 0 for a stop word: a surface that gives one term or
        # none (an identifier, which also gives its parts, is read each time it is seen).
        self._known = _Known(self._learn_one)
        self.term_ids = array("q")  # every paragraph's, in order, each id + 1 (``ids``)
        self.paragraph_lengths = array("q")  # per paragraph, in terms
        self.sentence_counts = array("I")  # per paragraph
        self.sentence_lengths = array("I")  # per sentence, in terms
        self.hidden_counts = array("I")  # per paragraph: its last terms, BM25's alone

    def record(
        self,
        text: str,
        extra: Sequence[str] = (),
        inserted: Sequence[tuple[int, Sequence[str]]] = (),
        hidden: Sequence[str] = (),
    ) -> None:
        """Record ``text``'s terms, then ``extra`` (searchable with the first sentence, if
        any); ``inserted`` gives terms read as if written at an offset of ``text`` (at a word's
        start), in order of offset; ``hidden`` terms come last, for BM25 alone: no sentence
        holds them."""
        ids, of_terms = self.term_ids, self._of_terms
        folded = fold_punctuation(text)  # one character for one: the offsets hold
        spans = sentence_spans(text)
        before = len(ids)
        next_insert = 0
        for start, end in spans:
            sentence_start = len(ids)
            while next_insert < len(inserted) and inserted[next_insert][0] < end:
                offset, words = inserted[next_insert]
                next_insert += 1
                self._add(folded[start:offset])
                ids.extend(of_terms(words))
                start = max(start, offset)
            self._add(folded[start:end])
            self.sentence_lengths.append(len(ids) - sentence_start)
        self.sentence_counts.append(len(spans))
        ids.extend(of_terms(extra))
        ids.extend(of_terms(hidden))
        self.hidden_counts.append(len(hidden))
        self.paragraph_lengths.append(len(ids) - before)

    def ids(self) -> npt.NDArray[np.int64]:
        """Every recorded term id, in order (read once the recording is done)."""
        ids = np.frombuffer(self.term_ids, dtype=np.int64)
        ids -= 1
        return ids

    def _add(self, folded: str) -> None:
        """The ids of the terms of a folded piece of text, as ``Tokenizer.tokenize`` reads
        it (``surfaces``, then each surface's terms)."""
        surfaces = find_surfaces(folded)
        try:  # a surface not seen before is learnt when looked up (``_Known``)
            found = list(filter(None, map(self._known.__getitem__, surfaces)))
        except _HasParts:  # an identifier: every surface's ids, one at a time
            found = []
            for surface in surfaces:
                known = self._known.get(surface)
                if known is None:
                    found.extend(self._learn(surface))
                elif known:
                    found.append(known)
        self.term_ids.fromlist(found)

    def _learn(self, surface: str) -> list[int]:
        """A surface's term ids + 1, remembered when it gives one term or none."""
        ids = self._of_terms(self._tokenizer.surface_terms(surface))
        if not self._tokenizer.has_parts(surface) and len(self._known) < MAX_KNOWN:
            self._known[surface] = ids[0] if ids else 0
        return ids

    def _learn_one(self, surface: str) -> int:
        """``_learn`` for a surface that gives one term or none: its id + 1, or 0 (an
        identifier is known to have parts once its term is read)."""
        tokenizer = self._tokenizer
        term = tokenizer.surface_term(surface)
        if tokenizer.has_parts(surface):
            raise _HasParts
        known = self._term_id(term) + 1 if term else 0
        if len(self._known) < MAX_KNOWN:
            self._known[surface] = known
        return known

    def _of_terms(self, terms: Iterable[str]) -> list[int]:
        term_id = self._term_id
        return [term_id(term) + 1 for term in terms]


class _HasParts(Exception):
    """A surface read as an identifier, which gives its parts' terms too."""


class _Known(dict[str, int]):
    """Surface -> its term's id + 1 (0 for a stop word); a surface not seen yet is learnt
    when looked up, so that a piece of text is one ``map`` away from its ids."""

    def __init__(self, learn: Callable[[str], int]) -> None:
        super().__init__()
        self._learn = learn

    def __missing__(self, surface: str) -> int:
        return self._learn(surface)


class SentenceTerms:
    """The sentences' terms of the paragraphs a ``SentenceRecorder`` saw, by paragraph index."""

    def __init__(
        self,
        recorder: SentenceRecorder,
        vocabulary: Mapping[str, int],
        sequence: npt.NDArray[np.int32],
        paragraph_lengths: npt.NDArray[np.int64],
    ) -> None:
        """``sequence``: every paragraph's term ids in order, ``paragraph_lengths`` long each."""
        self._words = list(vocabulary)  # ids are given in first-seen order
        self._sequence = sequence
        self._term_start = np.concatenate(([0], np.cumsum(paragraph_lengths)))
        counts = np.frombuffer(recorder.sentence_counts, dtype=np.uint32)
        self._sentence_start = np.concatenate(([0], np.cumsum(counts, dtype=np.int64)))
        self._lengths = recorder.sentence_lengths
        self._hidden = recorder.hidden_counts

    def __len__(self) -> int:
        return len(self._term_start) - 1

    def sentences(self, index: int) -> list[list[str]]:
        """Each sentence's terms; a non-body paragraph's role is searched with its first."""
        words = self._words
        return [[words[i] for i in ids] for ids in self.sentence_ids(index, hidden=True)]

    def hidden_ids(self, index: int) -> list[int]:
        """The hidden terms of a paragraph (``SentenceRecorder.terms``: its headings' words)
        as vocabulary ids."""
        end = int(self._term_start[index + 1])
        ids: list[int] = self._sequence[end - self._hidden[index] : end].tolist()
        return ids

    def sentence_ids(self, index: int, *, hidden: bool = False) -> list[list[int]]:
        """``sentences`` as vocabulary ids: comparing them touches no string. The hidden
        terms (``SentenceRecorder.terms``) go with the first sentence only if ``hidden``."""
        end = int(self._term_start[index + 1]) - (0 if hidden else self._hidden[index])
        ids = self._sequence[self._term_start[index] : end].tolist()
        found: list[list[int]] = []
        position = 0
        for length in self._lengths[self._sentence_start[index] : self._sentence_start[index + 1]]:
            found.append(ids[position : position + length])
            position += length
        if found and position < len(ids):
            found[0].extend(ids[position:])
        return found

"""Every paragraph's terms, sentence by sentence, kept from the index build as term ids.

Reordering BM25's best paragraphs (``retrieval.search.rerank``) reads the terms of each of their
sentences, for every question. Tokenising those paragraphs when asked took several times as
long as BM25 itself whenever they were not cached; kept from the build, a paragraph's sentences
are an array slice and a list lookup away, for four bytes per term and per sentence
(``python -m bench speed`` measures both).
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Mapping, Sequence

import numpy as np
import numpy.typing as npt

from retrieval.corpus.sentences import sentence_spans


class SentenceRecorder:
    """Tokenises paragraphs a sentence at a time for the build, noting each sentence's length.

    The terms it returns are the whole paragraph's, in order: tokens never cross a sentence
    boundary, so they are what tokenising the paragraph at once gives.
    """

    def __init__(self, tokenize: Callable[[str], list[str]]) -> None:
        self._tokenize = tokenize
        self.sentence_counts = array("I")  # per paragraph
        self.sentence_lengths = array("I")  # per sentence, in terms
        self.hidden_counts = array("I")  # per paragraph: its last terms, BM25's alone

    def terms(
        self,
        text: str,
        extra: Sequence[str] = (),
        inserted: Sequence[tuple[int, Sequence[str]]] = (),
        hidden: Sequence[str] = (),
    ) -> list[str]:
        """``text``'s terms, then ``extra`` (searchable with the first sentence, if any);
        ``inserted`` gives terms read as if written at an offset of ``text`` (at a word's
        start), in order of offset; ``hidden`` terms come last, for BM25 alone: no sentence
        holds them."""
        terms: list[str] = []
        spans = sentence_spans(text)
        next_insert = 0
        for start, end in spans:
            sentence: list[str] = []
            while next_insert < len(inserted) and inserted[next_insert][0] < end:
                offset, words = inserted[next_insert]
                next_insert += 1
                sentence.extend(self._tokenize(text[start:offset]))
                sentence.extend(words)
                start = max(start, offset)
            sentence.extend(self._tokenize(text[start:end]))
            self.sentence_lengths.append(len(sentence))
            terms.extend(sentence)
        self.sentence_counts.append(len(spans))
        terms.extend(extra)
        terms.extend(hidden)
        self.hidden_counts.append(len(hidden))
        return terms


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

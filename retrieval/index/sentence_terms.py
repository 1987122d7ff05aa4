"""Every paragraph's terms, sentence by sentence, kept from the index build as term ids.

Reordering BM25's best paragraphs (``retrieval.search.rerank``) reads the terms of each of their
sentences, for every question. Tokenising those paragraphs when asked took several times as
long as BM25 itself whenever they were not cached; kept from the build, a paragraph's sentences
are an array slice and a list lookup away, for four bytes per term and per sentence
(``python -m bench speed`` measures both).
"""

from __future__ import annotations

from array import array
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from retrieval.corpus.sentences import sentence_spans
from retrieval.corpus.text import fold_punctuation
from retrieval.index.tokenize import Tokenizer
from retrieval.index.word_codes import WordCodes, spaced

# Among the codes recorded (``retrieval.index.word_codes``): the end of a sentence, and the end
# of a paragraph.
_SENTENCE_END = -1
_PARAGRAPH_END = -2
# Put between a paragraph's sentences, as a word of its own that reads as ``_SENTENCE_END``. A
# text that holds it is read a sentence at a time (a corpus's files never do: the loader refuses
# a NUL byte).
_MARK = "\x00"


class SentenceRecorder:
    """Tokenises paragraphs for the build, straight into term ids, noting where each sentence
    ends.

    A paragraph is read as its words (``retrieval.index.word_codes``), its sentences' words
    with a mark between them: its ids are its whole text's terms, in order, for tokens never
    cross a sentence boundary. Words of several terms, and the ends of sentences and
    paragraphs, are read once at the end, for all paragraphs at once (``finish``).
    """

    def __init__(self, tokenizer: Tokenizer) -> None:
        self._tokenizer = tokenizer
        self._words = WordCodes(tokenizer, {_MARK: _SENTENCE_END})
        self.vocabulary = self._words.vocabulary
        # Every paragraph's codes in order, each sentence followed by ``_SENTENCE_END`` and
        # each paragraph by ``_PARAGRAPH_END``.
        self._codes = array("i")
        self._hidden_counts = array("I")  # per paragraph: its headings' terms, before ...
        self._title_counts = array("I")  # ... its title's, last: BM25's alone

    def record(
        self,
        text: str,
        extra: Sequence[str] = (),
        hidden: Sequence[str] = (),
        title: Sequence[str] = (),
    ) -> None:
        """Record ``text``'s terms, then ``extra`` (searchable with the first sentence, if
        any); ``hidden`` terms (its headings') come after, held by no sentence of its own;
        ``title`` terms last, for BM25 alone."""
        codes, of_terms = self._codes, self._words.of_terms
        folded = fold_punctuation(text)  # one character for one: the offsets hold
        spans = sentence_spans(text)
        if _MARK in folded:
            self._record_sentences(folded, spans)
        elif spans:
            if spans == [(0, len(folded))]:  # one sentence, the whole text
                words = spaced(folded).split()
            else:
                marked = f" {_MARK} ".join([folded[start:end] for start, end in spans])
                words = spaced(marked).split()
            words.append(_MARK)
            codes.fromlist(self._words.of_words(words))
        if extra or hidden or title:
            codes.fromlist(of_terms([*extra, *hidden, *title]))
        codes.append(_PARAGRAPH_END)
        self._hidden_counts.append(len(hidden))
        self._title_counts.append(len(title))

    def _record_sentences(self, folded: str, spans: Sequence[tuple[int, int]]) -> None:
        """``record``'s sentences tokenised one at a time, for a text holding the mark."""
        codes, of_terms, tokenize = self._codes, self._words.of_terms, self._tokenizer.tokenize
        for start, end in spans:
            codes.fromlist(of_terms(tokenize(folded[start:end])))
            codes.append(_SENTENCE_END)

    def finish(self) -> Recorded:
        """What was recorded, read: every id in order, and the lengths. The recorder is
        emptied (its codes would otherwise stay for as long as it does)."""
        recorded, self._codes = self._codes, array("i")
        codes = self._words.spread(np.frombuffer(recorded, dtype=np.int32))
        del recorded
        marks = np.flatnonzero(codes < 0)
        ends_sentence = codes[marks] == _SENTENCE_END
        before = marks - np.arange(len(marks))  # the terms recorded before each mark
        since = np.diff(before, prepend=0)  # ... and since the mark before it
        ends_paragraph = ~ends_sentence
        sentences = np.cumsum(ends_sentence)[ends_paragraph]
        ids = codes[codes > 0]
        ids -= 1
        return Recorded(
            ids,
            np.diff(before[ends_paragraph], prepend=0),
            np.diff(sentences, prepend=0),
            array("I", since[ends_sentence].astype(np.uint32).tobytes()),
            array("I", self._hidden_counts),
            array("I", self._title_counts),
        )


@dataclass(frozen=True)
class Recorded:
    """What a ``SentenceRecorder`` recorded: every paragraph's term ids in order (``ids``), and
    per paragraph its length in terms, its sentences, its hidden terms and its title's terms;
    per sentence, its length in terms."""

    ids: npt.NDArray[np.int32]
    paragraph_lengths: npt.NDArray[np.int64]
    sentence_counts: npt.NDArray[np.int64]
    sentence_lengths: array[int]
    hidden_counts: array[int]
    title_counts: array[int]


class SentenceTerms:
    """The sentences' terms of the paragraphs a ``SentenceRecorder`` saw, by paragraph index."""

    def __init__(
        self,
        recorded: Recorded,
        vocabulary: Mapping[str, int],
        sequence: npt.NDArray[np.int32],
        paragraph_lengths: npt.NDArray[np.int64],
    ) -> None:
        """``sequence``: every paragraph's term ids in order, ``paragraph_lengths`` long each."""
        self._words = list(vocabulary)  # ids are given in first-seen order
        self._sequence = sequence
        self._term_start = np.concatenate(([0], np.cumsum(paragraph_lengths)))
        counts = recorded.sentence_counts
        self._sentence_start = np.concatenate(([0], np.cumsum(counts, dtype=np.int64)))
        self._lengths = recorded.sentence_lengths
        self._hidden = recorded.hidden_counts
        self._title = recorded.title_counts

    def __len__(self) -> int:
        return len(self._term_start) - 1

    def sentences(self, index: int, *, hidden: bool = True) -> list[list[str]]:
        """Each sentence's terms; a non-body paragraph's role is searched with its first, and
        its headings' words (``hidden``) go with its first too unless ``hidden`` is False."""
        words = self._words
        return [[words[i] for i in ids] for ids in self.sentence_ids(index, hidden=hidden)]

    def hidden_ids(self, index: int) -> list[int]:
        """The hidden terms of a paragraph (``SentenceRecorder.record``'s ``hidden``: its
        headings' words) as vocabulary ids."""
        count = self._hidden[index]
        if not count:  # most paragraphs: no headings above them
            return []
        end = int(self._term_start[index + 1]) - self._title[index]
        ids: list[int] = self._sequence[end - count : end].tolist()
        return ids

    def sentence_ids(self, index: int, *, hidden: bool = False) -> list[list[int]]:
        """``sentences`` as vocabulary ids: comparing them touches no string. The hidden
        terms (``hidden_ids``) go with the first sentence only if ``hidden``; the title's,
        never."""
        end = int(self._term_start[index + 1]) - self._title[index]
        if not hidden:
            end -= self._hidden[index]
        ids = self._sequence[self._term_start[index] : end].tolist()
        found: list[list[int]] = []
        position = 0
        for length in self._lengths[self._sentence_start[index] : self._sentence_start[index + 1]]:
            found.append(ids[position : position + length])
            position += length
        if found and position < len(ids):
            found[0].extend(ids[position:])
        return found

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
from dataclasses import dataclass
from itertools import chain

import numpy as np
import numpy.typing as npt

from retrieval.corpus.sentences import sentence_spans
from retrieval.corpus.text import fold_punctuation
from retrieval.index.tokenize import Tokenizer, find_surfaces

MAX_KNOWN = 1_000_000  # words remembered in one build, as many as the tokenizer's cache
# The codes recorded: a term's id + 1 (a word of one term, or a term given), 0 for a word of no
# term, these two marks, and ``_MANY - k`` for the ``k``-th word of several terms.
_SENTENCE_END = -1
_PARAGRAPH_END = -2
_MANY = -3
# Put between a paragraph's sentences, as a word of its own that reads as ``_SENTENCE_END``. A
# text that holds it is read a sentence at a time (a corpus's files never do: the loader refuses
# a NUL byte).
_MARK = "\x00"


class SentenceRecorder:
    """Tokenises paragraphs for the build, straight into term ids, noting where each sentence
    ends.

    No term's surface holds white space (``Tokenizer``), so a text's terms are those of its
    words split at white space, one after the other: a word seen before is one lookup away from
    its code, and a paragraph's codes are one ``split`` and one ``map`` away. A paragraph's ids
    are its whole text's terms, in order: tokens never cross a sentence boundary, so they are
    what tokenising the paragraph at once gives. Ids are given in the order terms are first
    seen, as ``BM25Index`` gives them. Words of several terms, and the ends of sentences and
    paragraphs, are read once at the end, for all paragraphs at once (``finish``).
    """

    def __init__(self, tokenizer: Tokenizer) -> None:
        self._tokenizer = tokenizer
        # A new term's id is the vocabulary's size when first seen (as in ``BM25Index``).
        vocabulary: defaultdict[str, int] = defaultdict()
        vocabulary.default_factory = vocabulary.__len__
        self.vocabulary: dict[str, int] = vocabulary
        self._term_id = vocabulary.__getitem__
        # Word (text between white space) -> its code; learnt when first looked up.
        self._words = _Words(self._learn)
        self._words[_MARK] = _SENTENCE_END
        self._many: list[list[int]] = []  # the terms' ids + 1 of each word of several
        # Every paragraph's codes in order, each sentence followed by ``_SENTENCE_END`` and
        # each paragraph by ``_PARAGRAPH_END``.
        self._codes = array("i")
        self._hidden_counts = array("I")  # per paragraph: its last terms, BM25's alone

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
        codes = self._codes
        folded = fold_punctuation(text)  # one character for one: the offsets hold
        spans = sentence_spans(text)
        if inserted or _MARK in folded:
            self._record_pieces(folded, spans, inserted)
        elif spans:
            marked = f" {_MARK} ".join([folded[start:end] for start, end in spans])
            codes.fromlist(list(map(self._words.__getitem__, f"{marked} {_MARK}".split())))
        codes.fromlist(self._of_terms(extra))
        codes.fromlist(self._of_terms(hidden))
        codes.append(_PARAGRAPH_END)
        self._hidden_counts.append(len(hidden))

    def _record_pieces(
        self,
        folded: str,
        spans: Sequence[tuple[int, int]],
        inserted: Sequence[tuple[int, Sequence[str]]],
    ) -> None:
        """``record``'s sentences one at a time, cut where terms are inserted."""
        codes, of_terms, tokenize = self._codes, self._of_terms, self._tokenizer.tokenize
        next_insert = 0
        for start, end in spans:
            while next_insert < len(inserted) and inserted[next_insert][0] < end:
                offset, words = inserted[next_insert]
                next_insert += 1
                codes.fromlist(of_terms(tokenize(folded[start:offset])))
                codes.fromlist(of_terms(words))
                start = max(start, offset)
            codes.fromlist(of_terms(tokenize(folded[start:end])))
            codes.append(_SENTENCE_END)

    def finish(self) -> Recorded:
        """What was recorded, read: every id in order, and the lengths. The recorder is
        emptied (its codes would otherwise stay for as long as it does)."""
        recorded, self._codes = self._codes, array("i")
        codes = _spread(np.frombuffer(recorded, dtype=np.int32), self._many)
        del recorded
        marks = np.flatnonzero(codes < 0)
        ends_sentence = codes[marks] == _SENTENCE_END
        before = marks - np.arange(len(marks))  # the terms recorded before each mark
        since = np.diff(before, prepend=0)  # ... and since the mark before it
        ends_paragraph = ~ends_sentence
        sentences = np.cumsum(ends_sentence)[ends_paragraph]
        ids = codes[codes > 0].astype(np.int64)
        ids -= 1
        return Recorded(
            ids,
            np.diff(before[ends_paragraph], prepend=0),
            np.diff(sentences, prepend=0),
            array("I", since[ends_sentence].astype(np.uint32).tobytes()),
            array("I", self._hidden_counts),
        )

    def _learn(self, word: str) -> int:
        """A word's code (its terms as ``Tokenizer.tokenize`` reads them), remembered."""
        terms = self._tokenizer.surface_terms
        ids = self._of_terms(term for surface in find_surfaces(word) for term in terms(surface))
        if len(ids) > 1:
            code = _MANY - len(self._many)
            self._many.append(ids)
        else:
            code = ids[0] if ids else 0
        if len(self._words) < MAX_KNOWN:
            self._words[word] = code
        return code

    def _of_terms(self, terms: Iterable[str]) -> list[int]:
        term_id = self._term_id
        return [term_id(term) + 1 for term in terms]


def _spread(codes: npt.NDArray[np.int32], many: Sequence[Sequence[int]]) -> npt.NDArray[np.int32]:
    """``codes`` with each word of several terms replaced by its terms' ids + 1 (``many``), and
    the words of none left out."""
    codes = codes[codes != 0]
    at = np.flatnonzero(codes <= _MANY)
    if not len(at):
        return codes
    sizes = np.fromiter(map(len, many), dtype=np.int64, count=len(many))
    table = np.fromiter(chain.from_iterable(many), dtype=np.int32, count=int(sizes.sum()))
    first = np.cumsum(sizes) - sizes  # where each word's ids start in ``table``
    which = _MANY - codes[at]
    codes[at] = table[first[which]]
    # Every id but the first, inserted after the word, in order.
    rest = sizes[which] - 1
    within = np.arange(int(rest.sum())) - np.repeat(np.cumsum(rest) - rest, rest)
    taken = table[np.repeat(first[which] + 1, rest) + within]
    spread: npt.NDArray[np.int32] = np.insert(codes, np.repeat(at + 1, rest), taken)
    return spread


class _Words(dict[str, int]):
    """Word -> its code; a word not seen yet is learnt when looked up, so that a paragraph's
    words are one ``map`` away from their codes."""

    def __init__(self, learn: Callable[[str], int]) -> None:
        super().__init__()
        self._learn = learn

    def __missing__(self, word: str) -> int:
        return self._learn(word)


@dataclass(frozen=True)
class Recorded:
    """What a ``SentenceRecorder`` recorded: every paragraph's term ids in order (``ids``), and
    per paragraph its length in terms, its sentences and its hidden terms; per sentence, its
    length in terms."""

    ids: npt.NDArray[np.int64]
    paragraph_lengths: npt.NDArray[np.int64]
    sentence_counts: npt.NDArray[np.int64]
    sentence_lengths: array[int]
    hidden_counts: array[int]


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

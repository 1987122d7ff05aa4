"""Words, as split at white space, read as term ids: what the index build does for each word.

No term's surface holds white space (``retrieval.index.tokenize``), so a text's terms are those
of its words, one after the other. A word is read once a build, into one code: the id of its
one term + 1, 0 for a word of none (a stop word, a dash), or a number standing for the ids of a
word of several ("state-of-the-art", an identifier with its parts), spread out for all words
at once in the end (``spread``). A text's codes are then one ``split`` and one ``map`` away,
and a new word is mostly one surface seen before ("Kim", "Kim's", "(Kim").
Ids are given in the order terms are first seen, as ``BM25Index`` gives them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from itertools import chain

import numpy as np
import numpy.typing as npt

from retrieval.index.tokenize import Tokenizer, find_surfaces

MAX_KNOWN = 1_000_000  # words remembered in one build, as many as the tokenizer's cache
MANY = -3  # the code of the first word of several terms; the next is ``MANY - 1``, and so on

Codes = npt.NDArray[np.int32]

# ASCII punctuation that no surface holds, and that reads as white space does: no word
# character, nor "'", ".", "-" (which abbreviations, words and options hold).
_SPACE_LIKE = '!"#$%&()*+,/:;<=>?@[\\]^`{|}~'
_SPACE_OR_STOP = _SPACE_LIKE + "."


def spaced(text: str) -> str:
    """``text`` with its commonest punctuation that reads as white space made white space: the
    same surfaces, in fewer different words ("Kim," and '"Kim' are "Kim")."""
    for character in ',"()':
        if character in text:
            text = text.replace(character, " ")
    return text


def word_surfaces(word: str) -> Sequence[str]:
    """``find_surfaces`` of a word without white space, shaped as most are ("Kim", "(Kim),",
    "1990s.", "state-of-the-art") read without the regular expression: once such punctuation
    is taken off its ends (and stops off its end), letters and digits are one surface, and
    parts of them between single hyphens one each."""
    if "+" in word or "#" in word:  # "C++", "C#" are terms with their marks
        return find_surfaces(word)
    body = word.strip(_SPACE_LIKE).rstrip(_SPACE_OR_STOP)
    if body.isascii():
        if body.isalnum():
            return (body,)
        parts = body.split("-")
        if len(parts) > 1 and all(part.isalnum() for part in parts):
            return parts
    return find_surfaces(word)


class WordCodes:
    """Codes of words for one build, with the vocabulary of the terms they hold."""

    def __init__(self, tokenizer: Tokenizer, marks: dict[str, int]) -> None:
        """``marks``: words that are no text, with their codes (below 0, above ``MANY``)."""
        self._tokenizer = tokenizer
        # A new term's id is the vocabulary's size when first seen (as in ``BM25Index``).
        vocabulary: defaultdict[str, int] = defaultdict()
        vocabulary.default_factory = vocabulary.__len__
        self.vocabulary: dict[str, int] = vocabulary
        self._term_id = vocabulary.__getitem__
        self._words = _Words(self._learn)
        self._words.update(marks)
        self._surfaces: dict[str, int] = {}  # surface (``word_surfaces``) -> its code
        self._many: list[list[int]] = []  # the terms' ids + 1 of each word of several

    def of_words(self, words: list[str]) -> list[int]:
        """The words' codes, in order (a new word is learnt when first looked up)."""
        return list(map(self._words.__getitem__, words))

    def of_terms(self, terms: Iterable[str]) -> list[int]:
        """The codes of terms given one by one (a word of one term each)."""
        term_id = self._term_id
        return [term_id(term) + 1 for term in terms]

    def spread(self, codes: Codes) -> Codes:
        """``codes`` with each word of several terms replaced by its terms' codes, and the
        words of none left out."""
        codes = codes[codes != 0]
        at = np.flatnonzero(codes <= MANY)
        if not len(at):
            return codes
        many = self._many
        sizes = np.fromiter(map(len, many), dtype=np.int64, count=len(many))
        table = np.fromiter(chain.from_iterable(many), dtype=np.int32, count=int(sizes.sum()))
        first = np.cumsum(sizes) - sizes  # where each word's codes start in ``table``
        which = MANY - codes[at]
        codes[at] = table[first[which]]
        # Every code but the first, inserted after the word, in order.
        rest = sizes[which] - 1
        within = np.arange(int(rest.sum())) - np.repeat(np.cumsum(rest) - rest, rest)
        taken = table[np.repeat(first[which] + 1, rest) + within]
        spread: Codes = np.insert(codes, np.repeat(at + 1, rest), taken)
        return spread

    def _learn(self, word: str) -> int:
        """A new word's code, remembered. Most words are one surface, many of them seen in
        another word already ("Kim", "Kim's", "(Kim")."""
        surfaces = (word,) if word.isascii() and word.isalnum() else word_surfaces(word)
        if len(surfaces) == 1:
            code = self._surfaces.get(surfaces[0])
            if code is None:
                code = self._learn_surface(surfaces[0])
        else:
            code = self._code([i for s in surfaces for i in self._codes_of(s)])
        if len(self._words) < MAX_KNOWN:
            self._words[word] = code
        return code

    def _learn_surface(self, surface: str) -> int:
        """A surface's code: its term's, or an identifier's terms' with its parts."""
        tokenizer = self._tokenizer
        if surface.isascii() and surface.isalnum():  # letters and digits: the short way
            term = tokenizer.plain_term(surface)
        else:
            term = tokenizer.surface_term(surface)  # first: it reads an identifier's parts
            term = None if tokenizer.has_parts(surface) else term
        if term is None:
            code = self._code(self.of_terms(tokenizer.surface_terms(surface)))
        else:  # one term or none, as most surfaces are
            code = self._term_id(term) + 1 if term else 0
        if len(self._surfaces) < MAX_KNOWN:
            self._surfaces[surface] = code
        return code

    def _code(self, codes: list[int]) -> int:
        """The code of a word whose terms' codes are ``codes``."""
        if len(codes) == 1:
            return codes[0]
        if not codes:
            return 0
        self._many.append(codes)
        return MANY - (len(self._many) - 1)

    def _codes_of(self, surface: str) -> list[int]:
        """The codes of a surface's terms."""
        code = self._surfaces.get(surface)
        if code is None:
            code = self._learn_surface(surface)
        if code > 0:
            return [code]
        return self._many[MANY - code] if code else []


class _Words(dict[str, int]):
    """Word -> its code; a word not seen yet is learnt when looked up, so that a text's words
    are one ``map`` away from their codes."""

    def __init__(self, learn: Callable[[str], int]) -> None:
        super().__init__()
        self._learn: Callable[[str], int] = learn

    def __missing__(self, word: str) -> int:
        return self._learn(word)

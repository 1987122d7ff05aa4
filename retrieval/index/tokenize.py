"""English tokenisation for BM25: case folding, possessives, stop words, Snowball stems.

Dotted abbreviations keep their dots ("U.S." -> ``u.s``) so that they never collapse into
the stop word "us"; a capitalised "US" means the same country and maps to the same term.
An identifier is also searchable by its parts, split as code search splits them: on ``_``
and at the humps of lower camelCase (``pair_device`` -> ``pair_devic``, ``pair``, ``devic``;
``addReaction`` -> ``addreact``, ``add``, ``reaction``); dots already part words
(``hub.pair`` is ``hub`` and ``pair``). A command-line option is a name too, kept whole and
unstemmed beside its parts' terms (``--no-root`` -> ``--no-root``, ``root``; ``--with`` ->
``--with``), so that its stop words still tell ``--with`` from ``--without`` and ``--only``
from ``--all``, as a reader of the docs tells them apart.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from itertools import chain
from typing import NamedTuple

import Stemmer

from retrieval import patterns
from retrieval.corpus.text import fold_punctuation
from retrieval.index.cjk import CJK, bigrams
from retrieval.index.stopwords import ENGLISH_STOP_WORDS

OPTION = "--"  # how a long command-line option begins
NAMED_BY_MARKS = r"(?<![\w+#])[A-Za-z](?:\+\+|#)(?![A-Za-z_+#])"
# Runs on text whose quotes are already straightened (same length as the original). No match
# holds white space, nor looks past it: a text's surfaces are those of its words split at white
# space, one after the other (``retrieval.index.word_codes`` reads a word's terms once).
_TOKEN = patterns.compile(
    # U.S. / e.g. / U.S.A.; the lookahead first, which fails fast at almost every position
    r"(?=[A-Za-z]\.[A-Za-z]\.)(?<![^\W_])(?P<abbr>(?:[A-Za-z]\.){2,})"
    # a language named by a letter and its marks: C++, C#, F#, g++ (not "C" alone: C, C++
    # and C# are three languages)
    rf"|{NAMED_BY_MARKS}"
    r"|[^\W_][\w\u0300-\u036f]*(?:'[^\W_][\w\u0300-\u036f]*)*"  # words, with inner apostrophes
    # a command-line option ("--no-root"), not a dash between words ("the 1990s--a decade");
    # last, so that only a position no word starts at tries it
    rf"|{OPTION}(?=[A-Za-z])(?<![\w-]{OPTION})[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*"
)
# The same matches as whole strings, for ``findall``: only an abbreviation ends with a dot.
_SURFACE = patterns.compile(_TOKEN.pattern.replace("(?P<abbr>", "(?:"))
# The same for ASCII text, which it reads alike (a word character of ASCII is a letter, a digit
# or "_" either way) and about a quarter faster.
_ASCII_SURFACE = patterns.compile(_SURFACE.pattern, re.ASCII)

# Capitalised spellings that name a thing rather than the function word they resemble.
_ACRONYMS: dict[str, str] = {"US": "u.s", "USA": "u.s", "u.s.a": "u.s", "UK": "u.k"}

_MAX_TERM_CHARS = 64
_MAX_CACHED = 1_000_000  # surfaces a tokenizer remembers
# An identifier: a word with an underscore, or in lower camelCase, two lower-case letters at
# least before its first hump ("addReaction"; not "iPhone", "eBay", nor a name such as
# "PlayStation" or "McDonald", which is written as a name, not as code).
_CAMEL = patterns.compile(r"[a-z]{2}[a-z0-9]*[A-Z]")
_PART = patterns.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+|[^\W\d_]+")

# Snowball gives these unrelated words one stem ("authority" -> "author", "university" ->
# "univers"); each keeps a stem of its own so that asking for one never quotes the other.
_OVERSTEMMED: dict[str, str] = {
    "authority": "authorit",
    "authorities": "authorit",
    "university": "universit",
    "universities": "universit",
    "organic": "organic",
    "organization": "organiz",
    "organizations": "organiz",
    "organisation": "organiz",
    "organisations": "organiz",
}


def find_surfaces(folded: str) -> list[str]:
    """The surface forms ``Tokenizer.tokenize`` reads in a text already folded
    (``fold_punctuation``), in order."""
    found: list[str] = (_ASCII_SURFACE if folded.isascii() else _SURFACE).findall(folded)
    return found


def _is_identifier(surface: str) -> bool:
    """A word with an underscore, or in lower camelCase (see ``_CAMEL``)."""
    return "_" in surface or _CAMEL.match(surface) is not None


class Token(NamedTuple):
    """A term and where its surface form sits in the original text."""

    term: str
    start: int
    end: int


class Tokenizer:
    """Turns text into index terms; one instance caches stems, so share it."""

    def __init__(self, *, stop_words: frozenset[str] = ENGLISH_STOP_WORDS) -> None:
        self._stop_words = stop_words
        self._stemmer = Stemmer.Stemmer("english")
        # Words are stemmed once, into this tokenizer's cache: PyStemmer's own cache of
        # 10,000 words only slowed a build (it is emptied in part every time it fills).
        self._stemmer.maxCacheSize = 0
        self._cache: dict[str, str] = {}
        # An identifier's parts (term, start, end within it), for the surfaces that have some.
        self._parts: dict[str, tuple[Token, ...]] = {}
        # A plain word's term where it is not its stem (``plain_term``): stop words first.
        self._not_stems = {**_OVERSTEMMED, **dict.fromkeys(stop_words, "")}

    @property
    def stop_words(self) -> frozenset[str]:
        return self._stop_words

    def tokenize(self, text: str) -> list[str]:
        """Index terms of ``text`` in order, with repeats (BM25 counts them).

        The surfaces are found in one ``findall`` and looked up in the cache in one ``map``:
        only a surface never seen before is made a term one at a time.
        """
        surfaces = find_surfaces(fold_punctuation(text))
        terms: list[str | None] = list(map(self._cache.get, surfaces))
        if None in terms:
            of = self._of_surface
            for i, term in enumerate(terms):
                if term is None:
                    terms[i] = of(surfaces[i])
        parts = self._parts
        if parts and not parts.keys().isdisjoint(surfaces):
            found: list[str] = []
            for surface, term in zip(surfaces, terms, strict=True):
                if term:
                    found.append(term)
                if split := parts.get(surface):
                    found.extend(part.term for part in split)
            return found
        return list(filter(None, terms))

    def term(self, word: str) -> str:
        """The index term of one word of letters ("" for a stop word), as ``tokenize`` gives it.

        ASCII letters only make one token, so the regular expression has nothing to find.
        """
        if not (word.isascii() and word.isalpha()):  # U+02BC is a letter, read as "'"
            terms = self.tokenize(word)
            return terms[0] if terms else ""
        term = self._cache.get(word)
        if term is None:
            term = self._term(word, is_abbreviation=False)
            if len(self._cache) < _MAX_CACHED:
                self._cache[word] = term
                if not word.islower() and _is_identifier(word):  # lowercase has no hump
                    self._parts[word] = self._split(word, term)
        return term

    def spellings_in(self, texts: Iterable[str]) -> dict[str, str]:
        """Lowercase surface word -> its term, for every word of ``texts`` that has one.

        What a speller may offer is the corpus's own words, whatever else this tokenizer has
        seen (questions, an earlier corpus): answers must not depend on what was asked before.
        Each surface is read once, in the order first seen (a repeat gives the same word the
        same term), so the first of the surfaces sharing a lowercase form gives its term.
        """
        surfaces = dict.fromkeys(
            chain.from_iterable(find_surfaces(fold_punctuation(text)) for text in texts)
        )
        found: dict[str, str] = {}
        of = self._of_surface
        for surface in surfaces:
            term = of(surface)
            if term:
                found.setdefault(surface.casefold(), term)
        return found

    def surface_terms(self, surface: str) -> list[str]:
        """The terms ``tokenize`` reads from one surface, as ``find_surfaces`` finds it: its
        term (none for a stop word), then an identifier's parts."""
        term = self._of_surface(surface)
        split = self._parts.get(surface, ())
        return [term, *(part.term for part in split)] if term else [p.term for p in split]

    def plain_term(self, surface: str) -> str | None:
        """``surface_term`` of a surface of ASCII letters and digits, or None for one read with
        parts (lower camelCase), read as ``_term`` would with fewer steps (no dot, apostrophe,
        hyphen nor underscore to read)."""
        term = self._cache.get(surface)
        if term is None:
            if len(surface) > _MAX_TERM_CHARS or _CAMEL.match(surface):
                term = self._of_surface(surface)
            else:
                term = _ACRONYMS.get(surface)
                if term is None:
                    word = surface.lower()
                    term = self._not_stems.get(word)
                    if term is None:
                        term = self._stemmer.stemWord(word)
                if len(self._cache) < _MAX_CACHED:
                    self._cache[surface] = term
        return None if self._parts and self._parts.get(surface) else term

    def has_parts(self, surface: str) -> bool:
        """Whether ``surface`` is read as an identifier with parts (``surface_terms``)."""
        return bool(self._parts.get(surface))

    def tokens(self, text: str) -> Iterator[Token]:
        """Terms with their spans in ``text``, for highlighting what matched."""
        cache, parts = self._cache, self._parts
        for match in _TOKEN.finditer(fold_punctuation(text)):
            term = cache.get(match.group())
            if term is None:
                term = self._of(match)
            if term:
                yield Token(term, match.start(), match.end())
            if parts and (split := parts.get(match.group())):
                at = match.start()
                for part in split:
                    yield Token(part.term, at + part.start, at + part.end)

    def _of(self, match: re.Match[str]) -> str:
        """The term for one matched surface form, remembered for the next time it is seen."""
        return self._of_surface(match.group())

    def _of_surface(self, surface: str) -> str:
        """``_of`` for a surface as ``_SURFACE`` finds it (an abbreviation's ends with a dot)."""
        term = self._cache.get(surface)
        if term is None:
            written_together = not surface.isascii() and CJK.search(surface) is not None
            term = "" if written_together else self._term(surface, surface.endswith("."))
            if len(self._cache) < _MAX_CACHED:
                self._cache[surface] = term
                if written_together:
                    self._parts[surface] = self._together_parts(surface)
                elif surface.startswith(OPTION):
                    self._parts[surface] = self._option_parts(surface)
                elif "_" in surface or _CAMEL.match(surface):  # an identifier: _is_identifier
                    self._parts[surface] = self._split(surface, term)
        return term

    # One surface's own term, as ``find_surfaces`` finds it ("" for a stop word); an
    # identifier's or an option's parts are ``surface_terms``'.
    surface_term = _of_surface

    def _together_parts(self, surface: str) -> tuple[Token, ...]:
        """A run of Chinese, Japanese or Korean text, written without spaces between words, as
        its overlapping pairs of characters (``retrieval.index.cjk``); a word of other letters
        inside it as the word."""
        found: list[Token] = []
        for start, end, together in bigrams(surface):
            if together:
                found.append(Token(surface[start:end], start, end))
            elif term := self._term(surface[start:end], is_abbreviation=False):
                found.append(Token(term, start, end))
        return tuple(found)

    def _option_parts(self, surface: str) -> tuple[Token, ...]:
        """A command-line option's words that are terms, with their spans in ``surface``: all
        of them, even one alone ("root" of ``--no-root``), for a reader may name it in words."""
        found: list[Token] = []
        for part in _PART.finditer(surface):
            term = self._term(part.group(), is_abbreviation=False)
            if term:
                found.append(Token(term, part.start(), part.end()))
        return tuple(found)

    def _split(self, surface: str, whole: str) -> tuple[Token, ...]:
        """An identifier's parts as terms, with their spans in ``surface`` (see the module)."""
        found: list[Token] = []
        for part in _PART.finditer(surface):
            term = self._term(part.group(), is_abbreviation=False)
            if term and term != whole:
                found.append(Token(term, part.start(), part.end()))
        return tuple(found) if len(found) > 1 or (found and "_" in surface) else ()

    def _term(self, surface: str, is_abbreviation: bool) -> str:
        """The index term for one surface form, or "" when it carries no meaning."""
        folded = surface if surface.isascii() else unicodedata.normalize("NFKC", surface)
        if folded in _ACRONYMS:  # "US", and the full-width "US" after NFKC
            return _ACRONYMS[folded]
        word = folded.casefold()
        if word.startswith(OPTION):  # a name, as written
            return word[:_MAX_TERM_CHARS]
        if is_abbreviation:
            word = word.rstrip(".")
            return _ACRONYMS.get(word, word)[:_MAX_TERM_CHARS]
        if word in self._stop_words:  # before the possessive: "let's" is a stop word
            return ""
        if word.endswith("'s"):
            word = word[:-2]
        if word in self._stop_words or not word:
            return ""
        word = word.replace("'", "")
        if len(word) > _MAX_TERM_CHARS:
            word = word[:_MAX_TERM_CHARS]
        if word in _OVERSTEMMED:
            return _OVERSTEMMED[word]
        stem: str = self._stemmer.stemWord(word)
        return stem

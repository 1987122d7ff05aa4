"""A shortened word read as the corpus's word or words it stands for: "env" for
"environment", "pkg" for "package", "venv" and "virtualenv" for "virtual environment",
"semver" for "semantic versioning".

Chat, and code, shorten long words as programmers name things. The three ways here are the
abbreviation patterns that code search expands (Hill et al., "AMAP: Automatically Mining
Abbreviation Expansions in Programs", 2008), looked for among the corpus's own terms:

* a prefix: a term that begins with the word and is at least two letters longer ("env",
  "config", "repo");
* dropped letters: a word of consonants after its first letter whose letters the term
  holds in order, beginning with the same letter ("pkg", "cmd", "msg");
* a combination: the word joins a prefix of one term to a prefix (two letters at least) of
  the next, where the corpus holds the two side by side ("venv", "semver"); only for a word
  that is no English word at all (``COMBINED_MAX_ZIPF``), since joined prefixes spell many.

Only a word rare in English (``CLIPPED_MAX_ZIPF``: "dep", "pkg", "config", not "car" or
"win") is read so, and only when what it stands for is more common in the corpus than the
word itself and found at least ``MIN_COUNT`` times: a corpus that writes "env" more often
than "environment" means "env" by it. The commonest expansion is read in the word's place.
"""

from __future__ import annotations

from collections.abc import Callable

from retrieval.question.forms import is_english_word
from retrieval.question.term_pairs import TermPairs
from retrieval.question.weights import zipf

CLIPPED_MAX_ZIPF = 3.3  # more common words are words of their own ("prod" is 3.25)
COMBINED_MAX_ZIPF = 2.0  # "venv", "semver", "virtualenv": no English word
MIN_CLIPPED = 3  # letters of a shortened word
MIN_COUNT = 2  # times the corpus holds what a shortened word stands for
MIN_TAIL = 3  # letters of the second word's prefix in a combination
OWN_MARGIN = 2  # what it stands for is found more than twice as often as the word itself
VOWELS = frozenset("aeiouy")

Expansion = tuple[tuple[str, ...], int]  # the terms a word stands for, and how often found


def expand_clipping(
    typed: str, pairs: TermPairs, term: Callable[[str], str]
) -> tuple[str, ...] | None:
    """The terms the word ``typed`` stands for, or None when it is no shortened word (see the
    module). A word typed with a capital is a name or an acronym, never a shortening here; a
    plural is read as its singular ("venvs", "pkgs")."""
    word = typed.casefold()
    if len(word) < MIN_CLIPPED or not (typed.isalpha() and typed.islower()):
        return None
    if zipf(word) >= CLIPPED_MAX_ZIPF:  # "this" is no plural of a shortened "thi"
        return None
    found = None
    if word.endswith("s") and len(word) > MIN_CLIPPED and not word.endswith("ss"):
        found = _expand(word[:-1], pairs, term)
    found = found or _expand(word, pairs, term)
    return None if found is None or is_english_word(word) else found


def _expand(word: str, pairs: TermPairs, term: Callable[[str], str]) -> tuple[str, ...] | None:
    typed = zipf(word)
    if typed >= CLIPPED_MAX_ZIPF:
        return None
    best: Expansion = ((), max(MIN_COUNT - 1, OWN_MARGIN * pairs.count(term(word))))
    for found in (_prefix(word, pairs), _dropped(word, pairs)):
        if found[1] > best[1]:
            best = found
    if typed < COMBINED_MAX_ZIPF:
        found = _combined(word, pairs)
        if found[1] > best[1]:
            best = found
    return best[0] or None


def _prefix(word: str, pairs: TermPairs) -> Expansion:
    found = [((t,), pairs.count(t)) for t in pairs.starting(word) if len(t) >= len(word) + 2]
    return max(found, key=lambda expansion: expansion[1], default=((), 0))


def _dropped(word: str, pairs: TermPairs) -> Expansion:
    if VOWELS.intersection(word[1:]):
        return (), 0
    found = [
        ((t,), pairs.count(t))
        for t in pairs.starting(word[0])
        if len(t) > len(word) and _holds_in_order(t, word)
    ]
    return max(found, key=lambda expansion: expansion[1], default=((), 0))


def _combined(word: str, pairs: TermPairs) -> Expansion:
    best: Expansion = ((), 0)
    for at in range(1, len(word) - MIN_TAIL + 1):
        heads = pairs.starting_span(word[:at])  # the terms the first prefix may be of
        if heads[0] == heads[1]:
            continue
        for second in pairs.starting(word[at:]):  # few: the tail has three letters at least
            found = pairs.best_leader(second, heads, best[1])
            if found is not None:
                best = ((found[0], second), found[1])
    return best


def _holds_in_order(term: str, letters: str) -> bool:
    """Whether ``term`` holds ``letters`` in order (not necessarily side by side)."""
    rest = iter(term)
    return all(letter in rest for letter in letters)

"""A word typed as the initials of a name the corpus writes in full: "totp" for "Top of the
Pops", "nk" for "North Korea", "dprk" for "Democratic People's Republic of Korea".

Chat shortens a long name to its initials, with or without its small words ("TOTP", "DPRK"),
whether or not the article ever does. A defined abbreviation, "the Electronic Frontier
Foundation (EFF)", is indexed with its long form already (``retrieval.index.abbreviations``);
this reads the others, from the corpus's own capitalised names:

* a *name* is a run of two to six capitalised words, which may hold the small words of names
  ("of", "the", "and", "for", "de"...): "Top of the Pops", "University of Vienna";
* its initials are the first letters of all its words ("totp") and of its capitalised words
  alone ("tp"); a leading "The" counts in neither;
* a typed word is read as a name only when the corpus lacks it, it is letters alone, two to
  six of them, and no English word: none of the dictionary's (``forms.is_english_word``: "cat"
  is no initialism) and none as common in writing as ``MAX_ZIPF`` (initials are written too:
  "DPRK" has a Zipf frequency of 2.9, "BT" 3.9); and only when one name has those initials
  more often than all the others together, since "sc" could stand for too many.

The name's words are then searched in the word's place, together weighing what one word does,
as a shortened word's are (``retrieval.question.clippings``).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from retrieval.question.forms import is_english_word
from retrieval.question.weights import zipf

MAX_ZIPF = 4.0  # more common words are words of their own, not initials
MIN_LETTERS = 2
MAX_LETTERS = 6
MAX_NAME_WORDS = 6
# The small words a name may hold between its capitalised ones.
NAME_LINKS = ("of", "the", "and", "for", "on", "in", "de", "du", "la", "von", "van", "&")
_CAPITALISED = r"[A-Z][\w'\u2019.-]*"
_NAME = re.compile(rf"{_CAPITALISED}(?:\s+(?:(?:{'|'.join(NAME_LINKS)})\s+){{0,2}}{_CAPITALISED})+")
_WORD = re.compile(r"\S+")
_LETTERS = re.compile(r"[^\W\d_]+")


class Initialisms:
    """The corpus's names by their initials; one per corpus."""

    def __init__(self, texts: Iterable[str]) -> None:
        found: dict[str, Counter[str]] = defaultdict(Counter)
        for text in texts:
            if not any(c.isupper() for c in text):
                continue
            for match in _NAME.finditer(text):
                words = _WORD.findall(match.group())
                if words[0] == "The":
                    words = words[1:]
                if not MIN_LETTERS <= len(words) <= MAX_NAME_WORDS:
                    continue
                name = " ".join(words)
                for initials in _initials(words):
                    found[initials][name] += 1
        self._names: dict[str, str] = {}
        for initials, names in found.items():
            (best, count), *others = names.most_common()
            if count > sum(n for _, n in others):
                self._names[initials] = best

    def name_for(self, typed: str) -> str | None:
        """The name ``typed`` stands for the initials of, or None (see the module)."""
        word = typed.casefold()
        if not (MIN_LETTERS <= len(word) <= MAX_LETTERS and word.isalpha()):
            return None
        name = self._names.get(word)
        if name is None or zipf(word) >= MAX_ZIPF or is_english_word(word):
            return None
        return name


def _initials(words: list[str]) -> set[str]:
    """The initials of a name's words: of all of them, and of its capitalised ones alone."""
    firsts = [
        (found.group()[0], word[0].isupper())
        for word in words
        if (found := _LETTERS.search(word)) is not None
    ]
    every = "".join(letter for letter, _ in firsts).casefold()
    capitals = "".join(letter for letter, upper in firsts if upper).casefold()
    return {
        initials for initials in (every, capitals) if MIN_LETTERS <= len(initials) <= MAX_LETTERS
    }

"""A word typed as the initials of a name the corpus writes in full: "totp" for "Top of the
Pops", "nk" for "North Korea", "dprk" for "Democratic People's Republic of Korea".

Chat shortens a long name to its initials, with or without its small words ("TOTP", "DPRK"),
whether or not the article ever does. This reads them from the corpus's own capitalised
names:

* a *name* is a run of two to six capitalised words, which may hold the small words of names
  ("of", "the", "and", "for", "de"...): "Top of the Pops", "University of Vienna";
* its initials are the first letters of all its words ("totp") and of its capitalised words
  alone ("tp"); a leading "The" counts in neither;
* a typed word is read as a name only when the corpus lacks it, it is letters alone, two to
  six of them, and no English word: none of the dictionary's (``forms.is_english_word``: "cat"
  is no initialism) and none as common in writing as ``MAX_ZIPF`` (initials are written too:
  "DPRK" has a Zipf frequency of 2.9, "BT" 3.9); and only when one name has those initials
  more often than all the others together, since "sc" could stand for too many; a name's
  other forms ("North Korean", "North Korea's") count as the name ("North Korea").

The name's words are then searched in the word's place, together weighing what one word does,
as a shortened word's are (``retrieval.question.clippings``).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from retrieval import patterns
from retrieval.question.forms import is_english_word
from retrieval.question.weights import zipf

MAX_ZIPF = 4.0  # more common words are words of their own, not initials
MIN_LETTERS = 2
MAX_LETTERS = 6
MAX_NAME_WORDS = 6
# The small words a name may hold between its capitalised ones.
NAME_LINKS = ("of", "the", "and", "for", "on", "in", "de", "du", "la", "von", "van", "&")
_CAPITALISED = r"[A-Z][\w'\u2019.-]*"
_NAME = patterns.compile(
    rf"{_CAPITALISED}(?:\s+(?:(?:{'|'.join(NAME_LINKS)})\s+){{0,2}}{_CAPITALISED})+"
)


class Initialisms:
    """The corpus's names by their initials; one per corpus."""

    def __init__(self, texts: Iterable[str]) -> None:
        counted: Counter[str] = Counter()
        for text in texts:
            if not text.islower():  # some capital letter, or no letter at all
                counted.update(_NAME.findall(text))
        found: dict[str, Counter[str]] = defaultdict(Counter)
        for written, count in counted.items():
            words = written.split()
            if words[0] == "The":
                words = words[1:]
            if MIN_LETTERS <= len(words) <= MAX_NAME_WORDS:
                name = " ".join(words)
                for initials in _initials(words):
                    found[initials][name] += count
        self._names: dict[str, str] = {}
        for initials, names in found.items():
            (best, count), *others = _forms_together(names).most_common()
            if count > sum(n for _, n in others):
                self._names[initials] = best

    def name_for(self, typed: str) -> str | None:
        """The name ``typed`` stands for the initials of, or None (see the module)."""
        return self._names.get(typed.casefold()) if may_be_initials(typed) else None


def may_be_initials(typed: str) -> bool:
    """Whether ``typed`` may be a name's initials: two to six letters, and no English word."""
    word = typed.casefold()
    return (
        MIN_LETTERS <= len(word) <= MAX_LETTERS
        and word.isalpha()
        and zipf(word) < MAX_ZIPF
        and not is_english_word(word)
    )


def _forms_together(names: Counter[str]) -> Counter[str]:
    """``names`` (of the same initials) with each name's other forms counted as its own: a
    name whose last word is longer ("North Korean", "North Koreans", "North Korea's") is the
    shorter one's ("North Korea"), which would otherwise lose to them together."""
    together: Counter[str] = Counter()
    for name in sorted(names, key=len):
        stem = next(
            (
                kept
                for kept in together
                if name.startswith(kept) and name.count(" ") == kept.count(" ")
            ),
            name,
        )
        together[stem] += names[name]
    return together


def _initials(words: list[str]) -> tuple[str, ...]:
    """The initials of a name's words: of all of them, and of its capitalised ones alone (each
    word of a name opens with a letter, but for "&")."""
    every = "".join(word[0] for word in words if word[0].isalpha()).casefold()
    capitals = "".join(word[0] for word in words if word[0].isupper()).casefold()
    if capitals == every:
        return (every,) if MIN_LETTERS <= len(every) <= MAX_LETTERS else ()
    return tuple(i for i in (every, capitals) if MIN_LETTERS <= len(i) <= MAX_LETTERS)

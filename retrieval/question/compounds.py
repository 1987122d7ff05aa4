"""A compound typed as one word that the corpus writes as two: "lockfile" for "lock file",
"prereleases" for "pre-releases", "healthcare" for "health care".

English writes many compounds open, hyphenated or closed, and a chat question often closes
what the text keeps open. Snowball stems each form apart, so "lockfile" finds nothing of
"lock file". A question word is read as two words when it splits into two words of at least
``MIN_PART`` letters whose terms the corpus holds side by side
(``retrieval.question.term_pairs``), and that pair is more common in the corpus than the
closed word itself: the split whose pair is commonest is read in its place, as if the asker
had typed it open. A closed word the corpus mostly writes closed stays as it is.
"""

from __future__ import annotations

from collections.abc import Callable

from retrieval.question.term_pairs import TermPairs

MIN_PART = 3  # shorter pieces ("re", "un") are affixes, not words
MIN_WORD = 2 * MIN_PART

Piece = tuple[str, str]  # a piece of the word as typed, and its term


def split_compound(
    word: str, pairs: TermPairs, term: Callable[[str], str]
) -> tuple[Piece, Piece] | None:
    """``word`` (lowercase) as two words and their terms, when the corpus writes it so more
    often than closed; None otherwise."""
    if len(word) < MIN_WORD or not word.isalpha():
        return None
    best, found = pairs.count(term(word)), None
    for at in range(MIN_PART, len(word) - MIN_PART + 1):
        first, second = word[:at], word[at:]
        first_term, second_term = term(first), term(second)
        count = pairs.pair_count(first_term, second_term) if first_term and second_term else 0
        if count > best:
            best, found = count, ((first, first_term), (second, second_term))
    return found

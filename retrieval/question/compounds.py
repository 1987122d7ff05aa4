"""A compound typed as one word that the corpus writes as two: "lockfile" for "lock file",
"prereleases" for "pre-releases", "healthcare" for "health care"; and one typed as two that
the corpus writes as one ("file name" for "filename").

English writes many compounds open, hyphenated or closed, and a chat question often closes
what the text keeps open. Snowball stems each form apart, so "lockfile" finds nothing of
"lock file". A question word is read as two words when it splits into two words of at least
``MIN_PART`` letters (the first may be shorter, down to a letter, for a word the corpus never
writes closed: "xray" for "X-ray", "email" for "e-mail") whose terms the corpus holds side by
side (``retrieval.question.term_pairs``), and that pair is more common in the corpus than the
closed word itself: the split whose pair is commonest is read in its place, as if the asker
had typed it open. A closed word the corpus mostly writes closed stays as it is. Likewise two
words typed side by side (a space or a hyphen between them) are read as one when the corpus
holds them joined more often than apart ("user name" for "username", "data-set" for
"dataset"), at least ``MIN_CLOSED`` times, and both are English words ("virtual env" is a
shortened "virtual environment", ``retrieval.question.clippings``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from retrieval.index.tokenize import Token
from retrieval.question.forms import is_english_word
from retrieval.question.term_pairs import TermPairs

MIN_PART = 3  # shorter pieces ("re", "un") are affixes, not words
MIN_CLOSED = 2  # times the corpus writes two typed words joined, to read them so
_BETWEEN = (" ", "-")  # what may part the two words of an open compound

Piece = tuple[str, str]  # a piece of the word as typed, and its term


def split_compound(
    word: str, pairs: TermPairs, term: Callable[[str], str]
) -> tuple[Piece, Piece] | None:
    """``word`` (lowercase) as two words and their terms, when the corpus writes it so more
    often than closed; None otherwise."""
    if len(word) <= MIN_PART or not word.isalpha():
        return None
    best, found = pairs.count(term(word)), None
    # a word the corpus never writes closed may be one it hyphenates after a letter: "xray"
    shortest = 1 if best == 0 else MIN_PART
    if len(word) < shortest + MIN_PART or best >= pairs.most:  # "most": no pair is commoner
        return None
    vocabulary = pairs.vocabulary
    for at in range(shortest, len(word) - MIN_PART + 1):
        first = word[:at]
        first_term = term(first)
        if first_term not in vocabulary:  # no corpus term, so in no pair: skip the second
            continue
        second = word[at:]
        second_term = term(second)
        count = pairs.pair_count(first_term, second_term)
        if count > best:
            best, found = count, ((first, first_term), (second, second_term))
    return found


def join_compounds(
    text: str,
    tokens: Sequence[Token],
    pairs: Callable[[], TermPairs],
    term: Callable[[str], str],
) -> list[Token]:
    """``tokens`` of ``text`` with each two side by side that the corpus writes as one word
    more often than apart read as that word (see the module). ``pairs`` builds the corpus's
    counts when first needed."""
    joined: list[Token] = []
    at = 0
    while at < len(tokens):
        first = tokens[at]
        if at + 1 < len(tokens):
            second = tokens[at + 1]
            one = _closed(text, first, second, pairs, term)
            if one is not None:
                joined.append(one)
                at += 2
                continue
        joined.append(first)
        at += 1
    return joined


def _closed(
    text: str,
    first: Token,
    second: Token,
    pairs: Callable[[], TermPairs],
    term: Callable[[str], str],
) -> Token | None:
    """The two tokens as one closed word's token, or None."""
    if text[first.end : second.start] not in _BETWEEN:
        return None
    one, two = text[first.start : first.end], text[second.start : second.end]
    if not (one.isalpha() and two.isalpha()) or min(len(one), len(two)) < MIN_PART:
        return None
    closed = term((one + two).casefold())
    counts = pairs()
    found = counts.count(closed)
    if found < MIN_CLOSED or found <= counts.pair_count(first.term, second.term):
        return None
    if not (is_english_word(one.casefold()) and is_english_word(two.casefold())):
        return None  # "virtual env" is a shortened "virtual environment", not "virtualenv"
    return Token(closed, first.start, second.end)

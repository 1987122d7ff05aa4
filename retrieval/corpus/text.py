"""Normalisation for matching: the corpus is always quoted as written, only compared normalised."""

from __future__ import annotations

import unicodedata

from retrieval import patterns

# One character in, one character out, so offsets into the original text stay valid.
_SAME_LENGTH = str.maketrans(
    {
        "\u00a0": " ",  # no-break space
        "\u2007": " ",
        "\u202f": " ",
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u02bc": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
    }
)


# The same, as (character, replacement) pairs: no replacement is itself replaced.
_FOLDED = [(chr(code), folded) for code, folded in _SAME_LENGTH.items()]


def fold_punctuation(text: str) -> str:
    """Straighten quotes, dashes and no-break spaces without changing the length of ``text``.

    As ``text.translate(_SAME_LENGTH)``, one character at a time; but replacing the few
    characters a text holds is several times as fast as translating each of its characters.
    """
    if text.isascii():
        return text
    for character, folded in _FOLDED:
        if character in text:
            text = text.replace(character, folded)
    return text


def normalize(text: str) -> str:
    """NFKC plus folded punctuation: the form in which two spellings of a word compare equal."""
    if text.isascii():  # ASCII is its own NFKC form, with nothing to fold
        return text
    return unicodedata.normalize("NFKC", fold_punctuation(text))


_SPACES = patterns.compile(r"\s+")


def identity(text: str) -> str:
    """The form in which two titles that only look different compare equal: NFKC (a no-break
    space becomes a space), runs of white space collapsed, case folded."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()


_LETTER_OR_DIGIT = patterns.compile(r"[^\W_]")


def shows_words(text: str) -> bool:
    """Whether a block holds a letter or a digit: a separator ("________________", "* * *",
    "\u2022 \u2022 \u2022", a row of emoji) shows no text, and is no paragraph to quote."""
    return _LETTER_OR_DIGIT.search(text) is not None

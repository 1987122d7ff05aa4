"""A question that points at one item of a numbered list: "what is rule 3", "the second step".

A server's rules, a how-to's steps and a checklist's points are numbered lists, and people ask
for an item by its number, words the item itself never holds ("3. Keep content safe for
work." holds neither "rule" nor "3"). A reference is a word and a number in one of the ways
English writes it: "rule 3", "rule #3", "rule no. 3", "rule number 3", "rule three", "3rd
rule", "the third rule", "the last step". The word is what the list is a list of; whether a
list is one is for the search to tell (``retrieval.search.items``), so "python 3" in a
question refers to no item unless a list of Pythons is numbered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from retrieval import patterns
from retrieval.index.stopwords import ENGLISH_STOP_WORDS
from retrieval.lexicon import may_hold

LAST = -1  # "the last rule": the list's last item, whatever its number

_CARDINALS = "one two three four five six seven eight nine ten".split()
_ORDINALS = "first second third fourth fifth sixth seventh eighth ninth tenth".split()
_NUMBERS = {word: n for n, word in enumerate(_CARDINALS, 1)} | {
    word: n for n, word in enumerate(_ORDINALS, 1)
}
_NUMBERS |= {"last": LAST, "final": LAST}

_DIGIT = patterns.compile(r"\d")
_NOUN = r"(?P<noun>[^\W\d_]{3,})"
# "rule 3", "rule #3", "rule no. 3", "rule number 3", "rule three": not "python 3.11", "3%".
_NOUN_NUMBER = patterns.compile(
    rf"\b{_NOUN}(?:\s*#\s*|\s+(?:no\.?\s*|number\s+|num\s+)?)"
    rf"(?P<number>\d{{1,3}}|{'|'.join(_CARDINALS)})\b(?![.,]\d|\s*%)",
    re.IGNORECASE,
)
# "3rd rule", "the third rule", "the last step".
_ORDINAL = "|".join([*_ORDINALS, "last", "final"])
_NUMBER_NOUN = patterns.compile(
    rf"\b(?:(?P<digits>\d{{1,3}})(?:st|nd|rd|th)|(?P<ordinal>{_ORDINAL}))\s+{_NOUN}\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class ItemReference:
    """An item asked for: what the list is of (``noun``, lowercase, as typed), the item's
    ``number`` (``LAST`` for the last one), and the words that said so (``phrase``)."""

    noun: str
    number: int
    phrase: str


def item_references(text: str) -> list[ItemReference]:
    """The items ``text`` refers to, in the order it names them (see the module)."""
    if _DIGIT.search(text) is None and not may_hold(text, _NUMBERS):
        return []
    found: list[tuple[int, ItemReference]] = []
    for match in _NOUN_NUMBER.finditer(text):
        number = match.group("number").lower()
        value = int(number) if number.isdigit() else _NUMBERS[number]
        found.append((match.start(), _reference(match.group("noun"), value, match.group())))
    for match in _NUMBER_NOUN.finditer(text):
        digits = match.group("digits")
        value = int(digits) if digits else _NUMBERS[match.group("ordinal").lower()]
        found.append((match.start(), _reference(match.group("noun"), value, match.group())))
    return [
        reference
        for _, reference in sorted(found, key=lambda item: item[0])
        if reference.noun not in ENGLISH_STOP_WORDS and reference.number != 0
    ]


def _reference(noun: str, number: int, phrase: str) -> ItemReference:
    return ItemReference(noun.casefold(), number, phrase)

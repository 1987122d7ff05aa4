"""What a question asks for (a time, a quantity, how often, how long, a price, a name), and
whether a passage states one.

"When did the talks break down?" wants a time, "How many warheads...?" a quantity, "Who won the
election?" a name. A passage can hold every word of such a question and still not answer it:
"the Six-Party Talks" and "Clapper ... visitors to Pyongyang" name the subject but give no
date. Only these are told apart: each is asked by its own words ("when", "what year", "how
many", "how long", "how often", a question opening with "who"), and each is easy to recognise in
the text (digits, number words, months, weekdays, "... ago", a time of day ("at noon", "in the
evening"), or an event that dates another: "during the storm", "after his death"; for how often,
a number or a frequency: "every hour", "weekly", "never"; for how long, a number or a duration:
"until it is lifted", "permanent"; for a price, money or "free"; for a name, a
capitalised word inside a sentence that the question does not already hold). A number the
question holds is not the one asked for, as a name it holds is not. What/why questions have no
such test and pass unchecked.

"How do I clear the cache?" asks for a way to do something, and a way to clear is told with
the verb "clear" or a word that means it: a passage on the cache that never says so tells
something else (``way_to``: the verb, which the verdict looks for among the passage's words).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Literal

from retrieval import patterns
from retrieval.lexicon import (
    ASKING,
    CURRENCY,
    DURATION,
    FREE_OF_CHARGE,
    FREQUENCY,
    TIME_ASKED,
    TIME_DATING,
    TIME_SPANS,
    alternatives,
)

Wanted = Literal["time", "quantity", "frequency", "duration", "cost", "name"]

# What a reply says the passages lack, by what was asked for.
LACKING: dict[Wanted, str] = {
    "time": "date or time",
    "quantity": "number",
    "frequency": "number or frequency",
    "duration": "length of time",
    "cost": "price",
    "name": "name",
}

_LEAD = (
    r"(?:^\s*|[.?!,;:]\s*"
    rf"|\b(?:{alternatives(ASKING)})\s+(?:me\s+|us\s+)?)"
)
_FILLER = r"(?:(?:so|and|but|ok|okay|hey|um|uh|like|then)\W+){0,3}"
_TIME_UNIT = rf"(?:{alternatives(TIME_ASKED)})"
_ASKS_TIME = patterns.compile(
    rf"{_LEAD}{_FILLER}(?:when|since when|until when)\b"
    rf"|\b(?:what|which)\s+{_TIME_UNIT}\b"
    r"|\bhow\s+long\s+ago\b",
    re.IGNORECASE,
)
# "who" opening a question or clause asks for someone; "the soldier who killed" does not.
_ASKS_NAME = patterns.compile(rf"{_LEAD}{_FILLER}(?:who|whom|whose)\b", re.IGNORECASE)
# "how do I clear...", "how can we stop...", "how to install...", opening a question or clause
_ASKS_WAY = patterns.compile(
    rf"{_LEAD}{_FILLER}how\s+(?:(?:do|can|could|should|shall|would|will|does|might|may)"
    r"\s+(?:i|we|you|one)\s+|to\s+)(?:(?:just|only|even|ever|actually)\s+)?([a-z]+)",
    re.IGNORECASE,
)
_ASKS_FREQUENCY = patterns.compile(r"\bhow\s+often\b", re.IGNORECASE)
_ASKS_DURATION = patterns.compile(r"\bhow\s+long\b", re.IGNORECASE)
_ASKS_COST = patterns.compile(
    r"\bhow\s+much\b.*\b(?:costs?|charged?|pay|paid|price|fees?)\b"
    r"|\bwhat\s+(?:does|do|did|will|would)\b.*\bcost\b",
    re.IGNORECASE,
)
_ASKS_QUANTITY = patterns.compile(
    r"\bhow\s+(?:many|much|old|far|big|large|tall|high|fast|heavy|wide|deep)\b"
    r"|\b(?:what|which)\s+(?:number|percentage|percent|proportion|amount|population|age)\b"
    r"|\b(?:what|which)(?:'s|\s+is|\s+was|\s+are|\s+were)?\s+(?:[\w'\u2019-]+\s+){0,4}?"
    r"(?:rate|number|percentage|amount|population|total|count)\s*\??$",
    re.IGNORECASE,
)

_NUMBER_WORDS = (
    "zero|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    "fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    "eighty|ninety|hundreds?|thousands?|millions?|billions?|trillions?|dozens?|half|once|"
    "twice|thrice|percent|score"
)
# "one" counts unless it is the pronoun: "no one", "the one", "one another".
_ONE = "".join(rf"(?<!\b{word} )" for word in "no the this that which each every".split())
_ONE += r"\bone\b(?! another)"
# A number as one token ("2.7", "1,000", "twenty"), to be told apart from the question's own.
_NUMBER = patterns.compile(rf"\d+(?:[.,:]\d+)*|\b(?:{_NUMBER_WORDS})\b|{_ONE}", re.IGNORECASE)
_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec"
)
_DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
# Month and day names are capitalised in edited text; "may" and "march" are verbs otherwise.
_CALENDAR = patterns.compile(rf"\b(?:{_MONTHS}|(?:{_DAYS})s?)\b")  # "on Fridays" too
# An event can date another: "during the storm", "after his father's death", "when he ...".
_TIME_WORDS = patterns.compile(
    r"\b(?:during|after|before|since|until|till|upon|following|when|while|ago|era|age"
    r"|yesterday|today|tonight|tomorrow|annually|weekly|daily|nightly|centur(?:y|ies)"
    r"|decades?|(?:last|next|this|past|previous|coming|same|that)\s+"
    rf"(?:{alternatives(TIME_DATING)})s?"
    r"|spring|summer|autumn|winter|christmas|easter|new\s+year"
    r"|noon|midnight|o'clock|mornings?|afternoons?|evenings?|overnight|dawn|dusk)\b",
    re.IGNORECASE,
)


# A span of time without a number: "an hour", "a few days", "several weeks".
_SPAN = patterns.compile(
    r"\b(?:an?|a\s+few|a\s+couple\s+of|several|many)\s+(?:[a-z]+\s+)?"
    rf"(?:{alternatives(TIME_SPANS)})s?\b",
    re.IGNORECASE,
)


# What states each kind besides a number (a price: only these, ``_NOT_BY_A_NUMBER``); a
# quantity is stated by a number alone.
_BESIDES_A_NUMBER: dict[Wanted, tuple[re.Pattern[str], ...]] = {
    "time": (_CALENDAR, _TIME_WORDS),
    "frequency": (patterns.compile(rf"\b(?:{alternatives(FREQUENCY)})\b", re.IGNORECASE),),
    "duration": (patterns.compile(rf"\b(?:{alternatives(DURATION)})\b", re.IGNORECASE), _SPAN),
    "cost": (
        patterns.compile(
            rf"[$\u00a3\u20ac\u00a5\u20b9]|\b(?:{alternatives(CURRENCY)})\b", re.IGNORECASE
        ),
        patterns.compile(rf"\b(?:{alternatives(FREE_OF_CHARGE)})\b", re.IGNORECASE),
    ),
}
# A price is money, not any number: "three million viewers" is no cost.
_NOT_BY_A_NUMBER: frozenset[Wanted] = frozenset({"cost"})
# How each kind is asked, in the order tried: "how long ago" asks a time before "how long" a
# duration, "how much does it cost" a price before "how much" a quantity.
_ASKED: tuple[tuple[re.Pattern[str], Wanted], ...] = (
    (_ASKS_TIME, "time"),
    (_ASKS_FREQUENCY, "frequency"),
    (_ASKS_DURATION, "duration"),
    (_ASKS_COST, "cost"),
    (_ASKS_QUANTITY, "quantity"),
    (_ASKS_NAME, "name"),
)


def asked_for(question: str) -> Wanted | None:
    """What ``question`` asks for, when it is one of the kinds above."""
    return next((wanted for asks, wanted in _ASKED if asks.search(question)), None)


def way_to(question: str) -> str | None:
    """The verb of a question asking how to do something ("how do I *clear* the cache"), as
    typed, or None."""
    found = _ASKS_WAY.search(question)
    return found.group(1) if found else None


# A capitalised word after another word within a sentence, or in a table's cell after the
# first ("Healers | Oskar"): a name. One that opens a sentence (after ".", "?" or at the start)
# or a row may be any word, so it does not count.
_NAME = patterns.compile(r"(?<=[\w,;:'\u2019)\"\u201d|]) +[\"\u201c(]*([^\W\d_][\w-]*)")
_QUESTION_WORD = patterns.compile(r"[\w-]+")


def holds(wanted: Wanted, text: str, question: str = "") -> bool:
    """Whether ``text`` states something ``wanted``: a number the question does not hold (not
    for a price, which is money), or what states that kind besides one
    (``_BESIDES_A_NUMBER``); for a name, a capitalised word inside a sentence that
    ``question`` lacks (the name asked about is not the name asked for)."""
    if wanted == "name":
        asked = {word.casefold() for word in _QUESTION_WORD.findall(question)}
        return any(
            word[0].isupper() and word != "I" and word.casefold() not in asked
            for word in (match.group(1) for match in _NAME.finditer(text))
        )
    if wanted not in _NOT_BY_A_NUMBER and any(_numbers(text, question)):
        return True
    return any(pattern.search(text) for pattern in _BESIDES_A_NUMBER.get(wanted, ()))


def _numbers(text: str, question: str) -> Iterator[str]:
    """The numbers ``text`` states that ``question`` does not hold: "How many viewers did the
    show on BBC Two get?" is not answered by "BBC Two", nor "How old was he in 1990?" by "in
    1990". A number word capitalised after a capitalised word is part of a name ("BBC One",
    "Formula One"), not a number."""
    asked = {match.group().casefold() for match in _NUMBER.finditer(question)}
    for match in _NUMBER.finditer(text):
        number = match.group()
        if number.casefold() in asked:
            continue
        if number[0].isupper():
            before = text[max(0, match.start() - 30) : match.start()].split()[-1:]
            if before and before[0][0].isupper() and before[0][-1].isalpha():
                continue
        yield number

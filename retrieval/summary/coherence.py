"""Sentences that lean on the one before: "This may be why...", "Yet these are...", "It also...".

Shown alone they point at something the reader never saw, so a summary keeps such a sentence
only together with its predecessor. The test is on the sentence's opening words, and which
openings count depends on the article's genre.

An opinion piece is read as an argument, so every pointer counts: a pronoun or demonstrative
("It", "These", "Such", "He"), a connective that answers the previous sentence ("But",
"However", "Moreover", "No longer, however"), or a subordinate clause whose subject is such a
pronoun ("Although he looks secure..."). Its turn is its point: "Yet these are also precisely
the reasons the U.S. should seek to engage Pyongyang" shown without the reasons, or the
sentence before it shown without the turn, says the opposite of what the author argues.

A news report is read for its facts, and there only a demonstrative opening counts ("This
means...", "That was...", "These are..."). A demonstrative pronoun or determiner opening a
sentence stands for what the previous sentence said, its event or claim (discourse deixis:
Webber, 1988), so without it the sentence states nothing a reader can check. The other
pointers leave the reported fact readable: a connective ("But", "However") marks how the
sentence relates to the one before, which a reader misses without losing the fact; a personal
pronoun ("He said the firm would cut 500 jobs") leaves a participant unnamed, not the fact.
``SummarySettings.news_pointers = "all"`` applies the opinion rule to news as well; on BBC
News it costs ROUGE, whose references keep such sentences alone (docs/BENCHMARKS.md).

Openings that only look like pointers are let through: "It is time to...", "It is clear
that..." (the "it" points forward) and "This year...", "That week..." (a time, not a
reference).
"""

from __future__ import annotations

import re
from typing import Literal

from retrieval import patterns
from retrieval.corpus.genre import Genre
from retrieval.lexicon import TIME_NOUNS

# Which openings lean back in news: demonstratives (the default, above) or all, as in opinion.
NewsPointers = Literal["demonstratives", "all"]

POINTERS = frozenset(
    """
    this these those that such it its he she they him her his their them theirs hers
    """.split()
)
CONNECTIVES = frozenset(
    """
    but yet however nevertheless nonetheless still moreover furthermore also besides indeed
    instead thus therefore hence so and or nor meanwhile otherwise likewise similarly
    consequently accordingly then again
    """.split()
)
# "Much of this rhetoric", "At these talks": a demonstrative within the first words points back.
DEMONSTRATIVES = frozenset({"this", "these", "those"})
EARLY_WORDS = 5
# A subordinate clause opening the sentence: its subject, if a pronoun, points back too.
SUBORDINATORS = frozenset(
    "although though while whereas when if because since as after before unless once".split()
)
_TIMES = frozenset(TIME_NOUNS)
# "No longer, however." / "The party, though, ...": the connective set off early in the sentence.
_INSET_CONNECTIVE = patterns.compile(
    r"^(?:[^\s,]+\s+){0,4}[^\s,]+,\s*(?:however|though|moreover|nevertheless|nonetheless|"
    r"therefore|instead|meanwhile|furthermore|in turn|in fact|too)\b",
    re.IGNORECASE,
)
# "such a possibility", "such steps": "such" before a noun points back wherever it stands.
_SUCH = patterns.compile(r"\bsuch\b(?!\s+(?:as|that)\b)", re.IGNORECASE)
_WORDS = patterns.compile(r"[A-Za-z]+(?:['\u2019][a-z]+)?")
# "It is time", "It was clear that", "It would be a mistake to": "it" stands for what follows.
_ANTICIPATORY_IT = patterns.compile(
    r"^it(?:['\u2019]s|\s+(?:is|was|has been|had been|would be|will be|may be|might be|"
    r"could be|can be|seems|seemed|appears|appeared|remains|remained|makes|made))"
    r"\s+(?:\S+\s+){0,4}?(?:to|that|whether|how|why|for|time)\b",
    re.IGNORECASE,
)


def leans_back(sentence: str, genre: Genre) -> bool:
    """Whether ``sentence`` opens by pointing at the sentence before it, in an article of
    ``genre``: any pointer in an opinion piece, a demonstrative in news (see above)."""
    text = sentence.lstrip(" \t\"'\u201c\u2018([\u2014\u2013-")
    words = [w.casefold().replace("\u2019", "'").split("'")[0] for w in _WORDS.findall(text[:80])]
    if not words:
        return False
    first, second = words[0], words[1] if len(words) > 1 else ""
    if genre == "news":
        return first in DEMONSTRATIVES | {"that"} and second not in _TIMES
    if first in CONNECTIVES or _INSET_CONNECTIVE.match(text) or _SUCH.search(text):
        return True
    padded = [*words, ""]
    for k in range(1, min(EARLY_WORDS, len(words))):
        if padded[k] in DEMONSTRATIVES and padded[k + 1] not in _TIMES:
            return True
    if first in SUBORDINATORS:
        return second in POINTERS and second not in ("that", "such")
    if first not in POINTERS:
        return False
    if first == "it":
        return _ANTICIPATORY_IT.match(text) is None
    return not (first in DEMONSTRATIVES | {"that"} and second in _TIMES)

"""Edmundson's cue words: phrases that mark a sentence as the author's point, or as an aside.

Edmundson (1969) found that sentences holding "bonus" words (conclusions, recommendations,
judgements of importance) belong in extracts far more often than chance, and sentences holding
"stigma" words (hedges, belittling, asides) far less. These lists are general English: the
language of recommending (should, must, ought to, needs to, it is time), of concluding
(in short, conclude, ultimately) and of naming the aim or the best course (the goal, the best,
the only way); stigma marks questions, hedges and what someone else said, since an opinion
piece's claim is stated by its author, plainly.
"""

from __future__ import annotations

import re

from retrieval import patterns
from retrieval.corpus.genre import recommends
from retrieval.corpus.sentences import asks as asks_question
from retrieval.lexicon import QUOTING, alternatives

_STIGMA = patterns.compile(
    r"\b(?:perhaps|maybe|possibly|presumably|reportedly|allegedly|might|could|(?-i:may)|"
    rf"{alternatives(QUOTING)}|"
    r"for example|for instance)\b",
    re.IGNORECASE,
)


def bonus(sentence: str) -> bool:
    """Whether the sentence recommends, concludes or names the aim: the author's point
    (``retrieval.corpus.genre.recommends``, which also tells opinion from news)."""
    return recommends(sentence)


def stigma(sentence: str) -> bool:
    """Whether the sentence hedges, reports someone else's words, or asks, or is an aside."""
    text = sentence.strip()
    aside = text.startswith("(") and text.rstrip("\"'\u201d\u2019").endswith((")", ").", ".)"))
    return aside or asks_question(text) or _STIGMA.search(text) is not None


def cue_score(sentence: str) -> float:
    """+1 for a bonus phrase, -1 for a stigma mark (both: 0), as Edmundson's cue weight."""
    return float(bonus(sentence)) - float(stigma(sentence))

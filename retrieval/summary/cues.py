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

_BONUS = re.compile(
    r"\b(?:"
    r"should|shouldn['\u2019]t|must|mustn['\u2019]t|ought to|needs? to|need not|"
    r"(?:it is|it['\u2019]s) (?:high )?time|the time has come|"
    r"the (?:goal|aim|priority|answer|solution|task|challenge|lesson|point) (?:is|should|must)|"
    r"the (?:best|only|right|wisest|surest) (?:hope|way|course|option|answer|bet|path|approach|"
    r"policy|strategy|chance)|"
    r"in (?:short|sum|conclusion|the end)|to conclude|we conclude|"
    r"(?:it is|it['\u2019]s) (?:essential|crucial|vital|imperative|necessary|urgent)|"
    r"would do well to|would be (?:wise|better|wiser)|"
    r"let us|let['\u2019]s|we need|urge[sd]?|recommend(?:s|ed)?"
    r")\b",
    re.IGNORECASE,
)
_STIGMA = re.compile(
    r"\b(?:perhaps|maybe|possibly|presumably|reportedly|allegedly|might|could|(?-i:may)|"
    r"said|says|told|according to|observed|noted|wrote|claimed|"
    r"for example|for instance)\b",
    re.IGNORECASE,
)


# "should have done", "must have known": a judgement of the past or an inference, not advice.
_PAST_MODAL = re.compile(
    r"\b(?:should|shouldn['\u2019]t|must|mustn['\u2019]t|ought to|needn['\u2019]t)"
    r"(?:\s+\w+)?\s+have\s+\w+",
    re.IGNORECASE,
)


def bonus(sentence: str) -> bool:
    """Whether the sentence recommends, concludes or names the aim: the author's point."""
    return _BONUS.search(_PAST_MODAL.sub(" ", sentence)) is not None


def stigma(sentence: str) -> bool:
    """Whether the sentence hedges, reports someone else's words, or asks, or is an aside."""
    text = sentence.strip()
    aside = text.startswith("(") and text.rstrip("\"'\u201d\u2019").endswith((")", ").", ".)"))
    return (
        aside or text.rstrip("\"'\u201d\u2019)").endswith("?") or _STIGMA.search(text) is not None
    )


def cue_score(sentence: str) -> float:
    """+1 for a bonus phrase, -1 for a stigma mark (both: 0), as Edmundson's cue weight."""
    return float(bonus(sentence)) - float(stigma(sentence))

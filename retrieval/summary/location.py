"""Edmundson's location feature: where in an opinion piece its author states the point.

An opinion piece usually opens on a scene or on the view it argues against, turns ("Yet these
are also precisely the reasons...", "But...") to state its case, and closes by saying what
should be done; so the turn within the opening paragraphs and the closing paragraphs weigh
most. News states its point in the lead; there the opening counts through the random jump of
centrality (``SummarySettings.position_weight``), not through this feature.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from retrieval import patterns
from retrieval.corpus.genre import Genre

OPENING_PARAGRAPHS = 2  # where an opinion piece's turn is looked for
CLOSING_SHARE = 0.25  # the last quarter of the body paragraphs (at least two) close the piece
_TURN = patterns.compile(
    r"^\W*(?:but|yet|however|still|instead|nevertheless|nonetheless|rather)\b", re.IGNORECASE
)


def location_scores(
    sentences: Sequence[str], paragraphs: Sequence[int], genre: Genre
) -> list[float]:
    """1 for a sentence where ``genre`` puts its point, else 0, given the body paragraph
    (from 0) each sits in; news has no such place beyond its opening (see above)."""
    if not sentences or genre == "news":
        return [0.0] * len(sentences)
    last = paragraphs[-1]
    closing_from = last + 1 - max(2, math.ceil(CLOSING_SHARE * (last + 1)))
    scores = []
    for i, (text, paragraph) in enumerate(zip(sentences, paragraphs, strict=True)):
        turn = i > 0 and paragraph < OPENING_PARAGRAPHS and _TURN.match(text) is not None
        scores.append(1.0 if turn or paragraph >= closing_from else 0.0)
    return scores

"""What an article is, opinion or news: declared in its front matter, or told from its voice.

The kind decides where a summary looks for the point (``retrieval.summary.location``) and how
much the language of recommending counts. An opinion piece argues in its own voice ("the U.S.
should", "the best hope is"); a news report relays what others said ("she said", "according to",
or a sentence opening on a quotation mark). A recommendation counts only in the author's own
voice: "Congress must act, he said" or a quoted "We must act" is news reporting a view, not an
author arguing one. So an article whose own recommending or concluding sentences
(``retrieval.summary.cues.bonus``) outnumber those that report, and number at least three, is taken
for opinion; any other for news.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal, get_args

from retrieval.summary.cues import bonus

if TYPE_CHECKING:
    from retrieval.corpus.models import Article

Kind = Literal["opinion", "news"]
KINDS: tuple[Kind, ...] = get_args(Kind)

MIN_RECOMMENDING = 3  # an opinion piece makes its case more than once
_ATTRIBUTION = re.compile(
    r"\b(?:said|says|told|according to|added|announced|reported|explained)\b", re.IGNORECASE
)
_DIRECT_SPEECH = re.compile(r"^\W*[\"\u201c]")  # opens on a quotation: someone else's words


def reported(sentence: str) -> bool:
    """Whether the sentence relays someone else's words: attributed, or quoted from its start."""
    return _ATTRIBUTION.search(sentence) is not None or _DIRECT_SPEECH.match(sentence) is not None


def detect_kind(sentences: Sequence[str]) -> Kind:
    """Opinion when at least ``MIN_RECOMMENDING`` body sentences recommend or conclude in the
    author's own voice and they outnumber those that report; news otherwise."""
    recommending = sum(bonus(s) and not reported(s) for s in sentences)
    reporting = sum(reported(s) for s in sentences)
    opinion = recommending >= MIN_RECOMMENDING and recommending > reporting
    return "opinion" if opinion else "news"


def article_kind(article: Article) -> Kind:
    """The kind the article declares, else the one its body sentences show."""
    return article.kind or detect_kind(article.body_sentences)

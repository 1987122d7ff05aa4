"""What an article is, opinion or news: declared in its front matter, or told from its voice.

The kind decides where a summary looks for the point (``retrieval.location``) and how much the
language of recommending counts. An opinion piece argues in its own voice ("the U.S. should",
"the best hope is"); a news report relays what others said ("she said", "according to"). So
an article whose sentences recommend or conclude (``retrieval.cues.bonus``) outnumber those
that attribute, and number at least three, is taken for opinion; any other for news.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal, get_args

from retrieval.cues import bonus

if TYPE_CHECKING:
    from retrieval.corpus import Article

Kind = Literal["opinion", "news"]
KINDS: tuple[Kind, ...] = get_args(Kind)

MIN_RECOMMENDING = 3  # an opinion piece makes its case more than once
_ATTRIBUTION = re.compile(
    r"\b(?:said|says|told|according to|added|announced|reported|explained)\b", re.IGNORECASE
)


def detect_kind(sentences: Sequence[str]) -> Kind:
    """Opinion when at least ``MIN_RECOMMENDING`` body sentences recommend or conclude and
    they outnumber those that attribute; news otherwise."""
    recommending = sum(bonus(s) for s in sentences)
    attributing = sum(_ATTRIBUTION.search(s) is not None for s in sentences)
    opinion = recommending >= MIN_RECOMMENDING and recommending > attributing
    return "opinion" if opinion else "news"


def article_kind(article: Article) -> Kind:
    """The kind the article declares, else the one its body sentences show."""
    return article.kind or detect_kind(article.body_sentences)

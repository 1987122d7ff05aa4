"""What an article is, opinion or news: declared in its front matter, or told from its voice.

The genre decides where a summary looks for the point (``retrieval.summary.location``) and how
much the language of recommending counts. An opinion piece argues in its own voice ("the U.S.
should", "the best hope is"); a news report relays what others said ("she said", "according
to", or a sentence opening on a quotation mark). A recommendation counts only in the author's
own voice: "Congress must act, he said" or a quoted "We must act" is news reporting a view, not
an author arguing one. So an article whose own recommending or concluding sentences
(``recommends``, the bonus cue of ``retrieval.summary.cues``) outnumber those that report, and
number at least three, is taken for opinion; any other for news.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from retrieval import patterns
from retrieval.corpus.models import GENRES, Article, Genre
from retrieval.lexicon import ATTRIBUTION, alternatives

__all__ = ["GENRES", "Genre", "article_genre", "detect_genre", "recommends", "reported"]

# Edmundson's bonus words (retrieval.summary.cues): recommending, concluding, naming the aim.
_BONUS = patterns.compile(
    r"\b(?:"
    r"should|shouldn['\u2019]t|must|mustn['\u2019]t|ought to|needs? to|need not|"
    r"(?:it is|it['\u2019]s) (?:high )?time|the time has come|"
    r"the (?:goal|aim|priority|answer|solution|task|challenge|lesson|point) (?:is|should|must)|"
    r"the (?:best|better|only|right|wisest|wiser|smarter|surest) "
    r"(?:hope|way|course|option|answer|bet|path|approach|"
    r"policy|strategy|chance)|"
    r"in (?:short|sum|conclusion|the end)|to conclude|we conclude|"
    r"(?:it is|it['\u2019]s) (?:essential|crucial|vital|imperative|necessary|urgent)|"
    r"would do well to|would be (?:wise|better|wiser)|"
    r"let us|let['\u2019]s|we need|urge[sd]?|recommend(?:s|ed)?"
    r")\b",
    re.IGNORECASE,
)
# "should have done", "must have known": a judgement of the past or an inference, not advice.
_PAST_MODAL = patterns.compile(
    r"\b(?:should|shouldn['\u2019]t|must|mustn['\u2019]t|ought to|needn['\u2019]t)"
    r"(?:\s+\w+)?\s+have\s+\w+",
    re.IGNORECASE,
)


MIN_RECOMMENDING = 3  # an opinion piece makes its case more than once
_ATTRIBUTION = patterns.compile(rf"\b(?:{alternatives(ATTRIBUTION)})\b", re.IGNORECASE)
_DIRECT_SPEECH = patterns.compile(r"^\W*[\"\u201c]")  # opens on a quotation: someone else's words


def recommends(sentence: str) -> bool:
    """Whether the sentence recommends, concludes or names the aim: the author's point."""
    return _BONUS.search(_PAST_MODAL.sub(" ", sentence)) is not None


def reported(sentence: str) -> bool:
    """Whether the sentence relays someone else's words: attributed, or quoted from its start."""
    return _ATTRIBUTION.search(sentence) is not None or _DIRECT_SPEECH.match(sentence) is not None


def detect_genre(sentences: Sequence[str]) -> Genre:
    """Opinion when at least ``MIN_RECOMMENDING`` body sentences recommend or conclude in the
    author's own voice and they outnumber those that report; news otherwise."""
    recommending = sum(recommends(s) and not reported(s) for s in sentences)
    reporting = sum(reported(s) for s in sentences)
    opinion = recommending >= MIN_RECOMMENDING and recommending > reporting
    return "opinion" if opinion else "news"


def article_genre(article: Article) -> Genre:
    """The genre the article declares (its front matter's ``kind``), else the one its body
    sentences show."""
    return article.genre or detect_genre(article.body_sentences)

"""An article's *card*: a passage that quotes its title line and is searched by its fields.

"who wrote the cato piece", "what's the headline of the bloomberg editorial": what is asked is
on no paragraph, so each article also has a card, numbered paragraph 0 and cited as
``<slug> title``, indexed by its title, slug, publisher, author and the words for those fields.
Cards have a BM25 index of their own and take part only in questions about articles
(``retrieval.question.mentions``); they never enter a summary.
"""

from __future__ import annotations

from retrieval.corpus.models import Article
from retrieval.lexicon import DOCUMENT_WORDS

CARD = "title"  # a card's paragraph role, shown as the passage's ``kind``


def card_text(article: Article) -> str:
    """What an article's card is searched by (its quoted text is the title alone)."""
    fields = [article.title, "title headline called named", article.slug_words]
    if article.author:
        fields.append(f"{article.author} author wrote written writer byline")
    if article.publisher:
        fields.append(f"{article.publisher} publisher published publication outlet")
    fields.append(" ".join(DOCUMENT_WORDS))
    return ". ".join(fields)

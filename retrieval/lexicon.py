"""The English word lists more than one stage reads, each written once.

A list lives here when two modules need it, so that it cannot drift; a list one module alone
reads stays beside its rule. Where two stages need lists for the same idea with different
members, both are here, side by side, with the reason they differ.
"""

from __future__ import annotations

# Words that ask about an article's own fields rather than its content ("who wrote", "the
# headline"): a title card is searched by them, and a question using them asks about articles.
FIELD_WORDS = (
    "title titled headline heading called named "
    "author authors wrote write writes written writer writers byline "
    "publisher published publish publication outlet"
).split()
# Words for the article itself, for what it does and for attributing to it: they say which
# text is meant, not what is asked ("what does the article say about sanctions", "per bandow").
DOCUMENT_WORDS = (
    "article articles piece pieces editorial editorials essay column op-ed oped story "
    "text post commentary mention mentions mentioned discuss discusses discussed "
    "say says said think thinks argue argues argued claim claims believe believes "
    "according per"
).split()

"""A question that is an article's title (or its file's name: "faq") asks what the article
is: its opening.

"What is the immune system?", "weekly events", "server rules": the question's words are the
title's, no more and no fewer, so it names the whole article, not one of its details. BM25
finds the title's words in every paragraph of it (a title counts as each paragraph's
outermost heading: ``retrieval.index.sections``) and ranks first whichever also says them in
its text, often a detail ("Post your idea in #event-planning at least a week ahead" for
"weekly events"). The article's opening says what it is about: its first body paragraph (on
SQuAD's nine such questions, the answer to eight; the ninth, "What do these teachers NOT
do?", asks a detail in words that are stop words but one), and the paragraphs after it
before the first sub-heading, in order.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from itertools import islice, takewhile

from retrieval.corpus.models import Article, Paragraph
from retrieval.index.passages import Passages


def title_openings(passages: Passages, most: int) -> dict[frozenset[str], tuple[int, ...]]:
    """The terms of each article's title, and of its slug ("faq" for a page titled
    "Frequently asked questions") -> the passage indices of its opening (``opening``), its
    first ``most`` (a search shows no more). Names two articles share in their terms, or of
    stop words alone, open nothing."""
    tokenize = passages.tokenizer.tokenize
    offsets = passages.corpus.paragraph_offsets
    openings: dict[frozenset[str], tuple[int, ...]] = {}
    shared: set[frozenset[str]] = set()
    for position, article in enumerate(passages.corpus.articles):
        first = tuple(islice(opening(article), most))
        found = tuple(offsets[position] + p.number - 1 for p in first)
        for name in {article.title, article.slug_words}:
            terms = frozenset(tokenize(name))
            if terms in openings and openings[terms] != found:
                shared.add(terms)
            openings[terms] = found
    return {
        terms: found for terms, found in openings.items() if terms and found and terms not in shared
    }


def opening(article: Article) -> Iterator[Paragraph]:
    """An article's first body paragraph and the body paragraphs after it under the same
    headings, in order: its text before its first sub-heading."""
    body = (paragraph for paragraph in article.paragraphs if paragraph.is_body)
    lead = next(body, None)
    if lead is not None:
        yield lead
        yield from takewhile(lambda paragraph: paragraph.section == lead.section, body)


def opening_asked(
    openings: Mapping[frozenset[str], tuple[int, ...]], weights: Mapping[str, float]
) -> tuple[int, ...]:
    """The opening of the article whose title the question's weighed words are, if any."""
    if not openings:
        return ()
    return openings.get(frozenset(term for term, weight in weights.items() if weight > 0), ())

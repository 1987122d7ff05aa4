"""Finding the article a reader names: its number, its slug or a part of it, or words of its
title, publisher or author, whatever the case and accents.

The one rule behind ``citebot summary``, ``!summary``, ``/summary`` and its autocomplete: a
number from the list of sources or a whole slug names one article; otherwise every word the
reader typed must begin a word of the article's slug, title, publisher or author (``cato``,
``bandow``, ``engage north``), or the reference must be a piece of the slug
(``bloomberg-engage``). Several matches are a question back to the reader, not a guess.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Sequence
from itertools import islice

from retrieval import patterns
from retrieval.corpus.listing import ArticleInfo, article_info
from retrieval.corpus.models import Article, Corpus
from retrieval.corpus.text import normalize

MAX_SUGGESTIONS = 5
_MAX_NUMBER_DIGITS = 9
_WORD = patterns.compile(r"\w+")
_NON_SLUG = patterns.compile(r"[^a-z0-9]+")


class ArticleNotFound(LookupError):
    """No article matches a reference; ``suggestions`` are the closest titles or slugs."""

    def __init__(self, reference: str, suggestions: Sequence[str], *, listing: str = "") -> None:
        hint = listing or (f"Did you mean: {', '.join(suggestions)}?" if suggestions else "")
        super().__init__(f"No article matches {_shown(reference)!r}. {hint}".rstrip())
        self.reference = reference
        self.suggestions = list(suggestions)


class AmbiguousArticle(LookupError):
    """Several articles match a reference; ``choices`` lists them, in corpus order."""

    def __init__(self, reference: str, choices: Sequence[ArticleInfo]) -> None:
        listed = "; ".join(f"{c.number}. {c.title} ({c.article})" for c in choices)
        super().__init__(
            f"{_shown(reference)!r} matches {len(choices)} articles: {listed}. "
            "Name one by its number or slug."
        )
        self.reference = reference
        self.choices = list(choices)


def fold(text: str) -> str:
    """The form in which names compare: normalised, without accents, case-folded."""
    decomposed = unicodedata.normalize("NFKD", normalize(text))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def matches(article: Article, reference: str) -> bool:
    """Whether ``reference`` names ``article`` (see the module's rule); "" names every one."""
    wanted = words(reference)
    if not wanted:
        return not fold(reference).strip()
    piece = _NON_SLUG.sub("-", fold(reference)).strip("-")
    if piece and piece in article.slug:
        return True
    known = [w for field in _fields(article) for w in words(field)]
    return all(any(word.startswith(w) for word in known) for w in wanted)


def matching(corpus: Corpus, reference: str) -> list[Article]:
    """Every article ``reference`` names, in corpus order (for menus and autocomplete)."""
    return [article for article in corpus if matches(article, reference)]


def first_matching(corpus: Corpus, reference: str, limit: int) -> list[Article]:
    """The first ``limit`` articles ``reference`` names, in corpus order (autocomplete shows
    no more): reading stops there, however large the corpus."""
    return list(islice((a for a in corpus if matches(a, reference)), max(0, limit)))


def find_article(corpus: Corpus, reference: str) -> Article:
    """The one article ``reference`` names.

    Raises AmbiguousArticle when several match (unless one of them is named whole: its full
    title, publisher or author), ArticleNotFound with close names when none does.
    """
    text = normalize(reference).strip()
    articles = corpus.articles
    if text.isdecimal() and len(text) <= _MAX_NUMBER_DIGITS and 1 <= int(text) <= len(articles):
        return articles[int(text) - 1]
    slug = fold(text)
    if slug in corpus.by_slug:
        return corpus.by_slug[slug]
    found = matching(corpus, text) if words(text) else []
    if len(found) > 1:
        whole = [a for a in found if words(text) in [words(f) for f in _fields(a)]]
        found = whole if len(whole) == 1 else found
    if len(found) == 1:
        return found[0]
    if found:
        numbers = {article.slug: n for n, article in enumerate(articles, start=1)}
        raise AmbiguousArticle(reference, [article_info(numbers[a.slug], a) for a in found])
    raise _not_found(corpus, reference)


def _fields(article: Article) -> list[str]:
    return [f for f in (article.slug, article.title, article.publisher, article.author) if f]


def _not_found(corpus: Corpus, reference: str) -> ArticleNotFound:
    names: dict[str, str] = {}
    for article in corpus:
        for field in _fields(article):
            names.setdefault(fold(field), article.slug)
    close = difflib.get_close_matches(fold(reference).strip(), list(names), n=3, cutoff=0.5)
    suggestions = list(dict.fromkeys(names[name] for name in close))
    if suggestions:
        return ArticleNotFound(reference, suggestions)
    first = [article_info(n, a) for n, a in enumerate(corpus.articles[:MAX_SUGGESTIONS], 1)]
    listing = _listing(first, len(corpus))
    return ArticleNotFound(reference, [info.article for info in first], listing=listing)


def _listing(first: Sequence[ArticleInfo], total: int) -> str:
    """``There are 2 articles: 1. Title (slug); 2. Title (slug).`` (the first few of many)."""
    entries = "; ".join(f"{i.number}. {i.title} ({i.article})" for i in first)
    count = "There is 1 article" if total == 1 else f"There are {total:,} articles"
    some = f", the first {len(first)}" if total > len(first) else ""
    return f"{count}{some}: {entries}."


def _shown(reference: str) -> str:
    return reference if len(reference) <= 80 else reference[:79] + "\u2026"

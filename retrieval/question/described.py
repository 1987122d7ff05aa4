"""An article named by what it is about: "in the greek sprinters article", "the basic usage
page", "the story about Top of the Pops switching to BBC Two".

People point at one article of several by describing it, as they would to a friend, before
they ask: "In the piece about the $28bn lawsuit against Russia, what did the director warn?".
The description's words say which article is meant; searched as what is asked, they find the
paragraph that tells the article's subject (often its first), not the one that answers. So a
*description* is looked for in two places:

* between a determiner and a word for a text: "the *welsh council tax* article", "this
  *managing environments* doc", "the *dependency specification* page";
* after a word for a text and "on", "about"...: "the story about *Yukos losing its US
  bankruptcy case*, ...", up to a comma, a verb of saying or a question word;
* in quotes after a word for a text: "the article *'Council tax rise reasonable'*", "the
  page titled *“Basic usage”*".

It names an article when that article holds more of its words than any other, counting what
its title and slug hold and what its paragraphs hold alike (``named_article``), and holds at
least half of them. A docs site calls its pages what they are, so the word for a text names
the one article whose title or slug holds that word ("the faq", "the poetry faq", "this
readme") when that article holds every word of the description too (``titled``). The
question then favours that article, as a question naming its author does
(``retrieval.question.mentions``), and its description's words are not what the passages
must hold, unless nothing else is asked.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from retrieval import patterns
from retrieval.index.passages import Passages
from retrieval.lexicon import TEXT_NOUNS, alternatives, may_hold

MIN_SHARE = 0.5  # of a description's weight an article must hold, in title or text
MAX_NAME_WORDS = 5  # between the determiner and the noun: "the bbc scotland story"
MAX_DESCRIPTIONS = 3  # "the story about the story about...": a question's first few are enough
# The words for a text a description goes with: a docs site's "page" too, though "page" alone
# is no text noun (``lexicon.TEXT_NOUNS``): a description must name one article to count.
_NOUN_WORDS = (*TEXT_NOUNS, "page", "pages")
_NOUNS = alternatives(_NOUN_WORDS)
_BEFORE_NOUN = patterns.compile(
    rf"\b(?:the|this|that|your|ur)\s+((?:[\w$'\u2019.-]+\s+){{1,{MAX_NAME_WORDS}}}?)"
    rf"({_NOUNS})\b(?!-)",
    re.IGNORECASE,
)
# What ends a description after its noun: a mark, a verb of saying, a question word.
_END = (
    r"(?=\s*[,;:?!]|\s*$"
    r"|\s+(?:say|says|said|mention|mentions|mentioned|claim|claims|claimed|report|reports)\b"
    r"|\s+(?:who|whom|whose|what|when|where|why|how|which|is|are|was|were|do|does|did"
    r"|can|could|should|would|will)\b)"
)
# "the faq", "this readme": a word for a text alone, which may be one article's title
_BARE_NOUN = patterns.compile(rf"\b(?:the|this|that|your|ur)\s+()({_NOUNS})\b(?!-)", re.IGNORECASE)
_AFTER_NOUN = patterns.compile(
    rf"\b({_NOUNS})\s+(?:on|about|covering|regarding|discussing)\s+([^,;:?!]+?){_END}",
    re.IGNORECASE,
)
# "the article 'Council tax rise reasonable'", "the page titled “Basic usage”"
_QUOTED = patterns.compile(
    rf"\b({_NOUNS})\s+(?:(?:titled|called|named|headlined|entitled)\s+)?"
    r"(?:\"([^\"\n]+)\"|\u201c([^\u201d\n]+)\u201d|\u2018([^\u2019\n]+)\u2019|'([^'\n]+)'(?!\w))",
    re.IGNORECASE,
)

Span = tuple[int, int]


def descriptions(text: str) -> list[tuple[Span, Span]]:
    """The descriptions in ``text`` that may name an article (see the module), in order: the
    span of the words that describe it (empty for a word for a text alone: "the faq"), and
    of the word for a text they go with."""
    if not may_hold(text, _NOUN_WORDS):
        return []
    found = [(m.span(1), m.span(2)) for m in _BEFORE_NOUN.finditer(text)]
    found += [(m.span(2), m.span(1)) for m in _AFTER_NOUN.finditer(text)]
    for m in _QUOTED.finditer(text):
        quoted = next(i for i in range(2, 6) if m.group(i) is not None)
        found.append((m.span(quoted), m.span(1)))
    described = {noun for _, noun in found}
    found += [
        (m.span(1), m.span(2)) for m in _BARE_NOUN.finditer(text) if m.span(2) not in described
    ]
    return sorted(found)


class ArticleNames:
    """Which article a description's terms name, in one corpus's passages."""

    def __init__(self, passages: Passages) -> None:
        self._passages = passages
        self._titles: dict[str, set[str]] | None = None  # built on the first description

    def described(self, text: str, weights: Mapping[str, float]) -> dict[str, str]:
        """The terms of the descriptions in ``text`` that name one article, each to its slug,
        the word for a text included ("page" is no such word alone); not those the question
        uses outside them too ("the story on the bloggers says the *bloggers'* lawyer...")."""
        found: dict[str, str] = {}
        tokenize = self._passages.tokenizer.tokenize
        rest = text
        for (start, end), (noun_start, noun_end) in descriptions(text)[:MAX_DESCRIPTIONS]:
            words = [t for t in tokenize(text[start:end]) if t in weights]
            noun = tokenize(text[noun_start:noun_end])
            slug = self.titled(noun, words) or self.named_article(words, weights)
            if slug is not None:
                found |= dict.fromkeys([*words, *noun], slug)
                for a, b in ((start, end), (noun_start, noun_end)):
                    rest = rest[:a] + " " * (b - a) + rest[b:]
        if found:
            for term in tokenize(rest):
                found.pop(term, None)
        return found

    def named_article(self, terms: Sequence[str], weights: Mapping[str, float]) -> str | None:
        """The slug of the one article the description's ``terms`` name, or None.

        Each article scores the share of the terms' weight its title and slug hold plus the
        share its paragraphs hold; the best must hold ``MIN_SHARE`` of it in one of the two
        and score above every other. Only articles holding one of the terms are scored.
        """
        weighed = {t: weights[t] for t in terms if weights.get(t, 0.0) > 0}
        total = sum(weighed.values())
        if total <= 0:
            return None
        titles = self._title_index()
        in_title: dict[str, float] = {}
        in_text: dict[str, float] = {}
        for term, weight in weighed.items():
            for slug in titles.get(term, ()):
                in_title[slug] = in_title.get(slug, 0.0) + weight
            for slug in self._articles_holding(term):
                in_text[slug] = in_text.get(slug, 0.0) + weight
        scores = sorted(
            (
                (
                    in_title.get(slug, 0.0) + in_text.get(slug, 0.0),
                    max(in_title.get(slug, 0.0), in_text.get(slug, 0.0)),
                    slug,
                )
                for slug in in_title.keys() | in_text.keys()
            ),
            reverse=True,
        )
        if not scores:
            return None
        (score, best_part, slug), *others = scores
        if best_part < MIN_SHARE * total or (others and others[0][0] >= score):
            return None
        return slug

    def titled(self, noun: Sequence[str], terms: Sequence[str]) -> str | None:
        """The slug of the one article whose title or slug holds the word for a text,
        ``noun`` ("faq"), and which holds every one of the description's ``terms``, or None."""
        titles = self._title_index()
        slugs = {slug for term in noun for slug in titles.get(term, ())}
        if len(slugs) != 1:
            return None
        slug = next(iter(slugs))
        named = self._passages.named_terms(slug)
        if all(term in named or slug in self._articles_holding(term) for term in terms):
            return slug
        return None

    def _articles_holding(self, term: str) -> set[str]:
        index, located = self._passages.index, self._passages.located
        term_id = index.vocabulary.get(term)
        if term_id is None:
            return set()
        docs = index.postings_doc[index.indptr[term_id] : index.indptr[term_id + 1]]
        return {located[doc][0].slug for doc in docs.tolist()}

    def _title_index(self) -> dict[str, set[str]]:
        """Each term of the articles' titles and slugs, to the articles that hold it."""
        if self._titles is None:
            titles: dict[str, set[str]] = {}
            for article in self._passages.corpus.articles:
                for term in self._passages.named_terms(article.slug):
                    titles.setdefault(term, set()).add(article.slug)
            self._titles = titles
        return self._titles

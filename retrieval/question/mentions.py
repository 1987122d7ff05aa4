"""Articles as things people ask about: "what does bloomberg say", "who wrote the cato piece".

Each article has a *card* (``retrieval.index.cards``), a passage quoting its title line and
searched by its fields and the words for them ("headline", "wrote"). A card takes part in a
search only when the question asks about one of those fields (``asks_about_articles``), so it
never crowds out the paragraphs of an ordinary question. A question word that names one
article's publisher or author (and is not an everyday English word) is a *reference*: it
favours that article's passages and, unless the question asks about the article itself, does
not count as something the passages must hold; nor, then, do the words for an article and its
fields ("the cato writer", "per bandow") and the phrasal verbs for what it does with a subject
("bring up", "talk about").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping

from retrieval import patterns
from retrieval.corpus.models import Article
from retrieval.lexicon import DOCUMENT_WORDS, FIELD_WORDS, TEXT_NOUNS, alternatives, may_hold
from retrieval.question.weights import english_weight

# "the article", "this piece", "the op-ed", "the basic usage page": a determiner before a word
# for a text (a name of up to three words between) points at the articles themselves, as a name
# would, however many there are.
_POINTED_AT = patterns.compile(
    r"\b(?:the|this|that|these|those|both|each|either|your|ur)\s+"
    r"(?:[\w'\u2019-]+\s+){0,3}?"  # a page's name between: "the basic usage page"
    rf"(?:{alternatives(TEXT_NOUNS)})\b",
    re.IGNORECASE,
)
# Phrasal verbs for what a text does with a subject ("why does the article bring up X"): the
# verb says which text is meant, as "mention" does, only with a particle, a stop word.
_SPEAKING_OF = patterns.compile(
    r"\b(?:bring|brings|bringing|brought)(?=\s+up\b)"
    r"|\b(?:talk|talks|talked|talking|speak|speaks|spoke|speaking)(?=\s+(?:about|of)\b)"
    r"|\b(?:refer|refers|referred|referring|allude|alludes|alluded|alluding)(?=\s+to\b)"
    r"|\b(?:touch|touches|touched|touching|dwell|dwells|dwelt|dwelling|comment|comments"
    r"|commented|commenting)(?=\s+(?:on|upon)\b)"
    r"|\b(?:go|goes|went|going|get|gets|got|getting)(?=\s+into\b)",
    re.IGNORECASE,
)
MIN_REFERENCE_WEIGHT = 0.4  # "View" (of "Bloomberg View") is too common a word to name it


class Mentions:
    """Which question terms name an article, and which ask about articles' fields."""

    def __init__(self, articles: Iterable[Article], tokenize: Callable[[str], list[str]]) -> None:
        owners: dict[str, set[str]] = {}
        for article in articles:
            for name in (article.publisher, article.author):
                for word in (name or "").split():
                    if english_weight(word) < MIN_REFERENCE_WEIGHT:
                        continue
                    for term in tokenize(word):
                        owners.setdefault(term, set()).add(article.slug)
        self._owner = {term: next(iter(s)) for term, s in owners.items() if len(s) == 1}
        self._fields = {t for word in FIELD_WORDS for t in tokenize(word)}
        self._documents = {t for word in DOCUMENT_WORDS for t in tokenize(word)}
        # each such term's words as listed: "head" is the term of "heading", not its word
        self._listed: dict[str, list[str]] = {}
        for word in (*FIELD_WORDS, *DOCUMENT_WORDS):
            for term in tokenize(word):
                self._listed.setdefault(term, []).append(word)
        self._tokenize = tokenize

    def references(self, terms: Iterable[str]) -> dict[str, str]:
        """Question terms that name exactly one article: term -> its slug."""
        return {term: self._owner[term] for term in terms if term in self._owner}

    def asks_about_articles(
        self, terms: Iterable[str], weights: Mapping[str, float], references: Mapping[str, str]
    ) -> bool:
        """Whether the question asks for a title, an author or a publisher.

        It must use a field word ("headline", "wrote") and say less about anything else than
        about the article: "who wrote the bloomberg piece" does, "does the cato writer believe
        sanctions work" does not.
        """
        fields = {t for t in terms if t in self._fields}
        if not fields:
            return False
        about = sum(w for t, w in weights.items() if t in fields or t in self._documents)
        other = sum(w for t, w in weights.items() if t not in references) - about
        return other < about

    def content(
        self,
        text: str,
        weights: Mapping[str, float],
        surface: Mapping[str, str],
        naming: Mapping[str, str],
    ) -> dict[str, float]:
        """``weights`` without the terms ``naming`` an article and the words for it and for
        what it does ("writer", "per", "talks about"): what is asked of the article."""
        speaking = self.speaking_of(text)
        return {
            t: w
            for t, w in weights.items()
            if t not in naming
            and t not in speaking
            and not self.is_document_word(t, surface.get(t))
        }

    def only_names(
        self,
        text: str,
        weights: Mapping[str, float],
        surface: Mapping[str, str],
        naming: Mapping[str, str],
    ) -> bool:
        """Whether a question that names an article (``naming``) and asks nothing else of it
        speaks of it as a text: "what does the faq say", "what does bandow say", "the cato
        piece". Not "who is bandow" (a person asked about), nor "what publication published
        the article" (a field of it)."""
        words = [t for t in weights if t not in naming]
        if any(t in self._fields for t in words):
            return False
        return self.points_at_articles(text) or any(
            self.is_document_word(t, surface.get(t)) for t in words
        )

    @staticmethod
    def points_at_articles(text: str) -> bool:
        """Whether the question speaks of the articles as texts ("why does the article...")."""
        return may_hold(text, TEXT_NOUNS) and _POINTED_AT.search(text) is not None

    def speaking_of(self, text: str) -> set[str]:
        """The terms of the phrasal verbs in ``text`` for what a text does with a subject
        ("brings up", "talks about", "refers to"): document words in that question only."""
        return {t for match in _SPEAKING_OF.finditer(text) for t in self._tokenize(match.group())}

    def is_document_word(self, term: str, typed: str | None = None) -> bool:
        """A word for the article, its parts or what it does, rather than for its content.

        ``typed``, the word as asked, must be a form of a listed word, not another word of the
        same stem: "the head of the tribunal" is no "heading".
        """
        if term not in self._documents and term not in self._fields:
            return False
        if typed is None:
            return True
        word = typed.casefold()
        return any(
            word.startswith(listed[:-1]) and len(word) >= len(listed) - 1
            for listed in self._listed.get(term, ())
        )

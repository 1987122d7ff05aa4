"""A question in, a ``Query`` out: what it asks, in the corpus's terms, and how much each word
weighs.

In order: the question is checked (not empty, not too long); rewritten from chat into the
corpus's words (``retrieval.question.chat``: invisible characters, shorthand, "us", the
articles' aliases); hedges, semi-modals and hyphenated prefixes are set aside
(``retrieval.question.fillers``); each word is tokenised as the index was, and a word the
corpus lacks is looked for under another form or as a misspelling
(``retrieval.question.spelling``); each term is weighed by how informative it is
(``retrieval.question.weights``); last, the words that name an article, and then the words for
it, are set apart (``retrieval.question.mentions``).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass

from retrieval.corpus.models import Article
from retrieval.corpus.text import normalize
from retrieval.index.passages import Passages
from retrieval.question.aliases import alias_table
from retrieval.question.chat import rewrite
from retrieval.question.code import writes_code
from retrieval.question.fillers import without_fillers
from retrieval.question.mentions import Mentions
from retrieval.question.spelling import Respelling, Speller, lemma_families
from retrieval.question.weights import blend, english_weight

MIN_ROOT = 5  # ``_known_form`` never cuts a term below this


class QuestionError(ValueError):
    """A question the engine cannot take; the message tells the asker what to change."""


@dataclass(frozen=True)
class Query:
    """What a question asks, in the corpus's terms.

    ``terms`` (in order, repeats kept) go to BM25; ``weights`` say how informative each is
    (``retrieval.question.weights``) and are what a passage must hold; ``surface`` gives each
    term as the asker typed it; ``articles`` are the articles the question names;
    ``about_articles`` whether it asks for a title, author or publisher.
    """

    text: str
    terms: list[str]
    weights: dict[str, float]
    surface: dict[str, str]
    articles: frozenset[str] = frozenset()
    about_articles: bool = False
    code: bool = False  # it writes something as code (``retrieval.question.code``)


def example_question(articles: Sequence[Article]) -> str:
    """A question to show someone who asked none, about the corpus loaded: its first article."""
    if not articles:
        return "What do the articles say?"
    return f'What does "{articles[0].title}" say?'


class QuestionReader:
    """Reads questions against one corpus's passages (see the module's docstring)."""

    def __init__(self, passages: Passages, max_chars: int) -> None:
        self._passages = passages
        self._tokenizer = passages.tokenizer
        self._max_chars = max_chars
        articles = passages.corpus.articles
        self._mentions = Mentions(articles, self._tokenizer.tokenize)
        self._aliases = alias_table(articles, self._tokenizer, passages.index.vocabulary)
        self._speller: Speller | None = None  # built on the first unknown word
        self._speller_lock = threading.Lock()  # asks run in threads; build it once
        self._example = example_question(articles)

    def read(self, question: str) -> Query:
        """What ``question`` asks in the corpus's terms, after checking we can take it."""
        text = question.strip()
        limit = self._max_chars
        if not text:
            raise QuestionError(f"Ask a question, for example: {self._example}")
        if len(text) > limit:
            raise QuestionError(
                f"That question is {len(text):,} characters long; the limit is {limit:,}. "
                "Ask it in fewer words."
            )
        rewritten = rewrite(text, self._aliases)
        terms: list[str] = []
        weights: dict[str, float] = {}
        surface: dict[str, str] = {}
        index = self._passages.index
        vocabulary, df, n = index.vocabulary, index.df, index.corpus_size
        cards = self._passages.card_index.vocabulary
        searched = without_fillers(rewritten)
        for token in self._tokenizer.tokens(searched):
            typed = searched[token.start : token.end]
            term, confidence = self._known_form(token.term), 1.0
            word = normalize(typed).casefold().removesuffix("'s")  # as English spells it
            if term not in vocabulary and term not in cards and "." not in term:
                found = self._respell(word)
                if found is not None:
                    term, word, confidence = found.term, found.word, found.confidence
            term_id = vocabulary.get(term)
            weight = confidence * blend(
                english_weight(word), None if term_id is None else int(df[term_id]), n
            )
            terms.append(term)
            if weight >= weights.get(term, -1.0):
                weights[term] = weight
                surface[term] = typed
        if not terms:
            raise QuestionError(
                "That question has only common words; name the topic you want to know about."
            )
        return self._with_mentions(rewritten, terms, weights, surface)

    def _with_mentions(
        self, text: str, terms: list[str], weights: dict[str, float], surface: dict[str, str]
    ) -> Query:
        """Set apart the words that name an article, and then the words for it (``mentions``).

        "per bandow", "what does the cato writer think", "why does the article mention":
        once a question names an article or points at one, "writer", "think" and "mention" say
        which text is meant; otherwise they may be what is asked ("Who was the author of
        ...?"), and stay.
        """
        mentions = self._mentions
        references = mentions.references(terms)
        about = mentions.asks_about_articles(terms, weights, references)
        if (references or mentions.points_at_articles(text)) and not about:
            speaking = mentions.speaking_of(text)
            content = {
                t: w
                for t, w in weights.items()
                if t not in references and t not in speaking and not mentions.is_document_word(t)
            }
            if content:
                weights = content
                terms = [t for t in terms if t in content]
        return Query(
            text,
            terms,
            weights,
            surface,
            frozenset(references.values()),
            about,
            code=writes_code(text),
        )

    def _known_form(self, term: str) -> str:
        """An unseen term's shortest-step relative in the vocabulary ("american" -> "america").

        Snowball leaves demonyms and a few derivations apart from their roots; one or two
        trailing letters are dropped, never below ``MIN_ROOT``, and only for terms the corpus
        lacks.
        """
        vocabulary = self._passages.index.vocabulary
        if term in vocabulary or "." in term:
            return term
        for cut in (1, 2):
            root = term[:-cut]
            if len(root) >= MIN_ROOT and root in vocabulary:
                return root
        return term

    def _respell(self, word: str) -> Respelling | None:
        with self._speller_lock:
            if self._speller is None:
                # The words the index was built from, as the tokenizer saw them (it caches them).
                vocabulary = self._passages.index.vocabulary
                words = [(w, t) for w, t in self._tokenizer.spellings() if t in vocabulary]
                self._speller = Speller(
                    words, self._tokenizer.term, lemma_families(self._tokenizer.stop_words)
                )
            speller = self._speller
        return speller.respell(word)

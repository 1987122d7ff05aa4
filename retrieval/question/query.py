"""A question in, a ``Query`` out: what it asks, in the corpus's terms, and how much each word
weighs.

In order: the question is checked (not empty, not too long); rewritten from chat into the
corpus's words (``retrieval.question.chat``: markup, links, invisible characters,
shorthand, "us"), noting the articles' aliases it names (``retrieval.question.aliases``);
hedges, semi-modals and hyphenated prefixes are set aside (``retrieval.question.fillers``);
each word is tokenised as the index was, and a word the corpus lacks is looked for under
another form or as a misspelling (``retrieval.question.spelling``); each term is weighed by how
informative it is (``retrieval.question.weights``); the words of the phrases the aliases stand
for are added after them, within bounds (``AliasWords``); last, the words that name an article,
and then the words for it, are set apart (``retrieval.question.mentions``), and a question
asking what an article argues is told apart (``retrieval.question.argument``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from retrieval import patterns
from retrieval.corpus.models import Article
from retrieval.index.passages import Passages
from retrieval.question.alias_words import AliasWords, TermInfo
from retrieval.question.aliases import AliasTable, alias_table
from retrieval.question.argument import asks_for_argument
from retrieval.question.chat import rewrite_naming_aliases
from retrieval.question.code import writes_code
from retrieval.question.compounds import join_compounds
from retrieval.question.described import ArticleNames
from retrieval.question.fillers import without_asides, without_hedges
from retrieval.question.mentions import Mentions
from retrieval.question.symbols import symbols_named
from retrieval.question.weights import english_weight, term_weight
from retrieval.question.words import WordReader, spelled


class QuestionError(ValueError):
    """A question the engine cannot take; the message tells the asker what to change."""


@dataclass(frozen=True)
class Query:
    """What a question asks, in the corpus's terms.

    ``terms`` (in order, repeats kept) go to BM25; ``weights`` say how informative each is
    (``retrieval.question.weights``) and are what a passage must hold; ``surface`` gives each
    term as the asker typed it; ``articles`` are the articles the question names;
    ``about_articles`` whether it asks for a title, author or publisher; ``asks_argument``
    whether it asks what an article argues (``retrieval.question.argument``). ``scale`` says
    how much BM25 counts a term an alias added (``AliasWords``): under 1; any other term counts
    whole.
    """

    text: str
    terms: list[str]
    weights: dict[str, float]
    surface: dict[str, str]
    articles: frozenset[str] = frozenset()
    about_articles: bool = False
    asks_argument: bool = False
    # it speaks of the articles as texts and asks nothing of them ("summarize the article"):
    # a passage its words find says nothing of which article is meant
    of_texts_only: bool = False
    scale: dict[str, float] = field(default_factory=dict)
    code: bool = False  # it writes something as code (``retrieval.question.code``)
    # the words that describe the article asked about ("the *greek sprinters* article",
    # ``retrieval.question.described``), by weight: not searched, and held by its passages
    described: dict[str, float] = field(default_factory=dict)
    # ``text`` without the words a chat adds around a question ("does anyone know", "pls":
    # ``fillers.without_asides``), which its meaning and what it asks for are read from
    asked: str = ""
    # each alias typed and searched as typed ("mod"), with its phrase ("moderator"): the terms
    # of one and of the other say the same thing (``AliasWords.said_otherwise``)
    aliased: tuple[tuple[frozenset[str], frozenset[str]], ...] = ()

    @property
    def meant(self) -> str:
        """What the question asks, without the words of how it is asked (``asked``)."""
        return self.asked or self.text


def shouted(text: str) -> bool:
    """Whether ``text`` is typed in capitals, or with every word capitalised, small words too
    ("What Is The Plan"): a way of typing, not names, from three words on."""
    words = [word for word in text.split() if word[:1].isalpha()]
    if len(words) < 3 or not all(word[0].isupper() for word in words):
        return False
    return text.isupper() or any(word.casefold() in _SMALL_WORDS for word in words[1:])


_SMALL_WORDS = frozenset("a an the of to in on at for and or is are was were do does did".split())
_TITLED = patterns.compile(r"\b[A-Z][a-z]+\b")


def _lower(match: re.Match[str]) -> str:
    return match.group().lower()


def example_question(articles: Sequence[Article]) -> str:
    """A question to show someone who asked none, about the corpus loaded: its first article."""
    if not articles:
        return "What do the articles say?"
    return f'What does "{articles[0].title}" say?'


class QuestionReader:
    """Reads questions against one corpus's passages (see the module's docstring)."""

    def __init__(
        self, passages: Passages, max_chars: int, off: frozenset[str] = frozenset()
    ) -> None:
        self._passages = passages
        self._off = off  # heuristics switched off (retrieval.heuristics)
        self._tokenizer = passages.tokenizer
        self._max_chars = max_chars
        articles = passages.corpus.articles
        self._mentions = Mentions(articles, self._tokenizer.tokenize)
        self._names = ArticleNames(passages)
        self._aliases = AliasTable() if "aliases" in off else alias_table(articles)
        self._words = WordReader(passages, off)
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
        off = self._off
        if shouted(text):  # read as if typed in lowercase, but for the acronyms Title Case keeps
            text = text.lower() if text.isupper() else _TITLED.sub(_lower, text)
        rewritten, named = rewrite_naming_aliases(text, self._aliases, off)
        terms: list[str] = []
        weights: dict[str, float] = {}
        surface: dict[str, str] = {}
        aliases = AliasWords(named, self._phrase_terms)
        shortened: dict[str, float] = {}
        meant = rewritten if "fillers" in off else without_asides(rewritten)  # same spans
        searched = meant if "fillers" in off else without_hedges(meant)
        tokens = list(self._tokenizer.tokens(searched))
        if "compounds" not in off and len(tokens) > 1:  # "lock file" for the corpus's "lockfile"
            pairs = self._words.term_pairs
            tokens = join_compounds(searched, tokens, pairs, self._tokenizer.term)
        for token in tokens:
            if named:
                aliases.add_before(token.start, terms, weights, surface)
            typed = searched[token.start : token.end]
            alias = aliases.holding(token.start) if named else None
            if alias is not None:  # a word of a phrase an alias names
                self._alias_word(aliases, alias, typed, token.term, terms, weights, surface)
                continue
            reading = self._words.read(typed, token.term)
            for term, shown, weight, share in reading.terms:
                terms.append(term)
                if share < 1.0:
                    shortened[term] = share
                if weight >= weights.get(term, -1.0):
                    weights[term] = weight
                    surface[term] = shown
            if reading.as_typed:
                aliases.typed.add(reading.terms[0][0])
        aliases.add_before(len(searched), terms, weights, surface)
        if "symbols" not in off:
            self._symbols(searched, terms, weights, surface)
        if not terms:
            raise QuestionError(
                "That question has only common words; name the topic you want to know about."
            )
        query = self._with_mentions(aliases.text(rewritten), terms, weights, surface)
        scale = {t: s for t, s in shortened.items() if s < 1.0 and t not in aliases.typed}
        scale |= aliases.scale()
        asked = " ".join(aliases.text(meant).split()) if meant != rewritten else ""
        said = aliases.said_otherwise()
        if scale or asked or said:
            return replace(query, scale=scale, asked=asked, aliased=said)
        return query

    def _symbols(
        self, text: str, terms: list[str], weights: dict[str, float], surface: dict[str, str]
    ) -> None:
        """A symbol asked about searched by its name (``retrieval.question.symbols``): "^"
        as "caret". A corpus that never names it lacks it, as it would lack a word asked."""
        for symbol, name in symbols_named(text):
            term = self._tokenizer.term(name)
            if term and term not in weights:
                terms.append(term)
                weights[term] = self._words.weight(term, name)
                surface[term] = symbol

    def _alias_word(
        self,
        aliases: AliasWords,
        alias: int,
        typed: str,
        term: str,
        terms: list[str],
        weights: dict[str, float],
        surface: dict[str, str],
    ) -> None:
        """A word of a phrase an alias names: it weighs for the alias, and is searched only
        when the corpus holds it as typed (else the alias's phrase is what is searched)."""
        word = spelled(typed)
        if not self._words.is_known(term):
            aliases.weigh(alias, english_weight(word), None)
            return
        index = self._passages.index
        term_id = index.vocabulary.get(term)
        weight = self._words.weight(term, word)
        aliases.weigh(alias, weight, None if term_id is None else float(index.idf[term_id]), term)
        terms.append(term)
        if weight >= weights.get(term, -1.0):
            weights[term] = weight
            surface[term] = typed

    def _phrase_terms(self, phrase: str) -> list[TermInfo]:
        """Each word of an alias's phrase: its term, the word as written, its weight and its
        idf in BM25 (0 for a term the paragraphs lack)."""
        index = self._passages.index
        found = []
        for token in self._tokenizer.tokens(phrase):
            typed = phrase[token.start : token.end]
            term = token.term
            word = spelled(typed)
            term_id = index.vocabulary.get(term)
            weight = term_weight(word, term, index)
            idf = 0.0 if term_id is None else float(index.idf[term_id])
            found.append((term, typed, weight, idf))
        return found

    def _with_mentions(
        self, text: str, terms: list[str], weights: dict[str, float], surface: dict[str, str]
    ) -> Query:
        """Set apart the words that name an article, and then the words for it (``mentions``).

        "per bandow", "what does the cato writer think", "why does the article mention":
        once a question names an article or points at one, "writer", "think" and "mention" say
        which text is meant; otherwise they may be what is asked ("Who was the author of
        ...?"), and stay. An article named by its subject ("the greek sprinters article",
        ``retrieval.question.described``) is named as its author would name it.
        """
        if "mentions" in self._off:
            return Query(text, terms, weights, surface, code=writes_code(text))
        mentions = self._mentions
        references = mentions.references(terms)
        about = mentions.asks_about_articles(terms, weights, references)
        described = {}
        if "described" not in self._off and not references:
            described = self._names.described(text, weights)
        kept: dict[str, float] = {}  # the described article's words, held by its passages
        only_the_article = False  # "what does the faq say": the article, nothing of it asked
        of_texts_only = False
        if (references or described or mentions.points_at_articles(text)) and not about:
            references = {**references, **described}
            content = mentions.content(text, weights, surface, references)
            if content:
                kept = {t: w for t, w in weights.items() if t in described and t not in content}
                weights = content
                terms = [t for t in terms if t in content]
            elif references:
                only_the_article = mentions.only_names(text, weights, surface, references)
            else:
                of_texts_only = True
        return Query(
            text,
            terms,
            weights,
            surface,
            frozenset(references.values()),
            about,
            asks_argument="argument" not in self._off
            and (only_the_article or of_texts_only or asks_for_argument(text, bool(references))),
            of_texts_only=of_texts_only,
            code=writes_code(text),
            described=kept,
        )

    def prepare(self) -> None:
        """Build now what the first questions would otherwise wait for (``WordReader``), so
        that a server's first question is as fast as its hundredth."""
        self._words.prepare()

    @property
    def is_prepared(self) -> bool:
        """Whether the speller is built with its words by sound (``prepare``)."""
        return self._words.is_prepared

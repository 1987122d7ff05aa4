"""The answer engine: a corpus, its BM25 index and the rules that turn hits into cited answers."""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from retrieval.answer import (
    Answer,
    ArticleSummary,
    Passage,
    Sources,
    SummarySentence,
)
from retrieval.corpus import lookup
from retrieval.corpus.genre import article_kind
from retrieval.corpus.models import Article, Corpus, Paragraph
from retrieval.corpus.sentences import sentence_spans
from retrieval.corpus.text import normalize
from retrieval.index.abbreviations import defined_abbreviations
from retrieval.index.bm25 import BM25Index, BM25Params
from retrieval.index.meaning import MeaningUnavailable, PassageVectors, WordVectors
from retrieval.index.sentence_terms import SentenceRecorder, SentenceTerms
from retrieval.index.stopwords import ENGLISH_STOP_WORDS
from retrieval.index.tokenize import Tokenizer
from retrieval.question.chat import rewrite
from retrieval.question.fillers import without_fillers
from retrieval.question.mentions import Mentions, card_text
from retrieval.question.spelling import Respelling, Speller, lemma_families
from retrieval.question.weights import blend, english_weight, phrase_weights
from retrieval.search.rerank import closeness, rerank, share
from retrieval.settings import EngineSettings
from retrieval.summary.article import Sentence, relevant_sentences, summary_sentences
from retrieval.verdict import rules as verdict
from retrieval.verdict.asked_for import INSTANCE_CREDIT, LACKING, asked_for, holds, kind_asked

MAX_TOP_K = 100
_MIN_ROOT = 5
CARD = "title"  # the kind of an article's card passage (see retrieval.question.mentions)
_WORDS = re.compile(r"[^\W\d_][\w'\u2019-]*")
TOPIC_PASSAGES = 64  # an article's subject is the mean meaning of its first passages


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


@dataclass(frozen=True, slots=True)
class Hit:
    """A ranked paragraph: ``index`` is its position in the whole corpus."""

    article: str
    paragraph: int
    score: float
    index: int


class Engine:
    """Answers questions and summarizes articles from one immutable corpus.

    Build a new engine to change the corpus: callers holding the old one keep a consistent view.
    """

    def __init__(
        self,
        corpus: Corpus,
        settings: EngineSettings | None = None,
        *,
        tokenizer: Tokenizer | None = None,
    ) -> None:
        self.corpus = corpus
        self.settings = settings or EngineSettings()
        self.tokenizer = tokenizer or Tokenizer()
        # Every paragraph in corpus order, then every article's card (paragraph 0, the title).
        self._located: list[tuple[Article, Paragraph]] = list(corpus.iter_paragraphs())
        self._first_card = len(self._located)
        self._located.extend((a, Paragraph(0, a.title, CARD)) for a in corpus.articles)
        self._cards = {
            self._first_card + i: self.tokenizer.tokenize(card_text(a))
            for i, a in enumerate(corpus.articles)
        }
        retrieval = self.settings.retrieval
        params = BM25Params(k1=retrieval.k1, b=retrieval.b, epsilon=retrieval.epsilon)
        recorder = SentenceRecorder(self.tokenizer.tokenize)
        self._defined = self._abbreviations(corpus)
        self.index = BM25Index(
            (self._recorded_terms(recorder, i) for i in range(self._first_card)),
            params,
            keep_sequence=True,
        )
        assert self.index.sequence is not None
        self._kept = SentenceTerms(
            recorder, self.index.vocabulary, self.index.sequence, self.index.doc_len
        )
        # Cards have an index of their own: they take part only in questions about articles.
        self._card_index = BM25Index(self._cards.values(), params)
        self._positions = {article.slug: i for i, article in enumerate(corpus.articles)}
        self._sentence_terms = lru_cache(maxsize=4096)(self._split_and_tokenize)
        self._summaries = lru_cache(maxsize=256)(self._summarize)
        self._mentions = Mentions(corpus.articles, self.tokenizer.tokenize)
        self._aliases = self._alias_table(corpus.articles)
        self._speller: Speller | None = None  # built on the first unknown word
        self._speller_lock = threading.Lock()  # asks run in threads; build it once
        # Compared as normalised text, so that a curly and a straight quote mean the same.
        self._meaning = PassageVectors(lambda i: normalize(self._located[i][1].text))
        self._words = WordVectors()

    # -- questions ---------------------------------------------------------------------------

    def query(self, question: str) -> Query:
        """What ``question`` asks in the corpus's terms, after checking we can take it.

        The question is first rewritten from chat into the corpus's words (``retrieval.question.chat``:
        invisible characters, shorthand, "us", the articles' aliases); hedges, semi-modals and
        hyphenated prefixes are not searched (``retrieval.question.fillers``); a word the corpus lacks
        is looked for under another form or as a misspelling (``retrieval.question.spelling``).
        """
        text = question.strip()
        limit = self.settings.retrieval.max_question_chars
        if not text:
            raise QuestionError("Ask a question, for example: What is the party congress?")
        if len(text) > limit:
            raise QuestionError(
                f"That question is {len(text):,} characters long; the limit is {limit:,}. "
                "Ask it in fewer words."
            )
        rewritten = rewrite(text, self._aliases)
        terms: list[str] = []
        weights: dict[str, float] = {}
        surface: dict[str, str] = {}
        vocabulary, df, n = self.index.vocabulary, self.index.df, self.index.corpus_size
        cards = self._card_index.vocabulary
        searched = without_fillers(rewritten)
        for token in self.tokenizer.tokens(searched):
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
        return Query(text, terms, weights, surface, frozenset(references.values()), about)

    def query_terms(self, question: str) -> list[str]:
        """The question's index terms (see ``query``)."""
        return self.query(question).terms

    def search(self, question: str, top_k: int = 10) -> list[Hit]:
        """The best paragraphs, best first, with their BM25 scores; no verdict.

        BM25Okapi ranks the corpus; its first ``rerank_depth`` results are then reordered by
        closeness (see ``retrieval.search.rerank``). ``rerank_depth = 0`` gives plain BM25 order.
        Paragraphs of an article the question names come first (``retrieval.question.mentions``).
        """
        return self._hits(self.query(question), top_k)

    def ask(self, question: str, top_k: int | None = None) -> Answer:
        """Quote the passages that answer ``question``, the closest ones, or say there are none.

        ``retrieval.verdict`` holds the rule: the best passage's support (how much of the
        question's information it holds, in one sentence, with the question's word pairs, and
        in meaning), the word it lacks that weighs most, and whether the question is on the
        articles' subject at all. Names count once (``phrase_weights``) among the hits.
        """
        query = self.query(question)
        settings = self.settings.retrieval
        hits = self._hits(query, top_k or settings.top_k)
        weights = phrase_weights(
            query.terms, query.weights, (self._sentence_terms(hit.index)[2] for hit in hits)
        )
        query = replace(query, weights=weights)
        similarity = self._similarity(query, [hit.index for hit in hits])
        kind = self._kind_asked(query)
        stand_ins = [self._stand_ins(query, hit.index, kind) for hit in hits]
        coverage = [
            verdict.with_meaning(
                verdict.support(
                    query.terms,
                    query.weights,
                    self._sentence_terms(hit.index)[2],
                    settings.support_weights,
                    found,
                ),
                near,
                settings,
            )
            for hit, near, found in zip(hits, similarity, stand_ins, strict=True)
        ]
        best = max(range(len(hits)), key=lambda i: (coverage[i], -i), default=None)
        if best is None:
            decided: verdict.Verdict = "none"
        else:
            lacking = verdict.largest_gap(
                query.weights, self._terms_of(hits[best].index), stand_ins[best]
            )
            subject = coverage[best] >= settings.min_coverage or self._on_subject(query, hits)
            decided = verdict.decide(coverage[best], lacking, subject, settings)
        unstated = self._unstated(query, hits, coverage) if decided == "answer" else None
        if unstated is not None:
            decided = "closest"
        if decided == "none":
            return self._no_answer(question, query, None if best is None else hits[best])
        floor = verdict.quoted_floor(settings) if decided == "answer" else 0.0
        passages = [
            self._passage(hit, query.weights, covered)
            for hit, covered in zip(hits, coverage, strict=True)
            if covered >= floor and covered > 0
        ]
        present = {t for p in passages for t in self._terms_of(self._index_of(p))}
        missing = verdict.missing_words(query.weights, present, query.surface)
        if decided == "closest":
            return Answer(
                question=question,
                verdict="closest",
                abstained=False,
                reason=verdict.explain("closest", missing, None, unstated),
                passages=passages,
                missing=missing,
            )
        return Answer(
            question=question,
            verdict="answer",
            abstained=False,
            passages=passages,
            summary=self._answer_summary(query.weights, passages),
        )

    def _unstated(self, query: Query, hits: Sequence[Hit], coverage: Sequence[float]) -> str | None:
        """What the question asks for (a time, a number, a name; ``retrieval.verdict.asked_for``) when
        no passage that would answer it states one, else None. A question for an article's
        author is answered by its card, which quotes the title alone."""
        wanted = asked_for(query.text)
        if wanted is None or (wanted == "name" and query.about_articles):
            return None
        floor = self.settings.retrieval.min_coverage
        for hit, covered in zip(hits, coverage, strict=True):
            if covered >= floor and holds(wanted, self._located[hit.index][1].text, query.text):
                return None
        return LACKING[wanted]

    def _known_form(self, term: str) -> str:
        """An unseen term's shortest-step relative in the vocabulary ("american" -> "america").

        Snowball leaves demonyms and a few derivations apart from their roots; one or two
        trailing letters are dropped, never below five, and only for terms the corpus lacks.
        """
        vocabulary = self.index.vocabulary
        if term in vocabulary or "." in term:
            return term
        for cut in (1, 2):
            root = term[:-cut]
            if len(root) >= _MIN_ROOT and root in vocabulary:
                return root
        return term

    def _hits(self, query: Query, top_k: int) -> list[Hit]:
        """BM25's best paragraphs, the first ``rerank_depth`` reordered by closeness.

        Cards take part only when the question asks about articles, and then come first; the
        passages of the articles it names come before the others.
        """
        top_k = max(1, min(top_k, MAX_TOP_K))
        depth = self.settings.retrieval.rerank_depth
        wanted = max(top_k, depth)
        ranked = self.index.top_k(query.terms, wanted)
        if query.articles:
            named = [(i, sc) for i, sc in ranked if self._located[i][0].slug in query.articles]
            ranked = named + [(i, sc) for i, sc in ranked if (i, sc) not in named]
        if query.about_articles:  # what is asked is on the cards: they come first
            cards = self._card_index.top_k(query.terms, top_k)
            ranked = [(self._first_card + i, score) for i, score in cards] + ranked
            depth += len(cards)
        if depth > 1 and len(ranked) > 1:
            head, tail = ranked[:depth], ranked[depth:]
            near = self._closeness(query, [i for i, _ in head])
            order = rerank([score for _, score in head], near)
            if query.articles:
                order.sort(key=lambda i: self._located[head[i][0]][0].slug not in query.articles)
            if query.about_articles:
                order.sort(key=lambda i: head[i][0] < self._first_card)
            ranked = [head[i] for i in order] + tail
        return [
            Hit(self._located[i][0].slug, self._located[i][1].number, score, i)
            for i, score in ranked[:top_k]
        ]

    def _closeness(self, query: Query, indices: Sequence[int]) -> list[float]:
        """Each passage's closeness to the question (``retrieval.search.rerank``), read from the term
        ids kept at build; a term the corpus lacks gets an id of its own below zero."""
        vocabulary = self.index.vocabulary
        code = {
            term: vocabulary.get(term, -1 - n)
            for n, term in enumerate(dict.fromkeys([*query.terms, *query.weights]))
        }
        terms = [code[t] for t in query.terms]
        weights = {code[t]: w for t, w in query.weights.items()}
        return [
            closeness(query.terms, query.weights, [self._cards[i]])  # a card: one "sentence"
            if i in self._cards
            else closeness(terms, weights, self._kept.sentence_ids(i))
            for i in indices
        ]

    def _stand_ins(self, query: Query, index: int, kind: str | None) -> dict[str, float]:
        """Question terms a passage lacks but says in other words (``WordVectors``), or
        names one of (``_instance_of_kind``; ``kind`` is ``_kind_asked``'s term)."""
        kind_credit = self._instance_of_kind(query, index, kind)
        if self.settings.retrieval.meaning_weight == 0:
            return kind_credit
        present = self._terms_of(index)
        wanted = [t for t in query.weights if t not in present]
        if not wanted:
            return kind_credit
        text = self._located[index][1].text
        words = sorted({m.casefold() for m in _WORDS.findall(text)})
        try:
            found = self._words.stand_ins([query.surface[t].casefold() for t in wanted], words)
        except MeaningUnavailable:
            return kind_credit
        said = {t: v for t, v in zip(wanted, found, strict=True) if v > 0}
        return {
            t: max(said.get(t, 0.0), kind_credit.get(t, 0.0))
            for t in said.keys() | kind_credit.keys()
        }

    def _kind_asked(self, query: Query) -> str | None:
        """The term of the word a "which ..." question names its answer's kind by ("which
        countries"), when the question asks for no time or number and weighs that word."""
        kind = kind_asked(query.text)
        if kind is None or asked_for(query.text) not in (None, "name"):
            return None
        term = self.tokenizer.term(kind)
        return term if term in query.weights else None

    def _instance_of_kind(self, query: Query, index: int, kind: str | None) -> dict[str, float]:
        """``kind`` (``_kind_asked``), when the passage lacks it but names something the
        question does not ("India"): that name may be one of the kind
        (``asked_for.INSTANCE_CREDIT``)."""
        if kind is None or kind in self._terms_of(index):
            return {}
        if not holds("name", self._located[index][1].text, query.text):
            return {}
        return {kind: INSTANCE_CREDIT}

    def _on_subject(self, query: Query, hits: Sequence[Hit]) -> bool:
        """``verdict.on_subject`` for the question and the articles of its hits."""
        if not hits:
            return False
        words = max(
            share(query.weights, self._terms_of(hit.index) & query.weights.keys()) for hit in hits
        )
        groups = []
        for slug in dict.fromkeys(hit.article for hit in hits):
            start = self._paragraph_index(slug, 1)
            size = len(self.corpus.by_slug[slug].paragraphs)
            groups.append([self._paragraph_index(slug, 0), *range(start, start + size)])
        try:
            topic = self._meaning.topic(
                normalize(query.text), [group[:TOPIC_PASSAGES] for group in groups]
            )
        except MeaningUnavailable:
            topic = 1.0  # without the model, words alone decide
        return verdict.on_subject(topic, words, self.settings.retrieval)

    def _similarity(self, query: Query, indices: Sequence[int]) -> list[float]:
        """Closeness in meaning of the question to each passage (0s if the model is missing)."""
        if self.settings.retrieval.meaning_weight == 0:
            return [0.0] * len(indices)
        try:
            return self._meaning.similarity(normalize(query.text), indices)
        except MeaningUnavailable:
            return [0.0] * len(indices)

    def _terms_of(self, index: int) -> set[str]:
        return set(self._sentence_terms(index)[1])

    def _passage(self, hit: Hit, weights: dict[str, float], coverage: float) -> Passage:
        article, paragraph = self._located[hit.index]
        highlights: list[tuple[int, int]] = []
        matched: dict[str, str] = {}
        for token in self.tokenizer.tokens(paragraph.text):
            if token.term in weights:
                highlights.append((token.start, token.end))
                surface = paragraph.text[token.start : token.end]
                matched.setdefault(normalize(surface).casefold(), surface)
        return Passage(
            article=article.slug,
            title=article.title,
            publisher=article.publisher,
            paragraph=paragraph.number,
            citation=article.citation(paragraph.number),
            text=paragraph.text,
            score=hit.score,
            kind=paragraph.kind,
            author=article.author,
            matched_terms=list(matched.values()),
            highlights=highlights,
            coverage=round(coverage, 4),
        )

    def _answer_summary(
        self, weights: dict[str, float], passages: Sequence[Passage]
    ) -> list[SummarySentence]:
        candidates: list[tuple[Article, Paragraph, tuple[int, int]]] = []
        terms: list[list[str]] = []
        ranks: list[int] = []
        for rank, passage in enumerate(passages):
            if passage.kind != "body":  # captions, bios, titles: quotable, never summarised
                continue
            index = self._index_of(passage)
            article, paragraph = self._located[index]
            spans, _, sentence_terms = self._sentence_terms(index)
            candidates.extend((article, paragraph, span) for span in spans)
            terms.extend(sentence_terms)
            ranks.extend([rank] * len(spans))
        chosen = relevant_sentences(
            weights, terms, self.settings.retrieval.answer_sentences, passage_ranks=ranks
        )
        return [_sentence_in(*candidates[i][:2], *candidates[i][2]) for i in chosen]

    def _no_answer(self, question: str, query: Query, nearest: Hit | None) -> Answer:
        """The ``none`` verdict; ``nearest`` is the best-supported hit, if any."""
        closest, present = None, set[str]()
        if nearest is not None:
            article, paragraph = self._located[nearest.index]
            closest = article.citation(paragraph.number)
            present = self._terms_of(nearest.index)
        missing = verdict.missing_words(query.weights, present, query.surface)
        return Answer(
            question=question,
            verdict="none",
            abstained=True,
            reason=verdict.explain("none", missing, closest),
            missing=missing,
            topics=[article.title for article in self.corpus],
        )

    # -- articles ----------------------------------------------------------------------------

    def find_article(self, reference: str) -> Article:
        """The article ``reference`` names (``retrieval.corpus.lookup``: number, slug or a part of it,
        words of its title, publisher or author); AmbiguousArticle or ArticleNotFound else."""
        return lookup.find_article(self.corpus, reference)

    def summarize(self, article: str, sentences: int | None = None) -> ArticleSummary:
        """The body sentences that best state the article's point, in document order, cited.

        ``article`` is anything ``find_article`` takes; summaries are cached (deterministic).
        """
        found = self.find_article(article)
        return self._summaries(found.slug, sentences or self.settings.summary.sentences)

    def _summarize(self, slug: str, count: int) -> ArticleSummary:
        found = self.corpus.by_slug[slug]
        kind = article_kind(found)
        located: list[tuple[Paragraph, tuple[int, int]]] = []
        candidates: list[Sentence] = []
        body = (p for p in found.paragraphs if p.is_body)
        for place, paragraph in enumerate(body):
            spans, _, sentence_terms = self._sentence_terms(
                self._paragraph_index(found.slug, paragraph.number)
            )
            for (start, end), terms in zip(spans, sentence_terms, strict=True):
                located.append((paragraph, (start, end)))
                candidates.append(Sentence(terms, paragraph.text[start:end], place))
        chosen = summary_sentences(
            candidates,
            self.tokenizer.tokenize(found.title),
            count,
            kind=kind,
            position_weight=self.settings.summary.position_weight,
            coherent=self.settings.summary.coherent,
            news_pointers=self.settings.summary.news_pointers,
        )
        quotes = [_sentence_in(found, located[i][0], *located[i][1]) for i in chosen]
        return ArticleSummary(
            article=found.slug,
            title=found.title,
            publisher=found.publisher,
            author=found.author,
            kind=kind,
            sentences=quotes,
        )

    def sources(self) -> Sources:
        return Sources(
            articles=[
                lookup.article_info(number, a)
                for number, a in enumerate(self.corpus.articles, start=1)
            ],
            loaded_at=self.corpus.loaded_at,
        )

    # -- helpers -----------------------------------------------------------------------------

    def _paragraph_index(self, slug: str, number: int) -> int:
        """Position of an article's paragraph (0: its card) among all passages."""
        position = self._positions[slug]
        if number == 0:
            return self._first_card + position
        return self.corpus.paragraph_offsets[position] + number - 1

    @property
    def passage_count(self) -> int:
        """Passages: every paragraph (the BM25 index's documents, in order), then the cards."""
        return len(self._located)

    def located(self, index: int) -> tuple[Article, Paragraph]:
        """The article and paragraph at a position (paragraph 0: the article's card)."""
        return self._located[index]

    def _index_of(self, passage: Passage) -> int:
        return self._paragraph_index(passage.article, passage.paragraph)

    def indexed_terms(self, index: int) -> list[str]:
        """What BM25 indexes for a passage: its words, and for a non-body paragraph its kind
        ("caption", "bio"), so that people can ask for the caption; for a card, its card text
        (indexed apart, in the cards' own index). A paragraph also holds the long forms of the
        abbreviations it uses that its article defined earlier (``retrieval.index.abbreviations``)."""
        card = self._cards.get(index)
        if card is not None:
            return card
        return self._recorded_terms(SentenceRecorder(self.tokenizer.tokenize), index)

    def _alias_table(self, articles: Sequence[Article]) -> dict[str, str]:
        """Lowercase alias -> what a question should say instead.

        An alias the corpus itself uses ("DPRK") is kept beside the name it stands for, so
        the passages that use it still match; one that is a function word ("US", "IT") is
        left out, since it would rewrite every "us" and "it".
        """
        table: dict[str, list[str]] = {}
        vocabulary = self.index.vocabulary
        for article in articles:
            for name, others in article.aliases:
                for alias in others:
                    if alias.casefold() in ENGLISH_STOP_WORDS:  # "US" would rewrite "tell us"
                        continue
                    terms = self.tokenizer.tokenize(alias)
                    used = bool(terms) and all(t in vocabulary for t in terms)
                    table.setdefault(alias.casefold(), []).append(
                        f"{alias} {name}" if used else name
                    )
        return {alias: " ".join(dict.fromkeys(names)) for alias, names in table.items()}

    def _respell(self, word: str) -> Respelling | None:
        with self._speller_lock:
            if self._speller is None:
                # The words the index was built from, as the tokenizer saw them (it caches them).
                vocabulary = self.index.vocabulary
                words = [(w, t) for w, t in self.tokenizer.spellings() if t in vocabulary]
                self._speller = Speller(
                    words, self.tokenizer.term, lemma_families(self.tokenizer.stop_words)
                )
            speller = self._speller
        return speller.respell(word)

    def _recorded_terms(self, recorder: SentenceRecorder, index: int) -> list[str]:
        """``indexed_terms``, tokenised a sentence at a time so that the sentences are kept."""
        paragraph = self._located[index][1]
        kind = () if paragraph.is_body else self.tokenizer.tokenize(paragraph.kind)
        carried = self._defined.get(index, ())
        if carried:
            known = set(self.tokenizer.tokenize(paragraph.text))
            return recorder.terms(paragraph.text, kind, self._lacking(carried, known))
        return recorder.terms(paragraph.text, kind)

    @staticmethod
    def _abbreviations(corpus: Corpus) -> dict[int, list[tuple[int, str]]]:
        """Paragraph index -> the long forms of the abbreviations it uses that its article
        defined earlier (``retrieval.index.abbreviations``)."""
        found: dict[int, list[tuple[int, str]]] = {}
        index = 0
        for article in corpus.articles:
            for used in defined_abbreviations([p.text for p in article.paragraphs]):
                if used:
                    found[index] = used
                index += 1
        return found

    def _lacking(
        self, carried: Sequence[tuple[int, str]], terms: set[str]
    ) -> list[tuple[int, list[str]]]:
        """The terms of carried words that a paragraph holding ``terms`` lacks, by offset."""
        found: list[tuple[int, list[str]]] = []
        for offset, words in carried:
            extra = [t for t in dict.fromkeys(self.tokenizer.tokenize(words)) if t not in terms]
            if extra:
                found.append((offset, extra))
                terms = terms | set(extra)
        return found

    def _split_and_tokenize(
        self, index: int
    ) -> tuple[list[tuple[int, int]], list[str], list[list[str]]]:
        """A paragraph's sentence spans, its terms, and each sentence's terms."""
        text = self._located[index][1].text
        card = self._cards.get(index)
        if card is not None:
            return [(0, len(text))], list(card), [list(card)]
        per_sentence = self._kept.sentences(index)
        return sentence_spans(text), [t for terms in per_sentence for t in terms], per_sentence


def _sentence_in(article: Article, paragraph: Paragraph, start: int, end: int) -> SummarySentence:
    return SummarySentence(
        article=article.slug,
        title=article.title,
        publisher=article.publisher,
        paragraph=paragraph.number,
        citation=article.citation(paragraph.number),
        text=paragraph.text[start:end],
        start=start,
        end=end,
    )


def _quote_terms(terms: Sequence[str]) -> str:
    if not terms:
        return "no informative word"
    return ", ".join(f"'{t}'" for t in terms)

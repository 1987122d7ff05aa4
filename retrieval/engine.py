"""The answer engine: a corpus, its BM25 index and the rules that turn hits into cited answers."""

from __future__ import annotations

import difflib
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from retrieval.answer import (
    Answer,
    ArticleInfo,
    ArticleSummary,
    Passage,
    Sources,
    SummarySentence,
)
from retrieval.bm25 import BM25Index, BM25Params
from retrieval.corpus import Article, Corpus, Paragraph
from retrieval.rerank import closeness, rerank, share, support
from retrieval.sentences import sentence_spans
from retrieval.settings import EngineSettings
from retrieval.summarize import central_sentences, relevant_sentences
from retrieval.text import normalize
from retrieval.tokenize import Tokenizer

MAX_TOP_K = 100
_MIN_ROOT = 5
_MAX_NUMBER_DIGITS = 9


class QuestionError(ValueError):
    """A question the engine cannot take; the message tells the asker what to change."""


class ArticleNotFound(LookupError):
    """No article matches a reference; ``suggestions`` are the closest titles or slugs."""

    def __init__(self, reference: str, suggestions: Sequence[str], *, close: bool = True) -> None:
        lead = "Did you mean" if close else "Try a number from the list of sources, or"
        hint = f" {lead}: {', '.join(suggestions)}?" if suggestions else ""
        shown = reference if len(reference) <= 80 else reference[:79] + "\u2026"
        super().__init__(f"No article matches {shown!r}.{hint}")
        self.reference = reference
        self.suggestions = list(suggestions)


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
        self._located: list[tuple[Article, Paragraph]] = list(corpus.iter_paragraphs())
        retrieval = self.settings.retrieval
        self.index = BM25Index(
            (self.tokenizer.tokenize(paragraph.text) for _, paragraph in self._located),
            BM25Params(k1=retrieval.k1, b=retrieval.b, epsilon=retrieval.epsilon),
        )
        self._positions = {article.slug: i for i, article in enumerate(corpus.articles)}
        self._sentence_terms = lru_cache(maxsize=4096)(self._split_and_tokenize)
        self._summaries = lru_cache(maxsize=256)(self._summarize)

    # -- questions ---------------------------------------------------------------------------

    def query_terms(self, question: str) -> list[str]:
        """The question's index terms, after checking it is a question we can take."""
        text = question.strip()
        limit = self.settings.retrieval.max_question_chars
        if not text:
            raise QuestionError("Ask a question, for example: What is the party congress?")
        if len(text) > limit:
            raise QuestionError(
                f"That question is {len(text):,} characters long; the limit is {limit:,}. "
                "Ask it in fewer words."
            )
        terms = [self._known_form(term) for term in self.tokenizer.tokenize(text)]
        if not terms:
            raise QuestionError(
                "That question has only common words; name the topic you want to know about."
            )
        return terms

    def search(self, question: str, top_k: int = 10) -> list[Hit]:
        """The best paragraphs, best first, with their BM25 scores; no abstention.

        BM25Okapi ranks the corpus; its first ``rerank_depth`` results are then reordered by
        closeness (see ``retrieval.rerank``). ``rerank_depth = 0`` gives plain BM25 order.
        """
        terms = self.query_terms(question)
        return self._hits(terms, top_k)

    def ask(self, question: str, top_k: int | None = None) -> Answer:
        """Quote the passages that answer ``question``, or say that the corpus does not.

        The best passage's support (``retrieval.rerank.support``: how much of the question's
        information it holds, in one sentence, and with the question's word pairs; see
        ``term_weights``) must reach ``min_coverage``; passages with less than half that are
        not quoted. On SQuAD one passage's support separates answerable from unanswerable
        questions better than its share of the words alone, and far better than what several
        passages hold together (docs/BENCHMARKS.md).
        """
        terms = self.query_terms(question)
        settings = self.settings.retrieval
        weights = self.term_weights(terms)
        hits = self._hits(terms, top_k or settings.top_k)
        coverage = [
            support(terms, weights, self._sentence_terms(hit.index)[2], settings.support_weights)
            for hit in hits
        ]
        if max(coverage, default=0.0) < settings.min_coverage:
            return self._abstention(question, weights, hits, coverage)
        passages = [
            self._passage(hit, weights, covered)
            for hit, covered in zip(hits, coverage, strict=True)
            if covered >= settings.min_coverage / 2
        ]
        return Answer(
            question=question,
            abstained=False,
            passages=passages,
            summary=self._answer_summary(weights, passages),
        )

    def term_weights(self, terms: Sequence[str]) -> dict[str, float]:
        """How informative each distinct query term is, for coverage and abstention.

        ``log(1 + (N - df + 0.5) / (df + 0.5))``: unlike Okapi's idf it never goes negative, so
        a word found nearly everywhere still counts a little; a word the corpus lacks counts as
        much as the rarest word it has, so asking about it pulls coverage down.
        """
        n = self.index.corpus_size
        weights: dict[str, float] = {}
        for term in terms:
            term_id = self.index.vocabulary.get(term)
            df = max(1, int(self.index.df[term_id])) if term_id is not None else 1
            weights[term] = math.log(1 + (n - df + 0.5) / (df + 0.5))
        return weights

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

    def _hits(self, terms: Sequence[str], top_k: int) -> list[Hit]:
        """BM25's best paragraphs, the first ``rerank_depth`` reordered by closeness."""
        top_k = max(1, min(top_k, MAX_TOP_K))
        depth = self.settings.retrieval.rerank_depth
        ranked = self.index.top_k(terms, max(top_k, depth))
        if depth > 1 and len(ranked) > 1:
            weights = self.term_weights(terms)
            head, tail = ranked[:depth], ranked[depth:]
            near = [closeness(terms, weights, self._sentence_terms(i)[2]) for i, _ in head]
            order = rerank([score for _, score in head], near)
            ranked = [head[i] for i in order] + tail
        return [
            Hit(self._located[i][0].slug, self._located[i][1].number, score, i)
            for i, score in ranked[:top_k]
        ]

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
            index = self._paragraph_index(passage.article, passage.paragraph)
            article, paragraph = self._located[index]
            spans, _, sentence_terms = self._sentence_terms(index)
            candidates.extend((article, paragraph, span) for span in spans)
            terms.extend(sentence_terms)
            ranks.extend([rank] * len(spans))
        chosen = relevant_sentences(
            weights, terms, self.settings.retrieval.answer_sentences, passage_ranks=ranks
        )
        return [_sentence_in(*candidates[i][:2], *candidates[i][2]) for i in chosen]

    def _abstention(
        self,
        question: str,
        weights: dict[str, float],
        hits: Sequence[Hit],
        coverage: Sequence[float],
    ) -> Answer:
        if hits:
            best = max(range(len(hits)), key=lambda i: (coverage[i], -i))
            present = self._terms_of(hits[best].index) & weights.keys()
            surface = {
                token.term: question[token.start : token.end]
                for token in reversed(list(self.tokenizer.tokens(question)))
            }
            found = [surface.get(term, term) for term in weights if term in present]
            reason = (
                f"The articles do not cover this: the closest passage "
                f"({hits[best].article} \u00b6{hits[best].paragraph}) shares only "
                f"{_quote_terms(found)} with the question, "
                f"{share(weights, present):.0%} of what it asks about."
            )
        else:
            reason = "The articles do not cover this: no passage shares a word with the question."
        return Answer(
            question=question,
            abstained=True,
            reason=reason,
            topics=[article.title for article in self.corpus],
        )

    # -- articles ----------------------------------------------------------------------------

    def find_article(self, reference: str) -> Article:
        """An article by its number in ``sources``, its slug, or part of its title."""
        ref = normalize(reference).strip().casefold()
        articles = self.corpus.articles
        if ref.isdecimal() and len(ref) <= _MAX_NUMBER_DIGITS and 1 <= int(ref) <= len(articles):
            return articles[int(ref) - 1]
        if ref in self.corpus.by_slug:
            return self.corpus.by_slug[ref]
        if ref:
            matches = [a for a in articles if ref in normalize(a.title).casefold()]
            if len(matches) == 1:
                return matches[0]
            if len(matches) > 1:
                raise ArticleNotFound(reference, [a.slug for a in matches][:5])
        names = {a.slug: a.slug for a in articles} | {
            normalize(a.title).casefold(): a.slug for a in articles
        }
        close = difflib.get_close_matches(ref, list(names), n=3, cutoff=0.5)
        suggestions = list(dict.fromkeys(names[name] for name in close))
        if suggestions:
            raise ArticleNotFound(reference, suggestions)
        raise ArticleNotFound(reference, [a.slug for a in articles][:5], close=False)

    def summarize(self, article: str, sentences: int | None = None) -> ArticleSummary:
        """The article's most central body sentences, in document order, each cited.

        ``article`` is anything ``find_article`` takes; summaries are cached (deterministic).
        """
        found = self.find_article(article)
        return self._summaries(found.slug, sentences or self.settings.summary.sentences)

    def _summarize(self, slug: str, count: int) -> ArticleSummary:
        found = self.corpus.by_slug[slug]
        candidates: list[tuple[Paragraph, tuple[int, int]]] = []
        terms: list[list[str]] = []
        for paragraph in found.paragraphs:
            if not paragraph.is_body:
                continue
            spans, _, sentence_terms = self._sentence_terms(
                self._paragraph_index(found.slug, paragraph.number)
            )
            candidates.extend((paragraph, span) for span in spans)
            terms.extend(sentence_terms)
        chosen = central_sentences(
            terms, count, position_weight=self.settings.summary.position_weight
        )
        quotes = [_sentence_in(found, candidates[i][0], *candidates[i][1]) for i in sorted(chosen)]
        return ArticleSummary(
            article=found.slug,
            title=found.title,
            publisher=found.publisher,
            author=found.author,
            sentences=quotes,
        )

    def sources(self) -> Sources:
        return Sources(
            articles=[
                ArticleInfo(
                    number=number,
                    article=a.slug,
                    title=a.title,
                    publisher=a.publisher,
                    author=a.author,
                    paragraphs=len(a.paragraphs),
                    body_paragraphs=a.body_paragraph_count,
                )
                for number, a in enumerate(self.corpus.articles, start=1)
            ],
            loaded_at=self.corpus.loaded_at,
        )

    # -- helpers -----------------------------------------------------------------------------

    def _paragraph_index(self, slug: str, number: int) -> int:
        """Position of an article's paragraph in the whole corpus."""
        return self.corpus.paragraph_offsets[self._positions[slug]] + number - 1

    def _split_and_tokenize(
        self, index: int
    ) -> tuple[list[tuple[int, int]], list[str], list[list[str]]]:
        """A paragraph's sentence spans, its terms, and each sentence's terms."""
        text = self._located[index][1].text
        spans = sentence_spans(text)
        per_sentence = [self.tokenizer.tokenize(text[s:e]) for s, e in spans]
        return spans, [t for terms in per_sentence for t in terms], per_sentence


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

"""The answer engine: one corpus, indexed once, and the pipeline a question goes through.

Each stage is a package of ``retrieval``, in the order the work is done:

1. ``corpus``: the articles, loaded and checked (done before the engine is built);
2. ``index``: every passage tokenised, BM25 over the paragraphs, the title cards, the kept
   sentence terms, the meaning vectors (``Passages``, built here);
3. ``question``: a question in, a ``Query`` out (``QuestionReader``);
4. ``search``: BM25's best passages, reordered by closeness (``Search``);
5. ``verdict``: the evidence on the hits (``Gatherer``) and the rule that reads it
   (``decide``): answer, closest or none, and why;
6. ``summary``: the quoted passages and the answer's summary (``summary.answer``,
   ``summary.in_short``); an article's summary (``summary.article``).
"""

from __future__ import annotations

from dataclasses import replace

from retrieval.answer import Answer, ArticleInfo, ArticleSummary, Sources
from retrieval.cache import Cache
from retrieval.caching import method_cache
from retrieval.corpus import lookup
from retrieval.corpus.listing import article_info
from retrieval.corpus.models import Article, Corpus, Paragraph
from retrieval.index.bm25 import BM25Index, BM25Params
from retrieval.index.passages import Passages
from retrieval.index.tokenize import Tokenizer
from retrieval.question.query import Query, QuestionError, QuestionReader
from retrieval.search.ranking import MAX_TOP_K, Hit, Search
from retrieval.settings import EngineSettings
from retrieval.summary.answer import Replies
from retrieval.summary.article import summarize_article
from retrieval.verdict.decision import decide
from retrieval.verdict.evidence import Gatherer

__all__ = ["MAX_TOP_K", "Engine", "Hit", "Query", "QuestionError"]


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
        cache: Cache | None = None,
    ) -> None:
        """``cache``: a folder where what is built from the corpus is saved for the next
        process, and read from (``retrieval.index.saved``); None builds it all here."""
        self.corpus = corpus
        self.settings = settings or EngineSettings()
        self.tokenizer = tokenizer or Tokenizer()
        retrieval = self.settings.retrieval
        params = BM25Params(k1=retrieval.k1, b=retrieval.b, epsilon=retrieval.epsilon)
        off: frozenset[str] = retrieval.heuristics_off  # for measuring: bench ablate
        self.passages = Passages(corpus, self.tokenizer, params, cache=cache)
        self.questions = QuestionReader(self.passages, retrieval.max_question_chars, off)
        self.searcher = Search(self.passages, retrieval.rerank_depth, off)
        self.gatherer = Gatherer(self.passages, retrieval, off)
        self.replies = Replies(self.passages, retrieval.answer_sentences)
        self._summaries = method_cache(self._summarize, maxsize=256)

    @property
    def index(self) -> BM25Index:
        """The paragraphs' BM25 index (the cards have their own)."""
        return self.passages.index

    def prepare(self) -> None:
        """Load now what the first questions would otherwise wait for: the speller (built from
        the corpus's words), the meaning model, and the corpus's numbered lists. A server calls
        this before it says it is ready; a one-off command need not."""
        self.questions.prepare()
        self.passages.meaning.prepare()
        self.searcher.prepare()

    # -- questions ---------------------------------------------------------------------------

    def ask(self, question: str, top_k: int | None = None, *, article: str | None = None) -> Answer:
        """Quote the passages that answer ``question``, the closest ones, or say there are none.

        ``article`` (anything ``find_article`` takes) keeps the search within that article:
        the same verdict rule, read on its passages alone. One line a stage;
        ``retrieval.verdict.decision`` holds the rule.
        """
        query = self.questions.read(question)
        wanted = top_k or self.settings.retrieval.top_k
        if article is None:
            hits = self.searcher.hits(query, wanted)
        else:
            slug = self.find_article(article).slug
            query = replace(query, articles=frozenset({slug}))
            hits = [hit for hit in self.searcher.hits(query, MAX_TOP_K) if hit.article == slug]
            hits = hits[:wanted]
        if query.asks_argument:  # "summarize the article"
            return self._argument(question, query, hits)
        query = self.searcher.names_once(query, hits)
        evidence = self.gatherer.evidence(query, hits)
        decision = decide(evidence, self.settings.retrieval)
        return self.replies.answer(question, query, hits, evidence, decision)

    def _argument(self, question: str, query: Query, hits: list[Hit]) -> Answer:
        """What an article argues, asked for ("what does cato recommend"): the article's
        summary, cited, with the paragraphs it quotes. The articles the question names, else
        the one its best passage is from (unless its words only speak of texts: "summarize
        the article"), else the corpus's only one; when none of these is known, which article
        is meant must be asked back."""
        named = [a.slug for a in self.corpus.articles if a.slug in query.articles]
        if not named and hits and not query.of_texts_only:
            named = [hits[0].article]
        if not named and len(self.corpus.articles) == 1:
            named = [self.corpus.articles[0].slug]
        if not named:
            return self.replies.which_article(question)
        return self.replies.argument(question, query, [self.summarize(s) for s in named])

    def query(self, question: str) -> Query:
        """What ``question`` asks in the corpus's terms (``retrieval.question.query``);
        QuestionError when it cannot be taken."""
        return self.questions.read(question)

    def query_terms(self, question: str) -> list[str]:
        """The question's index terms (see ``query``)."""
        return self.query(question).terms

    def search(self, question: str, top_k: int = 10) -> list[Hit]:
        """The best paragraphs, best first, with their BM25 scores; no verdict
        (``retrieval.search.ranking``)."""
        return self.searcher.hits(self.query(question), top_k)

    # -- articles ----------------------------------------------------------------------------

    def find_article(self, reference: str) -> Article:
        """The article ``reference`` names (``retrieval.corpus.lookup``: number, slug or a
        part of it, words of its title, publisher or author); AmbiguousArticle or
        ArticleNotFound else."""
        return lookup.find_article(self.corpus, reference)

    def summarize(self, article: str, sentences: int | None = None) -> ArticleSummary:
        """The body sentences that best state the article's point, in document order, cited
        (``retrieval.summary.article``).

        ``article`` is anything ``find_article`` takes; summaries are cached (deterministic).
        """
        found = self.find_article(article)
        return self._summaries(found.slug, sentences or self.settings.summary.sentences)

    def _summarize(self, slug: str, count: int) -> ArticleSummary:
        return summarize_article(self.passages, slug, count, self.settings.summary)

    def sources(self) -> Sources:
        articles: list[ArticleInfo] = [
            article_info(number, a) for number, a in enumerate(self.corpus.articles, 1)
        ]
        return Sources(articles=articles, loaded_at=self.corpus.loaded_at)

    # -- passages ----------------------------------------------------------------------------

    @property
    def passage_count(self) -> int:
        """Passages: every paragraph (the BM25 index's documents, in order), then the cards."""
        return len(self.passages)

    def located(self, index: int) -> tuple[Article, Paragraph]:
        """The article and paragraph at a position (paragraph 0: the article's card)."""
        return self.passages.located[index]

    def indexed_terms(self, index: int) -> list[str]:
        """What BM25 indexes for a passage (``retrieval.index.passages``)."""
        return self.passages.indexed_terms(index)

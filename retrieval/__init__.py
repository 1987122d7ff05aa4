"""citebot's retrieval library: corpus loading, BM25 search, cited answers and summaries.

It knows nothing of Discord; the bot and the command line render what it returns.
"""

from retrieval.answer import (
    Answer,
    ArticleInfo,
    ArticleSummary,
    Passage,
    Quote,
    Sources,
    SummarySentence,
)
from retrieval.corpus.loader import load_article, load_corpus
from retrieval.corpus.lookup import AmbiguousArticle, ArticleNotFound
from retrieval.corpus.models import Article, Corpus, CorpusError, CorpusProblems, Paragraph
from retrieval.corpus.sentences import sentence_spans, split_sentences
from retrieval.engine import Engine, Hit, QuestionError
from retrieval.index.bm25 import BM25Index, BM25Params
from retrieval.index.tokenize import Tokenizer
from retrieval.settings import EngineSettings, RetrievalSettings
from retrieval.summary.settings import SummarySettings

__all__ = [
    "AmbiguousArticle",
    "Answer",
    "Article",
    "ArticleInfo",
    "ArticleNotFound",
    "ArticleSummary",
    "BM25Index",
    "BM25Params",
    "Corpus",
    "CorpusError",
    "CorpusProblems",
    "Engine",
    "EngineSettings",
    "Hit",
    "Paragraph",
    "Passage",
    "QuestionError",
    "Quote",
    "RetrievalSettings",
    "Sources",
    "SummarySentence",
    "SummarySettings",
    "Tokenizer",
    "load_article",
    "load_corpus",
    "sentence_spans",
    "split_sentences",
]

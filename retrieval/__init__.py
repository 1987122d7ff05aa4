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
from retrieval.bm25 import BM25Index, BM25Params
from retrieval.corpus import Article, Corpus, CorpusError, Paragraph
from retrieval.engine import Engine, Hit, QuestionError
from retrieval.loader import load_article, load_corpus
from retrieval.lookup import AmbiguousArticle, ArticleNotFound
from retrieval.sentences import sentence_spans, split_sentences
from retrieval.settings import EngineSettings, RetrievalSettings, SummarySettings
from retrieval.tokenize import Tokenizer

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

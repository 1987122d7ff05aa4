"""citebot behind a thin adapter, so the benchmarks only touch its public API in one place."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from retrieval import Answer, Engine, Hit
    from retrieval.verdict.decision import Evidence


@dataclass(frozen=True)
class ArticleSpec:
    """An article as the benchmarks build it: slug, title and its paragraphs in order."""

    slug: str
    title: str
    paragraphs: tuple[str, ...]


def code_digest(root: Path = Path(".")) -> str:
    """Short sha256 over citebot's code (retrieval/ and bot/ *.py), to tell runs apart."""
    digest = hashlib.sha256()
    for path in sorted([*root.glob("retrieval/**/*.py"), *root.glob("bot/**/*.py")]):
        relative = path.relative_to(root).as_posix()
        digest.update(relative.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:12]


def build_engine(
    specs: Sequence[ArticleSpec],
    *,
    retrieval: Mapping[str, Any] | None = None,
    summary: Mapping[str, Any] | None = None,
) -> Engine:
    """A citebot engine over the given articles: default settings, or the given fields of
    ``EngineSettings.retrieval`` (``k1``, ``b``, ``min_coverage``...) and ``.summary``."""
    from retrieval import (
        Article,
        Corpus,
        Engine,
        EngineSettings,
        RetrievalSettings,
        SummarySettings,
    )

    articles = [Article.from_paragraphs(s.slug, s.title, s.paragraphs) for s in specs]
    settings = None
    if retrieval or summary:
        settings = EngineSettings(
            retrieval=RetrievalSettings(**(retrieval or {})),
            summary=SummarySettings(**(summary or {})),
        )
    return Engine(Corpus(articles), settings)


def load_engine(directory: Path, *, retrieval: Mapping[str, Any] | None = None) -> Engine:
    """citebot the way the bot starts: default settings (or the given fields of
    ``[retrieval]``) over a folder, read with the limits the command line and the bot use,
    and built whole: the cache a command reads (``retrieval.cache``) is left out, so that
    what is timed is the build."""
    from bot.config import CorpusSettings, Settings
    from retrieval import Engine, RetrievalSettings, load_corpus

    settings = Settings(
        corpus=CorpusSettings(directory=directory),
        retrieval=RetrievalSettings(**(retrieval or {})),
    )
    corpus = load_corpus(
        directory, strict=settings.corpus.strict, max_file_bytes=settings.corpus.max_file_bytes
    )
    return Engine(corpus, settings.engine)


def load_specs(directory: Path) -> list[ArticleSpec]:
    """The articles of a seed folder as loaded by citebot (for feeding the same text elsewhere)."""
    from retrieval import load_corpus

    return [
        ArticleSpec(a.slug, a.title, tuple(p.text for p in a.paragraphs))
        for a in load_corpus(directory).articles
    ]


def leans_back(sentence: str, kind: str) -> bool:
    """Whether citebot's summaries treat ``sentence`` as leaning on the one before it in an
    article of ``kind`` ("opinion": any pointer; "news": a demonstrative)."""
    from retrieval.summary.coherence import leans_back as leans

    return leans(sentence, "news" if kind == "news" else "opinion")


def seed_summaries(
    directory: Path, counts: Sequence[int], repeats: int = 20
) -> list[dict[str, Any]]:
    """Each seed article's summary at each count, with its median milliseconds in-process.

    ``warm_ms``: a summary not yet cached, on an engine that has already split and tokenized
    the article (as a serving engine has after its first request about it); ``cold_ms``: the
    first request on a fresh engine, tokenizing included. Engine builds are not timed.
    """
    import statistics
    import time

    from retrieval import Engine, load_corpus

    corpus = load_corpus(directory)
    out: list[dict[str, Any]] = []
    for article in corpus:
        summaries: dict[int, list[dict[str, Any]]] = {}
        warm: list[float] = []
        cold: list[float] = []
        kind = ""
        for count in counts:
            for _ in range(repeats):
                engine = Engine(corpus)
                started = time.perf_counter()
                engine.summarize(article.slug, count + len(counts))
                cold.append((time.perf_counter() - started) * 1000)
                started = time.perf_counter()
                summary = engine.summarize(article.slug, count)
                warm.append((time.perf_counter() - started) * 1000)
            kind = summary.kind
            summaries[count] = [{"text": s.text, "citation": s.citation} for s in summary.sentences]
        out.append(
            {
                "article": article.slug,
                "title": article.title,
                "kind": kind,
                "summaries": summaries,
                "warm_ms": statistics.median(warm),
                "cold_ms": statistics.median(cold),
            }
        )
    return out


def split_sentences(text: str) -> list[str]:
    from retrieval import split_sentences as split

    return split(text)


def render(answer: Answer) -> str:
    from bot.terminal import answer_to_text

    text: str = answer_to_text(answer)
    return text


def search(engine: Engine, question: str, top_k: int = 10) -> list[tuple[str, int]]:
    """(slug, paragraph) of the hits; [] when citebot refuses the question (QuestionError)."""
    from retrieval import QuestionError

    try:
        return [(hit.article, hit.paragraph) for hit in engine.search(question, top_k=top_k)]
    except QuestionError:
        return []


def evidence(engine: Engine, question: str) -> tuple[list[Hit], Evidence] | None:
    """The hits and the evidence the verdict reads for ``question``, stage by stage as
    ``Engine.ask`` gathers them; None when citebot refuses it or finds nothing."""
    from retrieval import QuestionError

    try:
        query = engine.questions.read(question)
    except QuestionError:
        return None
    hits = engine.searcher.hits(query, engine.settings.retrieval.top_k)
    if not hits:
        return None
    query = engine.searcher.names_once(query, hits)
    return hits, engine.gatherer.evidence(query, hits)


# What a question can get: a confident answer, the closest passages, none, or a refusal of
# the question itself (``ask`` gives None).
VERDICTS = ("answer", "closest", "none", "refused")


def verdict_of(answer: Answer | None) -> str:
    """The verdict: "answer", "closest" or "none" ("refused" for a question ``ask`` refused);
    only "answer" is a confident answer."""
    return "refused" if answer is None else answer.verdict


def ask(engine: Engine, question: str) -> Answer | None:
    """citebot's answer, or None when it refuses the question itself (QuestionError)."""
    from retrieval import QuestionError

    try:
        return engine.ask(question)
    except QuestionError:
        return None

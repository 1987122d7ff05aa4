"""The serving corpus: one engine at a time, swapped whole on reload, never half-applied."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import hashlib
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from bot.config import Settings, unread_folders
from bot.engines import build_engine
from bot.examples import example_question
from retrieval import Answer, ArticleSummary, Corpus, CorpusError, Engine

log = logging.getLogger(__name__)

# Engine calls are pure Python and hold the GIL: more than a couple in threads at once adds no
# throughput but makes the event loop wait its turn behind each of them (measured in
# docs/BENCHMARKS.md, "Concurrent asks"). The rest wait on the loop, where waiting is free.
ENGINE_THREADS = 2


class ArticlesChanged(Exception):
    """The article a menu offered is gone or different since: the corpus was reloaded."""


@dataclass(frozen=True)
class ReloadReport:
    """What a successful reload changed, for the moderator who asked."""

    added: tuple[str, ...]
    removed: tuple[str, ...]
    changed: tuple[str, ...]
    articles: int
    paragraphs: int
    skipped: tuple[str, ...]
    seconds: float
    # folders inside the corpus folder holding articles of their own, which are not read
    unread: tuple[tuple[str, int], ...] = ()

    @property
    def unchanged(self) -> bool:
        return not (self.added or self.removed or self.changed)


class CorpusService:
    """Holds the current engine; questions read it, reloads replace it in one assignment.

    A question takes the engine at its start and keeps it, so it is answered from the
    complete old corpus or the complete new one, never a mix.
    """

    def __init__(self, engine: Engine, settings: Settings, directory: Path) -> None:
        self.engine = engine
        self.settings = settings
        self.directory = directory
        self._reload_lock = asyncio.Lock()
        self._engine_slots = asyncio.Semaphore(ENGINE_THREADS)
        self._example: tuple[Engine, str] | None = None  # the engine it was checked against
        self._version: tuple[Engine, str] | None = None

    @property
    def version(self) -> str:
        """Eight hex digits naming the articles served (every slug and file digest): a
        button carries it, so a click after a reload that changed them is told so."""
        engine = self.engine
        if self._version is None or self._version[0] is not engine:
            parts = "\n".join(f"{a.slug}\t{a.digest}" for a in engine.corpus.articles)
            self._version = (engine, hashlib.sha256(parts.encode()).hexdigest()[:8])
        return self._version[1]

    @classmethod
    def open(cls, settings: Settings, directory: Path | None = None) -> CorpusService:
        """Load and index ``directory`` (default: the configured one); CorpusError if it can't."""
        folder = directory or settings.corpus.directory
        service = cls(build_engine(settings, folder, prepare=True), settings, folder)
        _keep_out_of_collections(collect=True)
        return service

    async def ask(
        self, question: str, top_k: int | None = None, *, article: str | None = None
    ) -> Answer:
        engine = self.engine
        async with self._engine_slots:
            return await asyncio.to_thread(engine.ask, question, top_k, article=article)

    async def summarize(self, article: str, sentences: int | None = None) -> ArticleSummary:
        engine = self.engine
        async with self._engine_slots:
            return await asyncio.to_thread(engine.summarize, article, sentences)

    async def summarize_offered(
        self, slug: str, digest: str | None, sentences: int | None = None
    ) -> ArticleSummary:
        """The summary of the article ``slug`` as it was offered (its file's ``digest``).

        A "which one?" menu names articles of the corpus of its time; after a reload the slug
        may be another article's. Raises ArticlesChanged then, rather than summarize it.
        """
        engine = self.engine
        article = engine.corpus.by_slug.get(slug)
        if article is None or article.digest != digest:
            raise ArticlesChanged(slug)
        async with self._engine_slots:
            return await asyncio.to_thread(engine.summarize, slug, sentences)

    async def reload(self) -> ReloadReport:
        """Load and index the folder again, then switch; on any error keep serving the old one.

        Raises CorpusError naming the file at fault (``CorpusProblems`` when several are); the
        current engine is untouched then.
        """
        async with self._reload_lock:
            return await self._reload()

    @contextlib.asynccontextmanager
    async def changing(self) -> AsyncIterator[Callable[[], Awaitable[ReloadReport]]]:
        """Hold the corpus for one change of its folder: no reload and no other change runs
        meanwhile. Yields the reload to call once the folder is changed."""
        async with self._reload_lock:
            yield self._reload

    async def _reload(self) -> ReloadReport:
        started = time.perf_counter()
        old = self.engine

        def build() -> tuple[Engine, ReloadReport]:  # in a thread: all of it grows with N
            engine = build_engine(
                self.settings, self.directory, tokenizer=old.tokenizer, prepare=True
            )
            seconds = time.perf_counter() - started
            report = _compare(old.corpus, engine.corpus, seconds)
            unread = tuple(unread_folders(self.settings, self.directory).items())
            return engine, replace(report, unread=unread)

        gc.disable()  # no collector pass stops the loop while the build allocates
        try:
            new, report = await asyncio.to_thread(build)
        finally:
            _keep_out_of_collections()
            gc.enable()
        self.engine = new
        log.info(
            "corpus reloaded: %d articles, %d paragraphs, +%d -%d ~%d, %.3fs",
            report.articles,
            report.paragraphs,
            len(report.added),
            len(report.removed),
            len(report.changed),
            report.seconds,
        )
        return report

    def public_problem(self, error: CorpusError) -> str:
        """The error without host paths: the folder is "the corpus folder", files by name."""
        if error.source == str(self.directory):
            return f"the corpus folder: {error.problem}"
        return str(error).replace(str(self.directory), "the corpus folder")

    async def example_question(self) -> str:
        """A question this corpus answers, for ``!help``; found once per corpus, on first use."""
        engine = self.engine
        if self._example is None or self._example[0] is not engine:
            async with self._engine_slots:
                question = await asyncio.to_thread(example_question, engine)
            self._example = (engine, question)
        return self._example[1]


def _keep_out_of_collections(*, collect: bool = False) -> None:
    """Leave every object alive now out of the cyclic garbage collector's passes.

    A pass stops every thread, the event loop's included, while it walks the objects it
    tracks: with a corpus of 90,000 paragraphs (and the English word lists the engine reads)
    one took over 300 ms, during a reload's build above all. An engine is long-lived and holds
    no reference cycle (``retrieval.caching``), so the one a reload replaces is freed when the
    last question using it ends, frozen or not; what a pass would still find is the cyclic
    garbage made while a reload was building, with collection paused, which is kept instead
    (kilobytes). ``collect`` first collects what start-up left (before the bot serves).
    """
    if collect:
        gc.collect()
    gc.freeze()


def _compare(old: Corpus, new: Corpus, seconds: float) -> ReloadReport:
    before = {a.slug: a.digest for a in old}
    after = {a.slug: a.digest for a in new}
    return ReloadReport(
        added=_sorted(after.keys() - before.keys()),
        removed=_sorted(before.keys() - after.keys()),
        changed=_sorted(s for s in after.keys() & before.keys() if after[s] != before[s]),
        articles=len(new),
        paragraphs=new.paragraph_count,
        skipped=tuple(str(problem) for problem in new.skipped),
        seconds=seconds,
    )


def _sorted(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(items))

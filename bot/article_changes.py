"""Adding, replacing, removing and restoring articles: one change at a time per corpus.

Each change holds its corpus (``CorpusService.changing``, the lock reloads take too), changes
the folder so that it loads at every instant (``article_files``), records who did it, then
reloads. If the reload still fails (another file of the folder was broken by hand), the change
is undone on disk and the old engine keeps serving. A crash between the write and the reload
leaves a folder that loads, with the change in it; the next start serves it.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

from bot import article_files
from bot.article_files import Refused
from bot.corpora import Corpora
from bot.service import CorpusService, ReloadReport
from retrieval import Article, ArticleInfo, ArticleSummary, CorpusError
from retrieval.corpus import lookup

log = logging.getLogger(__name__)


class WouldReplace(Exception):
    """The upload's slug names an article already there; replacing it needs a confirmation."""

    def __init__(self, existing: ArticleInfo) -> None:
        super().__init__(existing.article)
        self.existing = existing


@dataclass(frozen=True)
class Done:
    """A change applied and served: what it was, the article, and what the reload did."""

    action: str  # added, replaced, removed, restored
    info: ArticleInfo
    summary: ArticleSummary | None
    report: ReloadReport


@dataclass(frozen=True)
class Who:
    """Where a change is asked for, and by whom."""

    guild_id: int | None
    user_id: int


class ArticleChanges:
    def __init__(self, corpora: Corpora) -> None:
        self.corpora = corpora
        self.max_bytes = corpora.settings.corpus.max_file_bytes

    async def add(self, who: Who, filename: str, data: bytes, *, replace: bool = False) -> Done:
        """Add the file, or replace the article of its slug when ``replace`` (else
        WouldReplace). Refused with the one-line reason ``citebot check`` would give."""
        name = article_files.safe_name(filename)
        # Checked first against what the server reads now, so that a refused file does not
        # give a server its own copy of the articles.
        serving = self.corpora.serving(who.guild_id)
        checked = await asyncio.to_thread(
            article_files.check, name, data, serving.engine.corpus, self.max_bytes
        )
        if not replace and checked.slug in serving.engine.corpus.by_slug:
            raise WouldReplace(_info(serving, checked.slug))
        service = await self.corpora.for_change(who.guild_id)
        folder = service.directory
        async with service.changing() as reload:
            corpus = service.engine.corpus
            staged = await asyncio.to_thread(
                article_files.stage, folder, name, data, corpus, self.max_bytes
            )
            if staged.replaces is not None and not replace:
                article_files.discard(staged.path)
                raise WouldReplace(_info(service, staged.replaces.slug))
            action = "added" if staged.replaces is None else "replaced"
            try:
                kept = await asyncio.to_thread(article_files.commit, folder, staged)
            except OSError as error:
                article_files.discard(staged.path)
                log.error("could not write %s in %s: %s", staged.name, folder, error)
                raise Refused(f"{staged.name}: could not be written; nothing changed") from None
            self._record(who, action, staged.article.slug, staged.name)
            try:
                report = await reload()
            except CorpusError as error:
                await asyncio.to_thread(article_files.undo_commit, folder, staged.name, kept)
                raise self._rolled_back(who, service, staged.article.slug, error) from None
        summary = await _summary(service, staged.article.slug)
        return Done(action, _info(service, staged.article.slug), summary, report)

    def find(self, guild_id: int | None, reference: str) -> Article:
        """The served article ``reference`` names (AmbiguousArticle, ArticleNotFound else)."""
        return lookup.find_article(self.corpora.serving(guild_id).engine.corpus, reference)

    async def remove(self, who: Who, slug: str, digest: str) -> Done:
        """Move the article to removed/ if it is still the version the moderator confirmed."""
        service = await self.corpora.for_change(who.guild_id)
        folder = service.directory
        async with service.changing() as reload:
            corpus = service.engine.corpus
            article = corpus.by_slug.get(slug)
            if article is None or article.digest != digest:
                raise Refused(f"{slug}: changed or removed since you asked; run the command again")
            if len(corpus) == 1:
                raise Refused(f"{slug}: the only article; add another before removing it")
            info = _info(service, slug)
            await asyncio.to_thread(article_files.remove, folder, article)
            self._record(who, "removed", slug, article.source or "")
            try:
                report = await reload()
            except CorpusError as error:
                await asyncio.to_thread(article_files.unremove, folder, article.source or "")
                raise self._rolled_back(who, service, slug, error) from None
        return Done("removed", info, None, report)

    async def restore(self, who: Who, reference: str) -> Done:
        """Bring back a removed article named as everywhere else (among the removed ones)."""
        own = self.corpora.own(who.guild_id)
        removed = (
            await asyncio.to_thread(article_files.removed_articles, own.directory, self.max_bytes)
            if own is not None
            else None
        )
        if removed is None:
            raise Refused("no article has been removed here; nothing to restore")
        article = lookup.find_article(removed, reference)
        service = await self.corpora.for_change(who.guild_id)
        folder = service.directory
        async with service.changing() as reload:
            await asyncio.to_thread(article_files.restore, folder, article, service.engine.corpus)
            self._record(who, "restored", article.slug, article.source or "")
            try:
                report = await reload()
            except CorpusError as error:
                await asyncio.to_thread(article_files.remove, folder, article)
                raise self._rolled_back(who, service, article.slug, error) from None
        summary = await _summary(service, article.slug)
        return Done("restored", _info(service, article.slug), summary, report)

    def _rolled_back(
        self, who: Who, service: CorpusService, slug: str, error: CorpusError
    ) -> Refused:
        """The change was undone on disk because the reload after it failed: say why."""
        log.error("the reload after a change to %s failed, change undone: %s", slug, error)
        self._record(who, "rolled back", slug, "the reload after it failed")
        return Refused(
            "the corpus folder has another problem, so nothing changed: "
            f"{service.public_problem(error)}"
        )

    def _record(self, who: Who, action: str, article: str, detail: str) -> None:
        history = self.corpora.history
        if history is None:
            return
        try:
            history.record(
                corpus=self.corpora.name(who.guild_id),
                guild_id=who.guild_id,
                user_id=who.user_id,
                action=action,
                article=article,
                detail=detail,
            )
        except Exception as error:  # the change stands; only its record is missing
            log.error("could not record %s of %s in the history: %s", action, article, error)


def _info(service: CorpusService, slug: str) -> ArticleInfo:
    for info in service.engine.sources().articles:
        if info.article == slug:
            return info
    raise Refused(f"{slug}: not served after the change")


async def _summary(service: CorpusService, slug: str) -> ArticleSummary | None:
    try:
        return await service.summarize(slug)
    except Exception as error:  # the article is there; only its summary is missing
        log.warning("no summary for %s: %s", slug, error)
        return None

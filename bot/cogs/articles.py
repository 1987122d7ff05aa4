"""``!summary`` and ``!sources``: what the corpus holds, and each article in a few sentences."""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any

import discord
from discord import Interaction, app_commands
from discord.ext import commands

from bot.cogs.utils import formats, limits
from bot.cogs.utils.choices import Choice, ChoiceView
from bot.cogs.utils.context import Context
from bot.cogs.utils.cooldowns import configured
from bot.service import ArticlesChanged
from retrieval import AmbiguousArticle, ArticleInfo, ArticleNotFound, Corpus, Engine
from retrieval.corpus import lookup

if TYPE_CHECKING:
    from bot.client import Citebot

log = logging.getLogger(__name__)
MAX_CHOICES = 25


class Articles(commands.Cog):
    """The articles: their list and their summaries."""

    def __init__(self, bot: Citebot) -> None:
        self.bot = bot

    @commands.hybrid_command(name="summary", extras={"example": "1"})  # type: ignore[arg-type]
    @app_commands.describe(
        article="Number from !sources, slug or part of it, title words, publisher or author."
    )
    @configured
    async def summary(self, ctx: Context, *, article: str | None = None) -> None:
        """Summarize an article in a few verbatim, cited sentences (no name: list them)."""
        service = self.bot.corpus_for(ctx.guild)
        if article is None:
            await ctx.answer(await _sources_text(service.engine, ctx.usage_prefix))
            return
        corpus = service.engine.corpus  # the version a menu's choices belong to
        async with ctx.working():
            try:
                summary = await service.summarize(article)
            except AmbiguousArticle as ambiguous:
                await self._offer(ctx, ambiguous, corpus)
                return
        if ctx.wants_embeds:
            await ctx.answer(embed=await asyncio.to_thread(formats.summary_embed, summary))
        else:
            await ctx.answer(await asyncio.to_thread(formats.summary_text, summary))

    async def _offer(self, ctx: Context, ambiguous: AmbiguousArticle, corpus: Corpus) -> None:
        """Several articles match: a menu of them, for the asker alone, instead of a guess.

        A pick is bound to the article the menu showed (its file's digest in ``corpus``): if a
        reload changed or removed it, the asker is told so instead of getting another article.
        """
        embeds = ctx.wants_embeds
        shown = ambiguous.choices[: limits.SELECT_OPTIONS]  # a name may match every article
        offered = {
            info.article: article.digest if (article := corpus.by_slug.get(info.article)) else None
            for info in shown
        }
        reference = formats.escape(formats.shorten(ambiguous.reference, 100))
        changed = (
            "The articles changed since this menu was offered (the corpus was reloaded); "
            f"run {ctx.usage_prefix}summary {reference} again."
        )

        async def chosen(interaction: Interaction[Any], slug: str) -> None:
            try:
                # The corpus serving the server now: it may have got its own copy meanwhile.
                service = self.bot.corpus_for(ctx.guild)
                summary = await service.summarize_offered(slug, offered.get(slug))
            except (ArticlesChanged, ArticleNotFound, AmbiguousArticle):
                await interaction.edit_original_response(content=changed, embed=None, view=None)
                return
            if embeds:
                embed = await asyncio.to_thread(formats.summary_embed, summary)
                await interaction.edit_original_response(content=None, embed=embed, view=None)
            else:
                text = await asyncio.to_thread(formats.summary_text, summary)
                await interaction.edit_original_response(content=text, view=None)

        choices = [
            Choice(f"{info.number}. {info.title}", info.article, _byline(info) or info.article)
            for info in shown
        ]
        view = ChoiceView(
            ctx.author.id,
            choices,
            chosen,
            timeout=self.bot.settings.discord.choice_timeout,
            unreadable=self.bot.unreadable_responses,
        )
        try:
            view.message = await ctx.answer(formats.choice_prompt(ambiguous), view=view)
        except discord.HTTPException as error:
            view.stop()
            if error.status >= 500:  # Discord failing, not refusing: the error handler says so
                raise
            # A server that takes no select menus (some Discord-compatible ones): the list as
            # text, as the command line gives it, so the asker can name one precisely.
            log.warning("the menu was refused (HTTP %d); sent the list as text", error.status)
            listing = str(ambiguous)[: limits.CONTENT * 2]  # as much as a message can show
            await ctx.answer(formats.shorten(formats.escape(listing), limits.CONTENT))

    @summary.autocomplete("article")
    async def _article_choices(
        self, interaction: Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        corpus = self.bot.corpus_for(interaction.guild).engine.corpus
        # Matching reads every article: in a thread, as asks are, so the loop never waits on it.
        found = await asyncio.to_thread(lookup.first_matching, corpus, current, MAX_CHOICES)
        return [
            app_commands.Choice(name=article.title[:100], value=article.slug) for article in found
        ]

    @commands.hybrid_command(name="sources")  # type: ignore[arg-type]  # typed for pyright
    @configured
    async def sources(self, ctx: Context) -> None:
        """List the articles: publisher, author, paragraphs, and when they were loaded."""
        service = self.bot.corpus_for(ctx.guild)
        await ctx.answer(await _sources_text(service.engine, ctx.usage_prefix))


async def _sources_text(engine: Engine, prefix: str) -> str:
    """The list of articles, made in a thread: it reads every article of the corpus."""
    return await asyncio.to_thread(lambda: formats.sources_text(engine.sources(), prefix))


def _byline(info: ArticleInfo) -> str:
    return ", ".join(part for part in (info.author, info.publisher) if part)


async def setup(bot: Citebot) -> None:
    await bot.add_cog(Articles(bot))

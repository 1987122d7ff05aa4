"""``!summary`` and ``!sources``: what the corpus holds, and each article in a few sentences."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from discord import Interaction, app_commands
from discord.ext import commands

from bot.cogs.utils import formats
from bot.cogs.utils.context import Context
from bot.cogs.utils.cooldowns import configured
from retrieval.text import normalize

if TYPE_CHECKING:
    from bot.client import Citebot

MAX_CHOICES = 25


class Articles(commands.Cog):
    """The articles: their list and their summaries."""

    def __init__(self, bot: Citebot) -> None:
        self.bot = bot

    @commands.hybrid_command(name="summary", extras={"example": "1"})  # type: ignore[arg-type]
    @app_commands.describe(article="Number from !sources, slug, or part of the title.")
    @configured
    async def summary(self, ctx: Context, *, article: str | None = None) -> None:
        """Summarize an article in a few verbatim, cited sentences (no name: list them)."""
        if article is None:
            await ctx.answer(
                formats.sources_text(self.bot.service.engine.sources(), ctx.usage_prefix)
            )
            return
        async with ctx.working():
            summary = await self.bot.service.summarize(article)
        if ctx.wants_embeds:
            await ctx.answer(embed=await asyncio.to_thread(formats.summary_embed, summary))
        else:
            await ctx.answer(await asyncio.to_thread(formats.summary_text, summary))

    @summary.autocomplete("article")
    async def _article_choices(
        self, interaction: Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        wanted = normalize(current).casefold()
        return [
            app_commands.Choice(name=article.title[:100], value=article.slug)
            for article in self.bot.service.engine.corpus
            if wanted in normalize(article.title).casefold() or wanted in article.slug
        ][:MAX_CHOICES]

    @commands.hybrid_command(name="sources")  # type: ignore[arg-type]  # typed for pyright
    @configured
    async def sources(self, ctx: Context) -> None:
        """List the articles: publisher, author, paragraphs, and when they were loaded."""
        await ctx.answer(formats.sources_text(self.bot.service.engine.sources(), ctx.usage_prefix))


async def setup(bot: Citebot) -> None:
    await bot.add_cog(Articles(bot))

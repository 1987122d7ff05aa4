"""``!gaps`` and ``!stats``: for moderators, what the question log says about their server."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from discord import app_commands
from discord.ext import commands

from bot.cogs.utils import reports
from bot.cogs.utils.checks import moderator_only
from bot.cogs.utils.context import Context
from bot.cogs.utils.paginator import Pages

if TYPE_CHECKING:
    from bot.client import Citebot

LOG_OFF = "The question log is off (`[question_log] enabled = false`), so there is nothing to read."
Days = commands.Range[int, 1, 3650]


class Insights(commands.Cog):
    """What the articles miss, and how citebot is used here."""

    def __init__(self, bot: Citebot) -> None:
        self.bot = bot

    @commands.hybrid_command(name="gaps", usage="[days]", extras={"example": "30"})  # type: ignore[arg-type]
    @app_commands.describe(days="How far back to look (default 30 days).")
    @app_commands.default_permissions(manage_guild=True)  # as /reload: offered to managers
    @commands.guild_only()
    @moderator_only()
    async def gaps(self, ctx: Context, days: Days = 30) -> None:
        """The questions the articles did not answer, most asked first, and disliked answers."""
        questions = self.bot.recorder.questions
        if questions is None:
            await ctx.answer(LOG_OFF, ephemeral=True)
            return
        guild_id = ctx.guild.id if ctx.guild else None
        asked = await questions.asked(guild_id, days)
        missed = [q for q in asked if q.verdict in ("none", "closest")]
        disliked = await questions.disliked(guild_id, days)
        tokenize = self.bot.service.engine.tokenizer.tokenize
        groups = await asyncio.to_thread(reports.grouped, missed, tokenize)
        pages = reports.gaps_pages(groups, disliked, days)
        view = Pages(pages, ctx.author.id, timeout=self.bot.settings.discord.choice_timeout)
        shown = view if len(pages) > 1 else None
        view.message = await ctx.answer(view.first, view=shown, ephemeral=True)

    @commands.hybrid_command(name="stats", usage="[days]", extras={"example": "7"})  # type: ignore[arg-type]
    @app_commands.describe(days="How far back to look (default 30 days).")
    @app_commands.default_permissions(manage_guild=True)
    @commands.guild_only()
    @moderator_only()
    async def stats(self, ctx: Context, days: Days = 30) -> None:
        """Questions per day and verdict, the most cited articles and paragraphs, latency."""
        questions = self.bot.recorder.questions
        if questions is None:
            await ctx.answer(LOG_OFF, ephemeral=True)
            return
        asked = await questions.asked(ctx.guild.id if ctx.guild else None, days)
        await ctx.answer(reports.stats_text(asked, days), ephemeral=True)


async def setup(bot: Citebot) -> None:
    await bot.add_cog(Insights(bot))

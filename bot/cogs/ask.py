"""``!ask`` / ``/ask``: a question answered with quoted, cited passages, or an honest no."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from discord import app_commands
from discord.ext import commands

from bot.cogs.utils import formats
from bot.cogs.utils.context import Context
from bot.cogs.utils.cooldowns import configured
from bot.examples import FROM_CORPUS

if TYPE_CHECKING:
    from bot.client import Citebot


class Ask(commands.Cog):
    """Questions about the articles."""

    def __init__(self, bot: Citebot) -> None:
        self.bot = bot

    @commands.hybrid_command(  # type: ignore[arg-type]  # typed for pyright
        name="ask", extras={"example": FROM_CORPUS}
    )
    @app_commands.describe(question="What you want to know; the answer quotes the articles.")
    @configured
    async def ask(self, ctx: Context, *, question: str) -> None:
        """Answer a question with verbatim, cited quotes from the articles."""
        async with ctx.working():
            answer = await self.bot.corpus_for(ctx.guild).ask(question)
        # Rendering is CPU work too: in a thread, so other commands are not kept waiting.
        if answer.abstained:
            await ctx.answer(await asyncio.to_thread(formats.abstention_text, answer))
        elif ctx.wants_embeds:
            await ctx.answer(embed=await asyncio.to_thread(formats.answer_embed, answer))
        else:
            await ctx.answer(await asyncio.to_thread(formats.answer_text, answer))


async def setup(bot: Citebot) -> None:
    await bot.add_cog(Ask(bot))

"""``!ask`` / ``/ask``: a question answered with quoted, cited passages, or an honest no.

A reply to one of citebot's answers (or a message in the thread an answer started) is a
follow-up: the earlier question is read with it. ``/ask`` may keep to one ``article``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.cogs.utils import asking, limits
from bot.cogs.utils.context import Context
from bot.cogs.utils.cooldowns import configured
from bot.cogs.utils.formats import shorten
from bot.examples import FROM_CORPUS

if TYPE_CHECKING:
    from bot.client import Citebot


class Ask(commands.Cog):
    """Questions about the articles."""

    def __init__(self, bot: Citebot) -> None:
        self.bot = bot

    @commands.hybrid_command(  # type: ignore[arg-type]  # typed for pyright
        name="ask", usage="<question>", extras={"example": FROM_CORPUS}
    )
    @app_commands.describe(
        question="What you want to know; the answer quotes the articles.",
        article="Ask within this article only.",
    )
    @configured
    async def ask(self, ctx: Context, *, question: str, article: str | None = None) -> None:
        """Answer a question with verbatim, cited quotes from the articles."""
        earlier = None
        if ctx.interaction is None:
            earlier = await asking.earlier_question(self.bot, ctx.message)
        source = "slash" if ctx.interaction else ("follow-up" if earlier else "command")
        await asking.respond(ctx, question, source=source, earlier=earlier, article=article)

    @ask.autocomplete("article")
    async def _articles(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        typed = current.casefold().strip()
        choices = []
        for number, article in enumerate(
            self.bot.corpus_for(interaction.guild).engine.corpus.articles, 1
        ):
            words = f"{number} {article.slug} {article.title} {article.publisher or ''}"
            if typed in words.casefold():
                name = shorten(f"{number}. {article.title}", limits.SELECT_OPTION_TEXT)
                choices.append(app_commands.Choice(name=name, value=article.slug))
        return choices[: limits.SELECT_OPTIONS]


async def setup(bot: Citebot) -> None:
    await bot.add_cog(Ask(bot))

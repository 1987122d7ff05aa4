""" "Find in articles": a message context-menu command that looks up what any message says in
the articles (fact-check style), with the same verdicts, short answer and buttons as ``!ask``."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.cogs.utils import asking
from bot.cogs.utils.formats import escape, shorten
from bot.pings import NO_PINGS
from retrieval import AmbiguousArticle, ArticleNotFound, QuestionError

if TYPE_CHECKING:
    from bot.client import Citebot

log = logging.getLogger(__name__)
NAME = "Find in articles"
NO_TEXT = "That message has no text to look up."


def as_question(text: str, limit: int) -> str:
    """The message's text as a question within ``limit`` characters, cut at a word."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0]


class Find(commands.Cog):
    def __init__(self, bot: Citebot) -> None:
        self.bot = bot
        self.menu = app_commands.ContextMenu(name=NAME, callback=self.find)

    async def cog_load(self) -> None:
        self.bot.tree.add_command(self.menu)

    async def cog_unload(self) -> None:
        self.bot.tree.remove_command(self.menu.name, type=self.menu.type)

    async def find(self, interaction: discord.Interaction[Any], message: discord.Message) -> None:
        limit = self.bot.settings.retrieval.max_question_chars
        question = as_question(message.content, limit)
        if not question:
            await interaction.response.send_message(
                NO_TEXT, ephemeral=True, allowed_mentions=NO_PINGS
            )
            return
        ctx = await self.bot.get_context(interaction)
        try:
            await asking.respond(ctx, question, source="find")
        except (QuestionError, ArticleNotFound, AmbiguousArticle) as error:
            await ctx.refuse(shorten(escape(str(error)), 2000))
        else:
            ctx.log_outcome("ok (find)")


async def setup(bot: Citebot) -> None:
    await bot.add_cog(Find(bot))

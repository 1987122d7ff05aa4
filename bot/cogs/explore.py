"""The buttons under an answer: More passages (paging in place), In context and Summary
(for whoever clicks, privately). Clicks arrive through ``utils.answer_buttons``."""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any

import discord
from discord.ext import commands

from bot.cogs.utils import answer_buttons, asking, formats
from bot.cogs.utils.answer_pages import in_context
from bot.cogs.utils.private import tell_privately
from bot.pings import NO_PINGS
from bot.service import ArticlesChanged
from retrieval import Article

if TYPE_CHECKING:
    from bot.client import Citebot

log = logging.getLogger(__name__)
CHANGED = (
    "The articles have changed since this answer (they were reloaded), so its buttons no "
    "longer apply. Ask again for an answer from the articles as they are now{how}."
)
FORGOTTEN = "This answer is older than what I keep; ask again to explore it{how}."


class Explore(commands.Cog):
    def __init__(self, bot: Citebot) -> None:
        self.bot = bot

    async def more(self, interaction: discord.Interaction[Any], version: str, n: int) -> None:
        message = interaction.message
        if message is None:
            return
        if version != self.bot.corpus_for(interaction.guild).version:
            await self._tell(interaction, await self._stale(message.id, CHANGED))
            return
        remembered = await asking.recalled(self.bot, message.id, interaction.guild)
        if remembered is None or not remembered.answer.passages:
            await self._tell(interaction, await self._stale(message.id, FORGOTTEN))
            return
        remembered.shown = n % len(remembered.answer.passages)
        content, embed = await asyncio.to_thread(
            asking.render, remembered.answer, remembered.shown, bool(message.embeds)
        )
        await interaction.response.edit_message(
            content=content,
            embed=embed,
            view=asking.view_for(self.bot, remembered, interaction.guild),
            allowed_mentions=NO_PINGS,
        )

    async def context(
        self, interaction: discord.Interaction[Any], version: str, article: int, paragraph: int
    ) -> None:
        found = await self._article(interaction, version, article)
        if found is not None:
            await self._tell(interaction, in_context(found, paragraph))

    async def summary(
        self, interaction: discord.Interaction[Any], version: str, article: int
    ) -> None:
        found = await self._article(interaction, version, article)
        if found is None:
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        service = self.bot.corpus_for(interaction.guild)
        try:  # a reload may have switched the articles while the click was acknowledged
            summarized = await service.summarize_offered(found.slug, found.digest)
        except ArticlesChanged:
            await self._tell_changed(interaction)
            return
        embed = await asyncio.to_thread(formats.summary_embed, summarized)
        await interaction.followup.send(embed=embed, ephemeral=True, allowed_mentions=NO_PINGS)

    async def _article(
        self, interaction: discord.Interaction[Any], version: str, number: int
    ) -> Article | None:
        service = self.bot.corpus_for(interaction.guild)
        articles = service.engine.corpus.articles
        if version != service.version or not 1 <= number <= len(articles):
            await self._tell_changed(interaction)
            return None
        return articles[number - 1]

    async def _stale(self, message_id: int, template: str) -> str:
        """``template`` with how to ask the same question again, when it is known."""
        remembered = self.bot.answers.get(message_id)
        question = remembered.question if remembered else None
        if question is None and self.bot.recorder.questions is not None:
            questions = self.bot.recorder.questions
            logged = await self.bot.recorder.attempt(questions.question_of(message_id), None)
            question = logged[0] if logged else None
        if not question:
            return template.format(how="")
        prefix = self.bot.settings.discord.prefix
        shown = formats.shorten(question.replace("`", "'"), 300)
        return template.format(how=f": `{prefix}ask {shown}`")

    async def _tell_changed(self, interaction: discord.Interaction[Any]) -> None:
        message_id = interaction.message.id if interaction.message else 0
        await self._tell(interaction, await self._stale(message_id, CHANGED))

    async def _tell(self, interaction: discord.Interaction[Any], text: str) -> None:
        await tell_privately(interaction, formats.shorten(text, 2000))


async def setup(bot: Citebot) -> None:
    answer_buttons.register(bot)
    await bot.add_cog(Explore(bot))

"""👍 and 👎 under an answer: one vote per person per answer, changeable; 👎 asks, in a form,
what was wrong (optional). Votes go to the question log, where ``!gaps`` reads them."""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any

import discord
from discord.ext import commands

from bot.pings import NO_PINGS
from bot.store.questions import REASON_MAX

if TYPE_CHECKING:
    from bot.client import Citebot

log = logging.getLogger(__name__)
RECORDING = 0.2  # seconds an answer's row may take to reach the log after the answer
THANKS_UP = "Thanks: noted as helpful. Press 👎 instead to change your vote."
THANKS_DOWN = "Thanks: noted as not helpful; the moderators see it in `!gaps`."
NOT_LOGGED = "I can't record votes on this answer (it is older than the question log)."


class Reason(discord.ui.Modal, title="What was wrong with this answer?"):
    reason: discord.ui.TextInput[Reason] = discord.ui.TextInput(
        label="Optional: what was missing or wrong",
        style=discord.TextStyle.paragraph,
        required=False,
        max_length=REASON_MAX,
    )

    def __init__(self, feedback: Feedback, message_id: int) -> None:
        super().__init__(timeout=600, custom_id=f"cb:why:{message_id}")
        self.feedback, self.message_id = feedback, message_id

    async def on_submit(self, interaction: discord.Interaction[Any], /) -> None:
        reason = self.reason.value or None
        await self.feedback.record(interaction, self.message_id, -1, reason)


class Feedback(commands.Cog):
    def __init__(self, bot: Citebot) -> None:
        self.bot = bot

    async def vote(self, interaction: discord.Interaction[Any], way: str) -> None:
        message = interaction.message
        if message is None:
            return
        if way == "down":  # the vote counts at once; the form only adds a reason
            if await self._store(interaction.user.id, message.id, -1, None):
                await interaction.response.send_modal(Reason(self, message.id))
            else:
                await self._tell(interaction, NOT_LOGGED)
            return
        await self.record(interaction, message.id, 1, None)

    async def record(
        self, interaction: discord.Interaction[Any], message_id: int, vote: int, reason: str | None
    ) -> None:
        stored = await self._store(interaction.user.id, message_id, vote, reason)
        await self._tell(
            interaction, (THANKS_UP if vote > 0 else THANKS_DOWN) if stored else NOT_LOGGED
        )

    async def _store(self, user_id: int, message_id: int, vote: int, reason: str | None) -> bool:
        questions = self.bot.recorder.questions
        if questions is None:
            return False
        for wait in (0.0, RECORDING):  # the answer's own row may still be on its way
            await asyncio.sleep(wait)
            await self.bot.recorder.drain()
            work = questions.vote(message_id, user_id, vote, reason)
            if await self.bot.recorder.attempt(work, False):
                return True
        return False

    async def _tell(self, interaction: discord.Interaction[Any], text: str) -> None:
        await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NO_PINGS)


async def setup(bot: Citebot) -> None:
    await bot.add_cog(Feedback(bot))

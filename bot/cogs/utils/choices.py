""" "Which one did you mean?": a select menu only the asker may use, disabled when it times out."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

import discord

from bot.cogs.utils import limits
from bot.cogs.utils.formats import shorten

log = logging.getLogger(__name__)

Chosen = Callable[[discord.Interaction[Any], str], Awaitable[None]]


@dataclass(frozen=True)
class Choice:
    """One option: what the menu shows, and the value handed to the callback."""

    label: str
    value: str
    description: str | None = None


class ChoiceView(discord.ui.View):
    """A select menu of ``choices``; picking one calls ``chosen`` with its value.

    Anyone can see the menu, but only ``owner_id`` may pick; others are told so privately.
    On timeout the menu is disabled in place, so a stale menu cannot be used later.
    """

    def __init__(
        self, owner_id: int, choices: Sequence[Choice], chosen: Chosen, *, timeout: float
    ) -> None:
        super().__init__(timeout=timeout)
        self.owner_id = owner_id
        self.message: discord.Message | None = None
        self._chosen = chosen
        self.select: discord.ui.Select[ChoiceView] = discord.ui.Select(
            custom_id="choice",
            placeholder="Choose one",
            options=[
                discord.SelectOption(
                    label=shorten(choice.label, limits.SELECT_OPTION_TEXT),
                    value=choice.value,
                    description=shorten(choice.description, limits.SELECT_OPTION_TEXT)
                    if choice.description
                    else None,
                )
                for choice in choices[: limits.SELECT_OPTIONS]
            ],
        )
        self.select.callback = self._pick  # type: ignore[method-assign]
        self.add_item(self.select)

    async def interaction_check(self, interaction: discord.Interaction[Any], /) -> bool:
        if interaction.user.id == self.owner_id:
            return True
        await interaction.response.send_message(
            "Only the person who asked can choose here; run the command yourself to get a menu.",
            ephemeral=True,
            allowed_mentions=discord.AllowedMentions.none(),
        )
        return False

    async def _pick(self, interaction: discord.Interaction[Any]) -> None:
        self.stop()
        await self._chosen(interaction, self.select.values[0])

    async def on_timeout(self) -> None:
        self.select.disabled = True
        self.select.placeholder = "Timed out; run the command again"
        if self.message is None:
            return
        try:
            await self.message.edit(view=self, allowed_mentions=discord.AllowedMentions.none())
        except discord.HTTPException as error:  # deleted, or no longer editable: nothing to do
            log.info("could not disable a timed-out menu: %s", error)

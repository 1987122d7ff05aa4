"""Confirm or cancel: two buttons only the asker may press, disabled once used or timed out."""

from __future__ import annotations

import logging
from typing import Any

import discord

from bot.pings import NO_PINGS

log = logging.getLogger(__name__)

CONFIRM_ID, CANCEL_ID = "confirm", "cancel"


class ConfirmView(discord.ui.View):
    """``await view.wait()``; then ``view.confirmed`` is True, False (cancelled) or None (timed
    out). The press that decides is acknowledged by disabling both buttons in place, so the
    message shows that it was answered and cannot be answered twice."""

    def __init__(self, owner_id: int, *, timeout: float, confirm_label: str = "Confirm") -> None:
        super().__init__(timeout=timeout)
        self.owner_id = owner_id
        self.confirmed: bool | None = None
        self.message: discord.Message | None = None
        self.confirm: discord.ui.Button[ConfirmView] = discord.ui.Button(
            label=confirm_label, style=discord.ButtonStyle.danger, custom_id=CONFIRM_ID
        )
        self.cancel: discord.ui.Button[ConfirmView] = discord.ui.Button(
            label="Cancel", style=discord.ButtonStyle.secondary, custom_id=CANCEL_ID
        )
        self.confirm.callback = self._confirmed  # type: ignore[method-assign]
        self.cancel.callback = self._cancelled  # type: ignore[method-assign]
        self.add_item(self.confirm)
        self.add_item(self.cancel)

    async def interaction_check(self, interaction: discord.Interaction[Any], /) -> bool:
        if interaction.user.id == self.owner_id:
            return True
        await interaction.response.send_message(
            "Only the moderator who asked can answer this.",
            ephemeral=True,
            allowed_mentions=NO_PINGS,
        )
        return False

    async def _confirmed(self, interaction: discord.Interaction[Any]) -> None:
        await self._decide(interaction, True)

    async def _cancelled(self, interaction: discord.Interaction[Any]) -> None:
        await self._decide(interaction, False)

    async def _decide(self, interaction: discord.Interaction[Any], confirmed: bool) -> None:
        if self.is_finished():
            return
        self.confirmed = confirmed
        self.stop()
        self._disable()
        try:
            await interaction.response.edit_message(view=self)
        except discord.HTTPException as error:  # decided all the same
            log.warning("could not disable answered confirm buttons: %s", error)

    def _disable(self) -> None:
        self.confirm.disabled = self.cancel.disabled = True

    async def on_timeout(self) -> None:
        self._disable()
        if self.message is None:
            return
        try:
            await self.message.edit(view=self, allowed_mentions=NO_PINGS)
        except discord.HTTPException as error:
            log.info("could not disable timed-out confirm buttons: %s", error)

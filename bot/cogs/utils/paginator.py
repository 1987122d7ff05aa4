"""Pages of text with Previous and Next buttons that only the invoker may press, disabled
when they time out (RoboDanny's ``RoboPages``, cut to what citebot needs)."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from typing import Any

import discord

from bot.pings import NO_PINGS


class Pages(discord.ui.View):
    def __init__(self, pages: Sequence[str], owner_id: int, *, timeout: float) -> None:
        super().__init__(timeout=timeout)
        self.pages, self.owner_id, self.at = list(pages), owner_id, 0
        self.message: discord.Message | None = None
        self._update_buttons()

    @property
    def first(self) -> str:
        return self.page(0)

    def page(self, at: int) -> str:
        if len(self.pages) == 1:
            return self.pages[0]
        return f"{self.pages[at]}\n-# Page {at + 1} of {len(self.pages)}"

    def _update_buttons(self) -> None:
        self.previous.disabled = self.at == 0
        self.next.disabled = self.at >= len(self.pages) - 1

    async def interaction_check(self, interaction: discord.Interaction[Any], /) -> bool:
        if interaction.user.id == self.owner_id:
            return True
        await interaction.response.send_message(
            "Only who asked can turn these pages; run the command yourself.",
            ephemeral=True,
            allowed_mentions=NO_PINGS,
        )
        return False

    async def _show(self, interaction: discord.Interaction[Any], at: int) -> None:
        self.at = max(0, min(at, len(self.pages) - 1))
        self._update_buttons()
        await interaction.response.edit_message(
            content=self.page(self.at), view=self, allowed_mentions=NO_PINGS
        )

    @discord.ui.button(label="Previous", custom_id="pages:previous")
    async def previous(
        self, interaction: discord.Interaction[Any], button: discord.ui.Button[Pages]
    ) -> None:
        await self._show(interaction, self.at - 1)

    @discord.ui.button(label="Next", custom_id="pages:next")
    async def next(
        self, interaction: discord.Interaction[Any], button: discord.ui.Button[Pages]
    ) -> None:
        await self._show(interaction, self.at + 1)

    async def on_timeout(self) -> None:
        self.previous.disabled = self.next.disabled = True
        if self.message is not None:
            with contextlib.suppress(discord.HTTPException):
                await self.message.edit(view=self, allowed_mentions=NO_PINGS)

"""A sentence for the person who clicked or picked, and no one else: the interaction's own
answer, or a followup once the interaction was acknowledged (deferred); it pings nobody."""

from __future__ import annotations

from typing import Any

import discord

from bot.pings import NO_PINGS


async def tell_privately(interaction: discord.Interaction[Any], text: str) -> None:
    """Send ``text`` to the interaction's user alone, as its answer or as a followup."""
    if interaction.response.is_done():
        await interaction.followup.send(text, ephemeral=True, allowed_mentions=NO_PINGS)
    else:
        await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NO_PINGS)

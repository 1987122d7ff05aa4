"""The command context citebot uses: typed access to the bot, and timing for the log."""

from __future__ import annotations

import asyncio
import logging
import time
from typing import TYPE_CHECKING, Any

import discord
from discord.ext import commands

if TYPE_CHECKING:
    from bot.client import Citebot  # noqa: F401  (named in the base class below)

log = logging.getLogger("bot.commands")


class ReplyTimedOut(Exception):
    """Discord did not accept a reply in time; sending another message would only queue up."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"Discord did not accept the reply within {seconds:g} s")


class Context(commands.Context["Citebot"]):
    """Created when a command is invoked, by message or by interaction."""

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        self.started = time.perf_counter()

    @property
    def wants_embeds(self) -> bool:
        """Embeds if configured and the channel lets the bot post them."""
        return self.bot.settings.discord.embeds and self.bot_permissions.embed_links

    @property
    def usage_prefix(self) -> str:
        """How to type a command here: ``/`` after a slash command, else the configured prefix.

        Not ``clean_prefix``: a member who called the bot by mention is better shown the prefix.
        """
        return "/" if self.interaction is not None else self.bot.settings.discord.prefix

    def log_outcome(self, outcome: str) -> None:
        """One line per command: which, who, where, how long, and how it ended."""
        log.info(
            "%s by %s in %s: %s in %.1f ms",
            self.command.qualified_name if self.command else "?",
            self.author.id,
            getattr(self.channel, "id", "DM"),
            outcome,
            (time.perf_counter() - self.started) * 1000,
        )

    async def answer(
        self, content: str | None = None, *, embed: discord.Embed | None = None
    ) -> discord.Message:
        """Reply to the invoking message (or interaction) with no pings, ever.

        discord.py waits for Discord as long as aiohttp lets it (five minutes); a command
        gives up after ``reply_timeout`` instead, so a stalled API cannot hold it forever.
        """
        options: dict[str, Any] = {"allowed_mentions": discord.AllowedMentions.none()}
        if embed is not None:
            options["embed"] = embed
        if self.interaction is None:
            options["reference"] = self.message
            options["mention_author"] = False
        seconds = self.bot.settings.discord.reply_timeout
        try:
            async with asyncio.timeout(seconds):
                return await self.send(content, **options)
        except TimeoutError:
            raise ReplyTimedOut(seconds) from None

"""The command context citebot uses: typed access to the bot, and timing for the log."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any

import discord
from discord.ext import commands

from bot import server_errors
from bot.pings import NO_PINGS

if TYPE_CHECKING:
    from bot.client import Citebot  # noqa: F401  (named in the base class below)

log = logging.getLogger("bot.commands")
TYPING_EVERY = 8.0  # seconds; Discord shows "typing…" for 10 after each request
# Waits between tries of a reply Discord answers with a 5xx: five tries over 7.5 s, the
# channel's other replies going out meanwhile (bot.server_errors says why not discord.py's).
REPLY_RETRY_WAITS = (0.5, 1.0, 2.0, 4.0)


class ReplyTimedOut(Exception):
    """Discord did not accept a reply in time; sending another message would only queue up."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"Discord did not accept the reply within {seconds:g} s")


class ReplyFailed(Exception):
    """Discord answered every try of a reply with a 5xx."""

    def __init__(self, status: int, tries: int) -> None:
        super().__init__(f"Discord answered HTTP {status} {tries} times")


class UnreadableReply(Exception):
    """The reply was posted, but discord.py could not read the message Discord returned."""


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
            self._command_name,
            self.author.id,
            getattr(self.channel, "id", "DM"),
            outcome,
            (time.perf_counter() - self.started) * 1000,
        )

    @contextlib.asynccontextmanager
    async def working(self) -> AsyncIterator[None]:
        """Show that a reply is coming while the body runs.

        A slash command is deferred (Discord requires an answer within 3 s). For a message,
        "typing…" is only cosmetic: it is sent from a task of its own, so a typing request
        that fails or is rate limited again and again never delays or costs the reply.
        """
        if self.interaction is not None:
            if not self.interaction.response.is_done():
                await self.defer()
            yield
            return
        done = asyncio.Event()
        task = asyncio.create_task(self._keep_typing(done))
        self.bot.background.add(task)
        task.add_done_callback(self.bot.background.discard)
        try:
            yield
        finally:
            done.set()

    async def _keep_typing(self, done: asyncio.Event) -> None:
        try:
            while not done.is_set():
                await self.channel.typing()  # one request: "typing…" for ten seconds
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(done.wait(), TYPING_EVERY)
        except Exception as error:  # cosmetic: note it and let the command go on
            log.warning(
                "typing indicator in %s failed: %s", getattr(self.channel, "id", "DM"), error
            )

    async def refuse(self, content: str) -> discord.Message:
        """A refusal or error: for a slash command only the asker sees it.

        A deferred slash command has posted a public "thinking…" message, which a follow-up
        would only fill in; it is removed so the refusal can be ephemeral.
        """
        interaction = self.interaction
        if interaction is not None and interaction.response.type is (
            discord.InteractionResponseType.deferred_channel_message
        ):
            with contextlib.suppress(discord.HTTPException):
                await interaction.delete_original_response()
        return await self.answer(content, ephemeral=True)

    async def answer(
        self,
        content: str | None = None,
        *,
        embed: discord.Embed | None = None,
        ephemeral: bool = False,
        view: discord.ui.View | None = None,
    ) -> discord.Message:
        """Reply to the invoking message (or interaction) with no pings, ever.

        discord.py waits for Discord as long as aiohttp lets it (five minutes); a command
        gives up after ``reply_timeout`` instead, so a stalled API cannot hold it forever.
        ``ephemeral`` applies to interactions only (a message reply is always public).
        """
        options: dict[str, Any] = {"allowed_mentions": NO_PINGS}
        if embed is not None:
            options["embed"] = embed
        if ephemeral and self.interaction is not None:
            options["ephemeral"] = True
        if view is not None:
            options["view"] = view
        if self.interaction is None:
            options["reference"] = self.message
            options["mention_author"] = False
        seconds = self.bot.settings.discord.reply_timeout
        try:
            async with asyncio.timeout(seconds):
                return await self._send_trying(content, options)
        except TimeoutError:
            raise ReplyTimedOut(seconds) from None
        except (discord.HTTPException, ReplyFailed):
            raise
        except Exception as error:  # posted; the answer had a shape discord.py cannot read
            self.bot.unreadable_responses.note(f"a reply to {self._command_name}", error)
            raise UnreadableReply() from error

    async def _send_trying(self, content: str | None, options: dict[str, Any]) -> discord.Message:
        """Send, trying again after a 5xx answer; ReplyFailed when every try got one."""
        waits = iter(REPLY_RETRY_WAITS)
        tries = 0
        while True:
            tries += 1
            try:
                with server_errors.raised():
                    return await self.send(content, **options)
            except server_errors.ServerFailed as failed:
                wait = next(waits, None)
                if wait is None:
                    raise ReplyFailed(failed.status, tries) from None
                log.warning(
                    "command %s: Discord answered the reply with HTTP %d; trying again in %g s",
                    self._command_name,
                    failed.status,
                    wait,
                )
                await asyncio.sleep(wait)

    @property
    def _command_name(self) -> str:
        return self.command.qualified_name if self.command else "?"

"""The Discord bot: intents, mentions, prefix and extensions; the features live in cogs."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import discord
from discord.ext import commands

from bot import reconnects, server_errors
from bot.cogs.utils.context import Context
from bot.cogs.utils.memory import AnswerMemory
from bot.cogs.utils.recording import Recorder
from bot.config import Settings
from bot.corpora import Corpora
from bot.gateway_events import MalformedEvents
from bot.help import CitebotHelp
from bot.pings import NO_PINGS
from bot.rest_responses import UnreadableResponses
from bot.service import CorpusService

log = logging.getLogger(__name__)

EXTENSIONS = (
    "bot.cogs.ask",
    "bot.cogs.explore",
    "bot.cogs.feedback",
    "bot.cogs.insights",
    "bot.cogs.listen",
    "bot.cogs.find",
    "bot.cogs.articles",
    "bot.cogs.moderation",
    "bot.cogs.manage",
    "bot.cogs.errors",
)


def intents() -> discord.Intents:
    """Guilds, guild and direct messages, and message content for prefix commands."""
    chosen = discord.Intents.none()
    chosen.guilds = True
    chosen.guild_messages = True
    chosen.dm_messages = True
    chosen.message_content = True
    return chosen


class Citebot(commands.AutoShardedBot):
    """Answers from the corpus held by ``service`` (or a server's own, ``corpora``); never
    pings anyone."""

    def __init__(
        self,
        settings: Settings,
        service: CorpusService,
        *,
        corpora: Corpora | None = None,
        **options: Any,
    ) -> None:
        # citebot never joins voice: no warnings at start-up about voice libraries it lacks.
        discord.VoiceClient.warn_nacl = discord.VoiceClient.warn_dave = False
        discord_settings = settings.discord
        super().__init__(
            command_prefix=commands.when_mentioned_or(discord_settings.prefix),
            intents=intents(),
            allowed_mentions=NO_PINGS,
            owner_ids=set(discord_settings.owner_ids) or None,
            shard_count=discord_settings.shard_count,
            help_command=CitebotHelp(),
            http_trace=server_errors.trace(),
            description="Answers only with verbatim, cited quotes from the corpus articles.",
            **options,
        )
        if discord_settings.shard_ids:
            self.shard_ids = discord_settings.shard_ids
        self.settings = settings
        self.service = service  # the shared corpus
        # Given by `citebot run`, which makes a new client after a lost connection: the
        # servers' own corpora, loaded once, outlive each client.
        self.corpora = corpora or Corpora(settings, service)
        self.background: set[asyncio.Task[None]] = set()  # held so they are not collected
        self.malformed_events = MalformedEvents(
            self._connection.parsers, starting=lambda: not self.is_ready()
        )
        self.unreadable_responses = UnreadableResponses()
        self.answers = AnswerMemory()
        logged = settings.question_log
        self.recorder = Recorder.open(logged.enabled, logged.path, logged.retention_days)

    async def close(self) -> None:
        try:
            await super().close()
        finally:
            await self.recorder.drain()
            self.recorder.close()

    def corpus_for(self, guild: discord.abc.Snowflake | None) -> CorpusService:
        """The corpus that answers in ``guild`` (None: direct messages)."""
        return self.corpora.serving(guild.id if guild is not None else None)

    async def setup_hook(self) -> None:
        await self.corpora.load_servers()
        for extension in EXTENSIONS:
            await self.load_extension(extension)

    async def is_owner(self, user: discord.abc.User) -> bool:
        # With owner_ids configured, discord.py skips the application owner; we want both.
        if self.owner_ids and user.id in self.owner_ids:
            return True
        app = self.application or await self.application_info()
        if app.team:
            return user.id in {member.id for member in app.team.members}
        return app.owner is not None and user.id == app.owner.id

    async def on_shard_connect(self, shard_id: int) -> None:
        reconnects.connected(self, shard_id)

    async def on_shard_resumed(self, shard_id: int) -> None:
        reconnects.connected(self, shard_id)

    async def on_ready(self) -> None:
        log.info("ready as %s in %d guild(s)", self.user, len(self.guilds))

    async def get_context(  # type: ignore[override]
        self,
        origin: discord.Message | discord.Interaction[Any],
        /,
        *,
        cls: type[Context] = Context,
    ) -> Context:
        return await super().get_context(origin, cls=cls)

    async def on_command_completion(self, ctx: Context) -> None:
        ctx.log_outcome("ok")

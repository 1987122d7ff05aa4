"""A running citebot in a seeded guild of the fake Discord, for the end-to-end test files:
replies matched to their command by ``message_reference`` (so concurrent commands cannot be
confused), a count of every reply a command got, and what every reply must be (``assert_safe``).
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import shutil
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.client import Citebot
from bot.config import (
    CorpusSettings,
    DiscordSettings,
    QuestionLogSettings,
    Settings,
    is_shipped,
)
from bot.service import CorpusService
from fakediscord import Channel, FakeDiscord, PostedMessage, Sent, running, skip_identify_delay
from helpers import SEEDS_DIR

if TYPE_CHECKING:
    from discord_fixtures import SeededGuild

MESSAGES_ROUTE = "POST /channels/{channel_id}/messages"
CONVENTIONS = "How lively will the American party conventions be?"
ASK = f"!ask {CONVENTIONS}"
LIVE_MENTION = re.compile(r"@(everyone|here)|<@[!&]?\d+>")


def replies_to(posted: PostedMessage) -> Callable[[Sent], bool]:
    """A predicate: a delivered bot message that replies to ``posted``."""

    def matches(sent: Sent) -> bool:
        reference = sent.message_reference or {}
        return (
            sent.delivered
            and sent.kind == "message"
            and int(reference.get("message_id") or 0) == posted.id
        )

    return matches


@dataclass
class Harness:
    bot: Citebot
    server: FakeDiscord
    guild: SeededGuild
    corpus: Path

    async def post(
        self,
        content: str,
        *,
        author: Any = None,
        channel: Channel | None = None,
        reference: int | None = None,
    ) -> PostedMessage:
        """Post as a user (alice by default), replying to message ``reference`` if given."""
        return await self.server.post_message(
            channel or self.guild.channel, author or self.guild.alice, content, reference=reference
        )

    async def reply(self, posted: PostedMessage, *, timeout: float = 5.0) -> Sent:
        return await self.server.wait_for(replies_to(posted), since=posted.mark, timeout=timeout)

    async def say(
        self,
        content: str,
        *,
        author: Any = None,
        channel: Channel | None = None,
        reference: int | None = None,
    ) -> Sent:
        """Post as a user (alice by default) and wait for the bot's reply to that message."""
        posted = await self.post(content, author=author, channel=channel, reference=reference)
        return await self.reply(posted)

    async def logged(self) -> None:
        """Wait until the question log has what was answered so far (written after replies)."""
        await asyncio.sleep(0.05)  # the bot records a question once Discord took its reply
        await self.bot.recorder.drain()

    def replies(self, posted: PostedMessage) -> list[Sent]:
        """Every delivered reply to ``posted`` so far."""
        matches = replies_to(posted)
        return [s for s in self.server.sent.items[posted.mark :] if matches(s)]


def copy_seeds(folder: Path) -> Path:
    shutil.copytree(SEEDS_DIR, folder)
    return folder


def settings_for(
    corpus: Path,
    guild: SeededGuild,
    *,
    scope: str = "shared",
    max_file_bytes: int = 5_000_000,
    **discord: Any,
) -> Settings:
    options: dict[str, Any] = {
        "moderator_role_ids": [guild.moderator_role.id],
        "cooldown_rate": 50,
        "cooldown_seconds": 1.0,
    }
    options.update(discord)
    return Settings(
        corpus=CorpusSettings(
            directory=corpus,
            scope=scope,  # type: ignore[arg-type]
            max_file_bytes=max_file_bytes,
        ),
        discord=DiscordSettings(**options),
        # Beside the corpus copy; for the shipped articles, in the suite's state folder (the
        # default, see conftest), never in the checkout.
        question_log=(
            QuestionLogSettings()
            if is_shipped(corpus)
            else QuestionLogSettings(path=corpus.parent / "questions.sqlite3")
        ),
    )


@contextlib.asynccontextmanager
async def open_harness(
    guild: SeededGuild, corpus: Path, *, scope: str = "shared", **options: Any
) -> AsyncIterator[Harness]:
    """Start the real bot on ``corpus`` against ``guild``'s server; stop it afterwards.
    ``options`` are Discord settings, or ``max_file_bytes``."""
    settings = settings_for(corpus, guild, scope=scope, **options)
    bot = Citebot(settings, CorpusService.open(settings), guild_ready_timeout=GUILD_READY_TIMEOUT)
    skip_identify_delay(bot)
    async with running(bot, guild.server.token) as ready:
        await guilds_known(ready, guild.server)
        yield Harness(ready, guild.server, guild, corpus)


# discord.py fires ``on_ready`` this long after the last GUILD_CREATE (its default: 2 s). The
# fake server sends every GUILD_CREATE right after READY, so a short wait is enough; should
# the machine be too busy for that, ``guilds_known`` still waits for the guilds themselves.
GUILD_READY_TIMEOUT = 0.02


async def guilds_known(bot: Citebot, server: FakeDiscord, *, timeout: float = 10.0) -> None:
    """Wait until the bot has every guild the server has it in (GUILD_CREATE read)."""
    expected = {g.id for g in server.world.bot_guilds()}
    async with asyncio.timeout(timeout):
        while not expected <= {g.id for g in bot.guilds}:
            await asyncio.sleep(0.005)


def all_text(sent: Sent) -> str:
    parts = [sent.content]
    for embed in sent.embeds:
        parts += [embed.get("title", ""), embed.get("description", "")]
        parts += [f"{f['name']}\n{f['value']}" for f in embed.get("fields", [])]
        parts.append(embed.get("footer", {}).get("text", ""))
    return "\n".join(parts)


def assert_safe(sent: Sent) -> None:
    """No pings possible, nothing live, and no internals leaked."""
    assert sent.delivered, sent.error
    assert sent.allowed_mentions == {"parse": []} or sent.allowed_mentions == {
        "parse": [],
        "replied_user": False,
    }, sent.allowed_mentions
    assert sent.mentioned_user_ids == []
    text = all_text(sent)
    assert not LIVE_MENTION.search(text)
    assert "Traceback" not in text and "/work/" not in text and "/tmp/" not in text

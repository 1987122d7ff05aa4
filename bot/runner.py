"""``citebot run``: start the bot, or explain in one line why it cannot start."""

from __future__ import annotations

import asyncio
import logging
import sys
from pathlib import Path

import discord

from bot.client import Citebot
from bot.config import TOKEN_ENV, Settings, discord_token
from bot.endpoints import use_endpoints
from bot.service import CorpusService
from retrieval import CorpusError

log = logging.getLogger(__name__)

NO_TOKEN = (
    f"no Discord token: set {TOKEN_ENV} to your bot's token (Discord Developer Portal > "
    "your application > Bot > Reset Token), then run `citebot run` again. "
    "See README, 'Run it on your server'."
)


def run(settings: Settings, corpus: Path | None = None) -> int:
    """Run until interrupted; returns the process exit status."""
    token, from_file = discord_token(settings)
    if not token:
        return _fail(NO_TOKEN)
    try:
        service = open_service(settings, corpus)
    except CorpusError as error:
        return _fail(f"cannot serve the corpus: {error}")
    discord.utils.setup_logging()
    for problem in service.engine.corpus.skipped:
        log.warning("skipped a corpus file (strict = false): %s", problem)
    if from_file:
        log.warning("the token was read from the config file; prefer %s", TOKEN_ENV)
    use_endpoints(settings.discord.api_base, settings.discord.gateway_url)
    try:
        asyncio.run(_serve(Citebot(settings, service), token))
    except discord.LoginFailure:
        return _fail(f"Discord rejected the token; check {TOKEN_ENV} (reset it if in doubt).")
    except discord.PrivilegedIntentsRequired:
        return _fail(
            "enable the Message Content intent: Developer Portal > your application > Bot > "
            "Privileged Gateway Intents."
        )
    except KeyboardInterrupt:
        return 0
    return 0


def open_service(settings: Settings, corpus: Path | None = None) -> CorpusService:
    return CorpusService.open(
        corpus or settings.corpus.directory,
        settings.engine,
        strict=settings.corpus.strict,
        max_file_bytes=settings.corpus.max_file_bytes,
    )


async def _serve(bot: Citebot, token: str) -> None:
    async with bot:
        await bot.start(token)


def _fail(message: str) -> int:
    print(f"citebot: {message}", file=sys.stderr)
    return 1

"""``citebot run``: start the bot, or explain in one line why it cannot start."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

import aiohttp
import discord

from bot.client import Citebot
from bot.config import TOKEN_ENV, TOKEN_IN_FILE, DiscordSettings, Settings, discord_token
from bot.corpora import Corpora
from bot.endpoints import use_endpoints
from bot.engines import refusal
from bot.gateway_events import StartupEventError
from bot.reconnects import FIRST_WAIT, LAST_WAIT
from bot.service import CorpusService
from bot.stopping import until_stopped
from bot.terminal import visible
from retrieval import CorpusError

log = logging.getLogger(__name__)
FIRST_RETRY, LAST_RETRY = FIRST_WAIT, LAST_WAIT  # seconds between attempts to serve again
HEALTHY_FOR = 300.0  # a connection that lasted this long starts the backoff over
# Discord refuses a bad token with 401 (LoginFailure); other servers may say 400 or 403.
TOKEN_STATUSES = frozenset({400, 403})

NO_TOKEN = (
    f"no Discord token: set {TOKEN_ENV} to your bot's token (Discord Developer Portal > "
    "your application > Bot > Reset Token), then run `citebot run` again. "
    "See README, 'Run it on your server'."
)
# discord.py's own format, without colour codes (for logs that go to a file or a pipe).
PLAIN_LOG_FORMAT = "[{asctime}] [{levelname:<8}] {name}: {message}"


class Unreachable(Exception):
    """Discord (or the configured server) could not be reached or did not answer in time."""


class ConnectionLost(Exception):
    """The bot was connected, then the connection failed for a reason worth a retry."""

    def __init__(self, error: Exception) -> None:
        super().__init__(str(error))
        self.error = error


def run(settings: Settings, corpus: Path | None = None) -> int:
    """Run until stopped (Ctrl-C or SIGTERM, ``bot.stopping``); returns the exit status."""
    token, from_file = discord_token(settings)
    if not token:
        return _fail(NO_TOKEN)
    try:
        service = start_service(settings, corpus)
    except CorpusError as error:
        return _fail(f"cannot serve the corpus: {refusal(error)}")
    if from_file:
        log.warning(TOKEN_IN_FILE)
    try:
        corpora = Corpora(settings, service)
        until_stopped(
            serve(lambda: Citebot(settings, service, corpora=corpora), token, settings.discord)
        )
    except Unreachable as error:
        return _fail(str(error))
    except discord.LoginFailure:
        return _fail(f"Discord rejected the token; check {TOKEN_ENV} (reset it if in doubt).")
    except discord.PrivilegedIntentsRequired:
        return _fail(
            "enable the Message Content intent: Developer Portal > your application > Bot > "
            "Privileged Gateway Intents."
        )
    except StartupEventError as error:
        return _fail(
            f"cannot start: {error}; check discord.gateway_url (is it a Discord-compatible "
            "gateway?), or try again later"
        )
    return 0


def setup_logging() -> None:
    """discord.py's log setup, with colour only when the log goes to a terminal."""
    handler = logging.StreamHandler()
    colour = handler.stream.isatty() and "NO_COLOR" not in os.environ
    if colour:
        discord.utils.setup_logging(handler=handler)
    else:  # discord.py would colour a pipe too when it runs in a container
        plain = logging.Formatter(PLAIN_LOG_FORMAT, "%Y-%m-%d %H:%M:%S", "{")
        discord.utils.setup_logging(handler=handler, formatter=plain)


def start_service(settings: Settings, corpus: Path | None = None) -> CorpusService:
    """The serving corpus, with logging set up and skipped files logged.

    Raises CorpusError when the corpus cannot serve (before any logging is set up, so
    the caller's one-line error is all the user sees).
    """
    service = CorpusService.open(settings, corpus)
    setup_logging()
    for problem in service.engine.corpus.skipped:
        log.warning("skipped a corpus file (strict = false): %s", problem)
    return service


async def serve(make_bot: Callable[[], Citebot], token: str, settings: DiscordSettings) -> None:
    """Serve, at the Discord ``settings`` name, until closed.

    ``citebot run`` and ``citebot playground`` both come through here; they differ only in
    ``settings.api_base`` and ``gateway_url``. A connection that fails once made (an event
    discord.py cannot read, say) is opened again with a new client, backing off up to a
    minute; from then on an unreachable Discord is waited for too. Only a refused token or
    missing intents, which only the owner can fix, a first connection that fails, and a
    start-up event that cannot be read (``StartupEventError``) end it.
    """
    use_endpoints(settings.api_base, settings.gateway_url)
    delay, served = FIRST_RETRY, False
    while True:
        started = time.monotonic()
        try:
            await _serve_once(make_bot(), token, settings)
            return
        except ConnectionLost as lost:
            served, failure = True, lost.error
        except Unreachable as unreachable:
            if not served:
                raise
            failure = unreachable
        if time.monotonic() - started > HEALTHY_FOR:
            delay = FIRST_RETRY
        log.error(
            "the connection to Discord failed; connecting again in %.0f s",
            delay,
            exc_info=failure,
        )
        await asyncio.sleep(delay)
        delay = min(delay * 2, LAST_RETRY)


async def _serve_once(bot: Citebot, token: str, settings: DiscordSettings) -> None:
    """Log in and connect, giving up with ``Unreachable`` if Discord does not answer in time;
    ``ConnectionLost`` if the connection, once made, fails.

    discord.py would wait five minutes for a silent server, and retry a gateway that
    refuses forever; at start-up, a clear error within ``connect_timeout`` helps more.
    """
    seconds = settings.connect_timeout
    async with bot:
        log.info("connecting to %s (giving up after %g s)", settings.api_base, seconds)
        try:
            async with asyncio.timeout(seconds):
                await bot.login(token)
        except TimeoutError:
            raise Unreachable(
                f"{settings.api_base} accepted the connection but did not answer within "
                f"{seconds:g} s; check discord.api_base, or try again later"
            ) from None
        except (OSError, aiohttp.ClientError) as error:
            raise Unreachable(
                f"cannot reach {settings.api_base} ({error or type(error).__name__}); "
                "check discord.api_base and the network"
            ) from None
        except discord.LoginFailure:
            raise
        except discord.HTTPException as error:
            if error.status in TOKEN_STATUSES:  # how some servers refuse a malformed token
                raise Unreachable(
                    f"{settings.api_base} answered the login with HTTP {error.status}: either "
                    f"the token is wrong (check {TOKEN_ENV}) or discord.api_base is not "
                    "Discord's API (check it)"
                ) from None
            raise Unreachable(
                f"{settings.api_base} answered the login with HTTP {error.status}, not as "
                "Discord's API would; check discord.api_base"
            ) from None
        connection = asyncio.create_task(bot.connect())
        ready = asyncio.create_task(bot.wait_for("connect"))
        done, _ = await asyncio.wait(
            {connection, ready}, timeout=seconds, return_when=asyncio.FIRST_COMPLETED
        )
        ready.cancel()
        if not done:
            connection.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await connection
            raise Unreachable(
                f"logged in at {settings.api_base}, but Discord's gateway did not let the bot in "
                f"within {seconds:g} s; try again later, or check discord.gateway_url"
            )
        try:
            await connection
        except (discord.LoginFailure, discord.PrivilegedIntentsRequired, StartupEventError):
            raise
        except Exception as error:
            raise ConnectionLost(error) from error


def _fail(message: str) -> int:
    print(f"citebot: {visible(message)}", file=sys.stderr)
    return 1

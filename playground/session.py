"""Start and stop the playground: the fake Discord, the real bot against it, the page.

The bot comes up through ``bot.runner.serve``, the function ``citebot run`` uses, with
settings that differ from the given ones only in the Discord endpoints.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import sys
import tempfile
import webbrowser
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

from aiohttp import web

from bot.client import Citebot
from bot.config import Settings
from bot.corpora import Corpora
from bot.engines import refusal
from bot.runner import Unreachable, serve, start_service
from bot.service import CorpusService
from bot.stopping import until_stopped
from fakediscord import FakeDiscord
from retrieval import CorpusError

from .actions import Actions
from .feed import Feed
from .guild import BOT_NAME, QUESTION_CHANNELS, PlaygroundGuild, seed
from .web import Cooldown, build_app

HOST = "127.0.0.1"
DEFAULT_PORT = 8765
READY_TIMEOUT = 30.0
# Commands each person may run per period on the page, unless the configuration sets a
# cooldown: room to try things in a burst, where a server's default (4 per 30 s) would stop
# a newcomer at the fifth command.
TRYING_COOLDOWN = (20, 10.0)


class PortUnavailable(OSError):
    """The page's port is taken or not allowed; the message says what to do."""


class BotNotReady(Exception):
    """The bot did not connect to the playground's server; the message says how it ended."""


@dataclass(frozen=True)
class Playground:
    url: str
    server: FakeDiscord
    place: PlaygroundGuild
    clients: list[Citebot]  # every client the runner made: a lost connection gets a new one

    @property
    def bot(self) -> Citebot:
        """The client serving now."""
        return self.clients[-1]


def with_endpoints(settings: Settings, api_base: str, gateway_url: str) -> Settings:
    """``settings`` with Discord's addresses replaced, and nothing else changed."""
    discord_settings = settings.discord.model_copy(
        update={"api_base": api_base, "gateway_url": gateway_url}
    )
    return settings.model_copy(update={"discord": discord_settings})


def articles_for_trying(settings: Settings, scratch: Path) -> Settings:
    """``settings`` with each server's article changes kept in ``scratch``: per-server scope,
    so the page's two servers show that one server's changes stay there, and the corpus folder
    itself, shared and read-only here, is never written."""
    corpus = settings.corpus.model_copy(
        update={"scope": "per_server", "servers_directory": scratch / "servers"}
    )
    storage = settings.storage.model_copy(update={"database": scratch / "history.sqlite3"})
    return settings.model_copy(update={"corpus": corpus, "storage": storage})


def cooldown_for_trying(settings: Settings) -> tuple[Settings, Cooldown]:
    """``settings`` with ``TRYING_COOLDOWN`` unless they set a cooldown themselves."""
    discord_settings = settings.discord
    if discord_settings.model_fields_set & {"cooldown_rate", "cooldown_seconds"}:
        rate, seconds = discord_settings.cooldown_rate, discord_settings.cooldown_seconds
        return settings, Cooldown(rate, seconds, configured=True)
    rate, seconds = TRYING_COOLDOWN
    relaxed = discord_settings.model_copy(
        update={"cooldown_rate": rate, "cooldown_seconds": seconds}
    )
    return settings.model_copy(update={"discord": relaxed}), Cooldown(
        rate,
        seconds,
        configured=False,
        server=(discord_settings.cooldown_rate, discord_settings.cooldown_seconds),
    )


def playground_log(settings: Settings, folder: Path) -> Settings:
    """``settings`` with the question log in ``folder`` (the session's own, gone when it
    stops) unless a path is configured: trying things fills no one's real log; and the
    page's question channels unless some are configured."""
    logged = settings.question_log
    if "path" not in logged.model_fields_set:
        moved = logged.model_copy(update={"path": folder / "questions.sqlite3"})
        settings = settings.model_copy(update={"question_log": moved})
    asking = settings.discord
    if "question_channels" not in asking.model_fields_set:  # the page's #ask-ai and forum
        listed = asking.model_copy(update={"question_channels": list(QUESTION_CHANNELS)})
        settings = settings.model_copy(update={"discord": listed})
    return settings


@contextlib.asynccontextmanager
async def open_playground(
    settings: Settings, service: CorpusService, *, port: int = DEFAULT_PORT
) -> AsyncIterator[Playground]:
    """Everything running and the slash commands synced; all of it stopped on exit."""
    server = FakeDiscord(bot_name=BOT_NAME)
    scratch = tempfile.TemporaryDirectory(prefix="citebot-playground-")
    kept = Path(scratch.name)  # article changes and the question log, gone when it stops
    settings = playground_log(articles_for_trying(settings, kept), kept)
    await server.start()
    try:
        place = seed(server)
        feed = Feed(server, place)
        settings, cooldown = cooldown_for_trying(settings)
        runner = web.AppRunner(
            build_app(Actions(server, place, feed), feed, place, cooldown),
            handle_signals=False,
            access_log=None,
            shutdown_timeout=1.0,
        )
        await runner.setup()
        try:
            await _listen(runner, port)  # first, so a taken port fails before the bot starts
            bot_settings = with_endpoints(settings, server.api_base, server.gateway_url)
            clients: list[Citebot] = []
            corpora = Corpora(bot_settings, service)
            first: asyncio.Future[Citebot] = asyncio.get_running_loop().create_future()

            def make_bot() -> Citebot:
                clients.append(Citebot(bot_settings, service, corpora=corpora))
                if not first.done():
                    first.set_result(clients[-1])
                return clients[-1]

            serving = asyncio.create_task(serve(make_bot, server.token, bot_settings.discord))
            try:
                bot = await _ready(first, serving)
                await bot.tree.sync()  # what the owner's `!sync` does on a real server
                url = f"http://{HOST}:{runner.addresses[0][1]}/"
                yield Playground(url, server, place, clients)
            finally:
                if clients:
                    await clients[-1].close()
                with contextlib.suppress(asyncio.CancelledError, TimeoutError):
                    await asyncio.wait_for(serving, timeout=5.0)  # cancelled if still waiting
        finally:
            feed.close()
            await runner.cleanup()
    finally:
        await server.stop()
        scratch.cleanup()


async def _listen(runner: web.AppRunner, port: int) -> None:
    try:
        await web.TCPSite(runner, HOST, port).start()
    except OSError as error:
        reason = os.strerror(error.errno) if error.errno else str(error)
        raise PortUnavailable(
            f"cannot listen on {HOST}:{port} ({reason}); "
            "choose another port with --port N (0 picks a free one)."
        ) from None


async def _ready(first: asyncio.Future[Citebot], serving: asyncio.Task[None]) -> Citebot:
    """The runner's first client once READY; what stopped the runner if it stopped first."""

    async def ready() -> Citebot:
        bot = await first
        await bot.wait_until_ready()
        return bot

    waiting = asyncio.create_task(ready())
    done, _ = await asyncio.wait(
        {waiting, serving}, timeout=READY_TIMEOUT, return_when=asyncio.FIRST_COMPLETED
    )
    if waiting in done:
        return waiting.result()
    waiting.cancel()
    if serving in done:
        serving.result()  # raises what ended it
        raise BotNotReady("the bot stopped before it was ready")
    raise BotNotReady(f"the bot was not ready within {READY_TIMEOUT:g} s")


def run(settings: Settings, corpus: Path | None = None, *, port: int, open_page: bool) -> int:
    """``citebot playground``: serve until Ctrl-C or SIGTERM; returns the exit status."""
    try:
        service = start_service(settings, corpus)
    except CorpusError as error:
        return _fail(f"cannot serve the corpus: {refusal(error)}")
    try:
        until_stopped(_serve_until_stopped(settings, service, port, open_page))
    except (PortUnavailable, Unreachable, BotNotReady) as error:
        return _fail(str(error))
    print("citebot playground stopped.")
    return 0


async def _serve_until_stopped(
    settings: Settings, service: CorpusService, port: int, open_page: bool
) -> None:
    async with open_playground(settings, service, port=port) as playground:
        print(f"citebot playground: {playground.url}  (Ctrl-C stops it)", flush=True)
        if open_page:
            webbrowser.open(playground.url)
        await asyncio.Event().wait()


def _fail(message: str) -> int:
    print(f"citebot: {message}", file=sys.stderr)
    return 1

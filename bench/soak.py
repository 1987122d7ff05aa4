"""``python -m bench soak``: the real bot under load, reloads and faults, for a bounded time.

One event loop runs the fake Discord of the test suite (REST + gateway on 127.0.0.1) and
the real ``Citebot``. Simulated users each send their share of ``!ask`` commands, one at
a time (a user waits for the reply before asking again); a moderator sends ``!reload``s
spread over the run, switching the corpus folder between two versions just before each;
the gateway is closed (1006, 4000) or its session invalidated, and Discord's REST API
answers a reply with a 429 (Retry-After) and another with a 500, at set points of the run.

Checked: every command gets exactly one reply (replies are matched to commands by
``message_reference``), no reply is an error, every answer is exactly (byte for byte)
what the engine gives that question on corpus version A or on version B, and nothing is
logged at ERROR. Version A is the seed articles plus a short harbour timetable; version B
swaps the timetable for one that answers some of the questions differently (the switch
is one atomic rename, made only between reloads). Figures: throughput, and the latency of
each reply from the user's post to the bot's reply, p50 and p99.

The run's parts, each in its own module: ``soak_corpus`` (the questions, the two corpus
versions and the replies expected of each), ``soak_load`` (the guild, the users and the
moderator), ``soak_faults`` (gateway, REST and hostile faults), ``soak_judge`` (the checks,
figures and goals) and ``soak_report`` (tables and the report's section). This module runs
them together.

The Discord-compatible server is the ``fakediscord`` package, the one the tests use.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import discord.gateway
import discord.http

from bench.soak_corpus import (
    ANSWERED,
    HOSTILE_ARTICLE,
    HOSTILE_FILE,
    REPO_ROOT,
    expected_replies,
    switch_version,
)
from bench.soak_faults import gateway_faults, hostile, rest_faults
from bench.soak_judge import goals, judge
from bench.soak_load import (
    REPLY_TIMEOUT,
    Guild,
    Load,
    SoakOptions,
    Tally,
    build_guild,
    replied_to,
)
from bench.soak_report import section, tables
from bot.client import Citebot
from bot.config import CorpusSettings, DiscordSettings, QuestionLogSettings, Settings
from bot.endpoints import use_endpoints
from bot.service import CorpusService
from fakediscord import FakeDiscord, running, skip_identify_delay

__all__ = ["SoakOptions", "goals", "run", "section", "soak", "tables"]


class _ErrorLog(logging.Handler):
    def __init__(self, tally: Tally) -> None:
        super().__init__(logging.ERROR)
        self.tally = tally

    def emit(self, record: logging.LogRecord) -> None:
        message = f"{record.name}: {record.getMessage()}"
        if record.exc_info and record.exc_info[1] is not None:
            error = record.exc_info[1]
            message += f" ({type(error).__name__}: {error})"
        self.tally.errors_logged.append(message)


@contextlib.contextmanager
def _errors_logged(tally: Tally) -> Iterator[None]:
    handler = _ErrorLog(tally)
    loggers = [logging.getLogger(name) for name in ("bot", "discord")]
    for logger in loggers:
        logger.addHandler(handler)
    try:
        yield
    finally:
        for logger in loggers:
            logger.removeHandler(handler)


@contextlib.contextmanager
def _endpoints(server: FakeDiscord) -> Iterator[None]:
    saved = discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    use_endpoints(server.api_base, server.gateway_url)
    try:
        yield
    finally:
        discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = saved


async def soak(options: SoakOptions) -> dict[str, Any]:
    """Run the soak and return its figures and checks (``result["ok"]``)."""
    with tempfile.TemporaryDirectory(prefix="citebot-soak-") as tmp:
        root = Path(tmp)
        shutil.copytree(REPO_ROOT / "seeds", root / "corpus")
        if options.hostile:
            (root / "corpus" / HOSTILE_FILE).write_text(HOSTILE_ARTICLE, encoding="utf-8")
        switch_version(root, "A")
        server = FakeDiscord(heartbeat_interval=1.0)
        guild = build_guild(server, options)
        settings = Settings(
            corpus=CorpusSettings(directory=root / "corpus"),
            discord=DiscordSettings(
                moderator_role_ids=[guild.moderator_role.id],
                cooldown_rate=100,
                cooldown_seconds=1.0,
            ),
            question_log=QuestionLogSettings(path=root / "questions.sqlite3"),
        )
        expected = expected_replies(root, settings, hostile=bool(options.hostile))
        tally = Tally()
        finished = False
        started = time.perf_counter()
        await server.start()
        try:
            with _endpoints(server), _errors_logged(tally):
                async with asyncio.timeout(options.timeout):
                    await _drive(server, guild, settings, root, options, tally)
                    finished = True
        except TimeoutError:  # the hard limit, or the bot never came back to the gateway
            pass
        finally:
            await server.stop()
        wall = time.perf_counter() - started
        return judge(server, tally, expected, finished, options, wall)


async def _drive(
    server: FakeDiscord,
    guild: Guild,
    settings: Settings,
    root: Path,
    options: SoakOptions,
    tally: Tally,
) -> None:
    bot = Citebot(settings, CorpusService.open(settings), guild_ready_timeout=0.2)
    skip_identify_delay(bot)
    load = Load(server, guild, root, options, tally)
    async with running(bot, server.token):
        await asyncio.gather(
            *load.askers(),
            load.reloads(),
            gateway_faults(load),
            rest_faults(load),
            hostile(load),
        )
        # A last message, answered after everything before it: late duplicates show by then.
        last = await server.post_message(guild.channels[0], guild.moderator, f"!ask {ANSWERED[0]}")
        await server.wait_for(replied_to(last.id), since=last.mark, timeout=REPLY_TIMEOUT)
        await asyncio.sleep(0.5)


def run(options: SoakOptions) -> dict[str, Any]:
    return asyncio.run(soak(options))

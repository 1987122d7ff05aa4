"""Nothing that grows with the corpus runs on the event loop: with many articles, the real bot
on the fake Discord answers ``!sources``, ``!summary``, its menu and autocomplete, and reloads,
while a ticker on the same loop (as ``bench soak`` measures it) is never kept waiting long."""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import pytest_asyncio

from fakediscord import Sent
from harness import Harness, open_harness

if TYPE_CHECKING:
    from discord_fixtures import SeededGuild

ARTICLES = int(os.environ.get("CITEBOT_TEST_LOOP_ARTICLES", "20000"))
LONGEST_STALL = 0.1  # seconds the loop may be kept from a ticker; the soak's goal too
TICK = 0.005
TRIES = 3  # measurements of one action at most (``longest_stall``)


@pytest.fixture(scope="module")
def big_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``ARTICLES`` one-paragraph articles, each titled "Tiny note <n>"."""
    folder = tmp_path_factory.mktemp("big") / "corpus"
    folder.mkdir()
    for n in range(ARTICLES):
        (folder / f"{n:06}.txt").write_text(
            f"Tiny note {n}\n\nThe harbour board met on day {n} and spoke of boats and nets.\n"
        )
    return folder


@pytest_asyncio.fixture
async def harness(fake_guild: SeededGuild, big_corpus: Path) -> AsyncIterator[Harness]:
    async with open_harness(fake_guild, big_corpus, cooldown_rate=100) as running_bot:
        yield running_bot


class Ticker:
    """Wakes every ``TICK`` seconds on the loop; ``longest`` is the longest it waited past that."""

    def __init__(self) -> None:
        self.longest = 0.0

    async def run(self) -> None:
        while True:
            before = time.perf_counter()
            await asyncio.sleep(TICK)
            self.longest = max(self.longest, time.perf_counter() - before - TICK)


@asynccontextmanager
async def ticking() -> AsyncIterator[Ticker]:
    ticker = Ticker()
    task = asyncio.create_task(ticker.run())
    await asyncio.sleep(TICK * 2)
    try:
        yield ticker
    finally:
        task.cancel()


async def longest_stall(action: Callable[[], Awaitable[Any]]) -> tuple[float, Any]:
    """The longest the loop kept the ticker waiting while ``action`` ran, and its result.

    Tried again when over ``LONGEST_STALL``, up to ``TRIES`` times, keeping the shortest: on a
    shared machine (the suite's other worker included) the system may pause the whole process
    now and then, but work done on the loop shows every time.
    """
    stall, result = await _one_stall(action)
    for _ in range(TRIES - 1):
        if stall < LONGEST_STALL:
            break
        again, result = await _one_stall(action)
        stall = min(stall, again)
    return stall, result


async def _one_stall(action: Callable[[], Awaitable[Any]]) -> tuple[float, Any]:
    async with ticking() as ticker:
        result = await action()
    return ticker.longest, result


COMMANDS = ("!sources", "!summary", "!summary tiny", "!summary 7", "!ask harbour boats")


async def test_commands_and_autocomplete_on_a_large_corpus_keep_the_loop_free(
    harness: Harness,
) -> None:
    async def say(content: str, author: Any = None) -> Sent:
        return await harness.reply(await harness.post(content, author=author), timeout=60)

    async def complete(typed: str) -> Sent:
        invocation = await harness.server.invoke_autocomplete(
            harness.guild.channel,
            harness.guild.alice,
            "summary",
            {"article": typed},
            focused="article",
        )
        return await harness.server.wait_for_reply(invocation, timeout=60)

    await say("!sync", author=harness.guild.owner)
    await say("!summary 1")  # warm: the meaning model, the caches
    stalls: dict[str, float] = {}
    for command in COMMANDS:
        stalls[command], reply = await longest_stall(lambda command=command: say(command))
        assert reply.content or reply.embeds, command
    for typed in ("tiny note 1999", "zzz no such article"):
        stalls[f"autocomplete {typed!r}"], answer = await longest_stall(
            lambda typed=typed: complete(typed)
        )
    assert answer.choices == []

    waited = {what: f"{stall * 1000:.0f} ms" for what, stall in stalls.items()}
    print("the loop waited:", waited)
    slow = [what for what, stall in stalls.items() if stall >= LONGEST_STALL]
    assert not slow, f"the loop waited: {waited}"


async def test_a_reload_of_a_large_corpus_keeps_the_loop_free(harness: Harness) -> None:
    (harness.corpus / "zz-new.txt").write_text("A new note\n\nThe pier closed for repairs.\n")

    async def reload() -> Sent:
        posted = await harness.post("!reload", author=harness.guild.moderator)
        return await harness.reply(posted, timeout=300)

    stall, reply = await longest_stall(reload)

    assert reply.content.startswith("Reloaded:"), reply.content
    print(f"reload: the loop waited {stall * 1000:.0f} ms")
    assert stall < LONGEST_STALL, f"reload: the loop waited {stall * 1000:.0f} ms"

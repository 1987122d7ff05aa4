"""``citebot run``: the real process, configured only by environment, against any server."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from typing import TYPE_CHECKING

from helpers import REPO_ROOT

if TYPE_CHECKING:
    from discord_fixtures import SeededGuild


def environment(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CITEBOT_", "DISCORD_"))}
    return env | extra


def test_run_without_a_token_says_what_to_do_and_exits_1() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bot", "run"],
        env=environment(),
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert "DISCORD_TOKEN" in done.stderr and "Run it on your server" in done.stderr


def test_run_with_a_broken_corpus_exits_1_with_one_line() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bot", "run", "--corpus", "/nonexistent/corpus"],
        env=environment(DISCORD_TOKEN="token"),
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert done.stderr == (
        "citebot: cannot serve the corpus: /nonexistent/corpus: "
        "corpus folder not found; check the path\n"
    )


async def start_bot_process(guild: SeededGuild, token: str) -> asyncio.subprocess.Process:
    server = guild.server
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "run",
        env=environment(
            DISCORD_TOKEN=token,
            CITEBOT_DISCORD__API_BASE=server.api_base,
            CITEBOT_DISCORD__GATEWAY_URL=server.gateway_url,
        ),
        cwd=REPO_ROOT,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )


async def read_until(stream: asyncio.StreamReader, needle: str, seen: list[str]) -> None:
    while needle not in (line := (await stream.readline()).decode()):
        if not line:
            raise AssertionError(f"the log ended without {needle!r}")
        seen.append(line)
    seen.append(line)


async def test_run_serves_a_discord_compatible_server_named_by_environment_variables(
    fake_guild: SeededGuild,
) -> None:
    server = fake_guild.server
    process = await start_bot_process(fake_guild, server.token)
    assert process.stderr is not None
    log: list[str] = []
    try:
        await server.wait_for_gateway("ready", timeout=30)
        posted = await server.post_message(fake_guild.channel, fake_guild.alice, "!sources")
        reply = await server.wait_for_reply(posted, timeout=30)
        await asyncio.wait_for(read_until(process.stderr, "sources by", log), timeout=30)
    finally:
        process.terminate()
        await asyncio.wait_for(process.wait(), timeout=30)
    assert "Doug Bandow, Cato Institute" in reply.content
    assert server.token not in "".join(log)
    assert log[-1].rstrip().endswith(" ms")  # one line per command, with its latency


async def test_run_with_a_rejected_token_says_so_and_exits_1(fake_guild: SeededGuild) -> None:
    process = await start_bot_process(fake_guild, "not-the-token")
    _, stderr = await asyncio.wait_for(process.communicate(), timeout=60)
    assert process.returncode == 1
    assert stderr.decode().splitlines()[-1].startswith("citebot: Discord rejected the token")

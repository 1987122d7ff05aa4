"""``citebot run``: the real process, configured only by environment, against any server."""

from __future__ import annotations

import asyncio
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from helpers import REPO_ROOT, environment, run_citebot, write, write_article

if TYPE_CHECKING:
    from discord_fixtures import SeededGuild


def test_run_without_a_token_says_what_to_do_and_exits_1() -> None:
    done = run_citebot("run")
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert "DISCORD_TOKEN" in done.stderr and "Run it on your server" in done.stderr


def test_run_with_a_broken_corpus_exits_1_with_one_line() -> None:
    done = run_citebot("run", "--corpus", "/nonexistent/corpus", DISCORD_TOKEN="token")
    assert done.returncode == 1
    assert done.stderr == (
        "citebot: cannot serve the corpus: /nonexistent/corpus: "
        "corpus folder not found; check the path\n"
    )


def test_run_with_several_bad_files_names_the_first_and_counts_the_rest(tmp_path: Path) -> None:
    write(tmp_path, "a-empty.txt", b"")
    write(tmp_path, "b-binary.txt", b"\x00\x01")
    write_article(tmp_path, "c-good.txt", "Good", "Text.")
    done = run_citebot("run", "--corpus", str(tmp_path), DISCORD_TOKEN="token")
    assert done.returncode == 1
    assert done.stderr.startswith("citebot: cannot serve the corpus: a-empty.txt: ")
    assert done.stderr.endswith(" (and 1 more: `citebot check` names every one)\n")
    assert done.stderr.count("\n") == 1


def run_against(api_base: str, timeout: float = 1.0) -> subprocess.CompletedProcess[str]:
    """``citebot run`` with its REST API at ``api_base``, giving up after ``timeout`` s."""
    return run_citebot(
        "run",
        DISCORD_TOKEN="token",
        CITEBOT_DISCORD__API_BASE=api_base,
        CITEBOT_DISCORD__CONNECT_TIMEOUT=str(timeout),
    )


def assert_one_line_failure(done: subprocess.CompletedProcess[str]) -> str:
    """Exit status 1, no traceback, and one ``citebot:`` line after the log."""
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    errors = [line for line in done.stderr.splitlines() if line.startswith("citebot:")]
    assert len(errors) == 1 and done.stderr.splitlines()[-1] == errors[0], done.stderr
    return errors[0]


def test_run_against_a_port_that_refuses_says_so_in_one_line() -> None:
    with socket.socket() as closed:  # bound, never listening: connections are refused
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
        done = run_against(f"http://127.0.0.1:{port}/api/v10")
    line = assert_one_line_failure(done)
    assert f"cannot reach http://127.0.0.1:{port}/api/v10" in line
    assert "check discord.api_base" in line


def test_run_against_a_server_that_never_answers_gives_up_in_one_line() -> None:
    with socket.socket() as silent:  # the kernel accepts connections; nobody ever answers
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        port = silent.getsockname()[1]
        started = time.monotonic()
        done = run_against(f"http://127.0.0.1:{port}/api/v10", timeout=1.0)
        took = time.monotonic() - started
    line = assert_one_line_failure(done)
    assert "did not answer within 1 s" in line and f"127.0.0.1:{port}" in line
    assert "connecting to" in done.stderr  # the log said what it was waiting for
    assert took < 30


def test_run_logs_no_voice_warnings_and_no_colour_codes_into_a_pipe() -> None:
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        done = run_against(f"http://127.0.0.1:{closed.getsockname()[1]}/api/v10")
    assert "connecting to" in done.stderr  # the log did run
    assert "voice" not in done.stderr.casefold()
    assert "\x1b[" not in done.stderr


async def start_bot_process(
    guild: SeededGuild, token: str, **options: str
) -> asyncio.subprocess.Process:
    server = guild.server
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "run",
        env=environment(
            **{
                "DISCORD_TOKEN": token,
                "CITEBOT_DISCORD__API_BASE": server.api_base,
                "CITEBOT_DISCORD__GATEWAY_URL": server.gateway_url,
            }
            | options
        ),
        cwd=REPO_ROOT,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )


@asynccontextmanager
async def serving(guild: SeededGuild) -> AsyncIterator[asyncio.StreamReader]:
    """``citebot run`` against ``guild``'s server, once its gateway is ready; yields the
    process's stderr and stops the process on the way out."""
    process = await start_bot_process(guild, guild.server.token)
    assert process.stderr is not None
    try:
        await guild.server.wait_for_gateway("ready", timeout=30)
        yield process.stderr
    finally:
        process.terminate()
        await asyncio.wait_for(process.wait(), timeout=30)


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
    log: list[str] = []
    async with serving(fake_guild) as stderr:
        posted = await server.post_message(fake_guild.channel, fake_guild.alice, "!sources")
        reply = await server.wait_for_reply(posted, timeout=30)
        await asyncio.wait_for(read_until(stderr, "sources by", log), timeout=30)
    assert "Doug Bandow, Cato Institute" in reply.content
    assert server.token not in "".join(log)
    assert log[-1].rstrip().endswith(" ms")  # one line per command, with its latency


async def test_sigterm_closes_the_gateway_cleanly_and_exits_0(fake_guild: SeededGuild) -> None:
    """How systemd and ``docker stop`` stop it (in a container it is process 1, which the
    kernel would leave running): the session is closed as a client closes it, not dropped."""
    server = fake_guild.server
    process = await start_bot_process(fake_guild, server.token)
    try:
        await server.wait_for_gateway("ready", timeout=30)
        process.terminate()
        closed = await server.wait_for_gateway("closed", timeout=30)
        _, err = await asyncio.wait_for(process.communicate(), timeout=30)
    finally:
        if process.returncode is None:
            process.kill()
    assert process.returncode == 0
    assert closed.detail["code"] == 1000 and not closed.detail["by_server"]
    assert "stopping (SIGTERM)" in err.decode()
    assert "Traceback" not in err.decode()


async def test_run_against_a_server_that_is_not_discords_api_says_so_in_one_line(
    fake_guild: SeededGuild,
) -> None:
    wrong = f"{fake_guild.server.api_base}/not-the-api"
    process = await start_bot_process(
        fake_guild, fake_guild.server.token, CITEBOT_DISCORD__API_BASE=wrong
    )
    _, stderr = await asyncio.wait_for(process.communicate(), timeout=60)
    assert process.returncode == 1
    text = stderr.decode()
    assert "Traceback" not in text
    assert text.splitlines()[-1] == (
        f"citebot: {wrong} answered the login with HTTP 404, not as Discord's API would; "
        "check discord.api_base"
    )


async def test_run_with_a_rejected_token_says_so_and_exits_1(fake_guild: SeededGuild) -> None:
    process = await start_bot_process(fake_guild, "not-the-token")
    _, stderr = await asyncio.wait_for(process.communicate(), timeout=60)
    assert process.returncode == 1
    assert stderr.decode().splitlines()[-1].startswith("citebot: Discord rejected the token")


async def test_run_gives_up_in_one_line_when_the_gateway_never_answers(
    fake_guild: SeededGuild,
) -> None:
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        # Sharded clients open the gateway that GET /gateway/bot names: make it the silent one.
        fake_guild.server.config.gateway_url = f"ws://127.0.0.1:{silent.getsockname()[1]}/"
        process = await start_bot_process(
            fake_guild, fake_guild.server.token, CITEBOT_DISCORD__CONNECT_TIMEOUT="1"
        )
        _, stderr = await asyncio.wait_for(process.communicate(), timeout=60)
    assert process.returncode == 1
    text = stderr.decode()
    assert "Traceback" not in text
    last = text.splitlines()[-1]
    assert last.startswith("citebot: logged in at ") and "did not let the bot in within 1 s" in last


async def test_run_connects_again_after_an_event_it_cannot_read_and_keeps_serving(
    fake_guild: SeededGuild,
) -> None:
    server = fake_guild.server
    log: list[str] = []
    async with serving(fake_guild) as stderr:
        mark = server.gateway_events.mark()
        await server.inject("READY", {})  # no session id: discord.py's read loop gives up
        await asyncio.wait_for(read_until(stderr, "connecting again in 1 s", log), 30)
        await server.wait_for_gateway("ready", since=mark, timeout=30)
        posted = await server.post_message(fake_guild.channel, fake_guild.alice, "!sources")
        reply = await server.wait_for_reply(posted, timeout=30)
    assert "Doug Bandow, Cato Institute" in reply.content


async def test_a_login_answered_with_http_400_names_the_token_and_the_api_base(
    fake_guild: SeededGuild,
) -> None:
    """Some servers answer a malformed token with 400, not 401: either may be at fault."""
    fake_guild.server.fail("GET /users/@me", status=400)
    process = await start_bot_process(fake_guild, "not-a-token")
    _, stderr = await asyncio.wait_for(process.communicate(), timeout=60)
    assert process.returncode == 1
    text = stderr.decode()
    assert "Traceback" not in text
    last = text.splitlines()[-1]
    api_base = fake_guild.server.api_base
    assert last.startswith(f"citebot: {api_base} answered the login with HTTP 400")
    assert "DISCORD_TOKEN" in last and "discord.api_base" in last


@pytest.mark.parametrize(
    ("ready", "guild_create", "event"),
    [
        ({"user": {"id": "1"}}, None, "READY"),  # a user without a username
        (None, {"roles": [{"id": "1"}]}, "GUILD_CREATE"),  # a role without a name
    ],
)
async def test_run_stops_at_once_naming_a_start_up_event_it_cannot_read(
    fake_guild: SeededGuild,
    ready: dict[str, Any] | None,
    guild_create: dict[str, Any] | None,
    event: str,
) -> None:
    """Dropped like other malformed events, the bot would never be ready, and 30 s later
    blame the gateway for not letting it in."""
    fake_guild.server.patch_next_ready(ready, guild_create=guild_create)
    started = time.monotonic()
    process = await start_bot_process(fake_guild, fake_guild.server.token)
    _, stderr = await asyncio.wait_for(process.communicate(), timeout=60)
    took = time.monotonic() - started

    line = assert_one_line_failure(
        subprocess.CompletedProcess([], process.returncode, "", stderr.decode())
    )
    assert line.startswith(f"citebot: cannot start: the gateway's {event} event could not be read")
    assert "KeyError" in line and "discord.gateway_url" in line
    assert took < 20

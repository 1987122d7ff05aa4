"""Who the fake Discord answers: its own bot (a random token per server) at its own
loopback address, never another site open in the same browser.

The playground runs this server beside a browser; a page from another site, or from
another port on localhost, must not read the channel or post as the bot, over REST or
the gateway. These are plain HTTP and WebSocket checks; the browser's own view of the
same rule is in ``test_playground_browser.py``.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import TYPE_CHECKING

import aiohttp
import discord.gateway
import discord.http
import pytest

from bot.service import CorpusService
from fakediscord import FakeDiscord
from harness import copy_seeds
from playground.session import open_playground
from playground_fixtures import playground_settings

if TYPE_CHECKING:
    from discord_fixtures import SeededGuild

IDENTIFY = 2


def _port(server: FakeDiscord) -> int:
    return int(server.api_base.split(":")[2].split("/")[0])


def _history(seeded: SeededGuild) -> str:
    return f"{seeded.server.api_base}/channels/{seeded.channel.id}/messages"


def _auth(server: FakeDiscord) -> dict[str, str]:
    return {"Authorization": f"Bot {server.token}"}


def test_every_server_has_its_own_random_token_that_its_repr_does_not_show() -> None:
    first, second = FakeDiscord(), FakeDiscord()
    assert first.token != second.token
    assert len(first.token) >= 32
    assert "fake-bot-token" not in (first.token, second.token)
    assert first.token not in repr(first.config)


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "http://evil.example"},
        {"Origin": "http://localhost:1"},  # another page on this machine
        {"Origin": "null"},  # a sandboxed frame or a file
        {"Host": "evil.example"},  # a rebound DNS name
        {"Host": "evil.example:{port}"},
    ],
    ids=["origin", "other-local-port", "null-origin", "host", "host-with-port"],
)
async def test_rest_refuses_requests_from_another_origin_or_host_even_with_the_token(
    fake_guild: SeededGuild, headers: dict[str, str]
) -> None:
    server, port = fake_guild.server, _port(fake_guild.server)
    await server.post_message(fake_guild.channel, fake_guild.moderator, "a moderator's secret")
    sent_before = len(server.sent.items)
    headers = {name: value.format(port=port) for name, value in headers.items()}
    async with aiohttp.ClientSession() as http:
        async with http.get(_history(fake_guild), headers=_auth(server) | headers) as read:
            assert read.status == 403
            assert "secret" not in await read.text()
        async with http.post(
            _history(fake_guild), json={"content": "as the bot"}, headers=_auth(server) | headers
        ) as posted:
            assert posted.status == 403
    assert len(server.sent.items) == sent_before


@pytest.mark.parametrize(
    "address", ["127.0.0.1:{port}", "localhost:{port}"], ids=["ip", "localhost"]
)
async def test_rest_answers_its_own_address_with_or_without_an_origin(
    fake_guild: SeededGuild, address: str
) -> None:
    server = fake_guild.server
    own = address.format(port=_port(server))
    async with aiohttp.ClientSession() as http:
        for extra in ({}, {"Origin": f"http://{own}"}):
            headers = _auth(server) | {"Host": own} | extra
            async with http.get(_history(fake_guild), headers=headers) as read:
                assert read.status == 200, extra


async def test_rest_refuses_the_old_fixed_token(fake_guild: SeededGuild) -> None:
    async with (
        aiohttp.ClientSession() as http,
        http.get(_history(fake_guild), headers={"Authorization": "Bot fake-bot-token"}) as read,
    ):
        assert read.status == 401


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "http://evil.example"},
        {"Origin": "http://127.0.0.1:1"},
        {"Host": "evil.example:{port}"},
    ],
    ids=["origin", "other-local-port", "host"],
)
@pytest.mark.parametrize("path", ["/gateway", "/gateway-resume"])
async def test_the_gateway_refuses_a_websocket_from_another_origin_or_host(
    fake_discord: FakeDiscord, headers: dict[str, str], path: str
) -> None:
    port = _port(fake_discord)
    headers = {name: value.format(port=port) for name, value in headers.items()}
    url = f"ws://127.0.0.1:{port}{path}?v=10&encoding=json"
    async with aiohttp.ClientSession() as http:
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await http.ws_connect(url, headers=headers)
    assert refused.value.status == 403
    assert [e for e in fake_discord.gateway_events.items if e.kind == "connect"] == []


async def test_the_gateway_refuses_to_identify_with_the_old_fixed_token(
    fake_discord: FakeDiscord,
) -> None:
    async with (
        aiohttp.ClientSession() as http,
        http.ws_connect(f"{fake_discord.gateway_url}?v=10&encoding=json") as ws,
    ):
        hello = await ws.receive_json(timeout=5)
        assert hello["op"] == 10
        await ws.send_str(
            json.dumps({"op": IDENTIFY, "d": {"token": "fake-bot-token", "intents": 0}})
        )
        closed = await ws.receive(timeout=5)
    assert closed.type is aiohttp.WSMsgType.CLOSE
    assert closed.data == 4004


async def test_the_gateway_still_lets_its_own_bot_in_from_its_own_page(
    fake_discord: FakeDiscord,
) -> None:
    own = f"http://127.0.0.1:{_port(fake_discord)}"
    async with (
        aiohttp.ClientSession() as http,
        http.ws_connect(
            f"{fake_discord.gateway_url}?v=10&encoding=json", headers={"Origin": own}
        ) as ws,
    ):
        assert (await ws.receive_json(timeout=5))["op"] == 10
        await ws.send_str(
            json.dumps({"op": IDENTIFY, "d": {"token": fake_discord.token, "intents": 0}})
        )
        ready = await ws.receive_json(timeout=5)
    assert ready["t"] == "READY"


async def test_each_playground_run_makes_its_own_token_and_never_logs_or_prints_it(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    caplog.set_level(logging.DEBUG)
    settings = playground_settings(copy_seeds(tmp_path / "corpus"))
    tokens: list[str] = []
    saved = discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    try:
        for _ in range(2):
            async with open_playground(settings, CorpusService.open(settings), port=0) as running:
                tokens.append(running.server.token)
                place = running.place
                asked = await running.server.post_message(
                    place.channel, place.people["member"].member, "!ask What is Juche?"
                )
                await running.server.wait_for_reply(asked, timeout=20)
    finally:
        discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = saved
    assert tokens[0] != tokens[1]
    printed = capsys.readouterr()
    said = caplog.text + printed.out + printed.err
    assert caplog.records, "nothing was logged, so the check below would prove nothing"
    for token in tokens:
        assert token not in said

"""``citebot playground`` without a browser: the process, its web API and event stream,
and the rules the page depends on (same origin only, text passed through unchanged)."""

from __future__ import annotations

import base64
import json
import signal
import socket
import subprocess
import sys
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

import aiohttp
import discord.gateway
import discord.http
import pytest

from bot.config import CorpusSettings, DiscordSettings, Settings
from bot.service import CorpusService
from helpers import REPO_ROOT, SEEDS_DIR, environment, interruptible, run_citebot
from playground.session import (
    TRYING_COOLDOWN,
    Playground,
    cooldown_for_trying,
    open_playground,
    with_endpoints,
)
from playground.web import PAGE_FILES, Cooldown
from playground_fixtures import playground

__all__ = ["playground"]  # the module-scoped fixture, shared by these tests

STATIC = REPO_ROOT / "playground" / "static"
ASYNC = pytest.mark.asyncio(loop_scope="module")
Event = dict[str, Any]


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_the_playground_prints_its_url_serves_the_page_and_stops_cleanly(
    stop: signal.Signals, tmp_path: Path
) -> None:
    """Stopped, it leaves nothing behind: its session's files live in a temporary folder."""
    process = interruptible(
        lambda: subprocess.Popen(
            [sys.executable, "-m", "bot", "playground", "--port", "0", "--corpus", str(SEEDS_DIR)],
            env=environment(TMPDIR=str(tmp_path)),
            cwd=REPO_ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        assert first.startswith("citebot playground: http://127.0.0.1:"), first
        url = first.split()[2]
        with urllib.request.urlopen(url, timeout=10) as page:
            assert "citebot playground" in page.read().decode()
        assert any(tmp_path.glob("citebot-playground-*"))
        process.send_signal(stop)
        out, err = process.communicate(timeout=30)
    finally:
        process.kill()
    assert process.returncode == 0
    assert out == "citebot playground stopped.\n"
    assert "Traceback" not in err and "ERROR" not in err
    assert not any(tmp_path.glob("citebot-playground-*"))


def test_a_port_in_use_is_one_line_saying_what_to_do() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = run_citebot("playground", "--port", str(port))
    assert done.returncode == 1
    errors = [line for line in done.stderr.splitlines() if line.startswith("citebot:")]
    assert errors == [
        f"citebot: cannot listen on 127.0.0.1:{port} (Address already in use); "
        "choose another port with --port N (0 picks a free one)."
    ]
    assert "Traceback" not in done.stderr


def test_a_corpus_that_cannot_serve_is_one_line_as_for_run() -> None:
    done = run_citebot("playground", "--corpus", "/nonexistent/corpus")
    assert done.returncode == 1
    assert done.stderr == (
        "citebot: cannot serve the corpus: /nonexistent/corpus: "
        "corpus folder not found; check the path\n"
    )


def test_the_bot_gets_the_given_settings_with_only_the_endpoints_changed() -> None:
    given = Settings()
    changed = with_endpoints(given, "http://127.0.0.1:1/api/v10", "ws://127.0.0.1:1/gateway")
    endpoints = {"discord": {"api_base", "gateway_url"}}
    assert changed.model_dump(exclude=endpoints) == given.model_dump(exclude=endpoints)
    assert (changed.discord.api_base, changed.discord.gateway_url) == (
        "http://127.0.0.1:1/api/v10",
        "ws://127.0.0.1:1/gateway",
    )


def test_the_page_never_parses_text_as_html() -> None:
    """The page's scripts build nodes and set text; none of them hands a string to the
    HTML parser (the browser tests check that hostile text stays text)."""
    scripts = sorted(STATIC.glob("*.js"))
    assert len(scripts) > 2
    for script in scripts:
        source = script.read_text(encoding="utf-8")
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
            assert sink not in source, f"{script.name} uses {sink}"
    page = (STATIC / "index.html").read_text(encoding="utf-8")
    assert "<script>" not in page, "inline scripts would need 'unsafe-inline' in the CSP"


@ASYNC
async def test_the_page_is_served_with_a_policy_that_allows_only_its_own_scripts(
    playground: Playground,
) -> None:
    async with aiohttp.ClientSession() as http, http.get(playground.url) as response:
        assert response.status == 200
        policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy


@ASYNC
async def test_every_file_of_the_page_is_served_with_its_type_and_nothing_else(
    playground: Playground,
) -> None:
    """The page's scripts are ES modules that import each other by name: each must be
    served, as JavaScript (a browser runs a module only when its type says it is one)."""
    types = {".js": "text/javascript", ".css": "text/css", ".ico": "image/vnd.microsoft.icon"}
    files = sorted(f.name for f in STATIC.iterdir() if f.name != "index.html")
    assert set(PAGE_FILES) == set(files)
    async with aiohttp.ClientSession() as http:
        for name in files:
            async with http.get(playground.url + name) as response:
                assert response.status == 200, name
                assert response.content_type == types[name[name.rindex(".") :]], name
                assert await response.read() == (STATIC / name).read_bytes()
        async with http.get(playground.url + "web.py") as unlisted:
            assert unlisted.status == 404


@ASYNC
async def test_requests_from_another_site_or_host_name_are_refused(playground: Playground) -> None:
    before = len(playground.server.world.messages)
    async with aiohttp.ClientSession() as http:
        async with http.post(
            playground.url + "api/messages",
            json={"as": "owner", "content": "!reload"},
            headers={"Origin": "http://evil.example"},
        ) as posted:
            assert posted.status == 403
        async with http.get(
            playground.url + "api/commands?as=member", headers={"Host": "evil.example"}
        ) as rebound:
            assert rebound.status == 403
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await http.ws_connect(
                playground.url + "api/events", headers={"Origin": "http://evil.example"}
            )
        assert refused.value.status == 403
    assert len(playground.server.world.messages) == before


@ASYNC
async def test_the_playgrounds_discord_answers_only_its_own_bot_at_its_own_address(
    playground: Playground,
) -> None:
    """Another page in the browser must not read the channel or post as the bot through
    the Discord-compatible server the playground runs beside the page."""
    server = playground.server
    assert server.token != "fake-bot-token"
    history = f"{server.api_base}/channels/{playground.place.channel.id}/messages"
    own = {"Authorization": f"Bot {server.token}"}
    async with aiohttp.ClientSession() as http:
        async with http.get(history, headers={"Authorization": "Bot fake-bot-token"}) as guessed:
            assert guessed.status == 401
        async with http.get(history, headers=own | {"Origin": "http://evil.example"}) as foreign:
            assert foreign.status == 403
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await http.ws_connect(
                f"{server.gateway_url}?v=10&encoding=json",
                headers={"Origin": "http://evil.example"},
            )
        assert refused.value.status == 403
        async with http.get(history, headers=own) as the_bot:
            assert the_bot.status == 200


@ASYNC
async def test_what_a_user_types_reaches_the_page_unchanged_and_the_bot_replies_to_it(
    playground: Playground,
) -> None:
    typed = '!ask what is <b>Juche</b>? <img src=x onerror="alert(1)"> **bold**'
    async with (
        aiohttp.ClientSession() as http,
        http.ws_connect(playground.url + "api/events") as events,
    ):
        hello = await events.receive_json(timeout=5)
        assert hello["type"] == "hello" and hello["channel"]["name"] == "general"
        async with http.post(
            playground.url + "api/messages", json={"as": "member", "content": typed}
        ) as posted:
            assert posted.status == 200
            posted_id = (await posted.json())["id"]
        mine = await next_event(events, lambda e: e["message"]["id"] == posted_id)
        assert mine["message"]["content"] == typed
        reply = await next_event(
            events,
            lambda e: e["message"].get("message_reference", {}).get("message_id") == posted_id,
        )
    assert reply["type"] == "create"
    assert reply["message"]["author"]["id"] == str(playground.server.bot_user.id)
    assert "Juche" in json.dumps(reply["message"]["embeds"])


@ASYNC
async def test_a_file_attached_on_the_page_reaches_the_bot_in_the_server_chosen(
    playground: Playground,
) -> None:
    article = b"Tide Tables\n\nThe tide table is updated every morning at dawn.\n"
    second = playground.place.servers["second"]
    body = {
        "as": "moderator",
        "server": "second",
        "content": "!article add",
        "file": {"name": "tides.txt", "data": base64.b64encode(article).decode()},
    }
    async with (
        aiohttp.ClientSession() as http,
        http.ws_connect(playground.url + "api/events") as events,
    ):
        hello = await events.receive_json(timeout=5)
        assert [s["key"] for s in hello["servers"]] == ["first", "second"]
        async with http.post(playground.url + "api/messages", json=body) as posted:
            assert posted.status == 200
            posted_id = (await posted.json())["id"]
        mine = await next_event(events, lambda e: e["message"]["id"] == posted_id)
        assert mine["message"]["channel_id"] == str(second.channel.id)
        assert mine["message"]["attachments"][0]["filename"] == "tides.txt"
        reply = await next_event(
            events,
            lambda e: e["message"].get("message_reference", {}).get("message_id") == posted_id,
        )
    assert "Added article" in reply["message"]["content"]
    assert playground.bot.corpus_for(second.guild) is not playground.bot.service
    assert playground.bot.corpus_for(playground.place.guild) is playground.bot.service


@ASYNC
async def test_each_server_has_the_three_channels_and_answers_in_its_own(
    playground: Playground,
) -> None:
    first, second = playground.place.servers["first"], playground.place.servers["second"]
    asking = next(c for c in second.channels if c.name == "ask-ai")
    async with (
        aiohttp.ClientSession() as http,
        http.ws_connect(playground.url + "api/events") as events,
    ):
        hello = await events.receive_json(timeout=5)
        for where in (first, second):
            listed = [c["name"] for c in hello["channels"] if c["server"] == where.key]
            assert listed[:3] == ["general", "ask-ai", "help-forum"]
        body = {"as": "member", "server": "second", "content": "what is juche?"}
        elsewhere = {**body, "channel_id": str(first.channel.id)}
        async with http.post(playground.url + "api/messages", json=elsewhere) as refused:
            assert refused.status == 400
        body["channel_id"] = str(asking.id)
        async with http.post(playground.url + "api/messages", json=body) as posted:
            assert posted.status == 200
            posted_id = (await posted.json())["id"]
        reply = await next_event(
            events,
            lambda e: e["message"].get("message_reference", {}).get("message_id") == posted_id,
        )
    assert reply["message"]["channel_id"] == str(asking.id)
    assert "Juche" in json.dumps(reply["message"])


async def next_event(
    events: aiohttp.ClientWebSocketResponse, wanted: Callable[[Event], bool]
) -> Event:
    """The next create/update event that ``wanted`` accepts."""
    while True:
        event: Event = await events.receive_json(timeout=10)
        if event["type"] in ("create", "update") and wanted(event):
            return event


@ASYNC
@pytest.mark.parametrize(
    ("path", "body", "said"),
    [
        (
            "api/messages",
            {"as": "admin", "content": "hi"},
            "speak as one of member, moderator, owner",
        ),
        ("api/messages", {"as": "member", "content": "x" * 2001}, "limited to 2000 characters"),
        ("api/slash", {"as": "member", "command": "nope"}, "/nope is not synced"),
        ("api/slash", {"as": "member", "command": "ask"}, "required option(s) missing"),
        ("api/slash", {"as": "member", "command": " "}, "type a command's name after /"),
        ("api/slash", {"as": "member", "command": "ask", "options": [1]}, "options must be"),
        (
            "api/slash",
            {"as": "member", "command": "ask", "options": {"question": 5}},
            "cannot take 5",
        ),
        (
            "api/autocomplete",
            {"as": "member", "command": "summary", "options": {}, "focused": "nope"},
            "the option being typed, 'nope', needs its text so far",
        ),
        (
            "api/components",
            {"as": "member", "message_id": "1", "custom_id": "x", "values": "a"},
            "values must be a list of strings",
        ),
        ("api/components", {"as": "member", "message_id": "1", "custom_id": "x"}, "does not exist"),
        ("api/messages", {"as": "member", "content": "hi", "server": "third"}, "the servers are"),
        (
            "api/messages",
            {"as": "moderator", "content": "", "file": {"name": "a.txt", "data": "%%"}},
            "must be base64",
        ),
        (
            "api/messages",
            {"as": "moderator", "content": "", "file": {"name": "", "data": ""}},
            "a file needs a name",
        ),
        (
            "api/messages",
            {"as": "moderator", "content": "", "file": {"name": "a.txt", "data": "A" * 1_340_000}},
            "limited to 1,000,000 bytes",
        ),
    ],
)
async def test_what_discord_would_refuse_is_refused_with_a_sentence(
    playground: Playground, path: str, body: dict[str, object], said: str
) -> None:
    async with aiohttp.ClientSession() as http, http.post(playground.url + path, json=body) as r:
        assert r.status == 400
        assert said in (await r.json())["error"]


@ASYNC
@pytest.mark.parametrize(
    ("path", "body", "said"),
    [
        ("api/messages", {"as": "member", "content": None}, "content must be text"),
        ("api/messages", {"as": "member", "content": 7}, "content must be text"),
        ("api/slash", {"as": "member", "command": None}, "command must be text"),
        (
            "api/autocomplete",
            {"as": "member", "command": "summary", "options": {}, "focused": None},
            "focused must be text",
        ),
        (
            "api/components",
            {"as": "member", "message_id": "\u00b2", "custom_id": "x"},
            "message_id must be a message's ID",
        ),
        (
            "api/components",
            {"as": "member", "message_id": "1" * 5000, "custom_id": "x"},
            "message_id must be a message's ID",
        ),
        (
            "api/components",
            {"as": "member", "message_id": str(2**64), "custom_id": "x"},
            "message_id must be a message's ID",
        ),
        (
            "api/components",
            {"as": "member", "message_id": "\u0661\u0662", "custom_id": "x"},  # Arabic-Indic
            "message_id must be a message's ID",
        ),
        (
            "api/components",
            {"as": "member", "message_id": "1", "custom_id": None},
            "custom_id must be text",
        ),
    ],
    ids=[
        "null-content",
        "number-content",
        "null-command",
        "null-focused",
        "superscript-id",
        "5000-digit-id",
        "id-past-64-bits",
        "non-ascii-digits-id",
        "null-custom-id",
    ],
)
async def test_values_of_the_wrong_shape_are_refused_with_a_sentence_not_a_traceback(
    playground: Playground, path: str, body: dict[str, object], said: str
) -> None:
    before = len(playground.server.world.messages)
    async with aiohttp.ClientSession() as http, http.post(playground.url + path, json=body) as r:
        answer = await r.text()
        assert r.status == 400, answer
    assert said in json.loads(answer)["error"]
    assert "Traceback" not in answer
    assert len(playground.server.world.messages) == before


@ASYNC
@pytest.mark.parametrize(
    "body",
    ["[" * 20_000 + "]" * 20_000, '{"as": "member", "content": "' + "\\ud800" + '"}', "\xff"],
    ids=["nested-20000-deep", "lone-surrogate", "not-utf8"],
)
async def test_a_body_that_is_not_a_usable_json_object_is_refused(
    playground: Playground, body: str
) -> None:
    before = len(playground.server.world.messages)
    data = body.encode("latin-1") if body == "\xff" else body.encode()
    headers = {"Content-Type": "application/json"}
    async with (
        aiohttp.ClientSession() as http,
        http.post(playground.url + "api/messages", data=data, headers=headers) as r,
    ):
        answer = await r.text()
        assert r.status == 400, answer
    assert "Traceback" not in answer
    assert len(playground.server.world.messages) == before


@ASYNC
async def test_a_deferred_slash_answer_arrives_as_one_message_filled_in_place(
    playground: Playground,
) -> None:
    async with (
        aiohttp.ClientSession() as http,
        http.ws_connect(playground.url + "api/events") as events,
    ):
        async with http.post(
            playground.url + "api/slash",
            json={"as": "member", "command": "ask", "options": {"question": "What is Juche?"}},
        ) as asked:
            assert asked.status == 200
        thinking = await next_event(
            events, lambda e: e["message"].get("interaction", {}).get("name") == "ask"
        )
        answered = await next_event(
            events,
            lambda e: (
                e["message"]["id"] == thinking["message"]["id"] and bool(e["message"]["embeds"])
            ),
        )
    assert thinking["message"]["flags"] & 128  # LOADING: "thinking..."
    assert answered["message"]["flags"] & 128 == 0


# -- a first experience ------------------------------------------------------------------------


def test_the_page_gives_room_to_try_things_unless_a_cooldown_is_configured() -> None:
    given = Settings()
    relaxed, cooldown = cooldown_for_trying(given)
    assert (relaxed.discord.cooldown_rate, relaxed.discord.cooldown_seconds) == TRYING_COOLDOWN
    assert cooldown == Cooldown(*TRYING_COOLDOWN, configured=False, server=(4, 30.0))
    rest = {"discord": {"cooldown_rate", "cooldown_seconds"}}
    assert relaxed.model_dump(exclude=rest) == given.model_dump(exclude=rest)

    chosen = Settings(discord=DiscordSettings(cooldown_rate=2))
    kept, cooldown = cooldown_for_trying(chosen)
    assert kept is chosen and cooldown == Cooldown(2, 30.0, configured=True)


@ASYNC
async def test_a_member_trying_commands_in_a_burst_is_not_told_to_slow_down() -> None:
    settings = Settings(corpus=CorpusSettings(directory=SEEDS_DIR))  # no cooldown configured
    saved = discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    try:
        async with (
            open_playground(settings, CorpusService.open(settings), port=0) as running,
            aiohttp.ClientSession() as http,
            http.ws_connect(running.url + "api/events") as events,
        ):
            hello = await events.receive_json(timeout=5)
            member = running.place.people["member"].member
            typed = ["!help", "!sources", "!summary 1", "!ask what is juche", "!sources", "!help"]
            posted = [
                await running.server.post_message(running.place.channel, member, content)
                for content in typed
            ]
            replies = [await running.server.wait_for_reply(p, timeout=20) for p in posted]
    finally:
        discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = saved
    assert hello["cooldown"] == {
        "rate": 20,
        "seconds": 10.0,
        "configured": False,
        "server": [4, 30.0],
    }
    assert all("Slow down" not in reply.content for reply in replies)


@ASYNC
async def test_the_page_learns_a_distinct_avatar_for_each_person(playground: Playground) -> None:
    async with (
        aiohttp.ClientSession() as http,
        http.ws_connect(playground.url + "api/events") as events,
    ):
        hello = await events.receive_json(timeout=5)
    avatars = [user["avatar"] for user in hello["users"].values()]
    assert len(avatars) == 4 and len(set(avatars)) == 4


@ASYNC
@pytest.mark.parametrize(("person", "offered"), [("member", False), ("moderator", True)])
async def test_slash_reload_is_listed_only_for_who_may_manage_the_server(
    playground: Playground, person: str, offered: bool
) -> None:
    async with (
        aiohttp.ClientSession() as http,
        http.get(playground.url + f"api/commands?as={person}") as listed,
    ):
        names = {command["name"] for command in (await listed.json())["commands"]}
    assert "ask" in names and ("reload" in names) is offered


@ASYNC
async def test_the_page_has_an_icon(playground: Playground) -> None:
    async with (
        aiohttp.ClientSession() as http,
        http.get(playground.url + "favicon.ico") as icon,
    ):
        assert icon.status == 200
        assert icon.headers["Content-Type"] == "image/vnd.microsoft.icon"
        assert (await icon.read())[:4] == b"\x00\x00\x01\x00"  # an ICO file's header

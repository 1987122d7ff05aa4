"""Faults on the wire, end to end: Discord's REST API failing or slow, the gateway dropping.

discord.py tries a request answered with a 500 (also 502, 504, 524) five times in all,
sleeping 1, 3, 5, 7 and 9 s after each failed try while holding the route's rate-limit
bucket; for replies citebot takes the 5xx itself and tries five times over 7.5 s with the
bucket free between tries (``bot.server_errors``). discord.py's HTTP timeout is aiohttp's
default (300 s in all) and it offers no option to change it, so citebot bounds each reply
itself (``discord.reply_timeout``).

The tests here wait a tenth of citebot's real waits between tries (the same five tries, the
same doubling), so that a reply failing five times costs 0.75 s of the suite, not 7.5 s.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from bot import reconnects
from bot.cogs.utils import context
from bot.reconnects import ReconnectBackoff
from fakediscord import PostedMessage
from harness import ASK, MESSAGES_ROUTE, Harness, copy_seeds, open_harness

if TYPE_CHECKING:
    from discord_fixtures import SeededGuild

DISCORD_FAILING = "Discord did not take my answer just now; please try again in a moment."


@pytest.fixture(autouse=True)
def quick_reply_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    waits = context.REPLY_RETRY_WAITS
    assert waits == (0.5, 1.0, 2.0, 4.0)  # five tries over 7.5 s, as the docstring says
    monkeypatch.setattr(context, "REPLY_RETRY_WAITS", tuple(w / 10 for w in waits))


def message_statuses(h: Harness) -> list[int]:
    return [r.status for r in h.server.requests.items if r.route == MESSAGES_ROUTE]


# -- REST ----------------------------------------------------------------------------------------


async def test_a_reply_answered_with_a_500_is_retried_and_arrives_once(harness: Harness) -> None:
    harness.server.fail(MESSAGES_ROUTE, status=500)
    asked = await harness.post(ASK)

    reply = await harness.reply(asked, timeout=10)

    assert "cato-kim-congress" in reply.embeds[0]["description"]
    assert message_statuses(harness) == [500, 200]
    assert harness.replies(asked) == [reply]


async def test_a_reply_held_back_by_discord_arrives_late_but_arrives(harness: Harness) -> None:
    harness.server.delay(MESSAGES_ROUTE, 1.5)
    loop = asyncio.get_running_loop()
    started = loop.time()

    reply = await harness.say("!sources")

    assert loop.time() - started >= 1.5
    assert "Cato Institute" in reply.content
    assert message_statuses(harness) == [200]


async def test_a_reply_discord_holds_past_the_timeout_is_logged_once_and_serving_goes_on(
    fake_guild: SeededGuild, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="bot")
    async with open_harness(fake_guild, copy_seeds(tmp_path / "corpus"), reply_timeout=0.5) as h:
        h.server.delay(MESSAGES_ROUTE, 2.0)
        asked = await h.post("!sources")
        await asyncio.sleep(0.8)  # past the timeout, the request still held by the server

        errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
        assert errors == ["command sources: Discord did not accept the reply within 0.5 s"]
        after = await h.say(ASK)  # the bot goes on serving, and the held reply is not repeated
        assert "cato-kim-congress" in after.embeds[0]["description"]
        await asyncio.sleep(1.5)
        assert len(h.replies(asked)) <= 1


async def test_a_reply_that_keeps_failing_is_logged_with_its_command_and_the_user_told(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="bot")
    harness.server.fail(MESSAGES_ROUTE, status=500, times=5)  # every try citebot makes
    asked = await harness.post(ASK)

    told = await harness.reply(asked, timeout=20)

    assert told.content == DISCORD_FAILING  # the answer was lost; the user is told, once
    assert harness.replies(asked) == [told]
    assert message_statuses(harness) == [500] * 5 + [200]
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors == ["command ask: the reply could not be sent: Discord answered HTTP 500 5 times"]
    after = await harness.say(ASK)
    assert "cato-kim-congress" in after.embeds[0]["description"]


async def test_a_reply_that_keeps_failing_does_not_hold_up_the_channels_other_replies(
    harness: Harness,
) -> None:
    """discord.py retries a 5xx five times over 25 s holding the channel's rate-limit bucket,
    so every other reply in the channel waited behind it."""
    loop = asyncio.get_running_loop()
    harness.server.fail(MESSAGES_ROUTE, status=500, times=5)
    mark = harness.server.requests.mark()
    first = await harness.post(ASK)
    await harness.server.wait_for_request(MESSAGES_ROUTE, since=mark, timeout=10)  # failing
    started = loop.time()

    other = await harness.reply(
        await harness.post("!sources", author=harness.guild.bob), timeout=30
    )

    assert "Cato Institute" in other.content
    assert loop.time() - started < 5
    await harness.reply(first, timeout=30)  # the first got its answer or a notice, too


async def test_a_reload_whose_report_cannot_be_sent_is_reported_in_a_follow_up(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="bot")
    (harness.corpus / "001-bloomberg-engage-north-korea.txt").unlink()
    harness.server.fail(MESSAGES_ROUTE, status=500, times=5)
    asked = await harness.post("!reload", author=harness.guild.moderator)

    told = await harness.reply(asked, timeout=20)
    await harness.say("!sources")

    assert told.content.startswith("Reloaded: 1 articles, 22 paragraphs")  # what happened
    assert harness.replies(asked) == [told]
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors == [
        "command reload: the reply could not be sent: Discord answered HTTP 500 5 times; "
        "the reload applied, sending its report again"
    ]


# -- gateway -------------------------------------------------------------------------------------


async def post_round(h: Harness, label: str) -> list[PostedMessage]:
    return [
        await h.post("!sources", author=h.guild.alice),
        await h.post(ASK, author=h.guild.bob),
        await h.post(f"!summary {label}", author=h.guild.moderator),
    ]


async def assert_one_reply_each(h: Harness, posted: list[PostedMessage]) -> None:
    for message in posted:
        await h.reply(message, timeout=10)
    await h.say("!sources")  # anything still in flight for the commands above lands first
    counts = {f"{m.id} {m.content}": len(h.replies(m)) for m in posted}
    assert all(count == 1 for count in counts.values()), counts
    assert [s for s in h.server.sent.items if not s.delivered] == []


@pytest.mark.parametrize("code", [1006, 4000])
async def test_every_command_around_a_gateway_close_gets_exactly_one_reply(
    harness: Harness, code: int
) -> None:
    before = await post_round(harness, "1")
    mark = harness.server.gateway_events.mark()
    await harness.server.close_gateway(code=code)
    while_away = await post_round(harness, "2")  # replayed by the server on RESUME
    resumed = await harness.server.wait_for_gateway("resume", since=mark, timeout=10)
    assert resumed.detail["replayed"] >= len(while_away)  # they were not delivered live
    after = await post_round(harness, "cato-kim-congress")

    await assert_one_reply_each(harness, before + while_away + after)


async def test_every_command_around_an_invalid_session_gets_exactly_one_reply(
    harness: Harness,
) -> None:
    """A new session replays nothing (as on Discord), so commands wait until READY."""
    before = await post_round(harness, "1")
    mark = harness.server.gateway_events.mark()
    await harness.server.invalidate_session()
    await harness.server.wait_for_gateway("ready", since=mark, timeout=10)
    after = await post_round(harness, "2")

    await assert_one_reply_each(harness, before + after)
    assert harness.bot.is_ready()


async def test_a_reply_whose_answer_is_unreadable_is_logged_once_and_not_followed_by_an_error(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    """The reply was posted; only discord.py could not read the message the server returned."""
    caplog.set_level(logging.INFO, logger="bot")
    harness.server.garble(MESSAGES_ROUTE)
    asked = await harness.post("!sources")

    reply = await harness.reply(asked)
    await harness.say("!sources")  # anything still in flight for the first lands before this

    assert "Cato Institute" in reply.content
    assert harness.replies(asked) == [reply]
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []
    warned = [r.getMessage() for r in caplog.records if "could not read" in r.getMessage()]
    assert warned == ["could not read Discord's answer to a reply to sources; going on"]


# -- reconnect waits -----------------------------------------------------------------------------


def reconnect_waits(records: list[logging.LogRecord]) -> list[float]:
    """The waits discord.py's shards announced before connecting again."""
    return [
        float(r.args[1])  # type: ignore[index,arg-type]
        for r in records
        if r.name == "discord.shard" and str(r.msg).startswith("Attempting a reconnect")
    ]


async def test_reconnect_waits_double_from_one_second_and_start_over_once_connected(
    harness: Harness, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A gateway that goes down and comes back, twice: discord.py alone would wait a random
    time up to 2, 4, 8, 16 s (and so on to 17 minutes), never starting over.

    Here the first wait is a tenth of a second (the same doubling, the same starting over)."""
    assert reconnects.FIRST_WAIT == 1.0
    monkeypatch.setattr(reconnects, "FIRST_WAIT", 0.1)
    caplog.set_level(logging.INFO)
    server = harness.server
    for _ in range(2):
        mark = server.gateway_events.mark()
        server.refuse_gateway(times=2)  # down for the resume and the first identify
        await server.close_gateway(code=1006)
        await server.wait_for_gateway("ready", since=mark, timeout=30)
        reply = await harness.say("!sources")
        assert "Cato Institute" in reply.content

    assert reconnect_waits(caplog.records) == [0.1, 0.2, 0.1, 0.2]


def test_reconnect_waits_are_capped_at_a_minute_and_start_over_after_a_reset() -> None:
    backoff = ReconnectBackoff()
    assert [backoff.delay() for _ in range(12)] == [1, 2, 4, 8, 16, 32] + [60] * 6
    backoff.reset()
    assert backoff.delay() == 1


async def test_a_slash_reload_whose_follow_up_fails_is_reported_in_another(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="bot")
    server, guild = harness.server, harness.guild
    await harness.say("!sync", author=guild.owner)
    server.fail("POST /webhooks/{webhook_id}/{webhook_token}", status=502, times=5)

    invocation = await server.invoke_slash(guild.channel, guild.manager, "reload")
    told = await server.wait_for(
        lambda s: s.delivered and s.content.startswith("Reloaded:"),
        since=invocation.mark,
        timeout=20,
    )

    assert "No article changed." in told.content
    assert not any("Something went wrong" in s.content for s in server.sent.items)
    assert any("sending its report again" in r.getMessage() for r in caplog.records)

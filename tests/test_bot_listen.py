"""Asking without a command: mentions, question channels, forum posts, follow-ups by reply or
in an answer's thread; and /ask within one article. Over real sockets."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import pytest_asyncio

from fakediscord import Channel
from harness import Harness, open_harness

if TYPE_CHECKING:
    from discord_fixtures import SeededGuild

FIRST = "why engage North Korea?"
CHINA = "\u00b64 (bloomberg-engage-north-korea)"  # the China paragraph, on North Korea
CHINA_ALONE = "\u00b617 (cato-kim-congress)"  # what "what about China?" alone finds


@pytest_asyncio.fixture
async def listening(fake_guild: SeededGuild, corpus: Path) -> AsyncIterator[Harness]:
    server = fake_guild.server
    asked = server.create_text_channel(fake_guild.guild, "ask-ai")
    by_id = server.create_text_channel(fake_guild.guild, "questions")
    forum = server.create_forum_channel(fake_guild.guild, "help-forum")
    channels = ["#ask-ai", str(by_id.id), "help-forum"]
    async with open_harness(fake_guild, corpus, question_channels=channels) as running:
        running.extra = {"asked": asked, "by_id": by_id, "forum": forum}  # type: ignore[attr-defined]
        yield running


def channel(harness: Harness, name: str) -> Channel:
    return harness.extra[name]  # type: ignore[attr-defined,no-any-return]


def best(reply: object) -> str:
    return reply.embeds[0]["fields"][0]["name"]  # type: ignore[attr-defined,no-any-return]


async def silent(harness: Harness, content: str, **where: object) -> None:
    posted = await harness.post(content, **where)  # type: ignore[arg-type]
    with pytest.raises(TimeoutError):
        await harness.reply(posted, timeout=0.7)


async def test_a_mention_with_a_question_is_answered(harness: Harness) -> None:
    me = harness.server.bot_user.mention
    reply = await harness.say(f"{me} {FIRST}")
    assert reply.embeds and "Engage" in best(reply)
    hint = await harness.say(me)
    assert "mention me with a question" in hint.content


async def test_every_message_in_a_question_channel_by_name_or_id_is_a_question(
    listening: Harness,
) -> None:
    for name in ("asked", "by_id"):
        reply = await listening.say(FIRST, channel=channel(listening, name))
        assert reply.embeds and reply.allowed_mentions is not None
        assert reply.allowed_mentions["parse"] == []
    await silent(listening, FIRST)  # #general is not a question channel
    await silent(listening, "!nosuchcommand", channel=channel(listening, "asked"))


async def test_bots_and_citebot_itself_are_never_answered(listening: Harness) -> None:
    robot = listening.server.create_user("robot", bot=True)
    listening.server.add_member(listening.guild.guild, robot)
    await silent(listening, FIRST, author=robot, channel=channel(listening, "asked"))
    await silent(
        listening, FIRST, author=listening.server.bot_user, channel=channel(listening, "asked")
    )


async def test_the_first_post_of_a_new_forum_thread_is_answered_in_that_thread(
    listening: Harness,
) -> None:
    server = listening.server
    posted = await server.post_in_forum(
        channel(listening, "forum"), listening.guild.alice, "North Korea", FIRST
    )
    reply = await listening.reply(posted)
    assert reply.channel_id == posted.channel_id == posted.id
    assert "Engage" in best(reply)
    thread = server.world.channels[posted.channel_id]
    await silent(listening, "thanks, all clear", channel=thread)


async def test_a_reply_to_an_answer_is_a_follow_up_with_the_earlier_question(
    harness: Harness,
) -> None:
    answer = await harness.say(f"!ask {FIRST}")
    assert answer.message is not None
    alone = await harness.say("!ask what about China?")
    assert CHINA_ALONE in best(alone)
    for content in ("what about China?", "!ask what about China?"):
        posted = await harness.server.post_message(
            harness.guild.channel,
            harness.guild.bob,
            content,
            reference=int(answer.message["id"]),
        )
        follow_up = await harness.reply(posted)
        assert CHINA in best(follow_up)
        assert follow_up.embeds[0]["title"] == "what about China?"


async def test_thanks_to_an_answer_or_in_a_question_channel_gets_no_answer(
    listening: Harness,
) -> None:
    answer = await listening.say(f"!ask {FIRST}")
    assert answer.message is not None
    await silent(listening, "thanks!", reference=int(answer.message["id"]))  # not re-answered
    await silent(listening, "ok got it \U0001f44d", channel=channel(listening, "asked"))
    earlier = int(answer.message["id"])
    follow_up = await listening.say("thanks, what about China?", reference=earlier)
    assert CHINA in best(follow_up)


async def test_a_question_in_the_thread_an_answer_started_is_a_follow_up(harness: Harness) -> None:
    answer = await harness.say(f"!ask {FIRST}")
    thread = await harness.server.start_thread(answer, harness.guild.bob, "China?")
    reply = await harness.say("what about China?", author=harness.guild.bob, channel=thread)
    assert reply.channel_id == thread.id and CHINA in best(reply)


async def test_cooldowns_apply_to_questions_without_a_command(
    fake_guild: SeededGuild, corpus: Path
) -> None:
    async with open_harness(
        fake_guild, corpus, cooldown_rate=1, cooldown_seconds=60.0, question_channels=["general"]
    ) as harness:
        assert (await harness.say(FIRST)).embeds
        refused = await harness.say("what about China?")
        assert refused.content.startswith("Slow down a little")


async def test_slash_ask_within_one_article_autocompleted(harness: Harness) -> None:
    await harness.say("!sync", author=harness.guild.owner)
    server, guild = harness.server, harness.guild
    typed = await server.invoke_autocomplete(
        guild.channel, guild.alice, "ask", {"question": FIRST, "article": "cato"}, focused="article"
    )
    offered = await server.wait_for_reply(typed)
    assert [c["value"] for c in offered.payload["choices"]] == ["cato-kim-congress"]
    asked = await server.invoke_slash(
        guild.channel, guild.alice, "ask", {"question": FIRST, "article": "cato-kim-congress"}
    )
    reply = await server.wait_for_reply(asked)
    assert "cato-kim-congress" in best(reply)
    assert "bloomberg" not in str(reply.embeds)


async def test_find_in_articles_looks_up_what_a_message_says(harness: Harness) -> None:
    await harness.say("!sync", author=harness.guild.owner)
    said = await harness.post(
        "Engaging North Korea means opening a mission in Pyongyang, sanctions will not topple Kim."
    )
    ran = await harness.server.invoke_message_command(said, harness.guild.bob, "Find in articles")
    reply = await harness.server.wait_for_reply(ran, timeout=10)
    assert reply.embeds and reply.embeds[0]["title"].startswith("Engaging North Korea")
    assert "bloomberg-engage-north-korea" in best(reply)
    assert {
        c["custom_id"].split(":")[1] for row in reply.components for c in row["components"]
    } == {
        "more",
        "ctx",
        "sum",
        "vote",
    }
    empty = await harness.post("   ")
    ran = await harness.server.invoke_message_command(empty, harness.guild.bob, "Find in articles")
    assert (
        await harness.server.wait_for_reply(ran)
    ).content == "That message has no text to look up."

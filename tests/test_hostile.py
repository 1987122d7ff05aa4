"""What an adversarial run found, end to end against the fake Discord: each case stays closed.

Escaping is judged with ``fakediscord.markdown`` (a model of Discord's markdown): the reader must
see no masked link and no markup that was not the bot's own, in embeds and in plain text.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

import pytest

from fakediscord import Sent
from fakediscord.markdown import parse
from harness import Harness, all_text

if TYPE_CHECKING:
    pass

THEIR_MARKUP = {"link", "mention", "emoji", "code", "em", "underline", "strike", "spoiler"}
TYPING_ROUTE = "POST /channels/{channel_id}/typing"


def assert_no_markup_of_theirs(sent: Sent) -> None:
    assert sent.delivered, sent.error
    texts = [sent.content]
    for embed in sent.embeds:
        texts += [embed.get("title", ""), embed.get("description", "")]
        texts += [f"{f['name']}\n{f['value']}" for f in embed.get("fields", [])]
    for text in texts:
        found = parse(text).kinds() & THEIR_MARKUP
        assert not found, (text, found)


# -- 1. escaping -------------------------------------------------------------------------------


async def test_an_unknown_article_echoed_back_carries_no_live_link_or_markup(
    harness: Harness,
) -> None:
    reference = (
        "[a](b) [Click here to verify](https://evil.example/login) (x) ||s|| `c` ~~d~~ __u__"
    )
    reply = await harness.say(f"!summary {reference}")
    assert "No article matches" in reply.content
    assert_no_markup_of_theirs(reply)
    assert reference[:70] in parse(reply.content).text


async def test_a_question_echoed_without_embed_links_starts_with_no_live_link(
    harness: Harness,
) -> None:
    question = (
        "[Who](x) is Doug Bandow [Free Nitro](https://evil.example/nitro) "
        "(Cato Institute senior fellow)"
    )
    reply = await harness.say(f"!ask {question}", channel=harness.guild.no_embeds_channel)
    assert reply.embeds == [] and "cato-kim-congress" in reply.content
    assert_no_markup_of_theirs(reply)
    assert parse(reply.content.split("\n", 1)[0]).text == question


async def test_a_masked_link_in_the_corpus_is_dead_in_summaries_and_answers(
    harness: Harness,
) -> None:
    (harness.corpus / "002-portal.txt").write_text(
        '+++\nauthor = "[Author](https://evil.example/a)"\npublisher = "||P||"\n+++\n'
        "The [Zorblat](https://evil.example) ~~Portal~~ `Notes`\n\n"
        "The Zorblat portal is live at [Official login](https://evil.example/login) (mirror). "
        "Read [the archive](https://example.org) too.\n"
    )
    reloaded = await harness.say("!reload", author=harness.guild.owner)
    assert "Added: portal" in reloaded.content
    for channel in (harness.guild.channel, harness.guild.no_embeds_channel):
        summary = await harness.say("!summary portal", channel=channel)
        assert "Official login" in all_text(summary)
        assert_no_markup_of_theirs(summary)
        answer = await harness.say("!ask Where is the Zorblat portal live?", channel=channel)
        assert "portal" in all_text(answer)
        assert_no_markup_of_theirs(answer)
        assert "<https://example.org>" in all_text(answer)  # a plain URL stays as written
    sources = parse((await harness.say("!sources")).content)
    # (a spoiler in a file's text is read as Discord shows it: the publisher's "||P||" is not)
    assert "[Zorblat](https://evil.example) ~~Portal~~ `Notes`" in sources.text
    assert "||P||" in sources.text
    assert not sources.kinds() & (THEIR_MARKUP - {"code", "mention"})
    ours = {m.content for m in sources.markup if m.kind in ("code", "mention")}
    slugs = {"cato-kim-congress", "bloomberg-engage-north-korea", "portal"}
    assert {c for c in ours if "<t:" not in c} == slugs | {"!summary <number>"}, ours


# -- 2. slash commands refuse as politely as prefix ones, to the asker only ---------------------


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("@here", "only common words"),
        ("the of and to", "only common words"),
        ("why " * 300, "the limit is 500"),
    ],
    ids=["mention", "common-words", "1200-characters"],
)
async def test_a_slash_question_refused_gets_the_prefix_sentence_ephemerally_and_no_error_log(
    harness: Harness, caplog: pytest.LogCaptureFixture, question: str, expected: str
) -> None:
    await harness.say("!sync", author=harness.guild.owner)
    prefix = await harness.say(f"!ask {question}")
    assert expected in prefix.content
    caplog.set_level(logging.INFO)
    invocation = await harness.server.invoke_slash(
        harness.guild.channel, harness.guild.alice, "ask", {"question": question}
    )
    reply = await harness.server.wait_for_reply(invocation)
    assert reply.content == prefix.content
    assert reply.ephemeral
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_slash_summary_of_an_unknown_article_is_refused_like_the_prefix_form(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    await harness.say("!sync", author=harness.guild.owner)
    prefix = await harness.say("!summary zzzz")
    caplog.set_level(logging.INFO)
    invocation = await harness.server.invoke_slash(
        harness.guild.channel, harness.guild.alice, "summary", {"article": "zzzz"}
    )
    reply = await harness.server.wait_for_reply(invocation)
    assert reply.content == prefix.content and "No article matches" in reply.content
    assert reply.ephemeral
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_help_for_an_owner_only_command_is_not_shown_to_a_member(harness: Harness) -> None:
    member = await harness.say("!help sync")
    assert "Register the slash commands" not in all_text(member)
    assert "no command called that" in all_text(member)


async def test_help_replies_quoting_the_message_and_pings_no_one(harness: Harness) -> None:
    posted = await harness.post("!help")
    reply = await harness.reply(posted)
    assert "ask" in all_text(reply)
    assert reply.allowed_mentions is not None and reply.allowed_mentions.get("parse") == []


# -- 3. a long paragraph: refused at load, and long answers do not hold other commands ----------


async def test_a_paragraph_over_the_limit_is_refused_at_reload_naming_file_and_paragraph(
    harness: Harness,
) -> None:
    (harness.corpus / "002-wall.txt").write_text(
        "Wall\n\nShort first paragraph.\n\n" + "Kim congress markets. " * 9_100 + "\n"
    )
    reply = await harness.say("!reload", author=harness.guild.moderator)
    assert reply.content.startswith("Reload refused; still serving")
    assert "002-wall.txt: paragraph 2 has 200,200 characters" in reply.content


async def test_other_commands_are_answered_while_a_long_paragraph_is_quoted(
    harness: Harness,
) -> None:
    sentence = "The Zorblat congress met in Pyongyang and talked about markets for hours. "
    (harness.corpus / "002-long.txt").write_text(
        "Long\n\n" + (sentence * 400)[:19_990].rstrip() + "\n"
    )
    await harness.say("!reload", author=harness.guild.owner)
    asks = [await harness.post("!ask What did the Zorblat congress talk about?") for _ in range(3)]
    others = [await harness.post("!sources", author=harness.guild.bob) for _ in range(4)]
    for posted in asks + others:
        reply = await harness.reply(posted, timeout=10)
        assert reply.delivered
    for posted in asks:
        assert len(harness.replies(posted)) == 1


# -- 4. typing is cosmetic -----------------------------------------------------------------------


async def test_a_rate_limited_typing_indicator_never_costs_the_reply_or_the_reload(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING)
    harness.server.rate_limit(TYPING_ROUTE, times=1000, retry_after=0.05)
    (harness.corpus / "001-bloomberg-engage-north-korea.txt").unlink()
    reloaded = await harness.reply(
        await harness.post("!reload", author=harness.guild.moderator), timeout=10
    )
    assert reloaded.content.startswith("Reloaded: 1 articles")
    answer = await harness.reply(await harness.post("!ask Who is Doug Bandow?"), timeout=10)
    assert "cato-kim-congress" in all_text(answer)
    assert "Something went wrong" not in all_text(answer)
    await asyncio.sleep(0)
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


# -- 7. a malformed gateway event is dropped, not fatal ------------------------------------------


async def test_a_malformed_message_event_is_logged_once_and_the_bot_keeps_serving(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    server, guild = harness.server, harness.guild
    data = server.message_event(guild.channel, guild.moderator, "!sources")
    data["member"]["roles"] = [{"id": str(guild.moderator_role.id), "name": "moderator"}]
    await server.inject("MESSAGE_CREATE", data, guild_id=guild.guild.id)

    reply = await harness.say("!sources")

    assert "Cato Institute" in reply.content
    dropped = [r for r in caplog.records if "malformed MESSAGE_CREATE" in r.getMessage()]
    assert len(dropped) == 1 and dropped[0].levelno == logging.WARNING
    assert harness.bot.malformed_events.dropped == {"MESSAGE_CREATE": 1}
    assert not [e for e in server.gateway_events.items if e.kind == "closed"]

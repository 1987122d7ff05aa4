"""The Discord bot, end to end: the real discord.py client against a Discord-compatible server.

Only Discord's address is swapped (fakediscord/); the bot, its cogs and the engine run
as they do in production, over real sockets on 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from fakediscord import Sent
from fakediscord.markdown import parse
from harness import Harness, all_text, open_harness

if TYPE_CHECKING:
    from discord_fixtures import SeededGuild

CONVENTIONS = "How lively will the American party conventions be?"
LIVE_MENTION = re.compile(r"@(everyone|here)|<@[!&]?\d+>")


def assert_safe(sent: Sent) -> None:
    """No pings possible, nothing live, and no internals leaked."""
    assert sent.delivered, sent.error
    assert sent.allowed_mentions == {"parse": []} or sent.allowed_mentions == {
        "parse": [],
        "replied_user": False,
    }, sent.allowed_mentions
    assert sent.mentioned_user_ids == []
    text = all_text(sent)
    assert not LIVE_MENTION.search(text)
    assert "Traceback" not in text and "/work/" not in text and "/tmp/" not in text


# -- !ask --------------------------------------------------------------------------------------


async def test_ask_replies_to_the_message_with_summary_quotes_and_citations(
    harness: Harness,
) -> None:
    asked = await harness.post(f"!ask {CONVENTIONS}")
    reply = await harness.server.wait_for_reply(asked)

    assert_safe(reply)
    assert reply.message_reference and int(reply.message_reference["message_id"]) == asked.id
    embed = reply.embeds[0]
    assert embed["description"].startswith("**In short**\n> ")
    assert "cato-kim-congress" in embed["description"]
    fields = embed["fields"]
    assert fields and "A Spectacular Opportunity to Engage Kim Jong Un" in fields[0]["name"]
    assert "Cato Institute" in fields[0]["name"] and "\u00b6" in fields[0]["name"]
    assert "**conventions**" in fields[0]["value"]
    assert any(t.channel_id == harness.guild.channel.id for t in harness.server.typing.items)


async def test_a_near_topic_question_gets_the_closest_passages_marked_as_such(
    harness: Harness,
) -> None:
    reply = await harness.say("!ask How tall is Kim Jong Un?")
    assert_safe(reply)
    embed = reply.embeds[0]
    assert embed["description"].startswith("The articles don't say this exactly")
    assert "'tall'" in embed["description"]
    assert embed["color"] == 0xF1C40F  # gold: the closest passages, not an answer
    assert embed["fields"]

    plain = await harness.say(
        "!ask How tall is Kim Jong Un?", channel=harness.guild.no_embeds_channel
    )
    assert_safe(plain)
    assert "The articles don't say this exactly" in plain.content
    assert "\n> " not in plain.content  # no summary is offered as an answer


async def test_an_off_topic_question_gets_an_honest_no_and_the_list_of_articles(
    harness: Harness,
) -> None:
    reply = await harness.say("!ask What is the population of Brazil?")
    assert_safe(reply)
    assert reply.embeds == []
    assert reply.content.startswith("The articles do not cover this")
    assert "A Moment to Engage\u00a0North Korea" in reply.content


async def test_mentioning_the_bot_works_as_a_prefix(harness: Harness) -> None:
    mention = f"<@{harness.server.bot_user.id}>"
    reply = await harness.say(f"{mention} ask Who is Doug Bandow?")
    assert "cato-kim-congress" in all_text(reply)


async def test_ask_without_a_question_explains_the_usage(harness: Harness) -> None:
    reply = await harness.say("!ask")
    assert_safe(reply)
    assert "Usage: `!ask <question>`" in reply.content


async def test_a_question_over_the_length_limit_is_refused_politely(harness: Harness) -> None:
    reply = await harness.say("!ask " + "why " * 300)
    assert_safe(reply)
    assert "the limit is 500" in reply.content


async def test_a_user_over_the_rate_limit_is_told_when_to_retry(
    fake_guild: SeededGuild, corpus: Path
) -> None:
    async with open_harness(fake_guild, corpus, cooldown_rate=1, cooldown_seconds=60.0) as harness:
        await harness.say("!sources")
        reply = await harness.say("!sources")
        assert re.search(r"try again in \d+ s", reply.content)
        other = await harness.say("!sources", author=fake_guild.bob)
        assert "Cato Institute" in other.content


async def test_embeds_denied_in_the_channel_gives_the_same_answer_as_plain_text(
    harness: Harness,
) -> None:
    reply = await harness.say(f"!ask {CONVENTIONS}", channel=harness.guild.no_embeds_channel)
    assert_safe(reply)
    assert reply.embeds == []
    assert "cato-kim-congress" in reply.content and "**conventions**" in reply.content
    assert len(reply.content) <= 2000


async def test_embeds_can_be_turned_off_by_configuration(
    fake_guild: SeededGuild, corpus: Path
) -> None:
    async with open_harness(fake_guild, corpus, embeds=False) as harness:
        reply = await harness.say(f"!ask {CONVENTIONS}")
        assert reply.embeds == [] and "cato-kim-congress" in reply.content


async def test_corpus_text_with_mentions_and_markdown_is_quoted_inert(harness: Harness) -> None:
    (harness.corpus / "002-hostile.txt").write_text(
        "Hostile Notes\n\n@everyone @here <@&123456789012345678> **sanctions** `code` are "
        "discussed in ||Pyongyang|| with [a link](https://example.com).\n"
    )
    reloaded = await harness.say("!reload", author=harness.guild.owner)
    assert "Added: hostile" in reloaded.content
    for channel in (harness.guild.channel, harness.guild.no_embeds_channel):
        reply = await harness.say("!ask What is discussed about sanctions?", channel=channel)
        assert_safe(reply)
        text = all_text(reply)
        assert "@\u200beveryone" in text and "\\`code\\`" in text


async def test_answers_that_would_overflow_are_cut_and_keep_their_citations(
    harness: Harness,
) -> None:
    sentence = "Sanctions on Pyongyang were debated by the party congress for many hours. "
    for n in range(3):
        (harness.corpus / f"00{n + 2}-long-{n}.txt").write_text(
            f"Long Article {n}\n\n" + sentence * 80 + f"\n\n{sentence * 40}\n"
        )
    await harness.say("!reload", author=harness.guild.owner)
    for channel in (harness.guild.channel, harness.guild.no_embeds_channel):
        reply = await harness.say(
            "!ask What did the party congress debate about sanctions on Pyongyang?",
            channel=channel,
        )
        assert_safe(reply)
        assert len(reply.content) <= 2000
        for embed in reply.embeds:
            assert len(embed.get("description", "")) <= 4096
            assert all(len(f["value"]) <= 1024 for f in embed["fields"])
            assert len(all_text(reply)) <= 6000
        assert "\u2026" in all_text(reply)
        assert re.search(r"long-\d", all_text(reply))


WIDGET_FAQ = """\
# Widget FAQ

## How do I reset my widget?

Hold the power button for ten seconds until the light blinks twice.

## How do I pair it from code?

Call the helper:

```python
hub.pair_device(widget)  # ``` cannot end the block, nor can **this** or <@123>
```
"""


async def test_a_reply_shows_the_section_beside_the_citation(harness: Harness) -> None:
    (harness.corpus / "002-widget-faq.md").write_text(WIDGET_FAQ)
    await harness.say("!reload", author=harness.guild.owner)
    for channel in (harness.guild.channel, harness.guild.no_embeds_channel):
        reply = await harness.say("!ask how do i reset the widget", channel=channel)
        assert_safe(reply)
        text = all_text(reply)
        assert "Widget FAQ \u203a How do I reset my widget? \u00b61 (widget-faq)" in text
        assert "Hold the power button" in text


async def test_a_code_passage_is_shown_as_one_code_block_nothing_breaking_out(
    harness: Harness,
) -> None:
    (harness.corpus / "002-widget-faq.md").write_text(WIDGET_FAQ)
    await harness.say("!reload", author=harness.guild.owner)
    reply = await harness.say("!ask what does pair_device do")
    assert_safe(reply)
    value = reply.embeds[0]["fields"][0]["value"]
    seen = parse(value)
    assert [m.kind for m in seen.markup] == ["code"]
    assert "hub.pair_device(widget)" in seen.markup[0].content
    assert "**this** or <@123>" in seen.text


# -- !summary and !sources ---------------------------------------------------------------------


@pytest.mark.parametrize("reference", ["1", "cato-kim-congress", "spectacular opportunity"])
async def test_summary_finds_an_article_by_number_slug_or_title_fragment(
    harness: Harness, reference: str
) -> None:
    reply = await harness.say(f"!summary {reference}")
    assert_safe(reply)
    embed = reply.embeds[0]
    assert embed["title"] == "A Spectacular Opportunity to Engage Kim Jong Un"
    bullets = embed["description"].split("\n")
    assert len(bullets) == 3 and all(re.search(r"\(\u00b6\d+\)$", b) for b in bullets)


async def test_summary_of_an_unknown_article_suggests_close_matches(harness: Harness) -> None:
    reply = await harness.say("!summary bloomberg-engaged")
    assert_safe(reply)
    assert "No article matches" in reply.content
    assert "bloomberg-engage-north-korea" in reply.content


async def test_summary_without_an_article_lists_the_articles(harness: Harness) -> None:
    reply = await harness.say("!summary")
    assert "**1.** A Spectacular Opportunity to Engage Kim Jong Un" in reply.content
    assert "**2.** A Moment" in reply.content


async def test_summary_with_a_path_resolves_only_to_corpus_articles(harness: Harness) -> None:
    for name in ("../../etc/passwd", "/etc/passwd", "..%2F..%2Fetc%2Fpasswd"):
        reply = await harness.say(f"!summary {name}")
        assert_safe(reply)
        assert "No article matches" in reply.content and "root:" not in reply.content


async def test_sources_counts_one_paragraph_in_the_singular(harness: Harness) -> None:
    (harness.corpus / "002-note.txt").write_text("A Short Note\n\nOne paragraph only.\n")
    await harness.say("!reload", author=harness.guild.owner)
    reply = await harness.say("!sources")
    assert "(`note`, 1 paragraph)" in reply.content and "22 paragraphs" in reply.content


async def test_sources_lists_publisher_author_paragraphs_and_load_time(harness: Harness) -> None:
    reply = await harness.say("!sources")
    assert_safe(reply)
    assert "Doug Bandow, Cato Institute" in reply.content
    assert "22 paragraphs" in reply.content and "12 paragraphs" in reply.content
    assert re.search(r"loaded <t:\d+:R>", reply.content)


def field_names(sent: Sent) -> list[str]:
    (embed,) = sent.embeds
    return [field["name"] for field in embed.get("fields", [])]


async def test_help_lists_the_commands_each_user_may_run(harness: Harness) -> None:
    member = await harness.say("!help")
    moderator = await harness.say("!help", author=harness.guild.moderator)
    assert_safe(member)
    assert field_names(member) == [
        "!ask <question>",
        "!help [command]",
        "!sources",
        "!summary [article]",
    ]
    assert field_names(moderator) == [
        "!article history",
        "!ask <question>",
        "!gaps [days]",
        "!help [command]",
        "!reload",
        "!sources",
        "!stats [days]",
        "!summary [article]",
    ]


async def test_help_gives_whole_one_line_descriptions_with_examples(harness: Harness) -> None:
    reply = await harness.say("!help")
    (embed,) = reply.embeds
    assert "\u200b" not in all_text(reply)
    for field in embed["fields"]:
        description, *rest = field["value"].split("\n")
        assert description.endswith((".", ")")) and "\u2026" not in description
        assert all(line.startswith("Example: `!") for line in rest)
    examples = {f["name"]: f["value"] for f in embed["fields"]}
    assert "Example: `!summary 1`" in examples["!summary [article]"]
    assert "Example: `!ask " in examples["!ask <question>"]


def ask_example(sent: Sent) -> str:
    """The question ``!help`` offers as ``!ask``'s example."""
    (embed,) = sent.embeds
    (value,) = [f["value"] for f in embed["fields"] if f["name"] == "!ask <question>"]
    match = re.search(r"Example: `!ask (.+)`$", value)
    assert match, value
    return match.group(1)


async def test_helps_example_question_is_one_the_loaded_corpus_answers(harness: Harness) -> None:
    question = ask_example(await harness.say("!help"))
    assert question == "what do the articles say about Kim Jong Un?"
    reply = await harness.say(f"!ask {question}")
    assert_safe(reply)
    (embed,) = reply.embeds
    assert embed["description"].startswith(
        "**In short**\n> "
    )  # an answer with its summary, not the closest
    assert embed["color"] != 0xF1C40F
    assert "Kim Jong Un" in embed["fields"][0]["value"].replace("**", "")


async def test_helps_example_question_follows_the_corpus_on_reload(harness: Harness) -> None:
    for seed in harness.corpus.iterdir():
        seed.unlink()
    (harness.corpus / "bakery.txt").write_text(
        "Maria Lopez and the Mill Street Bakery\n\n"
        "Every morning at five, Maria Lopez lights the ovens at the Mill Street Bakery.\n\n"
        "Customers queue for the rye bread that Maria Lopez learned to bake in Valencia.\n"
    )
    reloaded = await harness.say("!reload", author=harness.guild.owner)
    assert "Added: bakery" in reloaded.content
    question = ask_example(await harness.say("!help"))
    assert question == "what does the article say about Maria Lopez?"
    reply = await harness.say(f"!ask {question}")
    assert reply.embeds[0]["description"].startswith("**In short**\n> ")


async def test_help_offers_a_placeholder_when_no_question_answers_well(
    harness: Harness,
) -> None:
    for seed in harness.corpus.iterdir():
        seed.unlink()
    (harness.corpus / "notes.txt").write_text("Notes\n\nplain words, and no names at all.\n")
    await harness.say("!reload", author=harness.guild.owner)
    assert ask_example(await harness.say("!help")) == "<your question about the articles>"
    plain = await harness.say("!help ask", channel=harness.guild.no_embeds_channel)
    assert plain.content.endswith("Example: `!ask <your question about the articles>`")


async def test_help_fits_discords_embed_limits(harness: Harness) -> None:
    (embed,) = (await harness.say("!help", author=harness.guild.moderator)).embeds
    fields = embed["fields"]
    assert 0 < len(fields) <= 25
    assert all(len(f["name"]) <= 256 and len(f["value"]) <= 1024 for f in fields)
    total = len(embed["title"]) + len(embed["description"]) + len(embed["footer"]["text"])
    assert total + sum(len(f["name"]) + len(f["value"]) for f in fields) <= 6000


async def test_help_for_one_command_shows_its_usage_and_example(harness: Harness) -> None:
    (embed,) = (await harness.say("!help summary")).embeds
    assert embed["title"] == "!summary [article]"
    assert embed["description"].endswith("Example: `!summary 1`")


async def test_help_for_a_command_the_member_may_not_use_is_not_given(harness: Harness) -> None:
    reply = await harness.say("!help reload")
    assert reply.embeds == []
    assert reply.content.startswith("I have no command called that.")


async def test_help_and_sources_show_the_configured_prefix(
    fake_guild: SeededGuild, corpus: Path
) -> None:
    async with open_harness(fake_guild, corpus, prefix="?") as harness:
        names = field_names(await harness.say("?help"))
        assert names and all(name.startswith("?") for name in names)
        sources = await harness.say("?sources")
        assert sources.content.endswith("Use `?summary <number>` for a summary.")


async def test_help_without_embed_permission_is_plain_text(harness: Harness) -> None:
    reply = await harness.say("!help", channel=harness.guild.no_embeds_channel)
    assert reply.embeds == []
    assert "`!ask <question>`: Answer a question" in reply.content
    assert "!reload" not in reply.content


# -- slash commands ----------------------------------------------------------------------------


async def test_slash_ask_after_the_owner_syncs(harness: Harness) -> None:
    synced = await harness.say("!sync", author=harness.guild.owner)
    assert re.match(r"Synced \d+ slash commands", synced.content)
    assert {c["name"] for c in harness.server.synced_commands()} >= {"ask", "summary", "reload"}

    invocation = await harness.server.invoke_slash(
        harness.guild.channel, harness.guild.alice, "ask", {"question": CONVENTIONS}
    )
    reply = await harness.server.wait_for_reply(invocation)
    assert_safe(reply)
    assert "cato-kim-congress" in all_text(reply)


async def test_slash_summary_autocompletes_article_titles(harness: Harness) -> None:
    await harness.say("!sync", author=harness.guild.owner)
    invocation = await harness.server.invoke_autocomplete(
        harness.guild.channel,
        harness.guild.alice,
        "summary",
        {"article": "engage"},
        focused="article",
    )
    answer = await harness.server.wait_for_reply(invocation)
    assert [c["value"] for c in answer.choices] == [
        "cato-kim-congress",
        "bloomberg-engage-north-korea",
    ]


async def test_only_the_owner_may_sync(harness: Harness) -> None:
    reply = await harness.say("!sync", author=harness.guild.manager)
    assert reply.content == "Sorry, only the bot's owner can do that."
    assert harness.server.synced_commands() == []


# -- !reload -----------------------------------------------------------------------------------


async def test_a_plain_member_may_not_reload(harness: Harness) -> None:
    reply = await harness.say("!reload")
    assert reply.content == "Sorry, only moderators can reload the corpus."


@pytest.mark.parametrize("who", ["moderator", "manager", "owner"])
async def test_moderators_managers_and_the_owner_may_reload(harness: Harness, who: str) -> None:
    (harness.corpus / "001-bloomberg-engage-north-korea.txt").unlink()
    reply = await harness.say("!reload", author=getattr(harness.guild, who))
    assert reply.content.startswith("Reloaded: 1 articles, 22 paragraphs")
    assert "Removed: bloomberg-engage-north-korea" in reply.content
    sources = await harness.say("!sources")
    assert "Bloomberg" not in sources.content


async def test_a_broken_file_leaves_the_old_corpus_serving_and_is_named(harness: Harness) -> None:
    before = await harness.say(f"!ask {CONVENTIONS}")
    (harness.corpus / "002-broken.txt").write_bytes(b"Broken\n\nCaf\xe9 society.\n")

    reply = await harness.say("!reload", author=harness.guild.moderator)

    assert_safe(reply)
    assert reply.content.startswith("Reload refused; still serving the corpus loaded")
    assert "002-broken.txt: not UTF-8" in reply.content
    after = await harness.say(f"!ask {CONVENTIONS}")
    assert after.embeds == before.embeds


async def test_a_reload_refuses_front_matter_nested_too_deep_and_names_the_file(
    harness: Harness,
) -> None:
    deep = "+++\nx = " + "[" * 1000 + "]" * 1000 + "\n+++\nDeep\n\nText.\n"
    (harness.corpus / "002-deep.txt").write_text(deep)

    reply = await harness.say("!reload", author=harness.guild.moderator)

    assert reply.content.startswith("Reload refused; still serving the corpus loaded")
    assert "002-deep.txt: front matter is nested too deeply" in reply.content


# -- faults on the wire ------------------------------------------------------------------------


@pytest.mark.parametrize("code", [1006, 4000])
async def test_the_bot_resumes_after_the_gateway_closes_and_answers_the_next_command(
    harness: Harness, code: int
) -> None:
    await harness.server.close_gateway(code=code)
    await harness.server.wait_for_gateway("resumed", timeout=10)
    reply = await harness.say("!sources")
    assert "Cato Institute" in reply.content


async def test_an_invalid_session_makes_the_bot_identify_again_and_keep_answering(
    harness: Harness,
) -> None:
    mark = harness.server.gateway_events.mark()
    await harness.server.invalidate_session()
    await harness.server.wait_for_gateway("ready", since=mark, timeout=10)
    reply = await harness.say("!sources")
    assert "Cato Institute" in reply.content


async def test_a_rate_limited_reply_still_arrives_after_retry_after(harness: Harness) -> None:
    harness.server.rate_limit("POST /channels/{channel_id}/messages", retry_after=0.3)
    started = asyncio.get_running_loop().time()
    reply = await harness.say("!sources")
    assert "Cato Institute" in reply.content
    assert asyncio.get_running_loop().time() - started >= 0.3
    statuses = [r.status for r in harness.server.requests.items if r.method == "POST"]
    assert statuses == [429, 200]

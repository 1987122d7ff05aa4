"""The Discord bot's !ask, end to end: the real discord.py client against a Discord-compatible
server.

Only Discord's address is swapped (fakediscord/); the bot, its cogs and the engine run
as they do in production, over real sockets on 127.0.0.1.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from fakediscord.markdown import parse
from harness import CONVENTIONS, Harness, all_text, assert_safe, open_harness

if TYPE_CHECKING:
    from discord_fixtures import SeededGuild


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


async def test_asking_to_sum_up_the_article_of_several_is_asked_back_which_one(
    harness: Harness,
) -> None:
    reply = await harness.say("!ask summarize the article")
    assert_safe(reply)
    assert reply.content.startswith("Which article? Name the one to sum up")
    example = reply.content.split("for example: ")[1].split(")")[0]
    summed = await harness.say(f"!ask {example}")
    assert_safe(summed)
    assert summed.embeds and summed.embeds[0]["description"].startswith("**In short**")


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


async def test_an_accordion_faq_in_mdx_is_answered_under_its_question(harness: Harness) -> None:
    """A docs site's FAQ written as components (Mintlify's accordions, a tab's label): the
    reply cites the answer under the question it answers, and shows no component's markup."""
    (harness.corpus / "003-gizmo-help.mdx").write_text(
        "# Gizmo help\n\n<AccordionGroup>\n"
        '<Accordion title="Can the gizmo get wet?">\nYes, it is sealed against water.\n'
        "</Accordion>\n</AccordionGroup>\n"
    )
    await harness.say("!reload", author=harness.guild.owner)
    reply = await harness.say("!ask can the gizmo get wet")
    assert_safe(reply)
    text = all_text(reply)
    assert "Gizmo help \u203a Can the gizmo get wet? \u00b61 (gizmo-help)" in text
    assert "Yes, it is sealed against water." in text
    assert "<Accordion" not in text and "title=" not in text


async def test_a_sphinx_page_is_answered_under_its_section_without_its_markup(
    harness: Harness,
) -> None:
    """A reStructuredText page as Sphinx projects write docs: the reply cites the section
    that answers, and shows the text a reader of the rendered page sees."""
    (harness.corpus / "004-gizmo-config.rst").write_text(
        "Gizmo configuration\n===================\n\n"
        "Timeouts\n--------\n\n"
        ".. versionchanged:: 2.0\n\n"
        "   A request gives up after :confval:`timeout` seconds, ``30`` by default.\n\n"
        ".. include:: /etc/hostname\n"
    )
    await harness.say("!reload", author=harness.guild.owner)
    reply = await harness.say("!ask when does a gizmo request give up")
    assert_safe(reply)
    text = all_text(reply)
    assert "Gizmo configuration \u203a Timeouts \u00b61 (gizmo-config)" in text
    assert "A request gives up after timeout seconds, 30 by default." in text
    assert ":confval:" not in text and "versionchanged" not in text


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

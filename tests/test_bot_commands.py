"""The Discord bot's other commands, end to end: ``!summary`` and ``!sources``, slash commands,
a moderator's ``!reload``, and faults on the wire, with the real discord.py client against a
Discord-compatible server."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from fakediscord import Sent
from harness import CONVENTIONS, Harness, all_text, assert_safe, open_harness

if TYPE_CHECKING:
    from discord_fixtures import SeededGuild


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


async def test_an_answer_under_a_heading_of_thousands_of_characters_is_delivered(
    harness: Harness,
) -> None:
    # a Markdown heading has no length limit; Discord refuses a description over 4,096
    (harness.corpus / "huge.md").write_text(
        "# Huge page\n\n## " + "Heading words " * 400 + "\n\n"
        "The ferry to the lighthouse leaves at noon.\n"
    )
    await harness.say("!reload", author=harness.guild.owner)
    reply = await harness.say("!ask where does the ferry go, the lighthouse?")
    assert_safe(reply)
    (embed,) = reply.embeds
    assert embed["fields"][0]["name"].endswith("\u2026 \u00b61 (huge)")
    assert "The ferry to the lighthouse leaves at noon." in embed["description"]


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


async def test_a_reload_says_which_folder_of_articles_it_did_not_read(harness: Harness) -> None:
    guide = harness.corpus / "guide"
    guide.mkdir()
    (guide / "setup.md").write_text("# Setup\n\nInstall it first.\n")
    (guide / "use.md").write_text("# Use\n\nThen use it.\n")
    reply = await harness.say("!reload", author=harness.guild.moderator)
    assert_safe(reply)
    assert reply.content.startswith("Reloaded: 2 articles")
    assert "Not read: the folder guide/ with 2 article file(s)" in reply.content


async def test_a_broken_file_leaves_the_old_corpus_serving_and_is_named(harness: Harness) -> None:
    before = await harness.say(f"!ask {CONVENTIONS}")
    (harness.corpus / "002-broken.txt").write_bytes(b"Broken\n\nCaf\xe9 society.\n")

    reply = await harness.say("!reload", author=harness.guild.moderator)

    assert_safe(reply)
    assert reply.content.startswith("Reload refused; still serving the corpus loaded")
    assert "002-broken.txt: not UTF-8" in reply.content
    after = await harness.say(f"!ask {CONVENTIONS}")
    assert after.embeds == before.embeds


async def test_a_refused_reload_names_every_broken_file_not_only_the_first(
    harness: Harness,
) -> None:
    (harness.corpus / "002-broken.txt").write_bytes(b"Broken\n\nCaf\xe9 society.\n")
    (harness.corpus / "003-empty.txt").write_bytes(b"")

    reply = await harness.say("!reload", author=harness.guild.moderator)

    assert_safe(reply)
    lines = reply.content.splitlines()
    assert lines[0].startswith("Reload refused; still serving the corpus loaded")
    assert lines[1] == "Problems in 2 files:"
    assert lines[2].startswith("- 002-broken.txt: not UTF-8")
    assert lines[3].startswith("- 003-empty.txt: the file is empty")


async def test_a_refused_reload_with_many_broken_files_names_the_first_few_and_counts_the_rest(
    harness: Harness,
) -> None:
    for n in range(8):
        (harness.corpus / f"10{n}-empty.txt").write_bytes(b"")

    reply = await harness.say("!reload", author=harness.guild.moderator)

    assert_safe(reply)
    assert "Problems in 8 files:" in reply.content
    assert reply.content.count("\n- ") == 5
    assert reply.content.endswith("\u2026and 3 more: `citebot check` names every one.")


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

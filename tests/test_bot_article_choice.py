"""``!summary`` and ``/summary`` find the article people name, and ask back when several match:
a select menu only the asker may use, disabled when it times out. The real bot, end to end."""

from __future__ import annotations

import asyncio
import gc
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from fakediscord import Sent
from harness import Harness, all_text, copy_seeds, open_harness
from helpers import BLOOMBERG, CATO

if TYPE_CHECKING:
    from discord_fixtures import SeededGuild

CATO_TITLE = "A Spectacular Opportunity to Engage Kim Jong Un"
BLOOMBERG_TITLE = "A Moment to Engage\u00a0North Korea"


def menu_of(sent: Sent) -> dict[str, Any]:
    (row,) = sent.components
    (select,) = row["components"]
    return dict(select)


def is_update_of(message_id: str) -> Any:
    return lambda s: s.delivered and s.message is not None and s.message["id"] == message_id


@pytest.mark.parametrize(
    ("reference", "title"),
    [
        ("bandow", CATO_TITLE),
        ("Cato", CATO_TITLE),
        ("bloomberg", BLOOMBERG_TITLE),
        ("Bloomberg View", BLOOMBERG_TITLE),
        ("kim-congress", CATO_TITLE),
    ],
)
async def test_summary_finds_the_article_by_author_publisher_or_slug_part(
    harness: Harness, reference: str, title: str
) -> None:
    reply = await harness.say(f"!summary {reference}")
    assert reply.embeds[0]["title"] == title
    assert reply.components == []


async def test_a_name_several_articles_share_gets_a_menu_of_them(harness: Harness) -> None:
    reply = await harness.say("!summary engage")
    assert reply.content == "\u201cengage\u201d matches 2 articles. Which one do you mean?"
    assert reply.embeds == [] and reply.mentioned_user_ids == []
    menu = menu_of(reply)
    assert [(o["label"], o["value"]) for o in menu["options"]] == [
        (f"1. {CATO_TITLE}", CATO),
        (f"2. {BLOOMBERG_TITLE}", BLOOMBERG),
    ]
    assert menu["options"][0]["description"] == "Doug Bandow, Cato Institute"
    assert not menu.get("disabled")


async def test_picking_from_the_menu_replaces_it_with_that_summary(harness: Harness) -> None:
    server, guild = harness.server, harness.guild
    reply = await harness.say("!summary engage")
    picked = await server.select(reply, guild.alice, "choice", [BLOOMBERG])
    update = await server.wait_for_reply(picked)
    assert [s.kind for s in server.sent.items[picked.mark :]] == [
        "deferred_update",
        "edit_original",
    ]
    assert update.message is not None and reply.message is not None
    assert update.message["id"] == reply.message["id"]
    assert update.components == [] and update.content == ""
    assert update.embeds[0]["title"] == BLOOMBERG_TITLE
    assert "(\u00b6" in update.embeds[0]["description"]


async def test_a_pick_is_acknowledged_at_once_so_a_slow_summary_still_lands(
    harness: Harness,
) -> None:
    server, guild = harness.server, harness.guild
    boats = "harbour ferry pier crane cargo fleet wharf quay mast sail".split()
    long_article = "\n\n".join(
        f"On day {n} the {boats[n % 10]} crew asked how to engage the {boats[n * 7 % 10]} "
        f"board. They met at noon and agreed to meet again on day {n + 1}."
        for n in range(16000)
    )
    (harness.corpus / "harbour-log.txt").write_text(f"Engage the harbour board\n\n{long_article}\n")
    await harness.say("!reload", author=guild.moderator)
    reply = await harness.say("!summary engage")
    (harbour,) = [o["value"] for o in menu_of(reply)["options"] if "harbour" in o["label"]]
    server.config.interaction_deadline = 0.4  # the long article's summary takes longer

    picked = await server.select(reply, guild.alice, "choice", [harbour])
    update = await server.wait_for_reply(picked, timeout=10)

    assert update.embeds[0]["title"] == "Engage the harbour board"


async def test_only_the_asker_may_pick_others_are_told_privately(harness: Harness) -> None:
    server, guild = harness.server, harness.guild
    reply = await harness.say("!summary engage")
    assert reply.message is not None
    intruded = await server.select(reply, guild.bob, "choice", [CATO])
    refusal = await server.wait_for_reply(intruded)
    assert refusal.kind == "interaction_response" and refusal.ephemeral
    assert "Only the person who asked can choose" in refusal.content
    stored = server.world.messages[int(reply.message["id"])]
    assert stored["components"] == reply.components and stored["embeds"] == []

    picked = await server.select(reply, guild.alice, "choice", [CATO])
    assert (await server.wait_for_reply(picked)).embeds[0]["title"] == CATO_TITLE


async def test_the_menu_is_disabled_when_it_times_out(
    fake_guild: SeededGuild, tmp_path: Path
) -> None:
    corpus = copy_seeds(tmp_path / "corpus")
    async with open_harness(fake_guild, corpus, choice_timeout=0.3) as harness:
        posted = await harness.post("!summary engage")
        reply = await harness.reply(posted)
        assert reply.message is not None
        edited = await harness.server.wait_for(
            lambda s: s.kind == "edit" and is_update_of(reply.message["id"])(s),
            since=posted.mark,
        )
        assert edited.kind == "edit" and menu_of(edited)["disabled"] is True
        with pytest.raises(ValueError, match="disabled"):
            await harness.server.select(edited, fake_guild.alice, "choice", [CATO])


async def test_without_embed_links_the_pick_is_answered_in_plain_text(harness: Harness) -> None:
    server, guild = harness.server, harness.guild
    reply = await harness.say("!summary engage", channel=guild.no_embeds_channel)
    picked = await server.select(reply, guild.alice, "choice", [CATO])
    update = await server.wait_for_reply(picked)
    assert update.embeds == [] and update.content.startswith(f"**{CATO_TITLE}**")


async def test_slash_summary_offers_the_same_menu_and_takes_the_pick(harness: Harness) -> None:
    server, guild = harness.server, harness.guild
    await harness.say("!sync", author=guild.owner)
    invocation = await server.invoke_slash(
        guild.channel, guild.alice, "summary", {"article": "engage"}
    )
    offered = await server.wait_for_reply(invocation)
    assert "matches 2 articles" in offered.content
    assert [o["value"] for o in menu_of(offered)["options"]] == [CATO, BLOOMBERG]
    picked = await server.select(offered, guild.alice, "choice", [CATO])
    update = await server.wait_for_reply(picked)
    assert update.embeds[0]["title"] == CATO_TITLE and update.components == []
    assert CATO_TITLE in all_text(update)


async def test_slash_summary_autocomplete_uses_the_same_names(harness: Harness) -> None:
    server, guild = harness.server, harness.guild
    await harness.say("!sync", author=guild.owner)
    typed = await server.invoke_autocomplete(
        guild.channel, guild.alice, "summary", {"article": "band"}, focused="article"
    )
    assert [c["value"] for c in (await server.wait_for_reply(typed)).choices] == [CATO]


async def test_a_slash_commands_menu_is_disabled_in_place_when_it_times_out(
    fake_guild: SeededGuild, tmp_path: Path
) -> None:
    corpus = copy_seeds(tmp_path / "corpus")
    async with open_harness(fake_guild, corpus, choice_timeout=0.3) as harness:
        server, guild = harness.server, harness.guild
        await harness.say("!sync", author=guild.owner)
        invocation = await server.invoke_slash(
            guild.channel, guild.alice, "summary", {"article": "engage"}
        )
        offered = await server.wait_for_reply(invocation)
        assert offered.message is not None
        edited = await server.wait_for(
            lambda s: s.kind == "edit" and is_update_of(offered.message["id"])(s),
            since=invocation.mark,
        )
        assert menu_of(edited)["disabled"] is True


async def test_a_server_that_refuses_the_menu_gets_the_list_of_articles_as_text(
    harness: Harness,
) -> None:
    harness.server.fail("POST /channels/{channel_id}/messages", status=400)
    posted = await harness.post("!summary engage")

    reply = await harness.reply(posted)

    assert reply.components == []
    assert reply.content.startswith("'engage' matches 2 articles: 1. ")
    assert f"({CATO})" in reply.content and f"({BLOOMBERG})" in reply.content
    assert [r.status for r in harness.server.requests.items if r.method == "POST"][-2:] == [
        400,
        200,
    ]


# -- a pick is bound to what the menu offered --------------------------------------------------


async def test_a_pick_after_a_reload_gave_the_slug_to_another_article_says_the_articles_changed(
    harness: Harness,
) -> None:
    server, guild = harness.server, harness.guild
    reply = await harness.say("!summary engage")
    (harness.corpus / "000-cato-kim-congress.txt").write_text(
        f'+++\nslug = "{CATO}"\n+++\nZorblat Harbour Policy\n\n'
        "The zorblat harbour should open at dawn. Ships must wait their turn.\n"
    )
    reloaded = await harness.say("!reload", author=guild.moderator)
    assert f"Changed: {CATO}" in reloaded.content

    picked = await server.select(reply, guild.alice, "choice", [CATO])
    update = await server.wait_for_reply(picked)

    assert update.kind == "edit_original" and update.components == [] and update.embeds == []
    assert "Zorblat" not in all_text(update)
    assert update.content.startswith("The articles changed since this menu was offered")
    assert "!summary engage" in update.content


async def test_a_pick_after_a_reload_that_kept_the_article_is_still_answered(
    harness: Harness,
) -> None:
    server, guild = harness.server, harness.guild
    reply = await harness.say("!summary engage")
    await harness.say("!reload", author=guild.moderator)
    picked = await server.select(reply, guild.alice, "choice", [CATO])
    assert (await server.wait_for_reply(picked)).embeds[0]["title"] == CATO_TITLE


async def test_two_picks_at_once_are_answered_once(harness: Harness) -> None:
    server, guild = harness.server, harness.guild
    reply = await harness.say("!summary engage")

    first, second = await asyncio.gather(
        server.select(reply, guild.alice, "choice", [CATO]),
        server.select(reply, guild.alice, "choice", [BLOOMBERG]),
    )
    answers = [await server.wait_for_reply(first), await server.wait_for_reply(second)]
    await harness.say("!sources")  # anything still in flight lands first

    updates = [s for s in server.sent.items if s.kind == "edit_original"]
    assert len(updates) == 1
    (refusal,) = [a for a in answers if a.kind != "edit_original"]
    assert refusal.ephemeral and "already been used" in refusal.content


@pytest.mark.parametrize("values", [[], ["not-offered"], [CATO, BLOOMBERG]])
async def test_a_pick_of_values_the_menu_never_offered_is_refused_politely(
    harness: Harness, values: list[str]
) -> None:
    server, guild = harness.server, harness.guild
    reply = await harness.say("!summary engage")

    picked = await server.select(reply, guild.alice, "choice", values, checked=False)
    refusal = await server.wait_for_reply(picked)

    assert refusal.kind == "interaction_response" and refusal.ephemeral
    assert refusal.content == "Choose one of the options this menu lists."
    still = await server.select(reply, guild.alice, "choice", [CATO])  # the menu still works
    assert (await server.wait_for_reply(still)).embeds[0]["title"] == CATO_TITLE


# -- REST answers discord.py cannot read -------------------------------------------------------


def unhandled(records: list[logging.LogRecord]) -> list[str]:
    """Errors nobody handled: the view's "Ignoring exception", asyncio's "never retrieved"."""
    gc.collect()  # a task whose exception nobody read reports it when collected
    return [r.getMessage() for r in records if r.levelno >= logging.ERROR]


async def test_a_timed_out_menu_whose_edit_answer_is_unreadable_is_logged_once(
    fake_guild: SeededGuild, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    async with open_harness(fake_guild, copy_seeds(tmp_path / "corpus"), choice_timeout=0.3) as h:
        h.server.garble("PATCH /channels/{channel_id}/messages/{message_id}")
        posted = await h.post("!summary engage")
        reply = await h.reply(posted)
        assert reply.message is not None
        await h.server.wait_for(
            lambda s: s.kind == "edit" and is_update_of(reply.message["id"])(s),
            since=posted.mark,
        )
        await asyncio.sleep(0.2)

    assert unhandled(caplog.records) == []
    warned = [r.getMessage() for r in caplog.records if "could not read" in r.getMessage()]
    assert warned == ["could not read Discord's answer to disabling a timed-out menu; going on"]


async def test_a_pick_whose_answer_is_unreadable_is_logged_once_and_the_menu_answered(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    server, guild = harness.server, harness.guild
    reply = await harness.say("!summary engage")
    server.garble("POST /interactions/{webhook_id}/{webhook_token}/callback")

    picked = await server.select(reply, guild.alice, "choice", [CATO])
    update = await server.wait_for_reply(picked)  # carried out; only its answer is garbled
    await harness.say("!sources")

    assert update.embeds[0]["title"] == CATO_TITLE
    assert unhandled(caplog.records) == []
    warned = [r.getMessage() for r in caplog.records if "could not read" in r.getMessage()]
    assert warned == ["could not read Discord's answer to a menu pick; going on"]


async def test_a_pick_discord_refuses_to_show_is_told_to_the_asker(harness: Harness) -> None:
    server, guild = harness.server, harness.guild
    reply = await harness.say("!summary engage")
    server.fail("POST /interactions/{webhook_id}/{webhook_token}/callback", status=400)

    picked = await server.select(reply, guild.alice, "choice", [CATO])
    told = await server.wait_for(lambda s: s.delivered and s.ephemeral, since=picked.mark)

    assert told.content.startswith("Discord did not accept the answer to your choice")

"""An answer shown short, with buttons to explore it (More passages, In context, Summary) and
to rate it (👍/👎 with a reason), driven over real sockets against the fake Discord."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fakediscord import Sent
from fakediscord.components import walk
from fakediscord.models import EPHEMERAL
from harness import Harness, all_text, open_harness

if TYPE_CHECKING:
    from discord_fixtures import SeededGuild

QUESTION = "why should the us talk to north korea"


def buttons(sent: Sent | dict[str, Any]) -> dict[str, dict[str, Any]]:
    components = sent.components if isinstance(sent, Sent) else sent.get("components") or []
    return {c["custom_id"]: dict(c) for c in walk(components) if "custom_id" in c}


def button(sent: Sent | dict[str, Any], prefix: str) -> str:
    return next(cid for cid in buttons(sent) if cid.startswith(prefix))


def stored(harness: Harness, sent: Sent) -> dict[str, Any]:
    assert sent.message is not None
    return harness.server.world.messages[int(sent.message["id"])]


def assert_private(sent: Sent) -> None:
    assert sent.message is not None and int(sent.message["flags"]) & EPHEMERAL
    assert (sent.allowed_mentions or {"parse": []})["parse"] == []


async def test_an_answer_shows_the_in_short_and_the_best_passage_under_one_row_of_buttons(
    harness: Harness,
) -> None:
    reply = await harness.say(f"!ask {QUESTION}")
    (embed,) = reply.embeds
    assert embed["description"].startswith("**In short**\n> ")
    (field,) = embed["fields"]
    assert field["name"].startswith("Best passage 1 of 3: ")
    assert len(all_text(reply)) <= 6000 and (reply.allowed_mentions or {})["parse"] == []
    (row,) = reply.components
    labels = [c.get("label") or c["emoji"]["name"] for c in row["components"]]
    assert labels == ["More passages", "In context", "Summary", "\U0001f44d", "\U0001f44e"]
    assert all(len(cid) <= 100 for cid in buttons(reply))


async def test_more_passages_pages_in_place_through_the_ranked_passages_and_back(
    harness: Harness,
) -> None:
    reply = await harness.say(f"!ask {QUESTION}")
    seen = [reply.embeds[0]["fields"][0]["name"]]
    message: dict[str, Any] = stored(harness, reply)
    for _ in range(3):
        clicked = await harness.server.click_button(
            message, harness.guild.bob, button(message, "cb:more:")
        )
        update = await harness.server.wait_for_reply(clicked)
        assert update.kind == "update_message"
        message = stored(harness, update)
        seen.append(message["embeds"][0]["fields"][0]["name"])
    assert [name.split(":")[0] for name in seen] == [
        "Best passage 1 of 3",
        *(f"Passage {n} of 3" for n in range(2, 4)),
        "Best passage 1 of 3",
    ]
    assert message["embeds"][0]["description"] == reply.embeds[0]["description"]


async def test_in_context_shows_the_paragraph_with_its_neighbours_to_the_clicker_only(
    harness: Harness,
) -> None:
    reply = await harness.say(f"!ask {QUESTION}")
    clicked = await harness.server.click_button(reply, harness.guild.bob, button(reply, "cb:ctx:"))
    shown = await harness.server.wait_for_reply(clicked)
    assert_private(shown)
    paragraph = int(button(reply, "cb:ctx:").rsplit(":", 1)[1])
    assert f"\u25b6 \u00b6{paragraph}:" in shown.content
    assert f"\u00b6{paragraph - 1}:" in shown.content and f"\u00b6{paragraph + 1}:" in shown.content
    assert len(shown.content) <= 2000


async def test_summary_shows_the_cited_articles_summary_privately(harness: Harness) -> None:
    reply = await harness.say(f"!ask {QUESTION}")
    clicked = await harness.server.click_button(reply, harness.guild.bob, button(reply, "cb:sum:"))
    shown = await harness.server.wait_for_reply(clicked, timeout=10)
    assert_private(shown)
    assert shown.embeds and "Engage" in shown.embeds[0]["title"]
    assert shown.embeds[0]["footer"]["text"] == "Bloomberg View"


async def answer_then_change_its_article(harness: Harness) -> Sent:
    """An answer quoting the Bloomberg piece, whose file then changes (not yet reloaded)."""
    reply = await harness.say(f"!ask {QUESTION}")
    seed = next(harness.corpus.glob("*bloomberg*"))
    seed.write_text(seed.read_text().replace("source_sha256", "# source_sha256"))
    return reply


def assert_told_the_articles_changed(said: Sent) -> None:
    assert_private(said)
    assert "articles have changed" in said.content and f"`!ask {QUESTION}`" in said.content


async def test_a_click_after_a_reload_that_changed_the_articles_says_so_and_how_to_ask_again(
    harness: Harness,
) -> None:
    reply = await answer_then_change_its_article(harness)
    await harness.say("!reload", author=harness.guild.owner)
    for prefix in ("cb:more:", "cb:ctx:", "cb:sum:"):
        clicked = await harness.server.click_button(reply, harness.guild.bob, button(reply, prefix))
        assert_told_the_articles_changed(await harness.server.wait_for_reply(clicked))


async def test_a_summary_clicked_as_a_reload_changes_its_article_says_so_and_never_hangs(
    harness: Harness,
) -> None:
    reply = await answer_then_change_its_article(harness)
    # The click is acknowledged slowly; the reload lands between the click and its summary.
    harness.server.delay("POST /interactions/{webhook_id}/{webhook_token}/callback", 1.0)
    clicked = await harness.server.click_button(reply, harness.guild.bob, button(reply, "cb:sum:"))
    await harness.say("!reload", author=harness.guild.owner)
    assert_told_the_articles_changed(await harness.server.wait_for_reply(clicked, timeout=10))


async def test_buttons_still_work_after_a_restart_from_the_question_log(
    fake_guild: SeededGuild, corpus: Path
) -> None:
    async with open_harness(fake_guild, corpus) as first:
        reply = await first.say(f"!ask {QUESTION}")
        await first.logged()
    async with open_harness(fake_guild, corpus) as second:
        clicked = await second.server.click_button(reply, fake_guild.bob, button(reply, "cb:more:"))
        update = await second.server.wait_for_reply(clicked)
    assert update.kind == "update_message"
    assert update.embeds[0]["fields"][0]["name"].startswith("Passage 2 of 3")


async def test_an_answer_within_one_article_stays_within_it_after_a_restart(
    fake_guild: SeededGuild, corpus: Path
) -> None:
    async with open_harness(fake_guild, corpus) as first:
        await first.say("!sync", author=fake_guild.owner)
        asked = await first.server.invoke_slash(
            fake_guild.channel,
            fake_guild.alice,
            "ask",
            {"question": QUESTION, "article": "cato-kim-congress"},
        )
        reply = await first.server.wait_for_reply(asked)
        await first.logged()
    async with open_harness(fake_guild, corpus) as second:
        clicked = await second.server.click_button(reply, fake_guild.bob, button(reply, "cb:more:"))
        update = await second.server.wait_for_reply(clicked)
    assert update.kind == "update_message"
    assert "cato-kim-congress" in str(update.embeds)
    assert "bloomberg" not in str(update.embeds)


async def test_the_explore_buttons_are_disabled_after_the_timeout_and_votes_stay(
    fake_guild: SeededGuild, corpus: Path
) -> None:
    async with open_harness(fake_guild, corpus, button_timeout=0.3) as harness:
        reply = await harness.say(f"!ask {QUESTION}")
        edit = await harness.server.wait_for(
            lambda s: s.kind == "edit" and s.delivered, since=0, timeout=5
        )
    disabled = {cid.split(":")[1]: bool(c.get("disabled")) for cid, c in buttons(edit).items()}
    assert disabled == {"more": True, "ctx": True, "sum": True, "vote": False}
    assert edit.embeds == reply.embeds


def votes(harness: Harness) -> list[tuple[int, str | None]]:
    path = harness.bot.settings.question_log.path
    with sqlite3.connect(path) as connection:
        return list(connection.execute("SELECT vote, reason FROM feedback ORDER BY voted_at"))


async def test_a_thumbs_up_is_counted_once_per_person_and_can_be_changed_with_a_reason(
    harness: Harness,
) -> None:
    reply = await harness.say(f"!ask {QUESTION}")
    up = await harness.server.click_button(reply, harness.guild.bob, "cb:vote:up")
    assert "helpful" in (await harness.server.wait_for_reply(up)).content
    up = await harness.server.click_button(reply, harness.guild.bob, "cb:vote:up")
    await harness.server.wait_for_reply(up)
    assert votes(harness) == [(1, None)]

    down = await harness.server.click_button(reply, harness.guild.bob, "cb:vote:down")
    form = await harness.server.wait_for(
        lambda s: s.kind == "modal" and s.interaction_id == down.id, since=down.mark
    )
    assert form.payload["title"] == "What was wrong with this answer?"
    assert votes(harness) == [(-1, None)]
    submitted = await harness.server.submit_modal(
        down, {"Optional: what was missing or wrong": "It skips China."}
    )
    thanks = await harness.server.wait_for_reply(submitted)
    assert_private(thanks)
    assert votes(harness) == [(-1, "It skips China.")]


async def test_a_failing_question_log_never_stops_an_answer(
    fake_guild: SeededGuild, corpus: Path, tmp_path: Path
) -> None:
    async with open_harness(fake_guild, corpus) as harness:
        harness.bot.recorder.questions.database.path = tmp_path  # type: ignore[union-attr]
        harness.bot.recorder.questions.database._connection.close()  # type: ignore[union-attr]
        for _ in range(2):
            reply = await harness.say(f"!ask {QUESTION}")
            assert reply.embeds
        await asyncio.sleep(0.1)

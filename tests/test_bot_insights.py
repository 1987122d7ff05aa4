"""``!gaps`` and ``!stats``: moderators read the question log of their own server."""

from __future__ import annotations

import re

from harness import Harness

NONE_QUESTIONS = [
    "What is the population of Brazil?",
    "what is the population of brazil",
    "How many people live in Brazil's population?",
    "What is the capital of Peru?",
]


async def ask_and_log(harness: Harness, question: str) -> None:
    await harness.say(f"!ask {question}")


async def test_gaps_groups_similar_unanswered_questions_most_asked_first(
    harness: Harness,
) -> None:
    for question in NONE_QUESTIONS:
        await ask_and_log(harness, question)
    await harness.say("!ask why should the us talk to north korea")
    await harness.logged()
    reply = await harness.say("!gaps", author=harness.guild.moderator)
    lines = reply.content.splitlines()
    assert lines[0].startswith("**Questions the articles did not answer** (last 30 days")
    assert re.match(r"\*\*[23]\u00d7\*\* \u201cWhat is the population of Brazil\?", lines[1])
    assert any("capital of Peru" in line for line in lines[2:])
    assert "north korea" not in reply.content
    assert reply.allowed_mentions is not None and reply.allowed_mentions["parse"] == []


async def test_gaps_lists_the_answers_marked_down_with_their_reasons(harness: Harness) -> None:
    reply = await harness.say("!ask why should the us talk to north korea")
    down = await harness.server.click_button(reply, harness.guild.bob, "cb:vote:down")
    await harness.server.wait_for(lambda s: s.kind == "modal", since=down.mark)
    submitted = await harness.server.submit_modal(
        down, {"Optional: what was missing or wrong": "no **China**"}
    )
    await harness.server.wait_for_reply(submitted)
    gaps = await harness.say("!gaps 7", author=harness.guild.manager)
    assert "**Answers people marked \U0001f44e** (last 7 days)" in gaps.content
    assert (
        "**1\U0001f44e 0\U0001f44d** \u201cwhy should the us talk to north korea\u201d"
        in gaps.content
    )
    assert "no \\*\\*China\\*\\*" in gaps.content


async def test_gaps_pages_turn_with_buttons_only_for_the_moderator(harness: Harness) -> None:
    for n in range(12):
        await ask_and_log(harness, f"What is the airspeed of swallow number {n} zebra{n}?")
    await harness.logged()
    reply = await harness.say("!gaps", author=harness.guild.moderator)
    assert reply.content.endswith("-# Page 1 of 2")
    refused = await harness.server.click_button(reply, harness.guild.alice, "pages:next")
    assert "Only who asked" in (await harness.server.wait_for_reply(refused)).content
    turned = await harness.server.click_button(reply, harness.guild.moderator, "pages:next")
    update = await harness.server.wait_for_reply(turned)
    assert update.content.endswith("-# Page 2 of 2")


async def test_stats_counts_questions_per_verdict_and_the_most_cited(harness: Harness) -> None:
    await ask_and_log(harness, NONE_QUESTIONS[0])
    await harness.say("!ask why should the us talk to north korea")
    await harness.logged()
    reply = await harness.say("!stats", author=harness.guild.owner)
    assert reply.content.startswith("**2 questions** in the last 30 days; median time ")
    assert "answer 1" in reply.content and "none 1" in reply.content
    assert "bloomberg-engage-north-korea" in reply.content


async def test_gaps_and_stats_are_for_moderators_and_their_own_server(harness: Harness) -> None:
    refused = await harness.say("!gaps", author=harness.guild.alice)
    assert refused.content == "Sorry, only moderators can see what the articles miss."
    refused = await harness.say("!stats", author=harness.guild.alice)
    assert refused.content == "Sorry, only moderators can see the question statistics."
    await ask_and_log(harness, NONE_QUESTIONS[0])
    await harness.logged()
    questions = harness.bot.recorder.questions
    assert questions is not None
    assert len(await questions.asked(harness.guild.guild.id, 30)) == 1
    assert await questions.asked(harness.guild.guild.id + 1, 30) == []


async def test_slash_gaps_is_shown_to_the_moderator_only(harness: Harness) -> None:
    await ask_and_log(harness, NONE_QUESTIONS[0])
    await harness.logged()
    await harness.say("!sync", author=harness.guild.owner)
    invocation = await harness.server.invoke_slash(
        harness.guild.channel, harness.guild.manager, "gaps", {"days": 7}
    )
    reply = await harness.server.wait_for_reply(invocation)
    assert reply.message is not None and int(reply.message["flags"]) & 64
    assert "population of Brazil" in reply.content

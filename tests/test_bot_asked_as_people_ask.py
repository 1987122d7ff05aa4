"""A question asked in Discord as members ask the room ("hey guys, does anyone know...? thx
🙏", in capitals, as a block quote, with the bot mentioned) gets the reply the plain question
gets, over the real discord.py client and a Discord-compatible server on 127.0.0.1."""

from __future__ import annotations

import pytest

from harness import Harness, assert_safe

PLAIN = "why does kim jong un want economic development"


@pytest.mark.parametrize(
    "asked",
    [
        f"hey guys, does anyone know {PLAIN}? thx \U0001f64f",
        f"ngl any idea {PLAIN}??? anyone?",
        PLAIN.upper(),
        f"> {PLAIN}",
        f"<@123456789012345678> tl;dr {PLAIN} pls",
    ],
)
async def test_a_question_asked_as_people_ask_gets_the_plain_question_s_reply(
    harness: Harness, asked: str
) -> None:
    plain = await harness.say(f"!ask {PLAIN}")
    reply = await harness.say(f"!ask {asked}")
    assert_safe(reply)
    assert reply.embeds[0]["description"] == plain.embeds[0]["description"]
    assert "**In short**" in reply.embeds[0]["description"]


async def test_a_question_naming_an_article_by_its_subject_is_answered_from_it(
    harness: Harness,
) -> None:
    # the seeds hold two articles; "the story about engaging north korea" is Bloomberg's
    reply = await harness.say(
        "!ask in the story about engaging north korea, what should the u.s. do?"
    )
    assert_safe(reply)
    shown = reply.embeds[0]["description"]
    assert "bloomberg-engage-north-korea" in shown
    assert "cato-kim-congress" not in shown

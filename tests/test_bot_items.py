"""A server's rules asked for by number in Discord: "!ask what is rule 3?" over the real
discord.py client and a Discord-compatible server on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

import pytest

from harness import Harness, assert_safe

RULES = """\
# Server Rules

1. Be respectful. No harassment or personal attacks.
2. No spam or mass mentions of @everyone.
3. Keep it safe for work, profile pictures included.

Breaking a rule earns a warning; a third warning brings a ban.
"""


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "rules.md").write_text(RULES, encoding="utf-8")
    return folder


async def test_a_rule_asked_for_by_number_is_quoted_as_the_answer(harness: Harness) -> None:
    reply = await harness.say("!ask what is rule 3?")
    assert_safe(reply)
    embed = reply.embeds[0]
    assert embed["description"].startswith(
        "**In short**\n> Keep it safe for work, profile pictures included."
    )
    assert "rules" in embed["description"] and "\u00b61" in embed["description"]
    assert "Server Rules" in embed["fields"][0]["name"]


async def test_a_rule_quoting_everyone_pings_no_one(harness: Harness) -> None:
    reply = await harness.say("!ask whats rule 2")
    assert_safe(reply)  # "@everyone" in the rule is shown, never a mention
    assert "No spam or mass mentions of" in reply.embeds[0]["description"]

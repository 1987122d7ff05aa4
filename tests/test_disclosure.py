"""What the bot sends never discloses its token, a traceback, or a path on the host.

Checked on everything the bot tried to post (refused posts included), for the failures
most likely to leak: a reload of a corpus folder that was deleted, an internal error
(Discord answering 503, which discord.py does not retry, in the middle of a command) and
a refusal that quotes the user's input back. No corpus or configuration condition was
found that fails inside a command without mocking citebot's own code: the loader turns
every bad folder or file into a named CorpusError and the engine answers or abstains on
every corpus it accepts, so the internal error comes from Discord instead.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import AsyncIterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import pytest_asyncio

from harness import ASK, MESSAGES_ROUTE, Harness, all_text, copy_seeds, open_harness
from helpers import REPO_ROOT

if TYPE_CHECKING:
    from discord_fixtures import SeededGuild


@pytest_asyncio.fixture
async def harness(fake_guild: SeededGuild, tmp_path: Path) -> AsyncIterator[Harness]:
    async with open_harness(fake_guild, copy_seeds(tmp_path / "corpus")) as h:
        yield h
        assert_nothing_disclosed(h, tmp_path)


def assert_nothing_disclosed(h: Harness, tmp_path: Path) -> None:
    secrets = [h.server.token, "Traceback", 'File "', str(h.corpus), str(tmp_path)]
    secrets += [str(REPO_ROOT), "/tmp/", "/work/", str(Path.home())]
    assert h.server.sent.items, "the bot sent nothing"
    for sent in h.server.sent.items:
        text = all_text(sent) + "\n" + str(sent.payload)
        leaked = [secret for secret in secrets if secret in text]
        assert not leaked, f"{leaked} in {sent!r}"


async def test_reloading_a_deleted_corpus_folder_is_refused_without_its_path(
    harness: Harness,
) -> None:
    shutil.rmtree(harness.corpus)

    reply = await harness.say("!reload", author=harness.guild.moderator)

    assert reply.content.startswith("Reload refused; still serving the corpus loaded")
    assert reply.content.endswith(
        "Problem: the corpus folder: corpus folder not found; check the path"
    )
    still = await harness.say(ASK)
    assert "cato-kim-congress" in still.embeds[0]["description"]


async def test_an_internal_error_is_one_sentence_and_its_traceback_goes_to_the_log(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    harness.server.fail(MESSAGES_ROUTE, status=400)  # a request of ours Discord refuses

    reply = await harness.say(ASK)

    assert reply.content == (
        "Something went wrong on my side; it has been logged. Please try again later."
    )
    failed = [r for r in caplog.records if r.getMessage() == "command ask failed"]
    assert len(failed) == 1 and failed[0].exc_info is not None
    assert harness.server.token not in caplog.text


async def test_a_refusal_quoting_an_overlong_article_reference_fits_in_one_message(
    harness: Harness,
) -> None:
    reference = "*" * 1_900  # escaped, the quoted reference alone is 3,800 characters

    reply = await harness.say(f"!summary {reference}")

    assert reply.content.startswith("No article matches '\\*\\*")
    assert len(reply.content) <= 2_000

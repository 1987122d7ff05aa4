"""A running playground over a copy of the seeds plus an article full of HTML, and a
headless Chromium (Debian's, driven by Playwright) to look at it.

The playground points discord.py at its own server, process-wide; the fixture puts
discord.py's previous addresses back afterwards, as ``discord_endpoints`` does.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from pathlib import Path

import discord.gateway
import discord.http
import pytest
import pytest_asyncio

from bench.chromium import find_chromium
from bot.config import CorpusSettings, DiscordSettings, Settings
from bot.service import CorpusService
from harness import copy_seeds
from playground.session import Playground, open_playground

CHROMIUM = find_chromium()
# CI sets this so that a missing Chromium fails the browser tests instead of skipping them.
REQUIRED = os.environ.get("PLAYGROUND_BROWSER_TESTS") == "required"
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None and not REQUIRED,
    reason="no Chromium found: install Debian's chromium (apt-get install chromium) "
    "or set $CHROMIUM to a Chromium binary",
)

HOSTILE_ARTICLE = (
    'Harbour notes <script>window.__pwned = "title"</script>\n\n'
    "The harbour master keeps a tide table beside the ferry ramp "
    '<img src=x onerror="window.__pwned = 1"> and updates it every morning at dawn.\n\n'
    "The ferry to the lighthouse island leaves the north pier twice a day.\n"
)

LINKED_ARTICLE = (
    "Lighthouse records\n\n"
    "The keeper's logbook of 1890 can be read online at https://lighthouse.example/logbook/1890 "
    "and at <https://archive.example/keeper>, free of charge.\n"
)
LOGBOOK_URL = "https://lighthouse.example/logbook/1890"


def playground_settings(corpus: Path) -> Settings:
    return Settings(
        corpus=CorpusSettings(directory=corpus),
        discord=DiscordSettings(cooldown_rate=50, cooldown_seconds=1.0),
    )


def corpus_with_hostile_article(folder: Path) -> Path:
    """The seeds, an article full of HTML, and one whose paragraph holds web addresses."""
    corpus = copy_seeds(folder / "corpus")
    (corpus / "900-harbour.txt").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    (corpus / "901-lighthouse.txt").write_text(LINKED_ARTICLE, encoding="utf-8")
    return corpus


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def playground(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Playground]:
    corpus = corpus_with_hostile_article(tmp_path_factory.mktemp("playground"))
    settings = playground_settings(corpus)
    saved = discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    try:
        async with open_playground(settings, CorpusService.open(settings), port=0) as running:
            yield running
    finally:
        discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = saved

"""Pytest fixtures for end-to-end bot tests (loaded by conftest.py).

``corpus``: a copy of the seed articles in a temporary folder, which a test may change.
``harness``: the real bot serving that folder, connected to ``fake_guild``.
A test module may override either with a fixture of the same name.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import pytest_asyncio

from harness import Harness, copy_seeds, open_harness

if TYPE_CHECKING:
    from discord_fixtures import SeededGuild


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return copy_seeds(tmp_path / "corpus")


@pytest_asyncio.fixture
async def harness(fake_guild: SeededGuild, corpus: Path) -> AsyncIterator[Harness]:
    async with open_harness(fake_guild, corpus) as running_bot:
        yield running_bot

"""The engine over the shipped articles that the suite's engine tests ask questions of. A plugin
of the suite (``conftest.pytest_plugins``): one engine per module, as each module's own was; a
module that wants another engine defines its own ``engine``."""

from __future__ import annotations

import pytest

from helpers import SEEDS_DIR
from retrieval import Engine, load_corpus


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(load_corpus(SEEDS_DIR))

"""Waits before connecting again: 1 s, then 2, 4, … up to a minute, from 1 s again once in.

discord.py reconnects a shard itself when its connection fails in a way it does not resume
(the gateway unreachable, a socket error), waiting its ``ExponentialBackoff``: a random time
up to 2, 4, 8, … 1,024 s, started over only after 34 minutes without a failure. After a few
gateway restarts in a row a bot could stay away 17 minutes. Each shard's backoff is replaced
by ``ReconnectBackoff`` when the shard first gets in, and reset each time it gets in again
(READY or RESUMED), so a wait is never over a minute and a healthy connection starts over.
``bot.runner`` waits by the same schedule between whole clients.
"""

from __future__ import annotations

from typing import Literal

import discord
from discord.backoff import ExponentialBackoff

FIRST_WAIT, LAST_WAIT = 1.0, 60.0  # seconds


class ReconnectBackoff(ExponentialBackoff[Literal[False]]):
    """``delay()`` gives 1, 2, 4, … seconds, at most ``LAST_WAIT``; ``reset()`` starts over."""

    def __init__(self) -> None:
        super().__init__()
        self.failures = 0

    def delay(self) -> float:
        wait = min(FIRST_WAIT * float(1 << min(self.failures, 16)), LAST_WAIT)
        self.failures += 1
        return wait

    def reset(self) -> None:
        self.failures = 0


def connected(bot: discord.AutoShardedClient, shard_id: int) -> None:
    """Shard ``shard_id`` got in: its next failure waits ``FIRST_WAIT`` again.

    discord.py keeps a shard's backoff in ``Shard._backoff``, reached from the public
    ``ShardInfo`` through ``_parent``; neither is public API, so a discord.py that renames
    them leaves its own backoff in place (and ``tests/test_faults.py`` fails).
    """
    shard = getattr(bot.get_shard(shard_id), "_parent", None)
    backoff = getattr(shard, "_backoff", None)
    if isinstance(backoff, ReconnectBackoff):
        backoff.reset()
    elif isinstance(backoff, ExponentialBackoff):
        shard._backoff = ReconnectBackoff()  # type: ignore[union-attr]

"""Running a real discord.py client against the fake server, with cleanup guaranteed."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import TypeVar

import discord

ClientT = TypeVar("ClientT", bound=discord.Client)


async def _no_identify_delay(shard_id: int | None, *, initial: bool = False) -> None:
    return None


def skip_identify_delay(client: discord.Client) -> None:
    """Drop discord.py's default 5 s sleep before every re-IDENTIFY (its public hook).

    Real Discord limits IDENTIFY rates; the fake server does not, and tests should be quick.
    """
    client.before_identify_hook = _no_identify_delay  # type: ignore[method-assign]


@contextlib.asynccontextmanager
async def running(client: ClientT, token: str, *, timeout: float = 10.0) -> AsyncIterator[ClientT]:
    """Log in, connect, wait for ``on_ready``; close the client on exit, even on failure.

    Raises what the client raised if it stopped before becoming ready (e.g. LoginFailure).
    """
    task: asyncio.Task[None] | None = None
    try:
        await client.login(token)
        task = asyncio.create_task(client.connect(reconnect=True))
        ready = asyncio.create_task(client.wait_until_ready())
        done, _ = await asyncio.wait(
            {task, ready}, timeout=timeout, return_when=asyncio.FIRST_COMPLETED
        )
        if ready not in done:
            ready.cancel()
            if task in done:
                task.result()
            raise TimeoutError(f"the client was not ready within {timeout}s")
        yield client
        if task.done():
            task.result()  # surface a crash of the client's connection loop
    finally:
        await client.close()
        if task is not None:
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.wait_for(task, timeout=5.0)

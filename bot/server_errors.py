"""Discord's 5xx answers to a reply are retried by citebot, not inside discord.py.

discord.py retries a request answered with 500, 502, 504 or 524 five times, sleeping 1, 3, 5,
7 and 9 s, all the while holding the rate-limit bucket of the route (for a reply, the
channel's): every other reply in that channel waits the whole 25 s behind the failing one.
While ``raised()`` is active, an aiohttp trace hook (installed in the client's HTTP session)
turns a 5xx answer into ``ServerFailed`` instead; discord.py does not retry that, leaves the
bucket, and the caller (``Context.answer``) waits and tries again outside it.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterator
from contextvars import ContextVar
from types import SimpleNamespace
from typing import Any

import aiohttp

# The task inside ``raised()``; tasks it starts (a view's timeout, say) copy the variable
# but are other tasks, so their requests keep discord.py's own handling.
_raising: ContextVar[asyncio.Task[Any] | None] = ContextVar(
    "citebot_server_errors_raised", default=None
)


class ServerFailed(Exception):
    """Discord answered with a 5xx (not an OSError, so discord.py does not retry it)."""

    def __init__(self, status: int) -> None:
        super().__init__(f"Discord answered HTTP {status}")
        self.status = status


@contextlib.contextmanager
def raised() -> Iterator[None]:
    """Within this block (and the task running it), a 5xx answer raises ServerFailed."""
    token = _raising.set(asyncio.current_task())
    try:
        yield
    finally:
        _raising.reset(token)


async def _on_request_end(
    session: aiohttp.ClientSession,
    context: SimpleNamespace,
    params: aiohttp.TraceRequestEndParams,
) -> None:
    status = params.response.status
    raising = _raising.get()
    if status >= 500 and raising is not None and raising is asyncio.current_task():
        raise ServerFailed(status)  # aiohttp closes the response on the way out


def trace() -> aiohttp.TraceConfig:
    """The trace to hand discord.py's client as ``http_trace``."""
    config = aiohttp.TraceConfig()
    config.on_request_end.append(_on_request_end)
    return config

"""Scripted REST failures: 429s, 5xx answers and slow responses for chosen routes.

Routes are named the way discord.py keys them (``"POST /channels/{channel_id}/messages"``),
so a test reads like the request it disturbs.
"""

from __future__ import annotations

import asyncio
import math
from dataclasses import dataclass

from aiohttp import web

from .responses import json_response


@dataclass
class Fault:
    kind: str  # "rate_limit", "status", "delay" or "garble"
    remaining: int
    retry_after: float = 0.0
    is_global: bool = False
    status: int = 500
    seconds: float = 0.0


class Faults:
    """Per-route queues of faults; each matching request consumes one use."""

    def __init__(self) -> None:
        self._by_route: dict[str, list[Fault]] = {}

    def add(self, route: str, fault: Fault) -> None:
        method, _, path = route.partition(" ")
        if not path.startswith("/"):
            raise ValueError(
                f"route must look like 'POST /channels/{{channel_id}}/messages': {route!r}"
            )
        self._by_route.setdefault(f"{method.upper()} {path}", []).append(fault)

    def take(self, route: str) -> Fault | None:
        queue = self._by_route.get(route)
        if not queue:
            return None
        fault = queue[0]
        fault.remaining -= 1
        if fault.remaining <= 0:
            queue.pop(0)
        return fault

    def clear(self) -> None:
        self._by_route.clear()


def rate_limited(fault: Fault) -> web.Response:
    """A 429 as Discord sends it; ``Via`` marks it as Discord's, not a Cloudflare ban."""
    scope = "global" if fault.is_global else "user"
    headers = {
        "Retry-After": str(max(1, math.ceil(fault.retry_after))),
        "Via": "1.1 google",
        "X-RateLimit-Scope": scope,
    }
    if fault.is_global:
        headers["X-RateLimit-Global"] = "true"
    body = {
        "message": "You are being rate limited.",
        "retry_after": fault.retry_after,
        "global": fault.is_global,
        "code": 0,
    }
    return json_response(body, 429, headers)


def failed(fault: Fault) -> web.Response:
    return json_response({"message": f"{fault.status}: Server Error", "code": 0}, fault.status)


# What a "garble" fault answers instead of the real body: JSON no Discord object has the
# shape of, as a third-party server whose payloads discord.py cannot read might send.
GARBLED: dict[str, object] = {"garbled": True}


async def apply(fault: Fault) -> web.Response | None:
    """The canned response, or ``None`` (after a delay, or for a request to garble) so the
    real handler answers."""
    if fault.kind == "rate_limit":
        return rate_limited(fault)
    if fault.kind == "status":
        return failed(fault)
    if fault.kind == "delay":
        await asyncio.sleep(fault.seconds)
    return None


def garbled(fault: Fault | None, response: web.StreamResponse) -> web.StreamResponse:
    """The handler's ``response``, or for a "garble" fault, its status with a body the bot
    cannot read: the request took effect, only the answer is unreadable."""
    if fault is None or fault.kind != "garble" or not 200 <= response.status < 300:
        return response
    return json_response(GARBLED, 200)

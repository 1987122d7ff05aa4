"""Faults a test scripts: 429s, failing, garbled or slow routes, and gateway misbehaviour."""

from __future__ import annotations

from aiohttp import web

from .backend import API_PREFIX
from .faults import Fault, Faults
from .gateway import Gateway
from .models import JsonDict


class Scripting:
    """``FakeDiscord``'s scripted faults (a mixin; routes are checked against the served ones)."""

    faults: Faults
    gateway: Gateway
    _runner: web.AppRunner | None

    def _served(self, route: str) -> str:
        """Refuse fault routes the server does not serve (a typo would never match)."""
        method, _, path = route.partition(" ")
        key = f"{method.upper()} {path}"
        if self._runner is None:
            return key
        served = {
            f"{r.method} {r.resource.canonical.removeprefix(API_PREFIX)}"
            for r in self._runner.app.router.routes()
            if r.resource is not None
        }
        if key not in served:
            close = sorted(s for s in served if s.startswith(method.upper() + " "))
            raise ValueError(f"{key!r} is not a served route; {method.upper()} routes: {close}")
        return key

    def rate_limit(
        self, route: str, *, times: int = 1, retry_after: float = 0.2, is_global: bool = False
    ) -> None:
        """Answer the next ``times`` requests to ``route`` with a 429 (``Retry-After``, ``Via``)."""
        fault = Fault("rate_limit", times, retry_after=retry_after, is_global=is_global)
        self.faults.add(self._served(route), fault)

    def fail(self, route: str, *, status: int = 500, times: int = 1) -> None:
        """Answer the next ``times`` requests to ``route`` with ``status`` (5xx are retried)."""
        self.faults.add(self._served(route), Fault("status", times, status=status))

    def garble(self, route: str, *, times: int = 1) -> None:
        """Carry out the next ``times`` requests to ``route`` but answer each with a body the
        bot cannot parse (``faults.GARBLED``), as a server with other payload shapes might."""
        self.faults.add(self._served(route), Fault("garble", times))

    def delay(self, route: str, seconds: float, *, times: int = 1) -> None:
        """Hold the next ``times`` requests to ``route`` for ``seconds`` before answering."""
        self.faults.add(self._served(route), Fault("delay", times, seconds=seconds))

    def refuse_gateway(self, times: int = 1) -> None:
        """Answer the next ``times`` gateway connections with HTTP 503, as a gateway that is
        down (restarting, say) does; REST keeps answering."""
        self.gateway.refusals += times

    def patch_next_ready(
        self, ready: JsonDict | None = None, *, guild_create: JsonDict | None = None
    ) -> None:
        """Replace these fields of the next IDENTIFY's READY (and each GUILD_CREATE after
        it), as a third-party server with other payload shapes might send them."""
        self.gateway.ready_patch = dict(ready or {})
        self.gateway.guild_create_patch = dict(guild_create or {})

    async def close_gateway(self, code: int = 4000, reason: str = "") -> int:
        """Close the bot's gateway connections (1006: drop TCP without a close frame)."""
        return await self.gateway.close(code, reason)

    async def invalidate_session(self, *, resumable: bool = False) -> int:
        """Send op 9; with ``resumable=False`` the bot must IDENTIFY again."""
        return await self.gateway.invalidate(resumable=resumable)

    async def request_reconnect(self) -> int:
        """Send op 7 RECONNECT; the bot should RESUME."""
        return await self.gateway.request_reconnect()

    @property
    def ack_heartbeats(self) -> bool:
        return self.gateway.ack_heartbeats

    @ack_heartbeats.setter
    def ack_heartbeats(self, value: bool) -> None:
        """Set False to simulate a zombied connection (heartbeats go unanswered)."""
        self.gateway.ack_heartbeats = value

"""What a test reads of the bot's doings: what it sent, requested and did on the gateway,
and waits for the next of each."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .acting import PostedMessage
from .commands import CommandStore
from .interactions import Invocation
from .journal import GatewayEvent, Journal, Records, RequestRecord, Sent, Typing
from .models import Guild, JsonDict


class Observing:
    """``FakeDiscord``'s journals and waits (a mixin over the server's records)."""

    records: Records
    commands: CommandStore

    @property
    def sent(self) -> Journal[Sent]:
        """Everything the bot posted, edited, deleted or answered, refused ones included."""
        return self.records.sent

    @property
    def typing(self) -> Journal[Typing]:
        return self.records.typing

    @property
    def requests(self) -> Journal[RequestRecord]:
        return self.records.requests

    @property
    def gateway_events(self) -> Journal[GatewayEvent]:
        return self.records.gateway

    @property
    def unknown_routes(self) -> list[str]:
        """Requests to routes this server does not implement, e.g. ``['PUT /foo']``."""
        return [f"{r.method} {r.path}" for r in self.records.requests.items if r.unknown]

    def synced_commands(self, guild: Guild | None = None) -> list[JsonDict]:
        """The commands registered globally, or for ``guild``."""
        return self.commands.in_scope(guild.id if guild else None)

    async def wait_for(
        self, predicate: Callable[[Sent], bool], *, since: int = 0, timeout: float = 5.0
    ) -> Sent:
        return await self._explained(
            self.records.sent.wait_for(predicate, since=since, timeout=timeout)
        )

    async def wait_for_reply(
        self, trigger: PostedMessage | Invocation, *, timeout: float = 5.0
    ) -> Sent:
        """The first delivered answer after ``trigger``: a message in its channel, or the
        interaction's response/followup/edit/update (a bare defer or a deletion is skipped)."""
        return await self.wait_for(self._answers(trigger), since=trigger.mark, timeout=timeout)

    def replies(self, trigger: PostedMessage | Invocation) -> list[Sent]:
        matches = self._answers(trigger)
        return [s for s in self.records.sent.items[trigger.mark :] if matches(s)]

    @staticmethod
    def _answers(trigger: PostedMessage | Invocation) -> Callable[[Sent], bool]:
        if isinstance(trigger, PostedMessage):
            return lambda s: (
                s.delivered and s.kind == "message" and s.channel_id == trigger.channel_id
            )
        return lambda s: (
            s.delivered
            and s.interaction_id == trigger.id
            and s.kind not in ("deferred", "deferred_update", "delete")
        )

    async def wait_for_request(
        self, route: str, *, since: int = 0, timeout: float = 5.0
    ) -> RequestRecord:
        """The next request to ``route``, e.g. ``"POST /channels/{channel_id}/messages"``."""
        return await self.records.requests.wait_for(
            lambda r: r.route == route, since=since, timeout=timeout
        )

    async def wait_for_gateway(
        self, kind: str, *, since: int = 0, timeout: float = 5.0
    ) -> GatewayEvent:
        """E.g. ``"ready"``, ``"resumed"``, ``"invalid_session"``, ``"closed"``."""
        return await self.records.gateway.wait_for(
            lambda e: e.kind == kind, since=since, timeout=timeout
        )

    async def _explained(self, waiting: Any) -> Sent:
        try:
            result: Sent = await waiting
        except TimeoutError as error:
            extra = f"\nunknown routes used: {self.unknown_routes}" if self.unknown_routes else ""
            raise TimeoutError(f"{error}{extra}") from None
        return result

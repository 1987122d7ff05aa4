"""What happens in the playground's channels (one a server), as events for the page: messages
created, edited and deleted (in Discord's own message shape), and the bot typing.

The server's journals are the source: every bot action is recorded there, and user
posts are reported by the page's actions, so the page sees exactly what Discord stored.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterator, Mapping
from typing import Any

from fakediscord import FakeDiscord, Sent, Typing

from .guild import PlaygroundGuild

Event = dict[str, Any]

CREATED = frozenset({"message", "interaction_response", "deferred", "followup"})
EDITED = frozenset({"edit", "edit_original", "update_message"})
QUEUE_LIMIT = 1000  # a page that stops reading is dropped rather than held in memory


class Feed:
    """Fans the channels' events out to every open page, which shows one channel at a time."""

    def __init__(self, server: FakeDiscord, place: PlaygroundGuild) -> None:
        self.server = server
        self.place = place
        self._pages: set[asyncio.Queue[Event | None]] = set()
        self._stops = [server.sent.listen(self._on_sent), server.typing.listen(self._on_typing)]

    def close(self) -> None:
        for stop in self._stops:
            stop()
        for queue in list(self._pages):
            self._offer(queue, None)

    def history(self) -> list[Event]:
        """The channels as they stand, oldest first, for a page that just connected."""
        stored = self.server.world.messages
        return [
            {"type": "create", "message": stored[key]}
            for key in sorted(stored)
            if self._ours(int(stored[key]["channel_id"]))
        ]

    def _ours(self, channel_id: int | None) -> bool:
        return channel_id is not None and self.place.channel_of(channel_id) is not None

    def thread(self, thread: Mapping[str, Any]) -> None:
        """A thread started on the page (from a message, or a forum post)."""
        self._publish({"type": "thread", "channel": dict(thread)})

    @contextlib.contextmanager
    def subscribe(self) -> Iterator[asyncio.Queue[Event | None]]:
        """A queue of later events; ``None`` means the playground is closing."""
        queue: asyncio.Queue[Event | None] = asyncio.Queue(QUEUE_LIMIT)
        self._pages.add(queue)
        try:
            yield queue
        finally:
            self._pages.discard(queue)

    def posted(self, message: Mapping[str, Any]) -> None:
        """A user's message, posted by the page."""
        self._publish({"type": "create", "message": dict(message)})

    def _on_sent(self, sent: Sent) -> None:
        if not sent.delivered or sent.message is None or not self._ours(sent.channel_id):
            return
        if sent.kind in CREATED:
            self._publish({"type": "create", "message": dict(sent.message)})
        elif sent.kind in EDITED:
            self._publish({"type": "update", "message": dict(sent.message)})
        elif sent.kind == "delete":
            self._publish({"type": "delete", "id": sent.message["id"]})

    def _on_typing(self, typing: Typing) -> None:
        if self._ours(typing.channel_id):
            self._publish(
                {
                    "type": "typing",
                    "user_id": str(self.server.bot_user.id),
                    "channel_id": str(typing.channel_id),
                }
            )

    def _publish(self, event: Event) -> None:
        for queue in list(self._pages):
            self._offer(queue, event)

    def _offer(self, queue: asyncio.Queue[Event | None], event: Event | None) -> None:
        try:
            queue.put_nowait(event)
        except asyncio.QueueFull:
            self._pages.discard(queue)

"""What the fake server observed, in order, with race-free waiting.

Each journal keeps every record; ``wait_for`` first scans the records from ``since``
on and then waits for new ones, so a reply that arrives before the test starts
waiting is still found.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from .models import EPHEMERAL, JsonDict

T = TypeVar("T")


class Journal(Generic[T]):
    """An append-only list whose items can be awaited by predicate."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._items: list[T] = []
        self._waiters: list[tuple[Callable[[T], bool], asyncio.Future[T]]] = []
        self._listeners: list[Callable[[T], None]] = []

    def __len__(self) -> int:
        return len(self._items)

    @property
    def items(self) -> Sequence[T]:
        return tuple(self._items)

    def mark(self) -> int:
        """An index to pass as ``since`` so only later records match."""
        return len(self._items)

    def listen(self, listener: Callable[[T], None]) -> Callable[[], None]:
        """Call ``listener`` with every later record (e.g. to show them live); returns an
        unsubscribe function. Listeners run inside ``append``, so they must not block."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def append(self, item: T) -> None:
        self._items.append(item)
        for listener in list(self._listeners):
            listener(item)
        for predicate, future in list(self._waiters):
            if future.done():
                continue
            try:
                if predicate(item):
                    future.set_result(item)
            except Exception as error:
                future.set_exception(error)

    async def wait_for(
        self, predicate: Callable[[T], bool], *, since: int = 0, timeout: float = 5.0
    ) -> T:
        for item in self._items[since:]:
            if predicate(item):
                return item
        future: asyncio.Future[T] = asyncio.get_running_loop().create_future()
        waiter = (predicate, future)
        self._waiters.append(waiter)
        try:
            return await asyncio.wait_for(future, timeout)
        except TimeoutError:
            recent = "\n  ".join(repr(item) for item in self._items[since:][-10:]) or "(nothing)"
            raise TimeoutError(
                f"no {self.name} record matched within {timeout}s; since #{since}:\n  {recent}"
            ) from None
        finally:
            self._waiters.remove(waiter)


@dataclass(frozen=True)
class Sent:
    """Something the bot did that users could see (or that Discord refused).

    ``kind`` is one of: message, edit, delete, interaction_response, deferred,
    autocomplete, modal, followup, edit_original, and for a component's interaction
    update_message (the message it is on, edited) and deferred_update. ``payload`` is
    the message body the bot sent (``data`` of an interaction callback), ``message``
    what Discord stored and showed (e.g. embeds removed without Embed Links),
    ``status`` the HTTP status returned to the bot.
    """

    kind: str
    route: str
    status: int
    payload: Mapping[str, Any]
    message: Mapping[str, Any] | None = None
    channel_id: int | None = None
    interaction_id: int | None = None
    files: tuple[tuple[str, bytes], ...] = ()
    error: Mapping[str, Any] | None = None

    @property
    def delivered(self) -> bool:
        return 200 <= self.status < 300

    @property
    def content(self) -> str:
        source = self.message if self.message is not None else self.payload
        return str(source.get("content") or "")

    @property
    def embeds(self) -> list[JsonDict]:
        source = self.message if self.message is not None else self.payload
        return list(source.get("embeds") or [])

    @property
    def components(self) -> list[JsonDict]:
        """The message's action rows and what they hold (buttons, select menus)."""
        source = self.message if self.message is not None else self.payload
        return list(source.get("components") or [])

    @property
    def allowed_mentions(self) -> JsonDict | None:
        value = self.payload.get("allowed_mentions")
        return dict(value) if value is not None else None

    @property
    def message_reference(self) -> JsonDict | None:
        value = self.payload.get("message_reference")
        return dict(value) if value is not None else None

    @property
    def flags(self) -> int:
        source = self.message if self.message is not None else self.payload
        return int(source.get("flags") or 0)

    @property
    def ephemeral(self) -> bool:
        return bool(self.flags & EPHEMERAL)

    @property
    def mentioned_user_ids(self) -> list[int]:
        """Users this message actually pinged (after ``allowed_mentions``)."""
        return [int(m["id"]) for m in (self.message or {}).get("mentions", [])]

    @property
    def choices(self) -> list[JsonDict]:
        return list(self.payload.get("choices") or [])

    def __repr__(self) -> str:
        text = self.content if len(self.content) < 60 else self.content[:57] + "..."
        return (
            f"Sent({self.kind}, {self.route!r}, status={self.status}, "
            f"channel={self.channel_id}, content={text!r}, embeds={len(self.embeds)})"
        )


@dataclass(frozen=True)
class Typing:
    channel_id: int
    at: float


@dataclass(frozen=True)
class RequestRecord:
    """One REST request; ``route`` is keyed like discord.py: ``POST /channels/{channel_id}``."""

    method: str
    path: str
    route: str
    status: int
    unknown: bool = False


@dataclass(frozen=True)
class GatewayEvent:
    """connect, identify, ready, resume, resumed, invalid_session, closed, request_members."""

    kind: str
    session_id: str | None = None
    detail: Mapping[str, Any] = field(default_factory=dict)


@dataclass
class Records:
    sent: Journal[Sent] = field(default_factory=lambda: Journal[Sent]("sent"))
    typing: Journal[Typing] = field(default_factory=lambda: Journal[Typing]("typing"))
    requests: Journal[RequestRecord] = field(
        default_factory=lambda: Journal[RequestRecord]("request")
    )
    gateway: Journal[GatewayEvent] = field(default_factory=lambda: Journal[GatewayEvent]("gateway"))

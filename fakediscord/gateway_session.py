"""A gateway connection (one websocket, its zlib stream) and a session (which outlives
reconnects and keeps every dispatch for replay); the opcodes and intents they speak."""

from __future__ import annotations

import asyncio
import json
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from .models import JsonDict

GUILD_MEMBERS = 1 << 1
GUILD_PRESENCES = 1 << 8
GUILD_MESSAGES = 1 << 9
DIRECT_MESSAGES = 1 << 12
MESSAGE_CONTENT = 1 << 15
PRIVILEGED = GUILD_MEMBERS | GUILD_PRESENCES | MESSAGE_CONTENT

DISPATCH, HEARTBEAT, IDENTIFY, PRESENCE, VOICE_STATE, RESUME = 0, 1, 2, 3, 4, 6
RECONNECT, REQUEST_MEMBERS, INVALID_SESSION, HELLO, HEARTBEAT_ACK = 7, 8, 9, 10, 11
ABNORMAL_CLOSE = 1006  # never sent on the wire: the TCP connection is dropped instead


def _zlib_stream() -> Callable[[bytes], bytes]:
    """One compressor per connection; each message ends with a Z_SYNC_FLUSH (00 00 ff ff)."""
    context = zlib.compressobj()
    return lambda data: context.compress(data) + context.flush(zlib.Z_SYNC_FLUSH)


class Connection:
    """One websocket; sends are serialised because the zlib stream is shared."""

    def __init__(self, ws: web.WebSocketResponse, request: web.Request) -> None:
        self.ws = ws
        self.transport = request.transport
        self.path = request.path
        # Only zlib-stream is implemented; plain text frames are valid for any client.
        wanted = request.query.get("compress")
        self._compress = _zlib_stream() if wanted == "zlib-stream" else None
        self._lock = asyncio.Lock()
        self.session: Session | None = None
        self.closed_by_server = False

    async def send(self, payload: JsonDict) -> None:
        text = json.dumps(payload, separators=(",", ":"))
        async with self._lock:
            if self.ws.closed:
                return
            try:
                if self._compress is not None:
                    await self.ws.send_bytes(self._compress(text.encode()))
                else:
                    await self.ws.send_str(text)
            except (ConnectionError, RuntimeError):
                pass  # dropped; a resumable session keeps the dispatch for replay

    async def close(self, code: int, reason: str = "") -> None:
        self.closed_by_server = True
        if code == ABNORMAL_CLOSE:
            if self.transport is not None:
                self.transport.abort()
            return
        await self.ws.close(code=code, message=reason.encode())


@dataclass(eq=False)
class Session:
    """A gateway session: survives reconnects until invalidated; keeps every dispatch."""

    id: str
    intents: int
    shard: tuple[int, int] | None
    large_threshold: int
    seq: int = 0
    backlog: list[JsonDict] = field(default_factory=list)
    conn: Connection | None = None
    valid: bool = True
    ready: bool = False
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    def covers(self, guild_id: int | None) -> bool:
        if guild_id is None or self.shard is None:
            return True
        return (guild_id >> 22) % self.shard[1] == self.shard[0]

    async def dispatch(self, event: str, data: Any) -> None:
        async with self.lock:
            await self.emit_locked(event, data)

    async def emit_locked(self, event: str, data: Any) -> None:
        self.seq += 1
        frame = {"op": DISPATCH, "t": event, "s": self.seq, "d": data}
        self.backlog.append(frame)
        if self.conn is not None:
            await self.conn.send(frame)

"""The gateway websocket: HELLO, IDENTIFY -> READY + GUILD_CREATE, heartbeats, RESUME
with replay of missed dispatches, member chunks, and faults tests can trigger.

Dispatches are filtered by the session's intents as Discord does (no MESSAGE_CREATE
without Guild Messages; empty content without Message Content unless the bot wrote
or is mentioned in the message), so intent mistakes show up in tests.
"""

from __future__ import annotations

import json
import secrets
from typing import Any

from aiohttp import WSMsgType, web

from . import gateway_ready, messages, payloads
from .gateway_session import (
    DIRECT_MESSAGES,
    GUILD_MESSAGES,
    HEARTBEAT,
    HEARTBEAT_ACK,
    HELLO,
    IDENTIFY,
    INVALID_SESSION,
    PRESENCE,
    PRIVILEGED,
    RECONNECT,
    REQUEST_MEMBERS,
    RESUME,
    VOICE_STATE,
    Connection,
    Session,
)
from .journal import GatewayEvent, Records
from .models import Config, JsonDict, World


class Gateway:
    def __init__(self, world: World, config: Config, records: Records) -> None:
        self.world = world
        self.config = config
        self.records = records
        self.sessions: dict[str, Session] = {}
        self.connections: set[Connection] = set()
        self.ack_heartbeats = True
        self.heartbeats = 0
        self.refusals = 0  # the next connections to answer with HTTP 503 instead of a socket
        # Fields replaced in the next IDENTIFY's READY and GUILD_CREATE, then forgotten.
        self.ready_patch: JsonDict = {}
        self.guild_create_patch: JsonDict = {}

    def _log(self, kind: str, session: Session | None = None, **detail: Any) -> None:
        self.records.gateway.append(GatewayEvent(kind, session.id if session else None, detail))

    async def handle(self, request: web.Request) -> web.StreamResponse:
        if self.refusals > 0:  # as a gateway that is down behind its load balancer answers
            self.refusals -= 1
            self._log("refused", path=request.path)
            return web.Response(status=503, text="503 Service Unavailable")
        ws = web.WebSocketResponse(autoping=True, timeout=2.0)
        await ws.prepare(request)
        conn = Connection(ws, request)
        self._log("connect", path=conn.path, query=dict(request.query))
        if request.query.get("v") != "10":
            await conn.close(4012, "Invalid API version")
            return ws
        if request.query.get("encoding", "json") != "json":
            await conn.close(4002, "Error while decoding payload.")
            return ws
        self.connections.add(conn)
        interval = int(self.config.heartbeat_interval * 1000)
        await conn.send({"op": HELLO, "d": {"heartbeat_interval": interval}, "s": None, "t": None})
        try:
            async for msg in ws:
                if msg.type is not WSMsgType.TEXT:
                    await conn.close(4002, "Error while decoding payload.")
                    break
                try:
                    payload = json.loads(msg.data)
                except ValueError:
                    await conn.close(4002, "Error while decoding payload.")
                    break
                await self._on_payload(conn, payload)
        finally:
            self._detach(conn)
        return ws

    def _detach(self, conn: Connection) -> None:
        self.connections.discard(conn)
        session = conn.session
        code = conn.ws.close_code
        if session is not None and session.conn is conn:
            session.conn = None
            if code in (1000, 1001) and not conn.closed_by_server:
                session.valid = False  # a clean client close ends the session, as on Discord
        self._log("closed", session, code=code, by_server=conn.closed_by_server)

    async def _on_payload(self, conn: Connection, payload: JsonDict) -> None:
        op, data = payload.get("op"), payload.get("d")
        if op == HEARTBEAT:
            self.heartbeats += 1
            if self.ack_heartbeats:
                await conn.send({"op": HEARTBEAT_ACK, "d": None, "s": None, "t": None})
        elif op == IDENTIFY:
            await self._identify(conn, data or {})
        elif op == RESUME:
            await self._resume(conn, data or {})
        elif conn.session is None:
            await conn.close(4003, "Not authenticated.")
        elif op == REQUEST_MEMBERS:
            await self._request_members(conn.session, data or {})
        elif op not in (PRESENCE, VOICE_STATE):
            await conn.close(4001, "Unknown opcode.")

    async def _identify(self, conn: Connection, data: JsonDict) -> None:
        if conn.session is not None:
            return await conn.close(4005, "Already authenticated.")
        if data.get("token") != self.config.token:
            return await conn.close(4004, "Authentication failed.")
        intents = data.get("intents")
        if not isinstance(intents, int):
            return await conn.close(4013, "Invalid intent(s).")
        if intents & PRIVILEGED and not self.config.privileged_intents:
            return await conn.close(4014, "Disallowed intent(s).")
        shard = data.get("shard")
        if shard is not None and not 0 <= shard[0] < shard[1]:
            return await conn.close(4010, "Invalid shard.")
        session = Session(
            id=secrets.token_hex(16),
            intents=intents,
            shard=(int(shard[0]), int(shard[1])) if shard else None,
            large_threshold=int(data.get("large_threshold", 50)),
        )
        self.sessions[session.id] = session
        self._log("identify", session, intents=intents, shard=shard, path=conn.path)
        async with session.lock:
            session.conn, conn.session = conn, session
            guilds = [g for g in self.world.bot_guilds() if session.covers(g.id)]
            ready = gateway_ready.ready(self.world, self.config, session, guilds)
            ready, self.ready_patch = ready | self.ready_patch, {}
            await session.emit_locked("READY", ready)
            patch, self.guild_create_patch = self.guild_create_patch, {}
            for guild in guilds:
                members = gateway_ready.initial_members(self.world, guild, session)
                body = payloads.guild_create(
                    guild, members, large_threshold=session.large_threshold
                )
                await session.emit_locked("GUILD_CREATE", body | patch)
            session.ready = True
        self._log("ready", session)

    async def _resume(self, conn: Connection, data: JsonDict) -> None:
        session = self.sessions.get(str(data.get("session_id")))
        if data.get("token") != self.config.token:
            return await conn.close(4004, "Authentication failed.")
        seq = data.get("seq")
        if session is None or not session.valid or not isinstance(seq, int) or seq > session.seq:
            self._log("invalid_session", session, resumable=False, reason="cannot resume")
            return await conn.send({"op": INVALID_SESSION, "d": False, "s": None, "t": None})
        async with session.lock:
            previous = session.conn
            session.conn, conn.session = conn, session
            missed = [frame for frame in session.backlog if frame["s"] > seq]
            for frame in missed:
                await conn.send(frame)
            await session.emit_locked("RESUMED", {"_trace": ["fakediscord"]})
        self._log("resume", session, seq=seq, replayed=len(missed), path=conn.path)
        if previous is not None and previous is not conn:
            await previous.close(4000, "Session resumed elsewhere.")
        self._log("resumed", session)

    async def _request_members(self, session: Session, data: JsonDict) -> None:
        guild = self.world.guilds.get(int(data.get("guild_id", 0)))
        if guild is None:
            return
        self._log("request_members", session, **data)
        await session.dispatch("GUILD_MEMBERS_CHUNK", gateway_ready.member_chunk(guild, data))

    # --- dispatches -----------------------------------------------------------------

    def live_sessions(self, guild_id: int | None = None) -> list[Session]:
        """Sessions that receive events now or on RESUME (identified, not invalidated)."""
        return [s for s in self.sessions.values() if s.valid and s.ready and s.covers(guild_id)]

    async def dispatch(
        self, event: str, data: JsonDict, *, guild_id: int | None = None, intent: int = 0
    ) -> None:
        """Send to every live session covering ``guild_id`` that has ``intent`` (if given)."""
        for session in self.live_sessions(guild_id):
            if not intent or session.intents & intent:
                await session.dispatch(event, data)

    async def dispatch_message(self, event: str, message: JsonDict) -> None:
        data = messages.gateway_form(self.world, message)
        if "guild_id" in data:
            sessions, intent = self.live_sessions(int(data["guild_id"])), GUILD_MESSAGES
        else:  # a DM: only shard 0 receives it, as on Discord
            sessions = [s for s in self.live_sessions() if s.shard is None or s.shard[0] == 0]
            intent = DIRECT_MESSAGES
        for session in sessions:
            if session.intents & intent:
                await session.dispatch(event, gateway_ready.visible_to(self.world, session, data))

    # --- faults ---------------------------------------------------------------------

    def _identified(self) -> list[Connection]:
        return [conn for conn in self.connections if conn.session is not None]

    async def close(self, code: int = 4000, reason: str = "") -> int:
        """Close every identified connection with ``code`` (1006: drop the TCP connection)."""
        targets = self._identified()
        for conn in targets:
            await conn.close(code, reason)
        return len(targets)

    async def invalidate(self, *, resumable: bool = False) -> int:
        """Send op 9; unless ``resumable``, the session can no longer be resumed."""
        targets = self._identified()
        for conn in targets:
            if conn.session is not None and not resumable:
                conn.session.valid = False
            self._log("invalid_session", conn.session, resumable=resumable, reason="requested")
            await conn.send({"op": INVALID_SESSION, "d": resumable, "s": None, "t": None})
        return len(targets)

    async def request_reconnect(self) -> int:
        """Send op 7, asking the client to reconnect and resume."""
        targets = self._identified()
        for conn in targets:
            await conn.send({"op": RECONNECT, "d": None, "s": None, "t": None})
        return len(targets)

    async def shutdown(self) -> None:
        for conn in list(self.connections):
            await conn.close(1001, "Server shutting down.")

"""The soak's load: its options, the guild it runs in, what the run observed, and the users
and moderator who send commands (``Load``); the faults run beside them and use the same
``send`` and ``reached``.

Each user sends its share of ``!ask`` commands one at a time (waiting for each reply) and
presses a button under every third answer; the moderator's ``!reload``s are spread evenly
over the run, each after switching the corpus to the other version.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import time
from collections import Counter
from collections.abc import AsyncIterator, Callable, Coroutine
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.soak_corpus import QUESTIONS, switch_version
from fakediscord import Channel, FakeDiscord, Role, User, permissions

CHANNELS = 5
REPLY_TIMEOUT = 30.0
CLICK_EVERY = 3  # each user presses a button under every third answer it gets
CLICKS = ("cb:more:", "cb:vote:up", "cb:ctx:", "cb:vote:down", "cb:sum:")


@dataclass(frozen=True)
class SoakOptions:
    asks: int = 1000
    users: int = 50
    reloads: int = 20
    closes: int = 10
    timeout: float = 600.0  # hard limit for the whole run, in seconds
    seed: int = 0
    hostile: int = 0  # hostile commands (and as many malformed events and typing 429s)


@dataclass
class Command:
    kind: str  # "ask", "reload" or "hostile"
    text: str
    message_id: int
    posted_at: float
    latency: float | None = None
    version: str | None = None  # the folder's version when a reload was sent
    reply: Any = None  # the bot's reply, once it came


@dataclass
class Tally:
    """What the run observed; filled as it goes, judged at the end."""

    commands: list[Command] = field(default_factory=list)
    gateway_faults: Counter[str] = field(default_factory=Counter)
    rest_faults: Counter[str] = field(default_factory=Counter)
    errors_logged: list[str] = field(default_factory=list)
    completed: int = 0
    malformed_events: int = 0
    typing_429s: int = 0
    clicks: Counter[str] = field(default_factory=Counter)  # buttons pressed, by kind
    click_failures: list[str] = field(default_factory=list)  # pressed: no answer, or an error


class Gate:
    """Lets users post, or holds them while the bot starts a new session.

    After an invalid session Discord replays nothing, so a message posted before the new
    READY would never reach the bot; posts already under way finish before ``close``
    returns. (After a close, RESUME replays what was missed: users keep posting then.)
    """

    def __init__(self) -> None:
        self._open = asyncio.Event()
        self._open.set()
        self._idle = asyncio.Event()
        self._idle.set()
        self._posting = 0

    @contextlib.asynccontextmanager
    async def posting(self) -> AsyncIterator[None]:
        await self._open.wait()
        self._posting += 1
        self._idle.clear()
        try:
            yield
        finally:
            self._posting -= 1
            if not self._posting:
                self._idle.set()

    async def close(self) -> None:
        self._open.clear()
        await self._idle.wait()

    def open(self) -> None:
        self._open.set()


@dataclass(frozen=True)
class Guild:
    """The soak's guild: users who ask, a moderator who reloads, channels to ask in."""

    moderator_role: Role
    moderator: User
    users: list[User]
    channels: list[Channel]
    hostile_user: User
    no_embeds: Channel  # Embed Links denied: replies in plain text


def build_guild(server: FakeDiscord, options: SoakOptions) -> Guild:
    guild = server.create_guild("Soak Guild", owner=server.application_owner)
    moderator_role = server.create_role(guild, "moderator")
    moderator = server.create_user("moderator")
    server.add_member(guild, moderator, roles=[moderator_role])
    users = [server.create_user(f"user-{n:03d}") for n in range(options.users)]
    for member in users:
        server.add_member(guild, member)
    channels = [server.create_text_channel(guild, f"ask-{n}") for n in range(CHANNELS)]
    hostile_user = server.create_user("hostile")
    server.add_member(guild, hostile_user)
    no_embeds = server.create_text_channel(guild, "no-embeds")
    server.set_permission_overwrite(no_embeds, guild.everyone, deny=permissions.EMBED_LINKS)
    return Guild(moderator_role, moderator, users, channels, hostile_user, no_embeds)


def replied_to(message_id: int) -> Callable[[Any], bool]:
    """Whether a message the bot sent is its reply to this one."""

    def matches(sent: Any) -> bool:
        reference = sent.message_reference or {}
        return bool(sent.delivered) and int(reference.get("message_id") or 0) == message_id

    return matches


class Load:
    """One run's users and moderator, posting to the fake Discord and waiting for replies.

    ``tally.completed`` counts the asks done; ``reached`` waits for a share of them, which is
    how reloads and faults are placed in the run.
    """

    def __init__(
        self, server: FakeDiscord, guild: Guild, root: Path, options: SoakOptions, tally: Tally
    ) -> None:
        self.server, self.guild, self.root = server, guild, root
        self.options, self.tally = options, tally
        self.rng = random.Random(options.seed)
        self.gate = Gate()
        self.progress = asyncio.Condition()

    async def send(self, kind: str, text: str, channel: Any, author: Any) -> Command:
        async with self.gate.posting():
            posted_at = time.perf_counter()
            posted = await self.server.post_message(channel, author, text)
        command = Command(kind, text, posted.id, posted_at)
        self.tally.commands.append(command)
        with contextlib.suppress(TimeoutError):  # no reply: counted as such at the end
            command.reply = await self.server.wait_for(
                replied_to(posted.id), since=posted.mark, timeout=REPLY_TIMEOUT
            )
            command.latency = time.perf_counter() - posted_at
        return command

    async def click(self, command: Command, user: User) -> None:
        """Press one of the answer's buttons (in turn: each kind, votes and a 👎 reason)."""
        server, tally, gate = self.server, self.tally, self.gate
        offered = [
            c["custom_id"]
            for row in (command.reply.components if command.reply else [])
            for c in row.get("components", [])
            if "custom_id" in c and not c.get("disabled")
        ]
        kind = CLICKS[sum(tally.clicks.values()) % len(CLICKS)]
        custom_id = next((i for i in offered if i.startswith(kind)), None)
        if custom_id is None:
            return
        tally.clicks[kind] += 1
        started = time.perf_counter()
        try:
            async with gate.posting():
                pressed = await server.click_button(command.reply, user, custom_id)
            answer = await server.wait_for_reply(pressed, timeout=REPLY_TIMEOUT)
            if answer.kind == "modal":
                async with gate.posting():
                    submitted = await server.submit_modal(pressed, {})
                answer = await server.wait_for_reply(submitted, timeout=REPLY_TIMEOUT)
        except TimeoutError:
            failed = "no answer"
        else:
            if "Something went wrong" not in answer.content:
                return
            failed = "an error reply"
        seconds = time.perf_counter() - started
        tally.click_failures.append(f"{kind} pressed: {failed} after {seconds:.1f} s")

    async def reached(self, count: float) -> None:
        async with self.progress:
            await self.progress.wait_for(lambda: self.tally.completed >= count)

    def askers(self) -> list[Coroutine[Any, Any, None]]:
        """A coroutine for each user, sending its share of the asks."""
        share, extra = divmod(self.options.asks, self.options.users)
        shares = [share + (n < extra) for n in range(self.options.users)]
        return [self.asker(n, count) for n, count in enumerate(shares)]

    async def asker(self, number: int, asks: int) -> None:
        channels, users = self.guild.channels, self.guild.users
        channel = channels[number % CHANNELS]
        for n in range(asks):
            text = f"!ask {self.rng.choice(QUESTIONS)}"
            command = await self.send("ask", text, channel, users[number])
            if n % CLICK_EVERY == 0:
                await self.click(command, users[(number + 1) % len(users)])
            async with self.progress:
                self.tally.completed += 1
                self.progress.notify_all()

    async def reloads(self) -> None:
        options = self.options
        for n in range(options.reloads):
            await self.reached((n + 1) * options.asks / (options.reloads + 1))
            version = "B" if n % 2 == 0 else "A"
            switch_version(self.root, version)
            command = await self.send(
                "reload", "!reload", self.guild.channels[0], self.guild.moderator
            )
            command.version = version

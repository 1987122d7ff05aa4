"""``python -m bench soak``: the real bot under load, reloads and faults, for a bounded time.

One event loop runs the fake Discord of the test suite (REST + gateway on 127.0.0.1) and
the real ``Citebot``. Simulated users each send their share of ``!ask`` commands, one at
a time (a user waits for the reply before asking again); a moderator sends ``!reload``s
spread over the run, switching the corpus folder between two versions just before each;
the gateway is closed (1006, 4000) or its session invalidated, and Discord's REST API
answers a reply with a 429 (Retry-After) and another with a 500, at set points of the run.

Checked: every command gets exactly one reply (replies are matched to commands by
``message_reference``), no reply is an error, every answer is exactly (byte for byte)
what the engine gives that question on corpus version A or on version B, and nothing is
logged at ERROR. Version A is the seed articles plus a short harbour timetable; version B
swaps the timetable for one that answers some of the questions differently (the switch
is one atomic rename, made only between reloads). Figures: throughput, and the latency of
each reply from the user's post to the bot's reply, p50 and p99.

The Discord-compatible server is the ``fakediscord`` package, the one the tests use.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import random
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import discord.gateway
import discord.http

from bench.metrics import percentile
from bench.report import Goal, command_line, machine_line, markdown_table
from bot.client import Citebot
from bot.cogs.utils import asking
from bot.config import CorpusSettings, DiscordSettings, QuestionLogSettings, Settings
from bot.endpoints import use_endpoints
from bot.engines import build_engine
from bot.service import CorpusService
from fakediscord import (
    Channel,
    FakeDiscord,
    Role,
    User,
    permissions,
    running,
    skip_identify_delay,
)
from fakediscord.markdown import parse
from retrieval import Answer

REPO_ROOT = Path(__file__).resolve().parent.parent

MESSAGES_ROUTE = "POST /channels/{channel_id}/messages"
CHANNELS = 5
REPLY_TIMEOUT = 30.0
VERSION_FILE = "900-harbour.txt"
CLICK_EVERY = 3  # each user presses a button under every third answer it gets
CLICKS = ("cb:more:", "cb:vote:up", "cb:ctx:", "cb:vote:down", "cb:sum:")

ANSWERED = (
    "How lively will the American party conventions be?",
    "Why should the U.S. engage North Korea?",
    "Who is Doug Bandow?",
    "What did Kim Jong Un do to the top officials appointed by his father?",
    "When did the Korean Workers' Party last hold a congress?",
    "What did Ruediger Frank observe about reforms?",
    "Why have sanctions not produced an opposition in North Korea?",
    "Is China tiring of Kim?",
    "What is Juche?",
    "Who inaugurated a system of monarchical communism?",
    "What happened to four Chinese citizens?",
    "Is the North Korean economy growing?",
)
CHANGED = (  # version A and version B answer these differently
    "When does the harbour ferry leave the north pier?",
    "When does the lighthouse museum open?",
    "Where does the night bus to the harbour stop?",  # version A abstains
)
ABSTAINED = (
    "What is the population of Brazil?",
    "What does Kim Jong Un eat for breakfast?",
    "What is the capital of France?",
    "How tall is the Eiffel Tower?",
)
QUESTIONS = ANSWERED + CHANGED + ABSTAINED

VERSIONS = {
    "A": (
        '+++\nslug = "harbour-a"\npublisher = "citebot soak benchmark"\n+++\n'
        "Harbour Timetable, Version A\n\n"
        "The harbour ferry leaves the north pier at seven in the morning and returns at six "
        "in the evening.\n\n"
        "The lighthouse museum opens on Saturdays only, from ten in the morning until four.\n"
    ),
    "B": (
        '+++\nslug = "harbour-b"\npublisher = "citebot soak benchmark"\n+++\n'
        "Harbour Timetable, Version B\n\n"
        "The harbour ferry now leaves the north pier at nine in the morning, and a second "
        "ferry leaves at noon.\n\n"
        "The lighthouse museum opens every day except Monday, from nine in the morning until "
        "five.\n\n"
        "The night bus to the harbour stops at the fish market and at the old railway station.\n"
    ),
}
GATEWAY_FAULTS = ("1006", "4000", "invalid session")

# Hostile input (with ``--hostile N``): an article whose title, byline and text carry masked
# links and markup, a user who sends these commands in turn (in a channel with embeds and in
# one that denies Embed Links), malformed gateway events, and typing requests answered with
# 429s. Each command must get one polite reply that shows no markup of the user's or the
# article's (checked with ``fakediscord.markdown``, a model of Discord's markdown).
HOSTILE_FILE = "800-hostile.txt"
HOSTILE_ARTICLE = (
    '+++\nslug = "hostile-portal"\nauthor = "[Author](https://evil.example/a)"\n'
    'publisher = "||Publisher|| `code`"\n+++\n'
    "The [Zorblat](https://evil.example) ||Portal|| `Notes` @everyone\n\n"
    "The Zorblat portal is live at [Official login](https://evil.example/login) (mirror); "
    "read [the **archive**](https://example.org/a_b) and <@123456789012345678> too.\n\n"
    "# Zorblat heading\n> quoted Zorblat\n- listed Zorblat portal :smile: ~~gone~~ __under__\n"
)
HOSTILE_COMMANDS = (
    "!summary [a](b) [Click here to verify](https://evil.example/login) (x)",
    "!summary ||spoiler|| `code` ~~gone~~ __under__ [x](https://evil.example)",
    "!ask [Who](x) is Doug Bandow [Free Nitro](https://evil.example/nitro) "
    "(Cato Institute senior fellow)",
    "!ask Where is the Zorblat portal live?",
    "!ask What does the Zorblat heading list?",
    "!summary hostile-portal",
    "!ask @here",
    "!ask the of and to",
    "!ask " + "why " * 300,
    "!ask **Kim** ||congress|| `Pyongyang` <@123456789012345678> @everyone # > - 1.",
)
THEIR_MARKUP = frozenset(
    {"link", "mention", "emoji", "code", "em", "underline", "strike", "spoiler", "heading"}
)
TYPING_ROUTE = "POST /channels/{channel_id}/typing"


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
    click_failures: int = 0  # pressed, and no answer or an error


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


class _ErrorLog(logging.Handler):
    def __init__(self, tally: Tally) -> None:
        super().__init__(logging.ERROR)
        self.tally = tally

    def emit(self, record: logging.LogRecord) -> None:
        self.tally.errors_logged.append(f"{record.name}: {record.getMessage()}")


@contextlib.contextmanager
def _errors_logged(tally: Tally) -> Iterator[None]:
    handler = _ErrorLog(tally)
    loggers = [logging.getLogger(name) for name in ("bot", "discord")]
    for logger in loggers:
        logger.addHandler(handler)
    try:
        yield
    finally:
        for logger in loggers:
            logger.removeHandler(handler)


@contextlib.contextmanager
def _endpoints(server: FakeDiscord) -> Iterator[None]:
    saved = discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    use_endpoints(server.api_base, server.gateway_url)
    try:
        yield
    finally:
        discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = saved


def reply_key(content: str, embeds: list[Any]) -> str:
    return json.dumps([content, embeds], sort_keys=True)


def expected_key(answer: Answer) -> str:
    """The reply the bot gives ``answer`` in a channel that allows embeds: its first page."""
    content, embed = asking.render(answer, 0, embeds=True)
    return reply_key(content or "", [embed.to_dict()] if embed else [])


def expected_replies(
    root: Path, settings: Settings, *, hostile: bool = False
) -> dict[str, dict[str, str]]:
    """For each question, the reply under each corpus version."""
    expected: dict[str, dict[str, str]] = {question: {} for question in QUESTIONS}
    for version, text in VERSIONS.items():
        folder = root / f"version-{version}"
        shutil.copytree(REPO_ROOT / "seeds", folder)
        (folder / VERSION_FILE).write_text(text, encoding="utf-8")
        if hostile:
            (folder / HOSTILE_FILE).write_text(HOSTILE_ARTICLE, encoding="utf-8")
        engine = build_engine(settings, folder)
        for question in QUESTIONS:
            wanted = max(settings.retrieval.top_k, settings.discord.max_passages)
            expected[question][version] = expected_key(engine.ask(question, wanted))
    return expected


def switch_version(root: Path, version: str) -> None:
    """Replace the versioned article in one atomic rename: a load sees A or B, never both."""
    staged = root / f"staged-{version}.txt"
    staged.write_text(VERSIONS[version], encoding="utf-8")
    os.replace(staged, root / "corpus" / VERSION_FILE)


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


async def soak(options: SoakOptions) -> dict[str, Any]:
    """Run the soak and return its figures and checks (``result["ok"]``)."""
    with tempfile.TemporaryDirectory(prefix="citebot-soak-") as tmp:
        root = Path(tmp)
        shutil.copytree(REPO_ROOT / "seeds", root / "corpus")
        if options.hostile:
            (root / "corpus" / HOSTILE_FILE).write_text(HOSTILE_ARTICLE, encoding="utf-8")
        switch_version(root, "A")
        server = FakeDiscord(heartbeat_interval=1.0)
        guild = build_guild(server, options)
        settings = Settings(
            corpus=CorpusSettings(directory=root / "corpus"),
            discord=DiscordSettings(
                moderator_role_ids=[guild.moderator_role.id],
                cooldown_rate=100,
                cooldown_seconds=1.0,
            ),
            question_log=QuestionLogSettings(path=root / "questions.sqlite3"),
        )
        expected = expected_replies(root, settings, hostile=bool(options.hostile))
        tally = Tally()
        finished = False
        started = time.perf_counter()
        await server.start()
        try:
            with _endpoints(server), _errors_logged(tally):
                async with asyncio.timeout(options.timeout):
                    await _drive(server, guild, settings, root, options, tally)
                    finished = True
        except TimeoutError:  # the hard limit, or the bot never came back to the gateway
            pass
        finally:
            await server.stop()
        wall = time.perf_counter() - started
        return _judge(server, tally, expected, finished, options, wall)


async def _drive(
    server: FakeDiscord,
    guild: Guild,
    settings: Settings,
    root: Path,
    options: SoakOptions,
    tally: Tally,
) -> None:
    channels, moderator, users = guild.channels, guild.moderator, guild.users
    bot = Citebot(settings, CorpusService.open(settings), guild_ready_timeout=0.2)
    skip_identify_delay(bot)
    rng = random.Random(options.seed)
    gate = Gate()
    progress = asyncio.Condition()

    def replied_to(message_id: int) -> Callable[[Any], bool]:
        def matches(sent: Any) -> bool:
            reference = sent.message_reference or {}
            return bool(sent.delivered) and int(reference.get("message_id") or 0) == message_id

        return matches

    async def send(kind: str, text: str, channel: Any, author: Any) -> Command:
        async with gate.posting():
            posted_at = time.perf_counter()
            posted = await server.post_message(channel, author, text)
        command = Command(kind, text, posted.id, posted_at)
        tally.commands.append(command)
        with contextlib.suppress(TimeoutError):  # no reply: counted as such at the end
            command.reply = await server.wait_for(
                replied_to(posted.id), since=posted.mark, timeout=REPLY_TIMEOUT
            )
            command.latency = time.perf_counter() - posted_at
        return command

    async def click(command: Command, user: User) -> None:
        """Press one of the answer's buttons (in turn: each kind, votes and a 👎 reason)."""
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
        try:
            async with gate.posting():
                pressed = await server.click_button(command.reply, user, custom_id)
            answer = await server.wait_for_reply(pressed, timeout=REPLY_TIMEOUT)
            if answer.kind == "modal":
                async with gate.posting():
                    submitted = await server.submit_modal(pressed, {})
                answer = await server.wait_for_reply(submitted, timeout=REPLY_TIMEOUT)
        except TimeoutError:
            tally.click_failures += 1
            return
        tally.click_failures += "Something went wrong" in answer.content

    async def reached(count: float) -> None:
        async with progress:
            await progress.wait_for(lambda: tally.completed >= count)

    async def asker(number: int, asks: int) -> None:
        channel = channels[number % CHANNELS]
        for n in range(asks):
            command = await send("ask", f"!ask {rng.choice(QUESTIONS)}", channel, users[number])
            if n % CLICK_EVERY == 0:
                await click(command, users[(number + 1) % len(users)])
            async with progress:
                tally.completed += 1
                progress.notify_all()

    async def reloads() -> None:
        for n in range(options.reloads):
            await reached((n + 1) * options.asks / (options.reloads + 1))
            version = "B" if n % 2 == 0 else "A"
            switch_version(root, version)
            command = await send("reload", "!reload", channels[0], moderator)
            command.version = version

    async def gateway_faults() -> None:
        for n in range(options.closes):
            await reached((n + 0.5) * options.asks / options.closes)
            fault = GATEWAY_FAULTS[n % len(GATEWAY_FAULTS)]
            mark = server.gateway_events.mark()
            if fault == "invalid session":
                await gate.close()
                await server.invalidate_session()
                await server.wait_for_gateway("ready", since=mark, timeout=REPLY_TIMEOUT)
                gate.open()
            else:
                await server.close_gateway(code=int(fault))
                await server.wait_for_gateway("resumed", since=mark, timeout=REPLY_TIMEOUT)
            tally.gateway_faults[fault] += 1

    async def rest_faults() -> None:
        await reached(options.asks * 0.3)
        server.rate_limit(MESSAGES_ROUTE, retry_after=0.5)
        tally.rest_faults["429 (Retry-After 0.5 s)"] += 1
        await reached(options.asks * 0.7)
        server.fail(MESSAGES_ROUTE, status=500)
        tally.rest_faults["500 (retried by citebot)"] += 1

    async def hostile() -> None:
        for n in range(options.hostile):
            await reached(n * options.asks / max(1, options.hostile))
            text = HOSTILE_COMMANDS[n % len(HOSTILE_COMMANDS)]
            channel = guild.no_embeds if n % 2 else channels[n % CHANNELS]
            if n % 5 == 0:  # typing is cosmetic: failing, it must not cost the reply
                server.rate_limit(TYPING_ROUTE, times=3, retry_after=0.05)
                tally.typing_429s += 3
            async with gate.posting():  # a malformed event, dropped with a warning
                event = server.message_event(channel, guild.hostile_user, "!sources")
                event["member"]["roles"] = [{"id": "1", "name": "not an id"}]
                await server.inject("MESSAGE_CREATE", event, guild_id=int(event["guild_id"]))
                tally.malformed_events += 1
            await send("hostile", text, channel, guild.hostile_user)

    share, extra = divmod(options.asks, options.users)
    shares = [share + (n < extra) for n in range(options.users)]
    async with running(bot, server.token):
        await asyncio.gather(
            *(asker(n, count) for n, count in enumerate(shares)),
            reloads(),
            gateway_faults(),
            rest_faults(),
            hostile(),
        )
        # A last message, answered after everything before it: late duplicates show by then.
        last = await server.post_message(channels[0], moderator, f"!ask {ANSWERED[0]}")
        await server.wait_for(replied_to(last.id), since=last.mark, timeout=REPLY_TIMEOUT)
        await asyncio.sleep(0.5)


def _judge(
    server: FakeDiscord,
    tally: Tally,
    expected: dict[str, dict[str, str]],
    finished: bool,
    options: SoakOptions,
    wall: float,
) -> dict[str, Any]:
    by_message: dict[int, list[Any]] = {}
    stray = 0
    for sent in server.sent.items:
        if sent.interaction_id is not None:  # answers to button clicks: judged as they come
            continue
        reference = sent.message_reference or {}
        if sent.delivered and reference.get("message_id"):
            by_message.setdefault(int(reference["message_id"]), []).append(sent)
        else:
            stray += 1
    counts = Counter(len(by_message.get(c.message_id, [])) for c in tally.commands)
    errors = inconsistent = abstained = hostile_failed = 0
    versions: Counter[str] = Counter()
    for command in tally.commands:
        replies = by_message.get(command.message_id, [])
        if not replies:
            continue
        reply = replies[0]
        if command.kind == "hostile":
            hostile_failed += not _literal_and_polite(reply)
            continue
        if command.kind == "reload":
            added = f"Added: harbour-{(command.version or '').lower()}"
            if not reply.content.startswith("Reloaded:") or added not in reply.content:
                errors += 1
            continue
        question = command.text.removeprefix("!ask ")
        key = reply_key(reply.content, reply.embeds)
        if reply.embeds == [] and "The articles cover:" not in reply.content:
            errors += 1
            continue
        matched = [v for v, k in expected[question].items() if k == key]
        abstained += reply.embeds == []
        if matched:
            versions["both" if len(matched) > 1 else matched[0]] += 1
        else:
            inconsistent += 1
    asks = [c for c in tally.commands if c.kind == "ask"]
    hostile = [c for c in tally.commands if c.kind == "hostile"]
    latencies = [c.latency * 1000 for c in asks if c.latency is not None]
    reload_ms = [c.latency * 1000 for c in tally.commands if c.kind == "reload" and c.latency]
    span = max((c.posted_at + (c.latency or 0) for c in asks), default=0) - min(
        (c.posted_at for c in asks), default=0
    )
    exactly_one = counts.get(1, 0)
    result: dict[str, Any] = {
        "command": command_line(),
        "machine": machine_line(),
        "options": asdict(options),
        "finished": finished,
        "seconds": round(wall, 2),
        "commands": len(tally.commands),
        "asks": len(asks),
        "reloads": len(tally.commands) - len(asks) - len(hostile),
        "hostile": {
            "commands": len(hostile),
            "not_literal_or_not_polite": hostile_failed,
            "malformed_events": tally.malformed_events,
            "typing_429s": tally.typing_429s,
        },
        "gateway_faults": dict(tally.gateway_faults),
        "rest_faults": dict(tally.rest_faults),
        "error_statuses_served": dict(
            sorted(Counter(str(r.status) for r in server.requests.items if r.status >= 400).items())
        ),
        "throughput_asks_per_s": round(len(asks) / span, 1) if span > 0 else 0.0,
        "latency_ms": _summary(latencies),
        "reload_latency_ms": _summary(reload_ms),
        "replies": {
            "exactly_one": exactly_one,
            "none": counts.get(0, 0),
            "more_than_one": sum(n for k, n in counts.items() if k > 1),
            "not_a_reply": stray,
            "errors": errors,
            "inconsistent": inconsistent,
            "abstentions": abstained,
        },
        "answers_by_version": dict(versions),
        "clicks": dict(sorted(tally.clicks.items())),
        "click_failures": tally.click_failures,
        "errors_logged": tally.errors_logged[:20],
    }
    result["goals"] = [g.as_dict() for g in goals(result)]
    result["ok"] = all(g["met"] for g in result["goals"])
    return result


def _literal_and_polite(reply: Any) -> bool:
    """A reply that shows no markup of theirs and is no error (refusals are fine)."""
    texts = [reply.content]
    for embed in reply.embeds:
        texts += [embed.get("title", ""), embed.get("description", "")]
        texts += [f"{f['name']}\n{f['value']}" for f in embed.get("fields", [])]
    if "Something went wrong" in reply.content:
        return False
    return not any(parse(text).kinds() & THEIR_MARKUP for text in texts)


def _summary(values: list[float]) -> dict[str, float]:
    if not values:
        return {"p50": float("nan"), "p99": float("nan"), "max": float("nan")}
    return {
        "p50": round(percentile(values, 50), 1),
        "p99": round(percentile(values, 99), 1),
        "max": round(max(values), 1),
    }


def goals(result: dict[str, Any]) -> list[Goal]:
    replies = result["replies"]
    commands = result["commands"]
    versions = result["answers_by_version"]
    mix = ", ".join(f"{name}: {n}" for name, n in sorted(versions.items()))
    finished = "" if result["finished"] else " (the run did not finish in time)"
    return [
        Goal(
            "every command gets exactly one reply, through reloads and faults",
            f"{replies['exactly_one']} of {commands}; none: {replies['none']}, more than one: "
            f"{replies['more_than_one']}, stray messages: {replies['not_a_reply']}{finished}",
            result["finished"]
            and replies["exactly_one"] == commands
            and replies["not_a_reply"] == 0,
        ),
        Goal(
            "no error replies",
            f"{replies['errors']} of {commands}",
            result["finished"] and replies["errors"] == 0,
        ),
        Goal(
            "every answer is exactly what corpus version A or version B gives",
            f"{sum(versions.values())} of {sum(versions.values()) + replies['inconsistent']} "
            f"({mix})",
            result["finished"] and replies["inconsistent"] == 0,
        ),
        Goal(
            "every hostile command answered politely, showing no markup of theirs",
            f"{result['hostile']['commands'] - result['hostile']['not_literal_or_not_polite']} "
            f"of {result['hostile']['commands']} (with {result['hostile']['malformed_events']} "
            f"malformed gateway events and {result['hostile']['typing_429s']} typing 429s)",
            result["finished"] and result["hostile"]["not_literal_or_not_polite"] == 0,
        ),
        Goal(
            "every button pressed (explore, 👍/👎 with a reason) is answered, never with an error",
            f"{sum(result['clicks'].values()) - result['click_failures']} of "
            f"{sum(result['clicks'].values())}",
            result["finished"] and result["click_failures"] == 0,
        ),
        Goal(
            "nothing logged at ERROR",
            f"{len(result['errors_logged'])} records",
            not result["errors_logged"],
        ),
    ]


def tables(result: dict[str, Any]) -> str:
    o = result["options"]
    latency, reload = result["latency_ms"], result["reload_latency_ms"]
    faults = {**result["gateway_faults"], **result["rest_faults"]}
    load = markdown_table(
        ("", "value"),
        [
            ("users", o["users"]),
            ("!ask sent", result["asks"]),
            ("!reload sent", result["reloads"]),
            ("hostile commands sent", result["hostile"]["commands"]),
            ("malformed gateway events sent", result["hostile"]["malformed_events"]),
            ("typing requests answered with 429", result["hostile"]["typing_429s"]),
            *((f"fault: {name}", n) for name, n in faults.items()),
            (
                "error statuses the fake Discord served",
                ", ".join(f"{n}x {status}" for status, n in result["error_statuses_served"].items())
                or "none",
            ),
            ("seconds in all (with start and checks)", f"{result['seconds']:.1f}"),
            ("throughput, asks answered per second", f"{result['throughput_asks_per_s']:.0f}"),
            ("!ask reply latency p50 / p99 / max, ms", _triple(latency)),
            ("!reload reply latency p50 / p99 / max, ms", _triple(reload)),
        ],
    )
    r, versions = result["replies"], result["answers_by_version"]
    checks = markdown_table(
        ("", "value"),
        [
            ("commands with exactly one reply", f"{r['exactly_one']} of {result['commands']}"),
            ("commands with no reply / more than one", f"{r['none']} / {r['more_than_one']}"),
            ("bot messages that reply to no command", r["not_a_reply"]),
            ("error replies", r["errors"]),
            (
                "hostile commands whose reply showed their markup or an error",
                result["hostile"]["not_literal_or_not_polite"],
            ),
            ("answers matching neither version", r["inconsistent"]),
            ("abstentions among the answers", r["abstentions"]),
            ("answers only version A gives", versions.get("A", 0)),
            ("answers only version B gives", versions.get("B", 0)),
            ("answers the same in both versions", versions.get("both", 0)),
            ("records logged at ERROR", len(result["errors_logged"])),
        ],
    )
    return f"{load}\n\n{checks}"


def _triple(values: dict[str, float]) -> str:
    return f"{values['p50']:.1f} / {values['p99']:.1f} / {values['max']:.1f}"


def section(result: dict[str, Any]) -> str:
    return "\n\n".join(
        [
            "## Soak: the bot under load, reloads and faults",
            f"Command: `{result['command']}`\n\n{result['machine']}",
            (
                "The real `Citebot` and the test suite's fake Discord (REST + gateway over "
                "127.0.0.1) share one event loop. Each user sends its share of `!ask`s one at "
                "a time (waiting for each reply), drawn at random from "
                f"{len(QUESTIONS)} questions: {len(ANSWERED)} the seed articles answer, "
                f"{len(CHANGED)} that corpus versions A and B answer differently, "
                f"{len(ABSTAINED)} on which both abstain. A moderator's `!reload`s are spread "
                "evenly over the run, each after switching the corpus folder to the other "
                "version (one atomic rename); gateway faults cycle through a 1006 drop, a 4000 "
                "close (the bot resumes; messages sent meanwhile are replayed) and an invalid "
                "session (the bot identifies again; users hold their posts until it is ready, "
                "as nothing is replayed then); at 30% and 70% of the asks Discord answers a "
                "reply with a 429 and with a 500. Latency runs from the user's post to the "
                "bot's reply reaching the server; throughput is answered asks per second of "
                "the ask phase. An answer counts as consistent when its content and embeds are "
                "exactly those the engine and the bot's formatter give that question on "
                "version A or on version B."
                + (_HOSTILE_TEXT if result["hostile"]["commands"] else "")
            ),
            tables(result),
        ]
    )


_HOSTILE_TEXT = (
    " With `--hostile N`, one more user sends N hostile commands spread over the run, in "
    "turn from the adversarial run's list (masked links framed to fool greedy escaping, "
    "spoilers, code, mentions, headings, a question of only common words, one of 1,200 "
    "characters, questions and summaries over an added article whose title, byline and text "
    "are full of masked links and markup), every other one in a channel that denies Embed "
    "Links; before each, a MESSAGE_CREATE whose `member.roles` holds objects instead of ids "
    "(dropped with a warning, no reply), and before every fifth, three 429s on the typing "
    "route. A hostile command passes when its one reply is no error and, read with "
    "`fakediscord.markdown`, shows no markup of the sender's or the article's."
)


def run(options: SoakOptions) -> dict[str, Any]:
    return asyncio.run(soak(options))

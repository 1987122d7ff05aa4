"""``FakeDiscord``: the test-facing API of the fake Discord server.

Build a world (users, guilds, roles, channels, DMs), start the server, point discord.py at
it (``bot.endpoints.use_endpoints(server.api_base, server.gateway_url)``), run the real
bot, then act as users (``post_message``, ``invoke_slash``, ``click_button``, ``select``)
and await what the bot did (``wait_for_reply``). Faults (429s, 5xx, slow answers, gateway
closes) are scripted here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import Any

from aiohttp import web

from . import (
    components,
    context_menus,
    interactions,
    messages,
    modals,
    rest,
    rest_commands,
    rest_interactions,
    threads,
)
from .backend import API_PREFIX, KEY, Backend
from .commands import CommandStore
from .faults import Fault, Faults
from .gateway import Gateway
from .interactions import Invocation
from .journal import GatewayEvent, Journal, Records, RequestRecord, Sent, Typing
from .models import (
    Channel,
    Config,
    Guild,
    JsonDict,
    Member,
    Overwrite,
    Role,
    Upload,
    User,
    World,
)


@dataclass(frozen=True)
class PostedMessage:
    """A message a user posted; pass it to ``wait_for_reply`` or as a ``reference``."""

    id: int
    channel_id: int
    author_id: int
    content: str
    payload: JsonDict
    mark: int


def _user(who: User | Member) -> User:
    return who.user if isinstance(who, Member) else who


def _message_id(message: PostedMessage | Sent | int) -> int:
    """The id of a message a test posted, one the bot sent, or an id given as is."""
    if isinstance(message, PostedMessage):
        return message.id
    if isinstance(message, Sent):
        return int((message.message or {})["id"])
    return message


class FakeDiscord:
    """A Discord-compatible REST + gateway server on 127.0.0.1 (a free port).

    It answers only its own bot (``token``: a random one unless given, never logged) and
    only requests addressed to its own loopback address (see ``loopback``), so another web
    page open in the same browser can neither read its channels nor post as the bot.
    """

    def __init__(
        self,
        *,
        token: str | None = None,
        bot_name: str = "FakeBot",
        heartbeat_interval: float = 1.0,
        interaction_deadline: float = 3.0,
        privileged_intents: bool = True,
        shard_count: int = 1,
    ) -> None:
        self.config = Config(
            heartbeat_interval=heartbeat_interval,
            interaction_deadline=interaction_deadline,
            privileged_intents=privileged_intents,
            shard_count=shard_count,
        )
        if token is not None:  # otherwise a random one, as Discord's are unguessable
            self.config.token = token
        self.world = World(bot_name)
        self.records = Records()
        self.faults = Faults()
        self.gateway = Gateway(self.world, self.config, self.records)
        self.commands = CommandStore(self.world)
        self._backend = Backend(
            self.world, self.config, self.records, self.faults, self.gateway, self.commands
        )
        self._runner: web.AppRunner | None = None

    # --- lifecycle ----------------------------------------------------------------

    async def start(self) -> None:
        # Discord accepts uploads far beyond aiohttp's 1 MiB default body limit.
        app = web.Application(middlewares=[rest.middleware], client_max_size=25 * 1024 * 1024)
        app[KEY] = self._backend
        rest.add_routes(app)
        rest_commands.add_routes(app)
        rest_interactions.add_routes(app)
        for path in rest.GATEWAY_PATHS:  # the second one is READY's resume_gateway_url
            app.router.add_get(path, self.gateway.handle)
        runner = web.AppRunner(app, handle_signals=False, access_log=None, shutdown_timeout=1.0)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        self._runner = runner
        host, port = runner.addresses[0][:2]
        self.config.api_base = f"http://{host}:{port}/api/v10"
        self.config.gateway_url = f"ws://{host}:{port}/gateway"
        self.config.resume_gateway_url = f"ws://{host}:{port}/gateway-resume"
        self.world.files_base = f"{self.config.api_base}/attachments"

    async def stop(self) -> None:
        if self._runner is None:
            return
        await self.gateway.shutdown()
        await self._runner.cleanup()
        self._runner = None

    async def __aenter__(self) -> FakeDiscord:
        await self.start()
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.stop()

    @property
    def token(self) -> str:
        return self.config.token

    @property
    def api_base(self) -> str:
        return self.config.api_base

    @property
    def gateway_url(self) -> str:
        return self.config.gateway_url

    @property
    def resume_gateway_url(self) -> str:
        return self.config.resume_gateway_url

    @property
    def bot_user(self) -> User:
        return self.world.bot

    @property
    def application_owner(self) -> User:
        return self.world.application.owner

    @application_owner.setter
    def application_owner(self, user: User) -> None:
        self.world.application.owner = user

    # --- building the world (before the bot connects; changes are not dispatched) --

    def create_user(self, username: str, *, bot: bool = False) -> User:
        return self.world.create_user(username, bot=bot)

    def create_guild(self, name: str, *, owner: User, bot_permissions: int | None = None) -> Guild:
        if bot_permissions is None:
            return self.world.create_guild(name, owner=owner)
        return self.world.create_guild(name, owner=owner, bot_permissions=bot_permissions)

    def create_role(
        self, guild: Guild, name: str, *, permissions: int = 0, mentionable: bool = False
    ) -> Role:
        return self.world.create_role(guild, name, permissions=permissions, mentionable=mentionable)

    def add_member(
        self, guild: Guild, user: User, *, roles: Sequence[Role] = (), nick: str | None = None
    ) -> Member:
        return self.world.add_member(guild, user, roles=list(roles), nick=nick)

    def create_text_channel(self, guild: Guild, name: str, *, topic: str | None = None) -> Channel:
        return self.world.create_text_channel(guild, name, topic=topic)

    def create_forum_channel(self, guild: Guild, name: str) -> Channel:
        return threads.forum(self.world, guild, name)

    def create_dm_channel(self, user: User | Member) -> Channel:
        """The bot's DM channel with ``user``; post there with ``post_message``."""
        return self.world.create_dm_channel(_user(user))

    def set_permission_overwrite(
        self, channel: Channel, target: Role | User | Member, *, allow: int = 0, deny: int = 0
    ) -> Overwrite:
        """E.g. ``deny=permissions.EMBED_LINKS`` on ``guild.everyone``."""
        return self.world.set_overwrite(channel, target, allow=allow, deny=deny)

    # --- acting as users --------------------------------------------------------

    async def post_message(
        self,
        channel: Channel,
        author: User | Member,
        content: str,
        *,
        reference: PostedMessage | int | None = None,
        files: Sequence[Upload] = (),
    ) -> PostedMessage:
        """Post as ``author`` and dispatch MESSAGE_CREATE to the bot.

        In a guild channel the author must be a member; in a DM channel, its recipient
        (the event then has no ``guild_id``, as on Discord). ``files`` are attached, and
        served at their attachment's ``url`` as Discord's CDN serves them.
        """
        user = _user(author)
        if channel.is_dm:
            if user.id != channel.recipient_id:
                raise ValueError(f"{user.username} is not the recipient of DM {channel.id}")
        elif user.id not in (guild := self.world.guild_of(channel)).members:
            raise ValueError(f"{user.username} is not a member of {guild.name}")
        body: JsonDict = {"content": content}
        if reference is not None:
            target = reference.id if isinstance(reference, PostedMessage) else int(reference)
            body["message_reference"] = {"message_id": str(target), "channel_id": str(channel.id)}
        attachments = [self.world.attach(upload) for upload in files]
        message = messages.create(self.world, channel, user, body, attachments=attachments)
        mark = self.records.sent.mark()
        await self.gateway.dispatch_message("MESSAGE_CREATE", message)
        return PostedMessage(int(message["id"]), channel.id, user.id, content, message, mark)

    async def start_thread(
        self, message: PostedMessage | Sent | int, user: User | Member, name: str
    ) -> Channel:
        """``user`` starts a thread from ``message`` (the thread takes its id), as a member
        does with "Create Thread"; the bot gets THREAD_CREATE."""
        message_id = _message_id(message)
        stored = self.world.messages[message_id]
        parent = self.world.channels[int(stored["channel_id"])]
        thread = threads.start(self.world, parent, _user(user), name, message_id)
        await self.gateway.dispatch(
            "THREAD_CREATE", threads.created(thread), guild_id=thread.guild_id
        )
        return thread

    async def post_in_forum(
        self, forum: Channel, author: User | Member, title: str, content: str
    ) -> PostedMessage:
        """A new post in ``forum``: a thread named ``title`` whose first message (with the
        thread's id) says ``content``; THREAD_CREATE, then MESSAGE_CREATE in the thread."""
        user = _user(author)
        thread_id = self.world.snowflakes.next()
        thread = threads.start(self.world, forum, user, title, thread_id)
        await self.gateway.dispatch(
            "THREAD_CREATE", threads.created(thread), guild_id=thread.guild_id
        )
        message = messages.create(
            self.world, thread, user, {"content": content}, extra={"id": str(thread_id)}
        )
        mark = self.records.sent.mark()
        await self.gateway.dispatch_message("MESSAGE_CREATE", message)
        return PostedMessage(thread_id, thread.id, user.id, content, message, mark)

    def message_event(self, channel: Channel, author: User | Member, content: str) -> JsonDict:
        """The MESSAGE_CREATE body ``post_message`` would send, to alter before ``inject``."""
        message = messages.create(self.world, channel, _user(author), {"content": content})
        return messages.gateway_form(self.world, message)

    async def inject(self, event: str, data: JsonDict, *, guild_id: int | None = None) -> None:
        """Dispatch ``data`` exactly as given, malformed or not, as third-party servers might."""
        await self.gateway.dispatch(event, data, guild_id=guild_id)

    async def invoke_slash(
        self,
        channel: Channel,
        user: User | Member,
        command: str,
        options: Mapping[str, Any] | None = None,
    ) -> Invocation:
        """Run ``/command [group] [sub]`` with ``options`` by name; the command must be synced.

        Values: str/int/float/bool, ``User``/``Member``/``Role``/``Channel`` for those
        option types, or an ``Upload`` for an attachment option (they are added to
        ``data.resolved`` as Discord does; an upload is served at its ``url``).
        """
        return await self._invoke(channel, user, command, options or {}, None)

    async def invoke_autocomplete(
        self,
        channel: Channel,
        user: User | Member,
        command: str,
        options: Mapping[str, Any],
        *,
        focused: str,
    ) -> Invocation:
        """Ask for choices while ``options[focused]`` is being typed (sent as a string)."""
        return await self._invoke(channel, user, command, options, focused)

    async def invoke_message_command(
        self, message: PostedMessage | Sent | int, user: User | Member, name: str
    ) -> Invocation:
        """Run the message command ``name`` (from the message's Apps menu) on ``message``."""
        message_id = _message_id(message)
        stored = self.world.messages[message_id]
        channel = self.world.channels[int(stored["channel_id"])]
        guild = self.world.guild_of(channel)
        found = self.commands.find(guild.id, name, context_menus.MESSAGE_COMMAND)
        if found is None:
            raise LookupError(f"no message command {name!r} is synced")
        payload, state = context_menus.build(self.world, found, channel, _user(user), stored)
        self._backend.interactions[state.id] = state
        mark = self.records.sent.mark()
        await self.gateway.dispatch("INTERACTION_CREATE", payload, guild_id=guild.id)
        return Invocation(state.id, state.token, channel.id, state.user_id, payload, mark)

    async def _invoke(
        self,
        channel: Channel,
        user: User | Member,
        command: str,
        options: Mapping[str, Any],
        focused: str | None,
    ) -> Invocation:
        name, *path = command.removeprefix("/").split()
        guild = self.world.guild_of(channel)
        found = self.commands.find(guild.id, name)
        if found is None:
            scopes = self.commands.in_scope(guild.id) + self.commands.in_scope(None)
            synced = [c["name"] for c in scopes]
            raise LookupError(
                f"/{name} is not synced globally or to {guild.name}; synced: {synced}"
            )
        payload, state = interactions.build(
            self.world, found, channel, _user(user), path, options, focused=focused
        )
        self._backend.interactions[state.id] = state
        mark = self.records.sent.mark()
        await self.gateway.dispatch("INTERACTION_CREATE", payload, guild_id=guild.id)
        return Invocation(state.id, state.token, channel.id, state.user_id, payload, mark)

    async def click_button(
        self, message: Sent | Mapping[str, Any] | int, user: User | Member, custom_id: str
    ) -> Invocation:
        """Press the button ``custom_id`` on ``message`` (as it is now) as ``user``.

        Refused, as a Discord client would refuse it, when the button is disabled, is a link,
        or the message is gone; the bot gets a MESSAGE_COMPONENT interaction otherwise.
        """
        return await self._use_component(message, user, custom_id, None)

    async def select(
        self,
        message: Sent | Mapping[str, Any] | int,
        user: User | Member,
        custom_id: str,
        values: Sequence[str],
        *,
        checked: bool = True,
    ) -> Invocation:
        """Pick ``values`` in the select menu ``custom_id`` on ``message`` as ``user``.

        ``checked=False`` sends ``values`` as given, none or ones the menu never offered, as a
        modified client or a hand-made request could.
        """
        return await self._use_component(message, user, custom_id, values, checked=checked)

    async def submit_modal(
        self, opener: Invocation, values: Mapping[str, str] | None = None
    ) -> Invocation:
        """Fill in and submit the form the bot opened in answer to ``opener``, as its user.

        ``values`` by each input's ``custom_id`` or label; inputs left out are submitted
        empty (refused, as a client would, if they are required).
        """
        form = modals.opened(self.sent.items, opener.id)
        opened_by = self._backend.interactions[opener.id]
        payload, state = modals.build(
            opener.payload, opened_by, form, values or {}, self.world.snowflakes.next()
        )
        self._backend.interactions[state.id] = state
        mark = self.records.sent.mark()
        await self.gateway.dispatch("INTERACTION_CREATE", payload, guild_id=state.guild_id or None)
        return Invocation(state.id, state.token, state.channel_id, state.user_id, payload, mark)

    async def _use_component(
        self,
        message: Sent | Mapping[str, Any] | int,
        user: User | Member,
        custom_id: str,
        values: Sequence[str] | None,
        *,
        checked: bool = True,
    ) -> Invocation:
        if isinstance(message, Sent):
            if message.message is None:
                raise ValueError(f"{message!r} did not create a message")
            message = message.message
        message_id = message if isinstance(message, int) else int(message["id"])
        stored = self.world.messages.get(message_id)
        if stored is None:
            raise LookupError(f"message {message_id} does not exist (deleted?)")
        payload, state = components.build(
            self.world, stored, _user(user), custom_id, values, checked=checked
        )
        self._backend.interactions[state.id] = state
        mark = self.records.sent.mark()
        await self.gateway.dispatch("INTERACTION_CREATE", payload, guild_id=state.guild_id or None)
        return Invocation(state.id, state.token, state.channel_id, state.user_id, payload, mark)

    # --- observing ----------------------------------------------------------------

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

    # --- faults -------------------------------------------------------------------

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

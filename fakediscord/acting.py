"""What a test does as Discord's users: post, start threads, run commands, press buttons.

Each act stores what a client would and dispatches the gateway event the bot receives; the
returned ``PostedMessage`` or ``Invocation`` marks where to look for the bot's answer.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from . import components, context_menus, interactions, messages, modals, threads
from .backend import Backend
from .commands import CommandStore
from .gateway import Gateway
from .interactions import Invocation
from .journal import Records, Sent
from .models import Channel, JsonDict, Member, Upload, User, World


@dataclass(frozen=True)
class PostedMessage:
    """A message a user posted; pass it to ``wait_for_reply`` or as a ``reference``."""

    id: int
    channel_id: int
    author_id: int
    content: str
    payload: JsonDict
    mark: int


def user_of(who: User | Member) -> User:
    return who.user if isinstance(who, Member) else who


def _message_id(message: PostedMessage | Sent | int) -> int:
    """The id of a message a test posted, one the bot sent, or an id given as is."""
    if isinstance(message, PostedMessage):
        return message.id
    if isinstance(message, Sent):
        return int((message.message or {})["id"])
    return message


class Acting:
    """``FakeDiscord``'s acts as users (a mixin: the server holds the world and the gateway)."""

    world: World
    records: Records
    gateway: Gateway
    commands: CommandStore
    _backend: Backend

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
        user = user_of(author)
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
        thread = threads.start(self.world, parent, user_of(user), name, message_id)
        await self.gateway.dispatch(
            "THREAD_CREATE", threads.created(thread), guild_id=thread.guild_id
        )
        return thread

    async def post_in_forum(
        self, forum: Channel, author: User | Member, title: str, content: str
    ) -> PostedMessage:
        """A new post in ``forum``: a thread named ``title`` whose first message (with the
        thread's id) says ``content``; THREAD_CREATE, then MESSAGE_CREATE in the thread."""
        user = user_of(author)
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
        message = messages.create(self.world, channel, user_of(author), {"content": content})
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
        payload, state = context_menus.build(self.world, found, channel, user_of(user), stored)
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
            self.world, found, channel, user_of(user), path, options, focused=focused
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
        form = modals.opened(self.records.sent.items, opener.id)
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
            self.world, stored, user_of(user), custom_id, values, checked=checked
        )
        self._backend.interactions[state.id] = state
        mark = self.records.sent.mark()
        await self.gateway.dispatch("INTERACTION_CREATE", payload, guild_id=state.guild_id or None)
        return Invocation(state.id, state.token, state.channel_id, state.user_id, payload, mark)
